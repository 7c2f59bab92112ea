//! The document keeps the scenario as its file says it and resolves it with the attribute
//! values in use; attribute, condition and measure edits are undoable.

use chrono::NaiveDate;
use permitflow_model::rules::{Kind, Value};
use permitflow_model::{
    Draft, Format, ItemId, Measure, MeasureId, StageId, Verification, WorkingDays, parse_scenario,
};
use permitflow_solver::{Method, evaluate};

use super::*;
use crate::load::{UserCalendars, load_unresolved_with};

fn data(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name)
}

fn open(name: &str) -> Document {
    let start = NaiveDate::from_ymd_opt(2025, 3, 3);
    let l = load_unresolved_with(Some(&data(name)), start, &UserCalendars::default())
        .expect("the test file loads");
    Document::new(l.label, l.save_path, l.scenario, l.calendar)
}

/// Working days of each regime of the valid (resolved) scenario.
fn totals(d: &Document) -> Vec<(String, f64)> {
    d.valid
        .regimes
        .iter()
        .map(|r| {
            let o = evaluate(&d.valid, r, &d.calendar, Method::Paths).expect("solved");
            (r.name.to_string(), o.schedule.makespan.get())
        })
        .collect()
}

fn total(d: &Document, regime: &str) -> f64 {
    totals(d)
        .into_iter()
        .find(|(r, _)| r == regime)
        .map(|(_, t)| t)
        .expect("the regime")
}

fn rules(d: &mut Document, e: RulesEdit) {
    d.apply(&Edit::Rules(e), false);
}

#[test]
fn an_item_list_is_worked_out_for_the_values_picked_and_keeps_its_conditional_items() {
    let mut d = open("civil-air-defence.csv");
    // An item list declares no defaults: 0 stands in until the planner gives a value.
    assert_eq!(d.unset, vec!["underground_area".to_owned()]);
    assert_eq!(d.draft.items.len(), 9);
    assert_eq!(d.valid.items.len(), 7);
    assert_eq!(
        d.dropped,
        vec![
            ItemId::new("civil_air_defence"),
            ItemId::new("civil_air_defence_acceptance")
        ]
    );
    // By hand (README): serial 10+5+10+5+1+5+1 = 37, parallel 15+11+6 = 32.
    assert_eq!(total(&d, "serial"), 37.0);
    assert_eq!(total(&d, "parallel"), 32.0);
    let rev = d.revision();
    d.set_value("underground_area", Value::Number(5000.0));
    assert_ne!(d.revision(), rev);
    assert!(d.unset.is_empty());
    assert!(d.dropped.is_empty());
    assert_eq!(d.valid.items.len(), 9);
    // With the design approval (5) and the completion acceptance (7): 49; parallel 15+16+8 = 39.
    assert_eq!(total(&d, "serial"), 49.0);
    assert_eq!(total(&d, "parallel"), 39.0);
    // Not an edit of the scenario.
    assert!(!d.is_dirty() && !d.can_undo());
    // A value of another type is ignored.
    d.set_value("underground_area", Value::Text("big".into()));
    assert_eq!(total(&d, "serial"), 49.0);
    d.reset_value("underground_area");
    assert_eq!(total(&d, "serial"), 37.0);
}

#[test]
fn editing_and_saving_a_conditional_scenario_keeps_its_conditions() {
    let mut d = open("conditional-items.toml");
    assert!(
        d.path.is_some(),
        "a TOML file with conditions may be saved back"
    );
    assert_eq!(
        d.valid.items.len(),
        3,
        "underground_area = 0 leaves civil_air_defence out"
    );
    d.apply(
        &Edit::Days {
            item: ItemId::new("planning_permit"),
            days: 6.0,
        },
        false,
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.valid.items.len(), 3);
    let original = std::fs::read_to_string(data("conditional-items.toml")).expect("read");
    let text = crate::keep::scenario_toml(&d.unresolved, Some(&original)).expect("written");
    let back = parse_scenario(&text, "back.toml", Format::Toml).expect("reads back");
    assert_eq!(back.items.len(), 4);
    assert_eq!(
        back.rules
            .items
            .get(&ItemId::new("civil_air_defence"))
            .map(|c| c.text.as_str()),
        Some("underground_area >= 1000")
    );
    assert_eq!(
        back.rules
            .items
            .get(&ItemId::new("environmental_assessment"))
            .map(|c| c.text.as_str()),
        Some("not in_assessed_area")
    );
    assert_eq!(back.rules.links.len(), 1);
    assert_eq!(back.rules.attributes.len(), 3);
    assert!(text.contains("days = { value = 6"), "{text}");
    assert!(text.contains("# Conditional items"), "comments stay");
}

