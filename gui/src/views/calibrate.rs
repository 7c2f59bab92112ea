//! The calibration tab: an approval system's event log (CSV or XES) measured against the open
//! scenario on a worker (`permitflow_app::calibrate`), the records left out, the fit per item
//! (a selectable table, and the selected item's first reviews against its fitted spread), the
//! validation (observed against simulated lead times) and the fitted numbers adopted as one
//! undoable edit.

use std::path::PathBuf;

use egui::{RichText, Ui};
use permitflow_app::calibrate::{Calibration, ItemFit, MIN_FIT_CASES, Spread, Validation};
use permitflow_app::edit::Edit;
use permitflow_app::rows::tables::{Table, percent1};
use permitflow_i18n::tr;

use super::Ctx;
use crate::command::{Command, JobKind, PickFor};
use crate::compute::CalibrationOutput;
use crate::io;
use crate::widgets::{self, AMBER, RED};

/// How many records left out are listed (all are counted).
const LISTED: usize = 5;

/// The calibration tab's form state.
#[derive(Debug)]
pub struct Calibrate {
    shipped: Vec<PathBuf>,
    /// The item whose fit is drawn (an index into the calibration's items).
    pub selected: usize,
    /// Adopt was pressed: the revision the calibration was measured at and the document's
    /// revision then, until the adoption makes a new one.
    adopting: Option<(u64, u64)>,
    /// The revision a calibration was measured at and the one its adoption made: the results
    /// are not stale there, since adopting changes nothing the measuring uses.
    adopted: Option<(u64, u64)>,
}

impl Default for Calibrate {
    fn default() -> Self {
        Self {
            shipped: io::shipped_logs(),
            selected: 0,
            adopting: None,
            adopted: None,
        }
    }
}

/// Days to one decimal, without a trailing `.0`.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// The fitted spread as the table shows it.
fn spread_text(s: &Spread) -> String {
    match *s {
        Spread::Fixed(v) => tr!("gui-cal-fixed", days = num(v)),
        Spread::Triangular { min, mode, max } => tr!(
            "gui-cal-triangular",
            min = num(min),
            mode = num(mode),
            max = num(max)
        ),
        Spread::Pert { min, mode, max } => tr!(
            "gui-cal-pert",
            min = num(min),
            mode = num(mode),
            max = num(max)
        ),
        Spread::Empirical => tr!("gui-cal-empirical"),
    }
}

impl Calibrate {
    /// Draws the calibration tab: the log form, what was left out, the fit per item, the
    /// validation, the Adopt button and the charts.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        if cx.settings.calibrate_log.is_empty()
            && let Some(first) = self.shipped.first()
        {
            cx.settings.calibrate_log = first.display().to_string();
        }
        self.form(ui, cx);
        ui.label(RichText::new(tr!("gui-cal-note")).weak());
        ui.separator();
        let result = cx.jobs.calibration.result();
        let waiting = tr!("gui-cal-press-open");
        let Some(out) = widgets::result_or_why(ui, result.map(|(_, r)| r), &waiting) else {
            return;
        };
        if self.selected >= out.calibration.items.len() {
            self.selected = 0;
        }
        let now = cx.doc.revision();
        if let Some((measured, at)) = self.adopting
            && now != at
        {
            self.adopted = Some((measured, now));
            self.adopting = None;
        }
        let measured = result.map(|(key, _)| key.revision).unwrap_or(now);
        if measured != now && self.adopted != Some((measured, now)) {
            ui.label(RichText::new(tr!("gui-cal-stale")).color(AMBER));
        }
        let mut selected = self.selected;
        let mut adopted = false;
        widgets::above_charts(ui, "cal-tables", 0.45, |ui| {
            summary(ui, out);
            adopted = adopt(ui, cx, out);
            items(ui, out, &mut selected);
            if let Ok((v, _)) = &out.validation {
                validation(ui, v);
            }
        });
        if adopted {
            self.adopting = Some((measured, now));
        }
        if let Err(e) = &out.validation {
            ui.label(RichText::new(tr!("gui-cal-no-validation", why = e.as_str())).color(RED));
        }
        self.selected = selected;
        ui.separator();
        let mut charts = Vec::new();
        if let Some(c) = out.charts.get(self.selected) {
            charts.push(c);
        }
        if let Ok((_, v)) = &out.validation {
            charts.push(v);
        }
        widgets::charts(ui, "cal-charts", &charts, cx.settings.fit_charts, &|_, t| t);
    }

    fn form(&self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal(|ui| {
            super::path_field(
                ui,
                cx,
                |s| &mut s.calibrate_log,
                (
                    tr!("gui-cal-log"),
                    tr!("gui-cal-log-hint"),
                    tr!("gui-cal-shipped"),
                ),
                PickFor::EventLog,
                &self.shipped,
            );
            let path = cx.settings.calibrate_log.trim().to_owned();
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new(tr!("gui-cal-open")))
                .on_disabled_hover_text(tr!("gui-cal-choose-first"))
                .clicked()
            {
                cx.push(Command::RunCalibration(PathBuf::from(path)));
            }
            if cx.jobs.calibration.is_running()
                && widgets::running(ui, &tr!("gui-cal-running"), &tr!("gui-job-calibration"))
            {
                cx.push(Command::Cancel(JobKind::Calibration));
            }
        });
    }
}

