//! Distributions of working days: one histogram per series (a regime's simulated iterations, a
//! project type's lead times) overlaid on one axis, P50/P80/P95 as dashed lines tagged above
//! the plot and valued in the legend, targets as dark lines. A series identical to an earlier
//! one is drawn as an outline over it and named so in the legend, so neither disappears.

use crate::layout::place_labels;
use crate::plots::{CANVAS_W, LEFT, PLOT_H, PLOT_W, TOP, fmt_num, frame, x_axis, y_axis};
use crate::scene::{Anchor, Color, INK, MIN_TEXT, STAGES, STAGES_TRANSLUCENT, Scene, Shape, fit};
use permitflow_i18n::tr;

/// One series' working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// The series' name (a regime, a project type), for the legend and hover text.
    pub regime: String,
    /// Working days of every sample (any order).
    pub samples: Vec<f64>,
    /// The median: half the samples are within it.
    pub p50: f64,
    /// Working days 80 % of samples are within.
    pub p80: f64,
    /// Working days 95 % of samples are within, a near worst case.
    pub p95: f64,
}

impl From<&permitflow_solver::SimulationResult> for Histogram {
    fn from(r: &permitflow_solver::SimulationResult) -> Self {
        Self {
            regime: r.regime.clone(),
            samples: r.samples.clone(),
            p50: r.p50,
            p80: r.p80,
            p95: r.p95,
        }
    }
}

/// What the samples and the series of a histogram are, for its subtitle, axis and legend: the
/// catalogue keys of the nouns, shown in the current language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nouns {
    /// One sample, plural: `iterations`, `projects`.
    pub samples: &'static str,
    /// One series: `regime`, `project type`.
    pub series: &'static str,
}

impl Nouns {
    fn samples(self) -> String {
        permitflow_i18n::message(self.samples, &[])
    }

    fn series(self) -> String {
        permitflow_i18n::message(self.series, &[])
    }
}

/// The simulation's nouns: iterations of each regime.
pub const SIMULATION: Nouns = Nouns {
    samples: "chart-noun-iterations",
    series: "chart-noun-regime",
};

/// The approval centre's nouns: projects of each project type.
pub const CENTRE: Nouns = Nouns {
    samples: "chart-noun-projects",
    series: "chart-noun-project-type",
};

impl Histogram {
    /// A simulation's official approval days (审批用时) as a series.
    pub fn approval(r: &permitflow_solver::SimulationResult) -> Self {
        Self {
            regime: r.regime.clone(),
            samples: r.approval.samples.clone(),
            p50: r.approval.p50,
            p80: r.approval.p80,
            p95: r.approval.p95,
        }
    }
}

/// The whole-project elapsed working-day targets of the simulated regimes, labelled `regime:
/// target`, as the histogram's vertical lines.
pub fn simulation_targets<'a>(
    s: &permitflow_model::Scenario,
    results: impl IntoIterator<Item = &'a permitflow_solver::SimulationResult>,
) -> Vec<(String, f64)> {
    simulation_targets_on(s, results, permitflow_model::DayMeasure::WorkingDays)
}

/// The whole-project targets on `measure` of the simulated regimes (a range drawn at its upper
/// end), labelled `regime: target`, as the histogram's vertical lines.
pub fn simulation_targets_on<'a>(
    s: &permitflow_model::Scenario,
    results: impl IntoIterator<Item = &'a permitflow_solver::SimulationResult>,
    measure: permitflow_model::DayMeasure,
) -> Vec<(String, f64)> {
    let regimes: Vec<&str> = results.into_iter().map(|r| r.regime.as_str()).collect();
    s.targets
        .iter()
        .filter(|t| {
            t.stage.is_none() && t.measure == measure && regimes.contains(&t.regime.as_str())
        })
        .filter_map(|t| {
            let label = tr!(
                "chart-regime-target",
                regime = s.regime_label(&t.regime),
                name = t.name.as_str()
            );
            Some((label, t.days?.get()))
        })
        .collect()
}

/// Histograms of several regimes' simulated working days (see [`histogram_of`]).
pub fn histogram(title: &str, series: &[Histogram], targets: &[(String, f64)]) -> Scene {
    histogram_of(title, SIMULATION, series, targets)
}

/// The subtitle: what is drawn, and only that.
fn subtitle(nouns: Nouns, targets: bool) -> String {
    let mut s = tr!(
        "chart-histogram-subtitle",
        samples = nouns.samples(),
        series = nouns.series()
    );
    if targets {
        s.push_str(&tr!("chart-histogram-subtitle-targets"));
    }
    s
}

