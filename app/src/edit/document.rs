//! The open scenario: where it came from, the scenario as edited, the last valid one (what is
//! solved and drawn), the revision that keys every computed result, and undo/redo as a stack of
//! scenario snapshots.
//!
//! An edit changes the draft and validates it with the model's own rules
//! ([`permitflow_model::validate`]); when the draft is invalid the last valid scenario stays on
//! screen and the diagnostics say why. Nothing here reads or writes files.
//!
//! The draft is the scenario as its file says it: `[project]` attributes and every item, link
//! and measure under a `when`, with its condition. What is computed (`valid`) is that scenario
//! resolved ([`permitflow_model::rules::resolve`]) with the attribute values in use — the
//! defaults, overridden by the values the planner picks ([`Document::set_value`]), which are
//! not edits of the scenario (like `--attr` on the command line) — so editing and saving never
//! lose the items the current values leave out.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use permitflow_model::rules::{Rules, Value, resolve};
use permitflow_model::{Calendar, Diagnostic, Diagnostics, Draft, ItemId, Scenario, validate};

use super::{Edit, apply};

/// Revisions are unique across documents, so a result computed for one document is never
/// taken for another's.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// Which project of a scenario's family is worked out ([`Document::project_in_use`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Project<'a> {
    /// Every attribute at its default.
    Default,
    /// The values of the variant with this id.
    Variant(&'a str),
    /// Values the planner picked that are no variant's.
    Own,
}

/// Most undo steps kept; older ones are dropped.
const UNDO_LIMIT: usize = 200;

/// A scenario open for editing, with its undo history.
#[derive(Debug)]
pub struct Document {
    /// The file as the user named it (or the built-in scenario's name); diagnostics use it.
    pub label: String,
    /// Where Save writes (TOML); `None` for the built-in scenario and imported item lists.
    pub path: Option<PathBuf>,
    /// The scenario as edited, as its file says it (conditions kept); may be invalid (then
    /// `problems` says why).
    pub draft: Draft,
    /// The last valid scenario resolved with the attribute values in use: what is solved and
    /// drawn.
    pub valid: Scenario,
    /// The last valid scenario as its file says it (conditions kept): what Save writes.
    pub unresolved: Scenario,
    /// The attribute values in use: each declared attribute's pick, else its default, else a
    /// stand-in ([`Document::unset`]).
    pub values: BTreeMap<String, Value>,
    /// Attributes that have no default and no pick (an item list's): their value in use is a
    /// stand-in (0, empty text, no) until the planner gives one.
    pub unset: Vec<String>,
    /// The items the values in use leave out, in file order.
    pub dropped: Vec<ItemId>,
    /// What the resolution left out beyond items and links (a milestone, a dissolved group),
    /// one sentence each.
    pub notes: Vec<String>,
    /// The calendar its dates are counted on.
    pub calendar: Calendar,
    /// Problems of the draft; empty when it is valid.
    pub problems: Vec<Diagnostic>,
    /// The TOML text the scenario was opened from (or last saved as): saving edits it in place
    /// so its comments and layout stay ([`crate::keep`]).
    pub original: Option<String>,
    /// A shipped scenario: saved only as a copy under another path.
    pub read_only: bool,
    /// The attribute values the planner picked, by name.
    chosen: BTreeMap<String, Value>,
    revision: u64,
    undo: Vec<Draft>,
    redo: Vec<Draft>,
    /// The key of the last edit while a drag goes on.
    last_key: Option<String>,
    /// The scenario as last saved or opened.
    saved: Draft,
    dirty: bool,
}

