//! Errors of the solver: each names what the planner has to change.

use thiserror::Error;

/// Why a regime has no schedule, plan or simulation.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum SolveError {
    /// The regime asked for is not in the scenario.
    #[error("unknown regime `{name}`; the scenario has {known}")]
    UnknownRegime {
        /// The name asked for.
        name: String,
        /// The scenario's regimes, as a sentence.
        known: String,
    },
    /// A regime lists a measure the scenario does not define.
    #[error("regime `{regime}` names unknown measure `{measure}`")]
    UnknownMeasure {
        /// The regime's name.
        regime: String,
        /// The measure it names.
        measure: String,
    },
    /// The caller no longer wanted the result and stopped the work.
    #[error("cancelled")]
    Cancelled,
    /// Two measures of one regime set one item's limit to different values.
    #[error(
        "measures `{first}` and `{second}` both set the limit of `{item}` (to {first_days} and {second_days} working days): keep one of them in the regime"
    )]
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
    #[error("measure `{measure}` cannot be applied: {reason}")]
    BadMeasure {
        /// The measure, or what was given (`centre`, `add_reviewer`).
        measure: String,
        /// What is wrong and what to do.
        reason: String,
    },
    /// The lower-bound constraints form a cycle.
    #[error("the constraints go round in a circle: {}", .path.join(" → "))]
    Cycle {
        /// The activities on the cycle, in order.
        path: Vec<String>,
    },
    /// Upper bounds (maximum lags, deadlines) that cannot all hold with the lower bounds.
    #[error(
        "the plan is infeasible: these constraints cannot all hold (together they ask for {excess} working days more than they allow):\n  - {}",
        .constraints.join("\n  - ")
    )]
    Infeasible {
        /// The constraints on the conflicting cycle, as sentences.
        constraints: Vec<String>,
        /// The working days they overshoot, as text.
        excess: String,
    },
    /// The LP (or the planning program) failed.
    #[error("the LP solver failed: {0}")]
    Lp(String),
}
