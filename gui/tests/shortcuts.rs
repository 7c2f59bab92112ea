//! Keyboard shortcuts and the save-then-continue flow, as a planner uses them (issue 22, in
//! part): redo with Ctrl+Shift+Z and Ctrl+Y, shortcuts while a checkbox has the focus, and
//! "Save changes" that goes on to quit once the file is saved.

mod common;

use common::default_app;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use permitflow_gui::PermitflowApp;
use permitflow_model::{Format, parse_scenario};

fn keys(h: &mut Harness<'static, PermitflowApp>, m: Modifiers, k: Key) {
    h.key_combination_modifiers(m, &[k]);
    h.run();
}

#[test]
fn ctrl_z_undoes_and_ctrl_shift_z_and_ctrl_y_redo() {
    let mut h = default_app();
    h.get_by_label("joint_review on joint").click();
    h.run();
    h.get_by_label_contains("joint: 49.5 approval days (");
    // The checkbox just clicked keeps the keyboard focus: the shortcuts still work.
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    h.get_by_label_contains("joint: 36.5 approval days (");
    assert!(!h.state().doc.is_dirty());
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.get_by_label_contains("joint: 49.5 approval days (");
    assert_eq!(h.state().status(), "redone");
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    h.get_by_label_contains("joint: 36.5 approval days (");
    keys(&mut h, Modifiers::COMMAND, Key::Y);
    h.get_by_label_contains("joint: 49.5 approval days (");
}

#[test]
fn shortcuts_work_while_a_checkbox_has_the_focus() {
    let mut h = default_app();
    h.get_by_label("online_submission on joint").click();
    h.run();
    h.get_by_label("joint: 0 trips");
    h.get_by_label("joint_review on joint").focus();
    h.run();
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    h.get_by_label("joint: 4 trips");
    assert_eq!(h.state().status(), "undone");
}

#[test]
fn save_changes_before_quitting_asks_for_a_path_saves_and_then_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.toml");
    let mut h = default_app();
    h.get_by_label("joint_review on joint").click();
    h.run();
    keys(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Unsaved changes");
    assert!(!h.state().quit_requested);
    h.get_by_label("Save changes").click();
    h.run();
    // The built-in scenario has no file: the save-as dialog opens with its path field focused
    // and a full path suggested.
    h.get_by_label("Save scenario");
    let suggested = h.get_by_label("File path");
    let value = suggested.value().unwrap_or_default();
    assert!(
        std::path::Path::new(&value).is_absolute(),
        "suggested {value}"
    );
    assert!(suggested.is_focused());
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.run();
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save scenario").click();
    h.run();
    assert!(h.state().quit_requested, "status: {}", h.state().status());
    let text = std::fs::read_to_string(&path).expect("saved");
    let s = parse_scenario(&text, "mine.toml", Format::Toml).expect("reads back");
    // Saved as the file says it: the attributes and every `when` (three conditional items).
    assert_eq!(s, h.state().doc.unresolved);
    assert_eq!(s.rules.items.len(), 3, "{:?}", s.rules);
}

#[test]
fn cancelling_the_save_as_dialog_forgets_the_quit() {
    let mut h = default_app();
    h.get_by_label("joint_review on joint").click();
    h.run();
    keys(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Save changes").click();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().quit_requested);
    assert!(h.state().doc.is_dirty());
}
