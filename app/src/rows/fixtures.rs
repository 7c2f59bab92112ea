//! Scenarios built in code for the tests of the result rows and what shows them.

/// The shipped default scenario's items off the approval clock: the planning permit's publicity,
/// the geotechnical investigation and the construction works.
pub const OFF_CLOCK: [&str; 3] = [
    "permit_publicity",
    "geotechnical_survey",
    "construction_works",
];

/// The default scenario as it was before the two clocks: every item on the approval clock and
/// in working days (`OFF_CLOCK` taken out, with their links), so approval days equal working
/// days — for the tests whose point is that flow.
pub fn approval_only() -> crate::Loaded {
    let mut loaded = crate::load::load_default().unwrap_or_else(|e| panic!("{e}"));
    let mut d = loaded.scenario.to_draft();
    let off = |id: &permitflow_model::ItemId| OFF_CLOCK.contains(&id.as_str());
    let gone: Vec<permitflow_model::Department> = d
        .items
        .iter()
        .filter(|i| off(&i.id))
        .map(|i| i.department.clone())
        .collect();
    d.items.retain(|i| !off(&i.id));
    d.links.retain(|l| !off(&l.from) && !off(&l.to));
    // The flow before the two clocks had no milestones.
    d.milestones.clear();
    // Their departments (the developer, the survey institute) go with them.
    for dept in gone {
        if !d.items.iter().any(|i| i.department == dept) {
            d.labels.departments.remove(&dept);
        }
    }
    assert_eq!(d.items.len(), 21, "the all-approval flow has 21 items");
    loaded.scenario = permitflow_model::validate(&d, "t.toml").unwrap_or_else(|e| panic!("{e:?}"));
    loaded
}

/// The default scenario's all-approval flow (`approval_only`) with land pre-examination (5
/// working days, stage `approval`) as a special procedure outside the approval clock, and two
/// fees (1,200 and 300 yuan).
pub fn with_special_item() -> crate::Loaded {
    let mut loaded = approval_only();
    let mut d = loaded.scenario.to_draft();
    let pre = d
        .items
        .iter_mut()
        .find(|i| i.id.as_str() == "land_pre_exam")
        .unwrap_or_else(|| panic!("land_pre_exam"));
    pre.clock = permitflow_model::Clock::Special;
    pre.fee = Some(permitflow_model::Sourced::new(
        1200.0,
        permitflow_model::Provenance::Assumed,
    ));
    d.items[0].fee = Some(permitflow_model::Sourced::new(
        300.0,
        permitflow_model::Provenance::Source("price list".into()),
    ));
    loaded.scenario = permitflow_model::validate(&d, "t.toml").unwrap_or_else(|e| panic!("{e:?}"));
    loaded
}
