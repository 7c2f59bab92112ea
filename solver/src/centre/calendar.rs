//! The centre's working time against the calendar, for project types with calendar-day items or
//! lags: working time `t` (working days since the centre opened on the scenario's start date)
//! and calendar instants `c` (days since that date's midnight), both continuous.

use crate::dated::axis::Axis;

/// Slack for reading a working time as a whole number of days.
const WHOLE: f64 = 1e-9;

/// One project type's calendar during one replication (extended as far as the run reaches).
pub(super) struct Clock<'c> {
    axis: Axis<'c>,
}

impl<'c> Clock<'c> {
    pub(super) fn new(axis: Axis<'c>) -> Self {
        Self { axis }
    }

    /// Working days among the first `d` days.
    fn cum(&mut self, d: i64) -> f64 {
        self.axis.w(2 * d) as f64 / 2.0
    }

    /// The earliest calendar instant at which `t` working days have elapsed: a whole `t` is the
    /// midnight after its last working day (Friday night is Saturday 00:00), a fraction lies in
    /// its working day.
    pub(super) fn instant_at(&mut self, t: f64) -> f64 {
        if t <= WHOLE {
            return 0.0;
        }
        let k = t.floor();
        let frac = t - k;
        if frac < WHOLE {
            self.axis.working_day(k as usize - 1) as f64 + 1.0
        } else if 1.0 - frac < WHOLE {
            self.axis.working_day(k as usize) as f64 + 1.0
        } else {
            self.axis.working_day(k as usize) as f64 + frac
        }
    }

    /// The working days elapsed before calendar instant `c`.
    pub(super) fn working_at(&mut self, c: f64) -> f64 {
        if c <= 0.0 {
            return 0.0;
        }
        let d = c.floor();
        let frac = c - d;
        let day = d as i64;
        let within = if frac > 0.0 && self.axis.is_working(day) {
            frac
        } else {
            0.0
        };
        self.cum(day) + within
    }
}

/// Days of a calendar-day count as the scheduler takes them: to the nearest half day, a half
/// rounded up to the whole day.
pub(super) fn whole_days(x: f64) -> f64 {
    let h = (x * 2.0).round().max(0.0) as i64;
    ((h + 1) / 2) as f64
}

/// The next midnight at or after calendar instant `c`.
pub(super) fn next_midnight(c: f64) -> f64 {
    let r = c.round();
    if (c - r).abs() < WHOLE { r } else { c.ceil() }
}
