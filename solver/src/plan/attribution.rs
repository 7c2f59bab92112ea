//! What the parts of a regime are worth: added one at a time from the serial regime, and removed
//! one at a time from the full regime.

use permitflow_model::{BaseMode, Calendar, MeasureId, Regime, Scenario, WorkingDays};

use super::Dates;
use crate::error::SolveError;
use crate::regime::network_for;

/// One change on the way from the serial regime to a regime.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The serial regime: the starting point of the steps.
    Serial,
    /// Parallel approval (the base mode `parallel` instead of `serial`).
    Parallel,
    /// One of the regime's measures.
    Measure(MeasureId),
}

impl Change {
    /// `serial`, `parallel`, or the measure's id.
    pub fn name(&self) -> String {
        match self {
            Self::Serial => "serial".into(),
            Self::Parallel => "parallel".into(),
            Self::Measure(m) => m.to_string(),
        }
    }
}

/// One step of the incremental attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What this step adds.
    pub change: Change,
    /// `change.name()`.
    pub name: String,
    /// Working days once this step is taken (with every earlier step).
    pub working_days: WorkingDays,
    /// Working days this step saves over the previous one (0 for the serial start).
    pub saved: WorkingDays,
}

/// The full regime without one of its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    /// What is removed: a measure, or `Parallel` for switching the base back to serial.
    pub change: Change,
    /// `change.name()`.
    pub name: String,
    /// Working days of the regime without it.
    pub working_days: WorkingDays,
    /// What it saves relative to the full regime: without it minus the full regime.
    pub saves: WorkingDays,
}

/// What the parts of a regime are worth.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The regime's name.
    pub regime: String,
    /// Working days of the serial regime (base serial, no measures).
    pub serial: WorkingDays,
    /// Working days of the full regime.
    pub working_days: WorkingDays,
    /// Serial, then parallel approval (when the base is parallel), then each measure in the
    /// regime's order; the `saved` add up to `serial − working_days`.
    pub steps: Vec<Step>,
    /// Each measure of the regime left out in turn (in the regime's order), then, when the base
    /// is parallel, the base switched back to serial.
    pub removals: Vec<Removal>,
}

/// What each part of `regime` is worth, added one at a time from the serial regime and removed
/// one at a time from the full regime. The incremental values depend on the order (the
/// regime's); the removals show each part's value with all the others in place.
/// Calendar-day items are placed on the scenario's base calendar ([`attribute_on`] takes one).
pub fn attribute(scenario: &Scenario, regime: &Regime) -> Result<Attribution, SolveError> {
    attribute_on(
        scenario,
        regime,
        &Calendar::for_base(scenario.calendar.base),
    )
}

/// [`attribute`] under `calendar`: every figure is the exact schedule's working days, calendar
/// days placed on the calendar.
pub fn attribute_on(
    scenario: &Scenario,
    regime: &Regime,
    calendar: &Calendar,
) -> Result<Attribution, SolveError> {
    let dates = Dates::of(scenario, calendar);
    let days = |r: &Regime| -> Result<WorkingDays, SolveError> {
        dates.makespan(&network_for(scenario, r)?)
    };
    let mut partial = Regime {
        base: BaseMode::Serial,
        measures: Vec::new(),
        ..regime.clone()
    };
    let serial = days(&partial)?;
    let mut steps = vec![Step {
        change: Change::Serial,
        name: Change::Serial.name(),
        working_days: serial,
        saved: WorkingDays::ZERO,
    }];
    let mut changes = Vec::new();
    if regime.base == BaseMode::Parallel {
        changes.push(Change::Parallel);
    }
    changes.extend(regime.measures.iter().cloned().map(Change::Measure));
    let mut previous = serial;
    for change in changes {
        match &change {
            Change::Parallel => partial.base = BaseMode::Parallel,
            Change::Measure(m) => partial.measures.push(m.clone()),
            Change::Serial => {}
        }
        let now = days(&partial)?;
        steps.push(Step {
            name: change.name(),
            change,
            working_days: now,
            saved: previous - now,
        });
        previous = now;
    }
    let full = previous;

    let mut removals = Vec::new();
    for k in 0..regime.measures.len() {
        let mut without = regime.clone();
        let m = without.measures.remove(k);
        let d = days(&without)?;
        let change = Change::Measure(m);
        removals.push(Removal {
            name: change.name(),
            change,
            working_days: d,
            saves: d - full,
        });
    }
    if regime.base == BaseMode::Parallel {
        let without = Regime {
            base: BaseMode::Serial,
            ..regime.clone()
        };
        let d = days(&without)?;
        removals.push(Removal {
            change: Change::Parallel,
            name: Change::Parallel.name(),
            working_days: d,
            saves: d - full,
        });
    }
    Ok(Attribution {
        regime: regime.name.to_string(),
        serial,
        working_days: full,
        steps,
        removals,
    })
}