/// Histograms of several series overlaid on one working-day axis, P50/P80/P95 marked per
/// series, and the targets as vertical lines.
pub fn histogram_of(
    title: &str,
    nouns: Nouns,
    series: &[Histogram],
    targets: &[(String, f64)],
) -> Scene {
    let mut scene = Scene {
        width: CANVAS_W,
        height: TOP + PLOT_H + 60.0 + 18.0 * (series.len() + targets.len()) as f64,
        shapes: vec![],
    };
    let subtitle = subtitle(nouns, !targets.is_empty());
    let all = series.iter().flat_map(|h| h.samples.iter().copied());
    let (mut lo, mut hi) = all
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return frame(scene, title, &subtitle);
    }
    // A long thin tail would squeeze the distributions into a corner: the axis ends at the
    // highest 99th percentile, and the last bin holds the few samples beyond it.
    let cap = series
        .iter()
        .filter_map(|h| quantile(&h.samples, 0.99))
        .fold(f64::NEG_INFINITY, f64::max);
    let clipped = cap.is_finite() && hi > cap + 1.0;
    if clipped {
        hi = cap;
    }
    for (_, t) in targets {
        lo = lo.min(*t);
        hi = hi.max(*t);
    }
    lo = (lo - 0.5).floor();
    hi = (hi + 0.5).ceil();
    if hi - lo < 2.0 {
        hi = lo + 2.0;
    }
    // Bins of half a day up to 80 bins, wider beyond.
    let width = ((hi - lo) / 80.0).max(0.5);
    let bins = ((hi - lo) / width).ceil() as usize;
    let x = |v: f64| LEFT + (v - lo) / (hi - lo) * PLOT_W;
    let counts: Vec<Vec<f64>> = series
        .iter()
        .map(|h| {
            let mut c = vec![0.0; bins];
            for v in h.samples.iter().filter(|v| v.is_finite()) {
                let b = (((v - lo) / width) as usize).min(bins - 1);
                c[b] += 1.0;
            }
            let n = h.samples.len().max(1) as f64;
            c.into_iter().map(|k| k / n).collect()
        })
        .collect();
    // A series drawn exactly as an earlier one would vanish under it.
    let same_as: Vec<Option<usize>> = (0..series.len())
        .map(|k| {
            (0..k).find(|&j| {
                counts[j] == counts[k]
                    && [series[j].p50, series[j].p80, series[j].p95]
                        == [series[k].p50, series[k].p80, series[k].p95]
            })
        })
        .collect();
    let top = counts
        .iter()
        .flatten()
        .copied()
        .fold(0.0f64, f64::max)
        .max(1e-9)
        * 1.1;
    let y = |share: f64| TOP + PLOT_H - share / top * PLOT_H;
    y_axis(
        &mut scene,
        0.0,
        top,
        &y,
        &tr!("chart-histogram-share", samples = nouns.samples()),
    );
    for (k, (h, c)) in series.iter().zip(&counts).enumerate() {
        let color: Color = STAGES[k % STAGES.len()];
        let outline = same_as[k].is_some();
        for (b, share) in c.iter().enumerate() {
            if *share <= 0.0 {
                continue;
            }
            let x1 = x(lo + b as f64 * width);
            let x2 = x(lo + (b + 1) as f64 * width);
            scene.shapes.push(Shape::Rect {
                x: x1,
                y: y(*share),
                w: (x2 - x1).max(1.0),
                h: y(0.0) - y(*share),
                fill: if outline {
                    "#ffffff00"
                } else {
                    STAGES_TRANSLUCENT[k % STAGES.len()]
                },
                stroke: outline.then_some((color, 2.0)),
                class: "bin",
                title: Some(if clipped && b + 1 == bins {
                    tr!(
                        "chart-bin-last-tip",
                        series = h.regime.as_str(),
                        from = fmt_num(lo + b as f64 * width),
                        share = format!("{:.1}", share * 100.0)
                    )
                } else {
                    tr!(
                        "chart-bin-tip",
                        series = h.regime.as_str(),
                        from = fmt_num(lo + b as f64 * width),
                        to = fmt_num(lo + (b + 1) as f64 * width),
                        share = format!("{:.1}", share * 100.0)
                    )
                }),
            });
        }
        if outline {
            continue;
        }
        for (label, v) in [("P50", h.p50), ("P80", h.p80), ("P95", h.p95)] {
            if !v.is_finite() {
                continue;
            }
            scene.shapes.push(Shape::Line {
                x1: x(v),
                y1: TOP,
                x2: x(v),
                y2: TOP + PLOT_H,
                stroke: color,
                width: 1.2,
                dashed: true,
            });
            // The tag names the line; the value is in the legend.
            scene.styled_text(
                x(v) + 2.0,
                TOP + 10.0,
                label,
                MIN_TEXT,
                Anchor::Start,
                false,
                color,
                "percentile",
            );
        }
    }
    // Target lines carry their value; their names are in the legend below.
    for (_, t) in targets {
        scene.line(x(*t), TOP - 6.0, x(*t), TOP + PLOT_H, INK, 1.6);
        scene.styled_text(
            x(*t),
            TOP - 9.0,
            fmt_num(*t),
            MIN_TEXT,
            Anchor::Middle,
            true,
            INK,
            "target",
        );
    }
    let axis_label = if clipped {
        tr!(
            "chart-histogram-axis-clipped",
            samples = nouns.samples(),
            from = fmt_num(lo + (bins - 1) as f64 * width)
        )
    } else {
        tr!("chart-working-days")
    };
    x_axis(&mut scene, lo, hi, &x, TOP + PLOT_H, &axis_label);
    legend(&mut scene, nouns, series, &same_as, targets);
    // Tags of lines close together are stacked down the plot, each with a leader line, clear
    // of the title and subtitle (placed first).
    let mut scene = frame(scene, title, &subtitle);
    place_labels(&mut scene, &["percentile", "target"], 11.0, 12);
    scene
}

