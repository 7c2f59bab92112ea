//! `permitflow simulate` and `permitflow plan` end to end on the default scenario: determinism,
//! the documented JSON shapes, and the numbers a planner checks.

use crate::harness::{approval_only_default, permitflow};

fn json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let o = permitflow(args);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    (o.status.code(), v)
}

#[test]
fn simulation_is_deterministic_and_has_the_documented_shape() {
    let args = [
        "simulate",
        "--regime",
        "joint",
        "--iterations",
        "5000",
        "--seed",
        "42",
        "--format",
        "json",
    ];
    let (code, a) = json(&args);
    assert_eq!(code, Some(0));
    let (_, b) = json(&args);
    assert_eq!(a, b, "the same seed gives the same numbers");
    let (_, c) = json(&[
        "simulate",
        "--regime",
        "joint",
        "--iterations",
        "5000",
        "--seed",
        "43",
        "--format",
        "json",
    ]);
    assert_ne!(a["regimes"][0]["mean"], c["regimes"][0]["mean"]);

    let r = &a["regimes"][0];
    assert_eq!(r["name"], "joint");
    // The published 36.5 is approval time; elapsed, 303.5 working days with the publicity, the
    // investigation and a year of works.
    let approval = &r["approval_days"];
    assert_eq!(approval["deterministic"], 36.5);
    assert_eq!(r["deterministic"], 303.5);
    let (p50, p80, p95) = (
        approval["p50"].as_f64().unwrap(),
        approval["p80"].as_f64().unwrap(),
        approval["p95"].as_f64().unwrap(),
    );
    assert!(p50 <= p80 && p80 <= p95, "{p50} {p80} {p95}");
    // Reviews usually finish inside their limits but returns add re-reviews: the spread of
    // approval days straddles 36.5.
    assert!(approval["min"].as_f64().unwrap() < 36.5 && approval["max"].as_f64().unwrap() > 36.5);
    let targets = r["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0]["name"], "2020 target: 60 working days");
    let p60 = targets[0]["probability"].as_f64().unwrap();
    let p365 = targets[1]["probability"].as_f64().unwrap();
    assert!(p60 > 0.99 && p365 < p60, "{p60} {p365}");
    // The joint events after the works are on every path, always critical (before the works a
    // delay may end them on a weekend the works absorb); the water connection rarely.
    assert_eq!(r["criticality"]["joint_acceptance"], 1.0);
    assert!(r["criticality"]["water_connection"].as_f64().unwrap() < 0.05);
    let sens = r["sensitivity"].as_array().unwrap();
    assert!(
        sens.windows(2)
            .all(|w| w[0]["days"].as_f64() >= w[1]["days"].as_f64()),
        "ranked"
    );
    assert!(sens[0]["id"].is_string() && sens[0]["days"].as_f64().unwrap() > 0.0);
}

#[test]
fn without_spreads_the_simulation_is_the_schedule() {
    // The CSV item list has no spreads or returns: every iteration gives 8, 11 and 21.
    let (code, v) = json(&[
        "simulate",
        "scenarios/construction-permit.csv",
        "--start",
        "2025-03-03",
        "--iterations",
        "1000",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0));
    for (r, want) in v["regimes"]
        .as_array()
        .unwrap()
        .iter()
        .zip([21.0, 11.0, 8.0])
    {
        for key in ["mean", "p50", "p80", "p95", "min", "max", "deterministic"] {
            assert_eq!(r[key], want, "{} {key}", r["name"]);
        }
    }
}

#[test]
fn plan_reaches_30_working_days_from_the_joint_regime() {
    // The planner bounds elapsed working days: the default scenario's all-approval flow, where
    // they are the published 36.5 (the shipped file adds a year of works that no cut shortens).
    let file = approval_only_default();
    let (code, v) = json(&[
        "plan",
        file.to_str().unwrap(),
        "--regime",
        "joint",
        "--target",
        "30",
        "--curve",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(v["target"], 30.0);
    assert_eq!(v["reachable"], true);
    assert_eq!(v["working_days"], 30.0);
    assert_eq!(v["least_working_days"], 21.5);
    // Every item costs 1 a day except the joint events (2–3): the cheapest 6.5 days are cut.
    assert_eq!(v["cost"], 6.5);
    let cuts = v["cuts"].as_array().unwrap();
    let total: f64 = cuts.iter().map(|c| c["days"].as_f64().unwrap()).sum();
    assert_eq!(total, 6.5);
    for c in cuts {
        assert_eq!(
            c["from"].as_f64().unwrap() - c["to"].as_f64().unwrap(),
            c["days"].as_f64().unwrap()
        );
    }
    // The curve runs from today's 36.5 at cost 0 to the least 21.5, cost rising.
    let curve = v["curve"].as_array().unwrap();
    assert_eq!(curve.first().unwrap()["working_days"], 36.5);
    assert_eq!(curve.first().unwrap()["cost"], 0.0);
    assert_eq!(curve.last().unwrap()["working_days"], 21.5);
    assert!(
        curve
            .windows(2)
            .all(|w| w[1]["cost"].as_f64() > w[0]["cost"].as_f64())
    );
    // Attribution: serial 100.5 → parallel 49.5 → joint review 36.5.
    let steps = v["attribution"]["steps"].as_array().unwrap();
    let saved: Vec<f64> = steps.iter().map(|s| s["saved"].as_f64().unwrap()).collect();
    assert_eq!(saved.iter().sum::<f64>(), 100.5 - 36.5);
    assert_eq!(steps.last().unwrap()["working_days"], 36.5);
}

#[test]
fn plan_below_the_least_says_so_and_exits_1() {
    let file = approval_only_default();
    let file = file.to_str().unwrap();
    let (code, v) = json(&[
        "plan", file, "--regime", "joint", "--target", "15", "--format", "json",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(v["reachable"], false);
    assert_eq!(v["least_working_days"], 21.5);
    assert!(
        v["limiting"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == "joint_plan_review")
    );
    let o = permitflow(&["plan", file, "--regime", "joint", "--target", "15"]);
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("✗ the target is out of reach: the least achievable is 21.5 working days")
    );
}

#[test]
fn simulation_reports_both_clocks_side_by_side() {
    // No spreads or returns: every iteration gives the schedule's figures on both clocks, and
    // from Monday 2025-03-03 the 21st, 11th and 8th working days are 03-31, 03-17 and 03-12:
    // 29, 15 and 10 calendar days, application day included.
    let (code, v) = json(&[
        "simulate",
        "scenarios/construction-permit.csv",
        "--start",
        "2025-03-03",
        "--iterations",
        "500",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0));
    let regimes = v["regimes"].as_array().unwrap();
    for (r, (wd, cd)) in regimes
        .iter()
        .zip([(21.0, 29.0), (11.0, 15.0), (8.0, 10.0)])
    {
        let keys: Vec<&str> = r
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| k.ends_with("_days"))
            .collect();
        assert_eq!(keys, ["approval_days", "working_days", "calendar_days"]);
        for key in ["deterministic", "mean", "p50", "p80", "p95", "min", "max"] {
            assert_eq!(r["approval_days"][key], wd, "{} {key}", r["name"]);
            assert_eq!(r["working_days"][key], wd, "{} {key}", r["name"]);
            assert_eq!(r["calendar_days"][key], cd, "{} {key}", r["name"]);
        }
    }
    // The default scenario's returns carry the applicant's correction: official time is below
    // elapsed time, never above it.
    let (_, v) = json(&[
        "simulate",
        "--regime",
        "joint",
        "--iterations",
        "2000",
        "--format",
        "json",
    ]);
    let r = &v["regimes"][0];
    for key in ["mean", "p80", "p95", "max"] {
        let (a, w) = (
            r["approval_days"][key].as_f64().unwrap(),
            r["working_days"][key].as_f64().unwrap(),
        );
        assert!(a <= w, "{key}: approval {a} > elapsed {w}");
    }
    assert!(r["approval_days"]["mean"].as_f64() < r["working_days"]["mean"].as_f64());
    // The shipped targets bound approval days (the published figures).
    assert_eq!(r["targets"][0]["measure"], "approval_days");

    // CSV: the approval and calendar columns after the elapsed ones.
    let o = crate::harness::permitflow(&[
        "simulate",
        "scenarios/construction-permit.csv",
        "--start",
        "2025-03-03",
        "--iterations",
        "100",
        "--format",
        "csv",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |k: &str| head.iter().position(|h| *h == k).unwrap();
    assert!(
        at("p95") < at("approval_days_p50") && at("approval_days_p50") < at("calendar_days_p50")
    );
    assert_eq!(row[at("approval_days_p50")], "21");
    assert_eq!(row[at("calendar_days_p95")], "29");
}
