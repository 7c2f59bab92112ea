//! Official approval time per iteration: the measure of the union of the working intervals of
//! the approval-clock activities, where an activity returned `K` times is on the clock for its
//! first review and its `K` re-reviews and off it during the applicant's `K` corrections
//! (review, correction, re-review, correction, re-review, …).

use permitflow_model::{LinkKind, Network, WorkingDays};

use super::LANES;
use super::Lanes;

/// What is fixed for one regime to measure its approval time.
#[derive(Debug)]
pub(super) struct Approval {
    /// Positions of the non-gate approval-clock activities, by deterministic start: an
    /// iteration's intervals are then nearly sorted, which the (run-detecting) sort exploits.
    official: Vec<u32>,
    /// Per position: the index of its returns in the model's list when it is an approval-clock
    /// activity whose returns have a correction (its time splits); `u32::MAX` otherwise.
    split: Vec<u32>,
    /// Every non-gate activity is on the approval clock, all links are finish-to-start without
    /// a lag, nothing is released late and no correction stops a clock: then every instant from
    /// 0 to the makespan has an activity running (each start is 0 or a predecessor's finish), so
    /// the approval time is the makespan and nothing needs measuring.
    pub(super) is_makespan: bool,
}

impl Approval {
    /// `order[q]` is the activity at position `q`; `returning` the positions
    /// with returns and their correction (in the model's order); `det_start` the deterministic
    /// schedule's starts, in network order.
    pub(super) fn new(
        net: &Network,
        order: &[usize],
        returning: &[(usize, f64)],
        det_start: &[WorkingDays],
    ) -> Self {
        let mut official: Vec<u32> = order
            .iter()
            .enumerate()
            .filter(|&(_, &a)| {
                let act = &net.activities[a];
                !act.is_gate() && act.clock.is_official()
            })
            .map(|(q, _)| q as u32)
            .collect();
        official.sort_by(|&x, &y| {
            let (a, b) = (order[x as usize], order[y as usize]);
            det_start[a].get().total_cmp(&det_start[b].get())
        });
        let mut split = vec![u32::MAX; order.len()];
        for (k, &(q, correction)) in returning.iter().enumerate() {
            let act = &net.activities[order[q]];
            if act.clock.is_official() && !act.is_gate() && correction > 0.0 {
                split[q] = k as u32;
            }
        }
        let all_official = official.len() == net.activities.iter().filter(|a| !a.is_gate()).count();
        let plain_links = net
            .constraints
            .iter()
            .all(|c| c.kind == LinkKind::FinishToStart && c.lag.get() == 0.0);
        let no_release = net
            .activities
            .iter()
            .all(|a| a.release.is_none_or(|r| r.get() <= 0.0));
        let no_split = split.iter().all(|&s| s == u32::MAX);
        Self {
            official,
            split,
            is_makespan: all_official && plain_links && no_release && no_split,
        }
    }

    /// The approval time of lane `j`: `start(q)` and `finish(q)` read an activity's dates in
    /// the lane, `d` the durations (returns included), `ks[k][j]` the returns of the `k`-th
    /// returning activity in the lane, `how[k]` its correction and re-review; `buf` is reused.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lane(
        &self,
        j: usize,
        d: &[Lanes],
        start: impl Fn(usize) -> f64,
        finish: impl Fn(usize) -> f64,
        ks: &[[u32; LANES]],
        how: &[(f64, f64)],
        buf: &mut Vec<(f64, f64)>,
    ) -> f64 {
        buf.clear();
        for &q in &self.official {
            let q = q as usize;
            let (s, f) = (start(q), finish(q));
            let k = match self.split[q] {
                u32::MAX => 0,
                r => ks[r as usize][j],
            };
            if k == 0 {
                buf.push((s, f));
                continue;
            }
            let (correction, rereview) = how[self.split[q] as usize];
            let base = d[q][j] - f64::from(k) * (correction + rereview);
            buf.push((s, s + base));
            let mut t = s + base;
            for _ in 0..k {
                t += correction;
                buf.push((t, t + rereview));
                t += rereview;
            }
        }
        union_sorted(buf)
    }
}

/// The measure of the union of `[start, finish)` intervals, sorting them first: days covered
/// several times count once, empty intervals nothing (as `crate::clocks::union_length`).
pub(super) fn union_sorted(buf: &mut [(f64, f64)]) -> f64 {
    // Stable: driftsort finds the runs of a nearly sorted list.
    buf.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for &(s, f) in buf.iter() {
        if f <= s {
            continue;
        }
        current = match current {
            Some((cs, cf)) if s <= cf => Some((cs, cf.max(f))),
            Some((cs, cf)) => {
                total += cf - cs;
                Some((s, f))
            }
            None => Some((s, f)),
        };
    }
    if let Some((cs, cf)) = current {
        total += cf - cs;
    }
    total
}
