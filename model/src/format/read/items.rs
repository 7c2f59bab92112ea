//! `[[items]]`: each department's item with its time limit and what the planner and the
//! simulation need (floor, cost, spread, returns, release, deadline). The item's `after` list is
//! read in `links.rs`.

use std::ops::Range;

use rustc_hash::FxHashMap;

use permitflow_i18n::{message, tr};

use super::common::{
    Limit, check_cost, check_floor, check_id, check_spread, check_unique, days_problem,
    unknown_help,
};
use super::context::{At, Ctx, Place, entry};
use super::{Ids, clocks, links};
use crate::diag::Code;
use crate::format::file::{FileItem, FileMaterials};
use crate::scenario::{Item, ItemKind, Link, Materials};
use crate::units::{Department, ItemId, Provenance, StageId, WorkingDays};

/// Each item id's position (the last, when an id is repeated), after checking the ids. Keyed by
/// `item_ids` (every item's id, by position): their texts lie side by side in memory, where the
/// file items' are spread among their other fields (a lookup per link compares one).
pub(super) fn index<'r>(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    item_ids: &'r [ItemId],
) -> FxHashMap<&'r str, usize> {
    check_items_present(cx, raw);
    let mut index: FxHashMap<&'r str, usize> =
        FxHashMap::with_capacity_and_hasher(raw.len(), Default::default());
    for (i, it) in raw.iter().enumerate() {
        let e = entry(&cx.items, i);
        check_id(cx, e.clone(), "item", &it.id);
        let repeated = index.insert(item_ids[i].as_str(), i).is_some();
        check_unique(cx, e, At::Value("id"), "item", "id", &it.id, repeated);
    }
    index
}

/// What [`read`] gives: the items, the links their `after` lists give with each link's ends,
/// and each item's stage's position (`None` for an unknown stage).
pub(super) type ReadItems = (
    Vec<Item>,
    Vec<Link>,
    Vec<links::LinkEnds>,
    Vec<Option<usize>>,
);

/// The items and the links their `after` lists give, item by item (on two threads or more
/// for a large list: [`super::parallel`]).
/// `item_ids`: every item's id, by position, made once: items and the links that name them
/// share its text.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    ids: &Ids<'_>,
    item_ids: &[ItemId],
) -> ReadItems {
    if let Some(read) = super::parallel::read(cx, raw, ids, item_ids) {
        return read;
    }
    let mut names = Names::new(ids);
    let mut items = Vec::with_capacity(raw.len());
    let mut stage_of = Vec::with_capacity(raw.len());
    let mut links = links_with_room(raw, 0..raw.len());
    for i in 0..raw.len() {
        let (item, stage_at) = read_item(cx, raw, ids, (item_ids, i), &mut names);
        stage_of.push(stage_at);
        read_links(cx, raw, ids, (item_ids, i), &mut links);
        items.push(item);
    }
    (items, links.0, links.1, stage_of)
}

/// Every item and its stage's position, without their links (read apart: [`read_links_only`]).
/// `item_ids`: every item's id, by position.
pub(super) fn read_items_only(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    ids: &Ids<'_>,
    item_ids: &[ItemId],
) -> (Vec<Item>, Vec<Option<usize>>) {
    let mut names = Names::new(ids);
    let mut items = Vec::with_capacity(raw.len());
    let mut stage_of = Vec::with_capacity(raw.len());
    for i in 0..raw.len() {
        let (item, stage_at) = read_item(cx, raw, ids, (item_ids, i), &mut names);
        items.push(item);
        stage_of.push(stage_at);
    }
    (items, stage_of)
}

/// The links the items at positions `part` give and their ends, in lists with room for the
/// links of the items at positions `room` (so that the parts after this one are added without
/// moving it).
pub(super) fn read_links_only(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    ids: &Ids<'_>,
    item_ids: &[ItemId],
    (part, room): (Range<usize>, Range<usize>),
) -> Links {
    let mut links = links_with_room(raw, room);
    for i in part {
        read_links(cx, raw, ids, (item_ids, i), &mut links);
    }
    links
}

