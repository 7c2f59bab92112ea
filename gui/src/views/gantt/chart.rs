//! The chart area of the Schedule tab: its geometry for this frame, the wheel, zoom and drags
//! that move it, the bar-end handles that change a limit, the column resizers, the click that
//! selects and the hover tooltip. Drawing is `paint`'s.

use std::ops::Range;

use egui::{CursorIcon, Pos2, Rect, Response, Role, Sense, Ui, Vec2, WidgetInfo, pos2, vec2};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

use super::baseline::Baseline;
use super::geometry::{self, Axis};
use super::rows::{self, Row};
use super::{Drag, Gantt, details, limit};
use crate::command::Command;
use crate::views::Ctx;

/// Everything one frame of the chart is drawn from.
pub(super) struct Frame<'a> {
    pub s: &'a Scenario,
    pub o: &'a Outcome,
    pub cal: &'a Calendar,
    pub regime: &'a str,
    /// The whole chart area.
    pub rect: Rect,
    /// Below the axis header: where the rows scroll.
    pub body: Rect,
    pub row_h: f32,
    pub font: f32,
    pub name_w: f32,
    pub dept_w: f32,
    pub var_w: f32,
    pub axis: Axis,
    pub scroll: f32,
    pub rows: Vec<Row>,
    pub row_of: Vec<Option<usize>>,
    pub visible: Range<usize>,
    pub baseline: Option<&'a Baseline>,
    pub selected: Option<String>,
    /// The activity whose end is dragged and its limit where the pointer is.
    pub dragged: Option<(String, f64)>,
}

impl Frame<'_> {
    /// The top of row `r`.
    pub fn row_y(&self, r: usize) -> f32 {
        self.body.top() + r as f32 * self.row_h - self.scroll
    }

    /// Where the time axis starts (right of the name, department and variance columns).
    pub fn time_left(&self) -> f32 {
        self.axis.left
    }

    /// The rows' part right of the columns, where bars are drawn.
    pub fn time_body(&self) -> Rect {
        Rect::from_min_max(pos2(self.time_left(), self.body.top()), self.body.max)
    }

    /// An activity's bar from its start to its finish (its dragged finish while its end is
    /// dragged), in working days.
    pub fn span(&self, i: usize) -> (f64, f64) {
        let sch = &self.o.schedule;
        let start = sch.start[i].get();
        let finish = match &self.dragged {
            Some((id, days)) if *id == self.o.network.activities[i].id => start + days,
            _ => sch.finish[i].get(),
        };
        (start, finish)
    }

    /// An activity's bar's x extent (at least 2 points wide).
    pub fn bar_x(&self, i: usize) -> (f32, f32) {
        let (s, f) = self.span(i);
        let x1 = self.axis.x_of(s);
        (x1, self.axis.x_of(f).max(x1 + 2.0))
    }

    /// The row under a point of the body.
    pub fn row_at(&self, p: Pos2) -> Option<usize> {
        if !self.body.contains(p) {
            return None;
        }
        let r = ((p.y - self.body.top() + self.scroll) / self.row_h).floor();
        (r >= 0.0 && (r as usize) < self.rows.len()).then_some(r as usize)
    }
}

/// The least width of the name and department columns, in points at 100 % zoom.
const MIN_NAME: f32 = 90.0;
const MIN_DEPT: f32 = 50.0;
/// The least width left for the time axis.
const MIN_TIME: f32 = 160.0;

