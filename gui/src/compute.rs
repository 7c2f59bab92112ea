//! What the views show, computed from the valid scenario through the application layer
//! (`permitflow_app::rows`, `analysis` and `scenes`, shared with the command line) and memoised
//! by its inputs: the comparison of every regime with its charts (by the document's revision),
//! the simulation, the reform plan and the approval centre. Each runs as a [`Job`](crate::jobs::Job).

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use permitflow_app::analysis::{self, CentreReport, CentreRequest, PlanReport};
use permitflow_app::rows;
use permitflow_app::scenes;
use permitflow_chart::Scene;
use permitflow_model::{Calendar, Scenario, WorkingDays};
use permitflow_solver::{
    Method, Outcome, SimulationOptions, SimulationResult, check_targets, evaluate,
};

use crate::jobs::CancelFlag;

mod calibration;
pub use calibration::{CalibrationOutput, calibrate};

/// Every regime's outcome as comparison rows, and their charts, for one revision.
#[derive(Debug)]
pub struct Comparison {
    /// The document's revision these results are for.
    pub revision: u64,
    /// The rows, outcomes, targets and warnings, in the scenario's regime order.
    pub table: rows::Comparison,
    /// When each milestone is reached under each regime, five columns wide (empty without
    /// milestones).
    pub milestones: rows::tables::Table,
    /// The regimes on one time axis (`None` when no regime could be solved).
    pub chart: Option<Scene>,
    /// A Gantt chart per solved regime.
    pub gantts: Vec<(String, Scene)>,
    /// Per regime (in `table.outcomes` order): each item's total float and whether it is
    /// critical (a joint group's members take the joint event's).
    pub item_float: Vec<HashMap<String, (WorkingDays, bool)>>,
    /// How long solving and building the charts took.
    pub elapsed: Duration,
}

impl Comparison {
    /// Solves every regime of the scenario and builds the table and charts.
    pub fn compute(revision: u64, s: &Scenario, cal: &Calendar) -> Self {
        let t0 = Instant::now();
        let results: Vec<_> = s
            .regimes
            .iter()
            .map(|r| evaluate(s, r, cal, Method::Paths))
            .collect();
        let targets = check_targets(s, &results);
        let solved: rows::Solved = s
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .zip(results)
            .collect();
        let table = rows::Comparison::new(s, cal, solved, targets);
        let ok = table.solved();
        let chart = (!ok.is_empty()).then(|| permitflow_chart::comparison(s, &ok, cal));
        let gantts = ok
            .iter()
            .map(|o| {
                (
                    o.regime.name.to_string(),
                    permitflow_chart::gantt(s, o, cal),
                )
            })
            .collect();
        let item_float = table
            .outcomes
            .iter()
            .map(|(_, r)| r.as_ref().map(floats).unwrap_or_default())
            .collect();
        Self {
            revision,
            milestones: rows::milestones::compact_table(&table.milestones),
            table,
            chart,
            gantts,
            item_float,
            elapsed: t0.elapsed(),
        }
    }

    /// The solved outcome of a regime by name, if it could be solved.
    pub fn outcome(&self, regime: &str) -> Option<&Outcome> {
        self.table.outcome(regime)
    }

    /// The comparison and every Gantt chart, stacked (what the compare tab exports).
    pub fn scene(&self, s: &Scenario, cal: &Calendar) -> Option<Scene> {
        let ok = self.table.solved();
        (!ok.is_empty()).then(|| scenes::schedules(s, &ok, cal, scenes::ScheduleCharts::All))
    }
}

/// Each item's total float and critical mark in one outcome.
fn floats(o: &Outcome) -> HashMap<String, (WorkingDays, bool)> {
    let mut m = HashMap::new();
    for (i, a) in o.network.activities.iter().enumerate() {
        for item in &a.members {
            m.insert(
                item.to_string(),
                (o.schedule.total_float[i], o.schedule.critical[i]),
            );
        }
    }
    m
}

/// Inputs of a simulation run.
#[derive(Clone, Debug, PartialEq)]
pub struct SimKey {
    /// The language its tables and charts are told in.
    pub lang: permitflow_i18n::Lang,
    /// The document's revision these results are for.
    pub revision: u64,
    /// Iterations per regime.
    pub iterations: usize,
    /// The seed of the random durations.
    pub seed: u64,
}

/// A simulation of every regime, with its charts.
#[derive(Debug)]
pub struct SimOutput {
    /// Per regime: its percentiles and criticality, or why it could not be simulated.
    pub results: Vec<Result<SimulationResult, String>>,
    /// The charts of the result, drawn by the painter and exported.
    pub chart: Scene,
    /// How long the run took, in milliseconds.
    pub millis: u128,
}

