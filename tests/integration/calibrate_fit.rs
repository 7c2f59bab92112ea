//! `calibrate -o` and `--portfolio`: the fitted scenario and portfolio, written with the
//! provenance of every fitted number, in the base file's layout, and loadable.
//!
//! The log: five cases of `fire` (limit 5), received Mon 3 March 2025 and decided after 2, 3, 4,
//! 5 and 6 working days (Tue 4 to Mon 10); the last is first returned on Wed 5 (a 3-day first
//! review), corrected until Mon 10 (resubmitted; Thu 6 and Fri 7 between) and decided Wed 12
//! (a 3-day re-review: Mon, Tue, Wed). First reviews 2, 3, 4, 5, 3: mean 3.4, the triangular
//! 2–3.2–5 (mode 3 · 3.4 − 2 − 5 = 3.2); one return in six submissions; correction 2 days,
//! re-review 3. `plan` is received the day after `fire` is decided, in each case.

use std::path::Path;

use crate::harness::{permitflow, stderr, stdout};

const LOG: &str = "case,project_type,item,department,event,time
C1,housing,fire,Fire,received,2025-03-03
C1,housing,fire,Fire,completed,2025-03-04
C1,housing,plan,Planning,received,2025-03-05
C1,housing,plan,Planning,completed,2025-03-06
C2,housing,fire,Fire,received,2025-03-03
C2,housing,fire,Fire,completed,2025-03-05
C2,housing,plan,Planning,received,2025-03-06
C2,housing,plan,Planning,completed,2025-03-07
C3,housing,fire,Fire,received,2025-03-03
C3,housing,fire,Fire,completed,2025-03-06
C3,housing,plan,Planning,received,2025-03-07
C3,housing,plan,Planning,completed,2025-03-10
C4,housing,fire,Fire,received,2025-03-03
C4,housing,fire,Fire,completed,2025-03-07
C4,housing,plan,Planning,received,2025-03-10
C4,housing,plan,Planning,completed,2025-03-11
C5,housing,fire,Fire,received,2025-03-03
C5,housing,fire,Fire,returned,2025-03-05
C5,housing,fire,Fire,resubmitted,2025-03-10
C5,housing,fire,Fire,completed,2025-03-12
C5,housing,plan,Planning,received,2025-03-13
C5,housing,plan,Planning,completed,2025-03-14
";

fn run(dir: &Path, extra: &[&str]) -> std::process::Output {
    let log = dir.join("log.csv");
    std::fs::write(&log, LOG).unwrap();
    let mut args = vec!["calibrate", log.to_str().unwrap()];
    args.extend_from_slice(extra);
    permitflow(&args)
}

