//! Resolution: a scenario and its attribute values → the scenario without the items and links
//! whose `when` is false.
//!
//! A dropped item takes 0 days: each predecessor link `p → x` (kind K1, lag l1) and successor
//! link `x → s` (K2, l2) become one link `p → s` from K1's end of `p` to K2's end of `s` with lag
//! `l1 + l2` — exactly the constraint the two links made through an item of zero duration
//! (its start and finish are one moment). FS then FS is FS with `l1 + l2`, SS then FS is SF, and
//! so on. A maximum lag is kept (`m1 + m2`) only when both links have one. Two bridges between
//! the same ends keep the tighter bound (the larger lag, the smaller maximum). When the two
//! lags count different days (working and calendar), the bridge counts working days.
//!
//! Cost: dropped items are bridged one at a time in topological order, so a chain of dropped
//! items is linear; an item with `a` predecessors and `b` successors makes `a·b` links (the
//! constraints really are that many), merged per pair of ends. The whole is
//! O(items + links + Σ a·b over dropped items).

use std::collections::BTreeMap;

use permitflow_i18n::tr;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Value;
use crate::clock::DayUnit;
use crate::scenario::{Draft, Link, LinkKind, Measure};
use crate::units::{ItemId, WorkingDays};

/// A resolved scenario: the flow for one project, and what changed.
#[derive(Clone, Debug)]
pub struct Resolution {
    /// The flow without the items and links whose condition is false; its attributes' defaults
    /// are the values used, its conditions gone.
    pub draft: Draft,
    /// The items left out, in file order.
    pub dropped: Vec<ItemId>,
    /// What was removed beyond items and links (a milestone at a dropped item, a group left with
    /// one member, a measure with nothing left to act on), one sentence each.
    pub warnings: Vec<String>,
}

/// The scenario for these attribute values (every attribute given, as [`super::Rules::values`]
/// makes them).
pub fn resolve(draft: &Draft, values: &BTreeMap<String, Value>) -> Resolution {
    let value = |n: &str| values.get(n).cloned();
    let holds = |c: Option<&super::Condition>| c.is_none_or(|c| c.expr.eval(&value));
    let dropped_set: FxHashSet<&ItemId> = draft
        .items
        .iter()
        .filter(|i| !holds(draft.rules.items.get(&i.id)))
        .map(|i| &i.id)
        .collect();
    let links: Vec<&Link> = draft
        .links
        .iter()
        .filter(|l| holds(draft.rules.links.get(&(l.from.clone(), l.to.clone()))))
        .collect();
    let mut warnings = Vec::new();
    let mut out = draft.clone();
    out.links = bridge(&draft.items, &links, &dropped_set, &mut warnings);
    let dropped: Vec<ItemId> = draft
        .items
        .iter()
        .filter(|i| dropped_set.contains(&i.id))
        .map(|i| i.id.clone())
        .collect();
    out.items.retain(|i| !dropped_set.contains(&i.id));
    // A measure whose condition is false is not declared: regimes run without it.
    let mut off: Vec<_> = draft
        .measures
        .iter()
        .filter(|m| !holds(draft.rules.measures.get(&m.id)))
        .map(|m| m.id.clone())
        .collect();
    // A regional assessment does nothing for a project outside the assessed area: left out of
    // the regimes, with a note saying why.
    let outside = !matches!(
        values.get(crate::scenario::ASSESSED_AREA),
        Some(Value::YesNo(true))
    );
    for m in &draft.measures {
        if outside
            && matches!(m.measure, Measure::RegionalAssessment { .. })
            && !off.contains(&m.id)
        {
            warnings.push(tr!(
                "model-rules-regional-outside",
                measure = m.id.as_str(),
                name = crate::scenario::ASSESSED_AREA
            ));
            off.push(m.id.clone());
        }
    }
    out.measures.retain(|m| !off.contains(&m.id));
    for r in &mut out.regimes {
        r.measures.retain(|m| !off.contains(m));
    }
    prune(&mut out, &dropped_set, &mut warnings);
    out.rules.items.clear();
    out.rules.links.clear();
    out.rules.measures.clear();
    for a in &mut out.rules.attributes {
        a.default = values.get(&a.name).cloned();
    }
    Resolution {
        draft: out,
        dropped,
        warnings,
    }
}

