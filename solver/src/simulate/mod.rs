//! Monte Carlo simulation of a regime: real durations vary and submissions are returned for
//! correction, so the working days of a regime are a distribution rather than one figure.
//!
//! Each iteration draws every activity's duration, computes the earliest and latest starts over
//! the regime's network and records the working days and which activities had no float. From
//! many seeded iterations come the P50/P80/P95, the probability of meeting each target, how often
//! each activity is critical, and which activities drive the spread.
//!
//! # Sampling rules
//!
//! - **Spread**: `triangular` by its inverse CDF; `pert` as `min + (max − min) · B` with
//!   `B ~ Beta(α, β)`, `α = 1 + 4 (likely − min) / (max − min)`, `β = 1 + 4 (max − likely) / (max
//!   − min)` (λ = 4, mean `(min + 4 likely + max) / 6`), `B = X / (X + Y)` from two
//!   [`rand_distr::Gamma`] draws (Marsaglia–Tsang with ziggurat normals); `uniform` on
//!   `[min, max)` as [`rand_distr::Uniform`]; `fixed` its value. Triangular spreads come from the
//!   block sampler below (the approval centre draws them through [`rand_distr::Triangular`]).
//!   Without a spread an activity takes its `days` every time; gates never vary.
//! - **A regime that changed the limit**: the spread belongs to the item as the file states it.
//!   When a measure (time-limit compression, notification-commitment) has set the activity's
//!   `days` to something else than the item's own limit, the spread is scaled by
//!   `days / item limit`, keeping its relative shape (an item cut from 20 to 10 days with a
//!   16–20–30 spread varies 8–10–15; one set to 0 days is always 0). Joint events carry their
//!   group's own spread, used as written.
//! - **Returns**: with probability `rate` the submission comes back and the activity takes
//!   `rework + rereview` longer; each re-submission can come back again with the same
//!   probability, so the number of returns `K` is geometric, `P(K ≥ k) = rateᵏ`, and the expected
//!   extra is `rate / (1 − rate) · (rework + rereview)`. `rereview` defaults to the activity's
//!   `days` (its limit under the regime), as [`permitflow_model::Returns`] documents. At most
//!   1,000 returns are counted in one iteration.
//! - **A false commitment, again**: a notification-commitment's verification fails with the
//!   measure's failure rate; the item is then reviewed in full and verified again, and can fail
//!   again with the same rate, so the failures are geometric too, but bounded: after
//!   [`crate::VERIFICATION_ROUNDS`] (5) failures the item passes. The expected failures are
//!   `Σₖ₌₁⁵ rateᵏ` (0.11111 at 10 %, 2.68928 at 80 % instead of the unbounded 4).
//!   The approval centre draws them the same way.
//!
//!   The returns are drawn without a uniform per activity and iteration: over the iterations of
//!   a chunk, an activity's trials form one sequence of independent trials in which a success
//!   (probability `rate`) is a return and a failure ends the iteration. The failures before the
//!   next success are geometric, `G = ⌊ln V / ln(1 − rate)⌋` from one uniform `V` in (0, 1]
//!   (exactly `P(G ≥ g) = (1 − rate)ᵍ`), so each return leads straight to the next one: in the
//!   same iteration when `G = 0`, `G` iterations on otherwise. One uniform per return, the same
//!   distribution as a trial per iteration.
//!
//! # Two clocks
//!
//! Every iteration measures official approval time beside elapsed time: the union of the
//! working intervals of the non-gate approval-clock activities (`approval`). A return splits an
//! activity's time into review, correction, re-review, correction, re-review, …: the applicant's
//! corrections stop the clock, the re-reviews run it. The draws are the same as before (a seed
//! gives the same elapsed figures). When every non-gate activity is on the approval clock, all
//! links are finish-to-start without lags, nothing is released late and no correction stops a
//! clock, the approval time is the makespan and is not measured again; otherwise each iteration
//! sorts its intervals (listed in deterministic start order, so nearly sorted already). Elapsed
//! calendar days ([`simulate_on`]) follow from the working days (the end date is monotone in
//! them) through the calendar's date table.
//!
//! # Calendar days
//!
//! A network with calendar-day items or lags ([`crate::dated::has_calendar_days`]) is placed on
//! the calendar exactly in every iteration: the draws are the same (same seed, same durations),
//! then each iteration of a block is scheduled by [`crate::dated::schedule_dated_days`] with its
//! sampled durations, one lane at a time, instead of the lane passes. Its durations are taken as
//! the files' days are: working days to the nearest half day, calendar days to whole days (the
//! nearest half day, a half rounded up) — so a uniform 4–6 working-day spread gives 4, 4.5, 5,
//! 5.5 or 6, where the lane passes keep every fraction. A return adds its correction and
//! re-review to the activity's sampled duration in its own unit. Each iteration gives its own
//! working days (the makespan's working offset), approval days (the union of the approval-clock
//! intervals at their working offsets, the corrections cut out as above) and calendar days (its
//! own end date: a calendar-day item may end on a Sunday, so the calendar days are no longer a
//! function of the working days). An activity is critical as the dated scheduler says (a
//! calendar-day item when it cannot start a day later). Without a calendar ([`simulate`]) the
//! iterations are placed on the scenario's base calendar (`cn` or `weekends`, without extra
//! files) and no calendar days are reported. The cost is linear per iteration: the dated
//! scheduler's passes plus the calendar days the schedule reaches.
//!
//! # Reproducibility
//!
//! The random numbers come from PCG-64 MCG ([`rand_pcg::Pcg64Mcg`], 128-bit multiplicative
//! congruential generator with the XSL-RR output), used through `rand`'s `Rng` and seeded by its
//! `SeedableRng::seed_from_u64` (a value-stable expansion). Iterations are split into chunks of
//! [`CHUNK`], and a chunk into blocks of [`LANES`] iterations computed side by side. Chunk `c`
//! has `LANES + 1` generators, stream `k`'s seed made from `(seed, c, k)` by SplitMix64 (see
//! `stream_rng`): stream `j < LANES` draws the durations of the `j`-th iteration of every block
//! of the chunk, activity by activity in topological order; stream `LANES` draws the chunk's
//! returns, activity by activity over all [`CHUNK`] iterations whatever the chunk's length. The
//! chunks can run on any number of rayon threads in any order and are combined in chunk order,
//! so the same seed gives bit-identical results whatever the thread count, and a chunk's draws
//! depend only on `(seed, c)` (a shorter last chunk draws a prefix of a full one).
//!
//! The block sampler: triangular spreads take their uniform from the top 52 bits of a 64-bit
//! output (`k · 2⁻⁵²`, exact: a double in [1, 2) less 1) and pick the side of the triangle by a
//! bit mask, for all [`LANES`] lanes at once; the gaps between returns are drawn by inversion, one
//! uniform and one logarithm each. Both are measurably faster than `rand_distr`'s
//! [`rand_distr::Triangular`] and [`rand_distr::Geometric`] (BENCHMARKS.md, "Randomness:
//! rand_distr against the block sampler") and are checked against them by a two-sample
//! Kolmogorov–Smirnov test through [`block_draws`] and [`return_gaps`]. PERT and uniform spreads
//! are drawn lane by lane through `rand_distr` (a uniform block was no faster). Square roots are
//! exact in IEEE arithmetic; the gaps between returns and `rand_distr`'s Gamma use
//! `f64::ln`/`exp`, the platform's libm (identical on every machine of one target; `rand_distr`
//! is built with `std_math`).
//!
//! # Cost
//!
//! The network is compiled once per call into arrays in topological order. Per block of
//! [`LANES`] iterations every per-activity value is a `[f64; LANES]`: drawing, both passes, the
//! criticality counts and the sums for the sensitivity are straight loops over the lanes, which
//! the compiler turns into SIMD instructions (branch-free: the side of a triangle is chosen by a
//! bit mask), and nothing is allocated per iteration.
//!
//! - The usual network (finish-to-start links only, no upper bounds) keeps per activity only
//!   its earliest finish and latest start (`FinishToStart`): a link is one maximum forward
//!   and one minimum backward, and the backward pass counts the activities without float.
//! - Any other network uses the general passes over interleaved start/finish arrays, where a
//!   link of any kind is one addition and one maximum (`Passes`). Networks with upper bounds
//!   (maximum lags, deadlines) use them and check the bounds lane by lane; only when a sample
//!   breaks one does that lane fall back to Bellman–Ford
//!   ([`earliest_general`](crate::paths::earliest_general),
//!   [`latest_general`](crate::paths::latest_general), which allocate). A sample whose bounds
//!   cannot all hold is counted in [`SimulationResult::infeasible`].
//!
//! Each chunk radix-sorts its samples; the chunks' samples are then sorted together in two
//! halves at once (below and above a pivot).
//!
//! # Where things are
//!
//! - this file: the options, the result and [`simulate`], which runs the chunks and combines
//!   them;
//! - `model`: what is fixed for one regime (positions, draws, returns, upper bounds) and one
//!   chunk's run;
//! - `passes`: the forward and backward passes over a block of [`LANES`] iterations;
//! - `stats`: the running sums of a chunk, the sensitivity's moments, the sorting of samples;
//! - [`trace`]: one case at a time with the same draws, each activity split into review,
//!   corrections and re-reviews on the calendar, for synthetic event logs (`simulate --log`).

