//! Reading the files a user names — scenarios (.toml, .json), item lists (.csv, .xlsx),
//! holiday-cn calendar files and portfolios — into domain values or an [`Error`]. The only place
//! in the workspace that reads user files.

mod calendars;
mod portfolio;
mod read;
mod rules;
mod xlsx;

use permitflow_i18n::tr;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{Code, Diagnostic, Diagnostics, Format, Scenario, parse_scenario};

pub use calendars::{CALENDAR_DIR_VAR, UserCalendars};
pub use portfolio::{LoadedPortfolio, centre_options, load_portfolio};
pub(crate) use read::read_text;
pub use read::{STDIN_LABEL, STDIN_PATH, is_stdin};
pub(crate) use read::{read_bytes, utf8};
pub use rules::{Choice, attributes, set_attributes, set_variant, take_notes, variant};

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
    /// Its calendar, with the holiday files it names and the user's ([`UserCalendars`]).
    pub calendar: permitflow_model::Calendar,
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
/// item list starts on `csv_start`, or today. `-` reads standard input, its type found from its
/// content (see [`sniff`]). Holiday files from `PERMITFLOW_CALENDAR_DIR` apply
/// ([`UserCalendars::from_env`]).
pub fn load(path: Option<&Path>, csv_start: Option<NaiveDate>) -> Result<Loaded, Error> {
    load_with(path, csv_start, &UserCalendars::from_env(Vec::new()))
}

/// [`load`] with the user's holiday files (`--calendar`, the folder) applied to whatever is
/// read: scenario, item list or the default scenario.
pub fn load_with(
    path: Option<&Path>,
    csv_start: Option<NaiveDate>,
    user: &UserCalendars,
) -> Result<Loaded, Error> {
    read_scenario(path, csv_start, user, true)
}

/// [`load_with`] without resolving: the scenario as the file says it, its `[project]`
/// attributes and every item, link and measure under a `when` kept with its condition, for an
/// editor that resolves it itself with the values the user picks and saves what the file says
/// ([`crate::edit::Document`]). A TOML or JSON file may be saved back even when it has
/// conditions.
pub fn load_unresolved_with(
    path: Option<&Path>,
    csv_start: Option<NaiveDate>,
    user: &UserCalendars,
) -> Result<Loaded, Error> {
    read_scenario(path, csv_start, user, false)
}

fn read_scenario(
    path: Option<&Path>,
    csv_start: Option<NaiveDate>,
    user: &UserCalendars,
    resolved: bool,
) -> Result<Loaded, Error> {
    let Some(path) = path else {
        return default_scenario(user, resolved);
    };
    let choice = resolved.then(Choice::of_process);
    read_path(path, csv_start, user, choice.as_ref()).map(|(l, _)| l)
}

/// [`load_with`] for one project of the file's family: `choice`'s variant and attribute values
/// instead of the process's. Returns as well the overrides left out because the file does not
/// declare their attribute (only with [`Choice::lenient`]).
pub fn load_as(
    path: &Path,
    csv_start: Option<NaiveDate>,
    user: &UserCalendars,
    choice: &Choice,
) -> Result<(Loaded, Vec<String>), Error> {
    read_path(path, csv_start, user, Some(choice))
}

/// Reads the file at `path`, resolved for `choice` or, without one, as the file says it.
fn read_path(
    path: &Path,
    csv_start: Option<NaiveDate>,
    user: &UserCalendars,
    choice: Option<&Choice>,
) -> Result<(Loaded, Vec<String>), Error> {
    let stdin = is_stdin(path);
    let label = label_of(path);
    let start = || csv_start.unwrap_or_else(|| chrono::Local::now().date_naive());
    let stem = || {
        if stdin {
            return "stdin".to_owned();
        }
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone())
    };
    let (k, read) = if stdin {
        let bytes = read_bytes(path, &label).map_err(Error::diagnostic)?;
        (Some(sniff(&bytes)), Some(bytes))
    } else {
        (kind(path), None)
    };
    let bytes = |read: Option<Vec<u8>>| match read {
        Some(b) => Ok(b),
        None => read_bytes(path, &label),
    };
    let scenario = match k {
        Some("xlsx") => {
            let b = bytes(read).map_err(Error::diagnostic)?;
            xlsx::read(b, &label, &stem(), start())?
        }
        k => {
            let text = bytes(read)
                .and_then(|b| utf8(b, &label))
                .map_err(Error::diagnostic)?;
            let parsed = match k {
                Some("csv") => parse_item_list(&text, &label, &stem(), start()),
                Some(k) => parse_scenario(
                    &text,
                    &label,
                    if k == "json" {
                        Format::Json
                    } else {
                        Format::Toml
                    },
                ),
                None => Err(single(
                    Diagnostic::new(Code::Unreadable, &label, tr!("app-load-unsupported"))
                        .help(tr!("app-load-unsupported.help")),
                )),
            };
            parsed.map_err(|diagnostics| Error::Invalid {
                diagnostics,
                text: Some(text),
            })?
        }
    };
    // A flow resolved for other values than its defaults would lose the items that do not
    // apply and every `when` (and save a variant's values as the defaults): saved only as
    // written. Unresolved (`choice` is `None`), it is what the file says and may be saved.
    let (scenario, skipped, conditional) = match choice {
        None => (scenario, Vec::new(), false),
        Some(choice) => {
            let before = (
                scenario.rules.clone(),
                scenario.items.len(),
                scenario.links.len(),
            );
            let (scenario, skipped) = rules::choose(scenario, &label, choice)?;
            let conditional = !before.0.is_empty()
                && (before.0 != scenario.rules
                    || before.1 != scenario.items.len()
                    || before.2 != scenario.links.len());
            (scenario, skipped, conditional)
        }
    };
    let dir = if stdin { None } else { path.parent() };
    let subject =
        (k != Some("xlsx")).then(|| tr!("app-load-calendar-files-of", file = label.as_str()));
    let calendar = calendars::calendar_for(&scenario, dir, subject.as_deref(), user)
        .map_err(Error::diagnostic)?;
    let save_path =
        (!stdin && !conditional && matches!(k, Some("toml" | "json"))).then(|| path.to_path_buf());
    Ok((
        Loaded {
            scenario,
            calendar,
            label,
            save_path,
        },
        skipped,
    ))
}

