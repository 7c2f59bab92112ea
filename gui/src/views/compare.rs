//! The comparison tab: one row per regime (`permitflow_app::rows`), the targets, the regimes on
//! one time axis and a Gantt chart per regime.

use egui::{Color32, RichText, Ui};
use permitflow_app::rows::{CompareRow, RegimeFigures, assumed_note, signed, yuan};
use permitflow_i18n::tr;
use permitflow_model::Draft;
use permitflow_solver::Outcome;

use super::Ctx;
use crate::glossary::{self, Term};
use crate::widgets::{self, AMBER, GREEN, RED, cell};

/// The glossary term a column's heading names.
fn column_term(key: &str) -> Option<Term> {
    Some(match key {
        "gui-col-regime" => Term::Regime,
        "gui-col-approval-days-vs-serial" => Term::ApprovalDay,
        "gui-col-working-days" => Term::WorkingDay,
        "gui-col-calendar-days" => Term::CalendarDay,
        "gui-col-fees" => Term::Fee,
        "gui-col-counts" => Term::Counts,
        _ => return None,
    })
}

/// The clocks table's columns' keys: both clocks, the savings, the end date and the fees (shown
/// only when an item has a fee).
const CLOCK_COLUMNS: [&str; 7] = [
    "gui-col-regime",
    "gui-col-approval-days-vs-serial",
    "gui-col-working-days",
    "gui-col-vs-serial",
    "gui-col-calendar-days",
    "gui-col-end-date",
    "gui-col-fees",
];

/// The second table's columns' keys: what the applicant meets and the days per stage. Two
/// tables rather than one wide one, so both fit beside the what-ifs in a 1280-pixel window.
const APPLICANT_COLUMNS: [&str; 3] = ["gui-col-regime", "gui-col-counts", "gui-col-days-per-stage"];

/// Draws the comparison tab: the regimes' table, the targets and the charts.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let s = &cx.doc.valid;
    let c = cx.comparison;
    ui.heading(&s.name);
    ui.label(
        RichText::new(tr!(
            "gui-compare-subtitle",
            start = widgets::date(s.start),
            calendar = cx.doc.calendar.name()
        ))
        .weak(),
    );
    ui.add_space(4.0);
    // The note under the table wraps at the window's width, not the scrolled table's.
    let width = ui.available_width();
    widgets::above_charts(ui, "compare-table", 0.5, |ui| {
        table(ui, s, &c.table.rows, c.table.has_fees);
        ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(tr!(
                        "gui-compare-clocks",
                        assumed = assumed_note(&c.table.figures)
                    ))
                    .weak(),
                )
                .wrap(),
            );
        });
        if !c.milestones.rows.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(tr!("gui-compare-milestones")).strong());
            widgets::table_grid(ui, "compare-milestones", &c.milestones);
        }
        // The warnings are in the calendar banner above the tabs (`views::calendar`).
        if !c.table.targets.is_empty() {
            ui.add_space(4.0);
            for t in &c.table.targets {
                // A published figure (an exact target) that a what-if no longer reproduces is
                // a difference to read, not a failure: the edit may well beat it.
                let (mark, color) = match t.met {
                    Some(true) => (tr!("gui-target-met"), GREEN),
                    Some(false) if t.target.exact => (tr!("gui-target-differs"), AMBER),
                    Some(false) => (tr!("gui-target-missed"), RED),
                    None => (tr!("gui-target-unsolved"), Color32::GRAY),
                };
                ui.horizontal(|ui| {
                    let term = if t.target.exact {
                        Term::PublishedFigure
                    } else {
                        Term::Target
                    };
                    glossary::term(ui, term, RichText::new(mark).color(color).strong());
                    ui.label(tr!(
                        "gui-target-line",
                        name = &t.target.name,
                        regime = s.regime_label(&t.target.regime),
                        detail = permitflow_app::rows::target_detail(
                            t,
                            c.table.outcome(t.target.regime.as_str())
                        )
                    ));
                });
            }
        }
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.checkbox(&mut cx.settings.fit_charts, tr!("gui-fit-charts"));
        ui.label(RichText::new(tr!("gui-compare-hover-hint")).weak());
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
            .and_then(|o| gantt_tooltip(s, o, &title))
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

/// The outcome tables: one row per regime, its clocks in the first, what the applicant meets
/// and the days per stage in the second.
fn table(ui: &mut Ui, s: &Draft, rows: &[CompareRow], fees: bool) {
    grid(
        ui,
        s,
        rows,
        "outcomes",
        &CLOCK_COLUMNS,
        fees,
        |ui, name, f| {
            figures(ui, name, f, fees);
        },
    );
    ui.add_space(6.0);
    grid(
        ui,
        s,
        rows,
        "outcomes-applicant",
        &APPLICANT_COLUMNS,
        fees,
        applicant,
    );
}

