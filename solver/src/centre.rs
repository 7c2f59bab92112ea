//! The approval centre: many projects at once, departments with a fixed number of reviewers, and
//! the waiting that statutory limits leave out.
//!
//! A discrete-event simulation in working time. Project types (a scenario under its regime) arrive
//! as Poisson processes; every project follows its regime's network ([`network_for`]); an activity
//! that needs a reviewer waits for one of its department's, is served for a sampled time and may
//! be returned for correction. Replications run in parallel and are seeded so that the same seed
//! gives the same numbers on any number of threads.
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
//! - **Service times** follow the same distributions as [`crate::simulate`]'s durations
//!   (`sample::activity_draws`; the Monte Carlo draws them in blocks, this simulation one at a
//!   time, so the numbers match in distribution, not draw for draw): the item's spread
//!   (triangular, PERT, uniform, fixed), scaled when a measure changed the limit, a joint event's
//!   group spread, the limit without a spread. With [`ServiceTimes::Exponential`] every
//!   non-gate activity is instead exponential with its limit as mean (the textbook M/M/c
//!   assumption, for checks against queueing theory).
//! - **Returns**: the number of returns `K` is geometric, as in [`crate::simulate`] (here one
//!   uniform per trial); after each review that is returned the applicant reworks for `rework`
//!   working days (no reviewer), then the file joins the queue again for a re-review of
//!   `rereview` days (default the limit). Without queues an activity lasts `service + K · (rework
//!   + rereview)`, the Monte Carlo duration.
//! - **Queues** are first come, first served, non-preemptive, with priority projects
//!   ([`ProjectType::priority`]) ahead of all others (FCFS within each class).
//! - **Bottleneck**: the finite-capacity department with the highest utilisation (busy reviewers
//!   over reviewers, time-averaged over the horizon); ties go to the longer mean wait.
//!
//! # Random numbers and common random numbers
//!
//! Generators are PCG-64 MCG as in [`crate::simulate`], each started from a SplitMix64 mix of the
//! seed and a key; nothing depends on the order in which events or threads run:
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

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap, VecDeque};

use permitflow_model::{ActivityKind, ItemKind, LinkKind, Regime, Scenario};
use rand_pcg::Pcg64Mcg;

use crate::sample::{Sampler, Shape, activity_draws, pcg, percentile, splitmix64};
use rayon::prelude::*;

use crate::error::SolveError;
use crate::paths::link_offset;
use crate::regime::network_for;
use crate::schedule::{Method, schedule};

/// Working days between two samples of the work in progress.
pub const WIP_STEP: f64 = 5.0;

/// Slack when comparing lead times with targets and realised dates with upper bounds.
const EPS: f64 = 1e-9;

/// One project type of the centre: a scenario under the regime in force, arriving at random.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectType {
    pub name: String,
    pub scenario: Scenario,
    pub regime: Regime,
    /// Arrivals per working day (a Poisson process).
    pub rate: f64,
    /// Key projects: ahead of all others in every queue.
    pub priority: bool,
}

/// How service times are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ServiceTimes {
    /// As the scenario says (spreads and returns), the way [`crate::simulate`] draws them.
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
    pub replications: usize,
    pub seed: u64,
    /// Staffing what-if: one more reviewer in this department (it must be listed with finite
    /// reviewers).
    pub add_reviewer: Option<String>,
    /// Working days simulated before the horizon and not counted, so the horizon starts with
    /// loaded queues (0: the centre opens empty).
    pub warmup: f64,
    pub service: ServiceTimes,
}

