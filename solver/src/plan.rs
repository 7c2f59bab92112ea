//! Reform planning: what it costs to reach a target, the whole time–cost curve, what each
//! measure of a regime is worth, and how much each critical item's limit matters.
//!
//! **Time-limit planning** (project crashing) is the LP of the time–cost trade-off (Fulkerson
//! 1961, Kelley 1961): start variables `s_i ≥ release`, a cut `c_i` per item with
//! `0 ≤ c_i ≤ days_i − floor_i` (the limit becomes `d_i = days_i − c_i`), every constraint of the
//! network with `d` as variables (FS `s_to ≥ s_from + d_from + lag`, SS, FF, SF, maximum lags as
//! upper bounds), deadlines `s_i + d_i ≤ D`, and `s_i + d_i ≤ target`; minimise `Σ cost_i c_i`,
//! then, at that cost, the total number of days cut (so free or tied cuts are not made for
//! nothing: every cost is raised by a hair). Written with finish times `f_i = s_i + d_i`, every
//! constraint is a difference of two times, so the program's dual is a minimum-cost flow:
//! [`PlanMethod::Flow`] (the default) solves it exactly by the network simplex of `flow.rs`, in
//! integer half days. [`PlanMethod::Lp`] solves the same program through good_lp (the
//! cross-check; tests compare the two). The matrix is totally unimodular, so with half-day data
//! every vertex, and therefore every optimum, is a multiple of half a day; the plan's working
//! days come from the exact longest-path schedule of the new limits.
//!
//! The least achievable makespan is the schedule with every limit at its floor when cutting a
//! limit can never delay anything ("monotone" networks: no FF/SF link into, and no FS/FF maximum
//! lag out of, an item that can be cut); otherwise it is the LP's least makespan, and the
//! limits are cut as deep as that makespan allows.
//!
//! This module does no IO and prints nothing.

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, constraint,
    variable,
};
use permitflow_model::{BaseMode, LinkKind, MeasureId, Network, Regime, Scenario, WorkingDays};

use crate::error::SolveError;
use crate::flow::{DifferenceLp, FlowFailure};
use crate::regime::network_for;
use crate::schedule::{Method, Schedule, schedule};

#[cfg(feature = "highs")]
use good_lp::highs as backend;
#[cfg(not(feature = "highs"))]
use good_lp::microlp as backend;

/// Differences below this are solver noise (inputs are multiples of half a day).
const EPS: f64 = 1e-6;

/// One item's limit cut by the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Cut {
    /// Activity id: an item, or a joint group under joint review.
    pub id: String,
    /// The limit before the cut.
    pub from: WorkingDays,
    /// The new limit.
    pub to: WorkingDays,
    /// Working days cut: `from − to`.
    pub days: WorkingDays,
    /// What this cut costs: the item's cost per working day times `days`.
    pub cost: f64,
}

/// The cheapest way to bring a regime to a target number of working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub target: WorkingDays,
    /// Whether any choice of limits between the floors and today's limits reaches the target.
    pub reachable: bool,
    /// Today's working days, before any cut.
    pub current: WorkingDays,
    /// The makespan with the new limits (longest paths); today's when unreachable.
    pub working_days: WorkingDays,
    /// Total cost of the cuts; 0 when unreachable (nothing is proposed).
    pub cost: f64,
    /// The least working days any limits down to the floors achieve.
    pub least_working_days: WorkingDays,
    /// Only the items actually cut, in network order; empty when unreachable.
    pub cuts: Vec<Cut>,
    /// When unreachable: the critical activities (gates left out) of the least schedule, in
    /// network order: what limits the minimum. Empty when reachable.
    pub limiting: Vec<String>,
}

/// The cheapest limits that bring `regime` to at most `target` working days.
///
/// A target at or above today's working days needs no cut; one below the least achievable is
/// reported unreachable with the least working days and what limits them. Errors: the regime's
/// network cannot be built or scheduled (the same errors as `schedule`), or the LP fails.
pub fn plan(scenario: &Scenario, regime: &Regime, target: WorkingDays) -> Result<Plan, SolveError> {
    plan_network(&network_for(scenario, regime)?, target)
}

/// How the planning programs are solved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanMethod {
    /// Exactly, through the dual minimum-cost flow (network simplex, `flow.rs`); the LP takes
    /// over for data that is not in half days or if the pivot safeguard is reached.
    #[default]
    Flow,
    /// The general LP through good_lp (the cross-check).
    Lp,
}

