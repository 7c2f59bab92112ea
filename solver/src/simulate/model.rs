//! What is fixed for one regime (the network by position, the draws, the returns, the upper
//! bounds) and one chunk's run: draw a block, add the returns, run the passes, record.

use permitflow_model::{LinkKind, Network, Scenario, WorkingDays};
use rand_pcg::Pcg64Mcg;

use super::approval::Approval;
use super::dated::Dated;
use super::passes::{FinishToStart, Passes};
use super::stats::{Acc, ChunkOut, radix_sort};
use super::{BOUND_EPS, CHUNK, LANES, Lanes};
use crate::paths::{Compact, earliest_general, latest_general, link_offset};
use crate::sample::{
    LaneRng, Shape, TriangularBlock, activity_draws, geometric_gap, pcg, splitmix64,
};

/// Generator `stream` of chunk `chunk`: a 128-bit PCG-64 MCG state made from the seed, the
/// chunk index and the stream by SplitMix64 (distinct chunks and streams of one seed get
/// distinct, unrelated states). Streams `0..LANES` are the lanes, `LANES` the returns.
fn stream_rng(seed: u64, chunk: u64, stream: u64) -> Pcg64Mcg {
    pcg(splitmix64(splitmix64(splitmix64(seed) ^ chunk) ^ stream))
}

/// How one position is drawn for a block, kept small (48 bytes) so that a large network's draws
/// stay in cache.
#[derive(Clone, Debug)]
enum BlockDraw {
    Fixed(f64),
    /// The block sampler: about twice as fast as `rand_distr::Triangular` lane by lane
    /// (BENCHMARKS.md).
    Triangular(TriangularBlock),
    /// Lane by lane through `rand_distr` (PERT, uniform: a uniform block was no faster).
    Lanes(Box<Shape>),
}

const _: () = assert!(std::mem::size_of::<BlockDraw>() <= 48);

impl BlockDraw {
    fn new(shape: Shape) -> Self {
        match shape {
            Shape::Fixed(v) => Self::Fixed(v),
            Shape::Triangular(_, block) => Self::Triangular(block),
            s => Self::Lanes(Box::new(s)),
        }
    }
}

/// One draw of `shape` per lane through `rand_distr`, out of line: inlined, the rejection loops
/// of its Gamma draws made the block sampler's code around them slower.
#[inline(never)]
fn lane_by_lane(shape: &Shape, lanes: &mut [LaneRng; LANES], out: &mut Lanes) {
    for (x, rng) in out.iter_mut().zip(lanes.iter_mut()) {
        *x = shape.sample(&mut rng.0);
    }
}

/// A maximum lag (`to` starts, in the sense of `kind`, at most `max` after `from`) or a deadline
/// (`to` finishes by `max`; `from == usize::MAX`), between positions.
#[derive(Clone, Copy, Debug)]
pub(super) struct Upper {
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
    /// Days one return adds: correction + re-review.
    extra: f64,
    /// The applicant's correction after each return (clock stopped).
    correction: f64,
    /// Each re-review (clock running).
    rereview: f64,
    /// The most returns in one iteration ([`crate::sample::MAX_RETURNS`], or
    /// [`crate::sample::VERIFICATION_ROUNDS`] for a verified commitment).
    max: u32,
}

/// An activity whose duration varies (a spread that is not a point, or returns).
#[derive(Clone, Copy, Debug)]
pub(super) struct Varying {
    pub(super) act: usize,
    pub(super) pos: usize,
    pub(super) days: f64,
}

/// Everything fixed for one regime: the network, its passes, the draws, all by position.
pub(super) struct Model {
    pub(super) net: Network,
    /// `order[q]`: the activity at position `q` (a topological order when `passes` exists).
    pub(super) order: Vec<usize>,
    /// With calendar-day items or lags: every iteration is placed on this calendar exactly
    /// (`pass_dated`), and neither the lane passes nor the approval shortcut are used.
    dated: Option<Dated>,
    /// The specialised passes when they apply (see [`FinishToStart`]).
    fs: Option<FinishToStart>,
    /// `None` when the lower bounds alone have a cycle: then every lane uses Bellman–Ford.
    passes: Option<Passes>,
    upper: Vec<Upper>,
    /// Each position's spread. Triangular spreads are drawn over all lanes at once from the
    /// generators' bits (the block sampler, `sample::TriangularBlock`), the others lane by lane through
    /// `rand_distr`.
    shapes: Vec<BlockDraw>,
    returning: Vec<Returning>,
    /// How official approval time is measured.
    approval: Approval,
    /// Per returning activity: (correction, re-review).
    how: Vec<(f64, f64)>,
    /// In network order.
    pub(super) varying: Vec<Varying>,
}

