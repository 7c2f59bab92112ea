//! `permitflow centre`: many projects through an approval centre with limited reviewers, as a
//! table or JSON.

use comfy_table::Cell;
use permitflow_model::portfolio::Portfolio;
use permitflow_solver::{CentreResult, StaffingGain};
use serde_json::json;

use super::{OutputFormat, right, wide_table};

fn n1(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else {
        format!("{v:.1}")
    }
}

fn pct(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else {
        format!("{:.0} %", v * 100.0)
    }
}

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
                out.push_str(&format!(
                    "{} — {label}: {} replications of {} working days (after a {}-day warm-up), seed {}{}\n\n",
                    p.name,
                    r.replications,
                    r.horizon,
                    r.warmup,
                    r.seed,
                    r.added_reviewer.as_ref().map(|d| format!(", one more reviewer at {d}")).unwrap_or_default()
                ));
                let mut t = wide_table(vec![
                    "project type",
                    "regime",
                    "arrived",
                    "mean",
                    "P80",
                    "P95",
                    "waiting",
                    "statutory",
                    "within statutory",
                    "within targets",
                ]);
                for x in &r.projects {
                    let targets = x
                        .targets
                        .iter()
                        .map(|s| format!("≤{}: {}", s.working_days, pct(s.share)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    t.add_row(vec![
                        Cell::new(format!(
                            "{}{}",
                            x.name,
                            if x.priority { " (key)" } else { "" }
                        )),
                        Cell::new(&x.regime),
                        Cell::new(n1(x.arrived)),
                        Cell::new(n1(x.mean)),
                        Cell::new(n1(x.p80)),
                        Cell::new(n1(x.p95)),
                        Cell::new(n1(x.mean_wait)),
                        Cell::new(n1(x.statutory)),
                        Cell::new(pct(x.within_statutory)),
                        Cell::new(targets),
                    ]);
                }
                right(&mut t, 2..9);
                out.push_str(&t.to_string());
                out.push_str(
                    "\n(lead times and waiting in working days; arrivals per replication)\n\n",
                );
                let mut t = wide_table(vec![
                    "department",
                    "reviewers",
                    "utilisation",
                    "busy",
                    "mean queue",
                    "mean wait",
                    "reviews",
                ]);
                for d in &r.departments {
                    t.add_row(vec![
                        Cell::new(&d.name),
                        Cell::new(
                            d.reviewers
                                .map(|n| n.to_string())
                                .unwrap_or_else(|| "unlimited".into()),
                        ),
                        Cell::new(pct(d.utilisation)),
                        Cell::new(n1(d.busy)),
                        Cell::new(n1(d.mean_queue)),
                        Cell::new(n1(d.mean_wait)),
                        Cell::new(n1(d.reviews)),
                    ]);
                }
                right(&mut t, 1..7);
                out.push_str(&t.to_string());
                let wip: Vec<f64> = r.wip.iter().map(|(_, w)| *w).collect();
                let mean_wip = wip.iter().sum::<f64>() / wip.len().max(1) as f64;
                out.push_str(&format!(
                    "\nthroughput {:.2} projects per working day · bottleneck: {} · work in progress {:.0} on average (max {:.0})\n\n",
                    r.throughput,
                    r.bottleneck.as_deref().unwrap_or("none (no department saturates)"),
                    mean_wip,
                    wip.iter().copied().fold(0.0, f64::max)
                ));
            }
            if let Some(g) = ranking {
                out.push_str("one more reviewer: where it helps most (P80 lead time saved, averaged over project types by arrivals)\n");
                let mut t = wide_table(vec![
                    "department",
                    "reviewers now",
                    "P80 saved",
                    "mean saved",
                    "utilisation before → after",
                ]);
                for x in g {
                    t.add_row(vec![
                        Cell::new(&x.department),
                        Cell::new(x.reviewers),
                        // `+ 0.0` turns a negative zero into 0.0.
                        Cell::new(format!("{:.1}", x.p80_saved + 0.0)),
                        Cell::new(format!("{:.1}", x.mean_saved + 0.0)),
                        Cell::new(format!(
                            "{} → {}",
                            pct(x.utilisation_before),
                            pct(x.utilisation_after)
                        )),
                    ]);
                }
                right(&mut t, 1..5);
                out.push_str(&t.to_string());
                out.push('\n');
            }
            out
        }
    }
}
