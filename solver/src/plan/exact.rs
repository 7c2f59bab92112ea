//! Planning a network with calendar-day items: the working-time programs on the network with
//! those items held at their working lengths, every plan re-timed exactly on the calendar.

use permitflow_model::{DayUnit, Network, WorkingDays};

use super::crash::{cheapest, curve_network, cuts, deepest, least, with_durations};
use super::{Dates, EPS, Plan, PlanMethod};
use crate::dated::{DatedSchedule, has_calendar_days, held, schedule_dated};
use crate::error::SolveError;
use crate::schedule::{Method, schedule};

/// How many times a plan is re-timed exactly and the program tightened before the planner
/// falls back to the deepest cut.
pub const ROUNDS: u32 = 8;

impl Dates<'_> {
    /// The exact working days of `net`: the dated schedule with calendar days, the longest
    /// paths without.
    pub(crate) fn makespan(&self, net: &Network) -> Result<WorkingDays, SolveError> {
        Ok(self.schedule(net)?.makespan)
    }

    /// The exact schedule of `net` (working-day offsets).
    pub(crate) fn schedule(&self, net: &Network) -> Result<crate::Schedule, SolveError> {
        if has_calendar_days(net) {
            Ok(self.dated(net)?.schedule)
        } else {
            schedule(net, Method::Paths)
        }
    }

    fn dated(&self, net: &Network) -> Result<DatedSchedule, SolveError> {
        schedule_dated(net, self.calendar, self.application)
    }
}

/// The limits `durations` (one per activity of the held network) as limits of `net`:
/// calendar-day items keep their days.
fn limits(net: &Network, durations: &[f64]) -> Vec<f64> {
    net.activities
        .iter()
        .zip(durations)
        .map(|(a, &d)| {
            if a.unit == DayUnit::Calendar {
                a.days.get()
            } else {
                d
            }
        })
        .collect()
}

/// `hold` with its calendar-day items and calendar lags held where `now` holds them (both
/// made by `held` from `net`, so their activities and constraints line up).
fn rehold(net: &Network, hold: &mut Network, now: &Network) {
    for (i, a) in net.activities.iter().enumerate() {
        if a.unit == DayUnit::Calendar {
            hold.activities[i].days = now.activities[i].days;
            hold.activities[i].floor = now.activities[i].floor;
        }
    }
    for (k, c) in net.constraints.iter().enumerate() {
        if c.lag_unit == DayUnit::Calendar {
            hold.constraints[k].lag = now.constraints[k].lag;
            hold.constraints[k].max_lag = now.constraints[k].max_lag;
        }
    }
}

/// The working lengths the calendar-day items and calendar lags are held at.
fn held_lengths(net: &Network, hold: &Network) -> Vec<f64> {
    let items = net
        .activities
        .iter()
        .zip(&hold.activities)
        .filter(|(a, _)| a.unit == DayUnit::Calendar)
        .map(|(_, h)| h.days.get());
    let lags = net
        .constraints
        .iter()
        .zip(&hold.constraints)
        .filter(|(c, _)| c.lag_unit == DayUnit::Calendar)
        .flat_map(|(_, h)| [h.lag.get(), h.max_lag.map_or(0.0, |m| m.get())]);
    items.chain(lags).collect()
}

/// The cheapest limits that bring `net` to `target` working days, every figure exact.
pub(super) fn plan(
    net: &Network,
    dates: &Dates,
    target: WorkingDays,
    method: PlanMethod,
) -> Result<Plan, SolveError> {
    if !has_calendar_days(net) {
        return super::crash::plan_network_with(net, target, method);
    }
    let (held0, today) = held(net, dates.calendar, dates.application)?;
    let current = today.schedule.makespan;
    let deep = limits(net, &deepest(&held0, method)?);
    let (least_held, least_exact) = held(
        &with_durations(net, &deep),
        dates.calendar,
        dates.application,
    )?;
    let least_days = least_exact.schedule.makespan;
    let t = target.get();
    let mut plan = Plan {
        target,
        reachable: true,
        current,
        working_days: current,
        cost: 0.0,
        least_working_days: least_days,
        cuts: Vec::new(),
        limiting: Vec::new(),
        rounds: 0,
        fallback: false,
        calendar_items: net
            .activities
            .iter()
            .filter(|a| a.unit == DayUnit::Calendar && a.days.get() > 0.0)
            .map(|a| a.id.clone())
            .collect(),
    };
    if t < least_days.get() - EPS {
        plan.reachable = false;
        // What limits the minimum: the critical chain with the calendar-day items held where
        // the deepest cut puts them (exactly, an item just before a weekend has float that
        // the weekend swallows, and would not be named).
        let critical = schedule(&least_held, Method::Paths)?.critical;
        plan.limiting = (0..net.activities.len())
            .filter(|&i| critical[i] && !net.activities[i].is_gate())
            .map(|i| net.activities[i].id.clone())
            .collect();
        return Ok(plan);
    }
    if t >= current.get() - EPS {
        return Ok(plan);
    }
    // Each round solves the program with the calendar-day items held where the last plan put
    // them; only when that repeats a program already solved is its target tightened by the
    // excess (so the cheapest plan the lengths allow is tried before a deeper one).
    let mut hold = held0;
    let mut goal = t;
    let mut tried: Vec<(Vec<f64>, f64)> = Vec::new();
    let mut found = None;
    for round in 1..=ROUNDS {
        plan.rounds = round;
        tried.push((held_lengths(net, &hold), goal));
        let floor = least(&hold, method)?.makespan.get();
        let horizon = goal.max(floor);
        let durations = limits(net, &cheapest(&hold, horizon, method)?);
        let new = with_durations(net, &durations);
        let (now, exact) = held(&new, dates.calendar, dates.application)?;
        let e = exact.schedule.makespan.get();
        if e <= t + EPS {
            let mut durations = durations;
            let days = trim(net, dates, &mut durations, t)?.unwrap_or(exact.schedule.makespan);
            found = Some((durations, days));
            break;
        }
        rehold(net, &mut hold, &now);
        let lengths = held_lengths(net, &hold);
        if tried.iter().any(|(l, g)| *l == lengths && *g == goal) {
            if horizon <= floor + EPS {
                break; // the program cannot be tightened further
            }
            goal = horizon - (e - t);
        }
    }
    let (durations, days) = match found {
        Some(f) => f,
        None => {
            plan.fallback = true;
            (deep, least_days)
        }
    };
    plan.working_days = days;
    plan.cuts = cuts(net, &durations);
    plan.cost = plan.cuts.iter().map(|c| c.cost).sum();
    Ok(plan)
}

