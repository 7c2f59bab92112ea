//! `permitflow centre` on the shipped mid-sized city: the documented JSON, determinism, regimes
//! compared under the same arrivals, the staffing ranking, and clear errors.

use crate::harness::permitflow;

fn json(args: &[&str]) -> serde_json::Value {
    let o = permitflow(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

const CITY: &str = "portfolios/mid-sized-city.toml";

#[test]
fn the_city_under_two_regimes_with_the_same_arrivals() {
    let args = [
        "centre",
        CITY,
        "--replications",
        "8",
        "--seed",
        "3",
        "--regime",
        "serial",
        "--regime",
        "joint",
        "--format",
        "json",
    ];
    let v = json(&args);
    assert_eq!(v, json(&args), "the same seed gives the same numbers");
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    let housing = |run: &serde_json::Value| {
        run["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "social-investment housing")
            .unwrap()
            .clone()
    };
    let (serial, joint) = (housing(&runs[0]), housing(&runs[1]));
    // Common random numbers: both regimes see the same arrivals.
    assert_eq!(serial["arrived"], joint["arrived"]);
    // The statutory totals are elapsed working days: with the publicity, the geotechnical
    // investigation and a year of works, 368.5 and 303.5 (joint counted by hand in cli.rs).
    assert_eq!(serial["statutory"], 368.5);
    assert_eq!(joint["statutory"], 303.5);
    // Waiting only adds to the statutory schedule on average, and joint stays far faster.
    assert!(joint["mean"].as_f64().unwrap() < serial["mean"].as_f64().unwrap());
    for run in runs {
        let util: Vec<f64> = run["departments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["utilisation"].as_f64())
            .collect();
        assert!(util.iter().all(|u| (0.0..1.0).contains(u)), "{util:?}");
        assert!(
            run["throughput"].as_f64().unwrap() > 1.0,
            "about 300 projects a year"
        );
        assert!(run["bottleneck"].is_string());
    }
}

#[test]
fn one_more_reviewer_ranking_and_errors() {
    let v = json(&[
        "centre",
        CITY,
        "--replications",
        "6",
        "--rank",
        "--format",
        "json",
    ]);
    let ranking = v["staffing"].as_array().unwrap();
    assert_eq!(
        ranking.len(),
        10,
        "every department with a fixed number of reviewers"
    );
    let saved: Vec<f64> = ranking
        .iter()
        .map(|g| g["p80_saved"].as_f64().unwrap())
        .collect();
    assert!(saved.windows(2).all(|w| w[0] >= w[1]), "ranked: {saved:?}");
    let o = permitflow(&[
        "centre",
        CITY,
        "--add-reviewer",
        "Fire Bureau",
        "--replications",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Fire Bureau"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = permitflow(&["centre", CITY, "--regime", "fastest", "--replications", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no regime `fastest`"));
}

#[test]
fn the_centre_reports_both_clocks_per_project_type() {
    let o = crate::harness::permitflow(&[
        "centre",
        "portfolios/mid-sized-city.toml",
        "--replications",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for p in v["runs"][0]["projects"].as_array().unwrap() {
        let a = &p["approval_days"];
        // The shipped flows have returns with the applicant's corrections: official time is
        // at most the lead time at every percentile (the clock stops while they correct).
        for key in ["mean", "p50", "p80", "p95", "max"] {
            let (x, lead) = (a[key].as_f64().unwrap(), p[key].as_f64().unwrap());
            assert!(x <= lead + 1e-9, "{}: {key} {x} > {lead}", p["name"]);
            assert!(x > 0.0);
        }
        for t in p["targets"].as_array().unwrap() {
            // The shipped published figures bound official approval time.
            assert_eq!(t["measure"], "approval_days", "{t}");
        }
    }
}
