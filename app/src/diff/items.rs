//! Per item under one regime: limit, start, finish, float and the critical mark in A and in B,
//! matched by the item's id.

use chrono::NaiveDate;
use permitflow_model::{DayUnit, WorkingDays};
use permitflow_solver::Outcome;

use super::Version;

/// An item's times in one version under one regime.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemTimes {
    /// Its limit under the regime (a joint event's when it is reviewed jointly), in `unit`.
    pub limit: WorkingDays,
    /// What the limit counts.
    pub unit: DayUnit,
    /// Start, in working days from the project start.
    pub start: WorkingDays,
    /// Finish, in working days from the project start.
    pub finish: WorkingDays,
    /// The day it starts.
    pub start_date: NaiveDate,
    /// The day it finishes.
    pub finish_date: NaiveDate,
    /// Total float in working days.
    pub float: WorkingDays,
    /// On the critical path.
    pub critical: bool,
    /// The joint event it is reviewed in, by name, when it is one of several members.
    pub joint: Option<String>,
}

/// An item in one version.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// The version has no such item.
    Absent,
    /// The item is there but the regime has no schedule (it cannot be solved, the version
    /// lacks the regime, or the regime drops the item).
    Unscheduled,
    /// Its times.
    Timed(ItemTimes),
}

impl Slot {
    /// The times, when scheduled.
    pub fn times(&self) -> Option<&ItemTimes> {
        match self {
            Slot::Timed(t) => Some(t),
            _ => None,
        }
    }
}

/// One item in A and in B.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemRow {
    /// Its id (the same in both).
    pub id: String,
    /// Its name for people (B's, else A's).
    pub name: String,
    /// Its stage's name (B's, else A's).
    pub stage: String,
    /// In A.
    pub a: Slot,
    /// In B.
    pub b: Slot,
}

impl ItemRow {
    /// Only in B.
    pub fn added(&self) -> bool {
        self.a == Slot::Absent && self.b != Slot::Absent
    }

    /// Only in A.
    pub fn removed(&self) -> bool {
        self.a != Slot::Absent && self.b == Slot::Absent
    }

    /// Whether the limit, start, finish, float or critical mark differ, or the item is only
    /// in one version.
    pub fn differs(&self) -> bool {
        self.a != self.b
    }

    /// B − A of the limit, when both are scheduled in the same unit.
    pub fn limit_delta(&self) -> Option<WorkingDays> {
        self.both()
            .filter(|(a, b)| a.unit == b.unit)
            .map(|(a, b)| b.limit - a.limit)
    }

    /// B − A of the start (working days), when both are scheduled.
    pub fn start_delta(&self) -> Option<WorkingDays> {
        self.both().map(|(a, b)| b.start - a.start)
    }

    /// B − A of the finish (working days), when both are scheduled.
    pub fn finish_delta(&self) -> Option<WorkingDays> {
        self.both().map(|(a, b)| b.finish - a.finish)
    }

    /// B − A of the float (working days), when both are scheduled.
    pub fn float_delta(&self) -> Option<WorkingDays> {
        self.both().map(|(a, b)| b.float - a.float)
    }

    fn both(&self) -> Option<(&ItemTimes, &ItemTimes)> {
        Some((self.a.times()?, self.b.times()?))
    }
}

/// Every item of B in its order, then those only A has, with their times under `regime`.
pub fn items(a: &Version, b: &Version, regime: &str) -> Vec<ItemRow> {
    let (oa, ob) = (outcome(a, regime), outcome(b, regime));
    let row = |id: &str| {
        let named = [b, a].into_iter().find_map(|v| {
            let item = v.scenario.items.iter().find(|i| i.id.as_str() == id)?;
            let stage = v
                .scenario
                .stages
                .iter()
                .find(|s| s.id == item.stage)
                .map_or_else(|| item.stage.to_string(), |s| s.name.clone());
            Some((item.name.clone(), stage))
        });
        let (name, stage) = named.unwrap_or_else(|| (id.to_owned(), String::new()));
        ItemRow {
            id: id.to_owned(),
            name,
            stage,
            a: slot(a, oa, id),
            b: slot(b, ob, id),
        }
    };
    let mut rows: Vec<ItemRow> = b
        .scenario
        .items
        .iter()
        .map(|i| row(i.id.as_str()))
        .collect();
    rows.extend(
        a.scenario
            .items
            .iter()
            .filter(|i| b.scenario.item(&i.id).is_none())
            .map(|i| row(i.id.as_str())),
    );
    rows
}

fn outcome<'a>(v: &'a Version, regime: &str) -> Option<&'a Outcome> {
    v.table.outcome(regime)
}

fn slot(v: &Version, o: Option<&Outcome>, id: &str) -> Slot {
    if !v.scenario.items.iter().any(|i| i.id.as_str() == id) {
        return Slot::Absent;
    }
    let Some(o) = o else {
        return Slot::Unscheduled;
    };
    let Some(k) = o
        .network
        .activities
        .iter()
        .position(|act| act.members.iter().any(|m| m.as_str() == id))
    else {
        return Slot::Unscheduled;
    };
    let act = &o.network.activities[k];
    let sch = &o.schedule;
    let (start_date, finish_date) = o.dates[k];
    Slot::Timed(ItemTimes {
        limit: act.days,
        unit: act.unit,
        start: sch.start[k],
        finish: sch.finish[k],
        start_date,
        finish_date,
        float: sch.total_float[k],
        critical: sch.critical[k],
        joint: (act.members.len() > 1).then(|| act.name.clone()),
    })
}
