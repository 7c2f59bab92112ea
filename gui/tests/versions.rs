//! The versions tab (egui_kittest): pin a small flow, cut a limit on its critical path, and
//! read the differences a planner checks by hand; undo keeps the pin; another file opened as B
//! is compared read-only, and a file that cannot be read says why.
//!
//! The flow (weekends calendar, application Monday 2025-03-03): land review `a` 10 wd →
//! design review `b` 15 wd → construction permit `c` 5 wd; fire check `d` 3 wd after `a`. In
//! parallel the chain a → b → c is critical: 30 working days. Cutting `b` to 10 wd gives 25:
//! −5 working days, `b` finishes on day 20 instead of 25 and `c` starts on day 20 instead of 25
//! (Monday 31 March instead of Monday 7 April).

mod common;

use common::harness;
use egui_kittest::kittest::Queryable;
use permitflow_app::edit::Edit;
use permitflow_gui::{Command, PermitflowApp, Settings, Tab};
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::{ItemId, RegimeName};

const FLOW: &str = r#"
version = 1
name = "Versions test"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
name = "Permits"
lead = "Bureau"

[[items]]
id = "a"
name = "Land review"
department = "Bureau"
stage = "s"
days = 10

[[items]]
id = "b"
name = "Design review"
department = "Bureau"
stage = "s"
days = 15
after = ["a"]

[[items]]
id = "c"
name = "Construction permit"
department = "Bureau"
stage = "s"
days = 5
after = ["b"]

[[items]]
id = "d"
name = "Fire check"
department = "Fire"
stage = "s"
days = 3
after = ["a"]

[[regimes]]
name = "parallel"
base = "parallel"
"#;

fn app_on(path: &std::path::Path) -> common::H {
    let settings = Settings {
        tab: Tab::Versions,
        ..Settings::default()
    };
    harness(PermitflowApp::new(settings, Some(path)))
}

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut common::H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Runs until a pushed command is applied and the frame after it drawn.
fn settle(h: &mut common::H) {
    h.run();
    h.step();
    h.run();
}

#[test]
fn pin_cut_a_limit_and_read_the_difference() {
    with_lang(Lang::En, || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.toml");
        std::fs::write(&path, FLOW).unwrap();
        let mut h = app_on(&path);
        // Nothing pinned: A and B are both the current version.
        h.get_by_label("A and B are the same scenario: nothing differs.");
        h.get_by_label("Pin this version").click();
        h.run();
        assert_eq!(h.state().doc.valid.items.len(), 4);
        h.state_mut().push(Command::Edit(
            Edit::Days {
                item: ItemId::new("b"),
                days: 10.0,
            },
            false,
        ));
        settle(&mut h);
        let regime = h
            .state()
            .doc
            .valid
            .regime_label(&RegimeName::new("parallel"));
        // The regime: 30 → 25 elapsed working days, a week (7 calendar days) sooner.
        h.get_by_label(&format!(
            "{regime} — Elapsed working days A: 30 working days"
        ));
        h.get_by_label(&format!(
            "{regime} — Elapsed working days B: 25 working days"
        ));
        h.get_by_label(&format!(
            "{regime} — Elapsed working days B − A: -5 working days"
        ));
        h.get_by_label(&format!(
            "{regime} — Calendar days (last approval) B − A: -7 calendar days"
        ));
        // The item cut, and its successor starting five working days sooner.
        h.get_by_label("Design review — Limit: 15 wd → 10 wd (-5)");
        h.get_by_label("Design review — Finish (working day): 25 → 20 (-5)");
        h.get_by_label("Construction permit — Start (working day): 25 → 20 (-5)");
        // The model's change in a sentence.
        h.get_by_label("limit of Design review 15 → 10 working days");
        // Only rows that differ: the land review is the same in both.
        assert!(h.query_by_label("Land review — Limit: 10 wd").is_none());
        // Undo: the pin stays, and the current version is the pinned one again.
        h.state_mut().push(Command::Undo);
        settle(&mut h);
        h.get_by_label("A and B are the same scenario: nothing differs.");
        assert!(
            h.query_by_label("limit of Design review 15 → 10 working days")
                .is_none()
        );
        // Show every item: the land review's row appears, equal in both.
        h.get_by_label("Show every item (not only those that differ)")
            .click();
        h.run();
        h.get_by_label("Land review — Limit: 10 wd");
    });
}

#[test]
fn another_file_as_b_and_a_file_that_cannot_be_read() {
    with_lang(Lang::En, || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.toml");
        std::fs::write(&path, FLOW).unwrap();
        // The other file: the fire check removed and its limit gone with it.
        let other = dir.path().join("other.toml");
        let cut = FLOW.replace(
            "[[items]]\nid = \"d\"\nname = \"Fire check\"\ndepartment = \"Fire\"\nstage = \"s\"\ndays = 3\nafter = [\"a\"]\n",
            "",
        );
        assert_ne!(cut, FLOW);
        std::fs::write(&other, &cut).unwrap();
        let mut h = app_on(&path);
        // B: another file. First a path that does not exist: the error is shown, no panic.
        let choose_file = |h: &mut common::H| {
            // B's chooser, labelled by its "Version B:" label.
            let b = h.get_all_by_label("Version B:").last();
            b.expect("B's chooser").click();
            h.run();
            h.get_by_label("Another scenario file…").click();
            h.run();
        };
        choose_file(&mut h);
        let field = "File for B:";
        let missing = dir.path().join("missing.toml");
        type_into(&mut h, field, &missing.display().to_string());
        h.get_by_label("Read file").click();
        h.run();
        // The error names the file (a label and its text run), and the app goes on.
        let error = format!(
            "{}: cannot read the file: No such file or directory (os error 2) \
             (check the path and that you may read the file)",
            missing.display()
        );
        assert!(h.query_all_by_label(&error).count() >= 1);
        // The real file: the fire check is listed as removed.
        type_into(&mut h, field, &other.display().to_string());
        h.get_by_label("Read file").click();
        h.run();
        h.get_by_label("item Fire check removed");
        h.get_by_label("Fire check — Limit: 3 wd → —");
    });
}

#[test]
fn in_chinese_the_cells_and_changes_speak_chinese() {
    with_lang(Lang::ZhCn, || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.toml");
        std::fs::write(&path, FLOW).unwrap();
        let mut h = app_on(&path);
        h.get_by_label("固定此版本").click();
        h.run();
        h.state_mut().push(Command::Edit(
            Edit::Days {
                item: ItemId::new("b"),
                days: 10.0,
            },
            false,
        ));
        settle(&mut h);
        h.get_by_label("Design review — 时限：15 工作日 → 10 工作日 (-5)");
        h.get_by_label("Construction permit — 开始（第几个工作日）：25 → 20 (-5)");
        h.get_by_label("「Design review」的时限 15 → 10 个工作日");
    });
}
