//! The top of a scenario file: its size as a whole, `version`, `start`, `calendar`, `sources`.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::common::check_unique;
use super::context::{At, Ctx};
use permitflow_i18n::{message, tr};

use crate::diag::Code;
use crate::format::file::{FileCalendar, FileScenario, FileSource};
use crate::format::{MAX_ITEMS, MAX_JOINT_GROUPS, MAX_LINKS, MAX_REGIMES};
use crate::scenario::{BaseCalendar, CalendarSpec, FORMAT_VERSION, SourceRef};

/// Rule: the model is within the sizes permitflow accepts. `false` when it is not: then nothing
/// else is checked, a model this size is refused as a whole.
pub(super) fn check_size(cx: &mut Ctx<'_>, raw: &FileScenario) -> bool {
    let links: usize = raw.items.iter().map(|i| i.after.len()).sum();
    let counts = [
        raw.items.len(),
        links,
        raw.joint.len(),
        raw.stages.len(),
        raw.regimes.len(),
    ];
    match size_problem(counts) {
        Some(message) => {
            cx.push(
                Code::BadValue,
                None,
                At::Entry,
                None,
                message,
                &tr!("diag-too-large.help"),
            );
            false
        }
        None => true,
    }
}

/// What is over its limit among the counts of items, links, joint groups, stages and regimes.
pub(in crate::format) fn size_problem(counts: [usize; 5]) -> Option<String> {
    let limits = [
        ("diag-too-large.items", MAX_ITEMS),
        ("diag-too-large.links", MAX_LINKS),
        ("diag-too-large.joint-groups", MAX_JOINT_GROUPS),
        ("diag-too-large.stages", MAX_ITEMS),
        ("diag-too-large.regimes", MAX_REGIMES),
    ];
    limits
        .iter()
        .zip(counts)
        .find(|((_, max), n)| n > max)
        .map(|((key, max), n)| {
            message(
                key,
                &[("n", n.to_string().into()), ("max", max.to_string().into())],
            )
        })
}

/// Rule: the file's `version` is the one this build reads.
pub(super) fn check_version(cx: &mut Ctx<'_>, version: u32) {
    if version != FORMAT_VERSION {
        cx.push(
            Code::Version,
            None,
            At::Value("version"),
            None,
            tr!(
                "diag-version",
                version = version.to_string(),
                supported = FORMAT_VERSION.to_string()
            ),
            &tr!("diag-version.help"),
        );
    }
}

/// Rule: `start` is a date in the years [`crate::calendar::YEARS`] (1900 to 2200). Gives the
/// date when it is.
pub(super) fn check_start(cx: &mut Ctx<'_>, start: &str) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(start.trim(), "%Y-%m-%d") {
        Ok(d) if !crate::calendar::YEARS.contains(&chrono::Datelike::year(&d)) => {
            cx.push(
                Code::BadDate,
                None,
                At::Value("start"),
                None,
                tr!(
                    "diag-start-out-of-range",
                    date = d.to_string(),
                    from = crate::calendar::YEARS.start().to_string(),
                    to = crate::calendar::YEARS.end().to_string()
                ),
                &tr!("diag-start-out-of-range.help"),
            );
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            cx.push(
                Code::BadDate,
                None,
                At::Value("start"),
                None,
                tr!("diag-start-not-date", start = start),
                &tr!("diag-start-not-date.help"),
            );
            None
        }
    }
}

/// The calendar: China's when the file names none.
pub(super) fn calendar(cx: &mut Ctx<'_>, calendar: Option<&FileCalendar>) -> CalendarSpec {
    match calendar {
        None => CalendarSpec::default(),
        Some(c) => CalendarSpec {
            base: check_calendar_base(cx, &c.base).unwrap_or(BaseCalendar::China),
            files: c.files.clone(),
        },
    }
}

/// Rule: the base calendar is one permitflow knows. Gives it when it is.
fn check_calendar_base(cx: &mut Ctx<'_>, base: &str) -> Option<BaseCalendar> {
    match base {
        "cn" | "china" => Some(BaseCalendar::China),
        "weekends" | "none" => Some(BaseCalendar::Weekends),
        other => {
            cx.push(
                Code::BadCalendar,
                None,
                At::Value("calendar"),
                None,
                tr!("diag-unknown-calendar", calendar = other),
                &tr!("diag-unknown-calendar.help"),
            );
            None
        }
    }
}

/// The sources that provenance refers to, each id once.
pub(super) fn sources(cx: &mut Ctx<'_>, sources: &[FileSource]) -> Vec<SourceRef> {
    let mut ids = BTreeSet::new();
    for s in sources {
        let repeated = !ids.insert(s.id.as_str());
        check_unique(cx, None, At::Str(&s.id), "source", "id", &s.id, repeated);
    }
    sources
        .iter()
        .map(|s| SourceRef {
            id: s.id.clone(),
            title: s.title.clone(),
            note: s.note.clone(),
        })
        .collect()
}
