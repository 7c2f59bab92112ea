//! The approval-centre tab: a portfolio of project types through departments with limited
//! reviewers (`permitflow_app::analysis::run_centre`), run in the background: lead times per
//! project type, utilisation and waiting per department, and the charts of `scenes::centre`.

use std::path::PathBuf;

use egui::{RichText, Ui};
use permitflow_solver::CentreResult;

use super::Ctx;
use crate::command::{CentreKey, Command, JobKind};
use crate::compute::CentreOutput;
use crate::io;
use crate::widgets::{self, AMBER, cell, n1, percent};

/// The projects' columns, `|` between them (lead times and waiting in working days).
const PROJECT_COLUMNS: &str = "project type|regime|arrived|mean|P50|P80|P95|waiting|statutory|within statutory|within targets";
/// The departments' columns.
const DEPARTMENT_COLUMNS: &str =
    "department|reviewers|utilisation|busy|mean queue|mean wait (wd)|reviews";

/// The centre tab's form state.
#[derive(Debug)]
pub struct Centre {
    shipped: Vec<PathBuf>,
}

impl Default for Centre {
    fn default() -> Self {
        Self {
            shipped: io::shipped_portfolios(),
        }
    }
}

impl Centre {
    /// Draws the approval-centre tab: portfolio form, tables and charts.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        if cx.settings.centre_portfolio.is_empty()
            && let Some(first) = self.shipped.first()
        {
            cx.settings.centre_portfolio = first.display().to_string();
        }
        self.form(ui, cx);
        ui.label(RichText::new("Projects arrive at random at each type's rate; each department reviews as many files at once as it has reviewers, key projects first, returns re-queued. Replications share their arrivals (common random numbers), so a seed always gives the same numbers.").weak());
        ui.separator();
        let result = cx.jobs.centre.result();
        let waiting = "Choose a portfolio and press “Run approval centre”.";
        let Some(out) = widgets::result_or_why(ui, result.map(|(_, r)| r), waiting) else {
            return;
        };
        if let Some((key, _)) = result
            && key.portfolio.display().to_string() != cx.settings.centre_portfolio.trim()
        {
            ui.label(
                RichText::new(format!(
                    "These results are for {}.",
                    key.portfolio.display()
                ))
                .color(AMBER),
            );
        }
        let fit = cx.settings.fit_charts;
        widgets::above_charts(ui, "centre-tables", 0.55, |ui| tables(ui, out));
        ui.separator();
        widgets::charts(ui, "centre-charts", &[&out.chart], fit, &|_, t| t);
    }

    fn form(&self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal(|ui| {
            let l = ui.label("Portfolio");
            ui.add(
                egui::TextEdit::singleline(&mut cx.settings.centre_portfolio)
                    .hint_text("path of a portfolio (.toml)")
                    .desired_width(330.0),
            )
            .labelled_by(l.id);
            ui.menu_button("Shipped portfolios", |ui| {
                for p in &self.shipped {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    if ui.button(name.unwrap_or_default()).clicked() {
                        cx.settings.centre_portfolio = p.display().to_string();
                        ui.close();
                    }
                }
            });
        });
        ui.horizontal(|ui| {
            let l = ui.label("Replications");
            ui.add(egui::DragValue::new(&mut cx.settings.centre_replications).range(1..=10_000))
                .labelled_by(l.id);
            let l = ui.label("Seed");
            ui.add(egui::DragValue::new(&mut cx.settings.centre_seed))
                .labelled_by(l.id);
            let path = cx.settings.centre_portfolio.trim().to_owned();
            let run = egui::Button::new("Run approval centre");
            if ui
                .add_enabled(!path.is_empty(), run)
                .on_disabled_hover_text("choose a portfolio first")
                .clicked()
            {
                cx.push(Command::RunCentre(CentreKey {
                    portfolio: PathBuf::from(path),
                    replications: cx.settings.centre_replications,
                    seed: cx.settings.centre_seed,
                }));
            }
            if cx.jobs.centre.is_running()
                && widgets::running(ui, "simulating the approval centre…", "approval centre")
            {
                cx.push(Command::Cancel(JobKind::Centre));
            }
        });
    }
}

