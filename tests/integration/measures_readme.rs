//! The README's examples of the reform measures ("Reform measures as they work") run on the
//! shipped files `tests/data/measure-*.toml` and give the totals worked by hand there.

use crate::harness::{permitflow, root, stderr, stdout};

fn working_days(file: &str, regime: &str) -> f64 {
    let path = root().join("tests/data").join(file);
    let o = permitflow(&["compare", &path.to_string_lossy(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    v["regimes"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["name"] == regime))
        .and_then(|r| r["working_days"].as_f64())
        .expect("the regime's working days")
}

#[test]
fn the_readme_measure_examples_give_their_hand_worked_totals() {
    // Parallel advance: the construction stage starts after the scheme review (3), not the
    // planning stage's delivery (5): 3 + 4 + 2 = 9 against 5 + 4 + 2 = 11.
    assert_eq!(working_days("measure-advance.toml", "parallel"), 11.0);
    assert_eq!(working_days("measure-advance.toml", "advance"), 9.0);
    // Acceptance with missing materials and a deadline of 3: the review starts on day 3, the
    // material (6 days) arrives on day 6, the result follows: 7 working days.
    assert_eq!(
        working_days("measure-tolerance.toml", "accept_missing"),
        7.0
    );
    // Commitment with verification: the fire design review is granted at intake (0) and the
    // permit follows: 8 working days instead of 18.
    assert_eq!(working_days("measure-commitment.toml", "parallel"), 18.0);
    assert_eq!(working_days("measure-commitment.toml", "commit"), 8.0);
}

/// `regime`'s working days of `file` with `--attr ATTR`.
fn working_days_with(file: &str, regime: &str, attr: &str) -> (f64, serde_json::Value) {
    let path = root().join("tests/data").join(file);
    let o = permitflow(&[
        "compare",
        &path.to_string_lossy(),
        "--format",
        "json",
        "--attr",
        attr,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let days = v["regimes"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["name"] == regime))
        .and_then(|r| r["working_days"].as_f64())
        .expect("the regime's working days");
    (days, v["attributes"].clone())
}

#[test]
fn the_readme_regional_assessment_example_gives_its_hand_worked_totals() {
    // Outside the area: site 5, EIA 15, lag 2, land-use permit 5, construction permit 3 = 30,
    // the measure left out (a note says why).
    let (days, attrs) =
        working_days_with("measure-regional.toml", "regional", "in_assessed_area=no");
    assert_eq!(days, 30.0);
    assert_eq!(attrs["in_assessed_area"], false);
    // In the area: the EIA's 15 days are gone, its lag kept, the energy review granted at
    // intake: 5 + 2 + 5 + 3 = 15.
    let (days, attrs) =
        working_days_with("measure-regional.toml", "regional", "in_assessed_area=yes");
    assert_eq!(days, 15.0);
    assert_eq!(attrs["in_assessed_area"], true);
    let (days, _) = working_days_with("measure-regional.toml", "parallel", "in_assessed_area=yes");
    assert_eq!(days, 30.0);
    // Both pass the independent checker.
    let path = root().join("tests/data/measure-regional.toml");
    for v in ["yes", "no"] {
        let attr = format!("in_assessed_area={v}");
        let o = permitflow(&["check", &path.to_string_lossy(), "--attr", &attr]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    }
}
