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
        let stamp = if let Some(stamp) = Self::plain(t) {
            stamp
        } else if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
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
    /// The usual spellings without an offset — `2025-03-03`, `2025-03-03T09:00`,
    /// `2025-03-03 09:00:00`, `2025-03-03T09:00:00.500` — read directly: a log of millions of
    /// records spends its time here, and chrono's format-string parsers read the format again
    /// for every value. `None` for anything else (the general parsers then decide).
    fn plain(t: &str) -> Option<Self> {
        let b = t.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let digits = b.get(r)?;
            digits.iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let date =
            NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
        if b.len() == 10 {
            return Some(Self { date, time: None });
        }
        if !matches!(b[10], b'T' | b' ') || b.len() < 16 || b[13] != b':' {
            return None;
        }
        let (h, m) = (num(11..13)?, num(14..16)?);
        let (sec, nanos) = match b.len() {
            16 => (0, 0),
            _ if b.len() >= 19 && b[16] == b':' => {
                let sec = num(17..19)?;
                let nanos = match &b[19..] {
                    [] => 0,
                    [b'.', frac @ ..] if !frac.is_empty() && frac.len() <= 9 => {
                        let v = num(20..b.len())?;
                        v * 10u32.pow(9 - u32::try_from(frac.len()).ok()?)
                    }
                    _ => return None,
                };
                (sec, nanos)
            }
            _ => return None,
        };
        let time = NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?;
        Some(Self::of(NaiveDateTime::new(date, time)))
    }

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
        // The direct reading agrees with chrono's on every spelling it takes, and leaves the
        // rest (offsets, bad dates) to chrono.
        for t in [
            "2025-03-03",
            "2025-03-03T09:00",
            "2025-03-03 17:30",
            "2025-03-03T09:00:07",
            "2025-03-03 00:00:00.000",
            "2025-03-03T23:59:59.123456789",
            "2024-02-29",
        ] {
            let direct = Stamp::plain(t).unwrap();
            let chrono = NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(|date| Stamp { date, time: None })
                .or_else(|_| {
                    [
                        "%Y-%m-%dT%H:%M:%S%.f",
                        "%Y-%m-%d %H:%M:%S%.f",
                        "%Y-%m-%dT%H:%M",
                        "%Y-%m-%d %H:%M",
                    ]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
                    .map(Stamp::of)
                    .ok_or(())
                })
                .unwrap();
            assert_eq!(direct, chrono, "{t}");
        }
        for t in [
            "2025-02-29",
            "2025-03-03T09:00:00Z",
            "2025-03-03T09:00+08:00",
            "2025-3-3",
            "2025-03-03T9:00",
            "2025-03-03T25:00",
        ] {
            assert_eq!(Stamp::plain(t), None, "{t}");
        }
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