/// `draft` without `items`, each bridged as an item whose `when` is false (its predecessors
/// linked to its successors with the tighter lag) and taken out of groups, measures and
/// milestones. What a regional assessment does to a project in the assessed area. Returns the
/// notes [`resolve`] would give.
pub fn drop_items(draft: &Draft, items: &[ItemId]) -> (Draft, Vec<String>) {
    let dropped_set: FxHashSet<&ItemId> = items.iter().collect();
    let links: Vec<&Link> = draft.links.iter().collect();
    let mut warnings = Vec::new();
    let mut out = draft.clone();
    out.links = bridge(&draft.items, &links, &dropped_set, &mut warnings);
    out.items.retain(|i| !dropped_set.contains(&i.id));
    prune(&mut out, &dropped_set, &mut warnings);
    (out, warnings)
}

/// The end of `from` a link kind starts at, and the end of `to` it ends at: `true` for finish.
fn ends(k: LinkKind) -> (bool, bool) {
    match k {
        LinkKind::FinishToStart => (true, false),
        LinkKind::StartToStart => (false, false),
        LinkKind::FinishToFinish => (true, true),
        LinkKind::StartToFinish => (false, true),
    }
}

fn kind_of(from_finish: bool, to_finish: bool) -> LinkKind {
    match (from_finish, to_finish) {
        (true, false) => LinkKind::FinishToStart,
        (false, false) => LinkKind::StartToStart,
        (true, true) => LinkKind::FinishToFinish,
        (false, true) => LinkKind::StartToFinish,
    }
}

/// `p → x` then `x → s` through an item of zero duration.
fn combine(a: &Link, b: &Link) -> Link {
    let kind = kind_of(ends(a.kind).0, ends(b.kind).1);
    let lag_unit = if a.lag_unit == b.lag_unit {
        a.lag_unit
    } else {
        DayUnit::Working
    };
    Link {
        from: a.from.clone(),
        to: b.to.clone(),
        kind,
        lag: WorkingDays::new(a.lag.get() + b.lag.get()),
        max_lag: a
            .max_lag
            .zip(b.max_lag)
            .map(|(x, y)| WorkingDays::new(x.get() + y.get())),
        lag_unit,
    }
}

type Key = (ItemId, ItemId, LinkKind, DayUnit);

fn key(l: &Link) -> Key {
    (l.from.clone(), l.to.clone(), l.kind, l.lag_unit)
}

/// `into` holds at most one link per pair of ends: the tighter bounds of both.
fn merge(into: &mut Link, l: &Link) {
    if l.lag.get() > into.lag.get() {
        into.lag = l.lag;
    }
    into.max_lag = match (into.max_lag, l.max_lag) {
        (Some(a), Some(b)) => Some(if b.get() < a.get() { b } else { a }),
        (a, b) => a.or(b),
    };
}

/// The links among the kept items: those between kept items, and the bridges through the
/// dropped ones.
fn bridge(
    items: &[crate::scenario::Item],
    links: &[&Link],
    dropped: &FxHashSet<&ItemId>,
    warnings: &mut Vec<String>,
) -> Vec<Link> {
    let mut kept: Vec<Link> = Vec::with_capacity(links.len());
    if dropped.is_empty() {
        kept.extend(links.iter().map(|l| (*l).clone()));
        return kept;
    }
    let index: FxHashMap<&ItemId, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (&it.id, i))
        .collect();
    let n = items.len();
    let mut outs: Vec<Vec<&Link>> = vec![Vec::new(); n];
    // Links into a dropped item from kept items, merged per pair of ends.
    let mut into: Vec<Vec<Link>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for l in links {
        let (Some(&f), Some(&t)) = (index.get(&l.from), index.get(&l.to)) else {
            continue;
        };
        indegree[t] += 1;
        outs[f].push(l);
        match (dropped.contains(&l.from), dropped.contains(&l.to)) {
            (false, false) => kept.push((*l).clone()),
            (false, true) => into[t].push((*l).clone()),
            _ => {}
        }
    }
    // Kahn's order: a dropped item is bridged after every dropped item before it.
    let mut queue: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut head = 0;
    let mut bridges: FxHashMap<Key, Link> = FxHashMap::default();
    let mut order: Vec<Key> = Vec::new();
    let mut mixed = false;
    while head < queue.len() {
        let x = queue[head];
        head += 1;
        let is_dropped = dropped.contains(&items[x].id);
        let ins = if is_dropped {
            std::mem::take(&mut into[x])
        } else {
            Vec::new()
        };
        for out in &outs[x] {
            let t = index[&out.to];
            if is_dropped {
                for i in &ins {
                    mixed |= i.lag_unit != out.lag_unit;
                    let b = combine(i, out);
                    if dropped.contains(&b.to) {
                        match into[t].iter_mut().find(|l| key(l) == key(&b)) {
                            Some(l) => merge(l, &b),
                            None => into[t].push(b),
                        }
                    } else {
                        let k = key(&b);
                        match bridges.get_mut(&k) {
                            Some(l) => merge(l, &b),
                            None => {
                                order.push(k.clone());
                                bridges.insert(k, b);
                            }
                        }
                    }
                }
            }
            indegree[t] -= 1;
            if indegree[t] == 0 {
                queue.push(t);
            }
        }
    }
    if mixed {
        warnings.push(tr!("model-rules-bridge-mixed-units"));
    }
    let mut at: FxHashMap<Key, usize> = FxHashMap::default();
    for (i, l) in kept.iter().enumerate() {
        at.entry(key(l)).or_insert(i);
    }
    for k in order {
        let b = &bridges[&k];
        match at.get(&k) {
            Some(&i) => merge(&mut kept[i], b),
            None => kept.push(b.clone()),
        }
    }
    kept
}

