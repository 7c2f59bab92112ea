//! `permitflow simulate --log`: the synthetic event log written beside the simulation's output,
//! the same bytes for the same seed, refused with two regimes or a count out of range, and the
//! shipped sample log (`scenarios/logs/`) exactly what its documented command writes.

use std::collections::BTreeSet;
use std::path::Path;

use crate::harness::{permitflow, permitflow_env, root, stderr, stdout};

const SCENARIO: &str = "scenarios/social-investment-housing.toml";

/// `simulate` of the default scenario under `parallel` with a log of `cases` cases at `out`.
fn simulate_log(out: &Path, cases: &str, seed: &str) -> std::process::Output {
    permitflow(&[
        "simulate",
        SCENARIO,
        "--regime",
        "parallel",
        "--iterations",
        "100",
        "--seed",
        seed,
        "--log",
        out.to_str().unwrap(),
        "--log-cases",
        cases,
        "--log-from",
        "2025-01-02",
        "--log-days",
        "30",
    ])
}

#[test]
fn writes_the_log_beside_the_simulation_and_the_same_seed_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.csv");
    let o = simulate_log(&a, "12", "3");
    assert!(o.status.success(), "{}", stderr(&o));
    // The simulation's own output still prints.
    assert!(stdout(&o).contains("parallel"), "{}", stdout(&o));
    assert!(stderr(&o).contains("a.csv"), "{}", stderr(&o));
    let text = std::fs::read_to_string(&a).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("case,project_type,item,department,event,time")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let cases: BTreeSet<&str> = rows.iter().map(|r| r[0]).collect();
    // 12 cases over January 2025, numbered in arrival order.
    assert_eq!(cases.len(), 12);
    assert_eq!(cases.first(), Some(&"C2025-0001"));
    assert_eq!(cases.last(), Some(&"C2025-0012"));
    // Every received item is completed; a return is followed by a resubmission.
    let count = |e: &str| rows.iter().filter(|r| r[4] == e).count();
    assert_eq!(count("received"), count("completed"));
    assert_eq!(count("returned"), count("resubmitted"));
    assert!(
        rows.iter()
            .all(|r| r[5].starts_with("2025-") || r[5].starts_with("2026-"))
    );
    // Same seed: the same bytes; another seed: another log.
    let b = dir.path().join("b.csv");
    assert!(simulate_log(&b, "12", "3").status.success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let c = dir.path().join("c.csv");
    assert!(simulate_log(&c, "12", "4").status.success());
    assert_ne!(std::fs::read(&a).unwrap(), std::fs::read(&c).unwrap());
}

#[test]
fn two_regimes_a_count_of_zero_and_the_scenario_as_output_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("l.csv");
    let o = permitflow(&[
        "simulate",
        SCENARIO,
        "--regime",
        "parallel",
        "--regime",
        "joint",
        "--log",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("one regime"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing printed: {}", stdout(&o));
    assert!(!out.exists());
    let o = simulate_log(&out, "0", "1");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--log-cases"), "{}", stderr(&o));
    assert!(!out.exists());
    // The scenario itself as the log: refused, the scenario untouched.
    let copy = dir.path().join("s.toml");
    std::fs::copy(root().join(SCENARIO), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let o = permitflow(&[
        "simulate",
        copy.to_str().unwrap(),
        "--regime",
        "parallel",
        "--iterations",
        "100",
        "--log",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn in_chinese_the_log_has_the_chinese_headers_and_event_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("zh.csv");
    let o = permitflow_env(
        &[
            "simulate",
            SCENARIO,
            "--regime",
            "parallel",
            "--iterations",
            "100",
            "--log",
            out.to_str().unwrap(),
            "--log-cases",
            "3",
        ],
        &[("PERMITFLOW_LANG", "zh-CN")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("案件编号,项目类型,事项,部门,环节,时间\n"),
        "{text}"
    );
    assert!(text.contains(",受理,") && text.contains(",办结,"));
}

/// The command `scenarios/logs/README.md` documents, into a temporary file: the shipped sample
/// is exactly what it writes (the log does not depend on `--iterations`).
#[test]
fn the_shipped_sample_log_is_what_its_command_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.csv");
    let o = permitflow(&[
        "simulate",
        SCENARIO,
        "--regime",
        "parallel",
        "--iterations",
        "100",
        "--seed",
        "2025",
        "--log",
        out.to_str().unwrap(),
        "--log-cases",
        "400",
        "--log-from",
        "2025-01-02",
        "--log-days",
        "365",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shipped = std::fs::read(root().join("scenarios/logs/sample-city-2025-generated.csv"))
        .expect("the shipped sample log");
    assert!(
        std::fs::read(&out).unwrap() == shipped,
        "scenarios/logs/sample-city-2025-generated.csv is stale: regenerate it with the command in scenarios/logs/README.md"
    );
}
