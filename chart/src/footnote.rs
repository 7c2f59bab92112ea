//! A footnote under a chart: a note the reader must see with the figures (the calendar
//! warning), wrapped to the chart's width and added below it, so the chart above is untouched.

use crate::layout::wrap;
use crate::scene::{Anchor, CRITICAL_EDGE, MUTED, Scene};

/// The footnote's font size in pixels.
const SIZE: f64 = 11.0;
/// Line height.
const LINE: f64 = 15.0;
/// Left and right margin, and the space above the first line.
const MARGIN: f64 = 12.0;
/// At most this many lines; a longer note ends in an ellipsis.
const MAX_LINES: usize = 6;

/// `scene` with `note` below it in small dark-red text (class `footnote`), wrapped to the
/// scene's width; the canvas grows by the lines' height. For a note the reader must heed.
pub fn with_footnote(scene: Scene, note: &str) -> Scene {
    below(scene, note, CRITICAL_EDGE)
}

/// [`with_footnote`] in the muted grey of subtitles: a fact about the figures (the project
/// attribute values they are for), not a warning.
pub fn with_plain_footnote(scene: Scene, note: &str) -> Scene {
    below(scene, note, MUTED)
}

fn below(mut scene: Scene, note: &str, color: crate::scene::Color) -> Scene {
    let width = (scene.width - 2.0 * MARGIN).max(200.0);
    scene.width = scene.width.max(width + 2.0 * MARGIN);
    let top = scene.height + MARGIN;
    let lines = wrap(note, SIZE, width, MAX_LINES);
    for (i, line) in lines.iter().enumerate() {
        scene.styled_text(
            MARGIN,
            top + SIZE + LINE * i as f64,
            line.clone(),
            SIZE,
            Anchor::Start,
            false,
            color,
            "footnote",
        );
    }
    scene.height = top + LINE * lines.len() as f64 + MARGIN / 2.0;
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::outside;
    use crate::scene::Shape;

    #[test]
    fn the_note_sits_below_the_chart_inside_the_canvas() {
        let mut chart = Scene {
            width: 400.0,
            height: 300.0,
            shapes: Vec::new(),
        };
        chart.rect(0.0, 0.0, 400.0, 300.0, "#ffffff", "background");
        let note = "warning: the cn calendar's holidays in 2027 are provisional: the statutory days only, without the bridging days and make-up working days the State Council's notice will add.";
        let s = with_footnote(chart, note);
        let texts: Vec<(f64, &str)> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Text { y, text, class, .. } if *class == "footnote" => {
                    Some((*y, text.as_str()))
                }
                _ => None,
            })
            .collect();
        // 376 px of text at 11 px: the note takes three lines, every word kept, all below 300.
        assert!(texts.len() >= 2, "{texts:?}");
        assert!(texts.iter().all(|(y, _)| *y > 300.0));
        let joined = texts.iter().map(|t| t.1).collect::<Vec<_>>().join(" ");
        assert!(joined.contains("2027 are provisional"), "{joined}");
        assert!(joined.ends_with("will add."), "{joined}");
        assert_eq!(s.width, 400.0);
        assert!(s.height >= texts.last().unwrap().0 + 3.0);
        assert!(outside(&s, 0.5).is_empty(), "the note fits the canvas");
    }

    /// A warning in dark red, a plain fact (the attribute values) in the subtitles' grey.
    #[test]
    fn a_plain_note_is_grey_a_warning_red() {
        let colour = |s: &Scene| {
            s.shapes.iter().find_map(|sh| match sh {
                Shape::Text { class, fill, .. } if *class == "footnote" => Some(*fill),
                _ => None,
            })
        };
        let empty = || Scene {
            width: 400.0,
            height: 100.0,
            shapes: Vec::new(),
        };
        assert_eq!(
            colour(&with_footnote(empty(), "warning")),
            Some(CRITICAL_EDGE)
        );
        assert_eq!(
            colour(&with_plain_footnote(empty(), "Project attributes: a = 1")),
            Some(MUTED)
        );
    }
}
