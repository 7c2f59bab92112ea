//! What the user asked for. Views push [`Command`]s while they draw; the app applies them after
//! the frame is drawn, so drawing never changes the document halfway through a frame.

use std::path::PathBuf;

use permitflow_app::edit::Edit;
use permitflow_app::export::ExportFormat;
use permitflow_i18n::Lang;

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The built-in default scenario.
    Default,
    /// A scenario or item list on disk.
    File(PathBuf),
    /// A new scenario from a template: the four national stages, or one stage and one item.
    New {
        /// The four national stages (else one stage and one item).
        four_stages: bool,
    },
}

/// The modal dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes; then do this.
    Unsaved(Box<Command>),
    /// Save the scenario under a new path.
    SaveAs,
    /// Export the charts of the tab shown (SVG or PNG).
    ExportCharts,
    /// Export one regime's schedule (MSPDI, CSV or JSON).
    ExportSchedule,
    /// Write the HTML report.
    Report,
    /// Open a scenario, item list, calendar file or event log (the built-in file browser).
    Open,
    /// Unsaved work found at start: recover it, discard it, or decide later.
    Recover(Box<crate::recovery::Found>),
    /// Choose a file for a field of a tab.
    Pick(PickFor),
}

/// The fields a file is chosen for with a file dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    /// A holiday-cn calendar file, applied to the scenario.
    Calendar,
    /// The calibration tab's event log.
    EventLog,
    /// The approval centre's portfolio.
    Portfolio,
}

impl PickFor {
    /// The extensions offered (no dot).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            PickFor::Calendar => &["json"],
            PickFor::EventLog => &["csv", "xes"],
            PickFor::Portfolio => &["toml"],
        }
    }
}

/// The background work a Cancel button stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// The Monte Carlo simulation of the regimes.
    Simulation,
    /// The reform planner.
    Planner,
    /// The approval-centre run.
    Centre,
    /// The calibration of an event log.
    Calibration,
}

/// The inputs of an approval-centre run.
#[derive(Clone, Debug, PartialEq)]
pub struct CentreKey {
    /// The portfolio file (.toml) of project types and departments.
    pub portfolio: PathBuf,
    /// How many replications to run.
    pub replications: usize,
    /// The seed of the random arrivals and durations.
    pub seed: u64,
}

/// The inputs of a calibration: the log, measured against the document's revision, validated
/// under a regime with a seed.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationKey {
    /// The event log (CSV or XES).
    pub log: PathBuf,
    /// The document's revision it is measured against.
    pub revision: u64,
    /// The regime the fitted scenario is simulated under for the validation.
    pub regime: String,
    /// The validation's seed.
    pub seed: u64,
    /// The language its tables and charts are told in.
    pub lang: Lang,
}

/// What the user asked for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit; `continuing` when it continues the drag of the previous one.
    Edit(Edit, bool),
    /// The drag of a value ended: the next edit is a new undo step.
    EndDrag,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Open, asking first when there are unsaved changes.
    Open(Source),
    /// Save the scenario to its file (asking for a path when it has none).
    Save,
    /// Save the scenario to this path.
    SaveAs(PathBuf),
    /// Save, then do this (from the unsaved-changes dialog).
    SaveThen(Box<Command>),
    /// Drop the unsaved changes and do this.
    Discard(Box<Command>),
    /// Write the charts of the tab shown to this path.
    ExportCharts(PathBuf),
    /// Write one regime's schedule in an exchange format.
    ExportSchedule {
        /// The regime whose schedule is written.
        regime: String,
        /// MSPDI, CSV or JSON.
        format: ExportFormat,
        /// Where the file is written.
        path: PathBuf,
    },
    /// Write the HTML report (on a worker).
    WriteReport(PathBuf),
    /// Show a dialog (its path field filled with a suggestion).
    ShowDialog(Dialog),
    /// Close the dialog shown.
    CloseDialog,
    /// Simulate again now, even with the same inputs.
    RunSimulation,
    /// Run the approval centre with these inputs (on a worker).
    RunCentre(CentreKey),
    /// Measure this event log against the open scenario (on a worker).
    RunCalibration(PathBuf),
    /// Stop waiting for this background work.
    Cancel(JobKind),
    /// Show this item in the time limits.
    ShowItem(String),
    /// Clear the problems of a file that could not be opened.
    DismissLoadProblems,
    /// Apply this holiday-cn file to the scenario and every one opened after (remembered), or
    /// forget the one in use (`None`).
    UseCalendar(Option<PathBuf>),
    /// A message for the status bar.
    Status(String),
    /// Speak another language: every label, name and result redrawn in it at once, the
    /// choice remembered in the settings.
    SetLang(Lang),
    /// Quit, asking first when there are unsaved changes.
    Quit,
    /// Open the unsaved work kept in this recovery file as unsaved changes to its document.
    Recover(PathBuf),
    /// Delete this recovery file.
    DiscardRecovery(PathBuf),
    /// Open the report of the current tab in the system's browser, to print or save as PDF.
    Print,
    /// Work the scenario out with this value of a project attribute (`None`: its default
    /// again), as `--attr` does: not an edit of the scenario.
    SetAttribute(String, Option<permitflow_model::rules::Value>),
    /// Work the scenario out with every project attribute's default again.
    ResetAttributes,
    /// Work the scenario out for a variant of its family (`None`: the default project), as
    /// `--variant` does.
    UseVariant(Option<String>),
}
