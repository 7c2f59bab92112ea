//! Random durations shared by the Monte Carlo simulation and the approval-centre simulation.
//!
//! Generators are PCG-64 MCG ([`Pcg64Mcg`]), seeded through `rand`'s
//! [`SeedableRng::seed_from_u64`] from a SplitMix64 mix of the seed and a key, so every stream
//! is reproducible. The distributions are `rand_distr`'s: [`Triangular`], PERT as the Beta
//! `X / (X + Y)` of two [`Gamma`] draws (faster here than `rand_distr::Pert`'s Beta), [`Uniform`],
//! [`Geometric`] for the number of returns and [`Exp1`] for the centre's exponential times.
//!
//! The Monte Carlo keeps its own block sampler where it is measurably faster (BENCHMARKS.md,
//! "Randomness: rand_distr against the block sampler"): triangular spreads for all [`LANES`]
//! iterations of a block at once from the generators' raw bits ([`TriangularBlock`], [`unit`]),
//! and the gaps between returns by inversion ([`geometric_gap`]). Each is checked against `rand_distr`'s distribution of the same
//! parameters by a two-sample Kolmogorov–Smirnov test (`solver/tests/distributions.rs`, through
//! [`block_draws`] and [`return_gaps`]).

use std::collections::HashMap;

use permitflow_model::{ActivityKind, Distribution, Network, Scenario};
use rand::{Rng, RngExt, SeedableRng};
use rand_distr::{Distribution as _, Exp1, Gamma, Geometric, Triangular, Uniform};
use rand_pcg::Pcg64Mcg;

use crate::simulate::LANES;

/// Returns stop after this many, so a rate near 1 cannot loop for ever.
pub(crate) const MAX_RETURNS: u32 = 1000;

/// Rounds of a notification-commitment's verification: a false commitment brings the item back
/// for its full review, and the re-verified item can prove false again, each round with the
/// measure's failure rate, at most this many times; after the fifth failure the item passes
/// (the department grants it on the fifth full review). The number of failures is a geometric
/// count truncated at 5: `E = Σₖ₌₁⁵ rateᵏ`.
pub const VERIFICATION_ROUNDS: u32 = 5;

/// Nearest rank: the `ceil(p · N)`-th smallest sample.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The generator for a mixed key `x`: PCG-64 MCG seeded by `rand`'s `seed_from_u64`.
pub(crate) fn pcg(x: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(x)
}

/// SplitMix64's output function: a bijection of `u64` that mixes every bit.
pub(crate) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Uniform on [0, 1) from the top 52 bits of `bits`: `k · 2⁻⁵²`, exact, made by putting the bits
/// in the mantissa of a double in [1, 2) and subtracting 1 (as `rand`'s float [`Uniform`] does);
/// only operations that work on several lanes at once.
#[inline(always)]
pub(crate) fn unit(bits: u64) -> f64 {
    f64::from_bits((bits >> 12) | 0x3FF0_0000_0000_0000) - 1.0
}

/// How one activity's service is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shape {
    Fixed(f64),
    /// `rand_distr`'s triangular, and the Monte Carlo's block form of it.
    Triangular(Triangular<f64>, TriangularBlock),
    /// `min + (max − min) · X / (X + Y)` with `X ~ Gamma(α)`, `Y ~ Gamma(β)` (`rand_distr`'s
    /// Marsaglia–Tsang with ziggurat normals): `Beta(α, β)` scaled.
    Pert {
        a: f64,
        width: f64,
        x: Gamma<f64>,
        y: Gamma<f64>,
    },
    Uniform(Uniform<f64>),
}

/// One lane's generator, 32 bytes apart from the next: packed 16 bytes apart, the compiler
/// moved the eight 128-bit states through vector registers, and the block sampler ran about
/// 6 % more instructions.
#[derive(Clone, Debug)]
#[repr(align(32))]
pub(crate) struct LaneRng(pub(crate) Pcg64Mcg);

/// A triangular spread's constants for the block sampler: the inverse CDF is `a + √(u · k1)`
/// below `fc` and `b − √((1 − u) · k2)` above.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TriangularBlock {
    a: f64,
    b: f64,
    fc: f64,
    k1: f64,
    k2: f64,
}

impl TriangularBlock {
    fn new(a: f64, m: f64, b: f64) -> Self {
        Self {
            a,
            b,
            fc: (m - a) / (b - a),
            k1: (b - a) * (m - a),
            k2: (b - a) * (b - m),
        }
    }

