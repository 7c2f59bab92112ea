//! Criterion benchmarks of the schedulers. Run: `cargo bench --bench solve`.
//!
//! Random approval networks as in shared/perf-notes.md: each item has 1–3 predecessors among
//! the 50 before it, limits of 0.5–30 working days, finish-to-start links.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use permitflow_model::{
    Activity, ActivityKind, Calendar, Constraint, Format, Intake, ItemId, ItemKind, LinkKind,
    Network, Origin, WorkingDays, parse_scenario,
};
use permitflow_solver::paths::Compact;
use permitflow_solver::{Method, evaluate_all, schedule};

/// splitmix64: a fixed, named generator so every run benchmarks the same networks.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_network(n: usize, upper_bounds: bool, seed: u64) -> Network {
    let mut rng = SplitMix(seed);
    let activities = (0..n)
        .map(|i| Activity {
            id: format!("i{i}"),
            name: String::new(),
            kind: ActivityKind::Item(ItemKind::Review),
            departments: vec![],
            stage: None,
            days: WorkingDays::new((1 + rng.below(60)) as f64 / 2.0),
            members: vec![ItemId::new(format!("i{i}"))],
            release: None,
            deadline: None,
            submission: true,
            forms: 1,
            materials: vec![],
            order: i,
            floor: WorkingDays::ZERO,
            cost: 1.0,
            spread: None,
            returns: None,
        })
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
                origin: Origin::Link,
            });
        }
    }
    let mut net = Network {
        activities,
        constraints,
        stages: vec![],
        intake: Intake::PerStage,
        online: false,
    };
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

fn bench_schedules(c: &mut Criterion) {
    let mut g = c.benchmark_group("schedule");
    for n in [200usize, 1_000] {
        let net = random_network(n, false, 7);
        g.bench_with_input(BenchmarkId::new("lp_microlp", n), &net, |b, net| {
            b.iter(|| schedule(black_box(net), Method::Lp).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("paths", n), &net, |b, net| {
            b.iter(|| schedule(black_box(net), Method::Paths).unwrap())
        });
        let bounded = random_network(n, true, 7);
        g.bench_with_input(
            BenchmarkId::new("paths_with_max_lags_and_deadlines", n),
            &bounded,
            |b, net| b.iter(|| schedule(black_box(net), Method::Paths).unwrap()),
        );
    }
    g.finish();
}

fn bench_critical_path(c: &mut Criterion) {
    let n = 1_000_000;
    let net = random_network(n, false, 11);
    let durations: Vec<f64> = net.activities.iter().map(|a| a.days.get()).collect();
    let compact = Compact::new(&net).unwrap();
    let mut g = c.benchmark_group("critical_path_1m");
    g.sample_size(10);
    g.bench_function("forward_pass", |b| {
        let mut es = vec![0.0; n];
        b.iter(|| compact.earliest(black_box(&durations), &mut es))
    });
    g.bench_function("forward_and_backward_pass", |b| {
        let mut es = vec![0.0; n];
        let mut ls = vec![0.0; n];
        b.iter(|| {
            let t = compact.earliest(black_box(&durations), &mut es);
            compact.latest(&durations, t, &mut ls);
        })
    });
    g.bench_function("build_arrays_and_toposort", |b| {
        b.iter(|| Compact::new(black_box(&net)).unwrap())
    });
    g.finish();
}

fn bench_compare(c: &mut Criterion) {
    let text = include_str!("../scenarios/social-investment-housing.toml");
    let calendar = Calendar::china();
    c.bench_function("compare_default_scenario", |b| {
        b.iter(|| {
            let s = parse_scenario(black_box(text), "default.toml", Format::Toml).unwrap();
            evaluate_all(&s, &calendar, Method::Paths)
        })
    });
}

criterion_group!(benches, bench_schedules, bench_critical_path, bench_compare);
criterion_main!(benches);
