//! `permitflow simulate` and `permitflow plan`: what the uncertainty and the reform planner tell
//! a planner, as tables, CSV or JSON.

use permitflow_app::analysis::PlanReport;
use permitflow_app::rows::tables;
use permitflow_i18n::tr;
use permitflow_model::{DayMeasure, MeasureId, RegimeName, Scenario};
use permitflow_solver::{SimulationResult, Spread};
use serde_json::{Value, json};

use super::{OutputFormat, labelled, rows_table};

/// How the random numbers are drawn, for people.
pub fn rng_note() -> String {
    tr!("cli-rng-note")
}

pub fn simulation(
    s: &Scenario,
    results: &[SimulationResult],
    seed: u64,
    format: OutputFormat,
) -> String {
    match format {
        OutputFormat::Json => {
            let mut v = json!({
                "scenario": s.name,
                "seed": seed,
                "regimes": results.iter().map(|r| json!({
                    "name": r.regime,
                    "iterations": r.iterations,
                    "deterministic": r.deterministic,
                    "mean": r.mean,
                    "p50": r.p50,
                    "p80": r.p80,
                    "p95": r.p95,
                    "min": r.min,
                    "max": r.max,
                    "infeasible": r.infeasible,
                    "approval_days": spread_json(&r.approval),
                    "working_days": spread_json(&tables::simulation_measures(r)[1].1),
                    "calendar_days": r.calendar.as_ref().map(spread_json),
                    "targets": r.targets.iter().map(|(n, p)| json!({
                        "name": n,
                        "measure": target_measure(s, &r.regime, n).map(DayMeasure::name),
                        "probability": p,
                    })).collect::<Vec<_>>(),
                    "criticality": r.criticality.iter().map(|(id, c)| (id.clone(), json!(c))).collect::<serde_json::Map<String, Value>>(),
                    "sensitivity": r.sensitivity.iter().map(|(id, d)| json!({"id": id, "days": d})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            });
            super::insert_attributes(s, &mut v);
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "regime",
                "iterations",
                "deterministic",
                "mean",
                "p50",
                "p80",
                "p95",
                "min",
                "max",
                "infeasible",
                "targets",
                "approval_days_deterministic",
                "approval_days_mean",
                "approval_days_p50",
                "approval_days_p80",
                "approval_days_p95",
                "approval_days_min",
                "approval_days_max",
                "calendar_days_deterministic",
                "calendar_days_mean",
                "calendar_days_p50",
                "calendar_days_p80",
                "calendar_days_p95",
                "calendar_days_min",
                "calendar_days_max",
            ]);
            for r in results {
                let targets = r
                    .targets
                    .iter()
                    .map(|(n, p)| format!("{n}={p}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                let mut row = vec![
                    r.regime.clone(),
                    r.iterations.to_string(),
                    r.deterministic.to_string(),
                    r.mean.to_string(),
                    r.p50.to_string(),
                    r.p80.to_string(),
                    r.p95.to_string(),
                    r.min.to_string(),
                    r.max.to_string(),
                    r.infeasible.to_string(),
                    targets,
                ];
                row.extend(spread_cells(Some(&r.approval)));
                row.extend(spread_cells(r.calendar.as_ref()));
                let _ = w.write_record(row);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        OutputFormat::Table => {
            let mut out = tr!(
                "cli-simulate-heading",
                scenario = s.name.as_str(),
                iterations = results.first().map(|r| r.iterations).unwrap_or(0),
                seed = seed.to_string()
            );
            out.push_str(&super::attributes_line(s));
            out.push('\n');
            out.push_str(&rng_note());
            out.push_str("\n\n");
            let mut table = tables::simulation(results);
            // A row per measure: the regime named for people on its first row only.
            let mut last = String::new();
            for row in &mut table.rows {
                if row[0] == last {
                    row[0] = String::new();
                } else {
                    last = row[0].clone();
                    row[0] = regime_label(s, &row[0]);
                }
            }
            out.push_str(&rows_table(&table));
            out.push('\n');
            out.push_str(&tr!("cli-simulate-unit"));
            out.push('\n');
            let with_targets: Vec<_> = results.iter().filter(|r| !r.targets.is_empty()).collect();
            if !with_targets.is_empty() {
                out.push('\n');
                out.push_str(&tr!("cli-simulate-targets"));
                out.push('\n');
                for r in with_targets {
                    for (name, p) in &r.targets {
                        let shown = if p.is_nan() {
                            tr!("cli-sim-not-simulated")
                        } else {
                            tables::percent1(*p)
                        };
                        let name = match target_measure(s, &r.regime, name) {
                            Some(m) => tr!(
                                "cli-sim-target",
                                name = name.as_str(),
                                measure = tables::sim_measure_label(m)
                            ),
                            None => name.clone(),
                        };
                        let share = labelled(&name, &shown);
                        out.push_str(&format!(
                            "  {}\n",
                            labelled(&regime_label(s, &r.regime), &share)
                        ));
                    }
                }
            }
            for r in results {
                let regime = regime_label(s, &r.regime);
                if r.infeasible > 0 {
                    out.push('\n');
                    out.push_str(&tr!(
                        "cli-simulate-infeasible",
                        regime = regime.as_str(),
                        n = r.infeasible
                    ));
                    out.push('\n');
                }
                out.push_str(&format!(
                    "\n{}\n  {}\n",
                    tr!("cli-simulate-criticality", regime = regime.as_str()),
                    tables::criticality(r, 12)
                        .iter()
                        .map(|(id, c)| format!("{id} {c}"))
                        .collect::<Vec<_>>()
                        .join(" · ")
                ));
                if !r.sensitivity.is_empty() {
                    out.push_str(&format!(
                        "{}\n  {}\n",
                        tr!("cli-simulate-sensitivity", regime = regime.as_str()),
                        r.sensitivity
                            .iter()
                            .take(8)
                            .map(|(id, d)| format!("{id} {d:.2}"))
                            .collect::<Vec<_>>()
                            .join(" · ")
                    ));
                }
            }
            out
        }
    }
}

/// A distribution's figures as JSON (the samples left out).
fn spread_json(x: &Spread) -> Value {
    json!({
        "deterministic": x.deterministic,
        "mean": x.mean,
        "p50": x.p50,
        "p80": x.p80,
        "p95": x.p95,
        "min": x.min,
        "max": x.max,
    })
}

/// A distribution's figures as CSV cells (empty when not simulated).
fn spread_cells(x: Option<&Spread>) -> Vec<String> {
    match x {
        Some(x) => [x.deterministic, x.mean, x.p50, x.p80, x.p95, x.min, x.max]
            .iter()
            .map(f64::to_string)
            .collect(),
        None => vec![String::new(); 7],
    }
}

/// The measure a whole-regime target of `regime` named `name` bounds.
fn target_measure(s: &Scenario, regime: &str, name: &str) -> Option<DayMeasure> {
    s.targets
        .iter()
        .find(|t| t.regime.as_str() == regime && t.name == name && t.stage.is_none())
        .map(|t| t.measure)
}

/// The reform planner's answer in `format`.
pub fn plan(s: &Scenario, regime: &str, r: &PlanReport, format: OutputFormat) -> String {
    let p = &r.plan;
    match format {
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["id", "from", "to", "days", "cost"]);
            for c in &p.cuts {
                let _ = w.write_record([
                    c.id.clone(),
                    c.from.to_string(),
                    c.to.to_string(),
                    c.days.to_string(),
                    c.cost.to_string(),
                ]);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        OutputFormat::Json => {
            let mut v = json!({
                "scenario": s.name,
                "regime": regime,
                "target": p.target.get(),
                "reachable": p.reachable,
                "current_working_days": p.current.get(),
                "working_days": p.working_days.get(),
                "cost": p.cost,
                "least_working_days": p.least_working_days.get(),
                "limiting": p.limiting,
                "calendar_items": p.calendar_items,
                "rounds": p.rounds,
                "fallback": p.fallback,
                "cuts": p.cuts.iter().map(|c| json!({
                    "id": c.id, "from": c.from.get(), "to": c.to.get(), "days": c.days.get(), "cost": c.cost,
                })).collect::<Vec<_>>(),
                "curve": r.curve.as_ref().map(|c| c.iter().map(|(w, cost)| json!({"working_days": w.get(), "cost": cost})).collect::<Vec<_>>()),
                "attribution": {
                    "serial": r.attribution.serial.get(),
                    "working_days": r.attribution.working_days.get(),
                    "steps": r.attribution.steps.iter().map(|st| json!({"name": st.name, "working_days": st.working_days.get(), "saved": st.saved.get()})).collect::<Vec<_>>(),
                    "removals": r.attribution.removals.iter().map(|rm| json!({"name": rm.name, "working_days": rm.working_days.get(), "saves": rm.saves.get()})).collect::<Vec<_>>(),
                },
                "sensitivity": r.sensitivity.iter().map(|x| json!({
                    "id": x.id, "days": x.days.get(), "days_per_day": x.days_per_day, "range": x.range.get(), "until": tables::until(&x.until),
                })).collect::<Vec<_>>(),
            });
            super::insert_attributes(s, &mut v);
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        OutputFormat::Table => {
            let label = regime_label(s, regime);
            let mut out = tr!(
                "cli-plan-heading",
                scenario = s.name.as_str(),
                regime = label.as_str(),
                days = p.current.to_string(),
                target = p.target.to_string()
            );
            out.push_str(&super::attributes_line(s));
            out.push_str("\n\n");
            if !p.calendar_items.is_empty() {
                out.push_str(&tr!(
                    "cli-plan-calendar-items",
                    items = p.calendar_items.join(", ")
                ));
                out.push_str("\n\n");
            }
            if !p.reachable {
                out.push_str(&tr!(
                    "cli-plan-out-of-reach",
                    least = p.least_working_days.to_string()
                ));
                out.push_str("\n  ");
                out.push_str(&tr!("cli-plan-limiting", limiting = p.limiting.join(" → ")));
                out.push('\n');
            } else if p.cuts.is_empty() {
                out.push_str(&tr!(
                    "cli-plan-already-met",
                    days = p.current.to_string(),
                    target = p.target.to_string()
                ));
                out.push('\n');
            } else {
                out.push_str(&tr!(
                    "cli-plan-reachable",
                    days = p.working_days.to_string(),
                    cost = tables::days1(p.cost).trim_end_matches(".0"),
                    least = p.least_working_days.to_string()
                ));
                out.push_str("\n\n");
                out.push_str(&rows_table(&tables::plan_cuts(p)));
                out.push('\n');
                if p.fallback {
                    out.push_str(&tr!("cli-plan-fallback", rounds = p.rounds));
                    out.push('\n');
                }
            }
            if let Some(curve) = &r.curve {
                out.push('\n');
                out.push_str(&tr!("cli-plan-curve"));
                out.push('\n');
                out.push_str(&rows_table(&tables::curve(curve)));
                out.push('\n');
            }
            let a = &r.attribution;
            out.push('\n');
            out.push_str(&tr!(
                "cli-plan-measures",
                serial = a.serial.to_string(),
                regime = label.as_str(),
                days = a.working_days.to_string()
            ));
            out.push('\n');
            out.push_str(&rows_table(&change_labels(s, tables::attribution_steps(a))));
            out.push('\n');
            if !a.removals.is_empty() {
                out.push_str(&rows_table(&change_labels(
                    s,
                    tables::attribution_removals(a),
                )));
                out.push('\n');
            }
            if !r.sensitivity.is_empty() {
                out.push('\n');
                out.push_str(&tr!("cli-plan-sensitivity"));
                out.push('\n');
                out.push_str(&rows_table(&tables::sensitivity(&r.sensitivity)));
                out.push('\n');
            }
            out
        }
    }
}

/// A regime's name for people (串联审批 for `serial`), or the name as given when the scenario
/// has no such regime.
fn regime_label(s: &Scenario, name: &str) -> String {
    s.regime(name)
        .map_or_else(|| name.to_owned(), |r| s.regime_label(&r.name))
}

/// The attribution's rows named for people: `serial` and `parallel` as regimes (串联审批),
/// measures by their labels (联合审查 for `joint_review`).
fn change_labels(s: &Scenario, mut t: tables::Table) -> tables::Table {
    for row in &mut t.rows {
        row[0] = match row[0].as_str() {
            "serial" | "parallel" => s.regime_label(&RegimeName::new(&row[0])),
            name => s.measure_label(&MeasureId::new(name)),
        };
    }
    t
}
