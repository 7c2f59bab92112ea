//! Links between items: each item's `after` list, then the rules on the links as a whole (they
//! run forward through the stages and never go round in a circle).

use super::Ids;
use super::clocks::{self, What};
use super::common::{days_problem, unknown_help};
use super::context::{At, Ctx, Place, entry};
use permitflow_i18n::{message, tr};

use crate::clock::DayUnit;
use crate::diag::{Code, clip, subject};
use crate::format::after::{ParsedAfter, parse_after};
use crate::format::file::{FileAfter, FileItem, FileLinkSpec};
use crate::network::find_cycle;
use crate::scenario::{Link, LinkKind};
use crate::units::{ItemId, WorkingDays};

/// The positions of a link's two items among the file's items (for a repeated id, the last
/// item with it, as [`Ids::items`] gives): worked out once when the link is read, so the rules
/// on the links as a whole look up no ids.
pub(super) type LinkEnds = (usize, usize);

/// Reads the predecessors of `it` into `links` (and their ends into `ends`), leaving out each
/// one with a problem. `this_at` is where [`Ids::items`] puts `it`'s id.
pub(super) fn read_after(
    cx: &mut Ctx<'_>,
    place: &Place,
    it: &FileItem,
    ids: &Ids<'_>,
    (item_ids, this, this_at): (&[ItemId], usize, usize),
    (links, ends): (&mut Vec<Link>, &mut Vec<LinkEnds>),
) {
    for a in &it.after {
        // The common case, the bare id of an item: what `parse_after` and the lookup below
        // give (finish-to-start, no lag, nothing else to check), with one lookup and no copy.
        if let FileAfter::Text(t) = a
            && let t = t.trim()
            && !t.is_empty()
            && !t.contains(':')
            && let Some(&from_at) = ids.items.get(t)
        {
            if check_not_after_itself(cx, place, t, &it.id) {
                ends.push((from_at, this_at));
                links.push(Link {
                    from: item_ids[from_at].clone(),
                    to: item_ids[this].clone(),
                    kind: LinkKind::FinishToStart,
                    lag: WorkingDays::new(0.0),
                    max_lag: None,
                    lag_unit: DayUnit::Working,
                });
            }
            continue;
        }
        let Some((parsed, max_lag)) = check_predecessor_syntax(cx, place, a, ids) else {
            continue;
        };
        let Some(from_at) = check_predecessor_exists(cx, place, &parsed.id, ids) else {
            continue;
        };
        if !check_not_after_itself(cx, place, &parsed.id, &it.id) {
            continue;
        }
        let lags_ok = check_lags(cx, place, &parsed, max_lag);
        let order_ok = check_max_lag_order(cx, place, &parsed, max_lag);
        let whole_ok = check_calendar_lags_whole(cx, place, &parsed, max_lag);
        if lags_ok && order_ok && whole_ok {
            ends.push((from_at, this_at));
            links.push(Link {
                from: item_ids[from_at].clone(),
                to: item_ids[this].clone(),
                kind: parsed.kind,
                lag: WorkingDays::new(parsed.lag),
                max_lag: max_lag.map(WorkingDays::new),
                lag_unit: parsed.unit,
            });
        }
    }
}

/// Rule: a predecessor is written in the `after` syntax or as a table with a known link type.
/// Gives it, with its maximum lag, when it is.
fn check_predecessor_syntax(
    cx: &mut Ctx<'_>,
    place: &Place,
    after: &FileAfter,
    ids: &Ids<'_>,
) -> Option<(ParsedAfter, Option<f64>)> {
    match after {
        FileAfter::Text(t) => match parse_after(t, &|id| ids.items.contains_key(id)) {
            Ok(p) => Some((p, None)),
            Err(msg) => {
                cx.report(
                    place,
                    Code::BadLink,
                    At::Str(t),
                    tr!("diag-bad-predecessor", text = t.as_str(), problem = msg),
                    &tr!("diag-bad-predecessor.help"),
                );
                None
            }
        },
        FileAfter::Link(l) => Some((check_link_type(cx, place, l)?, l.max_lag)),
    }
}

fn check_link_type(cx: &mut Ctx<'_>, place: &Place, l: &FileLinkSpec) -> Option<ParsedAfter> {
    let kind = match &l.kind {
        None => LinkKind::FinishToStart,
        Some(k) => match LinkKind::parse(k) {
            Some(k) => k,
            None => {
                cx.report(
                    place,
                    Code::BadLink,
                    At::Str(k),
                    tr!("diag-unknown-link-type", kind = k.as_str()),
                    &tr!("diag-unknown-link-type.help"),
                );
                return None;
            }
        },
    };
    let unit = match &l.unit {
        None => DayUnit::Working,
        Some(u) => clocks::check_unit(cx, place, At::Str(u), u)?,
    };
    Some(ParsedAfter {
        id: l.item.clone(),
        kind,
        lag: l.lag.unwrap_or(0.0),
        unit,
    })
}

