//! The spread fitted to an item's first-review times: a triangular and a PERT, each with the
//! observed least and most as its ends and its most likely value solved from the observed mean
//! (method of moments), and the one whose distribution is closer to the observations by the
//! Kolmogorov–Smirnov distance kept; with fewer than [`MIN_FIT_CASES`] cases, the empirical
//! distribution (the observed times themselves).

use super::{MIN_FIT_CASES, Spread};

/// Points of the table a PERT's distribution function is interpolated from.
const PERT_GRID: usize = 1000;

/// The spread fitted to `sorted` (ascending, not empty), whose mean is `mean`; with the
/// Kolmogorov–Smirnov distance of the one kept (`None` for the empirical distribution and for
/// a single value).
pub(crate) fn fit(sorted: &[f64], mean: f64) -> (Spread, Option<f64>) {
    let n = sorted.len();
    if n < MIN_FIT_CASES {
        return (Spread::Empirical, None);
    }
    let (min, max) = (sorted[0], sorted[n - 1]);
    if max - min < 1e-9 {
        return (Spread::Fixed(min), None);
    }
    // Triangular mean (min + mode + max) / 3; PERT mean (min + 4 mode + max) / 6.
    let tri = (3.0 * mean - min - max).clamp(min, max);
    let pert = ((6.0 * mean - min - max) / 4.0).clamp(min, max);
    let d_tri = ks(sorted, |x| triangular_cdf(x, min, tri, max));
    let table = pert_table(min, pert, max);
    let d_pert = ks(sorted, |x| table.cdf(x));
    // A mode kept within the ends no longer gives the observed mean: a fit that keeps the mean
    // comes first, then the smaller distance; a tie keeps the triangular.
    let keeps_mean = |mean_of: f64| (mean_of - mean).abs() < 1e-9 * (1.0 + mean);
    let tri_mean = keeps_mean((min + tri + max) / 3.0);
    let pert_mean = keeps_mean((min + 4.0 * pert + max) / 6.0);
    let pert_first = match (tri_mean, pert_mean) {
        (false, true) => true,
        (true, false) => false,
        _ => d_pert < d_tri - 1e-12,
    };
    if pert_first {
        (
            Spread::Pert {
                min,
                mode: pert,
                max,
            },
            Some(d_pert),
        )
    } else {
        (
            Spread::Triangular {
                min,
                mode: tri,
                max,
            },
            Some(d_tri),
        )
    }
}

/// The Kolmogorov–Smirnov distance between the observations (ascending) and a distribution
/// function: the largest gap between the two, at each observation from either side. Tied
/// observations are one step of the empirical function.
pub(crate) fn ks(sorted: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let n = sorted.len() as f64;
    let mut d: f64 = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let x = sorted[i];
        let mut j = i;
        while j < sorted.len() && sorted[j] == x {
            j += 1;
        }
        let f = cdf(x);
        d = d
            .max((f - i as f64 / n).abs())
            .max((j as f64 / n - f).abs());
        i = j;
    }
    d
}

/// The triangular distribution function.
pub(crate) fn triangular_cdf(x: f64, a: f64, c: f64, b: f64) -> f64 {
    if x <= a {
        0.0
    } else if x >= b {
        1.0
    } else if x <= c {
        (x - a) * (x - a) / ((b - a) * (c - a))
    } else {
        1.0 - (b - x) * (b - x) / ((b - a) * (b - c))
    }
}

/// A PERT's distribution function tabulated on [`PERT_GRID`] intervals (the Beta density
/// integrated by the trapezoid rule, then normalised), read by linear interpolation.
pub(crate) struct PertTable {
    min: f64,
    max: f64,
    cum: Vec<f64>,
}

