//! Exact schedules of networks that count some days in calendar days (publicity periods,
//! notices, calendar-day lags).
//!
//! Instants are half days on the calendar from the application date ([`axis::Axis`]). Every
//! activity's finish is a monotone function of its start: a working-day activity starts at the
//! first working half day at or after the instant it may start and runs its working half days on
//! the calendar; a calendar-day activity starts at the next midnight (the calendar day after the
//! day its predecessors finish, or the application date) and lasts N whole days. Lags are
//! monotone maps too (working lags on the working clock, calendar lags on the calendar). The
//! earliest starts are the least solution of these monotone constraints: one pass in
//! topological order without upper bounds, a label-correcting pass with a bounded number of
//! hops with them (a conflict is named, never a hang). The latest starts are the greatest
//! solution below the latest finish, found backwards with the inverse maps. The result is
//! converted to working-day offsets for [`Schedule`], with each activity's own dates.

pub(crate) mod axis;
mod held;

use std::collections::VecDeque;

use chrono::NaiveDate;
use permitflow_model::{Calendar, DayUnit, LinkKind, Network, WorkingDays};

use crate::error::SolveError;
use crate::paths::{Bound, describe};
use crate::schedule::{Method, Schedule};
use axis::{Axis, least_with};

/// A schedule placed exactly on the calendar, with each activity's dates.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedSchedule {
    /// Working-day offsets, float in working days.
    pub schedule: Schedule,
    /// Start and finish date of each activity (a calendar-day item may start on a Saturday).
    pub dates: Vec<(NaiveDate, NaiveDate)>,
    /// The day the last activity finishes.
    pub end_date: NaiveDate,
}

/// Whether the network counts any day in calendar days: an activity or a lag.
pub fn has_calendar_days(net: &Network) -> bool {
    net.activities
        .iter()
        .any(|a| a.unit == DayUnit::Calendar && a.days.get() > 0.0)
        || net
            .constraints
            .iter()
            .any(|c| c.lag_unit == DayUnit::Calendar)
}

/// The first activity (or link, `from → to`) counted in calendar days, by id: what a
/// working-days-only method names when it refuses the network.
pub fn first_calendar(net: &Network) -> Option<String> {
    net.activities
        .iter()
        .find(|a| a.unit == DayUnit::Calendar && a.days.get() > 0.0)
        .map(|a| a.id.clone())
        .or_else(|| {
            net.constraints
                .iter()
                .find(|c| c.lag_unit == DayUnit::Calendar)
                .map(|c| {
                    format!(
                        "{} → {}",
                        net.activities[c.from].id, net.activities[c.to].id
                    )
                })
        })
}

/// How an activity turns its start into its finish.
#[derive(Clone, Copy, Debug)]
enum Span {
    /// No time: it finishes when it starts, wherever that is.
    Zero,
    /// Working half days.
    Working(i64),
    /// Calendar half days (whole days: always even).
    Calendar(i64),
}

fn halves(d: WorkingDays) -> i64 {
    (d.get() * 2.0).round() as i64
}

/// An activity of `days` in `unit`: working days to the nearest half day, calendar days to
/// whole days (the nearest half day, a half rounded up).
fn span_of(days: f64, unit: DayUnit) -> Span {
    let h = halves(WorkingDays::new(days));
    match (h > 0, unit) {
        (false, _) => Span::Zero,
        (true, DayUnit::Working) => Span::Working(h),
        // Calendar-day counts are whole days; a half is rounded up to the whole day.
        (true, DayUnit::Calendar) => Span::Calendar((h + 1) / 2 * 2),
    }
}

/// The actual start of an activity allowed to start at `t`.
fn snap(axis: &mut Axis, s: Span, t: i64) -> i64 {
    match s {
        Span::Zero => t.max(0),
        Span::Working(_) => axis.next_working(t),
        Span::Calendar(_) => (t.max(0) + 1) / 2 * 2,
    }
}

/// The finish of an activity that starts (snapped) at `s`.
fn finish(axis: &mut Axis, sp: Span, s: i64) -> i64 {
    match sp {
        Span::Zero => s,
        Span::Working(h) => {
            let w = axis.w(s);
            axis.winv(w + h)
        }
        Span::Calendar(h) => s + h,
    }
}

