//! The solver's errors in both languages: an infeasible deadline named constraint by constraint,
//! and a measure that cannot be applied.

mod common;

use common::{scenario, solve};
use permitflow_i18n::{Lang, with_lang};
use permitflow_solver::SolveError;

/// The scheme takes 5 working days, the permit 2 after it, but the permit has a deadline of 6:
/// one working day too many.
const LATE: &str = r#"
version = 1
name = "deadline"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "planning"
lead = "自然资源局"

[[items]]
id = "scheme"
department = "自然资源局"
stage = "planning"
days = 5

[[items]]
id = "permit"
department = "自然资源局"
stage = "planning"
days = 2
deadline = 6
after = ["scheme"]
"#;

#[test]
fn an_infeasible_deadline_is_explained_in_both_languages() {
    let s = scenario(LATE);
    let en = with_lang(Lang::En, || solve(&s, "parallel").unwrap_err().to_string());
    let zh = with_lang(Lang::ZhCn, || {
        solve(&s, "parallel").unwrap_err().to_string()
    });
    assert!(
        en.starts_with(
            "the plan is infeasible: these constraints cannot all hold (together they ask for 1 \
             working days more than they allow):\n  - "
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "`permit` finishes by working day offset 6 (deadline) and takes 2 working days"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "`permit` starts at least 0 working days after `scheme` finishes (link scheme → permit)"
        ),
        "{en}"
    );
    assert!(
        zh.starts_with("方案不可行：以下约束无法同时满足（合计要求比允许的多 1 个工作日）：\n  - "),
        "{zh}"
    );
    assert!(
        zh.contains("`permit` 须在第 6 个工作日前完成（最迟完成时间），办理需要 2 个工作日"),
        "{zh}"
    );
    assert!(
        zh.contains(
            "`permit` 须在 `scheme` 完成后至少 0 个工作日才能开始（前后置关系 scheme → permit）"
        ),
        "{zh}"
    );
    assert!(zh.contains("`scheme` 不能早于项目开始"), "{zh}");
    // One line per constraint in both.
    assert_eq!(en.matches("\n  - ").count(), zh.matches("\n  - ").count());
}

#[test]
fn error_texts_in_both_languages() {
    let e = SolveError::ConflictingMeasures {
        first: "cut_a".into(),
        second: "cut_b".into(),
        item: "permit".into(),
        first_days: "5".into(),
        second_days: "3".into(),
    };
    assert_eq!(
        with_lang(Lang::En, || e.to_string()),
        "measures `cut_a` and `cut_b` both set the limit of `permit` (to 5 and 3 working days): \
         keep one of them in the regime"
    );
    assert_eq!(
        with_lang(Lang::ZhCn, || e.to_string()),
        "改革措施 `cut_a` 和 `cut_b` 都设定了 `permit` 的时限（分别为 5 和 3 个工作日）：\
         请在该审批模式中只保留其一"
    );
    assert_eq!(
        with_lang(Lang::ZhCn, || SolveError::Cancelled.to_string()),
        "已取消"
    );
}
