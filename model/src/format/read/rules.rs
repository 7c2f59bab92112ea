//! `[project]` and `when`: the attributes with their defaults, and the conditions on items and
//! links, parsed and checked against the attributes' types. A bad token is placed inside the
//! condition's text; an unknown attribute gets a "did you mean".

use std::collections::BTreeMap;

use permitflow_i18n::tr;

use super::Ids;
use super::common::unknown_help;
use super::context::{At, Ctx, Place};
use crate::diag::Code;
use crate::format::file::{FileAfter, FileAttrValue, FileAttribute, FileItem, FileMeasure};
use crate::rules::{Attribute, Condition, Kind, Rules, TypeProblem, Value, expr};
use crate::units::{ItemId, MeasureId};

fn value(v: &FileAttrValue) -> Value {
    match v {
        FileAttrValue::Number(x) => Value::Number(*x),
        FileAttrValue::Text(t) => Value::Text(t.clone()),
        FileAttrValue::YesNo(b) => Value::YesNo(*b),
    }
}

/// Rule: an attribute's name is a word conditions can name (letters, digits and `_`, not
/// starting with a digit, not `and`, `or`, `not`, `yes`, `no`, `true`, `false`).
fn check_name(cx: &mut Ctx<'_>, name: &str) -> bool {
    let word = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "and" | "or" | "not" | "yes" | "no" | "true" | "false"
        );
    if !word {
        cx.push(
            Code::BadValue,
            None,
            At::Key(name),
            Some(crate::diag::subject("attribute", name)),
            tr!("model-rules-attr-bad-name", name = name),
            &tr!("model-rules-attr-bad-name.help"),
        );
    }
    word
}

/// The `[project]` attributes.
fn attributes(cx: &mut Ctx<'_>, project: &BTreeMap<String, FileAttribute>) -> Vec<Attribute> {
    let mut out = Vec::with_capacity(project.len());
    for (name, a) in project {
        if !check_name(cx, name) {
            continue;
        }
        let attr = match a {
            FileAttribute::Plain(v) => {
                let v = value(v);
                Attribute {
                    name: name.clone(),
                    kind: v.kind(),
                    default: Some(v),
                    unit: None,
                    label_zh: None,
                    label_en: None,
                }
            }
            FileAttribute::Table(t) => {
                let default = t.value.as_ref().map(value);
                let named = t.kind.as_deref().map(|k| (k, Kind::parse(k)));
                let kind = match (&default, named) {
                    (_, Some((k, None))) => {
                        report(
                            cx,
                            name,
                            tr!("model-rules-attr-bad-type", name = name.as_str(), kind = k),
                        );
                        continue;
                    }
                    (Some(v), Some((_, Some(k)))) if v.kind() != k => {
                        report(
                            cx,
                            name,
                            tr!(
                                "model-rules-attr-type-mismatch",
                                name = name.as_str(),
                                kind = k.word(),
                                value = v.to_string()
                            ),
                        );
                        continue;
                    }
                    (Some(v), _) => v.kind(),
                    (None, Some((_, Some(k)))) => k,
                    (None, None) => {
                        report(
                            cx,
                            name,
                            tr!("model-rules-attr-no-value", name = name.as_str()),
                        );
                        continue;
                    }
                };
                Attribute {
                    name: name.clone(),
                    kind,
                    default,
                    unit: t.unit.clone(),
                    label_zh: t.name.as_ref().and_then(|l| l.zh.clone()),
                    label_en: t.name.as_ref().and_then(|l| l.en.clone()),
                }
            }
        };
        out.push(attr);
    }
    out
}

fn report(cx: &mut Ctx<'_>, name: &str, message: String) {
    cx.push(
        Code::BadValue,
        None,
        At::Key(name),
        Some(crate::diag::subject("attribute", name)),
        message,
        &tr!("model-rules-attr-table-help"),
    );
}

