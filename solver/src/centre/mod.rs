//! The approval centre: many projects at once, departments with a fixed number of reviewers, and
//! the waiting that statutory limits leave out.
//!
//! A discrete-event simulation in working time. Project types (a scenario under its regime) arrive
//! as Poisson processes; every project follows its regime's network
//! ([`network_for`](crate::network_for)); an activity that needs a reviewer waits for one of its
//! department's, is served for a sampled time and may be returned for correction. Replications
//! run in parallel and are seeded so that the same seed gives the same numbers on any number of
//! threads.
//!
//! # The model
//!
//! - **Time** is working time: day `t` of the run is `t` working days after the centre opens.
//!   The run lasts `warmup + horizon` working days; arrivals stop at its end, and the projects
//!   still in process are followed until they finish (so every counted project has a lead time).
//!   What is counted: projects arriving in the horizon (after the warm-up); department time
//!   averages and throughput over the horizon; work in progress sampled every [`WIP_STEP`]
//!   working days of the horizon.
//! - **Ready times** follow the links. An activity may start (be submitted) once all its links
//!   allow it: finish-to-start `s ≥ f_p + lag`, start-to-start `s ≥ s_p + lag`, finish-to-finish
//!   `s ≥ f_p + lag − d`, start-to-finish `s ≥ s_p + lag − d`, where `d` is the activity's sampled
//!   duration without waiting (service plus returns) and `s_p`, `f_p` the predecessor's realised
//!   start and finish; and no earlier than its release after the project's arrival. The bound is
//!   known when the predecessor event it depends on has happened. An activity without a queue
//!   (see below) takes its start from the bound even when that lies before the event (an FF or SF
//!   link, a negative lag), exactly as the critical-path method dates it; an activity that waits
//!   for a reviewer joins the queue no earlier than the event (a file cannot be reviewed before
//!   it exists). An activity's start is its submission; its finish is its last review's end, so
//!   waiting lengthens it and every lower-bound link holds in the realised dates.
//! - **Upper bounds** (maximum lags, deadlines) are not enforced: a queue cannot be told to hurry.
//!   Each counted project is checked against them when it finishes, and
//!   [`ProjectTypeResult::upper_bound_breaks`] is the share that broke one.
//! - **Who needs a reviewer**: reviews and filings (items of kind `review` or `filing`) and joint
//!   events with at least one such member; a joint event is served by its group's department
//!   (the first member's when the group names none), one reviewer for the whole event. Gates, the
//!   applicant's own work and utility services need none. A department not in `departments` has
//!   unlimited reviewers (its items never wait; its load is still reported). A service of 0 days
//!   (a filing done on the spot) takes no reviewer.
//! - **Calendar days**: a project type whose network has calendar-day items or lags is placed
//!   on its scenario's base calendar (`cn` or `weekends`, without extra files), the centre
//!   opening on the scenario's start date: working time `t` is the earliest calendar instant at
//!   which `t` working days have elapsed (a whole `t` is the midnight after its last working day)
//!   and back (`calendar`). A calendar-day activity needs no reviewer whatever its kind (a
//!   publicity period runs by itself), starts at the next midnight after the instant its links
//!   and the arrival allow (a calendar-day predecessor's own instants, not their working time,
//!   so one ending on a Saturday night is followed on Sunday) and lasts its sampled days rounded
//!   as the scheduler rounds a count (to the nearest half day, a half up to the whole day); its
//!   returns add whole days of correction and re-review likewise. A calendar lag is added on the
//!   calendar. On the approval clock, its review and re-reviews count the working days they
//!   cover. With one project arriving at the start of a working day and no waiting, the figures
//!   are those of
//!   [`crate::dated::schedule_dated`] from the arrival.
//! - **Service times** follow the same distributions as the durations of
//!   [`simulate`](mod@crate::simulate) (`sample::activity_draws`; the Monte Carlo draws
//!   triangular spreads in blocks, this simulation draws every spread one at a time through
//!   `rand_distr`, so the numbers match in distribution, not draw for draw): the item's spread
//!   (triangular, PERT, uniform, fixed), scaled when a measure changed
//!   the limit, a joint event's group spread, the limit without a spread. With
//!   [`ServiceTimes::Exponential`] every non-gate activity is instead exponential with its limit
//!   as mean (the textbook M/M/c assumption, for checks against queueing theory).
//! - **Returns**: the number of returns `K` is geometric, as in
//!   [`simulate`](mod@crate::simulate) (here `rand_distr::Geometric` with success probability
//!   `1 − rate`); after each review that is
//!   returned the applicant reworks for `rework` working days (no reviewer), then the file joins
//!   the queue again for a re-review of `rereview` days (default the limit). Without queues an
//!   activity lasts `service + K · (rework + rereview)`, the Monte Carlo duration.
//! - **Queues** are first come, first served, non-preemptive, with priority projects
//!   ([`ProjectType::priority`]) ahead of all others (FCFS within each class).
//! - **Bottleneck**: the finite-capacity department with the highest utilisation (busy reviewers
//!   over reviewers, time-averaged over the horizon); ties go to the longer mean wait.
//!
//! # Random numbers and common random numbers
//!
//! Generators are PCG-64 MCG as in [`simulate`](mod@crate::simulate), each seeded through
//! `rand`'s `SeedableRng::seed_from_u64` from a SplitMix64 mix of the seed and a key; the
//! exponential times (arrivals, [`ServiceTimes::Exponential`]) are `rand_distr`'s `Exp1` scaled.
//! Nothing depends on the order in which events or threads run:
//!
//! - the arrivals of a project type in replication `r`: key (seed, `r`, hash of the type's name);
//! - the durations of activity `a` of the `k`-th arrival of a type in replication `r`: key (seed,
//!   `r`, hash of the type's name, `k`, hash of the activity's id) — base draw first, then the
//!   return trials.
//!
//! So running the same portfolio under another regime, or with one more reviewer, keeps every
//! arrival time, and every item that exists under both regimes gets the same uniforms (a scaled
//! spread maps them to a scaled duration; a joint event has its own stream, keyed by its group).
//! Replications run on rayon and are combined in replication order, so results are bit-identical
//! on any number of threads.
//!
//! # Where things are
//!
//! - this file: the options and results, and [`simulate_centre`], which sets a run up;
//! - `prepare`: a project type's network, draws and departments, fixed for a run;
//! - `run`: one replication, the event loop with its queues;
//! - `calendar`: working time against the calendar, for calendar-day items and lags;
//! - `stats`: the replications combined into the averages, percentiles and standard errors;
//! - `staffing`: the one-more-reviewer what-if and [`rank_reviewers`].

