//! What the app does through the application layer (`permitflow-app`), driven by its menus
//! without a window (egui_kittest): opening an .xlsx item list, writing the HTML report,
//! exporting a schedule for MS Project, and the approval centre on a shipped portfolio.

mod common;

use std::path::Path;

use common::{harness, wait_until};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use permitflow_gui::{PermitflowApp, Settings};

const XLSX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/data/construction-permit.xlsx"
);

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut Harness<'static, PermitflowApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Opens the `Export` menu and picks `item`.
fn export_menu(h: &mut Harness<'static, PermitflowApp>, item: &str) {
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_open_bar_opens_an_xlsx_item_list() {
    let mut h = harness(PermitflowApp::new(Settings::default(), None));
    let field = by()
        .role(Role::TextInput)
        .predicate(|n| n.placeholder().is_some_and(|p| p.contains(".xlsx")));
    h.get(field.clone()).focus();
    h.run();
    h.get(field).type_text(XLSX);
    h.run();
    h.get_by_label("Open file").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.label, XLSX, "status: {}", app.status());
    assert!(!app.doc.valid.items.is_empty());
    assert!(app.status().starts_with("opened "), "{}", app.status());
    // Every regime of the item list is solved and listed.
    for r in &app.doc.valid.regimes {
        let o = app.comparison().outcome(r.name.as_str()).expect("solved");
        h.get_by_label(&format!("{}: {} working days", r.name, o.working_days()));
    }
}

#[test]
fn the_report_of_an_opened_xlsx_is_written_as_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("permit-report.html");
    let mut h = harness(PermitflowApp::new(
        Settings::default(),
        Some(Path::new(XLSX)),
    ));
    assert_eq!(h.state().doc.label, XLSX);
    export_menu(&mut h, "Write report (HTML)…");
    h.get_by_label("Write the report (HTML)");
    type_into(&mut h, "File path", &path.display().to_string());
    h.get_by_label("Write report").click();
    h.step();
    wait_until(&mut h, |h| {
        h.state().status().starts_with("wrote the report")
    });
    let html = std::fs::read_to_string(&path).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&h.state().doc.valid.name));
}

#[test]
fn a_schedule_is_exported_for_ms_project_csv_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(PermitflowApp::new(Settings::default(), None));
    let xml = dir.path().join("joint.xml");
    export_menu(&mut h, "Export schedule…");
    type_into(&mut h, "File path", &xml.display().to_string());
    h.get_by_label("Export schedule").click();
    h.run();
    let text = std::fs::read_to_string(&xml).expect("the MSPDI file was written");
    assert!(
        text.contains("<Project"),
        "{}",
        &text[..text.len().min(300)]
    );
    assert!(text.contains("first_registration") || text.contains("<Task>"));
    assert!(h.state().status().contains("exported the joint schedule"));

    // CSV: the format chosen changes the suggested extension.
    export_menu(&mut h, "Export schedule…");
    h.get_by_label("format").click_accesskit();
    h.run();
    h.get_by_label("CSV").click_accesskit();
    h.run();
    let csv = dir.path().join("joint.csv");
    type_into(&mut h, "File path", &csv.display().to_string());
    h.get_by_label("Export schedule").click();
    h.run();
    let text = std::fs::read_to_string(&csv).expect("the CSV file was written");
    assert!(text.contains("first_registration"));
}

#[test]
fn the_approval_centre_runs_a_shipped_portfolio_and_shows_its_tables() {
    let mut h = harness(PermitflowApp::new(Settings::default(), None));
    h.get_by_label("Approval centre").click();
    h.run();
    assert!(
        h.state()
            .settings
            .centre_portfolio
            .ends_with("mid-sized-city.toml")
    );
    h.get_by_label("Replications").set_value_accesskit(3.0);
    h.run();
    h.get_by_label("Run approval centre").click();
    h.step();
    wait_until(&mut h, |h| {
        h.query_by_label_contains("bottleneck:").is_some()
    });
    h.get_by_label("project type");
    h.get_by_label("utilisation");
    h.get_by_label_contains("social-investment housing: P80 ");
    assert!(h.get_all_by_label_contains(": utilisation ").count() > 1);
    h.get_by_label_contains("3 replications of 250 working days");
}

#[test]
fn a_cancelled_approval_centre_run_drops_its_result() {
    let mut h = harness(PermitflowApp::new(Settings::default(), None));
    h.get_by_label("Approval centre").click();
    h.run();
    h.get_by_label("Run approval centre").click();
    h.step(); // the click starts the run
    h.step(); // and the next frame shows its spinner and Cancel
    h.get_by_label("Cancel approval centre").click();
    h.run();
    assert!(h.state().status().contains("cancelled"));
    // Long enough for the run to have finished had it not been cancelled.
    std::thread::sleep(std::time::Duration::from_millis(300));
    h.run();
    assert!(h.query_by_label_contains("bottleneck:").is_none());
    h.get_by_label_contains("press “Run approval centre”");
}

#[test]
fn a_cancelled_simulation_is_not_started_again_until_asked() {
    let mut h = harness(PermitflowApp::new(Settings::default(), None));
    h.get_by_label("Simulation").click();
    h.step(); // the tab changes
    h.step(); // the simulation starts, with its spinner and Cancel
    h.get_by_label("Cancel simulation").click();
    h.run();
    assert!(h.state().status().contains("cancelled the simulation"));
    std::thread::sleep(std::time::Duration::from_millis(300));
    h.run();
    // Same inputs: not restarted by itself, and the cancelled result never shows.
    assert!(h.query_by_label("Cancel simulation").is_none());
    h.get_by_label("Press “Run simulation”.");
    h.get_by_label("Run simulation").click();
    h.step();
    wait_until(&mut h, |h| h.query_by_label("P80").is_some());
}
