//! Joint groups: defined in `[[joint]]` (optional, for a name, limit, floor, cost or spread),
//! membership written on the items (`joint = "<group id>"`).

use std::collections::{BTreeSet, HashMap};

use super::Ids;
use permitflow_i18n::tr;

use super::common::{
    Limit, check_cost, check_floor, check_id, check_spread, check_unique, days_problem,
};
use super::context::{At, Ctx, Place, entry};
use crate::diag::{Code, subject};
use crate::format::file::{FileItem, FileJoint};
use crate::scenario::JointGroup;
use crate::units::{Department, GroupId, ItemId, Provenance};

/// The joint groups: those defined, in order, then those only named on items.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    raw: &[FileJoint],
    items: &[FileItem],
    ids: &Ids<'_>,
) -> Vec<JointGroup> {
    let mut groups: Vec<JointGroup> = Vec::new();
    // Group id → position (the first, when an id is repeated): one lookup per entry and item.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, g) in raw.iter().enumerate() {
        let place = Place::new(&cx.joint, i, "joint group", &g.id);
        check_id(cx, place.entry.clone(), "joint group", &g.id);
        let repeated = index.contains_key(&g.id);
        check_unique(
            cx,
            place.entry.clone(),
            At::Value("id"),
            "joint group",
            "id",
            &g.id,
            repeated,
        );
        index.entry(g.id.clone()).or_insert(groups.len());
        groups.push(definition(cx, &place, g));
    }
    for it in items {
        if let Some(g) = &it.more().joint {
            match index.get(g.as_str()) {
                Some(&d) => groups[d].items.push(ItemId::new(&it.id)),
                None => {
                    index.insert(g.clone(), groups.len());
                    groups.push(JointGroup {
                        id: GroupId::new(g),
                        name: g.clone(),
                        items: vec![ItemId::new(&it.id)],
                        days: None,
                        department: None,
                        floor: None,
                        cost: None,
                        spread: None,
                        spread_source: Provenance::Unspecified,
                    })
                }
            }
        }
    }
    for (gi, g) in groups.iter().enumerate() {
        let e = if gi < raw.len() {
            entry(&cx.joint, gi)
        } else {
            None
        };
        check_not_an_item_id(cx, e.clone(), g, ids);
        if check_has_items(cx, e, g) {
            check_one_stage(cx, g, items, ids);
        }
    }
    groups
}

/// A `[[joint]]` entry, its values checked; members come from the items.
fn definition(cx: &mut Ctx<'_>, place: &Place, g: &FileJoint) -> JointGroup {
    if let Some(d) = &g.days
        && let Some(p) = days_problem(d.value, false)
    {
        cx.report(
            place,
            Code::BadDays,
            At::Value("days"),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.joint-limit"),
                value = d.value.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help-joint"),
        );
    }
    let group = JointGroup {
        id: GroupId::new(&g.id),
        name: if g.name.is_empty() {
            g.id.clone()
        } else {
            g.name.written().to_owned()
        },
        items: vec![],
        days: g.days.as_ref().map(|d| d.working_days()),
        department: g.department.as_deref().map(Department::new),
        floor: g.floor.as_ref().map(|f| f.working_days()),
        cost: g.cost,
        spread: g.spread.as_ref().and_then(|s| check_spread(cx, place, s)),
        spread_source: super::items::spread_source(g.spread.as_ref()),
    };
    if let Some(f) = &g.floor {
        let limit = g.days.as_ref().map(|d| d.value);
        check_floor(cx, place, f.value, limit, Limit::Joint);
    }
    check_cost(cx, place, g.cost);
    group
}

/// Rule: a group's id is not also an item's, since the joint event is reported under it.
fn check_not_an_item_id(
    cx: &mut Ctx<'_>,
    e: Option<std::ops::Range<usize>>,
    g: &JointGroup,
    ids: &Ids<'_>,
) {
    if ids.items.contains_key(g.id.as_str()) {
        let member = g
            .items
            .first()
            .and_then(|id| ids.items.get(id.as_str()).copied());
        cx.push(
            Code::DuplicateId,
            e.or_else(|| member.and_then(|i| entry(&cx.items, i))),
            At::Str(g.id.as_str()),
            Some(subject("joint group", g.id.as_str())),
            tr!("diag-group-is-item", id = g.id.as_str()),
            &tr!("diag-group-is-item.help"),
        );
    }
}

/// Rule: a group has at least one item.
fn check_has_items(cx: &mut Ctx<'_>, e: Option<std::ops::Range<usize>>, g: &JointGroup) -> bool {
    if !g.items.is_empty() {
        return true;
    }
    cx.push(
        Code::UnknownId,
        e,
        At::Value("id"),
        Some(subject("joint group", g.id.as_str())),
        tr!("diag-group-empty", id = g.id.as_str()),
        &tr!("diag-group-empty.help"),
    );
    false
}

/// Rule: a joint event happens within one stage. Items in unknown stages are reported already.
fn check_one_stage(cx: &mut Ctx<'_>, g: &JointGroup, items: &[FileItem], ids: &Ids<'_>) {
    let members = || {
        g.items
            .iter()
            .filter_map(|id| items.get(*ids.items.get(id.as_str())?))
    };
    let stages_of: BTreeSet<&str> = members()
        .map(|it| it.stage.as_str())
        .filter(|s| ids.stages.contains_key(*s))
        .collect();
    if stages_of.len() > 1 {
        let detail = members()
            .map(|it| tr!("diag-group-member", id = &it.id, stage = &it.stage))
            .collect::<Vec<_>>()
            .join(&tr!("diag-list-separator"));
        let last = g
            .items
            .last()
            .and_then(|id| ids.items.get(id.as_str()).copied());
        cx.push(
            Code::JointSpansStages,
            last.and_then(|i| entry(&cx.items, i)),
            At::Value("joint"),
            Some(subject("joint group", g.id.as_str())),
            tr!(
                "diag-group-spans-stages",
                id = g.id.as_str(),
                detail = detail
            ),
            &tr!("diag-group-spans-stages.help"),
        );
    }
}