mod calendar;
mod joint;
mod prepare;
mod run;
mod staffing;
mod stats;

use std::collections::{BTreeMap, HashMap};

use permitflow_model::{DayMeasure, Regime, Scenario};
use rayon::prelude::*;

use permitflow_i18n::tr;

use crate::error::SolveError;

use prepare::{Prepared, TypeModel};
use run::{RepOut, Run};
use staffing::with_added;
pub use staffing::{rank_reviewers, rank_reviewers_with_cancel};
use stats::combine;

/// Working days between two samples of the work in progress.
pub const WIP_STEP: f64 = 5.0;

/// Slack when comparing lead times with targets and realised dates with upper bounds.
const EPS: f64 = 1e-9;

/// One project type of the centre: a scenario under the regime in force, arriving at random.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectType {
    /// The type's name, as reports show it; its hash keys the type's random streams.
    pub name: String,
    /// The scenario its projects follow.
    pub scenario: Scenario,
    /// The regime in force for them.
    pub regime: Regime,
    /// Arrivals per working day (a Poisson process).
    pub rate: f64,
    /// Key projects: ahead of all others in every queue.
    pub priority: bool,
}

/// How service times are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ServiceTimes {
    /// As the scenario says (spreads and returns), the way [`simulate`](mod@crate::simulate)
    /// draws them.
    #[default]
    Scenario,
    /// Exponential with the activity's limit as mean (returns as the scenario says): the
    /// service of queueing theory's M/M/c, for checks.
    Exponential,
}

/// How long to simulate, how often, from which seed, and what-ifs.
#[derive(Clone, Debug, PartialEq)]
pub struct CentreOptions {
    /// Working days counted.
    pub horizon: f64,
    /// Independent runs, averaged; each has its own random streams.
    pub replications: usize,
    /// The seed every random stream is made from.
    pub seed: u64,
    /// Staffing what-if: one more reviewer in this department (it must be listed with finite
    /// reviewers).
    pub add_reviewer: Option<String>,
    /// Working days simulated before the horizon and not counted, so the horizon starts with
    /// loaded queues (0: the centre opens empty).
    pub warmup: f64,
    /// How service times are drawn.
    pub service: ServiceTimes,
}

impl CentreOptions {
    /// Options for `horizon` working days, `replications` runs and `seed`; the rest as
    /// [`Default`] (no warm-up, no staffing what-if, service as the scenario says).
    pub fn new(horizon: f64, replications: usize, seed: u64) -> Self {
        Self {
            horizon,
            replications,
            seed,
            ..Self::default()
        }
    }
}

