//! The slower analyses both front ends run: the Monte Carlo simulation of a scenario's regimes,
//! the reform planner for one regime and target, and the approval centre over a portfolio. Each
//! returns typed results the command line prints and the desktop app draws.

use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario, WorkingDays};
use permitflow_solver::{
    Attribution, CentreResult, Plan, Sensitivity, SimulationOptions, SimulationResult, SolveError,
    StaffingGain,
};

use crate::Error;
use crate::load::{LoadedPortfolio, centre_options, load_portfolio};

/// Asked between steps of a long run: `true` stops it with [`SolveError::Cancelled`].
pub type Cancelled<'a> = &'a (dyn Fn() -> bool + Sync);

/// Never cancelled: for the command line, which runs to the end (or is interrupted).
pub fn never() -> bool {
    false
}

/// Simulates the regimes named in `only` (all when empty), in the scenario's order, on
/// `calendar` (for the elapsed calendar days). `progress` is told each regime's name before it
/// runs; `cancelled` is asked between chunks.
pub fn simulate_regimes(
    s: &Scenario,
    calendar: &Calendar,
    label: &str,
    only: &[String],
    opts: &SimulationOptions,
    progress: &dyn Fn(&str),
    cancelled: Cancelled<'_>,
) -> Result<Vec<SimulationResult>, Error> {
    let mut results = Vec::new();
    for r in s
        .regimes
        .iter()
        .filter(|r| only.is_empty() || only.iter().any(|n| n == r.name.as_str()))
    {
        progress(r.name.as_str());
        let res = permitflow_solver::simulate_on(s, r, opts, calendar, cancelled).map_err(|e| {
            Error::msg(tr!(
                "app-simulate-failed",
                file = label,
                regime = r.name.as_str(),
                error = e.to_string()
            ))
        })?;
        results.push(res);
    }
    Ok(results)
}

/// The label of a centre run under the portfolio's own regimes (machine-readable outputs keep
/// it; tables show [`run_label`]).
pub const PORTFOLIO_REGIMES: &str = "the portfolio's regimes";

/// A centre run's label for people, in the current language.
pub fn run_label(label: &str) -> String {
    if label == PORTFOLIO_REGIMES {
        tr!("app-centre-portfolio-regimes")
    } else {
        label.to_owned()
    }
}

/// The reform planner's answer for one regime and target.
#[derive(Debug, Clone)]
pub struct PlanReport {
    /// The regime planned.
    pub regime: String,
    /// The target in working days.
    pub target: WorkingDays,
    /// The cheapest cuts that reach the target (or why it is out of reach).
    pub plan: Plan,
    /// The time–cost curve's breakpoints, when asked for.
    pub curve: Option<Vec<(WorkingDays, f64)>>,
    /// What each measure is worth, from the serial regime on.
    pub attribution: Attribution,
    /// How far each critical item's limit can move before another path takes over.
    pub sensitivity: Vec<Sensitivity>,
}

/// Plans `regime` of `s` to `target` working days; the curve only `with_curve`. Calendar-day
/// items are placed on the scenario's base calendar ([`plan_regime_on`] takes the loaded one).
pub fn plan_regime(
    s: &Scenario,
    label: &str,
    regime: &str,
    target: f64,
    with_curve: bool,
) -> Result<PlanReport, Error> {
    let calendar = Calendar::for_base(s.calendar.base);
    plan_regime_on(s, &calendar, label, regime, target, with_curve)
}

/// [`plan_regime`] under `calendar` (the scenario's with its calendar files): calendar-day items
/// (a publicity period, a construction period) are never cut, and every figure is the exact
/// dated schedule's.
pub fn plan_regime_on(
    s: &Scenario,
    calendar: &Calendar,
    label: &str,
    regime: &str,
    target: f64,
    with_curve: bool,
) -> Result<PlanReport, Error> {
    if !(target.is_finite() && target >= 0.0) {
        return Err(Error::msg(tr!(
            "app-bad-target",
            target = target.to_string()
        )));
    }
    plan_with(s, calendar, label, regime, Some(target), with_curve)
}

/// [`plan_regime_on`] to the planner's target when none is given
/// ([`crate::report::default_plan_target`]: halfway from today's working days to the least
/// achievable), with the time–cost curve it is read from, computed once.
pub fn plan_regime_halfway_on(
    s: &Scenario,
    calendar: &Calendar,
    label: &str,
    regime: &str,
) -> Result<PlanReport, Error> {
    plan_with(s, calendar, label, regime, None, true)
}

