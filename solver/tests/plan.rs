//! Reform planning: the cheapest cuts to reach a target, the time–cost curve, what each measure
//! is worth and how much each critical limit matters, on networks small enough to check by hand,
//! cross-checked against the longest-path schedule, the independent checker and brute force.

mod common;

use permitflow_model::{Format, Network, Scenario, WorkingDays, parse_scenario};
use permitflow_solver::check::verify;
use permitflow_solver::{
    Change, Method, Plan, PlanMethod, RangeEnd, SolveError, attribute, network_for, plan,
    plan_network, plan_network_with, schedule, sensitivity, time_cost_curve,
};

fn scenario(toml: &str) -> Scenario {
    match parse_scenario(toml, "test.toml", Format::Toml) {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    }
}

/// One stage holding `items` (TOML `[[items]]` tables without `stage` and `department`).
fn one_stage(items: &[&str]) -> Scenario {
    let mut text = String::from(
        r#"
version = 1
name = "Planning test"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "Bureau"
"#,
    );
    for item in items {
        text.push_str("\n[[items]]\nstage = \"s\"\ndepartment = \"Bureau\"\n");
        text.push_str(item);
        text.push('\n');
    }
    scenario(&text)
}

/// Path A: a1 (10, floor 5, cost 1) → a2 (10, floor 8, cost 3); path B: b1 (15, floor 12,
/// cost 2). Today 20 working days; the least is 13 (A at its floors; B could go to 12).
fn two_paths() -> Scenario {
    one_stage(&[
        "id = \"a1\"\ndays = 10\nfloor = 5\ncost = 1",
        "id = \"a2\"\ndays = 10\nfloor = 8\ncost = 3\nafter = [\"a1\"]",
        "id = \"b1\"\ndays = 15\nfloor = 12\ncost = 2",
    ])
}

fn wd(days: f64) -> WorkingDays {
    WorkingDays::new(days)
}

fn plan_of(s: &Scenario, regime: &str, target: f64) -> Plan {
    plan(s, s.regime(regime).unwrap(), wd(target)).unwrap()
}

/// The regime's network with the plan's new limits.
fn cut_network(s: &Scenario, regime: &str, p: &Plan) -> Network {
    let mut net = network_for(s, s.regime(regime).unwrap()).unwrap();
    for c in &p.cuts {
        let i = net.index_of(&c.id).unwrap();
        assert_eq!(net.activities[i].days, c.from, "{}", c.id);
        assert!(
            c.to >= net.activities[i].floor,
            "{} cut below its floor",
            c.id
        );
        net.activities[i].days = c.to;
    }
    net
}

/// Every plan: the new limits, scheduled by longest paths and accepted by the checker, meet the
/// target and give the reported working days; the cost is the sum of the cuts.
fn cross_check(s: &Scenario, regime: &str, p: &Plan) {
    let net = cut_network(s, regime, p);
    let sched = schedule(&net, Method::Paths).unwrap();
    let problems = verify(&net, &sched);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(sched.makespan, p.working_days);
    if p.reachable {
        assert!(p.working_days <= p.target, "{p:#?}");
    }
    let sum: f64 = p.cuts.iter().map(|c| c.cost).sum();
    assert!((sum - p.cost).abs() < 1e-9);
    for c in &p.cuts {
        assert_eq!(c.days, c.from - c.to);
        assert!(c.days.get() > 0.0 && c.days.is_half_step(), "{c:?}");
    }
}

fn cut_list(p: &Plan) -> Vec<(&str, f64, f64, f64)> {
    p.cuts
        .iter()
        .map(|c| (c.id.as_str(), c.from.get(), c.to.get(), c.cost))
        .collect()
}

#[test]
fn plan_cuts_the_cheaper_item_of_the_only_long_path() {
    let s = two_paths();
    let p = plan_of(&s, "parallel", 17.0);
    assert!(p.reachable);
    assert_eq!(p.current, wd(20.0));
    assert_eq!(p.least_working_days, wd(13.0));
    // B (15) has 2 days to spare; A must lose 3, at 1 per day on a1 rather than 3 on a2.
    assert_eq!(cut_list(&p), [("a1", 10.0, 7.0, 3.0)]);
    assert_eq!(p.cuts[0].days, wd(3.0));
    assert_eq!(p.cost, 3.0);
    assert_eq!(p.working_days, wd(17.0));
    assert!(p.limiting.is_empty());
    cross_check(&s, "parallel", &p);
}

