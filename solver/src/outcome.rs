//! Outcomes of a regime: working days, dates, days per stage, the critical path, and what the
//! applicant meets (trips, forms, materials, departments); targets checked against them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use permitflow_model::{
    Activity, Calendar, DayMeasure, Department, Intake, Materials, Network, Regime, Scenario,
    StageId, Target, WorkingDays,
};

use crate::clocks::{HalfDayUnion, approval_days, union_length};
use crate::dated::{first_calendar, schedule_dated};
use crate::error::SolveError;
use crate::regime::{check_acyclic, network_unchecked, stage_label};
use crate::schedule::{Cycles, Method, Schedule, schedule_with};
use crate::targets::describe_target;

/// What the applicant meets under a regime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Visits to a window (none when everything is submitted online).
    pub trips: u32,
    /// Forms filled in.
    pub forms: u32,
    /// Documents handed in; under one form per stage, a named document counts once per stage.
    pub materials: u32,
    /// Windows the applicant deals with.
    pub departments: u32,
}

/// A stage's span under a regime.
#[derive(Clone, Debug, PartialEq)]
pub struct StageSpan {
    /// The scenario stages this span stands for, in scenario order: one, or several after a
    /// merged-stages measure.
    pub ids: Vec<StageId>,
    /// The stage's name (merged names joined by ` + `).
    pub name: String,
    /// When its first activity starts, working days from the project start.
    pub start: WorkingDays,
    /// When its last activity finishes.
    pub finish: WorkingDays,
    /// `finish − start`: elapsed working days.
    pub working_days: WorkingDays,
    /// Official approval time within the span: working days on which one of the stage's
    /// approval-clock activities runs.
    pub approval_days: WorkingDays,
    /// Elapsed calendar days from the stage's first start date to its last finish date, both
    /// included.
    pub calendar_days: u32,
}

#[derive(Clone, Debug, PartialEq)]
/// A regime solved and measured: its network and schedule, dates, counts, stage spans and
/// critical path.
pub struct Outcome {
    /// The regime solved.
    pub regime: Regime,
    /// Its network: activities, constraints, stages.
    pub network: Network,
    /// The network's schedule.
    pub schedule: Schedule,
    /// The first working day on or after the scenario's start.
    pub start_date: NaiveDate,
    /// The day the application is made (the scenario's start, as written).
    pub application_date: NaiveDate,
    /// The day on which the last activity finishes.
    pub end_date: NaiveDate,
    /// Official approval time: working days on which at least one approval-clock activity runs.
    pub approval_days: WorkingDays,
    /// Elapsed calendar days from the application date to the end date, both included.
    pub calendar_days: u32,
    /// What the applicant pays, in yuan: the fees of every item.
    pub fees: f64,
    /// Start and finish date of each activity.
    pub dates: Vec<(NaiveDate, NaiveDate)>,
    /// What the applicant meets.
    pub counts: Counts,
    /// Each stage's span, in network order (stages without activities left out).
    pub stages: Vec<StageSpan>,
    /// Critical activities (no gates) in time order.
    pub critical_path: Vec<usize>,
}

impl StageSpan {
    /// Its ids as text: the stage's id, or merged stages' ids joined by `+`
    /// (`planning+construction`), as tables, CSV and JSON print them.
    pub fn label(&self) -> String {
        stage_label(&self.ids)
    }

    /// Whether this span stands for scenario stage `stage` (alone or merged with others).
    pub fn covers(&self, stage: &StageId) -> bool {
        self.ids.contains(stage)
    }

    /// The first stage it stands for: the one the others were merged into.
    pub fn first_id(&self) -> Option<&StageId> {
        self.ids.first()
    }

    /// Whether several scenario stages were merged into this span.
    pub fn is_merged(&self) -> bool {
        self.ids.len() > 1
    }
}

impl Outcome {
    /// The regime's working days: the schedule's makespan.
    pub fn working_days(&self) -> WorkingDays {
        self.schedule.makespan
    }

    /// The regime's figure for one day measure (official, elapsed working, elapsed calendar).
    pub fn days(&self, measure: DayMeasure) -> f64 {
        match measure {
            DayMeasure::ApprovalDays => self.approval_days.get(),
            DayMeasure::WorkingDays => self.working_days().get(),
            DayMeasure::CalendarDays => f64::from(self.calendar_days),
        }
    }

    /// Ids of the critical activities, in time order.
    pub fn critical_ids(&self) -> Vec<&str> {
        self.critical_path
            .iter()
            .map(|&i| self.network.activities[i].id.as_str())
            .collect()
    }
}

/// Solves `scenario` under `regime` and measures the outcome.
pub fn evaluate(
    scenario: &Scenario,
    regime: &Regime,
    calendar: &Calendar,
    method: Method,
) -> Result<Outcome, SolveError> {
    let network = network_unchecked(scenario, regime)?;
    evaluate_with(
        scenario,
        regime,
        network,
        calendar,
        method,
        Cycles::Unchecked,
    )
}

