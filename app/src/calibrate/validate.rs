//! Validation of a fitted scenario: its cases simulated under the regime the log's cases ran
//! under, recorded as the approval system would have ([`crate::synth`]) and measured exactly as
//! the log was, so the simulated lead times compare with the observed ones on one measure.

use permitflow_i18n::tr;
use permitflow_model::event_log::check;
use permitflow_model::{Calendar, Scenario};

use super::{Calibration, measure_log};
use crate::synth::{LogOptions, MAX_LOG_CASES, synthetic_log};
use crate::{Error, Loaded};

/// The fewest cases simulated, whatever the log's size: the percentiles of a few hundred
/// simulated cases would vary more than the fit is worth.
pub const MIN_VALIDATION_CASES: usize = 2_000;
/// The most cases simulated: 10,000 give a P95 to well under a percent, and a log of a
/// hundred thousand cases is not simulated again in full.
pub const MAX_VALIDATION_CASES: usize = 10_000;

/// Observed and simulated lead times of one project type.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationRow {
    /// The project type as the log names it.
    pub project_type: String,
    /// Observed P50, P80, P95 (elapsed working days, first received to last completed).
    pub observed: [f64; 3],
    /// The fitted scenario's P50, P80, P95, measured the same way.
    pub simulated: [f64; 3],
    /// The observed lead times, ascending.
    pub observed_samples: Vec<f64>,
    /// The simulated lead times, ascending.
    pub simulated_samples: Vec<f64>,
}

/// The fitted scenario against the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// The regime simulated.
    pub regime: String,
    /// Cases simulated per project type.
    pub cases: usize,
    /// The seed.
    pub seed: u64,
    /// Per project type with complete cases, in the log's order.
    pub rows: Vec<ValidationRow>,
}

/// Simulates `fitted` under `regime` for each project type of `c` with complete cases: as many
/// cases as the log has (at least [`MIN_VALIDATION_CASES`], at most [`MAX_VALIDATION_CASES`]),
/// arriving over the same days, on `calendar`.
pub fn validate(
    c: &Calibration,
    fitted: &Scenario,
    calendar: &Calendar,
    regime: &str,
    seed: u64,
) -> Result<Validation, Error> {
    let loaded = Loaded {
        scenario: fitted.clone(),
        calendar: calendar.clone(),
        label: c.label.clone(),
        save_path: None,
    };
    let mut rows = Vec::new();
    let mut simulated_cases = 0;
    for t in &c.project_types {
        let (Some(observed), Some((first, last))) = (t.lead, t.arrivals) else {
            continue;
        };
        let cases = t.cases.clamp(
            MIN_VALIDATION_CASES,
            MAX_VALIDATION_CASES.min(MAX_LOG_CASES),
        );
        simulated_cases = simulated_cases.max(cases);
        let days = u32::try_from((last - first).num_days() + 1).unwrap_or(u32::MAX);
        let opts = LogOptions {
            cases,
            seed,
            first,
            days: days.clamp(1, crate::synth::MAX_LOG_DAYS),
            project_type: t.project_type.clone(),
        };
        let log = synthetic_log(&loaded, regime, &opts)?;
        let measured = measure_log(c.label.clone(), &check(log, None), calendar, Some(fitted));
        let Some(sim) = measured.project_types.into_iter().next() else {
            continue;
        };
        let Some(simulated) = sim.lead else {
            continue;
        };
        rows.push(ValidationRow {
            project_type: t.project_type.clone(),
            observed,
            simulated,
            observed_samples: t.lead_samples.clone(),
            simulated_samples: sim.lead_samples,
        });
    }
    Ok(Validation {
        regime: regime.to_owned(),
        cases: simulated_cases,
        seed,
        rows,
    })
}

/// The regime named (refused, naming the scenario's, when it has no such regime), or the
/// fitted scenario's first.
pub fn regime_of(s: &Scenario, named: Option<&str>) -> Result<String, Error> {
    let names: Vec<String> = s.regimes.iter().map(|g| g.name.to_string()).collect();
    match named {
        Some(r) if names.iter().any(|n| n == r) => Ok(r.to_owned()),
        Some(r) => Err(Error::help(
            tr!("app-calibrate-unknown-regime", regime = r),
            tr!(
                "app-calibrate-unknown-regime.help",
                regimes = names.join(", ")
            ),
        )),
        None => Ok(names
            .first()
            .cloned()
            .unwrap_or_else(|| "parallel".to_owned())),
    }
}
