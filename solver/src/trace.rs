//! Per-case traces of a regime's network, for a synthetic event-log generator: what one project
//! (a case) went through, activity by activity, with the same draws as the Monte Carlo.
//!
//! Case `k` of seed `s` draws from one generator seeded from `(s, k)` through SplitMix64, the
//! activities in the network's order: each non-gate activity's first review from its spread
//! (scaled as [`crate::simulate`] scales a spread whose limit a measure changed), then, when it
//! has returns, the number of returns `K` (geometric in the rate, at most 1,000). The correction
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
                    (returns(&mut rng, g), rounded(c, a.unit), rounded(r, a.unit))
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

#[cfg(test)]
#[path = "trace_tests.rs"]
mod tests;
