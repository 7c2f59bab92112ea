//! The two clocks in a file: an item's `clock`, `unit` and `fee`; counts in calendar days are
//! whole days; a calendar-day item is in no joint group; a return's correction time (the
//! applicant's, clock stopped) and re-review time (clock running).

use permitflow_i18n::{message, tr};

use super::common::closest;
use super::context::{At, Ctx, Place};
use crate::clock::{Clock, DayUnit};
use crate::diag::Code;
use crate::format::file::{FileItem, FileNumber, FileReturns, FileSpread};
use crate::scenario::Returns;
use crate::units::{Sourced, WorkingDays};

/// An item's unit (working days unless `unit` says otherwise), checked.
pub(super) fn item_unit(cx: &mut Ctx<'_>, place: &Place, unit: Option<&str>) -> DayUnit {
    unit.and_then(|u| check_unit(cx, place, At::Value("unit"), u))
        .unwrap_or_default()
}

/// Rule: a unit is `working` or `calendar` (工作日, 自然日). Gives it when it is.
pub(super) fn check_unit(cx: &mut Ctx<'_>, place: &Place, at: At, unit: &str) -> Option<DayUnit> {
    let parsed = DayUnit::parse(unit);
    if parsed.is_none() {
        let names = [DayUnit::Working, DayUnit::Calendar];
        let allowed = allowed(names.iter().map(|u| (u.name(), u.name_zh())));
        let help = suggest(unit, names.iter().map(|u| u.name()), &allowed);
        cx.report(
            place,
            Code::BadValue,
            at,
            tr!("diag-unknown-unit", value = unit),
            &help,
        );
    }
    parsed
}

/// Rule: an item's clock is `approval`, `special`, `intermediary` or `applicant` (审批, 特别程序,
/// 中介服务, 申请人). Gives it (approval when unwritten or unknown).
pub(super) fn item_clock(cx: &mut Ctx<'_>, place: &Place, clock: Option<&str>) -> Clock {
    let Some(text) = clock else {
        return Clock::default();
    };
    let parsed = Clock::parse(text);
    if parsed.is_none() {
        let allowed = allowed(Clock::ALL.iter().map(|c| (c.name(), c.name_zh())));
        let help = suggest(text, Clock::ALL.iter().map(|c| c.name()), &allowed);
        cx.report(
            place,
            Code::BadValue,
            At::Value("clock"),
            tr!("diag-unknown-clock", value = text),
            &help,
        );
    }
    parsed.unwrap_or_default()
}

/// `approval, special, … (审批, 特别程序, …)`.
fn allowed<'a>(names: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let (en, zh): (Vec<&str>, Vec<&str>) = names.unzip();
    tr!(
        "diag-clock-allowed",
        names = en.join(", "),
        names_zh = zh.join("、")
    )
}

/// The help for an unknown value: the closest allowed one, and the allowed ones.
fn suggest<'a>(text: &str, names: impl Iterator<Item = &'a str>, allowed: &str) -> String {
    let lower = text.trim().to_lowercase();
    match closest(&lower, names) {
        Some(c) => tr!("diag-clock-did-you-mean", value = c, allowed = allowed),
        None => tr!("diag-clock-use-one-of", allowed = allowed),
    }
}

/// Rule: a fee is an amount of yuan from 0 up. Gives it when it is.
pub(super) fn fee(
    cx: &mut Ctx<'_>,
    place: &Place,
    fee: Option<&FileNumber>,
) -> Option<Sourced<f64>> {
    let f = fee?;
    if f.value.is_finite() && f.value >= 0.0 {
        Some(Sourced::new(f.value, f.provenance()))
    } else {
        cx.report(
            place,
            Code::BadValue,
            At::Value("fee"),
            tr!("diag-bad-fee", fee = f.value.to_string()),
            &tr!("diag-bad-fee.help"),
        );
        None
    }
}

/// What a day count is, for [`check_whole`]: a key of `diag-clock-what`.
#[derive(Clone, Copy)]
pub(super) enum What {
    TimeLimit,
    Floor,
    Spread,
    Lag,
    MaxLag,
    Target,
}

