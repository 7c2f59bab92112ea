//! Exact schedules by longest paths.
//!
//! Every constraint of a network is a difference constraint `s_v ≥ s_u + w` over start times
//! (an upper bound — a maximum lag or a deadline — is one pointing backwards). The earliest
//! starts are the longest paths from a project origin; they exist exactly when no cycle has
//! positive weight, and such a cycle is the set of constraints that conflict.
//!
//! Without upper bounds the graph is acyclic and one forward pass in topological order over
//! compact arrays is enough (the fast path, also used per Monte Carlo iteration); with them a
//! label-correcting Bellman–Ford pass finds the same least solution or the conflicting cycle.

use std::collections::VecDeque;

use permitflow_i18n::tr;
use permitflow_model::{LinkKind, Network, Origin, WorkingDays};

/// Offset of `to`'s start relative to `from`'s start implied by a link of `kind` at lag 0.
#[inline]
pub fn link_offset(kind: LinkKind, d_from: f64, d_to: f64) -> f64 {
    match kind {
        LinkKind::FinishToStart => d_from,
        LinkKind::StartToStart => 0.0,
        LinkKind::FinishToFinish => d_from - d_to,
        LinkKind::StartToFinish => -d_to,
    }
}

/// The network as arrays: activities in topological order, predecessors in one flat vector
/// with offsets. Built once per regime, evaluated for any durations.
#[derive(Clone, Debug)]
pub struct Compact {
    /// Activities in a topological order of the (lower-bound) constraints.
    pub topo: Vec<u32>,
    /// `in_start[i]..in_start[i+1]` indexes the incoming constraints of activity `i`.
    pub in_start: Vec<u32>,
    /// Per incoming constraint: the activity it comes from.
    pub in_from: Vec<u32>,
    /// Per incoming constraint: its kind.
    pub in_kind: Vec<LinkKind>,
    /// Per incoming constraint: its lag, working days.
    pub in_lag: Vec<f64>,
    /// Per activity: its release (0 without one), the least start the pass allows.
    pub release: Vec<f64>,
}

impl Compact {
    /// `None` when the lower-bound constraints have a cycle.
    pub fn new(net: &Network) -> Option<Self> {
        Self::with_release(net, release(net))
    }

    /// [`Compact::new`] with each activity's least start ([`release`]) already gathered.
    pub fn with_release(net: &Network, release: Vec<f64>) -> Option<Self> {
        Self::shape(net).map(|c| Self { release, ..c })
    }

