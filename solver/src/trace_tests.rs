//! A chain `a` → `b` applied for on Monday 2025-03-03, Monday to Friday working: the dates
//! below are counted by hand on a March 2025 calendar.

use chrono::NaiveDate;
use permitflow_model::{Calendar, Clock, DayUnit, Format, Network, Scenario, parse_scenario};

use super::{HalfDay, StepKind, Tracer, arrivals};
use crate::regime::network_for;

fn flow(on_a: &str, on_b: &str) -> (Scenario, Network) {
    flow_days((10, on_a), (5, on_b))
}

fn flow_days((da, on_a): (u32, &str), (db, on_b): (u32, &str)) -> (Scenario, Network) {
    let text = format!(
        r#"
    version = 1
    name = "Two items"
    start = "2025-03-03"
    calendar = "weekends"

    [[stages]]
    id = "s"
    lead = "Bureau"

    [[items]]
    id = "a"
    department = "Bureau"
    stage = "s"
    days = {da}
    {on_a}

    [[items]]
    id = "b"
    department = "Bureau"
    stage = "s"
    days = {db}
    after = ["a"]
    {on_b}
    "#
    );
    let s = parse_scenario(&text, "t.toml", Format::Toml).unwrap();
    let n = network_for(&s, s.regime("parallel").unwrap()).unwrap();
    (s, n)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn half(date: &str, afternoon: bool) -> HalfDay {
    HalfDay {
        date: d(date),
        afternoon,
    }
}

fn index(n: &Network, id: &str) -> usize {
    n.activities.iter().position(|a| a.id == id).unwrap()
}

#[test]
fn a_chain_of_fixed_items_runs_ten_then_five_working_days() {
    let (s, n) = flow("", "");
    let cal = Calendar::weekends();
    let t = Tracer::new(&s, &n, &cal);
    let c = t.case(1, 0, d("2025-03-03")).unwrap();
    let (a, b) = (&c.activities[index(&n, "a")], &c.activities[index(&n, "b")]);
    assert_eq!((a.start.get(), a.finish.get()), (0.0, 10.0));
    assert_eq!((b.start.get(), b.finish.get()), (10.0, 15.0));
    // a: 3–7 and 10–14 March; b: 17–21 March.
    assert_eq!(a.dates, (d("2025-03-03"), d("2025-03-14")));
    assert_eq!(b.dates, (d("2025-03-17"), d("2025-03-21")));
    assert_eq!(a.steps.len(), 1);
    assert_eq!(a.steps[0].kind, StepKind::Review);
    assert_eq!(
        a.steps[0].halves,
        Some((half("2025-03-03", false), half("2025-03-14", true)))
    );
    assert_eq!(
        b.steps[0].halves,
        Some((half("2025-03-17", false), half("2025-03-21", true)))
    );
    assert_eq!((a.returns, b.returns), (0, 0));
    // Without spreads or returns every case is the same.
    assert_eq!(t.case(7, 99, d("2025-03-03")).unwrap(), c);
}

#[test]
fn a_rate_of_zero_never_returns() {
    let (s, n) = flow("returns = { rate = 0.0, correction_days = 3 }", "");
    let cal = Calendar::weekends();
    let t = Tracer::new(&s, &n, &cal);
    for k in 0..200 {
        let c = t.case(3, k, d("2025-03-03")).unwrap();
        assert_eq!(c.activities[index(&n, "a")].returns, 0);
        assert_eq!(c.activities[index(&n, "b")].start.get(), 10.0);
    }
}

/// a is returned with rate 0.2; each correction takes 3 working days and each re-review 4.
#[test]
fn returns_add_correction_and_rereview_and_push_the_next_item() {
    let (s, n) = flow(
        "returns = { rate = 0.2, correction_days = 3, rework_days = 4 }",
        "",
    );
    let cal = Calendar::weekends();
    let t = Tracer::new(&s, &n, &cal);
    let (ia, ib) = (index(&n, "a"), index(&n, "b"));
    let mut total = 0u64;
    let mut once = None;
    let cases = 4000;
    for k in 0..cases {
        let c = t.case(11, k, d("2025-03-03")).unwrap();
        let a = &c.activities[ia];
        let r = f64::from(a.returns);
        assert_eq!(a.finish.get(), 10.0 + 7.0 * r);
        assert_eq!(c.activities[ib].start.get(), a.finish.get());
        assert_eq!(a.steps.len(), 1 + 2 * a.returns as usize);
        total += u64::from(a.returns);
        if a.returns == 1 && once.is_none() {
            once = Some(c);
        }
    }
    // E[K] = rate / (1 − rate) = 0.25.
    let mean = total as f64 / cases as f64;
    assert!((mean - 0.25).abs() < 0.03, "{mean}");
    // Returned once: review 3–14 March, correction Mon 17 to Wed 19, re-review Thu 20, Fri 21,
    // Mon 24 and Tue 25; b from Wed 26 March.
    let c = once.expect("a case returned once");
    let a = &c.activities[ia];
    let kinds: Vec<_> = a.steps.iter().map(|s| (s.kind, s.days)).collect();
    assert_eq!(
        kinds,
        [
            (StepKind::Review, 10.0),
            (StepKind::Correction, 3.0),
            (StepKind::Rereview, 4.0)
        ]
    );
    assert_eq!(
        a.steps[1].halves,
        Some((half("2025-03-17", false), half("2025-03-19", true)))
    );
    assert_eq!(
        a.steps[2].halves,
        Some((half("2025-03-20", false), half("2025-03-25", true)))
    );
    assert_eq!(c.activities[ib].dates.0, d("2025-03-26"));
    // The same seed and case number give the same case.
    let k = (0..cases)
        .find(|&k| t.case(11, k, d("2025-03-03")).unwrap() == c)
        .unwrap();
    assert_eq!(t.case(11, k, d("2025-03-03")).unwrap(), c);
}

/// a uniform on 4–6 working days: reviews of 4, 4.5, 5, 5.5 or 6, each placed by half days.
#[test]
fn reviews_are_drawn_to_the_half_day_and_placed_by_half_days() {
    let (s, n) = flow(r#"spread = { dist = "uniform", min = 4, max = 6 }"#, "");
    let cal = Calendar::weekends();
    let t = Tracer::new(&s, &n, &cal);
    let (ia, ib) = (index(&n, "a"), index(&n, "b"));
    let mut seen = Vec::new();
    for k in 0..400 {
        let c = t.case(5, k, d("2025-03-03")).unwrap();
        let a = &c.activities[ia];
        assert!(
            [4.0, 4.5, 5.0, 5.5, 6.0].contains(&a.review),
            "{}",
            a.review
        );
        assert_eq!(c.activities[ib].start.get(), a.review);
        if a.review == 4.5 {
            // Monday morning to Friday morning; b from Friday afternoon.
            assert_eq!(
                a.steps[0].halves,
                Some((half("2025-03-03", false), half("2025-03-07", false)))
            );
            assert_eq!(
                c.activities[ib].steps[0].halves.unwrap().0,
                half("2025-03-07", true)
            );
        }
        if !seen.contains(&a.review.to_bits()) {
            seen.push(a.review.to_bits());
        }
    }
    assert_eq!(seen.len(), 5);
}

/// b counted in calendar days (10): after a (5 working days, Friday night) it runs from
/// Saturday 8 to Monday 17 March.
#[test]
fn a_calendar_day_item_runs_whole_days_from_the_day_after() {
    let (s, mut n) = flow_days((5, ""), (10, ""));
    let ib = index(&n, "b");
    n.activities[ib].unit = DayUnit::Calendar;
    n.activities[ib].clock = Clock::Special;
    let cal = Calendar::weekends();
    let t = Tracer::new(&s, &n, &cal);
    let c = t.case(1, 0, d("2025-03-03")).unwrap();
    let b = &c.activities[ib];
    assert_eq!(b.dates, (d("2025-03-08"), d("2025-03-17")));
    assert_eq!(
        b.steps[0].halves,
        Some((half("2025-03-08", false), half("2025-03-17", true)))
    );
}

#[test]
fn arrivals_are_sorted_working_days_within_the_span() {
    let cal = Calendar::weekends();
    let a = arrivals(9, 500, d("2025-01-01"), 365, &cal);
    assert_eq!(a.len(), 500);
    assert!(a.windows(2).all(|w| w[0] <= w[1]));
    assert!(a.iter().all(|x| cal.is_working_day(*x)));
    // 2025-12-31 is a Wednesday: nothing later.
    assert!(a[0] >= d("2025-01-01") && a[499] <= d("2025-12-31"));
    assert_eq!(arrivals(9, 500, d("2025-01-01"), 365, &cal), a);
    assert_ne!(arrivals(10, 500, d("2025-01-01"), 365, &cal), a);
}
