//! What the app keeps between runs (eframe's persistence stores [`Settings`]; the window layout
//! is kept by eframe and egui themselves) and the tabs of the central area.

use permitflow_i18n::{Detected, Lang, tr};
use serde::{Deserialize, Serialize};

/// The tabs of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// The regimes compared: table, targets, Gantt charts.
    #[default]
    Compare,
    /// Percentiles of the lead time under random durations.
    Simulation,
    /// The reform planner: the cheapest cuts to reach a target.
    Planner,
    /// The approval centre: many projects through departments with few reviewers.
    Centre,
    /// Calibration: an approval system's event log measured against the scenario, the fit
    /// per item, and the fitted numbers adopted.
    Calibrate,
    /// Authoring: stages, items, departments, regimes, targets and joint groups.
    Author,
    /// The interactive Gantt of one regime, with a baseline.
    Schedule,
    /// Two versions or two scenarios side by side: pinned versions, the current one, files.
    Versions,
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Tab; 8] = [
        Tab::Compare,
        Tab::Schedule,
        Tab::Simulation,
        Tab::Planner,
        Tab::Centre,
        Tab::Calibrate,
        Tab::Author,
        Tab::Versions,
    ];

    /// The tab's title in the window, in the current language.
    pub fn title(self) -> String {
        match self {
            Tab::Compare => tr!("gui-tab-compare"),
            Tab::Simulation => tr!("gui-tab-simulation"),
            Tab::Planner => tr!("gui-tab-planner"),
            Tab::Centre => tr!("gui-tab-centre"),
            Tab::Calibrate => tr!("gui-tab-calibrate"),
            Tab::Author => tr!("gui-tab-author"),
            Tab::Schedule => tr!("gui-tab-schedule"),
            Tab::Versions => tr!("gui-tab-versions"),
        }
    }

    /// `compare`, `simulation`, `planner`, `centre` (as on the command line).
    pub fn parse(text: &str) -> Option<Tab> {
        match text.to_ascii_lowercase().as_str() {
            "compare" | "comparison" => Some(Tab::Compare),
            "simulation" | "simulate" => Some(Tab::Simulation),
            "planner" | "plan" => Some(Tab::Planner),
            "centre" | "center" => Some(Tab::Centre),
            "calibrate" | "calibration" => Some(Tab::Calibrate),
            "author" | "edit" => Some(Tab::Author),
            "schedule" | "gantt" => Some(Tab::Schedule),
            "versions" | "diff" => Some(Tab::Versions),
            _ => None,
        }
    }

    /// The tab's name in suggested file names.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Compare => "compare",
            Tab::Simulation => "simulation",
            Tab::Planner => "planner",
            Tab::Centre => "centre",
            Tab::Calibrate => "calibrate",
            Tab::Author => "author",
            Tab::Schedule => "schedule",
            Tab::Versions => "versions",
        }
    }
}

/// What is kept between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Files opened, most recent first.
    pub recent: Vec<String>,
    /// The tab shown.
    pub tab: Tab,
    /// Iterations of a simulation run.
    pub iterations: usize,
    /// The simulation's seed.
    pub seed: u64,
    /// Simulate again whenever the scenario or the options change.
    pub simulate_on_change: bool,
    /// The regime the reform planner plans for.
    pub plan_regime: String,
    /// The reform planner's target, in working days.
    pub plan_target: f64,
    /// The target is chosen for the scenario: halfway from today's working days to the least
    /// achievable (as the report's), until the planner types one.
    pub plan_target_auto: bool,
    /// The regime whose float the time-limit table shows and whose schedule is exported.
    pub regime: String,
    /// Charts fitted to the width of the window (else drawn at full size).
    pub fit_charts: bool,
    /// The approval centre's portfolio file.
    pub centre_portfolio: String,
    /// Replications of an approval-centre run.
    pub centre_replications: usize,
    /// The approval centre's seed.
    pub centre_seed: u64,
    /// A holiday-cn file applied to every scenario opened (e.g. next year's official
    /// holidays), as `--calendar` on the command line; empty for none.
    pub calendar_file: String,
    /// The event log (CSV or XES) the calibration tab measures; empty until one is chosen.
    pub calibrate_log: String,
    /// The language the user chose in the menu (`en`, `zh-CN`); empty until they choose, and
    /// then `PERMITFLOW_LANG`, the locale variables and the system decide.
    pub lang: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            tab: Tab::Compare,
            iterations: 10_000,
            seed: 1,
            simulate_on_change: true,
            plan_regime: "joint".into(),
            plan_target: 30.0,
            plan_target_auto: true,
            regime: "joint".into(),
            fit_charts: true,
            centre_portfolio: String::new(),
            centre_replications: 20,
            centre_seed: 1,
            calendar_file: String::new(),
            calibrate_log: String::new(),
            lang: String::new(),
        }
    }
}

/// Most recent files kept.
pub const RECENT_LIMIT: usize = 10;

impl Settings {
    /// Puts a file first among the recent ones.
    pub fn remember(&mut self, file: String) {
        self.recent.retain(|r| r != &file);
        self.recent.insert(0, file);
        self.recent.truncate(RECENT_LIMIT);
    }
}

impl Settings {
    /// The language chosen in the menu, when one was.
    pub fn chosen_lang(&self) -> Option<Lang> {
        Lang::parse(&self.lang)
    }
}

/// The language at start-up: the choice saved in the settings, then `PERMITFLOW_LANG`, then
/// `LC_ALL`/`LC_MESSAGES`/`LANG` (read by `var`), then the system's locale (`system`, from the
/// `sys-locale` crate in the binary), else English.
pub fn startup_lang(
    settings: &Settings,
    var: impl Fn(&str) -> Option<String>,
    system: Option<&str>,
) -> Detected {
    let saved = settings.chosen_lang().map(Lang::code);
    permitflow_i18n::detect(saved, var, system)
}