    /// The network's predecessors and topological order, without the releases (none yet:
    /// [`Compact::with_release`]); `None` when the lower-bound constraints have a cycle.
    pub(crate) fn shape(net: &Network) -> Option<Self> {
        let n = net.activities.len();
        let mut count = vec![0u32; n + 1];
        for c in &net.constraints {
            count[c.to + 1] += 1;
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let in_start = count.clone();
        let m = net.constraints.len();
        let mut in_from = vec![0u32; m];
        let mut in_kind = vec![LinkKind::FinishToStart; m];
        let mut in_lag = vec![0.0; m];
        let mut fill = count;
        for c in &net.constraints {
            let at = fill[c.to] as usize;
            fill[c.to] += 1;
            in_from[at] = c.from as u32;
            in_kind[at] = c.kind;
            in_lag[at] = c.lag.get();
        }
        // Successors as flat arrays too (one vector per activity was a million allocations).
        let mut out_start = vec![0u32; n + 1];
        for c in &net.constraints {
            out_start[c.from + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let mut out_to = vec![0u32; m];
        let mut out_fill = fill;
        out_fill.copy_from_slice(&out_start);
        for c in &net.constraints {
            let at = out_fill[c.from] as usize;
            out_fill[c.from] += 1;
            out_to[at] = c.to as u32;
        }
        drop(out_fill);
        let mut indeg: Vec<u32> = (0..n).map(|i| in_start[i + 1] - in_start[i]).collect();
        // Kahn's order, first in first out: the topological order itself is the queue.
        let mut topo: Vec<u32> = Vec::with_capacity(n);
        topo.extend((0..n as u32).filter(|&i| indeg[i as usize] == 0));
        let mut head = 0;
        while head < topo.len() {
            let i = topo[head] as usize;
            head += 1;
            for &j in &out_to[out_start[i] as usize..out_start[i + 1] as usize] {
                let d = &mut indeg[j as usize];
                *d -= 1;
                if *d == 0 {
                    topo.push(j);
                }
            }
        }
        if topo.len() < n {
            return None;
        }
        Some(Self {
            topo,
            in_start,
            in_from,
            in_kind,
            in_lag,
            release: Vec::new(),
        })
    }

    /// Earliest starts for `durations` into `es`; returns the makespan.
    pub fn earliest(&self, durations: &[f64], es: &mut [f64]) -> f64 {
        let mut makespan: f64 = 0.0;
        for &i in &self.topo {
            let i = i as usize;
            let mut s = self.release[i];
            let (a, b) = (self.in_start[i] as usize, self.in_start[i + 1] as usize);
            let d_to = durations[i];
            for k in a..b {
                let p = self.in_from[k] as usize;
                let w = link_offset(self.in_kind[k], durations[p], d_to) + self.in_lag[k];
                let cand = es[p] + w;
                if cand > s {
                    s = cand;
                }
            }
            es[i] = s;
            makespan = makespan.max(s + d_to);
        }
        makespan
    }

    /// Latest starts that keep every constraint and finish by `makespan`.
    pub fn latest(&self, durations: &[f64], makespan: f64, ls: &mut [f64]) {
        for (i, l) in ls.iter_mut().enumerate() {
            *l = makespan - durations[i];
        }
        for &i in self.topo.iter().rev() {
            let i = i as usize;
            let (a, b) = (self.in_start[i] as usize, self.in_start[i + 1] as usize);
            for k in a..b {
                let p = self.in_from[k] as usize;
                let w = link_offset(self.in_kind[k], durations[p], durations[i]) + self.in_lag[k];
                let bound = ls[i] - w;
                if bound < ls[p] {
                    ls[p] = bound;
                }
            }
        }
    }
}

/// Each activity's least start: its release, or 0 (the project start) without one or before it.
pub fn release(net: &Network) -> Vec<f64> {
    net.activities
        .iter()
        .map(|a| release_of(a.release))
        .collect()
}

/// An activity's least start from its release.
#[inline]
pub fn release_of(release: Option<WorkingDays>) -> f64 {
    release.map(|r| r.get()).unwrap_or(0.0).max(0.0)
}

/// Where a difference constraint comes from, to explain a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The lower bound of network constraint `k`.
    Min(usize),
    /// The maximum lag of network constraint `k`.
    Max(usize),
    /// Activity `i` starts no earlier than its release (or the project start).
    Release(usize),
    /// Activity `i` finishes by its deadline.
    Deadline(usize),
}

/// `s_v ≥ s_u + w`; node 0 is the project origin, activity `i` is node `i + 1`.
#[derive(Clone, Debug)]
struct Edge {
    u: usize,
    v: usize,
    w: f64,
    bound: Bound,
}

fn edges(net: &Network, durations: &[f64]) -> Vec<Edge> {
    let mut out = Vec::with_capacity(net.constraints.len() * 2 + net.activities.len() * 2);
    for (i, a) in net.activities.iter().enumerate() {
        out.push(Edge {
            u: 0,
            v: i + 1,
            w: a.release.map(|r| r.get()).unwrap_or(0.0).max(0.0),
            bound: Bound::Release(i),
        });
        if let Some(d) = a.deadline {
            out.push(Edge {
                u: i + 1,
                v: 0,
                w: durations[i] - d.get(),
                bound: Bound::Deadline(i),
            });
        }
    }
    for (k, c) in net.constraints.iter().enumerate() {
        let off = link_offset(c.kind, durations[c.from], durations[c.to]);
        out.push(Edge {
            u: c.from + 1,
            v: c.to + 1,
            w: off + c.lag.get(),
            bound: Bound::Min(k),
        });
        if let Some(m) = c.max_lag {
            out.push(Edge {
                u: c.to + 1,
                v: c.from + 1,
                w: -(off + m.get()),
                bound: Bound::Max(k),
            });
        }
    }
    out
}

/// A set of bounds that cannot hold together, and by how many working days they overshoot.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The bounds that cannot all hold (a positive cycle).
    pub bounds: Vec<Bound>,
    /// How many working days they overshoot: the cycle's length.
    pub excess: f64,
}

const EPS: f64 = 1e-9;

/// Earliest starts with upper bounds, by label-correcting longest paths from the origin.
pub fn earliest_general(net: &Network, durations: &[f64]) -> Result<Vec<f64>, Conflict> {
    let n = net.activities.len() + 1;
    let edges = edges(net, durations);
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, e) in edges.iter().enumerate() {
        out[e.u].push(k);
    }
    let mut dist = vec![f64::NEG_INFINITY; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    // Edges on the current longest path to each node: n or more means a positive cycle.
    let mut hops = vec![0usize; n];
    let mut in_queue = vec![false; n];
    dist[0] = 0.0;
    let mut queue = VecDeque::from([0usize]);
    in_queue[0] = true;
    while let Some(u) = queue.pop_front() {
        in_queue[u] = false;
        for &k in &out[u] {
            let e = &edges[k];
            let cand = dist[u] + e.w;
            if cand > dist[e.v] + EPS {
                dist[e.v] = cand;
                pred[e.v] = Some(k);
                hops[e.v] = hops[u] + 1;
                // The origin must stay at 0, and no path without a cycle has n edges.
                if e.v == 0 || hops[e.v] >= n {
                    return Err(conflict_from(&edges, &pred, e.v, n));
                }
                if !in_queue[e.v] {
                    in_queue[e.v] = true;
                    queue.push_back(e.v);
                }
            }
        }
    }
    Ok(dist[1..].to_vec())
}

/// Walks predecessor edges back from `start` until a node repeats; the edges since its first
/// visit form the positive cycle.
fn conflict_from(edges: &[Edge], pred: &[Option<usize>], start: usize, n: usize) -> Conflict {
    let mut first_visit = vec![usize::MAX; n];
    let mut walked: Vec<usize> = Vec::new();
    let mut x = start;
    let cycle: Vec<usize> = loop {
        if first_visit[x] != usize::MAX {
            break walked[first_visit[x]..].to_vec();
        }
        first_visit[x] = walked.len();
        match pred[x] {
            Some(k) => {
                walked.push(k);
                x = edges[k].u;
            }
            None => break walked,
        }
    };
    // Edges were collected walking backwards: put them in the order of the constraints' flow.
    let mut cycle = cycle;
    cycle.reverse();
    let excess = cycle.iter().map(|&k| edges[k].w).sum();
    Conflict {
        bounds: cycle.iter().map(|&k| edges[k].bound).collect(),
        excess,
    }
}

/// Latest starts with upper bounds: the greatest solution that finishes by `makespan`.
pub fn latest_general(net: &Network, durations: &[f64], makespan: f64) -> Vec<f64> {
    let n = net.activities.len();
    let edges = edges(net, durations);
    let mut ub: Vec<f64> = (0..n).map(|i| makespan - durations[i]).collect();
    // Bounds to the origin (deadlines) are fixed: s_u ≤ −w.
    for e in edges.iter().filter(|e| e.v == 0 && e.u != 0) {
        ub[e.u - 1] = ub[e.u - 1].min(-e.w);
    }
    // Each node's incoming constraints as flat arrays: a bound travels back along them,
    // s_u ≤ s_v − w.
    let mut start = vec![0usize; n + 2];
    for e in &edges {
        start[e.v + 1] += 1;
    }
    for v in 0..=n {
        start[v + 1] += start[v];
    }
    let mut fill = start.clone();
    let mut incoming = vec![0usize; edges.len()];
    for (k, e) in edges.iter().enumerate() {
        incoming[fill[e.v]] = k;
        fill[e.v] += 1;
    }
    drop(fill);
    // Lowers the bounds `v`'s incoming constraints give, noting each node lowered in `lowered`
    // (cleared first: one buffer for the whole walk, no allocation per node).
    let relax = |ub: &mut [f64], v: usize, lowered: &mut Vec<usize>| {
        lowered.clear();
        for &k in &incoming[start[v]..start[v + 1]] {
            let e = &edges[k];
            if e.u == 0 {
                continue;
            }
            let bound = ub[v - 1] - e.w;
            if bound < ub[e.u - 1] - EPS {
                ub[e.u - 1] = bound;
                lowered.push(e.u);
            }
        }
    };
    let mut lowered = Vec::new();
    match Compact::shape(net) {
        // Passes over the activities, the last in a topological order of the constraints
        // first: a bound reaches every predecessor in one pass, and each further pass carries
        // it back over one more maximum lag; a pass that lowers nothing ends it. (Bellman–Ford
        // passes over the constraints in file order moved a bound back over one constraint a
        // pass: a chain of 40,000 items with a deadline took 40,000 passes.) The earliest
        // starts are feasible, so n + 1 passes always suffice.
        Some(shape) => {
            for _ in 0..=n {
                let mut changed = false;
                for &v in shape.topo.iter().rev() {
                    relax(&mut ub, v as usize + 1, &mut lowered);
                    changed |= !lowered.is_empty();
                }
                if !changed {
                    break;
                }
            }
        }
        // Constraints in a cycle (of no positive weight, or the earliest starts would not
        // exist): label-correcting from every activity, first in first out; no node is
        // lowered more than n times.
        None => {
            let mut queue: VecDeque<usize> = (1..=n).rev().collect();
            let mut in_queue = vec![true; n + 1];
            in_queue[0] = false;
            let mut times = vec![0usize; n + 1];
            while let Some(v) = queue.pop_front() {
                in_queue[v] = false;
                relax(&mut ub, v, &mut lowered);
                for &u in &lowered {
                    times[u] += 1;
                    if times[u] > n {
                        return ub;
                    }
                    if !in_queue[u] {
                        in_queue[u] = true;
                        queue.push_back(u);
                    }
                }
            }
        }
    }
    ub
}

fn working_days(d: WorkingDays) -> String {
    tr!(
        "diag-solver-working-days",
        n = d.get().abs(),
        days = d.to_string()
    )
}

/// A link's lag in its own unit: working days, or calendar days.
fn lag_days(d: WorkingDays, unit: permitflow_model::DayUnit) -> String {
    match unit {
        permitflow_model::DayUnit::Working => working_days(d),
        permitflow_model::DayUnit::Calendar => tr!(
            "diag-solver-calendar-days",
            n = d.get().abs(),
            days = d.to_string()
        ),
    }
}

/// Describes a bound for a planner.
pub fn describe(net: &Network, bound: Bound) -> String {
    let name = |i: usize| format!("`{}`", net.activities[i].id);
    let point = |kind: LinkKind, from: bool| match (kind, from) {
        (LinkKind::FinishToStart, true) | (LinkKind::FinishToFinish, true) => {
            tr!("diag-solver-point.finishes")
        }
        (LinkKind::StartToStart, true) | (LinkKind::StartToFinish, true) => {
            tr!("diag-solver-point.starts")
        }
        (LinkKind::FinishToStart, false) | (LinkKind::StartToStart, false) => {
            tr!("diag-solver-point.starts")
        }
        (LinkKind::FinishToFinish, false) | (LinkKind::StartToFinish, false) => {
            tr!("diag-solver-point.finishes")
        }
    };
    match bound {
        Bound::Min(k) | Bound::Max(k) => {
            let c = &net.constraints[k];
            let why = match c.origin {
                Origin::Link => tr!(
                    "diag-solver-origin-link",
                    from = net.activities[c.from].id.to_string(),
                    to = net.activities[c.to].id.to_string()
                ),
                Origin::Tolerance => tr!("diag-solver-origin.tolerance"),
                Origin::SerialChain => tr!("diag-solver-origin.serial"),
                Origin::StageGate => tr!("diag-solver-origin.stage-gate"),
                Origin::Verification => tr!("diag-solver-origin-verification"),
            };
            let verb_to = point(c.kind, false);
            let verb_from = point(c.kind, true);
            match bound {
                Bound::Max(_) => tr!(
                    "diag-solver-bound-max",
                    to = name(c.to),
                    verb_to = verb_to,
                    days = lag_days(c.max_lag.unwrap_or_default(), c.lag_unit),
                    from = name(c.from),
                    verb_from = verb_from,
                    why = why
                ),
                _ => tr!(
                    "diag-solver-bound-min",
                    to = name(c.to),
                    verb_to = verb_to,
                    days = lag_days(c.lag, c.lag_unit),
                    from = name(c.from),
                    verb_from = verb_from,
                    why = why
                ),
            }
        }
        Bound::Release(i) => match net.activities[i].release {
            Some(r) => tr!(
                "diag-solver-bound-release",
                id = name(i),
                offset = r.to_string()
            ),
            None => tr!("diag-solver-bound-release.start", id = name(i)),
        },
        Bound::Deadline(i) => tr!(
            "diag-solver-bound-deadline",
            id = name(i),
            offset = net.activities[i]
                .deadline
                .map(|d| d.to_string())
                .unwrap_or_default(),
            days = working_days(net.activities[i].days)
        ),
    }
}
