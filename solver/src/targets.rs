//! What a checked target measured, in the current language, naming the measure it bounds:
//! "36.5 working days ≤ 60", "8 approval days ≤ 10", "40 approval days in 36.5..54",
//! "工作日 36.5 ≤ 60", "审批用时 8 ≤ 10". [`crate::check_targets`] keeps the English text in `TargetCheck::detail`
//! (for JSON and other programs); people's outputs ask here in their language.

use permitflow_i18n::tr;
use permitflow_model::{DayMeasure, Target, WorkingDays};

use crate::outcome::Outcome;

/// Whether `t` holds on `outcome` (its regime's; `None` when it has no schedule) and what was
/// measured: each bound's figure, the comparison (`≤`, `>`, or `=`, `≠` for exact figures) and
/// the bound.
pub fn describe_target(t: &Target, outcome: Option<&Outcome>) -> (Option<bool>, String) {
    let Some(o) = outcome else {
        return (
            None,
            tr!("diag-target-no-schedule", regime = t.regime.as_str()),
        );
    };
    let mut met = true;
    let mut parts = Vec::new();
    // (measured, bound, what was measured, the figure as shown)
    let mut measured: Vec<(f64, f64, String, String)> = Vec::new();
    if let Some(w) = t.days {
        let figure = match &t.stage {
            None => {
                let a = o.days(t.measure);
                let key = match t.measure {
                    DayMeasure::ApprovalDays => "diag-target-approval-days",
                    DayMeasure::WorkingDays => "diag-target-working-days",
                    DayMeasure::CalendarDays => "diag-target-calendar-days",
                };
                Some((a, permitflow_i18n::message(key, &[("n", a.into())])))
            }
            Some(st) => match o.stages.iter().find(|sp| sp.covers(st)) {
                Some(sp) => {
                    let (a, key) = match t.measure {
                        DayMeasure::ApprovalDays => {
                            (sp.approval_days.get(), "diag-target-stage-approval-days")
                        }
                        DayMeasure::WorkingDays => {
                            (sp.working_days.get(), "diag-target-stage-working-days")
                        }
                        DayMeasure::CalendarDays => (
                            f64::from(sp.calendar_days),
                            "diag-target-stage-calendar-days",
                        ),
                    };
                    let stage = sp.label();
                    Some((
                        a,
                        permitflow_i18n::message(key, &[("stage", stage.as_str().into())]),
                    ))
                }
                None => {
                    met = false;
                    parts.push(tr!("diag-target-stage-absent", stage = st.to_string()));
                    None
                }
            },
        };
        if let Some((a, what)) = figure {
            let shown = WorkingDays::new(a).to_string();
            match t.days_min {
                // A published range: met when the figure lies inside it, ends included.
                Some(lo) => {
                    let ok = a >= lo.get() - 1e-9 && a <= w.get() + 1e-9;
                    met &= ok;
                    let key = if ok {
                        "diag-target-in-range"
                    } else {
                        "diag-target-out-of-range"
                    };
                    parts.push(permitflow_i18n::message(
                        key,
                        &[
                            ("figure", shown.as_str().into()),
                            ("what", what.as_str().into()),
                            ("min", lo.to_string().into()),
                            ("max", w.to_string().into()),
                        ],
                    ));
                }
                None => measured.push((a, w.get(), what, shown)),
            }
        }
    }
    for (key, bound, actual) in [
        ("diag-target-trips", t.trips, o.counts.trips),
        ("diag-target-forms", t.forms, o.counts.forms),
        ("diag-target-materials", t.materials, o.counts.materials),
        (
            "diag-target-departments",
            t.departments,
            o.counts.departments,
        ),
    ] {
        if let Some(b) = bound {
            let what = permitflow_i18n::message(key, &[("n", actual.into())]);
            measured.push((f64::from(actual), f64::from(b), what, actual.to_string()));
        }
    }
    for (actual, bound, what, shown) in measured {
        let ok = if t.exact {
            (actual - bound).abs() < 1e-9
        } else {
            actual <= bound + 1e-9
        };
        met &= ok;
        let op = match (t.exact, ok) {
            (true, true) => "=",
            (true, false) => "≠",
            (false, true) => "≤",
            (false, false) => ">",
        };
        parts.push(tr!(
            "diag-target-measured",
            figure = shown,
            what = what,
            op = op,
            bound = WorkingDays::new(bound).to_string()
        ));
    }
    (Some(met), parts.join(&tr!("diag-target-separator")))
}
