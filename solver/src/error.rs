//! Errors of the solver: each names what the planner has to change.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum SolveError {
    #[error("unknown regime `{name}`; the scenario has {known}")]
    UnknownRegime { name: String, known: String },
    #[error("regime `{regime}` names unknown measure `{measure}`")]
    UnknownMeasure { regime: String, measure: String },
    #[error("measure `{measure}` cannot be applied: {reason}")]
    BadMeasure { measure: String, reason: String },
    #[error("the constraints go round in a circle: {}", .path.join(" → "))]
    Cycle { path: Vec<String> },
    /// Upper bounds (maximum lags, deadlines) that cannot all hold with the lower bounds.
    #[error(
        "the plan is infeasible: these constraints cannot all hold (together they ask for {excess} working days more than they allow):\n  - {}",
        .constraints.join("\n  - ")
    )]
    Infeasible {
        constraints: Vec<String>,
        excess: String,
    },
    #[error("the LP solver failed: {0}")]
    Lp(String),
}
