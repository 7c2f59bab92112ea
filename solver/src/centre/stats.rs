//! The replications combined in replication order: per project type, per department, the
//! bottleneck and the work in progress.

use super::prepare::TypeModel;
use super::run::{RepOut, Run};
use permitflow_model::DayMeasure;

use super::{
    ApprovalDays, CentreOptions, CentreResult, DepartmentResult, EPS, ProjectType,
    ProjectTypeResult, TargetShare, WIP_STEP,
};
use crate::sample::percentile;

pub(super) fn combine(
    run: &Run,
    projects: &[ProjectType],
    models: &[TypeModel],
    depts: Vec<(String, Option<usize>)>,
    outs: Vec<RepOut>,
    opts: &CentreOptions,
) -> CentreResult {
    let reps = outs.len();
    let per_rep = |x: f64| if reps == 0 { f64::NAN } else { x / reps as f64 };
    let h = opts.horizon;

    let projects_out = projects
        .iter()
        .zip(models)
        .enumerate()
        .map(|(t, (p, m))| {
            let mut samples = Vec::new();
            let mut approvals = Vec::new();
            let (mut arrived, mut completed, mut breaks) = (0u64, 0u64, 0u64);
            let mut wait = 0.0;
            let mut rep_means = Vec::with_capacity(reps);
            let mut rep_waits = Vec::with_capacity(reps);
            for o in &outs {
                samples.extend_from_slice(&o.leads[t]);
                approvals.extend_from_slice(&o.approvals[t]);
                arrived += o.arrived[t];
                completed += o.completed[t];
                breaks += o.breaks[t];
                wait += o.wait[t];
                if !o.leads[t].is_empty() {
                    let n = o.leads[t].len() as f64;
                    rep_means.push(o.leads[t].iter().sum::<f64>() / n);
                    rep_waits.push(o.wait[t] / n);
                }
            }
            let finished = samples.len();
            let mean = if finished == 0 {
                f64::NAN
            } else {
                samples.iter().sum::<f64>() / finished as f64
            };
            let approval_sum: f64 = approvals.iter().sum();
            samples.sort_by(f64::total_cmp);
            approvals.sort_by(f64::total_cmp);
            let within = |sorted: &[f64], lo: Option<f64>, hi: f64| {
                if arrived == 0 {
                    f64::NAN
                } else {
                    let below = lo.map_or(0, |lo| sorted.partition_point(|&x| x < lo - EPS));
                    (sorted.partition_point(|&x| x <= hi + EPS) - below) as f64 / arrived as f64
                }
            };
            let share = |bound: f64| within(&samples, None, bound);
            ProjectTypeResult {
                name: p.name.clone(),
                regime: p.regime.name.to_string(),
                priority: p.priority,
                rate: p.rate,
                arrived: per_rep(arrived as f64),
                completed: per_rep(completed as f64),
                unfinished: arrived as usize - finished,
                mean,
                mean_se: standard_error(&rep_means),
                p50: percentile(&samples, 0.50),
                p80: percentile(&samples, 0.80),
                p95: percentile(&samples, 0.95),
                max: samples.last().copied().unwrap_or(f64::NAN),
                mean_wait: if finished == 0 {
                    f64::NAN
                } else {
                    wait / finished as f64
                },
                mean_wait_se: standard_error(&rep_waits),
                statutory: m.statutory,
                within_statutory: share(m.statutory),
                targets: m
                    .targets
                    .iter()
                    .map(|&(ref name, measure, lo, hi)| TargetShare {
                        name: name.clone(),
                        measure,
                        working_days: hi,
                        days_min: lo,
                        share: match measure {
                            DayMeasure::WorkingDays => within(&samples, lo, hi),
                            DayMeasure::ApprovalDays => within(&approvals, lo, hi),
                            DayMeasure::CalendarDays => f64::NAN,
                        },
                    })
                    .collect(),
                approval: ApprovalDays {
                    mean: if finished == 0 {
                        f64::NAN
                    } else {
                        approval_sum / finished as f64
                    },
                    p50: percentile(&approvals, 0.50),
                    p80: percentile(&approvals, 0.80),
                    p95: percentile(&approvals, 0.95),
                    max: approvals.last().copied().unwrap_or(f64::NAN),
                    statutory: m.statutory_approval,
                    samples: approvals,
                },
                upper_bound_breaks: if finished == 0 {
                    f64::NAN
                } else {
                    breaks as f64 / finished as f64
                },
                samples,
            }
        })
        .collect();

    let departments: Vec<DepartmentResult> = depts
        .into_iter()
        .enumerate()
        .map(|(d, (name, reviewers))| {
            let busy = per_rep(outs.iter().map(|o| o.busy_area[d]).sum::<f64>()) / h;
            let wait_sum: f64 = outs.iter().map(|o| o.wait_sum[d]).sum();
            let waits: u64 = outs.iter().map(|o| o.waits[d]).sum();
            let rep_means: Vec<f64> = outs
                .iter()
                .filter(|o| o.waits[d] > 0)
                .map(|o| o.wait_sum[d] / o.waits[d] as f64)
                .collect();
            DepartmentResult {
                name,
                reviewers,
                utilisation: match reviewers {
                    Some(c) if c > 0 => busy / c as f64,
                    _ => f64::NAN,
                },
                busy,
                mean_queue: per_rep(outs.iter().map(|o| o.queue_area[d]).sum::<f64>()) / h,
                mean_wait: if waits == 0 {
                    f64::NAN
                } else {
                    wait_sum / waits as f64
                },
                mean_wait_se: standard_error(&rep_means),
                reviews: per_rep(waits as f64),
            }
        })
        .collect();

    let bottleneck = departments
        .iter()
        .filter(|d| d.reviewers.is_some() && !d.utilisation.is_nan())
        .max_by(|a, b| {
            a.utilisation.total_cmp(&b.utilisation).then(
                a.mean_wait
                    .max(f64::NEG_INFINITY)
                    .total_cmp(&b.mean_wait.max(f64::NEG_INFINITY)),
            )
        })
        .map(|d| d.name.clone());

    let wip = (0..run.n_samples)
        .map(|k| {
            let total: f64 = outs.iter().map(|o| o.wip[k]).sum();
            (k as f64 * WIP_STEP, per_rep(total))
        })
        .collect();

    CentreResult {
        horizon: h,
        warmup: opts.warmup,
        replications: reps,
        seed: opts.seed,
        added_reviewer: opts.add_reviewer.clone(),
        projects: projects_out,
        departments,
        throughput: per_rep(outs.iter().map(|o| o.completions as f64).sum::<f64>()) / h,
        bottleneck,
        wip,
    }
}

/// Standard error of the mean of `x` (sample standard deviation over √n); NaN below 2 values.
fn standard_error(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return f64::NAN;
    }
    let m = x.iter().sum::<f64>() / n as f64;
    let var = x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64;
    (var / n as f64).sqrt()
}