#[test]
fn plan_cuts_both_paths_when_the_target_needs_it() {
    let s = two_paths();
    // 14: A loses 6 (a1 all 5 at 1, a2 1 at 3), B loses 1 at 2: 5 + 3 + 2 = 10.
    let p = plan_of(&s, "parallel", 14.0);
    assert!(p.reachable);
    assert_eq!(
        cut_list(&p),
        [
            ("a1", 10.0, 5.0, 5.0),
            ("a2", 10.0, 9.0, 3.0),
            ("b1", 15.0, 14.0, 2.0)
        ]
    );
    assert_eq!(p.cost, 10.0);
    assert_eq!(p.working_days, wd(14.0));
    cross_check(&s, "parallel", &p);

    // Half days: 14.5 costs 5 + 1.5 + 1 (a2 and b1 half a day each).
    let p = plan_of(&s, "parallel", 14.5);
    assert_eq!(
        cut_list(&p),
        [
            ("a1", 10.0, 5.0, 5.0),
            ("a2", 10.0, 9.5, 1.5),
            ("b1", 15.0, 14.5, 1.0)
        ]
    );
    assert_eq!(p.cost, 7.5);
    cross_check(&s, "parallel", &p);

    // The least itself: every item of A at its floor, B at 13.
    let p = plan_of(&s, "parallel", 13.0);
    assert!(p.reachable);
    assert_eq!(p.cost, 5.0 + 6.0 + 4.0);
    assert_eq!(p.working_days, wd(13.0));
    cross_check(&s, "parallel", &p);
}

#[test]
fn plan_below_the_least_is_unreachable_and_names_what_limits_it() {
    let s = two_paths();
    let p = plan_of(&s, "parallel", 12.0);
    assert!(!p.reachable);
    assert_eq!(p.least_working_days, wd(13.0));
    // At the floors A takes 5 + 8 = 13 and B 12: A's items limit the minimum.
    assert_eq!(p.limiting, ["a1", "a2"]);
    assert!(p.cuts.is_empty());
    assert_eq!(p.cost, 0.0);
    assert_eq!(p.working_days, wd(20.0));
    cross_check(&s, "parallel", &p);

    // With b1 unable to go below 15, b1 alone limits the minimum.
    let s = one_stage(&[
        "id = \"a1\"\ndays = 10\nfloor = 5\ncost = 1",
        "id = \"a2\"\ndays = 10\nfloor = 8\ncost = 3\nafter = [\"a1\"]",
        "id = \"b1\"\ndays = 15",
    ]);
    let p = plan_of(&s, "parallel", 14.5);
    assert!(!p.reachable);
    assert_eq!(p.least_working_days, wd(15.0));
    assert_eq!(p.limiting, ["b1"]);
}

#[test]
fn plan_at_or_above_today_cuts_nothing() {
    let s = two_paths();
    for target in [20.0, 25.0] {
        let p = plan_of(&s, "parallel", target);
        assert!(p.reachable);
        assert!(p.cuts.is_empty());
        assert_eq!(p.cost, 0.0);
        assert_eq!(p.working_days, wd(20.0));
    }
}

#[test]
fn free_cuts_are_only_made_when_they_help() {
    // c is free to cut but off the critical path: a plan never touches it.
    let s = one_stage(&[
        "id = \"a\"\ndays = 10\nfloor = 4\ncost = 1",
        "id = \"c\"\ndays = 6\nfloor = 0\ncost = 0",
    ]);
    let p = plan_of(&s, "parallel", 8.0);
    assert_eq!(cut_list(&p), [("a", 10.0, 8.0, 2.0)]);
    cross_check(&s, "parallel", &p);
}

#[test]
fn serial_regime_chains_the_paths_so_every_item_counts() {
    // Serial: a1, a2, b1 one after another: 35 days; 30 is reached by cutting a1 by 5 (cost 5).
    let s = two_paths();
    let p = plan_of(&s, "serial", 30.0);
    assert_eq!(p.current, wd(35.0));
    assert_eq!(p.least_working_days, wd(5.0 + 8.0 + 12.0));
    assert_eq!(cut_list(&p), [("a1", 10.0, 5.0, 5.0)]);
    // 29: a1 is at its floor; the next cheapest is b1 at 2 per day.
    let p = plan_of(&s, "serial", 29.0);
    assert_eq!(
        cut_list(&p),
        [("a1", 10.0, 5.0, 5.0), ("b1", 15.0, 14.0, 2.0)]
    );
    cross_check(&s, "serial", &p);
}