impl What {
    fn key(self) -> &'static str {
        match self {
            Self::TimeLimit => "diag-clock-what.time-limit",
            Self::Floor => "diag-clock-what.floor",
            Self::Spread => "diag-clock-what.spread",
            Self::Lag => "diag-clock-what.lag",
            Self::MaxLag => "diag-clock-what.max-lag",
            Self::Target => "diag-clock-what.target",
        }
    }
}

/// Rule: a count in calendar days is a whole number of days. Gives whether it is.
pub(super) fn check_whole(cx: &mut Ctx<'_>, place: &Place, at: At, what: What, v: f64) -> bool {
    if !v.is_finite() || v.fract() == 0.0 {
        return true;
    }
    cx.report(
        place,
        Code::BadDays,
        at,
        tr!(
            "diag-calendar-not-whole",
            what = message(what.key(), &[]),
            value = v.to_string()
        ),
        &tr!("diag-calendar-not-whole.help"),
    );
    false
}

/// Rule: a calendar-day item's time limit, floor and spread are whole days.
pub(super) fn check_item_whole_days(cx: &mut Ctx<'_>, place: &Place, it: &FileItem, unit: DayUnit) {
    if unit != DayUnit::Calendar {
        return;
    }
    check_whole(cx, place, At::Value("days"), What::TimeLimit, it.days.value);
    if let Some(f) = &it.more().floor {
        check_whole(cx, place, At::Value("floor"), What::Floor, f.value);
    }
    if let Some(FileSpread {
        min, likely, max, ..
    }) = it.more().spread.as_deref()
        && let Some(v) = [min, likely, max]
            .into_iter()
            .flatten()
            .find(|v| v.is_finite() && v.fract() != 0.0)
    {
        check_whole(cx, place, At::Key("spread"), What::Spread, *v);
    }
}

/// Rule: a calendar-day item is in no joint group (the joint event counts working days).
pub(super) fn check_not_joint(cx: &mut Ctx<'_>, place: &Place, it: &FileItem, unit: DayUnit) {
    if let (DayUnit::Calendar, Some(g)) = (unit, &it.more().joint) {
        cx.report(
            place,
            Code::BadValue,
            At::Value("joint"),
            tr!("diag-calendar-joint", group = g.as_str()),
            &tr!("diag-calendar-joint.help"),
        );
    }
}

/// Rules: a return's rate is below 1 and its times are from 0 up; `rework_days` (the re-review)
/// comes with `correction_days` (older files used it for the applicant's time) and not with
/// `rereview_days`, its older name. Gives the returns when they are right.
pub(super) fn returns(cx: &mut Ctx<'_>, place: &Place, r: &FileReturns) -> Option<Returns> {
    if r.rework_days.is_some() && r.rereview_days.is_some() {
        cx.report(
            place,
            Code::BadValue,
            At::Value("rereview_days"),
            tr!("diag-returns-rework-twice"),
            &tr!("diag-returns-rework-twice.help"),
        );
        return None;
    }
    if r.rework_days.is_some() && r.correction_days.is_none() {
        cx.report(
            place,
            Code::BadValue,
            At::Value("rework_days"),
            tr!("diag-returns-ambiguous"),
            &tr!("diag-returns-ambiguous.help"),
        );
        return None;
    }
    let correction = r.correction_days.unwrap_or(0.0);
    let rereview = r.rework_days.or(r.rereview_days);
    let problem = if !(r.rate.is_finite() && (0.0..1.0).contains(&r.rate)) {
        Some(tr!("diag-bad-return-rate", rate = r.rate.to_string()))
    } else if !(correction.is_finite() && correction >= 0.0) {
        Some(tr!("diag-bad-rework", days = correction.to_string()))
    } else if rereview.is_some_and(|d| !(d.is_finite() && d >= 0.0)) {
        Some(tr!("diag-bad-rereview"))
    } else {
        None
    };
    match problem {
        Some(msg) => {
            cx.report(
                place,
                Code::BadValue,
                At::Key("returns"),
                msg,
                &tr!("diag-bad-returns.help"),
            );
            None
        }
        None => Some(Returns {
            rate: r.rate,
            correction: WorkingDays::new(correction),
            rereview: rereview.map(WorkingDays::new),
            source: crate::units::Provenance::parse(r.source.as_deref().unwrap_or("")),
        }),
    }
}
