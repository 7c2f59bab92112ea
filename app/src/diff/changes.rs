//! What changed in the model between two versions, as short sentences a planner reads: "limit
//! of 施工许可 15 → 7 working days", "link A → B removed", "measure 联合审查 added to regime
//! 并联审批". Matched by id; told by name (B's, else A's).

use permitflow_i18n::tr;
use permitflow_model::{DayUnit, Draft, Item, ItemId, Link, WorkingDays};

use crate::rows::yuan;

/// The part of the scenario a change is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The scenario's own settings (application date, calendar).
    Scenario,
    /// A stage.
    Stage,
    /// An item.
    Item,
    /// A link between two items.
    Link,
    /// A joint group.
    Group,
    /// A measure's definition.
    Measure,
    /// A regime (its base or its measures).
    Regime,
    /// A target.
    Target,
    /// A milestone.
    Milestone,
}

/// What happened to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
    /// In both, different.
    Changed,
}

/// One change from A to B.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelChange {
    /// Where.
    pub part: Part,
    /// What happened.
    pub action: Action,
    /// The id of what changed (`from → to` for a link), for hovering.
    pub subject: String,
    /// The sentence, in the current language.
    pub text: String,
}

/// Every change from `a` to `b`, part by part: the scenario, stages, items, links, joint
/// groups, measures, regimes, targets, milestones.
pub fn changes(a: &Draft, b: &Draft) -> Vec<ModelChange> {
    let mut out = Changes {
        a,
        b,
        list: Vec::new(),
    };
    out.scenario();
    out.stages();
    out.items();
    out.links();
    out.groups();
    out.measures();
    out.regimes();
    out.targets();
    out.milestones();
    out.list
}

struct Changes<'a> {
    a: &'a Draft,
    b: &'a Draft,
    list: Vec<ModelChange>,
}

/// `15 working days`, `3 calendar days`.
fn days(d: WorkingDays, unit: DayUnit) -> String {
    match unit {
        DayUnit::Working => tr!("app-diff-working-days", days = d.to_string()),
        DayUnit::Calendar => tr!("app-diff-calendar-days", days = d.to_string()),
    }
}

fn or_none<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "–".to_owned(), f)
}