/// Rule: lags in calendar days (`+3cd`, `unit = "calendar"`) are whole days.
fn check_calendar_lags_whole(
    cx: &mut Ctx<'_>,
    place: &Place,
    parsed: &ParsedAfter,
    max_lag: Option<f64>,
) -> bool {
    if parsed.unit != DayUnit::Calendar {
        return true;
    }
    let at = || At::Str(&parsed.id);
    let lag_ok = clocks::check_whole(cx, place, at(), What::Lag, parsed.lag);
    let max_ok = max_lag.is_none_or(|m| clocks::check_whole(cx, place, at(), What::MaxLag, m));
    lag_ok && max_ok
}

/// Rule: a predecessor is an item of the scenario. Gives its position when it is.
fn check_predecessor_exists(
    cx: &mut Ctx<'_>,
    place: &Place,
    id: &str,
    ids: &Ids<'_>,
) -> Option<usize> {
    if let Some(&k) = ids.items.get(id) {
        return Some(k);
    }
    let help = unknown_help("item", id, ids.item_names());
    cx.report(
        place,
        Code::UnknownId,
        At::Str(id),
        tr!("diag-unknown-predecessor", id = clip(id).into_owned()),
        &help,
    );
    None
}

/// Rule: an item does not come after itself.
fn check_not_after_itself(cx: &mut Ctx<'_>, place: &Place, from: &str, to: &str) -> bool {
    if from != to {
        return true;
    }
    cx.report(
        place,
        Code::BadLink,
        At::Str(from),
        tr!("diag-after-itself", id = to),
        &tr!("diag-after-itself.help"),
    );
    false
}

/// Rule: a lag and a maximum lag are working-day numbers (negative allowed).
fn check_lags(cx: &mut Ctx<'_>, place: &Place, parsed: &ParsedAfter, max_lag: Option<f64>) -> bool {
    let mut ok = true;
    for (what, v) in [
        ("diag-days-what.lag", Some(parsed.lag)),
        ("diag-days-what.max-lag", max_lag),
    ] {
        if let Some(v) = v
            && let Some(p) = days_problem(v, true)
        {
            ok = false;
            cx.report(
                place,
                Code::BadDays,
                At::Str(&parsed.id),
                tr!(
                    "diag-bad-lag",
                    what = message(what, &[]),
                    value = v.to_string(),
                    id = parsed.id.as_str(),
                    problem = p
                ),
                &tr!("diag-bad-lag.help"),
            );
        }
    }
    ok
}

/// Rule: a maximum lag is at least the lag.
fn check_max_lag_order(
    cx: &mut Ctx<'_>,
    place: &Place,
    parsed: &ParsedAfter,
    max_lag: Option<f64>,
) -> bool {
    match max_lag {
        Some(m) if m < parsed.lag => {
            cx.report(
                place,
                Code::BadLink,
                At::Str(&parsed.id),
                tr!(
                    "diag-max-lag-below-lag",
                    max_lag = m.to_string(),
                    id = parsed.id.as_str(),
                    lag = parsed.lag.to_string()
                ),
                &tr!("diag-max-lag-below-lag.help"),
            );
            false
        }
        _ => true,
    }
}

/// Rule: stages run in order, so a link from a later stage back to an earlier one cannot hold
/// once the earlier stage's delivery closes it.
/// `stage_of` is each item's stage's position, as [`super::items::read`] found it (looked up
/// once per item, not once per link end).
pub(super) fn check_stage_order(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    stage_of: &[Option<usize>],
    links: &[Link],
    ends: &[LinkEnds],
) {
    for (l, &(a, b)) in links.iter().zip(ends) {
        if let (Some(sa), Some(sb)) = (stage_of[a], stage_of[b])
            && sa > sb
        {
            cx.push(
                Code::BadLink,
                entry(&cx.items, b),
                At::Str(l.from.as_str()),
                Some(subject("item", l.to.as_str())),
                tr!(
                    "diag-back-across-stages",
                    to = l.to.as_str(),
                    from = l.from.as_str(),
                    to_stage = raw[b].stage.as_str(),
                    from_stage = raw[a].stage.as_str()
                ),
                &tr!("diag-back-across-stages.help"),
            );
        }
    }
}

/// Rule: links do not go round in a circle; the cycle is named. Checked only when every
/// reference is known, so a misspelt id is not reported as a cycle too.
pub(super) fn check_no_cycle(cx: &mut Ctx<'_>, raw: &[FileItem], ends: &[LinkEnds]) {
    if cx.has(Code::UnknownId) {
        return;
    }
    if let Some(cycle) = find_cycle(raw.len(), ends) {
        let names: Vec<&str> = cycle.iter().map(|&i| raw[i].id.as_str()).collect();
        let first = cycle[0];
        let path = names
            .iter()
            .chain(names.first())
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" → ");
        cx.push(
            Code::Cycle,
            entry(&cx.items, first),
            At::Key("after"),
            Some(subject("item", &raw[first].id)),
            tr!("diag-cycle", path = path),
            &tr!("diag-cycle.help"),
        );
    }
}
