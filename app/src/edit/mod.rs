//! The edits a user makes to a scenario, as values: the command line's `--start`, `--set` and
//! `--measure` and the desktop app's undoable edits are the same [`Edit`]s, applied by one
//! function, [`apply`]. [`Document`] keeps the desktop app's draft, the last valid scenario and
//! the undo history.

#[cfg(test)]
mod adopt_tests;
mod after;
mod author;
mod document;
mod fields;
mod group;
#[cfg(test)]
mod group_tests;
mod names;
mod rules;
#[cfg(test)]
mod rules_tests;
mod template;
#[cfg(test)]
mod tests;
mod what_if;

use chrono::NaiveDate;
use permitflow_model::{
    DayUnit, Draft, GroupId, ItemId, JointGroup, Link, LinkKind, MeasureId, Sourced, WorkingDays,
};

pub use after::{after_text, set_after};
pub use author::{
    Author, ItemNumber, ItemText, join_name, materials_text, parse_materials, parse_spread,
    removal_effects, split_name, spread_text,
};
pub use document::{Document, Project};
pub use group::{group_problem, group_removal_effects};
pub use names::{group_names, item_names};
pub use rules::{RulesEdit, attribute_problem, attribute_users, when_problem};
pub use template::template;
pub use what_if::{SetDays, apply_what_ifs};

/// One change a planner makes to the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// An item's statutory time limit, in working days.
    Days {
        /// The item.
        item: ItemId,
        /// The new limit.
        days: f64,
    },
    /// A joint group's own limit (`None`: the longest member's).
    GroupDays {
        /// The group.
        group: GroupId,
        /// Its own limit, or `None` for the longest member's.
        days: Option<f64>,
    },
    /// A reform measure added to (`on`) or dropped from a regime.
    Measure {
        /// The regime's name.
        regime: String,
        /// The measure.
        measure: MeasureId,
        /// Added (`true`) or dropped.
        on: bool,
    },
    /// A link of `kind` with `lag` working days (negative: a lead), e.g. finish-to-start: `to`
    /// starts `lag` after `from` finishes.
    AddLink {
        /// The item the link starts from.
        from: ItemId,
        /// The item it constrains.
        to: ItemId,
        /// Which ends are linked.
        kind: LinkKind,
        /// Days between them, in `lag_unit`.
        lag: f64,
        /// Whether the lag counts working days or calendar days (a publicity notice's `+2cd`).
        lag_unit: DayUnit,
    },
    /// The link at this index of `scenario.links`.
    RemoveLink {
        /// Its index.
        index: usize,
    },
    /// The kind of the link at this index of `scenario.links`.
    LinkKind {
        /// The link's index.
        index: usize,
        /// Its new kind.
        kind: LinkKind,
    },
    /// The lag of the link at this index of `scenario.links`, in working days.
    LinkLag {
        /// The link's index.
        index: usize,
        /// Its new lag.
        lag: f64,
    },
    /// Whether the lag of the link at this index counts working days or calendar days.
    LinkLagUnit {
        /// The link's index.
        index: usize,
        /// Its new unit.
        unit: DayUnit,
    },
    /// A new joint group of these items (one stage, no other group) with its own limit or
    /// (`None`) the longest member's. See [`group_problem`] for what is refused beforehand.
    AddGroup {
        /// The new group's id.
        id: GroupId,
        /// Its members.
        items: Vec<ItemId>,
        /// Its own limit, or `None` for the longest member's.
        days: Option<f64>,
    },
    /// A joint group removed: its items are examined separately again.
    RemoveGroup {
        /// The group.
        group: GroupId,
    },
    /// The application date.
    Start(NaiveDate),
    /// Several edits as one undo step (e.g. the planner's cuts adopted at once).
    Batch(Vec<Edit>),
    /// A structural change: adding, renaming, reordering or removing a part of the scenario.
    Author(Author),
    /// The numbers fitted from an event log adopted: each item the log measured takes its
    /// fitted spread (unless too few cases were fitted) and returns, each carrying the
    /// provenance `fitted: LOG, n cases, first–last` ([`crate::calibrate::apply`]); one undo
    /// step. Shared, so an edit of a million-record log is not copied with every command.
    AdoptFit(std::sync::Arc<crate::calibrate::Calibration>),
    /// A change to the project attributes, a `when` condition or a measure's parameters.
    Rules(RulesEdit),
}

