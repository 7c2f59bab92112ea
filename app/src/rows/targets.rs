//! What a checked target measured, for people in the current language: "36.5 working days ≤ 60",
//! "工作日 36.5 ≤ 60". The solver's own `detail` (English) stays in JSON, for programs.

use permitflow_i18n::tr;
use permitflow_model::WorkingDays;
use permitflow_solver::{Outcome, TargetCheck};

/// What `check` measured on `outcome` (its regime's, `None` when it has no schedule): each
/// bound's figure, the comparison (`≤`, `>`, or `=`, `≠` for exact figures) and the bound.
pub fn target_detail(check: &TargetCheck, outcome: Option<&Outcome>) -> String {
    let t = &check.target;
    let Some(o) = outcome else {
        return tr!("app-target-no-schedule", regime = t.regime.as_str());
    };
    let mut parts = Vec::new();
    // (measured, bound, what was measured, the figure as shown)
    let mut measured: Vec<(f64, f64, String, String)> = Vec::new();
    if let Some(w) = t.working_days {
        match &t.stage {
            None => {
                let a = o.working_days();
                let what = tr!("app-target-working-days", n = a.get());
                measured.push((a.get(), w.get(), what, a.to_string()));
            }
            Some(st) => match o.stages.iter().find(|sp| sp.covers(st)) {
                Some(sp) => measured.push((
                    sp.working_days.get(),
                    w.get(),
                    tr!("app-target-stage-working-days", stage = sp.label()),
                    sp.working_days.to_string(),
                )),
                None => parts.push(tr!("app-target-stage-absent", stage = st.to_string())),
            },
        }
    }
    for (key, bound, actual) in [
        ("app-target-trips", t.trips, o.counts.trips),
        ("app-target-forms", t.forms, o.counts.forms),
        ("app-target-materials", t.materials, o.counts.materials),
        (
            "app-target-departments",
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
        let op = match (t.exact, ok) {
            (true, true) => "=",
            (true, false) => "≠",
            (false, true) => "≤",
            (false, false) => ">",
        };
        parts.push(tr!(
            "app-target-measured",
            figure = shown,
            what = what,
            op = op,
            bound = WorkingDays::new(bound).to_string()
        ));
    }
    parts.join(&tr!("app-target-separator"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_solver::{Method, check_targets, evaluate_all};

    #[test]
    fn every_shipped_target_reads_in_both_languages() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
        let files = crate::library::scenario_files(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert!(files.len() > 10);
        for f in files {
            check_file(&f);
        }
    }

    fn check_file(path: &std::path::Path) {
        let loaded = crate::load(Some(path), None).unwrap_or_else(|e| panic!("{e}"));
        let s = &loaded.scenario;
        let outcomes = evaluate_all(s, &loaded.calendar, Method::Paths);
        let checks = check_targets(s, &outcomes);
        for check in &checks {
            let at = s
                .regimes
                .iter()
                .position(|r| r.name == check.target.regime)
                .unwrap_or_else(|| panic!("{}", check.target.regime));
            let o = outcomes[at].as_ref().ok();
            // English is the solver's own wording, word for word.
            let en = with_lang(Lang::En, || target_detail(check, o));
            assert_eq!(en, check.detail);
            let zh = with_lang(Lang::ZhCn, || target_detail(check, o));
            assert!(!zh.contains("working"), "{zh}");
            if check.target.working_days.is_some() && check.target.stage.is_none() {
                let days = o.map(|o| o.working_days().to_string()).unwrap_or_default();
                assert!(zh.starts_with(&format!("工作日 {days} ")), "{zh}");
            }
        }
    }
}
