//! Names in two languages. A scenario file may give any named thing (the scenario, a stage, an
//! item, a joint group, a measure, a regime, a target, a department) a Chinese and an English
//! label beside its `name`. The domain keeps them here, beside the [`Draft`]; each thing's
//! `name` field holds its name in the current language ([`Draft::relabel`]), so everything that
//! shows a name shows the right one, and the file writers put back the name as written with its
//! labels.

use std::collections::BTreeMap;

use permitflow_i18n::Lang;

use crate::scenario::Draft;
use crate::units::{Department, MeasureId, RegimeName};

/// A name's Chinese and English forms, where the file gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Label {
    /// The Chinese name (`label_zh`, or `zh` in a `{ zh = "…", en = "…" }` name).
    pub zh: Option<String>,
    /// The English name.
    pub en: Option<String>,
}

impl Label {
    /// The name in `lang`, where given.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::ZhCn => self.zh.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// Whether neither language is given.
    pub fn is_empty(&self) -> bool {
        self.zh.is_none() && self.en.is_none()
    }

    /// Sets the name in `lang`.
    pub fn set(&mut self, lang: Lang, name: String) {
        match lang {
            Lang::ZhCn => self.zh = Some(name),
            Lang::En => self.en = Some(name),
        }
    }
}

impl Named {
    /// The name shown in `lang`: its label in that language, else the name as written.
    pub fn shown(&self, lang: Lang) -> &str {
        self.label.get(lang).unwrap_or(&self.written)
    }

    /// After the thing was renamed to `name` while `lang` was the language: its label in that
    /// language changes when it has one, else the name as written (so the other language's
    /// label is kept).
    pub fn renamed(&mut self, lang: Lang, name: &str) {
        if self.shown(lang) != name {
            self.set_name(lang, name);
        }
    }

    /// Sets the name in `lang`: its label in that language when it has one, else the name as
    /// written. A name written as `{ zh = "…", en = "…" }` (the name as written being its
    /// Chinese label, or its English one without a Chinese) stays written that way.
    pub fn set_name(&mut self, lang: Lang, name: &str) {
        let table = self.label.zh.as_deref().or(self.label.en.as_deref()) == Some(&self.written);
        if self.label.get(lang).is_some() {
            self.label.set(lang, name.to_owned());
            if table {
                let first = self.label.zh.as_deref().or(self.label.en.as_deref());
                self.written = first.unwrap_or(name).to_owned();
            }
        } else {
            self.written = name.to_owned();
        }
    }
}

/// The kinds of things a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The scenario itself (its `name`).
    Scenario,
    /// A stage, by id.
    Stage,
    /// An item, by id.
    Item,
    /// A joint group, by id.
    Group,
    /// A declared measure, by id.
    Measure,
    /// A regime, by name.
    Regime,
    /// A target, by its position in the file (`0`, `1`, …).
    Target,
    /// A milestone, by id.
    Milestone,
}

/// A labelled thing's name as the file wrote it, and its labels.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    /// `name` as written in the file (what writers put back).
    pub written: String,
    /// Its labels.
    pub label: Label,
}

/// Every label of a scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// Labels of the scenario, stages, items, groups, measures, regimes and targets, by part and
    /// id. Only things that carry a label are listed.
    pub names: BTreeMap<(Part, String), Named>,
    /// Department names in each language (the `[departments]` table), by the name items use.
    pub departments: BTreeMap<Department, Label>,
    /// Descriptions in each language: the scenario's (`(Part::Scenario, "")`) and each
    /// regime's (`(Part::Regime, name)`), where the file gives them (`description = { zh = "…",
    /// en = "…" }` or `description_zh` / `description_en`). `written` is the description as
    /// written, as for names.
    pub descriptions: BTreeMap<(Part, String), Named>,
}

