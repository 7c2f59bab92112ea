//! What the Gantt's rows show: the stages in order, a header row each, then their activities
//! (items and joint events, not the gates) by start, as the compare tab's Gantt orders them;
//! and the links into and out of an activity.

use permitflow_model::{Activity, Draft, LinkKind, Origin};
use permitflow_solver::Outcome;

/// One row of the Gantt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A stage's header (index into the network's stages).
    Stage(usize),
    /// An activity (index into the network's activities).
    Activity(usize),
}

/// The rows of an outcome, and each activity's row (`None` for gates).
pub fn rows(o: &Outcome) -> (Vec<Row>, Vec<Option<usize>>) {
    let net = &o.network;
    let mut out = Vec::with_capacity(net.activities.len() + net.stages.len());
    let mut row_of = vec![None; net.activities.len()];
    for k in 0..net.stages.len() {
        let mut acts: Vec<usize> = (0..net.activities.len())
            .filter(|&i| net.activities[i].stage == Some(k) && !net.activities[i].is_gate())
            .collect();
        if acts.is_empty() {
            continue;
        }
        acts.sort_by(|&a, &b| {
            o.schedule.start[a]
                .partial_cmp(&o.schedule.start[b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(net.activities[a].order.cmp(&net.activities[b].order))
        });
        out.push(Row::Stage(k));
        for i in acts {
            row_of[i] = Some(out.len());
            out.push(Row::Activity(i));
        }
    }
    (out, row_of)
}

/// The departments of an activity by their names for people, joined.
pub fn departments(s: &Draft, a: &Activity) -> String {
    let names: Vec<&str> = a
        .departments
        .iter()
        .map(|d| s.department_label(d))
        .collect();
    names.join(" + ")
}

/// A link of the network drawn as an arrow: written in the scenario (or changed by tolerance
/// acceptance), between two activities that have rows.
pub fn is_drawn(c: &permitflow_model::Constraint) -> bool {
    matches!(c.origin, Origin::Link | Origin::Tolerance)
}

/// Whether a link leaves its `from` activity at the finish (else at the start), and reaches
/// its `to` activity at the start (else at the finish).
pub fn ends(k: LinkKind) -> (bool, bool) {
    match k {
        LinkKind::FinishToStart => (true, true),
        LinkKind::StartToStart => (false, true),
        LinkKind::FinishToFinish => (true, false),
        LinkKind::StartToFinish => (false, false),
    }
}
