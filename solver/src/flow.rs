//! Linear programs whose every constraint is a difference of two variables, solved exactly
//! through their dual, a minimum-cost flow, by a primal network simplex.
//!
//! The primal: potentials `p_v`, one constraint `p_head − p_tail ≥ len` per arc, minimise
//! `Σ b_v p_v` with `Σ b_v = 0`. Its dual sends flow `f_e ≥ 0` on every arc, the inflow minus
//! the outflow of node `v` equal to `b_v`, at the least cost `Σ −len_e f_e`. The network simplex
//! keeps a spanning tree whose node potentials `π` make every tree arc's reduced cost
//! `cost_e + π_tail − π_head` zero; at the optimum every arc's is at least zero, so `p = −π` is
//! feasible, and the flow on tree arcs only proves it optimal (complementary slackness).
//!
//! Lengths are integers (the planner passes half days), so potentials are integers and exact;
//! flows are `f64` (the objective's weights are money). Pivoting follows the textbook rules:
//! block-search pricing, a strongly feasible tree (the last blocking arc on the cycle from its
//! apex) against cycling, big-M artificial arcs to a root for the first tree. A cycle with no
//! blocking arc is a cycle of positive length in the primal: the constraints conflict.
//!
//! Used for the time–cost trade-off of reform planning (Fulkerson 1961): crashing a project is
//! exactly such a program once every activity has a start and a finish node. This module does
//! no IO and prints nothing.

/// Why the network simplex gave no potentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowFailure {
    /// The constraints have a cycle of positive length: no potentials satisfy them.
    Infeasible,
    /// The objective decreases without bound (no flow meets the weights).
    Unbounded,
    /// The pivot limit was reached (a safeguard; the caller may fall back to a general LP).
    IterationLimit,
}

/// `minimise Σ b_v p_v` subject to `p_head − p_tail ≥ len` for every arc.
#[derive(Clone, Debug, Default)]
pub struct DifferenceLp {
    nodes: usize,
    tail: Vec<u32>,
    head: Vec<u32>,
    len: Vec<i64>,
    weight: Vec<f64>,
}

const NONE: u32 = u32::MAX;

impl DifferenceLp {
    /// A program over `nodes` potentials, all weights zero, no constraints.
    pub fn new(nodes: usize) -> Self {
        Self {
            nodes,
            weight: vec![0.0; nodes],
            ..Self::default()
        }
    }

    /// `p[to] − p[from] ≥ len`.
    pub fn at_least(&mut self, from: usize, to: usize, len: i64) {
        self.tail.push(from as u32);
        self.head.push(to as u32);
        self.len.push(len);
    }

    /// Adds `w` to the objective weight of `p[v]`.
    pub fn weigh(&mut self, v: usize, w: f64) {
        self.weight[v] += w;
    }

    /// Potentials of an optimal solution (any translation of them is optimal too).
    pub fn solve(&self) -> Result<Vec<i64>, FlowFailure> {
        Simplex::new(self).run()
    }
}

struct Simplex {
    /// Real arcs `0..m`, then one artificial arc per node between it and the root.
    tail: Vec<u32>,
    head: Vec<u32>,
    cost: Vec<i64>,
    flow: Vec<f64>,
    in_tree: Vec<bool>,
    m: usize,
    root: u32,
    parent: Vec<u32>,
    pred: Vec<u32>,
    depth: Vec<u32>,
    pi: Vec<i64>,
    first_child: Vec<u32>,
    next_sib: Vec<u32>,
    prev_sib: Vec<u32>,
    /// Flows below this are zero (rounding of sums of weights).
    zero: f64,
    path: Vec<u32>,
    stack: Vec<u32>,
}

impl Simplex {
    fn new(lp: &DifferenceLp) -> Self {
        let n = lp.nodes;
        let m = lp.tail.len();
        let root = n as u32;
        let big = 1 + lp.len.iter().map(|l| l.unsigned_abs() as i64).sum::<i64>();
        let mut tail = lp.tail.clone();
        let mut head = lp.head.clone();
        let mut cost: Vec<i64> = lp.len.iter().map(|&l| -l).collect();
        let mut flow = vec![0.0; m + n];
        let mut in_tree = vec![false; m + n];
        let mut parent = vec![NONE; n + 1];
        let mut pred = vec![NONE; n + 1];
        let mut depth = vec![0; n + 1];
        let mut pi = vec![0; n + 1];
        for v in 0..n {
            let b = lp.weight[v];
            let a = m + v;
            if b >= 0.0 {
                tail.push(root);
                head.push(v as u32);
                flow[a] = b;
                pi[v] = big;
            } else {
                tail.push(v as u32);
                head.push(root);
                flow[a] = -b;
                pi[v] = -big;
            }
            cost.push(big);
            in_tree[a] = true;
            parent[v] = root;
            pred[v] = a as u32;
            depth[v] = 1;
        }
        // The root's children, linked in node order.
        let mut first_child = vec![NONE; n + 1];
        let mut next_sib = vec![NONE; n + 1];
        let mut prev_sib = vec![NONE; n + 1];
        if n > 0 {
            first_child[n] = 0;
            for v in 0..n {
                next_sib[v] = if v + 1 < n { v as u32 + 1 } else { NONE };
                prev_sib[v] = if v > 0 { v as u32 - 1 } else { NONE };
            }
        }
        let scale: f64 = lp.weight.iter().map(|w| w.abs()).sum();
        Self {
            tail,
            head,
            cost,
            flow,
            in_tree,
            m,
            root,
            parent,
            pred,
            depth,
            pi,
            first_child,
            next_sib,
            prev_sib,
            zero: 1e-12 * scale.max(1.0),
            path: Vec::new(),
            stack: Vec::new(),
        }
    }

