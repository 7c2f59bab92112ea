//! Preparing a project type: its network and statutory total, how each activity's duration is
//! drawn, which department serves it, its links as the event loop fires them, its upper bounds.

use std::collections::HashMap;

use chrono::NaiveDate;
use permitflow_model::{ActivityKind, Calendar, DayMeasure, DayUnit, ItemKind, LinkKind, Scenario};

use super::joint::JointSplit;
use super::{ProjectType, ServiceTimes};
use crate::error::SolveError;
use crate::regime::network_for;
use rand_distr::Geometric;

use crate::dated::{has_calendar_days, schedule_dated};
use crate::sample::{Shape, activity_draws, return_count};
use crate::schedule::{Method, schedule};

/// What does not depend on the departments' capacities.
pub(super) struct Prepared {
    net: permitflow_model::Network,
    statutory: f64,
    statutory_approval: f64,
    /// Per slot (the network's activities, then the member reviews of joint events).
    draws: Vec<Draw>,
    /// The department whose reviewer serves each slot; `None`: no reviewer needed.
    pub(super) served_by: Vec<Option<String>>,
    /// Member reviews of joint events: see [`JointSplit`].
    split: JointSplit,
    /// With calendar-day items or lags: the scenario's base calendar.
    calendar: Option<Calendar>,
}

impl Prepared {
    pub(super) fn new(p: &ProjectType) -> Result<Self, SolveError> {
        let net = network_for(&p.scenario, &p.regime)?;
        // Calendar days are placed on the scenario's base calendar from its start date (the day
        // the centre opens for this project type).
        let calendar =
            has_calendar_days(&net).then(|| Calendar::for_base(p.scenario.calendar.base));
        let sched = match &calendar {
            Some(cal) => schedule_dated(&net, cal, p.scenario.start)?.schedule,
            None => schedule(&net, Method::Paths)?,
        };
        let statutory = sched.makespan.get();
        let statutory_approval =
            crate::clocks::approval_days(&net, &sched.start, &sched.finish, |_| true).get();
        let draws = draws_of(&p.scenario, &net);
        let kinds: HashMap<&str, ItemKind> = p
            .scenario
            .items
            .iter()
            .map(|it| (it.id.as_str(), it.kind))
            .collect();
        let reviewed = |k: ItemKind| matches!(k, ItemKind::Review | ItemKind::Filing);
        let mut served_by: Vec<Option<String>> = net
            .activities
            .iter()
            .map(|a| {
                // A calendar-day period (publicity, notice) runs by itself: no reviewer.
                if a.unit == DayUnit::Calendar && a.days.get() > 0.0 {
                    return None;
                }
                let needs = match &a.kind {
                    ActivityKind::Gate => false,
                    ActivityKind::Item(k) => reviewed(*k),
                    ActivityKind::Joint => a
                        .members
                        .iter()
                        .any(|m| kinds.get(m.as_str()).is_some_and(|&k| reviewed(k))),
                };
                if needs {
                    a.departments.first().map(|d| d.as_str().to_owned())
                } else {
                    None
                }
            })
            .collect();
        let mut draws = draws;
        let split = JointSplit::new(p, &net, &mut served_by, &mut draws)?;
        Ok(Self {
            net,
            statutory,
            statutory_approval,
            draws,
            served_by,
            split,
            calendar,
        })
    }
}

/// How each activity's duration is drawn: the same distributions as [`crate::simulate`].
pub(super) fn draws_of(scenario: &Scenario, net: &permitflow_model::Network) -> Vec<Draw> {
    activity_draws(scenario, net)
        .into_iter()
        .map(|d| Draw {
            shape: d.shape,
            returns: d.returns.and_then(|(rate, rework, rereview)| {
                Some(Returns {
                    count: return_count(rate)?,
                    max: d.max_returns,
                    rework,
                    rereview,
                })
            }),
        })
        .collect()
}

/// A link as its successor sees it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Succ {
    pub(super) to: u32,
    /// Start-to-finish or finish-to-finish: the bound subtracts the successor's duration.
    pub(super) minus_d: bool,
    pub(super) lag: f64,
    /// The lag counts calendar days.
    pub(super) cal_lag: bool,
}

/// An upper bound to check the realised dates against.
#[derive(Clone, Copy, Debug)]
pub(super) enum Upper {
    MaxLag {
        from: usize,
        to: usize,
        kind: LinkKind,
        max: f64,
    },
    Deadline {
        at: usize,
        max: f64,
    },
}

/// Everything fixed for one project type in one run.
pub(super) struct TypeModel {
    /// Hash of the type's name: its random streams' key.
    pub(super) key: u64,
    pub(super) rate: f64,
    pub(super) priority: bool,
    /// The network's activities (slots `0..n`); member reviews of joint events follow them.
    pub(super) n: usize,
    /// Activities and member reviews.
    pub(super) slots: usize,
    /// Per activity: the slots of its member reviews (a joint event split, [`JointSplit`]).
    pub(super) subs: Vec<Vec<u32>>,
    /// Per member review (slot `n + k`): its joint event.
    pub(super) parent: Vec<u32>,
    pub(super) release: Vec<f64>,
    pub(super) draws: Vec<Draw>,
    /// Mean of the exponential service ([`ServiceTimes::Exponential`]); `None`: as drawn.
    pub(super) exp_mean: Vec<Option<f64>>,
    /// Department index serving each activity.
    pub(super) dept: Vec<Option<u32>>,
    /// Whether the activity queues (a department with finite reviewers).
    pub(super) queued: Vec<bool>,
    /// Stream key of each activity (hash of its id).
    pub(super) act_key: Vec<u64>,
    pub(super) indeg: Vec<u32>,
    /// Links fired by an activity's start (SS, SF) and by its finish (FS, FF).
    pub(super) on_start: Vec<Vec<Succ>>,
    pub(super) on_finish: Vec<Vec<Succ>>,
    /// Activities with no incoming link: ready on arrival.
    pub(super) roots: Vec<u32>,
    pub(super) upper: Vec<Upper>,
    pub(super) statutory: f64,
    /// The regime's official approval days with every activity at its limit.
    pub(super) statutory_approval: f64,
    /// Whole-regime day targets: name, measure, least and most days.
    pub(super) targets: Vec<(String, DayMeasure, Option<f64>, f64)>,
    /// Whether each activity's time counts toward official approval time (a non-gate on the
    /// approval clock).
    pub(super) official: Vec<bool>,
    /// With calendar-day items or lags: the calendar and the day the centre opens (the
    /// scenario's start).
    pub(super) calendar: Option<(Calendar, NaiveDate)>,
    /// Whether each activity counts calendar days (and has some).
    pub(super) cal: Vec<bool>,
}

