//! Draws one frame of the Schedule tab's chart: the rows in view (stage headers, names,
//! departments, variances, baseline and current bars), the dependency arrows between them, and
//! over them the axis header (dates and working days) that stays at the top.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Galley, Painter, Rect, Stroke, StrokeKind, Ui, pos2, vec2};
use permitflow_i18n::tr;
use permitflow_model::{ActivityKind, DayUnit, WorkingDays};

use super::baseline::signed;
use super::chart::Frame;
use super::rows::{self, Row};
use crate::widgets::{CRITICAL, GREEN, RED};

/// An item's bar on the approval clock.
const BAR: Color32 = Color32::from_rgb(0x4e, 0x79, 0xa7);
/// An item off the approval clock (the applicant's work, a utility's service, …).
const BAR_OFF_CLOCK: Color32 = Color32::from_rgb(0x8f, 0xaa, 0xc8);
/// An item whose limit counts calendar days.
const BAR_CALENDAR: Color32 = Color32::from_rgb(0x3f, 0x9a, 0x8c);
/// A baseline bar.
const BASELINE: Color32 = Color32::from_rgb(0x9a, 0x9a, 0x9a);
/// A dependency arrow.
const ARROW: Color32 = Color32::from_rgb(0x6b, 0x6b, 0x6b);

/// Draws the chart of `f`.
pub(super) fn draw(ui: &Ui, f: &Frame<'_>) {
    let painter = ui.painter_at(f.rect);
    let v = ui.visuals();
    let text = v.text_color();
    let weak = v.weak_text_color();
    let font = FontId::proportional(f.font);
    let small = FontId::proportional((f.font * 0.85).round());
    painter.rect_filled(f.rect, 0.0, v.extreme_bg_color);
    // Vertical grid at the ticks, under the rows.
    // Ticks as far apart as a date is wide.
    let sample = permitflow_i18n::date_short(f.s.start);
    let gap = painter.layout_no_wrap(sample, small.clone(), text).size().x + 14.0;
    let step = f.axis.tick_step(gap);
    let ticks = f.axis.ticks(f.rect.right() - f.time_left(), step);
    let time = painter.with_clip_rect(f.time_body().intersect(f.rect));
    for &d in &ticks {
        let x = f.axis.x_of(d);
        time.vline(
            x,
            f.body.y_range(),
            Stroke::new(
                1.0,
                v.widgets.noninteractive.bg_stroke.color.gamma_multiply(0.5),
            ),
        );
    }
    let body = painter.with_clip_rect(f.body.intersect(f.rect));
    for r in f.visible.clone() {
        let y = f.row_y(r);
        let row = Rect::from_min_size(pos2(f.rect.left(), y), vec2(f.rect.width(), f.row_h));
        match f.rows[r] {
            Row::Stage(k) => stage_row(
                &body,
                &time,
                f,
                k,
                row,
                &font,
                &small,
                text,
                weak,
                v.faint_bg_color,
            ),
            Row::Activity(i) => {
                let selected = f.selected.as_deref() == Some(f.o.network.activities[i].id.as_str());
                if selected {
                    body.rect_filled(row, 0.0, v.selection.bg_fill.gamma_multiply(0.45));
                }
                activity_row(&body, &time, f, i, row, &font, &small, text, weak);
            }
        }
    }
    arrows(&time, f);
    header(
        &painter,
        f,
        &ticks,
        &font,
        &small,
        text,
        weak,
        v.window_fill,
    );
    // The columns' edges: the time axis' the whole height; the others in the header and
    // across the item rows (a stage's name runs across the columns).
    let edge = Stroke::new(1.0, v.widgets.noninteractive.bg_stroke.color);
    painter.vline(f.time_left(), f.rect.y_range(), edge);
    let inner = [
        f.rect.left() + f.name_w,
        f.rect.left() + f.name_w + f.dept_w,
    ];
    for x in inner {
        painter.vline(x, f.rect.top()..=f.body.top(), edge);
    }
    for r in f.visible.clone() {
        if let Row::Activity(_) = f.rows[r] {
            let y = f.row_y(r).max(f.body.top());
            let y2 = (f.row_y(r) + f.row_h).min(f.rect.bottom());
            for x in inner {
                painter.vline(x, y..=y2, edge);
            }
        }
    }
}

/// A text cut to `width` with an ellipsis.
fn clipped(p: &Painter, text: &str, font: &FontId, color: Color32, width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), color);
    job.wrap = TextWrapping::truncate_at_width(width.max(1.0));
    p.layout_job(job)
}