#[test]
fn a_when_is_parsed_by_the_model_and_an_ill_formed_one_changes_nothing() {
    let mut d = open("conditional-items.toml");
    let item = ItemId::new("planning_permit");
    let (msg, at) = when_problem(&d.draft, "underground_area >=").expect("ill-formed");
    assert!(!msg.is_empty());
    assert_eq!(at.start, 19, "{msg} at {at:?}");
    let (msg, at) = when_problem(&d.draft, "basement > 5").expect("unknown");
    assert!(msg.contains("basement"), "{msg}");
    assert_eq!(at, 0..8);
    rules(
        &mut d,
        RulesEdit::ItemWhen {
            item: item.clone(),
            when: Some("underground_area >=".into()),
        },
    );
    assert!(!d.can_undo(), "nothing changed");
    rules(
        &mut d,
        RulesEdit::ItemWhen {
            item: item.clone(),
            when: Some("investment = 'government'".into()),
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    // investment is "social": the planning permit is left out (bridged), 2 items remain.
    assert_eq!(d.valid.items.len(), 2);
    assert!(d.dropped.contains(&item));
    assert!(d.undo());
    assert_eq!(d.valid.items.len(), 3);
    assert!(!d.draft.rules.items.contains_key(&item));
    // A link's and a measure-less scenario's link condition.
    let (from, to) = (
        ItemId::new("planning_permit"),
        ItemId::new("construction_permit"),
    );
    rules(
        &mut d,
        RulesEdit::LinkWhen {
            from: from.clone(),
            to: to.clone(),
            when: None,
        },
    );
    assert!(d.draft.rules.links.is_empty());
}

#[test]
fn attributes_are_added_renamed_with_their_uses_made_defaults_and_removed_only_unused() {
    let mut d = open("civil-air-defence.csv");
    d.set_value("underground_area", Value::Number(5000.0));
    rules(
        &mut d,
        RulesEdit::Defaults(vec![("underground_area".into(), Value::Number(5000.0))]),
    );
    assert!(d.unset.is_empty());
    d.reset_values();
    assert_eq!(total(&d, "serial"), 49.0, "the default is now 5000");
    assert_eq!(
        attribute_users(&d.draft, "underground_area"),
        vec![
            "civil_air_defence".to_owned(),
            "civil_air_defence_acceptance".to_owned()
        ]
    );
    rules(
        &mut d,
        RulesEdit::RemoveAttribute {
            name: "underground_area".into(),
        },
    );
    assert!(d.draft.rules.attribute("underground_area").is_some());
    rules(
        &mut d,
        RulesEdit::RenameAttribute {
            from: "underground_area".into(),
            to: "basement_area".into(),
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(
        d.draft
            .rules
            .items
            .get(&ItemId::new("civil_air_defence"))
            .map(|c| c.text.as_str()),
        Some("basement_area >= 1000")
    );
    assert_eq!(total(&d, "serial"), 49.0);
    assert!(attribute_problem(&d.draft, "basement_area").is_some());
    assert!(attribute_problem(&d.draft, "2x").is_some());
    assert!(attribute_problem(&d.draft, "in_park").is_none());
    rules(
        &mut d,
        RulesEdit::AddAttribute {
            name: "in_park".into(),
            kind: Kind::YesNo,
            default: Some(Value::YesNo(false)),
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.values.get("in_park"), Some(&Value::YesNo(false)));
    rules(
        &mut d,
        RulesEdit::RemoveAttribute {
            name: "in_park".into(),
        },
    );
    assert!(d.draft.rules.attribute("in_park").is_none());
    for _ in 0..4 {
        assert!(d.undo());
    }
    assert_eq!(d.draft.rules.attributes[0].default, None);
}

fn measure(d: &Draft, id: &str) -> Measure {
    d.measures
        .iter()
        .find(|m| m.id.as_str() == id)
        .map(|m| m.measure.clone())
        .expect("the measure")
}

#[test]
fn the_new_measures_parameters_are_undoable_edits_with_hand_worked_totals() {
    // 容缺受理: deadline 3 → review 3..7 (README); deadline 5 → it may start on day 2
    // (6 − 5 = 1, SS+1 = 1, but it ends no earlier than the report on day 6): 2..6.
    let mut d = open("measure-tolerance.toml");
    assert_eq!(total(&d, "accept_missing"), 7.0);
    let Measure::ToleranceAcceptance { mut links } = measure(&d.draft, "accept_missing") else {
        panic!("tolerance acceptance");
    };
    links[0].deadline = Some(WorkingDays::new(5.0));
    let id = MeasureId::new("accept_missing");
    rules(
        &mut d,
        RulesEdit::Measure {
            id: id.clone(),
            measure: Measure::ToleranceAcceptance { links },
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(total(&d, "accept_missing"), 6.0);
    // Another kind under the same id is refused.
    rules(
        &mut d,
        RulesEdit::Measure {
            id,
            measure: Measure::OnlineSubmission,
        },
    );
    assert_eq!(total(&d, "accept_missing"), 6.0);
    assert!(d.undo());
    assert_eq!(total(&d, "accept_missing"), 7.0);

    // 帮办代办: factor 0.45 → 10 × 0.45 = 4.5 + 5 = 9.5; 0.3 → 3 + 5 = 8.
    let mut d = open("measure-agent.toml");
    assert_eq!(total(&d, "agent"), 9.5);
    let Measure::AgentService {
        items,
        days,
        returns_factor,
        ..
    } = measure(&d.draft, "agent")
    else {
        panic!("agent service");
    };
    rules(
        &mut d,
        RulesEdit::Measure {
            id: MeasureId::new("agent"),
            measure: Measure::AgentService {
                items,
                factor: Some(0.3),
                days,
                returns_factor,
            },
        },
    );
    assert_eq!(total(&d, "agent"), 8.0);

    // 告知承诺: the verification's failure rate is saved with the scenario.
    let mut d = open("measure-commitment.toml");
    let Measure::NotificationCommitment { items, days, .. } = measure(&d.draft, "commit") else {
        panic!("notification commitment");
    };
    let v = Verification {
        days: WorkingDays::new(4.0),
        deadline: WorkingDays::new(15.0),
        failure_rate: 0.25,
    };
    rules(
        &mut d,
        RulesEdit::Measure {
            id: MeasureId::new("commit"),
            measure: Measure::NotificationCommitment {
                items,
                days,
                verification: Some(v.clone()),
            },
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let text = crate::keep::scenario_toml(&d.unresolved, None).expect("written");
    let back = parse_scenario(&text, "back.toml", Format::Toml).expect("reads back");
    assert!(
        matches!(measure(&back, "commit"), Measure::NotificationCommitment { verification: Some(w), .. } if w == v)
    );

    // 并行推进: advance 9 (README); the planning gate made hard again: 11, as parallel.
    let mut d = open("measure-advance.toml");
    assert_eq!(total(&d, "advance"), 9.0);
    rules(
        &mut d,
        RulesEdit::Measure {
            id: MeasureId::new("advance"),
            measure: Measure::ParallelAdvance {
                hard_gates: vec![StageId::new("planning")],
            },
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(total(&d, "advance"), 11.0);
}

#[test]
fn a_renamed_item_keeps_its_condition_and_a_removed_one_takes_it_along() {
    let mut d = open("conditional-items.toml");
    d.apply(
        &Edit::Author(Author::RenameItem {
            item: ItemId::new("civil_air_defence"),
            to: ItemId::new("air_defence_review"),
        }),
        false,
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(
        d.draft
            .rules
            .items
            .get(&ItemId::new("air_defence_review"))
            .map(|c| c.text.as_str()),
        Some("underground_area >= 1000")
    );
    assert_eq!(d.dropped, vec![ItemId::new("air_defence_review")]);
    d.apply(
        &Edit::Author(Author::RemoveItem {
            item: ItemId::new("environmental_assessment"),
        }),
        false,
    );
    assert!(
        !d.draft
            .rules
            .items
            .contains_key(&ItemId::new("environmental_assessment"))
    );
    // The link condition planning_permit → construction_permit stays with its link.
    assert_eq!(d.draft.rules.links.len(), 1);
}
