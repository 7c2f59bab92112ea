//! The simulation tab: iterations and seed, percentiles per regime, the probability of meeting
//! each target, the items most often critical, and the charts (`permitflow_app::scenes`).

use egui::{RichText, Ui};
use permitflow_solver::SimulationResult;

use super::Ctx;
use crate::command::{Command, JobKind};
use crate::widgets::{self, AMBER, RED};

/// The table's columns, `|` between them (working days).
const COLUMNS: &str = "regime|deterministic|mean|P50|P80|P95|min|max";

/// Draws the simulation tab: options, percentiles per regime, targets and charts.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        let l = ui.label("Iterations");
        ui.add(
            egui::DragValue::new(&mut cx.settings.iterations)
                .range(100..=1_000_000)
                .speed(100),
        )
        .labelled_by(l.id);
        let l = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut cx.settings.seed))
            .labelled_by(l.id);
        ui.checkbox(&mut cx.settings.simulate_on_change, "run on every change");
        if ui.button("Run simulation").clicked() {
            cx.push(Command::RunSimulation);
        }
        if cx.jobs.simulation.is_running() && widgets::running(ui, "simulating…", "simulation") {
            cx.push(Command::Cancel(JobKind::Simulation));
        }
    });
    ui.label(RichText::new("Durations drawn from each item's spread, submissions returned for correction at their rate; PCG64 seeded per 4,096-iteration chunk, so a seed always gives the same numbers.").weak());
    ui.separator();
    let Some((k, out)) = cx.jobs.simulation.result() else {
        ui.label("Press “Run simulation”.");
        return;
    };
    if k.revision != cx.doc.revision() {
        ui.label(
            RichText::new("These results are for an earlier version of the scenario.").color(AMBER),
        );
    }
    ui.label(
        RichText::new(format!(
            "{} iterations, seed {}, in {} ms",
            k.iterations, k.seed, out.millis
        ))
        .weak(),
    );
    widgets::above_charts(ui, "sim-tables", 0.5, |ui| tables(ui, out));
    ui.separator();
    widgets::charts(
        ui,
        "sim-charts",
        &[&out.chart],
        cx.settings.fit_charts,
        &|_, t| t,
    );
}

/// The percentiles per regime, then each regime's targets and most critical items.
fn tables(ui: &mut Ui, out: &crate::compute::SimOutput) {
    egui::Grid::new("sim-table")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for h in COLUMNS.split('|') {
                ui.strong(h);
            }
            ui.end_row();
            for r in &out.results {
                match r {
                    Ok(r) => {
                        ui.label(&r.regime);
                        for v in [r.deterministic, r.mean, r.p50, r.p80, r.p95, r.min, r.max] {
                            ui.label(widgets::n1(v));
                        }
                    }
                    Err(e) => {
                        ui.label(RichText::new(e).color(RED));
                    }
                }
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(
            "lead times in working days; deterministic: with every item at its limit, no spread",
        )
        .weak(),
    );
    for r in out.results.iter().flatten() {
        summary(ui, r);
    }
}

/// The probability of meeting each target and the items most often critical.
fn summary(ui: &mut Ui, r: &SimulationResult) {
    let targets: Vec<String> = r
        .targets
        .iter()
        .map(|(n, p)| format!("{n}: {:.1} %", p * 100.0))
        .collect();
    let mut crit: Vec<&(String, f64)> = r.criticality.iter().filter(|(_, c)| *c > 0.0).collect();
    crit.sort_by(|a, b| b.1.total_cmp(&a.1));
    let crit: Vec<String> = crit
        .iter()
        .take(6)
        .map(|(id, c)| format!("{id} {:.0} %", c * 100.0))
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&r.regime).strong());
        if !targets.is_empty() {
            ui.label("probability of meeting");
            ui.label(targets.join(" · "));
            ui.label("·");
        }
        ui.label("most often critical:");
        ui.label(RichText::new(crit.join(", ")).weak());
    });
}
