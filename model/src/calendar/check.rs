//! Holiday files checked before they are applied: each file's dates lie in its `year`, a date is
//! not listed both off and working, and the files a scenario names agree with each other.
//!
//! holiday-cn lists a day of the year's first or last holiday that falls across New Year in the
//! year of the holiday: 2023's file starts with Saturday 2022-12-31, the first day off of 元旦
//! 2023. So a date in the December before or the January after `year` is accepted when the file
//! names the same holiday on a date inside the year; any other date outside it is refused.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::HolidayYear;
use permitflow_i18n::tr;

use crate::diag::{Code, Diagnostic};

/// The years a holiday file (and a scenario's start) may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The holiday files of one calendar, checked one after the other.
#[derive(Debug, Default)]
pub struct HolidayFiles {
    /// Every date listed so far: the file, whether it is a day off, the holiday's name.
    seen: BTreeMap<NaiveDate, (String, bool, String)>,
}

fn kind(off: bool) -> String {
    if off {
        tr!("diag-calendar-day-kind.off")
    } else {
        tr!("diag-calendar-day-kind.working")
    }
}

/// The `"date"` string in the file's text, for line:column.
fn span_of(text: &str, date: NaiveDate) -> Option<std::ops::Range<usize>> {
    let needle = format!("\"{}\"", date.format("%Y-%m-%d"));
    text.find(&needle).map(|i| i + 1..i + needle.len() - 1)
}

impl HolidayFiles {
    /// Checks `y` (read from `text`, named `file`) on its own and against the files before it;
    /// remembers its dates when it passes.
    pub fn check(&mut self, y: &HolidayYear, text: &str, file: &str) -> Result<(), Diagnostic> {
        let at = |date: NaiveDate, message: String, help: String| {
            Diagnostic::new(Code::BadCalendar, file, message)
                .at(text, span_of(text, date))
                .help(help)
        };
        if !YEARS.contains(&y.year) {
            let d = Diagnostic::new(
                Code::BadCalendar,
                file,
                tr!(
                    "diag-calendar-year",
                    year = y.year.to_string(),
                    from = YEARS.start().to_string(),
                    to = YEARS.end().to_string()
                ),
            )
            .help(tr!("diag-calendar-year.help"));
            let span = text.find("\"year\"").map(|i| i..i + 6);
            return Err(d.at(text, span));
        }
        let mut mine: BTreeMap<NaiveDate, bool> = BTreeMap::new();
        for (date, name, off) in &y.days {
            if !self.in_year(y, *date, name) {
                return Err(at(
                    *date,
                    tr!(
                        "diag-calendar-outside-year",
                        date = date.to_string(),
                        name = name.as_str(),
                        year = y.year.to_string()
                    ),
                    tr!(
                        "diag-calendar-outside-year.help",
                        date = date.to_string(),
                        year = date.year().to_string()
                    ),
                ));
            }
            if let Some(before) = mine.insert(*date, *off)
                && before != *off
            {
                return Err(at(
                    *date,
                    tr!(
                        "diag-calendar-both",
                        date = date.to_string(),
                        name = name.as_str()
                    ),
                    tr!("diag-calendar-both.help"),
                ));
            }
            if let Some((other, was, other_name)) = self.seen.get(date)
                && was != off
            {
                return Err(at(
                    *date,
                    tr!(
                        "diag-calendar-contradiction",
                        date = date.to_string(),
                        kind = kind(*off),
                        name = name.as_str(),
                        other_kind = kind(*was),
                        other_name = other_name.as_str(),
                        other = other.as_str()
                    ),
                    tr!("diag-calendar-contradiction.help"),
                ));
            }
        }
        for (date, name, off) in &y.days {
            self.seen
                .entry(*date)
                .or_insert_with(|| (file.to_owned(), *off, name.clone()));
        }
        Ok(())
    }

    /// Whether `date` belongs in `y`'s file: in its year, or the December before or January
    /// after it for a holiday named on a date of the year.
    fn in_year(&self, y: &HolidayYear, date: NaiveDate, name: &str) -> bool {
        if date.year() == y.year {
            return true;
        }
        let across = (date.year() == y.year - 1 && date.month() == 12)
            || (date.year() == y.year + 1 && date.month() == 1);
        across
            && y.days
                .iter()
                .any(|(d, n, _)| d.year() == y.year && n == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> HolidayYear {
        HolidayYear::parse_holiday_cn(text, "f.json").unwrap()
    }

    #[test]
    fn dates_outside_the_year_are_refused_except_across_new_year() {
        // holiday-cn's 2023 file starts with 2022-12-31, a day off of 元旦 2023.
        let ok = "{\"year\": 2023, \"days\": [\n{\"name\": \"元旦\", \"date\": \"2022-12-31\", \"isOffDay\": true},\n{\"name\": \"元旦\", \"date\": \"2023-01-01\", \"isOffDay\": true}]}";
        assert!(
            HolidayFiles::default()
                .check(&year(ok), ok, "cn-2023.json")
                .is_ok()
        );
        let stray = "{\"year\": 2027, \"days\": [\n{\"name\": \"春节\", \"date\": \"2026-02-17\", \"isOffDay\": true}]}";
        let e = HolidayFiles::default()
            .check(&year(stray), stray, "cn-2027.json")
            .unwrap_err();
        assert_eq!(
            e.message,
            "2026-02-17 (春节) is not in the calendar's year 2027"
        );
        assert_eq!((e.line, e.column), (Some(2), Some(25)));
        let far = "{\"year\": 10038, \"days\": []}";
        let e = HolidayFiles::default()
            .check(&year(far), far, "x.json")
            .unwrap_err();
        assert_eq!(
            e.message,
            "the calendar's year 10038 is not from 1900 to 2200"
        );
    }

    #[test]
    fn files_that_contradict_each_other_are_refused() {
        let a = "{\"year\": 2027, \"days\": [{\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": true}]}";
        let b = "{\"year\": 2027, \"days\": [{\"name\": \"调休\", \"date\": \"2027-02-06\", \"isOffDay\": false}]}";
        let mut files = HolidayFiles::default();
        files.check(&year(a), a, "a.json").unwrap();
        // The same file again agrees with itself.
        files.check(&year(a), a, "a-copy.json").unwrap();
        let e = files.check(&year(b), b, "b.json").unwrap_err();
        assert_eq!(
            e.message,
            "2027-02-06 is a working day (调休) here but a day off (春节) in a.json"
        );
        assert_eq!(e.file, "b.json");
        let both = "{\"year\": 2027, \"days\": [{\"name\": \"x\", \"date\": \"2027-02-06\", \"isOffDay\": true}, {\"name\": \"x\", \"date\": \"2027-02-06\", \"isOffDay\": false}]}";
        let e = HolidayFiles::default()
            .check(&year(both), both, "c.json")
            .unwrap_err();
        assert!(e.message.contains("both as a day off and as a working day"));
    }
}
