//! The approval-centre tab: a portfolio of project types through departments with limited
//! reviewers (`permitflow_app::analysis::run_centre`), run in the background: lead times per
//! project type, utilisation and waiting per department, and the charts of `scenes::centre`.

use std::path::PathBuf;

use egui::{RichText, Ui};
use permitflow_app::rows::tables as rows;
use permitflow_i18n::tr;

use super::Ctx;
use crate::command::{CentreKey, Command, JobKind, PickFor};
use crate::compute::CentreOutput;
use crate::io;
use crate::widgets::{self, AMBER};

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
        ui.label(RichText::new(tr!("gui-centre-note")).weak());
        ui.separator();
        let result = cx.jobs.centre.result();
        let waiting = tr!("gui-centre-press-run");
        let Some(out) = widgets::result_or_why(ui, result.map(|(_, r)| r), &waiting) else {
            return;
        };
        if let Some((key, _)) = result
            && key.portfolio.display().to_string() != cx.settings.centre_portfolio.trim()
        {
            ui.label(
                RichText::new(tr!(
                    "gui-centre-stale",
                    portfolio = key.portfolio.display().to_string()
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
            super::path_field(
                ui,
                cx,
                |s| &mut s.centre_portfolio,
                (
                    tr!("gui-centre-portfolio"),
                    tr!("gui-centre-portfolio-hint"),
                    tr!("gui-centre-shipped"),
                ),
                PickFor::Portfolio,
                &self.shipped,
            );
        });
        ui.horizontal(|ui| {
            let l = ui.label(tr!("gui-centre-replications"));
            ui.add(egui::DragValue::new(&mut cx.settings.centre_replications).range(1..=10_000))
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-seed"));
            ui.add(egui::DragValue::new(&mut cx.settings.centre_seed))
                .labelled_by(l.id);
            let path = cx.settings.centre_portfolio.trim().to_owned();
            let run = egui::Button::new(tr!("gui-centre-run"));
            if ui
                .add_enabled(!path.is_empty(), run)
                .on_disabled_hover_text(tr!("gui-centre-choose-first"))
                .clicked()
            {
                cx.push(Command::RunCentre(CentreKey {
                    portfolio: PathBuf::from(path),
                    replications: cx.settings.centre_replications,
                    seed: cx.settings.centre_seed,
                }));
            }
            if cx.jobs.centre.is_running()
                && widgets::running(ui, &tr!("gui-centre-running"), &tr!("gui-job-centre"))
            {
                cx.push(Command::Cancel(JobKind::Centre));
            }
        });
    }
}

/// Per run: the project types' lead times, the departments' load, and a summary line: the
/// tables `permitflow centre` prints.
fn tables(ui: &mut Ui, out: &CentreOutput) {
    let name = &out.report.portfolio.portfolio.name;
    for (k, (label, r)) in out.report.runs.iter().enumerate() {
        ui.strong(rows::centre_title(name, label, r));
        widgets::table_grid(ui, ("centre-projects", k), &rows::centre_projects(r));
        ui.label(RichText::new(rows::centre_projects_note()).weak());
        ui.add_space(4.0);
        widgets::table_grid(ui, ("centre-departments", k), &rows::centre_departments(r));
        ui.label(rows::centre_summary(r));
        ui.label(RichText::new(tr!("gui-computed-in", ms = out.millis.to_string())).weak());
        ui.add_space(8.0);
    }
}
