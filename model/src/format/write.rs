//! Writing a scenario: the domain back into the file types, then TOML or JSON. Defaults are left
//! out (a review item, one form, no materials, the standard regimes), so a written file reads like
//! one written by hand and reads back to the same scenario.

use std::collections::{BTreeMap, HashMap};

use super::file::*;
use crate::clock::{Clock, DayMeasure, DayUnit};
use crate::labels::Part;
use crate::scenario::*;
use crate::units::*;

fn number(v: &Sourced<WorkingDays>) -> FileNumber {
    FileNumber {
        value: v.value.get(),
        source: v.source.as_text().map(str::to_owned),
    }
}

fn after_text(l: &Link) -> FileAfter {
    let calendar = l.lag_unit == DayUnit::Calendar;
    if let Some(m) = l.max_lag {
        return FileAfter::Link(Box::new(FileLinkSpec {
            item: l.from.to_string(),
            kind: (l.kind != LinkKind::FinishToStart).then(|| l.kind.code().to_owned()),
            lag: (l.lag != WorkingDays::ZERO).then_some(l.lag.get()),
            max_lag: Some(m.get()),
            unit: calendar.then(|| DayUnit::Calendar.name().to_owned()),
            when: None,
        }));
    }
    let mut s = l.from.to_string();
    if l.kind != LinkKind::FinishToStart {
        s.push(':');
        s.push_str(l.kind.code());
    }
    if l.lag.get() > 0.0 || (calendar && l.lag == WorkingDays::ZERO) {
        s.push_str(&format!("+{}", l.lag));
    } else if l.lag.get() < 0.0 {
        s.push_str(&l.lag.to_string());
    }
    // A calendar-day lag carries its unit, even a zero one, so it reads back the same.
    if calendar {
        s.push_str("cd");
    }
    FileAfter::Text(s)
}

impl From<&Draft> for FileScenario {
    fn from(s: &Draft) -> Self {
        let standard = s.has_standard_regimes();
        let mut f = FileScenario {
            version: FORMAT_VERSION,
            name: s.name.clone().into(),
            label_zh: None,
            label_en: None,
            description: s.description.clone().into(),
            description_zh: None,
            description_en: None,
            start: s.start.format("%Y-%m-%d").to_string(),
            calendar: Some(FileCalendar {
                base: s.calendar.base.name().into(),
                files: s.calendar.files.clone(),
            }),
            sources: s
                .sources
                .iter()
                .map(|r| FileSource {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    note: r.note.clone(),
                })
                .collect(),
            stages: s
                .stages
                .iter()
                .map(|st| FileStage {
                    id: st.id.to_string(),
                    name: unless_id(&st.name, st.id.as_str()),
                    label_zh: None,
                    label_en: None,
                    lead: st.lead.to_string(),
                })
                .collect(),
            items: {
                // Each item's links and group found once, not by a scan per item.
                let mut after: HashMap<&ItemId, Vec<FileAfter>> = HashMap::new();
                for l in &s.links {
                    after.entry(&l.to).or_default().push(after_text(l));
                }
                let mut joint: HashMap<&ItemId, &GroupId> = HashMap::new();
                for g in &s.joint_groups {
                    for m in &g.items {
                        joint.entry(m).or_insert(&g.id);
                    }
                }
                s.items
                    .iter()
                    .map(|it| {
                        let links = after.remove(&it.id).unwrap_or_default();
                        file_item(it, links, joint.get(&it.id).copied())
                    })
                    .collect()
            },
            // Groups with nothing but members are written on the items only.
            joint: s
                .joint_groups
                .iter()
                .filter(|g| {
                    g.name != g.id.as_str()
                        || s.labels
                            .names
                            .contains_key(&(Part::Group, g.id.to_string()))
                        || g.days.is_some()
                        || g.department.is_some()
                        || g.floor.is_some()
                        || g.cost.is_some()
                        || g.spread.is_some()
                })
                .map(file_joint)
                .collect(),
            measures: s.measures.iter().map(file_measure).collect(),
            regimes: if standard {
                vec![]
            } else {
                s.regimes
                    .iter()
                    .map(|r| FileRegime {
                        name: r.name.to_string(),
                        label_zh: None,
                        label_en: None,
                        base: r.base.name().into(),
                        measures: r.measures.iter().map(ToString::to_string).collect(),
                        description: r.description.clone().into(),
                        description_zh: None,
                        description_en: None,
                    })
                    .collect()
            },
            targets: s.targets.iter().map(file_target).collect(),
            milestones: s.milestones.iter().map(file_milestone).collect(),
            departments: BTreeMap::new(),
            project: BTreeMap::new(),
            variants: vec![],
        };
        super::write_names::put_labels(&mut f, s);
        super::write_rules::put_rules(&mut f, s);
        f
    }
}

