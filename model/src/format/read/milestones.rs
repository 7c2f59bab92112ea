//! `[[milestones]]`: moments a developer cares about, each reached at one end (`at = "finish"`,
//! the default, or `"start"`) of a named item.

use super::Ids;
use super::common::{check_id, check_unique, unknown_help};
use super::context::{At, Ctx, Place};
use permitflow_i18n::tr;

use crate::diag::Code;
use crate::format::file::FileMilestone;
use crate::milestone::{Milestone, MilestoneAt};
use crate::units::{ItemId, MilestoneId};

/// The milestones, in file order.
pub(super) fn read(cx: &mut Ctx<'_>, raw: &[FileMilestone], ids: &Ids<'_>) -> Vec<Milestone> {
    let mut out = Vec::with_capacity(raw.len());
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, m) in raw.iter().enumerate() {
        let place = Place::new(&cx.milestones, i, "milestone", &m.id);
        check_id(cx, place.entry.clone(), "milestone", &m.id);
        let repeated = !seen.insert(m.id.as_str());
        check_unique(
            cx,
            place.entry.clone(),
            At::Value("id"),
            "milestone",
            "id",
            &m.id,
            repeated,
        );
        check_item_exists(cx, &place, &m.item, ids);
        let at = match &m.at {
            Some(text) => check_at(cx, &place, text).unwrap_or_default(),
            None => MilestoneAt::default(),
        };
        out.push(Milestone {
            id: MilestoneId::new(&m.id),
            name: if m.name.is_empty() {
                m.id.clone()
            } else {
                m.name.written().to_owned()
            },
            item: ItemId::new(&m.item),
            at,
            note: m.note.clone(),
        });
    }
    out
}

/// Rule: a milestone names one of the scenario's items.
fn check_item_exists(cx: &mut Ctx<'_>, place: &Place, item: &str, ids: &Ids<'_>) {
    if !ids.items.contains_key(item) {
        let help = unknown_help("item", item, ids.item_names());
        cx.report(
            place,
            Code::UnknownId,
            At::Value("item"),
            tr!("diag-unknown-item", id = item),
            &help,
        );
    }
}

/// Rule: `at` is `finish` or `start`. Gives the end when it is.
fn check_at(cx: &mut Ctx<'_>, place: &Place, text: &str) -> Option<MilestoneAt> {
    let parsed = MilestoneAt::parse(text);
    if parsed.is_none() {
        cx.report(
            place,
            Code::BadValue,
            At::Value("at"),
            tr!("diag-milestone-unknown-at", value = text),
            &tr!("diag-milestone-unknown-at.help"),
        );
    }
    parsed
}
