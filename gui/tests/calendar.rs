//! The desktop app and calendars past the shipped years (issue 18): a banner says when the
//! holidays are provisional; a holiday-cn file can be loaded, replaces the provisional days and
//! is remembered; forgetting it brings the warning back.

use egui_kittest::kittest::Queryable;
use permitflow_gui::{Command, PermitflowApp, Settings};

mod common;
use common::harness;

/// Ten days from Friday 23 April 2027, one item.
const SCENARIO: &str = "version = 1\nname = \"Ten days over Labour Day 2027\"\nstart = \"2027-04-23\"\n\
[[stages]]\nid = \"s\"\nlead = \"L\"\n[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 10\n\
[[regimes]]\nname = \"parallel\"\nbase = \"parallel\"\n";

const NOTICE: &str = r#"{"year": 2027, "days": [
    {"name": "劳动节", "date": "2027-04-25", "isOffDay": false},
    {"name": "劳动节", "date": "2027-05-01", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-02", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-04", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-05", "isOffDay": true}]}"#;

fn end_date(app: &PermitflowApp) -> String {
    let row = &app.comparison().table.rows[0];
    row.result.as_ref().unwrap().end_date.to_string()
}

const BANNER: &str = "holidays in 2027 are provisional";

#[test]
fn a_calendar_file_replaces_the_provisional_days_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    let notice = dir.path().join("cn-2027.json");
    std::fs::write(&notice, NOTICE).unwrap();

    let mut h = harness(PermitflowApp::new(Settings::default(), Some(&scenario)));
    // Provisional: 23, 26–30 April, 3–6 May.
    assert_eq!(end_date(h.state()), "2027-05-06");
    h.get_by_label_contains(BANNER);

    h.state_mut()
        .push(Command::UseCalendar(Some(notice.clone())));
    h.run();
    // The notice: Sunday 25 April works, 3–5 May are off: 23, 25–30 April, 6, 7, 10 May.
    assert_eq!(end_date(h.state()), "2027-05-10");
    assert!(h.query_by_label_contains(BANNER).is_none());
    assert_eq!(
        h.state().settings.calendar_file,
        notice.display().to_string()
    );
    h.get_by_label_contains("calendar file: ");
    let remembered = h.state().settings.clone();

    // The next start opens with it.
    let h2 = harness(PermitflowApp::new(remembered, Some(&scenario)));
    assert_eq!(end_date(h2.state()), "2027-05-10");

    // Forgetting it brings the provisional days and the banner back.
    h.get_by_label("Forget calendar file").click();
    h.run();
    assert_eq!(end_date(h.state()), "2027-05-06");
    assert_eq!(h.state().settings.calendar_file, "");
    h.get_by_label_contains(BANNER);
}

#[test]
fn a_calendar_file_that_cannot_be_read_is_not_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    let mut h = harness(PermitflowApp::new(Settings::default(), Some(&scenario)));
    let missing = dir.path().join("missing.json");
    h.state_mut().push(Command::UseCalendar(Some(missing)));
    h.run();
    assert_eq!(h.state().settings.calendar_file, "");
    assert!(
        h.state().status().contains("cannot be used"),
        "{}",
        h.state().status()
    );
    assert_eq!(end_date(h.state()), "2027-05-06");
}
