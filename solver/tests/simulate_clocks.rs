//! The two clocks in the Monte Carlo: a return's correction (the applicant's time, clock
//! stopped) moves elapsed time and not official approval time; its re-review (clock running)
//! moves both. Fixed durations, so every iteration's figures follow from its number of returns
//! `K` alone, and the numbers are checked by hand: `P(K ≥ k) = rateᵏ`. Clock classes, calendar
//! days and targets by measure: `solver/src/simulate/tests.rs`.

mod common;

use common::{revalidate, run, scenario};
use permitflow_model::{Returns, Scenario, WorkingDays};
use permitflow_solver::SimulationResult;

const N: usize = 100_000;

/// `a` (5 days) then `b` (5 days), both approval items, one stage; `extra` adds TOML.
fn a_then_b(extra: &str) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "Two approvals"
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
days = 5
after = ["a"]
{extra}
"#
    ))
}

/// `s` with `b` returned at `rate`, `correction` days of the applicant's and `rereview` days of
/// re-review each time.
fn with_returns(s: &Scenario, item: &str, rate: f64, correction: f64, rereview: f64) -> Scenario {
    let mut d = s.to_draft();
    let it = d.items.iter_mut().find(|i| i.id.as_str() == item).unwrap();
    it.returns = Some(Returns {
        rate,
        correction: WorkingDays::new(correction),
        rereview: Some(WorkingDays::new(rereview)),
        source: permitflow_model::Provenance::Unspecified,
    });
    revalidate(&d)
}

fn pcts(x: &permitflow_solver::Spread) -> [f64; 3] {
    [x.p50, x.p80, x.p95]
}

fn share(x: &[f64], v: f64) -> f64 {
    x.iter().filter(|&&y| y == v).count() as f64 / x.len() as f64
}

/// Four standard errors of a share near `p` over `N` iterations.
fn tol(p: f64) -> f64 {
    4.0 * (p * (1.0 - p) / N as f64).sqrt()
}

#[test]
fn a_correction_moves_elapsed_time_not_approval_time() {
    let plain = a_then_b("");
    let none = run(&plain, "parallel", N, 7);
    assert_eq!(pcts(&none.approval), [10.0, 10.0, 10.0]);
    assert_eq!([none.p50, none.p80, none.p95], [10.0, 10.0, 10.0]);
    assert_eq!(none.approval.deterministic, 10.0);

    // Returned with probability 0.3; each return: 10 days of correction, no re-review. With K
    // returns the elapsed time is 10 + 10 K and the approval time stays 10: P(K = 0) = 0.7,
    // P(K ≤ 1) = 0.91, P(K ≤ 2) = 0.973, so elapsed P50/P80/P95 = 10/20/30, mean
    // 10 + 10 · 0.3 / 0.7 = 14.29.
    let s = with_returns(&plain, "b", 0.3, 10.0, 0.0);
    let r = run(&s, "parallel", N, 7);
    assert!(r.approval.samples.iter().all(|&x| x == 10.0));
    assert_eq!(pcts(&r.approval), [10.0, 10.0, 10.0]);
    assert_eq!(
        (r.approval.min, r.approval.max, r.approval.mean),
        (10.0, 10.0, 10.0)
    );
    assert_eq!([r.p50, r.p80, r.p95], [10.0, 20.0, 30.0]);
    let se = 10.0 * (0.3f64).sqrt() / 0.7 / (N as f64).sqrt();
    assert!(
        (r.mean - (10.0 + 10.0 * 0.3 / 0.7)).abs() < 4.0 * se,
        "{}",
        r.mean
    );
    assert!((share(&r.samples, 10.0) - 0.7).abs() < tol(0.7));
    assert!((share(&r.samples, 20.0) - 0.21).abs() < tol(0.21));
    // Elapsed minus approval is 10 per return: the same shift as the deterministic sum.
    assert!(r.samples.iter().all(|&x| (x - 10.0) % 10.0 == 0.0));
}

#[test]
fn a_rereview_moves_both_clocks() {
    // Each return: 10 days of correction and 5 of re-review. With K returns, approval time is
    // 10 + 5 K and elapsed 10 + 15 K: P50/P80/P95 are 10/15/20 and 10/25/40.
    let s = with_returns(&a_then_b(""), "b", 0.3, 10.0, 5.0);
    let r = run(&s, "parallel", N, 11);
    assert_eq!(pcts(&r.approval), [10.0, 15.0, 20.0]);
    assert_eq!([r.p50, r.p80, r.p95], [10.0, 25.0, 40.0]);
    // Both sorted by K: the i-th elapsed is 10 + 3 · (the i-th approval − 10), exactly.
    assert_eq!(r.samples.len(), r.approval.samples.len());
    for (e, a) in r.samples.iter().zip(&r.approval.samples) {
        assert_eq!(*e, 10.0 + 3.0 * (a - 10.0));
    }
    let k = 0.3 / 0.7;
    assert!(
        (r.approval.mean - (10.0 + 5.0 * k)).abs() < 0.05,
        "{}",
        r.approval.mean
    );
    assert!((r.mean - (10.0 + 15.0 * k)).abs() < 0.15, "{}", r.mean);
    // Without a correction, the re-reviews are approval time throughout: both clocks agree.
    let s = with_returns(&a_then_b(""), "b", 0.3, 0.0, 5.0);
    let r = run(&s, "parallel", N, 11);
    assert_eq!(r.samples, r.approval.samples);
}

#[test]
fn a_correction_under_another_review_costs_no_approval_time() {
    // `long` (approval, 20 days) runs beside `b` (approval, 5 days) whose returns take 10 days
    // of correction and 5 of re-review: b's clock runs on [0, 5), [15, 20), [30, 35), …
    // K = 0 or 1: approval 20 (inside long's [0, 20)); K = 2: 25 (b ends at 35); K = 3: 30.
    let s = scenario(
        r#"
version = 1
name = "Beside a long review"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "long"
department = "Bureau"
stage = "s"
days = 20

[[items]]
id = "b"
department = "Agency"
stage = "s"
days = 5
"#,
    );
    let s = with_returns(&s, "b", 0.5, 10.0, 5.0);
    let r = run(&s, "parallel", N, 3);
    // P(K ≤ 1) = 0.75: approval 20 at P50, 25 at P80 (P(K ≤ 2) = 0.875), 30 at P95
    // (P(K ≤ 3) = 0.9375 < 0.95 ≤ P(K ≤ 4)): 35.
    assert_eq!(pcts(&r.approval), [20.0, 25.0, 35.0]);
    // Elapsed: max(20, 5 + 15 K): 20, 20, 35, 50, 65.
    assert_eq!([r.p50, r.p80, r.p95], [20.0, 35.0, 65.0]);
    assert!((share(&r.approval.samples, 20.0) - 0.75).abs() < tol(0.75));
    assert!((share(&r.samples, 20.0) - 0.75).abs() < tol(0.75));
}

#[test]
fn without_returns_the_clocks_are_the_schedules() {
    let r: SimulationResult = run(&a_then_b(""), "serial", 1_000, 1);
    assert_eq!(r.approval.deterministic, r.deterministic);
    assert_eq!(r.approval.samples, r.samples);
}
