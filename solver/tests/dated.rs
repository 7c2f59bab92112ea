//! Schedules with calendar-day items and lags, placed exactly on the calendar: the issue's
//! "Must show" example and hand-checked variants (calendar lags, SS/FF links, max lags).

mod common;

use chrono::NaiveDate;
use common::{revalidate, scenario};
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::{
    Calendar, Clock, DayMeasure, DayUnit, Network, Provenance, Regime, RegimeName, Scenario,
    StageId, Target, WorkingDays,
};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{
    Method, Outcome, SolveError, describe_target, evaluate_network, network_for, plan_network,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// a (approval, 5 working days), b after a (special, 10 calendar days), c after b (approval,
/// 3 working days), applied Monday 2025-03-03 under the Chinese calendar.
pub fn must_show() -> Scenario {
    let s = scenario(
        r#"
version = 1
name = "Two clocks"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
name = "Stage"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 5

[[items]]
id = "b"
department = "Expert panel"
stage = "s"
days = 10
after = ["a"]

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 3
after = ["b"]
"#,
    );
    revalidate(&s.to_draft())
}

/// The network of `regime` with `b` made a special procedure in calendar days (the file
/// format cannot say so yet: the format helper adds `unit` and `clock`).
fn network(s: &Scenario, regime: &Regime, calendar: &[&str]) -> Network {
    let mut net = network_for(s, regime).unwrap();
    for a in &mut net.activities {
        if calendar.contains(&a.id.as_str()) {
            a.unit = DayUnit::Calendar;
            a.clock = Clock::Special;
        }
    }
    net
}

fn solve(s: &Scenario, regime: &str) -> Outcome {
    let cal = Calendar::for_base(s.calendar.base);
    let r = s.regime(regime).unwrap();
    let o = evaluate_network(s, r, network(s, r, &["b"]), &cal, Method::Paths).unwrap();
    let v = verify_outcome(s, &o, &cal);
    assert!(v.is_empty(), "{regime}: {v:#?}");
    o
}

fn dates_of(o: &Outcome, id: &str) -> (NaiveDate, NaiveDate) {
    o.dates[o.network.index_of(id).unwrap()]
}

#[test]
fn must_show_publicity_period_in_calendar_days() {
    let s = must_show();
    assert!(!s.regimes.is_empty());
    for r in &s.regimes {
        let o = solve(&s, r.name.as_str());
        let name = r.name.as_str();
        assert_eq!(
            dates_of(&o, "a"),
            (d("2025-03-03"), d("2025-03-07")),
            "{name}"
        );
        // b starts on Saturday, the calendar day after a finishes, and lasts 10 days.
        assert_eq!(
            dates_of(&o, "b"),
            (d("2025-03-08"), d("2025-03-17")),
            "{name}"
        );
        assert_eq!(
            dates_of(&o, "c"),
            (d("2025-03-18"), d("2025-03-20")),
            "{name}"
        );
        assert_eq!(o.approval_days.get(), 8.0, "{name}");
        assert_eq!(o.working_days().get(), 14.0, "{name}");
        assert_eq!(o.calendar_days, 18, "{name}");
        assert_eq!(o.end_date, d("2025-03-20"), "{name}");
        assert_eq!(o.days(DayMeasure::ApprovalDays), 8.0);
        assert_eq!(o.days(DayMeasure::CalendarDays), 18.0);
        // Working offsets: b from 5 to 11 (Saturday is offset 5, Monday 03-17 ends offset 11).
        let b = o.network.index_of("b").unwrap();
        assert_eq!(o.schedule.start[b].get(), 5.0);
        assert_eq!(o.schedule.finish[b].get(), 11.0);
        assert_eq!(o.critical_ids(), ["a", "b", "c"], "{name}");
        // What a planner reads (`--nocapture` shows it; the README quotes it).
        println!("{name}:");
        for (i, a) in o.network.activities.iter().enumerate() {
            if !a.is_gate() {
                let (from, to) = o.dates[i];
                println!(
                    "  {} {:<12} {:>2} {:<9} {from} → {to}  offsets {}–{}",
                    a.id,
                    a.clock.name(),
                    a.days,
                    a.unit.name(),
                    o.schedule.start[i],
                    o.schedule.finish[i]
                );
            }
        }
        println!(
            "  approval_days {}  working_days {}  calendar_days {}  end {}",
            o.approval_days,
            o.working_days(),
            o.calendar_days,
            o.end_date
        );
    }
}

#[test]
fn the_lp_refuses_calendar_days_in_both_languages() {
    let s = must_show();
    let cal = Calendar::for_base(s.calendar.base);
    let r = &s.regimes[0];
    let e = evaluate_network(&s, r, network(&s, r, &["b"]), &cal, Method::Lp).unwrap_err();
    assert!(matches!(e, SolveError::CalendarDays { .. }));
    let en = permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || e.to_string());
    assert!(en.contains("`b` is counted in calendar days"), "{en}");
    let zh = permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || e.to_string());
    assert!(zh.contains("`b` 按自然日计"), "{zh}");
    println!("{en}\n{zh}");
}

