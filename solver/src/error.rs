//! Errors of the solver: each names what the planner has to change.

use permitflow_i18n::tr;
use thiserror::Error;

/// Why a regime has no schedule, plan or simulation.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("{}", self.text())]
pub enum SolveError {
    /// The regime asked for is not in the scenario.
    UnknownRegime {
        /// The name asked for.
        name: String,
        /// The scenario's regimes, as a sentence.
        known: String,
    },
    /// A regime lists a measure the scenario does not define.
    UnknownMeasure {
        /// The regime's name.
        regime: String,
        /// The measure it names.
        measure: String,
    },
    /// The caller no longer wanted the result and stopped the work.
    Cancelled,
    /// Two measures of one regime set one item's limit to different values.
    ConflictingMeasures {
        /// The first measure, by name.
        first: String,
        /// The second measure, by name.
        second: String,
        /// The item both set.
        item: String,
        /// The first measure's limit.
        first_days: String,
        /// The second measure's limit.
        second_days: String,
    },
    /// A measure (or an option of a simulation) cannot be applied as given.
    BadMeasure {
        /// The measure, or what was given (`centre`, `add_reviewer`).
        measure: String,
        /// What is wrong and what to do.
        reason: String,
    },
    /// The lower-bound constraints form a cycle.
    Cycle {
        /// The activities on the cycle, in order.
        path: Vec<String>,
    },
    /// Upper bounds (maximum lags, deadlines) that cannot all hold with the lower bounds.
    Infeasible {
        /// The constraints on the conflicting cycle, as sentences.
        constraints: Vec<String>,
        /// The working days they overshoot, as text.
        excess: String,
    },
    /// The LP (or the planning program) failed.
    Lp(String),
    /// A method that counts working days only met a network with calendar days.
    CalendarDays {
        /// What cannot handle them: `lp` (the cross-check), `plan` (reform planning) or
        /// `returns` (the simulation of a calendar-day approval item's corrections).
        feature: String,
        /// The activity (or the link, `from → to`) counted in calendar days.
        item: String,
    },
}

impl SolveError {
    /// The error in the current language (its `Display`).
    fn text(&self) -> String {
        match self {
            Self::UnknownRegime { name, known } => {
                tr!("diag-solver-unknown-regime", name = name, known = known)
            }
            Self::UnknownMeasure { regime, measure } => {
                tr!(
                    "diag-solver-unknown-measure",
                    regime = regime,
                    measure = measure
                )
            }
            Self::Cancelled => tr!("diag-solver-cancelled"),
            Self::ConflictingMeasures {
                first,
                second,
                item,
                first_days,
                second_days,
            } => tr!(
                "diag-solver-conflicting-measures",
                first = first,
                second = second,
                item = item,
                first_days = first_days,
                second_days = second_days
            ),
            Self::BadMeasure { measure, reason } => {
                tr!(
                    "diag-solver-bad-measure",
                    measure = measure,
                    reason = reason
                )
            }
            Self::Cycle { path } => tr!("diag-solver-cycle", path = path.join(" → ")),
            Self::Infeasible {
                constraints,
                excess,
            } => tr!(
                "diag-solver-infeasible",
                excess = excess,
                constraints = constraints
                    .iter()
                    .map(|c| format!("\n  - {c}"))
                    .collect::<String>()
            ),
            Self::Lp(e) => tr!("diag-solver-lp", detail = e),
            Self::CalendarDays { feature, item } => match feature.as_str() {
                "lp" => tr!("diag-solver-calendar-lp", item = item),
                "returns" => tr!("diag-solver-calendar-returns", item = item),
                _ => tr!("diag-solver-calendar-plan", item = item),
            },
        }
    }
}
