//! The chart model: positioned shapes, independent of the output. SVG and PNG are written from
//! it, and the desktop app can draw the same shapes.

/// A colour as CSS hex.
pub type Color = &'static str;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Color,
        stroke: Option<(Color, f64)>,
        /// What the rectangle is (`bar`, `bar critical`, `weekend`, `holiday`, `stage`, …);
        /// written as the SVG class so tests and stylesheets can find it.
        class: &'static str,
        /// Hover text.
        title: Option<String>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        anchor: Anchor,
        bold: bool,
        fill: Color,
        class: &'static str,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: Color,
        width: f64,
        dashed: bool,
    },
    /// A milestone.
    Diamond {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Color,
        title: Option<String>,
    },
}

/// A chart: shapes on a canvas of `width` × `height` pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl Scene {
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

fn shift(shape: Shape, dy: f64) -> Shape {
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

/// Approximate width of `text` at `size` px: CJK characters are square, Latin about half.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { size } else { size * 0.52 })
        .sum()
}

fn is_wide(c: char) -> bool {
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
        let cw = if is_wide(c) { size } else { size * 0.52 };
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

pub const INK: Color = "#1f2933";
pub const MUTED: Color = "#616e7c";
pub const GRID: Color = "#d9dee3";
pub const WEEKEND: Color = "#eef0f2";
pub const HOLIDAY: Color = "#fbd9d3";
pub const MAKEUP: Color = "#2f80ed";
pub const CRITICAL: Color = "#d64545";
pub const CRITICAL_EDGE: Color = "#9b1c1c";
pub const BAR: Color = "#6c9bd2";
pub const BAR_LIGHT: Color = "#a9c4e4";
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
