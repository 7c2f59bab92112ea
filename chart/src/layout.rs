//! Where text goes: the box a label covers, wrapping long names onto a bounded number of lines,
//! and the label-placement pass that moves colliding labels apart (with a leader line back to
//! the point they label), so no two labels of a chart overlap.

use crate::scene::{Anchor, Color, Scene, Shape, is_wide, text_width};

/// The box a text covers, in pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge (ascenders).
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge (descenders).
    pub y1: f64,
}

impl TextBox {
    /// Whether the two boxes overlap by more than `tolerance` pixels both ways.
    pub fn intersects(&self, o: &TextBox, tolerance: f64) -> bool {
        self.x0 + tolerance < o.x1
            && o.x0 + tolerance < self.x1
            && self.y0 + tolerance < o.y1
            && o.y0 + tolerance < self.y1
    }
}

/// The box of a text drawn with its baseline at `y`: from 0.8 em above the baseline to 0.2 em
/// below, as wide as [`text_width`] (bold a twentieth wider).
pub fn text_box(x: f64, y: f64, text: &str, size: f64, anchor: Anchor, bold: bool) -> TextBox {
    let w = text_width(text, size) * if bold { 1.05 } else { 1.0 };
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    TextBox {
        x0,
        y0: y - 0.8 * size,
        x1: x0 + w,
        y1: y + 0.2 * size,
    }
}

/// The box of a shape when it is a non-empty text.
pub fn shape_box(shape: &Shape) -> Option<TextBox> {
    match shape {
        Shape::Text {
            x,
            y,
            text,
            size,
            anchor,
            bold,
            ..
        } if !text.trim().is_empty() => Some(text_box(*x, *y, text, *size, *anchor, *bold)),
        _ => None,
    }
}

/// Pairs of indices into `scene.shapes` of texts whose boxes overlap by more than `tolerance`
/// pixels, by a sweep down the page (so a chart of thousands of labels stays quick).
pub fn overlaps(scene: &Scene, tolerance: f64) -> Vec<(usize, usize)> {
    let mut boxes: Vec<(usize, TextBox)> = scene
        .shapes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, shape_box(s)?)))
        .collect();
    boxes.sort_by(|a, b| a.1.y0.total_cmp(&b.1.y0));
    let mut out = Vec::new();
    for (k, (i, a)) in boxes.iter().enumerate() {
        for (j, b) in &boxes[k + 1..] {
            if b.y0 + tolerance >= a.y1 {
                break;
            }
            if a.intersects(b, tolerance) {
                out.push(((*i).min(*j), (*i).max(*j)));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Indices of texts that run past the canvas (by more than `tolerance` pixels): cut off in
/// the picture.
pub fn outside(scene: &Scene, tolerance: f64) -> Vec<usize> {
    scene
        .shapes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, shape_box(s)?)))
        .filter(|(_, b)| {
            b.x0 < -tolerance
                || b.y0 < -tolerance
                || b.x1 > scene.width + tolerance
                || b.y1 > scene.height + tolerance
        })
        .map(|(i, _)| i)
        .collect()
}

/// Width a canvas needs for a line of text starting at `x`, with a margin of `x` on the right.
pub fn room_for(x: f64, text: &str, size: f64, bold: bool) -> f64 {
    let b = text_box(x, 0.0, text, size, Anchor::Start, bold);
    b.x1 + x
}

