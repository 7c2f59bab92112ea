//! Project attributes, `when` conditions and the reform measures' parameters in the desktop app,
//! driven by its labels (egui_kittest): the civil-air-defence item list worked out for 500 m²
//! and 5,000 m² of basement (the README's hand-worked totals), a conditional scenario edited,
//! saved and reopened with its conditions, a `when` typed with a mistake shows the parser's
//! message, and a verification failure rate set in the form is saved.

mod common;

use std::path::{Path, PathBuf};

use common::default_app;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use permitflow_gui::{Command, PermitflowApp, Source};
use permitflow_model::ItemId;

type H = Harness<'static, PermitflowApp>;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name)
}

fn open(h: &mut H, path: &Path) {
    h.state_mut()
        .push(Command::Open(Source::File(path.to_path_buf())));
    h.run();
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Replaces the text of the field labelled `label` with `text` and presses Enter.
fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// A copy of a test file in a fresh folder (the folder lives as long as the returned guard).
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::copy(data(name), &path).expect("copied");
    (dir, path)
}

#[test]
fn the_underground_area_changes_the_totals_as_worked_by_hand() {
    let mut h = default_app();
    open(&mut h, &data("civil-air-defence.csv"));
    assert!(
        h.state().doc.label.ends_with("civil-air-defence.csv"),
        "{}",
        h.state().status()
    );
    click(&mut h, "Author");
    // No default in an item list: 0 stands in, the civil-air-defence items are left out.
    h.get_by_label_contains("underground_area = 0");
    h.get_by_label_contains("Civil-air-defence design approval (civil_air_defence)");
    h.get_by_label("value of underground_area")
        .set_value_accesskit(500.0);
    h.run();
    click(&mut h, "Compare regimes");
    // By hand: serial 10+5+10+5+1+5+1 = 37; parallel 15+11+6 = 32.
    h.get_by_label("serial: 37 working days");
    h.get_by_label("parallel: 32 working days");
    click(&mut h, "Author");
    h.get_by_label("value of underground_area")
        .set_value_accesskit(5000.0);
    h.run();
    assert!(h.state().doc.dropped.is_empty());
    click(&mut h, "Compare regimes");
    // With the design approval (5) and the completion acceptance (7): 49; parallel 15+16+8 = 39.
    h.get_by_label("serial: 49 working days");
    h.get_by_label("parallel: 39 working days");
    assert!(!h.state().doc.is_dirty(), "a value in use is not an edit");
    // Made the default: one undoable edit; undone, the values in use stay the planner's.
    click(&mut h, "Author");
    click(&mut h, "Make these the defaults");
    let a = h.state().doc.draft.rules.attributes[0].clone();
    assert_eq!(
        a.default,
        Some(permitflow_model::rules::Value::Number(5000.0))
    );
    assert!(h.state().doc.is_dirty());
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.draft.rules.attributes[0].default, None);
}

#[test]
fn a_conditional_scenario_edited_saved_and_reopened_keeps_its_conditions() {
    let (_dir, path) = copy("conditional-items.toml");
    let mut h = default_app();
    open(&mut h, &path);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    h.get_by_label("limit of planning_permit")
        .set_value_accesskit(6.0);
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::S]);
    h.run();
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    open(&mut h, &path);
    let d = &h.state().doc;
    assert_eq!(d.draft.items.len(), 4);
    assert_eq!(d.valid.items.len(), 3);
    let when = |id: &str| {
        d.draft
            .rules
            .items
            .get(&ItemId::new(id))
            .map(|c| c.text.clone())
    };
    assert_eq!(
        when("civil_air_defence").as_deref(),
        Some("underground_area >= 1000")
    );
    assert_eq!(
        when("environmental_assessment").as_deref(),
        Some("not in_assessed_area")
    );
    assert_eq!(d.draft.rules.links.len(), 1);
    assert_eq!(
        d.draft
            .item(&ItemId::new("planning_permit"))
            .map(|i| i.days.value.get()),
        Some(6.0)
    );
}