impl CentreOptions {
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
    pub horizon: f64,
    pub warmup: f64,
    pub replications: usize,
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
    pub name: String,
    pub regime: String,
    pub priority: bool,
    /// Arrivals per working day.
    pub rate: f64,
    /// Projects arriving in the horizon, per replication.
    pub arrived: f64,
    /// Projects of this type finishing within the horizon, per replication.
    pub completed: f64,
    /// Arrivals in the horizon that never finished (a department without reviewers), in all.
    pub unfinished: usize,
    pub mean: f64,
    /// Standard error of `mean`, from the spread of the replications' means.
    pub mean_se: f64,
    /// Percentiles by nearest rank over all replications' lead times.
    pub p50: f64,
    pub p80: f64,
    pub p95: f64,
    pub max: f64,
    /// Working days spent waiting for reviewers, per project.
    pub mean_wait: f64,
    /// Standard error of `mean_wait`, from the spread of the replications' means.
    pub mean_wait_se: f64,
    /// The regime's statutory total: its working days with every activity at its limit.
    pub statutory: f64,
    /// Share of arrivals finished within `statutory`.
    pub within_statutory: f64,
    /// Each whole-regime working-day target of the scenario for this regime, in scenario order:
    /// its name, its working days and the share of arrivals finished within them.
    pub targets: Vec<TargetShare>,
    /// Share of arrivals whose realised dates break a maximum lag or a deadline (not enforced).
    pub upper_bound_breaks: f64,
    /// Every lead time, sorted ascending (for the distribution chart).
    pub samples: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetShare {
    pub name: String,
    pub working_days: f64,
    pub share: f64,
}

/// One department over the horizon, averaged over the replications.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentResult {
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
    pub department: String,
    /// Reviewers before the addition.
    pub reviewers: usize,
    /// P80 lead time saved, working days, averaged over project types weighted by arrival rate.
    pub p80_saved: f64,
    /// Mean lead time saved, weighted the same way.
    pub mean_saved: f64,
    pub utilisation_before: f64,
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

/// `departments` with one more reviewer in `add`, which must be listed.
fn with_added(
    departments: &BTreeMap<String, usize>,
    add: Option<&str>,
) -> Result<BTreeMap<String, usize>, SolveError> {
    let mut caps = departments.clone();
    if let Some(d) = add {
        match caps.get_mut(d) {
            Some(c) => *c += 1,
            None => {
                return Err(bad(
                    "add_reviewer",
                    format!(
                        "department `{d}` has no listed reviewers (departments not listed have \
                         unlimited capacity); list it with its reviewers or pick one of: {}",
                        departments
                            .keys()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    Ok(caps)
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
    if !(opts.horizon.is_finite() && opts.horizon > 0.0) {
        return Err(bad(
            "centre",
            format!(
                "the horizon {} is not a positive number of working days",
                opts.horizon
            ),
        ));
    }
    if !(opts.warmup.is_finite() && opts.warmup >= 0.0) {
        return Err(bad(
            "centre",
            format!(
                "the warm-up {} is not a number of working days ≥ 0",
                opts.warmup
            ),
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
                format!(
                    "project type `{}` has arrival rate {}, not a number ≥ 0",
                    p.name, p.rate
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
    let outs: Vec<RepOut> = (0..opts.replications)
        .into_par_iter()
        .map(|r| run.replication(r as u64))
        .collect();

    Ok(combine(
        &run,
        projects,
        &models,
        names.into_iter().collect(),
        outs,
        opts,
    ))
}

/// Ranks the finite-capacity departments by what one more reviewer saves: each is rerun with one
/// more reviewer (same seed, so the same arrivals and samples) and compared with the baseline
/// (`departments` with `opts.add_reviewer` applied, if any). Largest P80 saving first (ties:
/// mean saving, then name).
pub fn rank_reviewers(
    projects: &[ProjectType],
    departments: &BTreeMap<String, usize>,
    opts: &CentreOptions,
) -> Result<Vec<StaffingGain>, SolveError> {
    let base_deps = with_added(departments, opts.add_reviewer.as_deref())?;
    let plain = CentreOptions {
        add_reviewer: None,
        ..opts.clone()
    };
    let base = simulate_centre(projects, &base_deps, &plain)?;
    let mut gains = Vec::new();
    for (dept, &reviewers) in &base_deps {
        let with = simulate_centre(
            projects,
            &base_deps,
            &CentreOptions {
                add_reviewer: Some(dept.clone()),
                ..plain.clone()
            },
        )?;
        let util = |r: &CentreResult| {
            r.departments
                .iter()
                .find(|d| &d.name == dept)
                .map(|d| d.utilisation)
                .unwrap_or(f64::NAN)
        };
        let mut per_type = Vec::new();
        let (mut w, mut p80, mut mean) = (0.0, 0.0, 0.0);
        for (b, a) in base.projects.iter().zip(&with.projects) {
            let saved = b.p80 - a.p80;
            per_type.push((b.name.clone(), saved));
            if saved.is_finite() && (b.mean - a.mean).is_finite() && b.rate > 0.0 {
                w += b.rate;
                p80 += b.rate * saved;
                mean += b.rate * (b.mean - a.mean);
            }
        }
        let (p80_saved, mean_saved) = if w > 0.0 {
            (p80 / w, mean / w)
        } else {
            (f64::NAN, f64::NAN)
        };
        gains.push(StaffingGain {
            department: dept.clone(),
            reviewers,
            p80_saved,
            mean_saved,
            utilisation_before: util(&base),
            utilisation_after: util(&with),
            per_type,
        });
    }
    let key = |x: f64| if x.is_nan() { f64::NEG_INFINITY } else { x };
    gains.sort_by(|a, b| {
        key(b.p80_saved)
            .total_cmp(&key(a.p80_saved))
            .then(key(b.mean_saved).total_cmp(&key(a.mean_saved)))
            .then(a.department.cmp(&b.department))
    });
    Ok(gains)
}

// ---------------------------------------------------------------------------------------------
// Preparing a project type

/// What does not depend on the departments' capacities.
struct Prepared {
    net: permitflow_model::Network,
    statutory: f64,
    draws: Vec<Draw>,
    /// The department whose reviewer serves each activity; `None`: no reviewer needed.
    served_by: Vec<Option<String>>,
}

impl Prepared {
    fn new(p: &ProjectType) -> Result<Self, SolveError> {
        let net = network_for(&p.scenario, &p.regime)?;
        let statutory = schedule(&net, Method::Paths)?.makespan.get();
        let draws = draws(&p.scenario, &net);
        let kinds: HashMap<&str, ItemKind> = p
            .scenario
            .items
            .iter()
            .map(|it| (it.id.as_str(), it.kind))
            .collect();
        let reviewed = |k: ItemKind| matches!(k, ItemKind::Review | ItemKind::Filing);
        let served_by = net
            .activities
            .iter()
            .map(|a| {
                let needs = match &a.kind {
                    ActivityKind::Gate => false,
                    ActivityKind::Item(k) => reviewed(*k),
                    ActivityKind::Joint => a
                        .members
                        .iter()
                        .any(|m| kinds.get(m.as_str()).is_some_and(|&k| reviewed(k))),
                };
                if needs {
                    a.departments.first().map(|d| d.as_str().to_owned())
                } else {
                    None
                }
            })
            .collect();
        Ok(Self {
            net,
            statutory,
            draws,
            served_by,
        })
    }
}

/// How each activity's duration is drawn: the same distributions as [`crate::simulate`].
fn draws(scenario: &Scenario, net: &permitflow_model::Network) -> Vec<Draw> {
    activity_draws(scenario, net)
        .into_iter()
        .map(|d| Draw {
            shape: d.shape,
            returns: d.returns.map(|(rate, rework, rereview)| Returns {
                rate,
                rework,
                rereview,
            }),
        })
        .collect()
}

/// A link as its successor sees it.
#[derive(Clone, Copy, Debug)]
struct Succ {
    to: u32,
    /// Start-to-finish or finish-to-finish: the bound subtracts the successor's duration.
    minus_d: bool,
    lag: f64,
}

/// An upper bound to check the realised dates against.
#[derive(Clone, Copy, Debug)]
enum Upper {
    MaxLag {
        from: usize,
        to: usize,
        kind: LinkKind,
        max: f64,
    },
    Deadline {
        at: usize,
        max: f64,
    },
}

/// Everything fixed for one project type in one run.
struct TypeModel {
    /// Hash of the type's name: its random streams' key.
    key: u64,
    rate: f64,
    priority: bool,
    n: usize,
    release: Vec<f64>,
    draws: Vec<Draw>,
    /// Mean of the exponential service ([`ServiceTimes::Exponential`]); `None`: as drawn.
    exp_mean: Vec<Option<f64>>,
    /// Department index serving each activity.
    dept: Vec<Option<u32>>,
    /// Whether the activity queues (a department with finite reviewers).
    queued: Vec<bool>,
    /// Stream key of each activity (hash of its id).
    act_key: Vec<u64>,
    indeg: Vec<u32>,
    /// Links fired by an activity's start (SS, SF) and by its finish (FS, FF).
    on_start: Vec<Vec<Succ>>,
    on_finish: Vec<Vec<Succ>>,
    /// Activities with no incoming link: ready on arrival.
    roots: Vec<u32>,
    upper: Vec<Upper>,
    statutory: f64,
    targets: Vec<(String, f64)>,
}

impl TypeModel {
    fn new(
        p: &ProjectType,
        pre: Prepared,
        dept_index: &HashMap<&str, usize>,
        cap: &[Option<usize>],
        service: ServiceTimes,
    ) -> Self {
        let net = &pre.net;
        let n = net.activities.len();
        let dept: Vec<Option<u32>> = pre
            .served_by
            .iter()
            .map(|d| {
                d.as_deref()
                    .and_then(|d| dept_index.get(d))
                    .map(|&i| i as u32)
            })
            .collect();
        let queued = dept
            .iter()
            .map(|d| d.is_some_and(|d| cap[d as usize].is_some()))
            .collect();
        let mut on_start = vec![Vec::new(); n];
        let mut on_finish = vec![Vec::new(); n];
        let mut indeg = vec![0u32; n];
        let mut upper = Vec::new();
        for c in &net.constraints {
            let s = Succ {
                to: c.to as u32,
                minus_d: matches!(c.kind, LinkKind::FinishToFinish | LinkKind::StartToFinish),
                lag: c.lag.get(),
            };
            match c.kind {
                LinkKind::StartToStart | LinkKind::StartToFinish => on_start[c.from].push(s),
                LinkKind::FinishToStart | LinkKind::FinishToFinish => on_finish[c.from].push(s),
            }
            indeg[c.to] += 1;
            if let Some(m) = c.max_lag {
                upper.push(Upper::MaxLag {
                    from: c.from,
                    to: c.to,
                    kind: c.kind,
                    max: m.get(),
                });
            }
        }
        for (i, a) in net.activities.iter().enumerate() {
            if let Some(d) = a.deadline {
                upper.push(Upper::Deadline {
                    at: i,
                    max: d.get(),
                });
            }
        }
        let exp_mean = net
            .activities
            .iter()
            .map(|a| match service {
                ServiceTimes::Exponential if !a.is_gate() && a.days.get() > 0.0 => {
                    Some(a.days.get())
                }
                _ => None,
            })
            .collect();
        let targets = p
            .scenario
            .targets
            .iter()
            .filter(|t| t.regime == p.regime.name && t.stage.is_none())
            .filter_map(|t| Some((t.name.clone(), t.working_days?.get())))
            .collect();
        Self {
            key: fnv1a(&p.name),
            rate: p.rate,
            priority: p.priority,
            n,
            release: net
                .activities
                .iter()
                .map(|a| a.release.map(|r| r.get()).unwrap_or(0.0).max(0.0))
                .collect(),
            draws: pre.draws,
            exp_mean,
            dept,
            queued,
            act_key: net.activities.iter().map(|a| fnv1a(&a.id)).collect(),
            roots: (0..n as u32).filter(|&i| indeg[i as usize] == 0).collect(),
            indeg,
            on_start,
            on_finish,
            upper,
            statutory: pre.statutory,
            targets,
        }
    }
}

/// FNV-1a, 64 bits: a stable hash of a name for stream keys.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------------------------------------
// One replication

/// Fixed for all replications of one call.
struct Run<'a> {
    models: &'a [TypeModel],
    cap: &'a [Option<usize>],
    seed: u64,
    /// The horizon: [w0, w1).
    w0: f64,
    w1: f64,
    n_samples: usize,
}

#[derive(Clone, Copy, Debug)]
enum Ev {
    Arrival(u32),
    Start(u32, u32),
    ServiceEnd(u32, u32),
    ReworkEnd(u32, u32),
    Finish(u32, u32),
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    t: f64,
    seq: u64,
    ev: Ev,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    /// Reversed: the heap pops the earliest time, then the earliest scheduled.
    fn cmp(&self, o: &Self) -> Ordering {
        o.t.total_cmp(&self.t).then(o.seq.cmp(&self.seq))
    }
}

#[derive(Clone, Copy, Debug)]
struct Waiting {
    since: f64,
    proj: u32,
    act: u32,
    service: f64,
}

/// A department during one replication.
#[derive(Debug, Default)]
struct Dept {
    busy: usize,
    high: VecDeque<Waiting>,
    low: VecDeque<Waiting>,
    last: f64,
    busy_area: f64,
    queue_area: f64,
    wait_sum: f64,
    waits: u64,
}

impl Dept {
    /// Accrues the time averages up to `now`, clipped to the horizon.
    fn accrue(&mut self, now: f64, w0: f64, w1: f64) {
        let a = self.last.max(w0);
        let b = now.min(w1);
        if b > a {
            self.busy_area += self.busy as f64 * (b - a);
            self.queue_area += (self.high.len() + self.low.len()) as f64 * (b - a);
        }
        self.last = self.last.max(now);
    }
}

#[derive(Clone, Copy, Debug)]
struct Proj {
    ty: u32,
    arrival: f64,
    /// Offset of its activities in the per-activity arrays.
    off: usize,
    remaining: u32,
    max_finish: f64,
    wait: f64,
    counted: bool,
}

/// What one replication gives back.
#[derive(Debug, Default)]
struct RepOut {
    /// Per type: lead times of counted projects, in completion order.
    leads: Vec<Vec<f64>>,
    arrived: Vec<u64>,
    completed: Vec<u64>,
    wait: Vec<f64>,
    breaks: Vec<u64>,
    /// Per department: busy and queue areas, wait sums and counts.
    busy_area: Vec<f64>,
    queue_area: Vec<f64>,
    wait_sum: Vec<f64>,
    waits: Vec<u64>,
    completions: u64,
    wip: Vec<f64>,
}

struct State<'a> {
    run: &'a Run<'a>,
    rep: u64,
    heap: BinaryHeap<Entry>,
    seq: u64,
    depts: Vec<Dept>,
    projs: Vec<Proj>,
    /// Per activity of every project.
    start: Vec<f64>,
    finish: Vec<f64>,
    bound: Vec<f64>,
    pending: Vec<u32>,
    base: Vec<f64>,
    returns_left: Vec<u32>,
    dur: Vec<f64>,
    /// Per type: arrival generators and arrivals so far.
    arrival_rng: Vec<Sampler>,
    arrivals: Vec<u64>,
    wip: u64,
    out: RepOut,
}

impl Run<'_> {
    fn replication(&self, rep: u64) -> RepOut {
        let nt = self.models.len();
        let nd = self.cap.len();
        let mut st = State {
            run: self,
            rep,
            heap: BinaryHeap::new(),
            seq: 0,
            depts: (0..nd).map(|_| Dept::default()).collect(),
            projs: Vec::new(),
            start: Vec::new(),
            finish: Vec::new(),
            bound: Vec::new(),
            pending: Vec::new(),
            base: Vec::new(),
            returns_left: Vec::new(),
            dur: Vec::new(),
            arrival_rng: self
                .models
                .iter()
                .map(|m| Sampler::new(stream(self.seed, rep, m.key, u64::MAX, 0)))
                .collect(),
            arrivals: vec![0; nt],
            wip: 0,
            out: RepOut {
                leads: vec![Vec::new(); nt],
                arrived: vec![0; nt],
                completed: vec![0; nt],
                wait: vec![0.0; nt],
                breaks: vec![0; nt],
                busy_area: vec![0.0; nd],
                queue_area: vec![0.0; nd],
                wait_sum: vec![0.0; nd],
                waits: vec![0; nd],
                completions: 0,
                wip: Vec::with_capacity(self.n_samples),
            },
        };
        for t in 0..nt {
            st.next_arrival(t, 0.0);
        }
        while let Some(Entry { t, ev, .. }) = st.heap.pop() {
            while st.out.wip.len() < self.n_samples
                && self.w0 + st.out.wip.len() as f64 * WIP_STEP < t
            {
                st.out.wip.push(st.wip as f64);
            }
            match ev {
                Ev::Arrival(ty) => st.arrive(ty as usize, t),
                Ev::Start(p, i) => st.started(p as usize, i as usize, t),
                Ev::ServiceEnd(p, i) => st.service_end(p as usize, i as usize, t),
                Ev::ReworkEnd(p, i) => st.rework_end(p as usize, i as usize, t),
                Ev::Finish(p, i) => st.finished(p as usize, i as usize, t),
            }
        }
        while st.out.wip.len() < self.n_samples {
            st.out.wip.push(st.wip as f64);
        }
        for (k, d) in st.depts.iter_mut().enumerate() {
            d.accrue(self.w1, self.w0, self.w1);
            st.out.busy_area[k] = d.busy_area;
            st.out.queue_area[k] = d.queue_area;
            st.out.wait_sum[k] = d.wait_sum;
            st.out.waits[k] = d.waits;
        }
        st.out
    }
}

impl State<'_> {
    fn push(&mut self, t: f64, ev: Ev) {
        self.seq += 1;
        self.heap.push(Entry {
            t,
            seq: self.seq,
            ev,
        });
    }

    fn next_arrival(&mut self, ty: usize, now: f64) {
        let rate = self.run.models[ty].rate;
        if rate <= 0.0 {
            return;
        }
        let u = self.arrival_rng[ty].uniform();
        let t = now - (1.0 - u).ln() / rate;
        if t < self.run.w1 {
            self.push(t, Ev::Arrival(ty as u32));
        }
    }

    fn arrive(&mut self, ty: usize, now: f64) {
        let run = self.run;
        let m = &run.models[ty];
        let k = self.arrivals[ty];
        self.arrivals[ty] += 1;
        let counted = now >= run.w0;
        if counted {
            self.out.arrived[ty] += 1;
        }
        let off = self.start.len();
        let p = self.projs.len();
        self.projs.push(Proj {
            ty: ty as u32,
            arrival: now,
            off,
            remaining: m.n as u32,
            max_finish: now,
            wait: 0.0,
            counted,
        });
        self.wip += 1;
        for i in 0..m.n {
            let mut s = Sampler::new(stream(run.seed, self.rep, m.key, k, m.act_key[i]));
            let draw = &m.draws[i];
            let base = match m.exp_mean[i] {
                Some(mean) => -mean * (1.0 - s.uniform()).ln(),
                None => s.base(&draw.shape),
            };
            let (k_ret, extra) = match draw.returns {
                Some(r) => (s.returns(r.rate), r.rework + r.rereview),
                None => (0, 0.0),
            };
            self.start.push(f64::NAN);
            self.finish.push(f64::NAN);
            self.bound.push(f64::NEG_INFINITY);
            self.pending.push(m.indeg[i]);
            self.base.push(base);
            self.returns_left.push(k_ret);
            self.dur.push(base + f64::from(k_ret) * extra);
        }
        if m.n == 0 {
            self.complete(p, now);
        }
        for &i in &m.roots {
            self.ready(p, i as usize, now);
        }
        self.next_arrival(ty, now);
    }

    /// Every link into activity `i` of project `p` is known: date its start.
    fn ready(&mut self, p: usize, i: usize, now: f64) {
        let pr = self.projs[p];
        let m = &self.run.models[pr.ty as usize];
        let x = pr.off + i;
        let r = (pr.arrival + m.release[i]).max(self.bound[x]);
        let s = if m.queued[i] { r.max(now) } else { r };
        self.start[x] = s;
        self.push(s.max(now), Ev::Start(p as u32, i as u32));
    }

    /// Fires the links leaving activity `i` (its start or its finish, `t`).
    fn fire(&mut self, p: usize, links: &[Succ], t: f64, now: f64) {
        let off = self.projs[p].off;
        for l in links {
            let y = off + l.to as usize;
            let b = t + l.lag - if l.minus_d { self.dur[y] } else { 0.0 };
            if b > self.bound[y] {
                self.bound[y] = b;
            }
            self.pending[y] -= 1;
            if self.pending[y] == 0 {
                self.ready(p, l.to as usize, now);
            }
        }
    }

    fn started(&mut self, p: usize, i: usize, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let m = &run.models[pr.ty as usize];
        let x = pr.off + i;
        let s = self.start[x];
        self.fire(p, &m.on_start[i], s, now);
        if m.queued[i] {
            let base = self.base[x];
            if base > 0.0 {
                self.request(p, i, base, now);
            } else {
                self.reviewed(p, i, now);
            }
            return;
        }
        // No queue: the activity runs from its start for its whole duration.
        if let (Some(d), Some(r)) = (m.dept[i], m.draws[i].returns.as_ref()) {
            // An unlimited department: its load, service by service.
            let mut t = s;
            for k in 0..=self.returns_left[x] {
                let len = if k == 0 { self.base[x] } else { r.rereview };
                self.unlimited_service(d as usize, t, len);
                t += len + r.rework;
            }
        } else if let Some(d) = m.dept[i] {
            self.unlimited_service(d as usize, s, self.base[x]);
        }
        let f = s + self.dur[x];
        self.finish[x] = f;
        self.push(f.max(now), Ev::Finish(p as u32, i as u32));
    }

    /// A review of `len` days from `t` in a department with unlimited reviewers.
    fn unlimited_service(&mut self, d: usize, t: f64, len: f64) {
        if len <= 0.0 {
            return;
        }
        let (w0, w1) = (self.run.w0, self.run.w1);
        let dept = &mut self.depts[d];
        let overlap = (t + len).min(w1) - t.max(w0);
        if overlap > 0.0 {
            dept.busy_area += overlap;
        }
        if t >= w0 && t < w1 {
            dept.waits += 1;
        }
    }

    /// The file of activity `i` joins its department's queue for a review of `service` days.
    fn request(&mut self, p: usize, i: usize, service: f64, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let m = &run.models[pr.ty as usize];
        let Some(d) = m.dept[i].map(|d| d as usize) else {
            return;
        };
        let cap = run.cap[d].unwrap_or(usize::MAX);
        let dept = &mut self.depts[d];
        dept.accrue(now, run.w0, run.w1);
        let w = Waiting {
            since: now,
            proj: p as u32,
            act: i as u32,
            service,
        };
        if dept.busy < cap {
            dept.busy += 1;
            self.begin(d, w, now);
        } else if m.priority {
            dept.high.push_back(w);
        } else {
            dept.low.push_back(w);
        }
    }

    /// A reviewer of department `d` takes up the waiting file `w`.
    fn begin(&mut self, d: usize, w: Waiting, now: f64) {
        let wait = now - w.since;
        let dept = &mut self.depts[d];
        if w.since >= self.run.w0 && w.since < self.run.w1 {
            dept.wait_sum += wait;
            dept.waits += 1;
        }
        self.projs[w.proj as usize].wait += wait;
        self.push(now + w.service, Ev::ServiceEnd(w.proj, w.act));
    }

    fn service_end(&mut self, p: usize, i: usize, now: f64) {
        let run = self.run;
        let m = &run.models[self.projs[p].ty as usize];
        if let Some(d) = m.dept[i].map(|d| d as usize) {
            let dept = &mut self.depts[d];
            dept.accrue(now, run.w0, run.w1);
            dept.busy -= 1;
            let next = dept.high.pop_front().or_else(|| dept.low.pop_front());
            if let Some(w) = next {
                dept.busy += 1;
                self.begin(d, w, now);
            }
        }
        self.reviewed(p, i, now);
    }

    /// A review of a queued activity is over: returned for correction, or finished.
    fn reviewed(&mut self, p: usize, i: usize, now: f64) {
        let x = self.projs[p].off + i;
        if self.returns_left[x] > 0 {
            self.returns_left[x] -= 1;
            let m = &self.run.models[self.projs[p].ty as usize];
            let rework = m.draws[i].returns.map(|r| r.rework).unwrap_or(0.0);
            self.push(now + rework, Ev::ReworkEnd(p as u32, i as u32));
        } else {
            self.finish[x] = now;
            self.push(now, Ev::Finish(p as u32, i as u32));
        }
    }

    fn rework_end(&mut self, p: usize, i: usize, now: f64) {
        let m = &self.run.models[self.projs[p].ty as usize];
        let rereview = m.draws[i].returns.map(|r| r.rereview).unwrap_or(0.0);
        if rereview > 0.0 {
            self.request(p, i, rereview, now);
        } else {
            self.reviewed(p, i, now);
        }
    }

    fn finished(&mut self, p: usize, i: usize, now: f64) {
        let m = &self.run.models[self.projs[p].ty as usize];
        let x = self.projs[p].off + i;
        let f = self.finish[x];
        if f > self.projs[p].max_finish {
            self.projs[p].max_finish = f;
        }
        self.fire(p, &m.on_finish[i], f, now);
        self.projs[p].remaining -= 1;
        if self.projs[p].remaining == 0 {
            self.complete(p, now);
        }
    }

    fn complete(&mut self, p: usize, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let ty = pr.ty as usize;
        self.wip -= 1;
        if now >= run.w0 && now <= run.w1 {
            self.out.completed[ty] += 1;
            self.out.completions += 1;
        }
        if !pr.counted {
            return;
        }
        self.out.leads[ty].push(pr.max_finish - pr.arrival);
        self.out.wait[ty] += pr.wait;
        let m = &run.models[ty];
        let (s, f) = (&self.start[pr.off..], &self.finish[pr.off..]);
        let broken = m.upper.iter().any(|u| match *u {
            Upper::MaxLag {
                from,
                to,
                kind,
                max,
            } => {
                let off = link_offset(kind, f[from] - s[from], f[to] - s[to]);
                s[to] > s[from] + off + max + EPS
            }
            Upper::Deadline { at, max } => f[at] - pr.arrival > max + EPS,
        });
        if broken {
            self.out.breaks[ty] += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Combining replications

fn combine(
    run: &Run,
    projects: &[ProjectType],
    models: &[TypeModel],
    depts: Vec<(String, Option<usize>)>,
    outs: Vec<RepOut>,
    opts: &CentreOptions,
) -> CentreResult {
    let reps = outs.len();
    let per_rep = |x: f64| if reps == 0 { f64::NAN } else { x / reps as f64 };
    let h = opts.horizon;

    let projects_out = projects
        .iter()
        .zip(models)
        .enumerate()
        .map(|(t, (p, m))| {
            let mut samples = Vec::new();
            let (mut arrived, mut completed, mut breaks) = (0u64, 0u64, 0u64);
            let mut wait = 0.0;
            let mut rep_means = Vec::with_capacity(reps);
            let mut rep_waits = Vec::with_capacity(reps);
            for o in &outs {
                samples.extend_from_slice(&o.leads[t]);
                arrived += o.arrived[t];
                completed += o.completed[t];
                breaks += o.breaks[t];
                wait += o.wait[t];
                if !o.leads[t].is_empty() {
                    let n = o.leads[t].len() as f64;
                    rep_means.push(o.leads[t].iter().sum::<f64>() / n);
                    rep_waits.push(o.wait[t] / n);
                }
            }
            let finished = samples.len();
            let mean = if finished == 0 {
                f64::NAN
            } else {
                samples.iter().sum::<f64>() / finished as f64
            };
            samples.sort_by(f64::total_cmp);
            let share = |bound: f64| {
                if arrived == 0 {
                    f64::NAN
                } else {
                    samples.partition_point(|&x| x <= bound + EPS) as f64 / arrived as f64
                }
            };
            ProjectTypeResult {
                name: p.name.clone(),
                regime: p.regime.name.to_string(),
                priority: p.priority,
                rate: p.rate,
                arrived: per_rep(arrived as f64),
                completed: per_rep(completed as f64),
                unfinished: arrived as usize - finished,
                mean,
                mean_se: standard_error(&rep_means),
                p50: percentile(&samples, 0.50),
                p80: percentile(&samples, 0.80),
                p95: percentile(&samples, 0.95),
                max: samples.last().copied().unwrap_or(f64::NAN),
                mean_wait: if finished == 0 {
                    f64::NAN
                } else {
                    wait / finished as f64
                },
                mean_wait_se: standard_error(&rep_waits),
                statutory: m.statutory,
                within_statutory: share(m.statutory),
                targets: m
                    .targets
                    .iter()
                    .map(|(name, days)| TargetShare {
                        name: name.clone(),
                        working_days: *days,
                        share: share(*days),
                    })
                    .collect(),
                upper_bound_breaks: if finished == 0 {
                    f64::NAN
                } else {
                    breaks as f64 / finished as f64
                },
                samples,
            }
        })
        .collect();

    let departments: Vec<DepartmentResult> = depts
        .into_iter()
        .enumerate()
        .map(|(d, (name, reviewers))| {
            let busy = per_rep(outs.iter().map(|o| o.busy_area[d]).sum::<f64>()) / h;
            let wait_sum: f64 = outs.iter().map(|o| o.wait_sum[d]).sum();
            let waits: u64 = outs.iter().map(|o| o.waits[d]).sum();
            let rep_means: Vec<f64> = outs
                .iter()
                .filter(|o| o.waits[d] > 0)
                .map(|o| o.wait_sum[d] / o.waits[d] as f64)
                .collect();
            DepartmentResult {
                name,
                reviewers,
                utilisation: match reviewers {
                    Some(c) if c > 0 => busy / c as f64,
                    _ => f64::NAN,
                },
                busy,
                mean_queue: per_rep(outs.iter().map(|o| o.queue_area[d]).sum::<f64>()) / h,
                mean_wait: if waits == 0 {
                    f64::NAN
                } else {
                    wait_sum / waits as f64
                },
                mean_wait_se: standard_error(&rep_means),
                reviews: per_rep(waits as f64),
            }
        })
        .collect();

    let bottleneck = departments
        .iter()
        .filter(|d| d.reviewers.is_some() && !d.utilisation.is_nan())
        .max_by(|a, b| {
            a.utilisation.total_cmp(&b.utilisation).then(
                a.mean_wait
                    .max(f64::NEG_INFINITY)
                    .total_cmp(&b.mean_wait.max(f64::NEG_INFINITY)),
            )
        })
        .map(|d| d.name.clone());

    let wip = (0..run.n_samples)
        .map(|k| {
            let total: f64 = outs.iter().map(|o| o.wip[k]).sum();
            (k as f64 * WIP_STEP, per_rep(total))
        })
        .collect();

    CentreResult {
        horizon: h,
        warmup: opts.warmup,
        replications: reps,
        seed: opts.seed,
        added_reviewer: opts.add_reviewer.clone(),
        projects: projects_out,
        departments,
        throughput: per_rep(outs.iter().map(|o| o.completions as f64).sum::<f64>()) / h,
        bottleneck,
        wip,
    }
}

/// Standard error of the mean of `x` (sample standard deviation over √n); NaN below 2 values.
fn standard_error(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return f64::NAN;
    }
    let m = x.iter().sum::<f64>() / n as f64;
    let var = x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64;
    (var / n as f64).sqrt()
}

// ---------------------------------------------------------------------------------------------
// Random numbers: the same generators and sampling as `simulate`.

/// The generator for replication `rep`, project type `ty` (name hash), arrival `k` (`u64::MAX`
/// for the arrival process) and activity `act` (id hash).
fn stream(seed: u64, rep: u64, ty: u64, k: u64, act: u64) -> Pcg64Mcg {
    let mut x = splitmix64(seed);
    for part in [rep, ty, k, act] {
        x = splitmix64(x ^ part);
    }
    pcg(x)
}

#[derive(Clone, Copy, Debug)]
struct Returns {
    rate: f64,
    rework: f64,
    rereview: f64,
}

#[derive(Clone, Copy, Debug)]
struct Draw {
    shape: Shape,
    returns: Option<Returns>,
}
