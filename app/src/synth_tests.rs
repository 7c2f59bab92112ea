//! The log read back: generated from the shipped default scenario, checked and measured by
//! `calibrate`, every item's official times, returns and corrections are the drawn ones.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use permitflow_model::event_log::{EventKind, check, parse_csv};
use permitflow_solver::trace::{StepKind, Tracer, arrivals};

use super::{LogOptions, log_csv, synthetic_log};
use crate::calibrate::measure_log;
use crate::load::load_default;

fn opts(cases: usize) -> LogOptions {
    LogOptions {
        cases,
        seed: 7,
        first: NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
        days: 365,
        project_type: "housing".into(),
    }
}

/// Per item: the official times (review plus re-reviews), the corrections and the cases
/// returned, as drawn.
type Drawn = BTreeMap<String, (Vec<f64>, Vec<f64>, usize)>;

fn drawn(regime: &str, o: &LogOptions) -> Drawn {
    let loaded = load_default().unwrap();
    let s = &loaded.scenario;
    let net = permitflow_solver::network_for(s, s.regime(regime).unwrap()).unwrap();
    let tracer = Tracer::new(s, &net, &loaded.calendar);
    let mut out = Drawn::new();
    let dates = arrivals(o.seed, o.cases, o.first, o.days, &loaded.calendar);
    for (k, &date) in dates.iter().enumerate() {
        let c = tracer.case(o.seed, k as u64, date).unwrap();
        for (a, t) in net.activities.iter().zip(&c.activities) {
            let reviews = t.steps.iter().filter(|s| s.kind != StepKind::Correction);
            if a.is_gate() || !a.clock.is_official() || reviews.clone().any(|s| s.days == 0.0) {
                continue;
            }
            for m in &a.members {
                let e = out.entry(m.as_str().to_owned()).or_default();
                e.0.push(t.review + f64::from(t.returns) * t.rereview);
                e.1.extend((0..t.returns).map(|_| t.correction));
                e.2 += t.returns as usize;
            }
        }
    }
    out
}

fn nearest_rank(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn reads_back(regime: &str) {
    let loaded = load_default().unwrap();
    let o = opts(150);
    let log = synthetic_log(&loaded, regime, &o).unwrap();
    let checked = check(log, None);
    assert_eq!(checked.rejected_count, 0, "{:?}", checked.rejected.first());
    assert!(checked.open.is_empty());
    let c = measure_log(
        "log.csv".into(),
        &checked,
        &loaded.calendar,
        Some(&loaded.scenario),
    );
    let expected = drawn(regime, &o);
    assert_eq!(c.items.len(), expected.len(), "{regime}");
    let mut returned_somewhere = false;
    for fit in &c.items {
        let (official, corrections, returned) = &expected[&fit.item];
        let mut sorted = official.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mean = sorted.iter().sum::<f64>() / n as f64;
        assert_eq!(fit.cases, n, "{}", fit.item);
        assert_eq!(
            (fit.mean, fit.min, fit.max),
            (mean, sorted[0], sorted[n - 1]),
            "{regime} {}",
            fit.item
        );
        assert_eq!(
            (fit.p50, fit.p80),
            (nearest_rank(&sorted, 0.5), nearest_rank(&sorted, 0.8)),
            "{}",
            fit.item
        );
        // The corrections are the drawn ones; the rate is per submission: returns over cases
        // and resubmissions.
        let correction_mean = (!corrections.is_empty())
            .then(|| corrections.iter().sum::<f64>() / corrections.len() as f64);
        assert_eq!(fit.correction_mean, correction_mean, "{}", fit.item);
        assert_eq!(
            fit.return_rate,
            *returned as f64 / (n + returned) as f64,
            "{}",
            fit.item
        );
        returned_somewhere |= *returned > 0;
    }
    assert!(returned_somewhere, "the default scenario has returns");
}

#[test]
fn calibrate_reads_back_the_drawn_times_under_parallel() {
    reads_back("parallel");
}

#[test]
fn calibrate_reads_back_the_drawn_times_under_joint_events() {
    reads_back("joint");
}

#[test]
fn the_csv_reads_back_as_the_same_records_in_both_languages() {
    let loaded = load_default().unwrap();
    let log = synthetic_log(&loaded, "parallel", &opts(20)).unwrap();
    let en = String::from_utf8(log_csv(&log).unwrap()).unwrap();
    assert!(en.starts_with("case,project_type,item,department,event,time\n"));
    assert_eq!(parse_csv(&en, "l.csv").unwrap().records, log.records);
    let zh = permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || log_csv(&log).unwrap());
    let zh = String::from_utf8(zh).unwrap();
    assert!(
        zh.starts_with("案件编号,项目类型,事项,部门,环节,时间\n"),
        "{zh}"
    );
    assert!(zh.contains(",受理,") && zh.contains(",办结,"));
    assert_eq!(parse_csv(&zh, "l.csv").unwrap().records, log.records);
    // Cases in arrival order, numbered per year; the first event of each item is its receipt.
    assert_eq!(&*log.records[0].case, "C2025-0001");
    assert_eq!(log.records[0].event, EventKind::Received);
    // The same seed gives the same log; another seed another.
    assert_eq!(synthetic_log(&loaded, "parallel", &opts(20)).unwrap(), log);
    let other = LogOptions {
        seed: 8,
        ..opts(20)
    };
    assert_ne!(synthetic_log(&loaded, "parallel", &other).unwrap(), log);
}