    /// One draw per lane, lane `j` from `lanes[j]`'s next 64 bits.
    #[inline(always)]
    pub(crate) fn fill(&self, lanes: &mut [LaneRng; LANES], out: &mut [f64; LANES]) {
        let mut bits = [0u64; LANES];
        for (x, rng) in bits.iter_mut().zip(lanes.iter_mut()) {
            *x = rng.0.next_u64();
        }
        let Self { a, b, fc, k1, k2 } = *self;
        // The inverse CDF on both sides, one kept by a bit mask: an `if` here becomes an
        // unpredictable branch.
        for (x, &bits) in out.iter_mut().zip(&bits) {
            let u = unit(bits);
            let m = u64::from(u < fc).wrapping_neg();
            let pick = |l: f64, r: f64| f64::from_bits((l.to_bits() & m) | (r.to_bits() & !m));
            let r = pick(u * k1, (1.0 - u) * k2).sqrt();
            *x = pick(a + r, b - r);
        }
    }
}

/// The shape of spread `d` with every value times `scale`; a spread that is a point is fixed.
pub(crate) fn shape(d: &Distribution, scale: f64) -> Shape {
    let built = match *d {
        Distribution::Fixed(v) => return Shape::Fixed(v.get() * scale),
        Distribution::Triangular { min, likely, max } => {
            let (a, m, b) = (min.get() * scale, likely.get() * scale, max.get() * scale);
            Triangular::new(a, b, m)
                .ok()
                .filter(|_| b > a)
                .map(|t| Shape::Triangular(t, TriangularBlock::new(a, m, b)))
                .ok_or(a)
        }
        Distribution::Pert { min, likely, max } => {
            let (a, m, b) = (min.get() * scale, likely.get() * scale, max.get() * scale);
            let gamma = |k: f64| Gamma::new(k, 1.0).ok();
            match (
                gamma(1.0 + 4.0 * (m - a) / (b - a)),
                gamma(1.0 + 4.0 * (b - m) / (b - a)),
            ) {
                (Some(x), Some(y)) if b > a => Ok(Shape::Pert {
                    a,
                    width: b - a,
                    x,
                    y,
                }),
                _ => Err(a),
            }
        }
        Distribution::Uniform { min, max } => {
            let (a, b) = (min.get() * scale, max.get() * scale);
            Uniform::new(a, b).map(Shape::Uniform).map_err(|_| a)
        }
    };
    // The model validates min ≤ likely ≤ max, so only a point (min = max) is refused.
    built.unwrap_or_else(Shape::Fixed)
}

impl Shape {
    /// One draw through `rand_distr`.
    #[inline]
    pub(crate) fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            Shape::Fixed(v) => *v,
            Shape::Triangular(t, _) => t.sample(rng),
            Shape::Pert { a, width, x, y } => {
                let x = x.sample(rng);
                let y = y.sample(rng);
                a + width * (x / (x + y))
            }
            Shape::Uniform(u) => u.sample(rng),
        }
    }
}

/// The number of returns: `Geometric(1 − rate)` failures (returns) before the first success
/// (`rand_distr` takes one uniform per trial for rates up to 1/3), at most `max`
/// ([`MAX_RETURNS`], or [`VERIFICATION_ROUNDS`] for a verified commitment).
pub(crate) fn returns<R: Rng + ?Sized>(rng: &mut R, count: &Geometric, max: u32) -> u32 {
    count.sample(rng).min(u64::from(max)) as u32
}

/// The distribution of [`returns`] for `rate` (clamped to [0, 1]; `None` only for NaN).
pub(crate) fn return_count(rate: f64) -> Option<Geometric> {
    Geometric::new(1.0 - rate.clamp(0.0, 1.0)).ok()
}

/// Exponential with mean 1 (`rand_distr`'s ziggurat).
#[inline]
pub(crate) fn exp1<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    rng.sample(Exp1)
}

/// Failures before the next success of independent trials that succeed with probability `p`,
/// from one uniform by inversion: `⌊ln V / ln(1 − p)⌋` with `V = 1 − U` in (0, 1], so
/// `P(G ≥ g) = P(V ≤ (1 − p)ᵍ) = (1 − p)ᵍ`. `inv_ln_q` is `1 / ln(1 − p)`, negative (−0 when
/// `p = 1`: always 0); huge gaps saturate at `u64::MAX`. `rand_distr`'s [`Geometric`] draws the
/// same distribution with several uniforms and powers per draw for small `p`.
#[inline]
pub(crate) fn geometric_gap<R: Rng + ?Sized>(rng: &mut R, inv_ln_q: f64) -> u64 {
    // `as` rounds toward zero and saturates: the floor of a non-negative product.
    ((1.0 - rng.random::<f64>()).ln() * inv_ln_q) as u64
}

