//! Two versions of a scenario side by side: a pinned snapshot and the current edit, two
//! scenario files, or any pair of them. Everything is matched by id and told by name:
//!
//! - [`regimes`]: per regime, the three clocks (approval days, elapsed working days, calendar
//!   days) and the fees of A and B, and B − A;
//! - [`items`]: per item under one regime, its limit, start and finish (working days from the
//!   project start and dates), float and whether it is critical, in A and in B;
//! - [`changes`]: what changed in the model (items, links, stages, joint groups, measures,
//!   regimes, targets, milestones, the application date) as short sentences.
//!
//! Pure: no files, no drawing. The desktop app's versions tab and the command line both use it.

mod changes;
mod items;

pub use changes::{Action, ModelChange, Part, changes};
pub use items::{ItemRow, ItemTimes, Slot, items};

use chrono::NaiveDate;
use permitflow_i18n::Lang;
use permitflow_model::{Calendar, Scenario, WorkingDays, validate};
use permitflow_solver::{Method, Outcome, SolveError, check_targets, evaluate};

use crate::Loaded;
use crate::rows;

/// One side of a comparison: a scenario with its calendar, every regime solved.
#[derive(Debug)]
pub struct Version {
    /// What the user calls it ("Version 1 — 16:05", a file name).
    pub label: String,
    /// The scenario as it was when the version was taken.
    pub scenario: Scenario,
    /// Its calendar.
    pub calendar: Calendar,
    /// Every regime's outcome (or why it has none), in the scenario's order.
    pub table: rows::Comparison,
    /// The language its names and results are told in.
    pub lang: Lang,
}

impl Version {
    /// Solves every regime of `scenario` (the same schedules as `permitflow compare`).
    pub fn solve(label: impl Into<String>, scenario: Scenario, calendar: Calendar) -> Self {
        let outcomes: Vec<Result<Outcome, SolveError>> = scenario
            .regimes
            .iter()
            .map(|r| evaluate(&scenario, r, &calendar, Method::Paths))
            .collect();
        let targets = check_targets(&scenario, &outcomes);
        let solved: rows::Solved = scenario
            .regimes
            .iter()
            .zip(outcomes)
            .map(|(r, o)| (r.name.to_string(), o))
            .collect();
        let table = rows::Comparison::new(&scenario, &calendar, solved, targets);
        Self {
            label: label.into(),
            scenario,
            calendar,
            table,
            lang: permitflow_i18n::lang(),
        }
    }

    /// A file read by [`crate::load`], solved.
    pub fn from_loaded(loaded: Loaded) -> Self {
        Self::solve(loaded.label, loaded.scenario, loaded.calendar)
    }

    /// The same version with its names in the current language and its results told in it
    /// again (after the user switched language); `None` when it already speaks it.
    pub fn relabelled(&self) -> Option<Self> {
        if self.lang == permitflow_i18n::lang() {
            return None;
        }
        let mut d = self.scenario.to_draft();
        d.relabel();
        let s = validate(&d, &self.label).unwrap_or_else(|_| self.scenario.clone());
        Some(Self::solve(self.label.clone(), s, self.calendar.clone()))
    }

    fn outcome(&self, regime: &str) -> Option<&Result<Outcome, SolveError>> {
        self.table
            .outcomes
            .iter()
            .find(|(n, _)| n == regime)
            .map(|(_, o)| o)
    }
}

/// The clocks and fees of one regime in one version.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clocks {
    /// Official approval days (the approval clock's working days).
    pub approval_days: WorkingDays,
    /// Elapsed working days from application to the last approval.
    pub working_days: WorkingDays,
    /// Elapsed calendar days.
    pub calendar_days: u32,
    /// What the applicant pays, in yuan.
    pub fees: f64,
    /// The day the last approval is given.
    pub end_date: NaiveDate,
}

/// A regime in one version: not there, there but without a schedule, or solved.
#[derive(Clone, Debug, PartialEq)]
pub enum Figures {
    /// The version has no regime of that name.
    Absent,
    /// It has one, but it cannot be solved (why).
    Failed(String),
    /// Its clocks.
    Solved(Clocks),
}

impl Figures {
    /// The clocks, when solved.
    pub fn clocks(&self) -> Option<&Clocks> {
        match self {
            Figures::Solved(c) => Some(c),
            _ => None,
        }
    }
}

/// One regime in A and in B.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeRow {
    /// The regime's name (its id in the files).
    pub regime: String,
    /// Its name for people (B's, else A's).
    pub label: String,
    /// In A.
    pub a: Figures,
    /// In B.
    pub b: Figures,
}

impl RegimeRow {
    /// B − A of the approval days, when both are solved.
    pub fn approval_delta(&self) -> Option<WorkingDays> {
        self.both().map(|(a, b)| b.approval_days - a.approval_days)
    }

    /// B − A of the elapsed working days, when both are solved.
    pub fn working_delta(&self) -> Option<WorkingDays> {
        self.both().map(|(a, b)| b.working_days - a.working_days)
    }

    /// B − A of the calendar days, when both are solved.
    pub fn calendar_delta(&self) -> Option<i64> {
        self.both()
            .map(|(a, b)| i64::from(b.calendar_days) - i64::from(a.calendar_days))
    }

    /// B − A of the fees in yuan, when both are solved.
    pub fn fees_delta(&self) -> Option<f64> {
        self.both().map(|(a, b)| b.fees - a.fees)
    }

    /// Whether anything differs between A and B.
    pub fn differs(&self) -> bool {
        self.a != self.b
    }

    fn both(&self) -> Option<(&Clocks, &Clocks)> {
        Some((self.a.clocks()?, self.b.clocks()?))
    }
}

/// Every regime of A, then those only B has: its clocks and fees in both.
pub fn regimes(a: &Version, b: &Version) -> Vec<RegimeRow> {
    let mut names: Vec<&str> = a.scenario.regimes.iter().map(|r| r.name.as_str()).collect();
    for r in &b.scenario.regimes {
        if !names.contains(&r.name.as_str()) {
            names.push(r.name.as_str());
        }
    }
    names
        .into_iter()
        .map(|name| {
            let label = [b, a]
                .into_iter()
                .find_map(|v| {
                    v.scenario
                        .regime(name)
                        .map(|r| v.scenario.regime_label(&r.name))
                })
                .unwrap_or_else(|| name.to_owned());
            RegimeRow {
                regime: name.to_owned(),
                label,
                a: figures(a, name),
                b: figures(b, name),
            }
        })
        .collect()
}

fn figures(v: &Version, regime: &str) -> Figures {
    match v.outcome(regime) {
        None => Figures::Absent,
        Some(Err(e)) => Figures::Failed(e.to_string()),
        Some(Ok(o)) => Figures::Solved(Clocks {
            approval_days: o.approval_days,
            working_days: o.working_days(),
            calendar_days: o.calendar_days,
            fees: o.fees,
            end_date: o.end_date,
        }),
    }
}

/// The regimes both versions have, in A's order (the choices of the per-item table).
pub fn common_regimes(a: &Version, b: &Version) -> Vec<String> {
    a.scenario
        .regimes
        .iter()
        .filter(|r| b.scenario.regime(r.name.as_str()).is_some())
        .map(|r| r.name.to_string())
        .collect()
}