/// `plan` for a network already built (a regime's network, or one made by a program).
pub fn plan_network(net: &Network, target: WorkingDays) -> Result<Plan, SolveError> {
    plan_network_with(net, target, PlanMethod::Flow)
}

/// `plan_network` by a chosen method.
pub fn plan_network_with(
    net: &Network,
    target: WorkingDays,
    method: PlanMethod,
) -> Result<Plan, SolveError> {
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
    let cheapest = solve(net, Goal::Cost, Some(horizon), method)?.durations;
    let best = cost_of(net, &cheapest);
    // The same LP with every cost raised by a hair makes no free or tied cut that does not
    // help. It is kept only if its true cost is still the least (a hair could, with costs that
    // differ by less than it, pick a dearer plan).
    let tidy = solve(net, Goal::CostThenCut, Some(horizon), method)?.durations;
    let durations = if cost_of(net, &tidy) <= best + 1e-9 * (1.0 + best.abs()) {
        tidy
    } else {
        cheapest
    };
    let new = with_durations(net, &durations);
    plan.working_days = schedule(&new, Method::Paths)?.makespan;
    plan.cuts = cuts(net, &durations);
    plan.cost = plan.cuts.iter().map(|c| c.cost).sum();
    Ok(plan)
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
    let net = network_for(scenario, regime)?;
    let current = schedule(&net, Method::Paths)?.makespan.get();
    let least = least(&net, PlanMethod::Flow)?.makespan.get();
    if least >= current - EPS {
        return Ok(vec![(WorkingDays::new(current), 0.0)]);
    }
    let cost_at = |t: f64| -> Result<f64, SolveError> {
        let sol = solve(&net, Goal::Cost, Some(t), PlanMethod::Flow)?;
        Ok(cost_of(&net, &sol.durations))
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

/// One change on the way from the serial regime to a regime.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The serial regime: the starting point of the steps.
    Serial,
    /// Parallel approval (the base mode `parallel` instead of `serial`).
    Parallel,
    /// One of the regime's measures.
    Measure(MeasureId),
}

impl Change {
    /// `serial`, `parallel`, or the measure's id.
    pub fn name(&self) -> String {
        match self {
            Self::Serial => "serial".into(),
            Self::Parallel => "parallel".into(),
            Self::Measure(m) => m.to_string(),
        }
    }
}

/// One step of the incremental attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub change: Change,
    /// `change.name()`.
    pub name: String,
    /// Working days once this step is taken (with every earlier step).
    pub working_days: WorkingDays,
    /// Working days this step saves over the previous one (0 for the serial start).
    pub saved: WorkingDays,
}

/// The full regime without one of its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    /// What is removed: a measure, or `Parallel` for switching the base back to serial.
    pub change: Change,
    pub name: String,
    /// Working days of the regime without it.
    pub working_days: WorkingDays,
    /// What it saves relative to the full regime: without it minus the full regime.
    pub saves: WorkingDays,
}

/// What the parts of a regime are worth.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub regime: String,
    /// Working days of the serial regime (base serial, no measures).
    pub serial: WorkingDays,
    /// Working days of the full regime.
    pub working_days: WorkingDays,
    /// Serial, then parallel approval (when the base is parallel), then each measure in the
    /// regime's order; the `saved` add up to `serial − working_days`.
    pub steps: Vec<Step>,
    /// Each measure of the regime left out in turn (in the regime's order), then, when the base
    /// is parallel, the base switched back to serial.
    pub removals: Vec<Removal>,
}