/// The curve's shape: first point today at cost 0, last the least at the deepest plan's cost,
/// makespans decreasing, costs non-decreasing as the makespan falls, slopes steeper and steeper
/// (convex), and no point on the line through its neighbours.
fn check_curve(s: &Scenario, regime: &str, curve: &[(WorkingDays, f64)]) {
    let today = plan_of(s, regime, 1e9);
    let first = curve.first().unwrap();
    let last = curve.last().unwrap();
    assert_eq!(first.0, today.current);
    assert_eq!(first.1, 0.0);
    let deepest = plan_of(s, regime, last.0.get());
    assert!(deepest.reachable);
    assert_eq!(last.0, deepest.least_working_days);
    assert!((last.1 - deepest.cost).abs() < 1e-9);
    let mut previous_slope = 0.0;
    for w in curve.windows(2) {
        let ((t0, c0), (t1, c1)) = (w[0], w[1]);
        assert!(t1 < t0, "{curve:?}");
        assert!(c1 >= c0 - 1e-9, "{curve:?}");
        let slope = (c1 - c0) / (t0 - t1).get();
        assert!(
            slope > previous_slope + 1e-9 || w[0] == curve[0],
            "{curve:?}"
        );
        previous_slope = slope;
    }
}

#[test]
fn curve_of_the_two_paths_has_its_breakpoints_by_hand() {
    let s = two_paths();
    let curve = time_cost_curve(&s, s.regime("parallel").unwrap()).unwrap();
    // 20 → 15 at 1 per day (a1), then 15 → 13 at 3 + 2 per day (a2 and b1 together).
    let points: Vec<(f64, f64)> = curve.iter().map(|(t, c)| (t.get(), *c)).collect();
    assert_eq!(points, [(20.0, 0.0), (15.0, 5.0), (13.0, 15.0)]);
    check_curve(&s, "parallel", &curve);
}

#[test]
fn curve_matches_the_plan_at_every_half_day_of_the_housing_scenario() {
    let s = housing();
    for regime in ["parallel", "joint"] {
        let curve = time_cost_curve(&s, s.regime(regime).unwrap()).unwrap();
        check_curve(&s, regime, &curve);
        // Between breakpoints the cost is linear: check every half day against a plan.
        for w in curve.windows(2) {
            let ((t0, c0), (t1, c1)) = (w[0], w[1]);
            let mut t = t0.get();
            while t >= t1.get() {
                let p = plan_of(&s, regime, t);
                let expected = c0 + (c1 - c0) * (t0.get() - t) / (t0 - t1).get();
                assert!(
                    (p.cost - expected).abs() < 1e-6,
                    "{regime} at {t}: plan {} vs curve {expected}",
                    p.cost
                );
                cross_check(&s, regime, &p);
                t -= 0.5;
            }
        }
    }
}

/// The housing scenario's all-approval flow (the shipped default without its publicity,
/// investigation and works): the planner's figures below are counted by hand on it.
fn housing() -> Scenario {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scenarios/social-investment-housing.toml"
    ))
    .unwrap();
    common::approval_only(&scenario(&text))
}

#[test]
fn attribution_of_the_joint_regime_on_the_housing_scenario() {
    let s = housing();
    let a = attribute(&s, s.regime("joint").unwrap()).unwrap();
    let steps: Vec<(String, f64, f64)> = a
        .steps
        .iter()
        .map(|st| (st.name.clone(), st.working_days.get(), st.saved.get()))
        .collect();
    assert_eq!(
        steps,
        [
            ("serial".to_string(), 100.5, 0.0),
            ("parallel".to_string(), 49.5, 51.0),
            ("joint_review".to_string(), 36.5, 13.0),
        ]
    );
    assert_eq!(a.steps[1].change, Change::Parallel);
    assert_eq!(a.serial, wd(100.5));
    assert_eq!(a.working_days, wd(36.5));
    let saved: f64 = a.steps.iter().map(|st| st.saved.get()).sum();
    assert_eq!(saved, 64.0);
    assert_eq!(saved, (a.serial - a.working_days).get());

    // Without joint review: the parallel regime; without parallel approval: serial with joint
    // events, which must lie between the serial regime and the full one.
    assert_eq!(a.removals.len(), 2);
    assert_eq!(a.removals[0].name, "joint_review");
    assert_eq!(a.removals[0].working_days, wd(49.5));
    assert_eq!(a.removals[0].saves, wd(13.0));
    assert_eq!(a.removals[1].change, Change::Parallel);
    let serial_joint = a.removals[1].working_days;
    assert!(serial_joint > a.working_days && serial_joint <= a.serial);
    assert_eq!(a.removals[1].saves, serial_joint - a.working_days);
}

