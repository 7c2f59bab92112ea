//! Monte Carlo simulation: the numbers a planner checks by hand. Tolerances are four standard
//! errors of the estimate, or for a whole distribution the Dvoretzky–Kiefer–Wolfowitz bound at
//! 10⁻⁶ (a seeded run is reproducible, so a pass is a pass on every machine).

mod common;

use common::{add_spreads, run, scenario, shipped, sixty_items, triangular_spreads};
use permitflow_model::Scenario;
use permitflow_solver::simulate::{CHUNK, LANES};
use permitflow_solver::{SimulationOptions, SimulationResult, simulate};

const N: usize = 200_000;

/// One stage, one item `review` of 10 days with `extra` TOML lines (a spread, returns, …).
fn one_item(extra: &str) -> Scenario {
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
days = 10
{extra}
"#
    ))
}

fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    (m, x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n)
}

fn share(x: &[f64], pred: impl Fn(f64) -> bool) -> f64 {
    x.iter().filter(|&&v| pred(v)).count() as f64 / x.len() as f64
}

/// Dvoretzky–Kiefer–Wolfowitz: the empirical CDF of `n` samples is within this of the true one
/// everywhere, except with probability 10⁻⁶ (plus one sample for nearest-rank percentiles).
fn dkw(n: usize) -> f64 {
    ((2.0f64 / 1e-6).ln() / (2.0 * n as f64)).sqrt() + 1.0 / n as f64
}

