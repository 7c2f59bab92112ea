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
    let mut loaded = permitflow_app::load::load_default_with(user)
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

/// Reads a scenario (`.toml`, `.json`) or an item list (`.csv`, `.xlsx`, starting today).
pub fn load(path: &Path, user: &UserCalendars) -> Result<Loaded, Diagnostics> {
    permitflow_app::load::load_with(Some(path), None, user)
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

/// Whether `path` is one of the shipped scenarios (opened read-only, saved only as a copy): a
/// file in the `scenarios` folder of the source tree this app was built from, or beside the
/// installed binary. A `scenarios` folder of the user's own (in the working directory) is not.
pub fn is_shipped(path: &Path) -> bool {
    let Some(parent) = path.parent() else {
        return false;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Ok(parent) = parent.canonicalize() else {
        return false;
    };
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let beside = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(|d| d.join("scenarios")));
    [Some(built), beside]
        .into_iter()
        .flatten()
        .filter_map(|d| d.canonicalize().ok())
        .any(|d| d == parent)
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

/// A folder shipped with permitflow (`scenarios`, `portfolios`): under the working directory,
/// else the one beside this crate's sources.
fn shipped_dir(name: &str) -> Option<PathBuf> {
    let here = PathBuf::from(name);
    if here.is_dir() {
        return Some(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name);
    built.is_dir().then_some(built)
}

/// The files of a shipped folder with one of `extensions`, by file name.
fn shipped_files(folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = shipped_dir(folder)
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
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
