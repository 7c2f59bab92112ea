//! Edits of a scenario's project attributes (`[project]`) and of the `when` conditions of its
//! items, links and measures, and of a declared measure's parameters. Conditions are parsed by
//! the model's own parser ([`permitflow_model::rules::expr::parse`]); an edit whose condition
//! does not parse, or that would leave a condition naming no attribute, changes nothing (the
//! front end says why beforehand: [`when_problem`], [`attribute_problem`],
//! [`attribute_users`]).

use permitflow_i18n::tr;
use permitflow_model::rules::{Attribute, Condition, Kind, TypeProblem, Value, expr};
use permitflow_model::{Draft, ItemId, Measure, MeasureId};

/// A change to the attributes, the conditions or a measure's parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum RulesEdit {
    /// The attributes' defaults set to these values ("make these the defaults"); a name the
    /// scenario does not declare, or a value of another type, is skipped.
    Defaults(Vec<(String, Value)>),
    /// A new attribute declared.
    AddAttribute {
        /// Its name (letters, digits and `_`).
        name: String,
        /// Its type.
        kind: Kind,
        /// Its default, if any.
        default: Option<Value>,
    },
    /// An attribute renamed, with every condition that names it.
    RenameAttribute {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// An attribute no condition names removed.
    RemoveAttribute {
        /// Its name.
        name: String,
    },
    /// An item's condition set (`None`: the item always applies).
    ItemWhen {
        /// The item.
        item: ItemId,
        /// The condition as written.
        when: Option<String>,
    },
    /// A link's condition set (`None`: the link always applies).
    LinkWhen {
        /// The link's predecessor.
        from: ItemId,
        /// The link's successor.
        to: ItemId,
        /// The condition as written.
        when: Option<String>,
    },
    /// A declared measure's condition set (`None`: the measure always applies).
    MeasureWhen {
        /// The measure.
        measure: MeasureId,
        /// The condition as written.
        when: Option<String>,
    },
    /// A declared measure's parameters (its kind stays).
    Measure {
        /// The measure.
        id: MeasureId,
        /// What it does now.
        measure: Measure,
    },
}

impl RulesEdit {
    /// Edits of one field in one drag merge into one undo step.
    pub(crate) fn key(&self) -> Option<String> {
        match self {
            Self::Measure { id, .. } => Some(format!("measure-def:{id}")),
            Self::Defaults(_) => Some("defaults".into()),
            _ => None,
        }
    }

    /// What the edit did, for the status line.
    pub fn describe(&self) -> String {
        let cond = |w: &Option<String>| w.clone().unwrap_or_else(|| tr!("app-rules-always"));
        match self {
            Self::Defaults(v) => tr!("app-rules-defaults", n = v.len()),
            Self::AddAttribute { name, .. } => tr!("app-rules-added", name = name.as_str()),
            Self::RenameAttribute { from, to } => {
                tr!("app-rules-renamed", from = from.as_str(), to = to.as_str())
            }
            Self::RemoveAttribute { name } => tr!("app-rules-removed", name = name.as_str()),
            Self::ItemWhen { item, when } => {
                tr!("app-rules-when", what = item.to_string(), when = cond(when))
            }
            Self::LinkWhen { from, to, when } => tr!(
                "app-rules-when",
                what = format!("{from} → {to}"),
                when = cond(when)
            ),
            Self::MeasureWhen { measure, when } => {
                tr!(
                    "app-rules-when",
                    what = measure.to_string(),
                    when = cond(when)
                )
            }
            Self::Measure { id, .. } => tr!("app-rules-measure", measure = id.to_string()),
        }
    }
}

/// Why `text` cannot be a condition of this scenario: the parser's message and the byte range
/// it points at, or an attribute it names that is not declared. `None` when it can.
pub fn when_problem(s: &Draft, text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let e = match expr::parse(text) {
        Ok(e) => e,
        Err(e) => return Some((e.message, e.at)),
    };
    let kind = |n: &str| s.rules.attribute(n).map(|a| a.kind);
    e.check(&kind).into_iter().next().map(|p| match p {
        TypeProblem::Unknown { name, at } => (tr!("app-rules-unknown", name = name.as_str()), at),
        TypeProblem::Mismatch { at, message } => (message, at),
    })
}

/// Why an attribute cannot be called `name` (empty, not letters, digits and `_`, taken).
pub fn attribute_problem(s: &Draft, name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if !ok {
        return Some(tr!("app-rules-bad-name", name = name));
    }
    if matches!(name, "and" | "or" | "not" | "yes" | "no") {
        return Some(tr!("app-rules-bad-name", name = name));
    }
    s.rules
        .attribute(name)
        .map(|_| tr!("app-rules-taken", name = name))
}

/// The items, links and measures whose condition names the attribute `name`, as people read
/// them (`civil_air_defence`, `a → b`, measure `m`).
pub fn attribute_users(s: &Draft, name: &str) -> Vec<String> {
    let uses = |c: &Condition| c.expr.names().iter().any(|(n, _)| *n == name);
    let mut out: Vec<String> = s
        .rules
        .items
        .iter()
        .filter(|(_, c)| uses(c))
        .map(|(i, _)| i.to_string())
        .collect();
    out.extend(
        s.rules
            .links
            .iter()
            .filter(|(_, c)| uses(c))
            .map(|((a, b), _)| format!("{a} → {b}")),
    );
    out.extend(
        s.rules
            .measures
            .iter()
            .filter(|(_, c)| uses(c))
            .map(|(m, _)| m.to_string()),
    );
    out
}

