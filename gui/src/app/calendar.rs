//! The calendar file the user loads (the desktop app's `--calendar`): applied to the open
//! scenario at once and remembered for every one opened after.

use std::path::PathBuf;

use permitflow_i18n::tr;
use permitflow_model::Diagnostics;

use super::PermitflowApp;
use crate::io;

/// The status line when the remembered calendar file cannot be used at start-up.
pub(super) fn unusable(file: &str, d: &Diagnostics) -> String {
    let why =
        d.0.first()
            .map(|d| d.message.clone())
            .unwrap_or_else(|| tr!("gui-unreadable"));
    tr!("gui-calendar-not-used", file = file, why = why)
}

impl PermitflowApp {
    /// Applies `file` (or no file) to the open scenario: its calendar is worked out again and
    /// every result with it. A file that cannot be used is listed in the problems and not
    /// remembered; the scenario keeps its calendar.
    pub(super) fn use_calendar(&mut self, file: Option<PathBuf>) {
        let text = file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let user = io::user_calendars(&text);
        match permitflow_app::load::calendar_of(&self.doc.valid, self.doc.path.as_deref(), &user) {
            Ok(cal) => {
                self.doc.set_calendar(cal);
                self.settings.calendar_file = text.clone();
                self.load_problems.clear();
                self.status = if text.is_empty() {
                    tr!("gui-calendar-forgotten")
                } else {
                    tr!("gui-calendar-using", file = &text)
                };
            }
            Err(e) => {
                self.load_problems = e.diagnostics(&text);
                self.status = tr!("gui-calendar-unusable", file = &text);
            }
        }
    }
}
