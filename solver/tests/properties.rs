//! Properties over random scenarios: the LP and the longest-path computation agree exactly and
//! the independent checker accepts both, under every standard regime; with upper bounds both
//! agree on feasibility and explain a conflict the same way.

mod common;

use chrono::NaiveDate;
use permitflow_model::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Spec {
    stages: usize,
    /// (stage, days in half days, kind, group)
    items: Vec<(usize, u8, u8, Option<u8>)>,
    /// (from, to, kind, lag in half days, max lag extra in half days)
    links: Vec<(usize, usize, u8, i8, Option<u8>)>,
    deadlines: Vec<(usize, u8)>,
    releases: Vec<(usize, u8)>,
}

fn spec(upper_bounds: bool) -> impl Strategy<Value = Spec> {
    (1usize..4, 1usize..14).prop_flat_map(move |(stages, n)| {
        let items = prop::collection::vec(
            (
                0..stages,
                0u8..21,
                0u8..4,
                prop::option::weighted(0.3, 0u8..3),
            ),
            n,
        );
        let links = prop::collection::vec(
            (
                0..n,
                0..n,
                0u8..4,
                -4i8..8,
                if upper_bounds {
                    prop::option::weighted(0.3, 0u8..10).boxed()
                } else {
                    Just(None).boxed()
                },
            ),
            0..(2 * n),
        );
        let deadlines = if upper_bounds {
            prop::collection::vec((0..n, 0u8..80), 0..2).boxed()
        } else {
            Just(vec![]).boxed()
        };
        let releases = prop::collection::vec((0..n, 0u8..20), 0..3);
        (Just(stages), items, links, deadlines, releases).prop_map(
            |(stages, items, links, deadlines, releases)| Spec {
                stages,
                items,
                links,
                deadlines,
                releases,
            },
        )
    })
}

fn build(spec: &Spec) -> Draft {
    let kinds = [
        ItemKind::Review,
        ItemKind::Filing,
        ItemKind::ApplicantWork,
        ItemKind::UtilityService,
    ];
    let link_kinds = [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
        LinkKind::StartToFinish,
    ];
    let items: Vec<Item> = spec
        .items
        .iter()
        .enumerate()
        .map(|(i, &(stage, half_days, kind, _))| Item {
            id: ItemId::new(format!("i{i}")),
            name: format!("item {i}"),
            department: Department::new(format!("d{}", i % 5)),
            stage: StageId::new(format!("s{stage}")),
            kind: kinds[kind as usize],
            days: Sourced::unspecified(WorkingDays::new(f64::from(half_days) / 2.0)),
            unit: permitflow_model::DayUnit::Working,
            clock: permitflow_model::Clock::Approval,
            fee: None,
            materials: Materials::Count(i as u32 % 3),
            forms: 1,
            floor: None,
            cost: None,
            spread: None,
            spread_source: permitflow_model::Provenance::Unspecified,
            returns: None,
            release: spec
                .releases
                .iter()
                .find(|r| r.0 == i)
                .map(|r| WorkingDays::new(f64::from(r.1) / 2.0)),
            deadline: spec
                .deadlines
                .iter()
                .find(|d| d.0 == i)
                .map(|d| WorkingDays::new(f64::from(d.1) / 2.0)),
            note: String::new(),
        })
        .collect();
    // Links only from an earlier item to a later one: acyclic.
    let mut links: Vec<Link> = Vec::new();
    for &(a, b, kind, lag, max) in &spec.links {
        let (from, to) = (a.min(b), a.max(b));
        // Links never run back across stages (the model refuses them).
        if spec.items[from].0 > spec.items[to].0 {
            continue;
        }
        if from == to
            || links
                .iter()
                .any(|l| l.from.as_str() == format!("i{from}") && l.to.as_str() == format!("i{to}"))
        {
            continue;
        }
        let lag = WorkingDays::new(f64::from(lag) / 2.0);
        links.push(Link {
            from: ItemId::new(format!("i{from}")),
            to: ItemId::new(format!("i{to}")),
            kind: link_kinds[kind as usize],
            lag,
            max_lag: max.map(|m| lag + WorkingDays::new(f64::from(m) / 2.0)),
            lag_unit: permitflow_model::DayUnit::Working,
        });
    }
    // Joint groups: items of one stage sharing a group number.
    let mut joint_groups: Vec<JointGroup> = Vec::new();
    for (i, &(stage, _, _, group)) in spec.items.iter().enumerate() {
        if let Some(g) = group {
            let id = GroupId::new(format!("g{stage}_{g}"));
            match joint_groups.iter_mut().find(|j| j.id == id) {
                Some(j) => j.items.push(ItemId::new(format!("i{i}"))),
                None => joint_groups.push(JointGroup {
                    id,
                    name: String::new(),
                    items: vec![ItemId::new(format!("i{i}"))],
                    days: (g == 0).then(|| Sourced::unspecified(WorkingDays::new(3.0))),
                    department: None,
                    floor: None,
                    cost: None,
                    spread: None,
                    spread_source: permitflow_model::Provenance::Unspecified,
                }),
            }
        }
    }
    Draft {
        name: "random".into(),
        description: String::new(),
        sources: vec![],
        start: NaiveDate::from_ymd_opt(2025, 1, 20).unwrap(),
        calendar: CalendarSpec::default(),
        stages: (0..spec.stages)
            .map(|k| Stage {
                id: StageId::new(format!("s{k}")),
                name: format!("stage {k}"),
                lead: Department::new(format!("lead{k}")),
            })
            .collect(),
        items,
        links,
        joint_groups,
        measures: vec![],
        regimes: Draft::standard_regimes(),
        targets: vec![],
        milestones: vec![],
        labels: Default::default(),
        rules: Default::default(),
    }
}

fn check_all_regimes(spec: &Spec) {
    // The built scenario is valid by the model's own rules.
    let s = match validate(&build(spec), "random") {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    };
    for regime in ["serial", "parallel", "joint"] {
        // `common::solve` asserts LP == paths and runs the checker on both.
        let _ = common::solve(&s, regime);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn lp_and_longest_paths_agree_without_upper_bounds(spec in spec(false)) {
        check_all_regimes(&spec);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn lp_and_longest_paths_agree_with_maximum_lags_and_deadlines(spec in spec(true)) {
        check_all_regimes(&spec);
    }
}
