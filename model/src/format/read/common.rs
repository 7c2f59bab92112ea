//! Rules that several parts of a file share (ids, costs, floors, spreads, working-day numbers)
//! and the "did you mean" help for unknown ids.

use std::ops::Range;

use super::context::{At, Ctx, Place};
use crate::diag::{Code, clip};
use crate::format::MAX_DAYS;
use crate::format::file::FileSpread;
use crate::scenario::Distribution;
use crate::units::WorkingDays;

/// Rule: an id is not empty and holds none of the characters the `after` syntax reserves.
pub(super) fn check_id(cx: &mut Ctx<'_>, e: Option<Range<usize>>, what: &str, id: &str) {
    if id.trim().is_empty() {
        cx.push(
            Code::BadId,
            e,
            At::Entry,
            None,
            format!("a {what} has an empty id"),
            "give it a short id such as `fire_design`",
        );
    } else if let Some(c) = bad_id_char(id) {
        cx.push(
            Code::BadId,
            e,
            At::Str(id),
            Some(format!("{what} `{id}`")),
            format!("the {what} id `{id}` contains `{c}`"),
            "ids may not contain spaces or any of ; : , + = quotes; use letters, digits, _ or -",
        );
    }
}

/// Rule: ids (or names, as `word` says) are unique among the `kind`s. `repeated` says this one
/// was seen before.
pub(super) fn check_unique(
    cx: &mut Ctx<'_>,
    e: Option<Range<usize>>,
    at: At,
    kind: &str,
    word: &str,
    id: &str,
    repeated: bool,
) {
    if repeated {
        cx.push(
            Code::DuplicateId,
            e,
            at,
            Some(format!("{kind} `{id}`")),
            format!("{kind} {word} `{id}` is used twice"),
            &format!("give each {kind} its own {word}"),
        );
    }
}

/// Rule: the cost of cutting a working day is a number from 0 up.
pub(super) fn check_cost(cx: &mut Ctx<'_>, place: &Place, cost: Option<f64>) {
    if let Some(c) = cost
        && !(c.is_finite() && c >= 0.0)
    {
        cx.report(
            place,
            Code::BadValue,
            At::Value("cost"),
            format!("the cost {c} is not a number from 0 up"),
            "give the cost of cutting one working day, 0 or more",
        );
    }
}

/// Rule: a floor is a working-day number no higher than the limit it lowers (`limit_name`, which
/// `committer` commits to).
pub(super) fn check_floor(
    cx: &mut Ctx<'_>,
    place: &Place,
    floor: f64,
    limit: Option<f64>,
    limit_name: &str,
    committer: &str,
) {
    if let Some(p) = days_problem(floor, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Value("floor"),
            format!("the floor {floor} {p}"),
            "write the floor in working days, in steps of 0.5",
        );
    } else if let Some(l) = limit
        && floor > l
    {
        cx.report(
            place,
            Code::BadValue,
            At::Value("floor"),
            format!("the floor {floor} is above the {limit_name} {l}"),
            &format!(
                "a floor is the least limit {committer} can commit to: make it at most the limit"
            ),
        );
    }
}

/// Rule: a spread is a known distribution with its parameters in order. Gives the distribution
/// when it is.
pub(super) fn check_spread(
    cx: &mut Ctx<'_>,
    place: &Place,
    spread: &FileSpread,
) -> Option<Distribution> {
    match convert_spread(spread) {
        Ok(d) => Some(d),
        Err(msg) => {
            cx.report(
                place,
                Code::BadValue,
                At::Key("spread"),
                msg,
                "give dist = \"triangular\" or \"pert\" with min ≤ likely ≤ max, \"uniform\" with min ≤ max, or \"fixed\"",
            );
            None
        }
    }
}

