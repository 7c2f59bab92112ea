//! Regimes as transformations of the model: one function per measure, composed in a fixed
//! pipeline so that the order a regime lists its measures in does not change the result:
//!
//! 1. durations (time-limit compression, notification-commitment),
//! 2. links (tolerance acceptance),
//! 3. joint review (groups become single events),
//! 4. merged stages,
//! 5. the base mode (serial chains or parallel intake) and stage gates,
//! 6. online submission (counting only).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashSet};

use permitflow_model::{
    Activity, ActivityKind, Constraint, GroupId, Intake, ItemId, ItemKind, LinkKind, Measure,
    MeasureId, Network, NetworkStage, Origin, Regime, Scenario, StageId, ToleranceLink,
    WorkingDays,
};

use crate::error::SolveError;

/// The constraint network of `scenario` under `regime`.
pub fn network_for(scenario: &Scenario, regime: &Regime) -> Result<Network, SolveError> {
    let mut measures: Vec<(MeasureId, Measure)> = Vec::new();
    for id in &regime.measures {
        let m = scenario
            .measure(id)
            .ok_or_else(|| SolveError::UnknownMeasure {
                regime: regime.name.to_string(),
                measure: id.to_string(),
            })?;
        measures.push((id.clone(), m));
    }
    let mut net = Network::from_scenario(scenario);
    same_limit_everywhere(&measures)?;
    // Cuts first, then notification-commitment: an item granted on commitment takes the
    // commitment's days whatever its cut review limit was, in whichever order they are listed.
    for (id, m) in &measures {
        if let Measure::TimeLimitCompression { days } = m {
            time_limit_compression(&mut net, id, days)?;
        }
    }
    for (id, m) in &measures {
        if let Measure::NotificationCommitment { items, days } = m {
            notification_commitment(&mut net, id, items, *days)?;
        }
    }
    for (id, m) in &measures {
        if let Measure::ToleranceAcceptance { links } = m {
            tolerance_acceptance(&mut net, id, links)?;
        }
    }
    for (id, m) in &measures {
        if let Measure::JointReview { groups } = m {
            joint_review(&mut net, scenario, id, groups.as_deref())?;
        }
    }
    for (id, m) in &measures {
        if let Measure::MergedStages { stages } = m {
            merged_stages(&mut net, id, stages)?;
        }
    }
    match regime.base {
        permitflow_model::BaseMode::Serial => serial(&mut net),
        permitflow_model::BaseMode::Parallel => parallel(&mut net),
    }
    if measures
        .iter()
        .any(|(_, m)| matches!(m, Measure::OnlineSubmission))
    {
        online_submission(&mut net);
    }
    if let Some(cycle) = net.find_cycle() {
        return Err(SolveError::Cycle {
            path: cycle
                .iter()
                .chain(cycle.first())
                .map(|&i| format!("`{}`", net.activities[i].id))
                .collect(),
        });
    }
    Ok(net)
}

/// Refuses two measures of one kind that set one item's limit to different values: which one
/// wins would depend on the order the regime lists them.
fn same_limit_everywhere(measures: &[(MeasureId, Measure)]) -> Result<(), SolveError> {
    let mut cut: BTreeMap<&ItemId, (&MeasureId, WorkingDays)> = BTreeMap::new();
    let mut commit: BTreeMap<&ItemId, (&MeasureId, WorkingDays)> = BTreeMap::new();
    for (id, m) in measures {
        let (seen, settings): (_, Vec<(&ItemId, WorkingDays)>) = match m {
            Measure::TimeLimitCompression { days } => {
                (&mut cut, days.iter().map(|(i, d)| (i, *d)).collect())
            }
            Measure::NotificationCommitment { items, days } => {
                (&mut commit, items.iter().map(|i| (i, *days)).collect())
            }
            _ => continue,
        };
        for (item, d) in settings {
            if let Some((other, before)) = seen.insert(item, (id, d))
                && before != d
            {
                // Named in a fixed order, so the refusal is the same whatever the regime's order.
                let ((a, da), (b, db)) = if other.as_str() < id.as_str() {
                    ((other, before), (id, d))
                } else {
                    ((id, d), (other, before))
                };
                return Err(SolveError::ConflictingMeasures {
                    first: a.to_string(),
                    second: b.to_string(),
                    item: item.to_string(),
                    first_days: da.to_string(),
                    second_days: db.to_string(),
                });
            }
        }
    }
    Ok(())
}

