//! The approval centre with a publicity period in calendar days: the issue's flow `a` (approval,
//! 5 working days) → `b` (special, 10 calendar days) → `c` (approval, 3 working days), Monday
//! to Friday working, the centre opening on Monday 2025-03-03.

use std::collections::BTreeMap;

use permitflow_model::{Format, Scenario, parse_scenario};
use permitflow_solver::{CentreOptions, ProjectType, simulate_centre};

fn flow() -> Scenario {
    let text = r#"
version = 1
name = "A publicity period between"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 5

[[items]]
id = "b"
department = "Bureau"
stage = "s"
days = 10
unit = "calendar"
clock = "special"
after = ["a"]

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 3
after = ["b"]
"#;
    parse_scenario(text, "t.toml", Format::Toml).unwrap()
}

fn share(xs: &[f64], lo: f64, hi: f64) -> f64 {
    xs.iter().filter(|&&x| x > lo && x <= hi).count() as f64 / xs.len() as f64
}

/// A project arriving on weekday X at fraction `f` of a working day: `a` ends on the next X at
/// `f`, `b` starts the day after and lasts 10 days, `c` starts on the first working day after.
/// Counting the working days by hand: arriving Monday or Tuesday the lead time is 17 − f,
/// Wednesday 16 − f, Thursday or Friday 15 − f (the weekends `b` covers count no working
/// days); the approval days are 5 + 3 = 8 always. Poisson arrivals are uniform over working
/// time, so the mean lead time is (2·17 + 16 + 2·15) / 5 − ½ = 15.5 working days.
#[test]
fn a_publicity_period_holds_no_reviewer_and_runs_on_the_calendar() {
    let s = flow();
    let p = ProjectType {
        name: "p".into(),
        regime: s.regime("parallel").unwrap().clone(),
        scenario: s,
        rate: 0.5,
        priority: false,
    };
    let opts = CentreOptions {
        horizon: 2000.0,
        replications: 8,
        seed: 3,
        ..CentreOptions::default()
    };
    // Unlimited reviewers: nothing waits.
    let r = simulate_centre(std::slice::from_ref(&p), &BTreeMap::new(), &opts).unwrap();
    let t = &r.projects[0];
    assert_eq!(
        t.statutory, 14.0,
        "applied on a Monday: the issue's 14 working days"
    );
    assert_eq!(t.approval.statutory, 8.0);
    assert!(t.samples.len() > 5000, "{}", t.samples.len());
    assert!(
        t.approval.samples.iter().all(|&a| (a - 8.0).abs() < 1e-9),
        "approval {} to {}",
        t.approval.samples[0],
        t.approval.max
    );
    assert!(
        t.samples
            .iter()
            .all(|&x| x > 14.0 - 1e-9 && x <= 17.0 + 1e-9)
    );
    assert!((share(&t.samples, 16.0, 17.0) - 0.4).abs() < 0.02);
    assert!((share(&t.samples, 15.0, 16.0) - 0.2).abs() < 0.02);
    assert!((share(&t.samples, 14.0, 15.0) - 0.4).abs() < 0.02);
    assert!((t.mean - 15.5).abs() < 0.05, "mean {}", t.mean);
    assert_eq!(t.mean_wait, 0.0);

    // One reviewer at the Bureau: b holds none, so a and c (8 days of review per project at
    // 0.5 projects a day: utilisation 4) would swamp it; with a slow arrival rate the
    // reviewer's load is only a's and c's days.
    let slow = ProjectType { rate: 0.05, ..p };
    let caps = BTreeMap::from([("Bureau".to_owned(), 1usize)]);
    let r = simulate_centre(&[slow], &caps, &opts).unwrap();
    let d = &r.departments[0];
    assert!((d.utilisation - 0.4).abs() < 0.03, "{}", d.utilisation);
}
