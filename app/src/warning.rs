//! Warnings as values: what a reader must know about figures that are still given. Each front
//! end shows them its own way; [`Warning`]'s `Display` is the sentence in the current language
//! (`permitflow_i18n`), [`Warning::to_json`] the machine-readable form (its `message` English).

use std::collections::BTreeSet;
use std::fmt;

use chrono::Datelike;
use permitflow_i18n::{Lang, tr, with_lang};
use permitflow_model::Calendar;
use permitflow_solver::Outcome;
use serde_json::{Value, json};

/// Something the reader must know about the results.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The schedule's dates run through years whose public holidays are provisional (the
    /// statutory days only: the State Council's notice will add bridging days and make-up
    /// working days) or unknown to the calendar (weekends only are counted there).
    Calendar {
        /// The calendar's name.
        calendar: String,
        /// Years with provisional holidays, ascending.
        provisional: Vec<i32>,
        /// Years without holiday data, ascending.
        uncovered: Vec<i32>,
    },
}

impl Warning {
    /// The calendar warning for these outcomes: every year from each one's start date to its end
    /// date that is provisional or not covered, if any.
    pub fn calendar_coverage(cal: &Calendar, outcomes: &[&Outcome]) -> Option<Self> {
        let years: BTreeSet<i32> = outcomes
            .iter()
            .flat_map(|o| o.start_date.year()..=o.end_date.year())
            .collect();
        Self::for_years(cal, years)
    }

    /// The calendar warning for dates in `years`, if one is provisional or not covered.
    pub fn for_years(cal: &Calendar, years: impl IntoIterator<Item = i32>) -> Option<Self> {
        let (mut provisional, mut uncovered) = (Vec::new(), Vec::new());
        for y in years {
            if cal.is_provisional(y) {
                provisional.push(y);
            } else if chrono::NaiveDate::from_ymd_opt(y, 6, 1).is_some_and(|d| !cal.covers(d)) {
                uncovered.push(y);
            }
        }
        provisional.sort_unstable();
        uncovered.sort_unstable();
        (!provisional.is_empty() || !uncovered.is_empty()).then(|| Self::Calendar {
            calendar: cal.name().to_owned(),
            provisional,
            uncovered,
        })
    }

    /// The warning in a few words, for a table cell (the `calendar` column of CSV outputs, a
    /// batch row): `provisional 2027; no holidays 2041`.
    pub fn short(&self) -> String {
        match self {
            Self::Calendar {
                provisional,
                uncovered,
                ..
            } => {
                let mut parts = Vec::new();
                if !provisional.is_empty() {
                    parts.push(format!("provisional {}", years(provisional)));
                }
                if !uncovered.is_empty() {
                    parts.push(format!("no holidays {}", years(uncovered)));
                }
                parts.join("; ")
            }
        }
    }

    /// [`Warning::short`] for people, in the current language: `暂定 2027；无节假日数据 2041`.
    pub fn short_text(&self) -> String {
        match self {
            Self::Calendar {
                provisional,
                uncovered,
                ..
            } => {
                let mut parts = Vec::new();
                if !provisional.is_empty() {
                    parts.push(tr!(
                        "app-calendar-short-provisional",
                        years = years(provisional)
                    ));
                }
                if !uncovered.is_empty() {
                    parts.push(tr!(
                        "app-calendar-short-uncovered",
                        years = years(uncovered)
                    ));
                }
                parts.join(&tr!("app-calendar-short-separator"))
            }
        }
    }

    /// [`Warning::short`] of the calendar warning for dates from `from` to `to`, or an empty
    /// text when the calendar is official there.
    pub fn calendar_cell(cal: &Calendar, from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
        Self::for_years(cal, from.year()..=to.year())
            .map(|w| w.short())
            .unwrap_or_default()
    }

