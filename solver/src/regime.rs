//! Regimes as transformations of the model: one function per measure, composed in a fixed
//! pipeline so that the order a regime lists its measures in does not change the result:
//!
//! 0. regional assessment's dropped items (left out, their links bridged),
//! 1. durations (time-limit compression, agent service, notification-commitment and
//!    regional assessment's committed items),
//! 2. links (tolerance acceptance),
//! 3. joint review (groups become single events),
//! 4. merged stages,
//! 5. the base mode (serial chains or parallel intake) and stage gates,
//! 6. cross-stage parallel advance (gates made soft),
//! 7. online submission (counting only).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use permitflow_model::{
    Activity, ActivityKind, Constraint, Few, Intake, ItemId, ItemKind, LinkKind, Measure,
    MeasureId, Network, NetworkStage, Origin, Provenance, Regime, Returns, Scenario, StageId,
    ToleranceLink, Verification, WorkingDays,
};

use permitflow_i18n::tr;

use crate::error::SolveError;

mod joint;
pub use joint::joint_review;

/// The constraint network of `scenario` under `regime`.
pub fn network_for(scenario: &Scenario, regime: &Regime) -> Result<Network, SolveError> {
    let net = network_unchecked(scenario, regime)?;
    check_acyclic(&net)?;
    Ok(net)
}

