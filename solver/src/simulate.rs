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
//!   − min)` (λ = 4, mean `(min + 4 likely + max) / 6`), `B = X / (X + Y)` from two Gamma draws
//!   (Marsaglia–Tsang, normals by Marsaglia's polar method); `uniform` on `[min, max)`; `fixed`
//!   its value. Without a spread an activity takes its `days` every time; gates never vary.
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
//!   `days` (its limit under the regime), as [`permitflow_model::Returns`] documents. Drawn as
//!   one uniform per trial (no logarithms); at most 1,000 returns are counted.
//!
//! # Reproducibility
//!
//! The random numbers come from PCG-64 MCG ([`rand_pcg::Pcg64Mcg`], 128-bit multiplicative
//! congruential generator with the XSL-RR output). Iterations are split into chunks of
//! [`CHUNK`]; chunk `c`'s generator state is `mix(seed, c)` (SplitMix64, see `chunk_rng`), so the
//! chunks can run on any number of rayon threads in any order, and are combined in chunk order:
//! the same seed gives bit-identical results whatever the thread count. Uniforms are the top 53
//! bits of a 64-bit output; square roots are exact in IEEE arithmetic; the PERT Gamma draws use
//! `f64::ln`, which is the platform's libm (identical on every machine of one target).
//!
//! # Cost
//!
//! The network, its [`Compact`] arrays and the samplers are built once per call; per iteration
//! the work is one forward and one backward pass, O(n + m), with no allocation. Networks with
//! upper bounds (maximum lags, deadlines) use the same passes and check the bounds; only when a
//! sample breaks one do they fall back to [`earliest_general`] / [`latest_general`]
//! (Bellman–Ford, which allocates). A sample whose bounds cannot all hold is counted in
//! [`SimulationResult::infeasible`].

use permitflow_model::{LinkKind, Network, Regime, Scenario};
use rand_pcg::Pcg64Mcg;

use crate::sample::{Sampler, Shape, activity_draws, pcg, percentile, splitmix64};
use rayon::prelude::*;

use crate::error::SolveError;
use crate::paths::{Compact, earliest_general, latest_general, link_offset};
use crate::regime::network_for;
use crate::schedule::{Method, schedule};

/// Iterations per chunk: the unit of seeding and of parallel work.
pub const CHUNK: usize = 4096;

/// Total float below which an activity counts as critical in an iteration.
const CRITICAL_EPS: f64 = 1e-9;
/// Slack allowed when checking upper bounds and targets against sums of sampled durations.
const BOUND_EPS: f64 = 1e-9;

/// How many iterations to run and the seed they are drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimulationOptions {
    pub iterations: usize,
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

