//! `[[targets]]`: bounds a regime should meet (days of one measure — approval, working or
//! calendar days, a maximum or a range — trips, forms, materials, departments), for the whole
//! regime or one stage's span.

use super::Ids;
use super::clocks::{self, What};
use super::common::{days_problem, unknown_help};
use super::context::{At, Ctx, Place};
use permitflow_i18n::tr;

use crate::clock::DayMeasure;
use crate::diag::Code;
use crate::format::file::{FileBound, FileTarget, provenance};
use crate::scenario::{Regime, Target};
use crate::units::{RegimeName, StageId, WorkingDays};

/// The targets, in order. `regimes` are the scenario's.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    raw: &[FileTarget],
    regimes: &[Regime],
    ids: &Ids<'_>,
) -> Vec<Target> {
    let regime_names: Vec<String> = regimes.iter().map(|r| r.name.to_string()).collect();
    let regime_refs: Vec<&str> = regime_names.iter().map(String::as_str).collect();
    let mut targets = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let label = if t.name.is_empty() {
            &t.regime
        } else {
            t.name.written()
        };
        let place = Place::new(&cx.targets, i, "target", label);
        check_regime_exists(cx, &place, &t.regime, &regime_refs);
        if let Some(st) = &t.stage {
            check_stage_exists(cx, &place, st, ids);
            check_stage_bound_only(cx, &place, t);
        }
        check_sets_a_bound(cx, &place, t);
        let bound = day_bound(cx, &place, t);
        let (measure, days_min, days) = bound.unwrap_or_default();
        targets.push(Target {
            name: if t.name.is_empty() {
                default_name(t, bound)
            } else {
                t.name.written().to_owned()
            },
            regime: RegimeName::new(&t.regime),
            days: days.map(WorkingDays::new),
            days_min: days_min.map(WorkingDays::new),
            measure,
            trips: t.trips,
            forms: t.forms,
            materials: t.materials,
            departments: t.departments,
            stage: t.stage.as_deref().map(StageId::new),
            exact: t.exact,
            source: provenance(t.source.as_deref()),
        });
    }
    targets
}

/// A target's day bound as read: its measure, its lower end (a range) and its upper end.
type DayBound = (DayMeasure, Option<f64>, Option<f64>);

/// The day bounds a target gives, by measure.
fn day_bounds(t: &FileTarget) -> impl Iterator<Item = (DayMeasure, &FileBound)> {
    [
        (DayMeasure::ApprovalDays, &t.approval_days),
        (DayMeasure::WorkingDays, &t.working_days),
        (DayMeasure::CalendarDays, &t.calendar_days),
    ]
    .into_iter()
    .filter_map(|(m, b)| Some((m, b.as_ref()?)))
}

/// Whether a target gives a bound on days of any measure.
fn has_day_bound(t: &FileTarget) -> bool {
    day_bounds(t).next().is_some()
}

/// The target's day bound, checked: `None` when it gives none or it has a problem.
fn day_bound(cx: &mut Ctx<'_>, place: &Place, t: &FileTarget) -> Option<DayBound> {
    let given: Vec<(DayMeasure, &FileBound)> = day_bounds(t).collect();
    check_one_measure(cx, place, &given);
    let &(measure, bound) = given.first()?;
    let (min, max) = match bound {
        FileBound::Number(v) => (None, *v),
        FileBound::Range(text) => {
            let (min, max) = check_range(cx, place, measure, text)?;
            (Some(min), max)
        }
    };
    let mut ok = true;
    for v in min.into_iter().chain([max]) {
        ok &= check_days(cx, place, measure, v);
    }
    ok.then_some((measure, min, Some(max)))
}

/// Rule: a target bounds one measure of days: `approval_days`, `working_days` or
/// `calendar_days`, not two.
fn check_one_measure(cx: &mut Ctx<'_>, place: &Place, given: &[(DayMeasure, &FileBound)]) {
    if let [(first, _), (second, _), ..] = given {
        cx.report(
            place,
            Code::BadValue,
            At::Key(second.name()),
            tr!(
                "diag-target-two-measures",
                first = first.name(),
                second = second.name()
            ),
            &tr!("diag-target-two-measures.help"),
        );
    }
}

