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
