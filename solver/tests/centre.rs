//! The approval centre against queueing theory and against the per-project Monte Carlo.
//! Tolerances are four standard errors (from the spread of independent replications); a seeded
//! run is reproducible, so a pass is a pass on every machine.

mod common;

use std::collections::BTreeMap;

use common::{approval_only, city, project, scenario, shipped};
use permitflow_model::Scenario;
use permitflow_solver::{
    CentreOptions, CentreResult, DepartmentResult, ProjectTypeResult, ServiceTimes,
    SimulationOptions, SolveError, rank_reviewers, simulate, simulate_centre,
};

fn caps(list: &[(&str, usize)]) -> BTreeMap<String, usize> {
    list.iter().map(|&(d, c)| (d.to_owned(), c)).collect()
}

fn dept<'a>(r: &'a CentreResult, name: &str) -> &'a DepartmentResult {
    r.departments
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no department {name}"))
}

fn ptype<'a>(r: &'a CentreResult, name: &str) -> &'a ProjectTypeResult {
    r.projects
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no project type {name}"))
}

/// One stage, one reviewed item `review` of `days` in department `Bureau`, with `extra` lines.
fn one_item(days: f64, extra: &str) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "One item"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "review"
department = "Bureau"
stage = "s"
days = {days}
{extra}
"#
    ))
}

/// Erlang C: the mean wait in queue of M/M/c with arrival rate `lambda` and service rate `mu`.
fn erlang_c_wait(c: usize, lambda: f64, mu: f64) -> f64 {
    let a = lambda / mu;
    let mut term = 1.0;
    let mut sum = 0.0;
    for k in 0..c {
        sum += term;
        term *= a / (k + 1) as f64;
    }
    // term is now a^c / c!
    let top = term * c as f64 / (c as f64 - a);
    let p_wait = top / (sum + top);
    p_wait / (c as f64 * mu - lambda)
}

fn mmc(c: usize, lambda: f64, seed: u64) -> CentreResult {
    let s = one_item(1.0, "");
    let opts = CentreOptions {
        horizon: 5000.0,
        warmup: 300.0,
        replications: 32,
        seed,
        service: ServiceTimes::Exponential,
        ..CentreOptions::default()
    };
    simulate_centre(
        &[project("p", &s, "parallel", lambda, false)],
        &caps(&[("Bureau", c)]),
        &opts,
    )
    .unwrap()
}

fn assert_close(what: &str, got: f64, want: f64, se: f64) {
    assert!(
        se.is_finite() && se > 0.0,
        "{what}: no standard error ({se})"
    );
    assert!(
        (got - want).abs() < 4.0 * se,
        "{what}: {got} vs theory {want} (4 se = {})",
        4.0 * se
    );
}

#[test]
fn mm1_mean_wait_is_erlang_c() {
    // ρ = 0.75: Wq = ρ / (μ − λ) = 3 working days.
    let r = mmc(1, 0.75, 11);
    let d = dept(&r, "Bureau");
    let want = erlang_c_wait(1, 0.75, 1.0);
    assert!((want - 3.0).abs() < 1e-12);
    assert_close("M/M/1 mean wait", d.mean_wait, want, d.mean_wait_se);
    // Little's law for the queue and the utilisation ρ.
    assert!(
        (d.mean_queue - 0.75 * want).abs() < 0.1 * 0.75 * want,
        "{d:?}"
    );
    assert!((d.utilisation - 0.75).abs() < 0.01, "{d:?}");
    assert_eq!(d.reviewers, Some(1));
    assert_eq!(r.bottleneck.as_deref(), Some("Bureau"));
    // The project's lead time is its wait plus its service (mean 1).
    let p = ptype(&r, "p");
    assert_close("M/M/1 lead time", p.mean, want + 1.0, p.mean_se);
}