fn target(regime: &str, measure: DayMeasure, min: Option<f64>, max: f64) -> Target {
    Target {
        name: "t".into(),
        regime: RegimeName::new(regime),
        days: Some(WorkingDays::new(max)),
        days_min: min.map(WorkingDays::new),
        measure,
        trips: None,
        forms: None,
        materials: None,
        departments: None,
        stage: None,
        exact: false,
        source: Provenance::Unspecified,
    }
}

#[test]
fn targets_name_their_measure_in_both_languages() {
    let s = must_show();
    let o = solve(&s, "parallel");
    let en = |t: &Target| with_lang(Lang::En, || describe_target(t, Some(&o)));
    let zh = |t: &Target| with_lang(Lang::ZhCn, || describe_target(t, Some(&o)));
    let approval = target("parallel", DayMeasure::ApprovalDays, None, 10.0);
    assert_eq!(en(&approval), (Some(true), "8 approval days ≤ 10".into()));
    assert_eq!(zh(&approval), (Some(true), "审批用时 8 ≤ 10".into()));
    // The same bound on elapsed working days fails: 14 of them.
    let working = target("parallel", DayMeasure::WorkingDays, None, 10.0);
    assert_eq!(en(&working), (Some(false), "14 working days > 10".into()));
    assert_eq!(zh(&working), (Some(false), "工作日 14 > 10".into()));
    let calendar = target("parallel", DayMeasure::CalendarDays, None, 18.0);
    assert_eq!(en(&calendar), (Some(true), "18 calendar days ≤ 18".into()));
    assert_eq!(zh(&calendar), (Some(true), "自然日 18 ≤ 18".into()));
    // Ranges: met inside, ends included.
    let inside = target("parallel", DayMeasure::ApprovalDays, Some(8.0), 54.0);
    assert_eq!(en(&inside), (Some(true), "8 approval days in 8..54".into()));
    let below = target("parallel", DayMeasure::ApprovalDays, Some(36.5), 54.0);
    assert_eq!(
        en(&below),
        (Some(false), "8 approval days outside 36.5..54".into())
    );
    assert_eq!(
        zh(&below),
        (Some(false), "审批用时 8 不在 36.5..54 之内".into())
    );
    // A stage target on approval days: the stage holds all three items.
    let mut stage = target("parallel", DayMeasure::ApprovalDays, None, 8.0);
    stage.stage = Some(StageId::new("s"));
    assert_eq!(
        en(&stage),
        (Some(true), "8 approval days in stage s ≤ 8".into())
    );
    stage.measure = DayMeasure::CalendarDays;
    assert_eq!(zh(&stage), (Some(false), "阶段 s 自然日 18 > 8".into()));
}

