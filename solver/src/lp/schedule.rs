//! The minimum schedule as a linear program: start variables `s_i ≥ release`, a makespan
//! `T ≥ s_i + d_i`, one inequality per link bound, deadlines; minimise `T`, then the sum of
//! starts at that `T` (which gives the earliest starts).

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, constraint,
    variable,
};
use permitflow_model::Network;

use super::{LpFailure, backend, snap};
use crate::paths::link_offset;

struct Model {
    vars: ProblemVariables,
    starts: Vec<Variable>,
    makespan: Variable,
}

fn variables(net: &Network) -> Model {
    let mut vars = ProblemVariables::new();
    let starts = net
        .activities
        .iter()
        .map(|a| vars.add(variable().min(a.release.map(|r| r.get()).unwrap_or(0.0).max(0.0))))
        .collect();
    let makespan = vars.add(variable().min(0.0));
    Model {
        vars,
        starts,
        makespan,
    }
}

fn constraints(net: &Network, durations: &[f64], m: &Model) -> Vec<good_lp::Constraint> {
    let s = &m.starts;
    let mut out = Vec::with_capacity(net.constraints.len() * 2 + net.activities.len() * 2);
    for (i, a) in net.activities.iter().enumerate() {
        out.push(constraint!(m.makespan >= s[i] + durations[i]));
        if let Some(d) = a.deadline {
            out.push(constraint!(s[i] + durations[i] <= d.get()));
        }
    }
    for c in &net.constraints {
        let off = link_offset(c.kind, durations[c.from], durations[c.to]);
        out.push(constraint!(s[c.to] - s[c.from] >= off + c.lag.get()));
        if let Some(max) = c.max_lag {
            out.push(constraint!(s[c.to] - s[c.from] <= off + max.get()));
        }
    }
    out
}

fn failure(e: ResolutionError) -> LpFailure {
    match e {
        ResolutionError::Infeasible => LpFailure::Infeasible,
        other => LpFailure::Other(other.to_string()),
    }
}

/// Earliest starts of the minimum-makespan schedule.
pub fn lp_starts(net: &Network, durations: &[f64]) -> Result<Vec<f64>, LpFailure> {
    if net.activities.is_empty() {
        return Ok(Vec::new());
    }
    // Phase 1: the least makespan.
    let m = variables(net);
    let cs = constraints(net, durations, &m);
    let t = m.makespan;
    let sol = m
        .vars
        .minimise(t)
        .using(backend)
        .with_all(cs)
        .solve()
        .map_err(failure)?;
    let best = sol.value(t);

    // Phase 2: at that makespan, the least sum of starts (the earliest starts).
    let m = variables(net);
    let mut cs = constraints(net, durations, &m);
    cs.push(constraint!(m.makespan <= best + 1e-9));
    let sum: Expression = m.starts.iter().copied().sum();
    let starts = m.starts.clone();
    let sol = m
        .vars
        .minimise(sum)
        .using(backend)
        .with_all(cs)
        .solve()
        .map_err(failure)?;
    Ok(starts.iter().map(|&v| snap(sol.value(v))).collect())
}