/// The table of the PERT between `a` and `b`, most likely `c`: a Beta(α, β) scaled to
/// `[a, b]`, `α = 1 + 4 (c − a) / (b − a)`, `β = 1 + 4 (b − c) / (b − a)` (both at least 1, so
/// the density is bounded).
pub(crate) fn pert_table(a: f64, c: f64, b: f64) -> PertTable {
    let alpha = 1.0 + 4.0 * (c - a) / (b - a);
    let beta = 1.0 + 4.0 * (b - c) / (b - a);
    let density = |u: f64| u.powf(alpha - 1.0) * (1.0 - u).powf(beta - 1.0);
    let mut cum = Vec::with_capacity(PERT_GRID + 1);
    cum.push(0.0);
    let h = 1.0 / PERT_GRID as f64;
    let mut total = 0.0;
    let mut prev = density(0.0);
    for k in 1..=PERT_GRID {
        let next = density(k as f64 * h);
        total += (prev + next) * h / 2.0;
        cum.push(total);
        prev = next;
    }
    for v in &mut cum {
        *v /= total;
    }
    PertTable {
        min: a,
        max: b,
        cum,
    }
}

impl PertTable {
    /// The distribution function at `x`.
    pub(crate) fn cdf(&self, x: f64) -> f64 {
        if x <= self.min {
            return 0.0;
        }
        if x >= self.max {
            return 1.0;
        }
        let u = (x - self.min) / (self.max - self.min) * PERT_GRID as f64;
        let k = (u.floor() as usize).min(PERT_GRID - 1);
        let t = u - k as f64;
        self.cum[k] + t * (self.cum[k + 1] - self.cum[k])
    }
}

/// Points where a density curve is evaluated.
const CURVE_POINTS: usize = 200;

