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
    /// iteration's intervals are then nearly sorted.
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

    /// The approval time of every lane of a block into `out` (lanes with `ok[j] == false` are
    /// left alone): `dates(q)` reads an activity's starts and finishes in all lanes, `d` the
    /// durations (returns included), `ks[k][j]` the returns of the `k`-th returning activity in
    /// lane `j`, `how[k]` its correction and re-review. One pass over the positions fills each
    /// lane's intervals (each block of values read once); `bufs` are reused.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn block(
        &self,
        ok: &[bool; LANES],
        d: &[Lanes],
        dates: impl Fn(usize) -> (Lanes, Lanes),
        ks: &[[u32; LANES]],
        how: &[(f64, f64)],
        bufs: &mut [Vec<(u64, f64)>; LANES],
        out: &mut Lanes,
    ) {
        for b in bufs.iter_mut() {
            b.clear();
        }
        for &q in &self.official {
            let q = q as usize;
            let (s, f) = dates(q);
            let split = self.split[q];
            for j in 0..LANES {
                let k = if split == u32::MAX {
                    0
                } else {
                    ks[split as usize][j]
                };
                if k == 0 {
                    bufs[j].push((key(s[j]), f[j]));
                    continue;
                }
                let (correction, rereview) = how[split as usize];
                let base = d[q][j] - f64::from(k) * (correction + rereview);
                bufs[j].push((key(s[j]), s[j] + base));
                let mut t = s[j] + base;
                for _ in 0..k {
                    t += correction;
                    bufs[j].push((key(t), t + rereview));
                    t += rereview;
                }
            }
        }
        for j in 0..LANES {
            if ok[j] {
                out[j] = union_sorted(&mut bufs[j]);
            }
        }
    }
}

/// A start as a key that sorts as [`f64::total_cmp`] does.
#[inline(always)]
fn key(x: f64) -> u64 {
    let b = x.to_bits();
    if b & (1 << 63) == 0 {
        b | (1 << 63)
    } else {
        !b
    }
}

/// The start a [`key`] was made from.
#[inline(always)]
fn unkey(k: u64) -> f64 {
    f64::from_bits(if k & (1 << 63) != 0 {
        k & !(1 << 63)
    } else {
        !k
    })
}

/// The measure of the union of `[start, finish)` intervals (starts as [`key`]s), sorting them
/// first: days covered several times count once, empty intervals nothing (as
/// `crate::clocks::union_length`).
pub(super) fn union_sorted(buf: &mut [(u64, f64)]) -> f64 {
    // By the integer key: no comparison closure, and pattern-defeating quicksort finds the runs
    // of a nearly sorted list.
    buf.sort_unstable_by_key(|&(k, _)| k);
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for &(s, f) in buf.iter() {
        let s = unkey(s);
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
