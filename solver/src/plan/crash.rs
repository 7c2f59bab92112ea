//! The crashing program: the cheapest limits for a target, the least makespan, the time–cost
//! curve. Solved through the dual minimum-cost flow (`flow.rs`) or the LP (`lp`).

use permitflow_model::{LinkKind, Network, WorkingDays};

use super::{Cut, EPS, Plan, PlanMethod};
use crate::dated::has_calendar_days;
use crate::error::SolveError;
use crate::flow::{DifferenceLp, FlowFailure};
use crate::lp::solve_lp;
use crate::regime::network_for;
use crate::schedule::{Method, Schedule, schedule};
use permitflow_model::{Calendar, Regime, Scenario};

use super::Dates;

/// `plan_network` by a chosen method.
pub fn plan_network_with(
    net: &Network,
    target: WorkingDays,
    method: PlanMethod,
) -> Result<Plan, SolveError> {
    super::working_days_only(net)?;
    let current = schedule(net, Method::Paths)?.makespan;
    let least = least(net, method)?;
    let t = target.get();
    let mut plan = Plan {
        target,
        reachable: true,
        current,
        working_days: current,
        cost: 0.0,
        least_working_days: least.makespan,
        cuts: Vec::new(),
        limiting: Vec::new(),
        rounds: 0,
        fallback: false,
        calendar_items: Vec::new(),
    };
    if t < least.makespan.get() - EPS {
        plan.reachable = false;
        plan.limiting = least.limiting;
        return Ok(plan);
    }
    if t >= current.get() - EPS {
        return Ok(plan);
    }
    // A target a hair under the least (noise) is asked for at the least itself.
    let horizon = t.max(least.makespan.get());
    let durations = cheapest(net, horizon, method)?;
    let new = with_durations(net, &durations);
    plan.working_days = schedule(&new, Method::Paths)?.makespan;
    plan.cuts = cuts(net, &durations);
    plan.cost = plan.cuts.iter().map(|c| c.cost).sum();
    Ok(plan)
}

/// The cheapest limits that keep the makespan of `net` (working days only) within `horizon`,
/// which must be at least the least makespan.
pub(super) fn cheapest(
    net: &Network,
    horizon: f64,
    method: PlanMethod,
) -> Result<Vec<f64>, SolveError> {
    let cheapest = solve(net, Goal::Cost, Some(horizon), method)?.durations;
    let best = cost_of(net, &cheapest);
    // The same LP with every cost raised by a hair makes no free or tied cut that does not
    // help. It is kept only if its true cost is still the least (a hair could, with costs that
    // differ by less than it, pick a dearer plan).
    let tidy = solve(net, Goal::CostThenCut, Some(horizon), method)?.durations;
    Ok(if cost_of(net, &tidy) <= best + 1e-9 * (1.0 + best.abs()) {
        tidy
    } else {
        cheapest
    })
}

/// The least cost of every reachable makespan from today's down to the least, as the
/// breakpoints of the (convex, piecewise-linear) parametric LP, in decreasing makespan: the first
/// point is today's working days at cost 0, the last the least working days at the cost of the
/// deepest plan. Between two consecutive points the cost is linear.
///
/// How: the cost `C(T)` is convex in `T`, and its breakpoints are multiples of half a day (the
/// LP with `T` as a variable is again a difference-constraint system, so the vertices where the
/// slope changes have half-day coordinates). Starting from both ends, an interval is split at a
/// half day near its middle; when `C` there lies on the chord, convexity makes `C` linear on the
/// whole interval, otherwise both halves are searched. This takes `O(breakpoints × log range)`
/// LP solves instead of one per half day, and keeps only the points where the slope changes.
pub fn time_cost_curve(
    scenario: &Scenario,
    regime: &Regime,
) -> Result<Vec<(WorkingDays, f64)>, SolveError> {
    let calendar = Calendar::for_base(scenario.calendar.base);
    time_cost_curve_on(scenario, regime, &calendar)
}

/// [`time_cost_curve`] under a calendar (the scenario's, with any calendar files): with
/// calendar-day items every point is an exact plan (see `exact`).
pub fn time_cost_curve_on(
    scenario: &Scenario,
    regime: &Regime,
    calendar: &Calendar,
) -> Result<Vec<(WorkingDays, f64)>, SolveError> {
    let net = network_for(scenario, regime)?;
    let dates = Dates {
        calendar,
        application: scenario.start,
    };
    if has_calendar_days(&net) {
        return super::exact::curve(&net, &dates);
    }
    curve_network(&net)
}

