//! The app's file IO, at the edge: reading and writing go through the application layer
//! (`permitflow-app`, shared with the command line); problems come back as the model's
//! diagnostics for the problems panel. The list of shipped scenarios is the app's own.

use std::path::{Path, PathBuf};

use permitflow_model::{Diagnostics, Scenario};

/// The default scenario's label in the app.
pub const DEFAULT_LABEL: &str = "social-investment-housing.toml (built in)";

pub use permitflow_app::Loaded;
use permitflow_app::load::UserCalendars;
pub use permitflow_app::write::atomic_write;

use permitflow_app::export::{ExportFormat, export};
use permitflow_app::write;
use permitflow_chart::Scene;
use permitflow_i18n::tr;
use permitflow_model::Calendar;
use permitflow_solver::Outcome;

use crate::compute::error_text;
use crate::places::Places;

/// The remembered calendar file (none when empty) and `PERMITFLOW_CALENDAR_DIR`'s files, as
/// on the command line.
pub fn user_calendars(file: &str) -> UserCalendars {
    let files = (!file.trim().is_empty())
        .then(|| PathBuf::from(file.trim()))
        .into_iter()
        .collect();
    UserCalendars::from_env(files)
}

/// The built-in default scenario, under the app's label for it, with the user's calendar
/// files ([`user_calendars`]).
pub fn load_default(user: &UserCalendars) -> Result<Loaded, Diagnostics> {
    let mut loaded = permitflow_app::load::load_default_unresolved_with(user)
        .map_err(|e| Diagnostics(e.diagnostics(DEFAULT_LABEL)))?;
    loaded.label = DEFAULT_LABEL.into();
    Ok(loaded)
}

/// A new scenario from a template (the four national stages, or one stage with one item),
/// starting today, dated with the user's calendar files.
pub fn new_scenario(four_stages: bool, user: &UserCalendars) -> Result<Loaded, Diagnostics> {
    let label = tr!("gui-new-scenario");
    let label = label.as_str();
    let fail = |e: permitflow_app::Error| Diagnostics(e.diagnostics(label));
    let draft = permitflow_app::edit::template(four_stages, chrono::Local::now().date_naive());
    let scenario = permitflow_model::validate(&draft, label)?;
    let calendar = permitflow_app::load::calendar_of(&scenario, None, user).map_err(fail)?;
    Ok(Loaded {
        scenario,
        calendar,
        label: label.into(),
        save_path: None,
    })
}

/// Reads a scenario (`.toml`, `.json`) or an item list (`.csv`, `.xlsx`, starting today), as
/// the file says it: the document resolves its conditions with the attribute values in use.
pub fn load(path: &Path, user: &UserCalendars) -> Result<Loaded, Diagnostics> {
    permitflow_app::load::load_unresolved_with(Some(path), None, user)
        .map_err(|e| Diagnostics(e.diagnostics(&path.display().to_string())))
}

/// The text of a TOML scenario as opened, so saving can keep its comments and layout; `None`
/// for other files.
pub fn source_text(path: &Path) -> Option<String> {
    let toml = path
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
    toml.then(|| std::fs::read_to_string(path).ok()).flatten()
}