/// [`network_for`] without its last check, that no constraints form a cycle: for
/// [`crate::evaluate`], whose schedule makes a topological order anyway and checks it there
/// (one pass over the constraints instead of two).
pub(crate) fn network_unchecked(
    scenario: &Scenario,
    regime: &Regime,
) -> Result<Network, SolveError> {
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
    // Regional assessment first: the assessments it covers are not in the network at all.
    let reduced = regional_drop(scenario, &mut measures)?;
    let scenario = reduced.as_ref().unwrap_or(scenario);
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
        if let Measure::AgentService {
            items,
            factor,
            days,
            returns_factor,
        } = m
        {
            agent_service(&mut net, id, items, *factor, days, *returns_factor)?;
        }
    }
    for (id, m) in &measures {
        if let Measure::NotificationCommitment {
            items,
            days,
            verification,
        } = m
        {
            notification_commitment(&mut net, id, items, *days, verification.as_ref())?;
        }
        if let Measure::RegionalAssessment {
            commit,
            days,
            verification,
            ..
        } = m
        {
            notification_commitment(&mut net, id, commit, *days, verification.as_ref())?;
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
    // Gates softened last, once they exist: a gate is hard when any parallel-advance measure
    // names its stage, so the order of the measures does not matter.
    let advance: Vec<(&MeasureId, &[StageId])> = measures
        .iter()
        .filter_map(|(id, m)| match m {
            Measure::ParallelAdvance { hard_gates } => Some((id, hard_gates.as_slice())),
            _ => None,
        })
        .collect();
    if !advance.is_empty() {
        parallel_advance(&mut net, &advance)?;
    }
    if measures
        .iter()
        .any(|(_, m)| matches!(m, Measure::OnlineSubmission))
    {
        online_submission(&mut net);
    }
    Ok(net)
}

/// Refuses a network whose constraints form a cycle, naming the cycle's activities in order.
pub(crate) fn check_acyclic(net: &Network) -> Result<(), SolveError> {
    match net.find_cycle() {
        Some(cycle) => Err(SolveError::Cycle {
            path: cycle
                .iter()
                .chain(cycle.first())
                .map(|&i| format!("`{}`", net.activities[i].id))
                .collect(),
        }),
        None => Ok(()),
    }
}

/// 区域评估 for a project in the assessed area ([`Scenario::in_assessed_area`]): the scenario
/// without the items the regime's regional-assessment measures drop, bridged as items whose
/// `when` is false, and `measures` as the reduced scenario has them (a measure left with
/// nothing to act on is gone). Outside the area the regional measures do nothing and are taken
/// out of `measures`; `None` when the scenario is unchanged.
fn regional_drop(
    scenario: &Scenario,
    measures: &mut Vec<(MeasureId, Measure)>,
) -> Result<Option<Scenario>, SolveError> {
    if !scenario.in_assessed_area() {
        measures.retain(|(_, m)| !matches!(m, Measure::RegionalAssessment { .. }));
        return Ok(None);
    }
    let mut drop: Vec<ItemId> = Vec::new();
    for (id, m) in measures.iter() {
        if let Measure::RegionalAssessment { drop: d, .. } = m {
            for item in d {
                if scenario.item(item).is_none() {
                    return Err(SolveError::BadMeasure {
                        measure: id.to_string(),
                        reason: tr!("diag-solver-no-item", id = item.to_string()),
                    });
                }
                if !drop.contains(item) {
                    drop.push(item.clone());
                }
            }
        }
    }
    if drop.is_empty() {
        return Ok(None);
    }
    let (reduced, _) = scenario.without_items(&drop);
    // The reduced scenario's measures no longer name the dropped items; one left with nothing
    // to act on is gone from it, and so from this regime.
    let mut kept = Vec::with_capacity(measures.len());
    for (id, m) in measures.drain(..) {
        let declared = scenario.measures.iter().any(|d| d.id == id);
        match reduced.measure(&id) {
            Some(r) if declared => kept.push((id, r)),
            Some(_) => kept.push((id, m)),
            None => {}
        }
    }
    *measures = kept;
    Ok(Some(reduced))
}

/// Refuses two measures of one kind that set one item's limit to different values: which one
/// wins would depend on the order the regime lists them.
fn same_limit_everywhere(measures: &[(MeasureId, Measure)]) -> Result<(), SolveError> {
    let mut cut: BTreeMap<&ItemId, (&MeasureId, WorkingDays)> = BTreeMap::new();
    let mut commit: BTreeMap<&ItemId, (&MeasureId, WorkingDays)> = BTreeMap::new();
    let mut agent: BTreeMap<&ItemId, (&MeasureId, WorkingDays)> = BTreeMap::new();
    for (id, m) in measures {
        let (seen, settings): (_, Vec<(&ItemId, WorkingDays)>) = match m {
            Measure::TimeLimitCompression { days } => {
                (&mut cut, days.iter().map(|(i, d)| (i, *d)).collect())
            }
            Measure::NotificationCommitment { items, days, .. } => {
                (&mut commit, items.iter().map(|i| (i, *days)).collect())
            }
            Measure::RegionalAssessment {
                commit: items,
                days,
                ..
            } => (&mut commit, items.iter().map(|i| (i, *days)).collect()),
            Measure::AgentService { days, .. } => {
                (&mut agent, days.iter().map(|(i, d)| (i, *d)).collect())
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

/// The activities standing for `items` (each item's first, as `Network::activity_of_item`), found
/// in one pass over the network; an item that does not exist is an error of `measure`.
fn item_activities<'i>(
    net: &Network,
    measure: &MeasureId,
    items: impl Iterator<Item = &'i ItemId> + Clone,
) -> Result<HashMap<&'i ItemId, usize>, SolveError> {
    let wanted: HashMap<&ItemId, &'i ItemId> = items.clone().map(|i| (i, i)).collect();
    let mut found: HashMap<&'i ItemId, usize> = HashMap::with_capacity(wanted.len());
    for (i, a) in net.activities.iter().enumerate() {
        for m in &a.members {
            if let Some(&w) = wanted.get(m) {
                found.entry(w).or_insert(i);
            }
        }
    }
    if let Some(item) = items.into_iter().find(|i| !found.contains_key(i)) {
        return Err(SolveError::BadMeasure {
            measure: measure.to_string(),
            reason: tr!("diag-solver-no-item", id = item.to_string()),
        });
    }
    Ok(found)
}

/// Departments' limits cut (or set) to new values.
pub fn time_limit_compression(
    net: &mut Network,
    measure: &MeasureId,
    days: &BTreeMap<ItemId, WorkingDays>,
) -> Result<(), SolveError> {
    let at = item_activities(net, measure, days.keys())?;
    for (item, d) in days {
        let a = &mut net.activities[at[item]];
        a.days = *d;
        a.floor = a.floor.min(*d);
    }
    Ok(())
}

/// Agent service (帮办代办): the named applicant items' time multiplied by `factor` (rounded to
/// the nearest half day) or set to `days`, and every activity's return rate multiplied by
/// `returns_factor`.
pub fn agent_service(
    net: &mut Network,
    measure: &MeasureId,
    items: &[ItemId],
    factor: Option<f64>,
    days: &BTreeMap<ItemId, WorkingDays>,
    returns_factor: Option<f64>,
) -> Result<(), SolveError> {
    time_limit_compression(net, measure, days)?;
    if let Some(f) = factor {
        let at = item_activities(net, measure, items.iter())?;
        for item in items {
            let a = &mut net.activities[at[item]];
            a.days = half_days(a.days.get() * f);
            a.floor = a.floor.min(a.days);
        }
    }
    if let Some(f) = returns_factor {
        for r in net.activities.iter_mut().filter_map(|a| a.returns.as_mut()) {
            r.rate *= f;
        }
    }
    Ok(())
}

/// `days` rounded to the nearest half day (a half-way value up).
pub(crate) fn half_days(days: f64) -> WorkingDays {
    WorkingDays::new((days * 2.0).round() / 2.0)
}

/// Approvals become filings made on the applicant's commitment, taking `days` (usually 0).
///
/// With a verification, each becomes a filing that cannot be returned, followed by its
/// verification (`verify:ITEM`: a review by the same department, in no stage, so no gate and no
/// successor waits for it) starting when the grant is made and done within the deadline after it
/// (a maximum lag). A false commitment (the failure rate) comes back as a return: the applicant
/// learns it when the verification ends (`days` of the verification, the clock stopped) and the
/// item is then reviewed in full (its limit before the commitment) and verified again: it can
/// fail again, at most [`crate::VERIFICATION_ROUNDS`] times (the simulation's draws).
pub fn notification_commitment(
    net: &mut Network,
    measure: &MeasureId,
    items: &[ItemId],
    days: WorkingDays,
    verification: Option<&Verification>,
) -> Result<(), SolveError> {
    let at = item_activities(net, measure, items.iter())?;
    for item in items {
        let i = at[item];
        let a = &mut net.activities[i];
        let full = a.days;
        a.days = days;
        a.floor = a.floor.min(days);
        a.kind = ActivityKind::Item(ItemKind::Filing);
        let Some(v) = verification else {
            continue;
        };
        a.returns = (v.failure_rate > 0.0).then_some(Box::new(Returns {
            rate: v.failure_rate,
            correction: v.days,
            rereview: Some(full),
            source: Provenance::Unspecified,
        }));
        let check = Activity {
            id: format!("verify:{item}"),
            name: format!("{}: verification", a.name),
            kind: ActivityKind::Item(ItemKind::Review),
            stage: None,
            days: v.days,
            unit: permitflow_model::DayUnit::Working,
            clock: permitflow_model::Clock::Special,
            fee: 0.0,
            members: Default::default(),
            release: None,
            deadline: None,
            submission: false,
            forms: 0,
            materials: Default::default(),
            order: usize::MAX,
            floor: v.days,
            cost: 0.0,
            spread: None,
            returns: None,
            departments: a.departments.clone(),
        };
        let k = net.activities.len();
        net.activities.push(check);
        // From the grant (the filing's end, also when a simulated failure later brings the item
        // back): start-to-start with the filing's days as lag.
        net.constraints.push(Constraint {
            from: i,
            to: k,
            kind: LinkKind::StartToStart,
            lag: days,
            max_lag: Some(days + v.deadline - v.days),
            lag_unit: permitflow_model::DayUnit::Working,
            origin: Origin::Verification,
        });
    }
    Ok(())
}

/// A finish-to-start link becomes start-to-start with a lag: the next step starts before the
/// previous one is complete, on the applicant's commitment to make up the material. With a
/// deadline the material must arrive within it after the start (finish-to-start with the
/// deadline as a lead) and the result waits for it (finish-to-finish).
pub fn tolerance_acceptance(
    net: &mut Network,
    measure: &MeasureId,
    links: &[ToleranceLink],
) -> Result<(), SolveError> {
    if links.is_empty() {
        return Ok(());
    }
    let at = item_activities(net, measure, links.iter().flat_map(|l| [&l.from, &l.to]))?;
    // The file's finish-to-start links by their ends, in order (the first is changed first).
    let mut by_ends: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (k, c) in net.constraints.iter().enumerate().rev() {
        if c.kind == LinkKind::FinishToStart && c.origin == Origin::Link {
            by_ends.entry((c.from, c.to)).or_default().push(k);
        }
    }
    for l in links {
        let (from, to) = (at[&l.from], at[&l.to]);
        let k = by_ends
            .get_mut(&(from, to))
            .and_then(Vec::pop)
            .ok_or_else(|| SolveError::BadMeasure {
                measure: measure.to_string(),
                reason: tr!(
                    "diag-solver-no-link",
                    from = l.from.to_string(),
                    to = l.to.to_string()
                ),
            })?;
        let c = &mut net.constraints[k];
        c.kind = LinkKind::StartToStart;
        c.lag = l.lag;
        c.origin = Origin::Tolerance;
        if let Some(deadline) = l.deadline {
            // The material follows within the deadline: f_from ≤ s_to + deadline, written as
            // s_to ≥ f_from − deadline; the result only once it has arrived: f_to ≥ f_from.
            let base = c.clone();
            net.constraints.push(Constraint {
                kind: LinkKind::FinishToStart,
                lag: -deadline,
                max_lag: None,
                lag_unit: permitflow_model::DayUnit::Working,
                ..base.clone()
            });
            net.constraints.push(Constraint {
                kind: LinkKind::FinishToFinish,
                lag: WorkingDays::ZERO,
                max_lag: None,
                lag_unit: permitflow_model::DayUnit::Working,
                ..base
            });
        }
    }
    Ok(())
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
                reason: tr!("diag-solver-no-stage", id = s.to_string()),
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
    // Each stage's members and the links inside it, gathered in one pass over the network (a
    // pass per stage made many stages quadratic).
    let stages = net.stages.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); stages];
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(k) = a.stage.filter(|&k| k < stages) {
            members[k].push(i);
        }
    }
    let mut inside: Vec<Vec<(usize, usize)>> = vec![Vec::new(); stages];
    for c in &net.constraints {
        let (a, b) = (net.activities[c.from].stage, net.activities[c.to].stage);
        if let Some(k) = a.filter(|&k| k < stages && b == a && c.from != c.to) {
            inside[k].push((c.from, c.to));
        }
    }
    for k in 0..stages {
        let order = stage_order(net, &members[k], &inside[k]);
        for w in order.windows(2) {
            net.constraints.push(Constraint {
                from: w[0],
                to: w[1],
                kind: LinkKind::FinishToStart,
                lag: WorkingDays::ZERO,
                max_lag: None,
                lag_unit: permitflow_model::DayUnit::Working,
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

/// Cross-stage parallel advance (并行推进): the next stage no longer waits for a stage's unified
/// delivery, so its items start when their own links allow, except after the stages that
/// `measures` name as hard gates (a merged stage is hard when any of its stages is named). The
/// gates stay as milestones of each stage's delivery.
pub fn parallel_advance(
    net: &mut Network,
    measures: &[(&MeasureId, &[StageId])],
) -> Result<(), SolveError> {
    let mut hard: Vec<String> = Vec::new();
    for (measure, stages) in measures {
        for s in *stages {
            let st = net
                .stages
                .iter()
                .find(|st| st.ids.contains(s))
                .ok_or_else(|| SolveError::BadMeasure {
                    measure: measure.to_string(),
                    reason: tr!("diag-solver-no-stage", id = s.to_string()),
                })?;
            hard.push(format!("gate:{}", stage_label(&st.ids)));
        }
    }
    let acts = &net.activities;
    net.constraints.retain(|c| {
        let from = &acts[c.from];
        !(c.origin == Origin::StageGate && from.is_gate() && !hard.contains(&from.id))
    });
    Ok(())
}

/// Everything submitted online: no trips.
pub fn online_submission(net: &mut Network) {
    net.online = true;
}

/// A stage's activities in file order, moved only as far as their own links require (a stable
/// topological order), so the serial chain never contradicts a link.
/// `members` are the stage's activities, `links` the constraints between two of them.
fn stage_order(net: &Network, members: &[usize], links: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree: HashMap<usize, usize> = members.iter().map(|&i| (i, 0)).collect();
    let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(from, to) in links {
        *indegree.entry(to).or_default() += 1;
        next.entry(from).or_default().push(to);
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
    // Room made once for every gate and its links: pushed one by one the vectors would double
    // (at a million activities a copy of hundreds of megabytes each time).
    let gates = non_empty.len().saturating_sub(1);
    let links: usize = non_empty
        .windows(2)
        .map(|w| by_stage[w[0]].len() + by_stage[w[1]].len())
        .sum();
    net.activities.reserve_exact(gates);
    net.constraints.reserve_exact(links);
    for w in non_empty.windows(2) {
        let (k, next) = (w[0], w[1]);
        let gate = net.activities.len();
        let stage = &net.stages[k];
        net.activities.push(Activity {
            id: format!("gate:{}", stage_label(&stage.ids)),
            name: format!("{}: unified delivery", stage.name),
            kind: ActivityKind::Gate,
            departments: Few::from_buf([stage.lead.clone()]),
            stage: None,
            days: WorkingDays::ZERO,
            unit: permitflow_model::DayUnit::Working,
            clock: permitflow_model::Clock::Approval,
            fee: 0.0,
            members: Default::default(),
            release: None,
            deadline: None,
            submission: false,
            forms: 0,
            materials: Default::default(),
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
        lag_unit: permitflow_model::DayUnit::Working,
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
