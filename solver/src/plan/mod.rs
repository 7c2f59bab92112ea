//! Reform planning: what it costs to reach a target, the whole time–cost curve, what each
//! measure of a regime is worth, and how much each critical item's limit matters.
//!
//! **Time-limit planning** (project crashing) is the LP of the time–cost trade-off (Fulkerson
//! 1961, Kelley 1961): start variables `s_i ≥ release`, a cut `c_i` per item with
//! `0 ≤ c_i ≤ days_i − floor_i` (the limit becomes `d_i = days_i − c_i`), every constraint of the
//! network with `d` as variables (FS `s_to ≥ s_from + d_from + lag`, SS, FF, SF, maximum lags as
//! upper bounds), deadlines `s_i + d_i ≤ D`, and `s_i + d_i ≤ target`; minimise `Σ cost_i c_i`,
//! then, at that cost, the total number of days cut (so free or tied cuts are not made for
//! nothing: every cost is raised by a hair). Written with finish times `f_i = s_i + d_i`, every
//! constraint is a difference of two times, so the program's dual is a minimum-cost flow:
//! [`PlanMethod::Flow`] (the default) solves it exactly by the network simplex of `flow.rs`, in
//! integer half days. [`PlanMethod::Lp`] solves the same program through good_lp (the
//! cross-check; tests compare the two). The matrix is totally unimodular, so with half-day data
//! every vertex, and therefore every optimum, is a multiple of half a day; the plan's working
//! days come from the exact longest-path schedule of the new limits.
//!
//! The least achievable makespan is the schedule with every limit at its floor when cutting a
//! limit can never delay anything ("monotone" networks: no FF/SF link into, and no FS/FF maximum
//! lag out of, an item that can be cut); otherwise it is the LP's least makespan, and the
//! limits are cut as deep as that makespan allows.
//!
//! **Calendar-day items** (a publicity period, a construction period) and calendar lags are
//! never cut: they are not a department's limit. The programs above are in working time, where
//! a calendar-day item's length depends on where it starts, so `exact` holds each one at the
//! working days it spans in the exact dated schedule ([`crate::dated::held`]), solves the
//! program, re-times the plan exactly with the dated scheduler, and when the exact figure
//! misses the target (the item now spans a different weekend) holds the items where that plan
//! put them and solves again; when the held lengths repeat a program already solved, its
//! target is tightened by the excess. After at most [`ROUNDS`] rounds it falls back to the
//! deepest cut (exact, reaching the least working days) and says so (`Plan::fallback`). The
//! plan found is the cheapest for the lengths it was solved with, not a proven optimum of the
//! exact (non-convex) problem.
//! Every figure reported (makespan, least, each curve point, sensitivity, attribution) is the
//! exact dated one.
//!
//! This module does no IO and prints nothing.
//!
//! # Where things are
//!
//! - this file: the plan's types and [`plan`];
//! - `crash`: the crashing program, its least makespan and the time–cost curve, solved by
//!   `flow.rs` or by the LP in `lp`;
//! - `exact`: planning with calendar-day items, re-timed exactly;
//! - `attribution`: what each part of a regime is worth;
//! - `sensitivity`: what each critical item's limit is worth.

mod attribution;
pub(crate) mod crash;
mod exact;
mod sensitivity;

use chrono::NaiveDate;
use permitflow_model::{Calendar, Network, Regime, Scenario, WorkingDays};

use crate::error::SolveError;
use crate::regime::network_for;

pub use attribution::{Attribution, Change, Removal, Step, attribute, attribute_on};
pub use crash::{plan_network_with, time_cost_curve, time_cost_curve_on};
pub use exact::ROUNDS;
pub use sensitivity::{RangeEnd, Sensitivity, sensitivity, sensitivity_on};

/// Where a network's days are placed: what exact schedules with calendar days need.
pub(crate) struct Dates<'a> {
    pub(crate) calendar: &'a Calendar,
    pub(crate) application: NaiveDate,
}

impl<'a> Dates<'a> {
    pub(crate) fn of(scenario: &Scenario, calendar: &'a Calendar) -> Self {
        Self {
            calendar,
            application: scenario.start,
        }
    }
}

