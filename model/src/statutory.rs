//! China's statutory public holidays for years without a State Council notice yet, by the rules
//! of the national holiday regulation (《全国年节及纪念日放假办法》, as revised in 2024, in force
//! from 2025): New Year's Day 1 day (1 January); Spring Festival 4 days (New Year's Eve and the
//! first three days of the lunar year); Qingming 1 day (the day of the Qingming solar term);
//! Labour Day 2 days (1–2 May); Dragon Boat 1 day (5th day of the 5th lunar month); Mid-Autumn
//! 1 day (15th day of the 8th lunar month); National Day 3 days (1–3 October).
//!
//! These days are **provisional**: each year's notice adds bridging days and make-up working
//! days (调休) that cannot be known in advance, so a schedule dated in such a year is close but
//! not exact, and says so. An official file for the year replaces them.
//!
//! The lunar and solar-term dates are a table, checked in the tests against `tyme4rs` (6tail's
//! Chinese calendar library; solar terms after the Shouxing astronomical calendar) for every
//! year of it.

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::HolidayYear;

/// The first year given provisional days: the last shipped official calendar is 2026.
pub const FIRST_PROVISIONAL_YEAR: i32 = 2027;
/// The last year the table covers; later years count weekends only, and say so.
pub const LAST_PROVISIONAL_YEAR: i32 = 2040;

/// (year, Spring Festival 正月初一, Qingming 清明, Dragon Boat 五月初五, Mid-Autumn 八月十五) as
/// (month, day) in the Gregorian calendar.
type LunarRow = (i32, (u32, u32), (u32, u32), (u32, u32), (u32, u32));

const TABLE: [LunarRow; 14] = [
    (2027, (2, 6), (4, 5), (6, 9), (9, 15)),
    (2028, (1, 26), (4, 4), (5, 28), (10, 3)),
    (2029, (2, 13), (4, 4), (6, 16), (9, 22)),
    (2030, (2, 3), (4, 5), (6, 5), (9, 12)),
    (2031, (1, 23), (4, 5), (6, 24), (10, 1)),
    (2032, (2, 11), (4, 4), (6, 12), (9, 19)),
    (2033, (1, 31), (4, 4), (6, 1), (9, 8)),
    (2034, (2, 19), (4, 5), (6, 20), (9, 27)),
    (2035, (2, 8), (4, 5), (6, 10), (9, 16)),
    (2036, (1, 28), (4, 4), (5, 30), (10, 4)),
    (2037, (2, 15), (4, 4), (6, 18), (9, 24)),
    (2038, (2, 4), (4, 5), (6, 7), (9, 13)),
    (2039, (1, 24), (4, 5), (5, 27), (10, 2)),
    (2040, (2, 12), (4, 4), (6, 14), (9, 20)),
];

fn date(year: i32, (m, d): (u32, u32)) -> NaiveDate {
    // The table holds valid dates only (checked by the tests).
    NaiveDate::from_ymd_opt(year, m, d).unwrap_or(NaiveDate::MIN)
}

