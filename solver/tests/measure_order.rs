//! The order in which a regime lists its measures never changes its network: measures compose
//! in a fixed pipeline. Here the measures of a reform regime — some touching the same item (a
//! notification-commitment and a time-limit cut on one item, a tolerance link out of it, joint
//! review of its group, merged stages, online submission, and a second cut that sometimes
//! disagrees with the first) — are listed in every order proptest draws, and each order must
//! give the same network as the first, or the same refusal.

mod common;

use std::collections::BTreeMap;

use permitflow_model::{
    BaseMode, Calendar, Draft, ItemId, Link, LinkKind, Measure, MeasureDef, MeasureId, Provenance,
    Regime, RegimeName, Scenario, ToleranceLink, WorkingDays, validate,
};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{Method, evaluate, network_for};
use proptest::prelude::*;

fn default_scenario() -> Scenario {
    common::scenario(include_str!(
        "../../scenarios/social-investment-housing.toml"
    ))
}

/// The default scenario with a reform regime of `order`ed measures that all touch `item`.
fn reform(item: usize, nc_days: u8, cut_days: u8, cut2_days: u8, order: &[usize]) -> Draft {
    let mut s = default_scenario().to_draft();
    let it = s.items[item % s.items.len()].id.clone();
    // A finish-to-start link out of the item, if it has one, for the tolerance measure.
    let link: Option<Link> = s
        .links
        .iter()
        .find(|l| l.from == it && l.kind == LinkKind::FinishToStart)
        .cloned();
    let mut defs = vec![
        (
            "nc",
            Measure::NotificationCommitment {
                items: vec![it.clone()],
                days: WorkingDays::new(f64::from(nc_days) / 2.0),
                verification: None,
            },
        ),
        (
            "cut",
            Measure::TimeLimitCompression {
                days: BTreeMap::from([(it.clone(), WorkingDays::new(f64::from(cut_days) / 2.0))]),
            },
        ),
        (
            "cut2",
            Measure::TimeLimitCompression {
                days: BTreeMap::from([(it.clone(), WorkingDays::new(f64::from(cut2_days) / 2.0))]),
            },
        ),
        ("jr", Measure::JointReview { groups: None }),
        ("online", Measure::OnlineSubmission),
        (
            "merge",
            Measure::MergedStages {
                stages: s.stages.iter().take(2).map(|st| st.id.clone()).collect(),
            },
        ),
    ];
    if let Some(l) = link {
        defs.push((
            "tol",
            Measure::ToleranceAcceptance {
                links: vec![ToleranceLink {
                    from: l.from,
                    to: l.to,
                    lag: WorkingDays::new(1.0),
                    deadline: None,
                }],
            },
        ));
    }
    let names: Vec<&str> = defs.iter().map(|(n, _)| *n).collect();
    for (id, m) in defs {
        s.measures.push(MeasureDef {
            id: MeasureId::new(id),
            measure: m,
            source: Provenance::Assumed,
            note: String::new(),
        });
    }
    s.regimes.push(Regime {
        name: RegimeName::new("reform"),
        description: String::new(),
        base: BaseMode::Parallel,
        measures: order
            .iter()
            .filter_map(|&k| names.get(k))
            .map(|n| MeasureId::new(*n))
            .collect(),
    });
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_order_of_measures_does_not_change_the_network(
        item in 0usize..40,
        nc_days in 0u8..4,
        cut_days in 0u8..12,
        // Often the same as the first cut (no conflict), sometimes not (refused).
        cut2_days in prop::option::weighted(0.3, 0u8..12),
        order in Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let cut2 = cut2_days.unwrap_or(cut_days);
        let first = reform(item, nc_days, cut_days, cut2, &(0..7).collect::<Vec<_>>());
        let shuffled = reform(item, nc_days, cut_days, cut2, &order);
        match (validate(&first, "first"), validate(&shuffled, "shuffled")) {
            (Ok(a), Ok(b)) => {
                let ra = a.regime("reform").cloned().unwrap_or_else(|| panic!("no reform regime"));
                let rb = b.regime("reform").cloned().unwrap_or_else(|| panic!("no reform regime"));
                let (na, nb) = (network_for(&a, &ra), network_for(&b, &rb));
                prop_assert_eq!(&na, &nb, "order {:?}", order);
                // And the outcome is right by the independent checker.
                let cal = Calendar::for_base(b.calendar.base);
                if let Ok(o) = evaluate(&b, &rb, &cal, Method::Paths) {
                    let v = verify_outcome(&b, &o, &cal);
                    prop_assert!(v.is_empty(), "{:#?}", v);
                }
            }
            // A refusal is the same refusal whatever the order.
            (Err(a), Err(b)) => prop_assert_eq!(
                a.0.iter().map(|d| &d.message).collect::<Vec<_>>(),
                b.0.iter().map(|d| &d.message).collect::<Vec<_>>()
            ),
            (a, b) => prop_assert!(false, "one order valid, the other not: {:?} / {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

#[test]
fn the_checker_finds_a_network_that_does_not_match_its_scenario() {
    let s = default_scenario();
    let conflicting = validate(&reform(5, 0, 2, 6, &[1, 2]), "conflicting")
        .unwrap_or_else(|e| panic!("{:#?}", e.0));
    let r = conflicting
        .regime("reform")
        .cloned()
        .unwrap_or_else(|| panic!("reform"));
    let err = network_for(&conflicting, &r).err().map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.starts_with("measures `cut` and `cut2` both set the limit of")),
        "{err:?}"
    );
    let cal = Calendar::for_base(s.calendar.base);
    let r = s
        .regime("joint")
        .cloned()
        .unwrap_or_else(|| panic!("joint"));
    let o = evaluate(&s, &r, &cal, Method::Paths).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(verify_outcome(&s, &o, &cal), Vec::<String>::new());

    // An item dropped from its activity.
    let mut bad = o.clone();
    let k = bad
        .network
        .activities
        .iter()
        .position(|a| a.members.len() > 1)
        .unwrap_or_else(|| panic!("a joint event"));
    let dropped = bad.network.activities[k]
        .members
        .pop()
        .unwrap_or_else(|| ItemId::new("?"));
    let v = verify_outcome(&s, &bad, &cal);
    assert!(
        v.contains(&format!("item `{dropped}` is in no activity")),
        "{v:#?}"
    );

    // A limit the scenario does not give, with a schedule that is consistent with it.
    let mut bad = o.clone();
    let k = bad
        .network
        .activities
        .iter()
        .position(|a| a.id == "project_filing")
        .unwrap_or_else(|| panic!("project_filing"));
    bad.network.activities[k].days = WorkingDays::new(3.0);
    let v = verify_outcome(&s, &bad, &cal);
    assert!(
        v.iter()
            .any(|p| p.starts_with("`project_filing` lasts 3 working days")),
        "{v:#?}"
    );

    // A link of the file that the network lost: the schedule breaks it.
    let mut bad = o;
    bad.network.constraints.clear();
    bad.schedule
        .start
        .iter_mut()
        .for_each(|x| *x = WorkingDays::ZERO);
    bad.schedule.finish = bad.network.activities.iter().map(|a| a.days).collect();
    let v = verify_outcome(&s, &bad, &cal);
    assert!(
        v.iter()
            .any(|p| p.starts_with("the file's link `project_filing` → ")),
        "{v:#?}"
    );
}