/// `text` parsed into a condition naming declared attributes only.
fn condition(s: &Draft, text: &str) -> Option<Condition> {
    if when_problem(s, text).is_some() {
        return None;
    }
    expr::parse(text).ok().map(|expr| Condition {
        text: text.to_owned(),
        expr,
    })
}

/// `c` with every use of the attribute `from` named `to`: the ranges the model's checker gives
/// for a name it does not know are replaced, last first.
fn renamed(c: &Condition, from: &str, to: &str) -> Condition {
    let kind = |n: &str| (n != from).then_some(Kind::Number);
    let mut at: Vec<_> = c
        .expr
        .check(&kind)
        .into_iter()
        .filter_map(|p| match p {
            TypeProblem::Unknown { name, at } if name == from => Some(at),
            _ => None,
        })
        .collect();
    at.sort_by_key(|r| std::cmp::Reverse(r.start));
    let mut text = c.text.clone();
    for r in at {
        text.replace_range(r, to);
    }
    match expr::parse(&text) {
        Ok(expr) => Condition { text, expr },
        Err(_) => c.clone(),
    }
}

/// Applies a rules edit; one that cannot apply changes nothing.
pub(super) fn apply(s: &mut Draft, e: &RulesEdit) {
    match e {
        RulesEdit::Defaults(values) => {
            for (n, v) in values {
                if let Some(a) = s.rules.attributes.iter_mut().find(|a| &a.name == n)
                    && a.kind == v.kind()
                {
                    a.default = Some(v.clone());
                }
            }
        }
        RulesEdit::AddAttribute {
            name,
            kind,
            default,
        } => {
            let fits = default.as_ref().is_none_or(|v| v.kind() == *kind);
            if fits && attribute_problem(s, name).is_none() {
                s.rules.attributes.push(Attribute {
                    name: name.clone(),
                    kind: *kind,
                    default: default.clone(),
                    unit: None,
                    label_zh: None,
                    label_en: None,
                });
            }
        }
        RulesEdit::RenameAttribute { from, to } => {
            if s.rules.attribute(from).is_none() || attribute_problem(s, to).is_some() {
                return;
            }
            let r = &mut s.rules;
            for a in &mut r.attributes {
                if &a.name == from {
                    a.name = to.clone();
                }
            }
            for c in r.items.values_mut() {
                *c = renamed(c, from, to);
            }
            for c in r.links.values_mut() {
                *c = renamed(c, from, to);
            }
            for c in r.measures.values_mut() {
                *c = renamed(c, from, to);
            }
        }
        RulesEdit::RemoveAttribute { name } => {
            if attribute_users(s, name).is_empty() {
                s.rules.attributes.retain(|a| &a.name != name);
            }
        }
        RulesEdit::ItemWhen { item, when } => {
            if s.item(item).is_none() {
                return;
            }
            match when {
                None => {
                    s.rules.items.remove(item);
                }
                Some(t) => {
                    if let Some(c) = condition(s, t) {
                        s.rules.items.insert(item.clone(), c);
                    }
                }
            }
        }
        RulesEdit::LinkWhen { from, to, when } => {
            if !s.links.iter().any(|l| &l.from == from && &l.to == to) {
                return;
            }
            let key = (from.clone(), to.clone());
            match when {
                None => {
                    s.rules.links.remove(&key);
                }
                Some(t) => {
                    if let Some(c) = condition(s, t) {
                        s.rules.links.insert(key, c);
                    }
                }
            }
        }
        RulesEdit::MeasureWhen { measure, when } => {
            if !s.measures.iter().any(|m| &m.id == measure) {
                return;
            }
            match when {
                None => {
                    s.rules.measures.remove(measure);
                }
                Some(t) => {
                    if let Some(c) = condition(s, t) {
                        s.rules.measures.insert(measure.clone(), c);
                    }
                }
            }
        }
        RulesEdit::Measure { id, measure } => {
            if let Some(m) = s.measures.iter_mut().find(|m| &m.id == id)
                && m.measure.kind_name() == measure.kind_name()
            {
                m.measure = measure.clone();
            }
        }
    }
}

/// After a structural edit: an item's conditions follow its rename (the item's own and those
/// of its links), and the conditions of items, links and measures that are gone are dropped
/// (a link or item added later under the same ids does not inherit them).
pub(super) fn follow(s: &mut Draft, edit: &crate::edit::Author) {
    if let crate::edit::Author::RenameItem { item, to } = edit
        && s.item(item).is_none()
        && s.item(to).is_some()
    {
        let r = &mut s.rules;
        if let Some(c) = r.items.remove(item) {
            r.items.insert(to.clone(), c);
        }
        let keys: Vec<_> = r
            .links
            .keys()
            .filter(|(a, b)| a == item || b == item)
            .cloned()
            .collect();
        for (a, b) in keys {
            if let Some(c) = r.links.remove(&(a.clone(), b.clone())) {
                let swap = |x: ItemId| if &x == item { to.clone() } else { x };
                r.links.insert((swap(a), swap(b)), c);
            }
        }
    }
    forget_gone(s);
}

/// Drops the conditions of items, links and measures the scenario no longer has.
pub(super) fn forget_gone(s: &mut Draft) {
    let items: std::collections::HashSet<&ItemId> = s.items.iter().map(|i| &i.id).collect();
    let links: std::collections::HashSet<(&ItemId, &ItemId)> =
        s.links.iter().map(|l| (&l.from, &l.to)).collect();
    let measures: std::collections::HashSet<&MeasureId> =
        s.measures.iter().map(|m| &m.id).collect();
    s.rules.items.retain(|i, _| items.contains(i));
    s.rules.links.retain(|(a, b), _| links.contains(&(a, b)));
    s.rules.measures.retain(|m, _| measures.contains(m));
}
