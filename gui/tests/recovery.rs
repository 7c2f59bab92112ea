//! Autosave and recovery (issue 22, in part): unsaved work is written to a recovery file every
//! 20 edits (and after 30 s of quiet); after a crash the next start offers it back, and the
//! recovered work opens as unsaved changes to the original file, which is never overwritten.

mod common;

use std::path::{Path, PathBuf};

use common::harness;
use egui_kittest::kittest::Queryable;
use permitflow_app::edit::Edit;
use permitflow_gui::command::Dialog;
use permitflow_gui::places::Places;
use permitflow_gui::{Command, PermitflowApp, Settings};
use permitflow_model::ItemId;

/// A copy of the default scenario in `dir/work`, the user's own file.
fn own_copy(dir: &Path) -> PathBuf {
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios/social-investment-housing.toml");
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    let file = work.join("housing.toml");
    std::fs::copy(src, &file).unwrap();
    file
}

fn recovery_files(places: &Places) -> Vec<PathBuf> {
    std::fs::read_dir(places.recovery_dir().expect("a data folder"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

fn limit(app: &PermitflowApp, id: &str) -> f64 {
    let item = ItemId::new(id);
    let i = app
        .doc
        .draft
        .items
        .iter()
        .find(|i| i.id == item)
        .expect("item");
    i.days.value.get()
}

/// Opens `file`, sets first_registration's limit (5 days) to 6, 7, … one edit at a time,
/// `edits` times, and returns the app.
fn edit(file: &Path, places: &Places, edits: u32) -> common::H {
    let app = PermitflowApp::with_places(Settings::default(), Some(file), places.clone());
    let mut h = harness(app);
    assert!(h.state().dialog().is_none(), "nothing to recover yet");
    assert_eq!(limit(h.state(), "first_registration"), 5.0);
    for k in 1..=edits {
        let e = Edit::Days {
            item: ItemId::new("first_registration"),
            days: 5.0 + f64::from(k),
        };
        h.state_mut().push(Command::Edit(e, false));
        h.run();
    }
    h
}

#[test]
fn twenty_edits_are_kept_and_recovered_after_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let file = own_copy(tmp.path());
    let before = std::fs::read(&file).unwrap();
    let places = Places::in_dir(&tmp.path().join("data"));
    let mut h = edit(&file, &places, 19);
    // 19 quick edits: not written yet (30 s of quiet or the 20th edit writes).
    assert!(recovery_files(&places).is_empty());
    h.state_mut().push(Command::Edit(
        Edit::Days {
            item: ItemId::new("first_registration"),
            days: 25.0,
        },
        false,
    ));
    h.run();
    assert_eq!(recovery_files(&places).len(), 1);
    // The crash: the app goes without quitting.
    drop(h);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut h = harness(PermitflowApp::with_places(
        Settings::default(),
        None,
        places.clone(),
    ));
    assert!(matches!(h.state().dialog(), Some(Dialog::Recover(_))));
    h.get_by_label_contains(&format!("Recover unsaved changes to {}", file.display()));
    h.get_by_label("Recover").click();
    h.run();
    // The edited limit is back, as an unsaved change to the original file.
    assert_eq!(limit(h.state(), "first_registration"), 25.0);
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(file.as_path()));
    assert!(
        h.state().doc.can_undo(),
        "the recovery is one undoable step"
    );
    // The user's file was never touched.
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Saved: the recovery file goes, the file has the limit.
    h.state_mut().push(Command::Save);
    h.run();
    h.run();
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    assert!(recovery_files(&places).is_empty());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("first_registration"));
    assert_ne!(saved.as_bytes(), before.as_slice());
    // The comments of the file stay.
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(
        comments(&saved),
        comments(&String::from_utf8(before).unwrap())
    );
}

#[test]
fn discarding_deletes_the_recovery_file_in_chinese_too() {
    permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || {
        let tmp = tempfile::tempdir().unwrap();
        let file = own_copy(tmp.path());
        let places = Places::in_dir(&tmp.path().join("data"));
        drop(edit(&file, &places, 20));
        assert_eq!(recovery_files(&places).len(), 1);
        let mut h = harness(PermitflowApp::with_places(
            Settings::default(),
            None,
            places.clone(),
        ));
        h.get_by_label_contains(&format!("对 {} 未保存的修改", file.display()));
        h.get_by_label("丢弃").click();
        h.run();
        assert!(recovery_files(&places).is_empty());
        assert!(h.state().dialog().is_none());
        assert!(!h.state().doc.is_dirty());
        // Nothing is offered at the next start.
        let h = harness(PermitflowApp::with_places(
            Settings::default(),
            None,
            places.clone(),
        ));
        assert!(h.state().dialog().is_none());
    });
}

#[test]
fn later_keeps_the_file_and_a_document_saved_since_is_not_offered() {
    let tmp = tempfile::tempdir().unwrap();
    let file = own_copy(tmp.path());
    let places = Places::in_dir(&tmp.path().join("data"));
    drop(edit(&file, &places, 20));
    let mut h = harness(PermitflowApp::with_places(
        Settings::default(),
        None,
        places.clone(),
    ));
    h.get_by_label("Later").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(recovery_files(&places).len(), 1);
    drop(h);
    // The user saved the file since (elsewhere): their file is newer than the recovered work.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text).unwrap();
    let h = harness(PermitflowApp::with_places(
        Settings::default(),
        None,
        places.clone(),
    ));
    assert!(h.state().dialog().is_none());
}

#[test]
fn quitting_cleanly_deletes_the_recovery_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = own_copy(tmp.path());
    let places = Places::in_dir(&tmp.path().join("data"));
    let mut h = edit(&file, &places, 20);
    assert_eq!(recovery_files(&places).len(), 1);
    h.state_mut().push(Command::Quit);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(h.state().quit_requested);
    assert!(recovery_files(&places).is_empty());
    // The file is as it was.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("first_registration"));
}