    fn reduced(&self, e: usize) -> i64 {
        self.cost[e] + self.pi[self.tail[e] as usize] - self.pi[self.head[e] as usize]
    }

    fn run(mut self) -> Result<Vec<i64>, FlowFailure> {
        let m = self.m;
        let n = self.root as usize;
        if m > 0 {
            let block = ((m as f64).sqrt() as usize).max(10).min(m);
            let limit = 50 * (n + m) + 10_000;
            let mut next = 0;
            let mut pivots = 0;
            loop {
                // Block search: the most negative reduced cost in the first block that has one.
                let (mut best, mut best_rc) = (NONE, 0i64);
                let mut e = next;
                let mut in_block = 0;
                for _ in 0..m {
                    if !self.in_tree[e] {
                        let rc = self.reduced(e);
                        if rc < best_rc {
                            best_rc = rc;
                            best = e as u32;
                        }
                    }
                    e += 1;
                    if e == m {
                        e = 0;
                    }
                    in_block += 1;
                    if in_block == block {
                        if best != NONE {
                            break;
                        }
                        in_block = 0;
                    }
                }
                next = e;
                if best == NONE {
                    break;
                }
                pivots += 1;
                if pivots > limit {
                    return Err(FlowFailure::IterationLimit);
                }
                self.pivot(best as usize, best_rc)?;
            }
        }
        if (m..m + n).any(|a| self.flow[a] > self.zero * 1e3) {
            return Err(FlowFailure::Unbounded);
        }
        Ok(self.pi[..n].iter().map(|&p| -p).collect())
    }

    fn pivot(&mut self, e: usize, rc: i64) -> Result<(), FlowFailure> {
        let u = self.tail[e];
        let v = self.head[e];
        // The apex of the cycle: where the tree paths from u and v meet.
        let (mut a, mut b) = (u, v);
        while a != b {
            let (da, db) = (self.depth[a as usize], self.depth[b as usize]);
            if da >= db {
                a = self.parent[a as usize];
            }
            if db >= da {
                b = self.parent[b as usize];
            }
        }
        let apex = a;
        // Flow rises on e (u → v), then along v → apex and apex → u. Tree arcs pointing against
        // that direction lose flow: those are the blocking candidates. Ties go to the last one
        // met when walking the cycle from the apex (apex → u, e, v → apex).
        let mut delta = f64::INFINITY;
        let mut leave: Option<(u32, bool)> = None; // (child node of the leaving arc, on u's side)
        let mut x = u;
        while x != apex {
            let arc = self.pred[x as usize] as usize;
            if self.tail[arc] == x && self.flow[arc] < delta {
                delta = self.flow[arc];
                leave = Some((x, true));
            }
            x = self.parent[x as usize];
        }
        let mut x = v;
        while x != apex {
            let arc = self.pred[x as usize] as usize;
            if self.head[arc] == x && self.flow[arc] <= delta {
                delta = self.flow[arc];
                leave = Some((x, false));
            }
            x = self.parent[x as usize];
        }
        let Some((q, u_side)) = leave else {
            return Err(FlowFailure::Infeasible);
        };
        if delta > 0.0 {
            self.flow[e] += delta;
            let zero = self.zero;
            let push = |flow: &mut f64, up: bool| {
                *flow += if up { delta } else { -delta };
                if flow.abs() <= zero {
                    *flow = 0.0;
                }
            };
            let mut x = u;
            while x != apex {
                let arc = self.pred[x as usize] as usize;
                push(&mut self.flow[arc], self.tail[arc] != x);
                x = self.parent[x as usize];
            }
            let mut x = v;
            while x != apex {
                let arc = self.pred[x as usize] as usize;
                push(&mut self.flow[arc], self.tail[arc] == x);
                x = self.parent[x as usize];
            }
        }
        let leaving = self.pred[q as usize] as usize;
        self.flow[leaving] = 0.0;
        self.in_tree[leaving] = false;
        self.in_tree[e] = true;

        // The subtree under q hangs from the rest by e instead: re-root it at the end of e
        // inside it, and shift its potentials so that e's reduced cost is zero.
        let (inside, outside, shift) = if u_side { (u, v, -rc) } else { (v, u, rc) };
        self.path.clear();
        let mut x = inside;
        loop {
            self.path.push(x);
            if x == q {
                break;
            }
            x = self.parent[x as usize];
        }
        let path = std::mem::take(&mut self.path);
        for &w in &path {
            self.detach(w);
        }
        for i in (0..path.len() - 1).rev() {
            let (child, new_parent) = (path[i + 1], path[i]);
            self.pred[child as usize] = self.pred[new_parent as usize];
            self.parent[child as usize] = new_parent;
            self.attach(new_parent, child);
        }
        self.pred[inside as usize] = e as u32;
        self.parent[inside as usize] = outside;
        self.attach(outside, inside);
        self.path = path;

        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push(inside);
        while let Some(w) = stack.pop() {
            let w = w as usize;
            self.depth[w] = self.depth[self.parent[w] as usize] + 1;
            self.pi[w] += shift;
            let mut c = self.first_child[w];
            while c != NONE {
                stack.push(c);
                c = self.next_sib[c as usize];
            }
        }
        self.stack = stack;
        Ok(())
    }