#[test]
fn the_planner_refuses_calendar_days_in_both_languages() {
    let s = must_show();
    let r = s.regime("parallel").unwrap();
    let net = network(&s, r, &["b"]);
    let e = plan_network(&net, WorkingDays::new(10.0)).unwrap_err();
    let en = with_lang(Lang::En, || e.to_string());
    assert!(
        en.starts_with(
            "`b` is counted in calendar days, and a network planned without a calendar cannot place it"
        ),
        "{en}"
    );
    let zh = with_lang(Lang::ZhCn, || e.to_string());
    assert!(zh.contains("脱离日历的网络无法安排它"), "{zh}");
    println!("{en}\n{zh}");
}

/// Two items, `x` then `y` (each 5 working days unless changed), on a Monday, with the link and
/// the units a test sets.
fn pair(start: &str) -> Scenario {
    pair_after(start, "x")
}

/// [`pair`] with `y`'s predecessor written as `after` (`x:SS+2`: the link's kind and lag).
fn pair_after(start: &str, after: &str) -> Scenario {
    revalidate(
        &scenario(&format!(
            r#"
version = 1
name = "Pair"
start = "{start}"
calendar = "cn"

[[stages]]
id = "s"
name = "Stage"
lead = "Bureau"

[[items]]
id = "x"
department = "Bureau"
stage = "s"
days = 5

[[items]]
id = "y"
department = "Bureau"
stage = "s"
days = 3
after = ["{after}"]
"#
        ))
        .to_draft(),
    )
}

fn solve_net(s: &Scenario, net: Network) -> Outcome {
    let cal = Calendar::for_base(s.calendar.base);
    let r = s.regime("parallel").unwrap();
    let o = evaluate_network(s, r, net, &cal, Method::Paths).unwrap();
    let v = verify_outcome(s, &o, &cal);
    assert!(v.is_empty(), "{v:#?}");
    o
}

fn link_of(net: &mut Network) -> &mut permitflow_model::Constraint {
    net.constraints
        .iter_mut()
        .find(|c| c.origin == permitflow_model::Origin::Link)
        .unwrap()
}

#[test]
fn a_calendar_lag_counts_calendar_days() {
    let s = pair("2025-03-03");
    let mut net = network_for(&s, s.regime("parallel").unwrap()).unwrap();
    let c = link_of(&mut net);
    c.lag = WorkingDays::new(3.0);
    c.lag_unit = DayUnit::Calendar;
    let o = solve_net(&s, net);
    // x ends Friday 03-07; three calendar days later is the end of Monday 03-10.
    assert_eq!(dates_of(&o, "y"), (d("2025-03-11"), d("2025-03-13")));
    assert_eq!(o.working_days().get(), 9.0);
    assert_eq!(o.calendar_days, 11);
}

#[test]
fn start_to_start_and_finish_to_finish_with_calendar_items() {
    // y in calendar days starts with x (SS, 2 calendar days later): Wednesday 03-05.
    let s = pair_after("2025-03-03", "x:SS+2");
    let calendar_y = |s: &Scenario| {
        let mut net = network_for(s, s.regime("parallel").unwrap()).unwrap();
        let y = net.index_of("y").unwrap();
        net.activities[y].unit = DayUnit::Calendar;
        link_of(&mut net).lag_unit = DayUnit::Calendar;
        net
    };
    let o = solve_net(&s, calendar_y(&s));
    assert_eq!(dates_of(&o, "y"), (d("2025-03-05"), d("2025-03-07")));
    // FF without lag: y (3 calendar days) ends no earlier than x (Friday): 03-05..03-07.
    let s = pair_after("2025-03-03", "x:FF");
    let o = solve_net(&s, calendar_y(&s));
    assert_eq!(dates_of(&o, "y"), (d("2025-03-05"), d("2025-03-07")));
    // FF with 1 calendar day: y ends Saturday 03-08, a day a working clock never shows.
    let mut net = calendar_y(&s);
    link_of(&mut net).lag = WorkingDays::new(1.0);
    let o = solve_net(&s, net);
    assert_eq!(dates_of(&o, "y"), (d("2025-03-06"), d("2025-03-08")));
    assert_eq!(o.end_date, d("2025-03-08"));
    assert_eq!(o.calendar_days, 6);
    assert_eq!(o.working_days().get(), 5.0);
}

