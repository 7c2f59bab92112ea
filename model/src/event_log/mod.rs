//! Approval-system event logs: what happened to each case's items and when (received, suspended
//! for a special procedure, returned for correction, resubmitted, completed), read from CSV
//! ([`parse_csv`]) or XES, IEEE 1849 ([`parse_xes`]), then checked case by case and item by item
//! ([`check`]) into [`Span`]s, the received-to-completed histories the calibration measures.
//!
//! A bad record is not fatal: it is [`Rejected`] with its place (CSV line, XES trace and event)
//! and case, counted, and left out; the rest is used. Only what makes the whole file unusable (no
//! header, a missing column, past the limits, XML that does not parse) is a [`Diagnostic`].

mod check;
mod csv_log;
mod stamp;
mod xes;

use std::fmt;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use permitflow_i18n::tr;

pub use check::{Checked, Span, Stop, StopKind, check};
pub use csv_log::{CHINESE_HEADERS, COLUMNS, MAX_COLUMNS, parse_csv};
pub use stamp::{FIRST_YEAR, LAST_YEAR, Stamp};
pub use xes::parse_xes;

/// The most records (CSV rows, XES events) a log may have: a large city's approval system over
/// several years holds well under a million.
pub const MAX_RECORDS: usize = 5_000_000;
/// The most distinct items a log may name.
pub const MAX_ITEMS: usize = 100_000;
/// The most rejected records kept for listing; all are counted.
pub const MAX_LISTED: usize = 10_000;

/// What happened to an item of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// The department accepted the application (受理).
    Received,
    /// The clock stopped for a special procedure: a hearing, an expert review (挂起).
    Suspended,
    /// The special procedure ended and the clock runs again (恢复).
    Resumed,
    /// Returned to the applicant for correction (退件).
    Returned,
    /// The applicant handed in the corrected application (补正提交).
    Resubmitted,
    /// Decided (办结).
    Completed,
}

impl EventKind {
    /// Every kind, with its English and Chinese names.
    pub const NAMES: [(EventKind, &'static str, &'static str); 6] = [
        (Self::Received, "received", "受理"),
        (Self::Suspended, "suspended", "挂起"),
        (Self::Resumed, "resumed", "恢复"),
        (Self::Returned, "returned", "退件"),
        (Self::Resubmitted, "resubmitted", "补正提交"),
        (Self::Completed, "completed", "办结"),
    ];

    /// The kind an English name (any case) or a Chinese name gives.
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::NAMES
            .iter()
            .find(|(_, en, zh)| en.eq_ignore_ascii_case(name) || *zh == name)
            .map(|(k, _, _)| *k)
    }

    /// The name in the current language: `received` in English, `受理` in Chinese.
    pub fn shown(self) -> &'static str {
        let (en, zh) = Self::NAMES
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or(("", ""), |(_, en, zh)| (*en, *zh));
        match permitflow_i18n::lang() {
            permitflow_i18n::Lang::En => en,
            permitflow_i18n::Lang::ZhCn => zh,
        }
    }

    /// The English name, as the CSV and JSON write it.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, en, _)| en)
    }
}

/// Where a record is in its file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A CSV line (1-based; the header is line 1).
    Line(usize),
    /// An XES event: the trace's position (1-based) and the event's within it (1-based).
    Event {
        /// The trace, counted from 1.
        trace: usize,
        /// The event within the trace, counted from 1.
        event: usize,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(n) => f.write_str(&tr!("model-log-place-line", line = *n)),
            Self::Event { trace, event } => f.write_str(&tr!(
                "model-log-place-event",
                trace = *trace,
                event = *event
            )),
        }
    }
}

/// One record of the log: an event of an item of a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Where it is in the file.
    pub place: Place,
    /// The case (案件编号): one project's application.
    pub case: Arc<str>,
    /// The project type (项目类型), as the log names it.
    pub project_type: Arc<str>,
    /// The item (事项).
    pub item: Arc<str>,
    /// The department (部门).
    pub department: Arc<str>,
    /// What happened.
    pub event: EventKind,
    /// When.
    pub at: Stamp,
}