#[allow(clippy::too_many_arguments)]
fn stage_row(
    body: &Painter,
    time: &Painter,
    f: &Frame<'_>,
    k: usize,
    row: Rect,
    font: &FontId,
    small: &FontId,
    text: Color32,
    weak: Color32,
    band: Color32,
) {
    body.rect_filled(row, 0.0, band);
    let stage = &f.o.network.stages[k];
    let g = clipped(
        body,
        &stage.name,
        font,
        text,
        f.name_w + f.dept_w + f.var_w - 12.0,
    );
    body.galley(
        pos2(row.left() + 4.0, row.center().y - g.size().y / 2.0),
        g,
        text,
    );
    if let Some(span) = f.o.stages.iter().find(|sp| sp.name == stage.name) {
        // A bracket over the stage's span, its elapsed working days after it.
        let (x1, x2) = (
            f.axis.x_of(span.start.get()),
            f.axis.x_of(span.finish.get()),
        );
        let y = row.center().y;
        let s = Stroke::new(3.0, text.gamma_multiply(0.8));
        time.line_segment([pos2(x1, y), pos2(x2, y)], s);
        for x in [x1, x2] {
            time.vline(
                x,
                (y - 4.0)..=(y + 4.0),
                Stroke::new(2.0, text.gamma_multiply(0.8)),
            );
        }
        time.text(
            pos2(x2 + 6.0, y),
            Align2::LEFT_CENTER,
            tr!("gui-gantt-wd", days = span.working_days.to_string()),
            small.clone(),
            weak,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn activity_row(
    body: &Painter,
    time: &Painter,
    f: &Frame<'_>,
    i: usize,
    row: Rect,
    font: &FontId,
    small: &FontId,
    text: Color32,
    weak: Color32,
) {
    let a = &f.o.network.activities[i];
    let critical = f.o.schedule.critical[i];
    let cy = row.center().y;
    let name_color = if critical { CRITICAL } else { text };
    let g = clipped(body, &a.name, font, name_color, f.name_w - 22.0);
    body.galley(
        pos2(row.left() + 16.0, cy - g.size().y / 2.0),
        g,
        name_color,
    );
    let dept = rows::departments(f.s, a);
    let left = row.left() + f.name_w;
    let g = clipped(body, &dept, small, weak, f.dept_w - 10.0);
    body.galley(pos2(left + 5.0, cy - g.size().y / 2.0), g, weak);
    let (x1, x2) = f.bar_x(i);
    let bar_h = f.row_h * 0.5;
    let top = row.top() + f.row_h * 0.14;
    if let Some(b) = f.baseline {
        let finish = f.span(i).1;
        let var_left = left + f.dept_w;
        if let Some(d) = b.variance(f.regime, &a.id, finish) {
            let color = if d > 0.25 {
                RED
            } else if d < -0.25 {
                GREEN
            } else {
                weak
            };
            body.text(
                pos2(var_left + f.var_w - 8.0, cy),
                Align2::RIGHT_CENTER,
                format!("{} {}", signed(d), tr!("gui-unit-wd")),
                font.clone(),
                color,
            );
        }
        if let Some((bs, bf)) = b.bar(f.regime, &a.id) {
            let (bx1, bx2) = (f.axis.x_of(bs), f.axis.x_of(bf));
            let r = Rect::from_min_max(
                pos2(bx1, top + bar_h + 2.0),
                pos2(bx2.max(bx1 + 2.0), top + bar_h + 2.0 + f.row_h * 0.16),
            );
            time.rect_filled(r, 1.0, BASELINE);
        }
    }
    let fill = if critical {
        CRITICAL
    } else if a.unit == DayUnit::Calendar {
        BAR_CALENDAR
    } else if !a.clock.is_official() {
        BAR_OFF_CLOCK
    } else {
        BAR
    };
    let bar = Rect::from_min_max(pos2(x1, top), pos2(x2, top + bar_h));
    time.rect_filled(bar, 2.0, fill);
    if a.kind == ActivityKind::Joint {
        // A joint event: one bar for its members, outlined.
        time.rect_stroke(bar, 2.0, Stroke::new(1.5, text), StrokeKind::Outside);
    }
    if f.selected.as_deref() == Some(a.id.as_str()) {
        time.rect_stroke(
            bar.expand(2.0),
            3.0,
            Stroke::new(2.0, text),
            StrokeKind::Outside,
        );
    }
    let label = match &f.dragged {
        Some((id, days)) if *id == a.id => tr!(
            "gui-gantt-dragging",
            days = WorkingDays::new(*days).to_string(),
            old = a.days.to_string()
        ),
        _ => limit_text(a),
    };
    time.text(
        pos2(x2 + 6.0, top + bar_h / 2.0),
        Align2::LEFT_CENTER,
        label,
        small.clone(),
        weak,
    );
}

/// An activity's limit with its unit: `20 wd`, `10 cd`.
pub(super) fn limit_text(a: &permitflow_model::Activity) -> String {
    match a.unit {
        DayUnit::Calendar => tr!("gui-gantt-cd", days = a.days.to_string()),
        DayUnit::Working => tr!("gui-gantt-wd", days = a.days.to_string()),
    }
}

/// The dependency arrows written in the scenario, from the end a link ties to the end it
/// reaches, for the links with a row in view at either end (or passing through the view).
fn arrows(p: &Painter, f: &Frame<'_>) {
    let net = &f.o.network;
    let (lo, hi) = (f.visible.start, f.visible.end);
    let stroke = Stroke::new(1.2, ARROW);
    let mid = f.row_h * 0.39;
    for c in net.constraints.iter().filter(|c| rows::is_drawn(c)) {
        let (Some(ra), Some(rb)) = (f.row_of[c.from], f.row_of[c.to]) else {
            continue;
        };
        if (ra < lo && rb < lo) || (ra >= hi && rb >= hi) {
            continue;
        }
        let (from_finish, to_start) = rows::ends(c.kind);
        let (a1, a2) = f.bar_x(c.from);
        let (b1, b2) = f.bar_x(c.to);
        let xa = if from_finish { a2 } else { a1 };
        let xb = if to_start { b1 } else { b2 };
        let ya = f.row_y(ra) + mid;
        let yb = f.row_y(rb) + mid;
        // Out of the first bar's end, along its row a little, down (or up) to the other's row,
        // then along to the end it reaches.
        let out = if from_finish { xa + 5.0 } else { xa - 5.0 };
        let into = if to_start { xb - 5.0 } else { xb + 5.0 };
        let turn = if to_start {
            out.min(into)
        } else {
            out.max(into)
        };
        let pts = vec![pos2(xa, ya), pos2(turn, ya), pos2(turn, yb), pos2(xb, yb)];
        p.add(egui::Shape::line(pts, stroke));
        let dir = if to_start { 1.0 } else { -1.0 };
        let tip = pos2(xb, yb);
        p.add(egui::Shape::convex_polygon(
            vec![
                tip,
                pos2(xb - dir * 5.0, yb - 3.5),
                pos2(xb - dir * 5.0, yb + 3.5),
            ],
            ARROW,
            Stroke::NONE,
        ));
    }
}

/// The header that stays at the top: the columns' headings and the time axis, dates above
/// working days.
#[allow(clippy::too_many_arguments)]
fn header(
    p: &Painter,
    f: &Frame<'_>,
    ticks: &[f64],
    font: &FontId,
    small: &FontId,
    text: Color32,
    weak: Color32,
    fill: Color32,
) {
    let h = Rect::from_min_max(f.rect.min, pos2(f.rect.right(), f.body.top()));
    p.rect_filled(h, 0.0, fill);
    p.hline(h.x_range(), h.bottom(), Stroke::new(1.0, weak));
    let cy = h.center().y;
    let heads = [
        (f.rect.left(), f.name_w, tr!("gui-gantt-col-item")),
        (
            f.rect.left() + f.name_w,
            f.dept_w,
            tr!("gui-gantt-col-department"),
        ),
    ];
    for (x, w, t) in heads {
        let g = clipped(p, &t, font, text, w - 10.0);
        p.galley(pos2(x + 5.0, cy - g.size().y / 2.0), g, text);
    }
    if f.var_w > 0.0 {
        let x = f.rect.left() + f.name_w + f.dept_w;
        let g = clipped(
            p,
            &tr!("gui-gantt-col-variance"),
            small,
            text,
            f.var_w - 8.0,
        );
        p.galley(pos2(x + 4.0, cy - g.size().y / 2.0), g, text);
    }
    let axis = p.with_clip_rect(Rect::from_min_max(pos2(f.time_left(), h.top()), h.max));
    let start = f.s.start;
    for &d in ticks {
        let x = f.axis.x_of(d);
        let date = f.cal.start_date(start, WorkingDays::new(d));
        axis.vline(x, (h.bottom() - 6.0)..=h.bottom(), Stroke::new(1.0, weak));
        axis.text(
            pos2(x + 3.0, h.top() + f.row_h * 0.5),
            Align2::LEFT_CENTER,
            permitflow_i18n::date_short(date),
            small.clone(),
            text,
        );
        axis.text(
            pos2(x + 3.0, h.top() + f.row_h * 1.45),
            Align2::LEFT_CENTER,
            tr!("gui-gantt-wd", days = WorkingDays::new(d).to_string()),
            small.clone(),
            weak,
        );
    }
    // The schedule's end.
    let end = f.axis.x_of(f.o.working_days().get());
    axis.vline(
        end,
        h.y_range(),
        Stroke::new(1.5, CRITICAL.gamma_multiply(0.7)),
    );
}

/// What the bars' colours mean, on one wrapping line.
pub(super) fn legend(ui: &mut Ui, baseline: bool) {
    let h = ui.text_style_height(&egui::TextStyle::Small);
    let mut entries = vec![
        (CRITICAL, false, tr!("gui-gantt-legend-critical")),
        (BAR, false, tr!("gui-gantt-legend-approval")),
        (BAR_OFF_CLOCK, false, tr!("gui-gantt-legend-off-clock")),
        (BAR_CALENDAR, false, tr!("gui-gantt-legend-calendar")),
        (BAR, true, tr!("gui-gantt-legend-joint")),
    ];
    if baseline {
        entries.push((BASELINE, false, tr!("gui-gantt-legend-baseline")));
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (color, outlined, label) in entries {
            let (r, _) = ui.allocate_exact_size(vec2(h * 1.6, h * 0.8), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, color);
            if outlined {
                let s = Stroke::new(1.5, ui.visuals().text_color());
                ui.painter().rect_stroke(r, 2.0, s, StrokeKind::Outside);
            }
            ui.label(egui::RichText::new(label).small());
            ui.add_space(8.0);
        }
    });
}
