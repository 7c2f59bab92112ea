//! The simulation tab: iterations and seed, percentiles per regime, the probability of meeting
//! each target, the items most often critical, and the charts (`permitflow_app::scenes`).

use egui::{RichText, Ui};
use permitflow_app::rows::tables as rows;
use permitflow_i18n::tr;
use permitflow_solver::SimulationResult;

use super::Ctx;
use crate::command::{Command, JobKind};
use crate::glossary::{self, Term};
use crate::widgets::{self, AMBER, RED};

/// Draws the simulation tab: options, percentiles per regime, targets and charts.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("gui-sim-iterations"));
        ui.add(
            egui::DragValue::new(&mut cx.settings.iterations)
                .range(100..=1_000_000)
                .speed(100),
        )
        .labelled_by(l.id);
        let l = ui.label(tr!("gui-seed"));
        ui.add(egui::DragValue::new(&mut cx.settings.seed))
            .labelled_by(l.id);
        ui.checkbox(
            &mut cx.settings.simulate_on_change,
            tr!("gui-sim-on-change"),
        );
        if ui.button(tr!("gui-sim-run")).clicked() {
            cx.push(Command::RunSimulation);
        }
        if cx.jobs.simulation.is_running()
            && widgets::running(ui, &tr!("gui-sim-running"), &tr!("gui-job-simulation"))
        {
            cx.push(Command::Cancel(JobKind::Simulation));
        }
    });
    ui.label(RichText::new(tr!("gui-sim-note")).weak());
    ui.separator();
    let Some((k, out)) = cx.jobs.simulation.result() else {
        ui.label(tr!("gui-sim-press-run"));
        return;
    };
    if k.revision != cx.doc.revision() {
        ui.label(RichText::new(tr!("gui-stale-results")).color(AMBER));
    }
    ui.label(
        RichText::new(tr!(
            "gui-sim-done",
            iterations = k.iterations,
            seed = k.seed.to_string(),
            ms = out.millis.to_string()
        ))
        .weak(),
    );
    let draft = &cx.doc.draft;
    widgets::above_charts(ui, "sim-tables", 0.5, |ui| tables(ui, out, draft));
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
fn tables(ui: &mut Ui, out: &crate::compute::SimOutput, s: &permitflow_model::Draft) {
    let ok: Vec<SimulationResult> = out.results.iter().flatten().cloned().collect();
    // A row per measure (approval days, elapsed working and calendar days), each naming its
    // regime for people (and for the accessible label of every cell).
    let mut table = rows::simulation(&ok);
    for row in &mut table.rows {
        row[0] = widgets::regime_label(s, &row[0]);
    }
    widgets::table_grid(ui, "sim-table", &table);
    for e in out.results.iter().filter_map(|r| r.as_ref().err()) {
        ui.label(RichText::new(e).color(RED));
    }
    ui.label(RichText::new(tr!("gui-sim-table-note")).weak());
    ui.label(RichText::new(tr!("gui-sim-clocks-note")).weak());
    for r in &ok {
        summary(ui, r, s);
    }
}

/// The probability of meeting each target and the items most often critical.
fn summary(ui: &mut Ui, r: &SimulationResult, s: &permitflow_model::Draft) {
    let targets: Vec<String> = r
        .targets
        .iter()
        .map(|(n, p)| {
            let measure = s
                .targets
                .iter()
                .find(|t| t.regime.as_str() == r.regime && &t.name == n && t.stage.is_none())
                .map(|t| rows::sim_measure_label(t.measure));
            let shown = if p.is_nan() {
                tr!("gui-sim-not-simulated")
            } else {
                rows::percent1(*p)
            };
            match measure {
                Some(m) => format!("{n} ({m}): {shown}"),
                None => format!("{n}: {shown}"),
            }
        })
        .collect();
    // Items by name (the id on hover over the line).
    let names = widgets::names(s);
    let critical = rows::criticality(r, 6);
    let crit: Vec<String> = critical
        .iter()
        .map(|(id, c)| {
            format!(
                "{} {c}",
                names.get(id.as_str()).copied().unwrap_or(id.as_str())
            )
        })
        .collect();
    let ids: Vec<String> = critical.iter().map(|(id, _)| id.to_string()).collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(widgets::regime_label(s, &r.regime)).strong());
        if !targets.is_empty() {
            glossary::term(ui, Term::Target, tr!("gui-sim-probability"));
            ui.label(targets.join(" · "));
            ui.label("·");
        }
        glossary::term(ui, Term::Criticality, tr!("gui-sim-most-critical"));
        ui.label(RichText::new(crit.join(", ")).weak())
            .on_hover_text(ids.join(", "));
    });
}
