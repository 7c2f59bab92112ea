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
    let measures: Vec<Measure> = o
        .regime
        .measures
        .iter()
        .filter_map(|m| s.measure(m))
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
        if !home.contains_key(&it.id) {
            out.push(format!("item `{}` is in no activity", it.id));
        }
    }

    // Durations: the file's limit, unless exactly one measure sets it.
    let set_by = |id: &ItemId| -> Vec<WorkingDays> {
        measures
            .iter()
            .filter_map(|m| match m {
                Measure::NotificationCommitment { items, days } if items.contains(id) => {
                    Some(*days)
                }
                Measure::TimeLimitCompression { days } => days.get(id).copied(),
                _ => None,
            })
            .collect()
    };
    let item_days = |id: &ItemId| -> Option<WorkingDays> {
        match set_by(id).as_slice() {
            [] => s.item(id).map(|it| it.days.value),
            [d] => Some(*d),
            _ => None,
        }
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
        let tolerance = measures.iter().find_map(|m| match m {
            Measure::ToleranceAcceptance { links } => links
                .iter()
                .find(|t| t.from == l.from && t.to == l.to)
                .map(|t| t.lag),
            _ => None,
        });
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
