//! The app's file IO, at the edge: reading and writing go through the application layer
//! (`permitflow-app`, shared with the command line); problems come back as the model's
//! diagnostics for the problems panel. The list of shipped scenarios is the app's own.

use std::path::{Path, PathBuf};

use permitflow_model::{Diagnostics, Scenario};

/// The default scenario's label in the app.
pub const DEFAULT_LABEL: &str = "social-investment-housing.toml (built in)";

pub use permitflow_app::Loaded;
pub use permitflow_app::export::schedule_csv;
pub use permitflow_app::write::atomic_write;

/// The built-in default scenario, under the app's label for it.
pub fn load_default() -> Result<Loaded, Diagnostics> {
    let mut loaded = permitflow_app::load::load_default()
        .map_err(|e| Diagnostics(e.diagnostics(DEFAULT_LABEL)))?;
    loaded.label = DEFAULT_LABEL.into();
    Ok(loaded)
}

/// Reads a scenario (`.toml`, `.json`) or an item list (`.csv`, `.xlsx`, starting today).
pub fn load(path: &Path) -> Result<Loaded, Diagnostics> {
    permitflow_app::load(Some(path), None)
        .map_err(|e| Diagnostics(e.diagnostics(&path.display().to_string())))
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
                        .is_some_and(|x| x == "toml" || x == "json" || x == "csv" || x == "xlsx")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
