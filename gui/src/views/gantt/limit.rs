//! Which edit a dragged bar end makes: an item's own limit (`Edit::Days`), a joint event's own
//! limit (`Edit::GroupDays`), or none, with the reason shown in the status bar, where the bar's
//! length is not a limit the planner can set by dragging it (a stage gate, a calendar-day item
//! on this working-day axis, a joint event that takes its longest member's limit, a limit set
//! by a measure of this regime).

use permitflow_app::edit::Edit;
use permitflow_i18n::tr;
use permitflow_model::{Activity, ActivityKind, DayUnit, ItemId, Measure, Scenario};

/// The edit that gives `a` (an activity of `regime`'s network) a limit of `days`, and the
/// least limit it may take (its floor, or the limit itself when that is lower); or why
/// dragging its bar cannot change it.
pub fn limit_edit(s: &Scenario, regime: &str, a: &Activity) -> Result<Target, String> {
    let name = a.name.as_str();
    if a.unit == DayUnit::Calendar {
        return Err(tr!("gui-gantt-refuse-calendar", name = name));
    }
    let by_measure = |items: &[ItemId]| measure_setting(s, regime, items);
    match a.kind {
        ActivityKind::Gate => Err(tr!("gui-gantt-refuse-gate", name = name)),
        ActivityKind::Item(_) => {
            if let Some(m) = by_measure(&a.members) {
                return Err(tr!("gui-gantt-refuse-measure", name = name, measure = m));
            }
            let item = a
                .members
                .first()
                .ok_or_else(|| tr!("gui-gantt-refuse-gate", name = name))?;
            let it = s.items.iter().find(|i| &i.id == item);
            let Some(it) = it.filter(|it| it.days.value == a.days) else {
                return Err(tr!("gui-gantt-refuse-regime", name = name));
            };
            let floor = it.floor.as_ref().map_or(0.0, |f| f.value.get());
            Ok(Target {
                edit: Kind::Item(item.clone()),
                lowest: floor.min(a.days.get()),
            })
        }
        ActivityKind::Joint => {
            let g = s.joint_groups.iter().find(|g| g.id.as_str() == a.id);
            let Some(g) = g else {
                return Err(tr!("gui-gantt-refuse-longest", name = name));
            };
            match &g.days {
                Some(d) if d.value == a.days => {
                    if let Some(m) = by_measure(&g.items) {
                        return Err(tr!("gui-gantt-refuse-measure", name = name, measure = m));
                    }
                    let floor = g.floor.as_ref().map_or(0.0, |f| f.value.get());
                    Ok(Target {
                        edit: Kind::Group(g.id.clone()),
                        lowest: floor.min(a.days.get()),
                    })
                }
                _ => Err(tr!("gui-gantt-refuse-longest", name = name)),
            }
        }
    }
}

/// What a drag of a bar's end may change.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The item's or the joint group's limit.
    pub edit: Kind,
    /// The least limit the drag goes to.
    pub lowest: f64,
}

/// Whose limit a drag changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// An item's own limit.
    Item(ItemId),
    /// A joint group's own limit.
    Group(permitflow_model::GroupId),
}

impl Target {
    /// The one edit a released drag pushes.
    pub fn edit(&self, days: f64) -> Edit {
        match &self.edit {
            Kind::Item(item) => Edit::Days {
                item: item.clone(),
                days,
            },
            Kind::Group(group) => Edit::GroupDays {
                group: group.clone(),
                days: Some(days),
            },
        }
    }
}

/// The name of a measure of `regime` that sets the limit of one of `items`, if one does.
fn measure_setting(s: &Scenario, regime: &str, items: &[ItemId]) -> Option<String> {
    let r = s.regime(regime)?;
    r.measures.iter().find_map(|id| {
        let sets = match s.measure(id)? {
            Measure::TimeLimitCompression { days } => items.iter().any(|i| days.contains_key(i)),
            Measure::NotificationCommitment { items: its, .. } => {
                items.iter().any(|i| its.contains(i))
            }
            _ => false,
        };
        sets.then(|| s.measure_label(id))
    })
}

#[cfg(test)]
mod tests {
    use permitflow_model::{Calendar, Format, parse_scenario};
    use permitflow_solver::{Method, evaluate};

    use super::*;

    /// Two items; the `compressed` regime's measure sets the review's limit to 3.
    const TEXT: &str = r#"version = 1
name = "Compressed"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
name = "Stage"
lead = "Bureau"

[[items]]
id = "review"
name = "Review"
department = "Bureau"
stage = "s"
days = 10

[[items]]
id = "permit"
name = "Permit"
department = "Bureau"
stage = "s"
days = 5
after = ["review"]

[[measures]]
id = "cut"
kind = "time_limit_compression"
limits = { review = 3 }

[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "compressed"
base = "parallel"
measures = ["cut"]
"#;

    fn target(regime: &str, id: &str) -> Result<Target, String> {
        let s = parse_scenario(TEXT, "t.toml", Format::Toml).expect("valid");
        let cal = Calendar::for_base(s.calendar.base);
        let r = s.regime(regime).expect("regime").clone();
        let o = evaluate(&s, &r, &cal, Method::Paths).expect("solved");
        let a = o
            .network
            .activities
            .iter()
            .find(|a| a.id == id)
            .expect("activity");
        limit_edit(&s, regime, a)
    }

    #[test]
    fn an_items_own_limit_maps_to_its_days_edit() {
        let t = target("parallel", "review").expect("draggable");
        assert_eq!(t.lowest, 0.0);
        assert_eq!(
            t.edit(12.0),
            Edit::Days {
                item: ItemId::new("review"),
                days: 12.0
            }
        );
        // The same item's limit is not its own under the regime that compresses it.
        let why = target("compressed", "review").expect_err("refused");
        assert!(why.contains("Review") && why.contains("cut"), "{why}");
        // Its neighbour's still is.
        assert!(target("compressed", "permit").is_ok());
    }
}
