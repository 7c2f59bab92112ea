//! `permitflow centre`: many projects through an approval centre with limited reviewers, as a
//! table, JSON or CSV.

use permitflow_app::rows::tables;
use permitflow_model::portfolio::Portfolio;
use permitflow_solver::{CentreResult, StaffingGain};
use serde_json::json;

use super::{OutputFormat, csv_text, rows_table};

/// The approval centre's runs (and the staffing ranking) in `format`.
pub fn report(
    p: &Portfolio,
    runs: &[(String, CentreResult)],
    ranking: Option<&[StaffingGain]>,
    format: OutputFormat,
) -> String {
    match format {
        OutputFormat::Csv => csv(runs, ranking),
        OutputFormat::Json => {
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
                        "approval_days": {
                            "mean": t.approval.mean, "p50": t.approval.p50, "p80": t.approval.p80,
                            "p95": t.approval.p95, "max": t.approval.max, "statutory": t.approval.statutory,
                        },
                        "targets": t.targets.iter().map(|x| json!({
                            "name": x.name, "measure": x.measure.name(), "working_days": x.working_days,
                            "days_min": x.days_min, "share": if x.share.is_nan() { None } else { Some(x.share) },
                        })).collect::<Vec<_>>(),
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
                out.push_str(&format!("\n{}\n\n", tables::centre_projects_note()));
                out.push_str(&rows_table(&tables::centre_departments(r)));
                out.push_str(&format!("\n{}\n\n", tables::centre_summary(r)));
            }
            if let Some(g) = ranking {
                out.push_str(&format!("{}\n", tables::staffing_title()));
                out.push_str(&rows_table(&tables::staffing(g)));
                out.push('\n');
            }
            out
        }
    }
}

/// The columns of `centre --format csv`: one row per run and project type (`kind` = project),
/// department (`department`) or staffing option (`staffing`); a cell that does not apply to the
/// row's kind is empty. A staffing row gives the department's reviewers and utilisation today
/// and what one more reviewer saves. The `approval_days_…` columns are a project type's
/// official approval days (the lead-time columns before them are elapsed working days).
pub const CSV_COLUMNS: [&str; 26] = [
    "regime",
    "added_reviewer",
    "kind",
    "name",
    "priority",
    "arrived",
    "completed",
    "unfinished",
    "mean",
    "p50",
    "p80",
    "p95",
    "max",
    "mean_wait",
    "within_statutory",
    "reviewers",
    "utilisation",
    "mean_queue",
    "reviews",
    "p80_saved",
    "mean_saved",
    "approval_days_mean",
    "approval_days_p50",
    "approval_days_p80",
    "approval_days_p95",
    "approval_days_max",
];

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{}", (x * 1e6).round() / 1e6)
    } else {
        String::new()
    }
}

/// One tidy table (a spreadsheet or data frame filters it by `kind`).
fn csv(runs: &[(String, CentreResult)], ranking: Option<&[StaffingGain]>) -> String {
    let mut rows = vec![CSV_COLUMNS.map(str::to_owned).to_vec()];
    let blank = || vec![String::new(); CSV_COLUMNS.len()];
    for (label, r) in runs {
        let head = |kind: &str, name: &str| {
            let mut row = blank();
            row[0] = label.clone();
            row[1] = r.added_reviewer.clone().unwrap_or_default();
            row[2] = kind.to_owned();
            row[3] = name.to_owned();
            row
        };
        for t in &r.projects {
            let mut row = head("project", &t.name);
            row[4] = t.priority.to_string();
            for (i, x) in [t.arrived, t.completed].into_iter().enumerate() {
                row[5 + i] = num(x);
            }
            row[7] = t.unfinished.to_string();
            let stats = [
                t.mean,
                t.p50,
                t.p80,
                t.p95,
                t.max,
                t.mean_wait,
                t.within_statutory,
            ];
            for (i, x) in stats.into_iter().enumerate() {
                row[8 + i] = num(x);
            }
            let a = &t.approval;
            for (i, x) in [a.mean, a.p50, a.p80, a.p95, a.max].into_iter().enumerate() {
                row[21 + i] = num(x);
            }
            rows.push(row);
        }
        for d in &r.departments {
            let mut row = head("department", &d.name);
            row[13] = num(d.mean_wait);
            row[15] = d.reviewers.map(|n| n.to_string()).unwrap_or_default();
            row[16] = num(d.utilisation);
            row[17] = num(d.mean_queue);
            row[18] = num(d.reviews);
            rows.push(row);
        }
    }
    for g in ranking.unwrap_or_default() {
        let mut row = blank();
        row[2] = "staffing".into();
        row[3] = g.department.clone();
        row[15] = g.reviewers.to_string();
        row[16] = num(g.utilisation_before);
        row[19] = num(g.p80_saved);
        row[20] = num(g.mean_saved);
        rows.push(row);
    }
    csv_text(rows)
}
