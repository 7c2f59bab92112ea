//! Per-case traces of a regime's network, for a synthetic event-log generator: what one project
//! (a case) went through, activity by activity, with the same draws as the Monte Carlo.
//!
//! Case `k` of seed `s` draws from one generator seeded from `(s, k)` through SplitMix64, the
//! activities in the network's order: each non-gate activity's first review from its spread
//! (scaled as [the simulation](mod@crate::simulate) scales a spread whose limit a measure
//! changed), then, when it has returns, the number of returns `K` (geometric in the rate, at
//! most 1,000). The correction
//! and the re-review are the fixed values of the activity's returns (the re-review by default
//! the activity's limit). Review, correction and re-review are each rounded to the nearest half
//! working day (whole days, a half rounded up, for calendar-day activities) *before* they are
//! added, so the times a log records are exactly the drawn ones. The activity lasts
//! `review + K · (correction + re-review)` and the case is scheduled on the calendar by
//! [`schedule_dated_days`] from its application date, as an iteration of the simulation is.
//!
//! Each activity's time is split into steps (review, then `K` times correction and re-review),
//! each with its first and last half day on the calendar: a working-day step runs working half
//! days from the activity's start; a calendar-day step whole days from its start date.

use chrono::{Days, NaiveDate};
use permitflow_model::{Calendar, DayUnit, Network, Scenario, WorkingDays};
use rand::RngExt as _;
use rand_distr::Geometric;

use crate::dated::axis::Axis;
use crate::dated::schedule_dated_days;
use crate::error::SolveError;
use crate::sample::{ActivityDraw, activity_draws, pcg, return_count, returns, splitmix64};

/// A half day on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HalfDay {
    /// The day.
    pub date: NaiveDate,
    /// Whether it is the afternoon (the second half).
    pub afternoon: bool,
}

/// What a step of an activity's time is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The first review, from the (first) submission.
    Review,
    /// The applicant's correction after a return: the clock stops.
    Correction,
    /// The review of a corrected submission.
    Rereview,
}

/// One step of an activity's time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// What it is.
    pub kind: StepKind,
    /// Its length in the activity's unit (half working days, or whole calendar days).
    pub days: f64,
    /// Its first and last half day (`None` when it takes no time). A calendar-day step runs
    /// from the morning of its first day to the afternoon of its last.
    pub halves: Option<(HalfDay, HalfDay)>,
}

/// What one activity of a case went through.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityTrace {
    /// Start, in working days from the application.
    pub start: WorkingDays,
    /// Finish, in working days from the application.
    pub finish: WorkingDays,
    /// Its first and last date.
    pub dates: (NaiveDate, NaiveDate),
    /// The first review (rounded), in the activity's unit.
    pub review: f64,
    /// How many times it was returned for correction.
    pub returns: u32,
    /// Each correction (rounded), in the activity's unit.
    pub correction: f64,
    /// Each re-review (rounded), in the activity's unit.
    pub rereview: f64,
    /// Review, then `returns` times correction and re-review; empty for a gate.
    pub steps: Vec<Step>,
}

impl ActivityTrace {
    /// The activity's duration in its unit: `review + returns · (correction + re-review)`.
    pub fn duration(&self) -> f64 {
        self.review + f64::from(self.returns) * (self.correction + self.rereview)
    }
}

/// One case: every activity of the network, in the network's order.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseTrace {
    /// The application date (the schedule's origin).
    pub application: NaiveDate,
    /// Per activity of the network.
    pub activities: Vec<ActivityTrace>,
}

/// What is fixed for every case of one network: the draws and the return counts.
#[derive(Debug)]
pub struct Tracer<'a> {
    net: &'a Network,
    calendar: &'a Calendar,
    draws: Vec<ActivityDraw>,
    counts: Vec<Option<Geometric>>,
}

/// `days` to the nearest half day (working) or whole day, a half rounded up (calendar); never
/// below 0.
fn rounded(days: f64, unit: DayUnit) -> f64 {
    let halves = (days.max(0.0) * 2.0).round();
    match unit {
        DayUnit::Working => halves / 2.0,
        DayUnit::Calendar => ((halves as i64 + 1) / 2) as f64,
    }
}

impl<'a> Tracer<'a> {
    /// The tracer of `net`, a network of `scenario` (its items' limits scale the spreads), on
    /// `calendar`.
    pub fn new(scenario: &Scenario, net: &'a Network, calendar: &'a Calendar) -> Self {
        let draws = activity_draws(scenario, net);
        let counts = draws
            .iter()
            .map(|d| d.returns.and_then(|(rate, _, _)| return_count(rate)))
            .collect();
        Self {
            net,
            calendar,
            draws,
            counts,
        }
    }