fn item_activity(net: &Network, measure: &MeasureId, item: &ItemId) -> Result<usize, SolveError> {
    net.activity_of_item(item)
        .ok_or_else(|| SolveError::BadMeasure {
            measure: measure.to_string(),
            reason: format!("item `{item}` does not exist"),
        })
}

/// Departments' limits cut (or set) to new values.
pub fn time_limit_compression(
    net: &mut Network,
    measure: &MeasureId,
    days: &BTreeMap<ItemId, WorkingDays>,
) -> Result<(), SolveError> {
    for (item, d) in days {
        let i = item_activity(net, measure, item)?;
        let a = &mut net.activities[i];
        a.days = *d;
        a.floor = a.floor.min(*d);
    }
    Ok(())
}

/// Approvals become filings made on the applicant's commitment, taking `days` (usually 0).
pub fn notification_commitment(
    net: &mut Network,
    measure: &MeasureId,
    items: &[ItemId],
    days: WorkingDays,
) -> Result<(), SolveError> {
    for item in items {
        let i = item_activity(net, measure, item)?;
        let a = &mut net.activities[i];
        a.days = days;
        a.floor = a.floor.min(days);
        a.kind = ActivityKind::Item(ItemKind::Filing);
    }
    Ok(())
}

/// A finish-to-start link becomes start-to-start with a lag: the next step starts before the
/// previous one is complete, on the applicant's commitment to make up the material.
pub fn tolerance_acceptance(
    net: &mut Network,
    measure: &MeasureId,
    links: &[ToleranceLink],
) -> Result<(), SolveError> {
    for l in links {
        let from = item_activity(net, measure, &l.from)?;
        let to = item_activity(net, measure, &l.to)?;
        let c = net
            .constraints
            .iter_mut()
            .find(|c| {
                c.from == from
                    && c.to == to
                    && c.kind == LinkKind::FinishToStart
                    && c.origin == Origin::Link
            })
            .ok_or_else(|| SolveError::BadMeasure {
                measure: measure.to_string(),
                reason: format!(
                    "there is no finish-to-start link from `{}` to `{}`",
                    l.from, l.to
                ),
            })?;
        c.kind = LinkKind::StartToStart;
        c.lag = l.lag;
        c.origin = Origin::Tolerance;
    }
    Ok(())
}

/// Each joint group becomes one event with the group's own limit, or its longest member's.
pub fn joint_review(
    net: &mut Network,
    scenario: &Scenario,
    measure: &MeasureId,
    groups: Option<&[GroupId]>,
) -> Result<(), SolveError> {
    for g in &scenario.joint_groups {
        if groups.is_some_and(|only| !only.contains(&g.id)) {
            continue;
        }
        let members: Vec<usize> = g
            .items
            .iter()
            .filter_map(|id| {
                net.activities.iter().position(|a| {
                    a.members.len() == 1
                        && &a.members[0] == id
                        && !matches!(a.kind, ActivityKind::Joint)
                })
            })
            .collect();
        if members.len() < g.items.len() {
            // Already merged (the measure listed twice): nothing more to do.
            continue;
        }
        if members.is_empty() {
            return Err(SolveError::BadMeasure {
                measure: measure.to_string(),
                reason: format!("joint group `{}` has no items", g.id),
            });
        }
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
        let event = Activity {
            id: g.id.to_string(),
            name: g.name.clone(),
            kind: ActivityKind::Joint,
            departments,
            stage: acts[0].stage,
            days: g.days.as_ref().map(|d| d.value).unwrap_or(longest),
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
            spread: g.spread.clone(),
            // Returns as often as the most often returned member.
            returns: acts
                .iter()
                .filter_map(|a| a.returns.clone())
                .max_by(|a, b| a.rate.total_cmp(&b.rate)),
        };
        let mut event = event;
        event.floor = g
            .floor
            .as_ref()
            .map(|f| f.value.min(event.days))
            .unwrap_or(event.days);
        merge_activities(net, &members, event);
    }
    Ok(())
}

