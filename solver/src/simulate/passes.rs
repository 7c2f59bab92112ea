//! The forward and backward passes over a block of [`LANES`] iterations: the general ones over
//! interleaved start/finish arrays (every link kind) and the finish-to-start fast ones.

use permitflow_model::{LinkKind, Network};

use super::model::Upper;
use super::{CRITICAL_EPS, LANES, Lanes};
use crate::paths::Compact;

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
pub(super) struct Passes {
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
    pub(super) fn new(net: &Network, c: &Compact, pos: &[usize]) -> Self {
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
    pub(super) fn forward(&self, d: &[Lanes], es: &mut [Lanes]) -> Lanes {
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
    pub(super) fn backward<const COUNT: bool>(
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
pub(super) struct FinishToStart {
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
    pub(super) fn new(net: &Network, c: &Compact, pos: &[usize], upper: &[Upper]) -> Option<Self> {
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
    pub(super) fn pass(
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
