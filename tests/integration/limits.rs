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

#[test]
fn a_long_chain_is_checked_without_a_crash() {
    // 100,000 items, each after the one before: once a stack overflow (exit 134), and the
    // network was built by a search per link (quadratic).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.csv");
    let mut text = String::from("id,name,department,stage,days,after\n");
    for i in 0..100_000 {
        let after = if i > 0 {
            format!("i{}", i - 1)
        } else {
            String::new()
        };
        text.push_str(&format!("i{i},Item {i},Dept {},S1,1,{after}\n", i % 7));
    }
    std::fs::write(&path, text).unwrap();
    let o = permitflow(&["check", path.to_str().unwrap(), "--start", "2025-03-03"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        crate::harness::stdout(&o).contains("parallel: 100000 approval days, 100000 working days")
    );
}
