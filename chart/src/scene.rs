//! The chart model: positioned shapes, independent of the output. SVG and PNG are written from
//! it, and the desktop app can draw the same shapes.

/// A colour as CSS hex.
pub type Color = &'static str;

/// Which point of a text its `x` names, so labels can sit left of, on or right of a bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end: the text runs rightward, as after a bar.
    Start,
    /// `x` is the centre, as for a label inside a segment.
    Middle,
    /// `x` is the right end: the text runs leftward, as before a bar near the right edge.
    End,
}

/// One drawn element of a [`Scene`], in pixels from the top left, the same for SVG and PNG.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A bar, band, day column or swatch.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width; for a bar, its span on the date axis.
        w: f64,
        /// Height.
        h: f64,
        /// Fill colour.
        fill: Color,
        /// Outline colour and width, as on critical bars; `None` for none.
        stroke: Option<(Color, f64)>,
        /// What the rectangle is (`bar`, `bar critical`, `weekend`, `holiday`, `stage`, …);
        /// written as the SVG class so tests and stylesheets can find it.
        class: &'static str,
        /// Hover text.
        title: Option<String>,
    },
    /// A label: a title, a name, a date or a number of working days.
    Text {
        /// Horizontal position of the `anchor` point.
        x: f64,
        /// Baseline.
        y: f64,
        /// The words, Chinese or Latin.
        text: String,
        /// Font size in pixels.
        size: f64,
        /// Which end of the text `x` names.
        anchor: Anchor,
        /// Bold, as for titles and critical items.
        bold: bool,
        /// Text colour.
        fill: Color,
        /// What the text is (`title`, `item-name`, `bar-label`, …), written as the SVG class.
        class: &'static str,
    },
    /// A grid line, axis, tick or marker such as a percentile or target.
    Line {
        /// Start, horizontal.
        x1: f64,
        /// Start, vertical.
        y1: f64,
        /// End, horizontal.
        x2: f64,
        /// End, vertical.
        y2: f64,
        /// Line colour.
        stroke: Color,
        /// Line width in pixels.
        width: f64,
        /// Dashed, for markers drawn over data such as P50/P80/P95 and targets.
        dashed: bool,
    },
    /// A milestone.
    Diamond {
        /// Centre, horizontal: on a Gantt chart, the delivery date.
        cx: f64,
        /// Centre, vertical.
        cy: f64,
        /// Centre to corner.
        r: f64,
        /// Fill colour.
        fill: Color,
        /// Hover text.
        title: Option<String>,
    },
}

/// A chart: shapes on a canvas of `width` × `height` pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Canvas width in pixels.
    pub width: f64,
    /// Canvas height in pixels.
    pub height: f64,
    /// The shapes in drawing order: later ones cover earlier ones.
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// Adds a filled rectangle without outline or hover text, e.g. a day column or swatch.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Color, class: &'static str) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke: None,
            class,
            title: None,
        });
    }

    /// Adds a plain label in ink.
    pub fn text(&mut self, x: f64, y: f64, text: impl Into<String>, size: f64, anchor: Anchor) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            bold: false,
            fill: INK,
            class: "label",
        });
    }

    /// Adds a label with its weight, colour and class chosen, e.g. a title or a bar label.
    // Each argument is one property of the drawn text; a style struct would only rename them.
    #[allow(clippy::too_many_arguments)]
    pub fn styled_text(
        &mut self,
        x: f64,
        y: f64,
        text: impl Into<String>,
        size: f64,
        anchor: Anchor,
        bold: bool,
        fill: Color,
        class: &'static str,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            bold,
            fill,
            class,
        });
    }

    /// Adds a solid line, e.g. a grid line or axis.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: Color, width: f64) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
            dashed: false,
        });
    }

    /// Scenes one below the other, `gap` pixels apart.
    pub fn stack(scenes: Vec<Scene>, gap: f64) -> Scene {
        let mut out = Scene::default();
        let mut y0 = 0.0;
        for (i, s) in scenes.into_iter().enumerate() {
            if i > 0 {
                y0 += gap;
            }
            out.width = out.width.max(s.width);
            for shape in s.shapes {
                out.shapes.push(shift(shape, y0));
            }
            y0 += s.height;
        }
        out.height = y0;
        out
    }
}

