//! A batch over families: each file's default project and then each of its `[[variants]]`, a
//! row per file × variant named `file.toml#ID`; `--variants none` runs the defaults only. A
//! variant that cannot be resolved is an `invalid` row of its own and the others still run.

use std::path::Path;

use permitflow_model::Scenario;
use permitflow_model::rules::Value;

use super::{FileResult, Options, run_one};

/// Which projects of each file a batch runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Variants {
    /// The default project and every variant.
    #[default]
    All,
    /// The default project only (`--variants none`).
    None,
}

impl std::str::FromStr for Variants {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "all" => Ok(Self::All),
            "none" => Ok(Self::None),
            _ => Err("write all or none".into()),
        }
    }
}

/// Solves one file under all its regimes and checks its targets: its default project, then each
/// variant (unless `--variants none`).
pub fn run_file(path: &Path, opts: &Options) -> Vec<FileResult> {
    let (first, variants) = run_one(path, opts, None);
    // A default project that cannot be resolved does not stop its variants.
    let ids: Vec<String> = if first.invalid.is_some() {
        crate::load::variant_ids(path)
    } else {
        variants.into_iter().map(|v| v.id).collect()
    };
    let mut out = vec![first];
    if opts.variants == Variants::All {
        for id in &ids {
            let (mut r, _) = run_one(path, opts, Some(id));
            // Said once, with the default project.
            r.undeclared.clear();
            out.push(r);
        }
    }
    out
}

/// How a row names the file: `file.toml`, or `file.toml#ID` for a variant.
pub(super) fn row_name(path: &Path, variant: Option<&str>) -> String {
    match variant {
        Some(id) => format!("{}#{id}", path.display()),
        None => path.display().to_string(),
    }
}

/// The JUnit properties of a project: `variant` when it is one, and each attribute's value
/// (`attr.underground_area`).
pub(super) fn properties(s: &Scenario, variant: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = variant
        .map(|id| ("variant".to_owned(), id.to_owned()))
        .into_iter()
        .collect();
    for a in &s.rules.attributes {
        if let Some(v) = &a.default {
            let text = match v {
                Value::Text(t) => t.clone(),
                v => v.to_string(),
            };
            out.push((format!("attr.{}", a.name), text));
        }
    }
    out
}

/// The attribute names of `NAME=VALUE` overrides.
pub(super) fn names(overrides: &[String]) -> Vec<String> {
    let mut out: Vec<String> = overrides
        .iter()
        .map(|o| {
            o.split_once('=')
                .map_or(o.as_str(), |(n, _)| n)
                .trim()
                .to_owned()
        })
        .collect();
    out.dedup();
    out
}
