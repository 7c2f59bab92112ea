//! The round trip of issue #24: a log of 2,000 cases generated from the shipped default scenario
//! (known spreads and return rates) under its `parallel` regime is calibrated back to each
//! item's first-review mean within 3 % of its spread's mean and its return rate within 2
//! points; the fitted scenario, simulated and measured as the log was, gives the log's P80 lead
//! time within 3 %.

use permitflow_app::calibrate::{fitted_toml, measure_log, validate};
use permitflow_app::load::load_default;
use permitflow_app::synth::{LogOptions, synthetic_log};
use permitflow_model::event_log::check;
use permitflow_model::{Distribution, Item};

/// The mean of an item's spread as the log records it: each draw to the nearest half working
/// day (what the dated simulation and the generator do, and all a system recording half-days
/// can see), by integrating the density on a fine grid.
fn recorded_mean(item: &Item) -> f64 {
    let (lo, hi, density): (f64, f64, Box<dyn Fn(f64) -> f64>) = match &item.spread {
        None => return item.days.value.get(),
        Some(Distribution::Fixed(v)) => return half(v.get()),
        Some(Distribution::Triangular { min, likely, max }) => {
            let (a, c, b) = (min.get(), likely.get(), max.get());
            let f = move |x: f64| {
                if x < c {
                    2.0 * (x - a) / ((b - a) * (c - a))
                } else {
                    2.0 * (b - x) / ((b - a) * (b - c))
                }
            };
            (a, b, Box::new(f))
        }
        Some(Distribution::Pert { min, likely, max }) => {
            let (a, c, b) = (min.get(), likely.get(), max.get());
            let alpha = 1.0 + 4.0 * (c - a) / (b - a);
            let beta = 1.0 + 4.0 * (b - c) / (b - a);
            let f = move |x: f64| {
                let u = (x - a) / (b - a);
                u.powf(alpha - 1.0) * (1.0 - u).powf(beta - 1.0)
            };
            (a, b, Box::new(f))
        }
        Some(Distribution::Uniform { min, max }) => (min.get(), max.get(), Box::new(|_| 1.0)),
    };
    if hi - lo < 1e-9 {
        return half(lo);
    }
    let steps = 200_000;
    let h = (hi - lo) / f64::from(steps);
    let (mut mass, mut sum) = (0.0, 0.0);
    for k in 0..steps {
        let x = lo + (f64::from(k) + 0.5) * h;
        let w = density(x) * h;
        mass += w;
        sum += w * half(x);
    }
    sum / mass
}

fn half(x: f64) -> f64 {
    (2.0 * x).round() / 2.0
}

#[test]
fn a_generated_log_calibrates_back_to_its_scenario() {
    let loaded = load_default().expect("the default scenario");
    let s = &loaded.scenario;
    let opts = LogOptions {
        cases: 2_000,
        seed: 24,
        first: chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
        days: 365,
        project_type: "housing".into(),
    };
    let log = synthetic_log(&loaded, "parallel", &opts).expect("a log");
    let checked = check(log, None);
    assert_eq!(checked.rejected_count, 0);
    let c = measure_log("log.csv".into(), &checked, &loaded.calendar, Some(s));
    let mut compared = 0;
    let mut worst: (f64, f64) = (0.0, 0.0);
    for fit in &c.items {
        let item = s
            .items
            .iter()
            .find(|i| i.id.as_str() == fit.item)
            .expect("an item of the scenario");
        assert_eq!(fit.cases, 2_000, "{}", fit.item);
        let want = recorded_mean(item);
        let err = (fit.review_mean - want).abs() / want;
        assert!(
            err < 0.03,
            "{}: first reviews' mean {:.3} against the spread's {want:.3} (to the half day)",
            fit.item,
            fit.review_mean
        );
        let rate = item.returns.as_ref().map_or(0.0, |r| r.rate);
        assert!(
            (fit.return_rate - rate).abs() < 0.02,
            "{}: return rate {:.3} against {rate}",
            fit.item,
            fit.return_rate
        );
        worst = (
            worst.0.max(err),
            worst.1.max((fit.return_rate - rate).abs()),
        );
        compared += 1;
    }
    eprintln!(
        "worst relative error of a mean {:.4}, of a return rate {:.4}",
        worst.0, worst.1
    );
    // Every approval-clock item of the default is in the log (21 of its 24 items).
    assert_eq!(compared, 21);
    let fitted = fitted_toml(&c, &checked, Some(&loaded)).expect("a fitted scenario");
    assert_eq!(fitted.notes.fitted, 21);
    let v = validate(&c, &fitted.scenario, &loaded.calendar, "parallel", 7).expect("validation");
    let row = &v.rows[0];
    let (observed, simulated) = (row.observed[1], row.simulated[1]);
    assert!(
        (simulated - observed).abs() / observed < 0.03,
        "P80 lead time: observed {observed}, simulated {simulated}"
    );
    eprintln!("P80 lead time: observed {observed}, simulated {simulated}");
}
