//! Regional assessment (区域评估) against a hand-worked schedule, in and out of the assessed area,
//! checked by the independent checker and written back; and a false commitment that fails
//! again, at most `VERIFICATION_ROUNDS` times, in the Monte Carlo and the approval centre.

mod common;

use std::collections::BTreeMap;

use common::{scenario, solve};
use permitflow_model::{
    Calendar, Format, LinkKind, Origin, Scenario, WorkingDays, parse_scenario, to_json, to_toml,
};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{
    CentreOptions, SimulationOptions, VERIFICATION_ROUNDS, simulate, simulate_centre,
};

/// Written as TOML and as JSON and read back: the same scenario.
fn round_trip(s: &Scenario) {
    let toml = to_toml(s).unwrap();
    let back = parse_scenario(&toml, "back.toml", Format::Toml).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, s, "{toml}");
    let json = to_json(s).unwrap();
    let back = parse_scenario(&json, "back.json", Format::Json).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, s, "{json}");
}

/// The shipped example `tests/data/measure-regional.toml` with `in_assessed_area` set:
/// site selection (5) → EIA (15) →FS+2 land-use permit (5), water and soil conservation (8)
/// after the site selection, the energy-saving review (10) before the land-use permit; then the
/// construction permit (3). The regime `regional` drops the EIA and the conservation plan and
/// commits the energy review, verified in 5 days within 20, failing at `rate`.
fn regional(in_area: bool, rate: f64) -> Scenario {
    let path = format!(
        "{}/../tests/data/measure-regional.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace(
            "in_assessed_area = { value = false,",
            &format!("in_assessed_area = {{ value = {in_area},"),
        )
        .replace("failure_rate = 0.1", &format!("failure_rate = {rate}"));
    scenario(&text)
}

fn start(o: &permitflow_solver::Outcome, id: &str) -> (f64, f64) {
    let i = o
        .network
        .index_of(id)
        .unwrap_or_else(|| panic!("no `{id}`"));
    (o.schedule.start[i].get(), o.schedule.finish[i].get())
}

#[test]
fn in_the_assessed_area_the_assessments_are_gone_and_the_energy_review_is_committed() {
    let s = regional(true, 0.1);
    round_trip(&s);
    // Without the measure: site 0–5, EIA 5–20, the land-use permit after EIA + 2 = 22–27, the
    // construction permit 27–30 (the conservation plan 5–13 and energy review 0–10 have float).
    let o = solve(&s, "parallel").unwrap();
    assert_eq!(o.working_days().get(), 30.0);
    assert_eq!(start(&o, "land_use_permit"), (22.0, 27.0));
    // With it: the EIA's 15 days are gone, its lag of 2 kept (bridged site →FS+2 land-use,
    // tighter than the conservation plan's bridge site →FS+0), the energy review a filing at
    // intake: land-use 7–12, construction 12–15. 30 − 15 = 15.
    let o = solve(&s, "regional").unwrap();
    assert_eq!(o.working_days().get(), 15.0);
    assert_eq!(start(&o, "site_selection"), (0.0, 5.0));
    assert_eq!(start(&o, "energy_review"), (0.0, 0.0));
    assert_eq!(start(&o, "verify:energy_review"), (0.0, 5.0));
    assert_eq!(start(&o, "land_use_permit"), (7.0, 12.0));
    assert_eq!(start(&o, "construction_permit"), (12.0, 15.0));
    assert!(o.network.index_of("eia").is_none());
    assert!(o.network.index_of("soil_conservation").is_none());
    let site = o.network.index_of("site_selection").unwrap();
    let land = o.network.index_of("land_use_permit").unwrap();
    let bridges: Vec<_> = o
        .network
        .constraints
        .iter()
        .filter(|c| c.from == site && c.to == land && c.origin == Origin::Link)
        .collect();
    assert_eq!(bridges.len(), 1, "{bridges:?}");
    assert_eq!(
        (bridges[0].kind, bridges[0].lag.get()),
        (LinkKind::FinishToStart, 2.0)
    );
}

#[test]
fn outside_the_assessed_area_the_measure_changes_nothing() {
    let s = regional(false, 0.1);
    round_trip(&s);
    let o = solve(&s, "regional").unwrap();
    assert_eq!(o.working_days().get(), 30.0);
    assert_eq!(start(&o, "eia"), (5.0, 20.0));
    assert_eq!(start(&o, "energy_review"), (0.0, 10.0));
    assert!(o.network.index_of("verify:energy_review").is_none());
}

