//! Shared by the solver's tests: solve a scenario under a regime with both methods, insist that
//! they agree and that the independent checker accepts the result. Not every test binary uses every helper.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use permitflow_model::portfolio::parse_portfolio;
use permitflow_model::{
    Calendar, Distribution, Format, Returns, Scenario, WorkingDays, parse_scenario,
};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{
    Method, Outcome, ProjectType, SimulationOptions, SimulationResult, SolveError, evaluate,
    simulate,
};

pub fn scenario(toml: &str) -> Scenario {
    match parse_scenario(toml, "test.toml", Format::Toml) {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    }
}

/// Outcome of `regime` by longest paths, after checking the LP gives the same starts and the
/// checker accepts both schedules and their dates.
pub fn solve(s: &Scenario, regime: &str) -> Result<Outcome, SolveError> {
    let cal = Calendar::for_base(s.calendar.base);
    let r = s
        .regime(regime)
        .unwrap_or_else(|| panic!("no regime {regime}"));
    let paths = evaluate(s, r, &cal, Method::Paths);
    let lp = evaluate(s, r, &cal, Method::Lp);
    match (&paths, &lp) {
        (Ok(p), Ok(l)) => {
            for o in [p, l] {
                let v = verify_outcome(s, o, &cal);
                assert!(v.is_empty(), "{regime} ({:?}): {v:#?}", o.schedule.method);
            }
            assert_eq!(
                p.schedule.start, l.schedule.start,
                "{regime}: LP and paths differ"
            );
            assert_eq!(p.schedule.makespan, l.schedule.makespan);
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "both fail, with the same explanation"),
        _ => panic!("{regime}: paths {paths:?} but LP {lp:?}"),
    }
    paths
}

pub fn days(s: &Scenario, regime: &str) -> f64 {
    solve(s, regime).unwrap().working_days().get()
}

/// A changed draft, valid again by the format's rules (tests change shipped scenarios).
pub fn revalidate(d: &permitflow_model::Draft) -> Scenario {
    match permitflow_model::validate(d, "test.toml") {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    }
}

/// A point of a spread in the item's unit: calendar days are whole days (rounded), working days
/// as given.
fn spread_point(days: f64, unit: permitflow_model::DayUnit) -> WorkingDays {
    match unit {
        permitflow_model::DayUnit::Calendar => WorkingDays::new(days.round()),
        permitflow_model::DayUnit::Working => WorkingDays::new(days),
    }
}

/// Every item gets a PERT spread around its limit (0.6×, 0.9×, 1.5×; whole days for an item in
/// calendar days) and the published 5.3 %
/// return rate with 3 days of rework.
pub fn add_spreads(s: &Scenario) -> Scenario {
    let mut d = s.to_draft();
    for it in &mut d.items {
        let (d, unit) = (it.days.value.get(), it.unit);
        it.spread = Some(Distribution::Pert {
            min: spread_point(0.6 * d, unit),
            likely: spread_point(0.9 * d, unit),
            max: spread_point(1.5 * d, unit),
        });
        it.returns = Some(Returns {
            rate: 0.053,
            correction: WorkingDays::new(3.0),
            rereview: None,
            source: permitflow_model::Provenance::Unspecified,
        });
    }
    revalidate(&d)
}

/// Every item's spread triangular, 0.6×, 0.9×, 1.5× its limit, as in
/// `benches/simulation_numpy.py`.
pub fn triangular_spreads(s: &Scenario) -> Scenario {
    let mut d = s.to_draft();
    for it in &mut d.items {
        let (d, unit) = (it.days.value.get(), it.unit);
        it.spread = Some(Distribution::Triangular {
            min: spread_point(0.6 * d, unit),
            likely: spread_point(0.9 * d, unit),
            max: spread_point(1.5 * d, unit),
        });
    }
    revalidate(&d)
}

