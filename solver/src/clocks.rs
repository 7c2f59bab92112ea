//! The two clocks measured on a schedule: official approval time (the working days on which at
//! least one approval-clock activity runs) beside the elapsed working and calendar days.

use permitflow_model::{Network, WorkingDays};

/// The measure of the union of `[start, finish)` intervals, in working days: days covered by
/// several intervals count once. Empty and reversed intervals count nothing.
pub fn union_length(mut intervals: Vec<(f64, f64)>) -> WorkingDays {
    intervals.retain(|(s, f)| f > s);
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
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
}