    /// Case `k` of `seed`, applied for on `application`.
    pub fn case(&self, seed: u64, k: u64, application: NaiveDate) -> Result<CaseTrace, SolveError> {
        let mut rng = pcg(splitmix64(splitmix64(seed) ^ splitmix64(k)));
        let mut parts = Vec::with_capacity(self.draws.len());
        for ((a, d), count) in self
            .net
            .activities
            .iter()
            .zip(&self.draws)
            .zip(&self.counts)
        {
            let review = rounded(d.shape.sample(&mut rng), a.unit);
            let (k, correction, rereview) = match (d.returns, count) {
                (Some((_, c, r)), Some(g)) if !a.is_gate() => {
                    let k = returns(&mut rng, g, d.max_returns);
                    (k, rounded(c, a.unit), rounded(r, a.unit))
                }
                _ => (0, 0.0, 0.0),
            };
            parts.push((review, k, correction, rereview));
        }
        let days: Vec<f64> = parts
            .iter()
            .map(|&(r, k, c, rr)| r + f64::from(k) * (c + rr))
            .collect();
        let s = schedule_dated_days(self.net, self.calendar, application, &days)?;
        let mut axis = Axis::new(self.calendar, application);
        let activities = self
            .net
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let (review, returns, correction, rereview) = parts[i];
                let start = s.schedule.start[i];
                let steps = if a.is_gate() {
                    Vec::new()
                } else {
                    steps(
                        &mut axis,
                        a.unit,
                        (start, s.dates[i].0),
                        (review, returns, correction, rereview),
                    )
                };
                ActivityTrace {
                    start,
                    finish: s.schedule.finish[i],
                    dates: s.dates[i],
                    review,
                    returns,
                    correction,
                    rereview,
                    steps,
                }
            })
            .collect();
        Ok(CaseTrace {
            application,
            activities,
        })
    }
}

/// The steps of an activity that starts at `start` (working offset, and its date), placed on
/// `axis`.
fn steps(
    axis: &mut Axis,
    unit: DayUnit,
    (start, first_date): (WorkingDays, NaiveDate),
    (review, returns, correction, rereview): (f64, u32, f64, f64),
) -> Vec<Step> {
    let mut kinds = vec![(StepKind::Review, review)];
    for _ in 0..returns {
        kinds.push((StepKind::Correction, correction));
        kinds.push((StepKind::Rereview, rereview));
    }
    // Where the next step begins: a working half day's index from the application, or a
    // calendar day's from the activity's start date.
    let mut at: i64 = match unit {
        DayUnit::Working => (start.get() * 2.0).round() as i64,
        DayUnit::Calendar => 0,
    };
    kinds
        .into_iter()
        .map(|(kind, days)| {
            let len = match unit {
                DayUnit::Working => (days * 2.0).round() as i64,
                DayUnit::Calendar => days.round() as i64,
            };
            let halves = (len > 0).then(|| match unit {
                DayUnit::Working => (working_half(axis, at), working_half(axis, at + len - 1)),
                DayUnit::Calendar => (
                    HalfDay {
                        date: plus(first_date, at),
                        afternoon: false,
                    },
                    HalfDay {
                        date: plus(first_date, at + len - 1),
                        afternoon: true,
                    },
                ),
            });
            at += len;
            Step { kind, days, halves }
        })
        .collect()
}

/// Working half day `y` (0-based) from the application: the morning or afternoon of working
/// day `y / 2`.
fn working_half(axis: &mut Axis, y: i64) -> HalfDay {
    let k = usize::try_from(y.div_euclid(2)).unwrap_or(0);
    let day = axis.working_day(k);
    HalfDay {
        date: axis.date(day),
        afternoon: y.rem_euclid(2) == 1,
    }
}

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_days(Days::new(days.max(0) as u64))
        .unwrap_or(NaiveDate::MAX)
}

/// `cases` application dates spread uniformly (seeded by `seed`) over the `days` calendar days
/// from `first`, each moved to its next working day on `calendar`, in order.
pub fn arrivals(
    seed: u64,
    cases: usize,
    first: NaiveDate,
    days: u32,
    calendar: &Calendar,
) -> Vec<NaiveDate> {
    // Its own stream: a key no case number reaches.
    let mut rng = pcg(splitmix64(splitmix64(seed) ^ splitmix64(u64::MAX)));
    let mut offsets: Vec<u32> = (0..cases)
        .map(|_| rng.random_range(0..days.max(1)))
        .collect();
    offsets.sort_unstable();
    offsets
        .into_iter()
        .map(|o| {
            let mut d = plus(first, i64::from(o));
            // A year has at most a few weeks off in a row; the bound stops a calendar of no
            // working days from looping for ever.
            for _ in 0..366 {
                if calendar.is_working_day(d) {
                    break;
                }
                d = d.succ_opt().unwrap_or(d);
            }
            d
        })
        .collect()
}

