//! Large inputs end to end: every path a user takes stays linear in items + links, so networks
//! far beyond any approval flow are read, checked, solved and written, with makespans known by
//! construction. (Speed is measured in BENCHMARKS.md, not asserted here.)

use std::path::Path;

use crate::harness::{permitflow, stderr, stdout};

/// Runs permitflow and returns standard output, failing with standard error unless it exits 0.
fn ok(args: &[&str]) -> String {
    let o = permitflow(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// The `working_days` of `solve --format json` output.
fn working_days(json: &str) -> f64 {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["working_days"].as_f64().unwrap()
}

/// 100 layers of 800 items (80,000 items, 159,500 links): each item after the item in its
/// place and the next one in the layer before. Items in place 0 take 1.5 working days, the others
/// 1; a path meets each layer at most once, so the longest path is the column of places 0:
/// 100 × 1.5 = 150 working days. (Large enough that a quadratic step shows as minutes; speed
/// itself is measured in BENCHMARKS.md.)
fn layers(path: &Path) {
    let (width, depth) = (800, 100);
    let mut text = String::from("id,name,department,stage,days,after\n");
    for i in 0..width * depth {
        let (layer, place) = (i / width, i % width);
        let days = if place == 0 { "1.5" } else { "1" };
        let after = if layer == 0 {
            String::new()
        } else if place + 1 < width {
            format!("i{};i{}", i - width, i - width + 1)
        } else {
            format!("i{}", i - width)
        };
        text.push_str(&format!("i{i},Item {i},Dept {},S1,{days},{after}\n", i % 7));
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn an_80000_item_network_is_solved_read_and_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("layers.csv");
    layers(&csv);
    let csv = csv.to_str().unwrap();
    let args = ["--start", "2025-03-03", "--regime", "parallel"];

    let json = ok(&[&["solve", csv, "--format", "json"], &args[..]].concat());
    assert_eq!(working_days(&json), 150.0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let critical: Vec<String> = (0..100).map(|k| format!("i{}", k * 800)).collect();
    assert_eq!(v["critical_path"], serde_json::json!(critical));

    // The same network through a scenario file: imported to TOML, then solved from it.
    let toml = dir.path().join("layers.toml");
    let toml = toml.to_str().unwrap();
    ok(&["import", csv, "-o", toml, "--start", "2025-03-03"]);
    let json = ok(&["solve", toml, "--regime", "parallel", "--format", "json"]);
    assert_eq!(working_days(&json), 150.0);

    // The schedule exported: one row per item and a header.
    let out = dir.path().join("layers-schedule.csv");
    let o = permitflow(&[
        "export",
        csv,
        "--regime",
        "parallel",
        "--format",
        "csv",
        "--start",
        "2025-03-03",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = std::fs::read_to_string(&out).unwrap().lines().count();
    assert_eq!(rows, 80_001);
}

/// 20,000 items, each in a stage of its own and 1 working day long: stage gates chain the stages,
/// so every regime takes 20,000 working days. The serial regime orders each stage; it once
/// scanned the whole network per stage.
#[test]
fn twenty_thousand_stages_are_solved_under_every_regime() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stages.csv");
    let mut text = String::from("id,name,department,stage,days,after\n");
    for i in 0..20_000 {
        text.push_str(&format!("i{i},Item {i},Dept {},S{i},1,\n", i % 7));
    }
    std::fs::write(&path, text).unwrap();
    let out = ok(&["check", path.to_str().unwrap(), "--start", "2025-03-03"]);
    for regime in ["serial", "parallel", "joint"] {
        assert!(
            out.contains(&format!(
                "{regime}: 20000 approval days, 20000 working days"
            )),
            "{out}"
        );
    }
}

/// 40,000 items in 20,000 joint groups of two (`g{k}=1.5`: the joint event takes 1.5 working
/// days), pair k after pair k−1; the first of a pair takes 1 working day, the second 2.
/// Serial: everything one after another, 20,000 × 3 = 60,000. Parallel: the chain of seconds,
/// 20,000 × 2 = 40,000. Joint review: the chain of events, 20,000 × 1.5 = 30,000, and the same
/// when joint review is added to the parallel regime from the command line.
#[test]
fn twenty_thousand_joint_groups_are_merged_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("joint.csv");
    let mut text = String::from("id,name,department,stage,days,after,joint\n");
    for i in 0..40_000 {
        let days = if i % 2 == 0 { 1 } else { 2 };
        let after = if i >= 2 {
            format!("i{}", i - 2)
        } else {
            String::new()
        };
        text.push_str(&format!(
            "i{i},Item {i},Dept {},S1,{days},{after},g{}=1.5\n",
            i % 7,
            i / 2
        ));
    }
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let out = ok(&["check", file, "--start", "2025-03-03"]);
    for (regime, days) in [("serial", 60_000), ("parallel", 40_000), ("joint", 30_000)] {
        assert!(
            out.contains(&format!(
                "{regime}: {days} approval days, {days} working days"
            )),
            "{out}"
        );
    }
    let json = ok(&[
        "solve",
        file,
        "--start",
        "2025-03-03",
        "--regime",
        "parallel",
        "--measure",
        "parallel+joint_review",
        "--format",
        "json",
    ]);
    assert_eq!(working_days(&json), 30_000.0);
}
