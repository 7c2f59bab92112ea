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
//!   `days` (its limit under the regime), as [`permitflow_model::Returns`] documents. At most
//!   1,000 returns are counted in one iteration.
//!
//!   The returns are drawn without a uniform per activity and iteration: over the iterations of
//!   a chunk, an activity's trials form one sequence of independent trials in which a success
//!   (probability `rate`) is a return and a failure ends the iteration. The failures before the
//!   next success are geometric, `G = ⌊ln V / ln(1 − rate)⌋` from one uniform `V` in (0, 1]
//!   (exactly `P(G ≥ g) = (1 − rate)ᵍ`), so each return leads straight to the next one: in the
//!   same iteration when `G = 0`, `G` iterations on otherwise. One uniform per return, the same
//!   distribution as a trial per iteration.
//!
//! # Reproducibility
//!
//! The random numbers come from PCG-64 MCG ([`rand_pcg::Pcg64Mcg`], 128-bit multiplicative
//! congruential generator with the XSL-RR output). Iterations are split into chunks of
//! [`CHUNK`], and a chunk into blocks of [`LANES`] iterations computed side by side. Chunk `c`
//! has `LANES + 1` generators, stream `k`'s state made from `(seed, c, k)` by SplitMix64 (see
//! `stream_rng`): stream `j < LANES` draws the durations of the `j`-th iteration of every block
//! of the chunk, activity by activity in topological order; stream `LANES` draws the chunk's
//! returns, activity by activity over all [`CHUNK`] iterations whatever the chunk's length. The
//! chunks can run on any number of rayon threads in any order and are combined in chunk order,
//! so the same seed gives bit-identical results whatever the thread count, and a chunk's draws
//! depend only on `(seed, c)` (a shorter last chunk draws a prefix of a full one).
//!
//! Triangular and uniform spreads take their uniform from the top 52 bits of a 64-bit output
//! (`k · 2⁻⁵²`, exact: a double in [1, 2) less 1, which several lanes compute at once); PERT
//! spreads use `sample`'s uniforms (the top 53 bits) as the approval centre does.
//! Square roots are exact in IEEE arithmetic; the PERT Gamma draws and the gaps between returns
//! use `f64::ln`, which is the platform's libm (identical on every machine of one target).
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
//!   breaks one does that lane fall back to [`earliest_general`] / [`latest_general`]
//!   (Bellman–Ford, which allocates). A sample whose bounds cannot all hold is counted in
//!   [`SimulationResult::infeasible`].
//!
//! Each chunk radix-sorts its samples; the chunks' samples are then sorted together in two
//! halves at once (below and above a pivot).

use permitflow_model::{LinkKind, Network, Regime, Scenario};
use rand_pcg::Pcg64Mcg;

use crate::sample::{
    MAX_RETURNS, Sampler, Shape, activity_draws, pcg, percentile, splitmix64, unit,
};
use rayon::prelude::*;

use crate::error::SolveError;
use crate::paths::{Compact, earliest_general, latest_general, link_offset};
use crate::regime::network_for;
use crate::schedule::{Method, schedule};

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
    // On a pool thread: the chunks, then their samples merged, without coming back to this
    // thread in between.
    let (outs, samples) = rayon::scope(|_| {
        let outs: Vec<ChunkOut> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                let len = CHUNK.min(opts.iterations - c * CHUNK);
                model.run_chunk(opts.seed, c as u64, len, deterministic)
            })
            .collect();
        let samples = merge(outs.iter().map(|o| o.samples.as_slice()).collect());
        (outs, samples)
    });

    // Combine in chunk order, sequentially, so the sums do not depend on the threads.
    let n = net.activities.len();
    let mut sum = 0.0;
    let mut critical = vec![0u64; n];
    let mut infeasible = 0;
    let mut moments = Moments::new(model.varying.len());
    for out in &outs {
        sum += out.sum;
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
        .map(|(k, v)| (net.activities[v.act].id.clone(), moments.sensitivity(k)))
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

/// The sorted runs made one sorted vector, in two halves at once: the values below a pivot (the
/// median of the runs' medians) and the others, each half gathered from the runs and sorted. A
/// sorted vector of floats is unique, so the result does not depend on the pivot or the threads.
fn merge(runs: Vec<&[f64]>) -> Vec<f64> {
    let total: usize = runs.iter().map(|r| r.len()).sum();
    let mut mids: Vec<f64> = runs
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| r[r.len() / 2])
        .collect();
    mids.sort_by(f64::total_cmp);
    let Some(&pivot) = mids.get(mids.len() / 2) else {
        return Vec::new();
    };
    let cuts: Vec<usize> = runs
        .iter()
        .map(|r| r.partition_point(|x| x.total_cmp(&pivot).is_lt()))
        .collect();
    let mut out = vec![0.0; total];
    let (lo, hi) = out.split_at_mut(cuts.iter().sum());
    // Each half is its runs' parts one after the other, then sorted.
    let fill = |dst: &mut [f64], part: &dyn Fn(&[f64], usize) -> &[f64]| {
        let mut at = 0;
        for (r, &c) in runs.iter().zip(&cuts) {
            let src = part(r, c);
            dst[at..at + src.len()].copy_from_slice(src);
            at += src.len();
        }
        radix_sort(dst);
    };
    rayon::join(|| fill(lo, &|r, c| &r[..c]), || fill(hi, &|r, c| &r[c..]));
    out
}

