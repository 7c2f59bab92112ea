//! Writing project attributes and `when` conditions back: `[project]` in its plain form when an
//! attribute has only a value, as a table when it has a unit, names or no default; an item's
//! `when`; a link with a condition as a table `{ item = "…", when = "…" }`.

use std::collections::BTreeMap;

use super::after::parse_after;
use super::file::{
    FileAfter, FileAttrTable, FileAttrValue, FileAttribute, FileLabel, FileLinkSpec, FileScenario,
    FileVariant,
};
use crate::rules::{Rules, Value};
use crate::scenario::{Draft, LinkKind};
use crate::units::ItemId;

fn value(v: &Value) -> FileAttrValue {
    match v {
        Value::Number(x) => FileAttrValue::Number(*x),
        Value::Text(t) => FileAttrValue::Text(t.clone()),
        Value::YesNo(b) => FileAttrValue::YesNo(*b),
    }
}

fn project(rules: &Rules) -> BTreeMap<String, FileAttribute> {
    rules
        .attributes
        .iter()
        .map(|a| {
            let plain = a.unit.is_none() && a.label_zh.is_none() && a.label_en.is_none();
            let attr = match &a.default {
                Some(v) if plain => FileAttribute::Plain(value(v)),
                default => FileAttribute::Table(FileAttrTable {
                    value: default.as_ref().map(value),
                    kind: default.is_none().then(|| a.kind.name().to_owned()),
                    unit: a.unit.clone(),
                    name: (a.label_zh.is_some() || a.label_en.is_some()).then(|| FileLabel {
                        zh: a.label_zh.clone(),
                        en: a.label_en.clone(),
                    }),
                }),
            };
            (a.name.clone(), attr)
        })
        .collect()
}

/// Puts the draft's attributes and conditions into the file written from it.
pub(super) fn put_rules(f: &mut FileScenario, s: &Draft) {
    if s.rules.is_empty() {
        return;
    }
    f.project = project(&s.rules);
    f.variants = s
        .rules
        .variants
        .iter()
        .map(|v| FileVariant {
            id: v.id.clone(),
            name: v.name.clone(),
            name_zh: v.name_zh.clone(),
            attributes: v
                .values
                .iter()
                .map(|(n, x)| (n.clone(), value(x)))
                .collect(),
        })
        .collect();
    for m in &mut f.measures {
        let id = crate::units::MeasureId::new(&m.id);
        m.when = s.rules.measures.get(&id).map(|c| c.text.clone());
    }
    let known: rustc_hash::FxHashSet<&str> = s.items.iter().map(|i| i.id.as_str()).collect();
    for it in &mut f.items {
        let id = ItemId::new(&it.id);
        let when = s.rules.items.get(&id).map(|c| c.text.clone());
        if when.is_some() || it.more().when.is_some() {
            it.more_mut().when = when;
        }
        for a in &mut it.after {
            let from = match a {
                FileAfter::Text(t) => match parse_after(t, &|id| known.contains(id)) {
                    Ok(p) => p,
                    Err(_) => continue,
                },
                FileAfter::Link(l) => {
                    let key = (ItemId::new(&l.item), id.clone());
                    l.when = s.rules.links.get(&key).map(|c| c.text.clone());
                    continue;
                }
            };
            let key = (ItemId::new(&from.id), id.clone());
            if let Some(c) = s.rules.links.get(&key) {
                let calendar = from.unit == crate::clock::DayUnit::Calendar;
                *a = FileAfter::Link(Box::new(FileLinkSpec {
                    item: from.id.clone(),
                    kind: (from.kind != LinkKind::FinishToStart)
                        .then(|| from.kind.code().to_owned()),
                    lag: (from.lag != 0.0).then_some(from.lag),
                    max_lag: None,
                    unit: calendar.then(|| "calendar".to_owned()),
                    when: Some(c.text.clone()),
                }));
            }
        }
    }
}
