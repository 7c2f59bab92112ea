//! The random durations: the Monte Carlo's block sampler against `rand_distr`'s distributions of
//! the same parameters (two-sample Kolmogorov–Smirnov at the 0.1 % level), and the Monte Carlo
//! throughput by kind of spread (`--ignored`, in release: the figures in BENCHMARKS.md).

mod common;

use common::scenario;
use permitflow_model::{Distribution, Format, Returns, Scenario, WorkingDays, parse_scenario};
use permitflow_solver::{SimulationOptions, simulate};

fn shipped(name: &str) -> Scenario {
    let path = format!("{}/../scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    parse_scenario(&text, &path, Format::Toml).unwrap()
}

/// The spread of a `d`-day item: 0.6, 0.9, 1.5 × `d` (`benches/simulation_numpy.py`'s), of
/// kind `kind`.
fn spread(kind: &str, d: f64) -> Distribution {
    let w = WorkingDays::new;
    match kind {
        "triangular" => Distribution::Triangular {
            min: w(0.6 * d),
            likely: w(0.9 * d),
            max: w(1.5 * d),
        },
        "pert" => Distribution::Pert {
            min: w(0.6 * d),
            likely: w(0.9 * d),
            max: w(1.5 * d),
        },
        "uniform" => Distribution::Uniform {
            min: w(0.6 * d),
            max: w(1.5 * d),
        },
        _ => unreachable!("{kind}"),
    }
}

/// Every item of `s` with a spread of `kind` and, when `returns`, the published 5.3 % return
/// rate with 3 days of rework.
fn with_spreads(s: &Scenario, kind: &str, returns: bool) -> Scenario {
    let mut s = s.clone();
    for it in &mut s.items {
        it.spread = Some(spread(kind, it.days.value.get()));
        it.returns = returns.then(|| Returns {
            rate: 0.053,
            rework: WorkingDays::new(3.0),
            rereview: None,
        });
    }
    s
}

/// `n` items in 4 stages; each has 1–3 finish-to-start predecessors among the 50 before it in
/// its stage and a limit of 1–20 working days (a fixed SplitMix64, so every run is the same).
fn generated(n: usize) -> Scenario {
    let mut state = 7u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut t = String::from(
        "version = 1\nname = \"Generated\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n",
    );
    for k in 0..4 {
        t += &format!("\n[[stages]]\nid = \"s{k}\"\nlead = \"Bureau\"\n");
    }
    let per = n.div_ceil(4);
    for i in 0..n {
        let first = i / per * per;
        t += &format!(
            "\n[[items]]\nid = \"i{i}\"\ndepartment = \"D{}\"\nstage = \"s{}\"\ndays = {}\n",
            i % 10,
            i / per,
            1 + next() % 20
        );
        if i > first {
            let window = (i - first).min(50) as u64;
            let mut after: Vec<usize> = (0..1 + next() % 3)
                .map(|_| i - 1 - (next() % window) as usize)
                .collect();
            after.sort_unstable();
            after.dedup();
            let list: Vec<String> = after.iter().map(|a| format!("\"i{a}\"")).collect();
            t += &format!("after = [{}]\n", list.join(", "));
        }
    }
    scenario(&t)
}

/// `cargo test --release -p permitflow-solver --test distributions -- --ignored --nocapture`
///
/// The Monte Carlo's throughput by kind of spread, on the default scenario (21 items, 100,000
/// iterations of the parallel regime) and on a generated 2,000-item network (10,000 iterations):
/// best of 7 runs each, in nanoseconds per activity draw (iterations × items).
#[test]
#[ignore = "timing; run in release"]
fn monte_carlo_throughput() {
    let default = shipped("social-investment-housing.toml");
    let big = generated(2000);
    let cases = [
        ("default (21 items)", &default, 100_000),
        ("generated (2,000 items)", &big, 10_000),
    ];
    for (label, base, iterations) in cases {
        for (kind, returns) in [
            ("triangular", false),
            ("uniform", false),
            ("pert", false),
            ("triangular", true),
        ] {
            let s = with_spreads(base, kind, returns);
            let r = s.regime("parallel").unwrap();
            let opts = SimulationOptions {
                iterations,
                seed: 1,
            };
            let mut best = f64::INFINITY;
            let mut p50 = 0.0;
            for _ in 0..7 {
                let t = std::time::Instant::now();
                let res = simulate(&s, r, &opts).unwrap();
                best = best.min(t.elapsed().as_secs_f64());
                p50 = res.p50;
            }
            let draws = (iterations * s.items.len()) as f64;
            eprintln!(
                "{label}, {kind}{}: {:.1} ms, {:.2} ns a draw, {} threads (p50 {p50:.2})",
                if returns { " + returns" } else { "" },
                best * 1e3,
                best * 1e9 / draws,
                rayon::current_num_threads(),
            );
        }
    }
}