#[test]
fn attribution_steps_add_up_for_every_housing_regime() {
    let s = housing();
    for r in &s.regimes {
        let a = attribute(&s, r).unwrap();
        let saved: f64 = a.steps.iter().map(|st| st.saved.get()).sum();
        assert_eq!(saved, (a.serial - a.working_days).get(), "{}", r.name);
        assert_eq!(a.steps.last().unwrap().working_days, a.working_days);
        assert_eq!(
            a.removals.len(),
            r.measures.len() + usize::from(a.steps.len() > r.measures.len() + 1)
        );
    }
}

fn sensitivities(s: &Scenario, regime: &str) -> Vec<(String, f64, f64, RangeEnd)> {
    sensitivity(s, s.regime(regime).unwrap())
        .unwrap()
        .into_iter()
        .map(|x| (x.id, x.days_per_day, x.range.get(), x.until))
        .collect()
}

#[test]
fn sensitivity_by_hand() {
    // x (5) → y (5) is critical at 10; z (7) beside them has 3 days of float.
    let s = one_stage(&[
        "id = \"x\"\ndays = 5",
        "id = \"y\"\ndays = 5\nafter = [\"x\"]",
        "id = \"z\"\ndays = 7",
    ]);
    assert_eq!(
        sensitivities(&s, "parallel"),
        [
            ("x".to_string(), 1.0, 3.0, RangeEnd::OtherPath),
            ("y".to_string(), 1.0, 3.0, RangeEnd::OtherPath),
        ]
    );

    // p (1) → q (8) at 9 against r (5): p can go to 0 at full rate; q loses 4 before r counts.
    let s = one_stage(&[
        "id = \"p\"\ndays = 1",
        "id = \"q\"\ndays = 8\nafter = [\"p\"]",
        "id = \"r\"\ndays = 5",
    ]);
    assert_eq!(
        sensitivities(&s, "parallel"),
        [
            ("p".to_string(), 1.0, 1.0, RangeEnd::Zero),
            ("q".to_string(), 1.0, 4.0, RangeEnd::OtherPath),
        ]
    );

    // Two equal paths: cutting one saves nothing.
    let s = one_stage(&["id = \"u\"\ndays = 4", "id = \"v\"\ndays = 4"]);
    assert_eq!(
        sensitivities(&s, "parallel"),
        [
            ("u".to_string(), 0.0, 4.0, RangeEnd::Zero),
            ("v".to_string(), 0.0, 4.0, RangeEnd::Zero),
        ]
    );

    // Half days and a start-to-start lag: m (6.5) SS+2 → n (3) is 6.5 long through m alone;
    // n finishes at 5. Cutting m saves a day per day for 1.5 days.
    let s = one_stage(&[
        "id = \"m\"\ndays = 6.5",
        "id = \"n\"\ndays = 3\nafter = [\"m:SS+2\"]",
    ]);
    assert_eq!(
        sensitivities(&s, "parallel"),
        [("m".to_string(), 1.0, 1.5, RangeEnd::OtherPath)]
    );
}

/// a (10) finish-to-finish → b (5, floor 1) start-to-start → c (10). b starts at 10 − d_b, so
/// cutting b starts c later: the floors are not the least, and cutting b costs project days.
fn finish_to_finish() -> Scenario {
    one_stage(&[
        "id = \"a\"\ndays = 10",
        "id = \"b\"\ndays = 5\nfloor = 1\nafter = [\"a:FF\"]",
        "id = \"c\"\ndays = 10\nafter = [\"b:SS\"]",
    ])
}