/// The fitted spread's density (per working day) at [`CURVE_POINTS`] + 1 points from its least
/// to its most, for drawing over the observed histogram; empty for a fixed time (all its weight
/// on one value) and for the empirical distribution (the observations themselves).
pub fn density(s: &Spread) -> Vec<(f64, f64)> {
    let (a, c, b, pert) = match *s {
        Spread::Triangular { min, mode, max } => (min, mode, max, false),
        Spread::Pert { min, mode, max } => (min, mode, max, true),
        Spread::Fixed(_) | Spread::Empirical => return Vec::new(),
    };
    if b - a < 1e-9 {
        return Vec::new();
    }
    let xs = (0..=CURVE_POINTS).map(|k| a + (b - a) * k as f64 / CURVE_POINTS as f64);
    if pert {
        // Beta(α, β) on [a, b]; the normalising constant integrated as the table integrates it.
        let alpha = 1.0 + 4.0 * (c - a) / (b - a);
        let beta = 1.0 + 4.0 * (b - c) / (b - a);
        let shape = |u: f64| u.powf(alpha - 1.0) * (1.0 - u).powf(beta - 1.0);
        let h = 1.0 / PERT_GRID as f64;
        let total: f64 = (0..PERT_GRID)
            .map(|k| (shape(k as f64 * h) + shape((k + 1) as f64 * h)) * h / 2.0)
            .sum();
        xs.map(|x| (x, shape((x - a) / (b - a)) / (total * (b - a))))
            .collect()
    } else {
        xs.map(|x| {
            let d = if x < c {
                2.0 * (x - a) / ((b - a) * (c - a))
            } else if x > c {
                2.0 * (b - x) / ((b - a) * (b - c))
            } else {
                2.0 / (b - a)
            };
            (x, d)
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pert_table_is_a_distribution_function_with_the_pert_mean() {
        // PERT 2–4–12: α = 1.8, β = 4.2, mean (2 + 16 + 12) / 6 = 5, median below the mean.
        let t = pert_table(2.0, 4.0, 12.0);
        assert_eq!(t.cdf(2.0), 0.0);
        assert_eq!(t.cdf(12.0), 1.0);
        // The mean as ∫ (1 − F): 2 + ∫₂¹² (1 − F(x)) dx.
        let steps = 10_000;
        let h = 10.0 / f64::from(steps);
        let mean = 2.0
            + (0..steps)
                .map(|k| 1.0 - t.cdf(2.0 + (f64::from(k) + 0.5) * h))
                .sum::<f64>()
                * h;
        assert!((mean - 5.0).abs() < 1e-3, "{mean}");
        assert!(t.cdf(5.0) > 0.5);
        // Symmetric 0–5–10: F(5) = 1/2.
        assert!((pert_table(0.0, 5.0, 10.0).cdf(5.0) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_ks_distance_counts_ties_as_one_step() {
        // Four observations 1, 2, 2, 3 against the uniform on [1, 3]: at 2 the empirical
        // function steps from 1/4 to 3/4 while F = 1/2: distance 1/4; at 3: 1 − 1 = 0; at 1:
        // F = 0, steps to 1/4.
        let d = ks(&[1.0, 2.0, 2.0, 3.0], |x| ((x - 1.0) / 2.0).clamp(0.0, 1.0));
        assert!((d - 0.25).abs() < 1e-12);
    }

    #[test]
    fn triangular_draws_are_fitted_triangular_and_pert_draws_pert() {
        // Quantiles of a triangular 2–3–12 (strongly skewed, mode near the least) and of a PERT
        // 2–3–12: the fit recognises each from the other's shape.
        let n = 400;
        let quantiles = |cdf: &dyn Fn(f64) -> f64| -> Vec<f64> {
            (0..n)
                .map(|k| {
                    let p = (f64::from(k) + 0.5) / f64::from(n);
                    let (mut lo, mut hi) = (2.0, 12.0);
                    for _ in 0..60 {
                        let mid = (lo + hi) / 2.0;
                        if cdf(mid) < p { lo = mid } else { hi = mid }
                    }
                    lo
                })
                .collect()
        };
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let tri = quantiles(&|x| triangular_cdf(x, 2.0, 3.0, 12.0));
        assert!(matches!(fit(&tri, mean(&tri)).0, Spread::Triangular { .. }));
        let table = pert_table(2.0, 3.0, 12.0);
        let pert = quantiles(&|x| table.cdf(x));
        // The observed ends of a PERT sample lie inside its true ends (its tails are thin), so
        // the mode solved from the mean moves (here 3.5), but the fitted mean is the observed.
        match fit(&pert, mean(&pert)).0 {
            Spread::Pert { min, mode, max } => {
                assert!(((min + 4.0 * mode + max) / 6.0 - mean(&pert)).abs() < 1e-9);
                assert!((mode - 3.0).abs() < 0.6, "{mode}");
            }
            other => panic!("{other:?}"),
        }
    }
    #[test]
    fn the_densities_integrate_to_one_and_peak_at_the_mode() {
        // Triangular 2–4–12: height 2 / (12 − 2) = 0.2 at the mode.
        let tri = density(&Spread::Triangular {
            min: 2.0,
            mode: 4.0,
            max: 12.0,
        });
        let area = |d: &[(f64, f64)]| {
            d.windows(2)
                .map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0)
                .sum::<f64>()
        };
        assert!((area(&tri) - 1.0).abs() < 1e-3, "{}", area(&tri));
        let top = tri
            .iter()
            .copied()
            .fold((0.0, 0.0), |m, p| if p.1 > m.1 { p } else { m });
        assert!(
            (top.0 - 4.0).abs() < 0.06 && (top.1 - 0.2).abs() < 1e-3,
            "{top:?}"
        );
        let pert = density(&Spread::Pert {
            min: 2.0,
            mode: 4.0,
            max: 12.0,
        });
        assert!((area(&pert) - 1.0).abs() < 1e-3, "{}", area(&pert));
        let top = pert
            .iter()
            .copied()
            .fold((0.0, 0.0), |m, p| if p.1 > m.1 { p } else { m });
        assert!((top.0 - 4.0).abs() < 0.06, "{top:?}");
        assert!(density(&Spread::Fixed(3.0)).is_empty());
        assert!(density(&Spread::Empirical).is_empty());
    }
}