    /// The warning as JSON: `{"kind": "calendar", "calendar", "provisional_years",
    /// "uncovered_years", "message"}`.
    pub fn to_json(&self) -> Value {
        match self {
            Self::Calendar {
                calendar,
                provisional,
                uncovered,
            } => json!({
                "kind": "calendar",
                "calendar": calendar,
                "provisional_years": provisional,
                "uncovered_years": uncovered,
                "message": with_lang(Lang::En, || self.to_string()),
            }),
        }
    }
}

/// Ascending years as text, runs of consecutive years as ranges: `2027–2040, 2043`.
pub(crate) fn years(ys: &[i32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ys.len() {
        let mut j = i;
        while j + 1 < ys.len() && ys[j + 1] == ys[j] + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => ys[i].to_string(),
            1 => format!("{}, {}", ys[i], ys[j]),
            _ => format!("{}–{}", ys[i], ys[j]),
        });
        i = j + 1;
    }
    parts.join(", ")
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Calendar {
                calendar,
                provisional,
                uncovered,
            } => {
                let calendar = calendar.as_str();
                write!(f, "{}", tr!("app-calendar-warning"))?;
                if !provisional.is_empty() {
                    write!(
                        f,
                        "{}",
                        tr!(
                            "app-calendar-provisional",
                            calendar = calendar,
                            years = years(provisional)
                        )
                    )?;
                }
                if !uncovered.is_empty() {
                    write!(
                        f,
                        "{}",
                        tr!(
                            "app-calendar-uncovered",
                            calendar = calendar,
                            years = years(uncovered)
                        )
                    )?;
                }
                write!(f, "{}", tr!("app-calendar-fix"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provisional_and_uncovered_years_are_named() {
        let cal = Calendar::china();
        assert_eq!(Warning::for_years(&cal, [2025, 2026]), None);
        let w = Warning::for_years(&cal, [2026, 2027, 2041]).unwrap();
        assert_eq!(
            w,
            Warning::Calendar {
                calendar: "cn".into(),
                provisional: vec![2027],
                uncovered: vec![2041],
            }
        );
        let text = w.to_string();
        assert!(text.contains("holidays in 2027 are provisional"), "{text}");
        assert!(text.contains("no holidays for 2041"), "{text}");
        // A schedule that runs for centuries names its years as ranges, not one by one.
        let long = Warning::for_years(&cal, 2026..=7148).unwrap().to_string();
        assert!(
            long.contains("in 2027–2040 are provisional") && long.contains("for 2041–7148:"),
            "{long}"
        );
        assert!(long.len() < 400, "{long}");
        assert_eq!(
            years(&[2027, 2028, 2030, 2032, 2033, 2034]),
            "2027, 2028, 2030, 2032–2034"
        );
        assert_eq!(w.short(), "provisional 2027; no holidays 2041");
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            Warning::calendar_cell(&cal, day(2026, 12, 28), day(2028, 1, 5)),
            "provisional 2027, 2028"
        );
        assert_eq!(
            Warning::calendar_cell(&cal, day(2026, 1, 5), day(2026, 12, 31)),
            ""
        );
        assert_eq!(w.to_json()["provisional_years"], json!([2027]));
        // In Chinese: the sentence and the few words for a person; the CSV cell stays English.
        let zh = with_lang(Lang::ZhCn, || w.to_string());
        assert!(zh.starts_with("警告："), "{zh}");
        assert!(zh.contains("2027 年的节假日为暂定"), "{zh}");
        assert!(zh.contains("没有 2041 年的节假日数据"), "{zh}");
        assert_eq!(
            with_lang(Lang::ZhCn, || w.short_text()),
            "节假日暂定 2027；无节假日数据 2041"
        );
        assert_eq!(with_lang(Lang::ZhCn, || w.short()), w.short());
        let message = with_lang(Lang::ZhCn, || w.to_json())["message"].clone();
        assert!(message.as_str().is_some_and(|m| m.starts_with("warning:")));
        // Weekends only by choice: nothing to warn about.
        assert_eq!(Warning::for_years(&Calendar::weekends(), [2041]), None);
    }
}