#[test]
fn cutting_can_delay_through_a_finish_to_finish_link() {
    let s = finish_to_finish();
    // At the floors: b 9 → 10, c 9 → 19. The least is today's 15, with b uncut.
    let p = plan_of(&s, "parallel", 14.0);
    assert!(!p.reachable);
    assert_eq!(p.least_working_days, wd(15.0));
    assert_eq!(p.limiting, ["a", "b", "c"]);
    let p = plan_of(&s, "parallel", 15.0);
    assert!(p.reachable && p.cuts.is_empty());

    assert_eq!(
        sensitivities(&s, "parallel"),
        [
            // a: everything moves earlier until b would have to start before the project.
            ("a".to_string(), 1.0, 5.0, RangeEnd::OtherPath),
            // b: each day cut delays c by a day, all the way to 0.
            ("b".to_string(), -1.0, 5.0, RangeEnd::Zero),
            ("c".to_string(), 1.0, 5.0, RangeEnd::OtherPath),
        ]
    );
    let curve = time_cost_curve(&s, s.regime("parallel").unwrap()).unwrap();
    assert_eq!(curve, [(wd(15.0), 0.0)]);
}

#[test]
fn an_unschedulable_regime_is_an_error_not_a_plan() {
    let s = one_stage(&[
        "id = \"a\"\ndays = 5\nfloor = 1",
        "id = \"b\"\ndays = 1\nafter = [\"a\"]\ndeadline = 3",
    ]);
    let r = s.regime("parallel").unwrap();
    assert!(matches!(
        plan(&s, r, wd(4.0)),
        Err(SolveError::Infeasible { .. })
    ));
    assert!(matches!(
        time_cost_curve(&s, r),
        Err(SolveError::Infeasible { .. })
    ));
}

/// Deterministic pseudo-random numbers (64-bit LCG, top bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random small network: `n` items with half-day limits, floors, costs, and links of every
/// kind (some with maximum lags) to earlier items.
fn random_items(rng: &mut Lcg, n: usize, max_room: u64) -> Vec<String> {
    let kinds = ["", ":SS", ":FF", ":SF"];
    (0..n)
        .map(|i| {
            let days = 0.5 * (2 + rng.below(12)) as f64;
            let room = 0.5 * rng.below(max_room + 1).min((days * 2.0) as u64) as f64;
            let cost = [0.5, 1.0, 2.0, 3.0, 0.0][rng.below(5) as usize];
            let mut after = Vec::new();
            for j in 0..i {
                if rng.below(3) == 0 {
                    let kind = kinds[rng.below(4) as usize];
                    let lag = rng.below(3);
                    if rng.below(8) == 0 {
                        after.push(format!(
                            "{{ item = \"i{j}\", lag = {lag}, max_lag = {} }}",
                            lag + 2
                        ));
                    } else if lag == 0 {
                        after.push(format!("\"i{j}{kind}\""));
                    } else {
                        after.push(format!("\"i{j}{kind}+{lag}\""));
                    }
                }
            }
            format!(
                "id = \"i{i}\"\ndays = {days}\nfloor = {}\ncost = {cost}\nafter = [{}]",
                days - room,
                after.join(", ")
            )
        })
        .collect()
}

/// Every assignment of half-day cuts within the floors: the least makespan and the least cost
/// of each makespan, by longest paths.
fn brute_force(net: &Network) -> Vec<(f64, f64)> {
    let rooms: Vec<u64> = net
        .activities
        .iter()
        .map(|a| ((a.days - a.floor).get() * 2.0) as u64)
        .collect();
    let mut out = Vec::new();
    let mut cut = vec![0u64; rooms.len()];
    loop {
        let mut trial = net.clone();
        let mut cost = 0.0;
        for (i, a) in trial.activities.iter_mut().enumerate() {
            a.days = a.days - WorkingDays::new(cut[i] as f64 / 2.0);
            cost += a.cost * cut[i] as f64 / 2.0;
        }
        if let Ok(s) = schedule(&trial, Method::Paths) {
            out.push((s.makespan.get(), cost));
        }
        let mut k = 0;
        loop {
            if k == cut.len() {
                return out;
            }
            if cut[k] < rooms[k] {
                cut[k] += 1;
                break;
            }
            cut[k] = 0;
            k += 1;
        }
    }
}

