//! Authoring in the desktop app, driven by its labels (egui_kittest): a scenario built from the
//! empty template, saved, reopened and solved to the hand-worked totals; a commented file saved
//! after an edit keeps its comments and layout; shipped scenarios are saved only as copies.

mod common;

use std::path::{Path, PathBuf};

use common::default_app;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use permitflow_gui::{Command, PermitflowApp, Source};

type H = Harness<'static, PermitflowApp>;

/// A stage to add: id, lead department, and its items (id, department, limit).
type StagePlan = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, f64)],
);

const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../scenarios/social-investment-housing.toml"
);

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn keys(h: &mut H, m: Modifiers, k: Key) {
    h.key_combination_modifiers(m, &[k]);
    h.run();
}

fn save_as(h: &mut H, path: &Path) {
    type_into(h, "File path", &path.display().to_string());
    click(h, "Save scenario");
}

fn open(h: &mut H, path: &Path) {
    h.state_mut()
        .push(Command::Open(Source::File(path.to_path_buf())));
    h.run();
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn a_three_stage_scenario_built_from_empty_is_saved_reopened_and_solved_by_hand() {
    let dir = temp_dir();
    let path = dir.path().join("three-stages.toml");
    let mut h = default_app();
    click(&mut h, "Author");
    click(&mut h, "Empty");
    assert_eq!(
        h.state().doc.label,
        "new scenario",
        "{}",
        h.state().status()
    );
    let plan: [StagePlan; 3] = [
        (
            "land",
            "Natural Resources Bureau",
            &[
                ("land_permit", "Natural Resources Bureau", 5.0),
                ("site_survey", "Surveying agency", 3.0),
            ],
        ),
        (
            "works",
            "Housing Bureau",
            &[
                ("drawing_review", "Drawing review agency", 10.0),
                ("fire_review", "Fire and Rescue Bureau", 6.0),
            ],
        ),
        (
            "done",
            "Housing Bureau",
            &[("acceptance", "Housing Bureau", 4.0)],
        ),
    ];
    for (stage, lead, items) in plan {
        type_into(&mut h, "New stage id", stage);
        type_into(&mut h, "lead", lead);
        click(&mut h, "Add stage");
        for (id, dept, days) in items {
            type_into(&mut h, "New item id", id);
            type_into(&mut h, "department", dept);
            h.get_by_label("limit (wd)").set_value_accesskit(*days);
            h.run();
            click(&mut h, "Add item");
        }
    }
    // The template's stage goes with its item, after the confirmation lists it.
    click(&mut h, "remove stage stage_1");
    h.get_by_label("• item `item_1` of this stage is removed");
    click(&mut h, "Remove with these");
    // A link, typed as the file writes it.
    type_into(&mut h, "predecessors of fire_review", "drawing_review");
    keys(&mut h, Modifiers::NONE, Key::Enter);
    // A regime composed from measures, and a target for it.
    type_into(&mut h, "New regime", "online");
    click(&mut h, "new regime: online_submission");
    click(&mut h, "Add regime");
    h.get_by_label("new target working days")
        .set_value_accesskit(25.0);
    h.run();
    click(&mut h, "Add target");
    {
        let doc = &h.state().doc;
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let s = &doc.valid;
        let stages: Vec<&str> = s.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(stages, ["land", "works", "done"]);
        let items: Vec<(&str, &str)> = s
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.stage.as_str()))
            .collect();
        assert_eq!(items.len(), 5, "{items:?} {}", h.state().status());
        assert_eq!(s.links.len(), 1);
        assert_eq!(s.targets.len(), 1);
        assert_eq!(s.targets[0].name, "online ≤ 25 working days");
    }
    // No file yet: Ctrl+S asks where.
    keys(&mut h, Modifiers::COMMAND, Key::S);
    save_as(&mut h, &path);
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    open(&mut h, &path);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    click(&mut h, "Compare regimes");
    // Serial: 5 + 3 + 10 + 6 + 4 = 28. Parallel: land max(5, 3) = 5, works 10 then 6 (the
    // link) = 16, done 4: 25; online submission saves trips, not days.
    h.get_by_label("serial: 28 working days");
    h.get_by_label("parallel: 25 working days");
    h.get_by_label("online: 25 working days");
    let app = h.state();
    let checks = &app.comparison().table.targets;
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].met, Some(true));
}