impl Default for CentreOptions {
    /// A year (250 working days), 100 replications, seed 0, no warm-up.
    fn default() -> Self {
        Self {
            horizon: 250.0,
            replications: 100,
            seed: 0,
            add_reviewer: None,
            warmup: 0.0,
            service: ServiceTimes::Scenario,
        }
    }
}

/// What the centre did over the horizon, averaged over the replications.
#[derive(Clone, Debug, PartialEq)]
pub struct CentreResult {
    /// Working days counted.
    pub horizon: f64,
    /// Working days simulated before the horizon and not counted.
    pub warmup: f64,
    /// Replications run.
    pub replications: usize,
    /// The seed the replications were drawn from.
    pub seed: u64,
    /// The staffing what-if applied, if any.
    pub added_reviewer: Option<String>,
    /// Per project type, in the order given.
    pub projects: Vec<ProjectTypeResult>,
    /// Every department listed or serving an activity, by name.
    pub departments: Vec<DepartmentResult>,
    /// Projects completed per working day within the horizon (any arrival time).
    pub throughput: f64,
    /// The finite-capacity department with the highest utilisation (ties: longest mean wait);
    /// `None` without finite-capacity departments.
    pub bottleneck: Option<String>,
    /// Projects in process (arrived, not finished), sampled every [`WIP_STEP`] working days from
    /// the start of the horizon: (working day of the horizon, mean over replications).
    pub wip: Vec<(f64, f64)>,
}

/// Lead times of one project type: application to completion, waiting included.
///
/// Statistics are over the projects that arrived in the horizon and finished (all of them,
/// unless a department has no reviewers); NaN when there are none.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectTypeResult {
    /// The project type's name.
    pub name: String,
    /// The name of the regime in force for it.
    pub regime: String,
    /// Whether its projects go ahead of all others in every queue.
    pub priority: bool,
    /// Arrivals per working day.
    pub rate: f64,
    /// Projects arriving in the horizon, per replication.
    pub arrived: f64,
    /// Projects of this type finishing within the horizon, per replication.
    pub completed: f64,
    /// Arrivals in the horizon that never finished (a department without reviewers), in all.
    pub unfinished: usize,
    /// Mean lead time, working days.
    pub mean: f64,
    /// Standard error of `mean`, from the spread of the replications' means.
    pub mean_se: f64,
    /// Percentiles by nearest rank over all replications' lead times.
    pub p50: f64,
    /// The 80th percentile, by nearest rank as `p50`.
    pub p80: f64,
    /// The 95th percentile, by nearest rank as `p50`.
    pub p95: f64,
    /// The longest lead time.
    pub max: f64,
    /// Working days spent waiting for reviewers, per project.
    pub mean_wait: f64,
    /// Standard error of `mean_wait`, from the spread of the replications' means.
    pub mean_wait_se: f64,
    /// Official approval days (审批用时) per project: the working days on which the department
    /// holds one of its approval-clock files (waiting in a queue included); the applicant's
    /// corrections after a return stop the clock, the re-review (and its queue) runs it.
    /// Percentiles by nearest rank over all replications' projects, as the lead times.
    pub approval: ApprovalDays,
    /// The regime's statutory total: its working days with every activity at its limit.
    pub statutory: f64,
    /// Share of arrivals finished within `statutory`.
    pub within_statutory: f64,
    /// Each whole-regime day target of the scenario for this regime, in scenario order: its
    /// name, measure, days and the share of arrivals whose figure of that measure met it.
    pub targets: Vec<TargetShare>,
    /// Share of arrivals whose realised dates break a maximum lag or a deadline (not enforced).
    pub upper_bound_breaks: f64,
    /// Every lead time, sorted ascending (for the distribution chart).
    pub samples: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
/// A whole-regime day target and the share of arrivals that met it.
pub struct TargetShare {
    /// The target's name.
    pub name: String,
    /// The measure it bounds: elapsed working days (the lead time) or official approval days;
    /// calendar days are not simulated by the centre (its share is NaN).
    pub measure: DayMeasure,
    /// The target's days (the upper end of a range).
    pub working_days: f64,
    /// The lower end of a range target.
    pub days_min: Option<f64>,
    /// Share of the arrivals in the horizon whose figure met it (an unfinished one is a miss).
    pub share: f64,
}

/// The official approval days of a project type's projects.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApprovalDays {
    /// Mean over the finished projects.
    pub mean: f64,
    /// The median, by nearest rank.
    pub p50: f64,
    /// The 80th percentile.
    pub p80: f64,
    /// The 95th percentile.
    pub p95: f64,
    /// The most of any project.
    pub max: f64,
    /// With every activity at its limit and no waiting.
    pub statutory: f64,
    /// Every project's approval days, sorted ascending.
    pub samples: Vec<f64>,
}

