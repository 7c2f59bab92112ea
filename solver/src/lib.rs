//! Schedules for permitflow: regimes as transformations of the model, the minimum working-day
//! schedule (longest paths, with the LP through good_lp as the cross-check), an independent
//! checker, the outcomes a planner compares, reform planning (a minimum-cost flow), and
//! simulations (Monte Carlo, the approval centre).
//!
//! This crate does no IO and prints nothing.

#![warn(missing_docs)]

pub mod centre;
pub mod check;
pub mod clocks;
pub mod dated;
pub mod error;
pub mod flow;
pub mod lp;
pub mod milestones;
pub mod outcome;
pub mod paths;
pub mod plan;
pub mod regime;
mod sample;
pub mod schedule;
pub mod simulate;
pub mod targets;

pub use centre::{
    ApprovalDays, CentreOptions, CentreResult, DepartmentResult, ProjectType, ProjectTypeResult,
    ServiceTimes, StaffingGain, TargetShare, rank_reviewers, rank_reviewers_with_cancel,
    simulate_centre, simulate_centre_with_cancel,
};
pub use error::SolveError;
pub use outcome::{
    Counts, Outcome, StageSpan, TargetCheck, check_targets, evaluate, evaluate_all,
    evaluate_network,
};
pub use plan::{
    Attribution, Change, Cut, Plan, PlanMethod, RangeEnd, Removal, Sensitivity, Step, attribute,
    attribute_on, plan, plan_network, plan_network_with, plan_on, sensitivity, sensitivity_on,
    time_cost_curve, time_cost_curve_on,
};
pub use regime::network_for;
/// Nearest-rank percentiles, as every simulation reports them (calibration measures logs alike).
pub use sample::{VERIFICATION_ROUNDS, percentile};
pub use schedule::{Method, Schedule, schedule};
pub use simulate::trace;
pub use simulate::{
    SimulationOptions, SimulationResult, Spread, simulate, simulate_on, simulate_with_cancel,
};
pub use targets::describe_target;