impl Model {
    /// `det_start`: the deterministic schedule's starts, in network order; `dated` the
    /// calendar of a network with calendar days.
    pub(super) fn new(
        scenario: &Scenario,
        net: Network,
        det_start: &[WorkingDays],
        dated: Option<Dated>,
    ) -> Self {
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
        let shapes = order
            .iter()
            .map(|&a| BlockDraw::new(draws[a].shape))
            .collect();
        let returning: Vec<Returning> = order
            .iter()
            .enumerate()
            .filter_map(|(q, &a)| {
                let (rate, correction, rereview) = draws[a].returns?;
                Some(Returning {
                    pos: q,
                    inv_ln_q: 1.0 / (-rate).ln_1p(),
                    rate,
                    extra: correction + rereview,
                    correction,
                    rereview,
                    max: draws[a].max_returns,
                })
            })
            // A rate too small for `ln(1 − rate)` never returns.
            .filter(|r| r.inv_ln_q.is_finite())
            .collect();
        let mut approval = Approval::new(
            &net,
            &order,
            &returning
                .iter()
                .map(|r| (r.pos, r.correction))
                .collect::<Vec<_>>(),
            det_start,
        );
        // On the calendar a calendar-day item starts at the next midnight, so the approval
        // clock may stop between two approval items (a working item ending at noon): measured.
        approval.is_makespan &= dated.is_none();
        let how = returning
            .iter()
            .map(|r| (r.correction, r.rereview))
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
            .filter(|_| dated.is_none())
            .and_then(|c| FinishToStart::new(&net, c, &pos, &upper));
        Self {
            net,
            order,
            dated,
            fs,
            passes,
            upper,
            shapes,
            returning,
            approval,
            how,
            varying,
        }
    }

