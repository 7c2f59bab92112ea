//! The random approval networks that `benches/solve.rs` (criterion) and `benches/peers/peers.rs`
//! (the comparison with NetworkX and HiGHS) both measure, so the two report on the same inputs.
//!
//! As in shared/perf-notes.md: each item has 1–3 finish-to-start predecessors among the 50 before
//! it and a limit of 0.5–30 working days (half-day steps); the generator is a fixed splitmix64, so
//! every run builds the same networks.

use permitflow_model::{
    Activity, ActivityKind, Constraint, Intake, ItemId, ItemKind, LinkKind, Network, Origin,
    WorkingDays,
};
use permitflow_solver::{Method, schedule};

/// splitmix64: a fixed, named generator so every run benchmarks the same networks.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// An activity of a generated network: item `i`, a review of `days` working days, no floor.
pub fn activity(i: usize, days: f64) -> Activity {
    Activity {
        id: format!("i{i}"),
        name: String::new(),
        kind: ActivityKind::Item(ItemKind::Review),
        departments: vec![].into(),
        stage: None,
        days: WorkingDays::new(days),
        unit: permitflow_model::DayUnit::Working,
        clock: permitflow_model::Clock::Approval,
        fee: 0.0,
        members: vec![ItemId::new(format!("i{i}"))].into(),
        release: None,
        deadline: None,
        submission: true,
        forms: 1,
        materials: vec![].into(),
        order: i,
        floor: WorkingDays::ZERO,
        cost: 1.0,
        spread: None,
        returns: None,
    }
}

/// A network of generated activities and constraints (a parallel regime's shape: no stages).
pub fn network(activities: Vec<Activity>, constraints: Vec<Constraint>) -> Network {
    Network {
        activities,
        constraints,
        stages: vec![],
        intake: Intake::PerStage,
        online: false,
    }
}

/// `n` items with random finish-to-start links; with `upper_bounds`, maximum lags on one link
/// in 20 and deadlines on one item in 100 that bind without making the network infeasible.
pub fn random_network(n: usize, upper_bounds: bool, seed: u64) -> Network {
    let mut rng = SplitMix(seed);
    let activities = (0..n)
        .map(|i| activity(i, (1 + rng.below(60)) as f64 / 2.0))
        .collect();
    let mut constraints = Vec::with_capacity(n * 2);
    for to in 1..n {
        let k = 1 + rng.below(3) as usize;
        for _ in 0..k {
            let back = 1 + rng.below(50.min(to as u64)) as usize;
            constraints.push(Constraint {
                from: to - back,
                to,
                kind: LinkKind::FinishToStart,
                lag: WorkingDays::ZERO,
                max_lag: None,
                lag_unit: permitflow_model::DayUnit::Working,
                origin: Origin::Link,
            });
        }
    }
    let mut net = network(activities, constraints);
    if upper_bounds {
        // Bounds that bind without conflicting: from the unbounded schedule, maximum lags on one
        // link in 20 at the gap found there or up to 2 days more, and a deadline on one item in
        // 100 with 30 working days to spare.
        let free = schedule(&net, Method::Paths).unwrap();
        for c in net.constraints.iter_mut() {
            if rng.below(20) == 0 {
                let gap = free.start[c.to].get() - free.finish[c.from].get();
                c.max_lag = Some(WorkingDays::new(gap + rng.below(3) as f64));
            }
        }
        for (i, a) in net.activities.iter_mut().enumerate() {
            if i % 100 == 99 {
                a.deadline = Some(free.finish[i] + WorkingDays::new(30.0));
            }
        }
        schedule(&net, Method::Paths).expect("bench network with bounds is feasible");
    }
    net
}

/// The planning network: `random_network(n, false, seed)` with floors of 40–100 % of each
/// limit (rounded up to half days) and costs of 1–100 per working day cut (drawn from
/// `cost_seed`). Returns it with today's makespan and the least (every limit at its floor).
pub fn planning_network(n: usize, seed: u64, cost_seed: u64) -> (Network, f64, f64) {
    let mut net = random_network(n, false, seed);
    let mut rng = SplitMix(cost_seed);
    for a in net.activities.iter_mut() {
        let percent = (40 + rng.below(61)) as f64;
        let halves = a.days.get() * 2.0;
        a.floor = WorkingDays::new((halves * percent / 100.0).ceil() / 2.0);
        a.cost = (1 + rng.below(100)) as f64;
    }
    let current = schedule(&net, Method::Paths).unwrap().makespan.get();
    let mut deepest = net.clone();
    for a in deepest.activities.iter_mut() {
        a.days = a.floor;
    }
    let least = schedule(&deepest, Method::Paths).unwrap().makespan.get();
    (net, current, least)
}