impl Edit {
    /// Edits with the same key in one drag are merged into one undo step.
    pub(crate) fn key(&self) -> Option<String> {
        match self {
            Self::Days { item, .. } => Some(format!("days:{item}")),
            Self::GroupDays { group, .. } => Some(format!("group:{group}")),
            Self::LinkLag { index, .. } => Some(format!("lag:{index}")),
            Self::Author(a) => a.key(),
            Self::Rules(r) => r.key(),
            _ => None,
        }
    }

    /// What the edit did, for the status line.
    pub fn describe(&self) -> String {
        match self {
            Self::Days { item, days } => format!("{item}: limit {}", WorkingDays::new(*days)),
            Self::GroupDays { group, days } => match days {
                Some(d) => format!("{group}: limit {}", WorkingDays::new(*d)),
                None => format!("{group}: the longest member's limit"),
            },
            Self::Measure {
                regime,
                measure,
                on,
            } => format!("{regime} {} {measure}", if *on { "+" } else { "−" }),
            Self::AddLink {
                from,
                to,
                kind,
                lag,
                lag_unit,
            } => format!(
                "link {from} → {to} ({}{}{}) added",
                kind.code(),
                lag_text(*lag),
                unit_suffix(*lag, *lag_unit)
            ),
            Self::RemoveLink { .. } => "link removed".into(),
            Self::LinkKind { index, kind } => format!(
                "link {}: {} ({})",
                index + 1,
                kind.code(),
                kind_label(*kind)
            ),
            Self::LinkLag { index, lag } => {
                format!("link {}: lag {}", index + 1, WorkingDays::new(*lag))
            }
            Self::LinkLagUnit { index, unit } => {
                format!("link {}: lag in {}", index + 1, unit.name())
            }
            Self::AddGroup { id, items, days } => format!(
                "joint group {id} of {} items added ({})",
                items.len(),
                match days {
                    Some(d) => format!("limit {}", WorkingDays::new(*d)),
                    None => "the longest member's limit".into(),
                }
            ),
            Self::RemoveGroup { group } => format!("joint group {group} removed"),
            Self::Start(d) => format!("application date {d}"),
            Self::Batch(es) => format!("{} changes", es.len()),
            Self::Author(a) => a.describe(),
            Self::Rules(r) => r.describe(),
            Self::AdoptFit(c) => permitflow_i18n::tr!(
                "app-edit-adopt-fit",
                file = c.label.as_str(),
                items = c.items.len()
            ),
        }
    }
}

/// The four link kinds, in the order a planner meets them.
pub const LINK_KINDS: [LinkKind; 4] = [
    LinkKind::FinishToStart,
    LinkKind::StartToStart,
    LinkKind::FinishToFinish,
    LinkKind::StartToFinish,
];

/// `finish-to-start` etc. (the model has the codes `FS`, `SS`, `FF`, `SF`).
pub fn kind_label(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToStart => "finish-to-start",
        LinkKind::StartToStart => "start-to-start",
        LinkKind::FinishToFinish => "finish-to-finish",
        LinkKind::StartToFinish => "start-to-finish",
    }
}

/// What a link of this kind means, for a tooltip.
pub fn kind_meaning(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToStart => "the second item starts (lag) after the first finishes",
        LinkKind::StartToStart => "the second item starts (lag) after the first starts",
        LinkKind::FinishToFinish => "the second item finishes (lag) after the first finishes",
        LinkKind::StartToFinish => "the second item finishes (lag) after the first starts",
    }
}

/// ` +2`, ` -1.5`, or nothing for no lag.
pub fn lag_text(lag: f64) -> String {
    if lag == 0.0 {
        String::new()
    } else {
        format!(
            " {}{}",
            if lag > 0.0 { "+" } else { "" },
            WorkingDays::new(lag)
        )
    }
}

/// `cd` after a non-zero calendar-day lag, as the `after` syntax writes it; nothing otherwise.
pub fn unit_suffix(lag: f64, unit: DayUnit) -> &'static str {
    match unit {
        DayUnit::Calendar if lag != 0.0 => "cd",
        _ => "",
    }
}