/// A name is left out when it is the id.
fn unless_id(name: &str, id: &str) -> FileName {
    FileName::Text(if name == id {
        String::new()
    } else {
        name.to_owned()
    })
}

fn file_item(it: &Item, after: Vec<FileAfter>, joint: Option<&GroupId>) -> FileItem {
    FileItemFields {
        id: it.id.to_string(),
        name: unless_id(&it.name, it.id.as_str()),
        label_zh: None,
        label_en: None,
        department: it.department.to_string(),
        stage: it.stage.to_string(),
        kind: (it.kind != ItemKind::Review).then(|| it.kind.name().to_owned()),
        days: number(&it.days),
        unit: (it.unit != DayUnit::default()).then(|| it.unit.name().to_owned()),
        clock: (it.clock != Clock::default()).then(|| it.clock.name().to_owned()),
        fee: it.fee.as_ref().map(|f| {
            Box::new(FileNumber {
                value: f.value,
                source: f.source.as_text().map(str::to_owned),
            })
        }),
        materials: match &it.materials {
            Materials::Count(0) => None,
            Materials::Count(n) => Some(FileMaterials::Count(*n)),
            Materials::Named(v) => Some(FileMaterials::Named(v.clone())),
        },
        forms: (it.forms != 1).then_some(it.forms),
        after,
        joint: joint.map(ToString::to_string),
        floor: it.floor.as_ref().map(|f| Box::new(number(f))),
        cost: it.cost,
        spread: it
            .spread
            .as_ref()
            .map(|d| Box::new(file_spread(d, &it.spread_source))),
        returns: it.returns.as_ref().map(|r| {
            Box::new(FileReturns {
                rate: r.rate,
                correction_days: Some(r.correction.get()),
                rework_days: r.rereview.map(WorkingDays::get),
                rereview_days: None,
                source: r.source.as_text().map(str::to_owned),
            })
        }),
        release: it.release.map(WorkingDays::get),
        deadline: it.deadline.map(WorkingDays::get),
        when: None,
        note: it.note.clone(),
    }
    .into()
}

fn file_milestone(m: &crate::milestone::Milestone) -> FileMilestone {
    FileMilestone {
        id: m.id.to_string(),
        name: unless_id(&m.name, m.id.as_str()),
        label_zh: None,
        label_en: None,
        item: m.item.to_string(),
        at: (m.at != crate::milestone::MilestoneAt::default()).then(|| m.at.name().to_owned()),
        note: m.note.clone(),
    }
}

fn file_joint(g: &JointGroup) -> FileJoint {
    FileJoint {
        id: g.id.to_string(),
        name: unless_id(&g.name, g.id.as_str()),
        label_zh: None,
        label_en: None,
        days: g.days.as_ref().map(number),
        department: g.department.as_ref().map(ToString::to_string),
        floor: g.floor.as_ref().map(number),
        cost: g.cost,
        spread: g.spread.as_ref().map(|d| file_spread(d, &g.spread_source)),
    }
}

fn file_spread(d: &Distribution, source: &Provenance) -> FileSpread {
    let source = source.as_text().map(str::to_owned);
    match d {
        Distribution::Fixed(v) => FileSpread {
            dist: "fixed".into(),
            min: None,
            likely: Some(v.get()),
            max: None,
            source,
        },
        Distribution::Triangular { min, likely, max } | Distribution::Pert { min, likely, max } => {
            FileSpread {
                dist: if matches!(d, Distribution::Pert { .. }) {
                    "pert".into()
                } else {
                    "triangular".into()
                },
                min: Some(min.get()),
                likely: Some(likely.get()),
                max: Some(max.get()),
                source,
            }
        }
        Distribution::Uniform { min, max } => FileSpread {
            dist: "uniform".into(),
            min: Some(min.get()),
            likely: None,
            max: Some(max.get()),
            source,
        },
    }
}