/// Every percentile from 1 to 99 of the sorted `samples` sits where the exact CDF says it should.
fn quantiles_match(samples: &[f64], cdf: impl Fn(f64) -> f64) {
    let tol = dkw(samples.len());
    for k in 1..100 {
        let p = k as f64 / 100.0;
        let x = samples[((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1];
        assert!(
            (cdf(x) - p).abs() < tol,
            "P{k}: {x}, CDF {} (tolerance {tol})",
            cdf(x)
        );
    }
}

fn criticality(r: &SimulationResult, id: &str) -> f64 {
    r.criticality.iter().find(|(a, _)| a == id).unwrap().1
}

fn sensitivity(r: &SimulationResult, id: &str) -> f64 {
    r.sensitivity.iter().find(|(a, _)| a == id).unwrap().1
}

#[test]
fn without_spread_every_sample_is_the_deterministic_figure() {
    // The shipped file may carry spreads and returns: take them away.
    let mut d = shipped("social-investment-housing.toml").to_draft();
    for it in &mut d.items {
        it.spread = None;
        it.returns = None;
    }
    for g in &mut d.joint_groups {
        g.spread = None;
    }
    let s = common::revalidate(&d);
    let r = run(&s, "joint", 10_000, 1);
    assert_eq!(r.regime, "joint");
    assert_eq!(r.iterations, 10_000);
    assert_eq!(r.samples.len(), 10_000);
    assert_eq!(r.infeasible, 0);
    // Elapsed: 303.5 working days with the publicity, the investigation and a year of works,
    // placed exactly on the calendar in every iteration (counted by hand in
    // tests/integration/cli.rs); official approval time: the published 36.5.
    assert_eq!(r.deterministic, 303.5);
    assert!(r.samples.iter().all(|&x| x == 303.5));
    for v in [r.mean, r.p50, r.p80, r.p95, r.min, r.max] {
        assert_eq!(v, 303.5);
    }
    let a = &r.approval;
    assert_eq!(a.deterministic, 36.5);
    assert!(a.samples.iter().all(|&x| x == 36.5));
    for v in [a.mean, a.p50, a.p80, a.p95, a.min, a.max] {
        assert_eq!(v, 36.5);
    }
    // Both joint targets (≤ 60, = 36.5) are met every time.
    assert_eq!(
        r.targets,
        [
            ("2020 target: 60 working days".to_owned(), 1.0),
            ("published: 36.5 working days".to_owned(), 1.0),
        ]
    );
    // Criticality is the deterministic critical path, every time.
    let crit: Vec<(&str, f64)> = r
        .criticality
        .iter()
        .map(|(a, c)| (a.as_str(), *c))
        .collect();
    assert!(crit.contains(&("joint_plan_review", 1.0)));
    assert!(crit.contains(&("water_connection", 0.0)));
    assert!(crit.iter().all(|(a, _)| !a.starts_with("gate:")));
    assert!(r.sensitivity.is_empty());
}

#[test]
fn triangular_mean_and_mode_share() {
    // (5 + 8 + 20) / 3 = 11; variance (25 + 64 + 400 − 40 − 100 − 160) / 18 = 10.5.
    let r = run(
        &one_item(r#"spread = { dist = "triangular", min = 5, likely = 8, max = 20 }"#),
        "parallel",
        N,
        7,
    );
    assert_eq!(r.deterministic, 10.0);
    let se = (10.5 / N as f64).sqrt(); // 0.0072
    assert!((r.mean - 11.0).abs() < 4.0 * se, "mean {}", r.mean);
    let (_, var) = mean_var(&r.samples);
    assert!((var - 10.5).abs() < 0.02 * 10.5, "variance {var}");
    // P(X ≤ likely) = (8 − 5) / (20 − 5) = 0.2.
    let p = share(&r.samples, |x| x <= 8.0);
    assert!((p - 0.2).abs() < 4.0 * (0.2 * 0.8 / N as f64).sqrt(), "{p}");
    assert!(r.min >= 5.0 && r.max <= 20.0);
    // The median of this triangle: 20 − sqrt(0.5 · 15 · 12) = 10.513.
    assert!((r.p50 - 10.513).abs() < 0.03, "p50 {}", r.p50);
    // The whole distribution, both sides of the mode.
    quantiles_match(&r.samples, |x| {
        if x <= 8.0 {
            (x - 5.0).powi(2) / (15.0 * 3.0)
        } else {
            1.0 - (20.0 - x).powi(2) / (15.0 * 12.0)
        }
    });
}

#[test]
fn triangular_with_the_mode_at_an_end() {
    // A right triangle each way: the inverse CDF has one side only.
    for (spread, cdf) in [
        (
            r#"spread = { dist = "triangular", min = 4, likely = 4, max = 10 }"#,
            (|x: f64| 1.0 - (10.0 - x).powi(2) / 36.0) as fn(f64) -> f64,
        ),
        (
            r#"spread = { dist = "triangular", min = 4, likely = 10, max = 10 }"#,
            |x: f64| (x - 4.0).powi(2) / 36.0,
        ),
    ] {
        let r = run(&one_item(spread), "parallel", 100_000, 17);
        assert!(r.min >= 4.0 && r.max <= 10.0, "{spread}");
        quantiles_match(&r.samples, cdf);
    }
}

#[test]
fn uniform_mean() {
    // (4 + 16) / 2 = 10, variance 144 / 12 = 12; P80 = 4 + 0.8 · 12 = 13.6.
    let r = run(
        &one_item(r#"spread = { dist = "uniform", min = 4, max = 16 }"#),
        "parallel",
        N,
        8,
    );
    let se = (12.0 / N as f64).sqrt();
    assert!((r.mean - 10.0).abs() < 4.0 * se, "mean {}", r.mean);
    assert!((r.p80 - 13.6).abs() < 0.05, "p80 {}", r.p80);
    assert!(r.min >= 4.0 && r.max < 16.0);
    quantiles_match(&r.samples, |x| (x - 4.0) / 12.0);
}

#[test]
fn pert_mean_and_variance() {
    // (5 + 4 · 8 + 20) / 6 = 9.5; variance (μ − a)(b − μ) / 7 = 4.5 · 10.5 / 7 = 6.75.
    let r = run(
        &one_item(r#"spread = { dist = "pert", min = 5, likely = 8, max = 20 }"#),
        "parallel",
        N,
        9,
    );
    let se = (6.75 / N as f64).sqrt(); // 0.0058
    assert!((r.mean - 9.5).abs() < 4.0 * se, "mean {}", r.mean);
    let (_, var) = mean_var(&r.samples);
    assert!((var - 6.75).abs() < 0.02 * 6.75, "variance {var}");
    assert!(r.min >= 5.0 && r.max <= 20.0);
    // Beta(1.8, 4.2): P(B ≤ 0.5) = I₀.₅(1.8, 4.2) = 0.8579 (numerical integration), so
    // P(X ≤ 12.5) = 0.8579.
    let p = share(&r.samples, |x| x <= 12.5);
    assert!(
        (p - 0.8579).abs() < 4.0 * (0.8579 * 0.1421 / N as f64).sqrt(),
        "{p}"
    );
}

#[test]
fn fixed_spread_is_its_value() {
    let r = run(
        &one_item(r#"spread = { dist = "fixed", likely = 7 }"#),
        "parallel",
        1000,
        1,
    );
    assert_eq!((r.min, r.max, r.deterministic), (7.0, 7.0, 10.0));
    assert!(r.sensitivity.is_empty());
}

#[test]
fn returns_repeat_geometrically() {
    // 10 days; returned with probability 0.5, each return 2 rework + 10 re-review = 12 days, and
    // a resubmission can be returned again: expected returns 0.5 / 0.5 = 1, mean 10 + 12 = 22.
    // Variance of the returns: 12² · 0.5 / 0.5² = 288.
    for returns in [
        "returns = { rate = 0.5, correction_days = 2, rework_days = 10 }",
        // Without rework_days the re-review takes the item's limit, 10.
        "returns = { rate = 0.5, correction_days = 2 }",
    ] {
        let r = run(&one_item(returns), "parallel", N, 3);
        let se = (288.0 / N as f64).sqrt(); // 0.038
        assert!(
            (r.mean - 22.0).abs() < 4.0 * se,
            "{returns}: mean {}",
            r.mean
        );
        // Never returned half the time, returned exactly once a quarter, twice an eighth, and
        // so on: P(K = k) = 0.5ᵏ⁺¹.
        let tol = 4.0 * (0.25 / N as f64).sqrt();
        for k in 0..6 {
            let pk = share(&r.samples, |x| x == 10.0 + 12.0 * k as f64);
            let want = 0.5f64.powi(k + 1);
            assert!(
                (pk - want).abs() < tol,
                "{returns}: P(K = {k}) = {pk}, not {want}"
            );
        }
        assert_eq!(r.p80, 34.0); // P(K ≤ 1) = 0.75 < 0.8 ≤ P(K ≤ 2) = 0.875
        assert_eq!(r.deterministic, 10.0);
        assert_eq!(r.sensitivity.len(), 1);
    }
}

#[test]
fn returns_add_to_a_spread() {
    // Triangular mean 11 plus 0.2 / 0.8 · (1 + 3) = 1 day of returns: 12.
    let r = run(
        &one_item(
            r#"spread = { dist = "triangular", min = 5, likely = 8, max = 20 }
returns = { rate = 0.2, correction_days = 1, rework_days = 3 }"#,
        ),
        "parallel",
        N,
        4,
    );
    // Variance 10.5 + 16 · 0.2 / 0.64 = 15.5.
    assert!(
        (r.mean - 12.0).abs() < 4.0 * (15.5 / N as f64).sqrt(),
        "{}",
        r.mean
    );
}

#[test]
fn same_seed_same_result_on_any_thread_count() {
    let s = add_spreads(&shipped("social-investment-housing.toml"));
    let tri = triangular_spreads(&sixty_items());
    // A partial last chunk (and a partial last block) too.
    let opts = SimulationOptions {
        iterations: 3 * CHUNK + 123,
        seed: 42,
    };
    for (s, regime) in [
        (&s, "serial"),
        (&s, "parallel"),
        (&s, "joint"),
        (&tri, "parallel"),
    ] {
        let r = s.regime(regime).unwrap();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| simulate(s, r, &opts).unwrap())
        };
        let one = on(1);
        assert_eq!(one, on(2), "{regime}");
        assert_eq!(one, on(4), "{regime}");
        assert_eq!(one.samples.len(), 3 * CHUNK + 123);
        assert!(one.max > one.min);
    }
    let r = s.regime("parallel").unwrap();
    let one = simulate(&s, r, &opts).unwrap();

    let other = simulate(&s, r, &SimulationOptions { seed: 43, ..opts }).unwrap();
    assert_ne!(one.samples, other.samples);
    // Different seeds, the same distribution: the means agree within sampling error (of approval
    // days, whose spread is the reviews'; elapsed time adds the year of works' wide spread).
    assert!(
        (one.approval.mean - other.approval.mean).abs() < 0.5,
        "{} {}",
        one.approval.mean,
        other.approval.mean
    );
}

#[test]
fn more_iterations_extend_the_same_chunks() {
    // Chunk c's draws depend only on (seed, c): the first chunk of a longer run is the same,
    // and a shorter chunk is the start of a full one, returns included.
    let s = one_item(
        r#"spread = { dist = "uniform", min = 4, max = 16 }
returns = { rate = 0.3, correction_days = 2 }"#,
    );
    for (short, long) in [(CHUNK, 2 * CHUNK), (1000, CHUNK), (LANES + 1, 2 * LANES)] {
        let short = run(&s, "parallel", short, 5);
        let long = run(&s, "parallel", long, 5);
        // `samples` are sorted: every sample of the short run must be one of the long run's.
        let mut long = long.samples;
        let before = long.len();
        for x in &short.samples {
            let k = long
                .binary_search_by(|y| y.total_cmp(x))
                .unwrap_or_else(|_| panic!("{x} missing from the longer run"));
            long.remove(k);
        }
        assert_eq!(long.len(), before - short.samples.len());
    }
}

/// Two paths through one stage: `a` and `b` side by side, then `c` after both.
fn two_paths(a: &str, b: &str) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "Two paths"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 10
spread = {a}

[[items]]
id = "b"
department = "Agency"
stage = "s"
days = 10
spread = {b}

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 1
after = ["a", "b"]
"#
    ))
}

#[test]
fn criticality_of_a_path_always_longer() {
    let r = run(
        &two_paths(
            r#"{ dist = "uniform", min = 10, max = 12 }"#,
            r#"{ dist = "uniform", min = 2, max = 4 }"#,
        ),
        "parallel",
        N,
        11,
    );
    assert_eq!(
        r.criticality,
        [
            ("a".to_owned(), 1.0),
            ("b".to_owned(), 0.0),
            ("c".to_owned(), 1.0)
        ]
    );
    // Working days are a + c: mean 12, and `a` drives all of it: its sensitivity is its own
    // standard deviation, 2 / sqrt(12) = 0.577; `b` never matters.
    assert!((r.mean - 12.0).abs() < 4.0 * (1.0 / 3.0 / N as f64).sqrt());
    assert_eq!(r.sensitivity[0].0, "a");
    assert!((sensitivity(&r, "a") - 0.5774).abs() < 0.005);
    assert!(sensitivity(&r, "b").abs() < 0.005);
}

#[test]
fn criticality_of_overlapping_paths() {
    // a ~ U(5, 11), b ~ U(6, 8): P(a > b) = E[(11 − b) / 6] = (11 − 7) / 6 = 2/3.
    let r = run(
        &two_paths(
            r#"{ dist = "uniform", min = 5, max = 11 }"#,
            r#"{ dist = "uniform", min = 6, max = 8 }"#,
        ),
        "parallel",
        N,
        12,
    );
    let (a, b, c) = (
        criticality(&r, "a"),
        criticality(&r, "b"),
        criticality(&r, "c"),
    );
    let tol = 4.0 * (2.0 / 9.0 / N as f64).sqrt();
    assert!((a - 2.0 / 3.0).abs() < tol, "a {a}");
    assert!((b - 1.0 / 3.0).abs() < tol, "b {b}");
    // Exactly one of them is critical in each iteration (ties have probability 0).
    assert!((a + b - 1.0).abs() < 1e-12);
    assert_eq!(c, 1.0);
    // `a` spreads more and is critical more often: it drives the spread more.
    assert_eq!(
        r.sensitivity
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert!(sensitivity(&r, "b") > 0.0);
}

#[test]
fn target_probability_is_the_share_of_samples_within_it() {
    let s = scenario(
        r#"
version = 1
name = "Targets"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "review"
department = "Bureau"
stage = "s"
days = 10
spread = { dist = "triangular", min = 5, likely = 8, max = 20 }

[[targets]]
name = "within 12"
regime = "parallel"
working_days = 12

[[targets]]
name = "stage within 9"
regime = "parallel"
stage = "s"
working_days = 9

[[targets]]
name = "serial within 9"
regime = "serial"
working_days = 9

[[targets]]
name = "published 10"
regime = "parallel"
working_days = 10
exact = true
"#,
    );
    let r = run(&s, "parallel", N, 21);
    let names: Vec<&str> = r.targets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["within 12", "published 10"]);
    let p12 = share(&r.samples, |x| x <= 12.0);
    let p10 = share(&r.samples, |x| x <= 10.0);
    assert_eq!(r.targets[0].1, p12);
    assert_eq!(r.targets[1].1, p10);
    // Triangular CDF: 1 − (20 − 12)² / (15 · 12) = 0.6444; 1 − 10² / 180 = 0.4444.
    let tol = 4.0 * (0.25 / N as f64).sqrt();
    assert!((p12 - 0.6444).abs() < tol, "{p12}");
    assert!((p10 - 0.4444).abs() < tol, "{p10}");
}

#[test]
fn upper_bounds_push_starts_and_pin_float() {
    // `b` is released at 10 and starts at most 2 after `a` starts, so `a` waits until 8:
    // working days 8 + a, mean 8 + 7.5 = 15.5, and both are critical (b is pinned to a).
    let s = scenario(
        r#"
version = 1
name = "Maximum lag"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 7.5
spread = { dist = "uniform", min = 5, max = 10 }

[[items]]
id = "b"
department = "Agency"
stage = "s"
days = 1
release = 10
after = [{ item = "a", type = "SS", max_lag = 2 }]
"#,
    );
    let r = run(&s, "parallel", 50_000, 2);
    assert_eq!(r.deterministic, 15.5);
    assert_eq!(r.infeasible, 0);
    let se = (25.0 / 12.0 / 50_000f64).sqrt();
    assert!((r.mean - 15.5).abs() < 4.0 * se, "{}", r.mean);
    assert!(r.min >= 13.0 && r.max <= 18.0);
    assert_eq!(
        r.criticality,
        [("a".to_owned(), 1.0), ("b".to_owned(), 1.0)]
    );
}

#[test]
fn infeasible_samples_are_counted_not_fatal() {
    // Finish by 10 with a ~ U(5, 15): half the samples break the deadline.
    let s = one_item(
        r#"deadline = 10
spread = { dist = "uniform", min = 5, max = 15 }

[[targets]]
name = "within 20"
regime = "parallel"
working_days = 20"#,
    );
    let r = run(&s, "parallel", N, 6);
    let p = r.infeasible as f64 / N as f64;
    assert!((p - 0.5).abs() < 4.0 * (0.25 / N as f64).sqrt(), "{p}");
    assert_eq!(r.samples.len() + r.infeasible, N);
    assert!(r.max <= 10.0 + 1e-9);
    // Every feasible run is within 20; infeasible runs count as misses.
    assert_eq!(r.targets[0].1, r.samples.len() as f64 / N as f64);
    assert_eq!(criticality(&r, "review"), 1.0);
}

#[test]
fn shipped_scenario_with_maximum_lags_simulates() {
    let s = add_spreads(&shipped("land-chain-dezhou.toml"));
    for r in s.regimes.clone() {
        let res = simulate(
            &s,
            &r,
            &SimulationOptions {
                iterations: 2000,
                seed: 1,
            },
        )
        .unwrap();
        assert_eq!(res.samples.len() + res.infeasible, 2000);
        for c in &res.criticality {
            assert!((0.0..=1.0).contains(&c.1), "{c:?}");
        }
        assert!(res.samples.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[test]
fn a_compressed_limit_scales_the_spread() {
    // The item's spread is written for its own 10 days; the regime cuts it to 5, so the spread
    // halves: triangular 2.5–4–10, mean 5.5.
    let s = scenario(
        r#"
version = 1
name = "Compressed"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "review"
department = "Bureau"
stage = "s"
days = 10
spread = { dist = "triangular", min = 5, likely = 8, max = 20 }

[[measures]]
id = "cut"
kind = "time_limit_compression"
limits = { review = 5 }

[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "cut"
base = "parallel"
measures = ["cut"]
"#,
    );
    let r = run(&s, "cut", N, 5);
    assert_eq!(r.deterministic, 5.0);
    assert!(
        (r.mean - 5.5).abs() < 4.0 * (10.5 / 4.0 / N as f64).sqrt(),
        "{}",
        r.mean
    );
    assert!(r.min >= 2.5 && r.max <= 10.0);
}

#[test]
fn zero_iterations_give_no_statistics() {
    let r = run(&one_item(""), "parallel", 0, 0);
    assert!(r.samples.is_empty());
    assert!(r.mean.is_nan() && r.p50.is_nan());
    assert_eq!(r.deterministic, 10.0);
}

#[test]
fn returns_of_different_activities_are_independent() {
    // `a` and `b` side by side, each returned with probability 0.3 (12 days a return), then `c`:
    // working days 11 + 12 · max(Ka, Kb).
    let s = scenario(
        r#"
version = 1
name = "Two returns"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 10
returns = { rate = 0.3, correction_days = 2 }

[[items]]
id = "b"
department = "Agency"
stage = "s"
days = 10
returns = { rate = 0.3, correction_days = 2 }

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 1
after = ["a", "b"]
"#,
    );
    let r = run(&s, "parallel", N, 31);
    let tol = 4.0 * (0.25 / N as f64).sqrt();
    // Neither returned: 0.7²; the larger returned exactly once: 0.91² − 0.7².
    let p0 = share(&r.samples, |x| x == 11.0);
    let p1 = share(&r.samples, |x| x == 23.0);
    assert!((p0 - 0.49).abs() < tol, "{p0}");
    assert!((p1 - (0.91f64.powi(2) - 0.49)).abs() < tol, "{p1}");
    // `a` is critical when Ka ≥ Kb: Σₖ P(Kb = k) P(Ka ≥ k) = 0.7 / (1 − 0.09) = 1 / 1.3; ties
    // make both critical.
    let (a, b) = (criticality(&r, "a"), criticality(&r, "b"));
    assert!((a - 1.0 / 1.3).abs() < tol, "a {a}");
    assert!((b - 1.0 / 1.3).abs() < tol, "b {b}");
    assert_eq!(criticality(&r, "c"), 1.0);
}

#[test]
fn returns_in_neighbouring_iterations_are_independent() {
    // One item returned with probability 0.5. Over many seeds, the number of returned
    // iterations among 2 · LANES + 3 (two full blocks and part of a third) is binomial: mean
    // n / 2, variance n / 4. Returns drawn one after the other must not cluster or repel.
    let s = one_item("returns = { rate = 0.5, correction_days = 2 }");
    let n = 2 * LANES + 3;
    let seeds = 1500;
    let counts: Vec<f64> = (0..seeds)
        .map(|seed| {
            let r = run(&s, "parallel", n, seed);
            assert_eq!(r.samples.len(), n);
            r.samples.iter().filter(|&&x| x > 10.0).count() as f64
        })
        .collect();
    let (mean, var) = mean_var(&counts);
    let want = n as f64 / 4.0;
    assert!(
        (mean - n as f64 / 2.0).abs() < 4.0 * (want / seeds as f64).sqrt(),
        "mean {mean}"
    );
    // The sample variance's standard error is about σ² · sqrt(2 / seeds).
    assert!(
        (var - want).abs() < 4.0 * want * (2.0 / seeds as f64).sqrt(),
        "variance {var}, not {want}"
    );
}