/// Links and their ends, in the same order.
pub(super) type Links = (Vec<Link>, Vec<links::LinkEnds>);

/// No links yet, with room for those of the items at positions `room`.
fn links_with_room(raw: &[FileItem], room: Range<usize>) -> Links {
    let n = raw[room].iter().map(|it| it.after.len()).sum();
    (Vec::with_capacity(n), Vec::with_capacity(n))
}

/// Departments and stages are few and named on every item: one shared text each (a known
/// stage's by its position, found once per item).
struct Names<'r> {
    departments: FxHashMap<&'r str, Department>,
    known_stages: Vec<Option<StageId>>,
    stages: FxHashMap<&'r str, StageId>,
}

impl Names<'_> {
    fn new(ids: &Ids<'_>) -> Self {
        Self {
            departments: FxHashMap::default(),
            known_stages: vec![None; ids.stage_names.len()],
            stages: FxHashMap::default(),
        }
    }
}

/// Item `i` of `raw` (`item_ids`: every item's id, by position) and its stage's position.
fn read_item<'r>(
    cx: &mut Ctx<'_>,
    raw: &'r [FileItem],
    ids: &Ids<'_>,
    (item_ids, i): (&[ItemId], usize),
    names: &mut Names<'r>,
) -> (Item, Option<usize>) {
    let it = &raw[i];
    let place = Place::new(&cx.items, i, "item", &it.id);
    let stage_at = ids.stages.get(it.stage.as_str()).copied();
    let stage = match stage_at.and_then(|s| names.known_stages.get_mut(s)) {
        Some(slot) => slot.get_or_insert_with(|| StageId::new(&it.stage)),
        None => names
            .stages
            .entry(&it.stage)
            .or_insert_with(|| StageId::new(&it.stage)),
    };
    let shared = Shared {
        id: item_ids[i].clone(),
        department: names
            .departments
            .entry(&it.department)
            .or_insert_with(|| Department::new(&it.department))
            .clone(),
        stage: stage.clone(),
    };
    let item = item(cx, &place, it, (ids, stage_at.is_some()), shared);
    (item, stage_at)
}

/// The links item `i`'s `after` list gives, added to `links` with their ends.
fn read_links(
    cx: &mut Ctx<'_>,
    raw: &[FileItem],
    ids: &Ids<'_>,
    (item_ids, i): (&[ItemId], usize),
    (links, ends): &mut Links,
) {
    let it = &raw[i];
    let place = Place::new(&cx.items, i, "item", &it.id);
    // Where the id index puts this item's id: itself, unless the id is repeated later (without
    // a repeated id, the index has one entry per item).
    let this_at = if ids.items.len() == raw.len() {
        i
    } else {
        ids.items.get(it.id.as_str()).copied().unwrap_or(i)
    };
    links::read_after(cx, &place, it, ids, (item_ids, i, this_at), (links, ends));
}

/// An item's id, department and stage, made once and shared.
struct Shared {
    id: ItemId,
    department: Department,
    stage: StageId,
}

