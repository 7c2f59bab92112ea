//! The checker for schedules with calendar days, and the three measures of any outcome.
//!
//! Independent of `dated/`: it reads each activity's dates and working offsets, rebuilds the
//! instants (half days from the application date at midnight) from the dates alone, and counts
//! working days and half days one at a time with [`Calendar::is_working_day`].

use chrono::{Days, NaiveDate};
use permitflow_model::{Calendar, DayUnit, LinkKind, Network};

use crate::Outcome;
use crate::schedule::Schedule;

use super::EPS;

/// Whether anything in the network is counted in calendar days.
pub(super) fn counts_calendar_days(net: &Network) -> bool {
    net.activities
        .iter()
        .any(|a| a.unit == DayUnit::Calendar && a.days.get() > 0.0)
        || net
            .constraints
            .iter()
            .any(|c| c.lag_unit == DayUnit::Calendar)
}

fn add(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_days(Days::new(n.max(0) as u64))
        .unwrap_or(NaiveDate::MAX)
}

/// Working half days in `[p, q)` (negative when `q < p`), counted half by half.
fn working_halves(cal: &Calendar, app: NaiveDate, p: i64, q: i64) -> i64 {
    let (lo, hi, sign) = if p <= q { (p, q, 1) } else { (q, p, -1) };
    let mut n = 0;
    for h in lo..hi {
        if cal.is_working_day(add(app, h.div_euclid(2))) {
            n += 1;
        }
    }
    sign * n
}

/// Working days from the first working day on or after `app` through `date`, one by one.
fn working_through(cal: &Calendar, app: NaiveDate, date: NaiveDate) -> i64 {
    let mut n = 0;
    let mut d = app;
    while d <= date {
        if cal.is_working_day(d) {
            n += 1;
        }
        d = add(d, 1);
        if d == NaiveDate::MAX {
            break;
        }
    }
    n
}

fn half(x: f64) -> bool {
    (x - x.floor() - 0.5).abs() < EPS
}

/// The earliest and latest instant a point can be at: one instant, or for a zero-length
/// activity any instant its date and working offset allow.
type Point = (i64, i64);