/// The log's span, what was left out and which of the scenario's items it lacks.
fn summary(ui: &mut Ui, out: &CalibrationOutput) {
    let c: &Calibration = &out.calibration;
    let cases: usize = c.project_types.iter().map(|t| t.cases).sum();
    if let Some((first, last)) = c.dates {
        ui.strong(tr!(
            "gui-cal-heading",
            file = c.label.as_str(),
            cases = cases,
            first = widgets::date(first),
            last = widgets::date(last),
            ms = out.millis.to_string()
        ));
    }
    if c.open > 0 {
        ui.label(tr!("gui-cal-open-items", n = c.open));
    }
    if c.rejected_count == 0 {
        ui.label(tr!("gui-cal-none-rejected"));
    } else {
        ui.label(RichText::new(tr!("gui-cal-rejected", n = c.rejected_count)).color(AMBER));
        for r in c.rejected.iter().take(LISTED) {
            let case = if r.case.is_empty() { "—" } else { &r.case };
            ui.label(format!(
                "  {}",
                tr!(
                    "gui-cal-rejected-row",
                    place = r.place.to_string(),
                    case = case,
                    reason = r.reason.to_string()
                )
            ));
        }
        if c.rejected_count > LISTED {
            ui.label(format!(
                "  {}",
                tr!("gui-cal-rejected-more", n = c.rejected_count - LISTED)
            ));
        }
    }
    if !out.missing.is_empty() {
        ui.label(
            RichText::new(tr!("gui-cal-not-in-log", items = out.missing.join(", "))).color(AMBER),
        );
    }
}

/// The Adopt button, and which items keep their spread; true when it was pressed.
fn adopt(ui: &mut Ui, cx: &mut Ctx<'_>, out: &CalibrationOutput) -> bool {
    let mut pressed = false;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new(tr!("gui-cal-adopt")).strong())
            .on_hover_text(tr!("gui-cal-adopt.tip"))
            .clicked()
        {
            cx.push(Command::Edit(
                Edit::AdoptFit(out.calibration.clone()),
                false,
            ));
            pressed = true;
        }
        ui.label(RichText::new(tr!("gui-cal-adopt-note")).weak());
    });
    if !out.kept.is_empty() {
        ui.label(
            RichText::new(tr!(
                "gui-cal-kept",
                n = MIN_FIT_CASES,
                items = out.kept.join(", ")
            ))
            .color(AMBER),
        );
    }
    pressed
}

/// Per item: cases, mean, P80, the fitted spread, returns, corrections, re-reviews and the
/// overdue rate; a row is selected by its name.
fn items(ui: &mut Ui, out: &CalibrationOutput, selected: &mut usize) {
    ui.add_space(4.0);
    ui.strong(tr!("gui-cal-items"));
    let columns = [
        tr!("gui-cal-col-item"),
        tr!("gui-cal-col-cases"),
        tr!("gui-cal-col-mean"),
        tr!("gui-cal-col-p80"),
        tr!("gui-cal-col-spread"),
        tr!("gui-cal-col-returns"),
        tr!("gui-cal-col-correction"),
        tr!("gui-cal-col-rereview"),
        tr!("gui-cal-col-overdue"),
    ];
    egui::Grid::new("cal-items")
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for h in &columns {
                ui.strong(h.as_str());
            }
            ui.end_row();
            for (k, (f, name)) in out.calibration.items.iter().zip(&out.names).enumerate() {
                let r = ui.selectable_label(*selected == k, name.as_str());
                let r = if name == &f.item {
                    r
                } else {
                    r.on_hover_text(f.item.as_str())
                };
                if r.clicked() {
                    *selected = k;
                }
                for (col, text) in cells(f).into_iter().enumerate() {
                    let accessible = format!("{name}: {} {text}", columns[col + 1]);
                    widgets::cell(ui, text, accessible);
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new(tr!("gui-cal-items-note")).weak());
}

/// An item's cells after its name.
fn cells(f: &ItemFit) -> [String; 8] {
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or_else(|| "—".to_owned(), f);
    [
        f.cases.to_string(),
        num(f.mean),
        num(f.p80),
        spread_text(&f.spread),
        percent1(f.return_rate),
        opt(f.correction_mean, &num),
        opt(f.rereview_mean, &num),
        opt(f.overdue_rate, &percent1),
    ]
}

/// Observed against simulated lead-time percentiles per project type, with the difference.
fn validation(ui: &mut Ui, v: &Validation) {
    ui.add_space(6.0);
    ui.strong(tr!(
        "gui-cal-validation",
        regime = v.regime.as_str(),
        cases = v.cases,
        seed = v.seed.to_string()
    ));
    let mut t = Table {
        columns: vec![
            tr!("gui-cal-col-type"),
            tr!("gui-cal-col-measure"),
            tr!("gui-cal-col-observed"),
            tr!("gui-cal-col-simulated"),
            tr!("gui-cal-col-difference"),
        ],
        numeric: 2..5,
        rows: Vec::new(),
    };
    for r in &v.rows {
        for (k, p) in ["P50", "P80", "P95"].iter().enumerate() {
            let (o, s) = (r.observed[k], r.simulated[k]);
            let diff = if o > 0.0 {
                format!("{:+.1} %", 100.0 * (s - o) / o)
            } else {
                "—".to_owned()
            };
            t.rows.push(vec![
                r.project_type.clone(),
                (*p).to_owned(),
                num(o),
                num(s),
                diff,
            ]);
        }
    }
    widgets::table_grid(ui, "cal-validation", &t);
}