/// Per run: the project types' lead times, the departments' load, and a summary line.
fn tables(ui: &mut Ui, out: &CentreOutput) {
    let name = &out.report.portfolio.portfolio.name;
    for (k, (label, r)) in out.report.runs.iter().enumerate() {
        let added = r
            .added_reviewer
            .as_ref()
            .map(|d| format!(", one more reviewer at {d}"))
            .unwrap_or_default();
        ui.strong(format!(
            "{name} — {label}: {} replications of {} working days (after a {}-day warm-up), seed {}{added}",
            r.replications, r.horizon, r.warmup, r.seed
        ));
        projects(ui, k, r);
        ui.label(
            RichText::new("lead times and waiting in working days; arrivals per replication")
                .weak(),
        );
        ui.add_space(4.0);
        departments(ui, k, r);
        let wip: Vec<f64> = r.wip.iter().map(|(_, w)| *w).collect();
        let mean_wip = wip.iter().sum::<f64>() / wip.len().max(1) as f64;
        let max_wip = wip.iter().copied().fold(0.0, f64::max);
        let bottleneck = r
            .bottleneck
            .as_deref()
            .unwrap_or("none (no department saturates)");
        ui.label(format!(
            "throughput {:.2} projects per working day · bottleneck: {bottleneck} · work in progress {mean_wip:.0} on average (max {max_wip:.0})",
            r.throughput
        ));
        ui.label(RichText::new(format!("computed in {} ms", out.millis)).weak());
        ui.add_space(8.0);
    }
}

fn header(ui: &mut Ui, columns: &str) {
    for h in columns.split('|') {
        ui.strong(h);
    }
    ui.end_row();
}

fn projects(ui: &mut Ui, run: usize, r: &CentreResult) {
    egui::Grid::new(("centre-projects", run))
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            header(ui, PROJECT_COLUMNS);
            for x in &r.projects {
                let key = if x.priority { " (key)" } else { "" };
                ui.label(format!("{}{key}", x.name));
                ui.label(&x.regime);
                let figures = [
                    ("arrived", n1(x.arrived)),
                    ("mean lead time", n1(x.mean)),
                    ("P50 lead time", n1(x.p50)),
                    ("P80 lead time", n1(x.p80)),
                    ("P95 lead time", n1(x.p95)),
                    ("waiting", n1(x.mean_wait)),
                    ("statutory", n1(x.statutory)),
                    ("within statutory", percent(x.within_statutory)),
                ];
                for (what, v) in figures {
                    cell(ui, v.clone(), format!("{}: {what} {v}", x.name));
                }
                let targets: Vec<String> = x
                    .targets
                    .iter()
                    .map(|s| format!("≤{}: {}", s.working_days, percent(s.share)))
                    .collect();
                ui.label(targets.join(", "));
                ui.end_row();
            }
        });
}

fn departments(ui: &mut Ui, run: usize, r: &CentreResult) {
    egui::Grid::new(("centre-departments", run))
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            header(ui, DEPARTMENT_COLUMNS);
            for d in &r.departments {
                ui.label(&d.name);
                let reviewers = d
                    .reviewers
                    .map_or_else(|| "unlimited".into(), |n| n.to_string());
                let figures = [
                    ("reviewers", reviewers),
                    ("utilisation", percent(d.utilisation)),
                    ("busy", n1(d.busy)),
                    ("mean queue", n1(d.mean_queue)),
                    ("mean wait", n1(d.mean_wait)),
                    ("reviews", n1(d.reviews)),
                ];
                for (what, v) in figures {
                    cell(ui, v.clone(), format!("{}: {what} {v}", d.name));
                }
                ui.end_row();
            }
        });
}