/// `text` broken into at most `max_lines` lines of at most `width` pixels at `size`: at spaces
/// where it can (or after `-`, `/`, `_`), between Chinese characters otherwise; the last line ends in an ellipsis only
/// when the text needs more lines than that.
pub fn wrap(text: &str, size: f64, width: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    // Pieces that may not be broken: a Latin word with the space before it, or one wide char.
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        let glue = !is_wide(c)
            && c != ' '
            && pieces
                .last()
                .and_then(|p| p.chars().last())
                .is_some_and(|l| !is_wide(l) && l != '/' && l != '-' && l != '_');
        match pieces.last_mut() {
            Some(p) if glue => p.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    // A space joins the word after it, so lines break before words, not after.
    let mut merged: Vec<String> = Vec::new();
    for p in pieces {
        match merged.last_mut() {
            Some(last) if last == " " => last.push_str(&p),
            _ => merged.push(p),
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    for p in merged {
        let cur = lines.last_mut().expect("one line");
        let candidate = format!("{cur}{p}");
        if cur.is_empty() || text_width(&candidate, size) <= width {
            *cur = candidate;
            continue;
        }
        lines.push(p.trim_start().to_owned());
    }
    // A single piece wider than the line (a long word): cut it.
    for l in &mut lines {
        if text_width(l, size) > width {
            *l = crate::scene::fit(l, size, width);
        }
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(crate::scene::fit(&format!("{rest} …"), size, width));
        let last = lines.last_mut().expect("a line");
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    lines
}

/// Leader lines from a moved label back to where it belonged.
pub const LEADER: Color = "#9aa5b1";

/// Moves the texts of `movable` classes that collide with any other text: each in turn is
/// tried at its place, then `step` pixels further down, up, down… (at most `tries` each way,
/// kept inside the canvas) until its box is free, and a thin leader line is drawn from its new
/// place to the old. A label that finds no free place is dropped (its value is in hover text or
/// the legend). Texts of other classes stay where they are.
pub fn place_labels(scene: &mut Scene, movable: &[&str], step: f64, tries: usize) {
    let is_movable = |s: &Shape| matches!(s, Shape::Text { class, .. } if movable.contains(class));
    let mut placed: Vec<TextBox> = scene
        .shapes
        .iter()
        .filter(|s| !is_movable(s))
        .filter_map(shape_box)
        .collect();
    let mut leaders = Vec::new();
    let mut drop = Vec::new();
    for (i, shape) in scene.shapes.iter_mut().enumerate() {
        if !is_movable(shape) {
            continue;
        }
        let Some(b) = shape_box(shape) else { continue };
        let Shape::Text { y, .. } = shape else {
            continue;
        };
        let free = |dy: f64| {
            let m = TextBox {
                y0: b.y0 + dy,
                y1: b.y1 + dy,
                ..b
            };
            m.y0 >= 0.0 && !placed.iter().any(|p| p.intersects(&m, -2.0))
        };
        let offsets = (0..=tries).flat_map(|k| {
            let d = k as f64 * step;
            if k == 0 { vec![0.0] } else { vec![d, -d] }
        });
        let Some(dy) = offsets.into_iter().find(|d| free(*d)) else {
            drop.push(i);
            continue;
        };
        placed.push(TextBox {
            y0: b.y0 + dy,
            y1: b.y1 + dy,
            ..b
        });
        if dy != 0.0 {
            *y += dy;
            let mid = (b.y0 + b.y1) / 2.0;
            leaders.push((b.x0 - 2.0, mid, mid + dy));
        }
    }
    for i in drop.into_iter().rev() {
        scene.shapes.remove(i);
    }
    for (x, from, to) in leaders {
        scene.line(x, from, x, to, LEADER, 0.7);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_bounds_the_lines() {
        let w = wrap(
            "施工图审查 Construction-drawing review and fire design",
            10.0,
            130.0,
            2,
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0], "施工图审查 Construction-");
        assert!(w[1].ends_with('…'), "{w:?}");
        assert_eq!(wrap("short", 10.0, 100.0, 2), ["short"]);
        assert_eq!(
            wrap("land use planning permit", 10.0, 90.0, 3),
            ["land use planning", "permit"]
        );
        for l in wrap(&"审".repeat(40), 10.0, 100.0, 2) {
            assert!(text_width(&l, 10.0) <= 100.0, "{l}");
        }
    }

    #[test]
    fn colliding_labels_are_stacked_with_a_leader() {
        let mut s = Scene {
            width: 200.0,
            height: 200.0,
            shapes: vec![],
        };
        s.styled_text(
            50.0,
            50.0,
            "P50 33.38",
            9.0,
            Anchor::Start,
            false,
            "#000",
            "pct",
        );
        s.styled_text(
            52.0,
            50.0,
            "P80 39.05",
            9.0,
            Anchor::Start,
            false,
            "#000",
            "pct",
        );
        assert_eq!(overlaps(&s, 0.5).len(), 1);
        place_labels(&mut s, &["pct"], 11.0, 4);
        assert!(overlaps(&s, 0.5).is_empty());
        let leaders = s
            .shapes
            .iter()
            .filter(|x| matches!(x, Shape::Line { stroke, .. } if *stroke == LEADER))
            .count();
        assert_eq!(leaders, 1);
    }
}