mod approval;
mod dated;
mod model;
mod passes;
mod stats;
pub mod trace;

use permitflow_model::{
    Calendar, DayMeasure, DayUnit, Network, Regime, RegimeName, Scenario, Target, WorkingDays,
};
use rayon::prelude::*;

use crate::clocks;
use crate::dated::{has_calendar_days, schedule_dated};
use crate::error::SolveError;
use crate::outcome::calendar_days_between;
use crate::regime::network_for;
use crate::sample::percentile;
use crate::schedule::{Method, schedule};

pub use crate::sample::{block_draws, return_gaps};
use dated::Dated;
use model::Model;
use stats::{ChunkOut, Moments, merge, share};

/// Iterations per chunk: the unit of seeding and of parallel work.
pub const CHUNK: usize = 4096;

/// Iterations computed side by side (a block): every per-activity value is a `[f64; LANES]`.
pub const LANES: usize = 8;

/// One value per lane.
type Lanes = [f64; LANES];

/// Total float below which an activity counts as critical in an iteration.
const CRITICAL_EPS: f64 = 1e-9;
/// Slack allowed when checking upper bounds and targets against sums of sampled durations.
const BOUND_EPS: f64 = 1e-9;

/// How many iterations to run and the seed they are drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimulationOptions {
    /// Iterations to run.
    pub iterations: usize,
    /// The seed every generator is made from: the same seed gives the same numbers on any
    /// number of threads.
    pub seed: u64,
}

