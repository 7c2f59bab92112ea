//! `permitflow calibrate`: event logs measured on the China calendar, every number counted by
//! hand.
//!
//! `tests/data/logs/small.csv` (and the same records as `small-zh.csv`, Chinese headers and
//! event names, and `small.xes`, as PM4Py writes XES: dates as midnight `+08:00`), against
//! `tests/data/logs/base.toml` (`fire` limit 5, `plan` limit 3 working days):
//!
//! - C1 (housing) fire: received Mon 3 Mar, completed Fri 7 Mar: Mon–Fri inclusive = 5.
//! - C1 plan: received Thu 6 Mar, returned Fri 7, resubmitted Wed 12, completed Thu 13: elapsed
//!   Thu 6, Fri 7, Mon 10, Tue 11, Wed 12, Thu 13 = 6; the correction takes the working days
//!   strictly between Fri 7 and Wed 12 (Mon 10, Tue 11) = 2; official 6 − 2 = 4 (over 3).
//! - C2 (housing) fire: received Wed 2 Apr, suspended Thu 3, resumed Tue 8, completed Wed 9,
//!   across Qingming (Fri 4 to Sun 6 April 2025 off): elapsed Wed 2, Thu 3, Mon 7, Tue 8, Wed 9
//!   = 5; the suspension Mon 7 = 1; official 4.
//! - C2 plan: received Thu 3 Apr, completed Mon 7 Apr: Thu 3, Mon 7 = 2 (Qingming and the
//!   weekend between).
//! - C3 (industrial) fire: received Mon 10 Mar 14:00 (the afternoon), completed Wed 12 Mar 10:00
//!   (the morning): Mon pm, Tue am, Tue pm, Wed am = 4 half-days = 2.
//! - C3 plan: received and completed on the morning of Wed 12 Mar = 0.5.
//!
//! So fire: 5, 4, 2: mean 11/3 = 3.67, P50 (nearest rank, the 2nd of 3) 4, P80 (the 3rd) 5, min 2,
//! max 5, no return, none over 5, one suspension of 1 day; plan: 4, 2, 0.5: mean 6.5/3 = 2.17,
//! P50 2, P80 4, min 0.5, max 4, returned once in 4 submissions (3 cases, 1 resubmission; rate
//! 1/4) with a 2-day correction, 1 of 3 over 3. Fewer than 5 cases: the spread is empirical.
//!
//! Housing: C1 from Mon 3 to Thu 13 March = 5 + 4 = 9 working days, C2 from Wed 2 to Wed 9 April
//! = 5; P50 5, P80 and P95 9; 2 cases whose first receipts lie 30 days apart: 2 / (30 / 365.25)
//! = 24.35 a year. Industrial: C3, 2 working days (Mon 14:00 to Wed 11:30); one day of arrivals:
//! no rate.

use crate::harness::{permitflow, permitflow_env, stderr, stdout};

