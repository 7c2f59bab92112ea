//! Names in two languages: `name = { zh = "…", en = "…" }` and `label_zh` / `label_en` on the
//! scenario, stages, items, joint groups, measures, regimes and targets, and the
//! `[departments]` table; descriptions of the scenario and regimes the same way
//! (`description = { zh = "…", en = "…" }`, `description_zh` / `description_en`). They fill [`Labels`] beside the draft; the draft's names then follow
//! the current language ([`Draft::relabel`]).

use std::collections::BTreeSet;

use super::context::{At, Ctx, Place};
use crate::diag::Code;
use crate::format::file::{FileLabel, FileName, FileScenario};
use crate::labels::{Label, Labels, Named, Part};
use crate::scenario::Draft;
use crate::units::Department;

/// The labels of `raw`, whose names as read (before any label applies) are `draft`'s.
pub(super) fn read(cx: &mut Ctx<'_>, raw: &FileScenario, draft: &Draft) -> Labels {
    let mut labels = Labels::default();
    let mut add = |cx: &mut Ctx<'_>,
                   place: &Place<'_>,
                   key: (Part, &str),
                   written: &str,
                   name: Option<&FileName>,
                   zh: &Option<String>,
                   en: &Option<String>| {
        let label = label_of(cx, place, name, zh, en, LABEL_FIELDS);
        if !label.is_empty() {
            let named = Named {
                written: written.to_owned(),
                label,
            };
            // The key's text made only for a labelled thing (few of a large list's items).
            labels.names.insert((key.0, key.1.to_owned()), named);
        }
    };
    let top = Place::new(&[], 0, "scenario", &draft.name);
    add(
        cx,
        &top,
        (Part::Scenario, ""),
        &draft.name,
        Some(&raw.name),
        &raw.label_zh,
        &raw.label_en,
    );
    for (i, (f, s)) in raw.stages.iter().zip(&draft.stages).enumerate() {
        let place = Place::new(&cx.stages, i, "stage", &f.id);
        let key = (Part::Stage, f.id.as_str());
        add(
            cx,
            &place,
            key,
            &s.name,
            Some(&f.name),
            &f.label_zh,
            &f.label_en,
        );
    }
    for (i, (f, it)) in raw.items.iter().zip(&draft.items).enumerate() {
        // A plain name without labels has none to read and none to report (most items of a
        // large list): skipped without looking at the item.
        let m = f.more();
        if !matches!(f.name, FileName::Table(_)) && m.label_zh.is_none() && m.label_en.is_none() {
            continue;
        }
        let place = Place::new(&cx.items, i, "item", &f.id);
        let key = (Part::Item, f.id.as_str());
        add(
            cx,
            &place,
            key,
            &it.name,
            Some(&f.name),
            &f.more().label_zh,
            &f.more().label_en,
        );
    }
    for (i, f) in raw.joint.iter().enumerate() {
        let place = Place::new(&cx.joint, i, "joint group", &f.id);
        let written = draft
            .joint_groups
            .iter()
            .find(|g| g.id.as_str() == f.id)
            .map_or(f.id.as_str(), |g| g.name.as_str());
        let key = (Part::Group, f.id.as_str());
        add(
            cx,
            &place,
            key,
            written,
            Some(&f.name),
            &f.label_zh,
            &f.label_en,
        );
    }
    for (i, f) in raw.measures.iter().enumerate() {
        let place = Place::new(&cx.measures, i, "measure", &f.id);
        let key = (Part::Measure, f.id.as_str());
        add(cx, &place, key, &f.id, None, &f.label_zh, &f.label_en);
    }
    for (i, f) in raw.regimes.iter().enumerate() {
        let place = Place::new(&cx.regimes, i, "regime", &f.name);
        let key = (Part::Regime, f.name.as_str());
        add(cx, &place, key, &f.name, None, &f.label_zh, &f.label_en);
    }
    for (i, (f, t)) in raw.targets.iter().zip(&draft.targets).enumerate() {
        let place = Place::new(&cx.targets, i, "target", &t.name);
        let n = i.to_string();
        let key = (Part::Target, n.as_str());
        add(
            cx,
            &place,
            key,
            &t.name,
            Some(&f.name),
            &f.label_zh,
            &f.label_en,
        );
    }
    for (i, (f, m)) in raw.milestones.iter().zip(&draft.milestones).enumerate() {
        let place = Place::new(&cx.milestones, i, "milestone", &f.id);
        let key = (Part::Milestone, f.id.as_str());
        add(
            cx,
            &place,
            key,
            &m.name,
            Some(&f.name),
            &f.label_zh,
            &f.label_en,
        );
    }
    labels.departments = departments(cx, raw, draft);
    labels.descriptions = descriptions(cx, raw, draft);
    labels
}