fn convert_spread(s: &FileSpread) -> Result<Distribution, String> {
    let num = |name: &str, v: Option<f64>| -> Result<WorkingDays, String> {
        match v {
            Some(v) if v.is_finite() && v >= 0.0 => Ok(WorkingDays::new(v)),
            Some(v) => Err(format!("spread `{name}` {v} is not a duration from 0 up")),
            None => Err(format!("a {} spread needs `{name}`", s.dist)),
        }
    };
    let d = match s.dist.as_str() {
        "fixed" => Distribution::Fixed(num("likely", s.likely)?),
        "triangular" | "pert" => {
            let (min, likely, max) = (
                num("min", s.min)?,
                num("likely", s.likely)?,
                num("max", s.max)?,
            );
            if !(min <= likely && likely <= max) {
                return Err(format!(
                    "spread needs min ≤ likely ≤ max, got {min}, {likely}, {max}"
                ));
            }
            if s.dist == "pert" {
                Distribution::Pert { min, likely, max }
            } else {
                Distribution::Triangular { min, likely, max }
            }
        }
        "uniform" => {
            let (min, max) = (num("min", s.min)?, num("max", s.max)?);
            if min > max {
                return Err(format!("spread needs min ≤ max, got {min}, {max}"));
            }
            Distribution::Uniform { min, max }
        }
        other => return Err(format!("unknown distribution `{other}`")),
    };
    Ok(d)
}

/// What is wrong with a working-day number, if anything: it must be finite, a multiple of half
/// a day, at most [`MAX_DAYS`] in size and, unless `negative_ok`, ≥ 0.
pub(super) fn days_problem(v: f64, negative_ok: bool) -> Option<&'static str> {
    if !v.is_finite() {
        Some("is not a number")
    } else if v.abs() > MAX_DAYS {
        Some("is beyond 10,000 working days (about 40 years)")
    } else if !negative_ok && v < 0.0 {
        Some("is negative")
    } else if !WorkingDays::new(v).is_half_step() {
        Some("is not a multiple of half a working day")
    } else {
        None
    }
}

/// Characters an id may not contain: they separate predecessors, link types and lags.
fn bad_id_char(id: &str) -> Option<char> {
    id.chars()
        .find(|c| c.is_whitespace() || matches!(c, ';' | ':' | ',' | '"' | '\'' | '+' | '='))
}

/// How many ids "did you mean" compares an unknown id with, over one scenario: the first
/// unknown ids get suggestions, and a file with thousands of them stays linear to read.
const SUGGESTION_BUDGET: usize = 1_000_000;

thread_local! {
    static SUGGESTIONS_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(SUGGESTION_BUDGET) };
}

/// A new scenario is being read: its unknown ids get suggestions again.
pub(super) fn reset_suggestions() {
    SUGGESTIONS_LEFT.with(|c| c.set(SUGGESTION_BUDGET));
}

/// The help for an unknown id of a `kind`: the closest known id, or the known ids when they are
/// few.
pub(super) fn unknown_help(kind: &str, word: &str, known: &[&str]) -> String {
    // Up to nine distinct ids: enough to know whether they are few enough to list.
    let mut unique: Vec<&str> = Vec::new();
    for k in known {
        if !unique.contains(k) {
            unique.push(k);
            if unique.len() > 8 {
                break;
            }
        }
    }
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let left = SUGGESTIONS_LEFT.with(|c| c.get());
    // Ids longer than a line are not typos of another: no suggestion is searched for them.
    let suggestion = if known.len() <= left && word.len() <= 200 {
        SUGGESTIONS_LEFT.with(|c| c.set(left - known.len()));
        closest(word, known.iter().copied())
    } else {
        None
    };
    match suggestion {
        Some(c) => format!(
            "did you mean `{}`? Otherwise add {article} {kind} with this id",
            clip(c)
        ),
        None if unique.len() <= 8 => format!(
            "use one of the {kind} ids: {}",
            unique
                .iter()
                .map(|k| format!("`{}`", clip(k)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => format!("use the id of an existing {kind} or add one"),
    }
}

pub(super) fn closest<'s>(
    word: &str,
    candidates: impl IntoIterator<Item = &'s str>,
) -> Option<&'s str> {
    let n = word.chars().count();
    candidates
        .into_iter()
        // The distance is at least the difference in length: most candidates are skipped
        // without computing it.
        .filter(|c| {
            let m = c.chars().count();
            if m > 200 {
                return false;
            }
            n.abs_diff(m) <= 2.max(m / 3)
        })
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_suggests() {
        assert_eq!(edit_distance("fire_desgn", "fire_design"), 1);
        assert_eq!(
            closest("fire_desgn", ["fire_design", "permit"]),
            Some("fire_design")
        );
        assert_eq!(closest("zzz", ["fire_design", "permit"]), None);
    }
}
