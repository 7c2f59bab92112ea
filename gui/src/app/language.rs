//! Switching the language while the app runs: every label is drawn through the catalogue each
//! frame, so what is left is what holds text rendered in the old language — the scenario's
//! names (relabelled), the problems (validated again) and the results (worked out again).

use permitflow_app::edit::Document;
use permitflow_i18n::{Lang, tr};
use permitflow_model::validate;

use super::PermitflowApp;

impl PermitflowApp {
    /// Speaks `lang` from now on and remembers the choice in the settings.
    pub(super) fn set_language(&mut self, lang: Lang) {
        permitflow_i18n::set_lang(lang);
        self.settings.lang = lang.code().to_owned();
        relabel(&mut self.doc);
        self.views.what_ifs.reset(&self.doc, false);
        // The comparison, the simulation and the plan are keyed by the language as well: they
        // are worked out again in the next frame. The simulation (when it runs only on demand)
        // and the approval centre run on demand: run again what is shown.
        if self.jobs.simulation.result().is_some() && !self.settings.simulate_on_change {
            self.jobs.simulation.invalidate();
            self.simulate();
        }
        if let Some((key, _)) = self.jobs.centre.result() {
            let key = key.clone();
            self.push(crate::Command::RunCentre(key));
        }
        self.status = tr!("gui-status-language", name = lang.native_name());
    }
}

/// The document's names in the current language ([`permitflow_model::Draft::relabel`]) and its
/// problems told again in it. The undo history and whether the document is saved stay.
pub fn relabel(doc: &mut Document) {
    doc.draft.relabel();
    let mut valid = doc.valid.to_draft();
    if valid.labels.is_empty() {
        // The draft's labels are the latest (the valid scenario is the draft as last valid).
        valid.labels = doc.draft.labels.clone();
    }
    valid.relabel();
    if let Ok(v) = validate(&valid, &doc.label) {
        doc.valid = v;
    }
    let mut unresolved = doc.unresolved.to_draft();
    if unresolved.labels.is_empty() {
        unresolved.labels = doc.draft.labels.clone();
    }
    unresolved.relabel();
    if let Ok(u) = validate(&unresolved, &doc.label) {
        doc.unresolved = u;
    }
    if !doc.problems.is_empty()
        && let Err(d) = validate(&doc.draft, &doc.label)
    {
        doc.problems = d.0;
    }
}