#[test]
fn saving_a_commented_file_after_an_edit_keeps_its_comments_and_layout() {
    let dir = temp_dir();
    let path: PathBuf = dir.path().join("housing.toml");
    std::fs::copy(SHIPPED, &path).expect("copied");
    let before = std::fs::read_to_string(&path).expect("read");
    let mut h = default_app();
    open(&mut h, &path);
    assert!(!h.state().doc.read_only);
    h.get_by_label("limit of first_registration")
        .set_value_accesskit(8.0);
    h.run();
    keys(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    let after = std::fs::read_to_string(&path).expect("saved");
    let comments = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(before.lines().count(), 538);
    assert_eq!(after.lines().count(), 538);
    assert_eq!(comments(&after), comments(&before));
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [(
            "days = { value = 5, source = \"assumed\" }",
            "days = { value = 8, source = \"assumed\" }"
        )]
    );
}

#[test]
fn a_shipped_scenario_opens_read_only_and_is_saved_as_a_copy() {
    let dir = temp_dir();
    let copy = dir.path().join("my-housing.toml");
    let shipped = Path::new(SHIPPED);
    let before = std::fs::read_to_string(shipped).expect("read");
    let mut h = default_app();
    open(&mut h, shipped);
    assert!(h.state().doc.read_only, "{}", h.state().status());
    h.get_by_label("limit of first_registration")
        .set_value_accesskit(8.0);
    h.run();
    // Ctrl+S asks for another name; the shipped path itself is refused.
    keys(&mut h, Modifiers::COMMAND, Key::S);
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert_ne!(Path::new(&suggested), shipped);
    save_as(&mut h, shipped);
    assert!(
        h.state().status().contains("shipped scenario (read only)"),
        "{}",
        h.state().status()
    );
    assert_eq!(std::fs::read_to_string(shipped).expect("read"), before);
    save_as(&mut h, &copy);
    assert!(!h.state().doc.read_only);
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    let text = std::fs::read_to_string(&copy).expect("saved");
    assert!(text.starts_with("# General social-investment housing project"));
}

#[test]
fn links_show_item_names_and_keep_ids_for_hover_and_labels() {
    // The all-approval flow's 19 links (the shipped default's 24 do not all fit the view).
    let mut h = common::approval_only_app();
    click(&mut h, "Links (19)");
    h.get_by_label("Site-selection opinion → Land-use planning permit");
    // The controls keep the ids in their labels.
    h.get_by_label("kind of link site_selection → land_use_permit");
}

#[test]
fn an_invalid_rename_is_listed_and_the_last_schedule_stays() {
    let mut h = default_app();
    click(&mut h, "Author");
    type_into(
        &mut h,
        "id of item first_registration",
        "first registration",
    );
    keys(&mut h, Modifiers::NONE, Key::Enter);
    assert!(!h.state().doc.problems.is_empty(), "{}", h.state().status());
    // The draft has the new id; the schedules are those of the last valid scenario.
    assert!(
        h.state()
            .doc
            .draft
            .items
            .iter()
            .any(|i| i.id.as_str() == "first registration")
    );
    click(&mut h, "Compare regimes");
    h.get_by_label_contains("joint: 36.5 approval days (");
    keys(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().doc.problems.is_empty());
}

#[test]
fn a_long_item_list_is_drawn_a_page_at_a_time_and_filtered() {
    let dir = temp_dir();
    let path = dir.path().join("long.toml");
    let mut text = String::from(
        "version = 1\nname = \"long\"\nstart = \"2025-03-03\"\n[[stages]]\nid = \"s\"\nlead = \"L\"\n",
    );
    for i in 0..100 {
        text.push_str(&format!(
            "[[items]]\nid = \"i{i}\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 1\n"
        ));
    }
    std::fs::write(&path, text).expect("written");
    let mut h = default_app();
    open(&mut h, &path);
    assert_eq!(h.state().doc.valid.items.len(), 100);
    click(&mut h, "Author");
    h.get_by_label("items 1–40 of 100");
    assert!(h.query_by_label("id of item i39").is_some());
    assert!(h.query_by_label("id of item i40").is_none());
    click(&mut h, "Next");
    h.get_by_label("items 41–80 of 100");
    assert!(h.query_by_label("id of item i40").is_some());
    type_into(&mut h, "Show", "i99");
    assert!(h.query_by_label("id of item i99").is_some());
    assert!(h.query_by_label("id of item i98").is_none());
}