#[test]
fn a_calendar_item_without_predecessors_starts_on_the_application_date() {
    // Applied on Saturday 2025-03-08: the calendar item starts that day, the working one Monday.
    let s = pair("2025-03-08");
    let mut net = network_for(&s, s.regime("parallel").unwrap()).unwrap();
    let x = net.index_of("x").unwrap();
    net.activities[x].unit = DayUnit::Calendar;
    let o = solve_net(&s, net);
    assert_eq!(dates_of(&o, "x"), (d("2025-03-08"), d("2025-03-12")));
    assert_eq!(dates_of(&o, "y"), (d("2025-03-13"), d("2025-03-17")));
    assert_eq!(o.calendar_days, 10);
    // Three working days Wednesday (03-12 is x's last) → y from Thursday: 03-13, 14, 17.
    assert_eq!(o.working_days().get(), 6.0);
}

#[test]
fn a_deadline_after_a_calendar_period_is_infeasible_and_named() {
    // y in calendar days must follow x within 0 days (max lag), and x must finish by offset 4,
    // while y may not start before offset 7: no schedule, and the error says why.
    let s = pair("2025-03-03");
    let mut net = network_for(&s, s.regime("parallel").unwrap()).unwrap();
    let (x, y) = (net.index_of("x").unwrap(), net.index_of("y").unwrap());
    net.activities[y].unit = DayUnit::Calendar;
    net.activities[y].release = Some(WorkingDays::new(7.0));
    net.activities[x].deadline = Some(WorkingDays::new(5.0));
    link_of(&mut net).max_lag = Some(WorkingDays::ZERO);
    let cal = Calendar::for_base(s.calendar.base);
    let r = s.regime("parallel").unwrap();
    let e = evaluate_network(&s, r, net, &cal, Method::Paths).unwrap_err();
    let SolveError::Infeasible { constraints, .. } = &e else {
        panic!("{e:?}")
    };
    let text = with_lang(Lang::En, || e.to_string());
    assert!(constraints.iter().any(|c| c.contains("deadline")), "{text}");
    assert!(text.contains("maximum lag"), "{text}");
}

#[test]
fn a_conflict_names_a_calendar_lag_in_calendar_days_in_both_languages() {
    // y (calendar days) must start within 1 calendar day of x's finish (Friday 03-07) but not
    // before working offset 7 (Wednesday 03-12), and x must finish by offset 5.
    let s = pair("2025-03-03");
    let mut net = network_for(&s, s.regime("parallel").unwrap()).unwrap();
    let (x, y) = (net.index_of("x").unwrap(), net.index_of("y").unwrap());
    net.activities[y].unit = DayUnit::Calendar;
    net.activities[y].release = Some(WorkingDays::new(7.0));
    net.activities[x].deadline = Some(WorkingDays::new(5.0));
    let c = link_of(&mut net);
    c.lag_unit = DayUnit::Calendar;
    c.max_lag = Some(WorkingDays::new(1.0));
    let cal = Calendar::for_base(s.calendar.base);
    let r = s.regime("parallel").unwrap();
    // The constraints are described when the error is made, in the language of the moment.
    let solve = || {
        evaluate_network(&s, r, net.clone(), &cal, Method::Paths)
            .unwrap_err()
            .to_string()
    };
    let en = with_lang(Lang::En, solve);
    assert!(
        en.contains("at most 1 calendar day after `x` finishes"),
        "{en}"
    );
    let zh = with_lang(Lang::ZhCn, solve);
    assert!(zh.contains("1 个自然日"), "{zh}");
    println!("{en}\n{zh}");
}
