//! A network with calendar days held at its working lengths: what the reform planner's
//! working-time programs see.

use chrono::NaiveDate;
use permitflow_model::{Calendar, DayUnit, Network, WorkingDays};

use super::{Axis, DatedSchedule, dated_instants, from_is_finish};
use crate::error::SolveError;

/// The network with every calendar-day activity and calendar lag replaced by the working days
/// it spans in the exact schedule of `net` (applied for on `application` under `calendar`):
/// a calendar-day activity becomes a working-day one of that length that cannot be cut (its
/// floor is its length); a calendar lag becomes the working days it spans after the point it
/// reads. On this network the longest-path schedule in working days is the exact one of `net`
/// as long as nothing moves; once limits are cut a calendar-day item may span a different
/// weekend, so the planner re-times every plan exactly. Also returns the exact schedule.
pub fn held(
    net: &Network,
    calendar: &Calendar,
    application: NaiveDate,
) -> Result<(Network, DatedSchedule), SolveError> {
    let (dated, es, ef) = dated_instants(net, calendar, application)?;
    let mut axis = Axis::new(calendar, application);
    let mut out = net.clone();
    for (i, a) in out.activities.iter_mut().enumerate() {
        if a.unit == DayUnit::Calendar {
            let d = dated.schedule.finish[i] - dated.schedule.start[i];
            a.days = WorkingDays::new(d.get().max(0.0));
            a.floor = a.days;
            a.unit = DayUnit::Working;
        }
    }
    for c in &mut out.constraints {
        if c.lag_unit == DayUnit::Calendar {
            let p = if from_is_finish(c.kind) {
                ef[c.from]
            } else {
                es[c.from]
            };
            let h = (c.lag.get() * 2.0).round() as i64;
            let w = |axis: &mut Axis, x: i64| axis.w(x);
            let spanned = w(&mut axis, (p + h).max(0)) - w(&mut axis, p);
            c.lag = WorkingDays::new(spanned as f64 / 2.0);
            if let Some(m) = c.max_lag {
                let hm = (m.get() * 2.0).round() as i64;
                let spanned = w(&mut axis, (p + hm).max(0)) - w(&mut axis, p);
                c.max_lag = Some(WorkingDays::new(spanned as f64 / 2.0));
            }
            c.lag_unit = DayUnit::Working;
        }
    }
    Ok((out, dated))
}