/// What each part of `regime` is worth, added one at a time from the serial regime and removed
/// one at a time from the full regime. The incremental values depend on the order (the
/// regime's); the removals show each part's value with all the others in place.
pub fn attribute(scenario: &Scenario, regime: &Regime) -> Result<Attribution, SolveError> {
    let days = |r: &Regime| -> Result<WorkingDays, SolveError> {
        Ok(schedule(&network_for(scenario, r)?, Method::Paths)?.makespan)
    };
    let mut partial = Regime {
        base: BaseMode::Serial,
        measures: Vec::new(),
        ..regime.clone()
    };
    let serial = days(&partial)?;
    let mut steps = vec![Step {
        change: Change::Serial,
        name: Change::Serial.name(),
        working_days: serial,
        saved: WorkingDays::ZERO,
    }];
    let mut changes = Vec::new();
    if regime.base == BaseMode::Parallel {
        changes.push(Change::Parallel);
    }
    changes.extend(regime.measures.iter().cloned().map(Change::Measure));
    let mut previous = serial;
    for change in changes {
        match &change {
            Change::Parallel => partial.base = BaseMode::Parallel,
            Change::Measure(m) => partial.measures.push(m.clone()),
            Change::Serial => {}
        }
        let now = days(&partial)?;
        steps.push(Step {
            name: change.name(),
            change,
            working_days: now,
            saved: previous - now,
        });
        previous = now;
    }
    let full = previous;

    let mut removals = Vec::new();
    for k in 0..regime.measures.len() {
        let mut without = regime.clone();
        let m = without.measures.remove(k);
        let d = days(&without)?;
        let change = Change::Measure(m);
        removals.push(Removal {
            name: change.name(),
            change,
            working_days: d,
            saves: d - full,
        });
    }
    if regime.base == BaseMode::Parallel {
        let without = Regime {
            base: BaseMode::Serial,
            ..regime.clone()
        };
        let d = days(&without)?;
        removals.push(Removal {
            change: Change::Parallel,
            name: Change::Parallel.name(),
            working_days: d,
            saves: d - full,
        });
    }
    Ok(Attribution {
        regime: regime.name.to_string(),
        serial,
        working_days: full,
        steps,
        removals,
    })
}

/// Where a sensitivity's range ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEnd {
    /// Another path (or a bound such as the project start) becomes critical: the rate changes.
    OtherPath,
    /// The item's limit reaches 0 working days at the same rate.
    Zero,
    /// Cutting further would break an upper bound (a maximum lag or a deadline); found to the
    /// half day.
    Infeasible,
}

/// How much the project gains from cutting one critical item's limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    pub id: String,
    /// The item's limit today.
    pub days: WorkingDays,
    /// Project working days saved per working day cut from this item, at the margin (1 on a
    /// single critical path, 0 when a parallel path is as long, negative when a cut delays the
    /// project through a finish-to-finish or start-to-finish link).
    pub days_per_day: f64,
    /// How many working days can be cut at that rate. Floors are ignored: this is what the limit
    /// is worth, not what the department can commit to.
    pub range: WorkingDays,
    pub until: RangeEnd,
}

/// For each critical activity of `regime` with a positive limit (gates and zero-day filings
/// have nothing to cut), in network order: the project days saved per day cut and how far that
/// rate holds.
///
/// Method, exact: the makespan `M(x)` with the item's limit cut by `x` is a longest path whose
/// edge weights are affine in `x`, so `M` is convex and piecewise linear with integer slopes. The
/// rate at the margin is `(M(0) − M(ε)) / ε` with `ε = 2⁻¹⁰` (exact in binary floating point;
/// slopes are integers, and with half-day data two breakpoints lie at least `ε` apart unless a
/// path counts the limit hundreds of times more often than another). The range
/// is where `M` leaves the line `M(0) − rate·x`: if `M` is still on it when the limit reaches 0,
/// the range is the whole limit; otherwise the line is intersected with the supporting line of
/// `M` at the far end (its slope again from `ε`), and the intersection replaces the far end
/// until `M` lies on the first line there (Newton's method on a convex piecewise-linear
/// function, finite: each round reaches a new piece). Each `M(x)` is a longest-path schedule.
pub fn sensitivity(scenario: &Scenario, regime: &Regime) -> Result<Vec<Sensitivity>, SolveError> {
    let net = network_for(scenario, regime)?;
    let base = schedule(&net, Method::Paths)?;
    let m0 = base.makespan.get();
    let mut out = Vec::new();
    for i in 0..net.activities.len() {
        let a = &net.activities[i];
        if !base.critical[i] || a.is_gate() || a.days.get() <= 0.0 {
            continue;
        }
        let full = a.days.get();
        let mut trial = net.clone();
        let mut m = |x: f64| -> Option<f64> {
            trial.activities[i].days = WorkingDays::new(full - x);
            schedule(&trial, Method::Paths)
                .ok()
                .map(|s| s.makespan.get())
        };
        const STEP: f64 = 1.0 / 1024.0;
        let entry = |rate: f64, range: f64, until: RangeEnd| Sensitivity {
            id: a.id.clone(),
            days: a.days,
            days_per_day: rate,
            range: WorkingDays::new(snap(range)),
            until,
        };
        let Some(m_step) = m(STEP) else {
            out.push(entry(0.0, 0.0, RangeEnd::Infeasible));
            continue;
        };
        let rate = integral((m0 - m_step) / STEP);
        let line = |x: f64| m0 - rate * x;
        // The far end: the limit at 0, or the last feasible half day before it.
        let (mut hi, end) = match m(full) {
            Some(_) => (full, RangeEnd::Zero),
            None => {
                let (mut ok, mut bad) = (0.0, full);
                while bad - ok > 0.5 + EPS {
                    let mid = ((ok + bad) / 2.0 * 2.0).floor() / 2.0;
                    let mid = if mid <= ok { ok + 0.5 } else { mid };
                    if m(mid).is_some() {
                        ok = mid;
                    } else {
                        bad = mid;
                    }
                }
                (ok, RangeEnd::Infeasible)
            }
        };
        let mut result = None;
        for _ in 0..64 {
            let Some(m_hi) = m(hi) else { break };
            if (m_hi - line(hi)).abs() <= EPS {
                result = Some((hi, end));
                break;
            }
            if hi <= STEP {
                result = Some((0.0, RangeEnd::OtherPath));
                break;
            }
            let Some(m_left) = m(hi - STEP) else { break };
            let rate_hi = integral((m_left - m_hi) / STEP);
            if rate_hi >= rate {
                break; // not convex: cannot happen for a longest path
            }
            let x = snap((m0 - m_hi - rate_hi * hi) / (rate - rate_hi));
            let Some(m_x) = m(x) else { break };
            if (m_x - line(x)).abs() <= EPS {
                result = Some((x, RangeEnd::OtherPath));
                break;
            }
            hi = x;
        }
        let (range, until) = result.ok_or_else(|| {
            SolveError::Lp(format!(
                "the sensitivity of `{}` did not converge (the makespan is not convex in it)",
                a.id
            ))
        })?;
        out.push(entry(rate, range, until));
    }
    Ok(out)
}

