//! Calendars past the shipped years (issue 18, in part): provisional statutory holidays, the
//! warning as data, and an official file replacing the provisional days of its year.

use crate::harness::{permitflow, stderr, stdout};

#[test]
fn a_schedule_into_2027_skips_new_year_and_says_the_year_is_provisional() {
    let o = permitflow(&[
        "solve",
        "--regime",
        "joint",
        "--start",
        "2026-12-28",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for item in v["items"].as_array().unwrap() {
        for key in ["start_date", "finish_date"] {
            assert_ne!(item[key], "2027-01-01", "{} on New Year's Day", item["id"]);
        }
    }
    let w = &v["warnings"][0];
    assert_eq!(w["kind"], "calendar");
    assert_eq!(w["provisional_years"], serde_json::json!([2027]));
    assert_eq!(w["uncovered_years"], serde_json::json!([]));
    assert!(stderr(&o).contains("holidays in 2027 are provisional"));
    // Within 2024-2026 there is nothing to say.
    let o = permitflow(&["compare", "--start", "2025-03-03", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}

const ONE_ITEM: &str = "version = 1\nname = \"Ten days over Labour Day 2027\"\nstart = \"2027-04-23\"\n\
CALENDAR\n[[stages]]\nid = \"s\"\nlead = \"L\"\n[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 10\n";

fn end_and_warnings(dir: &std::path::Path, calendar: &str) -> (String, serde_json::Value) {
    let path = dir.join("s.toml");
    std::fs::write(&path, ONE_ITEM.replace("CALENDAR", calendar)).unwrap();
    let o = permitflow(&[
        "solve",
        path.to_str().unwrap(),
        "--regime",
        "parallel",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    (
        v["end_date"].as_str().unwrap().to_owned(),
        v["warnings"].clone(),
    )
}

#[test]
fn an_official_2027_file_replaces_the_provisional_days() {
    let dir = tempfile::tempdir().unwrap();
    // Provisional: 1-2 May (a weekend) are the statutory days; ten working days from Friday 23
    // April are 23, 26-30 April and 3-6 May.
    let (end, warnings) = end_and_warnings(dir.path(), "calendar = \"cn\"");
    assert_eq!(end, "2027-05-06");
    assert_eq!(warnings[0]["provisional_years"], serde_json::json!([2027]));
    // The notice, as a holiday-cn file: 1-5 May off (Monday 3 May a bridging day), Sunday 25
    // April a make-up working day. Now: 23, 25-30 April, 6, 7 and 10 May.
    std::fs::write(
        dir.path().join("cn-2027.json"),
        r#"{"year": 2027, "days": [
            {"name": "劳动节", "date": "2027-04-25", "isOffDay": false},
            {"name": "劳动节", "date": "2027-05-01", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-02", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-04", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-05", "isOffDay": true}]}"#,
    )
    .unwrap();
    let (end, warnings) = end_and_warnings(
        dir.path(),
        "calendar = { base = \"cn\", files = [\"cn-2027.json\"] }",
    );
    assert_eq!(end, "2027-05-10");
    assert_eq!(warnings, serde_json::json!([]), "2027 is official now");
}

#[test]
fn the_report_says_when_its_holidays_are_provisional() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let o = permitflow(&[
        "report",
        "--start",
        "2026-12-28",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains(
            "<p class=\"warn\">warning: the cn calendar's holidays in 2027 are provisional"
        ),
        "no visible note"
    );
    let out = dir.path().join("r2.html");
    permitflow(&[
        "report",
        "--start",
        "2025-03-03",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        !std::fs::read_to_string(&out)
            .unwrap()
            .contains("class=\"warn\"")
    );
}
