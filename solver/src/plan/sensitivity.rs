//! What each critical item's limit is worth: project days saved per day cut, and how far that
//! rate holds.

use permitflow_model::{Calendar, Regime, Scenario, WorkingDays};

use super::{Dates, EPS};
use crate::dated::has_calendar_days;
use crate::error::SolveError;
use crate::lp::snap;
use crate::regime::network_for;

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
    /// The activity's id.
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
    /// Why the range ends there.
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
///
/// With calendar-day items (never cut, so never listed) `M` is exact but a staircase: a
/// calendar-day item starts at a midnight, so half a day cut often moves nothing. The rate is
/// then measured over one working day (half a day for a shorter limit) and the range found by
/// walking the limit down a working day at a time while `M` stays on that line.
/// Calendar-day items are placed on the scenario's base calendar ([`sensitivity_on`] takes one).
pub fn sensitivity(scenario: &Scenario, regime: &Regime) -> Result<Vec<Sensitivity>, SolveError> {
    sensitivity_on(
        scenario,
        regime,
        &Calendar::for_base(scenario.calendar.base),
    )
}

/// [`sensitivity`] under `calendar`.
pub fn sensitivity_on(
    scenario: &Scenario,
    regime: &Regime,
    calendar: &Calendar,
) -> Result<Vec<Sensitivity>, SolveError> {
    let net = network_for(scenario, regime)?;
    let dates = Dates::of(scenario, calendar);
    let dated = has_calendar_days(&net);
    let base = dates.schedule(&net)?;
    let m0 = base.makespan.get();
    let mut out = Vec::new();
    for i in 0..net.activities.len() {
        let a = &net.activities[i];
        if !base.critical[i]
            || a.is_gate()
            || a.days.get() <= 0.0
            || a.unit == permitflow_model::DayUnit::Calendar
        {
            continue;
        }
        let full = a.days.get();
        let mut trial = net.clone();
        let mut m = |x: f64| -> Option<f64> {
            trial.activities[i].days = WorkingDays::new(full - x);
            dates.makespan(&trial).ok().map(|d| d.get())
        };
        const STEP: f64 = 1.0 / 1024.0;
        let entry = |rate: f64, range: f64, until: RangeEnd| Sensitivity {
            id: a.id.clone(),
            days: a.days,
            days_per_day: rate,
            range: WorkingDays::new(snap(range)),
            until,
        };
        if dated {
            out.push(staircase(&mut m, m0, full, entry));
            continue;
        }
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
            SolveError::Lp(permitflow_i18n::tr!(
                "diag-solver-sensitivity",
                id = a.id.to_string()
            ))
        })?;
        out.push(entry(rate, range, until));
    }
    Ok(out)
}

/// The rate over one working day (half a day for a shorter limit) and how far, walking the
/// limit down by that step, the exact makespan stays on its line.
fn staircase(
    m: &mut impl FnMut(f64) -> Option<f64>,
    m0: f64,
    full: f64,
    entry: impl Fn(f64, f64, RangeEnd) -> Sensitivity,
) -> Sensitivity {
    let step = if full >= 1.0 { 1.0 } else { 0.5 };
    let Some(m_step) = m(step) else {
        return entry(0.0, 0.0, RangeEnd::Infeasible);
    };
    let rate = integral((m0 - m_step) / step);
    let on_line = |x: f64, v: f64| (v - (m0 - rate * x)).abs() <= EPS;
    let mut x = step;
    loop {
        // The next step, or the rest of the limit when less than a step is left.
        let next = if x + step <= full + EPS {
            x + step
        } else {
            full
        };
        if next <= x + EPS {
            return entry(rate, x, RangeEnd::Zero);
        }
        match m(next) {
            None => return entry(rate, x, RangeEnd::Infeasible),
            Some(v) if !on_line(next, v) => return entry(rate, x, RangeEnd::OtherPath),
            Some(_) => x = next,
        }
    }
}

/// Slopes of a longest path in one limit are integers: remove rounding noise.
fn integral(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() < 1e-9 { r } else { x }
}