/// `known_stage`: whether the item's stage is one of the scenario's.
fn item(
    cx: &mut Ctx<'_>,
    place: &Place,
    it: &FileItem,
    (ids, known_stage): (&Ids<'_>, bool),
    names: Shared,
) -> Item {
    check_item_stage(cx, place, &it.stage, (ids, known_stage));
    let more = it.more();
    let kind = match &more.kind {
        None => ItemKind::Review,
        Some(k) => check_kind(cx, place, k).unwrap_or(ItemKind::Review),
    };
    check_time_limit(cx, place, it.days.value);
    let unit = clocks::item_unit(cx, place, more.unit.as_deref());
    clocks::check_item_whole_days(cx, place, it, unit);
    let clock = clocks::item_clock(cx, place, more.clock.as_deref());
    let fee = clocks::fee(cx, place, more.fee.as_deref());
    clocks::check_not_joint(cx, place, it, unit);
    let floor = more.floor.as_ref().map(|f| {
        check_floor(cx, place, f.value, Some(it.days.value), Limit::Item);
        f.working_days()
    });
    check_cost(cx, place, more.cost);
    check_release_and_deadline(cx, place, more.release, more.deadline);
    let spread = more
        .spread
        .as_ref()
        .and_then(|s| check_spread(cx, place, s));
    let returns = more
        .returns
        .as_ref()
        .and_then(|r| clocks::returns(cx, place, r));
    Item {
        id: names.id,
        name: if it.name.is_empty() {
            it.id.clone()
        } else {
            it.name.written().to_owned()
        },
        department: names.department,
        stage: names.stage,
        kind,
        days: it.days.working_days(),
        unit,
        clock,
        fee,
        materials: match &more.materials {
            None => Materials::Count(0),
            Some(FileMaterials::Count(n)) => Materials::Count(*n),
            Some(FileMaterials::Named(v)) => Materials::Named(v.clone()),
        },
        forms: more.forms.unwrap_or(1),
        floor,
        cost: more.cost,
        spread,
        spread_source: spread_source(more.spread.as_deref()),
        returns,
        release: more.release.map(WorkingDays::new),
        deadline: more.deadline.map(WorkingDays::new),
        note: more.note.clone(),
    }
}

/// Rule: a scenario has at least one item.
fn check_items_present(cx: &mut Ctx<'_>, raw: &[FileItem]) {
    if raw.is_empty() {
        cx.push(
            Code::EmptyModel,
            None,
            At::Entry,
            None,
            tr!("diag-no-items"),
            &tr!("diag-no-items.help"),
        );
    }
}

/// Rule: an item is in one of the scenario's stages.
fn check_item_stage(cx: &mut Ctx<'_>, place: &Place, stage: &str, (ids, known): (&Ids<'_>, bool)) {
    if !known {
        let help = unknown_help("stage", stage, &ids.stage_names);
        cx.report(
            place,
            Code::UnknownId,
            At::Value("stage"),
            tr!("diag-unknown-stage", id = stage),
            &help,
        );
    }
}

/// Rule: an item's kind is one permitflow knows. Gives it when it is.
fn check_kind(cx: &mut Ctx<'_>, place: &Place, kind: &str) -> Option<ItemKind> {
    let parsed = ItemKind::parse(kind);
    if parsed.is_none() {
        cx.report(
            place,
            Code::BadValue,
            At::Value("kind"),
            tr!("diag-unknown-item-kind", kind = kind),
            &tr!("diag-unknown-item-kind.help"),
        );
    }
    parsed
}

/// Rule: the time limit is a working-day number from 0 up.
fn check_time_limit(cx: &mut Ctx<'_>, place: &Place, days: f64) {
    if let Some(p) = days_problem(days, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Value("days"),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.time-limit"),
                value = days.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help-limit"),
        );
    }
}

/// Rule: a release date or deadline is a working-day offset from the start, from 0 up.
fn check_release_and_deadline(
    cx: &mut Ctx<'_>,
    place: &Place,
    release: Option<f64>,
    deadline: Option<f64>,
) {
    for (key, v, what) in [
        ("release", release, "diag-days-what.release"),
        ("deadline", deadline, "diag-days-what.deadline"),
    ] {
        if let Some(v) = v
            && let Some(p) = days_problem(v, false)
        {
            cx.report(
                place,
                Code::BadDays,
                At::Value(key),
                tr!(
                    "diag-bad-days",
                    what = message(what, &[]),
                    value = v.to_string(),
                    problem = p
                ),
                &tr!("diag-bad-days.help-offset"),
            );
        }
    }
}

/// The provenance a spread's table gives (`source = "…"`).
pub(super) fn spread_source(spread: Option<&crate::format::file::FileSpread>) -> Provenance {
    Provenance::parse(spread.and_then(|s| s.source.as_deref()).unwrap_or(""))
}
