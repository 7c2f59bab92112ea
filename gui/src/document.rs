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
    Calendar, Diagnostic, GroupId, ItemId, JointGroup, Link, LinkKind, MeasureId, Scenario,
    Sourced, WorkingDays, validate,
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
    /// A link of `kind` with `lag` working days (negative: a lead), e.g. finish-to-start: `to`
    /// starts `lag` after `from` finishes.
    AddLink {
        from: ItemId,
        to: ItemId,
        kind: LinkKind,
        lag: f64,
    },
    /// The link at this index of `scenario.links`.
    RemoveLink { index: usize },
    /// The kind of the link at this index of `scenario.links`.
    LinkKind { index: usize, kind: LinkKind },
    /// The lag of the link at this index of `scenario.links`, in working days.
    LinkLag { index: usize, lag: f64 },
    /// A new joint group of these items (one stage, no other group) with its own limit or
    /// (`None`) the longest member's. See [`group_problem`] for what is refused beforehand.
    AddGroup {
        id: GroupId,
        items: Vec<ItemId>,
        days: Option<f64>,
    },
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
            Self::LinkLag { index, .. } => Some(format!("lag:{index}")),
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
            Self::AddLink {
                from,
                to,
                kind,
                lag,
            } => format!(
                "link {from} → {to} ({}{}) added",
                kind.code(),
                lag_text(*lag)
            ),
            Self::RemoveLink { .. } => "link removed".into(),
            Self::LinkKind { index, kind } => format!(
                "link {}: {} ({})",
                index + 1,
                kind.code(),
                kind_label(*kind)
            ),
            Self::LinkLag { index, lag } => {
                format!("link {}: lag {}", index + 1, WorkingDays::new(*lag))
            }
            Self::AddGroup { id, items, days } => format!(
                "joint group {id} of {} items added ({})",
                items.len(),
                match days {
                    Some(d) => format!("limit {}", WorkingDays::new(*d)),
                    None => "the longest member's limit".into(),
                }
            ),
            Self::RemoveGroup { group } => format!("joint group {group} removed"),
            Self::Start(d) => format!("application date {d}"),
            Self::Batch(es) => format!("{} changes", es.len()),
        }
    }
}

/// The four link kinds, in the order a planner meets them.
pub const LINK_KINDS: [LinkKind; 4] = [
    LinkKind::FinishToStart,
    LinkKind::StartToStart,
    LinkKind::FinishToFinish,
    LinkKind::StartToFinish,
];

/// `finish-to-start` etc. (the model has the codes `FS`, `SS`, `FF`, `SF`).
pub fn kind_label(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToStart => "finish-to-start",
        LinkKind::StartToStart => "start-to-start",
        LinkKind::FinishToFinish => "finish-to-finish",
        LinkKind::StartToFinish => "start-to-finish",
    }
}

/// What a link of this kind means, for a tooltip.
pub fn kind_meaning(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::FinishToStart => "the second item starts (lag) after the first finishes",
        LinkKind::StartToStart => "the second item starts (lag) after the first starts",
        LinkKind::FinishToFinish => "the second item finishes (lag) after the first finishes",
        LinkKind::StartToFinish => "the second item finishes (lag) after the first starts",
    }
}

/// ` +2`, ` -1.5`, or nothing for no lag.
pub fn lag_text(lag: f64) -> String {
    if lag == 0.0 {
        String::new()
    } else {
        format!(
            " {}{}",
            if lag > 0.0 { "+" } else { "" },
            WorkingDays::new(lag)
        )
    }
}

/// Characters an id may not contain (the model's rule: spaces and `; : , + =` and quotes).
fn bad_id_char(id: &str) -> Option<char> {
    id.chars()
        .find(|c| c.is_whitespace() || ";:,+=\"'".contains(*c))
}