/// One grid of the regimes with `columns`' headings and `cells` drawing a solved regime's row.
fn grid(
    ui: &mut Ui,
    s: &Draft,
    rows: &[CompareRow],
    salt: &str,
    columns: &[&str],
    fees: bool,
    cells: impl Fn(&mut Ui, &str, &RegimeFigures),
) {
    let stage_names: Vec<String> = rows
        .iter()
        .find_map(|r| r.result.as_ref().ok())
        .map(|f| f.spans.iter().map(|sp| sp.name.clone()).collect())
        .unwrap_or_default();
    egui::Grid::new(salt)
        .striped(true)
        .spacing([12.0, 5.0])
        .min_col_width(40.0)
        .show(ui, |ui| {
            for &key in columns {
                if key == "gui-col-fees" && !fees {
                    continue;
                }
                let h = permitflow_i18n::message(key, &[]);
                if key == "gui-col-days-per-stage" {
                    // The stages by number, as the chart's legend names them.
                    let numbers: Vec<String> =
                        (1..=stage_names.len()).map(|n| n.to_string()).collect();
                    let title = tr!(
                        "gui-col-days-per-stage-numbered",
                        heading = h,
                        numbers = numbers.join(" · ")
                    );
                    ui.strong(title).on_hover_text(stage_names.join("\n"));
                } else if let Some(term) = column_term(key) {
                    glossary::heading(ui, term, h);
                } else {
                    ui.strong(h);
                }
            }
            ui.end_row();
            for row in rows {
                let name = widgets::regime_label(s, &row.regime);
                ui.label(RichText::new(&name).strong());
                match &row.result {
                    Ok(f) => cells(ui, &name, f),
                    Err(e) => {
                        ui.label(RichText::new(tr!("gui-cannot-solve")).color(RED))
                            .on_hover_text(e);
                        ui.label(RichText::new(e).weak().small());
                    }
                }
                ui.end_row();
            }
        });
}

fn figures(ui: &mut Ui, name: &str, f: &RegimeFigures, fees: bool) {
    let ad = f.approval_days;
    let approval_diff = f.vs_baseline_approval.map_or_else(|| "–".into(), signed);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        cell(
            ui,
            RichText::new(ad.to_string()).strong(),
            tr!(
                "gui-cell-approval-days",
                name = name,
                days = ad.to_string(),
                diff = &approval_diff
            ),
        );
        if f.vs_baseline_approval.is_some() {
            ui.label(RichText::new(format!("({approval_diff})")).weak());
        }
    });
    let wd = f.working_days;
    cell(
        ui,
        RichText::new(wd.to_string()).strong(),
        tr!("gui-cell-working-days", name = name, days = wd.to_string()),
    );
    let diff = match (f.vs_baseline, f.vs_baseline_share) {
        (Some(d), Some(share)) => format!("{} ({:+.0} %)", signed(d), share * 100.0),
        _ => "–".into(),
    };
    cell(
        ui,
        diff.clone(),
        tr!("gui-cell-vs-serial", name = name, diff = &diff),
    );
    cell(
        ui,
        f.calendar_days.to_string(),
        tr!(
            "gui-cell-calendar-days",
            name = name,
            days = f.calendar_days
        ),
    );
    ui.label(widgets::date(f.end_date));
    if fees {
        cell(
            ui,
            yuan(f.fees),
            tr!("gui-cell-fees", name = name, fees = yuan(f.fees)),
        );
    }
}

/// What the applicant meets and the days per stage of a solved regime.
fn applicant(ui: &mut Ui, name: &str, f: &RegimeFigures) {
    let counts = [
        (tr!("gui-col-trips"), f.counts.trips),
        (tr!("gui-col-forms"), f.counts.forms),
        (tr!("gui-col-materials"), f.counts.materials),
        (tr!("gui-col-departments"), f.counts.departments),
    ];
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (k, (what, v)) in counts.into_iter().enumerate() {
            if k > 0 {
                ui.label(RichText::new("·").weak());
            }
            cell(
                ui,
                v.to_string(),
                tr!("gui-cell-count", name = name, what = what, n = v),
            );
        }
    });
    // A stage whose approval days differ from its elapsed days shows both (`8/14`).
    let days: Vec<String> = f
        .spans
        .iter()
        .map(|sp| {
            let d = sp.days;
            if d.approval_days == d.working_days {
                d.working_days.to_string()
            } else {
                format!("{}/{}", d.approval_days, d.working_days)
            }
        })
        .collect();
    let hover: Vec<String> = f
        .spans
        .iter()
        .map(|sp| {
            tr!(
                "gui-cell-stage-days",
                name = sp.name.as_str(),
                approval = sp.days.approval_days.to_string(),
                days = sp.days.working_days.to_string(),
                calendar = sp.days.calendar_days
            )
        })
        .collect();
    ui.label(days.join(" · ")).on_hover_text(hover.join("\n"));
}

/// A planner's tooltip for a Gantt bar: department, limit, start and finish (working days and
/// dates), float.
fn gantt_tooltip(s: &Draft, o: &Outcome, title: &str) -> Option<String> {
    let first = title.lines().next()?;
    // `name (id)`, or `名称（id）` where the chart speaks Chinese.
    let (_, id) = first.rsplit_once(['(', '（'])?;
    let id = id.strip_suffix(')').or_else(|| id.strip_suffix('）'))?;
    let i = o.network.activities.iter().position(|a| a.id == id)?;
    let a = &o.network.activities[i];
    let (sd, fd) = o.dates[i];
    let sch = &o.schedule;
    let departments: Vec<&str> = a
        .departments
        .iter()
        .map(|d| s.department_label(d))
        .collect();
    let float = sch.total_float[i].to_string();
    let float = if sch.critical[i] {
        tr!("gui-gantt-float-critical", days = float)
    } else {
        tr!("gui-gantt-float", days = float)
    };
    Some(tr!(
        "gui-gantt-tooltip",
        name = &a.name,
        id = a.id.as_str(),
        department = departments.join(" + "),
        limit = a.days.to_string(),
        start = widgets::date(sd),
        start_days = sch.start[i].to_string(),
        finish = widgets::date(fd),
        finish_days = sch.finish[i].to_string(),
        float = float
    ))
}
