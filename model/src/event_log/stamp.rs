//! When an event happened: an ISO date, or a date and a time of day (the clock time as written:
//! an offset such as `+08:00` or `Z` is read and dropped, since approval systems record the
//! local time of the office). Midnight exactly is read as a date without a time.

use std::cmp::Ordering;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::Reason;

/// The earliest year a log's times may lie in.
pub const FIRST_YEAR: i32 = 1900;
/// The latest year a log's times may lie in.
pub const LAST_YEAR: i32 = 2200;

/// A date, with the time of day when the log gives one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The day.
    pub date: NaiveDate,
    /// The time of day, when given.
    pub time: Option<NaiveTime>,
}

impl Stamp {
    /// Reads `2025-03-03`, `2025-03-03T09:00`, `2025-03-03 09:00:00`, `2025-03-03T09:00:00.000+08:00`
    /// or `…Z`.
    pub fn parse(text: &str) -> Result<Self, Reason> {
        let t = text.trim();
        let bad = || Reason::BadTime(t.to_owned());
        let stamp = if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            Self { date, time: None }
        } else if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
            Self::of(dt.naive_local())
        } else {
            let with_offset = ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f%:z"]
                .iter()
                .find_map(|f| DateTime::parse_from_str(t, f).ok())
                .map(|dt| dt.naive_local());
            let naive = with_offset.or_else(|| {
                [
                    "%Y-%m-%dT%H:%M:%S%.f",
                    "%Y-%m-%d %H:%M:%S%.f",
                    "%Y-%m-%dT%H:%M",
                    "%Y-%m-%d %H:%M",
                ]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
            });
            Self::of(naive.ok_or_else(bad)?)
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&stamp.date.year()) {
            return Err(Reason::TimeOutOfRange(t.to_owned()));
        }
        Ok(stamp)
    }

    /// Midnight is a date without a time: systems that keep dates only export them as
    /// midnight (PM4Py writes `2025-03-03T00:00:00.000+08:00`), and no office works then.
    fn of(dt: NaiveDateTime) -> Self {
        Self {
            date: dt.date(),
            time: Some(dt.time()).filter(|t| *t != NaiveTime::MIN),
        }
    }

    /// Whether the time lies in the afternoon (from noon): the second half of the day.
    pub fn afternoon(&self) -> bool {
        self.time.is_some_and(|t| t.hour() >= 12)
    }

    /// The order of two stamps: by date and time when both have a time, else by date only.
    pub fn order(&self, other: &Self) -> Ordering {
        match (self.time, other.time) {
            (Some(a), Some(b)) => (self.date, a).cmp(&(other.date, b)),
            _ => self.date.cmp(&other.date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_times_in_every_usual_spelling() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        assert_eq!(Stamp::parse("2025-03-03").unwrap().time, None);
        for t in [
            "2025-03-03T09:00:00+08:00",
            "2025-03-03T09:00:00.000+08:00",
            "2025-03-03 09:00:00",
            "2025-03-03T09:00",
            "2025-03-03T09:00:00Z",
        ] {
            let s = Stamp::parse(t).unwrap();
            assert_eq!(s.date, d, "{t}");
            assert_eq!(s.time.map(|t| t.hour()), Some(9), "{t}");
            assert!(!s.afternoon());
        }
        assert!(Stamp::parse("2025-03-03 14:30").unwrap().afternoon());
        let midnight = Stamp::parse("2025-03-03T00:00:00.000+08:00").unwrap();
        assert_eq!((midnight.date, midnight.time), (d, None));
        assert!(matches!(
            Stamp::parse("03/03/2025"),
            Err(Reason::BadTime(_))
        ));
        assert!(matches!(
            Stamp::parse("99999-01-01"),
            Err(Reason::BadTime(_) | Reason::TimeOutOfRange(_))
        ));
        assert!(matches!(
            Stamp::parse("2500-01-01"),
            Err(Reason::TimeOutOfRange(_))
        ));
    }
}
