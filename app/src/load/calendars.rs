//! The holiday files a user names outside the scenario: `--calendar FILE` (repeatable) and the
//! folder in `PERMITFLOW_CALENDAR_DIR`, applied to whatever is loaded (TOML/JSON scenarios, CSV
//! and .xlsx item lists, the default scenario), together with the scenario's own
//! `calendar.files`, through the one [`HolidayFiles`] check.

use permitflow_i18n::tr;
use std::path::{Path, PathBuf};

use permitflow_model::{
    BaseCalendar, Calendar, Code, Diagnostic, HolidayFiles, HolidayYear, Scenario,
};

use super::read_text;

/// The environment variable naming a folder of holiday-cn files (`cn-2027.json`, `2027.json`).
pub const CALENDAR_DIR_VAR: &str = "PERMITFLOW_CALENDAR_DIR";

/// Holiday files from outside the scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserCalendars {
    /// Files named one by one (`--calendar`, the desktop app's remembered file): applied to
    /// every scenario, whatever its base calendar, after the scenario's own files.
    pub files: Vec<PathBuf>,
    /// A folder of official files (`PERMITFLOW_CALENDAR_DIR`): applied to scenarios on the `cn`
    /// calendar only (a scenario on `weekends` counts weekends only by choice), before the
    /// scenario's own files.
    pub dir: Option<PathBuf>,
}

impl UserCalendars {
    /// `files`, and the folder `PERMITFLOW_CALENDAR_DIR` names when it is set and not empty.
    pub fn from_env(files: Vec<PathBuf>) -> Self {
        let dir = std::env::var_os(CALENDAR_DIR_VAR)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from);
        Self { files, dir }
    }

    /// The folder's holiday files, `cn-YYYY.json` or `YYYY.json`, sorted by name; other files
    /// in it are left alone.
    pub fn dir_files(&self) -> Result<Vec<PathBuf>, Diagnostic> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        let label = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostic::new(
                Code::Unreadable,
                &label,
                tr!("app-load-calendar-dir-unreadable", error = e.to_string()),
            )
            .subject(CALENDAR_DIR_VAR)
            .help(tr!(
                "app-load-calendar-dir-unreadable.help",
                var = CALENDAR_DIR_VAR
            ))
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_year_file)
            })
            .collect();
        files.sort();
        Ok(files)
    }
}

/// `cn-YYYY.json` or `YYYY.json`.
fn is_year_file(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".json") else {
        return false;
    };
    let year = stem.strip_prefix("cn-").unwrap_or(stem);
    year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())
}

/// The scenario's base calendar with the folder's files (on `cn`), the scenario's own files
/// (relative to `dir`, the scenario's folder) and the user's files, in that order, each checked
/// against the ones before it. `subject` names where the scenario's files are listed.
pub(super) fn calendar_for(
    s: &Scenario,
    dir: Option<&Path>,
    subject: Option<&str>,
    user: &UserCalendars,
) -> Result<Calendar, Diagnostic> {
    let mut cal = Calendar::for_base(s.calendar.base);
    let mut checked = HolidayFiles::default();
    if s.calendar.base == BaseCalendar::China {
        for path in user.dir_files()? {
            add(&mut cal, &mut checked, &path).map_err(|d| d.subject(CALENDAR_DIR_VAR))?;
        }
    }
    for f in &s.calendar.files {
        let path = dir.map(|d| d.join(f)).unwrap_or_else(|| f.into());
        add(&mut cal, &mut checked, &path).map_err(|d| match subject {
            Some(s) => d.subject(s),
            None => d,
        })?;
    }
    for path in &user.files {
        add(&mut cal, &mut checked, path).map_err(|d| d.subject("--calendar"))?;
    }
    Ok(cal)
}

/// One holiday file read, checked against the files before it, and applied.
fn add(cal: &mut Calendar, checked: &mut HolidayFiles, path: &Path) -> Result<(), Diagnostic> {
    let label = path.display().to_string();
    let text = read_text(path, &label)?;
    let year = HolidayYear::parse_holiday_cn(&text, &label)?;
    checked.check(&year, &text, &label)?;
    cal.add_year(&year);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_files_are_recognised_by_name() {
        for ok in ["cn-2027.json", "2027.json"] {
            assert!(is_year_file(ok), "{ok}");
        }
        for no in [
            "cn-2027.toml",
            "notes.json",
            "cn-27.json",
            "hk-2027.json",
            "2027",
        ] {
            assert!(!is_year_file(no), "{no}");
        }
    }
}
