//! The holiday files a command takes besides the scenario's own: `--calendar FILE`, flattened
//! into every command that dates a schedule.

use std::path::PathBuf;

use clap::Args;
use permitflow_app::load::UserCalendars;

/// Holiday files beyond the scenario's own `calendar.files`.
#[derive(Debug, Args, Default)]
pub struct CalendarArgs {
    /// A holiday-cn JSON file of one year's holidays and make-up working days, e.g. the State
    /// Council's notice for next year: it replaces that year's provisional days (repeatable).
    /// Files named cn-YYYY.json or YYYY.json in the folder $PERMITFLOW_CALENDAR_DIR apply too.
    #[arg(long = "calendar", value_name = "FILE")]
    pub calendars: Vec<PathBuf>,
}

impl CalendarArgs {
    /// The files named here and the folder in the environment.
    pub fn user(&self) -> UserCalendars {
        UserCalendars::from_env(self.calendars.clone())
    }
}

/// `check` and `batch`: the holiday files, and whether provisional holidays fail the run.
#[derive(Debug, Args, Default)]
pub struct CheckCalendarArgs {
    #[command(flatten)]
    pub files: CalendarArgs,
    /// Fail (exit 1) when a schedule's dates touch a year whose holidays are provisional or
    /// unknown to the calendar: for CI that must not plan on guessed holidays.
    #[arg(long)]
    pub strict_calendar: bool,
}
