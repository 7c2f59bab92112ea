//! Working-day calendars: weekends, public holidays and make-up working days (weekend days
//! declared working days around China's holidays), and the conversion between offsets in working
//! days and dates.
//!
//! Convention: a project that starts on working day D and takes T working days ends on the
//! ceil(T)-th working day counting D as the first; an activity that starts at offset s starts on
//! working day floor(s) + 1. So 36.5 working days end at midday of the 37th working day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

use crate::diag::{Code, Diagnostic};
use crate::scenario::BaseCalendar;
use crate::units::WorkingDays;

mod check;
mod table;

pub use check::{HolidayFiles, YEARS};
pub use table::{DateTable, MAX_TABLE_DAYS};

/// China's calendars as published by the State Council, in the holiday-cn JSON shape.
const CHINA: [(&str, &str); 3] = [
    ("cn-2024.json", include_str!("../calendars/cn-2024.json")),
    ("cn-2025.json", include_str!("../calendars/cn-2025.json")),
    ("cn-2026.json", include_str!("../calendars/cn-2026.json")),
];

/// Dates are searched this far at most, so a corrupt calendar cannot loop for ever.
const MAX_SCAN_DAYS: u64 = 366 * 400;

/// Which days are working days: Monday to Friday, less public holidays, plus make-up working
/// days, for the years it has data for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    name: String,
    off: BTreeSet<NaiveDate>,
    on: BTreeSet<NaiveDate>,
    years: BTreeSet<i32>,
    /// Years whose holidays follow the statutory rules, not a State Council notice
    /// ([`crate::statutory`]): without the notice's bridging and make-up days.
    provisional: BTreeSet<i32>,
    /// The holiday each listed day belongs to, as its file names it (`春节`, `劳动节`).
    names: BTreeMap<NaiveDate, String>,
    /// Every working day from 1 January of the first year with exceptions to the last exception,
    /// in order: `working_day` looks dates up here instead of stepping day by day.
    index: Vec<NaiveDate>,
}

/// One year of a holiday-cn file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolidayYear {
    /// The calendar year.
    pub year: i32,
    /// (date, holiday name, is a day off)
    pub days: Vec<(NaiveDate, String, bool)>,
}

#[derive(Deserialize)]
struct HolidayCnFile {
    year: i32,
    days: Vec<HolidayCnDay>,
}

#[derive(Deserialize)]
struct HolidayCnDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// The next day, saturating at the last date chrono can represent.
fn next(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

impl HolidayYear {
    /// Reads the holiday-cn JSON shape `{year, days: [{name, date, isOffDay}]}`.
    pub fn parse_holiday_cn(text: &str, file: &str) -> Result<Self, Diagnostic> {
        let raw: HolidayCnFile = serde_json::from_str(text).map_err(|e| {
            let full = e.to_string();
            let msg = full
                .rsplit_once(" at line ")
                .map(|(m, _)| m.to_owned())
                .unwrap_or(full);
            Diagnostic::new(
                Code::BadCalendar,
                file,
                permitflow_i18n::tr!("diag-calendar-unreadable", detail = msg),
            )
            .at_line_col(e.line(), e.column())
            .help(permitflow_i18n::tr!(
                "diag-calendar-unreadable.help",
                example = r#"{"year": 2027, "days": [{"name": "春节", "date": "2027-02-06", "isOffDay": true}]}"#
            ))
        })?;
        let mut days = Vec::with_capacity(raw.days.len());
        for d in raw.days {
            let date = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").map_err(|_| {
                Diagnostic::new(
                    Code::BadCalendar,
                    file,
                    permitflow_i18n::tr!(
                        "diag-calendar-bad-date",
                        date = d.date.as_str(),
                        name = d.name.as_str()
                    ),
                )
                .help(permitflow_i18n::tr!("diag-calendar-bad-date.help"))
            })?;
            days.push((date, d.name, d.is_off_day));
        }
        Ok(Self {
            year: raw.year,
            days,
        })
    }
}

impl Calendar {
    /// Monday to Friday, no holidays.
    pub fn weekends() -> Self {
        Self {
            name: "weekends".into(),
            off: BTreeSet::new(),
            on: BTreeSet::new(),
            years: BTreeSet::new(),
            provisional: BTreeSet::new(),
            names: BTreeMap::new(),
            index: Vec::new(),
        }
    }

    /// China's official calendars shipped with permitflow (2024–2026), then the statutory
    /// holidays of the years after, marked provisional ([`crate::statutory`], 2027–2040).
    pub fn china() -> Self {
        let mut c = Self::weekends();
        c.name = "cn".into();
        for (file, text) in CHINA {
            // The shipped files are checked by tests; a broken one would only lose its holidays.
            if let Ok(y) = HolidayYear::parse_holiday_cn(text, file) {
                c.insert_year(&y);
            }
        }
        let official_to = c.years.last().copied().unwrap_or(i32::MIN);
        for year in
            crate::statutory::FIRST_PROVISIONAL_YEAR..=crate::statutory::LAST_PROVISIONAL_YEAR
        {
            if year > official_to
                && let Some(y) = crate::statutory::statutory_year(year)
            {
                c.insert_year(&y);
                c.provisional.insert(year);
            }
        }
        c.rebuild_index();
        c
    }

