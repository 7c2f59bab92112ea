//! The random durations: the Monte Carlo's block sampler against `rand_distr`'s distributions of
//! the same parameters (two-sample Kolmogorov–Smirnov at the 0.1 % level), and the Monte Carlo
//! throughput by kind of spread (`--ignored`, in release: the figures in BENCHMARKS.md).

mod common;

use common::scenario;
use permitflow_model::{Distribution, Format, Returns, Scenario, WorkingDays, parse_scenario};
use permitflow_solver::simulate::{block_draws, return_gaps};
use permitflow_solver::{SimulationOptions, simulate};
use rand::SeedableRng;
use rand_distr::{Distribution as _, Geometric, Pert, Triangular, Uniform};
use rand_pcg::Pcg64Mcg;

/// Values drawn from each side.
const N: usize = 20_000;

/// The two-sample Kolmogorov–Smirnov statistic: the largest distance between the two empirical
/// CDFs, over every value either sample takes (ties, as in a discrete distribution, step both
/// CDFs at once, which keeps the test conservative).
fn ks(mut a: Vec<f64>, mut b: Vec<f64>) -> f64 {
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    let (n, m) = (a.len() as f64, b.len() as f64);
    let (mut i, mut j, mut d) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        let x = a[i].min(b[j]);
        while i < a.len() && a[i] <= x {
            i += 1;
        }
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        d = d.max((i as f64 / n - j as f64 / m).abs());
    }
    d
}

/// The statistic's critical value at the 0.1 % level for samples of `n` and `m`:
/// `c(α) · √((n + m) / (n · m))` with `c(α) = √(−ln(α / 2) / 2)` (the asymptotic Kolmogorov
/// distribution; 0.0195 for two samples of 20,000).
fn critical(n: usize, m: usize) -> f64 {
    let c = (-(0.001f64 / 2.0).ln() / 2.0).sqrt();
    c * ((n + m) as f64 / (n * m) as f64).sqrt()
}

/// `N` draws of `d` from `rand_distr`, from their own generator.
fn reference<D: rand_distr::Distribution<T>, T: Into<f64>>(d: D, seed: u64) -> Vec<f64> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    (0..N).map(|_| d.sample(&mut rng).into()).collect()
}

fn triangular(min: f64, likely: f64, max: f64) -> Distribution {
    let w = WorkingDays::new;
    Distribution::Triangular {
        min: w(min),
        likely: w(likely),
        max: w(max),
    }
}

/// The block sampler's triangular spreads (8 lanes, 52-bit uniforms, the side picked by a bit
/// mask) against `rand_distr::Triangular` of the same parameters, for a skewed, a symmetric and
/// both one-sided shapes; a mode off by 0.5 day is detected.
#[test]
fn block_triangular_matches_rand_distr() {
    let crit = critical(N, N);
    for (k, (a, m, b)) in [
        (2.0, 4.0, 9.0),
        (6.0, 9.0, 15.0),
        (0.0, 5.0, 10.0),
        (3.0, 3.0, 8.0),
        (3.0, 8.0, 8.0),
    ]
    .into_iter()
    .enumerate()
    {
        let block = block_draws(&triangular(a, m, b), 11 + k as u64, N);
        let d = ks(
            block,
            reference(Triangular::new(a, b, m).unwrap(), 101 + k as u64),
        );
        eprintln!("triangular {a}/{m}/{b}: D = {d:.4} (critical {crit:.4})");
        assert!(d < crit, "triangular {a}/{m}/{b}: D = {d:.4} ≥ {crit:.4}");
    }
    // The test can fail: the same draws against a mode half a day off.
    let block = block_draws(&triangular(2.0, 4.0, 9.0), 11, N);
    let d = ks(
        block,
        reference(Triangular::new(2.0, 9.0, 4.5).unwrap(), 101),
    );
    eprintln!("against a mode of 4.5: D = {d:.4}");
    assert!(
        d > crit,
        "a mode of 4.5 instead of 4 went unnoticed: D = {d:.4}"
    );
}

/// The Monte Carlo's gaps between returns (one uniform and a logarithm each) against
/// `rand_distr::Geometric` of the same probability; a rate of 6 % for 5.3 % is detected.
#[test]
fn return_gaps_match_rand_distr() {
    let crit = critical(N, N);
    for (k, p) in [0.053, 0.2, 0.5, 0.9].into_iter().enumerate() {
        let gaps = return_gaps(p, 21 + k as u64, N)
            .into_iter()
            .map(|g| g as f64)
            .collect();
        let d = ks(
            gaps,
            reference(Geometric::new(p).unwrap().map(|g| g as f64), 201 + k as u64),
        );
        eprintln!("gaps at {p}: D = {d:.4} (critical {crit:.4})");
        assert!(d < crit, "geometric {p}: D = {d:.4} ≥ {crit:.4}");
    }
    let gaps = return_gaps(0.053, 21, N)
        .into_iter()
        .map(|g| g as f64)
        .collect();
    let d = ks(
        gaps,
        reference(Geometric::new(0.06).unwrap().map(|g| g as f64), 201),
    );
    eprintln!("against a rate of 6 %: D = {d:.4}");
    assert!(
        d > crit,
        "a rate of 6 % instead of 5.3 % went unnoticed: D = {d:.4}"
    );
}