/// Why a record was left out.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A required value is empty: the column's name.
    Missing(&'static str),
    /// An event name that is none of the six.
    UnknownEvent(String),
    /// A time that is not an ISO date or date-time.
    BadTime(String),
    /// A time outside the years [`FIRST_YEAR`] to [`LAST_YEAR`].
    TimeOutOfRange(String),
    /// An item the scenario (`--scenario`) does not have.
    UnknownItem(String),
    /// An event before the item was received.
    BeforeReceived(EventKind),
    /// Completed earlier than received.
    CompletedBeforeReceived,
    /// Received a second time.
    ReceivedTwice,
    /// Earlier than the item's previous event.
    OutOfOrder,
    /// Suspended or returned while already suspended or returned.
    Overlapping(EventKind),
    /// Resumed without a suspension, resubmitted without a return.
    NothingToEnd(EventKind),
    /// Completed while suspended or returned.
    CompletedWhileStopped,
    /// An event after the item was completed.
    AfterCompleted(EventKind),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::diag::clip;
        let s = match self {
            Self::Missing(column) => {
                let zh = CHINESE_HEADERS.iter().find(|(en, _)| en == column);
                let shown = match (permitflow_i18n::lang(), zh) {
                    (permitflow_i18n::Lang::ZhCn, Some((_, zh))) => zh,
                    _ => column,
                };
                tr!("model-log-missing", column = *shown)
            }
            Self::UnknownEvent(e) => tr!("model-log-unknown-event", event = clip(e).as_ref()),
            Self::BadTime(t) => tr!("model-log-bad-time", time = clip(t).as_ref()),
            Self::TimeOutOfRange(t) => tr!(
                "model-log-time-range",
                time = clip(t).as_ref(),
                first = FIRST_YEAR,
                last = LAST_YEAR
            ),
            Self::UnknownItem(i) => tr!("model-log-unknown-item", item = clip(i).as_ref()),
            Self::BeforeReceived(e) => tr!("model-log-before-received", event = e.shown()),
            Self::CompletedBeforeReceived => tr!("model-log-completed-before-received"),
            Self::ReceivedTwice => tr!("model-log-received-twice"),
            Self::OutOfOrder => tr!("model-log-out-of-order"),
            Self::Overlapping(e) => tr!("model-log-overlapping", event = e.shown()),
            Self::NothingToEnd(e) => tr!("model-log-nothing-to-end", event = e.shown()),
            Self::CompletedWhileStopped => tr!("model-log-completed-while-stopped"),
            Self::AfterCompleted(e) => tr!("model-log-after-completed", event = e.shown()),
        };
        f.write_str(&s)
    }
}

/// A record left out, with where it is and its case.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Where it is in the file.
    pub place: Place,
    /// Its case (empty when the record names none).
    pub case: String,
    /// Why.
    pub reason: Reason,
}

/// A log as read: the records that parsed, and those that did not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventLog {
    /// The records, in the file's order.
    pub records: Vec<Record>,
    /// The first [`MAX_LISTED`] records left out, in the file's order.
    pub rejected: Vec<Rejected>,
    /// How many records were left out in all.
    pub rejected_count: usize,
}

impl EventLog {
    /// Notes a record left out.
    pub(crate) fn reject(&mut self, place: Place, case: &str, reason: Reason) {
        self.rejected_count += 1;
        if self.rejected.len() < MAX_LISTED {
            self.rejected.push(Rejected {
                place,
                case: case.to_owned(),
                reason,
            });
        }
    }
}

/// One shared copy of each name a log repeats: every record names its case, project type, item
/// and department, and a log of millions of records names a few hundred thousand cases and a
/// handful of the rest.
#[derive(Debug, Default)]
pub struct Names(FxHashSet<Arc<str>>);

impl Names {
    /// The shared copy of `name`.
    pub fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(a) = self.0.get(name) {
            return Arc::clone(a);
        }
        let a: Arc<str> = Arc::from(name);
        self.0.insert(Arc::clone(&a));
        a
    }
}
