//! What a checked target measured, in the current language: "36.5 working days ≤ 60",
//! "工作日 36.5 ≤ 60". [`crate::check_targets`] keeps the English text in `TargetCheck::detail`
//! (for JSON and other programs); people's outputs ask here in their language.

use permitflow_i18n::tr;
use permitflow_model::{Target, WorkingDays};

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
        match &t.stage {
            None => {
                let a = o.working_days();
                let what = tr!("diag-target-working-days", n = a.get());
                measured.push((a.get(), w.get(), what, a.to_string()));
            }
            Some(st) => match o.stages.iter().find(|sp| sp.covers(st)) {
                Some(sp) => measured.push((
                    sp.working_days.get(),
                    w.get(),
                    tr!("diag-target-stage-working-days", stage = sp.label()),
                    sp.working_days.to_string(),
                )),
                None => {
                    met = false;
                    parts.push(tr!("diag-target-stage-absent", stage = st.to_string()));
                }
            },
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
