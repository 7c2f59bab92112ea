//! The clocks of an event log measured on a calendar, at half-day resolution.
//!
//! Every time becomes a position on the axis of working half-days. An event that starts the
//! clock (received, resumed, resubmitted) stands at the start of its half-day, one that stops it
//! (suspended, returned, completed) at the end of its half-day; a date without a time is the
//! whole day (start of the morning, end of the afternoon). Times before noon are the first half.
//! A time on a non-working day stands at the start of the next working day (starting) or the end
//! of the last one (stopping). So an item received and completed on the same working day, dates
//! only, takes 1 working day; a stop takes the working days strictly between the day it began
//! and the day it ended; and official + correction + special-procedure time = the elapsed span.

use chrono::NaiveDate;
use permitflow_model::Calendar;
use permitflow_model::event_log::{Span, Stamp, StopKind};

/// Working days counted from a first date: `before[i]` the working days before `first + i`.
#[derive(Debug)]
pub(crate) struct Axis {
    first: NaiveDate,
    before: Vec<u32>,
    working: Vec<bool>,
}

impl Axis {
    /// The axis over `first..=last` (and the day after), on `calendar`; every day counts when
    /// `calendar` is `None` (calendar days).
    pub(crate) fn new(calendar: Option<&Calendar>, first: NaiveDate, last: NaiveDate) -> Self {
        let days = usize::try_from((last - first).num_days().max(0)).unwrap_or(0) + 2;
        let mut before = Vec::with_capacity(days + 1);
        let mut working = Vec::with_capacity(days);
        let mut n = 0u32;
        let mut d = first;
        for _ in 0..days {
            before.push(n);
            let w = calendar.is_none_or(|c| c.is_working_day(d));
            working.push(w);
            n += u32::from(w);
            d = d.succ_opt().unwrap_or(d);
        }
        before.push(n);
        Self {
            first,
            before,
            working,
        }
    }

    fn index(&self, d: NaiveDate) -> usize {
        usize::try_from((d - self.first).num_days().max(0))
            .unwrap_or(0)
            .min(self.working.len() - 1)
    }

    /// Where a clock starts, in half-days.
    pub(crate) fn start(&self, s: &Stamp) -> i64 {
        let i = self.index(s.date);
        let k = 2 * i64::from(self.before[i]);
        k + i64::from(self.working[i] && s.afternoon())
    }

    /// Where a clock stops, in half-days.
    pub(crate) fn stop(&self, s: &Stamp) -> i64 {
        let i = self.index(s.date);
        let k = 2 * i64::from(self.before[i]);
        match (self.working[i], s.time.is_some()) {
            (false, _) => k,
            (true, false) => k + 2,
            (true, true) => k + 1 + i64::from(s.afternoon()),
        }
    }
}

/// The clocks of one item of one case, in working days.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clocks {
    /// Received to completed, less the stops: the review and the re-reviews.
    pub official: f64,
    /// The first review: received to the first return (or to completed), less suspensions.
    pub review: f64,
    /// Each re-review: resubmitted to the next return (or to completed), less suspensions.
    pub rereviews: Vec<f64>,
    /// Each return's correction time (returned → resubmitted).
    pub corrections: Vec<f64>,
    /// The special procedures' time (suspended → resumed).
    pub special: f64,
}

/// The clocks of `span` on `axis`: the clock runs from each start (received, resumed,
/// resubmitted) to the next stop (suspended, returned, completed); a return closes a review.
pub(crate) fn clocks(axis: &Axis, span: &Span) -> Clocks {
    let mut at = axis.start(&span.received);
    let mut running = 0i64;
    let mut reviews = Vec::new();
    let mut corrections = Vec::new();
    let mut special = 0;
    for s in &span.stops {
        let stop = axis.stop(&s.from);
        running += (stop - at).max(0);
        let resume = axis.start(&s.to);
        let gap = (resume - stop).max(0);
        match s.kind {
            StopKind::Return => {
                corrections.push(gap as f64 / 2.0);
                reviews.push(running as f64 / 2.0);
                running = 0;
            }
            StopKind::Suspension => special += gap,
        }
        at = resume.max(stop);
    }
    running += (axis.stop(&span.completed) - at).max(0);
    reviews.push(running as f64 / 2.0);
    let rereviews = reviews.split_off(1);
    let review = reviews[0];
    Clocks {
        official: review + rereviews.iter().sum::<f64>(),
        review,
        rereviews,
        corrections,
        special: special as f64 / 2.0,
    }
}

