//! Project attributes at load time: the values `--attr NAME=VALUE` gives (set once by the front
//! end, like the language) override the scenario's defaults, and the scenario is resolved
//! ([`permitflow_model::rules::resolve`]) before anything builds a network from it: the items and
//! links whose `when` is false are left out, their links bridged.

use std::sync::{Mutex, OnceLock};

use permitflow_i18n::tr;
use permitflow_model::Scenario;
use permitflow_model::rules::{AttrError, resolve};

use crate::Error;

static OVERRIDES: OnceLock<Vec<String>> = OnceLock::new();
static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Sets the `--attr NAME=VALUE` values every scenario read from now on is resolved with. The
/// command line calls it once, before running a command; without it the defaults apply.
pub fn set_attributes(overrides: Vec<String>) {
    let _ = OVERRIDES.set(overrides);
}

/// The `--attr` values set for this process.
pub fn attributes() -> &'static [String] {
    OVERRIDES.get().map_or(&[], Vec::as_slice)
}

/// What resolutions left out beyond items and links (a milestone at a dropped item, a dissolved
/// joint group), each sentence once, taken so a front end shows them.
pub fn take_notes() -> Vec<String> {
    let mut notes = NOTES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default();
    notes.dedup();
    notes
}

/// Whether a scenario has items, links or measures under a condition.
pub(super) fn has_conditions(s: &Scenario) -> bool {
    let r = &s.rules;
    !(r.items.is_empty() && r.links.is_empty() && r.measures.is_empty())
}

/// The scenario for the attribute values: its defaults overridden by `overrides`, the items and
/// links that do not apply left out. A scenario without attributes is returned as it is (and any
/// `--attr` is an error: it names nothing).
pub fn apply(scenario: Scenario, label: &str, overrides: &[String]) -> Result<Scenario, Error> {
    if scenario.rules.is_empty() && overrides.is_empty() {
        return Ok(scenario);
    }
    let values = scenario
        .rules
        .values(overrides)
        .map_err(|e| attr_error(&e, label))?;
    let r = resolve(&scenario, &values);
    if let Ok(mut n) = NOTES.lock() {
        n.extend(r.warnings.iter().cloned());
    }
    permitflow_model::validate(&r.draft, label).map_err(Error::invalid)
}

fn attr_error(e: &AttrError, label: &str) -> Error {
    let help = match e {
        AttrError::Missing { .. } => tr!("app-attr-error.missing"),
        _ => tr!("app-attr-error.help"),
    };
    Error::help(
        tr!("app-attr-error", file = label, problem = e.to_string()),
        help,
    )
}