#[test]
fn plans_match_brute_force_on_random_small_networks() {
    let mut rng = Lcg(7);
    let mut checked = 0;
    for _ in 0..60 {
        let items = random_items(&mut rng, 4, 3);
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        let s = one_stage(&refs);
        let r = s.regime("parallel").unwrap();
        let net = network_for(&s, r).unwrap();
        let Ok(today) = schedule(&net, Method::Paths) else {
            continue; // maximum lags that cannot hold: no plan either
        };
        let all = brute_force(&net);
        let least = all.iter().map(|x| x.0).fold(f64::INFINITY, f64::min);
        let mut t = today.makespan.get() + 0.5;
        while t >= least - 1.0 {
            let p = plan(&s, r, wd(t)).unwrap();
            assert_eq!(p.least_working_days.get(), least, "{items:#?}");
            let best = all
                .iter()
                .filter(|x| x.0 <= t)
                .map(|x| x.1)
                .fold(f64::INFINITY, f64::min);
            assert_eq!(p.reachable, best.is_finite(), "{items:#?} at {t}");
            if p.reachable {
                assert!(
                    (p.cost - best).abs() < 1e-9,
                    "{items:#?} at {t}: {p:#?} vs {best}"
                );
                cross_check(&s, "parallel", &p);
            }
            t -= 0.5;
            checked += 1;
        }
        // The curve: each breakpoint is the brute-force least cost of its makespan.
        let curve = time_cost_curve(&s, r).unwrap();
        for (t, c) in &curve {
            let best = all
                .iter()
                .filter(|x| x.0 <= t.get())
                .map(|x| x.1)
                .fold(f64::INFINITY, f64::min);
            assert!((c - best).abs() < 1e-9, "{items:#?}: {curve:?}");
        }
    }
    assert!(checked > 200, "only {checked} plans checked");
}

#[test]
fn sensitivity_matches_re_solving_on_random_small_networks() {
    let mut rng = Lcg(11);
    for _ in 0..40 {
        let items = random_items(&mut rng, 5, 0);
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        let s = one_stage(&refs);
        let r = s.regime("parallel").unwrap();
        let net = network_for(&s, r).unwrap();
        let Ok(today) = schedule(&net, Method::Paths) else {
            continue;
        };
        let m0 = today.makespan.get();
        for x in sensitivity(&s, r).unwrap() {
            let i = net.index_of(&x.id).unwrap();
            let at = |cut: f64| {
                let mut trial = net.clone();
                trial.activities[i].days = x.days - wd(cut);
                schedule(&trial, Method::Paths)
                    .ok()
                    .map(|s| s.makespan.get())
            };
            // On the line at every half day of the range (and at its end).
            let mut cut = 0.0;
            while cut <= x.range.get() {
                assert_eq!(at(cut), Some(m0 - x.days_per_day * cut), "{items:#?} {x:?}");
                cut += 0.5;
            }
            assert_eq!(at(x.range.get()), Some(m0 - x.days_per_day * x.range.get()));
            match x.until {
                RangeEnd::Zero => assert_eq!(x.range, x.days),
                RangeEnd::OtherPath => {
                    // Half a day further the rate has changed.
                    let further = (x.range.get() + 0.5).min(x.days.get());
                    assert_ne!(at(further), Some(m0 - x.days_per_day * further), "{x:?}");
                }
                RangeEnd::Infeasible => assert_eq!(at(x.range.get() + 0.5), None),
            }
        }
    }
}