/// The statutory days off of `year` by the regulation's rules, named as holiday-cn files name
/// them, in date order; `None` outside the table's years.
pub fn statutory_year(year: i32) -> Option<HolidayYear> {
    let &(_, spring, qingming, dragon, mid_autumn) = TABLE.iter().find(|r| r.0 == year)?;
    let spring = date(year, spring);
    let eve = spring.checked_sub_days(Days::new(1))?;
    let mut days: Vec<(NaiveDate, String, bool)> = Vec::with_capacity(14);
    let mut add = |d: NaiveDate, name: &str| {
        // Where two festivals share a day (Mid-Autumn on National Day), the day is off once.
        if !days.iter().any(|(x, _, _)| *x == d) {
            days.push((d, name.to_owned(), true));
        }
    };
    add(date(year, (1, 1)), "元旦");
    for offset in 0..4 {
        add(eve + Days::new(offset), "春节");
    }
    add(date(year, qingming), "清明节");
    add(date(year, (5, 1)), "劳动节");
    add(date(year, (5, 2)), "劳动节");
    add(date(year, dragon), "端午节");
    add(date(year, mid_autumn), "中秋节");
    for day in 1..=3 {
        add(date(year, (10, day)), "国庆节");
    }
    days.sort_by_key(|(d, _, _)| *d);
    debug_assert!(days.iter().all(|(d, _, _)| d.year() == year));
    Some(HolidayYear { year, days })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tyme4rs::tyme::lunar::LunarDay;
    use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

    fn naive(d: SolarDay) -> NaiveDate {
        NaiveDate::from_ymd_opt(
            d.get_year() as i32,
            d.get_month() as u32,
            d.get_day() as u32,
        )
        .unwrap()
    }

    #[test]
    fn the_table_agrees_with_tyme4rs_for_every_year() {
        assert_eq!(
            TABLE.len() as i32,
            LAST_PROVISIONAL_YEAR - FIRST_PROVISIONAL_YEAR + 1
        );
        for (i, &(year, spring, qingming, dragon, mid_autumn)) in TABLE.iter().enumerate() {
            assert_eq!(year, FIRST_PROVISIONAL_YEAR + i as i32);
            let y = year as isize;
            let lunar = |m, d| naive(LunarDay::from_ymd(y, m, d).get_solar_day());
            assert_eq!(date(year, spring), lunar(1, 1), "{year} Spring Festival");
            assert_eq!(date(year, dragon), lunar(5, 5), "{year} Dragon Boat");
            assert_eq!(date(year, mid_autumn), lunar(8, 15), "{year} Mid-Autumn");
            let term = SolarTerm::from_name(y, "清明")
                .get_julian_day()
                .get_solar_day();
            assert_eq!(date(year, qingming), naive(term), "{year} Qingming");
        }
    }

    #[test]
    fn the_rules_give_2027_as_a_planner_would_count_it() {
        let y = statutory_year(2027).unwrap();
        let days: Vec<String> = y
            .days
            .iter()
            .map(|(d, n, _)| format!("{} {n}", d.format("%m-%d")))
            .collect();
        assert_eq!(
            days,
            [
                "01-01 元旦",
                "02-05 春节",
                "02-06 春节",
                "02-07 春节",
                "02-08 春节",
                "04-05 清明节",
                "05-01 劳动节",
                "05-02 劳动节",
                "06-09 端午节",
                "09-15 中秋节",
                "10-01 国庆节",
                "10-02 国庆节",
                "10-03 国庆节",
            ]
        );
        assert!(y.days.iter().all(|(_, _, off)| *off));
        assert!(statutory_year(2026).is_none() && statutory_year(2041).is_none());
    }

    #[test]
    fn mid_autumn_on_national_day_is_one_day_off() {
        // 2031: the 15th of the 8th lunar month is 1 October.
        let y = statutory_year(2031).unwrap();
        assert_eq!(y.days.len(), 12);
        assert_eq!(y.days.iter().filter(|(d, _, _)| d.month() == 10).count(), 3);
    }

    #[test]
    fn the_rules_reproduce_the_official_days_of_2025_and_2026() {
        // The rules are those of the 2024 revision, in force from 2025: each statutory day of
        // the shipped official calendars is off in them (the notices add bridging days).
        for (year, text) in [
            (2025, include_str!("../calendars/cn-2025.json")),
            (2026, include_str!("../calendars/cn-2026.json")),
        ] {
            let official = HolidayYear::parse_holiday_cn(text, "official").unwrap();
            let rules = rules_for(year);
            for d in rules {
                assert!(
                    official.days.iter().any(|(x, _, off)| *x == d && *off),
                    "{d} is statutory but not off in the official {year} calendar"
                );
            }
        }
    }

    /// The rules applied to a year with official data (the table starts after them).
    fn rules_for(year: i32) -> Vec<NaiveDate> {
        let y = year as isize;
        let lunar = |m, d| naive(LunarDay::from_ymd(y, m, d).get_solar_day());
        let spring = lunar(1, 1);
        let mut v = vec![date(year, (1, 1))];
        v.extend((0..4).map(|i| spring - Days::new(1) + Days::new(i)));
        v.push(naive(
            SolarTerm::from_name(y, "清明")
                .get_julian_day()
                .get_solar_day(),
        ));
        v.extend([date(year, (5, 1)), date(year, (5, 2))]);
        v.extend([lunar(5, 5), lunar(8, 15)]);
        v.extend((1..=3).map(|d| date(year, (10, d))));
        v
    }
}
