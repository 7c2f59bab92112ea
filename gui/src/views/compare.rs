//! The comparison tab: one row per regime (`permitflow_app::rows`), the targets, the regimes on
//! one time axis and a Gantt chart per regime.

use egui::{Color32, RichText, Ui};
use permitflow_app::rows::{CompareRow, RegimeFigures, signed};
use permitflow_solver::Outcome;

use super::Ctx;
use crate::widgets::{self, AMBER, GREEN, RED, cell};

/// The table's columns, `|` between them.
const COLUMNS: &str =
    "regime|working days|vs serial|end date|trips|forms|materials|departments|days per stage";

/// Draws the comparison tab: the regimes' table, the targets and the charts.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let s = &cx.doc.valid;
    let c = cx.comparison;
    ui.heading(&s.name);
    ui.label(
        RichText::new(format!(
            "application {} · calendar {} · working days count from the first working day",
            s.start.format("%Y-%m-%d %a"),
            cx.doc.calendar.name()
        ))
        .weak(),
    );
    ui.add_space(4.0);
    widgets::above_charts(ui, "compare-table", 0.5, |ui| {
        table(ui, &c.table.rows);
        // The warnings are in the calendar banner above the tabs (`views::calendar`).
        if !c.table.targets.is_empty() {
            ui.add_space(4.0);
            for t in &c.table.targets {
                // A published figure (an exact target) that a what-if no longer reproduces is
                // a difference to read, not a failure: the edit may well beat it.
                let (mark, color) = match t.met {
                    Some(true) => ("✓ met", GREEN),
                    Some(false) if t.target.exact => ("≠ differs from the figure", AMBER),
                    Some(false) => ("× missed", RED),
                    None => ("? not solved", Color32::GRAY),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(mark).color(color).strong());
                    ui.label(format!(
                        "{} ({}): {}",
                        t.target.name, t.target.regime, t.detail
                    ));
                });
            }
        }
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.checkbox(&mut cx.settings.fit_charts, "fit charts to width");
        ui.label(RichText::new("hover a bar for its department, limit, dates and float").weak());
    });
    ui.separator();
    let scenes: Vec<_> = c
        .chart
        .iter()
        .chain(c.gantts.iter().map(|(_, g)| g))
        .collect();
    let first_gantt = usize::from(c.chart.is_some());
    let tooltip = |k: usize, title: String| {
        k.checked_sub(first_gantt)
            .and_then(|g| c.gantts.get(g))
            .and_then(|(name, _)| c.outcome(name))
            .and_then(|o| gantt_tooltip(o, &title))
            .unwrap_or(title)
    };
    widgets::charts(
        ui,
        "compare-charts",
        &scenes,
        cx.settings.fit_charts,
        &tooltip,
    );
}

/// The outcome table: one row per regime.
fn table(ui: &mut Ui, rows: &[CompareRow]) {
    let stage_names: Vec<String> = rows
        .iter()
        .find_map(|r| r.result.as_ref().ok())
        .map(|f| f.spans.iter().map(|(_, name, _)| name.clone()).collect())
        .unwrap_or_default();
    egui::Grid::new("outcomes")
        .striped(true)
        .spacing([18.0, 5.0])
        .min_col_width(40.0)
        .show(ui, |ui| {
            for h in COLUMNS.split('|') {
                if h == "days per stage" {
                    // The stages by number, as the chart's legend names them.
                    let numbers: Vec<String> =
                        (1..=stage_names.len()).map(|n| n.to_string()).collect();
                    let title = format!("{h} ({})", numbers.join(" · "));
                    ui.strong(title).on_hover_text(stage_names.join("\n"));
                } else {
                    ui.strong(h);
                }
            }
            ui.end_row();
            for row in rows {
                ui.label(RichText::new(&row.regime).strong());
                match &row.result {
                    Ok(f) => figures(ui, &row.regime, f),
                    Err(e) => {
                        ui.label(RichText::new("cannot be solved").color(RED))
                            .on_hover_text(e);
                        ui.label(RichText::new(e).weak().small());
                    }
                }
                ui.end_row();
            }
        });
}

fn figures(ui: &mut Ui, name: &str, f: &RegimeFigures) {
    let wd = f.working_days;
    cell(
        ui,
        RichText::new(wd.to_string()).strong(),
        format!("{name}: {wd} working days"),
    );
    let diff = match (f.vs_baseline, f.vs_baseline_share) {
        (Some(d), Some(share)) => format!("{} ({:+.0} %)", signed(d), share * 100.0),
        _ => "–".into(),
    };
    cell(ui, diff.clone(), format!("{name}: {diff} vs serial"));
    ui.label(f.end_date.format("%Y-%m-%d %a").to_string());
    let counts = [
        ("trips", f.counts.trips),
        ("forms", f.counts.forms),
        ("materials", f.counts.materials),
        ("departments", f.counts.departments),
    ];
    for (what, v) in counts {
        cell(ui, v.to_string(), format!("{name}: {v} {what}"));
    }
    let days: Vec<String> = f.spans.iter().map(|(_, _, d)| d.to_string()).collect();
    let hover: Vec<String> = f
        .spans
        .iter()
        .map(|(_, n, d)| format!("{n}: {d} working days"))
        .collect();
    ui.label(days.join(" · ")).on_hover_text(hover.join("\n"));
}

/// A planner's tooltip for a Gantt bar: department, limit, start and finish (working days and
/// dates), float.
fn gantt_tooltip(o: &Outcome, title: &str) -> Option<String> {
    let first = title.lines().next()?;
    let id = first.rsplit_once('(')?.1.strip_suffix(')')?;
    let i = o.network.activities.iter().position(|a| a.id == id)?;
    let a = &o.network.activities[i];
    let (sd, fd) = o.dates[i];
    let sch = &o.schedule;
    let departments: Vec<&str> = a.departments.iter().map(|d| d.as_str()).collect();
    let critical = if sch.critical[i] {
        " · on the critical path"
    } else {
        " working days"
    };
    Some(format!(
        "{} ({})\nDepartment: {}\nLimit: {} working days\n\
         Start: {}, {} working days after the application\n\
         Finish: {}, {} working days after the application\nFloat: {}{critical}",
        a.name,
        a.id,
        departments.join(" + "),
        a.days,
        sd.format("%Y-%m-%d %a"),
        sch.start[i],
        fd.format("%Y-%m-%d %a"),
        sch.finish[i],
        sch.total_float[i],
    ))
}