#[test]
fn the_fitted_scenario_keeps_the_base_file_and_names_the_source_of_each_fitted_number() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fitted.toml");
    let port = dir.path().join("port.toml");
    let o = run(
        dir.path(),
        &[
            "--scenario",
            "tests/data/logs/base.toml",
            "-o",
            out.to_str().unwrap(),
            "--portfolio",
            port.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    // The base's comments stay.
    assert!(
        text.starts_with("# The scenario the calibration tests measure"),
        "{text}"
    );
    let source = format!(
        "fitted: {}, 5 cases, 2025-03-03–2025-03-14",
        dir.path().join("log.csv").display()
    );
    let fire_spread = format!(
        "spread = {{ dist = \"triangular\", min = 2.0, likely = 3.2, max = 5.0, source = \"{source}\" }}"
    );
    assert!(text.contains(&fire_spread), "{text}");
    let fire_returns = format!(
        "returns = {{ rate = 0.1667, correction_days = 2.0, rework_days = 3.0, source = \"{source}\" }}"
    );
    assert!(text.contains(&fire_returns), "{text}");
    // Statutory limits are the base's, not the log's.
    assert!(text.contains("days = 5\n"), "{text}");
    // It loads and solves: fire's limit 5 and plan's 3 side by side.
    let o = permitflow(&[
        "solve",
        out.to_str().unwrap(),
        "--regime",
        "parallel",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The portfolio: one type on the fitted scenario, a department per log department.
    let p = std::fs::read_to_string(&port).unwrap();
    assert!(p.contains("scenario = \"fitted.toml\""), "{p}");
    assert!(p.contains("regime = \"parallel\""), "{p}");
    assert!(p.contains("name = \"Fire\""), "{p}");
    // Every case has fire in progress on Mon 3 March: five at once.
    assert!(p.contains("reviewers = { value = 5,"), "{p}");
    let o = permitflow(&[
        "centre",
        port.to_str().unwrap(),
        "--replications",
        "2",
        "--horizon",
        "20",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn without_a_scenario_the_flow_is_read_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("flow.toml");
    let o = run(dir.path(), &["-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    // plan is always received after fire is decided: it follows fire.
    assert!(text.contains("id = \"item2\"\nname = \"plan\""), "{text}");
    assert!(text.contains("after = [\"item1\"]"), "{text}");
    // No statutory limit in a log: the first reviews' P80 (fire 2, 3, 3, 4, 5: the 4th, 4).
    assert!(
        text.contains("days = { value = 4, source = \"P80 of the first reviews"),
        "{text}"
    );
    let o = permitflow(&[
        "solve",
        out.to_str().unwrap(),
        "--regime",
        "parallel",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.to_string().contains("item2"), "{v}");
}

#[test]
fn an_output_over_the_log_or_the_scenario_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    let o = run(dir.path(), &["-o", log.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    // The fitted scenario is TOML: another name is refused, `-` is standard output (the
    // report then on stderr), and a portfolio cannot name standard output as its scenario.
    let o = run(
        dir.path(),
        &["-o", dir.path().join("f.json").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("written as TOML"), "{}", stderr(&o));
    let o = run(dir.path(), &["-o", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("version = 1\n"), "{}", stdout(&o));
    assert!(stderr(&o).contains("Per item"), "{}", stderr(&o));
    let o = run(
        dir.path(),
        &[
            "-o",
            "-",
            "--portfolio",
            dir.path().join("p.toml").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // A chart in a format not written: refused before anything is printed.
    let o = run(dir.path(), &["--chart", "x.jpg"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let o = run(
        dir.path(),
        &["--portfolio", dir.path().join("p.toml").to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "--portfolio needs -o: {}",
        stderr(&o)
    );
}

#[test]
fn the_shipped_sample_log_is_reproduced_by_its_fitted_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("validation.svg");
    let o = permitflow(&[
        "calibrate",
        "scenarios/logs/sample-city-2025-generated.csv",
        "--scenario",
        "scenarios/social-investment-housing.toml",
        "--regime",
        "parallel",
        "--chart",
        chart.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let val = &v["validation"];
    assert_eq!(val["regime"], "parallel");
    assert_eq!(val["cases"], 2000);
    let row = &val["project_types"][0];
    for p in ["p50", "p80", "p95"] {
        let (obs, sim) = (
            row["observed"][p].as_f64().unwrap(),
            row["simulated"][p].as_f64().unwrap(),
        );
        assert!((sim - obs).abs() / obs < 0.03, "{p}: {obs} against {sim}");
    }
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(
        svg.contains("observed") && svg.contains("fitted, simulated"),
        "{svg}"
    );
}

#[test]
fn a_project_type_is_calibrated_on_its_own_records() {
    // small.csv: two housing cases and one industrial; the industrial one alone is one case.
    let o = permitflow(&[
        "calibrate",
        "tests/data/logs/small.csv",
        "--project-type",
        "industrial",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let types = v["project_types"].as_array().unwrap();
    assert_eq!(types.len(), 1);
    assert_eq!(types[0]["project_type"], "industrial");
    assert_eq!(types[0]["cases"], 1);
    assert_eq!(v["items"][0]["cases"], 1);
    let o = permitflow(&[
        "calibrate",
        "tests/data/logs/small.csv",
        "--project-type",
        "villa",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("its project types: housing, industrial"),
        "{}",
        stderr(&o)
    );
}
