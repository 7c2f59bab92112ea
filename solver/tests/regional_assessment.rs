//! Regional assessment (区域评估) against a hand-worked schedule, in and out of the assessed area,
//! checked by the independent checker and written back.

mod common;

use common::{scenario, solve};
use permitflow_model::{
    Calendar, Format, LinkKind, Origin, Scenario, WorkingDays, parse_scenario, to_json, to_toml,
};
use permitflow_solver::check::verify_outcome;

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