/// Simulates every regime (each on its own, so one that cannot be simulated does not hide the
/// others), stopping within a chunk of iterations once cancelled.
pub fn simulate(
    s: &Scenario,
    calendar: &permitflow_model::Calendar,
    label: &str,
    opts: SimulationOptions,
    cancel: &CancelFlag,
) -> SimOutput {
    let t0 = Instant::now();
    let mut results = Vec::new();
    for r in &s.regimes {
        if cancel.is_cancelled() {
            break;
        }
        let stop = || cancel.is_cancelled();
        let one = analysis::simulate_regimes(
            s,
            calendar,
            label,
            &[r.name.to_string()],
            &opts,
            &|_| {},
            &stop,
        );
        results.push(match one {
            Ok(mut v) if !v.is_empty() => Ok(v.remove(0)),
            Ok(_) => Err(permitflow_i18n::tr!(
                "gui-not-simulated",
                regime = s.regime_label(&r.name)
            )),
            Err(e) => Err(error_text(&e)),
        });
    }
    let ok: Vec<&SimulationResult> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    SimOutput {
        chart: scenes::simulation(s, &ok, opts.iterations, opts.seed),
        results,
        millis: t0.elapsed().as_millis(),
    }
}

/// Inputs of a reform plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanKey {
    /// The language its tables and charts are told in.
    pub lang: permitflow_i18n::Lang,
    /// The document's revision these results are for.
    pub revision: u64,
    /// The regime to plan for.
    pub regime: String,
    /// Target in half days, so the key compares exactly; `None`: halfway from today's working
    /// days to the least achievable.
    pub target_halves: Option<i64>,
}

/// The reform planner's answer for one regime and target, with its charts.
#[derive(Debug)]
pub struct PlanOutput {
    /// The cuts, the sensitivity and what each measure is worth.
    pub report: PlanReport,
    /// The charts of the result, drawn by the painter and exported.
    pub chart: Scene,
}

/// The cheapest cuts that bring `regime` to `target` working days (`None`: halfway from today's
/// to the least achievable), with the charts, on the document's calendar (the scenario's with
/// the calendar files the planner opened).
pub fn plan(
    s: &Scenario,
    calendar: &permitflow_model::Calendar,
    label: &str,
    regime: &str,
    target: Option<f64>,
) -> Result<PlanOutput, String> {
    let report = match target {
        Some(t) => analysis::plan_regime_on(s, calendar, label, regime, t, true),
        None => analysis::plan_regime_halfway_on(s, calendar, label, regime),
    }
    .map_err(|e| error_text(&e))?;
    Ok(PlanOutput {
        chart: scenes::plan(s, &report),
        report,
    })
}

/// An approval-centre run over a portfolio, with its charts.
#[derive(Debug)]
pub struct CentreOutput {
    /// Lead times per project type and load per department, per run.
    pub report: CentreReport,
    /// The charts of the result, drawn by the painter and exported.
    pub chart: Scene,
    /// How long the run took, in milliseconds.
    pub millis: u128,
}

/// Runs the approval centre on a portfolio file, with the charts; stops between replications
/// once cancelled.
pub fn centre(
    portfolio: &Path,
    replications: usize,
    seed: u64,
    cancel: &CancelFlag,
) -> Result<CentreOutput, String> {
    let t0 = Instant::now();
    let req = CentreRequest {
        replications,
        seed,
        ..CentreRequest::default()
    };
    let stop = || cancel.is_cancelled();
    let report = analysis::run_centre(portfolio, &req, &stop).map_err(|e| error_text(&e))?;
    Ok(CentreOutput {
        chart: scenes::centre(&report.portfolio.portfolio.name, &report.runs),
        report,
        millis: t0.elapsed().as_millis(),
    })
}

/// An application-layer error as one line for a label: each problem with its advice.
/// At most the first five, then how many more.
pub fn error_text(e: &permitflow_app::Error) -> String {
    const SHOWN: usize = 5;
    let all = e.diagnostics("");
    let mut text = all
        .iter()
        .take(SHOWN)
        .map(|d| match d.help.as_str() {
            "" => d.message.clone(),
            help => {
                permitflow_i18n::tr!("gui-problem-with-help", message = &d.message, help = help)
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    if all.len() > SHOWN {
        text.push_str(&permitflow_i18n::tr!(
            "gui-and-more-problems",
            n = all.len() - SHOWN
        ));
    }
    text
}