/// Whether the activity runs on the working clock for some time: its points are working
/// moments (a finish on Friday night and a start on Monday morning are the same moment), where a
/// calendar-day activity or a zero-length one sits at one instant of the calendar.
fn on_working_clock(sp: Span) -> bool {
    matches!(sp, Span::Working(_))
}

/// The least point of `to` a minimum lag `lag` after point `p` of `from` allows. A working lag
/// bounds the working time between the points; when neither activity runs on the working clock
/// the point also comes no earlier than `p` (a calendar-day item after a gate after another
/// calendar-day item). A calendar lag bounds the calendar time.
fn lag_lower(axis: &mut Axis, unit: DayUnit, lag: i64, p: i64, instants: bool) -> i64 {
    match unit {
        DayUnit::Working => {
            let w = axis.w(p);
            let x = axis.winv(w + lag);
            if lag >= 0 && instants { x.max(p) } else { x }
        }
        DayUnit::Calendar => (p + lag).max(0),
    }
}

/// The greatest point `p` of `from` that lets `to`'s point `q` satisfy a minimum lag: the
/// inverse of [`lag_lower`].
fn lag_lower_inverse(axis: &mut Axis, unit: DayUnit, lag: i64, q: i64, instants: bool) -> i64 {
    match unit {
        DayUnit::Working => {
            let w = axis.w(q);
            let cap = axis.winv(w - lag + 1) - 1;
            if lag >= 0 && instants {
                cap.min(q)
            } else {
                cap
            }
        }
        DayUnit::Calendar => q - lag,
    }
}

/// The latest point a maximum lag `max` after `t` allows, on the lag's clock: a working lag
/// bounds the working time between the two points (any instant before the next working half
/// day after it is as good), a calendar lag the calendar time.
fn lag_upper(axis: &mut Axis, unit: DayUnit, max: i64, t: i64) -> i64 {
    match unit {
        DayUnit::Working => {
            let w = axis.w(t);
            axis.winv(w + max + 1) - 1
        }
        DayUnit::Calendar => t + max,
    }
}

fn from_is_finish(kind: LinkKind) -> bool {
    matches!(kind, LinkKind::FinishToStart | LinkKind::FinishToFinish)
}

fn to_is_finish(kind: LinkKind) -> bool {
    matches!(kind, LinkKind::FinishToFinish | LinkKind::StartToFinish)
}

/// A relaxation: raise `v`'s start from `u`'s through constraint `k` (`Min`) or its maximum
/// lag backwards (`Max`).
#[derive(Clone, Copy)]
struct Arc {
    u: usize,
    v: usize,
    bound: Bound,
}

struct Solver<'a, 'c> {
    net: &'a Network,
    axis: Axis<'c>,
    spans: Vec<Span>,
}

impl Solver<'_, '_> {
    /// The point of activity `i` a link reads: its start, or its finish.
    fn point(&mut self, i: usize, s: i64, is_finish: bool) -> i64 {
        if is_finish {
            finish(&mut self.axis, self.spans[i], s)
        } else {
            s
        }
    }

    /// The least start of `v` (before snapping) such that its start or finish reaches `x`.
    fn start_reaching(&mut self, v: usize, x: i64, is_finish: bool) -> i64 {
        if !is_finish {
            return x.max(0);
        }
        let sp = self.spans[v];
        least_with(&mut self.axis, x, |a, t| {
            let s = snap(a, sp, t);
            finish(a, sp, s)
        })
    }

    /// The least start `arc` allows its target, given the source's start `su`.
    fn lower(&mut self, arc: Arc, su: i64) -> i64 {
        let (k, forward) = match arc.bound {
            Bound::Min(k) => (k, true),
            Bound::Max(k) => (k, false),
            _ => return 0,
        };
        let c = &self.net.constraints[k];
        let (kind, unit) = (c.kind, c.lag_unit);
        if forward {
            let lag = halves(c.lag);
            let p = self.point(c.from, su, from_is_finish(kind));
            let instants =
                !on_working_clock(self.spans[c.from]) && !on_working_clock(self.spans[c.to]);
            let x = lag_lower(&mut self.axis, unit, lag, p, instants);
            self.start_reaching(c.to, x, to_is_finish(kind))
        } else {
            // to's point ≤ lag_upper(from's point, max): from's point must reach the least value
            // whose latest allowed point reaches to's point.
            let m = halves(c.max_lag.unwrap_or_default());
            let q = self.point(c.to, su, to_is_finish(kind));
            let v = least_with(&mut self.axis, q, |a, t| lag_upper(a, unit, m, t));
            self.start_reaching(c.from, v, from_is_finish(kind))
        }
    }