/// Solves a network already laid out for `regime` (by [`network_for`], perhaps changed since)
/// and measures the outcome: what [`evaluate`] does after building the network.
pub fn evaluate_network(
    scenario: &Scenario,
    regime: &Regime,
    network: Network,
    calendar: &Calendar,
    method: Method,
) -> Result<Outcome, SolveError> {
    evaluate_with(scenario, regime, network, calendar, method, Cycles::Checked)
}

/// [`evaluate_network`] of a network whose cycles are checked or not (then a cycle is the
/// error [`network_for`] gives, before any other).
fn evaluate_with(
    scenario: &Scenario,
    regime: &Regime,
    network: Network,
    calendar: &Calendar,
    method: Method,
    cycles: Cycles,
) -> Result<Outcome, SolveError> {
    let start_date = calendar.first_working_day(scenario.start);
    let dated = first_calendar(&network);
    if dated.is_some() && cycles == Cycles::Unchecked {
        check_acyclic(&network)?;
    }
    // Calendar days are placed exactly on the calendar; the LP counts working days only.
    let (schedule, dates, end_date) = match dated {
        Some(item) if method == Method::Lp => {
            return Err(SolveError::CalendarDays {
                feature: "lp".into(),
                item,
            });
        }
        Some(_) => {
            let d = schedule_dated(&network, calendar, scenario.start)?;
            (d.schedule, d.dates, d.end_date)
        }
        None => {
            let schedule = schedule_with(&network, method, cycles)?;
            let end_date = calendar.finish_date(scenario.start, schedule.makespan);
            let dates = schedule.dates(calendar, scenario.start);
            (schedule, dates, end_date)
        }
    };
    let counts = counts(&network);
    let (stages, approval_days, fees) = spans_and_clocks(&network, &schedule, &dates);
    let mut critical_path: Vec<usize> = (0..network.activities.len())
        .filter(|&i| schedule.critical[i] && !network.activities[i].is_gate())
        .collect();
    // The index last makes the order total: the same as a stable sort, without its buffer.
    critical_path.sort_unstable_by(|&a, &b| {
        schedule.start[a]
            .partial_cmp(&schedule.start[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(
                schedule.finish[a]
                    .partial_cmp(&schedule.finish[b])
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
            .then(
                network.activities[a]
                    .order
                    .cmp(&network.activities[b].order),
            )
            .then(a.cmp(&b))
    });
    let calendar_days = calendar_days_between(scenario.start, end_date);
    Ok(Outcome {
        regime: regime.clone(),
        network,
        schedule,
        start_date,
        application_date: scenario.start,
        end_date,
        approval_days,
        calendar_days,
        fees,
        dates,
        counts,
        stages,
        critical_path,
    })
}

/// Each stage's span, the official approval time and the fees, in one pass over the activities:
/// per stage its first start and last finish, first and last date and the union of its
/// approval-clock activities' days; overall the union of every approval-clock activity's days
/// (gates take no time) and the fees summed in network order.
///
/// The unions are counted on half days as the activities come ([`HalfDayUnion`]: no interval
/// list, no sort) when the counters fit in a few times the activities' number; an activity off
/// the half-day grid sends them to [`union_length`] over gathered lists instead. Both give the
/// same figure.
fn spans_and_clocks(
    network: &Network,
    schedule: &Schedule,
    dates: &[(NaiveDate, NaiveDate)],
) -> (Vec<StageSpan>, WorkingDays, f64) {
    type Dated = Option<(NaiveDate, NaiveDate)>;
    type Span = Option<(WorkingDays, WorkingDays)>;
    let k = network.stages.len();
    let n = network.activities.len();
    let mut per_stage: Vec<(Span, Dated)> = vec![(None, None); k];
    // Counters: one per stage, the last for all activities.
    let limit = (8 * n + 1024) / (k + 1);
    let mut counters: Option<Vec<HalfDayUnion>> =
        HalfDayUnion::cells(schedule.makespan.get(), limit)
            .map(|cells| vec![HalfDayUnion::new(cells); k + 1]);
    // As `Iterator::sum` starts (so that no fee at all gives the same zero as before).
    let mut fees: f64 = std::iter::empty::<f64>().sum();
    for (i, a) in network.activities.iter().enumerate() {
        fees += a.fee;
        let (s, f) = (schedule.start[i], schedule.finish[i]);
        let stage = a.stage.filter(|&st| st < k);
        if let Some(st) = stage {
            let (span, dated) = &mut per_stage[st];
            *span = Some(span.map_or((s, f), |(s0, f0)| (s0.min(s), f0.max(f))));
            let (ds, df) = dates[i];
            *dated = Some(dated.map_or((ds, df), |(s0, f0)| (s0.min(ds), f0.max(df))));
        }
        if let Some(c) = counters.as_mut()
            && a.clock.is_official()
        {
            let (s, f) = (s.get(), f.get());
            let counted = match stage {
                Some(st) => c[st].add(s, f),
                None => true,
            } && (a.is_gate() || c[k].add(s, f));
            if !counted {
                counters = None;
            }
        }
    }
    let unions: Vec<WorkingDays> = match counters {
        Some(c) => c.iter().map(HalfDayUnion::total).collect(),
        None => {
            // Gathered per stage and overall, in network order, for the sorting merge.
            let mut official: Vec<Vec<(f64, f64)>> = vec![Vec::new(); k];
            for (i, a) in network.activities.iter().enumerate() {
                if let Some(st) = a.stage.filter(|&st| st < k)
                    && a.clock.is_official()
                {
                    official[st].push((schedule.start[i].get(), schedule.finish[i].get()));
                }
            }
            let all = approval_days(network, &schedule.start, &schedule.finish, |_| true);
            official
                .into_iter()
                .map(union_length)
                .chain(std::iter::once(all))
                .collect()
        }
    };
    let stages = network
        .stages
        .iter()
        .zip(per_stage)
        .zip(&unions)
        .filter_map(|((st, (span, dated)), &approval_days)| {
            let (start, finish) = span?;
            let (first, last) = dated?;
            Some(StageSpan {
                ids: st.ids.clone(),
                name: st.name.clone(),
                start,
                finish,
                working_days: finish - start,
                approval_days,
                calendar_days: calendar_days_between(first, last),
            })
        })
        .collect();
    (stages, unions[k], fees)
}

/// Calendar days from `first` to `last`, both included (0 when `last` is before `first`).
pub fn calendar_days_between(first: NaiveDate, last: NaiveDate) -> u32 {
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// Every regime of the scenario, in file order; a regime that cannot be solved gives its error
/// and the others still run.
pub fn evaluate_all(
    scenario: &Scenario,
    calendar: &Calendar,
    method: Method,
) -> Vec<Result<Outcome, SolveError>> {
    scenario
        .regimes
        .iter()
        .map(|r| evaluate(scenario, r, calendar, method))
        .collect()
}

fn materials_of(acts: &[&Activity]) -> u32 {
    let mut named: BTreeSet<&str> = BTreeSet::new();
    let mut count = 0;
    for a in acts {
        for m in &a.materials {
            match m {
                Materials::Count(n) => count += n,
                Materials::Named(v) => named.extend(v.iter().map(String::as_str)),
            }
        }
    }
    count + named.len() as u32
}

/// Trips, forms, materials and departments: per activity in a serial regime, per stage under
/// one form and one window. One pass over the activities; only named materials are gathered.
pub fn counts(net: &Network) -> Counts {
    let subs = net
        .activities
        .iter()
        .filter(|a| a.submission && !a.is_gate());
    let mut c = match net.intake {
        Intake::PerActivity => {
            let mut departments: BTreeSet<&Department> = BTreeSet::new();
            let mut c = Counts::default();
            for a in subs {
                departments.extend(a.departments.iter());
                c.trips += 1;
                c.forms += a.forms;
                c.materials += materials_of(std::slice::from_ref(&a));
            }
            c.departments = departments.len() as u32;
            c
        }
        Intake::PerStage => {
            // Per stage (slot 0: no stage, slot k + 1: stage k): whether it has a submission,
            // its counted documents and its named ones.
            let mut by_stage: Vec<(bool, u32, BTreeSet<&str>)> = Vec::new();
            by_stage.resize_with(net.stages.len() + 1, Default::default);
            for a in subs {
                let slot = a.stage.map_or(0, |k| k + 1);
                if slot >= by_stage.len() {
                    by_stage.resize_with(slot + 1, Default::default);
                }
                let (seen, count, named) = &mut by_stage[slot];
                *seen = true;
                for m in &a.materials {
                    match m {
                        Materials::Count(n) => *count += n,
                        Materials::Named(v) => named.extend(v.iter().map(String::as_str)),
                    }
                }
            }
            let mut stages = 0;
            let mut materials = 0;
            let mut leads: BTreeSet<&Department> = BTreeSet::new();
            for (slot, (seen, count, named)) in by_stage.iter().enumerate() {
                if !seen {
                    continue;
                }
                stages += 1;
                materials += count + named.len() as u32;
                if slot > 0 {
                    leads.insert(&net.stages[slot - 1].lead);
                }
            }
            Counts {
                trips: stages,
                forms: stages,
                materials,
                departments: leads.len() as u32,
            }
        }
    };
    if net.online {
        c.trips = 0;
    }
    c
}

/// A target checked against its regime's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCheck {
    /// The target checked.
    pub target: Target,
    /// `None` when the regime could not be solved.
    pub met: Option<bool>,
    /// What was measured, e.g. "36.5 working days ≤ 60".
    pub detail: String,
}

/// Checks each target against the outcome of its regime (`outcomes` in the order of
/// `scenario.regimes`).
pub fn check_targets(
    scenario: &Scenario,
    outcomes: &[Result<Outcome, SolveError>],
) -> Vec<TargetCheck> {
    scenario
        .targets
        .iter()
        .map(|t| {
            let o = scenario
                .regimes
                .iter()
                .position(|r| r.name == t.regime)
                .and_then(|i| outcomes.get(i))
                .and_then(|r| r.as_ref().ok());
            let (met, detail) =
                permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || describe_target(t, o));
            TargetCheck {
                target: t.clone(),
                met,
                detail,
            }
        })
        .collect()
}
