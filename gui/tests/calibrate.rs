//! The calibration tab (issue 24, the app): the shipped sample log opened against the default
//! scenario lists its 21 items with their fits, and adopting the fitted numbers is one edit that
//! Ctrl+Z undoes; a log that cannot be read shows why, in the tab.

mod common;

use common::{default_app, wait_until};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use permitflow_gui::Tab;
use permitflow_model::Provenance;

#[test]
fn the_sample_log_lists_21_items_and_adopting_is_one_undoable_edit() {
    let mut h = default_app();
    h.state_mut().settings.tab = Tab::Calibrate;
    h.run();
    // The shipped sample log is filled in.
    assert!(
        h.state()
            .settings
            .calibrate_log
            .ends_with("sample-city-2025-generated.csv")
    );
    h.get_by_label("Open log").click();
    wait_until(&mut h, |h| {
        h.query_by_label("Adopt fitted numbers").is_some()
            || h.query_by_label_contains("No validation").is_some()
    });
    // A row per item, each with its cases.
    assert_eq!(h.query_all_by_label_contains(": cases ").count(), 21);
    h.get_by_label_contains("No record left out");
    h.get_by_label_contains("Validation: the fitted scenario simulated under joint");
    let before = h.state().doc.draft.clone();
    h.get_by_label("Adopt fitted numbers").click();
    h.run();
    let doc = &h.state().doc;
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert!(doc.can_undo() && doc.is_dirty());
    assert!(h.state().status().starts_with("fitted numbers of "));
    // Adopting changes nothing the measuring uses: the results are not called stale.
    assert!(
        h.query_by_label_contains("Measured against an earlier")
            .is_none(),
        "stale right after adopting"
    );
    // Every item with a fitted spread says where it came from.
    let fitted: Vec<_> = doc
        .draft
        .items
        .iter()
        .filter(|i| {
            matches!(&i.spread_source, Provenance::Source(s)
                if s.starts_with("fitted: ") && s.contains("sample-city-2025-generated.csv"))
        })
        .collect();
    assert_eq!(fitted.len(), 21);
    assert_ne!(doc.draft, before);
    // One Ctrl+Z takes all of it back.
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    h.run();
    assert_eq!(h.state().doc.draft, before);
    assert!(!h.state().doc.can_undo());
}

#[test]
fn a_log_that_cannot_be_read_shows_why_in_the_tab() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, "not,a,log\n1,2,3\n").expect("written");
    let mut h = default_app();
    h.state_mut().settings.tab = Tab::Calibrate;
    h.state_mut().settings.calibrate_log = path.display().to_string();
    h.run();
    h.get_by_label("Open log").click();
    wait_until(&mut h, |h| {
        h.query_by_label_contains("broken.csv").is_some()
    });
    assert!(h.query_by_label("Adopt fitted numbers").is_none());
}

#[test]
fn the_tab_speaks_chinese_with_the_items_by_their_chinese_names() {
    permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || {
        let mut h = default_app();
        h.state_mut().settings.tab = Tab::Calibrate;
        h.run();
        h.get_by_label("打开日志").click();
        wait_until(&mut h, |h| h.query_by_label("采用拟合数值").is_some());
        assert_eq!(h.query_all_by_label_contains(": 案件数 ").count(), 21);
        h.get_by_label("设计方案审查: 拟合分布 PERT 5.5 / 7.6 / 10");
        h.get_by_label_contains("没有记录被剔除");
    });
}

#[test]
fn bad_records_are_listed_with_their_line_and_case_and_the_rest_is_measured() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let scenario = root.join("tests/data/logs/base.toml");
    let mut h = common::harness(permitflow_gui::PermitflowApp::new(
        permitflow_gui::Settings::default(),
        Some(&scenario),
    ));
    h.state_mut().settings.tab = Tab::Calibrate;
    h.state_mut().settings.calibrate_log =
        root.join("tests/data/logs/bad.csv").display().to_string();
    h.run();
    h.get_by_label("Open log").click();
    wait_until(&mut h, |h| {
        h.query_by_label("Adopt fitted numbers").is_some()
    });
    h.get_by_label("7 records left out:");
    for row in [
        "line 4, case C1: unknown event `approved`",
        "line 7, case C1: the item `gas` is not in the scenario",
        "line 15, case C4: completed before the item was received",
        "… and 2 more",
    ] {
        h.get_by_label_contains(row);
    }
}
