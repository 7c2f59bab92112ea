//! `permitflow centre`: many projects through an approval centre with limited reviewers, as a
//! table or JSON.

use permitflow_app::rows::tables;
use permitflow_model::portfolio::Portfolio;
use permitflow_solver::{CentreResult, StaffingGain};
use serde_json::json;

use super::{OutputFormat, rows_table};

/// The approval centre's runs (and the staffing ranking) in `format`.
pub fn report(
    p: &Portfolio,
    runs: &[(String, CentreResult)],
    ranking: Option<&[StaffingGain]>,
    format: OutputFormat,
) -> String {
    match format {
        OutputFormat::Json | OutputFormat::Csv => {
            let v = json!({
                "portfolio": p.name,
                "runs": runs.iter().map(|(label, r)| json!({
                    "regime": label,
                    "horizon": r.horizon,
                    "warmup": r.warmup,
                    "replications": r.replications,
                    "seed": r.seed,
                    "added_reviewer": r.added_reviewer,
                    "throughput": r.throughput,
                    "bottleneck": r.bottleneck,
                    "projects": r.projects.iter().map(|t| json!({
                        "name": t.name, "regime": t.regime, "priority": t.priority,
                        "arrived": t.arrived, "completed": t.completed, "unfinished": t.unfinished,
                        "mean": t.mean, "p50": t.p50, "p80": t.p80, "p95": t.p95, "max": t.max,
                        "mean_wait": t.mean_wait, "statutory": t.statutory, "within_statutory": t.within_statutory,
                        "targets": t.targets.iter().map(|x| json!({"name": x.name, "working_days": x.working_days, "share": x.share})).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "departments": r.departments.iter().map(|d| json!({
                        "name": d.name, "reviewers": d.reviewers, "utilisation": if d.utilisation.is_nan() { None } else { Some(d.utilisation) },
                        "busy": d.busy, "mean_queue": d.mean_queue, "mean_wait": if d.mean_wait.is_nan() { None } else { Some(d.mean_wait) }, "reviews": d.reviews,
                    })).collect::<Vec<_>>(),
                    "work_in_progress": r.wip.iter().map(|(t, w)| json!([t, w])).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "staffing": ranking.map(|g| g.iter().map(|x| json!({
                    "department": x.department, "reviewers": x.reviewers, "p80_saved": x.p80_saved, "mean_saved": x.mean_saved,
                    "utilisation_before": x.utilisation_before, "utilisation_after": x.utilisation_after,
                })).collect::<Vec<_>>()),
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        OutputFormat::Table => {
            let mut out = String::new();
            for (label, r) in runs {
                out.push_str(&format!("{}\n\n", tables::centre_title(&p.name, label, r)));
                out.push_str(&rows_table(&tables::centre_projects(r)));
                out.push_str(&format!("\n{}\n\n", tables::CENTRE_PROJECTS_NOTE));
                out.push_str(&rows_table(&tables::centre_departments(r)));
                out.push_str(&format!("\n{}\n\n", tables::centre_summary(r)));
            }
            if let Some(g) = ranking {
                out.push_str(&format!("{}\n", tables::STAFFING_TITLE));
                out.push_str(&rows_table(&tables::staffing(g)));
                out.push('\n');
            }
            out
        }
    }
}