fn json(args: &[&str]) -> serde_json::Value {
    let o = permitflow(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

fn calibrated(log: &str) -> serde_json::Value {
    json(&[
        "calibrate",
        log,
        "--scenario",
        "tests/data/logs/base.toml",
        "--format",
        "json",
    ])
}

fn close(v: &serde_json::Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 0.005)
}

#[test]
fn a_small_log_gives_the_numbers_counted_by_hand() {
    let v = calibrated("tests/data/logs/small.csv");
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let fire = &items[0];
    assert_eq!(fire["item"], "fire");
    assert_eq!(fire["cases"], 3);
    for (key, want) in [
        ("mean", 11.0 / 3.0),
        ("p50", 4.0),
        ("p80", 5.0),
        ("min", 2.0),
        ("max", 5.0),
        ("return_rate", 0.0),
        ("overdue_rate", 0.0),
    ] {
        assert!(close(&fire[key], want), "fire {key}: {}", fire[key]);
    }
    assert!(fire["correction_mean"].is_null());
    assert_eq!(fire["spread"]["dist"], "empirical");
    let plan = &items[1];
    assert_eq!(plan["item"], "plan");
    for (key, want) in [
        ("mean", 6.5 / 3.0),
        ("p50", 2.0),
        ("p80", 4.0),
        ("min", 0.5),
        ("max", 4.0),
        ("return_rate", 0.25),
        ("correction_mean", 2.0),
        ("overdue_rate", 1.0 / 3.0),
    ] {
        assert!(close(&plan[key], want), "plan {key}: {}", plan[key]);
    }
    let types = v["project_types"].as_array().expect("types");
    assert_eq!(types[0]["project_type"], "housing");
    assert_eq!(types[0]["cases"], 2);
    assert!(close(&types[0]["per_year"], 24.35));
    for (key, want) in [("p50", 5.0), ("p80", 9.0), ("p95", 9.0)] {
        assert!(close(&types[0][key], want), "housing {key}");
    }
    assert_eq!(types[1]["project_type"], "industrial");
    assert_eq!(types[1]["cases"], 1);
    assert!(types[1]["per_year"].is_null());
    assert!(close(&types[1]["p95"], 2.0));
    assert_eq!(v["rejected"], 0);
}

#[test]
fn chinese_headers_and_xes_give_the_same_numbers() {
    let csv = calibrated("tests/data/logs/small.csv");
    assert_eq!(calibrated("tests/data/logs/small-zh.csv"), csv);
    assert_eq!(calibrated("tests/data/logs/small.xes"), csv);
}

#[test]
fn without_a_scenario_there_are_no_limits_and_every_item_counts() {
    let v = json(&["calibrate", "tests/data/logs/bad.csv", "--format", "json"]);
    // gas is kept (no scenario to say it is unknown): received, never completed, so measured
    // nowhere; the overdue rate needs a limit.
    assert!(v["items"][0]["overdue_rate"].is_null());
    assert_eq!(v["rejected"], 6);
}

#[test]
fn bad_records_are_listed_with_their_line_and_case_and_the_rest_is_used() {
    let o = permitflow(&[
        "calibrate",
        "tests/data/logs/bad.csv",
        "--scenario",
        "tests/data/logs/base.toml",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["rejected"], 7);
    v["rejected"] = 0.into();
    assert_eq!(v, calibrated("tests/data/logs/small.csv"));
    let err = stderr(&o);
    assert!(
        err.contains("7 records of tests/data/logs/bad.csv left out"),
        "{err}"
    );
    for line in [
        "line 4, case C1: unknown event `approved`",
        "line 7, case C1: the item `gas` is not in the scenario",
        "line 12, case C2: suspended while already suspended or returned",
        "line 15, case C4: completed before the item was received",
        "line 18, case C3: the time `2025-13-45` is not an ISO date",
        "… and 2 more",
        // The log's items the scenario lacks, once each, however many records name them.
        "log items the scenario does not have (their records are left out): gas",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    let zh = permitflow_env(
        &[
            "calibrate",
            "tests/data/logs/bad.csv",
            "--scenario",
            "tests/data/logs/base.toml",
        ],
        &[("PERMITFLOW_LANG", "zh-CN")],
    );
    let err = stderr(&zh);
    assert!(
        err.contains("第 15 行，案件 C4：事项受理之前出现 办结"),
        "{err}"
    );
    assert!(stdout(&zh).contains("超期率"), "{}", stdout(&zh));
}

#[test]
fn hostile_logs_are_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wide = (0..10_000).map(|i| format!("c{i}")).collect::<Vec<_>>();
    let huge_times = "case,project_type,item,department,event,time\n\
                      A,h,fire,F,received,99999999-01-01T00:00:00\n\
                      A,h,fire,F,completed,2025-03-03T99:99\n";
    for (name, text, expected) in [
        ("empty.csv", String::new(), "the event log is empty"),
        (
            "header.csv",
            "id,name,days\na,b,3\n".to_owned(),
            "lacks the columns case,project_type,item,department,event,time",
        ),
        ("wide.csv", wide.join(","), "the header has 10000 columns"),
        ("times.csv", huge_times.to_owned(), "nothing to measure"),
        (
            "broken.xes",
            "<log>\n<trace><event></trace></log>".to_owned(),
            "not well-formed XML",
        ),
        ("html.xes", "<html/>".to_owned(), "not an XES log"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let o = permitflow(&["calibrate", path.to_str().expect("path")]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.contains(name), "{name} names the file: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let o = permitflow(&["calibrate", "tests/data/logs/missing.csv"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The same records written as XES by PM4Py itself (`tests/pm4py/to_xes.py`: its timestamps in
/// UTC at midnight, its events sorted by time across items, our columns as event attributes)
/// calibrate to the same numbers. Runs where PM4Py is installed (`pip install pm4py`); skipped
/// elsewhere, unless `PERMITFLOW_REQUIRE_PM4PY` is set, which makes a missing PM4Py a failure.
#[test]
fn an_xes_file_written_by_pm4py_gives_the_same_numbers() {
    let has_pm4py = std::process::Command::new("python3")
        .args(["-c", "import pm4py"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pm4py {
        assert!(
            std::env::var_os("PERMITFLOW_REQUIRE_PM4PY").is_none(),
            "PERMITFLOW_REQUIRE_PM4PY is set but PM4Py cannot be imported"
        );
        eprintln!("skipped: PM4Py is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let xes = dir.path().join("pm4py.xes");
    let o = std::process::Command::new("python3")
        .current_dir(crate::harness::root())
        .args(["tests/pm4py/to_xes.py", "tests/data/logs/small.csv"])
        .arg(&xes)
        .output()
        .expect("run python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written = std::fs::read_to_string(&xes).expect("the XES PM4Py wrote");
    assert!(written.contains("time:timestamp"), "{written}");
    assert_eq!(
        calibrated(xes.to_str().expect("path")),
        calibrated("tests/data/logs/small.csv")
    );
}