/// 60 items in 4 stages, each after one or two earlier items of its stage.
pub fn sixty_items() -> Scenario {
    let mut t = String::from(
        "version = 1\nname = \"Sixty\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n",
    );
    for k in 0..4 {
        t += &format!("\n[[stages]]\nid = \"s{k}\"\nlead = \"Bureau\"\n");
    }
    for i in 0..60 {
        let stage = i / 15;
        let d = 1 + (i * 7) % 12;
        t += &format!(
            "\n[[items]]\nid = \"i{i}\"\ndepartment = \"D{}\"\nstage = \"s{stage}\"\ndays = {d}\n\
             spread = {{ dist = \"pert\", min = {}, likely = {d}, max = {} }}\n\
             returns = {{ rate = 0.053, correction_days = 3 }}\n",
            i % 6,
            d as f64 * 0.5,
            d * 2
        );
        let first = stage * 15;
        if i > first {
            let a = i - 1 - (i % 2).min(i - first - 1);
            let b = first + (i % 3).min(i - first - 1);
            if a == b {
                t += &format!("after = [\"i{a}\"]\n");
            } else {
                t += &format!("after = [\"i{a}\", \"i{b}\"]\n");
            }
        }
    }
    scenario(&t)
}

pub fn project(name: &str, s: &Scenario, regime: &str, rate: f64, priority: bool) -> ProjectType {
    ProjectType {
        name: name.into(),
        scenario: s.clone(),
        regime: s
            .regime(regime)
            .unwrap_or_else(|| panic!("no regime {regime}"))
            .clone(),
        rate,
        priority,
    }
}

/// The mid-sized city, with every project type under `regime` when given.
pub fn city(regime: Option<&str>) -> (Vec<ProjectType>, BTreeMap<String, usize>, String) {
    let path = format!(
        "{}/../portfolios/mid-sized-city.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let pf = parse_portfolio(&text, &path).unwrap_or_else(|e| panic!("{:#?}", e.0));
    let dir = Path::new(&path).parent().unwrap();
    let projects = pf
        .projects
        .iter()
        .map(|p| {
            let file = dir.join(&p.scenario);
            let text = std::fs::read_to_string(&file).unwrap();
            let s = parse_scenario(&text, &file.to_string_lossy(), Format::Toml).unwrap();
            project(
                &p.name,
                &s,
                regime.unwrap_or(p.regime.as_str()),
                p.rate.value,
                p.priority,
            )
        })
        .collect();
    (projects, pf.capacities(), pf.name)
}

/// The shipped scenario `name` from `scenarios/`.
pub fn shipped(name: &str) -> Scenario {
    let path = format!("{}/../scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    parse_scenario(&text, &path, Format::Toml).unwrap()
}

/// A seeded simulation of `regime`.
pub fn run(s: &Scenario, regime: &str, iterations: usize, seed: u64) -> SimulationResult {
    let r = s
        .regime(regime)
        .unwrap_or_else(|| panic!("no regime {regime}"));
    simulate(s, r, &SimulationOptions { iterations, seed }).unwrap()
}

/// `s` without its items off the approval clock or counted in calendar days (the shipped default
/// scenario's publicity, geotechnical investigation and construction works), with their links
/// and their departments: the all-approval flow, for the tests whose hand-counted working days
/// are that flow's.
pub fn approval_only(s: &Scenario) -> Scenario {
    let mut d = s.to_draft();
    let off = |it: &permitflow_model::Item| {
        it.clock != permitflow_model::Clock::Approval
            || it.unit == permitflow_model::DayUnit::Calendar
    };
    let gone: Vec<permitflow_model::Item> = d.items.iter().filter(|i| off(i)).cloned().collect();
    d.items.retain(|i| !off(i));
    d.links
        .retain(|l| !gone.iter().any(|g| g.id == l.from || g.id == l.to));
    // The flow before the two clocks had no milestones.
    d.milestones.clear();
    for g in &gone {
        if !d.items.iter().any(|i| i.department == g.department) {
            d.labels.departments.remove(&g.department);
        }
    }
    revalidate(&d)
}