impl Changes<'_> {
    fn push(&mut self, part: Part, action: Action, subject: impl Into<String>, text: String) {
        self.list.push(ModelChange {
            part,
            action,
            subject: subject.into(),
            text,
        });
    }

    fn item_name(&self, id: &ItemId) -> String {
        [self.b, self.a]
            .into_iter()
            .find_map(|d| d.item(id).map(|i| i.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    fn stage_name(&self, d: &Draft, id: &permitflow_model::StageId) -> String {
        d.stages
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn scenario(&mut self) {
        let (a, b) = (self.a, self.b);
        if a.start != b.start {
            let text = tr!(
                "app-diff-start",
                from = a.start.to_string(),
                to = b.start.to_string()
            );
            self.push(Part::Scenario, Action::Changed, "start", text);
        }
        if a.calendar != b.calendar {
            let text = tr!(
                "app-diff-calendar",
                from = a.calendar.base.name(),
                to = b.calendar.base.name()
            );
            self.push(Part::Scenario, Action::Changed, "calendar", text);
        }
    }

    fn stages(&mut self) {
        let (a, b) = (self.a, self.b);
        for s in &b.stages {
            let id = s.id.to_string();
            match a.stages.iter().find(|x| x.id == s.id) {
                None => self.push(
                    Part::Stage,
                    Action::Added,
                    id,
                    tr!("app-diff-stage-added", name = &s.name),
                ),
                Some(old) if old.name != s.name => self.push(
                    Part::Stage,
                    Action::Changed,
                    id,
                    tr!("app-diff-stage-renamed", from = &old.name, to = &s.name),
                ),
                Some(old) if old.lead != s.lead => self.push(
                    Part::Stage,
                    Action::Changed,
                    id,
                    tr!(
                        "app-diff-stage-lead",
                        name = &s.name,
                        from = a.department_label(&old.lead),
                        to = b.department_label(&s.lead)
                    ),
                ),
                Some(_) => {}
            }
        }
        for s in a
            .stages
            .iter()
            .filter(|s| !b.stages.iter().any(|x| x.id == s.id))
        {
            let text = tr!("app-diff-stage-removed", name = &s.name);
            self.push(Part::Stage, Action::Removed, s.id.to_string(), text);
        }
    }

    fn items(&mut self) {
        let (a, b) = (self.a, self.b);
        for item in &b.items {
            match a.item(&item.id) {
                None => {
                    let text = tr!(
                        "app-diff-item-added",
                        name = &item.name,
                        stage = self.stage_name(b, &item.stage),
                        days = days(item.days.value, item.unit)
                    );
                    self.push(Part::Item, Action::Added, item.id.to_string(), text);
                }
                Some(old) => self.item_fields(old, item),
            }
        }
        for item in a.items.iter().filter(|i| b.item(&i.id).is_none()) {
            let text = tr!("app-diff-item-removed", name = &item.name);
            self.push(Part::Item, Action::Removed, item.id.to_string(), text);
        }
    }

    fn item_fields(&mut self, old: &Item, new: &Item) {
        let (a, b) = (self.a, self.b);
        let name = new.name.as_str();
        let mut texts = Vec::new();
        if old.name != new.name {
            texts.push(tr!("app-diff-item-renamed", from = &old.name, to = name));
        }
        if old.unit == new.unit && old.days.value != new.days.value {
            texts.push(tr!(
                "app-diff-item-limit",
                name = name,
                from = old.days.value.to_string(),
                to = days(new.days.value, new.unit)
            ));
        } else if old.unit != new.unit {
            texts.push(tr!(
                "app-diff-item-limit-unit",
                name = name,
                from = days(old.days.value, old.unit),
                to = days(new.days.value, new.unit)
            ));
        }
        let floor = |i: &Item| i.floor.as_ref().map(|f| f.value);
        if floor(old) != floor(new) {
            texts.push(tr!(
                "app-diff-item-floor",
                name = name,
                from = or_none(floor(old), |d| d.to_string()),
                to = or_none(floor(new), |d| d.to_string())
            ));
        }
        let fee = |i: &Item| i.fee.as_ref().map(|f| f.value);
        if fee(old) != fee(new) {
            texts.push(tr!(
                "app-diff-item-fee",
                name = name,
                from = or_none(fee(old), yuan),
                to = or_none(fee(new), yuan)
            ));
        }
        if old.cost != new.cost {
            texts.push(tr!(
                "app-diff-item-cost",
                name = name,
                from = or_none(old.cost, |c| c.to_string()),
                to = or_none(new.cost, |c| c.to_string())
            ));
        }
        if old.department != new.department {
            texts.push(tr!(
                "app-diff-item-department",
                name = name,
                from = a.department_label(&old.department),
                to = b.department_label(&new.department)
            ));
        }
        if old.stage != new.stage {
            texts.push(tr!(
                "app-diff-item-stage",
                name = name,
                from = self.stage_name(a, &old.stage),
                to = self.stage_name(b, &new.stage)
            ));
        }
        let fields = [
            (
                "app-diff-field-kind",
                old.kind.name().to_owned(),
                new.kind.name().to_owned(),
            ),
            (
                "app-diff-field-clock",
                old.clock.name().to_owned(),
                new.clock.name().to_owned(),
            ),
            (
                "app-diff-field-forms",
                old.forms.to_string(),
                new.forms.to_string(),
            ),
            (
                "app-diff-field-materials",
                old.materials.count().to_string(),
                new.materials.count().to_string(),
            ),
        ];
        for (key, from, to) in fields {
            if from != to {
                texts.push(tr!(
                    "app-diff-item-field",
                    field = permitflow_i18n::message(key, &[]),
                    name = name,
                    from = from,
                    to = to
                ));
            }
        }
        // Whatever else differs (spread, returns, release, deadline, note, materials' list).
        let mut same = new.clone();
        same.name.clone_from(&old.name);
        same.days.value = old.days.value;
        same.unit = old.unit;
        same.floor.clone_from(&old.floor);
        same.fee.clone_from(&old.fee);
        same.cost = old.cost;
        same.department = old.department.clone();
        same.stage = old.stage.clone();
        same.kind = old.kind;
        same.clock = old.clock;
        same.forms = old.forms;
        same.days.source = old.days.source.clone();
        if old.materials.count() == new.materials.count() {
            same.materials = old.materials.clone();
        }
        if same != *old && texts.is_empty() {
            texts.push(tr!("app-diff-item-other", name = name));
        }
        for text in texts {
            self.push(Part::Item, Action::Changed, new.id.to_string(), text);
        }
    }

    fn link_shape(l: &Link) -> String {
        tr!(
            "app-diff-link-shape",
            kind = l.kind.code(),
            lag = days(l.lag, l.lag_unit)
        )
    }

    fn links(&mut self) {
        let (a, b) = (self.a, self.b);
        let same_pair = |x: &Link, y: &Link| x.from == y.from && x.to == y.to;
        for l in &b.links {
            let (from, to) = (self.item_name(&l.from), self.item_name(&l.to));
            let subject = format!("{} → {}", l.from, l.to);
            match a.links.iter().find(|x| same_pair(x, l)) {
                None => self.push(
                    Part::Link,
                    Action::Added,
                    subject,
                    tr!("app-diff-link-added", from = from, to = to),
                ),
                Some(old) if old != l => {
                    let text = tr!(
                        "app-diff-link-changed",
                        from = from,
                        to = to,
                        before = Self::link_shape(old),
                        after = Self::link_shape(l)
                    );
                    self.push(Part::Link, Action::Changed, subject, text);
                }
                Some(_) => {}
            }
        }
        for l in a
            .links
            .iter()
            .filter(|l| !b.links.iter().any(|x| same_pair(x, l)))
        {
            let text = tr!(
                "app-diff-link-removed",
                from = self.item_name(&l.from),
                to = self.item_name(&l.to)
            );
            self.push(
                Part::Link,
                Action::Removed,
                format!("{} → {}", l.from, l.to),
                text,
            );
        }
    }

    fn groups(&mut self) {
        let (a, b) = (self.a, self.b);
        for g in &b.joint_groups {
            let id = g.id.to_string();
            let Some(old) = a.joint_groups.iter().find(|x| x.id == g.id) else {
                self.push(
                    Part::Group,
                    Action::Added,
                    id,
                    tr!("app-diff-group-added", name = &g.name, n = g.items.len()),
                );
                continue;
            };
            let names = |ids: Vec<&ItemId>| {
                ids.into_iter()
                    .map(|i| self.item_name(i))
                    .collect::<Vec<_>>()
                    .join(&tr!("app-list-separator"))
            };
            let joined: Vec<&ItemId> = g.items.iter().filter(|i| !old.items.contains(i)).collect();
            let left: Vec<&ItemId> = old.items.iter().filter(|i| !g.items.contains(i)).collect();
            let mut texts = Vec::new();
            if !joined.is_empty() {
                texts.push(tr!(
                    "app-diff-group-joined",
                    name = &g.name,
                    items = names(joined)
                ));
            }
            if !left.is_empty() {
                texts.push(tr!(
                    "app-diff-group-left",
                    name = &g.name,
                    items = names(left)
                ));
            }
            let d = |x: &permitflow_model::JointGroup| x.days.as_ref().map(|s| s.value);
            if d(old) != d(g) {
                texts.push(tr!(
                    "app-diff-group-days",
                    name = &g.name,
                    from = or_none(d(old), |v| v.to_string()),
                    to = or_none(d(g), |v| v.to_string())
                ));
            }
            if texts.is_empty() && old != g {
                texts.push(tr!("app-diff-group-other", name = &g.name));
            }
            for text in texts {
                self.push(Part::Group, Action::Changed, id.clone(), text);
            }
        }
        for g in a
            .joint_groups
            .iter()
            .filter(|g| !b.joint_groups.iter().any(|x| x.id == g.id))
        {
            let text = tr!("app-diff-group-removed", name = &g.name);
            self.push(Part::Group, Action::Removed, g.id.to_string(), text);
        }
    }

    fn measures(&mut self) {
        let (a, b) = (self.a, self.b);
        for m in &b.measures {
            let name = b.measure_label(&m.id);
            match a.measures.iter().find(|x| x.id == m.id) {
                None => self.push(
                    Part::Measure,
                    Action::Added,
                    m.id.to_string(),
                    tr!("app-diff-measure-added", name = name),
                ),
                Some(old) if old.measure != m.measure => self.push(
                    Part::Measure,
                    Action::Changed,
                    m.id.to_string(),
                    tr!("app-diff-measure-changed", name = name),
                ),
                Some(_) => {}
            }
        }
        for m in a
            .measures
            .iter()
            .filter(|m| !b.measures.iter().any(|x| x.id == m.id))
        {
            let text = tr!("app-diff-measure-removed", name = a.measure_label(&m.id));
            self.push(Part::Measure, Action::Removed, m.id.to_string(), text);
        }
    }

    fn regimes(&mut self) {
        let (a, b) = (self.a, self.b);
        for r in &b.regimes {
            let id = r.name.to_string();
            let name = b.regime_label(&r.name);
            let Some(old) = a.regime(r.name.as_str()) else {
                self.push(
                    Part::Regime,
                    Action::Added,
                    id,
                    tr!("app-diff-regime-added", name = name),
                );
                continue;
            };
            if old.base != r.base {
                let text = tr!(
                    "app-diff-regime-base",
                    name = &name,
                    from = old.base.name(),
                    to = r.base.name()
                );
                self.push(Part::Regime, Action::Changed, id.clone(), text);
            }
            for m in r.measures.iter().filter(|m| !old.measures.contains(m)) {
                let text = tr!(
                    "app-diff-regime-measure-added",
                    measure = b.measure_label(m),
                    regime = &name
                );
                self.push(Part::Regime, Action::Changed, id.clone(), text);
            }
            for m in old.measures.iter().filter(|m| !r.measures.contains(m)) {
                let text = tr!(
                    "app-diff-regime-measure-removed",
                    measure = a.measure_label(m),
                    regime = &name
                );
                self.push(Part::Regime, Action::Changed, id.clone(), text);
            }
        }
        for r in a
            .regimes
            .iter()
            .filter(|r| b.regime(r.name.as_str()).is_none())
        {
            let text = tr!("app-diff-regime-removed", name = a.regime_label(&r.name));
            self.push(Part::Regime, Action::Removed, r.name.to_string(), text);
        }
    }

    fn targets(&mut self) {
        let (a, b) = (self.a, self.b);
        let key = |t: &permitflow_model::Target| (t.name.clone(), t.regime.clone());
        for t in &b.targets {
            let regime = b.regime_label(&t.regime);
            match a.targets.iter().find(|x| key(x) == key(t)) {
                None => self.push(
                    Part::Target,
                    Action::Added,
                    t.name.clone(),
                    tr!("app-diff-target-added", name = &t.name, regime = regime),
                ),
                Some(old) if old.days != t.days => {
                    let text = tr!(
                        "app-diff-target-days",
                        name = &t.name,
                        regime = regime,
                        from = or_none(old.days, |d| d.to_string()),
                        to = or_none(t.days, |d| d.to_string())
                    );
                    self.push(Part::Target, Action::Changed, t.name.clone(), text);
                }
                Some(old) if old != t => self.push(
                    Part::Target,
                    Action::Changed,
                    t.name.clone(),
                    tr!("app-diff-target-changed", name = &t.name, regime = regime),
                ),
                Some(_) => {}
            }
        }
        for t in a
            .targets
            .iter()
            .filter(|t| !b.targets.iter().any(|x| key(x) == key(t)))
        {
            let text = tr!(
                "app-diff-target-removed",
                name = &t.name,
                regime = a.regime_label(&t.regime)
            );
            self.push(Part::Target, Action::Removed, t.name.clone(), text);
        }
    }

    fn milestones(&mut self) {
        let (a, b) = (self.a, self.b);
        for m in &b.milestones {
            let id = m.id.to_string();
            match a.milestones.iter().find(|x| x.id == m.id) {
                None => self.push(
                    Part::Milestone,
                    Action::Added,
                    id,
                    tr!("app-diff-milestone-added", name = &m.name),
                ),
                Some(old) if old != m => self.push(
                    Part::Milestone,
                    Action::Changed,
                    id,
                    tr!("app-diff-milestone-changed", name = &m.name),
                ),
                Some(_) => {}
            }
        }
        for m in a
            .milestones
            .iter()
            .filter(|m| !b.milestones.iter().any(|x| x.id == m.id))
        {
            let text = tr!("app-diff-milestone-removed", name = &m.name);
            self.push(Part::Milestone, Action::Removed, m.id.to_string(), text);
        }
    }
}
