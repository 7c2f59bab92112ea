//! Charts of numbers rather than schedules: the simulated distribution of working days
//! (histograms overlaid per regime with P50/P80/P95 and targets marked), a tornado of what
//! drives the spread, the reform planner's time–cost curve and the measure waterfall. They take
//! plain data so any engine can feed them.

use crate::scene::{Anchor, Color, GRID, INK, MIN_TEXT, MUTED, STAGES, Scene, Shape};
use permitflow_i18n::tr;

pub(crate) const LEFT: f64 = 80.0;
pub(crate) const TOP: f64 = 66.0;
pub(crate) const PLOT_W: f64 = 760.0;
pub(crate) const PLOT_H: f64 = 300.0;

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

pub(crate) fn fmt_num(v: f64) -> String {
    // -0.004 rounds to "-0" below; a reader sees 0.
    let v = if v.abs() < 0.005 { 0.0 } else { v };
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A waterfall step's label: what it takes off as "−3", what it adds as "+2", and a step that
/// changes nothing (to the nearest hundredth) as "0", never "−0".
fn saving_label(saved: f64) -> String {
    let v = (saved * 100.0).round() / 100.0;
    if v == 0.0 {
        "0".to_owned()
    } else if v > 0.0 {
        format!("−{}", fmt_num(v))
    } else {
        format!("+{}", fmt_num(-v))
    }
}

/// The width of every chart of numbers (histograms, tornadoes, lines, the time–cost curve,
/// the waterfall), so charts stacked one below the other line up and a chart fitted to a
/// window's width fills it with its plot.
pub(crate) const CANVAS_W: f64 = LEFT + PLOT_W + 60.0;

/// A title line's height, and a subtitle line's.
const TITLE_LINE: f64 = 20.0;
const SUBTITLE_LINE: f64 = 14.0;

/// Puts the title and subtitle above the chart drawn so far. They wrap to the canvas (up to
/// three lines each) rather than widen it, and the chart moves down by the lines they add.
pub(crate) fn frame(scene: Scene, title: &str, subtitle: &str) -> Scene {
    let room = scene.width - 24.0;
    // Bold text is a twentieth wider (see `layout::text_box`).
    let titles = balanced(title, 16.0, room / 1.05, 3);
    let subtitles = balanced(subtitle, 11.0, room, 3);
    let title_extra = TITLE_LINE * (titles.len().max(1) - 1) as f64;
    let extra = title_extra + SUBTITLE_LINE * (subtitles.len().max(1) - 1) as f64;
    let mut out = Scene {
        width: scene.width,
        height: scene.height + extra,
        shapes: Vec::with_capacity(scene.shapes.len() + titles.len() + subtitles.len()),
    };
    for (k, line) in titles.into_iter().enumerate() {
        out.styled_text(
            12.0,
            22.0 + TITLE_LINE * k as f64,
            line,
            16.0,
            Anchor::Start,
            true,
            INK,
            "title",
        );
    }
    for (k, line) in subtitles.into_iter().enumerate() {
        out.styled_text(
            12.0,
            40.0 + title_extra + SUBTITLE_LINE * k as f64,
            line,
            11.0,
            Anchor::Start,
            false,
            MUTED,
            "subtitle",
        );
    }
    out.shapes.extend(
        scene
            .shapes
            .into_iter()
            .map(|s| crate::scene::shift(s, extra)),
    );
    out
}

/// `text` wrapped into as few lines of at most `width` as [`crate::layout::wrap`] makes, up
/// to `max_lines`, with the lines as even as they go: the narrowest width that needs no more
/// lines, so a title does not leave one word alone on its second line.
fn balanced(text: &str, size: f64, width: f64, max_lines: usize) -> Vec<String> {
    let lines = crate::layout::wrap(text, size, width, max_lines);
    let n = lines.len();
    if n < 2 || lines.last().is_some_and(|l| l.ends_with('…')) {
        return lines;
    }
    let fits = |w: f64| crate::layout::wrap(text, size, w, n + 1).len() <= n;
    let (mut lo, mut hi) = (width / n as f64, width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    crate::layout::wrap(text, size, hi, n)
}

pub(crate) fn x_axis(
    scene: &mut Scene,
    lo: f64,
    hi: f64,
    x: &dyn Fn(f64) -> f64,
    y: f64,
    label: &str,
) {
    scene.line(LEFT, y, LEFT + PLOT_W, y, INK, 1.0);
    for t in ticks(lo, hi, 8) {
        scene.line(x(t), y, x(t), y + 4.0, INK, 1.0);
        scene.styled_text(
            x(t),
            y + 16.0,
            fmt_num(t),
            MIN_TEXT,
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

pub(crate) fn y_axis(scene: &mut Scene, lo: f64, hi: f64, y: &dyn Fn(f64) -> f64, label: &str) {
    scene.line(LEFT, TOP, LEFT, TOP + PLOT_H, INK, 1.0);
    for t in ticks(lo, hi, 5) {
        scene.line(LEFT - 4.0, y(t), LEFT + PLOT_W, y(t), GRID, 0.6);
        scene.styled_text(
            LEFT - 7.0,
            y(t) + 3.5,
            fmt_num(t),
            MIN_TEXT,
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

/// A tornado: horizontal bars, longest first, each labelled with its value and `unit` (e.g. how
/// many working days each item moves the project, or a department's utilisation in %). Long
/// names wrap onto two lines (an ellipsis only beyond that); their rows grow to fit.
pub fn tornado(title: &str, subtitle: &str, bars: &[(String, f64)], unit: &str) -> Scene {
    const ROW: f64 = 22.0;
    const LINE: f64 = 13.0;
    let label_w = 320.0;
    let names: Vec<Vec<String>> = bars
        .iter()
        .map(|(n, _)| crate::layout::wrap(n, 12.0, label_w - 20.0, 2))
        .collect();
    let rows: Vec<f64> = names
        .iter()
        .map(|l| ROW + LINE * (l.len().max(1) - 1) as f64)
        .collect();
    let body: f64 = rows.iter().sum();
    let mut scene = Scene {
        width: CANVAS_W,
        height: TOP + body + 50.0,
        shapes: vec![],
    };
    // The bars take what the names and the value labels leave of the canvas.
    let plot_w = CANVAS_W - label_w - 80.0;
    let max = bars
        .iter()
        .map(|(_, v)| v.abs())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let x = |v: f64| label_w + v / max * (plot_w - 40.0);
    let mut y = TOP;
    for (i, ((name, v), lines)) in bars.iter().zip(&names).enumerate() {
        let h = rows[i];
        for (k, line) in lines.iter().enumerate() {
            scene.styled_text(
                label_w - 8.0,
                y + 15.0 + LINE * k as f64,
                line.clone(),
                12.0,
                Anchor::End,
                false,
                INK,
                "item-name",
            );
        }
        let mid = y + h / 2.0;
        scene.shapes.push(Shape::Rect {
            x: label_w,
            y: mid - (ROW - 8.0) / 2.0,
            w: (x(v.abs()) - label_w).max(1.0),
            h: ROW - 8.0,
            fill: if i == 0 {
                crate::scene::CRITICAL
            } else {
                crate::scene::BAR
            },
            stroke: None,
            class: "tornado-bar",
            title: Some(format!("{name}: {}{unit}", fmt_num(*v))),
        });
        scene.styled_text(
            x(v.abs()) + 5.0,
            mid + 4.0,
            format!("{}{unit}", fmt_num((v * 100.0).round() / 100.0)),
            MIN_TEXT,
            Anchor::Start,
            false,
            MUTED,
            "bar-label",
        );
        y += h;
    }
    scene.line(label_w, TOP, label_w, TOP + body, INK, 1.0);
    frame(scene, title, subtitle)
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
        width: CANVAS_W,
        height: TOP + PLOT_H + 60.0 + 18.0 * series.len() as f64,
        shapes: vec![],
    };
    let points = series.iter().flat_map(|(_, p)| p.iter().copied());
    let (xlo, xhi, yhi) = points.fold(
        (f64::INFINITY, f64::NEG_INFINITY, 0.0f64),
        |(a, b, c), (x, y)| (a.min(x), b.max(x), c.max(y)),
    );
    if !xlo.is_finite() {
        return frame(scene, title, subtitle);
    }
    let xhi = if xhi > xlo { xhi } else { xlo + 1.0 };
    let yhi = yhi.max(1.0) * 1.1;
    let x = |v: f64| LEFT + (v - xlo) / (xhi - xlo) * PLOT_W;
    let y = |v: f64| TOP + PLOT_H - v / yhi * PLOT_H;
    y_axis(&mut scene, 0.0, yhi, &y, y_label);
    for (k, (name, pts)) in series.iter().enumerate() {
        let color = STAGES[k % STAGES.len()];
        // A series on top of an earlier one is dashed, so both stay visible.
        let same = (0..k).find(|&j| series[j].1 == *pts);
        for w in pts.windows(2) {
            scene.shapes.push(Shape::Line {
                x1: x(w[0].0),
                y1: y(w[0].1),
                x2: x(w[1].0),
                y2: y(w[1].1),
                stroke: color,
                width: 2.0,
                dashed: same.is_some(),
            });
        }
        let ly = TOP + PLOT_H + 50.0 + 18.0 * k as f64;
        scene.rect(LEFT, ly - 10.0, 14.0, 12.0, color, "legend");
        scene.styled_text(
            LEFT + 20.0,
            ly,
            match same {
                Some(j) => tr!(
                    "chart-line-same",
                    name = name.as_str(),
                    other = series[j].0.as_str()
                ),
                None => name.clone(),
            },
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
    x_axis(&mut scene, xlo, xhi, &x, TOP + PLOT_H, x_label);
    frame(scene, title, subtitle)
}

/// The least cost of reaching each makespan, as a line through the breakpoints.
pub fn time_cost_curve(title: &str, points: &[(f64, f64)], target: Option<f64>) -> Scene {
    let mut scene = Scene {
        width: CANVAS_W,
        height: TOP + PLOT_H + 60.0,
        shapes: vec![],
    };
    let subtitle = tr!("chart-curve-subtitle");
    if points.is_empty() {
        return frame(scene, title, &subtitle);
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
    y_axis(&mut scene, 0.0, yhi, &y, &tr!("chart-cost"));
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
            title: Some(tr!(
                "chart-curve-tip",
                days = fmt_num(*wd),
                cost = fmt_num(*cost)
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
            tr!("chart-target", days = fmt_num(t)),
            MIN_TEXT,
            Anchor::Start,
            true,
            crate::scene::CRITICAL,
            "target",
        );
    }
    x_axis(
        &mut scene,
        xlo,
        xhi,
        &x,
        TOP + PLOT_H,
        &tr!("chart-working-days"),
    );
    frame(scene, title, &subtitle)
}

/// A waterfall from `start` through each step's saving to the bar named `end`.
pub fn waterfall(title: &str, start: (&str, f64), steps: &[(String, f64)], end: &str) -> Scene {
    // The columns share the plot's whole width, however few the steps.
    let col = PLOT_W / (steps.len() + 2) as f64;
    let mut scene = Scene {
        width: CANVAS_W,
        height: TOP + PLOT_H + 80.0,
        shapes: vec![],
    };
    let hi = start.1.max(1.0) * 1.1;
    let y = |v: f64| TOP + PLOT_H - v / hi * PLOT_H;
    y_axis(&mut scene, 0.0, hi, &y, &tr!("chart-working-days"));
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
            MIN_TEXT,
            Anchor::Middle,
            true,
            INK,
            "bar-label",
        );
        // Step names wrap onto up to three lines under their column.
        for (k, line) in crate::layout::wrap(label, MIN_TEXT, col - 4.0, 3)
            .into_iter()
            .enumerate()
        {
            scene.styled_text(
                x + (col - 20.0) / 2.0,
                TOP + PLOT_H + 16.0 + 13.0 * k as f64,
                line,
                MIN_TEXT,
                Anchor::Middle,
                false,
                INK,
                "step-label",
            );
        }
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
            saving_label(*saved),
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
        LEFT + PLOT_W + 20.0,
        TOP + PLOT_H,
        INK,
        1.0,
    );
    frame(scene, title, &tr!("chart-waterfall-subtitle"))
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
    fn a_step_that_saves_nothing_is_labelled_0_and_one_that_adds_days_plus() {
        assert_eq!(saving_label(0.0), "0");
        assert_eq!(saving_label(-0.001), "0");
        assert_eq!(saving_label(2.5), "−2.5");
        assert_eq!(saving_label(-3.0), "+3");
        assert_eq!(fmt_num(-0.001), "0");
        let w = waterfall(
            "t",
            ("serial", 10.0),
            &[("same".to_owned(), 0.0), ("worse".to_owned(), -2.0)],
            "end",
        );
        let labels: Vec<&str> = w
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, class, .. } if *class == "bar-label" => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["10", "0", "+2", "12"]);
    }

    #[test]
    fn the_waterfall_fills_the_plot_width() {
        let s = waterfall(
            "w",
            ("serial", 100.0),
            &[("parallel".into(), 50.0)],
            "joint",
        );
        let right = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect {
                    class: "waterfall-bar",
                    x,
                    w,
                    ..
                } => Some(x + w),
                _ => None,
            })
            .fold(0.0f64, f64::max);
        // Three columns of 760 / 3 px: the last bar ends 10 px short of the plot's right end.
        assert!((right - (LEFT + PLOT_W - 10.0)).abs() < 1e-9, "{right}");
    }

    #[test]
    fn long_tornado_names_wrap_onto_two_lines() {
        let name = "建设工程规划许可证 Construction-project planning permit for the whole site";
        let s = tornado(
            "t",
            "s",
            &[(name.into(), 2.0), ("short".into(), 1.0)],
            " wd",
        );
        let names: Vec<&str> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text {
                    class: "item-name",
                    text,
                    ..
                } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            names,
            [
                "建设工程规划许可证 Construction-project planning",
                "permit for the whole site",
                "short"
            ]
        );
        assert!(crate::layout::overlaps(&s, 0.5).is_empty());
    }

    #[test]
    fn a_wrapped_title_is_split_evenly() {
        // 24 words of 4 letters: one line would be about 1,000 px at 16 px; two lines of 12
        // words each, not 21 words and 3.
        let title = ["wide"; 24].join(" ");
        let lines = balanced(&title, 16.0, 834.0, 3);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let words: Vec<usize> = lines.iter().map(|l| l.split(' ').count()).collect();
        assert_eq!(words, [12, 12]);
    }
}
