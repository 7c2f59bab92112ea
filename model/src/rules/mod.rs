//! Project attributes and conditional items: which items and links apply depends on the project
//! (its floor area, underground area, investment type, …).
//!
//! A scenario declares attributes with defaults (`[project]` in a scenario file); items and links
//! carry a `when` condition over them ([`expr`]). [`resolve`] turns a scenario and the chosen
//! values into the scenario without the items and links whose condition is false, bridging the
//! links of a dropped item. Pure data: the front ends parse `--attr NAME=VALUE` and call these.

pub mod expr;
mod resolve;
#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod variants_tests;

use std::collections::BTreeMap;
use std::fmt;

use permitflow_i18n::tr;

use crate::units::{ItemId, MeasureId};

pub use expr::{Expr, ExprError, Op, TypeProblem};
pub use resolve::{Resolution, drop_items, resolve};

/// An attribute's value: a number, text or yes/no.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number (an area in m², an amount, a class).
    Number(f64),
    /// Text (`social`, `government`).
    Text(String),
    /// Yes or no.
    YesNo(bool),
}

impl Value {
    /// The value's type.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Number(_) => Kind::Number,
            Self::Text(_) => Kind::Text,
            Self::YesNo(_) => Kind::YesNo,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(v) => write!(f, "{v}"),
            Self::Text(t) => write!(f, "\"{t}\""),
            Self::YesNo(b) => f.write_str(if *b { "yes" } else { "no" }),
        }
    }
}

/// An attribute's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Numbers.
    Number,
    /// Text.
    Text,
    /// Yes or no.
    YesNo,
}

impl Kind {
    /// The name a scenario file gives it (`number`, `text`, `yes/no`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Text => "text",
            Self::YesNo => "yes/no",
        }
    }

    /// The type a file names (`number`, `text`, `yes/no` or `bool`).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "number" => Some(Self::Number),
            "text" => Some(Self::Text),
            "yes/no" | "yesno" | "bool" => Some(Self::YesNo),
            _ => None,
        }
    }

    /// The type's name in the current language.
    pub fn word(self) -> String {
        match self {
            Self::Number => tr!("model-rules-kind-number"),
            Self::Text => tr!("model-rules-kind-text"),
            Self::YesNo => tr!("model-rules-kind-yes-no"),
        }
    }

    /// Reads a value of this type as written on the command line: a number, any text, or
    /// `yes`/`no` (also `true`/`false`, `是`/`否`).
    pub fn read(self, text: &str) -> Option<Value> {
        let t = text.trim();
        match self {
            Self::Number => t
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Value::Number),
            Self::Text => Some(Value::Text(t.to_owned())),
            Self::YesNo => match t.to_ascii_lowercase().as_str() {
                "yes" | "true" | "是" => Some(Value::YesNo(true)),
                "no" | "false" | "否" => Some(Value::YesNo(false)),
                _ => None,
            },
        }
    }
}

/// A project attribute the scenario declares.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// The name conditions use.
    pub name: String,
    /// Its type.
    pub kind: Kind,
    /// The value unless `--attr` gives another; an item list's attributes have none and must
    /// be given.
    pub default: Option<Value>,
    /// The unit it is counted in (`m²`), for people.
    pub unit: Option<String>,
    /// Its name in Chinese, for people.
    pub label_zh: Option<String>,
    /// Its name in English, for people.
    pub label_en: Option<String>,
}

/// The most variants a scenario may carry: a family is a handful of named projects, and a batch
/// runs each one, so a long list is a mistake (a sweep belongs in a script over `--attr`).
pub const MAX_VARIANTS: usize = 64;

/// A named set of attribute values (`[[variants]]`): one project of the family the scenario
/// covers, which `--variant ID`, `batch` and `library` resolve. Values it does not give keep
/// their defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The id `--variant` and `file.toml#id` use.
    pub id: String,
    /// Its name in English, for people.
    pub name: Option<String>,
    /// Its name in Chinese, for people.
    pub name_zh: Option<String>,
    /// The attribute values it sets, by attribute name.
    pub values: BTreeMap<String, Value>,
}

impl Variant {
    /// Its values as `NAME=VALUE` overrides ([`Rules::values`] reads them).
    pub fn overrides(&self) -> Vec<String> {
        self.values
            .iter()
            .map(|(n, v)| match v {
                Value::Text(t) => format!("{n}={t}"),
                v => format!("{n}={v}"),
            })
            .collect()
    }
}

/// A `when` condition: the text as written and what it parses to.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// As written.
    pub text: String,
    /// Parsed.
    pub expr: Expr,
}

