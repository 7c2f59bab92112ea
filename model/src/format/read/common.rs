//! Rules that several parts of a file share (ids, costs, floors, spreads, working-day numbers)
//! and the "did you mean" help for unknown ids.

use std::ops::Range;

use super::context::{At, Ctx, Place};
use permitflow_i18n::{message, tr};

use crate::diag::{Code, a_noun, clip, noun, subject};
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
            tr!("diag-empty-id", a_kind = a_noun(what)),
            &tr!("diag-empty-id.help", example = "fire_design"),
        );
    } else if let Some(c) = bad_id_char(id) {
        cx.push(
            Code::BadId,
            e,
            At::Str(id),
            Some(subject(what, id)),
            tr!(
                "diag-bad-id",
                kind = noun(what),
                id = id,
                char = c.to_string()
            ),
            &tr!("diag-bad-id.help"),
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
            Some(subject(kind, id)),
            tr!(
                "diag-duplicate",
                kind = noun(kind),
                word = noun(word),
                id = id
            ),
            &tr!("diag-duplicate.help", kind = noun(kind), word = noun(word)),
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
            tr!("diag-bad-cost", cost = c.to_string()),
            &tr!("diag-bad-cost.help"),
        );
    }
}

/// Rule: a floor is a working-day number no higher than the limit it lowers (`limit_name`, with
/// who commits to it).
pub(super) fn check_floor(
    cx: &mut Ctx<'_>,
    place: &Place,
    floor: f64,
    limit: Option<f64>,
    limit_name: Limit,
) {
    if let Some(p) = days_problem(floor, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Value("floor"),
            tr!("diag-bad-floor", floor = floor.to_string(), problem = p),
            &tr!("diag-bad-floor.help"),
        );
    } else if let Some(l) = limit
        && floor > l
    {
        cx.report(
            place,
            Code::BadValue,
            At::Value("floor"),
            tr!(
                "diag-floor-above-limit",
                floor = floor.to_string(),
                limit_name = limit_name.name(),
                limit = l.to_string()
            ),
            &tr!(
                "diag-floor-above-limit.help",
                committer = limit_name.committer()
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
                &tr!("diag-bad-spread.help"),
            );
            None
        }
    }
}

fn convert_spread(s: &FileSpread) -> Result<Distribution, String> {
    let num = |name: &str, v: Option<f64>| -> Result<WorkingDays, String> {
        match v {
            Some(v) if v.is_finite() && v >= 0.0 => Ok(WorkingDays::new(v)),
            Some(v) => Err(tr!(
                "diag-spread-negative",
                name = name,
                value = v.to_string()
            )),
            None => Err(tr!(
                "diag-spread-missing",
                dist = s.dist.as_str(),
                name = name
            )),
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
                return Err(tr!(
                    "diag-spread-order3",
                    min = min.to_string(),
                    likely = likely.to_string(),
                    max = max.to_string()
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
                return Err(tr!(
                    "diag-spread-order2",
                    min = min.to_string(),
                    max = max.to_string()
                ));
            }
            Distribution::Uniform { min, max }
        }
        other => return Err(tr!("diag-spread-unknown", dist = other)),
    };
    Ok(d)
}

/// What is wrong with a working-day number, if anything, in the current language ("is
/// negative"): it must be finite, a multiple of half a day, at most [`MAX_DAYS`] in size and,
/// unless `negative_ok`, ≥ 0.
pub(super) fn days_problem(v: f64, negative_ok: bool) -> Option<String> {
    let key = if !v.is_finite() {
        "diag-days-not-number"
    } else if v.abs() > MAX_DAYS {
        "diag-days-too-large"
    } else if !negative_ok && v < 0.0 {
        "diag-days-negative"
    } else if !WorkingDays::new(v).is_half_step() {
        "diag-days-not-half-step"
    } else {
        return None;
    };
    Some(message(key, &[]))
}

/// A limit a floor lowers, and who commits to it.
#[derive(Clone, Copy)]
pub(super) enum Limit {
    /// An item's time limit, committed to by its department.
    Item,
    /// A joint group's limit, committed to by the joint event.
    Joint,
}

impl Limit {
    fn name(self) -> String {
        match self {
            Self::Item => tr!("diag-limit-item"),
            Self::Joint => tr!("diag-limit-joint"),
        }
    }

    fn committer(self) -> String {
        match self {
            Self::Item => tr!("diag-limit-item.committer"),
            Self::Joint => tr!("diag-limit-joint.committer"),
        }
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

/// How many comparisons "did you mean" has left on this thread, to put back with
/// [`restore_suggestions`] when a reading is thrown away and done again.
pub(super) fn suggestions_left() -> usize {
    SUGGESTIONS_LEFT.with(|c| c.get())
}

/// Puts back the comparisons [`suggestions_left`] gave.
pub(super) fn restore_suggestions(left: usize) {
    SUGGESTIONS_LEFT.with(|c| c.set(left));
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
    let left = SUGGESTIONS_LEFT.with(|c| c.get());
    // Ids longer than a line are not typos of another: no suggestion is searched for them.
    let suggestion = if known.len() <= left && word.len() <= 200 {
        SUGGESTIONS_LEFT.with(|c| c.set(left - known.len()));
        closest(word, known.iter().copied())
    } else {
        None
    };
    match suggestion {
        Some(c) => tr!(
            "diag-did-you-mean",
            id = clip(c).into_owned(),
            a_kind = a_noun(kind)
        ),
        None if unique.len() <= 8 => tr!(
            "diag-use-one-of",
            kind = noun(kind),
            ids = unique
                .iter()
                .map(|k| format!("`{}`", clip(k)))
                .collect::<Vec<_>>()
                .join(&tr!("diag-list-separator"))
        ),
        None => tr!("diag-use-existing", kind = noun(kind)),
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