/// Each activity's start and finish instants, read from its dates (and the half of the day a
/// working-day activity starts or ends in), with the problems found on the way.
fn instants(
    net: &Network,
    sched: &Schedule,
    dates: &[(NaiveDate, NaiveDate)],
    cal: &Calendar,
    app: NaiveDate,
    out: &mut Vec<String>,
) -> Vec<(Point, Point)> {
    let day = |d: NaiveDate| (d - app).num_days();
    let mut v = Vec::with_capacity(net.activities.len());
    for (i, a) in net.activities.iter().enumerate() {
        let (sd, fd) = dates[i];
        let (s, f) = (sched.start[i].get(), sched.finish[i].get());
        let id = &a.id;
        if sd < app {
            out.push(format!(
                "`{id}` starts on {sd}, before the application {app}"
            ));
        }
        if a.days.get() <= 0.0 {
            if sd != fd {
                out.push(format!("`{id}` takes no time but is dated {sd} to {fd}"));
            }
            if (f - s).abs() > EPS {
                out.push(format!("`{id}` takes no time but spans {s} to {f}"));
            }
            // Reached at the end (or noon) of the day it is dated, or at the origin on the
            // application date: any of those instants with its working offset.
            let d = day(fd);
            let mut at: Vec<i64> = [2 * d + 1, 2 * d + 2]
                .into_iter()
                .chain((d == 0).then_some(0))
                .filter(|&t| (working_halves(cal, app, 0, t) as f64 - 2.0 * s).abs() < EPS)
                .collect();
            at.sort_unstable();
            match (at.first(), at.last()) {
                (Some(&lo), Some(&hi)) => v.push(((lo, hi), (lo, hi))),
                _ => {
                    out.push(format!(
                        "`{id}` is dated {fd}, which no instant at offset {s} has"
                    ));
                    v.push(((2 * d, 2 * d + 2), (2 * d, 2 * d + 2)));
                }
            }
            continue;
        }
        if a.unit == DayUnit::Calendar {
            let n = a.days.get().ceil() as i64;
            if day(fd) - day(sd) + 1 != n {
                out.push(format!(
                    "`{id}` runs {sd} to {fd}, not its {n} calendar days"
                ));
            }
            // Its working offsets: the working days before its first day, and through its last.
            let before = match sd.pred_opt() {
                Some(prev) if sd > app => working_through(cal, app, prev),
                _ => 0,
            };
            if (s - before as f64).abs() > EPS {
                out.push(format!(
                    "`{id}` starts on {sd} after {before} working days, but at offset {s}"
                ));
            }
            let through = working_through(cal, app, fd);
            if (f - through as f64).abs() > EPS {
                out.push(format!(
                    "`{id}` ends on {fd} after {through} working days, but at offset {f}"
                ));
            }
            let (t0, t1) = (2 * day(sd), 2 * day(fd) + 2);
            v.push(((t0, t0), (t1, t1)));
        } else {
            if (f - s - a.days.get()).abs() > EPS {
                out.push(format!(
                    "`{id}` lasts {} instead of its {} working days",
                    f - s,
                    a.days
                ));
            }
            if !cal.is_working_day(sd) || !cal.is_working_day(fd) {
                out.push(format!("`{id}`: {sd} or {fd} is not a working day"));
            }
            if working_through(cal, app, sd) != s.floor() as i64 + 1 {
                out.push(format!("`{id}` starts at offset {s} but is dated {sd}"));
            }
            if working_through(cal, app, fd) != (f.ceil() as i64).max(1) {
                out.push(format!("`{id}` finishes at offset {f} but is dated {fd}"));
            }
            let t0 = 2 * day(sd) + i64::from(half(s));
            let t1 = 2 * day(fd) + if half(f) { 1 } else { 2 };
            v.push(((t0, t0), (t1, t1)));
        }
    }
    v
}

/// Every violated rule of a schedule with calendar days: durations on their own clock, dates
/// on the calendar, each link and bound with its lag counted on its own clock.
pub fn verify_dated(
    net: &Network,
    sched: &Schedule,
    dates: &[(NaiveDate, NaiveDate)],
    cal: &Calendar,
    app: NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    if dates.len() != net.activities.len() || sched.start.len() != net.activities.len() {
        return vec!["the schedule or its dates miss activities".into()];
    }
    let t = instants(net, sched, dates, cal, app, &mut out);
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(r) = a.release
            && sched.start[i].get() < r.get() - EPS
        {
            out.push(format!("`{}` starts before its release {r}", a.id));
        }
        if let Some(d) = a.deadline
            && sched.finish[i].get() > d.get() + EPS
        {
            out.push(format!("`{}` finishes after its deadline {d}", a.id));
        }
    }
    let on_clock = |i: usize| {
        let a = &net.activities[i];
        a.unit == DayUnit::Working && a.days.get() > 0.0
    };
    for c in &net.constraints {
        let (p, q): (Point, Point) = (
            match c.kind {
                LinkKind::FinishToStart | LinkKind::FinishToFinish => t[c.from].1,
                LinkKind::StartToStart | LinkKind::StartToFinish => t[c.from].0,
            },
            match c.kind {
                LinkKind::FinishToStart | LinkKind::StartToStart => t[c.to].0,
                LinkKind::FinishToFinish | LinkKind::StartToFinish => t[c.to].1,
            },
        );
        // The widest gap the points allow (for the least lag) and the narrowest (for the most).
        let gap = |p: i64, q: i64| match c.lag_unit {
            DayUnit::Calendar => q - p,
            DayUnit::Working => working_halves(cal, app, p, q),
        };
        let (wide, narrow) = (gap(p.0, q.1), gap(p.1, q.0));
        let lag = (c.lag.get() * 2.0).round() as i64;
        let (a, b) = (&net.activities[c.from].id, &net.activities[c.to].id);
        let unit = c.lag_unit.name();
        // Between two activities off the working clock, a working lag also keeps their order
        // on the calendar.
        let ordered = c.lag_unit == DayUnit::Calendar
            || lag < 0
            || on_clock(c.from)
            || on_clock(c.to)
            || q.1 >= p.0;
        if wide < lag || !ordered {
            out.push(format!(
                "{} link `{a}` → `{b}`: a gap of {} {unit} days, less than its lag {}",
                c.kind.code(),
                wide as f64 / 2.0,
                c.lag
            ));
        }
        if let Some(m) = c.max_lag
            && narrow > (m.get() * 2.0).round() as i64
        {
            out.push(format!(
                "{} link `{a}` → `{b}`: a gap of {} {unit} days, more than its maximum lag {m}",
                c.kind.code(),
                narrow as f64 / 2.0
            ));
        }
    }
    let last = t.iter().map(|x| x.1.0).max().unwrap_or(0);
    let worked = working_halves(cal, app, 0, last);
    if (sched.makespan.get() * 2.0 - worked as f64).abs() > EPS {
        out.push(format!(
            "the makespan {} is not the {} working days to the last finish",
            sched.makespan,
            worked as f64 / 2.0
        ));
    }
    out
}