    /// The least start allowed by the activity's release (or the origin).
    fn release(&mut self, i: usize) -> i64 {
        let r = self.net.activities[i].release.map_or(0, halves);
        let t = self.axis.winv(r);
        snap(&mut self.axis, self.spans[i], t)
    }
}

fn arcs(net: &Network) -> Vec<Arc> {
    let mut out = Vec::with_capacity(net.constraints.len() * 2);
    for (k, c) in net.constraints.iter().enumerate() {
        out.push(Arc {
            u: c.from,
            v: c.to,
            bound: Bound::Min(k),
        });
        if c.max_lag.is_some() {
            out.push(Arc {
                u: c.to,
                v: c.from,
                bound: Bound::Max(k),
            });
        }
    }
    out
}

/// Activities in a topological order of `arcs`, or `None` with a cycle (Kahn, no recursion).
fn topological(n: usize, arcs: &[Arc]) -> Option<Vec<usize>> {
    let mut indegree = vec![0u32; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, a) in arcs.iter().enumerate() {
        indegree[a.v] += 1;
        out[a.u].push(k);
    }
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(u) = queue.pop_front() {
        order.push(u);
        for &k in &out[u] {
            let v = arcs[k].v;
            indegree[v] -= 1;
            if indegree[v] == 0 {
                queue.push_back(v);
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// The exact least-makespan schedule with the earliest starts of a network with calendar days,
/// applied for on `application` (instant 0) under `calendar`.
pub fn schedule_dated(
    net: &Network,
    calendar: &Calendar,
    application: NaiveDate,
) -> Result<DatedSchedule, SolveError> {
    Ok(dated_instants(net, calendar, application)?.0)
}

pub use held::held;

/// [`schedule_dated`] with each activity's earliest start and finish as instants of the axis.
fn dated_instants(
    net: &Network,
    calendar: &Calendar,
    application: NaiveDate,
) -> Result<(DatedSchedule, Vec<i64>, Vec<i64>), SolveError> {
    let days: Vec<f64> = net.activities.iter().map(|a| a.days.get()).collect();
    dated_instants_days(net, calendar, application, &days)
}

/// [`schedule_dated`] with activity `i` lasting `days[i]` (in its own unit) instead of its
/// `days`: one iteration of a simulation. Working days are taken to the nearest half day,
/// calendar days to whole days (the nearest half day, a half rounded up), as the files' days.
pub fn schedule_dated_days(
    net: &Network,
    calendar: &Calendar,
    application: NaiveDate,
    days: &[f64],
) -> Result<DatedSchedule, SolveError> {
    Ok(dated_instants_days(net, calendar, application, days)?.0)
}

/// [`schedule_dated_days`] with each activity's earliest start and finish as instants.
fn dated_instants_days(
    net: &Network,
    calendar: &Calendar,
    application: NaiveDate,
    days: &[f64],
) -> Result<(DatedSchedule, Vec<i64>, Vec<i64>), SolveError> {
    let n = net.activities.len();
    let mut sv = Solver {
        net,
        axis: Axis::new(calendar, application),
        spans: net
            .activities
            .iter()
            .zip(days)
            .map(|(a, &d)| span_of(d, a.unit))
            .collect(),
    };
    let arcs = arcs(net);
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, a) in arcs.iter().enumerate() {
        out[a.u].push(k);
    }
    let mut es: Vec<i64> = (0..n).map(|i| sv.release(i)).collect();
    let mut pred: Vec<Option<usize>> = vec![None; n];
    let order = topological(n, &arcs);
    if let Some(order) = &order {
        for &u in order {
            for &k in &out[u] {
                let a = arcs[k];
                let lb = sv.lower(a, es[u]);
                let s = snap(&mut sv.axis, sv.spans[a.v], lb);
                if s > es[a.v] {
                    es[a.v] = s;
                    pred[a.v] = Some(k);
                }
            }
        }
    } else {
        // Label-correcting: a start raised through a walk of more hops than a cycle-free walk
        // can have (plus room for walks that only step over days off) means a conflict.
        let limit = 4 * n + 64;
        let mut hops = vec![0usize; n];
        let mut queued = vec![true; n];
        let mut queue: VecDeque<usize> = (0..n).collect();
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            for &k in &out[u] {
                let a = arcs[k];
                let lb = sv.lower(a, es[u]);
                let s = snap(&mut sv.axis, sv.spans[a.v], lb);
                if s > es[a.v] {
                    let raise = sv.axis.w(s) - sv.axis.w(es[a.v]);
                    es[a.v] = s;
                    pred[a.v] = Some(k);
                    hops[a.v] = hops[u] + 1;
                    if hops[a.v] >= limit {
                        return Err(cycle_conflict(net, &arcs, &pred, a.v, raise));
                    }
                    if !queued[a.v] {
                        queued[a.v] = true;
                        queue.push_back(a.v);
                    }
                }
            }
        }
    }
    let ef: Vec<i64> = (0..n)
        .map(|i| finish(&mut sv.axis, sv.spans[i], es[i]))
        .collect();
    // Deadlines: the earliest schedule is the least one, so a missed deadline cannot be met.
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(d) = a.deadline {
            let over = sv.axis.w(ef[i]) - halves(d);
            if over > 0 {
                return Err(deadline_conflict(net, &arcs, &pred, i, over));
            }
        }
    }
    let end = ef.iter().copied().max().unwrap_or(0);
    let ls = latest(&mut sv, &arcs, order.as_deref(), end, &es);
    let w = |axis: &mut Axis, t: i64| WorkingDays::new(axis.w(t) as f64 / 2.0);
    let mut schedule = Schedule {
        start: Vec::with_capacity(n),
        finish: Vec::with_capacity(n),
        latest_start: Vec::with_capacity(n),
        total_float: Vec::with_capacity(n),
        critical: Vec::with_capacity(n),
        makespan: w(&mut sv.axis, end),
        method: Method::Paths,
    };
    let mut dates = Vec::with_capacity(n);
    for (i, ((&s, &f), &l)) in es.iter().zip(&ef).zip(&ls).enumerate() {
        let ws = w(&mut sv.axis, s);
        let wl = w(&mut sv.axis, l);
        schedule.start.push(ws);
        schedule.finish.push(w(&mut sv.axis, f));
        schedule.latest_start.push(wl);
        schedule
            .total_float
            .push(WorkingDays::new((wl.get() - ws.get()).max(0.0)));
        // A calendar-day item is critical when it cannot start a day later; the others when
        // they cannot start later on the working clock.
        schedule.critical.push(match sv.spans[i] {
            Span::Calendar(_) => l <= s,
            _ => wl <= ws,
        });
        dates.push(match sv.spans[i] {
            // Reached at `s`: dated on the day whose end (or noon) it is, the application
            // date at the origin.
            Span::Zero => {
                let d = sv.axis.date(Axis::finish_day(s));
                (d, d)
            }
            _ => (
                sv.axis.date(Axis::start_day(s)),
                sv.axis.date(Axis::finish_day(f)),
            ),
        });
    }
    let end_date = sv.axis.date(Axis::finish_day(end));
    Ok((
        DatedSchedule {
            schedule,
            dates,
            end_date,
        },
        es,
        ef,
    ))
}

/// The latest starts that keep every finish by `end` and every constraint: the greatest
/// solution, by the inverse maps backwards.
fn latest(
    sv: &mut Solver,
    arcs: &[Arc],
    order: Option<&[usize]>,
    end: i64,
    es: &[i64],
) -> Vec<i64> {
    let n = sv.net.activities.len();
    // The greatest start of `i` whose start (or finish) stays at or before `x`.
    let greatest = |sv: &mut Solver, i: usize, x: i64, is_finish: bool| -> i64 {
        let sp = sv.spans[i];
        least_with(&mut sv.axis, x + 1, |a, t| {
            let s = snap(a, sp, t);
            if is_finish { finish(a, sp, s) } else { s }
        }) - 1
    };
    let mut ls: Vec<i64> = Vec::with_capacity(n);
    for (i, &e) in es.iter().enumerate() {
        let mut cap = end;
        if let Some(d) = sv.net.activities[i].deadline {
            let last = sv.axis.winv(halves(d) + 1) - 1;
            cap = cap.min(last);
        }
        ls.push(greatest(sv, i, cap, true).max(e));
    }
    // Each arc bounds its source from its target: a lower bound u → v caps u's point so that
    // v's latest start still satisfies it.
    let relax = |sv: &mut Solver, ls: &mut Vec<i64>, a: Arc| -> bool {
        let (k, forward) = match a.bound {
            Bound::Min(k) => (k, true),
            Bound::Max(k) => (k, false),
            _ => return false,
        };
        let c = &sv.net.constraints[k];
        let (kind, unit) = (c.kind, c.lag_unit);
        let (cap, i, is_finish) = if forward {
            let lag = halves(c.lag);
            let q = sv.point(c.to, ls[c.to], to_is_finish(kind));
            let instants = !on_working_clock(sv.spans[c.from]) && !on_working_clock(sv.spans[c.to]);
            let p = lag_lower_inverse(&mut sv.axis, unit, lag, q, instants);
            (p, c.from, from_is_finish(kind))
        } else {
            let m = halves(c.max_lag.unwrap_or_default());
            let p = sv.point(c.from, ls[c.from], from_is_finish(kind));
            let q = lag_upper(&mut sv.axis, unit, m, p);
            (q, c.to, to_is_finish(kind))
        };
        let g = greatest(sv, i, cap, is_finish).max(es[i]);
        if g < ls[i] {
            ls[i] = g;
            true
        } else {
            false
        }
    };
    match order {
        Some(order) => {
            let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
            for (k, a) in arcs.iter().enumerate() {
                incoming[a.v].push(k);
            }
            for &v in order.iter().rev() {
                for &k in &incoming[v] {
                    relax(sv, &mut ls, arcs[k]);
                }
            }
        }
        None => {
            // The earliest starts are feasible, so this settles; the bound is a safeguard.
            for _ in 0..4 * n + 64 {
                let mut changed = false;
                for &a in arcs.iter().rev() {
                    changed |= relax(sv, &mut ls, a);
                }
                if !changed {
                    break;
                }
            }
        }
    }
    ls
}

/// Walks the arcs that last raised each start back from `start` until an activity repeats.
fn cycle_conflict(
    net: &Network,
    arcs: &[Arc],
    pred: &[Option<usize>],
    start: usize,
    raise: i64,
) -> SolveError {
    let mut seen = vec![usize::MAX; net.activities.len()];
    let mut walked: Vec<usize> = Vec::new();
    let mut x = start;
    let mut cycle = loop {
        if seen[x] != usize::MAX {
            break walked[seen[x]..].to_vec();
        }
        seen[x] = walked.len();
        match pred[x] {
            Some(k) => {
                walked.push(k);
                x = arcs[k].u;
            }
            None => break walked,
        }
    };
    cycle.reverse();
    SolveError::Infeasible {
        constraints: cycle
            .iter()
            .map(|&k| describe(net, arcs[k].bound))
            .collect(),
        excess: WorkingDays::new(raise.max(1) as f64 / 2.0).to_string(),
    }
}

/// The deadline missed and the chain of constraints that pushed the activity past it.
fn deadline_conflict(
    net: &Network,
    arcs: &[Arc],
    pred: &[Option<usize>],
    i: usize,
    over: i64,
) -> SolveError {
    let mut chain = vec![Bound::Deadline(i)];
    let mut x = i;
    let mut steps = 0;
    while let Some(k) = pred[x] {
        chain.push(arcs[k].bound);
        x = arcs[k].u;
        steps += 1;
        if steps > net.activities.len() {
            break;
        }
    }
    if net.activities[x].release.is_some() {
        chain.push(Bound::Release(x));
    }
    chain.reverse();
    SolveError::Infeasible {
        constraints: chain.into_iter().map(|b| describe(net, b)).collect(),
        excess: WorkingDays::new(over as f64 / 2.0).to_string(),
    }
}
