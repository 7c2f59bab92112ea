//! Many dates from one start: the working days from the project start listed once, so a schedule
//! of a million items is dated by lookups instead of a calendar walk per date.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Calendar, next};
use crate::units::WorkingDays;

/// The most working days a table lists (about 8,000 years); offsets beyond are dated by
/// [`Calendar::working_day`], as without a table.
pub const MAX_TABLE_DAYS: usize = 1 << 21;

/// The dates of working-day offsets from one project start (see [`Calendar::date_table`]).
#[derive(Debug)]
pub struct DateTable<'c> {
    calendar: &'c Calendar,
    start: NaiveDate,
    /// Working day `k` from the start, for `k` up to the table's length.
    days: Vec<NaiveDate>,
}

impl Calendar {
    /// A table for dating offsets up to `up_to` working days from `start` (at most
    /// [`MAX_TABLE_DAYS`] are listed; later offsets are dated one by one). Built in one walk
    /// over the calendar days, checking only the weekday past the last holiday.
    pub fn date_table(&self, start: NaiveDate, up_to: WorkingDays) -> DateTable<'_> {
        let want = (up_to.get().max(0.0).ceil() as usize)
            .saturating_add(1)
            .min(MAX_TABLE_DAYS);
        let horizon = self.last_exception();
        let mut days = Vec::with_capacity(want);
        let mut d = self.first_working_day(start);
        while days.len() < want {
            days.push(d);
            if d == NaiveDate::MAX {
                break;
            }
            loop {
                d = next(d);
                let working = if horizon.is_none_or(|h| d > h) {
                    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
                } else {
                    self.is_working_day(d)
                };
                if working || d == NaiveDate::MAX {
                    break;
                }
            }
        }
        DateTable {
            calendar: self,
            start,
            days,
        }
    }
}

impl DateTable<'_> {
    /// The working day with 0-based `index` from the start: [`Calendar::working_day`].
    pub fn working_day(&self, index: u64) -> NaiveDate {
        match usize::try_from(index).ok().and_then(|i| self.days.get(i)) {
            Some(d) => *d,
            None => self.calendar.working_day(self.start, index),
        }
    }

    /// [`Calendar::start_date`] by lookup.
    pub fn start_date(&self, offset: WorkingDays) -> NaiveDate {
        self.working_day(offset.get().max(0.0).floor() as u64)
    }

    /// [`Calendar::finish_date`] by lookup.
    pub fn finish_date(&self, offset: WorkingDays) -> NaiveDate {
        let n = offset.get().max(0.0).ceil() as u64;
        self.working_day(n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives the calendar's own dates for every offset, across official, provisional
    /// and uncovered years, from a start on a holiday, and beyond its own length.
    #[test]
    fn table_dates_are_the_calendars() {
        let cal = Calendar::china();
        for start in ["2025-01-01", "2026-09-30", "2040-12-25"] {
            let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
            let table = cal.date_table(start, WorkingDays::new(3000.0));
            for half in 0..6200 {
                let off = WorkingDays::new(f64::from(half) / 2.0);
                assert_eq!(
                    table.start_date(off),
                    cal.start_date(start, off),
                    "{start} {off:?}"
                );
                assert_eq!(
                    table.finish_date(off),
                    cal.finish_date(start, off),
                    "{start} {off:?}"
                );
            }
        }
        // Spring Festival 2025: 28 January to 4 February off, 26 January and 8 February worked.
        let table = cal.date_table(
            NaiveDate::from_ymd_opt(2025, 1, 24).unwrap(),
            WorkingDays::new(5.0),
        );
        let d = |i| table.working_day(i).format("%m-%d").to_string();
        assert_eq!(
            [d(0), d(1), d(2), d(3)],
            ["01-24", "01-26", "01-27", "02-05"]
        );
    }
}
