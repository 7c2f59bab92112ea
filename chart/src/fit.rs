//! One item's observed times against the spread fitted to them: the observations as a
//! histogram scaled to a density (share per working day, so its area is 1), the fitted
//! density drawn over it as a line, or a fixed time as a vertical line. The caller names both
//! series, so the chart knows nothing of how the spread was fitted.

use crate::plots::{CANVAS_W, LEFT, PLOT_H, PLOT_W, TOP, fmt_num, frame, x_axis, y_axis};
use crate::scene::{Anchor, CRITICAL, INK, STAGES_TRANSLUCENT, Scene, Shape, fit};
use permitflow_i18n::tr;

/// The most bins; bins are half a working day wide until there would be more.
const MAX_BINS: f64 = 40.0;

/// What is fitted over the observations.
#[derive(Clone, Debug, PartialEq)]
pub enum Fitted<'a> {
    /// A density (per working day) at increasing points.
    Density(&'a [(f64, f64)]),
    /// Every case the same time.
    Fixed(f64),
    /// Nothing drawn: the observations are the spread.
    None,
}

/// The histogram of `samples` (working days) as a density, with `fitted` over it; `observed`
/// and `fitted_name` name the two in the legend.
pub fn fit_histogram(
    title: &str,
    subtitle: &str,
    samples: &[f64],
    observed: &str,
    fitted: &Fitted<'_>,
    fitted_name: &str,
) -> Scene {
    let mut scene = Scene {
        width: CANVAS_W,
        height: TOP + PLOT_H + 60.0 + 18.0 * 2.0,
        shapes: vec![],
    };
    let finite = || samples.iter().copied().filter(|v| v.is_finite());
    let curve: &[(f64, f64)] = match fitted {
        Fitted::Density(c) => c,
        _ => &[],
    };
    let fixed = match fitted {
        Fitted::Fixed(v) => Some(*v),
        _ => None,
    };
    let xs = finite()
        .chain(curve.iter().map(|p| p.0))
        .chain(fixed)
        .filter(|v| v.is_finite());
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return frame(scene, title, subtitle);
    }
    let lo = (lo - 0.5).floor().max(0.0);
    let mut hi = (hi + 0.5).ceil();
    if hi - lo < 2.0 {
        hi = lo + 2.0;
    }
    let width = ((hi - lo) / MAX_BINS).max(0.5);
    // Bins centred on the whole (and, half a day wide, the half) days from the axis' start:
    // times counted by half days fall mid-bin, not on a bin's edge.
    let lo = lo - width / 2.0;
    let bins = ((hi - lo) / width).ceil() as usize;
    let mut counts = vec![0.0; bins];
    let n = finite().count().max(1) as f64;
    for v in finite() {
        counts[(((v - lo) / width) as usize).min(bins - 1)] += 1.0;
    }
    // Share per working day: the bars' area is 1, as the density's.
    let heights: Vec<f64> = counts.iter().map(|k| k / n / width).collect();
    let top = heights
        .iter()
        .copied()
        .chain(curve.iter().map(|p| p.1))
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max)
        .max(1e-9)
        * 1.1;
    let x = |v: f64| LEFT + (v - lo) / (hi - lo) * PLOT_W;
    let y = |d: f64| TOP + PLOT_H - d / top * PLOT_H;
    y_axis(&mut scene, 0.0, top, &y, &tr!("chart-fit-density"));
    for (b, (h, k)) in heights.iter().zip(&counts).enumerate() {
        if *k <= 0.0 {
            continue;
        }
        let (x1, x2) = (x(lo + b as f64 * width), x(lo + (b + 1) as f64 * width));
        scene.shapes.push(Shape::Rect {
            x: x1,
            y: y(*h),
            w: (x2 - x1).max(1.0),
            h: y(0.0) - y(*h),
            fill: STAGES_TRANSLUCENT[0],
            stroke: None,
            class: "bin",
            title: Some(tr!(
                "chart-bin-tip",
                series = observed,
                from = fmt_num(lo + b as f64 * width),
                to = fmt_num(lo + (b + 1) as f64 * width),
                share = format!("{:.1}", k / n * 100.0)
            )),
        });
    }
    for w in curve.windows(2) {
        scene.shapes.push(Shape::Line {
            x1: x(w[0].0),
            y1: y(w[0].1),
            x2: x(w[1].0),
            y2: y(w[1].1),
            stroke: CRITICAL,
            width: 2.0,
            dashed: false,
        });
    }
    if let Some(v) = fixed {
        scene.line(x(v), TOP, x(v), TOP + PLOT_H, CRITICAL, 2.0);
    }
    x_axis(
        &mut scene,
        lo,
        hi,
        &x,
        TOP + PLOT_H,
        &tr!("chart-working-days"),
    );
    let room = scene.width - LEFT - 30.0;
    let ly = TOP + PLOT_H + 50.0;
    scene.rect(LEFT, ly - 10.0, 14.0, 12.0, STAGES_TRANSLUCENT[0], "legend");
    let observed_text = tr!("chart-fit-observed", series = observed, n = n as usize);
    scene.styled_text(
        LEFT + 20.0,
        ly,
        fit(&observed_text, 11.0, room),
        11.0,
        Anchor::Start,
        false,
        INK,
        "legend-label",
    );
    if !matches!(fitted, Fitted::None) {
        scene.line(LEFT, ly + 13.0, LEFT + 14.0, ly + 13.0, CRITICAL, 2.0);
    }
    scene.styled_text(
        LEFT + 20.0,
        ly + 18.0,
        fit(fitted_name, 11.0, room),
        11.0,
        Anchor::Start,
        false,
        INK,
        "legend-label",
    );
    frame(scene, title, subtitle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(s: &Scene) -> Vec<(f64, f64)> {
        s.shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect {
                    class: "bin", w, h, ..
                } => Some((*w, *h)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_bars_are_a_density_on_the_scale_of_the_fitted_curve() {
        // Observations 2, 3, 4, 5, 6 on an axis 0.75–7 (bins of half a day centred on them):
        // five bars each of a fifth of the cases, height 0.2 / 0.5 = 0.4 per working day; the triangular 2/4/6
        // peaks at 0.5, so the axis tops at 0.55 and a bar is 0.4 / 0.55 of the plot high.
        let curve = [(2.0, 0.0), (4.0, 0.5), (6.0, 0.0)];
        let s = fit_histogram(
            "t",
            "s",
            &[2.0, 3.0, 4.0, 5.0, 6.0],
            "fire",
            &Fitted::Density(&curve),
            "triangular 2/4/6",
        );
        let b = bars(&s);
        assert_eq!(b.len(), 5);
        for (_, h) in &b {
            assert!((h - 0.4 / 0.55 * PLOT_H).abs() < 1e-9, "{h}");
        }
        // The bars' area in working days × density is 1.
        let day = PLOT_W / 6.25;
        let area: f64 = b.iter().map(|(w, h)| w / day * h / PLOT_H * 0.55).sum();
        assert!((area - 1.0).abs() < 1e-9, "{area}");
        let lines = s
            .shapes
            .iter()
            .filter(|sh| matches!(sh, Shape::Line { stroke, .. } if *stroke == CRITICAL))
            .count();
        // Two segments of the curve and the legend's swatch.
        assert_eq!(lines, 3);
    }
}