#[test]
fn mm3_mean_wait_is_erlang_c() {
    // c = 3, ρ = 0.75: Wq = C(3, 2.25) / (3 − 2.25) ≈ 0.757.
    let r = mmc(3, 2.25, 12);
    let d = dept(&r, "Bureau");
    let want = erlang_c_wait(3, 2.25, 1.0);
    assert!((want - 0.7570).abs() < 1e-3, "{want}");
    assert_close("M/M/3 mean wait", d.mean_wait, want, d.mean_wait_se);
    assert!((d.utilisation - 0.75).abs() < 0.01, "{d:?}");
    assert!((d.busy - 2.25).abs() < 0.03, "{d:?}");
}

#[test]
fn priority_classes_wait_as_cobham_says() {
    // M/M/1, non-preemptive priority: key projects λ₁ = 0.3, others λ₂ = 0.45, μ = 1.
    // W₀ = Σ λᵢ E[S²] / 2 = 0.75; W₁ = W₀ / (1 − ρ₁); W₂ = W₀ / ((1 − ρ₁)(1 − ρ₁ − ρ₂)).
    let s = one_item(1.0, "");
    let opts = CentreOptions {
        horizon: 5000.0,
        warmup: 300.0,
        replications: 32,
        seed: 5,
        service: ServiceTimes::Exponential,
        ..CentreOptions::default()
    };
    let r = simulate_centre(
        &[
            project("key", &s, "parallel", 0.3, true),
            project("other", &s, "parallel", 0.45, false),
        ],
        &caps(&[("Bureau", 1)]),
        &opts,
    )
    .unwrap();
    let key = ptype(&r, "key");
    let other = ptype(&r, "other");
    assert_close(
        "priority class",
        key.mean_wait,
        0.75 / 0.7,
        key.mean_wait_se,
    );
    assert_close(
        "ordinary class",
        other.mean_wait,
        0.75 / (0.7 * 0.25),
        other.mean_wait_se,
    );
    // Together they wait as one M/M/1 class does (work conservation): 3 days.
    assert_close(
        "all files",
        dept(&r, "Bureau").mean_wait,
        3.0,
        dept(&r, "Bureau").mean_wait_se,
    );
}

#[test]
fn priority_classes_with_three_reviewers() {
    // M/M/3 with equal service rates: Wₖ = C(c, a) / (cμ) / ((1 − σₖ₋₁)(1 − σₖ)), σ the load
    // of classes up to k. λ₁ = 0.9 (key), λ₂ = 1.35, μ = 1: W₁ ≈ 0.270, W₂ ≈ 1.082.
    let s = one_item(1.0, "");
    let opts = CentreOptions {
        horizon: 4000.0,
        warmup: 300.0,
        replications: 32,
        seed: 15,
        service: ServiceTimes::Exponential,
        ..CentreOptions::default()
    };
    let r = simulate_centre(
        &[
            project("key", &s, "parallel", 0.9, true),
            project("other", &s, "parallel", 1.35, false),
        ],
        &caps(&[("Bureau", 3)]),
        &opts,
    )
    .unwrap();
    let w0 = erlang_c_wait(3, 2.25, 1.0) * (3.0 - 2.25) / 3.0;
    let key = ptype(&r, "key");
    let other = ptype(&r, "other");
    assert_close("key projects", key.mean_wait, w0 / 0.7, key.mean_wait_se);
    assert_close(
        "other projects",
        other.mean_wait,
        w0 / (0.7 * 0.25),
        other.mean_wait_se,
    );
}

