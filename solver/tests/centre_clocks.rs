//! The two clocks in the approval centre: the applicant's correction after a return holds no
//! reviewer and stops the clock; the re-review queues and runs it. Without waiting every
//! project's figures follow from its number of returns `K` (`P(K ≥ k) = rateᵏ`).

mod common;

use std::collections::BTreeMap;

use common::{project, revalidate, scenario};
use permitflow_model::{Returns, Scenario, WorkingDays};
use permitflow_solver::{CentreOptions, ProjectTypeResult, simulate_centre};

/// One reviewed item of 5 days in `Bureau`, returned at 0.3 with `correction` days of the
/// applicant's and `rereview` of re-review each time.
fn one_item(correction: f64, rereview: f64) -> Scenario {
    let s = scenario(
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
days = 5
"#,
    );
    let mut d = s.to_draft();
    d.items[0].returns = Some(Returns {
        rate: 0.3,
        correction: WorkingDays::new(correction),
        rereview: Some(WorkingDays::new(rereview)),
        source: permitflow_model::Provenance::Unspecified,
    });
    revalidate(&d)
}

/// 20 replications of 500 working days, about one project a day; `reviewers` in `Bureau`
/// (none listed: unlimited, no queue at all).
fn run(s: &Scenario, reviewers: Option<usize>) -> ProjectTypeResult {
    let caps: BTreeMap<String, usize> = reviewers
        .map(|c| [("Bureau".to_owned(), c)].into())
        .unwrap_or_default();
    let opts = CentreOptions::new(500.0, 20, 5);
    let r = simulate_centre(&[project("one", s, "parallel", 1.0, false)], &caps, &opts).unwrap();
    r.projects[0].clone()
}

/// Equal but for the rounding of arrival times (a project's figures are differences of times
/// since the centre opened).
fn close<const N: usize>(a: [f64; N], b: [f64; N]) -> bool {
    a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-9)
}

fn share(x: &[f64], v: f64) -> f64 {
    x.iter().filter(|&&y| (y - v).abs() < 1e-9).count() as f64 / x.len() as f64
}

#[test]
fn a_correction_moves_the_lead_time_not_the_approval_time() {
    // 10 days of correction, no re-review: approval 5 always, lead 5 + 10 K. P(K = 0) = 0.7,
    // P(K ≤ 1) = 0.91, P(K ≤ 2) = 0.973: lead P50/P80/P95 = 5/15/25.
    let s = one_item(10.0, 0.0);
    // Unlimited reviewers (no queue) and 100 reviewers (a queue that is never waited in) run
    // the two paths of the event loop; both give the same figures.
    for reviewers in [None, Some(100)] {
        let p = run(&s, reviewers);
        assert!(
            p.approval.samples.iter().all(|&x| close([x], [5.0])),
            "{reviewers:?}"
        );
        assert_eq!(p.approval.statutory, 5.0);
        let lead = [p.p50, p.p80, p.p95];
        assert!(close(lead, [5.0, 15.0, 25.0]), "{reviewers:?}: {lead:?}");
        let n = p.samples.len() as f64;
        assert!(n > 9000.0, "{n} projects");
        let tol = 4.0 * (0.21f64 / n).sqrt();
        assert!((share(&p.samples, 5.0) - 0.7).abs() < tol);
    }
}

#[test]
fn a_rereview_runs_the_clock_and_its_queue_counts() {
    // 10 days of correction and 5 of re-review: approval 5 + 5 K (P50/P80/P95 5/10/15), lead
    // 5 + 15 K (5/20/35).
    let s = one_item(10.0, 5.0);
    for reviewers in [None, Some(100)] {
        let p = run(&s, reviewers);
        let approval = [p.approval.p50, p.approval.p80, p.approval.p95];
        assert!(close(approval, [5.0, 10.0, 15.0]), "{approval:?}");
        let lead = [p.p50, p.p80, p.p95];
        assert!(close(lead, [5.0, 20.0, 35.0]), "{reviewers:?}: {lead:?}");
        // Sorted by K both: the i-th lead is 5 + 3 · (the i-th approval − 5).
        for (l, a) in p.samples.iter().zip(&p.approval.samples) {
            assert!((l - (5.0 + 3.0 * (a - 5.0))).abs() < 1e-6);
        }
    }
    // One reviewer for about one 5-day review a day is overloaded: the waiting is official
    // time (the department holds the file), so approval time grows with the lead time and
    // stays below it by the corrections.
    let p = run(&s, Some(6));
    assert!(
        p.approval.mean > 5.0 + 5.0 * 0.3 / 0.7 + 0.5,
        "{}",
        p.approval.mean
    );
    assert!(p.approval.mean < p.mean);
    let corrections = 10.0 * 0.3 / 0.7;
    assert!(
        (p.mean - p.approval.mean - corrections).abs() < 0.3,
        "{} − {} ≠ {corrections}",
        p.mean,
        p.approval.mean
    );
}
