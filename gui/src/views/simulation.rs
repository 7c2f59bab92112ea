//! The simulation tab: iterations and seed, percentiles per regime, the probability of meeting
//! each target, the items most often critical, and the charts (`permitflow_app::scenes`).

use egui::{RichText, Ui};
use permitflow_app::rows::tables as rows;
use permitflow_solver::SimulationResult;

use super::Ctx;
use crate::command::{Command, JobKind};
use crate::widgets::{self, AMBER, RED};

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

/// The percentiles per regime (the table `permitflow simulate` prints), then each regime's
/// targets and most critical items.
fn tables(ui: &mut Ui, out: &crate::compute::SimOutput) {
    let ok: Vec<SimulationResult> = out.results.iter().flatten().cloned().collect();
    widgets::table_grid(ui, "sim-table", &rows::simulation(&ok));
    for e in out.results.iter().filter_map(|r| r.as_ref().err()) {
        ui.label(RichText::new(e).color(RED));
    }
    ui.label(
        RichText::new(
            "lead times in working days; deterministic: with every item at its limit, no spread",
        )
        .weak(),
    );
    for r in &ok {
        summary(ui, r);
    }
}

/// The probability of meeting each target and the items most often critical.
fn summary(ui: &mut Ui, r: &SimulationResult) {
    let targets: Vec<String> = r
        .targets
        .iter()
        .map(|(n, p)| format!("{n}: {}", rows::percent1(*p)))
        .collect();
    let crit: Vec<String> = rows::criticality(r, 6)
        .into_iter()
        .map(|(id, c)| format!("{id} {c}"))
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
