//! The Schedule tab: an interactive Gantt of one regime, as a planner who uses MS Project
//! expects. Rows grouped by stage, item names with their departments, a working-day axis with
//! dates; zoom (Ctrl+wheel, −/+/Fit), pan (Shift+wheel, dragging empty space) and scroll (wheel)
//! with the axis header and the name columns kept in view; only the rows in view are laid out
//! and painted. Dependency arrows, critical items, hover and click; dragging a bar's right end
//! changes the item's limit in half-day steps and pushes one edit on release. A baseline pins
//! every regime's schedule and draws it under the current bars with the finish variance.
//!
//! `geometry` is the pure day ↔ x mapping and row clipping, `rows` the row list, `limit` which
//! edit a drag makes, `baseline` the pinned schedules, `paint` the drawing, `details` the
//! selected item's strip.

pub mod baseline;
mod chart;
mod details;
pub mod geometry;
pub mod limit;
mod paint;
pub mod rows;

use egui::{RichText, Ui};
use permitflow_i18n::tr;

use super::Ctx;
use crate::command::Command;
use crate::widgets::{self, RED};
use baseline::Baseline;
use geometry::{MAX_PX_PER_DAY, MIN_PX_PER_DAY};

/// A bar end being dragged.
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    /// The activity's id.
    activity: String,
    /// What its limit is and which edit changes it.
    target: limit::Target,
    /// Its limit when the drag began.
    old: f64,
    /// Its limit where the pointer is now (half-day steps).
    days: f64,
    /// Where the button was pressed.
    press_x: f32,
}

/// The Schedule tab's state: the regime shown, the zoom and scroll, the columns' widths, the
/// selection, a drag under way and the baseline.
#[derive(Debug)]
pub struct Gantt {
    regime: String,
    px_per_day: f32,
    first_day: f64,
    /// The zoom fits the schedule to the chart's width (until the planner zooms or pans).
    fitted: bool,
    /// The time axis' width the fit was made for (NaN: fit at the next frame).
    fit_width: f32,
    scroll: f32,
    name_w: f32,
    dept_w: f32,
    selected: Option<String>,
    drag: Option<Drag>,
    baseline: Option<Baseline>,
    baseline_label: String,
}

impl Default for Gantt {
    fn default() -> Self {
        Self {
            regime: String::new(),
            px_per_day: 10.0,
            first_day: -0.5,
            fitted: true,
            fit_width: f32::NAN,
            scroll: 0.0,
            name_w: 240.0,
            dept_w: 150.0,
            selected: None,
            drag: None,
            baseline: None,
            baseline_label: String::new(),
        }
    }
}

impl Gantt {
    /// Points per working day on the time axis.
    pub fn px_per_day(&self) -> f32 {
        self.px_per_day
    }

    /// The regime shown.
    pub fn regime(&self) -> &str {
        &self.regime
    }

    /// The baseline pinned, if one is.
    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    /// The id of the selected activity, if one is.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Another file was opened: the baseline (of the other file) is dropped, the selection and
    /// zoom start afresh. True when a baseline was dropped, so the status can say so.
    pub fn opened(&mut self) -> bool {
        self.selected = None;
        self.drag = None;
        self.refit();
        self.scroll = 0.0;
        self.baseline.take().is_some()
    }