/// Parses and checks one condition; `None` when it has a problem (reported).
fn condition(
    cx: &mut Ctx<'_>,
    place: &Place<'_>,
    text: &str,
    attributes: &[Attribute],
) -> Option<Condition> {
    let e = match expr::parse(text) {
        Ok(e) => e,
        Err(err) => {
            cx.report(
                place,
                Code::BadValue,
                At::Inside(text, err.at),
                tr!("model-rules-bad-when", text = text, problem = err.message),
                &tr!("model-rules-bad-when.help"),
            );
            return None;
        }
    };
    let kind = |n: &str| attributes.iter().find(|a| a.name == n).map(|a| a.kind);
    let problems = e.check(&kind);
    let ok = problems.is_empty();
    let known: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    for p in problems {
        match p {
            TypeProblem::Unknown { name, at } => {
                let help = if known.is_empty() {
                    tr!(
                        "model-rules-unknown-attribute.help-declare",
                        name = name.as_str()
                    )
                } else {
                    unknown_help("attribute", &name, &known)
                };
                cx.report(
                    place,
                    Code::UnknownId,
                    At::Inside(text, at),
                    tr!(
                        "model-rules-unknown-attribute",
                        name = name.as_str(),
                        text = text
                    ),
                    &help,
                );
            }
            TypeProblem::Mismatch { at, message } => cx.report(
                place,
                Code::BadValue,
                At::Inside(text, at),
                tr!("model-rules-bad-when", text = text, problem = message),
                &tr!("model-rules-bad-when.help"),
            ),
        }
    }
    ok.then(|| Condition {
        text: text.to_owned(),
        expr: e,
    })
}

/// The attributes and the conditions of items and links.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    project: &BTreeMap<String, FileAttribute>,
    (items, measures): (&[FileItem], &[FileMeasure]),
    ids: &Ids<'_>,
) -> Rules {
    let attributes = attributes(cx, project);
    let mut rules = Rules {
        attributes,
        ..Rules::default()
    };
    for (i, it) in items.iter().enumerate() {
        let place = Place::new(&cx.items, i, "item", &it.id);
        if let Some(w) = &it.more().when
            && let Some(c) = condition(cx, &place, w, &rules.attributes)
        {
            rules.items.insert(ItemId::new(&it.id), c);
        }
        for a in &it.after {
            if let FileAfter::Link(l) = a
                && let Some(w) = &l.when
                && let Some(c) = condition(cx, &place, w, &rules.attributes)
                && ids.items.contains_key(l.item.as_str())
            {
                rules
                    .links
                    .insert((ItemId::new(&l.item), ItemId::new(&it.id)), c);
            }
        }
    }
    for (i, m) in measures.iter().enumerate() {
        let place = Place::new(&cx.measures, i, "measure", &m.id);
        if let Some(w) = &m.when
            && let Some(c) = condition(cx, &place, w, &rules.attributes)
        {
            rules.measures.insert(MeasureId::new(&m.id), c);
        }
        if m.kind == "regional_assessment" {
            check_assessed_area(cx, &place, &rules.attributes);
        }
    }
    rules
}

/// Rule: a regional-assessment measure takes effect by the project's yes/no attribute
/// `in_assessed_area`, which the scenario must declare in `[project]`.
fn check_assessed_area(cx: &mut Ctx<'_>, place: &Place<'_>, attributes: &[Attribute]) {
    let name = crate::scenario::ASSESSED_AREA;
    let problem = match attributes.iter().find(|a| a.name == name) {
        None => tr!("diag-regional-no-attribute", name = name),
        Some(a) if a.kind != Kind::YesNo => tr!(
            "diag-regional-attribute-kind",
            name = name,
            kind = a.kind.word()
        ),
        Some(_) => return,
    };
    cx.report(
        place,
        Code::BadMeasure,
        At::Value("kind"),
        problem,
        &tr!("diag-regional-no-attribute.help", name = name),
    );
}