    /// The built-in calendar a scenario names.
    pub fn for_base(base: BaseCalendar) -> Self {
        match base {
            BaseCalendar::China => Self::china(),
            BaseCalendar::Weekends => Self::weekends(),
        }
    }

    /// `cn` or `weekends`, the name of the base it was built from.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds (or replaces) one year's holidays and make-up working days. An official file for a
    /// year that had provisional days replaces them all: the year is official from now on.
    pub fn add_year(&mut self, y: &HolidayYear) {
        if self.provisional.remove(&y.year) {
            let other_year = |d: &NaiveDate| d.year() != y.year;
            self.off.retain(other_year);
            self.on.retain(other_year);
            self.names.retain(|d, _| other_year(d));
        }
        self.insert_year(y);
        self.rebuild_index();
    }

    fn insert_year(&mut self, y: &HolidayYear) {
        for (date, name, off) in &y.days {
            self.off.remove(date);
            self.on.remove(date);
            self.names.insert(*date, name.clone());
            if *off {
                self.off.insert(*date);
            } else {
                self.on.insert(*date);
            }
        }
        self.years.insert(y.year);
    }

    fn rebuild_index(&mut self) {
        self.index.clear();
        let first = match (self.off.iter().next(), self.on.iter().next()) {
            (Some(a), Some(b)) => Some(*a.min(b)),
            (a, b) => a.or(b).copied(),
        };
        let (Some(first), Some(last)) = (first, self.last_exception()) else {
            return;
        };
        let mut d = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
        while d <= last {
            if self.is_working_day(d) {
                self.index.push(d);
            }
            d = next(d);
        }
    }

