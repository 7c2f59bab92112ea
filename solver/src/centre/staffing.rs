//! Staffing what-ifs: one more reviewer in a department, and the ranking of departments by what
//! it saves.

use std::collections::BTreeMap;

use super::{
    CentreOptions, CentreResult, ProjectType, StaffingGain, bad, simulate_centre_with_cancel,
};
use crate::error::SolveError;

/// `departments` with one more reviewer in `add`, which must be listed.
pub(super) fn with_added(
    departments: &BTreeMap<String, usize>,
    add: Option<&str>,
) -> Result<BTreeMap<String, usize>, SolveError> {
    let mut caps = departments.clone();
    if let Some(d) = add {
        match caps.get_mut(d) {
            Some(c) => *c += 1,
            None => {
                return Err(bad(
                    "add_reviewer",
                    permitflow_i18n::tr!(
                        "diag-solver-add-reviewer",
                        name = d,
                        known = departments
                            .keys()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(&permitflow_i18n::tr!("diag-list-separator"))
                    ),
                ));
            }
        }
    }
    Ok(caps)
}

/// Ranks the finite-capacity departments by what one more reviewer saves: each is rerun with one
/// more reviewer (same seed, so the same arrivals and samples) and compared with the baseline
/// (`departments` with `opts.add_reviewer` applied, if any). Largest P80 saving first (ties:
/// mean saving, then name).
pub fn rank_reviewers(
    projects: &[ProjectType],
    departments: &BTreeMap<String, usize>,
    opts: &CentreOptions,
) -> Result<Vec<StaffingGain>, SolveError> {
    rank_reviewers_with_cancel(projects, departments, opts, &|| false)
}

/// [`rank_reviewers`] that stops early, with [`SolveError::Cancelled`], once `cancelled` says so.
pub fn rank_reviewers_with_cancel(
    projects: &[ProjectType],
    departments: &BTreeMap<String, usize>,
    opts: &CentreOptions,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<StaffingGain>, SolveError> {
    let base_deps = with_added(departments, opts.add_reviewer.as_deref())?;
    let plain = CentreOptions {
        add_reviewer: None,
        ..opts.clone()
    };
    let base = simulate_centre_with_cancel(projects, &base_deps, &plain, cancelled)?;
    let mut gains = Vec::new();
    for (dept, &reviewers) in &base_deps {
        let with = simulate_centre_with_cancel(
            projects,
            &base_deps,
            &CentreOptions {
                add_reviewer: Some(dept.clone()),
                ..plain.clone()
            },
            cancelled,
        )?;
        let util = |r: &CentreResult| {
            r.departments
                .iter()
                .find(|d| &d.name == dept)
                .map(|d| d.utilisation)
                .unwrap_or(f64::NAN)
        };
        let mut per_type = Vec::new();
        let (mut w, mut p80, mut mean) = (0.0, 0.0, 0.0);
        for (b, a) in base.projects.iter().zip(&with.projects) {
            let saved = b.p80 - a.p80;
            per_type.push((b.name.clone(), saved));
            if saved.is_finite() && (b.mean - a.mean).is_finite() && b.rate > 0.0 {
                w += b.rate;
                p80 += b.rate * saved;
                mean += b.rate * (b.mean - a.mean);
            }
        }
        let (p80_saved, mean_saved) = if w > 0.0 {
            (p80 / w, mean / w)
        } else {
            (f64::NAN, f64::NAN)
        };
        gains.push(StaffingGain {
            department: dept.clone(),
            reviewers,
            p80_saved,
            mean_saved,
            utilisation_before: util(&base),
            utilisation_after: util(&with),
            per_type,
        });
    }
    let key = |x: f64| if x.is_nan() { f64::NEG_INFINITY } else { x };
    gains.sort_by(|a, b| {
        key(b.p80_saved)
            .total_cmp(&key(a.p80_saved))
            .then(key(b.mean_saved).total_cmp(&key(a.mean_saved)))
            .then(a.department.cmp(&b.department))
    });
    Ok(gains)
}