/// Sorts `v` by [`f64::total_cmp`]: a least-significant-digit radix sort, 11 bits at a time,
/// of the bits mapped to integers in the same order, less the least of them, so only the bits
/// in which the values differ are sorted on (a sorted vector of floats is unique, so this is the
/// order any sort gives).
fn radix_sort(v: &mut [f64]) {
    const SIGN: u64 = 1 << 63;
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let n = v.len();
    if n < 512 {
        v.sort_unstable_by(f64::total_cmp);
        return;
    }
    let key = |x: f64| {
        let b = x.to_bits();
        if b & SIGN == 0 { b | SIGN } else { !b }
    };
    let mut keys: Vec<u64> = v.iter().map(|&x| key(x)).collect();
    let (lo, hi) = keys
        .iter()
        .fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
    let digits = (u64::BITS - (hi - lo).leading_zeros()).div_ceil(BITS) as usize;
    for k in &mut keys {
        *k -= lo;
    }
    let mut hist = vec![[0u32; 1 << BITS]; digits];
    for &k in &keys {
        for (d, h) in hist.iter_mut().enumerate() {
            h[((k >> (BITS as usize * d)) & MASK) as usize] += 1;
        }
    }
    let mut tmp = vec![0u64; n];
    for (d, h) in hist.iter().enumerate() {
        let shift = BITS as usize * d;
        let mut at = [0u32; 1 << BITS];
        let mut sum = 0;
        for (a, &c) in at.iter_mut().zip(h) {
            *a = sum;
            sum += c;
        }
        for &k in &keys {
            let digit = ((k >> shift) & MASK) as usize;
            tmp[at[digit] as usize] = k;
            at[digit] += 1;
        }
        std::mem::swap(&mut keys, &mut tmp);
    }
    for (x, &k) in v.iter_mut().zip(&keys) {
        let k = k + lo;
        *x = f64::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k });
    }
}

fn share(count: u64, of: usize) -> f64 {
    if of == 0 {
        f64::NAN
    } else {
        count as f64 / of as f64
    }
}

/// Generator `stream` of chunk `chunk`: a 128-bit PCG-64 MCG state made from the seed, the
/// chunk index and the stream by SplitMix64 (distinct chunks and streams of one seed get
/// distinct, unrelated states). Streams `0..LANES` are the lanes, `LANES` the returns.
fn stream_rng(seed: u64, chunk: u64, stream: u64) -> Pcg64Mcg {
    pcg(splitmix64(splitmix64(splitmix64(seed) ^ chunk) ^ stream))
}

/// A constraint as one pass reads it: the value at `at` (an index into the interleaved
/// start/finish lanes: `2q` is position `q`'s start, `2q + 1` its finish) plus `lag`.
#[derive(Clone, Copy, Debug)]
struct Edge {
    at: u32,
    lag: f64,
}

/// Edges grouped by position in four kinds: position `q`'s edges of kind `k` are
/// `edges[at[q][k]..at[q][k + 1]]`. The kinds are the two groups of a pass (bounding the start,
/// bounding the finish), each first without a lag then with one, so the passes add no zeros.
#[derive(Clone, Debug, Default)]
struct Csr {
    at: Vec<[u32; 5]>,
    edges: Vec<Edge>,
}

impl Csr {
    /// From `(position, group, edge)` triples, for positions `0..n`; `group` is 0 or 1.
    fn new(n: usize, mut edges: Vec<(usize, usize, Edge)>) -> Self {
        let kind = |g: usize, e: &Edge| 2 * g + usize::from(e.lag != 0.0);
        edges.sort_by_key(|(q, g, e)| (*q, kind(*g, e), e.at));
        let mut at = vec![[0u32; 5]; n];
        let mut next = 0u32;
        let mut k = 0;
        for (q, bounds) in at.iter_mut().enumerate() {
            for (kk, b) in bounds.iter_mut().enumerate() {
                while k < edges.len() && edges[k].0 == q && kind(edges[k].1, &edges[k].2) < kk {
                    k += 1;
                    next += 1;
                }
                *b = next;
            }
            while k < edges.len() && edges[k].0 == q {
                k += 1;
                next += 1;
            }
        }
        Self {
            at,
            edges: edges.into_iter().map(|(_, _, e)| e).collect(),
        }
    }