/// Lays out, handles and draws the chart in `rect` (`bg`: its click-and-drag response).
pub(super) fn show(
    g: &mut Gantt,
    ui: &mut Ui,
    cx: &mut Ctx<'_>,
    o: &Outcome,
    rect: Rect,
    bg: Response,
) {
    let font = ui.text_style_height(&egui::TextStyle::Body);
    let scale = font / 14.0;
    let row_h = (font * 1.6).round();
    let header_h = row_h * 2.0;
    let var_w = if g.baseline.is_some() {
        // "+10.5 工作日": each variance says its unit.
        96.0 * scale
    } else {
        0.0
    };
    // The columns narrow before the time axis does; each keeps a least width.
    // In a narrow window the names take at most 30 % of the width and the departments 20 %,
    // so the time axis keeps half; the planner's widths come back when it widens.
    let w = rect.width();
    let room = (w - var_w - MIN_TIME).max(MIN_NAME + MIN_DEPT);
    let name_w = g
        .name_w
        .min(w * 0.3)
        .clamp(MIN_NAME, (room - MIN_DEPT).max(MIN_NAME));
    let dept_w = g
        .dept_w
        .min(w * 0.2)
        .clamp(MIN_DEPT, (room - name_w).max(MIN_DEPT));
    let time_left = rect.left() + name_w + dept_w + var_w;
    let time_w = (rect.right() - time_left - 8.0).max(20.0);
    let body = Rect::from_min_max(pos2(rect.left(), rect.top() + header_h), rect.max);
    let makespan = o.working_days().get();
    let mut axis = Axis {
        left: time_left,
        px_per_day: g.px_per_day,
        first_day: g.first_day,
    };
    // Fitted until the planner zooms or pans: the schedule keeps the chart's width as the
    // window is resized (not as an edit lengthens it: the bars move, the scale stays).
    if g.fitted && (g.fit_width.is_nan() || (g.fit_width - time_w).abs() > 1.0) {
        axis.fit(makespan, time_w - 60.0 * scale);
        g.fit_width = time_w;
    }
    let (rows, row_of) = rows::rows(o);

    // The wheel over the chart: Ctrl zooms about the pointer, Shift (or a sideways wheel) pans
    // the time axis, the wheel scrolls the rows.
    if let Some(p) = ui.ctx().pointer_hover_pos().filter(|p| rect.contains(*p)) {
        let (zoom, delta) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        if zoom != 1.0 {
            axis.zoom_about(p.x.max(time_left), zoom);
            g.fitted = false;
        }
        if delta != Vec2::ZERO {
            g.fitted &= delta.x == 0.0;
            axis.pan(delta.x);
            g.scroll -= delta.y;
            ui.input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
        }
    }
    if bg.dragged() {
        let d = bg.drag_delta();
        g.fitted &= d.x == 0.0;
        axis.pan(d.x);
        g.scroll -= d.y;
    }
    g.scroll = g
        .scroll
        .clamp(0.0, geometry::max_scroll(row_h, body.height(), rows.len()));
    axis.clamp_pan(makespan, time_w);
    g.px_per_day = axis.px_per_day;
    g.first_day = axis.first_day;
    let visible = geometry::visible_rows(g.scroll, row_h, body.height(), rows.len());

    let drag = g.drag.clone();
    let doc = cx.doc;
    let mut frame = Frame {
        s: &doc.valid,
        o,
        cal: &doc.calendar,
        regime: &g.regime,
        rect,
        body,
        row_h,
        font,
        name_w,
        dept_w,
        var_w,
        axis,
        scroll: g.scroll,
        rows,
        row_of,
        visible,
        baseline: g.baseline.as_ref(),
        selected: g.selected.clone(),
        dragged: drag.as_ref().map(|d| (d.activity.clone(), d.days)),
    };

    // Bar ends of the rows in view, on top of the background so they take the pointer.
    let mut hovered: Option<usize> = None;
    let mut new_drag = drag.clone();
    let mut commands = Vec::new();
    for r in frame.visible.clone() {
        let Row::Activity(i) = frame.rows[r] else {
            continue;
        };
        let a = &o.network.activities[i];
        let (_, x2) = frame.bar_x(i);
        let y = frame.row_y(r);
        // The variance cell, for screen readers (and tests): "Finish Δ of permit: +3 wd".
        if let Some(b) = frame.baseline
            && let Some(d) = b.variance(frame.regime, &a.id, frame.span(i).1)
        {
            let x = rect.left() + frame.name_w + frame.dept_w;
            let cell = Rect::from_min_size(pos2(x, y), vec2(var_w, row_h));
            let c = ui.interact(
                cell,
                ui.scope_id().with(("gantt-var", &a.id)),
                Sense::hover(),
            );
            let text = tr!(
                "gui-gantt-variance-of",
                id = a.id.as_str(),
                variance = super::baseline::signed(d)
            );
            c.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
        }
        if x2 < frame.time_left() || x2 > rect.right() {
            continue;
        }
        let handle =
            Rect::from_center_size(pos2(x2, y + row_h * 0.4), vec2(10.0 * scale, row_h * 0.6));
        let h = ui.interact(
            handle,
            ui.scope_id().with(("gantt-end", &a.id)),
            Sense::drag(),
        );
        let label = tr!("gui-gantt-end-of", id = a.id.as_str());
        h.widget_info(|| WidgetInfo::labeled(Role::Splitter, true, &label));
        if h.hovered() || h.dragged() {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
            hovered = Some(i);
        }
        if h.drag_started() {
            match limit::limit_edit(frame.s, frame.regime, a) {
                Ok(target) => {
                    let press = ui.input(|i| i.pointer.press_origin()).map_or(x2, |p| p.x);
                    new_drag = Some(Drag {
                        activity: a.id.clone(),
                        target,
                        old: a.days.get(),
                        days: a.days.get(),
                        press_x: press,
                    });
                    g.selected = Some(a.id.clone());
                }
                Err(why) => {
                    new_drag = None;
                    commands.push(Command::Status(why));
                }
            }
        }
        if let Some(d) = new_drag.as_mut().filter(|d| d.activity == a.id)
            && let Some(p) = h.interact_pointer_pos()
        {
            d.days =
                geometry::dragged_limit(d.old, p.x - d.press_x, axis.px_per_day, d.target.lowest);
        }
        if h.drag_stopped()
            && let Some(d) = new_drag.take().filter(|d| d.activity == a.id)
            && d.days != d.old
        {
            commands.push(Command::Edit(d.target.edit(d.days), false));
            commands.push(Command::EndDrag);
            commands.push(Command::Status(tr!(
                "gui-gantt-limit-changed",
                name = a.name.as_str(),
                old = permitflow_model::WorkingDays::new(d.old).to_string(),
                new = permitflow_model::WorkingDays::new(d.days).to_string()
            )));
        }
    }
    // A drag whose row left the view (or whose schedule changed) ends without an edit.
    if new_drag.is_some() && !ui.input(|i| i.pointer.any_down()) {
        new_drag = None;
    }
    g.drag = new_drag;
    frame.dragged = g.drag.as_ref().map(|d| (d.activity.clone(), d.days));
    frame.selected = g.selected.clone();

    if let Some((k, dx)) = resizers(ui, name_w, dept_w, rect, header_h, scale) {
        if k == 0 {
            g.name_w = name_w + dx;
        } else {
            g.dept_w = dept_w + dx;
        }
    }

    // A click selects the item of the row (again: unselects); on empty rows, nothing.
    if bg.clicked()
        && let Some(p) = bg.interact_pointer_pos()
    {
        let picked = frame.row_at(p).and_then(|r| match frame.rows[r] {
            Row::Activity(i) => Some(o.network.activities[i].id.clone()),
            Row::Stage(_) => None,
        });
        g.selected = match picked {
            Some(id) if g.selected.as_deref() == Some(id.as_str()) => None,
            other => other,
        };
        frame.selected = g.selected.clone();
    }
    if hovered.is_none()
        && bg.hovered()
        && let Some(p) = bg.hover_pos()
        && let Some(Row::Activity(i)) = frame.row_at(p).map(|r| frame.rows[r])
    {
        let (x1, x2) = frame.bar_x(i);
        let on_bar = p.x >= x1 - 3.0 && p.x <= x2 + 3.0;
        if p.x < frame.time_left() || on_bar {
            hovered = Some(i);
        }
    }

    super::paint::draw(ui, &frame);

    if let Some(i) = hovered {
        let text = details::tooltip(&frame, i);
        crate::painter::title_tooltip(bg, &text);
    }
    for c in commands {
        cx.push(c);
    }
}

/// The handles between the name, department and variance columns' headings: dragged, they
/// narrow or widen the columns. Which was dragged (0: names, 1: departments) and by how much.
fn resizers(
    ui: &mut Ui,
    name_w: f32,
    dept_w: f32,
    rect: Rect,
    header_h: f32,
    scale: f32,
) -> Option<(usize, f32)> {
    let mut moved = None;
    for (k, x) in [rect.left() + name_w, rect.left() + name_w + dept_w]
        .into_iter()
        .enumerate()
    {
        let r = Rect::from_center_size(
            pos2(x, rect.top() + header_h / 2.0),
            vec2(8.0 * scale, header_h),
        );
        let h = ui.interact(r, ui.scope_id().with(("gantt-column", k)), Sense::drag());
        if h.hovered() || h.dragged() {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeColumn);
        }
        if h.dragged() {
            moved = Some((k, h.drag_delta().x));
        }
    }
    moved
}
