//! The baseline (MS Project's "Set baseline"): every regime's schedule pinned with a label and
//! the time it was pinned, so the Gantt draws it under the current bars and the variance of
//! each finish. It stays across edits and undo; opening another file clears it.

use std::collections::HashMap;

use crate::compute::Comparison;

/// The schedules pinned.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    /// The planner's name for it.
    pub label: String,
    /// When it was pinned (local time, `2026-11-28 15:40`).
    pub pinned: String,
    /// Per regime: each activity's (start, finish), working days from the application.
    pub regimes: HashMap<String, HashMap<String, (f64, f64)>>,
}

impl Baseline {
    /// Pins every solved regime's schedule of `c`.
    pub fn pin(c: &Comparison, label: String, pinned: String) -> Self {
        let regimes = c
            .table
            .outcomes
            .iter()
            .filter_map(|(name, r)| r.as_ref().ok().map(|o| (name, o)))
            .map(|(name, o)| {
                let acts = o
                    .network
                    .activities
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.is_gate())
                    .map(|(i, a)| {
                        let (s, f) = (o.schedule.start[i], o.schedule.finish[i]);
                        (a.id.clone(), (s.get(), f.get()))
                    })
                    .collect();
                (name.clone(), acts)
            })
            .collect();
        Self {
            label,
            pinned,
            regimes,
        }
    }

    /// An activity's pinned (start, finish) under a regime.
    pub fn bar(&self, regime: &str, activity: &str) -> Option<(f64, f64)> {
        self.regimes.get(regime)?.get(activity).copied()
    }

    /// The finish's variance against the baseline, in working days (+ later, − earlier);
    /// `None` for an activity the baseline does not have under that regime.
    pub fn variance(&self, regime: &str, activity: &str, finish: f64) -> Option<f64> {
        self.bar(regime, activity).map(|(_, f)| finish - f)
    }
}

/// A variance as a planner writes it: `+3`, `−1.5`, `0`.
pub fn signed(v: f64) -> String {
    let v = (v * 2.0).round() / 2.0;
    if v == 0.0 {
        "0".into()
    } else if v > 0.0 {
        format!("+{}", permitflow_model::WorkingDays::new(v))
    } else {
        format!("−{}", permitflow_model::WorkingDays::new(-v))
    }
}

#[cfg(test)]
mod tests {
    use super::signed;

    #[test]
    fn variances_are_signed_in_half_days() {
        assert_eq!(signed(3.0), "+3");
        assert_eq!(signed(-1.5), "−1.5");
        assert_eq!(signed(0.0), "0");
        assert_eq!(signed(1e-9), "0");
    }
}