/// The least makespan and the schedule that shows what limits it.
struct Least {
    makespan: WorkingDays,
    limiting: Vec<String>,
}

fn least(net: &Network, method: PlanMethod) -> Result<Least, SolveError> {
    let deepest: Vec<f64> = if monotone(net) {
        net.activities.iter().map(|a| a.floor.get()).collect()
    } else {
        let t = solve(net, Goal::Makespan, None, method)?.makespan;
        solve(net, Goal::MostCut, Some(t), method)?.durations
    };
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

fn with_durations(net: &Network, durations: &[f64]) -> Network {
    let mut new = net.clone();
    for (a, &d) in new.activities.iter_mut().zip(durations) {
        a.days = WorkingDays::new(d);
    }
    new
}

fn cuts(net: &Network, durations: &[f64]) -> Vec<Cut> {
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
enum Goal {
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

struct LpResult {
    /// Snapped new limits, one per activity.
    durations: Vec<f64>,
    /// The makespan variable (`Goal::Makespan`) or the target.
    makespan: f64,
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
fn hair(net: &Network) -> f64 {
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
            return Some(Err(SolveError::Lp(format!(
                "the planning program is infeasible{} although today's limits are feasible",
                target
                    .map(|t| format!(" at {}", WorkingDays::new(t)))
                    .unwrap_or_default()
            ))));
        }
        Err(FlowFailure::Unbounded) => {
            return Some(Err(SolveError::Lp(
                "the planning program is unbounded".into(),
            )));
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

fn solve_lp(net: &Network, goal: Goal, target: Option<f64>) -> Result<LpResult, SolveError> {
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
            ResolutionError::Infeasible => SolveError::Lp(format!(
                "the planning LP is infeasible{} although today's limits are feasible",
                target
                    .map(|t| format!(" at {}", WorkingDays::new(t)))
                    .unwrap_or_default()
            )),
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

/// Every vertex of the planning LP is a multiple of half a day: remove the solver's rounding
/// noise (as `lp.rs` does).
fn snap(x: f64) -> f64 {
    let r = (x * 2.0).round() / 2.0;
    if (x - r).abs() < EPS { r } else { x }
}

/// Slopes of a longest path in one limit are integers: remove rounding noise.
fn integral(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() < 1e-9 { r } else { x }
}

/// How far a cost may be from a chord and still count as on it.
fn tolerance(a: f64, b: f64) -> f64 {
    1e-7 * (1.0 + a.abs().max(b.abs()))
}
