//! `[[targets]]`: bounds a regime should meet (working days, trips, forms, materials,
//! departments), for the whole regime or one stage's span.

use super::Ids;
use super::common::{days_problem, unknown_help};
use super::context::{At, Ctx, Place};
use permitflow_i18n::tr;

use crate::diag::Code;
use crate::format::file::{FileTarget, provenance};
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
        check_working_days(cx, &place, t.working_days);
        targets.push(Target {
            name: if t.name.is_empty() {
                default_name(t)
            } else {
                t.name.written().to_owned()
            },
            regime: RegimeName::new(&t.regime),
            days: t.working_days.map(WorkingDays::new),
            days_min: None,
            measure: crate::clock::DayMeasure::WorkingDays,
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

/// A target without a name is named by its bounds: `joint ≤ 20 working days, ≤ 1 trips`.
fn default_name(t: &FileTarget) -> String {
    let op = if t.exact { "=" } else { "≤" };
    let mut parts = Vec::new();
    if let Some(w) = t.working_days {
        parts.push(format!("{op} {} working days", WorkingDays::new(w)));
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

/// Rule: a stage target bounds the stage's working days and nothing else.
fn check_stage_bound_only(cx: &mut Ctx<'_>, place: &Place, t: &FileTarget) {
    if t.working_days.is_none()
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
    if t.working_days.is_none()
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

/// Rule: a bound on working days is a working-day number from 0 up.
fn check_working_days(cx: &mut Ctx<'_>, place: &Place, working_days: Option<f64>) {
    if let Some(w) = working_days
        && let Some(p) = days_problem(w, false)
    {
        cx.report(
            place,
            Code::BadDays,
            At::Value("working_days"),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.target"),
                value = w.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help"),
        );
    }
}