    /// Position `q`'s edges by kind: group 0 without and with a lag, group 1 likewise.
    #[inline(always)]
    fn of(&self, q: usize) -> [&[Edge]; 4] {
        let b = self.at[q].map(|x| x as usize);
        let all = &self.edges[b[0]..b[4]];
        let (g0, g1) = all.split_at(b[2] - b[0]);
        let (z0, l0) = g0.split_at(b[1] - b[0]);
        let (z1, l1) = g1.split_at(b[3] - b[2]);
        [z0, l0, z1, l1]
    }
}

/// `acc[j] = max(acc[j], x[e.at][j] + e.lag)` over `edges`, the lags being 0 unless `LAGGED`.
#[inline(always)]
fn max_over<const LAGGED: bool>(acc: &mut Lanes, x: &[Lanes], edges: &[Edge]) {
    for e in edges {
        let v = &x[e.at as usize];
        for j in 0..LANES {
            let c = if LAGGED { v[j] + e.lag } else { v[j] };
            acc[j] = if c > acc[j] { c } else { acc[j] };
        }
    }
}

/// `acc[j] = min(acc[j], x[e.at][j] − e.lag)` over `edges`, the lags being 0 unless `LAGGED`.
#[inline(always)]
fn min_over<const LAGGED: bool>(acc: &mut Lanes, x: &[Lanes], edges: &[Edge]) {
    for e in edges {
        let v = &x[e.at as usize];
        for j in 0..LANES {
            let c = if LAGGED { v[j] - e.lag } else { v[j] };
            acc[j] = if c < acc[j] { c } else { acc[j] };
        }
    }
}

/// The lower-bound constraints in topological order, for the passes over blocks.
///
/// With `sᵢ`, `fᵢ = sᵢ + dᵢ` the start and finish of position `i` and a link `p → i` of lag `l`:
/// finish-to-start is `sᵢ ≥ f_p + l`, start-to-start `sᵢ ≥ s_p + l`, finish-to-finish
/// `fᵢ ≥ f_p + l` and start-to-finish `fᵢ ≥ s_p + l`. So the earliest start is the largest of
/// the release, the edges bounding the start, and the edges bounding the finish less `dᵢ`; the
/// latest finish (backward) likewise from the successors' latest starts and finishes.
#[derive(Debug)]
struct Passes {
    release: Vec<f64>,
    /// Incoming edges, reading earliest starts/finishes: group 0 bounds the start (FS, SS),
    /// group 1 the finish (FF, SF).
    fwd: Csr,
    /// Outgoing edges, reading latest starts/finishes: group 0 bounds the latest finish (FS,
    /// FF), group 1 the latest start (SS, SF).
    bwd: Csr,
}

impl Passes {
    /// `pos[a]` is activity `a`'s position in `c.topo`.
    fn new(net: &Network, c: &Compact, pos: &[usize]) -> Self {
        let n = pos.len();
        let (mut fwd, mut bwd) = (Vec::new(), Vec::new());
        for con in &net.constraints {
            let (p, i) = (pos[con.from], pos[con.to]);
            let lag = con.lag.get();
            // Forward: which value of `p` the edge reads; backward: which value of `i`.
            let (p_at, i_at) = match con.kind {
                LinkKind::FinishToStart => (2 * p + 1, 2 * i),
                LinkKind::StartToStart => (2 * p, 2 * i),
                LinkKind::FinishToFinish => (2 * p + 1, 2 * i + 1),
                LinkKind::StartToFinish => (2 * p, 2 * i + 1),
            };
            let edge = |at: usize| Edge { at: at as u32, lag };
            fwd.push((i, i_at % 2, edge(p_at)));
            bwd.push((p, 1 - p_at % 2, edge(i_at)));
        }
        Self {
            release: c.topo.iter().map(|&a| c.release[a as usize]).collect(),
            fwd: Csr::new(n, fwd),
            bwd: Csr::new(n, bwd),
        }
    }

    /// Earliest starts and finishes into `es` (interleaved); returns the makespans.
    #[inline(never)]
    fn forward(&self, d: &[Lanes], es: &mut [Lanes]) -> Lanes {
        let mut ms = [0.0; LANES];
        for (q, dq) in d.iter().enumerate() {
            let mut s = [self.release[q]; LANES];
            let [z0, l0, z1, l1] = self.fwd.of(q);
            max_over::<false>(&mut s, es, z0);
            max_over::<true>(&mut s, es, l0);
            if !(z1.is_empty() && l1.is_empty()) {
                let mut m = [f64::NEG_INFINITY; LANES];
                max_over::<false>(&mut m, es, z1);
                max_over::<true>(&mut m, es, l1);
                for j in 0..LANES {
                    let c = m[j] - dq[j];
                    s[j] = if c > s[j] { c } else { s[j] };
                }
            }
            let mut f = [0.0; LANES];
            for j in 0..LANES {
                f[j] = s[j] + dq[j];
                ms[j] = if f[j] > ms[j] { f[j] } else { ms[j] };
            }
            es[2 * q] = s;
            es[2 * q + 1] = f;
        }
        ms
    }