/// The exact checks [`trim`] may make on a network of `size` activities and links: fewer on a
/// large network, so a plan stays a few seconds at most.
fn trim_budget(size: usize) -> usize {
    (2_000_000 / size.max(1)).clamp(8, 256)
}

/// Gives back, half a day at a time, what a plan that meets `t` cut without need: with
/// calendar-day items the program holds them at fixed working lengths, so its cuts may move the
/// works past a weekend that a cheaper set of cuts also clears. The costliest cuts per day go
/// first; each step is kept only if the exact makespan still meets `t`. Returns the exact
/// makespan after the last kept step (`None` when nothing was given back).
fn trim(
    net: &Network,
    dates: &Dates,
    durations: &mut [f64],
    t: f64,
) -> Result<Option<WorkingDays>, SolveError> {
    let mut order: Vec<usize> = (0..net.activities.len())
        .filter(|&i| net.activities[i].days.get() - durations[i] > EPS)
        .collect();
    order.sort_by(|&a, &b| {
        net.activities[b]
            .cost
            .partial_cmp(&net.activities[a].cost)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut budget = trim_budget(net.activities.len() + net.constraints.len());
    let mut last = None;
    for i in order {
        let today = net.activities[i].days.get();
        while budget > 0 && today - durations[i] > EPS {
            budget -= 1;
            let before = durations[i];
            durations[i] = (before + 0.5).min(today);
            let days = dates.makespan(&with_durations(net, durations))?;
            if days.get() <= t + EPS {
                last = Some(days);
            } else {
                durations[i] = before;
                break;
            }
        }
    }
    Ok(last)
}

/// The time–cost curve of a network with calendar-day items: the exact plan of each target
/// from today's working days down by half days (skipping to below each plan's exact figure),
/// then the points no cheaper-and-faster point beats, with the points where the slope does not
/// change dropped. With calendar-day items the curve is a staircase, not convex.
pub(super) fn curve(net: &Network, dates: &Dates) -> Result<Vec<(WorkingDays, f64)>, SolveError> {
    if !has_calendar_days(net) {
        return curve_network(net);
    }
    let first = plan(net, dates, WorkingDays::new(1e12), PlanMethod::Flow)?;
    let (current, least) = (first.current.get(), first.least_working_days.get());
    let mut points = vec![(current, 0.0)];
    let mut t = current - 0.5;
    while t >= least - EPS {
        let p = plan(net, dates, WorkingDays::new(t), PlanMethod::Flow)?;
        if !p.reachable {
            break;
        }
        points.push((p.working_days.get(), p.cost));
        t = p.working_days.get().min(t) - 0.5;
    }
    // Decreasing makespan; keep a point only if every faster point costs more.
    let mut kept: Vec<(f64, f64)> = Vec::new();
    let mut cheapest_faster = f64::INFINITY;
    for &(d, c) in points.iter().rev() {
        if c < cheapest_faster - 1e-9 && kept.last().is_none_or(|&(d0, _)| d > d0 + EPS) {
            kept.push((d, c));
            cheapest_faster = c;
        }
    }
    // `kept` is in increasing makespan: drop the points on a line between their neighbours.
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(kept.len());
    for p in kept {
        while out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let on_line = a.1 + (p.1 - a.1) * (b.0 - a.0) / (p.0 - a.0);
            if (b.1 - on_line).abs() <= 1e-7 * (1.0 + a.1.abs().max(p.1.abs())) {
                out.pop();
            } else {
                break;
            }
        }
        out.push(p);
    }
    Ok(out
        .into_iter()
        .rev()
        .map(|(d, c)| (WorkingDays::new(d), c))
        .collect())
}