/// Replaces `members` by `event`: their constraints with the outside now attach to the event,
/// constraints among them disappear.
fn merge_activities(net: &mut Network, members: &[usize], event: Activity) {
    let set: HashSet<usize> = members.iter().copied().collect();
    let first = members.iter().copied().min().unwrap_or(0);
    // The event takes the first member's place; later activities shift down.
    let event_at = (0..first).filter(|i| !set.contains(i)).count();
    let mut map = vec![event_at; net.activities.len()];
    let mut activities = Vec::with_capacity(net.activities.len() + 1 - members.len());
    let mut event = Some(event);
    for (i, a) in net.activities.drain(..).enumerate() {
        if set.contains(&i) {
            if let Some(e) = event.take() {
                activities.push(e);
            }
        } else {
            map[i] = activities.len();
            activities.push(a);
        }
    }
    let mut constraints: Vec<Constraint> = Vec::with_capacity(net.constraints.len());
    // Only constraints now touching the event can have become duplicates.
    let mut touching: Vec<Constraint> = Vec::new();
    for c in net.constraints.drain(..) {
        if set.contains(&c.from) && set.contains(&c.to) {
            continue;
        }
        let c = Constraint {
            from: map[c.from],
            to: map[c.to],
            ..c
        };
        if c.from == event_at || c.to == event_at {
            if touching.contains(&c) {
                continue;
            }
            touching.push(c.clone());
        }
        constraints.push(c);
    }
    net.activities = activities;
    net.constraints = constraints;
}

/// Stages merged into the first of them: one intake, one delivery.
pub fn merged_stages(
    net: &mut Network,
    measure: &MeasureId,
    stages: &[StageId],
) -> Result<(), SolveError> {
    let mut idx: Vec<usize> = Vec::new();
    for s in stages {
        let i = net
            .stages
            .iter()
            .position(|st| st.ids.contains(s))
            .ok_or_else(|| SolveError::BadMeasure {
                measure: measure.to_string(),
                reason: format!("stage `{s}` does not exist"),
            })?;
        if !idx.contains(&i) {
            idx.push(i);
        }
    }
    idx.sort_unstable();
    let Some(&target) = idx.first() else {
        return Ok(());
    };
    let mut names = Vec::new();
    let mut ids = Vec::new();
    for &i in &idx {
        names.push(net.stages[i].name.clone());
        ids.extend(net.stages[i].ids.clone());
    }
    let merged = NetworkStage {
        ids,
        name: names.join(" + "),
        lead: net.stages[target].lead.clone(),
    };
    let mut map = Vec::with_capacity(net.stages.len());
    let mut kept = Vec::new();
    for (i, st) in net.stages.drain(..).enumerate() {
        if i == target {
            map.push(kept.len());
            kept.push(merged.clone());
        } else if idx.contains(&i) {
            map.push(usize::MAX);
        } else {
            map.push(kept.len());
            kept.push(st);
        }
    }
    let target_new = map[target];
    for a in &mut net.activities {
        if let Some(s) = a.stage {
            a.stage = Some(if idx.contains(&s) { target_new } else { map[s] });
        }
    }
    net.stages = kept;
    Ok(())
}

/// Before reform: within each stage one department after another (in file order, respecting the
/// items' own links), a submission per item; stages one after another.
pub fn serial(net: &mut Network) {
    net.intake = Intake::PerActivity;
    for k in 0..net.stages.len() {
        let order = stage_order(net, k);
        for w in order.windows(2) {
            net.constraints.push(Constraint {
                from: w[0],
                to: w[1],
                kind: LinkKind::FinishToStart,
                lag: WorkingDays::ZERO,
                max_lag: None,
                origin: Origin::SerialChain,
            });
        }
    }
    stage_gates(net);
}