    /// Takes `w` out of its parent's list of children.
    fn detach(&mut self, w: u32) {
        let (p, prev, next) = (
            self.parent[w as usize],
            self.prev_sib[w as usize],
            self.next_sib[w as usize],
        );
        if prev == NONE {
            self.first_child[p as usize] = next;
        } else {
            self.next_sib[prev as usize] = next;
        }
        if next != NONE {
            self.prev_sib[next as usize] = prev;
        }
        self.prev_sib[w as usize] = NONE;
        self.next_sib[w as usize] = NONE;
    }

    fn attach(&mut self, p: u32, w: u32) {
        let first = self.first_child[p as usize];
        self.next_sib[w as usize] = first;
        self.prev_sib[w as usize] = NONE;
        if first != NONE {
            self.prev_sib[first as usize] = w;
        }
        self.first_child[p as usize] = w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks every constraint and returns the objective.
    fn objective(lp: &DifferenceLp, p: &[i64]) -> f64 {
        for e in 0..lp.tail.len() {
            let (t, h) = (lp.tail[e] as usize, lp.head[e] as usize);
            assert!(p[h] - p[t] >= lp.len[e], "arc {e}: {t}->{h} violated");
        }
        (0..lp.nodes).map(|v| lp.weight[v] * p[v] as f64).sum()
    }

    #[test]
    fn a_longest_path_is_the_least_makespan() {
        // 0 = origin, chain 0 -> 1 (3) -> 2 (4), shortcut 0 -> 2 (5); minimise p2 - p0.
        let mut lp = DifferenceLp::new(3);
        lp.at_least(0, 1, 3);
        lp.at_least(1, 2, 4);
        lp.at_least(0, 2, 5);
        lp.weigh(2, 1.0);
        lp.weigh(0, -1.0);
        let p = lp.solve().unwrap();
        assert_eq!(p[2] - p[0], 7);
        assert_eq!(objective(&lp, &p), 7.0);
    }

    #[test]
    fn crashing_one_activity_to_meet_a_target() {
        // Start 0, finish 1, horizon 2: 4 <= f - s <= 10, f <= h, h - s <= 6; the cut costs 3
        // per unit: minimise 3 (s - f).
        let mut lp = DifferenceLp::new(3);
        lp.at_least(0, 1, 4);
        lp.at_least(1, 0, -10);
        lp.at_least(1, 2, 0);
        lp.at_least(2, 0, -6);
        lp.weigh(0, 3.0);
        lp.weigh(1, -3.0);
        let p = lp.solve().unwrap();
        assert_eq!(p[1] - p[0], 6);
        assert_eq!(objective(&lp, &p), -18.0);
    }

    #[test]
    fn a_positive_cycle_is_infeasible() {
        let mut lp = DifferenceLp::new(2);
        lp.at_least(0, 1, 3);
        lp.at_least(1, 0, -2);
        lp.weigh(1, 1.0);
        lp.weigh(0, -1.0);
        assert_eq!(lp.solve(), Err(FlowFailure::Infeasible));
    }

    #[test]
    fn an_unbounded_objective_is_reported() {
        // Minimise p1 - p0 with only p1 - p0 >= 2 ... and nothing bounding p0 - p1 from the
        // other side is fine (bounded below by 2); maximising it is unbounded.
        let mut lp = DifferenceLp::new(2);
        lp.at_least(0, 1, 2);
        lp.weigh(0, 1.0);
        lp.weigh(1, -1.0);
        assert_eq!(lp.solve(), Err(FlowFailure::Unbounded));
    }
}
