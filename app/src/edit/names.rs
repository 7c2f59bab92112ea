//! Names in two languages under editing: a thing with labels (`Draft::labels`) keeps them in
//! step with its name, so saving writes both languages back. Renaming sets the label in the
//! current language when the thing has one, else its name as written
//! ([`permitflow_model::Named::renamed`]); an id change moves the labels; a removal drops them.

use permitflow_i18n::Lang;
use permitflow_model::{Draft, Item, Part};

use super::author::{join_name, split_name};

/// The thing `part` `id` is now called `name` (in the current language).
pub(crate) fn renamed(s: &mut Draft, part: Part, id: &str, name: &str) {
    s.labels.rename(part, id, name);
}

/// An item's Chinese and English names as the authoring view shows them: its labels where it
/// has them (the name as written standing for the language it lacks), else the two parts of a
/// name written `中文 English`.
pub fn item_names(s: &Draft, it: &Item) -> (String, String) {
    match s.labels.names.get(&(Part::Item, it.id.to_string())) {
        Some(n) => {
            let zh = n.label.zh.clone().unwrap_or_else(|| n.written.clone());
            let en = n.label.en.clone().unwrap_or_else(|| n.written.clone());
            (zh, en)
        }
        None => split_name(&it.name),
    }
}

/// Sets an item's name in `lang` (its Chinese or English name field) to `text`.
pub(crate) fn set_item_name(
    s: &mut Draft,
    item: &permitflow_model::ItemId,
    lang: Lang,
    text: &str,
) {
    let key = (Part::Item, item.to_string());
    let now = permitflow_i18n::lang();
    if let Some(n) = s.labels.names.get_mut(&key) {
        n.set_name(lang, text);
        let shown = n.shown(now).to_owned();
        if let Some(it) = s.item_mut(item) {
            it.name = shown;
        }
        return;
    }
    if let Some(it) = s.item_mut(item) {
        let (zh, en) = split_name(&it.name);
        it.name = match lang {
            Lang::ZhCn => join_name(text, &en),
            Lang::En => join_name(&zh, text),
        };
    }
}

/// A joint group's Chinese and English names as the authoring view shows them (as
/// [`item_names`] does for items).
pub fn group_names(s: &Draft, g: &permitflow_model::JointGroup) -> (String, String) {
    match s.labels.names.get(&(Part::Group, g.id.to_string())) {
        Some(n) => {
            let zh = n.label.zh.clone().unwrap_or_else(|| n.written.clone());
            let en = n.label.en.clone().unwrap_or_else(|| n.written.clone());
            (zh, en)
        }
        None => split_name(&g.name),
    }
}

/// Sets a joint group's name in `lang` to `text` (as [`set_item_name`] does for items).
pub(crate) fn set_group_name(
    s: &mut Draft,
    group: &permitflow_model::GroupId,
    lang: Lang,
    text: &str,
) {
    let key = (Part::Group, group.to_string());
    let now = permitflow_i18n::lang();
    let shown = s.labels.names.get_mut(&key).map(|n| {
        n.set_name(lang, text);
        n.shown(now).to_owned()
    });
    let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) else {
        return;
    };
    g.name = match shown {
        Some(name) => name,
        None => {
            let (zh, en) = split_name(&g.name);
            match lang {
                Lang::ZhCn => join_name(text, &en),
                Lang::En => join_name(&zh, text),
            }
        }
    };
}

/// The labels of `part` `from` now belong to the id `to`.
pub(crate) fn moved(s: &mut Draft, part: Part, from: &str, to: &str) {
    s.labels.change_id(part, from, to);
}

/// Drops the labels of stages, items, groups, measures and regimes that no longer exist.
pub(crate) fn forget_gone(s: &mut Draft) {
    let stages: Vec<String> = s.stages.iter().map(|x| x.id.to_string()).collect();
    let items: std::collections::HashSet<String> =
        s.items.iter().map(|x| x.id.to_string()).collect();
    let groups: Vec<String> = s.joint_groups.iter().map(|x| x.id.to_string()).collect();
    let measures: Vec<String> = s.measures.iter().map(|x| x.id.to_string()).collect();
    let regimes: Vec<String> = s.regimes.iter().map(|x| x.name.to_string()).collect();
    let milestones: Vec<String> = s.milestones.iter().map(|x| x.id.to_string()).collect();
    s.labels.names.retain(|(part, id), _| match part {
        Part::Stage => stages.contains(id),
        Part::Item => items.contains(id),
        Part::Group => groups.contains(id),
        Part::Measure => measures.contains(id),
        Part::Regime => regimes.contains(id),
        Part::Milestone => milestones.contains(id),
        Part::Scenario | Part::Target => true,
    });
    s.labels
        .descriptions
        .retain(|(part, id), _| *part != Part::Regime || regimes.contains(id));
}

/// Keeps the targets `keep` says to keep, their labels (by position) with them.
pub(crate) fn retain_targets(s: &mut Draft, keep: impl Fn(&permitflow_model::Target) -> bool) {
    let kept: Vec<bool> = s.targets.iter().map(&keep).collect();
    let mut labels = std::mem::take(&mut s.labels.names);
    let mut next = 0;
    for (i, k) in kept.iter().enumerate() {
        let label = labels.remove(&(Part::Target, i.to_string()));
        if *k {
            if let Some(l) = label {
                labels.insert((Part::Target, next.to_string()), l);
            }
            next += 1;
        }
    }
    s.labels.names = labels;
    let mut it = kept.into_iter();
    s.targets.retain(|_| it.next().unwrap_or(true));
}

/// A department's labels follow its new name.
pub(crate) fn department_renamed(s: &mut Draft, from: &str, to: &str) {
    let from = permitflow_model::Department::new(from);
    if let Some(l) = s.labels.departments.remove(&from) {
        s.labels
            .departments
            .insert(permitflow_model::Department::new(to), l);
    }
}
