//! Calendars past the shipped years (issue 18, in part): provisional statutory holidays, the
//! warning as data, and an official file replacing the provisional days of its year.

use crate::harness::{approval_only_default, permitflow, stderr, stdout};

#[test]
fn a_schedule_into_2027_skips_new_year_and_says_the_year_is_provisional() {
    // The default scenario's all-approval flow (its year of works would reach into 2028).
    let file = approval_only_default();
    let o = permitflow(&[
        "solve",
        file.to_str().unwrap(),
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
    // The default scenario's all-approval flow, which stays inside 2027 from 2026-12-28.
    let file = approval_only_default();
    let file = file.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let o = permitflow(&[
        "report",
        file,
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
        file,
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

/// The 2027 notice as a test imagines it: 1–5 May off (Monday 3 May a bridging day), Sunday 25
/// April a make-up working day; nothing else (so the provisional Dragon Boat day goes too).
pub(crate) const NOTICE_2027: &str = r#"{"year": 2027, "days": [
    {"name": "劳动节", "date": "2027-04-25", "isOffDay": false},
    {"name": "劳动节", "date": "2027-05-01", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-02", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-04", "isOffDay": true},
    {"name": "劳动节", "date": "2027-05-05", "isOffDay": true}]}"#;

fn json_of(o: &std::process::Output) -> serde_json::Value {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

#[test]
fn a_calendar_file_on_the_command_line_replaces_the_provisional_days() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2027.json");
    std::fs::write(&file, NOTICE_2027).unwrap();
    // The CSV item list's serial regime: 10 + 5 + 5 + 1 = 21 working days from Friday 23 April.
    let solve = |extra: &[&str]| {
        let mut args = vec![
            "solve",
            "scenarios/construction-permit.csv",
            "--regime",
            "serial",
            "--start",
            "2027-04-23",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        json_of(&permitflow(&args))
    };
    // Provisional: 23, 26–30 April, 3–7, 10–14, 17–21 May.
    let v = solve(&[]);
    assert_eq!(v["end_date"], "2027-05-21");
    assert_eq!(
        v["warnings"][0]["provisional_years"],
        serde_json::json!([2027])
    );
    // The notice: the make-up Sunday 25 April works, Monday 3 May (bridging) to 5 May are off:
    // 23, 25–30 April, 6–7, 10–14, 17–21, 24–25 May.
    let v = solve(&["--calendar", file.to_str().unwrap()]);
    assert_eq!(v["end_date"], "2027-05-25");
    assert_eq!(v["warnings"], serde_json::json!([]));
    let items = v["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], "drawing_review");
    // Drawing review, 10 days: 23, 25–30 April, 6, 7 and 10 May.
    assert_eq!(items[0]["finish_date"], "2027-05-10");
    // The default scenario (its all-approval flow, which ends within 2027) takes it too: no
    // warning, and the export the same end date as solve.
    let flow = approval_only_default();
    let o = permitflow(&[
        "compare",
        flow.to_str().unwrap(),
        "--start",
        "2027-04-20",
        "--format",
        "json",
        "--calendar",
        file.to_str().unwrap(),
    ]);
    assert_eq!(json_of(&o)["warnings"], serde_json::json!([]));
    // A broken file is named, with where and what to do.
    let bad = dir.path().join("cn-2028.json");
    std::fs::write(&bad, "{\"year\": 2028, \"days\": [}").unwrap();
    let o = permitflow(&["compare", "--calendar", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("cn-2028.json:1:"), "{err}");
    assert!(err.contains("--calendar"), "{err}");
}

#[test]
fn the_calendar_folder_applies_to_item_lists_and_contradictions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cn-2027.json"), NOTICE_2027).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a calendar").unwrap();
    let run = |env: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "solve",
            "scenarios/construction-permit.csv",
            "--regime",
            "serial",
            "--start",
            "2027-04-23",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        crate::harness::command()
            .args(&args)
            .env("PERMITFLOW_CALENDAR_DIR", env)
            .output()
            .unwrap()
    };
    let v = json_of(&run(dir.path(), &[]));
    assert_eq!(v["end_date"], "2027-05-25");
    assert_eq!(v["warnings"], serde_json::json!([]));
    // A file on the command line that contradicts the folder's: refused, both named.
    let other = tempfile::tempdir().unwrap();
    let contra = other.path().join("x.json");
    std::fs::write(
        &contra,
        r#"{"year": 2027, "days": [{"name": "调休", "date": "2027-05-03", "isOffDay": false}]}"#,
    )
    .unwrap();
    let o = run(dir.path(), &["--calendar", contra.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("2027-05-03 is a working day (调休) here but a day off (劳动节) in"),
        "{err}"
    );
    assert!(err.contains("cn-2027.json"), "{err}");
    // A folder that does not exist is named with the variable.
    let o = run(&dir.path().join("missing"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("PERMITFLOW_CALENDAR_DIR"),
        "{}",
        stderr(&o)
    );
}
