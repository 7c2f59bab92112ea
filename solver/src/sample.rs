//! Random durations shared by the Monte Carlo simulation and the approval-centre simulation:
//! the distributions (triangular by inverse CDF, PERT as a scaled Beta from two Marsaglia–Tsang
//! Gamma draws, uniform, fixed), repeating returns, and PCG-64 generators made from SplitMix64
//! mixes of the seed, so every stream is reproducible.
//!
//! The Monte Carlo simulation also draws triangular and uniform spreads for several iterations
//! at once from the generators' raw bits ([`Sampler::bits`], [`unit`]) and skips straight from
//! one return to the next ([`Sampler::geometric_gap`]); the approval centre does not use these.

use std::collections::HashMap;

use permitflow_model::{ActivityKind, Distribution, Network, Scenario};
use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::Rng;

/// Returns stop after this many, so a rate near 1 cannot loop for ever.
pub(crate) const MAX_RETURNS: u32 = 1000;

/// Nearest rank: the `ceil(p · N)`-th smallest sample.
pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A 128-bit PCG-64 MCG state made from a mixed `x` by SplitMix64.
pub(crate) fn pcg(x: u64) -> Pcg64Mcg {
    let hi = splitmix64(x);
    let lo = splitmix64(x ^ 0xD1B5_4A32_D192_ED03);
    Pcg64Mcg::new((u128::from(hi) << 64) | u128::from(lo))
}

/// SplitMix64's output function: a bijection of `u64` that mixes every bit.
pub(crate) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Uniform on [0, 1) from the top 52 bits of `bits`: `k · 2⁻⁵²`, exact, made by putting the bits
/// in the mantissa of a double in [1, 2) and subtracting 1. Unlike [`Sampler::uniform`] (53
/// bits through an integer conversion) it needs only operations that work on several lanes at
/// once.
#[inline(always)]
pub(crate) fn unit(bits: u64) -> f64 {
    f64::from_bits((bits >> 12) | 0x3FF0_0000_0000_0000) - 1.0
}

/// How one activity's service is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shape {
    Fixed(f64),
    Triangular {
        a: f64,
        b: f64,
        fc: f64,
        k1: f64,
        k2: f64,
    },
    Pert {
        a: f64,
        width: f64,
        alpha: GammaShape,
        beta: GammaShape,
    },
    Uniform {
        a: f64,
        width: f64,
    },
}

/// Marsaglia–Tsang constants for Gamma(k, 1), k ≥ 1.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GammaShape {
    d: f64,
    c: f64,
}

impl GammaShape {
    pub(crate) fn new(k: f64) -> Self {
        let d = k - 1.0 / 3.0;
        Self {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
        }
    }
}

pub(crate) fn shape(d: &Distribution, scale: f64) -> Shape {
    let fixed_if_point = |a: f64, b: f64, s: Shape| if b > a { s } else { Shape::Fixed(a) };
    match *d {
        Distribution::Fixed(v) => Shape::Fixed(v.get() * scale),
        Distribution::Triangular { min, likely, max } => {
            let (a, m, b) = (min.get() * scale, likely.get() * scale, max.get() * scale);
            fixed_if_point(
                a,
                b,
                Shape::Triangular {
                    a,
                    b,
                    fc: (m - a) / (b - a),
                    k1: (b - a) * (m - a),
                    k2: (b - a) * (b - m),
                },
            )
        }
        Distribution::Pert { min, likely, max } => {
            let (a, m, b) = (min.get() * scale, likely.get() * scale, max.get() * scale);
            fixed_if_point(
                a,
                b,
                Shape::Pert {
                    a,
                    width: b - a,
                    alpha: GammaShape::new(1.0 + 4.0 * (m - a) / (b - a)),
                    beta: GammaShape::new(1.0 + 4.0 * (b - m) / (b - a)),
                },
            )
        }
        Distribution::Uniform { min, max } => {
            let (a, b) = (min.get() * scale, max.get() * scale);
            fixed_if_point(a, b, Shape::Uniform { a, width: b - a })
        }
    }
}

pub(crate) struct Sampler {
    rng: Pcg64Mcg,
    spare: Option<f64>,
}

impl Sampler {
    pub(crate) fn new(rng: Pcg64Mcg) -> Self {
        Self { rng, spare: None }
    }

    /// Uniform on [0, 1): the top 53 bits.
    #[inline]
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// The generator's next 64 bits, for [`unit`].
    #[inline]
    pub(crate) fn bits(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// Standard normal, Marsaglia's polar method.
    pub(crate) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * f);
                return u * f;
            }
        }
    }

    /// Gamma(k, 1) for k ≥ 1, Marsaglia and Tsang (2000).
    pub(crate) fn gamma(&mut self, g: GammaShape) -> f64 {
        loop {
            let x = self.normal();
            let t = 1.0 + g.c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.uniform();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + g.d * (1.0 - v + v.ln()) {
                return g.d * v;
            }
        }
    }

    pub(crate) fn base(&mut self, shape: &Shape) -> f64 {
        match *shape {
            Shape::Fixed(v) => v,
            Shape::Triangular { a, b, fc, k1, k2 } => {
                let u = self.uniform();
                if u < fc {
                    a + (u * k1).sqrt()
                } else {
                    b - ((1.0 - u) * k2).sqrt()
                }
            }
            Shape::Pert {
                a,
                width,
                alpha,
                beta,
            } => {
                let x = self.gamma(alpha);
                let y = self.gamma(beta);
                a + width * (x / (x + y))
            }
            Shape::Uniform { a, width } => a + width * self.uniform(),
        }
    }

    /// The number of returns: geometric, one uniform per trial.
    pub(crate) fn returns(&mut self, rate: f64) -> u32 {
        let mut k = 0;
        while k < MAX_RETURNS && self.uniform() < rate {
            k += 1;
        }
        k
    }

    /// Failures before the next success of independent trials that succeed with probability
    /// `p`, from one uniform by inversion: `⌊ln V / ln(1 − p)⌋` with `V = 1 − U` in (0, 1], so
    /// `P(G ≥ g) = P(V ≤ (1 − p)ᵍ) = (1 − p)ᵍ`. `inv_ln_q` is `1 / ln(1 − p)`, negative (−0
    /// when `p = 1`: always 0); huge gaps saturate at `u64::MAX`.
    #[inline]
    pub(crate) fn geometric_gap(&mut self, inv_ln_q: f64) -> u64 {
        // `as` rounds toward zero and saturates: the floor of a non-negative product.
        ((1.0 - self.uniform()).ln() * inv_ln_q) as u64
    }
}

/// How one activity's duration is drawn: its shape, and its returns as (rate, rework, re-review).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ActivityDraw {
    pub(crate) shape: Shape,
    pub(crate) returns: Option<(f64, f64, f64)>,
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
    net.activities
        .iter()
        .map(|a| {
            let days = a.days.get();
            if a.is_gate() {
                return ActivityDraw {
                    shape: Shape::Fixed(days),
                    returns: None,
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
                let rework = r.rework.get();
                let rereview = r.rereview.unwrap_or(a.days).get();
                (r.rate > 0.0 && rework + rereview > 0.0).then_some((r.rate, rework, rereview))
            });
            ActivityDraw { shape, returns }
        })
        .collect()
}