/// The scenario as TOML (JSON when `path` ends in `.json`), written atomically; the TOML is
/// `original` (the text opened) with the edits applied, so its comments and inline tables stay.
/// Item lists (`.csv`, `.xlsx`) and the shipped scenarios are read only. Returns the TOML
/// written (the next save's original).
pub fn save(path: &Path, s: &Scenario, original: Option<&str>) -> Result<Option<String>, String> {
    let lower = path.to_string_lossy().to_ascii_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".xlsx") {
        return Err(tr!("gui-not-saved-item-list"));
    }
    if is_shipped(path) {
        return Err(tr!(
            "gui-not-saved-shipped",
            path = path.display().to_string()
        ));
    }
    let (text, toml) = if lower.ends_with(".json") {
        let t = permitflow_model::to_json(s)
            .map_err(|e| tr!("gui-cannot-write-json", error = e.to_string()))?;
        (t, false)
    } else {
        (permitflow_app::keep::scenario_toml(s, original)?, true)
    };
    atomic_write(path, text.as_bytes()).map_err(|e| {
        tr!(
            "gui-cannot-write",
            path = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    Ok(toml.then_some(text))
}

/// Whether `path` is one of the shipped scenarios (opened read-only, saved only as a copy):
/// a file in a `scenarios` folder beside the installed binary, under its
/// `../share/permitflow`, in the user's data folder or in the source tree this app was built
/// from ([`Places::is_shipped`]). A `scenarios` folder of the user's own (in the working
/// directory) is not.
pub fn is_shipped(path: &Path) -> bool {
    Places::system().is_shipped(path)
}

/// Charts as SVG or PNG by the file's extension, written atomically; the status message.
pub fn write_charts(path: &Path, scene: &Scene) -> Result<String, String> {
    write::chart(path, scene, 2.0).map_err(|e| error_text(&e))?;
    Ok(tr!(
        "gui-exported-charts",
        path = path.display().to_string()
    ))
}

/// A regime's schedule as MSPDI, CSV or JSON, written atomically; the status message.
pub fn export_schedule(
    s: &Scenario,
    cal: &Calendar,
    o: &Outcome,
    format: ExportFormat,
    path: &Path,
) -> Result<String, String> {
    let bytes = export(s, cal, o, format).map_err(|e| error_text(&e))?;
    write::file(path, &bytes).map_err(|e| error_text(&e))?;
    Ok(tr!(
        "gui-exported-schedule",
        regime = s.regime_label(&o.regime.name),
        path = path.display().to_string()
    ))
}

/// The HTML report of a scenario, written atomically.
pub fn write_report(loaded: &Loaded, path: &Path) -> Result<(), String> {
    let html = permitflow_app::report::of(loaded, None).map_err(|e| error_text(&e))?;
    write::file(path, html.as_bytes()).map_err(|e| error_text(&e))
}

/// The files of the shipped folders named `folder` with one of `extensions`, by file name
/// (see [`Places::shipped_files`]).
fn shipped_files(folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    Places::system().shipped_files(folder, extensions)
}

/// The shipped scenarios and item lists (`.toml`, `.json`, `.csv`, `.xlsx`), by file name.
pub fn shipped_scenarios() -> Vec<PathBuf> {
    shipped_files("scenarios", &["toml", "json", "csv", "xlsx"])
}

/// The shipped portfolios for the approval centre, by file name.
pub fn shipped_portfolios() -> Vec<PathBuf> {
    shipped_files("portfolios", &["toml"])
}

/// The shipped event logs (`.csv`, `.xes`) for the calibration tab, by file name.
pub fn shipped_logs() -> Vec<PathBuf> {
    shipped_files("scenarios/logs", &["csv", "xes"])
}

/// The extensions the open dialog offers: scenarios and item lists, holiday-cn calendar files,
/// event logs.
pub const OPENABLE: [&str; 5] = ["toml", "json", "csv", "xlsx", "xes"];

/// What a file opened by name (dropped, or chosen in the open dialog) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A scenario (`.toml`, `.json`) or an item list (`.csv`, `.xlsx`).
    Scenario,
    /// A holiday-cn calendar file (`.json` with `isOffDay` days).
    Calendar,
    /// The approval centre's portfolio (`.toml` with `[[projects]]` and `[[departments]]`).
    Portfolio,
    /// An approval system's event log (`.xes`, or a `.csv` with a `case` / `案件编号` column).
    EventLog,
    /// None of these.
    Unknown,
}

/// What `path` is, by its extension and its first 64 KiB (a holiday file lists days with
/// `isOffDay`; an event log's header names the case column; a portfolio lists projects and
/// departments).
pub fn kind_of(path: &Path) -> FileKind {
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let head = || {
        use std::io::Read as _;
        let mut buf = Vec::new();
        if let Ok(f) = std::fs::File::open(path) {
            let _ = f.take(64 * 1024).read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    };
    match ext.as_str() {
        "toml" => {
            let text = head();
            let table = |name: &str| text.lines().any(|l| l.trim() == name);
            if table("[[projects]]") && table("[[departments]]") {
                FileKind::Portfolio
            } else {
                FileKind::Scenario
            }
        }
        "xlsx" => FileKind::Scenario,
        "xes" => FileKind::EventLog,
        "json" if head().contains("\"isOffDay\"") => FileKind::Calendar,
        "json" => FileKind::Scenario,
        "csv" => {
            let text = head();
            let header = text
                .trim_start_matches('\u{feff}')
                .lines()
                .next()
                .unwrap_or("");
            let log = header
                .split([',', ';', '\t'])
                .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
                .any(|c| c == "case" || c == "案件编号");
            if log {
                FileKind::EventLog
            } else {
                FileKind::Scenario
            }
        }
        _ => FileKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_opened_by_what_it_is() {
        let tmp = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let p = tmp.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let holidays =
            r#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#;
        assert_eq!(kind_of(&write("h.json", holidays)), FileKind::Calendar);
        assert_eq!(
            kind_of(&write("s.json", r#"{"name":"x","stages":[]}"#)),
            FileKind::Scenario
        );
        assert_eq!(
            kind_of(&write(
                "log.csv",
                "case,project_type,item,department,event,time\n"
            )),
            FileKind::EventLog
        );
        assert_eq!(
            kind_of(&write(
                "log-zh.csv",
                "\u{feff}时间,环节,部门,事项,项目类型,案件编号\n"
            )),
            FileKind::EventLog
        );
        assert_eq!(
            kind_of(&write("items.csv", "stage,item,department,days\n")),
            FileKind::Scenario
        );
        assert_eq!(kind_of(Path::new("a.XES")), FileKind::EventLog);
        let portfolio =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../portfolios/mid-sized-city.toml");
        assert_eq!(kind_of(&portfolio), FileKind::Portfolio);
        let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios/industrial.toml");
        assert_eq!(kind_of(&scenario), FileKind::Scenario);
        assert_eq!(kind_of(Path::new("a.TOML")), FileKind::Scenario);
        assert_eq!(kind_of(Path::new("a.pdf")), FileKind::Unknown);
    }
}
