//! The milestones of a comparison: a table for people after the comparison, and a `milestones`
//! array in the comparison's JSON (CSV has one row per regime and no room for them).

use permitflow_app::rows::MilestoneRow;
use permitflow_app::rows::milestones::table;
use permitflow_i18n::tr;
use serde_json::{Value, json};

use super::{date, rows_table};

/// The heading and the table, or nothing when the scenario has no milestones.
pub fn milestones_text(rows: &[MilestoneRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "{}\n{}\n",
        tr!("cli-compare-milestones"),
        rows_table(&table(rows))
    )
}

/// Each milestone with, per regime, its date (ISO) and days by the three measures, and the
/// difference to the baseline (`null` for the baseline itself or a serial regime).
pub fn milestones_json(rows: &[MilestoneRow]) -> Value {
    Value::Array(
        rows.iter()
            .map(|m| {
                json!({
                    "id": m.id,
                    "name": m.name,
                    "item": m.item,
                    "at": m.at.name(),
                    "regimes": m.cells.iter().map(|c| match &c.reached {
                        Some(r) => json!({
                            "regime": c.regime,
                            "date": date(r.date),
                            "approval_days": r.approval_days.get(),
                            "working_days": r.working_days.get(),
                            "calendar_days": r.calendar_days,
                            "vs_baseline": c.vs_baseline.map(|g| json!({
                                "approval_days": g.approval_days.get(),
                                "working_days": g.working_days.get(),
                                "calendar_days": g.calendar_days,
                            })),
                        }),
                        None => json!({ "regime": c.regime, "date": null }),
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}
