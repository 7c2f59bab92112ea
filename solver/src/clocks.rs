//! The two clocks measured on a schedule: official approval time (the working days on which at
//! least one approval-clock activity runs) beside the elapsed working and calendar days.

use permitflow_model::{Network, WorkingDays};

/// The measure of the union of `[start, finish)` intervals, in working days: days covered by
/// several intervals count once. Empty and reversed intervals count nothing.
pub fn union_length(mut intervals: Vec<(f64, f64)>) -> WorkingDays {
    intervals.retain(|(s, f)| f > s);
    if let Some(total) = half_day_union(&intervals) {
        return WorkingDays::new(total);
    }
    // Equal starts in any order merge to the same pieces: an unstable sort is enough.
    intervals.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for (s, f) in intervals {
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
    WorkingDays::new(total)
}

/// The union's measure without sorting when every end is a whole number of half days from 0
/// (limits and lags are written in half days): the half days covered, counted on an array as
/// long as the latest finish. Each piece's length and their sum are then exact in `f64`, so the
/// sum is the count times one half, exactly what the sorting merge adds up. `None` when an end
/// is not on a half day, or the array would be much longer than the list (long idle spans).
fn half_day_union(intervals: &[(f64, f64)]) -> Option<f64> {
    let mut last = 0.0f64;
    for &(s, f) in intervals {
        if !(s >= 0.0 && (s * 2.0).fract() == 0.0 && (f * 2.0).fract() == 0.0) {
            return None;
        }
        last = last.max(f);
    }
    // Finite: every end passed the half-day test.
    let cells = last * 2.0;
    if cells > (8 * intervals.len() + 1024) as f64 {
        return None;
    }
    let mut union = HalfDayUnion::new(cells as usize);
    for &(s, f) in intervals {
        union.add(s, f);
    }
    Some(union.total().get())
}

/// Unions of `[start, finish)` intervals on half days up to a known last finish, counted as
/// they come (no list kept, no sort): what [`union_length`] gives for intervals whose ends are
/// whole half days (see [`half_day_union`]).
#[derive(Clone, Debug)]
pub(crate) struct HalfDayUnion {
    step: Vec<i32>,
}

impl HalfDayUnion {
    /// For finishes up to `cells / 2` working days.
    pub(crate) fn new(cells: usize) -> Self {
        Self {
            step: vec![0; cells + 1],
        }
    }

    /// Half days a counter for finishes up to `last` needs, when that is at most `limit`.
    pub(crate) fn cells(last: f64, limit: usize) -> Option<usize> {
        let cells = (last * 2.0).ceil();
        (cells >= 0.0 && cells <= limit as f64).then_some(cells as usize)
    }

    /// Adds one interval; `false` (and nothing added) when an end is not a whole half day or
    /// lies beyond the counter. Empty and reversed intervals count nothing.
    pub(crate) fn add(&mut self, s: f64, f: f64) -> bool {
        if f <= s || f.is_nan() || s.is_nan() {
            return true;
        }
        if !(s >= 0.0 && (s * 2.0).fract() == 0.0 && (f * 2.0).fract() == 0.0) {
            return false;
        }
        let (a, b) = ((s * 2.0) as usize, (f * 2.0) as usize);
        if b >= self.step.len() {
            return false;
        }
        self.step[a] += 1;
        self.step[b] -= 1;
        true
    }

    /// The union's measure.
    pub(crate) fn total(&self) -> WorkingDays {
        let mut depth = 0i32;
        let mut covered = 0u64;
        for d in &self.step {
            depth += d;
            if depth > 0 {
                covered += 1;
            }
        }
        WorkingDays::new(covered as f64 * 0.5)
    }
}

/// Official approval time of the activities `keep` selects: the union of the working-day
/// intervals of those on the approval clock (gates take no time).
pub fn approval_days(
    net: &Network,
    start: &[WorkingDays],
    finish: &[WorkingDays],
    keep: impl Fn(usize) -> bool,
) -> WorkingDays {
    union_length(
        net.activities
            .iter()
            .enumerate()
            .filter(|&(i, a)| !a.is_gate() && a.clock.is_official() && keep(i))
            .map(|(i, _)| (start[i].get(), finish[i].get()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_days_count_once_and_gaps_not_at_all() {
        // 0–5 and 3–8 overlap (8 days), 10–13 after a gap (3 more), 12–12 is empty.
        let u = union_length(vec![(10.0, 13.0), (0.0, 5.0), (3.0, 8.0), (12.0, 12.0)]);
        assert_eq!(u.get(), 11.0);
        assert_eq!(union_length(vec![]).get(), 0.0);
        assert_eq!(union_length(vec![(0.0, 2.5), (2.5, 3.0)]).get(), 3.0);
    }

    #[test]
    fn the_counter_refuses_what_it_cannot_count_exactly() {
        let mut u = HalfDayUnion::new(HalfDayUnion::cells(10.0, 100).unwrap());
        assert!(u.add(0.0, 5.0) && u.add(3.0, 8.0) && u.add(9.5, 10.0) && u.add(4.0, 4.0));
        assert!(!u.add(0.0, 10.5), "beyond the last finish");
        assert!(!u.add(1.0, 1.25), "not on a half day");
        assert_eq!(u.total().get(), 8.5);
        assert_eq!(HalfDayUnion::cells(60.0, 100), None);
    }

    #[test]
    fn half_days_counted_as_the_sorting_merge_adds_them() {
        // Off the half-day grid (a third of a day): the sorting merge; on it: the count.
        let thirds = vec![(0.0, 1.0 / 3.0), (0.25, 1.0), (2.0, 2.0 + 1.0 / 3.0)];
        assert_eq!(half_day_union(&thirds), None);
        assert_eq!(union_length(thirds).get(), 1.0 + ((2.0 + 1.0 / 3.0) - 2.0));
        let halves = vec![(4.5, 6.0), (0.0, 1.5), (1.0, 2.0), (6.0, 6.5)];
        assert_eq!(half_day_union(&halves), Some(4.0));
        assert_eq!(union_length(halves).get(), 4.0);
        // One interval far out: the array would be too long, the merge answers.
        assert_eq!(half_day_union(&[(0.0, 1.0), (1e7, 1e7 + 0.5)]), None);
        assert_eq!(union_length(vec![(0.0, 1.0), (1e7, 1e7 + 0.5)]).get(), 1.5);
    }
}