    /// Latest starts and finishes into `ls` (interleaved) that finish by `ms`. With `COUNT`,
    /// also counts per position the lanes with no float (against `es`) in `critical`.
    #[inline(never)]
    fn backward<const COUNT: bool>(
        &self,
        d: &[Lanes],
        ms: &Lanes,
        ls: &mut [Lanes],
        es: &[Lanes],
        critical: &mut [[u64; LANES]],
    ) {
        for (p, dp) in d.iter().enumerate().rev() {
            let mut lf = *ms;
            let [z0, l0, z1, l1] = self.bwd.of(p);
            min_over::<false>(&mut lf, ls, z0);
            min_over::<true>(&mut lf, ls, l0);
            let mut s = [0.0; LANES];
            for j in 0..LANES {
                s[j] = lf[j] - dp[j];
            }
            min_over::<false>(&mut s, ls, z1);
            min_over::<true>(&mut s, ls, l1);
            let mut f = [0.0; LANES];
            for j in 0..LANES {
                f[j] = s[j] + dp[j];
            }
            if COUNT {
                let (e, c) = (&es[2 * p], &mut critical[p]);
                for j in 0..LANES {
                    c[j] += u64::from(s[j] - e[j] < CRITICAL_EPS);
                }
            }
            ls[2 * p] = s;
            ls[2 * p + 1] = f;
        }
    }
}

/// The passes of a network whose constraints are all finish-to-start and that has no upper
/// bounds, the usual case: per position only the earliest finish and the latest start are kept,
/// each constraint is one maximum (minimum) over a lane array, and the criticality is counted in
/// the backward pass (the float is `lf − ef`).
#[derive(Debug)]
struct FinishToStart {
    release: Vec<f64>,
    /// Predecessors of position `q`: `pred[pred_at[q]..pred_at[q + 1]]`, with their lags.
    pred_at: Vec<u32>,
    pred: Vec<(u32, f64)>,
    /// Successors likewise.
    succ_at: Vec<u32>,
    succ: Vec<(u32, f64)>,
    /// Whether any lag is not 0.
    lagged: bool,
}

impl FinishToStart {
    /// `None` unless every constraint is finish-to-start and there are no upper bounds.
    fn new(net: &Network, c: &Compact, pos: &[usize], upper: &[Upper]) -> Option<Self> {
        let all_fs = net
            .constraints
            .iter()
            .all(|c| c.kind == LinkKind::FinishToStart);
        if !all_fs || !upper.is_empty() {
            return None;
        }
        let n = pos.len();
        let group = |mut pairs: Vec<(usize, u32, f64)>| {
            pairs.sort_by_key(|&(q, other, _)| (q, other));
            let mut at = vec![0u32; n + 1];
            for &(q, _, _) in &pairs {
                at[q + 1] += 1;
            }
            for q in 0..n {
                at[q + 1] += at[q];
            }
            let list: Vec<(u32, f64)> = pairs.into_iter().map(|(_, o, l)| (o, l)).collect();
            (at, list)
        };
        let links = || {
            net.constraints
                .iter()
                .map(|c| (pos[c.from], pos[c.to], c.lag.get()))
        };
        let (pred_at, pred) = group(links().map(|(p, i, l)| (i, p as u32, l)).collect());
        let (succ_at, succ) = group(links().map(|(p, i, l)| (p, i as u32, l)).collect());
        Some(Self {
            release: c.topo.iter().map(|&a| c.release[a as usize]).collect(),
            pred_at,
            pred,
            succ_at,
            succ,
            lagged: net.constraints.iter().any(|c| c.lag.get() != 0.0),
        })
    }

    /// Earliest finishes into `ef`; returns the makespans.
    #[inline(never)]
    fn forward<const LAGGED: bool>(&self, d: &[Lanes], ef: &mut [Lanes]) -> Lanes {
        let mut ms = [0.0; LANES];
        for (q, dq) in d.iter().enumerate() {
            let mut s = [self.release[q]; LANES];
            let preds = &self.pred[self.pred_at[q] as usize..self.pred_at[q + 1] as usize];
            for &(p, lag) in preds {
                let v = &ef[p as usize];
                for j in 0..LANES {
                    let c = if LAGGED { v[j] + lag } else { v[j] };
                    s[j] = if c > s[j] { c } else { s[j] };
                }
            }
            let f = &mut ef[q];
            for j in 0..LANES {
                f[j] = s[j] + dq[j];
                ms[j] = if f[j] > ms[j] { f[j] } else { ms[j] };
            }
        }
        ms
    }

