//! The calendar half-day axis of a dated schedule: instants are half days counted from the
//! application date at midnight (instant 0), and the working clock is read off the calendar.
//!
//! `w(t)` is the working time (in half days) elapsed before instant `t`; `winv(y)` the first
//! instant at which `y` working half days have elapsed. Both are monotone; the table of days is
//! extended as far as the schedule reaches, in one walk over the calendar.

use chrono::{Days, NaiveDate};
use permitflow_model::Calendar;

/// Days the axis lists at most (about 46,000 years); later instants saturate.
const MAX_DAYS: usize = 1 << 24;

/// The working days from an application date, listed as far as needed.
pub struct Axis<'c> {
    calendar: &'c Calendar,
    origin: NaiveDate,
    /// Per day from the origin: whether it is a working day.
    working: Vec<bool>,
    /// `cum[d]`: working days among days `0..d` (one longer than `working`).
    cum: Vec<u32>,
    /// The day index of each working day, in order.
    wday: Vec<u32>,
}

impl<'c> Axis<'c> {
    /// An empty axis from `origin` (the application date).
    pub fn new(calendar: &'c Calendar, origin: NaiveDate) -> Self {
        Self {
            calendar,
            origin,
            working: Vec::new(),
            cum: vec![0],
            wday: Vec::new(),
        }
    }

    /// Lists one more day; `false` when the axis is full.
    fn push_day(&mut self) -> bool {
        let d = self.working.len();
        if d >= MAX_DAYS {
            return false;
        }
        let date = self
            .origin
            .checked_add_days(Days::new(d as u64))
            .unwrap_or(NaiveDate::MAX);
        let w = self.calendar.is_working_day(date);
        self.working.push(w);
        let c = self.cum[d] + u32::from(w);
        self.cum.push(c);
        if w {
            self.wday.push(d as u32);
        }
        true
    }

    /// The day index clamped to what the axis can list, with the axis extended to it.
    fn day(&mut self, day: i64) -> usize {
        let d = usize::try_from(day.max(0))
            .unwrap_or(usize::MAX)
            .min(MAX_DAYS - 1);
        while self.working.len() <= d {
            if !self.push_day() {
                break;
            }
        }
        d.min(self.working.len().saturating_sub(1))
    }

    /// Whether day `day` (from the origin) is a working day.
    pub fn is_working(&mut self, day: i64) -> bool {
        let d = self.day(day);
        self.working[d]
    }

    /// Working half days elapsed before instant `t` (0 before the origin).
    pub fn w(&mut self, t: i64) -> i64 {
        if t <= 0 {
            return 0;
        }
        let d = self.day(t.div_euclid(2));
        let half = i64::from(self.working[d]) * t.rem_euclid(2);
        2 * i64::from(self.cum[d]) + half
    }

    /// The working day with 0-based index `k` (the first on or after the origin is 0), as a
    /// day index.
    pub fn working_day(&mut self, k: usize) -> i64 {
        while self.wday.len() <= k {
            if !self.push_day() {
                return self.working.len() as i64;
            }
        }
        i64::from(self.wday[k])
    }

    /// The first instant at which `y` working half days have elapsed (0 for `y ≤ 0`).
    pub fn winv(&mut self, y: i64) -> i64 {
        if y <= 0 {
            return 0;
        }
        // Halves 2k+1 and 2k+2 belong to working day k.
        let k = usize::try_from((y - 1) / 2).unwrap_or(usize::MAX);
        let day = self.working_day(k);
        2 * day + if y % 2 == 1 { 1 } else { 2 }
    }

    /// The first instant at or after `t` that lies in a working day (`t` itself when it does).
    pub fn next_working(&mut self, t: i64) -> i64 {
        let t = t.max(0);
        let d = t.div_euclid(2);
        if self.is_working(d) {
            return t;
        }
        let day = self.day(d);
        let k = self.cum[day] as usize;
        2 * self.working_day(k)
    }

    /// The date of day index `day`.
    pub fn date(&self, day: i64) -> NaiveDate {
        self.origin
            .checked_add_days(Days::new(day.max(0) as u64))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The day on which something starting at instant `t` begins.
    pub fn start_day(t: i64) -> i64 {
        t.div_euclid(2)
    }

    /// The day on which something finishing at instant `f` ends (the day before when `f` is a
    /// midnight); day 0 for `f ≤ 0`.
    pub fn finish_day(f: i64) -> i64 {
        ((f + 1).div_euclid(2) - 1).max(0)
    }
}

/// The least `t ≥ 0` with `g(t) ≥ x`, for a non-decreasing `g` that grows without bound.
pub fn least_with(axis: &mut Axis, x: i64, mut g: impl FnMut(&mut Axis, i64) -> i64) -> i64 {
    if g(axis, 0) >= x {
        return 0;
    }
    let mut lo = 0i64; // g(lo) < x
    let mut hi = x.max(1);
    while g(axis, hi) < x {
        lo = hi;
        if hi >= 1 << 40 {
            return hi;
        }
        hi *= 2;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if g(axis, mid) >= x {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_time_over_a_weekend() {
        let cal = Calendar::china();
        // Monday 2025-03-03.
        let mut a = Axis::new(&cal, NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
        // Five working days end on Friday night: instant 10.
        assert_eq!(a.winv(10), 10);
        assert_eq!(a.w(10), 10);
        // Saturday and Sunday add nothing; Monday noon is the 11th half.
        assert_eq!(a.w(14), 10);
        assert_eq!(a.w(15), 11);
        assert_eq!(a.winv(11), 15);
        assert_eq!(a.next_working(10), 14);
        assert_eq!(a.next_working(15), 15);
        assert_eq!(Axis::finish_day(10), 4);
        assert_eq!(Axis::start_day(10), 5);
        assert_eq!(least_with(&mut a, 11, |a, t| a.w(t)), 15);
    }
}