/// The three measures of an outcome recomputed from its dates: approval days by counting the
/// working half days on which an approval-clock activity runs, calendar days by counting dates,
/// the end date as the last finish date.
pub fn verify_measures(o: &Outcome, cal: &Calendar) -> Vec<String> {
    let mut out = Vec::new();
    let app = o.application_date;
    let day = |d: NaiveDate| (d - app).num_days();
    let Some(end) = o.dates.iter().map(|x| x.1).max() else {
        return out;
    };
    if end != o.end_date {
        out.push(format!(
            "the end date {} is not the last finish date {end}",
            o.end_date
        ));
    }
    let mut counted = 0u32;
    let mut d = app;
    while d <= end {
        counted += 1;
        d = add(d, 1);
    }
    if counted != o.calendar_days {
        out.push(format!(
            "{} calendar days reported, {counted} counted from {app} to {end}",
            o.calendar_days
        ));
    }
    // Coverage of each half day by approval-clock activities: +1 at a start, −1 at a finish.
    let len = (2 * day(end) + 3).max(1) as usize;
    let mut delta = vec![0i64; len + 1];
    for (i, a) in o.network.activities.iter().enumerate() {
        if a.is_gate() || !a.clock.is_official() || a.days.get() <= 0.0 {
            continue;
        }
        let (sd, fd) = o.dates[i];
        let (s, f) = (o.schedule.start[i].get(), o.schedule.finish[i].get());
        let (t0, t1) = if a.unit == DayUnit::Calendar {
            (2 * day(sd), 2 * day(fd) + 2)
        } else {
            (
                2 * day(sd) + i64::from(half(s)),
                2 * day(fd) + if half(f) { 1 } else { 2 },
            )
        };
        let clamp = |t: i64| t.clamp(0, len as i64) as usize;
        delta[clamp(t0)] += 1;
        delta[clamp(t1)] -= 1;
    }
    let mut cover = 0;
    let mut halves = 0i64;
    for (h, dlt) in delta.iter().enumerate().take(len) {
        cover += dlt;
        if cover > 0 && cal.is_working_day(add(app, h as i64 / 2)) {
            halves += 1;
        }
    }
    if (o.approval_days.get() * 2.0 - halves as f64).abs() > EPS {
        out.push(format!(
            "{} approval days reported, {} counted",
            o.approval_days,
            halves as f64 / 2.0
        ));
    }
    out
}
