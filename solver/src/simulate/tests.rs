//! The two clocks on networks the scenario files cannot state yet (clock classes, calendar-day
//! units and targets by measure reach the network before the readers fill them): the network
//! is changed after it is built.

use permitflow_model::{
    Calendar, Clock, DayMeasure, DayUnit, Format, Network, RegimeName, Scenario, Target,
    WorkingDays, parse_scenario,
};

use super::{SimulationOptions, SimulationResult, run_network};
use crate::error::SolveError;
use crate::regime::network_for;

/// `a` (approval, 5) → `tech` (10, uniform 5–15) → `b` (approval, 5), with `b` returned at
/// rate 0.3 (10 days of correction, 5 of re-review).
fn three() -> Scenario {
    let text = r#"
version = 1
name = "A technical review between"
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
id = "tech"
department = "Agency"
stage = "s"
days = 10
after = ["a"]
spread = { dist = "uniform", min = 5, max = 15 }

[[items]]
id = "b"
department = "Bureau"
stage = "s"
days = 5
after = ["tech"]
returns = { rate = 0.3, rework_days = 10, rereview_days = 5 }
"#;
    parse_scenario(text, "t.toml", Format::Toml).unwrap()
}

fn net(s: &Scenario, change: impl FnOnce(&mut Network)) -> Network {
    let mut n = network_for(s, s.regime("parallel").unwrap()).unwrap();
    change(&mut n);
    n
}

fn sim(
    s: &Scenario,
    n: Network,
    targets: &[&Target],
    cal: Option<&Calendar>,
) -> Result<SimulationResult, SolveError> {
    let opts = SimulationOptions {
        iterations: 100_000,
        seed: 9,
    };
    run_network(
        s,
        &RegimeName::new("parallel"),
        n,
        targets,
        &opts,
        cal,
        &|| false,
    )
}

fn set_clock(n: &mut Network, id: &str, clock: Clock) {
    n.activities.iter_mut().find(|a| a.id == id).unwrap().clock = clock;
}

#[test]
fn a_special_procedure_counts_only_as_elapsed_time() {
    let s = three();
    let r = sim(
        &s,
        net(&s, |n| set_clock(n, "tech", Clock::Special)),
        &[],
        None,
    )
    .unwrap();
    // Official time: a's 5, b's 5 and 5 per re-review (10 + 5 K); elapsed adds tech's
    // U(5, 15) and 15 per return. With K = 0 (P = 0.7) approval is exactly 10.
    assert_eq!(r.approval.deterministic, 10.0);
    assert_eq!(r.deterministic, 20.0);
    assert_eq!(
        [r.approval.p50, r.approval.p80, r.approval.p95],
        [10.0, 15.0, 20.0]
    );
    assert!(r.approval.samples.iter().all(|&x| (x - 10.0) % 5.0 == 0.0));
    // The same network on the approval clock: every day counts, both clocks agree except
    // for the corrections.
    let all = sim(&s, net(&s, |_| {}), &[], None).unwrap();
    assert_eq!(
        all.samples, r.samples,
        "the same draws, the same elapsed time"
    );
    // Its P50 solves 0.7 · (x − 15) / 10 + 0.21 · (x − 20) / 10 = 0.5 (K = 0 or 1): 21.65.
    assert!(
        (all.approval.p50 - 21.65).abs() < 0.1,
        "{}",
        all.approval.p50
    );
    // An applicant's item is off the clock too.
    let app = sim(
        &s,
        net(&s, |n| set_clock(n, "tech", Clock::Applicant)),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(app.approval, r.approval);
}

#[test]
fn targets_bound_the_measure_they_name() {
    let s = three();
    let n = || net(&s, |n| set_clock(n, "tech", Clock::Special));
    let t = |name: &str, measure, min: Option<f64>, max: f64| Target {
        name: name.into(),
        regime: RegimeName::new("parallel"),
        days: Some(WorkingDays::new(max)),
        days_min: min.map(WorkingDays::new),
        measure,
        trips: None,
        forms: None,
        materials: None,
        departments: None,
        stage: None,
        exact: false,
        source: Default::default(),
    };
    let targets = [
        t("approval ≤ 15", DayMeasure::ApprovalDays, None, 15.0),
        t(
            "approval 15..20",
            DayMeasure::ApprovalDays,
            Some(15.0),
            20.0,
        ),
        t("elapsed ≤ 20", DayMeasure::WorkingDays, None, 20.0),
        t("calendar ≤ 26", DayMeasure::CalendarDays, None, 26.0),
    ];
    let refs: Vec<&Target> = targets.iter().collect();
    let r = sim(&s, n(), &refs, None).unwrap();
    let share =
        |x: &[f64], f: &dyn Fn(f64) -> bool| x.iter().filter(|&&v| f(v)).count() as f64 / 100_000.0;
    assert_eq!(r.targets[0].1, share(&r.approval.samples, &|x| x <= 15.0));
    assert_eq!(
        r.targets[1].1,
        share(&r.approval.samples, &|x| (15.0..=20.0).contains(&x))
    );
    assert_eq!(r.targets[2].1, share(&r.samples, &|x| x <= 20.0));
    // P(K ≤ 1) = 0.91; P(K ∈ {1, 2}) = 0.21 + 0.063.
    assert!((r.targets[0].1 - 0.91).abs() < 0.004, "{:?}", r.targets);
    assert!((r.targets[1].1 - 0.273).abs() < 0.006, "{:?}", r.targets);
    // No calendar: the calendar-day target is not simulated.
    assert!(r.targets[3].1.is_nan());
    // On the weekends calendar from Monday 2025-03-03, 26 calendar days end Friday 03-28,
    // the 20th working day.
    let cal = Calendar::weekends();
    let on = sim(&s, n(), &refs, Some(&cal)).unwrap();
    assert_eq!(on.samples, r.samples);
    assert_eq!(on.targets[3].1, share(&on.samples, &|x| x <= 20.0));
    let c = on.calendar.unwrap();
    assert_eq!(c.deterministic, 26.0);
    assert_eq!(
        c.min, 22.0,
        "just over 15 working days end on the 16th, Monday 03-24"
    );
}

#[test]
fn calendar_day_items_and_lags_are_refused_in_both_languages() {
    let s = three();
    let n = net(&s, |n| {
        n.activities
            .iter_mut()
            .find(|a| a.id == "tech")
            .unwrap()
            .unit = DayUnit::Calendar;
    });
    let e = sim(&s, n, &[], None).unwrap_err();
    assert_eq!(
        e,
        SolveError::NotSimulated {
            item: "tech".into()
        }
    );
    let en = permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || e.to_string());
    assert!(en.starts_with("`tech` is counted in calendar days"), "{en}");
    let zh = permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || e.to_string());
    assert!(zh.starts_with("`tech` 按自然日计"), "{zh}");
    let n = net(&s, |n| {
        for c in &mut n.constraints {
            c.lag_unit = DayUnit::Calendar;
        }
    });
    let e = sim(&s, n, &[], None).unwrap_err();
    assert!(matches!(e, SolveError::NotSimulated { item } if item.contains(" → ")));
}