/// Takes dropped items out of groups, measures and milestones.
fn prune(d: &mut Draft, dropped: &FxHashSet<&ItemId>, warnings: &mut Vec<String>) {
    let pairs: FxHashSet<(ItemId, ItemId)> = d
        .links
        .iter()
        .map(|l| (l.from.clone(), l.to.clone()))
        .collect();
    for g in &mut d.joint_groups {
        g.items.retain(|i| !dropped.contains(i));
    }
    let dissolved: Vec<_> = d
        .joint_groups
        .iter()
        .filter(|g| g.items.len() < 2)
        .map(|g| g.id.clone())
        .collect();
    for g in &dissolved {
        warnings.push(tr!("model-rules-group-dissolved", group = g.as_str()));
    }
    d.joint_groups.retain(|g| g.items.len() >= 2);
    let mut emptied = Vec::new();
    for m in &mut d.measures {
        let empty = match &mut m.measure {
            Measure::JointReview { groups: Some(gs) } => {
                gs.retain(|g| !dissolved.contains(g));
                gs.is_empty()
            }
            Measure::NotificationCommitment { items, .. } => {
                items.retain(|i| !dropped.contains(i));
                items.is_empty()
            }
            Measure::RegionalAssessment { drop, commit, .. } => {
                drop.retain(|i| !dropped.contains(i));
                commit.retain(|i| !dropped.contains(i));
                drop.is_empty() && commit.is_empty()
            }
            Measure::ToleranceAcceptance { links } => {
                // A link left out by its own condition is gone too.
                links.retain(|l| pairs.contains(&(l.from.clone(), l.to.clone())));
                links.is_empty()
            }
            Measure::TimeLimitCompression { days } => {
                days.retain(|i, _| !dropped.contains(i));
                days.is_empty()
            }
            _ => false,
        };
        if empty {
            warnings.push(tr!("model-rules-measure-emptied", measure = m.id.as_str()));
            emptied.push(m.id.clone());
        }
    }
    d.measures.retain(|m| !emptied.contains(&m.id));
    for r in &mut d.regimes {
        r.measures.retain(|m| !emptied.contains(m));
    }
    d.milestones.retain(|m| {
        let keep = !dropped.contains(&m.item);
        if !keep {
            warnings.push(tr!(
                "model-rules-milestone-dropped",
                milestone = m.id.as_str(),
                item = m.item.as_str()
            ));
        }
        keep
    });
    // A department only dropped items dealt with has no name to give any more.
    let used: FxHashSet<crate::units::Department> = d
        .items
        .iter()
        .map(|i| i.department.clone())
        .chain(d.stages.iter().map(|s| s.lead.clone()))
        .chain(d.joint_groups.iter().filter_map(|g| g.department.clone()))
        .collect();
    d.labels.departments.retain(|k, _| used.contains(k));
}
