//! What the app keeps between runs (eframe's persistence stores [`Settings`]; the window layout
//! is kept by eframe and egui themselves) and the tabs of the central area.

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
    /// Authoring: stages, items, departments, regimes, targets and joint groups.
    Author,
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Tab; 5] = [
        Tab::Compare,
        Tab::Simulation,
        Tab::Planner,
        Tab::Centre,
        Tab::Author,
    ];

    /// The tab's title in the window.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Compare => "Compare regimes",
            Tab::Simulation => "Simulation",
            Tab::Planner => "Reform planner",
            Tab::Centre => "Approval centre",
            Tab::Author => "Author",
        }
    }

    /// `compare`, `simulation`, `planner`, `centre` (as on the command line).
    pub fn parse(text: &str) -> Option<Tab> {
        match text.to_ascii_lowercase().as_str() {
            "compare" | "comparison" => Some(Tab::Compare),
            "simulation" | "simulate" => Some(Tab::Simulation),
            "planner" | "plan" => Some(Tab::Planner),
            "centre" | "center" => Some(Tab::Centre),
            "author" | "edit" => Some(Tab::Author),
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
            Tab::Author => "author",
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
            regime: "joint".into(),
            fit_charts: true,
            centre_portfolio: String::new(),
            centre_replications: 20,
            centre_seed: 1,
            calendar_file: String::new(),
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