    /// Latest starts into `ls` that finish by `ms`, counting per position the lanes `ok`
    /// (all ones, or 0 for a lane not counted) in which it has no float.
    #[inline(never)]
    fn backward<const LAGGED: bool>(
        &self,
        d: &[Lanes],
        ms: &Lanes,
        ef: &[Lanes],
        ls: &mut [Lanes],
        ok: &[u64; LANES],
        critical: &mut [[u64; LANES]],
    ) {
        for (p, dp) in d.iter().enumerate().rev() {
            let mut lf = *ms;
            let succs = &self.succ[self.succ_at[p] as usize..self.succ_at[p + 1] as usize];
            for &(i, lag) in succs {
                let v = &ls[i as usize];
                for j in 0..LANES {
                    let c = if LAGGED { v[j] - lag } else { v[j] };
                    lf[j] = if c < lf[j] { c } else { lf[j] };
                }
            }
            let (f, c) = (&ef[p], &mut critical[p]);
            for j in 0..LANES {
                // The comparison's mask (all ones) subtracted is 1 added.
                c[j] = c[j]
                    .wrapping_sub(u64::from(lf[j] - f[j] < CRITICAL_EPS).wrapping_neg() & ok[j]);
            }
            let l = &mut ls[p];
            for j in 0..LANES {
                l[j] = lf[j] - dp[j];
            }
        }
    }

    /// Both passes over a block: the makespans, criticality counted.
    fn pass(
        &self,
        d: &[Lanes],
        ef: &mut [Lanes],
        ls: &mut [Lanes],
        ok: &[u64; LANES],
        critical: &mut [[u64; LANES]],
    ) -> Lanes {
        if self.lagged {
            let ms = self.forward::<true>(d, ef);
            self.backward::<true>(d, &ms, ef, ls, ok, critical);
            ms
        } else {
            let ms = self.forward::<false>(d, ef);
            self.backward::<false>(d, &ms, ef, ls, ok, critical);
            ms
        }
    }
}

/// A maximum lag (`to` starts, in the sense of `kind`, at most `max` after `from`) or a deadline
/// (`to` finishes by `max`; `from == usize::MAX`), between positions.
#[derive(Clone, Copy, Debug)]
struct Upper {
    from: usize,
    to: usize,
    kind: LinkKind,
    max: f64,
}

/// An activity whose returns are drawn, at its position.
#[derive(Clone, Copy, Debug)]
struct Returning {
    pos: usize,
    /// `1 / ln(1 − rate)`: the gaps between returns are geometric.
    inv_ln_q: f64,
    /// The probability of at least one return in an iteration.
    rate: f64,
    /// Days one return adds: rework + re-review.
    extra: f64,
}

/// An activity whose duration varies (a spread that is not a point, or returns).
#[derive(Clone, Copy, Debug)]
struct Varying {
    act: usize,
    pos: usize,
    days: f64,
}

/// Everything fixed for one regime: the network, its passes, the draws, all by position.
struct Model {
    net: Network,
    /// `order[q]`: the activity at position `q` (a topological order when `passes` exists).
    order: Vec<usize>,
    /// The specialised passes when they apply (see [`FinishToStart`]).
    fs: Option<FinishToStart>,
    /// `None` when the lower bounds alone have a cycle: then every lane uses Bellman–Ford.
    passes: Option<Passes>,
    upper: Vec<Upper>,
    /// How each position's duration is drawn.
    /// Each position's spread. Triangular and uniform spreads are drawn from the generators'
    /// bits over all lanes at once (see [`unit`]), PERT lane by lane through [`Sampler::base`].
    shapes: Vec<Shape>,
    returning: Vec<Returning>,
    /// In network order.
    varying: Vec<Varying>,
}

impl Model {
    fn new(scenario: &Scenario, net: Network) -> Self {
        let n = net.activities.len();
        let compact = Compact::new(&net);
        let order: Vec<usize> = match &compact {
            Some(c) => c.topo.iter().map(|&a| a as usize).collect(),
            None => (0..n).collect(),
        };
        let mut pos = vec![0; n];
        for (q, &a) in order.iter().enumerate() {
            pos[a] = q;
        }
        let draws = activity_draws(scenario, &net);
        let shapes = order.iter().map(|&a| draws[a].shape).collect();
        let returning = order
            .iter()
            .enumerate()
            .filter_map(|(q, &a)| {
                let (rate, rework, rereview) = draws[a].returns?;
                Some(Returning {
                    pos: q,
                    inv_ln_q: 1.0 / (-rate).ln_1p(),
                    rate,
                    extra: rework + rereview,
                })
            })
            // A rate too small for `ln(1 − rate)` never returns.
            .filter(|r| r.inv_ln_q.is_finite())
            .collect();
        let varying = (0..n)
            .filter(|&a| {
                let d = &draws[a];
                !matches!(d.shape, Shape::Fixed(_)) || d.returns.is_some()
            })
            .map(|a| Varying {
                act: a,
                pos: pos[a],
                days: net.activities[a].days.get(),
            })
            .collect();
        let mut upper: Vec<Upper> = net
            .constraints
            .iter()
            .filter_map(|c| {
                Some(Upper {
                    from: pos[c.from],
                    to: pos[c.to],
                    kind: c.kind,
                    max: c.max_lag?.get(),
                })
            })
            .collect();
        upper.extend(net.activities.iter().enumerate().filter_map(|(a, act)| {
            Some(Upper {
                from: usize::MAX,
                to: pos[a],
                kind: LinkKind::FinishToStart,
                max: act.deadline?.get(),
            })
        }));
        let passes = compact.as_ref().map(|c| Passes::new(&net, c, &pos));
        let fs = compact
            .as_ref()
            .and_then(|c| FinishToStart::new(&net, c, &pos, &upper));
        Self {
            net,
            order,
            fs,
            passes,
            upper,
            shapes,
            returning,
            varying,
        }
    }

