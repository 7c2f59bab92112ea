//! Synthetic event logs (`permitflow simulate … --log out.csv`): what an approval management
//! system would have recorded for a year of cases run through a scenario's regime, seeded, for
//! tests and demonstrations of `permitflow calibrate`.
//!
//! Cases arrive uniformly over `days` calendar days from `first` (each moved to its next working
//! day), numbered in arrival order per year (`C2025-0001`, …), all of one project type. Each case
//! is a trace of the regime's network ([`permitflow_solver::trace`]): the same spreads, scaling
//! and returns as the simulation, every review, correction and re-review to the half working day
//! (calendar-day items: whole days). Only items on the approval clock are recorded (the
//! applicant's work, intermediaries and special procedures are not the approval system's); a
//! joint event's member items each get the event's times, with their own departments. An item
//! that takes no time in a case (a review or re-review of 0 days: a filing made on commitment)
//! leaves no record. A case whose draws break an upper bound (a maximum lag, a deadline) has no
//! schedule and is left out (the simulation counts such an iteration infeasible); the cases are
//! numbered among those recorded.
//!
//! Events: `received` when the review starts, per return `returned` at the end of the review
//! (or re-review) and `resubmitted` when the correction ends, `completed` at the end. Working-day
//! items carry times at half-day precision: an event that starts the clock at 09:00 (morning) or
//! 14:00 (afternoon), one that stops it at 11:30 or 17:30; calendar-day items carry dates only.
//! So `calibrate`, which measures at half-day resolution (starting events at the start of their
//! half day, stopping ones at its end), reads back exactly the drawn official times, corrections
//! and re-reviews.

use std::path::Path;

use chrono::{Datelike as _, NaiveDate, NaiveTime};
use permitflow_i18n::{Lang, tr};
use permitflow_model::event_log::{
    CHINESE_HEADERS, COLUMNS, EventKind, EventLog, MAX_RECORDS, Place, Record, Stamp,
};
use permitflow_model::{DayUnit, Scenario};
use permitflow_solver::trace::{ActivityTrace, HalfDay, StepKind, Tracer, arrivals};

use crate::{Error, Loaded, unknown_regime};

/// The most cases a log may have: at about 50 records a case in a large flow, a log a little
/// under the 5,000,000 records `calibrate` reads.
pub const MAX_LOG_CASES: usize = 100_000;
/// The longest span arrivals may cover, in calendar days (ten years).
pub const MAX_LOG_DAYS: u32 = 3660;

/// What log to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct LogOptions {
    /// How many cases, 1 to [`MAX_LOG_CASES`].
    pub cases: usize,
    /// The seed: the same seed gives the same log.
    pub seed: u64,
    /// The first day arrivals may fall on.
    pub first: NaiveDate,
    /// Arrivals spread uniformly (seeded) over this many calendar days from `first`, 1 to
    /// [`MAX_LOG_DAYS`], each moved to its next working day.
    pub days: u32,
    /// The project type every case is recorded with.
    pub project_type: String,
}

/// The log of `opts.cases` cases of `loaded`'s scenario under `regime`, on its calendar.
pub fn synthetic_log(loaded: &Loaded, regime: &str, opts: &LogOptions) -> Result<EventLog, Error> {
    if !(1..=MAX_LOG_CASES).contains(&opts.cases) {
        return Err(Error::help(
            tr!("app-log-cases", cases = opts.cases, max = MAX_LOG_CASES),
            tr!("app-log-cases.help", max = MAX_LOG_CASES),
        ));
    }
    if !(1..=MAX_LOG_DAYS).contains(&opts.days) {
        return Err(Error::help(
            tr!("app-log-days", days = opts.days, max = MAX_LOG_DAYS),
            tr!("app-log-days.help", max = MAX_LOG_DAYS),
        ));
    }
    let s = &loaded.scenario;
    let Some(r) = s.regime(regime) else {
        return Err(unknown_regime(loaded, regime));
    };
    let failed = |e: permitflow_solver::SolveError| {
        Error::msg(tr!(
            "app-log-failed",
            file = loaded.label.as_str(),
            regime = regime,
            error = e.to_string()
        ))
    };
    let net = permitflow_solver::network_for(s, r).map_err(failed)?;
    let tracer = Tracer::new(s, &net, &loaded.calendar);
    let dates = arrivals(
        opts.seed,
        opts.cases,
        opts.first,
        opts.days,
        &loaded.calendar,
    );
    let mut log = EventLog::default();
    let mut names = permitflow_model::event_log::Names::default();
    let project_type = names.get(&opts.project_type);
    let mut year = (0, 0usize);
    let mut infeasible = None;
    for (k, &application) in dates.iter().enumerate() {
        // A case whose draws break an upper bound (a maximum lag, a deadline) has no schedule:
        // left out, as the simulation counts such an iteration infeasible.
        let trace = match tracer.case(opts.seed, k as u64, application) {
            Ok(t) => t,
            Err(e) => {
                infeasible.get_or_insert(e);
                continue;
            }
        };
        year = match year {
            (y, n) if y == application.year() => (y, n + 1),
            _ => (application.year(), 1),
        };
        let case = names.get(&format!("C{}-{:04}", year.0, year.1));
        for (a, t) in net.activities.iter().zip(&trace.activities) {
            if a.is_gate() || !a.clock.is_official() {
                continue;
            }
            let Some(events) = events(t, a.unit) else {
                continue;
            };
            for member in &a.members {
                let department = names.get(&department(s, member.as_str()));
                let item = names.get(member.as_str());
                for &(event, at) in &events {
                    log.records.push(Record {
                        place: Place::Line(log.records.len() + 2),
                        case: case.clone(),
                        project_type: project_type.clone(),
                        item: item.clone(),
                        department: department.clone(),
                        event,
                        at,
                    });
                }
            }
        }
        if log.records.len() > MAX_RECORDS {
            return Err(Error::help(
                tr!("app-log-records", cases = k + 1, max = MAX_RECORDS),
                tr!("app-log-records.help"),
            ));
        }
    }
    match infeasible {
        Some(e) if log.records.is_empty() => Err(failed(e)),
        _ => Ok(log),
    }
}