    /// Every position's spread for the block, lane `j` from `lanes[j]`, position by position.
    #[inline(never)]
    fn draw(&self, lanes: &mut [LaneRng; LANES], d: &mut [Lanes]) {
        for (dq, shape) in d.iter_mut().zip(&self.shapes) {
            match shape {
                BlockDraw::Fixed(v) => *dq = [*v; LANES],
                BlockDraw::Triangular(block) => block.fill(lanes, dq),
                BlockDraw::Lanes(s) => lane_by_lane(s, lanes, dq),
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
    /// per return; after [`crate::sample::MAX_RETURNS`] in one iteration (a verified commitment's
    /// [`crate::sample::VERIFICATION_ROUNDS`]) the next iteration starts afresh.
    #[inline(never)]
    fn returns(&self, rs: &mut Pcg64Mcg) -> Returns {
        const BLOCKS: usize = CHUNK / LANES;
        let expected: f64 = self.returning.iter().map(|r| r.rate).sum();
        let mut raw: Vec<(u32, Event)> =
            Vec::with_capacity((1.1 * expected * CHUNK as f64) as usize + 64);
        let mut count = vec![0u32; BLOCKS + 1];
        for (ri, r) in self.returning.iter().enumerate() {
            // By inversion, one uniform a gap: `rand_distr::Geometric` takes several uniforms
            // and powers a gap at small rates (BENCHMARKS.md).
            let mut gap = || geometric_gap(rs, r.inv_ln_q);
            let mut at = gap();
            while at < CHUNK as u64 {
                let mut k = 1;
                let mut g = gap();
                while g == 0 {
                    if k == r.max {
                        g = gap().saturating_add(1);
                        break;
                    }
                    k += 1;
                    g = gap();
                }
                raw.push((
                    at as u32,
                    Event {
                        pos: r.pos as u32,
                        lane: 0,
                        add: f64::from(k) * r.extra,
                        returning: ri as u32,
                        k,
                    },
                ));
                count[at as usize / LANES + 1] += 1;
                at = at.saturating_add(g);
            }
        }
        for b in 0..BLOCKS {
            count[b + 1] += count[b];
        }
        let mut fill = count.clone();
        let mut events = vec![Event::default(); raw.len()];
        for (at, e) in raw {
            let b = at as usize / LANES;
            events[fill[b] as usize] = Event {
                lane: at % LANES as u32,
                ..e
            };
            fill[b] += 1;
        }
        Returns {
            start: count,
            events,
        }
    }

    /// Lane `j`'s durations in network order.
    pub(super) fn lane(&self, d: &[Lanes], j: usize) -> Vec<f64> {
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

    pub(super) fn run_chunk(&self, seed: u64, chunk: u64, len: usize, shift: f64) -> ChunkOut {
        let n = self.order.len();
        let mut lanes: [LaneRng; LANES] =
            std::array::from_fn(|j| LaneRng(stream_rng(seed, chunk, j as u64)));
        let mut rs = stream_rng(seed, chunk, LANES as u64);
        let returns = self.returns(&mut rs);
        let mut d = vec![[0.0; LANES]; n];
        let mut es = vec![[0.0; LANES]; 2 * n];
        let mut ls = vec![[0.0; LANES]; 2 * n];
        let mut acc = Acc::new(n, self.varying.len());
        let mut samples = Vec::with_capacity(len);
        let mut approvals = Vec::with_capacity(len);
        let mut calendars = Vec::new();
        let mut cd = [0.0; LANES];
        let mut ks = vec![[0u32; LANES]; self.returning.len()];
        let mut bufs: [Vec<(u64, f64)>; LANES] = std::array::from_fn(|_| Vec::new());
        let mut infeasible = 0;
        for first in (0..len).step_by(LANES) {
            let used = LANES.min(len - first);
            self.draw(&mut lanes, &mut d);
            let b = first / LANES;
            let events = &returns.events[returns.start[b] as usize..returns.start[b + 1] as usize];
            for e in events {
                d[e.pos as usize][e.lane as usize] += e.add;
                ks[e.returning as usize][e.lane as usize] = e.k;
            }
            let mut ok = [true; LANES];
            let (ms, counted) = match (&self.dated, &self.fs) {
                (Some(dated), _) => (
                    self.pass_dated(dated, &d, &mut es, &mut ls, &mut ok, used, &mut cd),
                    false,
                ),
                (None, Some(fs)) => {
                    let mask = std::array::from_fn(|j| u64::from(j < used).wrapping_neg());
                    (
                        fs.pass(&d, &mut es, &mut ls, &mask, &mut acc.critical),
                        true,
                    )
                }
                (None, None) => {
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
            if self.dated.is_some() {
                calendars.extend((0..LANES).filter(|&j| ok[j]).map(|j| cd[j]));
            }
            let mut ap = ms;
            if !self.approval.is_makespan {
                if self.fs.is_some() {
                    // The finish-to-start passes keep only the earliest finishes.
                    let dates = |q: usize| {
                        let f = es[q];
                        (std::array::from_fn(|j| f[j] - d[q][j]), f)
                    };
                    self.approval
                        .block(&ok, &d, dates, &ks, &self.how, &mut bufs, &mut ap);
                } else {
                    let dates = |q: usize| (es[2 * q], es[2 * q + 1]);
                    self.approval
                        .block(&ok, &d, dates, &ks, &self.how, &mut bufs, &mut ap);
                }
            }
            approvals.extend((0..LANES).filter(|&j| ok[j]).map(|j| ap[j]));
            for e in events {
                ks[e.returning as usize][e.lane as usize] = 0;
            }
        }
        let sum = samples.iter().sum();
        let approval_sum = approvals.iter().sum();
        let calendar_sum = calendars.iter().sum();
        radix_sort(&mut samples);
        radix_sort(&mut approvals);
        radix_sort(&mut calendars);
        let mut critical = vec![0u64; n];
        for (q, c) in acc.critical.iter().enumerate() {
            critical[self.order[q]] = c.iter().sum::<u64>();
        }
        ChunkOut {
            samples,
            sum,
            approvals,
            approval_sum,
            calendars,
            calendar_sum,
            critical,
            infeasible,
            moments: acc.moments(),
        }
    }
}

/// A chunk's returns by block (see [`Model::returns`]).
struct Returns {
    start: Vec<u32>,
    events: Vec<Event>,
}

/// Returns of one activity in one iteration.
#[derive(Clone, Copy, Debug, Default)]
struct Event {
    /// The activity's position.
    pos: u32,
    /// The iteration's lane in its block.
    lane: u32,
    /// Days added: `k` times correction plus re-review.
    add: f64,
    /// Its index among the returning activities.
    returning: u32,
    /// How many times it came back.
    k: u32,
}