    /// Every position's spread for the block, lane `j` from `lanes[j]`, position by position.
    #[inline(never)]
    fn draw(&self, lanes: &mut [Sampler; LANES], d: &mut [Lanes]) {
        for (dq, shape) in d.iter_mut().zip(&self.shapes) {
            match *shape {
                Shape::Fixed(v) => *dq = [v; LANES],
                Shape::Triangular { a, b, fc, k1, k2 } => {
                    let bits: [u64; LANES] = std::array::from_fn(|j| lanes[j].bits());
                    // The inverse CDF on both sides, one kept by a bit mask: an `if` here
                    // becomes an unpredictable branch.
                    for (x, &bits) in dq.iter_mut().zip(&bits) {
                        let u = unit(bits);
                        let m = u64::from(u < fc).wrapping_neg();
                        let pick =
                            |l: f64, r: f64| f64::from_bits((l.to_bits() & m) | (r.to_bits() & !m));
                        let r = pick(u * k1, (1.0 - u) * k2).sqrt();
                        *x = pick(a + r, b - r);
                    }
                }
                Shape::Uniform { a, width } => {
                    let bits: [u64; LANES] = std::array::from_fn(|j| lanes[j].bits());
                    for (x, &bits) in dq.iter_mut().zip(&bits) {
                        *x = a + width * unit(bits);
                    }
                }
                Shape::Pert { .. } => {
                    for (x, s) in dq.iter_mut().zip(lanes.iter_mut()) {
                        *x = s.base(shape);
                    }
                }
            }
        }
    }

    /// The returns of all [`CHUNK`] iterations of a chunk (whatever its length, so that a
    /// shorter chunk draws a prefix of a full one), activity by activity, by block: block `b`'s
    /// are `events[start[b]..start[b + 1]]`, each (position, lane, days added).
    ///
    /// One activity's trials form one Bernoulli(`rate`) sequence: a success is a return, a
    /// failure ends the iteration. The failures before the next success are geometric, so from
    /// a return the next one is `g` iterations on (the same iteration when `g = 0`), one uniform
    /// per return; after [`MAX_RETURNS`] in one iteration the next iteration starts afresh.
    #[inline(never)]
    fn returns(&self, rs: &mut Sampler) -> Returns {
        const BLOCKS: usize = CHUNK / LANES;
        let expected: f64 = self.returning.iter().map(|r| r.rate).sum();
        let mut raw: Vec<(u32, u32, f64)> =
            Vec::with_capacity((1.1 * expected * CHUNK as f64) as usize + 64);
        let mut count = vec![0u32; BLOCKS + 1];
        for r in &self.returning {
            let mut gap = || rs.geometric_gap(r.inv_ln_q);
            let mut at = gap();
            while at < CHUNK as u64 {
                let mut k = 1;
                let mut g = gap();
                while g == 0 {
                    if k == MAX_RETURNS {
                        g = gap().saturating_add(1);
                        break;
                    }
                    k += 1;
                    g = gap();
                }
                raw.push((at as u32, r.pos as u32, f64::from(k) * r.extra));
                count[at as usize / LANES + 1] += 1;
                at = at.saturating_add(g);
            }
        }
        for b in 0..BLOCKS {
            count[b + 1] += count[b];
        }
        let mut fill = count.clone();
        let mut events = vec![(0, 0, 0.0); raw.len()];
        for (at, pos, add) in raw {
            let b = at as usize / LANES;
            events[fill[b] as usize] = (pos, at % LANES as u32, add);
            fill[b] += 1;
        }
        Returns {
            start: count,
            events,
        }
    }

    /// Lane `j`'s durations in network order.
    fn lane(&self, d: &[Lanes], j: usize) -> Vec<f64> {
        let mut out = vec![0.0; d.len()];
        for (q, &a) in self.order.iter().enumerate() {
            out[a] = d[q][j];
        }
        out
    }

