//! Criterion benchmarks of the schedulers. Run: `cargo bench --bench solve`.
//!
//! Random approval networks as in shared/perf-notes.md: each item has 1–3 predecessors among
//! the 50 before it, limits of 0.5–30 working days, finish-to-start links
//! (`benches/peers/networks.rs`, shared with the comparison against NetworkX and HiGHS).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use permitflow_model::WorkingDays;
use permitflow_model::{Calendar, Format, parse_scenario};
use permitflow_solver::paths::Compact;
use permitflow_solver::{Method, PlanMethod, evaluate_all, plan_network_with, schedule};

// The generator is shared with the comparison against NetworkX and HiGHS (benches/peers/).
#[path = "peers/networks.rs"]
mod networks;
use networks::{planning_network, random_network};

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

/// Reform planning: the cheapest cuts to a target halfway between today's makespan and the least
/// (the whole `plan_network`: today's schedule, the least makespan, two solves, the new
/// schedule), by the minimum-cost flow and by the LP.
fn bench_plan(c: &mut Criterion) {
    let mut g = c.benchmark_group("plan");
    g.sample_size(10);
    for n in [200usize, 1_000] {
        let (net, current, least) = planning_network(n, 7, 13);
        let target = WorkingDays::new(((least + current) / 2.0 * 2.0).round() / 2.0);
        for (name, method) in [("flow", PlanMethod::Flow), ("lp_microlp", PlanMethod::Lp)] {
            g.bench_with_input(BenchmarkId::new(name, n), &net, |b, net| {
                b.iter(|| plan_network_with(black_box(net), target, method).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_schedules,
    bench_critical_path,
    bench_compare,
    bench_plan
);
criterion_main!(benches);