/// The time–cost curve of a working-days-only network.
pub(super) fn curve_network(net: &Network) -> Result<Vec<(WorkingDays, f64)>, SolveError> {
    super::working_days_only(net)?;
    let current = schedule(net, Method::Paths)?.makespan.get();
    let least = least(net, PlanMethod::Flow)?.makespan.get();
    if least >= current - EPS {
        return Ok(vec![(WorkingDays::new(current), 0.0)]);
    }
    let cost_at = |t: f64| -> Result<f64, SolveError> {
        let sol = solve(net, Goal::Cost, Some(t), PlanMethod::Flow)?;
        Ok(cost_of(net, &sol.durations))
    };
    let mut points = vec![(least, cost_at(least)?), (current, 0.0)];
    let mut open = vec![(points[0], points[1])];
    while let Some(((lo, c_lo), (hi, c_hi))) = open.pop() {
        if hi - lo < 1.0 - EPS {
            continue; // no half day strictly inside
        }
        let mid = (lo + hi).floor() / 2.0;
        let c_mid = cost_at(mid)?;
        let chord = c_lo + (c_hi - c_lo) * (mid - lo) / (hi - lo);
        if (c_mid - chord).abs() <= tolerance(c_lo, c_hi) {
            continue;
        }
        points.push((mid, c_mid));
        open.push(((lo, c_lo), (mid, c_mid)));
        open.push(((mid, c_mid), (hi, c_hi)));
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Keep the ends and the points where the slope changes.
    let mut kept: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for p in points {
        while kept.len() >= 2 {
            let (a, b) = (kept[kept.len() - 2], kept[kept.len() - 1]);
            let on_line = a.1 + (p.1 - a.1) * (b.0 - a.0) / (p.0 - a.0);
            if (b.1 - on_line).abs() <= tolerance(a.1, p.1) {
                kept.pop();
            } else {
                break;
            }
        }
        kept.push(p);
    }
    Ok(kept
        .into_iter()
        .rev()
        .map(|(t, c)| (WorkingDays::new(t), c))
        .collect())
}

/// The least makespan and the schedule that shows what limits it.
pub(super) struct Least {
    pub(super) makespan: WorkingDays,
    limiting: Vec<String>,
}

/// The deepest limits: every floor when the network is monotone, otherwise the most days cut
/// at the LP's least makespan.
pub(super) fn deepest(net: &Network, method: PlanMethod) -> Result<Vec<f64>, SolveError> {
    Ok(if monotone(net) {
        net.activities.iter().map(|a| a.floor.get()).collect()
    } else {
        let t = solve(net, Goal::Makespan, None, method)?.makespan;
        solve(net, Goal::MostCut, Some(t), method)?.durations
    })
}

pub(super) fn least(net: &Network, method: PlanMethod) -> Result<Least, SolveError> {
    let deepest = deepest(net, method)?;
    let s: Schedule = schedule(&with_durations(net, &deepest), Method::Paths)?;
    Ok(Least {
        makespan: s.makespan,
        limiting: (0..net.activities.len())
            .filter(|&i| s.critical[i] && !net.activities[i].is_gate())
            .map(|i| net.activities[i].id.clone())
            .collect(),
    })
}

/// True when cutting a limit can never make any earliest start later, so the schedule with
/// every limit at its floor is the least. Cutting `d_to` of an FF/SF link lets `to` start later;
/// cutting `d_from` of an FS/FF link with a maximum lag forces `from` to start later.
fn monotone(net: &Network) -> bool {
    let fixed = |i: usize| net.activities[i].floor >= net.activities[i].days;
    net.constraints.iter().all(|c| {
        let into = !matches!(c.kind, LinkKind::FinishToFinish | LinkKind::StartToFinish);
        let out_of = c.max_lag.is_none()
            || !matches!(c.kind, LinkKind::FinishToStart | LinkKind::FinishToFinish);
        (into || fixed(c.to)) && (out_of || fixed(c.from))
    })
}

pub(super) fn with_durations(net: &Network, durations: &[f64]) -> Network {
    let mut new = net.clone();
    for (a, &d) in new.activities.iter_mut().zip(durations) {
        a.days = WorkingDays::new(d);
    }
    new
}

pub(super) fn cuts(net: &Network, durations: &[f64]) -> Vec<Cut> {
    net.activities
        .iter()
        .zip(durations)
        .filter(|(a, d)| a.days.get() - **d > EPS)
        .map(|(a, &d)| {
            let days = a.days.get() - d;
            Cut {
                id: a.id.clone(),
                from: a.days,
                to: WorkingDays::new(d),
                days: WorkingDays::new(days),
                cost: a.cost * days,
            }
        })
        .collect()
}

fn cost_of(net: &Network, durations: &[f64]) -> f64 {
    net.activities
        .iter()
        .zip(durations)
        .map(|(a, d)| a.cost * (a.days.get() - d))
        .sum()
}

/// What the planning LP optimises.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Goal {
    /// The least makespan (no target).
    Makespan,
    /// The least cost within the target.
    Cost,
    /// The least cost, then the fewest days cut: every cost raised by a hair. Unlike a second
    /// LP with the cost bounded, this keeps the constraint matrix totally unimodular, so the
    /// optimum is again a half-day vertex.
    CostThenCut,
    /// The most days cut within the target (the deepest limits that keep a makespan).
    MostCut,
}

pub(crate) struct LpResult {
    /// Snapped new limits, one per activity.
    pub(crate) durations: Vec<f64>,
    /// The makespan variable (`Goal::Makespan`) or the target.
    pub(crate) makespan: f64,
}

