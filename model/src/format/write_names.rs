//! Writing names (and the scenario's and regimes' descriptions) in two languages back: each
//! labelled thing's name as the file wrote it, with its labels, so a file read and written again
//! reads back the same whatever the language.
//!
//! The form written: `name = { zh = "…", en = "…" }` when the name as written is the Chinese
//! one (or, without a Chinese one, the English one), as a reader of that form gets it; else
//! the name as written and `label_zh` / `label_en` beside it.

use permitflow_i18n::Lang;

use super::file::{FileLabel, FileName, FileScenario};
use crate::labels::{Named, Part};
use crate::scenario::Draft;

/// A labelled thing's `name` (the name as written when it is not the id) and its
/// `label_zh` / `label_en`, given its name in the draft now. A name changed in memory without
/// its labels (neither its English nor its Chinese name) counts as a rename in the current
/// language ([`Named::renamed`]).
fn written(
    named: Option<&Named>,
    now: &str,
    id: Option<&str>,
) -> (FileName, Option<String>, Option<String>) {
    let plain = |n: &str| {
        FileName::Text(if Some(n) == id {
            String::new()
        } else {
            n.to_owned()
        })
    };
    let Some(named) = named else {
        return (plain(now), None, None);
    };
    let mut named = named.clone();
    if now != named.shown(Lang::En) && now != named.shown(Lang::ZhCn) {
        named.renamed(permitflow_i18n::lang(), now);
    }
    let l = named.label;
    if l.zh.as_deref().or(l.en.as_deref()) == Some(named.written.as_str()) {
        (
            FileName::Table(Box::new(FileLabel { zh: l.zh, en: l.en })),
            None,
            None,
        )
    } else {
        (plain(&named.written), l.zh, l.en)
    }
}

/// Puts the draft's labels into `f`, built from the draft with its names as they are now.
pub(super) fn put_labels(f: &mut FileScenario, d: &Draft) {
    let get = |part: Part, id: &str| d.labels.names.get(&(part, id.to_owned()));
    (f.name, f.label_zh, f.label_en) = written(get(Part::Scenario, ""), &d.name, None);
    for (fs, s) in f.stages.iter_mut().zip(&d.stages) {
        let id = s.id.as_str();
        (fs.name, fs.label_zh, fs.label_en) = written(get(Part::Stage, id), &s.name, Some(id));
    }
    for (fi, it) in f.items.iter_mut().zip(&d.items) {
        let id = it.id.as_str();
        let (zh, en);
        (fi.name, zh, en) = written(get(Part::Item, id), &it.name, Some(id));
        // An item's rarer fields are made only when it has one of them.
        let had = fi.more().label_zh.is_some() || fi.more().label_en.is_some();
        if had || zh.is_some() || en.is_some() {
            let m = fi.more_mut();
            (m.label_zh, m.label_en) = (zh, en);
        }
    }
    for fj in &mut f.joint {
        if let Some(g) = d.joint_groups.iter().find(|g| g.id.as_str() == fj.id) {
            let id = g.id.as_str();
            (fj.name, fj.label_zh, fj.label_en) = written(get(Part::Group, id), &g.name, Some(id));
        }
    }
    for fm in &mut f.measures {
        if let Some(n) = get(Part::Measure, &fm.id) {
            (fm.label_zh, fm.label_en) = (n.label.zh.clone(), n.label.en.clone());
        }
    }
    for fr in &mut f.regimes {
        if let Some(n) = get(Part::Regime, &fr.name) {
            (fr.label_zh, fr.label_en) = (n.label.zh.clone(), n.label.en.clone());
        }
    }
    let described = |part: Part, id: &str| d.labels.descriptions.get(&(part, id.to_owned()));
    let now = f.description.written().to_owned();
    (f.description, f.description_zh, f.description_en) =
        written(described(Part::Scenario, ""), &now, None);
    for fr in &mut f.regimes {
        let now = fr.description.written().to_owned();
        (fr.description, fr.description_zh, fr.description_en) =
            written(described(Part::Regime, &fr.name), &now, None);
    }
    for (i, (ft, t)) in f.targets.iter_mut().zip(&d.targets).enumerate() {
        (ft.name, ft.label_zh, ft.label_en) =
            written(get(Part::Target, &i.to_string()), &t.name, None);
    }
    for (fm, m) in f.milestones.iter_mut().zip(&d.milestones) {
        let id = m.id.as_str();
        (fm.name, fm.label_zh, fm.label_en) = written(get(Part::Milestone, id), &m.name, Some(id));
    }
    f.departments = d
        .labels
        .departments
        .iter()
        .filter(|(_, l)| !l.is_empty())
        .map(|(k, l)| {
            let label = FileLabel {
                zh: l.zh.clone(),
                en: l.en.clone(),
            };
            (k.to_string(), label)
        })
        .collect();
}
