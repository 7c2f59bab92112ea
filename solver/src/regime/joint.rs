//! Joint review: each joint group becomes one event. All groups are merged in one pass over the
//! network (a rebuild per group made many groups quadratic).

use std::collections::{HashMap, HashSet};

use permitflow_model::{
    Activity, ActivityKind, Constraint, GroupId, ItemId, JointGroup, MeasureId, Network, Scenario,
    WorkingDays,
};

use crate::error::SolveError;

/// Each joint group becomes one event with the group's own limit, or its longest member's.
pub fn joint_review(
    net: &mut Network,
    scenario: &Scenario,
    measure: &MeasureId,
    groups: Option<&[GroupId]>,
) -> Result<(), SolveError> {
    let only: Option<HashSet<&GroupId>> = groups.map(|g| g.iter().collect());
    // An item's activity while it is still on its own (not inside an earlier joint event).
    let mut single: HashMap<&ItemId, usize> = HashMap::new();
    for (i, a) in net.activities.iter().enumerate() {
        if a.members.len() == 1 && !matches!(a.kind, ActivityKind::Joint) {
            single.entry(&a.members[0]).or_insert(i);
        }
    }
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut merges: Vec<(Vec<usize>, Activity)> = Vec::new();
    for g in &scenario.joint_groups {
        if only.as_ref().is_some_and(|o| !o.contains(&g.id)) {
            continue;
        }
        let members: Vec<usize> = g
            .items
            .iter()
            .filter_map(|id| single.get(id).copied())
            .filter(|i| !claimed.contains(i))
            .collect();
        if members.len() < g.items.len() {
            // Already merged (the measure listed twice): nothing more to do.
            continue;
        }
        if members.is_empty() {
            return Err(SolveError::BadMeasure {
                measure: measure.to_string(),
                reason: permitflow_i18n::tr!("diag-group-empty", id = g.id.to_string()),
            });
        }
        claimed.extend(members.iter().copied());
        let event = event(net, g, &members);
        merges.push((members, event));
    }
    if !merges.is_empty() {
        merge_activities(net, merges);
    }
    Ok(())
}

/// The joint event standing for `members` of `g`.
fn event(net: &Network, g: &JointGroup, members: &[usize]) -> Activity {
    let acts: Vec<&Activity> = members.iter().map(|&i| &net.activities[i]).collect();
    let longest = acts
        .iter()
        .map(|a| a.days)
        .fold(WorkingDays::ZERO, WorkingDays::max);
    let mut departments = Vec::new();
    match &g.department {
        Some(d) => departments.push(d.clone()),
        None => {
            for a in &acts {
                for d in &a.departments {
                    if !departments.contains(d) {
                        departments.push(d.clone());
                    }
                }
            }
        }
    }
    let mut event = Activity {
        id: g.id.to_string(),
        name: g.name.clone(),
        kind: ActivityKind::Joint,
        departments: departments.into(),
        stage: acts[0].stage,
        days: g.days.as_ref().map(|d| d.value).unwrap_or(longest),
        // Members are in working days (the format refuses calendar-day members); the event runs
        // on the approval clock when any member does.
        unit: permitflow_model::DayUnit::Working,
        clock: if acts.iter().any(|a| a.clock.is_official()) {
            permitflow_model::Clock::Approval
        } else {
            acts[0].clock
        },
        fee: acts.iter().map(|a| a.fee).sum(),
        members: acts.iter().flat_map(|a| a.members.clone()).collect(),
        release: acts
            .iter()
            .filter_map(|a| a.release)
            .reduce(WorkingDays::max),
        deadline: acts
            .iter()
            .filter_map(|a| a.deadline)
            .reduce(WorkingDays::min),
        submission: acts.iter().any(|a| a.submission),
        forms: 1,
        materials: acts.iter().flat_map(|a| a.materials.clone()).collect(),
        order: acts.iter().map(|a| a.order).min().unwrap_or(0),
        floor: WorkingDays::ZERO,
        cost: g.cost.unwrap_or(1.0),
        // The joint event's own spread; without one it takes its limit every time.
        spread: g.spread.clone().map(Box::new),
        // Returns as often as the most often returned member.
        returns: acts
            .iter()
            .filter_map(|a| a.returns.clone())
            .max_by(|a, b| a.rate.total_cmp(&b.rate)),
    };
    event.floor = g
        .floor
        .as_ref()
        .map(|f| f.value.min(event.days))
        .unwrap_or(event.days);
    event
}

/// Replaces each group's members by its event, in the place of its first member (later
/// activities shift down): constraints with the outside attach to the event, constraints inside
/// a group disappear, and a constraint that became a copy of another touching an event is
/// dropped.
fn merge_activities(net: &mut Network, merges: Vec<(Vec<usize>, Activity)>) {
    let n = net.activities.len();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    let mut first = Vec::with_capacity(merges.len());
    for (k, (members, _)) in merges.iter().enumerate() {
        for &i in members {
            group_of[i] = Some(k);
        }
        first.push(members.iter().copied().min().unwrap_or(0));
    }
    let mut events: Vec<Option<Activity>> = merges.into_iter().map(|(_, e)| Some(e)).collect();
    let mut event_at = vec![usize::MAX; events.len()];
    let mut map = vec![0; n];
    let mut activities = Vec::with_capacity(n);
    for (i, a) in net.activities.drain(..).enumerate() {
        match group_of[i] {
            Some(k) => {
                if i == first[k] {
                    event_at[k] = activities.len();
                    activities.extend(events[k].take());
                }
            }
            None => {
                map[i] = activities.len();
                activities.push(a);
            }
        }
    }
    for (i, g) in group_of.iter().enumerate() {
        if let Some(k) = g {
            map[i] = event_at[*k];
        }
    }
    let is_event: HashSet<usize> = event_at.iter().copied().collect();
    let mut constraints: Vec<Constraint> = Vec::with_capacity(net.constraints.len());
    // Constraints touching an event, by their ends: only those can have become copies.
    let mut touching: HashMap<(usize, usize), Vec<Constraint>> = HashMap::new();
    for c in net.constraints.drain(..) {
        if group_of[c.from].is_some() && group_of[c.from] == group_of[c.to] {
            continue;
        }
        let c = Constraint {
            from: map[c.from],
            to: map[c.to],
            ..c
        };
        if is_event.contains(&c.from) || is_event.contains(&c.to) {
            let same = touching.entry((c.from, c.to)).or_default();
            if same.contains(&c) {
                continue;
            }
            same.push(c.clone());
        }
        constraints.push(c);
    }
    net.activities = activities;
    net.constraints = constraints;
}