/// One intake per stage, items concurrent subject to their own links, a stage gate at unified
/// delivery.
pub fn parallel(net: &mut Network) {
    net.intake = Intake::PerStage;
    stage_gates(net);
}

/// Everything submitted online: no trips.
pub fn online_submission(net: &mut Network) {
    net.online = true;
}

/// A stage's activities in file order, moved only as far as their own links require (a stable
/// topological order), so the serial chain never contradicts a link.
fn stage_order(net: &Network, stage: usize) -> Vec<usize> {
    let members: Vec<usize> = (0..net.activities.len())
        .filter(|&i| net.activities[i].stage == Some(stage))
        .collect();
    let inside: HashSet<usize> = members.iter().copied().collect();
    let mut indegree: BTreeMap<usize, usize> = members.iter().map(|&i| (i, 0)).collect();
    let mut next: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in &net.constraints {
        if inside.contains(&c.from) && inside.contains(&c.to) && c.from != c.to {
            *indegree.entry(c.to).or_default() += 1;
            next.entry(c.from).or_default().push(c.to);
        }
    }
    let key = |i: usize| (net.activities[i].order, i);
    let mut ready: BinaryHeap<Reverse<(usize, usize)>> = indegree
        .iter()
        .filter(|(_, d)| **d == 0)
        .map(|(&i, _)| Reverse(key(i)))
        .collect();
    let mut out = Vec::with_capacity(members.len());
    while let Some(Reverse((_, i))) = ready.pop() {
        out.push(i);
        for &j in next.get(&i).into_iter().flatten() {
            if let Some(d) = indegree.get_mut(&j) {
                *d -= 1;
                if *d == 0 {
                    ready.push(Reverse(key(j)));
                }
            }
        }
    }
    // A cycle inside the stage leaves members out; the cycle check after the pipeline names it.
    out
}

/// Milestones of unified delivery: every activity of a stage finishes before the stage's gate,
/// and the next non-empty stage starts after it.
fn stage_gates(net: &mut Network) {
    let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); net.stages.len()];
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(s) = a.stage
            && s < by_stage.len()
        {
            by_stage[s].push(i);
        }
    }
    let non_empty: Vec<usize> = (0..by_stage.len())
        .filter(|&k| !by_stage[k].is_empty())
        .collect();
    for w in non_empty.windows(2) {
        let (k, next) = (w[0], w[1]);
        let gate = net.activities.len();
        let stage = &net.stages[k];
        net.activities.push(Activity {
            id: format!("gate:{}", stage_label(&stage.ids)),
            name: format!("{}: unified delivery", stage.name),
            kind: ActivityKind::Gate,
            departments: vec![stage.lead.clone()],
            stage: None,
            days: WorkingDays::ZERO,
            members: vec![],
            release: None,
            deadline: None,
            submission: false,
            forms: 0,
            materials: vec![],
            order: usize::MAX,
            floor: WorkingDays::ZERO,
            cost: 0.0,
            spread: None,
            returns: None,
        });
        for &i in &by_stage[k] {
            net.constraints.push(gate_link(i, gate));
        }
        for &j in &by_stage[next] {
            net.constraints.push(gate_link(gate, j));
        }
    }
}

fn gate_link(from: usize, to: usize) -> Constraint {
    Constraint {
        from,
        to,
        kind: LinkKind::FinishToStart,
        lag: WorkingDays::ZERO,
        max_lag: None,
        origin: Origin::StageGate,
    }
}

/// The display text of a network stage's ids: one id, or merged stages' ids joined by `+`
/// (`planning+construction`). Used for the stage spans and the gates' activity ids.
pub(crate) fn stage_label(ids: &[StageId]) -> String {
    ids.iter()
        .map(StageId::as_str)
        .collect::<Vec<_>>()
        .join("+")
}
