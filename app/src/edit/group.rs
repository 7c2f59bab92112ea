//! Whether a set of items can become a joint group, said in words a planner reads.

use permitflow_i18n::tr;
use permitflow_model::{Draft, GroupId, ItemId, Measure};

/// Characters an id may not contain (the model's rule: spaces and `; : , + =` and quotes).
fn bad_id_char(id: &str) -> Option<char> {
    id.chars()
        .find(|c| c.is_whitespace() || ";:,+=\"'".contains(*c))
}

/// Why `items` cannot become the joint group `id` of `s`, in words a planner reads; `None`
/// when they can.
///
/// Validation stays the authority (it reports groups that span stages, bad limits, …); this
/// also catches what it cannot see once the group is in a scenario: membership is written on
/// each item, so an item already in a group, or a second group of the same id, would silently
/// merge; and a non-member between two members (`a → x → b`) becomes a circle once `a` and `b`
/// are one event.
pub fn group_problem(s: &Draft, id: &str, items: &[ItemId]) -> Option<String> {
    let id = id.trim();
    if id.is_empty() {
        return Some("type an id for the group".into());
    }
    if let Some(c) = bad_id_char(id) {
        return Some(format!(
            "the id `{id}` contains `{c}`: use letters, digits, _ or -"
        ));
    }
    if s.joint_groups.iter().any(|g| g.id.as_str() == id) {
        return Some(format!("a joint group `{id}` exists already"));
    }
    if s.items.iter().any(|i| i.id.as_str() == id) {
        return Some(format!("`{id}` is an item's id: give the group its own id"));
    }
    if items.len() < 2 {
        return Some("pick two or more items of one stage".into());
    }
    let mut stage = None;
    for item in items {
        let Some(it) = s.item(item) else {
            return Some(format!("there is no item `{item}`"));
        };
        if let Some(g) = s.joint_groups.iter().find(|g| g.items.contains(item)) {
            return Some(format!(
                "`{item}` is in joint group `{}` already: an item belongs to one joint group",
                g.id
            ));
        }
        match stage {
            None => stage = Some((item, &it.stage)),
            Some((first, st)) if st != &it.stage => {
                return Some(format!(
                    "`{first}` is in stage `{st}`, `{item}` in `{}`: a joint event happens within one stage",
                    it.stage
                ));
            }
            Some(_) => {}
        }
    }
    // A non-member reached from a member that leads to a member again.
    let n = s.items.len();
    let index = |id: &ItemId| s.items.iter().position(|i| &i.id == id);
    let member: Vec<bool> = s.items.iter().map(|i| items.contains(&i.id)).collect();
    let edges: Vec<(usize, usize)> = s
        .links
        .iter()
        .filter_map(|l| Some((index(&l.from)?, index(&l.to)?)))
        .collect();
    let reach = |forward: bool| {
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = (0..n).filter(|&i| member[i]).collect();
        while let Some(v) = stack.pop() {
            for &(a, b) in &edges {
                let (x, y) = if forward { (a, b) } else { (b, a) };
                if x == v && !seen[y] {
                    seen[y] = true;
                    stack.push(y);
                }
            }
        }
        seen
    };
    let (after, before) = (reach(true), reach(false));
    if let Some(k) = (0..n).find(|&k| !member[k] && after[k] && before[k]) {
        return Some(format!(
            "`{}` comes after one of these items and before another: merged into one event they would go round in a circle; add it to the group or pick other items",
            s.items[k].id
        ));
    }
    None
}

/// Adds `item` to (`on`) or takes it out of `group`; see [`super::Author::GroupMember`].
pub(crate) fn group_member(s: &mut Draft, group: &GroupId, item: &ItemId, on: bool) {
    if on {
        let elsewhere = s.joint_groups.iter().any(|g| g.items.contains(item));
        if elsewhere || s.item(item).is_none() {
            return;
        }
        // Members in the scenario's item order, as validation lists them.
        let order: Vec<ItemId> = s.items.iter().map(|i| i.id.clone()).collect();
        if let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) {
            g.items.push(item.clone());
            g.items
                .sort_by_key(|i| order.iter().position(|o| o == i).unwrap_or(usize::MAX));
        }
        return;
    }
    let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) else {
        return;
    };
    g.items.retain(|i| i != item);
    if g.items.len() < 2 {
        super::apply(
            s,
            &super::Edit::RemoveGroup {
                group: group.clone(),
            },
        );
    }
}

/// What removing joint group `group` takes with it, one line each: the measures that name it
/// (a measure left naming no group is removed, and the regimes that apply it stop applying it).
pub fn group_removal_effects(s: &Draft, group: &GroupId) -> Vec<String> {
    let mut out = Vec::new();
    for m in &s.measures {
        let Measure::JointReview { groups: Some(gs) } = &m.measure else {
            continue;
        };
        if !gs.contains(group) {
            continue;
        }
        if gs.len() > 1 {
            out.push(tr!(
                "app-effect-group-measure-names",
                measure = m.id.as_str()
            ));
            continue;
        }
        let regimes: Vec<String> = s
            .regimes
            .iter()
            .filter(|r| r.measures.contains(&m.id))
            .map(|r| s.regime_label(&r.name))
            .collect();
        out.push(if regimes.is_empty() {
            tr!("app-effect-group-measure-removed", measure = m.id.as_str())
        } else {
            tr!(
                "app-effect-group-measure-removed-regimes",
                measure = m.id.as_str(),
                regimes = regimes.join(", ")
            )
        });
    }
    out
}