/// The fields beside a name giving it in each language.
const LABEL_FIELDS: [&str; 2] = ["label_zh", "label_en"];

/// The fields beside a description giving it in each language.
const DESCRIPTION_FIELDS: [&str; 2] = ["description_zh", "description_en"];

/// The scenario's and each regime's description in two languages: `description = { zh = "…",
/// en = "…" }` or `description_zh` / `description_en`, by the same rules as names.
fn descriptions(
    cx: &mut Ctx<'_>,
    raw: &FileScenario,
    draft: &Draft,
) -> std::collections::BTreeMap<(Part, String), Named> {
    let mut out = std::collections::BTreeMap::new();
    let top = Place::new(&[], 0, "scenario", &draft.name);
    let (d, zh, en) = (&raw.description, &raw.description_zh, &raw.description_en);
    let label = label_of(cx, &top, Some(d), zh, en, DESCRIPTION_FIELDS);
    if !label.is_empty() {
        let written = d.written().to_owned();
        out.insert((Part::Scenario, String::new()), Named { written, label });
    }
    for (i, r) in raw.regimes.iter().enumerate() {
        let place = Place::new(&cx.regimes, i, "regime", &r.name);
        let (d, zh, en) = (&r.description, &r.description_zh, &r.description_en);
        let label = label_of(cx, &place, Some(d), zh, en, DESCRIPTION_FIELDS);
        if !label.is_empty() {
            let written = d.written().to_owned();
            out.insert((Part::Regime, r.name.clone()), Named { written, label });
        }
    }
    out
}

/// A thing's labels: its `{ zh, en }` name and its `label_zh` / `label_en`. Rule: a language is
/// given once, by one or the other. Empty labels count as not given.
fn label_of(
    cx: &mut Ctx<'_>,
    place: &Place<'_>,
    name: Option<&FileName>,
    zh: &Option<String>,
    en: &Option<String>,
    [zh_field, en_field]: [&'static str; 2],
) -> Label {
    let table = match name {
        Some(FileName::Table(l)) => FileLabel::clone(l),
        _ => FileLabel::default(),
    };
    let pick = |cx: &mut Ctx<'_>, from_table: Option<String>, field: &Option<String>, key| {
        let field = field.clone().filter(|s| !s.is_empty());
        let from_table = from_table.filter(|s| !s.is_empty());
        if from_table.is_some() && field.is_some() && from_table != field {
            let (message, help) = if key == DESCRIPTION_FIELDS[0] || key == DESCRIPTION_FIELDS[1] {
                (
                    permitflow_i18n::tr!("model-description-twice", field = key),
                    permitflow_i18n::tr!("model-description-twice.help"),
                )
            } else {
                (
                    permitflow_i18n::tr!("model-label-twice", field = key),
                    permitflow_i18n::tr!("model-label-twice.help"),
                )
            };
            cx.report(place, Code::BadValue, At::Key(key), message, &help);
        }
        from_table.or(field)
    };
    Label {
        zh: pick(cx, table.zh, zh, zh_field),
        en: pick(cx, table.en, en, en_field),
    }
}

/// The `[departments]` table. Rule: each names a department the scenario uses (an item's
/// `department`, a stage's `lead` or a joint group's `department`).
fn departments(
    cx: &mut Ctx<'_>,
    raw: &FileScenario,
    draft: &Draft,
) -> std::collections::BTreeMap<Department, Label> {
    if raw.departments.is_empty() {
        return std::collections::BTreeMap::new();
    }
    let used: BTreeSet<&str> = draft
        .items
        .iter()
        .map(|i| i.department.as_str())
        .chain(draft.stages.iter().map(|s| s.lead.as_str()))
        .chain(
            draft
                .joint_groups
                .iter()
                .filter_map(|g| g.department.as_ref().map(Department::as_str)),
        )
        .collect();
    let mut out = std::collections::BTreeMap::new();
    for (name, l) in &raw.departments {
        if !used.contains(name.as_str()) {
            let help = match super::common::closest(name, used.iter().copied()) {
                Some(c) => permitflow_i18n::tr!("model-department-unknown.closest", name = c),
                None => permitflow_i18n::tr!("model-department-unknown.help"),
            };
            cx.push(
                Code::UnknownId,
                None,
                At::Str(name),
                None,
                permitflow_i18n::tr!("model-department-unknown", name = name.as_str()),
                &help,
            );
        }
        let label = Label {
            zh: l.zh.clone().filter(|s| !s.is_empty()),
            en: l.en.clone().filter(|s| !s.is_empty()),
        };
        if !label.is_empty() {
            out.insert(Department::new(name), label);
        }
    }
    out
}
