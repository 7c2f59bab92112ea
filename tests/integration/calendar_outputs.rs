//! The calendar warning in every output (issue 18): CSV columns, charts, MSPDI exceptions,
//! batch results and `check`/`batch --strict-calendar`. A schedule from Monday 28 December 2026
//! runs into 2027, whose holidays are provisional; one in 2025 has nothing to say.

use crate::harness::{approval_only_default, permitflow, stderr, stdout};

/// `permitflow` on the default scenario's all-approval flow (the file after the command): the
/// shipped scenario's year of works would carry every schedule from these starts into 2028.
fn on_default(args: &[&str]) -> std::process::Output {
    let file = approval_only_default();
    let mut all = vec![args[0], file.to_str().unwrap()];
    all.extend_from_slice(&args[1..]);
    permitflow(&all)
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_outputs_carry_a_calendar_column() {
    let o = on_default(&[
        "solve",
        "--regime",
        "joint",
        "--start",
        "2026-12-28",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (header, rows) = csv_rows(&stdout(&o));
    assert_eq!(header.last().unwrap(), "calendar");
    let at = |col: &str| header.iter().position(|h| h == col).unwrap();
    // Project filing, the first day (Monday 28 December 2026), is in an official year; every
    // row that ends in 2027 says the year is provisional.
    assert_eq!(rows[0][at("finish_date")], "2026-12-28");
    assert_eq!(rows[0][at("calendar")], "");
    for r in &rows {
        let in_2027 = r[at("finish_date")].starts_with("2027");
        let expected = if in_2027 { "provisional 2027" } else { "" };
        assert_eq!(r[at("calendar")], expected, "{r:?}");
    }
    assert!(rows.iter().any(|r| r[at("calendar")] == "provisional 2027"));
    // export --format csv writes the same rows.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.csv");
    let o = on_default(&[
        "export",
        "--regime",
        "joint",
        "--start",
        "2026-12-28",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(csv_rows(&std::fs::read_to_string(&out).unwrap()).1, rows);
    // compare: one row per regime, each naming the year.
    let o = on_default(&["compare", "--start", "2026-12-28", "--format", "csv"]);
    let (header, rows) = csv_rows(&stdout(&o));
    assert_eq!(header.last().unwrap(), "calendar");
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.last().unwrap() == "provisional 2027"));
    let o = on_default(&["compare", "--start", "2025-03-03", "--format", "csv"]);
    assert!(
        csv_rows(&stdout(&o))
            .1
            .iter()
            .all(|r| r.last().unwrap() == "")
    );
}

#[test]
fn charts_have_a_footnote_when_the_holidays_are_provisional() {
    let dir = tempfile::tempdir().unwrap();
    let svg = |start: &str| {
        let out = dir.path().join(format!("{start}.svg"));
        let o = on_default(&[
            "chart",
            "--start",
            start,
            "--kind",
            "compare",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read_to_string(out).unwrap()
    };
    let text = svg("2026-12-28");
    assert!(text.contains("class=\"footnote\""), "no footnote");
    assert!(text.contains("2027 are provisional"));
    // The default scenario's footnote names its project attributes; no calendar note in 2025.
    let official = svg("2025-03-03");
    assert!(official.contains("Project attributes: underground_area = 3000"));
    assert!(!official.contains("provisional"));
}

#[test]
fn mspdi_names_the_provisional_days() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.xml");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "--regime",
            "serial",
            "--start",
            "2026-12-28",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = on_default(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read_to_string(&out).unwrap()
    };
    let xml = export(&[]);
    // New Year's Day and the four Spring Festival days of 2027 (5–8 February), provisional.
    let from = |d: &str| format!("<FromDate>{d}T00:00:00</FromDate>");
    for (date, name) in [
        ("2027-01-01", "元旦 (provisional)"),
        ("2027-02-05", "春节 (provisional)"),
        ("2027-02-08", "春节 (provisional)"),
    ] {
        let at = xml.find(&from(date)).unwrap_or_else(|| panic!("no {date}"));
        let name_at = xml[at..].find("<Name>").unwrap() + at;
        assert!(
            xml[name_at..].starts_with(&format!("<Name>{name}</Name>")),
            "{date}"
        );
    }
    // 2026's days are official and named without the mark.
    assert!(xml.contains("<Name>元旦</Name>"));
    // With the notice, Labour Day's days are named as in the file, not provisional.
    let file = dir.path().join("cn-2027.json");
    std::fs::write(&file, super::calendars::NOTICE_2027).unwrap();
    let xml = export(&["--calendar", file.to_str().unwrap()]);
    assert!(xml.contains("<Name>劳动节 make-up working day</Name>"));
    assert!(
        !xml.contains("2027-01-01T00:00:00"),
        "the notice has no New Year"
    );
    // 2027 is official now; the year after the schedule (exported too) is still provisional.
    let names_2027: Vec<&str> = xml
        .split("<FromDate>2027-")
        .skip(1)
        .map(|rest| {
            let at = rest.find("<Name>").unwrap() + 6;
            &rest[at..at + rest[at..].find("</Name>").unwrap()]
        })
        .collect();
    assert_eq!(names_2027.len(), 6, "{names_2027:?}");
    assert!(names_2027.iter().all(|n| n.starts_with("劳动节")));
    assert!(xml.contains("<Name>元旦 (provisional)</Name>"), "2028");
}

#[test]
fn batch_results_carry_the_warning_and_strict_mode_fails() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("r.csv");
    let json = dir.path().join("r.json");
    let junit = dir.path().join("j.xml");
    // The item list's serial regime (21 days from 15 December 2026) ends on 13 January 2027;
    // parallel (11) and joint (8) end in 2026.
    let batch = |extra: &[&str]| {
        let mut args = vec![
            "batch",
            "scenarios/construction-permit.csv",
            "--start",
            "2026-12-15",
            "--out",
            csv.to_str().unwrap(),
            "--junit",
            junit.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        permitflow(&args)
    };
    let o = batch(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (header, rows) = csv_rows(&std::fs::read_to_string(&csv).unwrap());
    assert_eq!(header.last().unwrap(), "calendar");
    let cells: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r[2].as_str(), r[7].as_str(), r[13].as_str(), r[17].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("serial", "2027-01-13", "ok", "provisional 2027"),
            ("parallel", "2026-12-29", "ok", ""),
            ("joint", "2026-12-24", "ok", ""),
        ]
    );
    let xml = std::fs::read_to_string(&junit).unwrap();
    let case = xml
        .split("<testcase ")
        .find(|c| c.contains("name=\"serial: calendar\""))
        .unwrap_or_else(|| panic!("no calendar case in {xml}"));
    assert!(
        case.contains("<system-out>warning: the cn calendar"),
        "{case}"
    );
    assert!(!case.contains("<failure"), "{case}");
    // --strict-calendar: the serial regime fails, exit 1, in CSV, JSON and JUnit alike.
    let o = batch(&["--strict-calendar"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("FAIL scenarios/construction-permit.csv [serial]: provisional 2027")
    );
    let (_, rows) = csv_rows(&std::fs::read_to_string(&csv).unwrap());
    assert_eq!(rows[0][13], "fail");
    assert_eq!(rows[1][13], "ok");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("failures=\"1\""), "{xml}");
    assert!(xml.contains("<failure message=\"warning: the cn calendar"));
    let o = permitflow(&[
        "batch",
        "scenarios/construction-permit.csv",
        "--start",
        "2026-12-15",
        "--strict-calendar",
        "--out",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v[0]["calendar"], "provisional 2027");
    assert_eq!(v[0]["status"], "fail");
}

#[test]
fn check_strict_calendar_fails_on_provisional_years_only() {
    let check = |start: &str, strict: bool| {
        let mut args = vec![
            "check",
            "scenarios/construction-permit.csv",
            "--start",
            start,
        ];
        if strict {
            args.push("--strict-calendar");
        }
        permitflow(&args)
    };
    let o = check("2026-12-15", false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("calendar warning: provisional 2027"));
    assert!(stderr(&o).contains("holidays in 2027 are provisional"));
    let o = check("2026-12-15", true);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("calendar FAILED: provisional 2027"));
    // All in 2026: nothing to say, strict or not.
    let o = check("2026-03-02", true);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("calendar warning") && !stdout(&o).contains("calendar FAILED"));
    // With the notice for 2027 the strict check passes.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cn-2027.json");
    std::fs::write(&file, super::calendars::NOTICE_2027).unwrap();
    let o = permitflow(&[
        "check",
        "scenarios/construction-permit.csv",
        "--start",
        "2026-12-15",
        "--strict-calendar",
        "--calendar",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn chart_report_and_export_take_the_calendar_file_too() {
    // The default scenario from Tuesday 20 April 2027: every regime ends within 2027, so with
    // the notice for 2027 there is nothing to warn about in any output.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cn-2027.json");
    std::fs::write(&file, super::calendars::NOTICE_2027).unwrap();
    let cal = file.to_str().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let run = |args: &[&str]| {
        let o = on_default(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("provisional"),
            "{args:?}: {}",
            stderr(&o)
        );
    };
    let (svg, html, csv) = (out("c.svg"), out("r.html"), out("s.csv"));
    for with in [false, true] {
        let mut common = vec!["--start", "2027-04-20"];
        if with {
            common.extend(["--calendar", cal]);
        }
        let args = |head: &[&'static str], o: &str| -> Vec<String> {
            head.iter()
                .map(|s| s.to_string())
                .chain(["-o".into(), o.to_owned()])
                .chain(common.iter().map(|s| s.to_string()))
                .collect()
        };
        let go = |v: Vec<String>| {
            let v: Vec<&str> = v.iter().map(String::as_str).collect();
            if with {
                run(&v);
            } else {
                assert_eq!(on_default(&v).status.code(), Some(0));
            }
        };
        go(args(&["chart", "--kind", "compare"], &svg));
        go(args(&["report"], &html));
        go(args(
            &["export", "--regime", "serial", "--format", "csv"],
            &csv,
        ));
        let svg_text = std::fs::read_to_string(&svg).unwrap();
        let html_text = std::fs::read_to_string(&html).unwrap();
        let (_, rows) = csv_rows(&std::fs::read_to_string(&csv).unwrap());
        let flagged = rows.iter().filter(|r| r[14] == "provisional 2027").count();
        if with {
            assert!(!svg_text.contains("provisional"));
            assert!(!html_text.contains("class=\"warn\""));
            assert_eq!(flagged, 0);
        } else {
            assert!(svg_text.contains("footnote"));
            assert!(svg_text.contains("provisional"));
            assert!(html_text.contains("class=\"warn\""));
            assert_eq!(flagged, rows.len());
        }
    }
}