/// A chain `a` → `b` applied for on Monday 2025-03-03, Monday to Friday working: the dates
/// below are counted by hand on a March 2025 calendar.
#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use permitflow_model::{Calendar, Clock, DayUnit, Format, Network, Scenario, parse_scenario};

    use super::{HalfDay, StepKind, Tracer, arrivals};
    use crate::regime::network_for;

    fn flow(on_a: &str, on_b: &str) -> (Scenario, Network) {
        flow_days((10, on_a), (5, on_b))
    }

    fn flow_days((da, on_a): (u32, &str), (db, on_b): (u32, &str)) -> (Scenario, Network) {
        let text = format!(
            r#"
        version = 1
        name = "Two items"
        start = "2025-03-03"
        calendar = "weekends"

        [[stages]]
        id = "s"
        lead = "Bureau"

        [[items]]
        id = "a"
        department = "Bureau"
        stage = "s"
        days = {da}
        {on_a}

        [[items]]
        id = "b"
        department = "Bureau"
        stage = "s"
        days = {db}
        after = ["a"]
        {on_b}
        "#
        );
        let s = parse_scenario(&text, "t.toml", Format::Toml).unwrap();
        let n = network_for(&s, s.regime("parallel").unwrap()).unwrap();
        (s, n)
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn half(date: &str, afternoon: bool) -> HalfDay {
        HalfDay {
            date: d(date),
            afternoon,
        }
    }

    fn index(n: &Network, id: &str) -> usize {
        n.activities.iter().position(|a| a.id == id).unwrap()
    }

    #[test]
    fn a_chain_of_fixed_items_runs_ten_then_five_working_days() {
        let (s, n) = flow("", "");
        let cal = Calendar::weekends();
        let t = Tracer::new(&s, &n, &cal);
        let c = t.case(1, 0, d("2025-03-03")).unwrap();
        let (a, b) = (&c.activities[index(&n, "a")], &c.activities[index(&n, "b")]);
        assert_eq!((a.start.get(), a.finish.get()), (0.0, 10.0));
        assert_eq!((b.start.get(), b.finish.get()), (10.0, 15.0));
        // a: 3–7 and 10–14 March; b: 17–21 March.
        assert_eq!(a.dates, (d("2025-03-03"), d("2025-03-14")));
        assert_eq!(b.dates, (d("2025-03-17"), d("2025-03-21")));
        assert_eq!(a.steps.len(), 1);
        assert_eq!(a.steps[0].kind, StepKind::Review);
        assert_eq!(
            a.steps[0].halves,
            Some((half("2025-03-03", false), half("2025-03-14", true)))
        );
        assert_eq!(
            b.steps[0].halves,
            Some((half("2025-03-17", false), half("2025-03-21", true)))
        );
        assert_eq!((a.returns, b.returns), (0, 0));
        // Without spreads or returns every case is the same.
        assert_eq!(t.case(7, 99, d("2025-03-03")).unwrap(), c);
    }

    #[test]
    fn a_rate_of_zero_never_returns() {
        let (s, n) = flow("returns = { rate = 0.0, correction_days = 3 }", "");
        let cal = Calendar::weekends();
        let t = Tracer::new(&s, &n, &cal);
        for k in 0..200 {
            let c = t.case(3, k, d("2025-03-03")).unwrap();
            assert_eq!(c.activities[index(&n, "a")].returns, 0);
            assert_eq!(c.activities[index(&n, "b")].start.get(), 10.0);
        }
    }

    /// a is returned with rate 0.2; each correction takes 3 working days and each re-review 4.
    #[test]
    fn returns_add_correction_and_rereview_and_push_the_next_item() {
        let (s, n) = flow(
            "returns = { rate = 0.2, correction_days = 3, rework_days = 4 }",
            "",
        );
        let cal = Calendar::weekends();
        let t = Tracer::new(&s, &n, &cal);
        let (ia, ib) = (index(&n, "a"), index(&n, "b"));
        let mut total = 0u64;
        let mut once = None;
        let cases = 4000;
        for k in 0..cases {
            let c = t.case(11, k, d("2025-03-03")).unwrap();
            let a = &c.activities[ia];
            let r = f64::from(a.returns);
            assert_eq!(a.finish.get(), 10.0 + 7.0 * r);
            assert_eq!(c.activities[ib].start.get(), a.finish.get());
            assert_eq!(a.steps.len(), 1 + 2 * a.returns as usize);
            total += u64::from(a.returns);
            if a.returns == 1 && once.is_none() {
                once = Some(c);
            }
        }
        // E[K] = rate / (1 − rate) = 0.25.
        let mean = total as f64 / cases as f64;
        assert!((mean - 0.25).abs() < 0.03, "{mean}");
        // Returned once: review 3–14 March, correction Mon 17 to Wed 19, re-review Thu 20, Fri 21,
        // Mon 24 and Tue 25; b from Wed 26 March.
        let c = once.expect("a case returned once");
        let a = &c.activities[ia];
        let kinds: Vec<_> = a.steps.iter().map(|s| (s.kind, s.days)).collect();
        assert_eq!(
            kinds,
            [
                (StepKind::Review, 10.0),
                (StepKind::Correction, 3.0),
                (StepKind::Rereview, 4.0)
            ]
        );
        assert_eq!(
            a.steps[1].halves,
            Some((half("2025-03-17", false), half("2025-03-19", true)))
        );
        assert_eq!(
            a.steps[2].halves,
            Some((half("2025-03-20", false), half("2025-03-25", true)))
        );
        assert_eq!(c.activities[ib].dates.0, d("2025-03-26"));
        // The same seed and case number give the same case.
        let k = (0..cases)
            .find(|&k| t.case(11, k, d("2025-03-03")).unwrap() == c)
            .unwrap();
        assert_eq!(t.case(11, k, d("2025-03-03")).unwrap(), c);
    }

    /// a uniform on 4–6 working days: reviews of 4, 4.5, 5, 5.5 or 6, each placed by half days.
    #[test]
    fn reviews_are_drawn_to_the_half_day_and_placed_by_half_days() {
        let (s, n) = flow(r#"spread = { dist = "uniform", min = 4, max = 6 }"#, "");
        let cal = Calendar::weekends();
        let t = Tracer::new(&s, &n, &cal);
        let (ia, ib) = (index(&n, "a"), index(&n, "b"));
        let mut seen = Vec::new();
        for k in 0..400 {
            let c = t.case(5, k, d("2025-03-03")).unwrap();
            let a = &c.activities[ia];
            assert!(
                [4.0, 4.5, 5.0, 5.5, 6.0].contains(&a.review),
                "{}",
                a.review
            );
            assert_eq!(c.activities[ib].start.get(), a.review);
            if a.review == 4.5 {
                // Monday morning to Friday morning; b from Friday afternoon.
                assert_eq!(
                    a.steps[0].halves,
                    Some((half("2025-03-03", false), half("2025-03-07", false)))
                );
                assert_eq!(
                    c.activities[ib].steps[0].halves.unwrap().0,
                    half("2025-03-07", true)
                );
            }
            if !seen.contains(&a.review.to_bits()) {
                seen.push(a.review.to_bits());
            }
        }
        assert_eq!(seen.len(), 5);
    }

    /// b counted in calendar days (10): after a (5 working days, Friday night) it runs from
    /// Saturday 8 to Monday 17 March.
    #[test]
    fn a_calendar_day_item_runs_whole_days_from_the_day_after() {
        let (s, mut n) = flow_days((5, ""), (10, ""));
        let ib = index(&n, "b");
        n.activities[ib].unit = DayUnit::Calendar;
        n.activities[ib].clock = Clock::Special;
        let cal = Calendar::weekends();
        let t = Tracer::new(&s, &n, &cal);
        let c = t.case(1, 0, d("2025-03-03")).unwrap();
        let b = &c.activities[ib];
        assert_eq!(b.dates, (d("2025-03-08"), d("2025-03-17")));
        assert_eq!(
            b.steps[0].halves,
            Some((half("2025-03-08", false), half("2025-03-17", true)))
        );
    }

    #[test]
    fn arrivals_are_sorted_working_days_within_the_span() {
        let cal = Calendar::weekends();
        let a = arrivals(9, 500, d("2025-01-01"), 365, &cal);
        assert_eq!(a.len(), 500);
        assert!(a.windows(2).all(|w| w[0] <= w[1]));
        assert!(a.iter().all(|x| cal.is_working_day(*x)));
        // 2025-12-31 is a Wednesday: nothing later.
        assert!(a[0] >= d("2025-01-01") && a[499] <= d("2025-12-31"));
        assert_eq!(arrivals(9, 500, d("2025-01-01"), 365, &cal), a);
        assert_ne!(arrivals(10, 500, d("2025-01-01"), 365, &cal), a);
    }
}
