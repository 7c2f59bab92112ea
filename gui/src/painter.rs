//! Draws a chart [`Scene`] (the same model the CLI writes as SVG and PNG) with egui's painter,
//! scaled into the available width, and shows the hover title of the bar or milestone under
//! the pointer.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};
use permitflow_chart::{Anchor, Scene, Shape};

/// `#rrggbb` or `#rrggbbaa`; unreadable colours draw grey rather than fail.
pub fn color(css: &str) -> Color32 {
    let hex = css.trim_start_matches('#');
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (hex.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Color32::from_rgb(r, g, b),
        (8, Some(r), Some(g), Some(b)) => {
            Color32::from_rgba_unmultiplied(r, g, b, byte(6).unwrap_or(255))
        }
        _ => Color32::GRAY,
    }
}

/// The scale that fits `scene` into `width` points: from a third (a long plan in a narrow
/// window; the caller's scroll area takes the rest) to twice (a wide screen).
pub fn fit_scale(scene: &Scene, width: f32) -> f32 {
    if scene.width <= 0.0 {
        return 1.0;
    }
    // Down to a third (text below that is unreadable: the area scrolls instead), up to twice
    // on a wide screen, so a fitted chart takes the whole width.
    (width / scene.width as f32).clamp(0.35, 2.0)
}

/// Allocates the scene's size at `scale` and paints it; returns the response and the title of
/// the bar or milestone under the pointer, if any.
pub fn scene(ui: &mut Ui, scene: &Scene, scale: f32) -> (egui::Response, Option<String>) {
    let size = vec2(scene.width as f32 * scale, scene.height as f32 * scale);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return (response, None);
    }
    let painter = ui.painter_at(rect);
    let clip = ui.clip_rect().intersect(rect);
    let o = rect.min;
    let at = |x: f64, y: f64| pos2(o.x + x as f32 * scale, o.y + y as f32 * scale);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let mut hovered: Option<&str> = None;
    let pointer = response.hover_pos();
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                title,
                ..
            } => {
                let r = Rect::from_min_max(at(*x, *y), at(x + w, y + h));
                if !clip.intersects(r.expand(1.0)) {
                    continue;
                }
                painter.rect_filled(r, 0.0, color(fill));
                if let Some((c, width)) = stroke {
                    painter.rect_stroke(
                        r,
                        0.0,
                        Stroke::new(*width as f32 * scale, color(c)),
                        egui::StrokeKind::Inside,
                    );
                }
                if let (Some(p), Some(t)) = (pointer, title)
                    && r.contains(p)
                {
                    hovered = Some(t);
                }
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                anchor,
                bold,
                fill,
                ..
            } => {
                // Scaled with everything else: text enlarged beyond the scale would run into its
                // neighbours (the chart laid it out at its own size). Hover shows the details.
                let px = (*size as f32 * scale).max(3.0);
                // SVG places text by its baseline; egui by the top of the row.
                let top = at(*x, *y) - vec2(0.0, px * 0.92);
                if top.y > clip.max.y || top.y + px * 1.3 < clip.min.y {
                    continue;
                }
                let align = match anchor {
                    Anchor::Start => Align2::LEFT_TOP,
                    Anchor::Middle => Align2::CENTER_TOP,
                    Anchor::End => Align2::RIGHT_TOP,
                };
                let font = FontId::proportional(px);
                let c = color(fill);
                painter.text(top, align, text, font.clone(), c);
                if *bold {
                    painter.text(top + vec2(0.45, 0.0), align, text, font, c);
                }
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dashed,
            } => {
                let (a, b) = (at(*x1, *y1), at(*x2, *y2));
                if !clip.intersects(Rect::from_two_pos(a, b).expand(2.0)) {
                    continue;
                }
                let s = Stroke::new((*width as f32 * scale).max(0.6), color(stroke));
                if *dashed {
                    painter.extend(egui::Shape::dashed_line(
                        &[a, b],
                        s,
                        4.0 * scale,
                        3.0 * scale,
                    ));
                } else {
                    painter.line_segment([a, b], s);
                }
            }
            Shape::Diamond {
                cx,
                cy,
                r,
                fill,
                title,
            } => {
                let c = at(*cx, *cy);
                let rr = *r as f32 * scale;
                if !clip.intersects(Rect::from_center_size(c, Vec2::splat(rr * 2.0))) {
                    continue;
                }
                let pts: Vec<Pos2> = vec![
                    c + vec2(0.0, -rr),
                    c + vec2(rr, 0.0),
                    c + vec2(0.0, rr),
                    c + vec2(-rr, 0.0),
                ];
                painter.add(egui::Shape::convex_polygon(pts, color(fill), Stroke::NONE));
                if let (Some(p), Some(t)) = (pointer, title)
                    && (p - c).abs().max_elem() <= rr
                {
                    hovered = Some(t);
                }
            }
        }
    }
    (response, hovered.map(str::to_owned))
}

/// Shows a shape's title as a tooltip: the first line in bold.
pub fn title_tooltip(response: egui::Response, title: &str) -> egui::Response {
    response.on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(440.0);
        for (k, line) in title.lines().enumerate() {
            if k == 0 {
                ui.strong(line);
            } else {
                ui.label(line);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(color("#d64545"), Color32::from_rgb(0xd6, 0x45, 0x45));
        assert_eq!(color("#4e79a799").a(), 0x99);
        assert_eq!(color("red"), Color32::GRAY);
    }
}