/// Elapsed working days from `from` (starting) to `to` (stopping).
pub(crate) fn elapsed(axis: &Axis, from: &Stamp, to: &Stamp) -> f64 {
    (axis.stop(to) - axis.start(from)).max(0) as f64 / 2.0
}

/// Nearest rank, as the simulation reports percentiles: the `ceil(p · N)`-th smallest.
pub(crate) use permitflow_solver::percentile;

/// The mean, `None` for no values.
pub(crate) fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Years between two dates (365.25 days each).
pub(crate) fn years(first: NaiveDate, last: NaiveDate) -> f64 {
    (last - first).num_days() as f64 / 365.25
}

/// The first and last dates any span mentions.
pub(crate) fn bounds(spans: &[Span]) -> Option<(NaiveDate, NaiveDate)> {
    let dates = spans.iter().flat_map(|s| {
        [s.received.date, s.completed.date]
            .into_iter()
            .chain(s.stops.iter().flat_map(|t| [t.from.date, t.to.date]))
    });
    dates.fold(None, |acc, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_model::event_log::{Stop, StopKind};

    fn stamp(s: &str) -> Stamp {
        Stamp::parse(s).unwrap()
    }

    fn span(received: &str, completed: &str, stops: &[(StopKind, &str, &str)]) -> Span {
        Span {
            case: "C".into(),
            project_type: "t".into(),
            item: "i".into(),
            department: "d".into(),
            received: stamp(received),
            completed: stamp(completed),
            stops: stops
                .iter()
                .map(|(kind, from, to)| Stop {
                    kind: *kind,
                    from: stamp(from),
                    to: stamp(to),
                })
                .collect(),
        }
    }

    #[test]
    fn working_days_inclusive_with_dates_and_by_half_days_with_times() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cn = Calendar::china();
        let axis = Axis::new(Some(&cn), d("2025-03-01"), d("2025-04-30"));
        // The same working day: 1.
        assert_eq!(
            clocks(&axis, &span("2025-03-03", "2025-03-03", &[])).official,
            1.0
        );
        // Friday to Monday: 2 (the weekend does not count).
        assert_eq!(
            clocks(&axis, &span("2025-03-07", "2025-03-10", &[])).official,
            2.0
        );
        // Qingming 2025: Thu 3 April to Mon 7 April: Thu and Mon (Fri 4 to Sun 6 off).
        assert_eq!(
            clocks(&axis, &span("2025-04-03", "2025-04-07", &[])).official,
            2.0
        );
        // Morning to morning of the same day: half a day; morning to afternoon: a day.
        let c = clocks(&axis, &span("2025-03-03T09:00", "2025-03-03T11:00", &[]));
        assert_eq!(c.official, 0.5);
        let c = clocks(&axis, &span("2025-03-03T09:00", "2025-03-04T14:00", &[]));
        assert_eq!(c.official, 2.0);
        // Received Mon 3, returned Tue 4, resubmitted Mon 10, completed Wed 12: elapsed 8
        // working days, the correction Wed 5 to Fri 7 (3 days), official 5.
        let c = clocks(
            &axis,
            &span(
                "2025-03-03",
                "2025-03-12",
                &[(StopKind::Return, "2025-03-04", "2025-03-10")],
            ),
        );
        assert_eq!(
            (c.official, c.corrections.clone(), c.special),
            (5.0, vec![3.0], 0.0)
        );
        // The first review Mon 3 to Tue 4 (2 days), the re-review Mon 10 to Wed 12 (3 days).
        assert_eq!((c.review, c.rereviews.clone()), (2.0, vec![3.0]));
        // Calendar days: the same history, every day counted: 10 elapsed, 5 stopped.
        let all = Axis::new(None, d("2025-03-01"), d("2025-04-30"));
        let c = clocks(
            &all,
            &span(
                "2025-03-03",
                "2025-03-12",
                &[(StopKind::Suspension, "2025-03-04", "2025-03-10")],
            ),
        );
        assert_eq!((c.official, c.special), (5.0, 5.0));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.8), 4.0);
    }
}