/// An item's department id (the item's own id when the scenario does not list it).
fn department(s: &Scenario, item: &str) -> String {
    s.items
        .iter()
        .find(|i| i.id.as_str() == item)
        .map_or_else(|| item.to_owned(), |i| i.department.as_str().to_owned())
}

/// When a clock starts in half day `h`: its start.
fn starting(h: HalfDay, unit: DayUnit) -> Stamp {
    stamp(h, unit, (9, 0), (14, 0))
}

/// When a clock stops in half day `h`: its end.
fn stopping(h: HalfDay, unit: DayUnit) -> Stamp {
    stamp(h, unit, (11, 30), (17, 30))
}

fn stamp(h: HalfDay, unit: DayUnit, morning: (u32, u32), afternoon: (u32, u32)) -> Stamp {
    let (hour, minute) = if h.afternoon { afternoon } else { morning };
    Stamp {
        date: h.date,
        time: match unit {
            DayUnit::Working => NaiveTime::from_hms_opt(hour, minute, 0),
            DayUnit::Calendar => None,
        },
    }
}

/// The events of an activity's trace, or `None` when a review takes no time.
fn events(t: &ActivityTrace, unit: DayUnit) -> Option<Vec<(EventKind, Stamp)>> {
    let mut out = Vec::with_capacity(t.steps.len() + 1);
    let mut last = None;
    for step in &t.steps {
        match step.kind {
            StepKind::Review | StepKind::Rereview => {
                let (first, end) = step.halves?;
                out.push(match last {
                    None => (EventKind::Received, starting(first, unit)),
                    Some(_) => (EventKind::Resubmitted, starting(first, unit)),
                });
                last = Some(end);
            }
            StepKind::Correction => out.push((EventKind::Returned, stopping(last?, unit))),
        }
    }
    out.push((EventKind::Completed, stopping(last?, unit)));
    Some(out)
}

/// The log as CSV: the header `case,project_type,item,department,event,time` and the English
/// event names, or in Chinese (案件编号, …, 受理, …) when the language is Chinese (the reader
/// takes both).
pub fn log_csv(log: &EventLog) -> Result<Vec<u8>, Error> {
    let zh = permitflow_i18n::lang() == Lang::ZhCn;
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = if zh {
        CHINESE_HEADERS.iter().map(|(_, z)| *z).collect()
    } else {
        COLUMNS.to_vec()
    };
    let io = |e: csv::Error| Error::msg(e.to_string());
    w.write_record(&header).map_err(io)?;
    for r in &log.records {
        let time = match r.at.time {
            Some(t) => format!("{}T{}", r.at.date, t.format("%H:%M")),
            None => r.at.date.to_string(),
        };
        let event = if zh { r.event.shown() } else { r.event.name() };
        w.write_record([
            &*r.case,
            &r.project_type,
            &r.item,
            &r.department,
            event,
            &time,
        ])
        .map_err(io)?;
    }
    w.into_inner().map_err(|e| Error::msg(e.to_string()))
}

/// Writes the log as CSV ([`log_csv`]) to `path` atomically, or to standard output for `-`.
pub fn write_log_csv(log: &EventLog, path: &Path) -> Result<(), Error> {
    let bytes = log_csv(log)?;
    if path.as_os_str() == "-" {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        return match out.write_all(&bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::msg(tr!(
                "app-write-failed",
                file = "-",
                error = e.to_string()
            ))),
            _ => Ok(()),
        };
    }
    crate::write::file(path, bytes.as_slice())
}

#[cfg(test)]
#[path = "synth_tests.rs"]
mod tests;
