//! Project attributes and conditional items end to end: the shipped item list
//! `tests/data/civil-air-defence.csv` has a `when` column (civil-air-defence items apply only
//! when `underground_area >= 1000`), read with `--attr`, solved and checked independently.

use crate::harness::{permitflow, root, stderr, stdout};

fn list() -> String {
    root()
        .join("tests/data/civil-air-defence.csv")
        .to_string_lossy()
        .into_owned()
}

fn compare_json(area: &str) -> serde_json::Value {
    let attr = format!("underground_area={area}");
    let o = permitflow(&[
        "compare",
        &list(),
        "--start",
        "2025-03-03",
        "--format",
        "json",
        "--attr",
        &attr,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

fn days(v: &serde_json::Value, regime: &str) -> f64 {
    v["regimes"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["name"] == regime))
        .and_then(|r| r["working_days"].as_f64())
        .expect("the regime's working days")
}

#[test]
fn civil_air_defence_items_apply_only_above_1000_square_metres_underground() {
    // 500 m²: no civil-air-defence items. Serial: 10 + 5 + 10 + 5 + 1 + 5 + 1 = 37 working days;
    // parallel: 15 (scheme 10, planning permit 5) + 11 (drawings 10, permit 1; fire review 5 in
    // parallel) + 6 (planning acceptance 5, filing 1) = 32.
    let small = compare_json("500");
    assert_eq!(small["attributes"]["underground_area"], 500.0);
    assert_eq!(days(&small, "serial"), 37.0);
    assert_eq!(days(&small, "parallel"), 32.0);
    let path = small["regimes"][1]["critical_path"].to_string();
    assert!(!path.contains("civil_air_defence"), "{path}");
    // 5000 m²: the design approval (5) after the drawings and the completion acceptance (7) apply.
    // Serial: 37 + 5 + 7 = 49; parallel: 15 + (10 + 5 + 1) + (7 + 1) = 39.
    let big = compare_json("5000");
    assert_eq!(big["attributes"]["underground_area"], 5000.0);
    assert_eq!(days(&big, "serial"), 49.0);
    assert_eq!(days(&big, "parallel"), 39.0);
    let path = big["regimes"][1]["critical_path"].to_string();
    assert!(path.contains("\"civil_air_defence\""), "{path}");
    assert!(path.contains("civil_air_defence_acceptance"), "{path}");
}

#[test]
fn both_flows_pass_the_independent_checker() {
    for (area, items, serial) in [("500", "7 items", "37"), ("5000", "9 items", "49")] {
        let attr = format!("underground_area={area}");
        let o = permitflow(&["check", &list(), "--start", "2025-03-03", "--attr", &attr]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(items), "{out}");
        assert!(
            out.contains(&format!("serial: {serial} approval days")),
            "{out}"
        );
    }
}

#[test]
fn attributes_are_named_and_typed_or_refused_with_exit_2() {
    let o = permitflow(&["compare", &list(), "--attr", "undergrund_area=5"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown attribute `undergrund_area`"), "{err}");
    assert!(err.contains("underground_area"), "{err}");
    let o = permitflow(&[
        "solve",
        &list(),
        "--regime",
        "joint",
        "--attr",
        "underground_area=big",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is a number and `big` is not one"),
        "{}",
        stderr(&o)
    );
    // An item list declares no defaults: the attribute must be given.
    let o = permitflow(&["compare", &list()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--attr underground_area=VALUE"),
        "{}",
        stderr(&o)
    );
    // A scenario without attributes has none to set.
    let o = permitflow(&[
        "compare",
        "scenarios/land-chain-dezhou.toml",
        "--attr",
        "floor_area=1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("declares no attributes"),
        "{}",
        stderr(&o)
    );
    // The default scenario declares one (its family by basement size), and names it.
    let o = permitflow(&["compare", "--attr", "floor_area=1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the scenario's attributes are: underground_area"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_condition_names_the_row_and_column_of_the_token() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = std::fs::read_to_string(list()).expect("the list").replace(
        ",underground_area >= 1000\n",
        ",underground_area >= 1000 an\n",
    );
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, text).expect("written");
    let o = permitflow(&[
        "check",
        &path.to_string_lossy(),
        "--attr",
        "underground_area=1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    // Line 5: the `when` cell starts at column 133 (counted in characters), the stray `an` 25
    // characters into it.
    assert!(err.contains("bad.csv:5:158"), "{err}");
    assert!(
        err.contains("expected `and`, `or` or the end of the condition here"),
        "{err}"
    );
}

fn solve_json(args: &[&str]) -> (serde_json::Value, String) {
    let file = root().join("tests/data/conditional-items.toml");
    let mut all = vec![
        "solve",
        file.to_str().expect("a UTF-8 path"),
        "--regime",
        "parallel",
        "--format",
        "json",
    ];
    all.extend_from_slice(args);
    let o = permitflow(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (serde_json::from_str(&stdout(&o)).expect("JSON"), stderr(&o))
}

fn finish(v: &serde_json::Value, id: &str) -> Option<f64> {
    v["items"]
        .as_array()?
        .iter()
        .find(|i| i["id"] == id)?
        .get("finish")?
        .as_f64()
}

#[test]
fn a_scenario_file_declares_defaults_and_a_dropped_item_is_bridged() {
    // Defaults: no basement, so the civil-air-defence review (5 days, 1 after the planning
    // permit, 2 before the construction permit) is dropped and bridged planning →(FS+3) permit;
    // the environmental assessment applies: planning 0–5, assessment 5–15, permit 15–16.
    let (v, err) = solve_json(&[]);
    assert_eq!(v["attributes"]["underground_area"], 0.0);
    assert_eq!(v["attributes"]["investment"], "social");
    assert_eq!(v["attributes"]["in_assessed_area"], false);
    assert_eq!(finish(&v, "civil_air_defence"), None);
    assert_eq!(finish(&v, "construction_permit"), Some(16.0));
    assert!(
        err.contains("milestone `air_defence_approved` is at `civil_air_defence`"),
        "{err}"
    );
    // In an assessed area with 5000 m² underground: the assessment is dropped (bridged FS+0),
    // the review runs 6–11 and the permit 13–14.
    let (v, _) = solve_json(&[
        "--attr",
        "underground_area=5000",
        "--attr",
        "in_assessed_area=yes",
    ]);
    assert_eq!(finish(&v, "environmental_assessment"), None);
    assert_eq!(finish(&v, "civil_air_defence"), Some(11.0));
    assert_eq!(finish(&v, "construction_permit"), Some(14.0));
    // Government investment adds the link planning →(FS+2) permit: no later than before (15 > 7).
    let (v, _) = solve_json(&["--attr", "investment=government"]);
    assert_eq!(finish(&v, "construction_permit"), Some(16.0));
}
