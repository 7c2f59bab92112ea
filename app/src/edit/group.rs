//! Whether a set of items can become a joint group, said in words a planner reads.

use permitflow_model::{Draft, ItemId};

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