impl Default for SimulationOptions {
    fn default() -> Self {
        Self {
            iterations: 10_000,
            seed: 0,
        }
    }
}

/// The distribution of one day measure over the feasible iterations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spread {
    /// Mean of the feasible iterations.
    pub mean: f64,
    /// Percentiles by nearest rank, as [`SimulationResult::p50`].
    pub p50: f64,
    /// The 80th percentile.
    pub p80: f64,
    /// The 95th percentile.
    pub p95: f64,
    /// The least of any feasible iteration.
    pub min: f64,
    /// The most of any feasible iteration.
    pub max: f64,
    /// The figure with every activity at its `days` (no uncertainty).
    pub deterministic: f64,
    /// Every feasible iteration's figure, sorted ascending.
    pub samples: Vec<f64>,
}

impl Spread {
    /// The statistics of `samples` (sorted ascending) whose sum is `sum`.
    fn of(samples: Vec<f64>, sum: f64, deterministic: f64) -> Self {
        let mean = if samples.is_empty() {
            f64::NAN
        } else {
            sum / samples.len() as f64
        };
        Self {
            mean,
            p50: percentile(&samples, 0.50),
            p80: percentile(&samples, 0.80),
            p95: percentile(&samples, 0.95),
            min: samples.first().copied().unwrap_or(f64::NAN),
            max: samples.last().copied().unwrap_or(f64::NAN),
            deterministic,
            samples,
        }
    }
}

