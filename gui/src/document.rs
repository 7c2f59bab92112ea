//! The open scenario: where it came from, the scenario as edited, the last valid one (what is
//! solved and drawn), the revision that keys every computed result, and undo/redo as a stack of
//! scenario snapshots.
//!
//! An edit changes the draft and validates it with the model's own rules
//! ([`permitflow_model::validate`]); when the draft is invalid the last valid scenario stays on
//! screen and the diagnostics say why. Nothing here reads or writes files.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use permitflow_model::{
    Calendar, Diagnostic, GroupId, ItemId, Link, LinkKind, MeasureId, Scenario, WorkingDays,
    validate,
};

/// Revisions are unique across documents, so a result computed for one document is never
/// taken for another's.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// Most undo steps kept; older ones are dropped.
const UNDO_LIMIT: usize = 200;

/// One change a planner makes to the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// An item's statutory time limit, in working days.
    Days { item: ItemId, days: f64 },
    /// A joint group's own limit (`None`: the longest member's).
    GroupDays { group: GroupId, days: Option<f64> },
    /// A reform measure added to (`on`) or dropped from a regime.
    Measure {
        regime: String,
        measure: MeasureId,
        on: bool,
    },
    /// A finish-to-start link: `to` starts after `from` finishes.
    AddLink { from: ItemId, to: ItemId },
    /// The link at this index of `scenario.links`.
    RemoveLink { index: usize },
    /// A joint group removed: its items are examined separately again.
    RemoveGroup { group: GroupId },
    /// The application date.
    Start(NaiveDate),
    /// Several edits as one undo step (e.g. the planner's cuts adopted at once).
    Batch(Vec<Edit>),
}

impl Edit {
    /// Edits with the same key in one drag are merged into one undo step.
    fn key(&self) -> Option<String> {
        match self {
            Self::Days { item, .. } => Some(format!("days:{item}")),
            Self::GroupDays { group, .. } => Some(format!("group:{group}")),
            _ => None,
        }
    }

    /// What the edit did, for the status line.
    pub fn describe(&self) -> String {
        match self {
            Self::Days { item, days } => format!("{item}: limit {}", WorkingDays::new(*days)),
            Self::GroupDays { group, days } => match days {
                Some(d) => format!("{group}: limit {}", WorkingDays::new(*d)),
                None => format!("{group}: the longest member's limit"),
            },
            Self::Measure {
                regime,
                measure,
                on,
            } => format!("{regime} {} {measure}", if *on { "+" } else { "−" }),
            Self::AddLink { from, to } => format!("link {from} → {to} added"),
            Self::RemoveLink { .. } => "link removed".into(),
            Self::RemoveGroup { group } => format!("joint group {group} removed"),
            Self::Start(d) => format!("application date {d}"),
            Self::Batch(es) => format!("{} changes", es.len()),
        }
    }
}

#[derive(Debug)]
pub struct Document {
    /// The file as the user named it (or the built-in scenario's name); diagnostics use it.
    pub label: String,
    /// Where Save writes (TOML); `None` for the built-in scenario and imported item lists.
    pub path: Option<PathBuf>,
    /// The scenario as edited; may be invalid (then `problems` says why).
    pub draft: Scenario,
    /// The last valid scenario: what is solved and drawn.
    pub valid: Scenario,
    pub calendar: Calendar,
    /// Problems of the draft; empty when it is valid.
    pub problems: Vec<Diagnostic>,
    revision: u64,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// The key of the last edit while a drag goes on.
    last_key: Option<String>,
    /// The scenario as last saved or opened.
    saved: Scenario,
    dirty: bool,
}

impl Document {
    pub fn new(
        label: String,
        path: Option<PathBuf>,
        scenario: Scenario,
        calendar: Calendar,
    ) -> Self {
        Self {
            label,
            path,
            draft: scenario.clone(),
            valid: scenario.clone(),
            calendar,
            problems: Vec::new(),
            revision: next_revision(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_key: None,
            saved: scenario,
            dirty: false,
        }
    }

    /// Changes whenever the valid scenario changes: results are memoised by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the draft differs from what was last opened or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit. With `continuing` (the same drag as the previous edit), an edit of the
    /// same field joins the previous undo step instead of making a new one.
    pub fn apply(&mut self, edit: &Edit, continuing: bool) {
        let key = edit.key();
        let merge = continuing && key.is_some() && key == self.last_key;
        let before = self.draft.clone();
        mutate(&mut self.draft, edit);
        if self.draft == before {
            return;
        }
        if !merge {
            self.undo.push(before);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_key = key;
        self.revalidate();
    }

    /// Ends a drag: the next edit makes a new undo step.
    pub fn end_continuation(&mut self) {
        self.last_key = None;
    }

    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.draft, prev));
        self.last_key = None;
        self.revalidate();
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.draft, next));
        self.last_key = None;
        self.revalidate();
        true
    }

    /// Records that the draft was written to `path` under `label`.
    pub fn mark_saved(&mut self, path: PathBuf, label: String) {
        self.path = Some(path);
        self.label = label;
        self.saved = self.draft.clone();
        self.dirty = false;
    }

    fn revalidate(&mut self) {
        self.dirty = self.draft != self.saved;
        match validate(&self.draft, &self.label) {
            Ok(v) => {
                self.problems.clear();
                if v != self.valid {
                    self.valid = v;
                    self.revision = next_revision();
                }
            }
            Err(d) => self.problems = d.0,
        }
    }
}