impl Labels {
    /// Whether the scenario carries no label at all.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.departments.is_empty() && self.descriptions.is_empty()
    }

    /// The thing `part` `id` is now called `name` in the current language: its label in that
    /// language follows (see [`Named::renamed`]). Nothing changes for a thing without labels.
    pub fn rename(&mut self, part: Part, id: &str, name: &str) {
        if let Some(n) = self.names.get_mut(&(part, id.to_owned())) {
            n.renamed(permitflow_i18n::lang(), name);
        }
    }

    /// The language the names were written in: Chinese when more names as written are their
    /// Chinese label than their English one (a file imported from an item list with a Chinese
    /// header), else English.
    pub fn written_language(&self) -> Lang {
        let (mut zh, mut en) = (0, 0);
        for n in self.names.values() {
            if n.label.zh.as_deref() == Some(n.written.as_str()) {
                zh += 1;
            } else if n.label.en.as_deref() == Some(n.written.as_str()) {
                en += 1;
            }
        }
        if zh > en { Lang::ZhCn } else { Lang::En }
    }

    /// The thing `part` `from` now has the id `to`: its labels move with it.
    pub fn change_id(&mut self, part: Part, from: &str, to: &str) {
        if let Some(n) = self.names.remove(&(part, from.to_owned())) {
            self.names.insert((part, to.to_owned()), n);
        }
        if let Some(n) = self.descriptions.remove(&(part, from.to_owned())) {
            self.descriptions.insert((part, to.to_owned()), n);
        }
    }
}

/// The catalogue key of a regime permitflow names itself (the three standard regimes).
fn builtin_regime_key(name: &str) -> Option<&'static str> {
    match name {
        "serial" => Some("model-regime-serial"),
        "parallel" => Some("model-regime-parallel"),
        "joint" => Some("model-regime-joint"),
        _ => None,
    }
}

/// The catalogue key of the built-in description of a standard regime.
fn builtin_regime_description_key(name: &str) -> Option<&'static str> {
    match name {
        "serial" => Some("model-regime-serial-description"),
        "parallel" => Some("model-regime-parallel-description"),
        "joint" => Some("model-regime-joint-description"),
        _ => None,
    }
}

/// Whether `description` is regime `name`'s built-in description in either language.
fn is_builtin_description(name: &str, description: &str) -> bool {
    builtin_regime_description_key(name).is_some_and(|key| {
        [Lang::En, Lang::ZhCn]
            .iter()
            .any(|&l| permitflow_i18n::message_in(l, key, &[]) == description)
    })
}

/// The catalogue key of a measure kind or built-in measure.
fn builtin_measure_key(name: &str) -> Option<&'static str> {
    match name {
        "joint_review" => Some("model-measure-joint_review"),
        "notification_commitment" => Some("model-measure-notification_commitment"),
        "tolerance_acceptance" => Some("model-measure-tolerance_acceptance"),
        "time_limit_compression" => Some("model-measure-time_limit_compression"),
        "merged_stages" => Some("model-measure-merged_stages"),
        "online_submission" => Some("model-measure-online_submission"),
        "parallel_advance" => Some("model-measure-parallel_advance"),
        "agent_service" => Some("model-measure-agent_service"),
        "regional_assessment" => Some("model-measure-regional_assessment"),
        _ => None,
    }
}

impl Draft {
    /// Whether the regimes are the three standard ones ([`Draft::standard_regimes`]), their
    /// descriptions the built-in ones in either language (a file naming no regimes).
    pub fn has_standard_regimes(&self) -> bool {
        let standard = Self::standard_regimes();
        self.regimes.len() == standard.len()
            && self.regimes.iter().zip(&standard).all(|(r, s)| {
                r.name == s.name
                    && r.base == s.base
                    && r.measures == s.measures
                    && is_builtin_description(r.name.as_str(), &r.description)
            })
    }

    /// A department's name in the current language: its label, else the name items use.
    pub fn department_label<'a>(&'a self, department: &'a Department) -> &'a str {
        self.labels
            .departments
            .get(department)
            .and_then(|l| l.get(permitflow_i18n::lang()))
            .unwrap_or(department.as_str())
    }

    /// A regime's name for people in the current language: its label; for `serial`,
    /// `parallel` and `joint` without one, the catalogue's name (串联审批, …); else its name.
    pub fn regime_label(&self, regime: &RegimeName) -> String {
        let lang = permitflow_i18n::lang();
        if let Some(l) = self
            .labels
            .names
            .get(&(Part::Regime, regime.as_str().to_owned()))
            .and_then(|n| n.label.get(lang))
        {
            return l.to_owned();
        }
        match builtin_regime_key(regime.as_str()) {
            Some(key) => permitflow_i18n::message(key, &[]),
            None => regime.as_str().to_owned(),
        }
    }

