//! The scenario file format (TOML or JSON): serde types of their own, converted into the domain
//! types of [`crate::scenario`] by validation that collects every problem at once.
//!
//! A number may carry its provenance: `days = 10` or `days = { value = 10, source = "assumed" }`.
//! A predecessor is written `after = ["ID", "ID+LAG", "ID:SS-1"]` like the CSV item list, or as a
//! table `{ item = "ID", type = "FS", lag = 0, max_lag = 5 }` when it needs a maximum lag; a lag
//! in calendar days is `ID+3cd`, or `unit = "calendar"` in the table.
//!
//! - `file.rs`: the serde types (`File*`), private to this module; `fields.rs` their
//!   hand-written visitors for the fields that take more than one shape.
//! - `after.rs`: the compact predecessor syntax, shared with the CSV item list.
//! - `read/`: validation and conversion into the domain, one `check_*` function per rule;
//!   `read/clocks.rs` the two clocks (an item's `clock`, `unit`, `fee`, whole calendar days,
//!   returns' `correction_days` and `rework_days`), `read/targets.rs` a target's day measure
//!   (`approval_days`, `working_days` or `calendar_days`, a number or a range `"36.5..54"`),
//!   `read/milestones.rs` the `[[milestones]]` (an item and the end, `finish` or `start`, at
//!   which the milestone is reached; CSV item lists have none).
//! - `item_list.rs`: the CSV item list, turned into the same file types and validated by `read/`.
//! - `write.rs`: the domain back into the file types (`to_toml`, `to_json`, and [`validate`]).
//! - `names.rs`: a name given as text or as `{ zh = "…", en = "…" }`; `read/labels.rs` reads
//!   names in two languages (and `label_zh` / `label_en`, `[departments]`) into `Draft.labels`
//!   and relabels the draft; `write_names.rs` writes the names as written back with their labels.
//!   A `{ zh, en }` name is written as its Chinese name (its English one without a Chinese).
//!
//! Nothing here reads files: callers pass the text and the name to show in diagnostics.

mod after;
mod fields;
mod file;
pub(crate) mod item_list;
mod names;
#[cfg(test)]
mod names_tests;
mod read;
mod write;
mod write_names;
mod write_rules;

use permitflow_i18n::tr;

use crate::diag::{Code, Diagnostic, Diagnostics, Syntax, offset_of, syntax_diagnostic};
use crate::locate::Locator;
use crate::scenario::{Draft, Scenario};

pub use after::{ParsedAfter, parse_after};
pub(crate) use file::{FileNumber, FileSource};
pub use write::{to_json, to_toml};

use file::FileScenario;
use read::Ctx;

/// The two text formats of a scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML, the format scenarios are written in by hand.
    Toml,
    /// JSON, for files other programs write.
    Json,
}

impl Format {
    /// By file extension: `.json` is JSON, anything else TOML.
    pub fn from_path(path: &str) -> Self {
        if path.to_ascii_lowercase().ends_with(".json") {
            Self::Json
        } else {
            Self::Toml
        }
    }
}

/// The largest time limit, lag, release or deadline: 10,000 working days is about 40 years.
pub const MAX_DAYS: f64 = 10_000.0;

/// The largest model permitflow accepts. Reading, validation, the networks, solving and every
/// output are linear in items + links (about 1 KB of memory per item end to end, BENCHMARKS.md),
/// so this is a bound on a runaway generated file, not on what the code can handle: a clear error
/// instead of exhausting memory in the simulation or the LP.
pub const MAX_ITEMS: usize = 2_000_000;
/// The most links (predecessors over all items) a scenario may have; see [`MAX_ITEMS`].
pub const MAX_LINKS: usize = 10_000_000;
/// The most joint groups a scenario may have (one per two items); see [`MAX_ITEMS`].
pub const MAX_JOINT_GROUPS: usize = 1_000_000;
/// The most regimes a scenario may have: each is solved in its own network.
pub const MAX_REGIMES: usize = 100_000;

