//! The checker's one call for a whole outcome: the schedule against its network (every link,
//! bound and duration; the earliest schedule; dates counted one day at a time) and the network
//! against the scenario it came from (every item in exactly one activity, durations as the
//! regime's measures leave them, every link of the file kept, stages as in the file).
//!
//! The network check reads the scenario and the regime's measures directly; it shares nothing
//! with `regime.rs`, which builds the network.

use std::collections::HashMap;

use permitflow_model::{ActivityKind, Calendar, ItemId, LinkKind, Measure, Scenario, WorkingDays};

use super::dated::{counts_calendar_days, verify_dated, verify_measures};
use super::{EPS, verify, verify_dates, verify_earliest};
use crate::Outcome;

/// Every problem of `o` as an outcome of `s` on `cal`; empty when it is right.
pub fn verify_outcome(s: &Scenario, o: &Outcome, cal: &Calendar) -> Vec<String> {
    // With calendar days, dates and lags are checked on the calendar, one day at a time.
    let mut out = if counts_calendar_days(&o.network) {
        verify_dated(&o.network, &o.schedule, &o.dates, cal, s.start)
    } else {
        let mut out = verify(&o.network, &o.schedule);
        out.extend(verify_earliest(&o.network, &o.schedule));
        out.extend(verify_dates(cal, s.start, &o.schedule, &o.dates));
        out
    };
    out.extend(verify_measures(o, cal));
    out.extend(verify_network(s, o));
    if o.working_days() != o.schedule.makespan {
        out.push("the outcome's working days are not the schedule's makespan".into());
    }
    for &i in &o.critical_path {
        if !o.schedule.critical[i] {
            out.push(format!(
                "`{}` is on the critical path but not critical",
                o.network.activities[i].id
            ));
        }
    }
    out
}