    /// Years with holiday data (official or provisional); other years count weekends only.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// Years whose holidays are provisional: the statutory days, without the bridging days
    /// and make-up working days a State Council notice will add.
    pub fn provisional_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.provisional.iter().copied()
    }

    /// Whether `year`'s holidays are provisional.
    pub fn is_provisional(&self, year: i32) -> bool {
        self.provisional.contains(&year)
    }

    /// Whether `date`'s year has holiday data, or the calendar has none at all (weekends only):
    /// a date outside the data may be a holiday the calendar does not know.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.years.is_empty() || self.years.contains(&date.year())
    }

    /// The holiday a listed day (a day off or a make-up working day) belongs to, as its file
    /// or the statutory rules name it: `春节`, `劳动节`.
    pub fn day_name(&self, date: NaiveDate) -> Option<&str> {
        self.names.get(&date).map(String::as_str)
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.on.contains(&date) {
            return true;
        }
        if self.off.contains(&date) {
            return false;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// Holidays (days off that would otherwise be working days) between two dates, inclusive.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.off.range(from..=to).copied().collect()
    }

    /// Make-up working days between two dates, inclusive.
    pub fn makeup_days_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.on.range(from..=to).copied().collect()
    }

    /// The first working day on or after `date`.
    pub fn first_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        for _ in 0..MAX_SCAN_DAYS {
            if self.is_working_day(d) {
                return d;
            }
            d = next(d);
        }
        d
    }

    /// The last date with a holiday or make-up day: beyond it only weekends count.
    fn last_exception(&self) -> Option<NaiveDate> {
        let a = self.off.iter().next_back();
        let b = self.on.iter().next_back();
        a.max(b).copied()
    }

    /// The working day with 0-based `index` counting the first working day on or after `start`
    /// as 0. Beyond the last holiday it counts whole weeks of five working days at once, so a
    /// huge index takes no longer than a small one; dates beyond the calendar's range saturate.
    pub fn working_day(&self, start: NaiveDate, index: u64) -> NaiveDate {
        let mut d = self.first_working_day(start);
        let mut left = index;
        // Inside the indexed years: look the day up.
        if let Ok(pos) = self.index.binary_search(&d) {
            let want = (pos as u64).saturating_add(left);
            if let Some(day) = usize::try_from(want).ok().and_then(|w| self.index.get(w)) {
                return *day;
            }
            // Past the index: continue from its last day.
            if let Some(last) = self.index.last() {
                left = want - (self.index.len() as u64 - 1);
                d = *last;
            }
        }
        let horizon = self.last_exception();
        while left > 0 {
            if horizon.is_none_or(|h| d > h) && self.is_working_day(d) {
                // `d` is a weekday past every exception: each 7 days hold 5 working days.
                let weeks = left / 5;
                d = d
                    .checked_add_days(Days::new(weeks.saturating_mul(7)))
                    .unwrap_or(NaiveDate::MAX);
                left %= 5;
                while left > 0 && d < NaiveDate::MAX {
                    d = next(d);
                    if self.is_working_day(d) {
                        left -= 1;
                    }
                }
                return d;
            }
            if d == NaiveDate::MAX {
                return d;
            }
            d = next(d);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// `count` consecutive working days from the first on or after `start`.
    pub fn working_days(&self, start: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let mut out = Vec::with_capacity(count);
        let mut d = self.first_working_day(start);
        while out.len() < count && d < NaiveDate::MAX {
            if self.is_working_day(d) {
                out.push(d);
            }
            d = next(d);
        }
        out
    }

    /// The 0-based index of a working day counted from `start`; `None` if `date` is not a working
    /// day or lies before the first one.
    pub fn index_of(&self, start: NaiveDate, date: NaiveDate) -> Option<u64> {
        let first = self.first_working_day(start);
        if date < first || !self.is_working_day(date) {
            return None;
        }
        let mut n = 0;
        let mut d = first;
        while d < date {
            d = next(d);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        Some(n)
    }

    /// The date on which something starting at `offset` working days after the project start
    /// begins (working day floor(offset) + 1).
    pub fn start_date(&self, start: NaiveDate, offset: WorkingDays) -> NaiveDate {
        self.working_day(start, offset.get().max(0.0).floor() as u64)
    }

    /// The date on which something finishing at `offset` working days after the project start
    /// ends (working day ceil(offset), the first one for offset 0).
    pub fn finish_date(&self, start: NaiveDate, offset: WorkingDays) -> NaiveDate {
        let n = offset.get().max(0.0).ceil() as u64;
        self.working_day(start, n.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ten_working_days_over_spring_festival_2025() {
        // Monday 2025-01-20; the make-up Sunday 2025-01-26 works, 01-28..02-04 are off.
        let c = Calendar::china();
        let start = d("2025-01-20");
        assert_eq!(
            c.finish_date(start, WorkingDays::new(10.0)),
            d("2025-02-07")
        );
        assert!(c.is_working_day(d("2025-01-26")));
        assert!(!c.is_working_day(d("2025-01-28")));
        assert!(!c.is_working_day(d("2025-02-04")));
        assert!(c.is_working_day(d("2025-02-08")), "make-up Saturday");
        // With weekends only, the same ten days end on Friday 2025-01-31.
        assert_eq!(
            Calendar::weekends().finish_date(start, WorkingDays::new(10.0)),
            d("2025-01-31")
        );
    }

    #[test]
    fn half_days_end_on_the_next_working_day() {
        let c = Calendar::weekends();
        let mon = d("2025-03-03");
        assert_eq!(c.finish_date(mon, WorkingDays::new(0.5)), mon);
        assert_eq!(c.finish_date(mon, WorkingDays::new(1.0)), mon);
        assert_eq!(c.finish_date(mon, WorkingDays::new(1.5)), d("2025-03-04"));
        assert_eq!(c.start_date(mon, WorkingDays::new(4.5)), d("2025-03-07"));
        assert_eq!(c.start_date(mon, WorkingDays::new(5.0)), d("2025-03-10"));
        assert_eq!(c.finish_date(mon, WorkingDays::ZERO), mon);
    }

    #[test]
    fn a_weekend_start_begins_on_monday() {
        let c = Calendar::weekends();
        assert_eq!(
            c.start_date(d("2025-03-01"), WorkingDays::ZERO),
            d("2025-03-03")
        );
    }

    #[test]
    fn offsets_and_dates_round_trip_over_whole_years() {
        let c = Calendar::china();
        for year in [2024, 2025, 2026] {
            let start = d(&format!("{year}-01-01"));
            let days = c.working_days(start, 260);
            for (i, day) in days.iter().enumerate() {
                assert_eq!(c.index_of(start, *day), Some(i as u64), "{day}");
                assert_eq!(c.working_day(start, i as u64), *day);
                assert_eq!(c.start_date(start, WorkingDays::new(i as f64 + 0.5)), *day);
                assert_eq!(c.finish_date(start, WorkingDays::new(i as f64 + 1.0)), *day);
            }
            // Every date of the year is either a working day with an index or not one.
            let mut date = start;
            while date.year() == year {
                assert_eq!(
                    c.index_of(start, date).is_some(),
                    c.is_working_day(date) && date >= days[0]
                );
                date = date + Days::new(1);
            }
        }
    }

    #[test]
    fn shipped_years_load() {
        let c = Calendar::china();
        assert_eq!(
            c.years().collect::<Vec<_>>(),
            (2024..=2040).collect::<Vec<_>>()
        );
        assert_eq!(
            c.provisional_years().collect::<Vec<_>>(),
            (2027..=2040).collect::<Vec<_>>()
        );
        assert!(!c.is_provisional(2026) && c.is_provisional(2027));
        // National Day 2024 and its make-up days.
        assert!(!c.is_working_day(d("2024-10-07")));
        assert!(c.is_working_day(d("2024-09-29")));
        assert!(c.is_working_day(d("2024-10-12")));
        // Weekdays, less weekday holidays, plus make-up days: 2025 has 261 − 18 + 5 = 248.
        let count = |y: i32| {
            let mut n = 0;
            let mut date = d(&format!("{y}-01-01"));
            while date.year() == y {
                n += usize::from(c.is_working_day(date));
                date = date + Days::new(1);
            }
            n
        };
        assert_eq!(count(2024), 251);
        assert_eq!(count(2025), 248);
        assert_eq!(count(2026), 248);
        // 2027 by the statutory rules: 261 weekdays less the 7 statutory days on weekdays
        // (1 Jan Fri; 5 and 8 Feb, Spring Festival; 5 Apr Qingming; 9 Jun Dragon Boat; 15 Sep
        // Mid-Autumn; 1 Oct Fri) = 254; New Year's Day is not a working day.
        assert_eq!(count(2027), 254);
        assert!(!c.is_working_day(d("2027-01-01")));
    }

    #[test]
    fn an_official_year_replaces_the_provisional_days() {
        let mut c = Calendar::china();
        // Labour Day as a notice might set it: 1–5 May off (Monday 3 May a bridging day) and
        // Sunday 25 April a make-up working day; the file says nothing of Dragon Boat.
        let text = r#"{"year": 2027, "days": [
            {"name": "劳动节", "date": "2027-04-25", "isOffDay": false},
            {"name": "劳动节", "date": "2027-05-01", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-02", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-04", "isOffDay": true},
            {"name": "劳动节", "date": "2027-05-05", "isOffDay": true}]}"#;
        assert!(!c.is_working_day(d("2027-04-25")) && c.is_working_day(d("2027-05-03")));
        c.add_year(&HolidayYear::parse_holiday_cn(text, "2027.json").unwrap());
        assert!(
            c.is_working_day(d("2027-04-25")),
            "the make-up Sunday works"
        );
        assert!(
            !c.is_working_day(d("2027-05-03")),
            "the bridging Monday is off"
        );
        // Every provisional day of the year went: the file is the whole truth for 2027.
        assert!(c.is_working_day(d("2027-06-09")));
        assert!(!c.is_provisional(2027) && c.is_provisional(2028));
        assert_eq!(c.day_name(d("2027-04-25")), Some("劳动节"));
        assert_eq!(
            c.day_name(d("2027-06-09")),
            None,
            "the provisional name went too"
        );
        assert_eq!(c.day_name(d("2028-01-01")), Some("元旦"));
        // The fifth working day from Friday 30 April 2027: Thursday 6, Friday 7, Monday 10,
        // Tuesday 11 May.
        assert_eq!(c.working_day(d("2027-04-30"), 4), d("2027-05-11"));
    }

    #[test]
    fn far_offsets_jump_whole_weeks_and_agree_with_stepping() {
        let c = Calendar::china();
        let start = d("2025-01-20");
        // Stepping day by day and jumping give the same dates just past the calendar's end.
        let stepped = c.working_days(start, 1200);
        for (i, day) in stepped.iter().enumerate().skip(400) {
            assert_eq!(c.working_day(start, i as u64), *day);
        }
        // A huge offset answers at once and saturates instead of overflowing.
        assert_eq!(c.working_day(start, u64::MAX), NaiveDate::MAX);
        let far = c.working_day(start, 1_000_000);
        assert!(far.year() > 5800 && far.year() < 5900, "{far}");
    }

    #[test]
    fn user_calendar_adds_a_year() {
        // 2041 is past the provisional years: weekends only until a file adds it.
        let text =
            r#"{"year": 2041, "days": [{"name": "元旦", "date": "2041-01-01", "isOffDay": true}]}"#;
        let y = HolidayYear::parse_holiday_cn(text, "cn-2041.json").unwrap();
        let mut c = Calendar::china();
        assert!(c.is_working_day(d("2041-01-01")) && !c.covers(d("2041-06-01")));
        c.add_year(&y);
        assert!(!c.is_working_day(d("2041-01-01")));
        assert!(c.covers(d("2041-06-01")) && !c.is_provisional(2041));
        let bad = HolidayYear::parse_holiday_cn("{\"year\": 2027}", "x.json").unwrap_err();
        assert_eq!(bad.code, Code::BadCalendar);
        assert!(
            bad.message.contains("missing field `days`"),
            "{}",
            bad.message
        );
    }
}
