//! The calibration tab's work, on a worker: an event log read and measured against the open
//! scenario (its items, limits and calendar, as `permitflow calibrate --scenario`), a chart per
//! item of its first reviews against the fitted spread, and the fitted scenario simulated under
//! the regime for the validation.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use permitflow_app::calibrate::{self, Calibration, Validation};
use permitflow_app::load::UserCalendars;
use permitflow_app::{Loaded, scenes};
use permitflow_chart::Scene;
use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario};

use super::error_text;
use crate::jobs::CancelFlag;

/// A log measured against the scenario, with what the tab draws.
#[derive(Debug)]
pub struct CalibrationOutput {
    /// The measurement, shared with the edit that adopts it.
    pub calibration: Arc<Calibration>,
    /// Each item's name in the scenario (the log's own name when the scenario has none), in
    /// the calibration's order.
    pub names: Vec<String>,
    /// Each item's first reviews against its fitted spread, in the calibration's order.
    pub charts: Vec<Scene>,
    /// The names of the scenario's items the log never completes.
    pub missing: Vec<String>,
    /// The names of the items whose spread adopting keeps: too few cases to fit one.
    pub kept: Vec<String>,
    /// The fitted scenario's simulated lead times against the observed, with its chart; or why
    /// there are none.
    pub validation: Result<(Validation, Scene), String>,
    /// How long it took, in milliseconds.
    pub millis: u128,
}

/// The scenario's name for an item the log names by id or by name.
fn name_of(s: &Scenario, logged: &str) -> String {
    s.items
        .iter()
        .find(|i| i.id.as_str() == logged)
        .or_else(|| s.items.iter().find(|i| i.name == logged))
        .map_or_else(|| logged.to_owned(), |i| i.name.clone())
}

/// A log that cannot be read, as lines naming the file, line and column, what is wrong and what
/// to do (at most the first five problems, then how many more).
fn log_error(e: &permitflow_app::Error) -> String {
    const SHOWN: usize = 5;
    let all = e.diagnostics("");
    let mut lines: Vec<String> = all.iter().take(SHOWN).map(ToString::to_string).collect();
    if all.len() > SHOWN {
        lines.push(tr!("gui-and-more-problems", n = all.len() - SHOWN));
    }
    lines.join("\n")
}

/// Measures the log at `path` against `scenario` on `calendar`, then validates the fitted
/// scenario under `regime` with `seed`; stops before the validation once cancelled.
pub fn calibrate(
    path: &Path,
    scenario: &Scenario,
    calendar: &Calendar,
    regime: &str,
    seed: u64,
    cancel: &CancelFlag,
) -> Result<CalibrationOutput, String> {
    let t0 = Instant::now();
    let base = Loaded {
        scenario: scenario.clone(),
        calendar: calendar.clone(),
        label: scenario.name.to_string(),
        save_path: None,
    };
    let (c, _) = calibrate::calibrate_checked(path, Some(&base), &UserCalendars::default())
        .map_err(|e| log_error(&e))?;
    if c.items.is_empty() {
        return Err(tr!("gui-cal-nothing", file = c.label.as_str()));
    }
    let names: Vec<String> = c.items.iter().map(|f| name_of(scenario, &f.item)).collect();
    // Charts are titled with the log's file name: a path would run off them.
    let file = Path::new(&c.label)
        .file_name()
        .map_or_else(|| c.label.clone(), |f| f.to_string_lossy().into_owned());
    let charts = c
        .items
        .iter()
        .zip(&names)
        .map(|(f, n)| scenes::calibration_item(&file, n, f))
        .collect();
    let missing = c
        .not_in_log
        .iter()
        .map(|id| name_of(scenario, id))
        .collect();
    let mut draft = scenario.to_draft();
    let notes = calibrate::apply(&c, &mut draft);
    let kept = notes
        .spread_kept
        .iter()
        .map(|id| name_of(scenario, id))
        .collect();
    let validation = if cancel.is_cancelled() {
        Err(tr!("gui-cancelled-calibration"))
    } else {
        permitflow_model::validate(&draft, &c.label)
            .map_err(|d| {
                d.0.iter()
                    .map(|x| x.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .and_then(|fitted| {
                calibrate::validate(&c, &fitted, calendar, regime, seed).map_err(|e| error_text(&e))
            })
            .map(|v| {
                let chart = scenes::calibration(&file, &v);
                (v, chart)
            })
    };
    Ok(CalibrationOutput {
        calibration: Arc::new(c),
        names,
        missing,
        charts,
        kept,
        validation,
        millis: t0.elapsed().as_millis(),
    })
}