fn plan_with(
    s: &Scenario,
    calendar: &Calendar,
    label: &str,
    regime: &str,
    target: Option<f64>,
    with_curve: bool,
) -> Result<PlanReport, Error> {
    let Some(r) = s.regime(regime) else {
        return Err(crate::unknown_regime_in(label, s, regime));
    };
    let fail = |e: SolveError| {
        Error::msg(tr!(
            "app-plan-failed",
            file = label,
            regime = regime,
            error = e.to_string()
        ))
    };
    let curve = if with_curve || target.is_none() {
        Some(permitflow_solver::time_cost_curve_on(s, r, calendar).map_err(fail)?)
    } else {
        None
    };
    let target = match (target, &curve) {
        (Some(t), _) => WorkingDays::new(t),
        (None, Some(c)) => crate::report::default_plan_target(c),
        (None, None) => WorkingDays::new(0.0),
    };
    Ok(PlanReport {
        regime: regime.to_owned(),
        target,
        plan: permitflow_solver::plan_on(s, r, calendar, target).map_err(fail)?,
        curve,
        attribution: permitflow_solver::attribute_on(s, r, calendar).map_err(fail)?,
        sensitivity: permitflow_solver::sensitivity_on(s, r, calendar).map_err(fail)?,
    })
}

/// One run of the approval centre: a label for it and its result.
pub type CentreRun = (String, CentreResult);

/// The approval centre over a portfolio.
#[derive(Debug)]
pub struct CentreReport {
    /// The portfolio as loaded (for its name, departments and projects).
    pub portfolio: LoadedPortfolio,
    /// One run per regime asked for, or one under the portfolio's own regimes.
    pub runs: Vec<CentreRun>,
    /// Where one more reviewer helps most, when asked for.
    pub ranking: Option<Vec<StaffingGain>>,
}

/// What the approval-centre simulation is asked.
#[derive(Debug, Clone, Default)]
pub struct CentreRequest {
    /// Each run replaces every project type's regime with this one (`[]`: one run under the
    /// portfolio's own regimes).
    pub regimes: Vec<String>,
    /// The horizon in working days, overriding the portfolio's.
    pub horizon: Option<f64>,
    /// Replications of each run.
    pub replications: usize,
    /// The seed (common random numbers across runs).
    pub seed: u64,
    /// One reviewer added to this department.
    pub add_reviewer: Option<String>,
    /// Whether to rank the departments by the gain of one more reviewer.
    pub rank: bool,
}

/// Runs the approval centre on the portfolio at `path`; `cancelled` is asked between
/// replications.
pub fn run_centre(
    path: &std::path::Path,
    req: &CentreRequest,
    cancelled: Cancelled<'_>,
) -> Result<CentreReport, Error> {
    let labels: Vec<Option<&str>> = if req.regimes.is_empty() {
        vec![None]
    } else {
        req.regimes.iter().map(|r| Some(r.as_str())).collect()
    };
    let mut runs = Vec::new();
    let mut ranking = None;
    let mut last = None;
    for label in labels {
        let loaded = load_portfolio(path, label)?;
        let opts = centre_options(
            &loaded.portfolio,
            req.horizon,
            req.replications,
            req.seed,
            req.add_reviewer.clone(),
        );
        let fail = |e: SolveError| Error::msg(format!("{}: {e}", path.display()));
        let result = permitflow_solver::simulate_centre_with_cancel(
            &loaded.projects,
            &loaded.departments,
            &opts,
            cancelled,
        )
        .map_err(fail)?;
        if req.rank && ranking.is_none() {
            ranking = Some(
                permitflow_solver::rank_reviewers_with_cancel(
                    &loaded.projects,
                    &loaded.departments,
                    &opts,
                    cancelled,
                )
                .map_err(fail)?,
            );
        }
        runs.push((
            label.map_or_else(|| PORTFOLIO_REGIMES.into(), String::from),
            result,
        ));
        last = Some(loaded);
    }
    let portfolio = last.ok_or_else(|| Error::msg(tr!("app-centre-no-run")))?;
    Ok(CentreReport {
        portfolio,
        runs,
        ranking,
    })
}
