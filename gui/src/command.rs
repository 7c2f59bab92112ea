//! What the user asked for. Views push [`Command`]s while they draw; the app applies them after
//! the frame is drawn, so drawing never changes the document halfway through a frame.

use std::path::PathBuf;

use permitflow_app::edit::Edit;
use permitflow_app::export::ExportFormat;

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Default,
    File(PathBuf),
}

/// The modal dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes; then do this.
    Unsaved(Box<Command>),
    SaveAs,
    ExportCharts,
    ExportSchedule,
    Report,
}

/// The background work a Cancel button stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Simulation,
    Planner,
    Centre,
}

/// The inputs of an approval-centre run.
#[derive(Clone, Debug, PartialEq)]
pub struct CentreKey {
    pub portfolio: PathBuf,
    pub replications: usize,
    pub seed: u64,
}

/// What the user asked for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit; `continuing` when it continues the drag of the previous one.
    Edit(Edit, bool),
    EndDrag,
    Undo,
    Redo,
    /// Open, asking first when there are unsaved changes.
    Open(Source),
    Save,
    SaveAs(PathBuf),
    /// Save, then do this (from the unsaved-changes dialog).
    SaveThen(Box<Command>),
    /// Drop the unsaved changes and do this.
    Discard(Box<Command>),
    ExportCharts(PathBuf),
    ExportSchedule {
        regime: String,
        format: ExportFormat,
        path: PathBuf,
    },
    /// Write the HTML report (on a worker).
    WriteReport(PathBuf),
    /// Show a dialog (its path field filled with a suggestion).
    ShowDialog(Dialog),
    CloseDialog,
    /// Simulate again now, even with the same inputs.
    RunSimulation,
    RunCentre(CentreKey),
    Cancel(JobKind),
    /// Show this item in the time limits.
    ShowItem(String),
    /// Clear the problems of a file that could not be opened.
    DismissLoadProblems,
    /// A message for the status bar.
    Status(String),
    /// Quit, asking first when there are unsaved changes.
    Quit,
}
