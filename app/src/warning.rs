//! Warnings as values: what a reader must know about figures that are still given. Each front
//! end shows them its own way; [`Warning`]'s `Display` is the English sentence.

use std::fmt;

use chrono::NaiveDate;
use permitflow_model::Calendar;
use permitflow_solver::Outcome;

/// Something the reader must know about the results.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A date falls in a year the calendar has no official holidays for: weekends only are
    /// counted there.
    CalendarCoverage {
        /// The first such date.
        date: NaiveDate,
        /// The calendar's name.
        calendar: String,
    },
}

impl Warning {
    /// The coverage warning for these outcomes' start and end dates, if one falls outside the
    /// calendar's years.
    pub fn calendar_coverage(cal: &Calendar, outcomes: &[&Outcome]) -> Option<Self> {
        let date = outcomes
            .iter()
            .flat_map(|o| [o.start_date, o.end_date])
            .find(|d| !cal.covers(*d))?;
        Some(Self::CalendarCoverage {
            date,
            calendar: cal.name().to_owned(),
        })
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CalendarCoverage { date, calendar } => write!(
                f,
                "warning: {} falls in a year the {calendar} calendar has no official holidays for; weekends only are counted there. Add the year's holiday-cn JSON file under `calendar.files`.",
                date.format("%Y-%m-%d")
            ),
        }
    }
}