#[test]
fn counts_out_of_range_and_unknown_regimes_are_refused() {
    let loaded = load_default().unwrap();
    let en =
        |e: crate::Error| permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || e.to_string());
    let e = en(synthetic_log(&loaded, "parallel", &opts(0)).unwrap_err());
    assert!(e.contains("0 cases"), "{e}");
    let e = en(synthetic_log(&loaded, "parallel", &opts(100_001)).unwrap_err());
    assert!(e.contains("100001") || e.contains("100,001"), "{e}");
    let days = LogOptions { days: 0, ..opts(5) };
    assert!(synthetic_log(&loaded, "parallel", &days).is_err());
    let e = en(synthetic_log(&loaded, "nope", &opts(5)).unwrap_err());
    assert!(e.contains("nope"), "{e}");
}

/// `a` (5 working days, returned with rate 0.3: 2 days' correction, 3 days' re-review), then
/// `b` counted in calendar days (a 10-day approval, 8 to 12 days): b's records are dates only,
/// and calibrate (with the scenario, so b is measured in calendar days) reads both back.
#[test]
fn calendar_day_items_are_dated_and_read_back_in_calendar_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.toml");
    std::fs::write(
        &path,
        r#"
version = 1
name = "Two items"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 5
returns = { rate = 0.3, correction_days = 2, rework_days = 3 }

[[items]]
id = "b"
department = "Office"
stage = "s"
days = 10
unit = "calendar"
spread = { dist = "uniform", min = 8, max = 12 }
after = ["a"]
"#,
    )
    .unwrap();
    let loaded = crate::load(Some(&path), None).unwrap();
    let o = opts(200);
    let log = synthetic_log(&loaded, "parallel", &o).unwrap();
    let b: Vec<_> = log.records.iter().filter(|r| &*r.item == "b").collect();
    assert!(
        !b.is_empty()
            && b.iter()
                .all(|r| r.at.time.is_none() && &*r.department == "Office")
    );
    assert!(
        log.records
            .iter()
            .filter(|r| &*r.item == "a")
            .all(|r| r.at.time.is_some())
    );
    let checked = check(log, None);
    assert_eq!(checked.rejected_count, 0, "{:?}", checked.rejected.first());
    let c = measure_log(
        "l.csv".into(),
        &checked,
        &loaded.calendar,
        Some(&loaded.scenario),
    );
    let fit = |id: &str| c.items.iter().find(|f| f.item == id).unwrap();
    // b: whole days from 8 to 12, never returned.
    let b = fit("b");
    assert_eq!(b.cases, 200);
    assert!(
        b.min >= 8.0 && b.max <= 12.0 && b.min < b.max,
        "{} {}",
        b.min,
        b.max
    );
    assert!(
        [b.min, b.max, b.p50, b.p80]
            .iter()
            .all(|x| x.fract() == 0.0)
    );
    assert_eq!(b.return_rate, 0.0);
    // a: 5 days, plus 3 per return; each correction 2 days.
    let a = fit("a");
    assert_eq!(a.min, 5.0);
    assert_eq!(a.correction_mean, Some(2.0));
    assert!(
        a.return_rate > 0.15 && a.return_rate < 0.45,
        "{}",
        a.return_rate
    );
    let returns = (a.mean - 5.0) / 3.0;
    // E[K] = 0.3 / 0.7 = 0.43 returns a case.
    assert!((returns - 0.43).abs() < 0.12, "{returns}");
}

fn one_item(dir: &std::path::Path, deadline: u32) -> crate::Loaded {
    let path = dir.join(format!("d{deadline}.toml"));
    std::fs::write(
        &path,
        format!(
            r#"
version = 1
name = "One item"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "review"
department = "Bureau"
stage = "s"
days = 10
deadline = {deadline}
spread = {{ dist = "uniform", min = 5, max = 15 }}
"#
        ),
    )
    .unwrap();
    crate::load(Some(&path), None).unwrap()
}

/// A deadline of 10 working days and a review uniform on 5–15: about half the cases break it
/// and are left out, as the simulation counts them infeasible; a deadline no draw meets is an
/// error.
#[test]
fn cases_that_break_a_deadline_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = one_item(dir.path(), 10);
    let log = synthetic_log(&loaded, "parallel", &opts(200)).unwrap();
    let cases: std::collections::BTreeSet<&str> = log.records.iter().map(|r| &*r.case).collect();
    assert!((60..=140).contains(&cases.len()), "{}", cases.len());
    // Numbered among the recorded cases: no gaps.
    let last = format!("C2025-{:04}", cases.len());
    assert_eq!(cases.last(), Some(&last.as_str()));
    let c = measure_log(
        "l.csv".into(),
        &check(log, None),
        &loaded.calendar,
        Some(&loaded.scenario),
    );
    assert!(
        c.items[0].max <= 10.0 && c.items[0].min >= 5.0,
        "{:?}",
        c.items[0]
    );
    let never = one_item(dir.path(), 3);
    let e = synthetic_log(&never, "parallel", &opts(20)).unwrap_err();
    let e = permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || e.to_string());
    assert!(
        e.contains("cannot generate a log under regime `parallel`"),
        "{e}"
    );
}
