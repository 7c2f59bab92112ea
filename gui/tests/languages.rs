//! The key desktop-app tests in English and in Chinese: the same clicks, the same numbers, the
//! labels found through the catalogue (`tr!`), and the Chinese a planner reads checked as
//! written.

mod common;

use common::{
    approval_days_cell, approval_only_app, default_app, in_both_languages, wait_until,
    working_days_cell,
};
use egui_kittest::kittest::Queryable;
use permitflow_i18n::{Lang, tr};

#[test]
fn the_comparison_reads_36_5_working_days_for_joint_in_both_languages() {
    in_both_languages(|lang| {
        let h = default_app();
        let app = h.state();
        // The published 36.5 (and the assumed 100.5 and 49.5) are approval days; elapsed, the
        // publicity, the investigation and a year of works come on top.
        h.get_by_label_contains(&approval_days_cell(app, "joint", "36.5"));
        h.get_by_label_contains(&approval_days_cell(app, "serial", "100.5"));
        h.get_by_label_contains(&approval_days_cell(app, "parallel", "49.5"));
        h.get_by_label(&working_days_cell(app, "joint", "303.5"));
        h.get_by_label(&working_days_cell(app, "serial", "368.5"));
        h.get_by_label(&working_days_cell(app, "parallel", "316.5"));
        h.get_by_label(&tr!("gui-tab-compare"));
        h.get_by_label(&tr!("gui-col-working-days"));
        if lang == Lang::ZhCn {
            // What a Chinese planner reads: the tab, the column, the regimes, the date.
            h.get_by_label("审批模式对比");
            h.get_by_label("全流程\n工作日");
            h.get_by_label("审批用时\n（较串联审批）");
            h.get_by_label("串联审批：368.5 个工作日");
            h.get_by_label("并联审批＋联合审查：303.5 个工作日");
            h.get_by_label("并联审批：316.5 个工作日");
            h.get_by_label_contains("并联审批＋联合审查：审批用时 36.5 个工作日（");
            // The default scenario applies on Monday 3 March 2025.
            h.get_by_label_contains("申请日期 2025年3月3日 星期一");
            assert!(h.query_by_label("Compare regimes").is_none());
        } else {
            h.get_by_label("joint: 303.5 working days");
            h.get_by_label_contains("joint: 36.5 approval days (");
            h.get_by_label_contains("application 2025-03-03 Mon");
        }
    });
}

#[test]
fn dropping_joint_review_and_undo_in_both_languages() {
    in_both_languages(|_| {
        let mut h = default_app();
        let toggle = tr!("gui-measure-on", measure = "joint_review", regime = "joint");
        h.get_by_label(&toggle).click();
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "49.5"));
        assert!(h.state().doc.is_dirty());
        h.get_by_label(&tr!("gui-undo")).click();
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "36.5"));
        assert!(!h.state().doc.is_dirty());
        assert_eq!(h.state().status(), tr!("gui-undone"));
    });
}

#[test]
fn editing_a_limit_moves_the_schedule_and_undo_redo_in_both_languages() {
    in_both_languages(|lang| {
        let mut h = default_app();
        // first_registration is on the joint regime's critical path: 3 days more, 3 days later.
        h.get_by_label(&tr!("gui-limit-of", id = "first_registration"))
            .set_value_accesskit(8.0);
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "39.5"));
        h.get_by_label(&tr!("gui-undo")).click();
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "36.5"));
        h.get_by_label(&tr!("gui-redo")).click();
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "39.5"));
        if lang == Lang::ZhCn {
            h.get_by_label("撤销");
            h.get_by_label_contains("并联审批＋联合审查：审批用时 39.5 个工作日（");
        }
    });
}

#[test]
fn an_invalid_limit_is_explained_in_both_languages() {
    in_both_languages(|lang| {
        let mut h = default_app();
        h.get_by_label(&tr!("gui-limit-of", id = "first_registration"))
            .set_value_accesskit(10.3);
        h.run();
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "36.5"));
        h.get_by_label(&tr!("gui-problems-invalid-edit"));
        assert!(!h.state().doc.problems.is_empty());
        if lang == Lang::ZhCn {
            h.get_by_label_contains("上一次修改使情景无效");
        }
    });
}

#[test]
fn the_simulation_tab_in_both_languages() {
    in_both_languages(|lang| {
        let mut h = default_app();
        h.get_by_label(&tr!("gui-tab-simulation")).click();
        h.step();
        wait_until(&mut h, |h| h.query_by_label("P80").is_some());
        h.get_by_label("P95");
        // One line per regime with its most critical items.
        assert_eq!(h.get_all_by_label(&tr!("gui-sim-most-critical")).count(), 4);
        if lang == Lang::ZhCn {
            h.get_by_label("模拟");
            h.get_by_label("达标概率");
        }
    });
}

#[test]
fn the_planner_reaches_30_working_days_in_both_languages() {
    in_both_languages(|lang| {
        // The planner bounds elapsed working days: the all-approval flow, 36.5 of them.
        let mut h = approval_only_app();
        // The target counted by hand, not the scenario's halfway default.
        h.state_mut().settings.plan_target_auto = false;
        h.get_by_label(&tr!("gui-tab-planner")).click();
        h.step();
        let adopt = tr!("gui-plan-adopt");
        wait_until(&mut h, |h| h.query_by_label(&adopt).is_some());
        h.get_by_label_contains(match lang {
            Lang::En => "reachable: 36.5 → 30 working days",
            Lang::ZhCn => "可以达到：36.5 → 30 个工作日",
        });
        h.get_by_label(&adopt).click();
        h.step();
        h.get_by_label(&tr!("gui-tab-compare")).click();
        wait_until(&mut h, |h| {
            h.query_by_label_contains(&approval_days_cell(h.state(), "joint", "30"))
                .is_some()
        });
        h.get_by_label(&tr!("gui-undo")).click();
        wait_until(&mut h, |h| {
            h.query_by_label_contains(&approval_days_cell(h.state(), "joint", "36.5"))
                .is_some()
        });
    });
}