/// The distribution of a regime's working days over many iterations: elapsed working days (the
/// top-level figures, as before the two clocks), official approval days (`approval`) and, when
/// simulated on a calendar, elapsed calendar days (`calendar`).
///
/// Statistics (`mean`, percentiles, `min`, `max`, criticality, sensitivity) are over the
/// iterations that gave a schedule; all are NaN when there are none (no iterations, or every
/// sample broke an upper bound).
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationResult {
    /// The regime's name.
    pub regime: String,
    /// Iterations run, including infeasible ones.
    pub iterations: usize,
    /// Mean working days of the feasible iterations.
    pub mean: f64,
    /// Percentiles by nearest rank: `pP` is the least sample with at least P % of the samples at
    /// or below it ("80 % of runs finish within p80").
    pub p50: f64,
    /// The 80th percentile, by nearest rank as `p50`.
    pub p80: f64,
    /// The 95th percentile, by nearest rank as `p50`.
    pub p95: f64,
    /// The fewest working days of any feasible iteration.
    pub min: f64,
    /// The most working days of any feasible iteration.
    pub max: f64,
    /// The schedule's working days with every activity at its `days` (no uncertainty).
    pub deterministic: f64,
    /// Every feasible iteration's working days, sorted ascending.
    pub samples: Vec<f64>,
    /// Official approval days (审批用时) of the same iterations: the working days on which an
    /// approval-clock activity runs; a return's correction stops the clock, its re-review runs
    /// it.
    pub approval: Spread,
    /// Elapsed calendar days of the same iterations, the application day and the end day
    /// included; `None` when simulated without a calendar ([`simulate`]).
    pub calendar: Option<Spread>,
    /// Each whole-regime day target of this regime (stage targets are left out), in scenario
    /// order: the share of all iterations whose figure of the target's measure is at most its
    /// days (for an exact target too), or within `days_min..=days` for a range. An infeasible
    /// iteration counts as a miss. NaN for a `calendar_days` target simulated without a
    /// calendar.
    pub targets: Vec<(String, f64)>,
    /// Each non-gate activity, in network order: the share of feasible iterations in which its
    /// total float was zero.
    pub criticality: Vec<(String, f64)>,
    /// Activities whose duration varies (a spread that is not a point, or returns), largest
    /// first: **working days per standard deviation**, `cov(T, Dᵢ) / sd(Dᵢ)` where `T` is the
    /// regime's working days and `Dᵢ` the activity's sampled duration (returns included). It is
    /// the slope of the least-squares line of `T` on `Dᵢ` times `sd(Dᵢ)`: how many working days
    /// the whole moves when the activity is one standard deviation longer. An activity always on
    /// the critical path scores about its own standard deviation, one never critical 0.
    pub sensitivity: Vec<(String, f64)>,
    /// Iterations whose sampled durations broke an upper bound (a maximum lag or deadline) so
    /// that no schedule exists; they have no sample.
    pub infeasible: usize,
}

/// Simulates `regime` of `scenario`: `opts.iterations` draws of every activity's duration.
///
/// Fails as [`crate::evaluate`] does when the regime's network cannot be built or its
/// deterministic schedule is infeasible.
///
/// Without a calendar, elapsed calendar days are not simulated: [`simulate_on`] simulates them.
pub fn simulate(
    scenario: &Scenario,
    regime: &Regime,
    opts: &SimulationOptions,
) -> Result<SimulationResult, SolveError> {
    simulate_with_cancel(scenario, regime, opts, &|| false)
}

