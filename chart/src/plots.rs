//! Charts of numbers rather than schedules: the simulated distribution of working days
//! (histograms overlaid per regime with P50/P80/P95 and targets marked), a tornado of what
//! drives the spread, the reform planner's time–cost curve and the measure waterfall. They take
//! plain data so any engine can feed them.

use crate::scene::{Anchor, Color, GRID, INK, MUTED, STAGES, Scene, Shape};

const LEFT: f64 = 80.0;
const TOP: f64 = 60.0;
const PLOT_W: f64 = 760.0;
const PLOT_H: f64 = 300.0;

/// Round tick steps (1, 2, 5 × 10^k) covering `lo..hi` with about `n` ticks.
pub fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if hi <= lo || !lo.is_finite() || !hi.is_finite() {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 {
        out.push((t * 1e9).round() / 1e9);
        t += step;
    }
    out
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn frame(scene: &mut Scene, title: &str, subtitle: &str) {
    scene.styled_text(12.0, 22.0, title, 16.0, Anchor::Start, true, INK, "title");
    scene.styled_text(
        12.0,
        40.0,
        subtitle,
        11.0,
        Anchor::Start,
        false,
        MUTED,
        "subtitle",
    );
}

fn x_axis(scene: &mut Scene, lo: f64, hi: f64, x: &dyn Fn(f64) -> f64, y: f64, label: &str) {
    scene.line(LEFT, y, LEFT + PLOT_W, y, INK, 1.0);
    for t in ticks(lo, hi, 8) {
        scene.line(x(t), y, x(t), y + 4.0, INK, 1.0);
        scene.styled_text(
            x(t),
            y + 16.0,
            fmt_num(t),
            10.0,
            Anchor::Middle,
            false,
            MUTED,
            "tick",
        );
    }
    scene.styled_text(
        LEFT + PLOT_W / 2.0,
        y + 32.0,
        label,
        11.0,
        Anchor::Middle,
        false,
        INK,
        "axis-label",
    );
}

fn y_axis(scene: &mut Scene, lo: f64, hi: f64, y: &dyn Fn(f64) -> f64, label: &str) {
    scene.line(LEFT, TOP, LEFT, TOP + PLOT_H, INK, 1.0);
    for t in ticks(lo, hi, 5) {
        scene.line(LEFT - 4.0, y(t), LEFT + PLOT_W, y(t), GRID, 0.6);
        scene.styled_text(
            LEFT - 7.0,
            y(t) + 3.5,
            fmt_num(t),
            10.0,
            Anchor::End,
            false,
            MUTED,
            "tick",
        );
    }
    scene.styled_text(
        12.0,
        TOP - 10.0,
        label,
        11.0,
        Anchor::Start,
        false,
        INK,
        "axis-label",
    );
}

/// One regime's simulated working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// The regime's name, for the legend and hover text.
    pub regime: String,
    /// Working days of every iteration (any order).
    pub samples: Vec<f64>,
    /// The median: half the iterations finish within it.
    pub p50: f64,
    /// Working days 80 % of iterations finish within.
    pub p80: f64,
    /// Working days 95 % of iterations finish within, a near worst case.
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

/// The whole-project working-day targets of the simulated regimes, labelled `regime: target`,
/// as the histogram's vertical lines.
pub fn simulation_targets<'a>(
    s: &permitflow_model::Scenario,
    results: impl IntoIterator<Item = &'a permitflow_solver::SimulationResult>,
) -> Vec<(String, f64)> {
    let regimes: Vec<&str> = results.into_iter().map(|r| r.regime.as_str()).collect();
    s.targets
        .iter()
        .filter(|t| t.stage.is_none() && regimes.contains(&t.regime.as_str()))
        .filter_map(|t| Some((format!("{}: {}", t.regime, t.name), t.working_days?.get())))
        .collect()
}