/// `n` draws of `spread` as the Monte Carlo's block sampler takes them: [`LANES`] generators
/// seeded from `seed`, a block at a time, the lanes of a block in order. A spread without a
/// block form is drawn lane by lane through `rand_distr`, as the Monte Carlo does. For the tests
/// that compare the block sampler with `rand_distr`.
pub fn block_draws(spread: &Distribution, seed: u64, n: usize) -> Vec<f64> {
    let mut lanes: [LaneRng; LANES] =
        std::array::from_fn(|j| LaneRng(pcg(splitmix64(seed ^ splitmix64(j as u64)))));
    let shape = shape(spread, 1.0);
    let mut out = Vec::with_capacity(n + LANES);
    let mut block = [0.0; LANES];
    while out.len() < n {
        match &shape {
            Shape::Triangular(_, t) => t.fill(&mut lanes, &mut block),
            s => {
                for (x, rng) in block.iter_mut().zip(lanes.iter_mut()) {
                    *x = s.sample(&mut rng.0);
                }
            }
        }
        out.extend_from_slice(&block);
    }
    out.truncate(n);
    out
}

/// `n` gaps between returns of rate `p` as the Monte Carlo draws them ([`geometric_gap`]), from
/// one generator seeded from `seed`. For the tests that compare them with `rand_distr`'s
/// [`Geometric`].
pub fn return_gaps(p: f64, seed: u64, n: usize) -> Vec<u64> {
    let mut rng = pcg(splitmix64(seed));
    let inv_ln_q = 1.0 / (-p).ln_1p();
    (0..n).map(|_| geometric_gap(&mut rng, inv_ln_q)).collect()
}

/// How one activity's duration is drawn: its shape, and its returns as (rate, rework, re-review)
/// with the most that are counted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ActivityDraw {
    pub(crate) shape: Shape,
    pub(crate) returns: Option<(f64, f64, f64)>,
    /// [`VERIFICATION_ROUNDS`] for a filing granted on commitment and verified (a verification
    /// link starts at it), else [`MAX_RETURNS`].
    pub(crate) max_returns: u32,
}

/// The draw of every activity of a regime's network. An activity without a spread takes its
/// limit; gates never vary. An item whose limit a measure changed has its spread scaled by the
/// same factor (a filing made on commitment in 0 days always takes 0). Returns re-review for the
/// activity's own limit unless they say otherwise.
pub(crate) fn activity_draws(scenario: &Scenario, net: &Network) -> Vec<ActivityDraw> {
    let limits: HashMap<&str, f64> = scenario
        .items
        .iter()
        .map(|it| (it.id.as_str(), it.days.value.get()))
        .collect();
    let mut verified = vec![false; net.activities.len()];
    for c in &net.constraints {
        if c.origin == permitflow_model::Origin::Verification {
            verified[c.from] = true;
        }
    }
    net.activities
        .iter()
        .zip(verified)
        .map(|(a, verified)| {
            let days = a.days.get();
            let max_returns = if verified {
                VERIFICATION_ROUNDS
            } else {
                MAX_RETURNS
            };
            if a.is_gate() {
                return ActivityDraw {
                    shape: Shape::Fixed(days),
                    returns: None,
                    max_returns,
                };
            }
            let scale = match (&a.kind, a.members.as_slice()) {
                (ActivityKind::Item(_), [item]) => match limits.get(item.as_str()) {
                    Some(&own) if own != days => (own > 0.0).then(|| days / own),
                    _ => Some(1.0),
                },
                _ => Some(1.0),
            };
            let shape = match (&a.spread, scale) {
                (Some(d), Some(s)) => shape(d, s),
                _ => Shape::Fixed(days),
            };
            let returns = a.returns.as_ref().and_then(|r| {
                let rework = r.correction.get();
                let rereview = r.rereview.unwrap_or(a.days).get();
                (r.rate > 0.0 && rework + rereview > 0.0).then_some((r.rate, rework, rereview))
            });
            ActivityDraw {
                shape,
                returns,
                max_returns,
            }
        })
        .collect()
}
