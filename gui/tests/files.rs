//! Files like a desktop program (issue 22, in part): the built-in file browser (where no
//! native dialog is shown: tests, CI, minimal desktops) opens with Ctrl+O in the open file's
//! folder, lists folders and the files it opens, and opens what is clicked; dropped files open
//! by what they are; Ctrl+P makes the print page of the tab shown.

mod common;

use std::path::{Path, PathBuf};

use common::{harness, wait_until};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use permitflow_gui::command::{Dialog, PickFor};
use permitflow_gui::places::Places;
use permitflow_gui::{Command, PermitflowApp, Settings, Tab};

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../scenarios")
        .join(name)
}

/// A work folder: two scenarios, a note, a sub-folder.
fn work(dir: &Path) -> PathBuf {
    let work = dir.join("work");
    std::fs::create_dir_all(work.join("archive")).unwrap();
    std::fs::copy(
        shipped("social-investment-housing.toml"),
        work.join("housing.toml"),
    )
    .unwrap();
    std::fs::copy(shipped("industrial.toml"), work.join("industrial.toml")).unwrap();
    std::fs::write(work.join("notes.txt"), "not a scenario").unwrap();
    work
}

fn app_on(file: &Path, data: &Path) -> common::H {
    let app = PermitflowApp::with_places(Settings::default(), Some(file), Places::in_dir(data));
    harness(app)
}

#[test]
fn ctrl_o_shows_the_folder_of_the_open_file_and_opens_the_file_clicked() {
    let tmp = tempfile::tempdir().unwrap();
    let work = work(tmp.path());
    let mut h = app_on(&work.join("housing.toml"), &tmp.path().join("data"));
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
    h.run();
    assert_eq!(h.state().dialog(), Some(&Dialog::Open));
    h.get_by_label("Open a file");
    // Folders, then the files permitflow opens; not the note.
    h.get_by_label("archive/");
    h.get_by_label("housing.toml");
    assert!(h.query_by_label("notes.txt").is_none());
    h.get_by_label_contains("Showing folders and *.toml *.json *.csv *.xlsx *.xes files");
    h.get_by_label("industrial.toml").click();
    h.run();
    let field = h.get_by_label("File path");
    assert_eq!(
        field.value().unwrap_or_default(),
        work.join("industrial.toml").display().to_string()
    );
    h.get_by_label("Open the file").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(work.join("industrial.toml").as_path())
    );
    assert!(
        h.state().status().contains("industrial.toml"),
        "{}",
        h.state().status()
    );
}

#[test]
fn a_folder_clicked_is_listed_and_escape_cancels() {
    let tmp = tempfile::tempdir().unwrap();
    let work = work(tmp.path());
    std::fs::copy(
        shipped("construction-permit.csv"),
        work.join("archive/items.csv"),
    )
    .unwrap();
    let mut h = app_on(&work.join("housing.toml"), &tmp.path().join("data"));
    h.state_mut().push(Command::ShowDialog(Dialog::Open));
    h.run();
    h.get_by_label("archive/").click();
    h.run();
    h.get_by_label("items.csv");
    assert!(h.query_by_label("housing.toml").is_none());
    // Up: back to the work folder.
    h.get_by_label("Up").click();
    h.run();
    h.get_by_label("housing.toml");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(work.join("housing.toml").as_path())
    );
}

#[test]
fn the_save_as_browser_lists_scenarios_in_chinese() {
    permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || {
        let tmp = tempfile::tempdir().unwrap();
        let work = work(tmp.path());
        let mut h = app_on(&work.join("housing.toml"), &tmp.path().join("data"));
        h.state_mut().push(Command::ShowDialog(Dialog::SaveAs));
        h.run();
        h.get_by_label("情景另存为");
        h.get_by_label_contains("显示文件夹和 *.toml *.json 文件");
        h.get_by_label("industrial.toml");
        // Into the sub-folder: the name being saved is kept.
        h.get_by_label("archive/").click();
        h.run();
        let field = h.get_by_label("文件路径");
        assert_eq!(
            field.value().unwrap_or_default(),
            work.join("archive/housing.toml").display().to_string()
        );
    });
}