/// Uniform spreads, which the Monte Carlo draws lane by lane through `rand_distr`, taken block
/// by block from the lanes' generators as the Monte Carlo takes them; a range half a day longer
/// is detected.
#[test]
fn lane_by_lane_uniform_matches_rand_distr() {
    let w = WorkingDays::new;
    let crit = critical(N, N);
    let uniform = |min, max| Distribution::Uniform {
        min: w(min),
        max: w(max),
    };
    for (k, (a, b)) in [(6.0, 15.0), (0.0, 1.0), (2.5, 3.0)]
        .into_iter()
        .enumerate()
    {
        let block = block_draws(&uniform(a, b), 41 + k as u64, N);
        let d = ks(
            block,
            reference(Uniform::new(a, b).unwrap(), 401 + k as u64),
        );
        eprintln!("uniform {a}–{b}: D = {d:.4} (critical {crit:.4})");
        assert!(d < crit, "uniform {a}–{b}: D = {d:.4} ≥ {crit:.4}");
    }
    let block = block_draws(&uniform(6.0, 15.0), 41, N);
    let d = ks(block, reference(Uniform::new(6.0, 15.5).unwrap(), 401));
    eprintln!("against 6–15.5: D = {d:.4}");
    assert!(
        d > crit,
        "a range of 6–15.5 for 6–15 went unnoticed: D = {d:.4}"
    );
}

/// PERT spreads, which the Monte Carlo draws lane by lane through `rand_distr`: the lanes'
/// generators, taken block by block, give the distribution one generator gives.
#[test]
fn lane_by_lane_pert_matches_rand_distr() {
    let w = WorkingDays::new;
    let crit = critical(N, N);
    let pert = Distribution::Pert {
        min: w(6.0),
        likely: w(9.0),
        max: w(15.0),
    };
    let d = ks(
        block_draws(&pert, 31, N),
        reference(Pert::new(6.0, 15.0).with_mode(9.0).unwrap(), 301),
    );
    eprintln!("PERT 6/9/15: D = {d:.4} (critical {crit:.4})");
    assert!(d < crit, "PERT: D = {d:.4} ≥ {crit:.4}");
}

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
    let mut d = s.to_draft();
    for it in &mut d.items {
        it.spread = Some(spread(kind, it.days.value.get()));
        it.returns = returns.then(|| Returns {
            rate: 0.053,
            correction: WorkingDays::new(3.0),
            rereview: None,
            source: permitflow_model::Provenance::Unspecified,
        });
    }
    common::revalidate(&d)
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
    samplers_alone();
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

/// The samplers alone, 10,000,000 draws on one thread, best of 7: the block sampler's
/// triangular and uniform against `rand_distr::Triangular` and `rand_distr::Uniform` lane by
/// lane, and the gaps between returns by
/// inversion against `rand_distr::Geometric`.
fn samplers_alone() {
    const M: usize = 10_000_000;
    let time = |label: &str, f: &dyn Fn() -> f64| {
        let mut best = f64::INFINITY;
        let mut sum = 0.0;
        for _ in 0..7 {
            let t = std::time::Instant::now();
            sum = std::hint::black_box(f());
            best = best.min(t.elapsed().as_secs_f64());
        }
        eprintln!(
            "{label}: {:.2} ns a draw (mean {:.3})",
            best * 1e9 / M as f64,
            sum / M as f64
        );
    };
    let tri = triangular(6.0, 9.0, 15.0);
    time("triangular, block sampler", &|| {
        block_draws(&tri, 1, M).iter().sum()
    });
    time("triangular, rand_distr in 8 lanes", &|| {
        let t = Triangular::new(6.0, 15.0, 9.0).unwrap();
        let mut lanes: [Pcg64Mcg; 8] = std::array::from_fn(|j| Pcg64Mcg::seed_from_u64(j as u64));
        let mut out = Vec::with_capacity(M);
        for _ in 0..M / 8 {
            out.extend(lanes.iter_mut().map(|r| t.sample(r)));
        }
        out.iter().sum()
    });
    let uni = Distribution::Uniform {
        min: WorkingDays::new(6.0),
        max: WorkingDays::new(15.0),
    };
    time("uniform, block sampler", &|| {
        block_draws(&uni, 1, M).iter().sum()
    });
    time("uniform, rand_distr in 8 lanes", &|| {
        let u = Uniform::new(6.0, 15.0).unwrap();
        let mut lanes: [Pcg64Mcg; 8] = std::array::from_fn(|j| Pcg64Mcg::seed_from_u64(j as u64));
        let mut out = Vec::with_capacity(M);
        for _ in 0..M / 8 {
            out.extend(lanes.iter_mut().map(|r| u.sample(r)));
        }
        out.iter().sum()
    });
    time("return gaps (5.3 %), inversion", &|| {
        return_gaps(0.053, 1, M).iter().map(|&g| g as f64).sum()
    });
    time("return gaps (5.3 %), rand_distr::Geometric", &|| {
        let g = Geometric::new(0.053).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        (0..M).map(|_| g.sample(&mut rng) as f64).sum()
    });
}