/// Reads a scenario from the text of a TOML or JSON file. `file` names it in diagnostics.
pub fn parse_scenario(text: &str, file: &str, format: Format) -> Result<Scenario, Diagnostics> {
    if text.trim().is_empty() {
        return Err(Diagnostics::single(
            Diagnostic::new(Code::Empty, file, tr!("diag-scenario-empty"))
                .help(tr!("diag-scenario-empty.help")),
        ));
    }
    let raw: FileScenario = match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_owned();
            Diagnostics::single(syntax_diagnostic(file, Syntax::Toml, &msg).at(text, e.span()))
        })?,
        Format::Json => serde_json::from_str(text).map_err(|e| {
            let full = e.to_string();
            let msg = full
                .rsplit_once(" at line ")
                .map(|(m, _)| m.to_owned())
                .unwrap_or(full);
            let span = offset_of(text, e.line(), e.column().max(1)).map(|o| o..o + 1);
            Diagnostics::single(syntax_diagnostic(file, Syntax::Json, &msg).at(text, span))
        })?,
    };
    let locator = Locator::new(text, format == Format::Json);
    from_file(raw, file, &locator)
}

/// Converts and validates a parsed file. `loc` places diagnostics in the text.
fn from_file(raw: FileScenario, file: &str, loc: &Locator<'_>) -> Result<Scenario, Diagnostics> {
    let mut cx = Ctx::new(file, Some(loc));
    let scenario = read::convert(&raw, &mut cx);
    drop_aside(raw);
    cx.finish(scenario).map(Scenario::validated)
}

/// Files with more items than this are freed on a thread of their own ([`drop_aside`]).
const DROP_ASIDE_ITEMS: usize = 10_000;

/// The parsed file, no longer needed, freed beside the work that follows instead of before it:
/// a large file's items are a few hundred thousand small allocations (a tenth of reading a
/// 100,000-item list). A small file, or one when no thread can be started, is freed here.
fn drop_aside(raw: FileScenario) {
    if raw.items.len() > DROP_ASIDE_ITEMS {
        // When the thread cannot start, the closure, and the file in it, is freed in `spawn`.
        let _detached = std::thread::Builder::new().spawn(move || drop(raw));
    }
}

/// Validates a scenario built or changed in memory (by the CSV reader or an editor) by writing it
/// out and reading it back, so there is one set of rules. Diagnostics name the file and the item
/// only. A `&Scenario` is accepted too (it dereferences to its data).
pub fn validate(draft: &Draft, file: &str) -> Result<Scenario, Diagnostics> {
    let raw = FileScenario::from(draft);
    let mut cx = Ctx::new(file, None);
    let s = read::convert(&raw, &mut cx);
    drop_aside(raw);
    cx.finish(s).map(Scenario::validated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_beyond_the_limits_is_refused_whole() {
        let text = "version = 1\nname = \"x\"\nstart = \"2025-03-03\"\n[[stages]]\nid = \"s\"\nlead = \"L\"\n[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 1\n";
        let mut raw: FileScenario = toml::from_str(text).unwrap();
        // Regimes are the cheapest part to have too many of; items and links are checked below.
        let regime = super::file::FileRegime {
            name: String::new(),
            label_zh: None,
            label_en: None,
            base: "serial".into(),
            measures: vec![],
            description: Default::default(),
            description_zh: None,
            description_en: None,
        };
        raw.regimes = (0..=MAX_REGIMES)
            .map(|i| super::file::FileRegime {
                name: format!("r{i}"),
                ..regime.clone()
            })
            .collect();
        let err = from_file(raw, "big.toml", &Locator::new("", false)).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            err.0[0].message,
            "the scenario has 100001 regimes; permitflow accepts at most 100000"
        );
    }

    #[test]
    fn the_limits_are_two_million_items_and_ten_million_links() {
        use super::read::size_problem;
        assert_eq!(MAX_ITEMS, 2_000_000);
        assert_eq!(MAX_LINKS, 10_000_000);
        assert_eq!(
            size_problem([2_000_000, 10_000_000, 1_000_000, 2_000_000, 100_000]),
            None
        );
        assert_eq!(
            size_problem([2_000_001, 0, 0, 1, 3]).as_deref(),
            Some("the scenario has 2000001 items; permitflow accepts at most 2000000")
        );
        assert_eq!(
            size_problem([10, 10_000_001, 0, 1, 3]).as_deref(),
            Some("the scenario has 10000001 links; permitflow accepts at most 10000000")
        );
        assert_eq!(
            size_problem([10, 0, 1_000_001, 1, 3]).as_deref(),
            Some("the scenario has 1000001 joint groups; permitflow accepts at most 1000000")
        );
        assert_eq!(
            size_problem([2_000_000, 0, 0, 2_000_001, 3]).as_deref(),
            Some("the scenario has 2000001 stages; permitflow accepts at most 2000000")
        );
    }
}