fn mutate(s: &mut Scenario, edit: &Edit) {
    match edit {
        Edit::Days { item, days } => {
            if let Some(it) = s.item_mut(item) {
                it.days.value = WorkingDays::new(*days);
            }
        }
        Edit::GroupDays { group, days } => {
            if let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) {
                match (days, g.days.as_mut()) {
                    (Some(d), Some(v)) => v.value = WorkingDays::new(*d),
                    (Some(d), None) => {
                        g.days = Some(permitflow_model::Sourced::unspecified(WorkingDays::new(*d)))
                    }
                    (None, _) => g.days = None,
                }
            }
        }
        Edit::Measure {
            regime,
            measure,
            on,
        } => {
            if let Some(r) = s.regime_mut(regime) {
                r.measures.retain(|m| m != measure);
                if *on {
                    r.measures.push(measure.clone());
                }
            }
        }
        Edit::AddLink { from, to } => s.links.push(Link {
            from: from.clone(),
            to: to.clone(),
            kind: LinkKind::FinishToStart,
            lag: WorkingDays::ZERO,
            max_lag: None,
        }),
        Edit::RemoveLink { index } => {
            if *index < s.links.len() {
                s.links.remove(*index);
            }
        }
        Edit::RemoveGroup { group } => {
            s.joint_groups.retain(|g| &g.id != group);
            for m in &mut s.measures {
                if let permitflow_model::Measure::JointReview { groups: Some(gs) } = &mut m.measure
                {
                    gs.retain(|g| g != group);
                }
            }
        }
        Edit::Start(d) => s.start = *d,
        Edit::Batch(es) => {
            for e in es {
                mutate(s, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_model::{Format, parse_scenario};

    fn doc() -> Document {
        let text = include_str!("../../scenarios/social-investment-housing.toml");
        let s = parse_scenario(text, "default", Format::Toml).expect("default scenario");
        let cal = Calendar::for_base(s.calendar.base);
        Document::new("default".into(), None, s, cal)
    }

    #[test]
    fn a_drag_is_one_undo_step_and_undo_restores() {
        let mut d = doc();
        let id = ItemId::new("fire_design");
        let before = d.valid.item(&id).map(|i| i.days.value);
        let rev = d.revision();
        d.apply(
            &Edit::Days {
                item: id.clone(),
                days: 9.0,
            },
            false,
        );
        d.apply(
            &Edit::Days {
                item: id.clone(),
                days: 8.5,
            },
            true,
        );
        d.apply(
            &Edit::Days {
                item: id.clone(),
                days: 8.0,
            },
            true,
        );
        assert!(d.is_dirty());
        assert_ne!(d.revision(), rev);
        assert!(d.undo());
        assert!(!d.can_undo());
        assert_eq!(d.valid.item(&id).map(|i| i.days.value), before);
        assert!(!d.is_dirty());
        assert!(d.redo());
        assert_eq!(d.valid.item(&id).map(|i| i.days.value.get()), Some(8.0));
    }

    #[test]
    fn an_invalid_edit_keeps_the_last_valid_scenario() {
        let mut d = doc();
        let id = ItemId::new("fire_design");
        let rev = d.revision();
        d.apply(
            &Edit::Days {
                item: id.clone(),
                days: 10.3,
            },
            false,
        );
        assert_eq!(d.revision(), rev);
        assert!(!d.problems.is_empty());
        assert_ne!(d.valid.item(&id).map(|i| i.days.value.get()), Some(10.3));
        // A link that closes a circle is reported too.
        d.undo();
        assert!(d.problems.is_empty());
        d.apply(
            &Edit::AddLink {
                from: ItemId::new("first_registration"),
                to: ItemId::new("project_filing"),
            },
            false,
        );
        assert!(!d.problems.is_empty(), "a cycle must be reported");
    }
}