/// The ids of a scenario file's `[[variants]]` as written, without resolving it (for a batch
/// whose default project cannot be resolved); none for an unreadable or invalid file.
pub fn variant_ids(path: &Path) -> Vec<String> {
    let format = match kind(path) {
        Some("toml") => Format::Toml,
        Some("json") => Format::Json,
        _ => return Vec::new(),
    };
    let label = label_of(path);
    read_text(path, &label)
        .ok()
        .and_then(|t| parse_scenario(&t, &label, format).ok())
        .map(|s| s.rules.variants.iter().map(|v| v.id.clone()).collect())
        .unwrap_or_default()
}

/// The built-in default scenario (with `PERMITFLOW_CALENDAR_DIR`'s holiday files).
pub fn load_default() -> Result<Loaded, Error> {
    load_default_with(&UserCalendars::from_env(Vec::new()))
}

/// The built-in default scenario with the user's holiday files.
pub fn load_default_with(user: &UserCalendars) -> Result<Loaded, Error> {
    default_scenario(user, true)
}

/// The built-in default scenario as its file says it (see [`load_unresolved_with`]).
pub fn load_default_unresolved_with(user: &UserCalendars) -> Result<Loaded, Error> {
    default_scenario(user, false)
}

fn default_scenario(user: &UserCalendars, resolved: bool) -> Result<Loaded, Error> {
    let scenario =
        parse_scenario(DEFAULT_TEXT, DEFAULT_NAME, Format::Toml).map_err(|d| Error::Invalid {
            diagnostics: d,
            text: Some(DEFAULT_TEXT.into()),
        })?;
    let scenario = if resolved {
        rules::choose(scenario, DEFAULT_NAME, &Choice::of_process())?.0
    } else {
        scenario
    };
    let calendar =
        calendars::calendar_for(&scenario, None, None, user).map_err(Error::diagnostic)?;
    Ok(Loaded {
        scenario,
        calendar,
        label: DEFAULT_NAME.into(),
        save_path: None,
    })
}

/// The calendar of a scenario being edited: its base calendar, the holiday files it names
/// (relative to the file it was read from, `scenario_path`) and the user's files; the desktop
/// app calls this when a calendar file is loaded or forgotten.
pub fn calendar_of(
    s: &Scenario,
    scenario_path: Option<&Path>,
    user: &UserCalendars,
) -> Result<permitflow_model::Calendar, Error> {
    let dir = scenario_path.and_then(Path::parent);
    calendars::calendar_for(s, dir, Some("calendar.files"), user).map_err(Error::diagnostic)
}

/// Reads a text file (bounded by content, UTF-8); `-` reads standard input.
pub fn read_file(path: &Path) -> Result<String, Error> {
    read_text(path, &label_of(path)).map_err(Error::diagnostic)
}

/// How a path is named in messages: `<stdin>` for `-`.
pub fn label_of(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_LABEL.into()
    } else {
        path.display().to_string()
    }
}

/// The type of an input read from standard input, from its first bytes: a zip archive is an
/// .xlsx workbook, `{` starts JSON, a first line with commas that names an `id` column is a CSV
/// item list, anything else is TOML.
fn sniff(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        return "xlsx";
    }
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = body.iter().position(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|i| body[i] == b'{') {
        return "json";
    }
    let line_end = body.iter().position(|&b| b == b'\n').unwrap_or(body.len());
    let line = String::from_utf8_lossy(&body[..line_end.min(64 * 1024)]);
    if line.contains(',')
        && line
            .split(',')
            .any(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("id"))
    {
        return "csv";
    }
    "toml"
}

/// One diagnostic as a list, for callers that collect.
pub(crate) fn single(d: Diagnostic) -> Diagnostics {
    Diagnostics::single(d)
}
