//! Properties a planner relies on when trying what-ifs, on random scenarios:
//! - removing a link never lengthens a schedule (fewer constraints, any link types, any bounds);
//! - the parallel regime is never slower than the serial one (serial adds chains to the gates);
//! - merging stages never slows a parallel regime, and online submission never changes one (a
//!   serial regime chains a merged stage's items in file order, which may interleave the two
//!   stages' items and come out longer: merging is a measure of parallel approval);
//! - cutting a limit or turning an approval into a commitment filing never slows a regime down,
//!   when links are finish-to-start or start-to-start (through a finish-to-finish or
//!   start-to-finish link a shorter predecessor or successor can delay the project, a real effect
//!   the reform planner accounts for).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use permitflow_model::*;
use permitflow_solver::{Method, network_for, schedule};
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Spec {
    stages: usize,
    items: Vec<(usize, u8)>,
    links: Vec<(usize, usize, u8, i8)>,
}

fn spec(kinds: u8) -> impl Strategy<Value = Spec> {
    (1usize..4, 2usize..12).prop_flat_map(move |(stages, n)| {
        (
            Just(stages),
            prop::collection::vec((0..stages, 0u8..21), n),
            prop::collection::vec((0..n, 0..n, 0..kinds, -2i8..6), 0..(2 * n)),
        )
            .prop_map(|(stages, items, links)| Spec {
                stages,
                items,
                links,
            })
    })
}

fn build(spec: &Spec, extra_measures: Vec<MeasureDef>) -> Scenario {
    let kinds = [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
        LinkKind::StartToFinish,
    ];
    let items = spec
        .items
        .iter()
        .enumerate()
        .map(|(i, &(stage, half))| Item {
            id: ItemId::new(format!("i{i}")),
            name: format!("i{i}"),
            department: Department::new(format!("d{i}")),
            stage: StageId::new(format!("s{stage}")),
            kind: ItemKind::Review,
            days: Sourced::unspecified(WorkingDays::new(f64::from(half) / 2.0)),
            unit: permitflow_model::DayUnit::Working,
            clock: permitflow_model::Clock::Approval,
            fee: None,
            materials: Materials::Count(1),
            forms: 1,
            floor: None,
            cost: None,
            spread: None,
            spread_source: permitflow_model::Provenance::Unspecified,
            returns: None,
            release: None,
            deadline: None,
            note: String::new(),
        })
        .collect();
    let mut links: Vec<Link> = Vec::new();
    for &(a, b, k, lag) in &spec.links {
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
        links.push(Link {
            from: ItemId::new(format!("i{from}")),
            to: ItemId::new(format!("i{to}")),
            kind: kinds[k as usize],
            lag: WorkingDays::new(f64::from(lag) / 2.0),
            max_lag: None,
            lag_unit: permitflow_model::DayUnit::Working,
        });
    }
    let draft = Draft {
        name: "random".into(),
        description: String::new(),
        sources: vec![],
        start: NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
        calendar: CalendarSpec::default(),
        stages: (0..spec.stages)
            .map(|k| Stage {
                id: StageId::new(format!("s{k}")),
                name: format!("s{k}"),
                lead: Department::new("lead"),
            })
            .collect(),
        items,
        links,
        joint_groups: vec![],
        measures: extra_measures,
        regimes: vec![],
        targets: vec![],
        milestones: vec![],
        labels: Default::default(),
        rules: Default::default(),
    };
    // Built by the format's rules, so the solver only ever sees valid scenarios.
    validate(&draft, "random").unwrap_or_else(|e| panic!("{:#?}", e.0))
}

fn days(s: &Scenario, base: BaseMode, measures: &[&str]) -> f64 {
    let regime = Regime {
        name: RegimeName::new("r"),
        description: String::new(),
        base,
        measures: measures.iter().map(|m| MeasureId::new(*m)).collect(),
    };
    let net = network_for(s, &regime).unwrap();
    schedule(&net, Method::Paths).unwrap().makespan.get()
}

fn measure(id: &str, m: Measure) -> MeasureDef {
    MeasureDef {
        id: MeasureId::new(id),
        measure: m,
        source: Provenance::Assumed,
        note: String::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn removing_a_link_never_lengthens_the_schedule(spec in spec(4), drop in 0usize..64) {
        let s = build(&spec, vec![]);
        prop_assume!(!s.links.is_empty());
        let mut fewer = s.to_draft();
        fewer.links.remove(drop % s.links.len());
        let fewer = validate(&fewer, "fewer").unwrap_or_else(|e| panic!("{:#?}", e.0));
        for base in [BaseMode::Serial, BaseMode::Parallel] {
            prop_assert!(days(&fewer, base, &[]) <= days(&s, base, &[]) + 1e-9);
        }
    }

    #[test]
    fn parallel_is_never_slower_than_serial_and_merging_or_online_never_slow(spec in spec(4)) {
        let stages: Vec<StageId> = (0..spec.stages).map(|k| StageId::new(format!("s{k}"))).collect();
        // A merge needs two stages (the model refuses one).
        let merge = if stages.len() >= 2 {
            vec![measure("merge", Measure::MergedStages { stages })]
        } else {
            vec![]
        };
        let s = build(&spec, merge);
        let serial = days(&s, BaseMode::Serial, &[]);
        let parallel = days(&s, BaseMode::Parallel, &[]);
        prop_assert!(parallel <= serial + 1e-9);
        if spec.stages >= 2 {
            prop_assert!(days(&s, BaseMode::Parallel, &["merge"]) <= parallel + 1e-9);
        }
        prop_assert_eq!(days(&s, BaseMode::Parallel, &["online_submission"]), parallel);
    }

    #[test]
    fn cutting_limits_never_slows_with_finish_to_start_and_start_to_start_links(
        spec in spec(2),
        cut in prop::collection::vec((0usize..12, 0u8..3), 1..4),
    ) {
        let n = spec.items.len();
        let mut limits = BTreeMap::new();
        let mut commit = Vec::new();
        for &(i, how) in &cut {
            let i = i % n;
            let d = f64::from(spec.items[i].1) / 2.0;
            match how {
                0 => { limits.insert(ItemId::new(format!("i{i}")), WorkingDays::new((d - 1.0).max(0.0))); }
                // Half the limit, on the half-day grid the model requires.
                1 => { limits.insert(ItemId::new(format!("i{i}")), WorkingDays::new(f64::from(spec.items[i].1 / 2) / 2.0)); }
                _ => commit.push(ItemId::new(format!("i{i}"))),
            }
        }
        // Each measure only when it names something (the model refuses an empty one).
        let mut measures = Vec::new();
        let mut names = Vec::new();
        if !limits.is_empty() {
            measures.push(measure("cut", Measure::TimeLimitCompression { days: limits }));
            names.push("cut");
        }
        if !commit.is_empty() {
            measures.push(measure("commit", Measure::NotificationCommitment { items: commit, days: WorkingDays::ZERO, verification: None }));
            names.push("commit");
        }
        let s = build(&spec, measures);
        for base in [BaseMode::Serial, BaseMode::Parallel] {
            let before = days(&s, base, &[]);
            for k in 1..=names.len() {
                prop_assert!(days(&s, base, &names[..k]) <= before + 1e-9);
            }
        }
    }
}
