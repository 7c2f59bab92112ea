//! An independent checker: verifies a schedule against every link, bound and calendar rule.
//!
//! It shares nothing with the schedulers: it reads the network's constraints as written (which
//! point of `from` and `to` each link type relates) and counts working days for dates one day at
//! a time, using only [`Calendar::is_working_day`].

use chrono::{Days, NaiveDate};
use permitflow_model::{Calendar, LinkKind, Network};

use crate::schedule::Schedule;

mod dated;
mod outcome;

pub use dated::{verify_dated, verify_measures};

pub use outcome::verify_outcome;

const EPS: f64 = 1e-6;

/// Every violated rule, described; empty when the schedule is valid and minimal.
pub fn verify(net: &Network, sched: &Schedule) -> Vec<String> {
    let mut out = Vec::new();
    let n = net.activities.len();
    if sched.start.len() != n || sched.finish.len() != n {
        return vec![format!(
            "the schedule has {} starts for {n} activities",
            sched.start.len()
        )];
    }
    let s = |i: usize| sched.start[i].get();
    let f = |i: usize| sched.finish[i].get();
    for (i, a) in net.activities.iter().enumerate() {
        if (f(i) - s(i) - a.days.get()).abs() > EPS {
            out.push(format!(
                "`{}` lasts {} instead of its {} working days",
                a.id,
                f(i) - s(i),
                a.days
            ));
        }
        if s(i) < -EPS {
            out.push(format!("`{}` starts before the project ({})", a.id, s(i)));
        }
        if let Some(r) = a.release
            && s(i) < r.get() - EPS
        {
            out.push(format!(
                "`{}` starts at {} before its release {r}",
                a.id,
                s(i)
            ));
        }
        if let Some(d) = a.deadline
            && f(i) > d.get() + EPS
        {
            out.push(format!(
                "`{}` finishes at {} after its deadline {d}",
                a.id,
                f(i)
            ));
        }
    }
    for c in &net.constraints {
        let from_point = match c.kind {
            LinkKind::FinishToStart | LinkKind::FinishToFinish => f(c.from),
            LinkKind::StartToStart | LinkKind::StartToFinish => s(c.from),
        };
        let to_point = match c.kind {
            LinkKind::FinishToStart | LinkKind::StartToStart => s(c.to),
            LinkKind::FinishToFinish | LinkKind::StartToFinish => f(c.to),
        };
        let gap = to_point - from_point;
        let (a, b) = (&net.activities[c.from].id, &net.activities[c.to].id);
        if gap < c.lag.get() - EPS {
            out.push(format!(
                "{} link `{a}` → `{b}` ({:?}) has a gap of {gap}, less than its lag {}",
                c.kind.code(),
                c.origin,
                c.lag
            ));
        }
        if let Some(m) = c.max_lag
            && gap > m.get() + EPS
        {
            out.push(format!(
                "{} link `{a}` → `{b}` has a gap of {gap}, more than its maximum lag {m}",
                c.kind.code()
            ));
        }
    }
    let last = (0..n).map(f).fold(0.0, f64::max);
    if (sched.makespan.get() - last).abs() > EPS {
        out.push(format!(
            "the makespan {} is not the last finish {last}",
            sched.makespan
        ));
    }
    out
}

/// Checks dates against the calendar: an activity starting at offset `s` starts on the working
/// day with floor(s) working days before it since the project start; one finishing at `f` ends
/// on the ceil(f)-th working day (the first for `f` = 0); a zero-length one is dated on the day
/// it is reached, like a finish.
pub fn verify_dates(
    calendar: &Calendar,
    project_start: NaiveDate,
    sched: &Schedule,
    dates: &[(NaiveDate, NaiveDate)],
) -> Vec<String> {
    let mut out = Vec::new();
    // Working days from the project start up to and including `date`, counted one by one.
    let count_through = |date: NaiveDate| -> i64 {
        let mut n = 0;
        let mut d = project_start;
        while d <= date {
            if calendar.is_working_day(d) {
                n += 1;
            }
            match d.checked_add_days(Days::new(1)) {
                Some(x) => d = x,
                None => break,
            }
        }
        n
    };
    for (i, (start, finish)) in dates.iter().enumerate() {
        let s = sched.start[i].get();
        let f = sched.finish[i].get().max(s);
        if !calendar.is_working_day(*start) || !calendar.is_working_day(*finish) {
            out.push(format!(
                "activity {i}: {start} or {finish} is not a working day"
            ));
        }
        let expected_start = if f <= s {
            (f.ceil() as i64).max(1)
        } else {
            s.floor() as i64 + 1
        };
        if count_through(*start) != expected_start {
            out.push(format!(
                "activity {i}: starts at offset {s} but is dated {start}"
            ));
        }
        if count_through(*finish) != (f.ceil() as i64).max(1) {
            out.push(format!(
                "activity {i}: finishes at offset {f} but is dated {finish}"
            ));
        }
    }
    out
}

/// Checks that the schedule is the least one: every start is held where it is by its release
/// or by a constraint that is tight, so no activity could start earlier.
pub fn verify_earliest(net: &Network, sched: &Schedule) -> Vec<String> {
    let mut out = Vec::new();
    let s = |i: usize| sched.start[i].get();
    let d = |i: usize| net.activities[i].days.get();
    for (i, a) in net.activities.iter().enumerate() {
        let release = a.release.map(|r| r.get()).unwrap_or(0.0).max(0.0);
        if (s(i) - release).abs() < EPS {
            continue;
        }
        let held = net.constraints.iter().any(|c| {
            // Lower bound of a link into `i`.
            let lower = c.to == i && {
                let need = match c.kind {
                    LinkKind::FinishToStart => s(c.from) + d(c.from),
                    LinkKind::StartToStart => s(c.from),
                    LinkKind::FinishToFinish => s(c.from) + d(c.from) - d(i),
                    LinkKind::StartToFinish => s(c.from) - d(i),
                } + c.lag.get();
                (s(i) - need).abs() < EPS
            };
            // Maximum lag of a link out of `i` pulling it later.
            let upper = c.from == i
                && c.max_lag.is_some_and(|m| {
                    let to_point = match c.kind {
                        LinkKind::FinishToStart | LinkKind::StartToStart => s(c.to),
                        LinkKind::FinishToFinish | LinkKind::StartToFinish => s(c.to) + d(c.to),
                    };
                    let from_offset = match c.kind {
                        LinkKind::FinishToStart | LinkKind::FinishToFinish => d(i),
                        LinkKind::StartToStart | LinkKind::StartToFinish => 0.0,
                    };
                    (to_point - (s(i) + from_offset) - m.get()).abs() < EPS
                });
            lower || upper
        });
        if !held {
            out.push(format!(
                "`{}` starts at {} but nothing holds it there: it could start earlier",
                a.id,
                s(i)
            ));
        }
    }
    out
}
