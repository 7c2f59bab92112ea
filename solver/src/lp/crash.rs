//! The reform planner's crashing program as a general LP (`PlanMethod::Lp`, the cross-check of
//! the minimum-cost flow): start variables, a cut per item between 0 and `days − floor`, every
//! link with the durations as variables, deadlines, the target or a makespan variable.

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, constraint,
    variable,
};
use permitflow_model::{LinkKind, Network, WorkingDays};

use super::{backend, snap};
use crate::error::SolveError;
use crate::plan::crash::{Goal, LpResult, hair};

/// The planning program of `goal` solved by good_lp.
pub(crate) fn solve_lp(
    net: &Network,
    goal: Goal,
    target: Option<f64>,
) -> Result<LpResult, SolveError> {
    if net.activities.is_empty() {
        return Ok(LpResult {
            durations: Vec::new(),
            makespan: 0.0,
        });
    }
    let mut vars = ProblemVariables::new();
    let starts: Vec<Variable> = net
        .activities
        .iter()
        .map(|a| vars.add(variable().min(a.release.map_or(0.0, |r| r.get()).max(0.0))))
        .collect();
    let cuts: Vec<Option<Variable>> = net
        .activities
        .iter()
        .map(|a| {
            let room = a.days.get() - a.floor.get();
            (room > 0.0).then(|| vars.add(variable().min(0.0).max(room)))
        })
        .collect();
    let makespan = match target {
        Some(_) => None,
        None => Some(vars.add(variable().min(0.0))),
    };
    let duration = |i: usize| -> Expression {
        let days = Expression::from(net.activities[i].days.get());
        match cuts[i] {
            Some(c) => days - c,
            None => days,
        }
    };
    let horizon: Expression = match (makespan, target) {
        (Some(t), _) => t.into(),
        (None, Some(t)) => t.into(),
        (None, None) => 0.0.into(),
    };
    let cost: Expression = net
        .activities
        .iter()
        .zip(&cuts)
        .filter_map(|(a, c)| c.map(|c| a.cost * c))
        .sum();
    let total_cut: Expression = cuts.iter().flatten().copied().sum();

    let mut cs = Vec::with_capacity(net.constraints.len() * 2 + net.activities.len() * 2 + 1);
    for (i, a) in net.activities.iter().enumerate() {
        cs.push(constraint!(starts[i] + duration(i) <= horizon.clone()));
        if let Some(d) = a.deadline {
            cs.push(constraint!(starts[i] + duration(i) <= d.get()));
        }
    }
    for c in &net.constraints {
        let offset: Expression = match c.kind {
            LinkKind::FinishToStart => duration(c.from),
            LinkKind::StartToStart => Expression::from(0.0),
            LinkKind::FinishToFinish => duration(c.from) - duration(c.to),
            LinkKind::StartToFinish => Expression::from(0.0) - duration(c.to),
        };
        let gap = starts[c.to] - starts[c.from] - offset;
        if let Some(max) = c.max_lag {
            cs.push(constraint!(gap.clone() <= max.get()));
        }
        cs.push(constraint!(gap >= c.lag.get()));
    }
    let problem = match goal {
        Goal::Makespan => vars.minimise(horizon.clone()),
        Goal::Cost => vars.minimise(cost),
        Goal::CostThenCut => vars.minimise(cost + hair(net) * total_cut),
        Goal::MostCut => vars.maximise(total_cut),
    };
    let solution = problem
        .using(backend)
        .with_all(cs)
        .solve()
        .map_err(|e| match e {
            ResolutionError::Infeasible => SolveError::Lp(match target {
                Some(t) => permitflow_i18n::tr!(
                    "diag-solver-plan-lp-infeasible.at",
                    target = WorkingDays::new(t).to_string()
                ),
                None => permitflow_i18n::tr!("diag-solver-plan-lp-infeasible"),
            }),
            other => SolveError::Lp(other.to_string()),
        })?;
    let durations = net
        .activities
        .iter()
        .zip(&cuts)
        .map(|(a, c)| {
            let cut = c.map_or(0.0, |c| solution.value(c));
            snap(a.days.get() - cut).clamp(a.floor.get(), a.days.get())
        })
        .collect();
    Ok(LpResult {
        durations,
        makespan: match (makespan, target) {
            (Some(t), _) => snap(solution.value(t)),
            (None, t) => t.unwrap_or(0.0),
        },
    })
}
