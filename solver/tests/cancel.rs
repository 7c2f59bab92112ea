//! Long runs stop when their caller no longer wants the result: the Monte Carlo between chunks,
//! the approval centre between replications, each with `SolveError::Cancelled`.

mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use permitflow_solver::{
    CentreOptions, ProjectType, SimulationOptions, SolveError, simulate_centre_with_cancel,
    simulate_with_cancel,
};

fn default() -> permitflow_model::Scenario {
    common::scenario(include_str!(
        "../../scenarios/social-investment-housing.toml"
    ))
}

#[test]
fn a_cancelled_simulation_stops_and_says_so() {
    let s = default();
    let r = s
        .regime("joint")
        .cloned()
        .unwrap_or_else(|| panic!("joint"));
    let opts = SimulationOptions {
        iterations: 400_000,
        seed: 1,
    };
    // Asked once per chunk of 4,096 iterations: cancelled after the third question.
    let asked = AtomicUsize::new(0);
    let out = simulate_with_cancel(&s, &r, &opts, &|| {
        asked.fetch_add(1, Ordering::Relaxed) >= 3
    });
    assert_eq!(out.err(), Some(SolveError::Cancelled));
    // Far fewer than the 98 chunks were started: each thread stops at its next chunk.
    assert!(
        asked.load(Ordering::Relaxed) < 98,
        "{}",
        asked.load(Ordering::Relaxed)
    );
    // Not cancelled: the same numbers as without the question.
    let a = simulate_with_cancel(
        &s,
        &r,
        &SimulationOptions {
            iterations: 5_000,
            seed: 3,
        },
        &|| false,
    );
    let b = permitflow_solver::simulate(
        &s,
        &r,
        &SimulationOptions {
            iterations: 5_000,
            seed: 3,
        },
    );
    assert_eq!(a.map(|x| x.samples), b.map(|x| x.samples));
}

#[test]
fn a_cancelled_approval_centre_stops_and_says_so() {
    let s = default();
    let r = s
        .regime("joint")
        .cloned()
        .unwrap_or_else(|| panic!("joint"));
    let projects = [ProjectType {
        name: "housing".into(),
        scenario: s.clone(),
        regime: r,
        rate: 0.5,
        priority: false,
    }];
    let opts = CentreOptions {
        horizon: 250.0,
        warmup: 20.0,
        replications: 200,
        seed: 1,
        ..CentreOptions::default()
    };
    let out = simulate_centre_with_cancel(&projects, &BTreeMap::new(), &opts, &|| true);
    assert_eq!(out.err(), Some(SolveError::Cancelled));
}
