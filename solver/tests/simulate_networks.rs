//! Monte Carlo simulation on whole networks: fixed durations on every link kind agree with the
//! schedule, and the timing runs of the shipped scenarios (split from `simulate.rs`).

mod common;

use common::{add_spreads, run, scenario, shipped, sixty_items, triangular_spreads};
use permitflow_model::{Scenario, WorkingDays};
use permitflow_solver::simulate::{CHUNK, LANES};
use permitflow_solver::{
    Method, SimulationOptions, SimulationResult, network_for, schedule, simulate,
};

fn criticality(r: &SimulationResult, id: &str) -> f64 {
    r.criticality.iter().find(|(a, _)| a == id).unwrap().1
}

/// Five items `a`–`e` with these links (`after` values) and limits; `d` is released at 3.
fn five_items(after: &[&str; 5], spreads: &[String; 5], days: &[f64; 5]) -> Scenario {
    // Limits are whole or half days; spreads need not be.
    let mut t = String::from(
        "version = 1\nname = \"Links\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n\n\
         [[stages]]\nid = \"s\"\nlead = \"Bureau\"\n",
    );
    for (k, id) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        t += &format!(
            "\n[[items]]\nid = \"{id}\"\ndepartment = \"Bureau\"\nstage = \"s\"\ndays = {}\n{}\n",
            days[k], spreads[k]
        );
        if !after[k].is_empty() {
            t += &format!("after = [{}]\n", after[k]);
        }
        if *id == "d" {
            t += "release = 3\n";
        }
    }
    scenario(&t)
}

#[test]
fn fixed_durations_give_the_schedule_on_every_link_kind() {
    // Spreads fixed at other values than the limits: every sample is the schedule of the
    // network with those durations, and the critical items are its critical items. Different
    // durations make different links bind (the start-to-start and finish-to-finish links, the
    // start-to-finish link against the release) and leave floats below half a day.
    let mixed = [
        "",
        r#""a:SS+2""#,
        r#""a:FF+1", "b""#,
        r#""c:SF-1""#,
        r#""b+1""#,
    ];
    // Finish-to-start only, with lags (one negative), for the specialised passes.
    let fs = ["", r#""a+2""#, r#""a-1", "b""#, r#""c+0.5""#, r#""b+1""#];
    for after in [mixed, fs] {
        for fixed in [
            [2.5, 4.0, 6.5, 1.0, 3.0],
            [9.0, 1.0, 2.0, 1.0, 3.0],
            [3.0, 2.0, 1.25, 0.5, 0.5],
            [1.0, 0.3, 2.0, 0.7, 1.9],
            [0.0, 0.5, 0.0, 4.0, 0.0],
        ] {
            let spreads = fixed.map(|v| format!(r#"spread = {{ dist = "fixed", likely = {v} }}"#));
            let s = five_items(&after, &spreads, &[5.0, 3.0, 4.0, 2.0, 6.0]);
            let r = run(&s, "parallel", 3 * LANES + 1, 1);
            // The reference: the schedule of the same network with the fixed durations.
            let mut net = network_for(&s, s.regime("parallel").unwrap()).unwrap();
            for a in &mut net.activities {
                if let Some(k) = ["a", "b", "c", "d", "e"].iter().position(|&id| id == a.id) {
                    a.days = WorkingDays::new(fixed[k]);
                }
            }
            let sched = schedule(&net, Method::Paths).unwrap();
            assert!(
                r.samples.iter().all(|&x| x == sched.makespan.get()),
                "{after:?} {fixed:?}: {} {:?}",
                sched.makespan,
                r.samples
            );
            for (a, &c) in net.activities.iter().zip(&sched.critical) {
                if !a.is_gate() {
                    let want = if c { 1.0 } else { 0.0 };
                    assert_eq!(
                        criticality(&r, &a.id),
                        want,
                        "{after:?} {fixed:?}: {}",
                        a.id
                    );
                }
            }
        }
    }
}

#[test]
fn finish_to_start_networks_take_the_general_passes_numbers() {
    // The same finish-to-start network, once as it is (the specialised passes) and once with a
    // deadline that never binds (an upper bound: the general passes): the same random numbers
    // give the same results.
    let s = triangular_spreads(&sixty_items());
    let mut bounded = s.to_draft();
    bounded.items[0].deadline = Some(WorkingDays::new(10_000.0));
    let bounded = common::revalidate(&bounded);
    for iterations in [CHUNK + 5, 3] {
        let a = run(&s, "parallel", iterations, 9);
        let b = run(&bounded, "parallel", iterations, 9);
        assert_eq!(a.samples, b.samples);
        assert_eq!(a.criticality, b.criticality);
        assert_eq!(a.sensitivity, b.sensitivity);
        assert_eq!((a.mean, b.infeasible), (b.mean, 0));
    }
}

/// `cargo test --release -p permitflow-solver --test simulate -- --ignored --nocapture timing`
#[test]
#[ignore = "timing; run in release"]
fn timing_100k_iterations() {
    let opts = SimulationOptions {
        iterations: 100_000,
        seed: 1,
    };
    let s = add_spreads(&shipped("social-investment-housing.toml"));
    let big = sixty_items();
    for (label, s, regime) in [
        ("default scenario (21 items), parallel", &s, "parallel"),
        ("default scenario (21 items), serial", &s, "serial"),
        ("synthetic 60 items, parallel", &big, "parallel"),
    ] {
        let r = s.regime(regime).unwrap();
        simulate(s, r, &opts).unwrap(); // warm up the thread pool
        let t = std::time::Instant::now();
        let res = simulate(s, r, &opts).unwrap();
        let el = t.elapsed();
        eprintln!(
            "{label}: 100,000 iterations in {:.1} ms on {} threads (p50 {:.1}, p95 {:.1})",
            el.as_secs_f64() * 1000.0,
            rayon::current_num_threads(),
            res.p50,
            res.p95
        );
    }
}