/// The distribution of a regime's working days over many iterations.
///
/// Statistics (`mean`, percentiles, `min`, `max`, criticality, sensitivity) are over the
/// iterations that gave a schedule; all are NaN when there are none (no iterations, or every
/// sample broke an upper bound).
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationResult {
    pub regime: String,
    /// Iterations run, including infeasible ones.
    pub iterations: usize,
    pub mean: f64,
    /// Percentiles by nearest rank: `pP` is the least sample with at least P % of the samples at
    /// or below it ("80 % of runs finish within p80").
    pub p50: f64,
    pub p80: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
    /// The schedule's working days with every activity at its `days` (no uncertainty).
    pub deterministic: f64,
    /// Every feasible iteration's working days, sorted ascending.
    pub samples: Vec<f64>,
    /// Each whole-regime `working_days` target of this regime (stage targets are left out), in
    /// scenario order: the share of all iterations whose working days are at most its figure (for
    /// an exact target too). An infeasible iteration counts as a miss.
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
pub fn simulate(
    scenario: &Scenario,
    regime: &Regime,
    opts: &SimulationOptions,
) -> Result<SimulationResult, SolveError> {
    let net = network_for(scenario, regime)?;
    let deterministic = schedule(&net, Method::Paths)?.makespan.get();
    let model = Model::new(scenario, net);
    let net = &model.net;

    let chunks = opts.iterations.div_ceil(CHUNK);
    let outs: Vec<ChunkOut> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let len = CHUNK.min(opts.iterations - c * CHUNK);
            model.run_chunk(chunk_rng(opts.seed, c as u64), len, deterministic)
        })
        .collect();

    // Combine in chunk order, sequentially, so the sums do not depend on the threads.
    let n = net.activities.len();
    let mut samples = Vec::with_capacity(opts.iterations);
    let mut critical = vec![0u64; n];
    let mut infeasible = 0;
    let mut moments = Moments::new(model.varying.len());
    for out in outs {
        samples.extend_from_slice(&out.samples);
        for (total, c) in critical.iter_mut().zip(&out.critical) {
            *total += u64::from(*c);
        }
        infeasible += out.infeasible;
        moments.add(&out.moments);
    }
    let feasible = samples.len();
    let mean = if feasible == 0 {
        f64::NAN
    } else {
        samples.iter().sum::<f64>() / feasible as f64
    };
    samples.sort_by(f64::total_cmp);

    let targets = scenario
        .targets
        .iter()
        .filter(|t| t.regime == regime.name && t.stage.is_none())
        .filter_map(|t| {
            let bound = t.working_days?.get() + BOUND_EPS;
            let met = samples.partition_point(|&x| x <= bound);
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
        .map(|(k, &(i, _))| (net.activities[i].id.clone(), moments.sensitivity(k)))
        .collect();
    // Stable: equal scores keep network order.
    sensitivity.sort_by(|a, b| b.1.total_cmp(&a.1));

    Ok(SimulationResult {
        regime: regime.name.to_string(),
        iterations: opts.iterations,
        mean,
        p50: percentile(&samples, 0.50),
        p80: percentile(&samples, 0.80),
        p95: percentile(&samples, 0.95),
        min: samples.first().copied().unwrap_or(f64::NAN),
        max: samples.last().copied().unwrap_or(f64::NAN),
        deterministic,
        samples,
        targets,
        criticality,
        sensitivity,
        infeasible,
    })
}

fn share(count: u64, of: usize) -> f64 {
    if of == 0 {
        f64::NAN
    } else {
        count as f64 / of as f64
    }
}

/// The generator of chunk `chunk`: a 128-bit PCG-64 MCG state made from the seed and the chunk
/// index by SplitMix64 (distinct chunks of one seed get distinct, unrelated states).
fn chunk_rng(seed: u64, chunk: u64) -> Pcg64Mcg {
    pcg(splitmix64(splitmix64(seed) ^ chunk))
}

#[derive(Clone, Copy, Debug)]
struct Draw {
    shape: Shape,
    /// Return rate and the days one return adds (rework + re-review); `None` without returns.
    returns: Option<(f64, f64)>,
}

impl Draw {
    fn varies(&self) -> bool {
        !matches!(self.shape, Shape::Fixed(_)) || self.returns.is_some()
    }
}

/// A maximum lag (`to` starts, in the sense of `kind`, at most `max` after `from`) or a deadline
/// (`to` finishes by `max`; `from == usize::MAX`).
#[derive(Clone, Copy, Debug)]
struct Upper {
    from: usize,
    to: usize,
    kind: LinkKind,
    max: f64,
}

/// Everything fixed for one regime: the network, its compact arrays, the draws.
struct Model {
    net: Network,
    compact: Option<Compact>,
    upper: Vec<Upper>,
    draws: Vec<Draw>,
    /// Activities whose duration varies, with their `days`.
    varying: Vec<(usize, f64)>,
}

impl Model {
    fn new(scenario: &Scenario, net: Network) -> Self {
        let draws: Vec<Draw> = activity_draws(scenario, &net)
            .into_iter()
            .map(|d| Draw {
                shape: d.shape,
                returns: d
                    .returns
                    .map(|(rate, rework, rereview)| (rate, rework + rereview)),
            })
            .collect();
        let mut upper: Vec<Upper> = net
            .constraints
            .iter()
            .filter_map(|c| {
                Some(Upper {
                    from: c.from,
                    to: c.to,
                    kind: c.kind,
                    max: c.max_lag?.get(),
                })
            })
            .collect();
        upper.extend(net.activities.iter().enumerate().filter_map(|(i, a)| {
            Some(Upper {
                from: usize::MAX,
                to: i,
                kind: LinkKind::FinishToStart,
                max: a.deadline?.get(),
            })
        }));
        let varying = (0..net.activities.len())
            .filter(|&i| draws[i].varies())
            .map(|i| (i, net.activities[i].days.get()))
            .collect();
        Self {
            compact: Compact::new(&net),
            net,
            upper,
            draws,
            varying,
        }
    }

    /// Whether starts `s` keep every upper bound.
    fn keeps_upper(&self, d: &[f64], s: &[f64]) -> bool {
        self.upper.iter().all(|u| {
            if u.from == usize::MAX {
                s[u.to] + d[u.to] <= u.max + BOUND_EPS
            } else {
                let off = link_offset(u.kind, d[u.from], d[u.to]);
                s[u.to] <= s[u.from] + off + u.max + BOUND_EPS
            }
        })
    }

    /// Earliest starts into `es`, latest into `ls`; the makespan, or `None` when the upper
    /// bounds cannot hold with these durations.
    fn pass(&self, d: &[f64], es: &mut [f64], ls: &mut [f64]) -> Option<f64> {
        let makespan = |es: &[f64]| es.iter().zip(d).map(|(s, d)| s + d).fold(0.0, f64::max);
        match &self.compact {
            Some(c) => {
                // The least solution of the lower bounds is the least solution of all the
                // constraints whenever it keeps the upper bounds; likewise the greatest.
                let mut ms = c.earliest(d, es);
                if !self.keeps_upper(d, es) {
                    es.copy_from_slice(&earliest_general(&self.net, d).ok()?);
                    ms = makespan(es);
                }
                c.latest(d, ms, ls);
                if !self.upper.is_empty() && !self.keeps_upper(d, ls) {
                    ls.copy_from_slice(&latest_general(&self.net, d, ms));
                }
                Some(ms)
            }
            None => {
                es.copy_from_slice(&earliest_general(&self.net, d).ok()?);
                let ms = makespan(es);
                ls.copy_from_slice(&latest_general(&self.net, d, ms));
                Some(ms)
            }
        }
    }

    fn run_chunk(&self, rng: Pcg64Mcg, len: usize, shift: f64) -> ChunkOut {
        let n = self.net.activities.len();
        let mut sampler = Sampler::new(rng);
        let mut d = vec![0.0; n];
        let mut es = vec![0.0; n];
        let mut ls = vec![0.0; n];
        let mut out = ChunkOut {
            samples: Vec::with_capacity(len),
            critical: vec![0; n],
            infeasible: 0,
            moments: Moments::new(self.varying.len()),
        };
        for _ in 0..len {
            for (x, draw) in d.iter_mut().zip(&self.draws) {
                *x = duration(&mut sampler, draw);
            }
            let Some(ms) = self.pass(&d, &mut es, &mut ls) else {
                out.infeasible += 1;
                continue;
            };
            out.samples.push(ms);
            for i in 0..n {
                if ls[i] - es[i] < CRITICAL_EPS {
                    out.critical[i] += 1;
                }
            }
            out.moments.record(
                self.varying.iter().map(|&(i, days)| d[i] - days),
                ms - shift,
            );
        }
        out
    }
}

/// One activity's duration: its base draw, plus what its returns add.
fn duration(sampler: &mut Sampler, draw: &Draw) -> f64 {
    let base = sampler.base(&draw.shape);
    match draw.returns {
        Some((rate, extra)) => base + f64::from(sampler.returns(rate)) * extra,
        None => base,
    }
}

/// What one chunk gives back.
struct ChunkOut {
    /// Working days of its feasible iterations, in iteration order.
    samples: Vec<f64>,
    /// Per activity, iterations in which it was critical.
    critical: Vec<u32>,
    infeasible: usize,
    moments: Moments,
}

/// Sums for the sensitivity, shifted (durations by their `days`, the total by the deterministic
/// working days) to keep the differences of large sums accurate.
#[derive(Clone, Debug)]
struct Moments {
    count: f64,
    t: f64,
    x: Vec<f64>,
    xx: Vec<f64>,
    xt: Vec<f64>,
}

impl Moments {
    fn new(n: usize) -> Self {
        Self {
            count: 0.0,
            t: 0.0,
            x: vec![0.0; n],
            xx: vec![0.0; n],
            xt: vec![0.0; n],
        }
    }

    /// One iteration: `x[k]` is varying activity `k`'s duration less its `days`, `t` the working
    /// days less the deterministic ones.
    fn record(&mut self, x: impl Iterator<Item = f64>, t: f64) {
        self.count += 1.0;
        self.t += t;
        for (k, x) in x.enumerate() {
            self.x[k] += x;
            self.xx[k] += x * x;
            self.xt[k] += x * t;
        }
    }

    fn add(&mut self, o: &Self) {
        self.count += o.count;
        self.t += o.t;
        for i in 0..self.x.len() {
            self.x[i] += o.x[i];
            self.xx[i] += o.xx[i];
            self.xt[i] += o.xt[i];
        }
    }

    /// `cov(T, Dₖ) / sd(Dₖ)` (population moments); 0 when `Dₖ` did not vary.
    fn sensitivity(&self, i: usize) -> f64 {
        if self.count == 0.0 {
            return f64::NAN;
        }
        let n = self.count;
        let mx = self.x[i] / n;
        let var = self.xx[i] / n - mx * mx;
        let cov = self.xt[i] / n - mx * self.t / n;
        if var > 1e-12 { cov / var.sqrt() } else { 0.0 }
    }
}