impl TypeModel {
    pub(super) fn new(
        p: &ProjectType,
        pre: Prepared,
        dept_index: &HashMap<&str, usize>,
        cap: &[Option<usize>],
        service: ServiceTimes,
    ) -> Self {
        let net = &pre.net;
        let n = net.activities.len();
        let dept: Vec<Option<u32>> = pre
            .served_by
            .iter()
            .map(|d| {
                d.as_deref()
                    .and_then(|d| dept_index.get(d))
                    .map(|&i| i as u32)
            })
            .collect();
        let split = &pre.split;
        let mut queued: Vec<bool> = dept
            .iter()
            .map(|d| d.is_some_and(|d| cap[d as usize].is_some()))
            .collect();
        // A split joint event waits (cannot start before its submission) when a member does.
        for (j, subs) in split.subs.iter().enumerate() {
            if subs.iter().any(|&k| queued[k as usize]) {
                queued[j] = true;
            }
        }
        let slots = pre.split.slots();
        let mut on_start = vec![Vec::new(); slots];
        let mut on_finish = vec![Vec::new(); slots];
        let mut indeg = vec![0u32; slots];
        let mut upper = Vec::new();
        for c in &net.constraints {
            let s = Succ {
                to: c.to as u32,
                minus_d: matches!(c.kind, LinkKind::FinishToFinish | LinkKind::StartToFinish),
                lag: c.lag.get(),
                cal_lag: c.lag_unit == DayUnit::Calendar,
            };
            match c.kind {
                LinkKind::StartToStart | LinkKind::StartToFinish => on_start[c.from].push(s),
                LinkKind::FinishToStart | LinkKind::FinishToFinish => on_finish[c.from].push(s),
            }
            indeg[c.to] += 1;
            if let Some(m) = c.max_lag {
                upper.push(Upper::MaxLag {
                    from: c.from,
                    to: c.to,
                    kind: c.kind,
                    max: m.get(),
                });
            }
        }
        for (i, a) in net.activities.iter().enumerate() {
            if let Some(d) = a.deadline {
                upper.push(Upper::Deadline {
                    at: i,
                    max: d.get(),
                });
            }
        }
        let exp_mean = net
            .activities
            .iter()
            .map(|a| (!a.is_gate()).then(|| a.days.get()))
            .chain(split.days.iter().map(|&d| Some(d)))
            .map(|d| match service {
                ServiceTimes::Exponential => d.filter(|&d| d > 0.0),
                ServiceTimes::Scenario => None,
            })
            .collect();
        let targets = p
            .scenario
            .targets
            .iter()
            .filter(|t| t.regime == p.regime.name && t.stage.is_none())
            .filter_map(|t| {
                Some((
                    t.name.clone(),
                    t.measure,
                    t.days_min.map(|d| d.get()),
                    t.days?.get(),
                ))
            })
            .collect();
        Self {
            key: fnv1a(&p.name),
            rate: p.rate,
            priority: p.priority,
            n,
            slots: split.slots(),
            subs: split.subs.clone(),
            parent: split.parent.clone(),
            release: net
                .activities
                .iter()
                .map(|a| a.release.map(|r| r.get()).unwrap_or(0.0).max(0.0))
                .chain(split.parent.iter().map(|_| 0.0))
                .collect(),
            draws: pre.draws,
            exp_mean,
            dept,
            queued,
            act_key: net
                .activities
                .iter()
                .map(|a| fnv1a(&a.id))
                .chain(split.keys.iter().copied())
                .collect(),
            roots: (0..n as u32).filter(|&i| indeg[i as usize] == 0).collect(),
            indeg,
            on_start,
            on_finish,
            upper,
            statutory: pre.statutory,
            statutory_approval: pre.statutory_approval,
            targets,
            // A split joint event's time is its member reviews'.
            official: net
                .activities
                .iter()
                .zip(&split.subs)
                .map(|(a, subs)| !a.is_gate() && a.clock.is_official() && subs.is_empty())
                .chain(split.official.iter().copied())
                .collect(),
            calendar: pre.calendar.map(|c| (c, p.scenario.start)),
            cal: net
                .activities
                .iter()
                .map(|a| a.unit == DayUnit::Calendar && a.days.get() > 0.0)
                .chain(split.parent.iter().map(|_| false))
                .collect(),
        }
    }
}

/// FNV-1a, 64 bits: a stable hash of a name for stream keys.
pub(super) fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Returns {
    /// How many times the file comes back: geometric in the rate ([`return_count`]).
    pub(super) count: Geometric,
    /// At most this many ([`crate::sample::VERIFICATION_ROUNDS`] for a verified commitment).
    pub(super) max: u32,
    pub(super) rework: f64,
    pub(super) rereview: f64,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Draw {
    pub(super) shape: Shape,
    pub(super) returns: Option<Returns>,
}