/// The `q` quantile (nearest rank) of the finite values, without sorting them all.
fn quantile(samples: &[f64], q: f64) -> Option<f64> {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    let k = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    let (_, x, _) = v.select_nth_unstable_by(k, f64::total_cmp);
    Some(*x)
}

fn legend(
    scene: &mut Scene,
    nouns: Nouns,
    series: &[Histogram],
    same_as: &[Option<usize>],
    targets: &[(String, f64)],
) {
    let room = scene.width - LEFT - 30.0;
    for (k, h) in series.iter().enumerate() {
        let ly = TOP + PLOT_H + 50.0 + 18.0 * k as f64;
        let color = STAGES[k % STAGES.len()];
        let same =
            same_as[k].map(|j| tr!("chart-histogram-same", other = series[j].regime.as_str()));
        scene.shapes.push(Shape::Rect {
            x: LEFT,
            y: ly - 10.0,
            w: 14.0,
            h: 12.0,
            fill: if same.is_some() { "#ffffff00" } else { color },
            stroke: same.is_some().then_some((color, 2.0)),
            class: "legend",
            title: None,
        });
        let text = tr!(
            "chart-histogram-legend",
            series = h.regime.as_str(),
            same = same.unwrap_or_default(),
            p50 = fmt_num(h.p50),
            p80 = fmt_num(h.p80),
            p95 = fmt_num(h.p95),
            n = h.samples.len(),
            samples = nouns.samples()
        );
        scene.styled_text(
            LEFT + 20.0,
            ly,
            fit(&text, 11.0, room),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
    for (i, (name, t)) in targets.iter().enumerate() {
        let ly = TOP + PLOT_H + 50.0 + 18.0 * (series.len() + i) as f64;
        scene.line(LEFT + 7.0, ly - 11.0, LEFT + 7.0, ly + 2.0, INK, 1.6);
        scene.styled_text(
            LEFT + 20.0,
            ly,
            fit(
                &tr!(
                    "chart-target-legend",
                    days = fmt_num(*t),
                    name = name.as_str()
                ),
                11.0,
                room,
            ),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(name: &str, samples: Vec<f64>) -> Histogram {
        Histogram {
            regime: name.into(),
            samples,
            p50: 10.5,
            p80: 11.0,
            p95: 11.0,
        }
    }

    fn texts(s: &Scene, class: &str) -> Vec<String> {
        s.shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text { class: c, text, .. } if *c == class => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn histogram_shares_sum_to_one() {
        let s = histogram(
            "h",
            &[h("r", vec![10.0, 10.5, 11.0, 11.0])],
            &[("≤ 12".into(), 12.0)],
        );
        let total: f64 = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect {
                    class: "bin",
                    title: Some(t),
                    ..
                } => t
                    .rsplit(", ")
                    .next()
                    .and_then(|p| p.trim_end_matches(" %").parse::<f64>().ok()),
                _ => None,
            })
            .sum();
        assert!((total - 100.0).abs() < 1e-6, "{total}");
    }

    #[test]
    fn identical_series_are_outlined_and_named_and_no_label_overlaps() {
        let samples = vec![10.0, 10.5, 11.0, 11.0];
        let s = histogram_of(
            "h",
            CENTRE,
            &[h("joint", samples.clone()), h("joint_online", samples)],
            &[],
        );
        let outlined = s
            .shapes
            .iter()
            .filter(|sh| {
                matches!(
                    sh,
                    Shape::Rect {
                        class: "bin",
                        stroke: Some(_),
                        ..
                    }
                )
            })
            .count();
        assert_eq!(outlined, 3);
        let legend = texts(&s, "legend-label");
        assert_eq!(
            legend[1],
            "joint_online (same as joint, drawn as an outline): P50 10.5 · P80 11 · P95 11 working days (4 projects)"
        );
        // The centre draws no targets, and its subtitle says so by not mentioning them.
        assert_eq!(
            texts(&s, "subtitle"),
            ["share of projects per working-day bin; dashed: P50, P80, P95 of each project type"]
        );
        // P80 and P95 coincide: their tags are stacked, not printed over each other.
        assert_eq!(texts(&s, "percentile"), ["P50", "P80", "P95"]);
        let pairs = crate::layout::overlaps(&s, 0.5);
        assert!(
            pairs.is_empty(),
            "{:?}",
            pairs
                .iter()
                .map(|(a, b)| (&s.shapes[*a], &s.shapes[*b]))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_thin_tail_goes_into_the_last_bin() {
        let mut samples: Vec<f64> = (0..1000).map(|i| 30.0 + (i % 20) as f64).collect();
        samples.push(400.0);
        let s = histogram("h", &[h("r", samples)], &[]);
        let axis = texts(&s, "axis-label");
        assert_eq!(
            axis[1],
            "working days (the last bin also holds the iterations beyond 49.5)"
        );
        let last = s
            .shapes
            .iter()
            .rev()
            .find_map(|sh| match sh {
                Shape::Rect {
                    class: "bin",
                    title: Some(t),
                    ..
                } => Some(t.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(last, "r: 49.5 working days or more, 0.1 %");
    }
    #[test]
    fn a_long_title_wraps_and_the_plot_keeps_the_whole_width() {
        let title = "General social-investment housing (Hezhou 2020) — simulated working days \
                     (10000 iterations, seed 42): official approval days (a return's correction \
                     stops the clock)";
        let s = histogram("h", &[h("r", vec![10.0, 10.5, 11.0, 11.0])], &[]);
        let long = histogram(title, &[h("r", vec![10.0, 10.5, 11.0, 11.0])], &[]);
        // 80 px of axis labels, 760 px of plot, 60 px of margin: the canvas stays 900 px wide
        // and the title takes two lines of 20 px instead of running 1,000 px wide.
        assert_eq!(s.width, 900.0);
        assert_eq!(long.width, 900.0);
        let lines = texts(&long, "title");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), title);
        assert_eq!(long.height, s.height + 20.0);
        // The x axis runs from 80 to 840 px in both, 20 px lower under the two-line title.
        let axis = |sc: &Scene| {
            sc.shapes
                .iter()
                .find_map(|sh| match sh {
                    Shape::Line { x1, x2, y1, y2, .. } if y1 == y2 && *x1 == LEFT => {
                        Some((*x2, *y1))
                    }
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(axis(&s), (840.0, TOP + PLOT_H));
        assert_eq!(axis(&long), (840.0, TOP + PLOT_H + 20.0));
        // The bins end at the plot's right end (the axis ends at 12 working days, the last bin
        // 11.5–12 holds nothing, the one before ends at 11.5: 80 + 2.5/3 × 760).
        let right = long
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect {
                    class: "bin", x, w, ..
                } => Some(x + w),
                _ => None,
            })
            .fold(0.0f64, f64::max);
        assert!(
            (right - (LEFT + 2.5 / 3.0 * PLOT_W)).abs() < 1e-9,
            "{right}"
        );
        assert!(crate::layout::outside(&long, 0.5).is_empty());
    }
}