/// Applies an edit to a draft. The result may be invalid: validate it before solving (the
/// command line does at once, the desktop app's [`Document`] keeps the last valid scenario).
/// An edit naming something the scenario does not have changes nothing.
pub fn apply(s: &mut Draft, edit: &Edit) {
    match edit {
        Edit::Days { item, days } => {
            if let Some(it) = s.item_mut(item) {
                it.days.value = WorkingDays::new(*days);
            }
        }
        Edit::GroupDays { group, days } => {
            if let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) {
                match (days, g.days.as_mut()) {
                    (Some(d), Some(v)) => v.value = WorkingDays::new(*d),
                    (Some(d), None) => {
                        g.days = Some(permitflow_model::Sourced::unspecified(WorkingDays::new(*d)))
                    }
                    (None, _) => g.days = None,
                }
            }
        }
        Edit::Measure {
            regime,
            measure,
            on,
        } => {
            if let Some(r) = s.regime_mut(regime) {
                r.measures.retain(|m| m != measure);
                if *on {
                    r.measures.push(measure.clone());
                }
            }
        }
        Edit::AddLink {
            from,
            to,
            kind,
            lag,
            lag_unit,
        } => s.links.push(Link {
            from: from.clone(),
            to: to.clone(),
            kind: *kind,
            lag: WorkingDays::new(*lag),
            max_lag: None,
            lag_unit: *lag_unit,
        }),
        Edit::RemoveLink { index } => {
            if *index < s.links.len() {
                s.links.remove(*index);
                rules::forget_gone(s);
            }
        }
        Edit::LinkKind { index, kind } => {
            if let Some(l) = s.links.get_mut(*index) {
                l.kind = *kind;
            }
        }
        Edit::LinkLag { index, lag } => {
            if let Some(l) = s.links.get_mut(*index) {
                l.lag = WorkingDays::new(*lag);
            }
        }
        Edit::LinkLagUnit { index, unit } => {
            if let Some(l) = s.links.get_mut(*index) {
                l.lag_unit = *unit;
            }
        }
        Edit::AddGroup { id, items, days } => {
            // Never two groups of one id, nor an item in two groups: membership is written on
            // the item, so either would merge silently (the app refuses these beforehand).
            let taken = s
                .joint_groups
                .iter()
                .any(|g| &g.id == id || g.items.iter().any(|i| items.contains(i)));
            if !taken {
                // Members in the scenario's item order, as validation lists them.
                let members = s
                    .items
                    .iter()
                    .filter(|i| items.contains(&i.id))
                    .map(|i| i.id.clone())
                    .collect();
                s.joint_groups.push(JointGroup {
                    id: id.clone(),
                    name: id.to_string(),
                    items: members,
                    days: days.map(|d| Sourced::unspecified(WorkingDays::new(d))),
                    department: None,
                    floor: None,
                    cost: None,
                    spread: None,
                    spread_source: permitflow_model::Provenance::Unspecified,
                });
            }
        }
        Edit::RemoveGroup { group } => {
            if !s.joint_groups.iter().any(|g| &g.id == group) {
                return;
            }
            s.joint_groups.retain(|g| &g.id != group);
            let mut emptied = false;
            for m in &mut s.measures {
                if let permitflow_model::Measure::JointReview { groups: Some(gs) } = &mut m.measure
                    && gs.contains(group)
                {
                    gs.retain(|g| g != group);
                    emptied |= gs.is_empty();
                }
            }
            // A joint review left naming no group goes (it would review nothing), and the
            // regimes stop applying it; see [`group_removal_effects`].
            if emptied {
                author::drop_empty_measures(s);
            }
            names::forget_gone(s);
        }
        Edit::Start(d) => s.start = *d,
        Edit::Batch(es) => {
            for e in es {
                apply(s, e);
            }
        }
        Edit::Author(a) => {
            author::apply(s, a);
            rules::follow(s, a);
        }
        Edit::AdoptFit(c) => {
            crate::calibrate::apply(c, s);
        }
        Edit::Rules(r) => rules::apply(s, r),
    }
}
