//! The app's file IO, at the edge: reading scenarios and item lists, atomic writes, the list of
//! shipped scenarios, and the schedule as CSV (the last two shared with the CLI through
//! `permitflow-files`). Problems come back as the model's diagnostics.

use std::path::{Path, PathBuf};

use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{
    Calendar, Code, Diagnostic, Diagnostics, Format, HolidayYear, Scenario, parse_scenario,
};

/// The default scenario, built into the app so it opens from any directory.
pub const DEFAULT_LABEL: &str = "social-investment-housing.toml (built in)";
pub const DEFAULT_TEXT: &str = include_str!("../../scenarios/social-investment-housing.toml");

/// The largest file read, as in the CLI: a mistaken path to a huge file is refused unread.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// A scenario read from somewhere, ready to solve.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Scenario,
    pub calendar: Calendar,
    pub label: String,
    /// Where Save may write the scenario back (TOML or JSON files; not item lists).
    pub save_path: Option<PathBuf>,
}

pub fn load_default() -> Result<Loaded, Diagnostics> {
    let scenario = parse_scenario(DEFAULT_TEXT, DEFAULT_LABEL, Format::Toml)?;
    Ok(Loaded {
        calendar: Calendar::for_base(scenario.calendar.base),
        scenario,
        label: DEFAULT_LABEL.into(),
        save_path: None,
    })
}

/// Reads a scenario (`.toml`, `.json`) or a CSV item list (`.csv`, starting today).
pub fn load(path: &Path) -> Result<Loaded, Diagnostics> {
    let label = path.display().to_string();
    let lower = label.to_ascii_lowercase();
    let one = |d: Diagnostic| Diagnostics::single(d);
    if !(lower.ends_with(".toml") || lower.ends_with(".json") || lower.ends_with(".csv")) {
        return Err(one(Diagnostic::new(
            Code::Unreadable,
            &label,
            "unsupported file type",
        )
        .help("open a scenario file (.toml, .json) or an item list (.csv)")));
    }
    let text = read_text(path, &label).map_err(one)?;
    let (scenario, save_path) = if lower.ends_with(".csv") {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        let today = chrono::Local::now().date_naive();
        (parse_item_list(&text, &label, &stem, today)?, None)
    } else {
        (
            parse_scenario(&text, &label, Format::from_path(&lower))?,
            Some(path.to_path_buf()),
        )
    };
    let calendar = calendar_for(&scenario, path.parent())
        .map_err(|d| one(d.subject(format!("calendar.files of {label}"))))?;
    Ok(Loaded {
        scenario,
        calendar,
        label,
        save_path,
    })
}

fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    let unreadable = |msg: String| {
        Diagnostic::new(Code::Unreadable, label, msg)
            .help("check the path and that you may read the file")
    };
    let meta =
        std::fs::metadata(path).map_err(|e| unreadable(format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err(unreadable(format!(
            "the file is {} MB; permitflow reads input files up to {} MB",
            meta.len() / (1024 * 1024),
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| unreadable(format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::new(Code::Unreadable, label, "the file is not UTF-8 text").help(
            "save it as UTF-8 (in Excel: \"CSV UTF-8\"); files in GBK must be converted first",
        )
    })
}

/// The scenario's base calendar plus its holiday-cn files (relative to the scenario).
fn calendar_for(s: &Scenario, dir: Option<&Path>) -> Result<Calendar, Diagnostic> {
    let mut cal = Calendar::for_base(s.calendar.base);
    for f in &s.calendar.files {
        let path = dir.map(|d| d.join(f)).unwrap_or_else(|| f.into());
        let label = path.display().to_string();
        let text = read_text(&path, &label)?;
        cal.add_year(&HolidayYear::parse_holiday_cn(&text, &label)?);
    }
    Ok(cal)
}

pub use permitflow_files::atomic_write;

/// The scenario as TOML (JSON when `path` ends in `.json`), written atomically.
pub fn save(path: &Path, s: &Scenario) -> Result<(), String> {
    let text = if path
        .to_string_lossy()
        .to_ascii_lowercase()
        .ends_with(".json")
    {
        permitflow_model::to_json(s).map_err(|e| format!("cannot write JSON: {e}"))?
    } else {
        permitflow_model::to_toml(s).map_err(|e| format!("cannot write TOML: {e}"))?
    };
    atomic_write(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The folder of shipped scenarios: `scenarios/` under the working directory, else the one
/// beside this crate's sources.
pub fn scenarios_dir() -> Option<PathBuf> {
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        return Some(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    built.is_dir().then_some(built)
}

/// The shipped scenarios and item lists, by file name.
pub fn shipped_scenarios() -> Vec<PathBuf> {
    let Some(dir) = scenarios_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x == "toml" || x == "json" || x == "csv")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub use permitflow_files::schedule_csv;
