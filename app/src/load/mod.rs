//! Reading the files a user names — scenarios (.toml, .json), item lists (.csv, .xlsx),
//! holiday-cn calendar files and portfolios — into domain values or an [`Error`]. The only place
//! in the workspace that reads user files.

mod portfolio;
mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{
    Calendar, Code, Diagnostic, Diagnostics, Format, HolidayFiles, HolidayYear, Scenario,
    parse_scenario,
};

pub use portfolio::{LoadedPortfolio, centre_options, load_portfolio};

use crate::Error;

/// The default scenario's name as the command line reports it.
pub const DEFAULT_NAME: &str = "scenarios/social-investment-housing.toml";
/// The default scenario, built in so permitflow works from any directory.
pub const DEFAULT_TEXT: &str = include_str!("../../../scenarios/social-investment-housing.toml");

/// The largest input file read: far beyond any real scenario or item list, small enough that a
/// mistaken path to a huge file is refused before it is read into memory.
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024 * 1024;

/// A scenario ready to solve.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The valid scenario.
    pub scenario: Scenario,
    /// Its calendar, with the holiday files it names.
    pub calendar: Calendar,
    /// The file as the user named it.
    pub label: String,
    /// Where the scenario may be saved back: TOML and JSON files, not item lists or the
    /// built-in default.
    pub save_path: Option<PathBuf>,
}

/// The file types read, by extension.
fn kind(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ["toml", "json", "csv", "xlsx"]
        .into_iter()
        .find(|k| *k == ext)
}

/// Reads a scenario, an item list (.csv, .xlsx) or, without a path, the default scenario. An
/// item list starts on `csv_start`, or today.
pub fn load(path: Option<&Path>, csv_start: Option<NaiveDate>) -> Result<Loaded, Error> {
    let Some(path) = path else {
        return load_default();
    };
    let label = path.display().to_string();
    let start = || csv_start.unwrap_or_else(|| chrono::Local::now().date_naive());
    let stem = || {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone())
    };
    let scenario = match kind(path) {
        Some("xlsx") => xlsx::read(path, &label, &stem(), start())?,
        k => {
            let text = read_text(path, &label).map_err(Error::diagnostic)?;
            let parsed = match k {
                Some("csv") => parse_item_list(&text, &label, &stem(), start()),
                Some(_) => {
                    parse_scenario(&text, &label, Format::from_path(&label.to_ascii_lowercase()))
                }
                None => Err(single(
                    Diagnostic::new(Code::Unreadable, &label, "unsupported file type").help(
                        "permitflow reads scenario files (.toml, .json) and item lists (.csv, .xlsx)",
                    ),
                )),
            };
            parsed.map_err(|diagnostics| Error::Invalid {
                diagnostics,
                text: Some(text),
            })?
        }
    };
    let calendar = calendar_for(&scenario, path.parent()).map_err(|d| {
        Error::diagnostic(if kind(path) == Some("xlsx") {
            d
        } else {
            d.subject(format!("calendar.files of {label}"))
        })
    })?;
    let save_path = matches!(kind(path), Some("toml" | "json")).then(|| path.to_path_buf());
    Ok(Loaded {
        scenario,
        calendar,
        label,
        save_path,
    })
}

/// The built-in default scenario.
pub fn load_default() -> Result<Loaded, Error> {
    let scenario =
        parse_scenario(DEFAULT_TEXT, DEFAULT_NAME, Format::Toml).map_err(|d| Error::Invalid {
            diagnostics: d,
            text: Some(DEFAULT_TEXT.into()),
        })?;
    let calendar = calendar_for(&scenario, None).map_err(Error::diagnostic)?;
    Ok(Loaded {
        scenario,
        calendar,
        label: DEFAULT_NAME.into(),
        save_path: None,
    })
}

/// Refuses files larger than [`MAX_INPUT_BYTES`] before reading them.
fn check_size(path: &Path, label: &str) -> Result<(), Diagnostic> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_INPUT_BYTES => Err(Diagnostic::new(
            Code::Unreadable,
            label,
            format!(
                "the file is {} MB; permitflow reads input files up to {} MB",
                m.len() / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .help("check that this is the scenario or item list you meant; split a very large library into files")),
        _ => Ok(()),
    }
}

/// Reads a file's bytes, size-checked.
fn read_bytes(path: &Path, label: &str) -> Result<Vec<u8>, Diagnostic> {
    check_size(path, label)?;
    std::fs::read(path).map_err(|e| {
        Diagnostic::new(
            Code::Unreadable,
            label,
            format!("cannot read the file: {e}"),
        )
        .help("check the path and that you may read the file")
    })
}

/// Reads a text file (size-checked, UTF-8).
pub fn read_file(path: &Path) -> Result<String, Error> {
    let label = path.display().to_string();
    read_text(path, &label).map_err(Error::diagnostic)
}

fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path, label)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, column) = permitflow_model::diag::line_col(&valid, valid.len());
        Diagnostic::new(Code::Unreadable, label, "the file is not UTF-8 text")
            .at_line_col(line, column)
            .help(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"); files in GBK must be converted first",
            )
    })
}

/// The scenario's base calendar plus its holiday-cn files (relative to the scenario).
fn calendar_for(s: &Scenario, dir: Option<&Path>) -> Result<Calendar, Diagnostic> {
    let mut cal = Calendar::for_base(s.calendar.base);
    // Each file's dates in its year, and the files agreeing with each other.
    let mut checked = HolidayFiles::default();
    for f in &s.calendar.files {
        let path = dir.map(|d| d.join(f)).unwrap_or_else(|| f.into());
        let label = path.display().to_string();
        let text = read_text(&path, &label)?;
        let year = HolidayYear::parse_holiday_cn(&text, &label)?;
        checked.check(&year, &text, &label)?;
        cal.add_year(&year);
    }
    Ok(cal)
}

/// One diagnostic as a list, for callers that collect.
pub(crate) fn single(d: Diagnostic) -> Diagnostics {
    Diagnostics::single(d)
}