/// 200 items in 4 stages, each linked to up to three earlier items.
fn big_random(seed: u64) -> Scenario {
    let mut rng = Lcg(seed);
    let mut text = String::from(
        "version = 1\nname = \"Random 200\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n",
    );
    for k in 0..4 {
        text.push_str(&format!("\n[[stages]]\nid = \"s{k}\"\nlead = \"Bureau\"\n"));
    }
    for i in 0..200 {
        let days = 0.5 * (1 + rng.below(40)) as f64;
        let floor = 0.5 * rng.below((days * 2.0) as u64 + 1) as f64;
        let cost = 0.5 * (1 + rng.below(8)) as f64;
        let after: Vec<String> = (0..rng.below(4))
            .filter(|_| i > 0)
            .map(|_| {
                let j = rng.below(i);
                let kind = ["", ":SS", ":FF"][rng.below(3) as usize];
                format!("\"i{j}{kind}\"")
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let (stage, department) = (i * 4 / 200, i % 7);
        text.push_str(&format!(
            "\n[[items]]\nid = \"i{i}\"\nstage = \"s{stage}\"\ndepartment = \"d{department}\"\n"
        ));
        text.push_str(&format!(
            "days = {days}\nfloor = {floor}\ncost = {cost}\nafter = [{}]\n",
            after.join(", ")
        ));
    }
    scenario(&text)
}

#[test]
fn plan_of_a_200_item_random_network_meets_its_target() {
    let s = big_random(3);
    for regime in ["parallel", "serial"] {
        let today = plan_of(&s, regime, 1e9);
        let least = today.least_working_days.get();
        let current = today.current.get();
        assert!(least < current);
        let middle = ((least + current) / 2.0 * 2.0).floor() / 2.0;
        let mut last_cost = 0.0;
        for t in [current - 0.5, middle, least] {
            let p = plan_of(&s, regime, t);
            assert!(p.reachable);
            cross_check(&s, regime, &p);
            assert!(p.cost >= last_cost - 1e-9);
            last_cost = p.cost;
        }
        assert!(!plan_of(&s, regime, least - 0.5).reachable);
    }
}

/// The plan through the minimum-cost flow (the default) and through the general LP agree:
/// reachability, the least working days, and the cost (the cuts themselves may differ where
/// two plans cost the same). Random networks of every link kind with maximum lags, releases
/// and deadlines, at every half day from today's working days down past the least.
#[test]
fn flow_and_lp_plans_agree_on_random_networks() {
    let mut rng = Lcg(23);
    let mut compared = 0;
    for round in 0..40 {
        let mut items = random_items(&mut rng, 12, 8);
        for item in items.iter_mut() {
            match rng.below(6) {
                0 => item.push_str(&format!("\nrelease = {}", rng.below(5))),
                1 => item.push_str(&format!("\ndeadline = {}", 20 + rng.below(30))),
                _ => {}
            }
        }
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        let s = one_stage(&refs);
        for regime in ["parallel", "serial"] {
            let net = network_for(&s, s.regime(regime).unwrap()).unwrap();
            let Ok(today) = schedule(&net, Method::Paths) else {
                continue;
            };
            let mut t = today.makespan.get();
            let mut reachable = true;
            while reachable {
                let by_flow = plan_network_with(&net, wd(t), PlanMethod::Flow).unwrap();
                let by_lp = plan_network_with(&net, wd(t), PlanMethod::Lp).unwrap();
                let at = format!("round {round}, {regime}, target {t}");
                assert_eq!(by_flow.least_working_days, by_lp.least_working_days, "{at}");
                assert_eq!(by_flow.reachable, by_lp.reachable, "{at}");
                assert!(
                    (by_flow.cost - by_lp.cost).abs() <= 1e-6 * (1.0 + by_lp.cost),
                    "{at}: flow {} vs LP {}",
                    by_flow.cost,
                    by_lp.cost
                );
                if by_flow.reachable {
                    assert!(by_flow.working_days.get() <= t, "{at}");
                    cross_check(&s, regime, &by_flow);
                }
                reachable = by_flow.reachable;
                t -= 0.5;
                compared += 1;
            }
        }
    }
    assert!(compared > 300, "only {compared} plans compared");
}

#[test]
fn flow_and_lp_plans_agree_on_200_item_networks() {
    for seed in [3, 5] {
        let s = big_random(seed);
        for regime in ["parallel", "serial"] {
            let net = network_for(&s, s.regime(regime).unwrap()).unwrap();
            let today = plan_network(&net, wd(1e9)).unwrap();
            let (least, current) = (today.least_working_days.get(), today.current.get());
            for t in [
                current - 0.5,
                ((least + current) / 2.0 * 2.0).floor() / 2.0,
                least,
            ] {
                let by_flow = plan_network_with(&net, wd(t), PlanMethod::Flow).unwrap();
                let by_lp = plan_network_with(&net, wd(t), PlanMethod::Lp).unwrap();
                assert!(by_flow.reachable && by_lp.reachable);
                assert!(
                    (by_flow.cost - by_lp.cost).abs() <= 1e-6 * (1.0 + by_lp.cost),
                    "seed {seed}, {regime} at {t}: flow {} vs LP {}",
                    by_flow.cost,
                    by_lp.cost
                );
                assert!(by_flow.working_days.get() <= t);
            }
        }
    }
}