/// One department over the horizon, averaged over the replications.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentResult {
    /// The department's name.
    pub name: String,
    /// `None`: unlimited (not listed).
    pub reviewers: Option<usize>,
    /// Busy reviewers over reviewers, time-averaged; NaN when unlimited.
    pub utilisation: f64,
    /// Reviewers busy on average (the offered load when unlimited).
    pub busy: f64,
    /// Files waiting for a reviewer on average.
    pub mean_queue: f64,
    /// Working days from joining the queue to the start of the review, per review (re-reviews
    /// included) submitted in the horizon; NaN when none.
    pub mean_wait: f64,
    /// Standard error of `mean_wait`, from the spread of the replications' means.
    pub mean_wait_se: f64,
    /// Reviews submitted in the horizon (re-reviews included), per replication.
    pub reviews: f64,
}

/// What one more reviewer in a department is worth.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffingGain {
    /// The department given one more reviewer.
    pub department: String,
    /// Reviewers before the addition.
    pub reviewers: usize,
    /// P80 lead time saved, working days, averaged over project types weighted by arrival rate.
    pub p80_saved: f64,
    /// Mean lead time saved, weighted the same way.
    pub mean_saved: f64,
    /// Its utilisation with today's reviewers.
    pub utilisation_before: f64,
    /// Its utilisation with one more reviewer.
    pub utilisation_after: f64,
    /// P80 saved per project type, in the order given.
    pub per_type: Vec<(String, f64)>,
}

fn bad(what: &str, reason: String) -> SolveError {
    SolveError::BadMeasure {
        measure: what.to_owned(),
        reason,
    }
}

/// Simulates the centre: `opts.replications` runs of `opts.warmup + opts.horizon` working days.
///
/// Fails when a project type's network cannot be built or its deterministic schedule is
/// infeasible (as [`crate::evaluate`] does), when the horizon, warm-up or a rate is not a valid
/// number, or when `opts.add_reviewer` names a department that is not in `departments`.
pub fn simulate_centre(
    projects: &[ProjectType],
    departments: &BTreeMap<String, usize>,
    opts: &CentreOptions,
) -> Result<CentreResult, SolveError> {
    simulate_centre_with_cancel(projects, departments, opts, &|| false)
}

/// [`simulate_centre`] that stops early, with [`SolveError::Cancelled`], once `cancelled` says
/// so: it is asked before each replication.
pub fn simulate_centre_with_cancel(
    projects: &[ProjectType],
    departments: &BTreeMap<String, usize>,
    opts: &CentreOptions,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<CentreResult, SolveError> {
    if !(opts.horizon.is_finite() && opts.horizon > 0.0) {
        return Err(bad(
            "centre",
            tr!("diag-solver-horizon", horizon = opts.horizon.to_string()),
        ));
    }
    if !(opts.warmup.is_finite() && opts.warmup >= 0.0) {
        return Err(bad(
            "centre",
            tr!("diag-solver-warmup", warmup = opts.warmup.to_string()),
        ));
    }
    let caps = with_added(departments, opts.add_reviewer.as_deref())?;

    // Departments: the listed ones and every one that serves an activity, by name.
    let mut names: BTreeMap<String, Option<usize>> =
        caps.iter().map(|(k, &v)| (k.clone(), Some(v))).collect();
    let mut built = Vec::with_capacity(projects.len());
    for p in projects {
        if !(p.rate.is_finite() && p.rate >= 0.0) {
            return Err(bad(
                "centre",
                tr!(
                    "diag-solver-rate",
                    name = p.name.as_str(),
                    rate = p.rate.to_string()
                ),
            ));
        }
        let pre = Prepared::new(p)?;
        for d in pre.served_by.iter().flatten() {
            names.entry(d.clone()).or_insert(None);
        }
        built.push(pre);
    }
    let dept_index: HashMap<&str, usize> = names
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let cap: Vec<Option<usize>> = names.values().copied().collect();
    let models: Vec<TypeModel> = built
        .into_iter()
        .zip(projects)
        .map(|(pre, p)| TypeModel::new(p, pre, &dept_index, &cap, opts.service))
        .collect();

    let run = Run {
        models: &models,
        cap: &cap,
        seed: opts.seed,
        w0: opts.warmup,
        w1: opts.warmup + opts.horizon,
        n_samples: (opts.horizon / WIP_STEP + EPS).floor() as usize + 1,
    };
    let outs: Option<Vec<RepOut>> = (0..opts.replications)
        .into_par_iter()
        .map(|r| (!cancelled()).then(|| run.replication(r as u64)))
        .collect();
    let outs = outs.ok_or(SolveError::Cancelled)?;

    Ok(combine(
        &run,
        projects,
        &models,
        names.into_iter().collect(),
        outs,
        opts,
    ))
}
