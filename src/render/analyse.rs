//! `permitflow simulate` and `permitflow plan`: what the uncertainty and the reform planner tell
//! a planner, as tables, CSV or JSON.

use permitflow_app::analysis::PlanReport;
use permitflow_app::rows::tables;
use permitflow_model::Scenario;
use permitflow_solver::SimulationResult;
use serde_json::{Value, json};

use super::{OutputFormat, rows_table};

pub const RNG_NOTE: &str = "PCG64 (MCG) seeded per 4,096-iteration chunk: the same seed gives the same numbers on any number of threads";

pub fn simulation(
    s: &Scenario,
    results: &[SimulationResult],
    seed: u64,
    format: OutputFormat,
) -> String {
    match format {
        OutputFormat::Json => {
            let v = json!({
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
                    "targets": r.targets.iter().map(|(n, p)| json!({"name": n, "probability": p})).collect::<Vec<_>>(),
                    "criticality": r.criticality.iter().map(|(id, c)| (id.clone(), json!(c))).collect::<serde_json::Map<String, Value>>(),
                    "sensitivity": r.sensitivity.iter().map(|(id, d)| json!({"id": id, "days": d})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            });
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
            ]);
            for r in results {
                let targets = r
                    .targets
                    .iter()
                    .map(|(n, p)| format!("{n}={p}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                let _ = w.write_record([
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
                ]);
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        OutputFormat::Table => {
            let mut out = format!(
                "{} — simulation, {} iterations, seed {seed}\n{RNG_NOTE}\n\n",
                s.name,
                results.first().map(|r| r.iterations).unwrap_or(0)
            );
            out.push_str(&rows_table(&tables::simulation(results)));
            out.push_str("\n(working days)\n");
            let with_targets: Vec<_> = results.iter().filter(|r| !r.targets.is_empty()).collect();
            if !with_targets.is_empty() {
                out.push_str("\nprobability of meeting each target\n");
                for r in with_targets {
                    for (name, p) in &r.targets {
                        out.push_str(&format!(
                            "  {}: {name}: {}\n",
                            r.regime,
                            tables::percent1(*p)
                        ));
                    }
                }
            }
            for r in results {
                if r.infeasible > 0 {
                    out.push_str(&format!(
                        "\n{}: {} iterations broke a maximum lag or deadline (counted as missing every target)\n",
                        r.regime, r.infeasible
                    ));
                }
                out.push_str(&format!(
                    "\n{}: criticality (share of iterations on the critical path)\n  {}\n",
                    r.regime,
                    tables::criticality(r, 12)
                        .iter()
                        .map(|(id, c)| format!("{id} {c}"))
                        .collect::<Vec<_>>()
                        .join(" · ")
                ));
                if !r.sensitivity.is_empty() {
                    out.push_str(&format!(
                        "{}: what drives the spread (working days per standard deviation of the item)\n  {}\n",
                        r.regime,
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
            let v = json!({
                "scenario": s.name,
                "regime": regime,
                "target": p.target.get(),
                "reachable": p.reachable,
                "current_working_days": p.current.get(),
                "working_days": p.working_days.get(),
                "cost": p.cost,
                "least_working_days": p.least_working_days.get(),
                "limiting": p.limiting,
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
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        OutputFormat::Table => {
            let mut out = format!(
                "{} — regime {regime}: {} working days today, target {}\n\n",
                s.name, p.current, p.target
            );
            if !p.reachable {
                out.push_str(&format!(
                    "✗ the target is out of reach: the least achievable is {} working days, with every limit at its floor.\n  What limits it: {}\n",
                    p.least_working_days,
                    p.limiting.join(" → ")
                ));
            } else if p.cuts.is_empty() {
                out.push_str(&format!(
                    "✓ already met: {} working days ≤ {}; nothing to cut.\n",
                    p.current, p.target
                ));
            } else {
                out.push_str(&format!(
                    "✓ reachable: {} working days at a cost of {} (least achievable: {})\n\n",
                    p.working_days,
                    tables::days1(p.cost).trim_end_matches(".0"),
                    p.least_working_days
                ));
                out.push_str(&rows_table(&tables::plan_cuts(p)));
                out.push('\n');
            }
            if let Some(curve) = &r.curve {
                out.push_str("\ntime–cost curve (least cost of each makespan; breakpoints)\n");
                out.push_str(&rows_table(&tables::curve(curve)));
                out.push('\n');
            }
            let a = &r.attribution;
            out.push_str(&format!(
                "\nwhat each measure is worth (serial {} → {regime} {})\n",
                a.serial, a.working_days
            ));
            out.push_str(&rows_table(&tables::attribution_steps(a)));
            out.push('\n');
            if !a.removals.is_empty() {
                out.push_str(&rows_table(&tables::attribution_removals(a)));
                out.push('\n');
            }
            if !r.sensitivity.is_empty() {
                out.push_str(
                    "\nsensitivity of the critical items (cutting one working day from an item)\n",
                );
                out.push_str(&rows_table(&tables::sensitivity(&r.sensitivity)));
                out.push('\n');
            }
            out
        }
    }
}