#[test]
fn a_when_with_a_mistake_shows_the_parsers_message_and_a_good_one_applies() {
    let mut h = default_app();
    open(&mut h, &data("conditional-items.toml"));
    click(&mut h, "Author");
    type_into(
        &mut h,
        "condition of planning_permit",
        "underground_area >=",
    );
    // The parser's message, at the column after `>=` (20).
    h.get_by_label_contains("(column 20)");
    assert!(!h.state().doc.can_undo(), "nothing applied");
    type_into(
        &mut h,
        "condition of planning_permit",
        "underground_area >= 100",
    );
    let d = &h.state().doc;
    assert_eq!(
        d.draft
            .rules
            .items
            .get(&ItemId::new("planning_permit"))
            .map(|c| c.text.as_str()),
        Some("underground_area >= 100")
    );
    // underground_area = 0: the planning permit is now left out too.
    assert!(d.dropped.contains(&ItemId::new("planning_permit")));
    assert_eq!(d.valid.items.len(), 2);
    // A link's condition, in the same way: an unknown attribute is named, a good one applies.
    let link = "condition of link planning_permit → construction_permit";
    type_into(&mut h, link, "investmnt = 'social'");
    h.get_by_label_contains("`investmnt` is not a project attribute");
    type_into(&mut h, link, "investment = 'social'");
    let key = (
        ItemId::new("planning_permit"),
        ItemId::new("construction_permit"),
    );
    assert_eq!(
        h.state()
            .doc
            .draft
            .rules
            .links
            .get(&key)
            .map(|c| c.text.as_str()),
        Some("investment = 'social'")
    );
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(
        h.state()
            .doc
            .draft
            .rules
            .links
            .get(&key)
            .map(|c| c.text.as_str()),
        Some("investment = 'government'")
    );
}

#[test]
fn a_verification_failure_rate_set_in_the_form_is_saved() {
    let (_dir, path) = copy("measure-commitment.toml");
    let mut h = default_app();
    open(&mut h, &path);
    click(&mut h, "Author");
    h.get_by_label("verification failure rate of commit")
        .set_value_accesskit(25.0);
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::S]);
    h.run();
    assert!(!h.state().doc.is_dirty(), "{}", h.state().status());
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(text.contains("failure_rate = 0.25"), "{text}");
}

/// The family's variants in a picker: `tests/data/variants-family.toml` (planning permit 5,
/// environmental assessment 10 unless in an assessed area, civil air defence 5 from 1,000 m²
/// underground, construction permit 1). Serial by hand: default 5 + 10 + 1 = 16, deep
/// 5 + 10 + 5 + 1 = 21, assessed 5 + 1 = 6. A value typed by hand is "values of your own".
#[test]
fn a_variant_picked_works_the_flow_out_for_it() {
    let mut h = default_app();
    open(&mut h, &data("variants-family.toml"));
    click(&mut h, "Author");
    h.get_by_label("project variant").click();
    h.run();
    click(&mut h, "Deep basement (deep)");
    assert_eq!(
        h.state().doc.project_in_use(),
        permitflow_app::edit::Project::Variant("deep")
    );
    click(&mut h, "Compare regimes");
    h.get_by_label("serial: 21 working days");
    assert!(!h.state().doc.is_dirty(), "a variant in use is not an edit");
    click(&mut h, "Author");
    h.get_by_label("project variant").click();
    h.run();
    click(&mut h, "In an assessed area (assessed)");
    click(&mut h, "Compare regimes");
    h.get_by_label("serial: 6 working days");
    click(&mut h, "Author");
    h.get_by_label("value of underground_area")
        .set_value_accesskit(500.0);
    h.run();
    assert_eq!(
        h.state().doc.project_in_use(),
        permitflow_app::edit::Project::Own
    );
    h.get_by_label("project variant").click();
    h.run();
    click(&mut h, "the default project");
    click(&mut h, "Compare regimes");
    h.get_by_label("serial: 16 working days");
}