/// Rule: a range is written `"MIN..MAX"` with two numbers, the smaller first. Gives the two.
fn check_range(
    cx: &mut Ctx<'_>,
    place: &Place,
    measure: DayMeasure,
    text: &str,
) -> Option<(f64, f64)> {
    let parsed = text.split_once("..").and_then(|(a, b)| {
        let a = a.trim().parse::<f64>().ok()?;
        let b = b.trim().parse::<f64>().ok()?;
        Some((a, b))
    });
    let at = At::Value(measure.name());
    match parsed {
        None => {
            cx.report(
                place,
                Code::BadValue,
                at,
                tr!("diag-target-bad-range", text = text),
                &tr!("diag-target-bad-range.help", key = measure.name()),
            );
            None
        }
        Some((a, b)) if a > b => {
            cx.report(
                place,
                Code::BadValue,
                at,
                tr!(
                    "diag-target-range-order",
                    text = text,
                    min = a.to_string(),
                    max = b.to_string()
                ),
                &tr!("diag-target-range-order.help"),
            );
            None
        }
        Some(range) => Some(range),
    }
}

/// A target without a name is named by its bounds: `joint ≤ 20 working days, ≤ 1 trips`,
/// `joint 36.5..54 approval days`.
fn default_name(t: &FileTarget, bound: Option<DayBound>) -> String {
    let op = if t.exact { "=" } else { "≤" };
    let mut parts = Vec::new();
    if let Some((measure, min, Some(max))) = bound {
        let words = match measure {
            DayMeasure::ApprovalDays => "approval days",
            DayMeasure::WorkingDays => "working days",
            DayMeasure::CalendarDays => "calendar days",
        };
        let (max, min) = (WorkingDays::new(max), min.map(WorkingDays::new));
        parts.push(match min {
            Some(min) => format!("{min}..{max} {words}"),
            None => format!("{op} {max} {words}"),
        });
    }
    for (label, v) in [
        ("trips", t.trips),
        ("forms", t.forms),
        ("materials", t.materials),
        ("departments", t.departments),
    ] {
        if let Some(v) = v {
            parts.push(format!("{op} {v} {label}"));
        }
    }
    match &t.stage {
        Some(st) => format!("{} stage {st} {}", t.regime, parts.join(", ")),
        None => format!("{} {}", t.regime, parts.join(", ")),
    }
}

/// Rule: a target's regime is one of the scenario's.
fn check_regime_exists(cx: &mut Ctx<'_>, place: &Place, regime: &str, known: &[&str]) {
    if !known.contains(&regime) {
        let help = unknown_help("regime", regime, known);
        cx.report(
            place,
            Code::UnknownId,
            At::Value("regime"),
            tr!("diag-unknown-regime", id = regime),
            &help,
        );
    }
}

/// Rule: a stage target's stage exists.
fn check_stage_exists(cx: &mut Ctx<'_>, place: &Place, stage: &str, ids: &Ids<'_>) {
    if !ids.stages.contains_key(stage) {
        let help = unknown_help("stage", stage, &ids.stage_names);
        cx.report(
            place,
            Code::UnknownId,
            At::Value("stage"),
            tr!("diag-unknown-stage", id = stage),
            &help,
        );
    }
}

/// Rule: a stage target bounds the stage's days (of any measure) and nothing else.
fn check_stage_bound_only(cx: &mut Ctx<'_>, place: &Place, t: &FileTarget) {
    if !has_day_bound(t)
        || t.trips.is_some()
        || t.forms.is_some()
        || t.materials.is_some()
        || t.departments.is_some()
    {
        cx.report(
            place,
            Code::BadValue,
            At::Key("stage"),
            tr!("diag-stage-target-days-only"),
            &tr!("diag-stage-target-days-only.help"),
        );
    }
}

/// Rule: a target sets at least one bound.
fn check_sets_a_bound(cx: &mut Ctx<'_>, place: &Place, t: &FileTarget) {
    if !has_day_bound(t)
        && t.trips.is_none()
        && t.forms.is_none()
        && t.materials.is_none()
        && t.departments.is_none()
    {
        cx.report(
            place,
            Code::BadValue,
            At::Entry,
            tr!("diag-target-no-bound"),
            &tr!("diag-target-no-bound.help"),
        );
    }
}

/// Rules: a bound on days is a number from 0 up, in steps of half a day for approval and
/// working days, whole for calendar days. Gives whether it is.
fn check_days(cx: &mut Ctx<'_>, place: &Place, measure: DayMeasure, v: f64) -> bool {
    let key = measure.name();
    if let Some(p) = days_problem(v, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Value(key),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.target"),
                value = v.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help"),
        );
        return false;
    }
    measure != DayMeasure::CalendarDays
        || clocks::check_whole(cx, place, At::Value(key), What::Target, v)
}
