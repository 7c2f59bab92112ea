//! The approval centre on the shipped mid-sized city: it runs, and the timing and sizing runs
//! (split from `centre.rs`).

mod common;

use common::city;

use std::collections::BTreeMap;
use std::time::Instant;

use permitflow_solver::{CentreOptions, CentreResult, simulate_centre};

#[test]
fn the_shipped_city_runs() {
    let (projects, deps, name) = city(None);
    assert!(name.contains("city"));
    assert_eq!(deps.len(), 10);
    // Every listed department serves some item of the scenarios.
    for d in deps.keys() {
        assert!(
            projects
                .iter()
                .any(|p| p.scenario.items.iter().any(|i| i.department.as_str() == d)),
            "{d} appears in no scenario"
        );
    }
    let per_year: f64 = projects.iter().map(|p| p.rate).sum::<f64>() * 250.0;
    assert!((per_year - 300.0).abs() < 1e-9);
    let opts = CentreOptions {
        horizon: 250.0,
        warmup: 120.0,
        replications: 8,
        seed: 1,
        ..CentreOptions::default()
    };
    for regime in [None, Some("serial"), Some("parallel")] {
        let (projects, deps, _) = city(regime);
        let r = simulate_centre(&projects, &deps, &opts).unwrap();
        assert!(r.bottleneck.is_some());
        for p in &r.projects {
            assert_eq!(p.unfinished, 0);
            assert!(p.mean >= p.statutory * 0.5, "{}: {}", p.name, p.mean);
        }
        for d in r.departments.iter().filter(|d| d.reviewers.is_some()) {
            assert!(d.utilisation < 1.0, "{regime:?}: {d:?}");
        }
    }
}

/// The benchmark of the issue: one year of a city with 300 projects a year over 10 departments,
/// 100 replications. Run with
/// `cargo test --release -p permitflow-solver --test centre -- --ignored --nocapture city_year`.
#[test]
#[ignore]
fn city_year_timing() {
    let (projects, deps, _) = city(None);
    assert_eq!(deps.len(), 10);
    let opts = CentreOptions {
        horizon: 250.0,
        replications: 100,
        seed: 1,
        ..CentreOptions::default()
    };
    // Warm the thread pool.
    simulate_centre(&projects, &deps, &CentreOptions::new(10.0, 4, 0)).unwrap();
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = simulate_centre(&projects, &deps, &opts).unwrap();
        best = best.min(t.elapsed().as_secs_f64());
        result = Some(r);
    }
    let r = result.unwrap();
    println!(
        "city year: {} threads, best of 5 {:.3} s",
        rayon::current_num_threads(),
        best
    );
    print_result(&r);
    if !cfg!(debug_assertions) {
        assert!(best < 2.0, "{best} s");
    }
}

fn print_result(r: &CentreResult) {
    println!(
        "throughput {:.3}/wd, bottleneck {:?}",
        r.throughput, r.bottleneck
    );
    for p in &r.projects {
        println!(
            "  {:32} {:8} arrived {:6.1} mean {:6.1} P80 {:6.1} P95 {:6.1} statutory {:6.1} within {:5.3} wait {:5.2}",
            p.name,
            p.regime,
            p.arrived,
            p.mean,
            p.p80,
            p.p95,
            p.statutory,
            p.within_statutory,
            p.mean_wait
        );
    }
    for d in &r.departments {
        println!(
            "  {:45} {:>5} util {:5.3} busy {:6.2} queue {:6.2} wait {:6.2} reviews {:7.1}",
            d.name,
            d.reviewers.map(|c| c.to_string()).unwrap_or("∞".into()),
            d.utilisation,
            d.busy,
            d.mean_queue,
            d.mean_wait,
            d.reviews
        );
    }
}

/// Offered loads of the city under every regime with unlimited reviewers (for sizing).
#[test]
#[ignore]
fn city_loads() {
    for regime in [None, Some("parallel"), Some("serial")] {
        let (projects, _, _) = city(regime);
        let r = simulate_centre(
            &projects,
            &BTreeMap::new(),
            &CentreOptions {
                warmup: 120.0,
                ..CentreOptions::new(250.0, 20, 1)
            },
        )
        .unwrap();
        println!("== {regime:?}");
        print_result(&r);
        let (projects, deps, _) = city(regime);
        let r = simulate_centre(
            &projects,
            &deps,
            &CentreOptions {
                warmup: 120.0,
                ..CentreOptions::new(250.0, 20, 1)
            },
        )
        .unwrap();
        print_result(&r);
    }
}
