//! Joint events in the centre: a joint event loads every member department. It is split into
//! member reviews that run in parallel, each queueing for and holding a reviewer of its own
//! department; the event finishes when the last of them has.
//!
//! - A group with its own limit (`days` in its table) is a **joint meeting**: every department
//!   taking part (the reviewed members' departments, once each, and the group's own department,
//!   which runs the meeting) holds a reviewer for the event's drawn duration (its spread, or its
//!   limit) and its returns. All of them draw from the event's stream, so without waiting the
//!   event lasts what it lasted as one activity.
//! - A group without its own limit lasts as long as its longest member: every member is reviewed
//!   for its own drawn duration and returns (as the item under the parallel regime, on the item's
//!   own stream), the applicant's own work in it takes its time without a reviewer.
//!
//! A joint event with no reviewed member (joint surveying by agencies) stays one activity.

use permitflow_model::{ActivityKind, DayUnit, ItemKind, Measure, Network};

use super::ProjectType;
use super::prepare::{Draw, draws_of, fnv1a};
use crate::error::SolveError;
use crate::regime::network_for;

/// The member reviews of a project type's joint events, in slots after the network's
/// activities (slot `n + k` is member review `k`).
#[derive(Debug, Default)]
pub(super) struct JointSplit {
    /// Per activity: the slots of its member reviews (empty: served as one activity).
    pub(super) subs: Vec<Vec<u32>>,
    /// Per member review: the joint event it belongs to.
    pub(super) parent: Vec<u32>,
    /// Per member review: its random-stream key (the event's for a joint meeting, the item's
    /// otherwise).
    pub(super) keys: Vec<u64>,
    /// Per member review: whether its time counts toward official approval time.
    pub(super) official: Vec<bool>,
    /// Per member review: its limit (the mean of an exponential service).
    pub(super) days: Vec<f64>,
}

impl JointSplit {
    /// Splits the joint events of `net` that need a reviewer (`served_by` set), appending the
    /// member reviews' departments and draws to `served_by` and `draws` and taking the events'
    /// own department away.
    pub(super) fn new(
        p: &ProjectType,
        net: &Network,
        served_by: &mut Vec<Option<String>>,
        draws: &mut Vec<Draw>,
    ) -> Result<Self, SolveError> {
        let n = net.activities.len();
        let mut split = Self {
            subs: vec![Vec::new(); n],
            ..Self::default()
        };
        // The members as the regime leaves them without joint review (limits cut, commitments).
        let mut loose: Option<(Network, Vec<Draw>)> = None;
        for (j, a) in net.activities.iter().enumerate() {
            if !matches!(a.kind, ActivityKind::Joint) || served_by[j].is_none() {
                continue;
            }
            let Some(group) = p
                .scenario
                .joint_groups
                .iter()
                .find(|g| g.id.as_str() == a.id)
            else {
                continue;
            };
            if loose.is_none() {
                let mut regime = p.regime.clone();
                regime.measures.retain(|id| {
                    !matches!(p.scenario.measure(id), Some(Measure::JointReview { .. }))
                });
                let ln = network_for(&p.scenario, &regime)?;
                let ld = draws_of(&p.scenario, &ln);
                loose = Some((ln, ld));
            }
            let Some((ln, ld)) = loose.as_ref() else {
                continue;
            };
            let meeting = group.days.is_some();
            let event_official = a.clock.is_official();
            let ev_draw = draws[j];
            let mut taken: Vec<String> = Vec::new();
            let mut subs = Vec::new();
            let mut add = |dept: Option<String>, draw: Draw, key: u64, official: bool, days| {
                subs.push((n + split.parent.len()) as u32);
                split.parent.push(j as u32);
                split.keys.push(key);
                split.official.push(official);
                split.days.push(days);
                served_by.push(dept);
                draws.push(draw);
            };
            for m in &a.members {
                let Some(li) = ln
                    .activities
                    .iter()
                    .position(|la| la.members.len() == 1 && &la.members[0] == m)
                else {
                    continue;
                };
                let la = &ln.activities[li];
                let reviewed = matches!(
                    la.kind,
                    ActivityKind::Item(ItemKind::Review | ItemKind::Filing)
                ) && !(la.unit == DayUnit::Calendar && la.days.get() > 0.0);
                let dept = la
                    .departments
                    .first()
                    .filter(|_| reviewed)
                    .map(|d| d.as_str().to_owned());
                if meeting {
                    // One reviewer per department at the meeting; the applicant's own work
                    // takes the meeting's time without one.
                    let Some(d) = dept.filter(|d| !taken.contains(d)) else {
                        continue;
                    };
                    taken.push(d.clone());
                    add(Some(d), ev_draw, fnv1a(&a.id), event_official, a.days.get());
                } else {
                    add(
                        dept,
                        ld[li],
                        fnv1a(m.as_str()),
                        la.clock.is_official(),
                        la.days.get(),
                    );
                }
            }
            if meeting
                && let Some(d) = group.department.as_ref().map(|d| d.as_str().to_owned())
                && !taken.contains(&d)
            {
                add(Some(d), ev_draw, fnv1a(&a.id), event_official, a.days.get());
            }
            if !subs.is_empty() {
                served_by[j] = None;
                split.subs[j] = subs;
            }
        }
        Ok(split)
    }

    /// Slots in all: the activities and the member reviews.
    pub(super) fn slots(&self) -> usize {
        self.subs.len() + self.parent.len()
    }
}