/// The network of `o` against the scenario `s` and the regime's measures.
fn verify_network(s: &Scenario, o: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    let net = &o.network;
    // A regional assessment, for a project in the assessed area, leaves its `drop` items out
    // and grants its `commit` items as a notification-commitment would; outside, nothing.
    let mut dropped: Vec<ItemId> = Vec::new();
    let measures: Vec<Measure> = o
        .regime
        .measures
        .iter()
        .filter_map(|m| s.measure(m))
        .filter_map(|m| match m {
            Measure::RegionalAssessment {
                drop,
                commit,
                days,
                verification,
            } => s.in_assessed_area().then(|| {
                dropped.extend(drop);
                Measure::NotificationCommitment {
                    items: commit,
                    days,
                    verification,
                }
            }),
            m => Some(m),
        })
        .collect();

    // Every item in exactly one activity; every member an item.
    let mut home: HashMap<&ItemId, usize> = HashMap::new();
    for (i, a) in net.activities.iter().enumerate() {
        if a.kind == ActivityKind::Gate {
            if !a.members.is_empty() || a.days != WorkingDays::ZERO {
                out.push(format!("gate `{}` has members or a duration", a.id));
            }
            continue;
        }
        for m in &a.members {
            if s.item(m).is_none() {
                out.push(format!(
                    "activity `{}` stands for `{m}`, which is no item",
                    a.id
                ));
            }
            if let Some(j) = home.insert(m, i) {
                out.push(format!(
                    "item `{m}` is in two activities, `{}` and `{}`",
                    net.activities[j].id, a.id
                ));
            }
        }
    }
    for it in &s.items {
        if dropped.contains(&it.id) {
            if home.contains_key(&it.id) {
                out.push(format!(
                    "item `{}` is left out by a regional assessment but is in the network",
                    it.id
                ));
            }
        } else if !home.contains_key(&it.id) {
            out.push(format!("item `{}` is in no activity", it.id));
        }
    }

    // Durations: the file's limit, unless exactly one measure sets it; an agent service's factor
    // multiplies the limit it leaves (to the nearest half day); a commitment's days win.
    let set_by = |id: &ItemId| -> Vec<WorkingDays> {
        measures
            .iter()
            .filter_map(|m| match m {
                Measure::NotificationCommitment { items, days, .. } if items.contains(id) => {
                    Some(*days)
                }
                Measure::TimeLimitCompression { days } => days.get(id).copied(),
                Measure::AgentService { days, .. } => days.get(id).copied(),
                _ => None,
            })
            .collect()
    };
    let committed = |id: &ItemId| {
        measures.iter().any(
            |m| matches!(m, Measure::NotificationCommitment { items, .. } if items.contains(id)),
        )
    };
    let factor = |id: &ItemId| -> f64 {
        measures
            .iter()
            .filter_map(|m| match m {
                Measure::AgentService {
                    items,
                    factor: Some(f),
                    ..
                } if items.contains(id) => Some(*f),
                _ => None,
            })
            .product()
    };
    let item_days = |id: &ItemId| -> Option<WorkingDays> {
        let limit = match set_by(id).as_slice() {
            [] => s.item(id).map(|it| it.days.value),
            [d] => Some(*d),
            _ => None,
        }?;
        let f = factor(id);
        Some(if committed(id) || f == 1.0 {
            limit
        } else {
            WorkingDays::new((limit.get() * f * 2.0).round() / 2.0)
        })
    };
    for a in &net.activities {
        let expected = match a.kind {
            ActivityKind::Gate => continue,
            ActivityKind::Item(_) => a.members.first().and_then(item_days),
            ActivityKind::Joint => {
                let group = s.joint_groups.iter().find(|g| g.id.as_str() == a.id);
                match group.and_then(|g| g.days.as_ref()) {
                    Some(d) if set_by(&ItemId::new(&a.id)).is_empty() => Some(d.value),
                    Some(_) => None,
                    None => a
                        .members
                        .iter()
                        .map(item_days)
                        .try_fold(WorkingDays::ZERO, |acc, d| d.map(|d| acc.max(d))),
                }
            }
        };
        if let Some(d) = expected
            && (d.get() - a.days.get()).abs() > EPS
        {
            out.push(format!(
                "`{}` lasts {} working days; the scenario and the regime's measures give {d}",
                a.id, a.days
            ));
        }
        // The stage of the item in the file, or the merged stage that holds it.
        if let (Some(k), Some(it)) = (a.stage, a.members.first().and_then(|m| s.item(m)))
            && !net.stages[k].ids.contains(&it.stage)
        {
            out.push(format!(
                "`{}` is in stage `{}` instead of `{}`",
                a.id, net.stages[k].name, it.stage
            ));
        }
    }

    out.extend(verify_through_dropped(s, o, &home, &dropped));
    out.extend(verify_gates(o, &measures));
    out.extend(verify_verifications(o, &measures));

    // Every link of the file holds between the activities of its items (on the tolerance
    // measure's start-to-start terms where it applies); links inside one joint event vanish.
    let sched = &o.schedule;
    for l in &s.links {
        let (Some(&a), Some(&b)) = (home.get(&l.from), home.get(&l.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let accepted = measures.iter().find_map(|m| match m {
            Measure::ToleranceAcceptance { links } => {
                links.iter().find(|t| t.from == l.from && t.to == l.to)
            }
            _ => None,
        });
        let tolerance = accepted.map(|t| t.lag);
        if let Some(deadline) = accepted.and_then(|t| t.deadline) {
            // The material within the deadline after the start; the result after the material.
            if (sched.finish[a] - sched.start[b]).get() > deadline.get() + EPS {
                out.push(format!(
                    "the material `{}` arrives {} after `{}` starts, beyond its deadline of {deadline}",
                    l.from,
                    sched.finish[a] - sched.start[b],
                    l.to
                ));
            }
            if sched.finish[b].get() < sched.finish[a].get() - EPS {
                out.push(format!(
                    "`{}` is delivered at {} before its material `{}` arrives at {}",
                    l.to, sched.finish[b], l.from, sched.finish[a]
                ));
            }
        }
        // A lag in calendar days is checked on the calendar by `verify_dated`.
        if tolerance.is_none() && l.lag_unit == permitflow_model::DayUnit::Calendar {
            continue;
        }
        let (kind, lag) = match tolerance {
            Some(lag) => (LinkKind::StartToStart, lag),
            None => (l.kind, l.lag),
        };
        let from = match kind {
            LinkKind::FinishToStart | LinkKind::FinishToFinish => sched.finish[a],
            LinkKind::StartToStart | LinkKind::StartToFinish => sched.start[a],
        };
        let to = match kind {
            LinkKind::FinishToStart | LinkKind::StartToStart => sched.start[b],
            LinkKind::FinishToFinish | LinkKind::StartToFinish => sched.finish[b],
        };
        if (to - from).get() < lag.get() - EPS {
            out.push(format!(
                "the file's link `{}` → `{}` ({}) is broken: a gap of {} for a lag of {lag}",
                l.from,
                l.to,
                kind.code(),
                to - from
            ));
        }
    }
    out
}

/// The file's links that touch an item a regional assessment left out still hold through it:
/// the item is a moment of no duration, placed at the earliest time its own predecessors allow
/// (found here from the schedule alone, dropped items in any order, repeated until nothing
/// moves), and every link into and out of it must hold at that moment. Lags in calendar days
/// are left to the dated check.
fn verify_through_dropped(
    s: &Scenario,
    o: &Outcome,
    home: &HashMap<&ItemId, usize>,
    dropped: &[ItemId],
) -> Vec<String> {
    let mut out = Vec::new();
    if dropped.is_empty() {
        return out;
    }
    let sched = &o.schedule;
    let touching: Vec<&permitflow_model::Link> = s
        .links
        .iter()
        .filter(|l| dropped.contains(&l.from) || dropped.contains(&l.to))
        .collect();
    let mut moment: HashMap<&ItemId, f64> = dropped.iter().map(|d| (d, 0.0)).collect();
    let point = |moment: &HashMap<&ItemId, f64>, id: &ItemId, finish: bool| -> Option<f64> {
        match (moment.get(id), home.get(id)) {
            (Some(&t), _) => Some(t),
            (None, Some(&a)) => Some(if finish {
                sched.finish[a].get()
            } else {
                sched.start[a].get()
            }),
            (None, None) => None,
        }
    };
    let from_finish = |k: LinkKind| matches!(k, LinkKind::FinishToStart | LinkKind::FinishToFinish);
    let to_finish = |k: LinkKind| matches!(k, LinkKind::FinishToFinish | LinkKind::StartToFinish);
    for _ in 0..=dropped.len() {
        let mut moved = false;
        for l in &touching {
            if !dropped.contains(&l.to) || l.lag_unit == permitflow_model::DayUnit::Calendar {
                continue;
            }
            let Some(p) = point(&moment, &l.from, from_finish(l.kind)) else {
                continue;
            };
            let t = moment.get(&l.to).copied().unwrap_or(0.0);
            if p + l.lag.get() > t + EPS {
                moment.insert(&l.to, p + l.lag.get());
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    for l in &touching {
        if l.lag_unit == permitflow_model::DayUnit::Calendar {
            continue;
        }
        let (Some(a), Some(b)) = (
            point(&moment, &l.from, from_finish(l.kind)),
            point(&moment, &l.to, to_finish(l.kind)),
        ) else {
            continue;
        };
        if b - a < l.lag.get() - EPS {
            out.push(format!(
                "the file's link `{}` → `{}` ({}) through an item left out by a regional assessment is broken: a gap of {} for a lag of {}",
                l.from,
                l.to,
                l.kind.code(),
                b - a,
                l.lag
            ));
        }
    }
    out
}

/// Stage gates: the items of a stage start after every item of the stage before it has finished,
/// unless a parallel-advance measure made that stage's gate soft (it names it among its hard
/// gates, or there is no such measure, to keep it hard).
fn verify_gates(o: &Outcome, measures: &[Measure]) -> Vec<String> {
    let net = &o.network;
    let sched = &o.schedule;
    let advance: Option<Vec<&permitflow_model::StageId>> = measures
        .iter()
        .filter_map(|m| match m {
            Measure::ParallelAdvance { hard_gates } => Some(hard_gates),
            _ => None,
        })
        .fold(None, |acc, h| {
            let mut all = acc.unwrap_or_default();
            all.extend(h.iter());
            Some(all)
        });
    let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); net.stages.len()];
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(k) = a.stage.filter(|&k| k < by_stage.len()) {
            by_stage[k].push(i);
        }
    }
    let non_empty: Vec<usize> = (0..by_stage.len())
        .filter(|&k| !by_stage[k].is_empty())
        .collect();
    let mut out = Vec::new();
    for w in non_empty.windows(2) {
        let (k, next) = (w[0], w[1]);
        let hard = match &advance {
            None => true,
            Some(h) => net.stages[k].ids.iter().any(|s| h.contains(&s)),
        };
        if !hard {
            continue;
        }
        let delivered = by_stage[k]
            .iter()
            .map(|&i| sched.finish[i])
            .fold(WorkingDays::ZERO, WorkingDays::max);
        for &j in &by_stage[next] {
            if sched.start[j].get() < delivered.get() - EPS {
                out.push(format!(
                    "`{}` starts at {} before stage `{}` is delivered at {delivered}",
                    net.activities[j].id, sched.start[j], net.stages[k].name
                ));
            }
        }
    }
    out
}

/// Each verification of a notification-commitment starts no earlier than the grant, ends within
/// its deadline after it, and nothing waits for it.
fn verify_verifications(o: &Outcome, measures: &[Measure]) -> Vec<String> {
    let net = &o.network;
    let sched = &o.schedule;
    let mut out = Vec::new();
    for m in measures {
        let Measure::NotificationCommitment {
            items,
            verification: Some(v),
            ..
        } = m
        else {
            continue;
        };
        for item in items {
            let Some(i) = net
                .activities
                .iter()
                .position(|a| a.members.first() == Some(item))
            else {
                continue;
            };
            let id = format!("verify:{item}");
            let Some(k) = net.index_of(&id) else {
                out.push(format!(
                    "the commitment of `{item}` has no verification `{id}`"
                ));
                continue;
            };
            let granted = sched.finish[i];
            if sched.start[k].get() < granted.get() - EPS
                || sched.finish[k].get() > granted.get() + v.deadline.get() + EPS
            {
                out.push(format!(
                    "`{id}` runs from {} to {}, not within {} after the grant at {granted}",
                    sched.start[k], sched.finish[k], v.deadline
                ));
            }
            if net.constraints.iter().any(|c| c.from == k) {
                out.push(format!("`{id}` holds up another activity"));
            }
        }
    }
    out
}
