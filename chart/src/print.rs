//! The print layout: charts sized for a page of the report, so their text prints at a size a
//! reader can read. The report prints on A4 landscape with 15 mm margins and shows every chart
//! at the full text width, 267 mm; a chart `w` pixels wide is then scaled by
//! [`PAGE_WIDTH`]` / w`, and text of `s` pixels prints at `s × 0.75 × PAGE_WIDTH / w` points.
//! A chart laid out for print is at most [`PAGE_WIDTH`] wide and no text is smaller than
//! [`MIN_TEXT`](crate::scene::MIN_TEXT), so every text prints at 8 pt or more.

use crate::layout::room_for;
use crate::scene::{Scene, Shape, fit};

/// Points per CSS pixel (a pixel is 1/96 inch, a point 1/72).
pub const PT_PER_PX: f64 = 0.75;
/// The text width of the report's page in CSS pixels: A4 landscape (297 mm) less two 15 mm
/// margins, 267 mm.
pub const PAGE_WIDTH: f64 = 267.0 / 25.4 * 96.0;
/// The text height of the report's page in CSS pixels: A4 landscape (210 mm) less two 15 mm
/// margins, 180 mm.
pub const PAGE_HEIGHT: f64 = 180.0 / 25.4 * 96.0;
/// The tallest a chart laid out for print aims to be: a page less room for a two-line caption,
/// so a chart and its caption share a page and the chart is never shrunk to fit one.
pub const MAX_HEIGHT: f64 = PAGE_HEIGHT - 48.0;
/// The smallest text size a printed chart may have, in points.
pub const MIN_PRINTED_PT: f64 = 8.0;

/// Which medium a chart is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// A screen or a PNG: the date axis gets [`CHART_WIDTH`](crate::gantt::CHART_WIDTH)
    /// pixels and at least 3 pixels a day, however wide that makes the chart.
    #[default]
    Screen,
    /// A page of the report: the whole chart fits [`PAGE_WIDTH`], the date axis taking what
    /// the names and labels leave, however few pixels a day that gives.
    Print,
}

impl Layout {
    /// Pixels for a date axis between `left` and `right` pixels of labels.
    pub fn axis_width(self, left: f64, right: f64) -> f64 {
        match self {
            Layout::Screen => crate::gantt::CHART_WIDTH,
            Layout::Print => (PAGE_WIDTH - left - right).max(40.0),
        }
    }

    /// The height of a Gantt row: 22 pixels, or for print as much less (down to 16) as keeps
    /// `rows` rows, `extra` pixels of wrapped lines and `fixed` pixels of title, axis and legend
    /// within [`MAX_HEIGHT`].
    pub fn row_height(self, rows: usize, extra: f64, fixed: f64) -> f64 {
        use crate::gantt::ROW;
        match self {
            Layout::Screen => ROW,
            Layout::Print => ((MAX_HEIGHT - fixed - extra) / rows.max(1) as f64).clamp(16.0, ROW),
        }
    }

    /// The fewest pixels a calendar day may have on the date axis.
    pub fn min_day(self) -> f64 {
        match self {
            Layout::Screen => 3.0,
            Layout::Print => 0.05,
        }
    }
}

/// A chart title's size: 16 px; for print, as much smaller as keeps a title starting at `x`
/// within the page (with a margin of `x` on the right), down to 12 px, and cut with an ellipsis
/// when even that is too wide (the report's heading names the scenario in full).
pub fn title(layout: Layout, x: f64, text: &str) -> (f64, String) {
    const TITLE: f64 = 16.0;
    if layout == Layout::Screen {
        return (TITLE, text.to_owned());
    }
    let mut size = TITLE;
    while size > 12.0 && room_for(x, text, size, true) > PAGE_WIDTH {
        size -= 0.5;
    }
    if room_for(x, text, size, true) <= PAGE_WIDTH {
        return (size, text.to_owned());
    }
    // Bold text is a little wider than `fit` measures: leave it the bold margin.
    let width = (PAGE_WIDTH - 2.0 * x) / 1.05;
    (size, fit(text, size, width))
}

/// The size in points at which text of `size` pixels in `scene` prints in the report.
pub fn printed_pt(scene: &Scene, size: f64) -> f64 {
    size * PT_PER_PX * PAGE_WIDTH / scene.width.max(1.0)
}

/// The smallest printed size of any text in `scene`, in points (infinite when it has none).
pub fn smallest_printed_pt(scene: &Scene) -> f64 {
    scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { size, .. } => Some(printed_pt(scene, *size)),
            _ => None,
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Anchor;

    #[test]
    fn a_page_wide_chart_prints_its_pixels_at_three_quarters_of_a_point() {
        // 267 mm at 96 px per inch.
        assert!((PAGE_WIDTH - 1009.13).abs() < 0.01, "{PAGE_WIDTH}");
        let mut s = Scene {
            width: PAGE_WIDTH,
            height: 100.0,
            shapes: vec![],
        };
        s.text(0.0, 20.0, "审批", 12.0, Anchor::Start);
        s.text(0.0, 40.0, "P50", 11.0, Anchor::Start);
        assert!((smallest_printed_pt(&s) - 8.25).abs() < 1e-9);
        // The same chart twice as wide is shrunk to half on the page.
        s.width *= 2.0;
        assert!((smallest_printed_pt(&s) - 4.125).abs() < 1e-9);
    }

    #[test]
    fn a_long_title_shrinks_then_is_cut_for_print_only() {
        let short = "Hezhou — joint: 36.5 working days";
        assert_eq!(title(Layout::Print, 12.0, short), (16.0, short.to_owned()));
        let long = "审".repeat(65);
        let (size, text) = title(Layout::Print, 12.0, &long);
        assert!((12.0..16.0).contains(&size) && text == long, "{size}");
        assert!(room_for(12.0, &text, size, true) <= PAGE_WIDTH);
        let longer = "审".repeat(100);
        let (size, text) = title(Layout::Print, 12.0, &longer);
        assert_eq!(size, 12.0);
        assert!(text.ends_with('…') && room_for(12.0, &text, size, true) <= PAGE_WIDTH);
        assert_eq!(title(Layout::Screen, 12.0, &longer), (16.0, longer));
    }
}