/// [`simulate_with_cancel`] on `calendar`: elapsed calendar days too (from the scenario's
/// start, the application date, to the date of each iteration's last finish).
pub fn simulate_on(
    scenario: &Scenario,
    regime: &Regime,
    opts: &SimulationOptions,
    calendar: &Calendar,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<SimulationResult, SolveError> {
    run(scenario, regime, opts, Some(calendar), cancelled)
}

/// The first calendar-day item on the approval clock whose returns stop the clock for a
/// correction: its review, corrections and re-reviews would have to be cut on the calendar, which
/// the approval measure of an iteration (in working offsets) does not do.
fn split_calendar_item(scenario: &Scenario, net: &Network) -> Option<String> {
    let draws = crate::sample::activity_draws(scenario, net);
    net.activities
        .iter()
        .zip(&draws)
        .find(|(a, d)| {
            a.unit == DayUnit::Calendar
                && a.days.get() > 0.0
                && !a.is_gate()
                && a.clock.is_official()
                && d.returns.is_some_and(|(_, correction, _)| correction > 0.0)
        })
        .map(|(a, _)| a.id.clone())
}

/// [`simulate`] that stops early, with [`SolveError::Cancelled`], once `cancelled` says so: it is
/// asked before each chunk of iterations, so a cancelled run ends within one chunk per thread.
pub fn simulate_with_cancel(
    scenario: &Scenario,
    regime: &Regime,
    opts: &SimulationOptions,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<SimulationResult, SolveError> {
    run(scenario, regime, opts, None, cancelled)
}

fn run(
    scenario: &Scenario,
    regime: &Regime,
    opts: &SimulationOptions,
    calendar: Option<&Calendar>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<SimulationResult, SolveError> {
    let net = network_for(scenario, regime)?;
    let targets: Vec<&Target> = scenario
        .targets
        .iter()
        .filter(|t| t.regime == regime.name && t.stage.is_none())
        .collect();
    run_network(
        scenario,
        &regime.name,
        net,
        &targets,
        opts,
        calendar,
        cancelled,
    )
}

/// [`run`] on a regime's network, with its whole-regime targets.
fn run_network(
    scenario: &Scenario,
    regime: &RegimeName,
    net: Network,
    targets: &[&Target],
    opts: &SimulationOptions,
    calendar: Option<&Calendar>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<SimulationResult, SolveError> {
    // A network with calendar days is placed on the calendar, every iteration exactly; without
    // a calendar given, on the scenario's base calendar (its dates are needed).
    let dated = has_calendar_days(&net).then(|| Dated {
        calendar: calendar
            .cloned()
            .unwrap_or_else(|| Calendar::for_base(scenario.calendar.base)),
        application: scenario.start,
    });
    if dated.is_some()
        && let Some(item) = split_calendar_item(scenario, &net)
    {
        return Err(SolveError::CalendarDays {
            feature: "returns".into(),
            item,
        });
    }
    let (det, det_calendar) = match &dated {
        Some(d) => {
            let s = schedule_dated(&net, &d.calendar, d.application)?;
            let days = calendar_days_between(d.application, s.end_date);
            (s.schedule, Some(f64::from(days)))
        }
        None => (schedule(&net, Method::Paths)?, None),
    };
    let deterministic = det.makespan.get();
    let det_approval = clocks::approval_days(&net, &det.start, &det.finish, |_| true).get();
    let model = Model::new(scenario, net, &det.start, dated);
    let net = &model.net;

    let chunks = opts.iterations.div_ceil(CHUNK);
    // On a pool thread: the chunks, then their samples merged, without coming back to this
    // thread in between.
    let (outs, samples, approvals, calendars) = rayon::scope(|_| {
        let outs: Option<Vec<ChunkOut>> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                if cancelled() {
                    return None;
                }
                let len = CHUNK.min(opts.iterations - c * CHUNK);
                Some(model.run_chunk(opts.seed, c as u64, len, deterministic))
            })
            .collect();
        let samples = outs
            .as_ref()
            .map(|outs| merge(outs.iter().map(|o| o.samples.as_slice()).collect()));
        let approvals = outs
            .as_ref()
            .map(|outs| merge(outs.iter().map(|o| o.approvals.as_slice()).collect()));
        let calendars = outs
            .as_ref()
            .filter(|_| det_calendar.is_some())
            .map(|outs| merge(outs.iter().map(|o| o.calendars.as_slice()).collect()));
        (outs, samples, approvals, calendars)
    });
    let (Some(outs), Some(samples), Some(approvals)) = (outs, samples, approvals) else {
        return Err(SolveError::Cancelled);
    };

    // Combine in chunk order, sequentially, so the sums do not depend on the threads.
    let n = net.activities.len();
    let mut sum = 0.0;
    let mut approval_sum = 0.0;
    let mut calendar_sum = 0.0;
    let mut critical = vec![0u64; n];
    let mut infeasible = 0;
    let mut moments = Moments::new(model.varying.len());
    for out in &outs {
        sum += out.sum;
        approval_sum += out.approval_sum;
        calendar_sum += out.calendar_sum;
        for (total, c) in critical.iter_mut().zip(&out.critical) {
            *total += c;
        }
        infeasible += out.infeasible;
        moments.add(&out.moments);
    }
    let feasible = samples.len();
    let mean = if feasible == 0 {
        f64::NAN
    } else {
        sum / feasible as f64
    };

    let approval = Spread::of(approvals, approval_sum, det_approval);
    let calendar = calendar.map(|cal| {
        if let (Some(cal_samples), Some(det)) = (calendars, det_calendar) {
            // Placed on the calendar: each iteration's own end date.
            return Spread::of(cal_samples, calendar_sum, det);
        }
        // The end date is monotone in the working days, so the sorted working days give the
        // calendar days sorted, exactly.
        let up_to = samples
            .last()
            .copied()
            .unwrap_or(deterministic)
            .max(deterministic);
        let table = cal.date_table(scenario.start, WorkingDays::new(up_to));
        let days = |w: f64| {
            f64::from(calendar_days_between(
                scenario.start,
                table.finish_date(WorkingDays::new(w)),
            ))
        };
        let cal_samples: Vec<f64> = samples.iter().map(|&w| days(w)).collect();
        let sum = cal_samples.iter().sum();
        Spread::of(cal_samples, sum, days(deterministic))
    });
    let targets = targets
        .iter()
        .filter_map(|t| {
            let hi = t.days?.get() + BOUND_EPS;
            let sorted = match t.measure {
                DayMeasure::ApprovalDays => &approval.samples,
                DayMeasure::WorkingDays => &samples,
                DayMeasure::CalendarDays => match &calendar {
                    Some(c) => &c.samples,
                    None => return Some((t.name.clone(), f64::NAN)),
                },
            };
            let below = t.days_min.map_or(0, |lo| {
                sorted.partition_point(|&x| x < lo.get() - BOUND_EPS)
            });
            let met = sorted.partition_point(|&x| x <= hi) - below;
            Some((t.name.clone(), share(met as u64, opts.iterations)))
        })
        .collect();

    let criticality = net
        .activities
        .iter()
        .zip(&critical)
        .filter(|(a, _)| !a.is_gate())
        .map(|(a, &c)| (a.id.clone(), share(c, feasible)))
        .collect();

    let mut sensitivity: Vec<(String, f64)> = model
        .varying
        .iter()
        .enumerate()
        .map(|(k, v)| (net.activities[v.act].id.clone(), moments.sensitivity(k)))
        .collect();
    // Stable: equal scores keep network order.
    sensitivity.sort_by(|a, b| b.1.total_cmp(&a.1));

    Ok(SimulationResult {
        regime: regime.to_string(),
        iterations: opts.iterations,
        mean,
        p50: percentile(&samples, 0.50),
        p80: percentile(&samples, 0.80),
        p95: percentile(&samples, 0.95),
        min: samples.first().copied().unwrap_or(f64::NAN),
        max: samples.last().copied().unwrap_or(f64::NAN),
        deterministic,
        samples,
        approval,
        calendar,
        targets,
        criticality,
        sensitivity,
        infeasible,
    })
}