impl Document {
    /// A document for a valid scenario as opened (as its file says it: a scenario with
    /// attributes is resolved here with their defaults).
    pub fn new(
        label: String,
        path: Option<PathBuf>,
        scenario: Scenario,
        calendar: Calendar,
    ) -> Self {
        let mut d = Self {
            label,
            path,
            draft: scenario.to_draft(),
            valid: scenario.clone(),
            unresolved: scenario.clone(),
            values: BTreeMap::new(),
            unset: Vec::new(),
            dropped: Vec::new(),
            notes: Vec::new(),
            calendar,
            problems: Vec::new(),
            original: None,
            read_only: false,
            chosen: BTreeMap::new(),
            revision: next_revision(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_key: None,
            saved: scenario.to_draft(),
            dirty: false,
        };
        if !scenario.rules.is_empty() {
            match d.resolved(&scenario) {
                Ok(v) => d.valid = v,
                Err(e) => d.problems = e.0,
            }
        }
        d
    }

    /// Uses `value` for the attribute `name` (not an edit of the scenario: like `--attr`, it
    /// picks the project the flow is worked out for). A new revision when the resolved
    /// scenario changes; a value of another type than the attribute's is ignored.
    pub fn set_value(&mut self, name: &str, value: Value) {
        let fits = self
            .unresolved
            .rules
            .attribute(name)
            .is_some_and(|a| a.kind == value.kind());
        if fits {
            self.chosen.insert(name.to_owned(), value);
            self.re_resolve();
        }
    }

    /// Uses the attribute's default again (its stand-in when it has none).
    pub fn reset_value(&mut self, name: &str) {
        if self.chosen.remove(name).is_some() {
            self.re_resolve();
        }
    }

    /// Uses every attribute's default again.
    pub fn reset_values(&mut self) {
        if !self.chosen.is_empty() {
            self.chosen.clear();
            self.re_resolve();
        }
    }

    /// Uses the values of the scenario's variant `id` (`[[variants]]`), the defaults for the
    /// attributes it does not set; `None`: every default. As `--variant` does: not an edit.
    pub fn use_variant(&mut self, id: Option<&str>) {
        let rules = &self.unresolved.rules;
        let picks: BTreeMap<String, Value> = id
            .and_then(|id| rules.variants.iter().find(|v| v.id == id))
            .map(|v| {
                v.values
                    .iter()
                    .filter(|(n, v)| rules.attribute(n).is_some_and(|a| a.kind == v.kind()))
                    .map(|(n, v)| (n.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if picks != self.chosen {
            self.chosen = picks;
            self.re_resolve();
        }
    }

    /// Which project of the family the values in use are: the default one, a variant (each
    /// attribute its value, or the default where it sets none), or one of the planner's own.
    pub fn project_in_use(&self) -> Project<'_> {
        let rules = &self.unresolved.rules;
        // Whether every attribute's value in use is the one `over` sets, or else its default.
        let is = |over: Option<&BTreeMap<String, Value>>| {
            rules.attributes.iter().all(|a| {
                let set = over.and_then(|o| o.get(&a.name));
                self.values.get(&a.name) == set.or(a.default.as_ref())
            })
        };
        if self.chosen.is_empty() || is(None) {
            return Project::Default;
        }
        rules
            .variants
            .iter()
            .find(|v| is(Some(&v.values)))
            .map_or(Project::Own, |v| Project::Variant(&v.id))
    }

    /// Whether the planner picked a value for `name` (it is not the default).
    pub fn is_chosen(&self, name: &str) -> bool {
        self.chosen.contains_key(name)
    }

    /// The values in use as `NAME=VALUE` (for the status line, a report).
    pub fn value_text(&self) -> String {
        self.values
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn re_resolve(&mut self) {
        if self.problems.is_empty() {
            let s = self.unresolved.clone();
            match self.resolved(&s) {
                Ok(v) => self.take(v),
                Err(e) => self.problems = e.0,
            }
        } else {
            self.revalidate();
        }
    }

    fn take(&mut self, v: Scenario) {
        if v != self.valid {
            self.valid = v;
            self.revision = next_revision();
        }
    }

    /// `s` (as its file says it) resolved with the values in use, which are worked out again
    /// for its attributes; sets `values`, `unset`, `dropped` and `notes`.
    fn resolved(&mut self, s: &Scenario) -> Result<Scenario, Diagnostics> {
        let rules: &Rules = &s.rules;
        self.unset.clear();
        self.values.clear();
        for a in &rules.attributes {
            let pick = self.chosen.get(&a.name).filter(|v| v.kind() == a.kind);
            let v = match (pick, &a.default) {
                (Some(v), _) | (None, Some(v)) => v.clone(),
                (None, None) => {
                    self.unset.push(a.name.clone());
                    match a.kind {
                        permitflow_model::rules::Kind::Number => Value::Number(0.0),
                        permitflow_model::rules::Kind::Text => Value::Text(String::new()),
                        permitflow_model::rules::Kind::YesNo => Value::YesNo(false),
                    }
                }
            };
            self.values.insert(a.name.clone(), v);
        }
        if rules.is_empty() {
            self.dropped.clear();
            self.notes.clear();
            return Ok(s.clone());
        }
        let r = resolve(s, &self.values);
        self.dropped = r.dropped;
        self.notes = r.warnings;
        validate(&r.draft, &self.label)
    }

    /// Changes whenever the valid scenario changes: results are memoised by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Uses another calendar (a holiday file loaded or forgotten): a new revision, so every
    /// result is worked out again with it; the draft, its undo history and whether it is saved
    /// stay as they were.
    pub fn set_calendar(&mut self, calendar: Calendar) {
        self.calendar = calendar;
        self.revision = next_revision();
    }

    /// Whether the draft differs from what was last opened or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit. With `continuing` (the same drag as the previous edit), an edit of the
    /// same field joins the previous undo step instead of making a new one.
    pub fn apply(&mut self, edit: &Edit, continuing: bool) {
        let key = edit.key();
        let merge = continuing && key.is_some() && key == self.last_key;
        let before = self.draft.clone();
        apply(&mut self.draft, edit);
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

    /// Undoes the last edit; `false` when there was none.
    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.draft, prev));
        self.last_key = None;
        self.revalidate();
        true
    }

    /// Redoes the last undone edit; `false` when there was none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.draft, next));
        self.last_key = None;
        self.revalidate();
        true
    }

    /// Records that the draft was written to `path` under `label` as `text` (a copy of a
    /// shipped scenario is the user's own file: no longer read-only).
    pub fn mark_saved(&mut self, path: PathBuf, label: String, text: Option<String>) {
        self.path = Some(path);
        self.original = text;
        self.read_only = false;
        self.label = label;
        self.saved = self.draft.clone();
        self.dirty = false;
    }

    /// Puts `draft` (work recovered after a crash) in place of the draft as one undoable
    /// step: the document stays as opened, so the recovered work shows as unsaved changes.
    pub fn restore(&mut self, draft: Draft) {
        if draft == self.draft {
            return;
        }
        self.undo.push(std::mem::replace(&mut self.draft, draft));
        self.redo.clear();
        self.last_key = None;
        self.revalidate();
    }

    fn revalidate(&mut self) {
        self.dirty = self.draft != self.saved;
        let resolved = validate(&self.draft, &self.label).and_then(|u| {
            let v = self.resolved(&u)?;
            Ok((u, v))
        });
        match resolved {
            Ok((u, v)) => {
                self.problems.clear();
                self.unresolved = u;
                self.take(v);
            }
            Err(d) => self.problems = d.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::group_problem;
    use permitflow_model::{DayUnit, Format, GroupId, ItemId, LinkKind, parse_scenario};

    fn doc() -> Document {
        let text = include_str!("../../../scenarios/social-investment-housing.toml");
        let s = parse_scenario(text, "default", Format::Toml).expect("default scenario");
        let cal = Calendar::for_base(s.calendar.base);
        Document::new("default".into(), None, s, cal)
    }

    /// The default scenario's family: 3,000 m² of basement by default (24 items), the variant
    /// `small-basement` 500 m², below the 1,000 m² civil-air-defence threshold: its three
    /// civil-air-defence items are left out (21).
    #[test]
    fn a_variant_is_picked_and_recognised() {
        let mut d = doc();
        assert_eq!(d.project_in_use(), Project::Default);
        assert_eq!(d.valid.items.len(), 24);
        d.use_variant(Some("small-basement"));
        assert_eq!(d.valid.items.len(), 21);
        assert_eq!(d.values["underground_area"], Value::Number(500.0));
        assert_eq!(d.project_in_use(), Project::Variant("small-basement"));
        assert!(
            d.valid
                .items
                .iter()
                .all(|i| !i.id.as_str().contains("air_defence"))
        );
        // A value of the planner's own, then the default's value typed in again.
        d.set_value("underground_area", Value::Number(800.0));
        assert_eq!(d.project_in_use(), Project::Own);
        d.set_value("underground_area", Value::Number(3000.0));
        assert_eq!(d.project_in_use(), Project::Default);
        d.use_variant(Some("small-basement"));
        d.use_variant(None);
        assert_eq!(d.valid.items.len(), 24);
        assert_eq!(d.project_in_use(), Project::Default);
        // Not an edit: nothing to undo or save.
        assert!(!d.is_dirty());
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
                kind: LinkKind::FinishToStart,
                lag: 0.0,
                lag_unit: DayUnit::Working,
            },
            false,
        );
        assert!(!d.problems.is_empty(), "a cycle must be reported");
    }

    #[test]
    fn link_kind_and_lag_edits_undo_and_a_lag_drag_is_one_step() {
        let mut d = doc();
        let from = ItemId::new("quality_safety_registration");
        let to = ItemId::new("construction_permit");
        d.apply(
            &Edit::AddLink {
                from: from.clone(),
                to: to.clone(),
                kind: LinkKind::StartToStart,
                lag: 2.0,
                lag_unit: DayUnit::Working,
            },
            false,
        );
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let k = d.draft.links.len() - 1;
        let find = |s: &Scenario| {
            s.links
                .iter()
                .find(|l| l.from == from && l.to == to)
                .map(|l| (l.kind, l.lag.get()))
        };
        assert_eq!(find(&d.valid), Some((LinkKind::StartToStart, 2.0)));
        d.apply(
            &Edit::LinkKind {
                index: k,
                kind: LinkKind::FinishToFinish,
            },
            false,
        );
        assert_eq!(find(&d.valid), Some((LinkKind::FinishToFinish, 2.0)));
        for lag in [1.5, 1.0, -0.5] {
            d.apply(&Edit::LinkLag { index: k, lag }, true);
        }
        d.end_continuation();
        assert_eq!(find(&d.valid), Some((LinkKind::FinishToFinish, -0.5)));
        assert!(d.undo(), "the whole drag is one step");
        assert_eq!(find(&d.valid), Some((LinkKind::FinishToFinish, 2.0)));
        assert!(d.undo());
        assert_eq!(find(&d.valid), Some((LinkKind::StartToStart, 2.0)));
        assert!(d.undo());
        assert_eq!(find(&d.valid), None);
        assert!(!d.is_dirty());
        // Out-of-range indices change nothing.
        d.apply(
            &Edit::LinkLag {
                index: 9999,
                lag: 1.0,
            },
            false,
        );
        assert!(!d.can_undo());
    }

    #[test]
    fn a_lag_off_the_half_day_grid_is_a_problem_and_the_schedule_stays() {
        let mut d = doc();
        let rev = d.revision();
        d.apply(&Edit::LinkLag { index: 0, lag: 0.3 }, false);
        assert_eq!(d.revision(), rev);
        assert!(
            d.problems.iter().any(|p| p.message.contains("lag")),
            "{:?}",
            d.problems
        );
        assert_ne!(d.draft, d.valid);
    }

    #[test]
    fn a_new_joint_group_is_one_undo_step_and_validates() {
        let mut d = doc();
        let items = vec![
            ItemId::new("first_registration"),
            ItemId::new("completion_filing"),
        ];
        assert_eq!(group_problem(&d.draft, "joint_1", &items), None);
        d.apply(
            &Edit::AddGroup {
                id: GroupId::new("joint_1"),
                items: items.clone(),
                days: Some(3.0),
            },
            false,
        );
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let g = d
            .valid
            .joint_groups
            .iter()
            .find(|g| g.id.as_str() == "joint_1")
            .expect("the group is in the valid scenario");
        // Members in item order, as validation lists them.
        assert_eq!(g.items, vec![items[1].clone(), items[0].clone()]);
        assert_eq!(g.days.as_ref().map(|d| d.value.get()), Some(3.0));
        assert!(group_problem(&d.draft, "joint_1", &items).is_some());
        assert!(d.undo());
        assert!(
            d.valid
                .joint_groups
                .iter()
                .all(|g| g.id.as_str() != "joint_1")
        );
        assert!(!d.can_undo());
    }

    #[test]
    fn a_group_the_model_would_merge_silently_or_reject_is_refused_with_a_reason() {
        let d = doc();
        let s = &d.draft;
        let ids = |xs: &[&str]| xs.iter().map(|x| ItemId::new(*x)).collect::<Vec<_>>();
        let pair = ids(&["completion_filing", "first_registration"]);
        let problem = |id: &str, items: &[ItemId]| group_problem(s, id, items).unwrap_or_default();
        assert!(problem("", &pair).contains("type an id"));
        assert!(problem("my group", &pair).contains("contains ` `"));
        assert!(problem("joint_survey", &pair).contains("exists already"));
        assert!(problem("fire_design", &pair).contains("an item's id"));
        assert!(problem("g", &pair[..1]).contains("two or more"));
        assert!(
            problem("g", &ids(&["fire_acceptance", "water_connection"]))
                .contains("is in joint group `joint_acceptance` already")
        );
        assert!(
            problem("g", &ids(&["construction_permit", "first_registration"]))
                .contains("a joint event happens within one stage")
        );
        // project_filing → site_selection → land_use_permit: site_selection lies between them.
        assert!(
            problem("g", &ids(&["project_filing", "land_use_permit"]))
                .contains("`site_selection` comes after")
        );
        // The model agrees about stages: an edit that slipped past is reported, not applied.
        let mut d = doc();
        d.apply(
            &Edit::AddGroup {
                id: GroupId::new("g"),
                items: ids(&["construction_permit", "first_registration"]),
                days: None,
            },
            false,
        );
        assert!(
            d.problems
                .iter()
                .any(|p| p.message.contains("spans stages")),
            "{:?}",
            d.problems
        );
    }
}