/// The attributes and the conditions of a scenario. Empty for a flow that applies whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    /// The attributes, in file order.
    pub attributes: Vec<Attribute>,
    /// Items that apply only when their condition holds.
    pub items: BTreeMap<ItemId, Condition>,
    /// Links (predecessor, successor) that apply only when their condition holds.
    pub links: BTreeMap<(ItemId, ItemId), Condition>,
    /// Declared measures that apply only when their condition holds (regimes naming one whose
    /// condition is false run without it).
    pub measures: BTreeMap<MeasureId, Condition>,
    /// Named sets of attribute values, in file order (at most [`MAX_VARIANTS`]).
    pub variants: Vec<Variant>,
}

/// Why `--attr` values cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrError {
    /// `NAME=VALUE` without `=`.
    Syntax(String),
    /// The scenario declares no such attribute.
    Unknown {
        /// The name given.
        name: String,
        /// The attributes the scenario declares.
        known: Vec<String>,
    },
    /// The value is not of the attribute's type.
    BadValue {
        /// The attribute.
        name: String,
        /// Its type.
        kind: Kind,
        /// The value given.
        value: String,
    },
    /// An attribute without a default that no `--attr` gives.
    Missing {
        /// The attribute.
        name: String,
    },
    /// `--variant ID` names no variant of the scenario.
    UnknownVariant {
        /// The id given.
        id: String,
        /// The variants the scenario has.
        known: Vec<String>,
    },
}

impl fmt::Display for AttrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Self::Syntax(t) => tr!("model-rules-attr-syntax", text = t.as_str()),
            Self::Unknown { name, known } if known.is_empty() => {
                tr!("model-rules-attr-unknown-none", name = name.as_str())
            }
            Self::Unknown { name, known } => tr!(
                "model-rules-attr-unknown",
                name = name.as_str(),
                known = known.join(", ")
            ),
            Self::BadValue { name, kind, value } => tr!(
                "model-rules-attr-bad-value",
                name = name.as_str(),
                kind = kind.word(),
                value = value.as_str()
            ),
            Self::Missing { name } => tr!("model-rules-attr-missing", name = name.as_str()),
            Self::UnknownVariant { id, known } if known.is_empty() => {
                tr!("model-rules-variant-unknown-none", id = id.as_str())
            }
            Self::UnknownVariant { id, known } => tr!(
                "model-rules-variant-unknown",
                id = id.as_str(),
                known = known.join(", ")
            ),
        };
        f.write_str(&s)
    }
}

impl Rules {
    /// Whether the scenario has attributes or conditions.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty()
            && self.items.is_empty()
            && self.links.is_empty()
            && self.measures.is_empty()
            && self.variants.is_empty()
    }

    /// The variant with this id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// [`Rules::values`] for the variant `variant` (its values over the defaults), with
    /// `overrides` on top. An unknown variant id is an error naming the ids there are.
    pub fn values_for(
        &self,
        variant: Option<&str>,
        overrides: &[String],
    ) -> Result<BTreeMap<String, Value>, AttrError> {
        let Some(id) = variant else {
            return self.values(overrides);
        };
        let v = self.variant(id).ok_or_else(|| AttrError::UnknownVariant {
            id: id.to_owned(),
            known: self.variants.iter().map(|v| v.id.clone()).collect(),
        })?;
        let mut all = v.overrides();
        all.extend_from_slice(overrides);
        self.values(&all)
    }

    /// The attribute with this name.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// Every attribute's value: its default, overridden by `overrides` (`NAME=VALUE`, the last
    /// one of a name winning). An unknown name, a value of the wrong type and an attribute left
    /// without a value are errors.
    pub fn values(&self, overrides: &[String]) -> Result<BTreeMap<String, Value>, AttrError> {
        let mut out: BTreeMap<String, Value> = BTreeMap::new();
        for a in &self.attributes {
            if let Some(v) = &a.default {
                out.insert(a.name.clone(), v.clone());
            }
        }
        for o in overrides {
            let (name, value) = o
                .split_once('=')
                .map(|(n, v)| (n.trim(), v.trim()))
                .filter(|(n, _)| !n.is_empty())
                .ok_or_else(|| AttrError::Syntax(o.clone()))?;
            let a = self.attribute(name).ok_or_else(|| AttrError::Unknown {
                name: name.to_owned(),
                known: self.attributes.iter().map(|a| a.name.clone()).collect(),
            })?;
            let v = a.kind.read(value).ok_or_else(|| AttrError::BadValue {
                name: name.to_owned(),
                kind: a.kind,
                value: value.to_owned(),
            })?;
            out.insert(name.to_owned(), v);
        }
        if let Some(a) = self.attributes.iter().find(|a| !out.contains_key(&a.name)) {
            return Err(AttrError::Missing {
                name: a.name.clone(),
            });
        }
        Ok(out)
    }
}