/// Histograms of several regimes overlaid on one working-day axis, P50/P80/P95 marked per
/// regime, and the targets as vertical lines.
pub fn histogram(title: &str, series: &[Histogram], targets: &[(String, f64)]) -> Scene {
    let mut scene = Scene {
        width: LEFT + PLOT_W + 220.0,
        height: TOP + PLOT_H + 60.0 + 18.0 * (series.len() + targets.len()) as f64,
        shapes: vec![],
    };
    frame(
        &mut scene,
        title,
        "share of iterations per working-day bin; dashed: P50, P80, P95 of each regime; dark lines: targets",
    );
    let all = series.iter().flat_map(|h| h.samples.iter().copied());
    let (mut lo, mut hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    for (_, t) in targets {
        lo = lo.min(*t);
        hi = hi.max(*t);
    }
    if !lo.is_finite() {
        return scene;
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
            for v in &h.samples {
                let b = (((v - lo) / width) as usize).min(bins - 1);
                c[b] += 1.0;
            }
            let n = h.samples.len().max(1) as f64;
            c.into_iter().map(|k| k / n).collect()
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
    y_axis(&mut scene, 0.0, top, &y, "share of iterations");
    for (k, (h, c)) in series.iter().zip(&counts).enumerate() {
        let color: Color = STAGES[k % STAGES.len()];
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
                fill: crate::scene::STAGES_TRANSLUCENT[k % STAGES.len()],
                stroke: None,
                class: "bin",
                title: Some(format!(
                    "{}: {}–{} working days, {:.1} %",
                    h.regime,
                    fmt_num(lo + b as f64 * width),
                    fmt_num(lo + (b + 1) as f64 * width),
                    share * 100.0
                )),
            });
        }
        for (label, v) in [("P50", h.p50), ("P80", h.p80), ("P95", h.p95)] {
            scene.shapes.push(Shape::Line {
                x1: x(v),
                y1: TOP,
                x2: x(v),
                y2: TOP + PLOT_H,
                stroke: color,
                width: 1.2,
                dashed: true,
            });
            scene.styled_text(
                x(v) + 2.0,
                TOP + 10.0 + 11.0 * k as f64,
                format!("{label} {}", fmt_num(v)),
                9.0,
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
            10.0,
            Anchor::Middle,
            true,
            INK,
            "target",
        );
    }
    x_axis(&mut scene, lo, hi, &x, TOP + PLOT_H, "working days");
    for (k, h) in series.iter().enumerate() {
        let ly = TOP + PLOT_H + 50.0 + 18.0 * k as f64;
        scene.rect(
            LEFT,
            ly - 10.0,
            14.0,
            12.0,
            STAGES[k % STAGES.len()],
            "legend",
        );
        scene.styled_text(
            LEFT + 20.0,
            ly,
            format!(
                "{}: P50 {} · P80 {} · P95 {} working days ({} iterations)",
                h.regime,
                fmt_num(h.p50),
                fmt_num(h.p80),
                fmt_num(h.p95),
                h.samples.len()
            ),
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
            format!("target {}: {name}", fmt_num(*t)),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
    scene
}

/// A tornado: horizontal bars, longest first, each labelled with its value and `unit` (e.g. how
/// many working days each item moves the project, or a department's utilisation in %).
pub fn tornado(title: &str, subtitle: &str, bars: &[(String, f64)], unit: &str) -> Scene {
    let row = 22.0;
    let label_w = 320.0;
    let mut scene = Scene {
        width: label_w + PLOT_W + 80.0,
        height: TOP + row * bars.len() as f64 + 50.0,
        shapes: vec![],
    };
    frame(&mut scene, title, subtitle);
    let max = bars
        .iter()
        .map(|(_, v)| v.abs())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let x = |v: f64| label_w + v / max * (PLOT_W - 40.0);
    for (i, (name, v)) in bars.iter().enumerate() {
        let y = TOP + i as f64 * row;
        scene.styled_text(
            label_w - 8.0,
            y + 15.0,
            crate::scene::fit(name, 12.0, label_w - 20.0),
            12.0,
            Anchor::End,
            false,
            INK,
            "item-name",
        );
        scene.shapes.push(Shape::Rect {
            x: label_w,
            y: y + 4.0,
            w: (x(v.abs()) - label_w).max(1.0),
            h: row - 8.0,
            fill: if i == 0 {
                crate::scene::CRITICAL
            } else {
                crate::scene::BAR
            },
            stroke: None,
            class: "tornado-bar",
            title: Some(format!("{name}: {} working days", fmt_num(*v))),
        });
        scene.styled_text(
            x(v.abs()) + 5.0,
            y + 15.0,
            format!("{}{unit}", fmt_num((v * 100.0).round() / 100.0)),
            10.0,
            Anchor::Start,
            false,
            MUTED,
            "bar-label",
        );
    }
    scene.line(
        label_w,
        TOP,
        label_w,
        TOP + row * bars.len() as f64,
        INK,
        1.0,
    );
    scene
}

/// Lines over a shared x axis, e.g. work in progress over time, one per series.
pub fn line_chart(
    title: &str,
    subtitle: &str,
    series: &[(String, Vec<(f64, f64)>)],
    x_label: &str,
    y_label: &str,
) -> Scene {
    let mut scene = Scene {
        width: LEFT + PLOT_W + 60.0,
        height: TOP + PLOT_H + 60.0 + 18.0 * series.len() as f64,
        shapes: vec![],
    };
    frame(&mut scene, title, subtitle);
    let points = series.iter().flat_map(|(_, p)| p.iter().copied());
    let (xlo, xhi, yhi) = points.fold(
        (f64::INFINITY, f64::NEG_INFINITY, 0.0f64),
        |(a, b, c), (x, y)| (a.min(x), b.max(x), c.max(y)),
    );
    if !xlo.is_finite() {
        return scene;
    }
    let xhi = if xhi > xlo { xhi } else { xlo + 1.0 };
    let yhi = yhi.max(1.0) * 1.1;
    let x = |v: f64| LEFT + (v - xlo) / (xhi - xlo) * PLOT_W;
    let y = |v: f64| TOP + PLOT_H - v / yhi * PLOT_H;
    y_axis(&mut scene, 0.0, yhi, &y, y_label);
    for (k, (name, pts)) in series.iter().enumerate() {
        let color = STAGES[k % STAGES.len()];
        for w in pts.windows(2) {
            scene.line(x(w[0].0), y(w[0].1), x(w[1].0), y(w[1].1), color, 2.0);
        }
        let ly = TOP + PLOT_H + 50.0 + 18.0 * k as f64;
        scene.rect(LEFT, ly - 10.0, 14.0, 12.0, color, "legend");
        scene.styled_text(
            LEFT + 20.0,
            ly,
            name.clone(),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
    x_axis(&mut scene, xlo, xhi, &x, TOP + PLOT_H, x_label);
    scene
}

/// The least cost of reaching each makespan, as a line through the breakpoints.
pub fn time_cost_curve(title: &str, points: &[(f64, f64)], target: Option<f64>) -> Scene {
    let mut scene = Scene {
        width: LEFT + PLOT_W + 60.0,
        height: TOP + PLOT_H + 60.0,
        shapes: vec![],
    };
    frame(
        &mut scene,
        title,
        "least total cost of cutting time limits to reach each number of working days",
    );
    if points.is_empty() {
        return scene;
    }
    let (mut xlo, mut xhi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.0), b.max(p.0))
        });
    if let Some(t) = target {
        xlo = xlo.min(t);
        xhi = xhi.max(t);
    }
    if xhi - xlo < 1.0 {
        xhi = xlo + 1.0;
    }
    let yhi = points.iter().map(|p| p.1).fold(0.0f64, f64::max).max(1.0) * 1.1;
    let x = |v: f64| LEFT + (v - xlo) / (xhi - xlo) * PLOT_W;
    let y = |v: f64| TOP + PLOT_H - v / yhi * PLOT_H;
    y_axis(&mut scene, 0.0, yhi, &y, "cost");
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in sorted.windows(2) {
        scene.line(x(w[0].0), y(w[0].1), x(w[1].0), y(w[1].1), STAGES[0], 2.0);
    }
    for (wd, cost) in &sorted {
        scene.shapes.push(Shape::Diamond {
            cx: x(*wd),
            cy: y(*cost),
            r: 4.0,
            fill: STAGES[0],
            title: Some(format!(
                "{} working days: cost {}",
                fmt_num(*wd),
                fmt_num(*cost)
            )),
        });
    }
    if let Some(t) = target {
        scene.shapes.push(Shape::Line {
            x1: x(t),
            y1: TOP,
            x2: x(t),
            y2: TOP + PLOT_H,
            stroke: crate::scene::CRITICAL,
            width: 1.5,
            dashed: true,
        });
        scene.styled_text(
            x(t) + 4.0,
            TOP + 12.0,
            format!("target {}", fmt_num(t)),
            10.0,
            Anchor::Start,
            true,
            crate::scene::CRITICAL,
            "target",
        );
    }
    x_axis(&mut scene, xlo, xhi, &x, TOP + PLOT_H, "working days");
    scene
}

/// A waterfall from `start` through each step's saving to the bar named `end`.
pub fn waterfall(title: &str, start: (&str, f64), steps: &[(String, f64)], end: &str) -> Scene {
    let col = (PLOT_W / (steps.len() + 2) as f64).min(120.0);
    let mut scene = Scene {
        width: LEFT + col * (steps.len() + 2) as f64 + 60.0,
        height: TOP + PLOT_H + 80.0,
        shapes: vec![],
    };
    frame(
        &mut scene,
        title,
        "working days after each step; each bar is what the step saves",
    );
    let hi = start.1.max(1.0) * 1.1;
    let y = |v: f64| TOP + PLOT_H - v / hi * PLOT_H;
    y_axis(&mut scene, 0.0, hi, &y, "working days");
    let bar = |scene: &mut Scene,
               i: usize,
               from: f64,
               to: f64,
               fill: Color,
               label: &str,
               value: String| {
        let x = LEFT + 10.0 + i as f64 * col;
        let (a, b) = (from.max(to), from.min(to));
        scene.shapes.push(Shape::Rect {
            x,
            y: y(a),
            w: col - 20.0,
            h: (y(b) - y(a)).max(1.0),
            fill,
            stroke: None,
            class: "waterfall-bar",
            title: Some(format!("{label}: {value}")),
        });
        scene.styled_text(
            x + (col - 20.0) / 2.0,
            y(a) - 4.0,
            value,
            10.0,
            Anchor::Middle,
            true,
            INK,
            "bar-label",
        );
        let short = crate::scene::fit(label, 10.0, col - 4.0);
        scene.styled_text(
            x + (col - 20.0) / 2.0,
            TOP + PLOT_H + 16.0,
            short,
            10.0,
            Anchor::Middle,
            false,
            INK,
            "step-label",
        );
    };
    bar(
        &mut scene,
        0,
        0.0,
        start.1,
        MUTED,
        start.0,
        fmt_num(start.1),
    );
    let mut level = start.1;
    for (i, (name, saved)) in steps.iter().enumerate() {
        let next = level - saved;
        bar(
            &mut scene,
            i + 1,
            level,
            next,
            if *saved >= 0.0 {
                STAGES[2]
            } else {
                crate::scene::CRITICAL
            },
            name,
            format!("−{}", fmt_num(*saved)),
        );
        level = next;
    }
    bar(
        &mut scene,
        steps.len() + 1,
        0.0,
        level,
        STAGES[0],
        end,
        fmt_num(level),
    );
    scene.line(
        LEFT,
        TOP + PLOT_H,
        scene.width - 40.0,
        TOP + PLOT_H,
        INK,
        1.0,
    );
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(
            ticks(33.0, 47.0, 7),
            vec![34.0, 36.0, 38.0, 40.0, 42.0, 44.0, 46.0]
        );
    }

    #[test]
    fn waterfall_ends_at_the_result() {
        let s = waterfall(
            "w",
            ("serial", 100.5),
            &[("parallel".into(), 51.0), ("joint review".into(), 13.0)],
            "joint",
        );
        let labels: Vec<String> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text {
                    class: "bar-label",
                    text,
                    ..
                } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["100.5", "−51", "−13", "36.5"]);
    }

    #[test]
    fn histogram_shares_sum_to_one() {
        let h = Histogram {
            regime: "r".into(),
            samples: vec![10.0, 10.5, 11.0, 11.0],
            p50: 10.5,
            p80: 11.0,
            p95: 11.0,
        };
        let s = histogram("h", &[h], &[("≤ 12".into(), 12.0)]);
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
}
