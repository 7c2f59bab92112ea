//! What a checked target measured, for people in the current language: "36.5 working days ≤ 60",
//! "工作日 36.5 ≤ 60" (`permitflow_solver::describe_target`). The solver's own `detail` (English)
//! stays in JSON, for programs.

use permitflow_solver::{Outcome, TargetCheck, describe_target};

/// What `check` measured on `outcome` (its regime's, `None` when it has no schedule), in the
/// current language.
pub fn target_detail(check: &TargetCheck, outcome: Option<&Outcome>) -> String {
    describe_target(&check.target, outcome).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_model::DayMeasure;
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
            if check.target.days.is_some() && check.target.stage.is_none() {
                // The measure the target bounds, by its Chinese name, then the figure.
                let measure = check.target.measure;
                let name = match measure {
                    DayMeasure::ApprovalDays => "审批用时",
                    DayMeasure::WorkingDays => "工作日",
                    DayMeasure::CalendarDays => "自然日",
                };
                let days = o.map(|o| o.days(measure).to_string()).unwrap_or_default();
                assert!(zh.starts_with(&format!("{name} {days} ")), "{zh}");
            }
        }
    }
}