    /// A measure's name for people in the current language: its label; for a built-in measure
    /// or one named after its kind, the catalogue's name (告知承诺制, …); else its id.
    pub fn measure_label(&self, measure: &MeasureId) -> String {
        let lang = permitflow_i18n::lang();
        if let Some(l) = self
            .labels
            .names
            .get(&(Part::Measure, measure.as_str().to_owned()))
            .and_then(|n| n.label.get(lang))
        {
            return l.to_owned();
        }
        match builtin_measure_key(measure.as_str()) {
            Some(key) => permitflow_i18n::message(key, &[]),
            None => measure.as_str().to_owned(),
        }
    }

    /// Sets every labelled thing's `name` to its label in the current language (the name as
    /// written where that language has none). Readers call it after reading; the desktop app
    /// calls it when the user switches language.
    pub fn relabel(&mut self) {
        let lang = permitflow_i18n::lang();
        let labels = &self.labels.names;
        // A list without labels (a CSV of a million items) looks nothing up: each lookup makes
        // its key.
        let pick = |part: Part, id: &str| -> Option<String> {
            if labels.is_empty() {
                return None;
            }
            labels
                .get(&(part, id.to_owned()))
                .map(|n| n.label.get(lang).unwrap_or(&n.written).to_owned())
        };
        if let Some(n) = pick(Part::Scenario, "") {
            self.name = n;
        }
        for s in &mut self.stages {
            if let Some(n) = pick(Part::Stage, s.id.as_str()) {
                s.name = n;
            }
        }
        for i in &mut self.items {
            if let Some(n) = pick(Part::Item, i.id.as_str()) {
                i.name = n;
            }
        }
        for g in &mut self.joint_groups {
            if let Some(n) = pick(Part::Group, g.id.as_str()) {
                g.name = n;
            }
        }
        for (at, t) in self.targets.iter_mut().enumerate() {
            if let Some(n) = pick(Part::Target, &at.to_string()) {
                t.name = n;
            }
        }
        for m in &mut self.milestones {
            if let Some(n) = pick(Part::Milestone, m.id.as_str()) {
                m.name = n;
            }
        }
        let descriptions = &self.labels.descriptions;
        let pick = |part: Part, id: &str| -> Option<String> {
            if descriptions.is_empty() {
                return None;
            }
            descriptions
                .get(&(part, id.to_owned()))
                .map(|n| n.label.get(lang).unwrap_or(&n.written).to_owned())
        };
        if let Some(d) = pick(Part::Scenario, "") {
            self.description = d;
        }
        let standard = self.has_standard_regimes();
        for r in &mut self.regimes {
            if let Some(d) = pick(Part::Regime, r.name.as_str()) {
                r.description = d;
            } else if let Some(key) = builtin_regime_description_key(r.name.as_str())
                && standard
            {
                r.description = permitflow_i18n::message(key, &[]);
            }
        }
    }
}

/// The name of a kind of measure in the current language (for lists of what a regime does).
pub fn measure_kind_label(kind: &str) -> String {
    match builtin_measure_key(kind) {
        Some(key) => permitflow_i18n::message(key, &[]),
        None => kind.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::with_lang;

    #[test]
    fn standard_regimes_have_names_in_both_languages() {
        let d = crate::format::parse_scenario(
            "version = 1\nname = \"t\"\nstart = \"2025-03-03\"\n[[stages]]\nid = \"s\"\nlead = \"D\"\n[[items]]\nid = \"a\"\nstage = \"s\"\ndays = 5\ndepartment = \"D\"\n",
            "t.toml",
            crate::Format::Toml,
        )
        .map(|s| s.to_draft());
        let Ok(d) = d else {
            panic!("the scenario should read: {d:?}")
        };
        let serial = RegimeName::new("serial");
        assert_eq!(with_lang(Lang::En, || d.regime_label(&serial)), "serial");
        assert_eq!(
            with_lang(Lang::ZhCn, || d.regime_label(&serial)),
            "串联审批"
        );
        let dept = Department::new("D");
        assert_eq!(d.department_label(&dept), "D");
    }
}