/// Differences below this are solver noise (inputs are multiples of half a day).
const EPS: f64 = 1e-6;

/// One item's limit cut by the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Cut {
    /// Activity id: an item, or a joint group under joint review.
    pub id: String,
    /// The limit before the cut.
    pub from: WorkingDays,
    /// The new limit.
    pub to: WorkingDays,
    /// Working days cut: `from − to`.
    pub days: WorkingDays,
    /// What this cut costs: the item's cost per working day times `days`.
    pub cost: f64,
}

/// The cheapest way to bring a regime to a target number of working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The target asked for.
    pub target: WorkingDays,
    /// Whether any choice of limits between the floors and today's limits reaches the target.
    pub reachable: bool,
    /// Today's working days, before any cut.
    pub current: WorkingDays,
    /// The makespan with the new limits (longest paths); today's when unreachable.
    pub working_days: WorkingDays,
    /// Total cost of the cuts; 0 when unreachable (nothing is proposed).
    pub cost: f64,
    /// The least working days any limits down to the floors achieve.
    pub least_working_days: WorkingDays,
    /// Only the items actually cut, in network order; empty when unreachable.
    pub cuts: Vec<Cut>,
    /// When unreachable: the critical activities (gates left out) of the least schedule, in
    /// network order: what limits the minimum. Empty when reachable.
    pub limiting: Vec<String>,
    /// With calendar-day items: how many times the plan was re-timed exactly (1 when the
    /// first program's plan already met the target); 0 without calendar days or cuts.
    pub rounds: u32,
    /// With calendar-day items: no program within the rounds met the target exactly, so the
    /// plan is the deepest cut (it reaches the least working days; a cheaper one may exist).
    pub fallback: bool,
    /// The activities counted in calendar days (a publicity period, a construction period):
    /// never cut, placed exactly on the calendar. Empty for working-days-only networks.
    pub calendar_items: Vec<String>,
}

/// The cheapest limits that bring `regime` to at most `target` working days.
///
/// A target at or above today's working days needs no cut; one below the least achievable is
/// reported unreachable with the least working days and what limits them. Errors: the regime's
/// network cannot be built or scheduled (the same errors as `schedule`), or the LP fails.
///
/// Calendar-day items are placed on the base calendar of the scenario ([`plan_on`] takes one
/// with calendar files).
pub fn plan(scenario: &Scenario, regime: &Regime, target: WorkingDays) -> Result<Plan, SolveError> {
    plan_on(
        scenario,
        regime,
        &Calendar::for_base(scenario.calendar.base),
        target,
    )
}

/// [`plan`] under `calendar`: a network with calendar-day items is planned in working time with
/// those items held at their exact working lengths and every plan re-timed exactly (`exact`).
pub fn plan_on(
    scenario: &Scenario,
    regime: &Regime,
    calendar: &Calendar,
    target: WorkingDays,
) -> Result<Plan, SolveError> {
    let net = network_for(scenario, regime)?;
    exact::plan(
        &net,
        &Dates::of(scenario, calendar),
        target,
        PlanMethod::Flow,
    )
}

/// How the planning programs are solved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanMethod {
    /// Exactly, through the dual minimum-cost flow (network simplex, `flow.rs`); the LP takes
    /// over for data that is not in half days or if the pivot safeguard is reached.
    #[default]
    Flow,
    /// The general LP through good_lp (the cross-check).
    Lp,
}

/// `plan` for a network already built (a regime's network, or one made by a program).
pub fn plan_network(net: &Network, target: WorkingDays) -> Result<Plan, SolveError> {
    plan_network_with(net, target, PlanMethod::Flow)
}

/// A network without dates (`plan_network`) is planned on a working-day schedule: one with
/// anything counted in calendar days is refused, naming it, rather than planned on a wrong
/// schedule ([`plan_on`] places them).
pub(crate) fn working_days_only(net: &Network) -> Result<(), SolveError> {
    match crate::dated::first_calendar(net) {
        Some(item) => Err(SolveError::CalendarDays {
            feature: "plan".into(),
            item,
        }),
        None => Ok(()),
    }
}