#[test]
fn unlimited_reviewers_reproduce_the_monte_carlo() {
    // The shipped scenario has triangular spreads and returns (5.3 %, 3 days of rework). Its
    // all-approval flow: with calendar-day items (a year of works) a project's elapsed working
    // days depend on the day it arrives (the holidays its year of works covers), which the
    // Monte Carlo fixes at the scenario's start and the centre spreads over four years.
    let s = approval_only(&shipped("social-investment-housing.toml"));
    for regime in ["serial", "joint"] {
        let mc = simulate(
            &s,
            s.regime(regime).unwrap(),
            &SimulationOptions {
                iterations: 100_000,
                seed: 3,
            },
        )
        .unwrap();
        let opts = CentreOptions {
            horizon: 1000.0,
            replications: 16,
            seed: 3,
            ..CentreOptions::default()
        };
        let r = simulate_centre(
            &[project("housing", &s, regime, 2.0, false)],
            &BTreeMap::new(),
            &opts,
        )
        .unwrap();
        let p = &r.projects[0];
        assert!(p.samples.len() > 25_000, "{}", p.samples.len());
        assert_eq!(p.unfinished, 0);
        assert_eq!(p.statutory, mc.deterministic);
        assert_eq!(p.mean_wait, 0.0, "nobody waits with unlimited reviewers");
        let mc_var = mc
            .samples
            .iter()
            .map(|x| (x - mc.mean) * (x - mc.mean))
            .sum::<f64>()
            / mc.samples.len() as f64;
        let se = (p.mean_se * p.mean_se + mc_var / mc.samples.len() as f64).sqrt();
        assert_close(
            &format!("{regime}: centre vs Monte Carlo mean"),
            p.mean,
            mc.mean,
            se,
        );
        // Percentiles agree to within a fraction of a working day.
        assert!(
            (p.p80 - mc.p80).abs() < 0.5,
            "{regime} P80 {} vs {}",
            p.p80,
            mc.p80
        );
        assert!(
            (p.p95 - mc.p95).abs() < 1.0,
            "{regime} P95 {} vs {}",
            p.p95,
            mc.p95
        );
        // The fastest runs agree: each side's minimum lies among the other's fastest 10 / n
        // (for one distribution, P(F(min of n) > 10 / n) = (1 − 10 / n)ⁿ ≈ e⁻¹⁰).
        let below = |sorted: &[f64], x: f64| {
            sorted.partition_point(|&y| y < x) as f64 / sorted.len() as f64
        };
        let (n, m) = (p.samples.len() as f64, mc.samples.len() as f64);
        assert!(
            below(&mc.samples, p.samples[0]) < 10.0 / n,
            "{regime}: centre's fastest {} vs the Monte Carlo's",
            p.samples[0]
        );
        assert!(
            below(&p.samples, mc.min) < 10.0 / m,
            "{regime}: Monte Carlo's fastest {} vs the centre's",
            mc.min
        );
        // The share within the published target, as the Monte Carlo gives it.
        for ((name, share), t) in mc.targets.iter().zip(&p.targets) {
            assert_eq!(name, &t.name);
            assert!(
                (share - t.share).abs() < 0.02,
                "{name}: {share} vs {}",
                t.share
            );
        }
    }
}

#[test]
fn without_spread_every_lead_time_is_the_statutory_total() {
    // The default scenario's all-approval flow, whose statutory totals are 100.5 and 36.5 (the
    // shipped file's year of works would outlast the 250-day horizon).
    let mut d = approval_only(&shipped("social-investment-housing.toml")).to_draft();
    for it in &mut d.items {
        it.spread = None;
        it.returns = None;
    }
    for g in &mut d.joint_groups {
        g.spread = None;
    }
    let s = common::revalidate(&d);
    let r = simulate_centre(
        &[
            project("serial", &s, "serial", 0.5, false),
            project("joint", &s, "joint", 0.5, true),
        ],
        &BTreeMap::new(),
        &CentreOptions::new(250.0, 4, 9),
    )
    .unwrap();
    for (p, want) in r.projects.iter().zip([100.5, 36.5]) {
        assert_eq!(p.statutory, want);
        assert!(!p.samples.is_empty());
        assert!(
            p.samples.iter().all(|&x| (x - want).abs() < 1e-9),
            "{}",
            p.name
        );
        assert_eq!(p.within_statutory, 1.0);
    }
    // Unlimited departments still report their load; no finite one, no bottleneck.
    assert_eq!(r.bottleneck, None);
    let nrb = dept(&r, "Natural Resources Bureau");
    assert_eq!(nrb.reviewers, None);
    assert!(nrb.utilisation.is_nan() && nrb.busy > 0.0 && nrb.mean_wait == 0.0);
}