pub(crate) fn shift(shape: Shape, dy: f64) -> Shape {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
            class,
            title,
        } => Shape::Rect {
            x,
            y: y + dy,
            w,
            h,
            fill,
            stroke,
            class,
            title,
        },
        Shape::Text {
            x,
            y,
            text,
            size,
            anchor,
            bold,
            fill,
            class,
        } => Shape::Text {
            x,
            y: y + dy,
            text,
            size,
            anchor,
            bold,
            fill,
            class,
        },
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
            dashed,
        } => Shape::Line {
            x1,
            y1: y1 + dy,
            x2,
            y2: y2 + dy,
            stroke,
            width,
            dashed,
        },
        Shape::Diamond {
            cx,
            cy,
            r,
            fill,
            title,
        } => Shape::Diamond {
            cx,
            cy: cy + dy,
            r,
            fill,
            title,
        },
    }
}

/// Approximate width of `text` at `size` px: CJK characters are square, capitals about two
/// thirds of an em, digits 0.56, other Latin about half. No narrower than the bundled font
/// draws ordinary text (a test in `tests/render.rs` checks it).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_width(c, size)).sum()
}

fn char_width(c: char, size: f64) -> f64 {
    if is_wide(c) {
        size
    } else if c.is_ascii_uppercase() {
        size * 0.68
    } else if c.is_ascii_digit() {
        size * 0.56
    } else {
        size * 0.52
    }
}

/// Whether `c` is drawn a full em wide (Chinese, Japanese, Korean, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// `text` cut to fit `width` px at `size`, with an ellipsis when cut.
pub fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut w = text_width("…", size);
    for c in text.chars() {
        let cw = char_width(c, size);
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// The smallest text a chart draws, in pixels: 8.25 pt when a chart is printed at its pixel
/// size (see [`print`](crate::print)), so no tick, tag or bar label is too small to read.
pub const MIN_TEXT: f64 = 11.0;

/// Text and axes.
pub const INK: Color = "#1f2933";
/// Secondary text: subtitles, ticks, bar labels.
pub const MUTED: Color = "#616e7c";
/// Grid lines between months, weeks and rows.
pub const GRID: Color = "#d9dee3";
/// Non-working days, so a bar crossing a weekend shows why it is longer than its days.
pub const WEEKEND: Color = "#eef0f2";
/// Public holidays, which stop the clock like weekends but are easy to forget.
pub const HOLIDAY: Color = "#fbd9d3";
/// The tick on make-up working days, weekend dates on which the clock runs.
pub const MAKEUP: Color = "#2f80ed";
/// Bars on the critical path: any delay to them delays the permits.
pub const CRITICAL: Color = "#d64545";
/// Outline of critical bars, so they stay distinct in print.
pub const CRITICAL_EDGE: Color = "#9b1c1c";
/// Bars with float: they can slip without delaying the project.
pub const BAR: Color = "#6c9bd2";
/// Applicant work and utility services, which are not government review time.
pub const BAR_LIGHT: Color = "#a9c4e4";
/// Stage deliveries, the permits.
pub const MILESTONE: Color = "#2d3a4a";
/// One colour per stage, cycled.
pub const STAGES: [Color; 6] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
];
/// The stage colours at 60 % opacity, for series drawn over each other.
pub const STAGES_TRANSLUCENT: [Color; 6] = [
    "#4e79a799",
    "#f28e2b99",
    "#59a14f99",
    "#b07aa199",
    "#76b7b299",
    "#edc94899",
];
/// Stage band backgrounds, cycled.
pub const BANDS: [Color; 2] = ["#f7f9fb", "#ffffff"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_fitting() {
        assert_eq!(text_width("审批", 10.0), 20.0);
        assert!((text_width("ab", 10.0) - 10.4).abs() < 1e-9);
        assert_eq!(fit("short", 10.0, 100.0), "short");
        let cut = fit("施工图审查 Construction-drawing review", 10.0, 60.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 10.0) <= 60.0,
            "{cut}"
        );
    }

    #[test]
    fn stacking_shifts_the_second_scene() {
        let mut a = Scene {
            width: 100.0,
            height: 50.0,
            shapes: vec![],
        };
        a.rect(0.0, 0.0, 10.0, 10.0, BAR, "bar");
        let mut b = Scene {
            width: 200.0,
            height: 30.0,
            shapes: vec![],
        };
        b.rect(0.0, 5.0, 10.0, 10.0, BAR, "bar");
        let s = Scene::stack(vec![a, b], 20.0);
        assert_eq!((s.width, s.height), (200.0, 100.0));
        match &s.shapes[1] {
            Shape::Rect { y, .. } => assert_eq!(*y, 75.0),
            other => panic!("{other:?}"),
        }
    }
}