    /// Draws the tab: its controls, the chart and the selected item's details.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let regimes = cx.regimes();
        if !regimes.contains(&self.regime) {
            self.regime = if regimes.contains(&cx.settings.regime) {
                cx.settings.regime.clone()
            } else {
                regimes.first().cloned().unwrap_or_default()
            };
            self.refit();
        }
        self.controls(ui, cx, &regimes);
        let comparison = cx.comparison;
        let Some(o) = comparison.outcome(&self.regime) else {
            let why = comparison
                .table
                .outcomes
                .iter()
                .find(|(n, _)| *n == self.regime)
                .and_then(|(_, r)| r.as_ref().err().map(|e| e.to_string()))
                .unwrap_or_default();
            ui.label(RichText::new(tr!("gui-cannot-solve")).color(RED));
            ui.label(RichText::new(why).weak());
            return;
        };
        ui.label(
            RichText::new(tr!(
                "gui-gantt-summary",
                approval = o.approval_days.to_string(),
                days = o.working_days().to_string(),
                calendar = o.calendar_days,
                start = widgets::date(o.application_date),
                end = widgets::date(o.end_date)
            ))
            .weak(),
        );
        paint::legend(ui, self.baseline.is_some());
        // The selected item's strip: room for four lines of text (it scrolls when it wraps
        // to more in a narrow window).
        let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let strip = if self.selected.is_some() {
            details::LINES * line + 8.0
        } else {
            0.0
        };
        let height = (ui.available_height() - strip).max(120.0);
        let width = ui.available_width();
        let (rect, bg) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click_and_drag());
        chart::show(self, ui, cx, o, rect, bg);
        if let Some(id) = self.selected.clone() {
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("gantt-details")
                .max_height(strip)
                .auto_shrink([false, true])
                .show(ui, |ui| details::ui(ui, cx, o, &id, &mut self.selected));
        }
    }

    fn controls(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>, regimes: &[String]) {
        ui.horizontal_wrapped(|ui| {
            let before = self.regime.clone();
            widgets::regime_choice(
                ui,
                tr!("gui-gantt-regime"),
                "gantt-regime",
                &mut self.regime,
                regimes,
                &cx.doc.draft,
            );
            if self.regime != before {
                self.refit();
                self.selected = None;
            }
            ui.separator();
            ui.label(tr!("gui-gantt-zoom"));
            let out = ui.button("−").on_hover_text(tr!("gui-gantt-zoom-out"));
            let into = ui.button("+").on_hover_text(tr!("gui-gantt-zoom-in"));
            if out.clicked() {
                self.zoom_by(1.0 / 1.5);
            }
            if into.clicked() {
                self.zoom_by(1.5);
            }
            if ui
                .button(tr!("gui-gantt-fit"))
                .on_hover_text(tr!("gui-gantt-fit.tip"))
                .clicked()
            {
                self.refit();
            }
            ui.separator();
            self.baseline_controls(ui, cx);
        });
    }

    /// Fits the schedule to the chart's width at the next frame.
    fn refit(&mut self) {
        self.fitted = true;
        self.fit_width = f32::NAN;
    }

    /// Zooms about the left edge of the time axis (the buttons).
    fn zoom_by(&mut self, factor: f32) {
        self.fitted = false;
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
    }

    fn baseline_controls(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        match &self.baseline {
            None => {
                ui.add(
                    egui::TextEdit::singleline(&mut self.baseline_label)
                        .hint_text(tr!("gui-gantt-baseline-label-hint"))
                        .desired_width(120.0),
                );
                if ui
                    .button(tr!("gui-gantt-set-baseline"))
                    .on_hover_text(tr!("gui-gantt-set-baseline.tip"))
                    .clicked()
                {
                    let label = match self.baseline_label.trim() {
                        "" => tr!("gui-gantt-baseline-default"),
                        l => l.to_owned(),
                    };
                    let when = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
                    let b = Baseline::pin(cx.comparison, label, when);
                    cx.push(Command::Status(tr!(
                        "gui-gantt-baseline-set",
                        label = &b.label,
                        time = &b.pinned
                    )));
                    self.baseline = Some(b);
                }
            }
            Some(b) => {
                ui.label(
                    RichText::new(tr!(
                        "gui-gantt-baseline-shown",
                        label = &b.label,
                        time = &b.pinned
                    ))
                    .strong(),
                )
                .on_hover_text(tr!("gui-gantt-set-baseline.tip"));
                if ui.button(tr!("gui-gantt-clear-baseline")).clicked() {
                    self.baseline = None;
                    cx.push(Command::Status(tr!("gui-gantt-baseline-cleared")));
                }
            }
        }
    }
}
