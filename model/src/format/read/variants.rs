//! `[[variants]]`: named sets of `[project]` values, one project of the family the scenario
//! covers. Each value is checked against the declared attributes: an unknown name gets a "did you
//! mean", a value of the wrong type names the attribute's type; ids are words, unique, and at
//! most [`MAX_VARIANTS`] of them.

use std::collections::BTreeMap;

use permitflow_i18n::tr;

use super::common::unknown_help;
use super::context::{At, Ctx, Place};
use crate::diag::Code;
use crate::format::file::{FileAttrValue, FileVariant};
use crate::rules::{Attribute, MAX_VARIANTS, Value, Variant};

fn value(v: &FileAttrValue) -> Value {
    match v {
        FileAttrValue::Number(x) => Value::Number(*x),
        FileAttrValue::Text(t) => Value::Text(t.clone()),
        FileAttrValue::YesNo(b) => Value::YesNo(*b),
    }
}

/// Rule: a variant id is a word that `--variant ID` and `file.toml#ID` can carry: letters,
/// digits, `_` and `-`.
fn good_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The variants, checked against `attributes`.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    variants: &[FileVariant],
    attributes: &[Attribute],
) -> Vec<Variant> {
    if variants.len() > MAX_VARIANTS {
        let place = Place::new(
            &cx.variants,
            MAX_VARIANTS,
            "variant",
            &variants[MAX_VARIANTS].id,
        );
        cx.report(
            &place,
            Code::BadValue,
            At::Entry,
            tr!(
                "model-variants-too-many",
                count = variants.len(),
                max = MAX_VARIANTS
            ),
            &tr!("model-variants-too-many.help"),
        );
        return Vec::new();
    }
    let known: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    let mut out: Vec<Variant> = Vec::with_capacity(variants.len());
    for (i, v) in variants.iter().enumerate() {
        let place = Place::new(&cx.variants, i, "variant", &v.id);
        if !good_id(&v.id) {
            cx.report(
                &place,
                Code::BadValue,
                At::Value("id"),
                tr!("model-variants-bad-id", id = v.id.as_str()),
                &tr!("model-variants-bad-id.help"),
            );
            continue;
        }
        if out.iter().any(|o| o.id == v.id) {
            cx.report(
                &place,
                Code::DuplicateId,
                At::Value("id"),
                tr!("model-variants-duplicate", id = v.id.as_str()),
                &tr!("model-variants-duplicate.help"),
            );
            continue;
        }
        let mut values = BTreeMap::new();
        let mut ok = true;
        for (name, written) in &v.attributes {
            let val = value(written);
            let Some(a) = attributes.iter().find(|a| &a.name == name) else {
                ok = false;
                let help = if known.is_empty() {
                    tr!("model-variants-unknown-attribute.help-declare")
                } else {
                    unknown_help("attribute", name, &known)
                };
                cx.report(
                    &place,
                    Code::UnknownId,
                    At::Key(name),
                    tr!(
                        "model-variants-unknown-attribute",
                        id = v.id.as_str(),
                        name = name.as_str()
                    ),
                    &help,
                );
                continue;
            };
            if a.kind != val.kind() {
                ok = false;
                cx.report(
                    &place,
                    Code::BadValue,
                    At::Value(name),
                    tr!(
                        "model-variants-wrong-type",
                        id = v.id.as_str(),
                        name = name.as_str(),
                        kind = a.kind.word(),
                        value = val.to_string()
                    ),
                    &tr!("model-variants-wrong-type.help"),
                );
                continue;
            }
            values.insert(name.clone(), val);
        }
        if ok {
            out.push(Variant {
                id: v.id.clone(),
                name: v.name.clone(),
                name_zh: v.name_zh.clone(),
                values,
            });
        }
    }
    out
}
