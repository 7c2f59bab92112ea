//! A calibration as JSON, in the shape the issue fixes: `{"items": [...], "project_types":
//! [...], "rejected": N}`. Keys are English and never translated.

use serde_json::{Value, json};

use super::{Calibration, Spread, Validation};

/// The JSON of `c`. An unknown figure (no limit, no return, all arrivals on one day) is `null`.
pub fn to_json(c: &Calibration) -> Value {
    let items: Vec<Value> = c
        .items
        .iter()
        .map(|i| {
            let spread = match i.spread {
                Spread::Fixed(v) => json!({"dist": "fixed", "likely": v}),
                Spread::Triangular { min, mode, max } => {
                    json!({"dist": "triangular", "min": min, "likely": mode, "max": max})
                }
                Spread::Pert { min, mode, max } => {
                    json!({"dist": "pert", "min": min, "likely": mode, "max": max})
                }
                Spread::Empirical => json!({"dist": "empirical"}),
            };
            json!({
                "item": i.item,
                "cases": i.cases,
                "mean": i.mean,
                "p50": i.p50,
                "p80": i.p80,
                "min": i.min,
                "max": i.max,
                "review_mean": i.review_mean,
                "spread": spread,
                "fit_distance": i.fit_distance,
                "return_rate": i.return_rate,
                "correction_mean": i.correction_mean,
                "rereview_mean": i.rereview_mean,
                "overdue_rate": i.overdue_rate,
            })
        })
        .collect();
    let types: Vec<Value> = c
        .project_types
        .iter()
        .map(|t| {
            let [p50, p80, p95] = t.lead.map_or([None; 3], |l| l.map(Some));
            json!({
                "project_type": t.project_type,
                "cases": t.cases,
                "per_year": t.per_year,
                "p50": p50,
                "p80": p80,
                "p95": p95,
            })
        })
        .collect();
    json!({"items": items, "project_types": types, "rejected": c.rejected_count})
}

/// The validation as JSON: `{"regime", "cases", "seed", "project_types": [{"project_type",
/// "observed": {"p50", "p80", "p95"}, "simulated": {…}}]}`.
pub fn validation_to_json(v: &Validation) -> Value {
    let rows: Vec<Value> = v
        .rows
        .iter()
        .map(|r| {
            json!({
                "project_type": r.project_type,
                "observed": {"p50": r.observed[0], "p80": r.observed[1], "p95": r.observed[2]},
                "simulated": {"p50": r.simulated[0], "p80": r.simulated[1], "p95": r.simulated[2]},
            })
        })
        .collect();
    json!({"regime": v.regime, "cases": v.cases, "seed": v.seed, "project_types": rows})
}