fn file_target(t: &Target) -> FileTarget {
    FileTarget {
        name: t.name.clone().into(),
        label_zh: None,
        label_en: None,
        regime: t.regime.to_string(),
        approval_days: bound(t, DayMeasure::ApprovalDays),
        working_days: bound(t, DayMeasure::WorkingDays),
        calendar_days: bound(t, DayMeasure::CalendarDays),
        trips: t.trips,
        forms: t.forms,
        materials: t.materials,
        departments: t.departments,
        stage: t.stage.as_ref().map(ToString::to_string),
        exact: t.exact,
        source: t.source.as_text().map(str::to_owned),
    }
}

/// A target's day bound when it is on `measure`: a number, or `"MIN..MAX"` for a range.
fn bound(t: &Target, measure: DayMeasure) -> Option<FileBound> {
    let max = t.days.filter(|_| t.measure == measure)?;
    Some(match t.days_min {
        None => FileBound::Number(max.get()),
        Some(min) => FileBound::Range(format!("{min}..{max}")),
    })
}

fn file_measure(m: &MeasureDef) -> FileMeasure {
    let mut f = FileMeasure {
        id: m.id.to_string(),
        kind: m.measure.kind_name().into(),
        label_zh: None,
        label_en: None,
        items: vec![],
        days: None,
        limits: BTreeMap::new(),
        links: vec![],
        stages: vec![],
        hard_gates: vec![],
        drop: vec![],
        commit: vec![],
        verification: None,
        factor: None,
        returns_factor: None,
        groups: None,
        source: m.source.as_text().map(str::to_owned),
        when: None,
        note: m.note.clone(),
    };
    match &m.measure {
        Measure::JointReview { groups } => {
            f.groups = groups
                .as_ref()
                .map(|g| g.iter().map(ToString::to_string).collect())
        }
        Measure::NotificationCommitment {
            items,
            days,
            verification,
        } => {
            f.items = items.iter().map(ToString::to_string).collect();
            f.days = (*days != WorkingDays::ZERO).then_some(days.get());
            f.verification = verification.as_ref().map(|v| FileVerification {
                days: v.days.get(),
                deadline_days: v.deadline.get(),
                failure_rate: v.failure_rate,
            });
        }
        Measure::ToleranceAcceptance { links } => {
            f.links = links
                .iter()
                .map(|l| FileToleranceLink {
                    from: l.from.to_string(),
                    to: l.to.to_string(),
                    lag: l.lag.get(),
                    deadline_days: l.deadline.map(WorkingDays::get),
                })
                .collect()
        }
        Measure::TimeLimitCompression { days } => {
            f.limits = days.iter().map(|(k, v)| (k.to_string(), v.get())).collect()
        }
        Measure::MergedStages { stages } => {
            f.stages = stages.iter().map(ToString::to_string).collect()
        }
        Measure::OnlineSubmission => {}
        Measure::AgentService {
            items,
            factor,
            days,
            returns_factor,
        } => {
            f.items = items.iter().map(ToString::to_string).collect();
            f.factor = *factor;
            f.limits = days.iter().map(|(k, v)| (k.to_string(), v.get())).collect();
            f.returns_factor = *returns_factor;
        }
        Measure::ParallelAdvance { hard_gates } => {
            f.hard_gates = hard_gates.iter().map(ToString::to_string).collect()
        }
        Measure::RegionalAssessment {
            drop,
            commit,
            days,
            verification,
        } => {
            f.drop = drop.iter().map(ToString::to_string).collect();
            f.commit = commit.iter().map(ToString::to_string).collect();
            f.days = (*days != WorkingDays::ZERO).then_some(days.get());
            f.verification = verification.as_ref().map(|v| FileVerification {
                days: v.days.get(),
                deadline_days: v.deadline.get(),
                failure_rate: v.failure_rate,
            });
        }
    }
    f
}

/// Writes a scenario as TOML.
pub fn to_toml(s: &Draft) -> Result<String, toml::ser::Error> {
    toml::to_string(&FileScenario::from(s))
}

/// Writes a scenario as pretty JSON.
pub fn to_json(s: &Draft) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&FileScenario::from(s))
}
