//! Scenarios built in code for the tests of the result rows and what shows them.

/// The default scenario with land pre-examination (5 working days, stage `approval`) as a
/// special procedure outside the approval clock, and two fees (1,200 and 300 yuan).
pub fn with_special_item() -> crate::Loaded {
    let mut loaded = crate::load::load_default().unwrap_or_else(|e| panic!("{e}"));
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