#[test]
fn ctrl_p_writes_the_comparison_page_to_the_cache_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let work = work(tmp.path());
    let data = tmp.path().join("data");
    let mut h = app_on(&work.join("housing.toml"), &data);
    assert_eq!(h.state().settings.tab, Tab::Compare);
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::P]);
    h.run();
    let page = data.join("cache/print/housing-compare.html");
    wait_until(&mut h, |h| {
        h.state().status().starts_with("Wrote the print page")
    });
    assert_eq!(
        h.state().status(),
        format!("Wrote the print page {}.", page.display())
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<h2>Regimes compared</h2>"));
    assert!(html.contains("<h2>Schedules</h2>"));
    // The comparison only: no simulation, no sources.
    assert!(!html.contains("<h2>Uncertainty</h2>"));
    assert!(!html.contains("<h2>Sources</h2>"));
    // The user's folder has no page in it.
    assert!(!work.join("housing-compare.html").exists());
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_open_by_what_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let work = work(tmp.path());
    let mut h = app_on(&work.join("housing.toml"), &tmp.path().join("data"));
    let drop_file = |h: &mut common::H, p: &Path| {
        let file: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(p.to_path_buf()));
        h.input_mut().dropped_files.push(file);
        h.run();
    };
    // A scenario opens (no unsaved changes: at once).
    drop_file(&mut h, &work.join("industrial.toml"));
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(work.join("industrial.toml").as_path())
    );
    // With unsaved changes, the question first.
    h.state_mut().push(Command::Edit(
        permitflow_app::edit::Edit::Start(chrono::NaiveDate::from_ymd_opt(2031, 7, 15).unwrap()),
        false,
    ));
    h.run();
    assert!(h.state().doc.is_dirty());
    drop_file(&mut h, &work.join("housing.toml"));
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(work.join("housing.toml").as_path())
    );
    // An event log goes to the calibration tab.
    let log = shipped("logs/sample-city-2025-generated.csv");
    let file: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(log.clone()));
    h.input_mut().dropped_files.push(file);
    // The calibration runs on a worker: a few frames, not until it settles.
    h.step();
    h.step();
    assert_eq!(h.state().settings.tab, Tab::Calibrate);
    assert_eq!(h.state().settings.calibrate_log, log.display().to_string());
}

#[test]
fn browse_chooses_the_calibration_log_and_the_calendar_file() {
    let tmp = tempfile::tempdir().unwrap();
    let work = work(tmp.path());
    std::fs::copy(
        shipped("logs/sample-city-2025-generated.csv"),
        work.join("log.csv"),
    )
    .unwrap();
    let mut h = app_on(&work.join("housing.toml"), &tmp.path().join("data"));
    h.state_mut()
        .push(Command::ShowDialog(Dialog::Pick(PickFor::EventLog)));
    h.run();
    h.get_by_label("Choose an event log (CSV or XES)");
    // Only logs: no scenarios.
    assert!(h.query_by_label("housing.toml").is_none());
    h.get_by_label("log.csv").click();
    h.run();
    h.get_by_label("Choose").click();
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().settings.calibrate_log,
        work.join("log.csv").display().to_string()
    );
    assert_eq!(h.state().settings.tab, Tab::Compare, "chosen, not run");
    // A holiday file chosen for the calendar is applied at once.
    let holidays = work.join("2027.json");
    std::fs::write(
        &holidays,
        r#"{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#,
    )
    .unwrap();
    h.state_mut()
        .push(Command::ShowDialog(Dialog::Pick(PickFor::Calendar)));
    h.run();
    h.get_by_label("2027.json").click();
    h.run();
    h.get_by_label("Choose").click();
    h.run();
    assert_eq!(
        h.state().settings.calendar_file,
        holidays.display().to_string(),
        "{}",
        h.state().status()
    );
}