fn solve(
    net: &Network,
    goal: Goal,
    target: Option<f64>,
    method: PlanMethod,
) -> Result<LpResult, SolveError> {
    if method == PlanMethod::Flow
        && let Some(result) = solve_flow(net, goal, target)
    {
        return result;
    }
    solve_lp(net, goal, target)
}

/// Weight of the hair that breaks ties between plans of equal cost (fewest days cut).
pub(crate) fn hair(net: &Network) -> f64 {
    1e-7 * net.activities.iter().map(|a| a.cost).fold(1.0, f64::max)
}

/// The planning program as a difference-constraint LP over start and finish times, solved by
/// its dual minimum-cost flow. Nodes: the origin (time 0), the horizon (the makespan), and a
/// start `S_i` and finish `F_i` per activity with `floor_i ≤ F_i − S_i ≤ days_i` (the cut is
/// `days_i − (F_i − S_i)`); every link joins the start or finish of one activity to the start or
/// finish of another. Lengths in half days. `None` when the data is not in half days or the
/// pivot safeguard trips: the caller solves the LP instead.
fn solve_flow(
    net: &Network,
    goal: Goal,
    target: Option<f64>,
) -> Option<Result<LpResult, SolveError>> {
    if net.activities.is_empty() {
        return None;
    }
    let half = |x: f64| -> Option<i64> {
        let h = x * 2.0;
        (h.is_finite() && h.fract() == 0.0 && h.abs() < 1e15).then_some(h as i64)
    };
    const ORIGIN: usize = 0;
    const HORIZON: usize = 1;
    let start = |i: usize| 2 + 2 * i;
    let finish = |i: usize| 3 + 2 * i;
    let mut lp = DifferenceLp::new(2 + 2 * net.activities.len());
    let hair = hair(net);
    for (i, a) in net.activities.iter().enumerate() {
        let (days, floor) = (half(a.days.get())?, half(a.floor.get().min(a.days.get()))?);
        lp.at_least(
            ORIGIN,
            start(i),
            half(a.release.map_or(0.0, |r| r.get()).max(0.0))?,
        );
        lp.at_least(start(i), finish(i), floor);
        lp.at_least(finish(i), start(i), -days);
        lp.at_least(finish(i), HORIZON, 0);
        if let Some(d) = a.deadline {
            lp.at_least(finish(i), ORIGIN, -half(d.get())?);
        }
        if floor < days {
            // Minimising Σ w_i (S_i − F_i) cuts where it is cheap; Σ (F_i − S_i) cuts most.
            let w = match goal {
                Goal::Makespan => 0.0,
                Goal::Cost => a.cost,
                Goal::CostThenCut => a.cost + hair,
                Goal::MostCut => -1.0,
            };
            lp.weigh(start(i), w);
            lp.weigh(finish(i), -w);
        }
    }
    for c in &net.constraints {
        let (from, to) = match c.kind {
            LinkKind::FinishToStart => (finish(c.from), start(c.to)),
            LinkKind::StartToStart => (start(c.from), start(c.to)),
            LinkKind::FinishToFinish => (finish(c.from), finish(c.to)),
            LinkKind::StartToFinish => (start(c.from), finish(c.to)),
        };
        lp.at_least(from, to, half(c.lag.get())?);
        if let Some(max) = c.max_lag {
            lp.at_least(to, from, -half(max.get())?);
        }
    }
    match (goal, target) {
        (Goal::Makespan, _) => {
            lp.weigh(HORIZON, 1.0);
            lp.weigh(ORIGIN, -1.0);
        }
        // A makespan is a multiple of half a day: at most `t` is at most `t` rounded down.
        (_, Some(t)) => lp.at_least(HORIZON, ORIGIN, -((t * 2.0 + 1e-9).floor() as i64)),
        (_, None) => {}
    }
    let p = match lp.solve() {
        Ok(p) => p,
        Err(FlowFailure::IterationLimit) => return None,
        Err(FlowFailure::Infeasible) => {
            return Some(Err(SolveError::Lp(match target {
                Some(t) => permitflow_i18n::tr!(
                    "diag-solver-plan-infeasible.at",
                    target = WorkingDays::new(t).to_string()
                ),
                None => permitflow_i18n::tr!("diag-solver-plan-infeasible"),
            })));
        }
        Err(FlowFailure::Unbounded) => {
            return Some(Err(SolveError::Lp(permitflow_i18n::tr!(
                "diag-solver-plan-unbounded"
            ))));
        }
    };
    let durations = net
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let d = (p[finish(i)] - p[start(i)]) as f64 / 2.0;
            d.clamp(a.floor.get().min(a.days.get()), a.days.get())
        })
        .collect();
    Some(Ok(LpResult {
        durations,
        makespan: match (goal, target) {
            (Goal::Makespan, _) => (p[HORIZON] - p[ORIGIN]) as f64 / 2.0,
            (_, t) => t.unwrap_or(0.0),
        },
    }))
}

/// How far a cost may be from a chord and still count as on it.
fn tolerance(a: f64, b: f64) -> f64 {
    1e-7 * (1.0 + a.abs().max(b.abs()))
}