/// Why `items` cannot become the joint group `id` of `s`, in words a planner reads; `None`
/// when they can.
///
/// Validation stays the authority (it reports groups that span stages, bad limits, …); this
/// also catches what it cannot see once the group is in a scenario: membership is written on
/// each item, so an item already in a group, or a second group of the same id, would silently
/// merge; and a non-member between two members (`a → x → b`) becomes a circle once `a` and `b`
/// are one event.
pub fn group_problem(s: &Scenario, id: &str, items: &[ItemId]) -> Option<String> {
    let id = id.trim();
    if id.is_empty() {
        return Some("type an id for the group".into());
    }
    if let Some(c) = bad_id_char(id) {
        return Some(format!(
            "the id `{id}` contains `{c}`: use letters, digits, _ or -"
        ));
    }
    if s.joint_groups.iter().any(|g| g.id.as_str() == id) {
        return Some(format!("a joint group `{id}` exists already"));
    }
    if s.items.iter().any(|i| i.id.as_str() == id) {
        return Some(format!("`{id}` is an item's id: give the group its own id"));
    }
    if items.len() < 2 {
        return Some("pick two or more items of one stage".into());
    }
    let mut stage = None;
    for item in items {
        let Some(it) = s.item(item) else {
            return Some(format!("there is no item `{item}`"));
        };
        if let Some(g) = s.joint_groups.iter().find(|g| g.items.contains(item)) {
            return Some(format!(
                "`{item}` is in joint group `{}` already: an item belongs to one joint group",
                g.id
            ));
        }
        match stage {
            None => stage = Some((item, &it.stage)),
            Some((first, st)) if st != &it.stage => {
                return Some(format!(
                    "`{first}` is in stage `{st}`, `{item}` in `{}`: a joint event happens within one stage",
                    it.stage
                ));
            }
            Some(_) => {}
        }
    }
    // A non-member reached from a member that leads to a member again.
    let n = s.items.len();
    let index = |id: &ItemId| s.items.iter().position(|i| &i.id == id);
    let member: Vec<bool> = s.items.iter().map(|i| items.contains(&i.id)).collect();
    let edges: Vec<(usize, usize)> = s
        .links
        .iter()
        .filter_map(|l| Some((index(&l.from)?, index(&l.to)?)))
        .collect();
    let reach = |forward: bool| {
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = (0..n).filter(|&i| member[i]).collect();
        while let Some(v) = stack.pop() {
            for &(a, b) in &edges {
                let (x, y) = if forward { (a, b) } else { (b, a) };
                if x == v && !seen[y] {
                    seen[y] = true;
                    stack.push(y);
                }
            }
        }
        seen
    };
    let (after, before) = (reach(true), reach(false));
    if let Some(k) = (0..n).find(|&k| !member[k] && after[k] && before[k]) {
        return Some(format!(
            "`{}` comes after one of these items and before another: merged into one event they would go round in a circle; add it to the group or pick other items",
            s.items[k].id
        ));
    }
    None
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
        Edit::AddLink {
            from,
            to,
            kind,
            lag,
        } => s.links.push(Link {
            from: from.clone(),
            to: to.clone(),
            kind: *kind,
            lag: WorkingDays::new(*lag),
            max_lag: None,
        }),
        Edit::RemoveLink { index } => {
            if *index < s.links.len() {
                s.links.remove(*index);
            }
        }
        Edit::LinkKind { index, kind } => {
            if let Some(l) = s.links.get_mut(*index) {
                l.kind = *kind;
            }
        }
        Edit::LinkLag { index, lag } => {
            if let Some(l) = s.links.get_mut(*index) {
                l.lag = WorkingDays::new(*lag);
            }
        }
        Edit::AddGroup { id, items, days } => {
            // Never two groups of one id, nor an item in two groups: membership is written on
            // the item, so either would merge silently (the app refuses these beforehand).
            let taken = s
                .joint_groups
                .iter()
                .any(|g| &g.id == id || g.items.iter().any(|i| items.contains(i)));
            if !taken {
                // Members in the scenario's item order, as validation lists them.
                let members = s
                    .items
                    .iter()
                    .filter(|i| items.contains(&i.id))
                    .map(|i| i.id.clone())
                    .collect();
                s.joint_groups.push(JointGroup {
                    id: id.clone(),
                    name: id.to_string(),
                    items: members,
                    days: days.map(|d| Sourced::unspecified(WorkingDays::new(d))),
                    department: None,
                    floor: None,
                    cost: None,
                    spread: None,
                });
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
                kind: LinkKind::FinishToStart,
                lag: 0.0,
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