#[test]
fn the_measure_needs_the_attribute_declared_and_names_items_once() {
    let text = std::fs::read_to_string(format!(
        "{}/../tests/data/measure-regional.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let without = text.replace("in_assessed_area = {", "other = {");
    let e = parse_scenario(&without, "bad.toml", Format::Toml).unwrap_err();
    let shown = format!("{:?}", e.0);
    assert!(shown.contains("does not declare"), "{shown}");
    assert!(shown.contains("in_assessed_area = false"), "{shown}");
    let twice = text.replace("commit = [\"energy_review\"]", "commit = [\"eia\"]");
    let e = parse_scenario(&twice, "bad.toml", Format::Toml).unwrap_err();
    let shown = format!("{:?}", e.0);
    assert!(shown.contains("`eia` is named twice"), "{shown}");
}

#[test]
fn the_checker_holds_the_file_links_through_the_dropped_items() {
    let s = regional(true, 0.1);
    let cal = Calendar::for_base(s.calendar.base);
    // The land-use permit a day early (6–11) breaks site →FS+2 through the EIA.
    let mut o = solve(&s, "regional").unwrap();
    let land = o.network.index_of("land_use_permit").unwrap();
    o.schedule.start[land] = WorkingDays::new(6.0);
    o.schedule.finish[land] = WorkingDays::new(11.0);
    let v = verify_outcome(&s, &o, &cal);
    assert!(
        v.iter()
            .any(|p| p.contains("`eia` → `land_use_permit` (FS) through an item left out")),
        "{v:#?}"
    );
    // A network that kept the EIA is not the regional regime's for a project in the area.
    let outside = regional(false, 0.1);
    let kept = solve(&outside, "regional").unwrap();
    let v = verify_outcome(&s, &kept, &cal);
    assert!(
        v.iter()
            .any(|p| p.contains("`eia` is left out by a regional assessment but is in the network")),
        "{v:#?}"
    );
}

/// One committed item `a` (full review 10 days, verification 5) before `b` (8 days).
fn commitment(rate: f64) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "Commitment"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "D"

[[items]]
id = "a"
department = "D"
stage = "s"
days = 10

[[items]]
id = "b"
department = "E"
stage = "s"
days = 8
after = ["a"]

[[measures]]
id = "commit"
kind = "notification_commitment"
items = ["a"]
verification = {{ days = 5, deadline_days = 20, failure_rate = {rate} }}

[[regimes]]
name = "commit"
base = "parallel"
measures = ["commit"]
"#
    ))
}

/// Failures of a commitment at `rate`: geometric, `P(K ≥ k) = rateᵏ`, truncated at the rounds:
/// `E[K] = Σₖ rateᵏ` and `E[K²] = Σₖ (2k − 1) rateᵏ`, k = 1..=5.
fn failures(rate: f64) -> (f64, f64) {
    let rounds = VERIFICATION_ROUNDS as i32;
    let mean: f64 = (1..=rounds).map(|k| rate.powi(k)).sum();
    let square: f64 = (1..=rounds)
        .map(|k| f64::from(2 * k - 1) * rate.powi(k))
        .sum();
    (mean, square - mean * mean)
}

#[test]
fn a_false_commitment_can_fail_again_at_most_five_times() {
    assert_eq!(VERIFICATION_ROUNDS, 5);
    // At 80 %: each failure adds the verification (5) and the full review (10) before b.
    // E[K] = 0.8 + 0.64 + 0.512 + 0.4096 + 0.32768 = 2.68928 (unbounded it would be 4), so the
    // mean is 8 + 15 × 2.68928 = 48.3392; the standard deviation 15 × √3.86409 = 29.49, the
    // standard error over 20,000 iterations 0.21.
    let s = commitment(0.8);
    let (mean_k, var_k) = failures(0.8);
    assert!((mean_k - 2.68928).abs() < 1e-9, "{mean_k}");
    let want = 8.0 + 15.0 * mean_k;
    let opts = SimulationOptions {
        iterations: 20_000,
        seed: 21,
    };
    let r = simulate(&s, s.regime("commit").unwrap(), &opts).unwrap();
    let se = 15.0 * var_k.sqrt() / (20_000f64).sqrt();
    assert!(
        (r.mean - want).abs() < 4.0 * se,
        "{} vs {want} ± {se}",
        r.mean
    );
    // Five failures is the most (P = 0.8⁵ = 0.33 an iteration): 8 + 5 × 15 = 83, never more.
    assert_eq!(r.max, 83.0);
    assert_eq!(r.min, 8.0);
    // The approval centre draws the failures the same way: 8,000 projects with unlimited
    // reviewers, standard error 0.33. D reviews a project 1 + E[K] times (the verification and
    // each full review; the filing on the spot takes no reviewer).
    let p = [common::project("p", &s, "commit", 0.5, false)];
    let c = simulate_centre(&p, &BTreeMap::new(), &CentreOptions::new(2000.0, 8, 11)).unwrap();
    let se = 15.0 * var_k.sqrt() / c.projects[0].arrived.sqrt();
    let mean = c.projects[0].mean;
    assert!((mean - want).abs() < 4.0 * se, "{mean} vs {want} ± {se}");
    let d = c.departments.iter().find(|d| d.name == "D").unwrap();
    let reviews = d.reviews / c.projects[0].arrived;
    // Standard error of the reviews a project: √3.86409 / √8000 = 0.022.
    assert!((reviews - (1.0 + mean_k)).abs() < 0.09, "{reviews}");
}