#[test]
fn links_of_every_kind_date_activities_like_the_critical_path() {
    // SS, FF and SF links and a negative lag: with unlimited reviewers each project takes
    // exactly the deterministic schedule's working days.
    let s = scenario(
        r#"
version = 1
name = "Links"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "A"
stage = "s"
days = 4

[[items]]
id = "b"
department = "B"
stage = "s"
days = 3
after = ["a:SS+1"]

[[items]]
id = "c"
department = "C"
stage = "s"
days = 2
after = ["a:FF+1"]

[[items]]
id = "d"
department = "D"
stage = "s"
days = 6
after = ["b:SF+2"]

[[items]]
id = "e"
department = "E"
stage = "s"
days = 1
after = ["c-1"]
"#,
    );
    let r = simulate_centre(
        &[project("links", &s, "parallel", 0.2, false)],
        &BTreeMap::new(),
        &CentreOptions::new(500.0, 2, 1),
    )
    .unwrap();
    let p = &r.projects[0];
    assert_eq!(p.statutory, 6.0);
    assert!(p.samples.iter().all(|&x| (x - p.statutory).abs() < 1e-9));

    // With one reviewer each the same flow can only take longer.
    let r = simulate_centre(
        &[project("links", &s, "parallel", 0.2, false)],
        &caps(&[("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 1)]),
        &CentreOptions::new(500.0, 2, 1),
    )
    .unwrap();
    assert!(r.projects[0].samples.iter().all(|&x| x >= 6.0 - 1e-9));
    assert!(r.projects[0].mean > 6.0);
}

#[test]
fn returns_rejoin_the_queue() {
    // Half the files come back: 2 reviews per project on average, each waiting again.
    let s = one_item(
        1.0,
        "returns = { rate = 0.5, correction_days = 2, rework_days = 1 }",
    );
    let opts = CentreOptions {
        horizon: 2000.0,
        replications: 8,
        seed: 2,
        ..CentreOptions::default()
    };
    let p = [project("p", &s, "parallel", 0.3, false)];
    let free = simulate_centre(&p, &BTreeMap::new(), &opts).unwrap();
    let busy = simulate_centre(&p, &caps(&[("Bureau", 1)]), &opts).unwrap();
    for r in [&free, &busy] {
        let d = dept(r, "Bureau");
        let per_project = d.reviews / r.projects[0].arrived;
        // Reviews per project 1 + K, Var(K) = rate / (1 − rate)² = 2: four standard errors.
        let se = (2.0 / (r.projects[0].arrived * opts.replications as f64)).sqrt();
        assert!(
            (per_project - 2.0).abs() < 4.0 * se,
            "{per_project} (se {se})"
        );
        // Offered load λ · E[reviews] · 1 day = 0.6.
        assert!((d.busy - 0.6).abs() < 0.03, "{d:?}");
    }
    // Without queues: 1 + K · (2 + 1) days, E[K] = 1.
    assert_close(
        "lead time without queues",
        free.projects[0].mean,
        4.0,
        free.projects[0].mean_se,
    );
    // With one reviewer the re-reviews wait too.
    let d = dept(&busy, "Bureau");
    assert!(d.mean_wait > 0.5, "{d:?}");
    assert!(busy.projects[0].mean > free.projects[0].mean + 1.0);
}

#[test]
fn upper_bounds_are_counted_not_enforced() {
    let s = scenario(
        r#"
version = 1
name = "Bounds"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "land"
department = "Land"
stage = "s"
days = 2

[[items]]
id = "conditions"
department = "Planning"
stage = "s"
days = 3
after = [{ item = "land", lag = 0, max_lag = 1 }]
"#,
    );
    let p = [project("p", &s, "parallel", 0.8, false)];
    let opts = CentreOptions::new(1000.0, 4, 8);
    let free = simulate_centre(&p, &BTreeMap::new(), &opts).unwrap();
    assert_eq!(free.projects[0].upper_bound_breaks, 0.0);
    // Conditions are submitted when the land is ready, so queueing for the planning reviewer
    // does not break the maximum lag (the start is the submission); a deadline would.
    let queued = simulate_centre(&p, &caps(&[("Land", 1), ("Planning", 3)]), &opts).unwrap();
    assert_eq!(queued.projects[0].upper_bound_breaks, 0.0);
    assert!(queued.projects[0].mean > free.projects[0].mean);

    let mut d2 = s.to_draft();
    d2.items[1].deadline = Some(permitflow_model::WorkingDays::new(6.0));
    let s2 = common::revalidate(&d2);
    let p = [project("p", &s2, "parallel", 0.8, false)];
    let queued = simulate_centre(&p, &caps(&[("Land", 1), ("Planning", 1)]), &opts).unwrap();
    let b = queued.projects[0].upper_bound_breaks;
    assert!(b > 0.05 && b < 1.0, "{b}");
}

#[test]
fn same_seed_same_numbers_on_any_thread_count() {
    let (projects, deps, _) = city(None);
    let opts = CentreOptions {
        horizon: 250.0,
        warmup: 60.0,
        replications: 12,
        seed: 77,
        ..CentreOptions::default()
    };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| simulate_centre(&projects, &deps, &opts).unwrap())
    };
    let one = run(1);
    let four = run(4);
    // Debug text, so NaN fields compare equal too.
    assert_eq!(format!("{one:?}"), format!("{four:?}"));
    let again = run(3);
    assert_eq!(format!("{one:?}"), format!("{again:?}"));
    let other = simulate_centre(
        &projects,
        &deps,
        &CentreOptions {
            seed: 78,
            ..opts.clone()
        },
    )
    .unwrap();
    assert_ne!(format!("{one:?}"), format!("{other:?}"));
}

#[test]
fn regimes_and_staffing_see_the_same_arrivals() {
    let opts = CentreOptions {
        horizon: 250.0,
        warmup: 60.0,
        replications: 8,
        seed: 4,
        ..CentreOptions::default()
    };
    let (joint, deps, _) = city(None);
    let (serial, _, _) = city(Some("serial"));
    let a = simulate_centre(&joint, &deps, &opts).unwrap();
    let b = simulate_centre(&serial, &deps, &opts).unwrap();
    let c = simulate_centre(
        &joint,
        &deps,
        &CentreOptions {
            add_reviewer: Some("Natural Resources Bureau".into()),
            ..opts.clone()
        },
    )
    .unwrap();
    for ((x, y), z) in a.projects.iter().zip(&b.projects).zip(&c.projects) {
        assert_eq!(x.arrived, y.arrived, "{}", x.name);
        assert_eq!(x.arrived, z.arrived, "{}", x.name);
        assert_eq!(x.regime, "joint");
        assert_eq!(y.regime, "serial");
    }
    assert_eq!(
        c.added_reviewer.as_deref(),
        Some("Natural Resources Bureau")
    );
    assert_eq!(
        dept(&c, "Natural Resources Bureau").reviewers,
        dept(&a, "Natural Resources Bureau")
            .reviewers
            .map(|n| n + 1)
    );
    // The serial regime is slower and loads the departments more.
    for (x, y) in a.projects.iter().zip(&b.projects) {
        assert!(
            y.mean > x.mean,
            "{}: serial {} vs joint {}",
            x.name,
            y.mean,
            x.mean
        );
    }
}

#[test]
fn common_random_numbers_give_equal_networks_equal_lead_times() {
    // `joint_online` only changes what the applicant counts (no trips): the same network, so
    // under common random numbers every project takes exactly as long as under `joint`, queues
    // included. The all-approval flow: its projects complete within the 250-day horizon.
    let s = approval_only(&shipped("social-investment-housing.toml"));
    let deps = caps(&[
        ("Natural Resources Bureau", 6),
        ("Housing and Urban-Rural Development Bureau", 9),
    ]);
    let opts = CentreOptions {
        warmup: 50.0,
        ..CentreOptions::new(250.0, 6, 31)
    };
    let run = |regime: &str| {
        simulate_centre(&[project("housing", &s, regime, 0.5, false)], &deps, &opts).unwrap()
    };
    let (a, b) = (run("joint"), run("joint_online"));
    assert!(a.projects[0].mean_wait > 0.0);
    assert_eq!(a.projects[0].samples, b.projects[0].samples);
    // Debug text, so NaN fields (unlimited departments' utilisation) compare equal too.
    assert_eq!(
        format!("{:?}", a.departments),
        format!("{:?}", b.departments)
    );
    assert_eq!(a.wip, b.wip);
}

#[test]
fn unknown_department_for_an_added_reviewer_is_an_error() {
    let s = one_item(1.0, "");
    let e = simulate_centre(
        &[project("p", &s, "parallel", 0.5, false)],
        &caps(&[("Bureau", 1)]),
        &CentreOptions {
            add_reviewer: Some("Bureua".into()),
            ..CentreOptions::new(10.0, 1, 0)
        },
    )
    .unwrap_err();
    assert!(matches!(e, SolveError::BadMeasure { .. }));
    assert!(e.to_string().contains("`Bureua`") && e.to_string().contains("`Bureau`"));
    let e = simulate_centre(&[], &BTreeMap::new(), &CentreOptions::new(-1.0, 1, 0)).unwrap_err();
    assert!(e.to_string().contains("horizon"));
}

#[test]
fn staffing_ranking_puts_the_bottleneck_first() {
    // Two reviews in a row: A at ρ = 0.8 with one reviewer, B at ρ = 0.4.
    let s = scenario(
        r#"
version = 1
name = "Two departments"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "A"

[[items]]
id = "a"
department = "A"
stage = "s"
days = 2

[[items]]
id = "b"
department = "B"
stage = "s"
days = 1
after = ["a"]
"#,
    );
    let projects = [project("p", &s, "parallel", 0.4, false)];
    let deps = caps(&[("A", 1), ("B", 1)]);
    let opts = CentreOptions {
        horizon: 1000.0,
        warmup: 100.0,
        replications: 16,
        seed: 21,
        service: ServiceTimes::Exponential,
        ..CentreOptions::default()
    };
    let base = simulate_centre(&projects, &deps, &opts).unwrap();
    assert_eq!(base.bottleneck.as_deref(), Some("A"));
    let ranking = rank_reviewers(&projects, &deps, &opts).unwrap();
    assert_eq!(ranking.len(), 2);
    assert_eq!(ranking[0].department, "A");
    assert_eq!(ranking[0].reviewers, 1);
    assert!(ranking[0].p80_saved > ranking[1].p80_saved);
    assert!(ranking[0].p80_saved > 5.0, "{:?}", ranking[0]);
    assert!(ranking[0].utilisation_after < ranking[0].utilisation_before);
    // M/M/1 → M/M/2 at λ = 0.4, mean 2: the mean wait drops from 8 to 0.38 days.
    assert!(
        (ranking[0].mean_saved - (8.0 - 0.381)).abs() < 1.5,
        "{:?}",
        ranking[0]
    );
}

#[test]
fn work_in_progress_follows_littles_law() {
    let (projects, deps, _) = city(None);
    // Little's law holds in the steady state: the warm-up fills the pipeline, a year of works
    // (about 250 working days) after some 50 of approvals.
    let opts = CentreOptions {
        horizon: 500.0,
        warmup: 400.0,
        replications: 8,
        seed: 6,
        ..CentreOptions::default()
    };
    let r = simulate_centre(&projects, &deps, &opts).unwrap();
    assert_eq!(r.wip.len(), 101);
    assert_eq!(r.wip[0].0, 0.0);
    assert_eq!(r.wip[100].0, 500.0);
    let wip = r.wip.iter().map(|w| w.1).sum::<f64>() / r.wip.len() as f64;
    let little: f64 = r.projects.iter().map(|p| p.rate * p.mean).sum();
    assert!(
        (wip - little).abs() < 0.1 * little,
        "WIP {wip} vs λW {little}"
    );
    let rate: f64 = r.projects.iter().map(|p| p.rate).sum();
    assert!(
        (r.throughput - rate).abs() < 0.1 * rate,
        "{} vs {rate}",
        r.throughput
    );
}

// ---------------------------------------------------------------------------------------------
// The shipped portfolio