    /// Whether lane `j`'s starts (`x`, interleaved) keep every upper bound.
    fn keeps_upper(&self, d: &[Lanes], x: &[Lanes], j: usize) -> bool {
        self.upper.iter().all(|u| {
            let s_to = x[2 * u.to][j];
            if u.from == usize::MAX {
                s_to + d[u.to][j] <= u.max + BOUND_EPS
            } else {
                let off = link_offset(u.kind, d[u.from][j], d[u.to][j]);
                s_to <= x[2 * u.from][j] + off + u.max + BOUND_EPS
            }
        })
    }

    /// Writes starts in network order (`s`) into lane `j` of `x`.
    fn put(&self, d: &[Lanes], s: &[f64], x: &mut [Lanes], j: usize) {
        for (q, &a) in self.order.iter().enumerate() {
            x[2 * q][j] = s[a];
            x[2 * q + 1][j] = s[a] + d[q][j];
        }
    }

    /// Earliest starts into `es`, latest into `ls` (interleaved with finishes); the makespans.
    /// Clears `ok[j]` when lane `j`'s upper bounds cannot hold with its durations.
    /// Without upper bounds the criticality of a block is counted into `critical` on the way
    /// (the returned flag says so).
    fn pass(
        &self,
        d: &[Lanes],
        es: &mut [Lanes],
        ls: &mut [Lanes],
        ok: &mut [bool; LANES],
        critical: &mut [[u64; LANES]],
        count: bool,
    ) -> (Lanes, bool) {
        let makespan =
            |s: &[f64], dn: &[f64]| s.iter().zip(dn).map(|(s, d)| s + d).fold(0.0, f64::max);
        let Some(p) = &self.passes else {
            let mut ms = [0.0; LANES];
            for j in 0..LANES {
                let dn = self.lane(d, j);
                let Ok(s) = earliest_general(&self.net, &dn) else {
                    ok[j] = false;
                    continue;
                };
                ms[j] = makespan(&s, &dn);
                self.put(d, &s, es, j);
                self.put(d, &latest_general(&self.net, &dn, ms[j]), ls, j);
            }
            return (ms, false);
        };
        // The least solution of the lower bounds is the least solution of all the constraints
        // whenever it keeps the upper bounds; likewise the greatest.
        let mut ms = p.forward(d, es);
        if self.upper.is_empty() {
            if count {
                p.backward::<true>(d, &ms, ls, es, critical);
            } else {
                p.backward::<false>(d, &ms, ls, es, critical);
            }
            return (ms, count);
        }
        for j in 0..LANES {
            if !self.keeps_upper(d, es, j) {
                let dn = self.lane(d, j);
                match earliest_general(&self.net, &dn) {
                    Ok(s) => {
                        ms[j] = makespan(&s, &dn);
                        self.put(d, &s, es, j);
                    }
                    Err(_) => ok[j] = false,
                }
            }
        }
        p.backward::<false>(d, &ms, ls, es, critical);
        for j in 0..LANES {
            if ok[j] && !self.keeps_upper(d, ls, j) {
                let dn = self.lane(d, j);
                self.put(d, &latest_general(&self.net, &dn, ms[j]), ls, j);
            }
        }
        (ms, false)
    }

    fn run_chunk(&self, seed: u64, chunk: u64, len: usize, shift: f64) -> ChunkOut {
        let n = self.order.len();
        let mut lanes: [Sampler; LANES] =
            std::array::from_fn(|j| Sampler::new(stream_rng(seed, chunk, j as u64)));
        let mut rs = Sampler::new(stream_rng(seed, chunk, LANES as u64));
        let returns = self.returns(&mut rs);
        let mut d = vec![[0.0; LANES]; n];
        let mut es = vec![[0.0; LANES]; 2 * n];
        let mut ls = vec![[0.0; LANES]; 2 * n];
        let mut acc = Acc::new(n, self.varying.len());
        let mut samples = Vec::with_capacity(len);
        let mut infeasible = 0;
        for first in (0..len).step_by(LANES) {
            let used = LANES.min(len - first);
            self.draw(&mut lanes, &mut d);
            let b = first / LANES;
            let events = &returns.events[returns.start[b] as usize..returns.start[b + 1] as usize];
            for &(q, j, add) in events {
                d[q as usize][j as usize] += add;
            }
            let mut ok = [true; LANES];
            let (ms, counted) = match &self.fs {
                Some(fs) => {
                    let mask = std::array::from_fn(|j| u64::from(j < used).wrapping_neg());
                    (
                        fs.pass(&d, &mut es, &mut ls, &mask, &mut acc.critical),
                        true,
                    )
                }
                None => {
                    let full = used == LANES;
                    self.pass(&d, &mut es, &mut ls, &mut ok, &mut acc.critical, full)
                }
            };
            for o in &mut ok[used..] {
                *o = false;
            }
            infeasible += ok[..used].iter().filter(|&&o| !o).count();
            if ok.iter().all(|&o| o) {
                acc.record::<false>(self, &d, &es, &ls, &ms, shift, &ok, counted);
            } else {
                acc.record::<true>(self, &d, &es, &ls, &ms, shift, &ok, counted);
            }
            samples.extend((0..LANES).filter(|&j| ok[j]).map(|j| ms[j]));
        }
        let sum = samples.iter().sum();
        radix_sort(&mut samples);
        let mut critical = vec![0u64; n];
        for (q, c) in acc.critical.iter().enumerate() {
            critical[self.order[q]] = c.iter().sum::<u64>();
        }
        ChunkOut {
            samples,
            sum,
            critical,
            infeasible,
            moments: acc.moments(),
        }
    }
}

