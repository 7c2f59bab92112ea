//! The app's file IO, at the edge: reading scenarios and item lists, atomic writes, the list of
//! shipped scenarios, and the schedule as CSV. Problems come back as the model's diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};

use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{
    Calendar, Code, Diagnostic, Diagnostics, Format, HolidayYear, Scenario, parse_scenario,
};
use permitflow_solver::Outcome;

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

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target, so a failure halfway leaves the old file as it was.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".permitflow-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

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

/// One row per schedule activity (gates left out), the columns of `permitflow solve --format
/// csv`: `id,name,department,stage,days,start,finish,start_date,finish_date,total_float,critical`.
pub fn schedule_csv(o: &Outcome) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "name",
        "department",
        "stage",
        "days",
        "start",
        "finish",
        "start_date",
        "finish_date",
        "total_float",
        "critical",
    ]);
    let net = &o.network;
    for (i, a) in net.activities.iter().enumerate() {
        if a.is_gate() {
            continue;
        }
        let stage = a
            .stage
            .and_then(|k| net.stages.get(k))
            .map(|st| {
                st.ids
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .unwrap_or_default();
        let (sd, fd) = o.dates[i];
        let _ = w.write_record([
            a.id.clone(),
            a.name.clone(),
            a.departments
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
            stage,
            a.days.to_string(),
            o.schedule.start[i].to_string(),
            o.schedule.finish[i].to_string(),
            sd.format("%Y-%m-%d").to_string(),
            fd.format("%Y-%m-%d").to_string(),
            o.schedule.total_float[i].to_string(),
            o.schedule.critical[i].to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
