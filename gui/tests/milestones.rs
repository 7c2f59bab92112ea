//! The comparison tab's milestones table, in both languages: when each milestone of the
//! scenario is reached under each regime.

mod common;

use common::{harness, in_both_languages};
use egui_kittest::kittest::Queryable;
use permitflow_gui::{PermitflowApp, Settings};
use permitflow_i18n::{Lang, tr};

/// The shipped default scenario's all-approval flow (without its publicity, investigation and
/// works: the dates below are counted by hand on it) with one milestone: the first registration.
fn scenario() -> String {
    let shipped = common::approval_only(include_str!(
        "../../scenarios/social-investment-housing.toml"
    ));
    format!(
        "{shipped}\n[[milestones]]\nid = \"registered\"\n\
         name = {{ zh = \"不动产首次登记\", en = \"First registration\" }}\n\
         item = \"first_registration\"\n"
    )
}

#[test]
fn the_comparison_dates_each_milestone_under_each_regime_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("m.toml");
    std::fs::write(&path, scenario()).expect("written");
    in_both_languages(|lang| {
        let h = harness(PermitflowApp::new(Settings::default(), Some(&path)));
        h.get_by_label(&tr!("gui-compare-milestones"));
        let days = tr!("app-milestone-col-days");
        if lang == Lang::ZhCn {
            h.get_by_label("里程碑：各审批模式下的达到日期，天数自申请日起计");
            // Under parallel approval the developer registers on working day 49.5, Wednesday
            // 14 May 2025, 51 working and 72 calendar days sooner than under serial approval.
            h.get_by_label(&format!("不动产首次登记: {days} 49.5 / 49.5 / 73"));
            h.get_by_label("不动产首次登记: 日期 2025年5月14日");
            h.get_by_label("不动产首次登记: 较串联\n工作日/自然日 -51 / -72");
        } else {
            h.get_by_label(&format!("First registration: {days} 49.5 / 49.5 / 73"));
            h.get_by_label("First registration: Date 2025-05-14");
            h.get_by_label("First registration: vs serial:\nworking / calendar -51 / -72");
        }
    });
}

#[test]
fn without_milestones_there_is_no_milestones_table() {
    let h = common::approval_only_app();
    assert!(h.query_by_label(&tr!("gui-compare-milestones")).is_none());
}
