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
static VARIANT: OnceLock<Option<String>> = OnceLock::new();
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

/// Sets the `--variant ID` every scenario read from now on is resolved with (its values over the
/// defaults, `--attr` on top). The command line calls it once; without it the defaults apply.
pub fn set_variant(variant: Option<String>) {
    let _ = VARIANT.set(variant);
}

/// The `--variant` set for this process.
pub fn variant() -> Option<&'static str> {
    VARIANT.get().and_then(Option::as_deref)
}

/// Which project of a scenario's family to resolve: a variant (`[[variants]]`) and `--attr`
/// values on top.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    /// The variant's id; `None` for the defaults.
    pub variant: Option<String>,
    /// `NAME=VALUE` overrides.
    pub attrs: Vec<String>,
    /// Apply only the overrides whose attribute the scenario declares, and leave the others
    /// (a batch over files of different families); when false, an undeclared one is an error.
    pub lenient: bool,
}

impl Choice {
    /// The choice the front end set for this process ([`set_variant`], [`set_attributes`]).
    pub fn of_process() -> Self {
        Self {
            variant: variant().map(str::to_owned),
            attrs: attributes().to_vec(),
            lenient: false,
        }
    }

    /// The same overrides for the variant `id`.
    pub fn with_variant(&self, id: Option<&str>) -> Self {
        Self {
            variant: id.map(str::to_owned),
            ..self.clone()
        }
    }
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

/// The scenario for a [`Choice`]: its defaults, the variant's values over them, the overrides
/// (`--attr`) on top; the items and links that do not apply left out. A scenario without
/// attributes is returned as it is (and any override is an error: it names nothing). With
/// `lenient`, the overrides naming an attribute the scenario does not declare are left out and
/// returned (as written), for a note.
pub(crate) fn choose(
    scenario: Scenario,
    label: &str,
    choice: &Choice,
) -> Result<(Scenario, Vec<String>), Error> {
    let (overrides, skipped): (Vec<String>, Vec<String>) = if choice.lenient {
        choice.attrs.iter().cloned().partition(|o| {
            o.split_once('=')
                .is_none_or(|(n, _)| scenario.rules.attribute(n.trim()).is_some())
        })
    } else {
        (choice.attrs.clone(), Vec::new())
    };
    if scenario.rules.is_empty() && overrides.is_empty() && choice.variant.is_none() {
        return Ok((scenario, skipped));
    }
    let values = scenario
        .rules
        .values_for(choice.variant.as_deref(), &overrides)
        .map_err(|e| attr_error(&e, label))?;
    let r = resolve(&scenario, &values);
    if as_written(&scenario, &values, &r.draft) {
        return Ok((scenario, skipped));
    }
    if let Ok(mut n) = NOTES.lock() {
        n.extend(r.warnings.iter().cloned());
    }
    permitflow_model::validate(&r.draft, label)
        .map_err(Error::invalid)
        .map(|s| (s, skipped))
}

/// Whether the values are the defaults and the resolution left nothing out: the scenario as
/// written (its conditions kept, so it can be saved back) is then the same flow.
fn as_written(
    scenario: &Scenario,
    values: &std::collections::BTreeMap<String, permitflow_model::rules::Value>,
    resolved: &permitflow_model::Draft,
) -> bool {
    if scenario.rules.values(&[]).ok().as_ref() != Some(values) {
        return false;
    }
    let mut same = resolved.clone();
    same.rules = scenario.rules.clone();
    same == **scenario
}

fn attr_error(e: &AttrError, label: &str) -> Error {
    let help = match e {
        AttrError::Missing { .. } => tr!("app-attr-error.missing"),
        AttrError::UnknownVariant { .. } => tr!("app-variant-error.help"),
        _ => tr!("app-attr-error.help"),
    };
    Error::help(
        tr!("app-attr-error", file = label, problem = e.to_string()),
        help,
    )
}
