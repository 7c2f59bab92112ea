//! Counts a user types have documented ranges and a clear refusal (part of issue 17), and the
//! library page exits as the README says.

use crate::harness::{permitflow, root, stderr};

#[test]
fn counts_outside_their_range_are_refused_with_the_range() {
    let city = "portfolios/mid-sized-city.toml";
    for (args, says) in [
        (
            vec!["simulate", "--iterations", "0"],
            "0 is not in 1..=10000000",
        ),
        (
            vec!["simulate", "--iterations", "1000000000000"],
            "is not in 1..=10000000",
        ),
        (
            vec!["centre", city, "--replications", "0"],
            "0 is not in 1..=100000",
        ),
        (
            vec!["centre", city, "--horizon", "1e9"],
            "at most 10,000 working days",
        ),
        (
            vec!["chart", "--scale", "50", "-o", "x.png"],
            "from 0.25 to 8",
        ),
        (
            vec!["chart", "--scale", "0", "-o", "x.png"],
            "from 0.25 to 8",
        ),
        (
            vec!["report", "--plan", "joint:NaN", "-o", "x.html"],
            "REGIME:DAYS",
        ),
    ] {
        let o = permitflow(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    assert!(!root().join("x.png").exists() && !root().join("x.html").exists());
}

#[test]
fn a_library_with_an_invalid_scenario_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "scenarios/industrial.toml",
        "tests/broken/many_problems.toml",
    ] {
        let p = root().join(f);
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let o = permitflow(&["library", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = permitflow(&["library", "scenarios"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