/// A chunk's returns by block (see [`Model::returns`]).
struct Returns {
    start: Vec<u32>,
    events: Vec<(u32, u32, f64)>,
}

/// A chunk's running sums: per lane, or for the sensitivity in two (each block's lanes are
/// added first, `((0 + 4) + (2 + 6), (1 + 5) + (3 + 7))`, then into the sums).
struct Acc {
    count: Lanes,
    /// Per position: iterations in which it was critical.
    critical: Vec<[u64; LANES]>,
    t: Lanes,
    /// Per varying activity: the sums of `x`, `x²` and `x·t` (see [`Moments`]).
    sums: Vec<[[f64; 2]; 3]>,
}

/// The lanes of a block added in two sums, of the even and of the odd lanes.
#[inline(always)]
fn pairs(v: &Lanes) -> [f64; 2] {
    let mut h = [0.0; LANES / 2];
    for k in 0..LANES / 2 {
        h[k] = v[k] + v[k + LANES / 2];
    }
    let mut w = LANES / 2;
    while w > 2 {
        w /= 2;
        for k in 0..w {
            h[k] += h[k + w];
        }
    }
    [h[0], h[1]]
}

impl Acc {
    fn new(n: usize, varying: usize) -> Self {
        Self {
            count: [0.0; LANES],
            critical: vec![[0; LANES]; n],
            t: [0.0; LANES],
            sums: vec![[[0.0; 2]; 3]; varying],
        }
    }

    /// One block. With `MASKED`, lanes with `ok[j] == false` are left out; `counted` when the
    /// backward pass has counted the criticality already.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn record<const MASKED: bool>(
        &mut self,
        m: &Model,
        d: &[Lanes],
        es: &[Lanes],
        ls: &[Lanes],
        ms: &Lanes,
        shift: f64,
        ok: &[bool; LANES],
        counted: bool,
    ) {
        let w: Lanes = std::array::from_fn(|j| if !MASKED || ok[j] { 1.0 } else { 0.0 });
        if !counted {
            for (q, c) in self.critical.iter_mut().enumerate() {
                let (e, l) = (&es[2 * q], &ls[2 * q]);
                for j in 0..LANES {
                    c[j] += u64::from(l[j] - e[j] < CRITICAL_EPS && (!MASKED || ok[j]));
                }
            }
        }
        let mut t = [0.0; LANES];
        for j in 0..LANES {
            t[j] = if MASKED {
                (ms[j] - shift) * w[j]
            } else {
                ms[j] - shift
            };
            self.t[j] += t[j];
            self.count[j] += w[j];
        }
        for (sums, v) in self.sums.iter_mut().zip(&m.varying) {
            let dq = &d[v.pos];
            let mut x = [0.0; LANES];
            let mut xx = [0.0; LANES];
            let mut xt = [0.0; LANES];
            for j in 0..LANES {
                x[j] = if MASKED {
                    (dq[j] - v.days) * w[j]
                } else {
                    dq[j] - v.days
                };
                xx[j] = x[j] * x[j];
                xt[j] = x[j] * t[j];
            }
            for (sum, v) in sums.iter_mut().zip([&x, &xx, &xt]) {
                let p = pairs(v);
                sum[0] += p[0];
                sum[1] += p[1];
            }
        }
    }

    /// The lanes summed in lane order.
    fn moments(&self) -> Moments {
        let total = |v: &Lanes| v.iter().sum::<f64>();
        let pair = |s: &[f64; 2]| s[0] + s[1];
        Moments {
            count: total(&self.count),
            t: total(&self.t),
            x: self.sums.iter().map(|s| pair(&s[0])).collect(),
            xx: self.sums.iter().map(|s| pair(&s[1])).collect(),
            xt: self.sums.iter().map(|s| pair(&s[2])).collect(),
        }
    }
}

/// What one chunk gives back.
struct ChunkOut {
    /// Working days of its feasible iterations, sorted.
    samples: Vec<f64>,
    /// Their sum, in iteration order.
    sum: f64,
    /// Per activity (network order), iterations in which it was critical.
    critical: Vec<u64>,
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
