//! Authoring edits: adding, renaming, reordering and removing the parts of a scenario (stages,
//! items, departments, regimes, targets, joint groups). A removal takes with it what would
//! otherwise dangle (links, group memberships, measure references, targets), and
//! [`removal_effects`] lists that beforehand so the app can show it before the user confirms.

use permitflow_i18n::{Lang, tr};
use permitflow_model::{
    BaseMode, Clock, DayUnit, Department, Distribution, Draft, GroupId, Item, ItemId, ItemKind,
    Materials, Measure, MeasureId, Part, Regime, RegimeName, Sourced, Stage, StageId, Target,
    WorkingDays,
};

pub use super::fields::{
    ItemNumber, ItemText, join_name, materials_text, parse_materials, parse_spread, split_name,
    spread_text,
};
use super::group::{group_member, group_removal_effects};
use super::names;

/// A structural change to a scenario (see [`super::Edit::Author`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Author {
    /// The scenario's title.
    ScenarioName(String),
    /// A stage appended after the last one.
    AddStage {
        /// Its id.
        id: StageId,
        /// Its name for people.
        name: String,
        /// The department that runs its single window.
        lead: String,
    },
    /// A stage's name for people.
    StageName {
        /// The stage.
        stage: StageId,
        /// The new name.
        name: String,
    },
    /// A stage's lead department.
    StageLead {
        /// The stage.
        stage: StageId,
        /// The new lead.
        lead: String,
    },
    /// A stage's id, changed everywhere it is referred to.
    RenameStage {
        /// The stage.
        stage: StageId,
        /// Its new id.
        to: StageId,
    },
    /// A stage moved one place earlier (`up`) or later.
    MoveStage {
        /// The stage.
        stage: StageId,
        /// Earlier (`true`) or later.
        up: bool,
    },
    /// A stage removed with its items (and what they take with them, see [`removal_effects`]).
    RemoveStage {
        /// The stage.
        stage: StageId,
    },
    /// An item appended to the scenario (a review of `days` working days).
    AddItem {
        /// Its id.
        id: ItemId,
        /// Its stage.
        stage: StageId,
        /// Its department.
        department: String,
        /// Its statutory limit.
        days: f64,
    },
    /// An item's text field.
    ItemText {
        /// The item.
        item: ItemId,
        /// Which field.
        field: ItemText,
        /// The new text.
        text: String,
    },
    /// An item's kind (review, filing, the applicant's work, a utility service).
    ItemKind {
        /// The item.
        item: ItemId,
        /// The new kind.
        kind: ItemKind,
    },
    /// Whose clock an item's time runs on: the approval clock (official time) or one that
    /// counts in elapsed time only (a special procedure, an intermediary, the applicant).
    ItemClock {
        /// The item.
        item: ItemId,
        /// The new clock.
        clock: Clock,
    },
    /// Whether an item's limit (and spread) counts working days or calendar days.
    ItemUnit {
        /// The item.
        item: ItemId,
        /// The new unit.
        unit: DayUnit,
    },
    /// The stage an item belongs to.
    ItemStage {
        /// The item.
        item: ItemId,
        /// The new stage.
        stage: StageId,
    },
    /// An item's optional number: floor, cost, materials count (`None` clears it).
    ItemNumber {
        /// The item.
        item: ItemId,
        /// Which number.
        field: ItemNumber,
        /// The new value.
        value: Option<f64>,
    },
    /// An item's spread for the simulation (`None`: none).
    ItemSpread {
        /// The item.
        item: ItemId,
        /// The new spread.
        spread: Option<Distribution>,
    },
    /// An item's id, changed everywhere it is referred to.
    RenameItem {
        /// The item.
        item: ItemId,
        /// Its new id.
        to: ItemId,
    },
    /// An item moved one place earlier (`up`) or later in the file order (the serial order).
    MoveItem {
        /// The item.
        item: ItemId,
        /// Earlier (`true`) or later.
        up: bool,
    },
    /// An item removed with its links, group memberships and measure references.
    RemoveItem {
        /// The item.
        item: ItemId,
    },
    /// A department renamed on every item, stage and joint group that names it.
    RenameDepartment {
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// A regime appended: a base mode and measures.
    AddRegime {
        /// Its name.
        name: RegimeName,
        /// How items are laid out.
        base: BaseMode,
        /// The measures it applies.
        measures: Vec<MeasureId>,
    },
    /// A regime's base mode.
    RegimeBase {
        /// The regime.
        regime: RegimeName,
        /// The new mode.
        base: BaseMode,
    },
    /// A regime's name, changed in the targets too.
    RenameRegime {
        /// The regime.
        regime: RegimeName,
        /// Its new name.
        to: RegimeName,
    },
    /// A regime removed with its targets.
    RemoveRegime {
        /// The regime.
        regime: RegimeName,
    },
    /// A target appended.
    AddTarget(Target),
    /// The target at this index removed.
    RemoveTarget {
        /// Its index in `targets`.
        index: usize,
    },
    /// A joint group's name for people.
    GroupName {
        /// The group.
        group: GroupId,
        /// The new name.
        name: String,
    },
    /// A joint group's name in one language (its Chinese or English name field).
    GroupNameIn {
        /// The group.
        group: GroupId,
        /// Which language's name.
        lang: Lang,
        /// The new name.
        name: String,
    },
    /// An item added to (`on`) or taken out of a joint group. An item already in another
    /// group is not added (membership is written on the item: the two groups would merge); a
    /// group left with fewer than two members is removed, as with [`super::Edit::RemoveGroup`].
    GroupMember {
        /// The group.
        group: GroupId,
        /// The item.
        item: ItemId,
        /// Added (`true`) or taken out.
        on: bool,
    },
}

impl Author {
    /// Edits of the same key while typing are one undo step.
    pub(crate) fn key(&self) -> Option<String> {
        match self {
            Self::ScenarioName(_) => Some("name".into()),
            Self::StageName { stage, .. } => Some(format!("stage-name:{stage}")),
            Self::StageLead { stage, .. } => Some(format!("stage-lead:{stage}")),
            Self::ItemText { item, field, .. } => Some(format!("item:{item}:{field:?}")),
            Self::ItemNumber { item, field, .. } => Some(format!("item:{item}:{field:?}")),
            Self::GroupName { group, .. } => Some(format!("group-name:{group}")),
            Self::GroupNameIn { group, lang, .. } => Some(format!("group-name:{group}:{lang:?}")),
            _ => None,
        }
    }

    /// What the edit did, for the status line.
    pub fn describe(&self) -> String {
        match self {
            Self::ScenarioName(n) => format!("scenario renamed to {n}"),
            Self::AddStage { id, .. } => format!("stage {id} added"),
            Self::StageName { stage, name } => format!("stage {stage}: name {name}"),
            Self::StageLead { stage, lead } => format!("stage {stage}: lead {lead}"),
            Self::RenameStage { stage, to } => format!("stage {stage} is now {to}"),
            Self::MoveStage { stage, up } => format!("stage {stage} moved {}", updown(*up)),
            Self::RemoveStage { stage } => format!("stage {stage} removed"),
            Self::AddItem { id, .. } => format!("item {id} added"),
            Self::ItemText { item, field, text } => format!("{item}: {field:?} {text}"),
            Self::ItemKind { item, kind } => format!("{item}: kind {}", kind.name()),
            Self::ItemClock { item, clock } => format!("{item}: clock {}", clock.name()),
            Self::ItemUnit { item, unit } => format!("{item}: {}", unit.name()),
            Self::ItemStage { item, stage } => format!("{item}: stage {stage}"),
            Self::ItemNumber { item, field, value } => match value {
                Some(v) => format!("{item}: {field:?} {v}"),
                None => format!("{item}: {field:?} cleared"),
            },
            Self::ItemSpread { item, .. } => format!("{item}: spread"),
            Self::RenameItem { item, to } => format!("item {item} is now {to}"),
            Self::MoveItem { item, up } => format!("item {item} moved {}", updown(*up)),
            Self::RemoveItem { item } => format!("item {item} removed"),
            Self::RenameDepartment { from, to } => format!("department {from} is now {to}"),
            Self::AddRegime { name, .. } => format!("regime {name} added"),
            Self::RegimeBase { regime, base } => format!("{regime}: base {}", base.name()),
            Self::RenameRegime { regime, to } => format!("regime {regime} is now {to}"),
            Self::RemoveRegime { regime } => format!("regime {regime} removed"),
            Self::AddTarget(t) => format!("target {} added", t.name),
            Self::RemoveTarget { .. } => "target removed".into(),
            Self::GroupName { group, name } => format!("{group}: name {name}"),
            Self::GroupNameIn { group, name, .. } => format!("{group}: name {name}"),
            Self::GroupMember {
                group,
                item,
                on: true,
            } => tr!(
                "app-edit-group-member-added",
                group = group.as_str(),
                item = item.as_str()
            ),
            Self::GroupMember {
                group,
                item,
                on: false,
            } => tr!(
                "app-edit-group-member-removed",
                group = group.as_str(),
                item = item.as_str()
            ),
        }
    }
}

fn updown(up: bool) -> &'static str {
    if up { "up" } else { "down" }
}

/// What removing a stage, an item or a regime takes with it, one line each, for the confirmation
/// the app shows before it applies the removal. Empty when nothing else changes.
pub fn removal_effects(s: &Draft, edit: &Author) -> Vec<String> {
    let items: Vec<ItemId> = match edit {
        Author::RemoveItem { item } => vec![item.clone()],
        Author::RemoveStage { stage } => s
            .items
            .iter()
            .filter(|i| &i.stage == stage)
            .map(|i| i.id.clone())
            .collect(),
        Author::GroupMember {
            group,
            item,
            on: false,
        } => {
            return match s.joint_groups.iter().find(|g| &g.id == group) {
                Some(g) if g.items.contains(item) && g.items.len() <= 2 => {
                    let mut out = vec![tr!(
                        "app-effect-group-removed-too-few",
                        group = group.as_str()
                    )];
                    out.extend(group_removal_effects(s, group));
                    out
                }
                _ => Vec::new(),
            };
        }
        Author::RemoveRegime { regime } => {
            return s
                .targets
                .iter()
                .filter(|t| &t.regime == regime)
                .map(|t| format!("target `{}` of this regime is removed", t.name))
                .collect();
        }
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    if let Author::RemoveStage { stage } = edit {
        for i in &items {
            out.push(format!("item `{i}` of this stage is removed"));
        }
        for t in s.targets.iter().filter(|t| t.stage.as_ref() == Some(stage)) {
            out.push(format!("target `{}` on this stage is removed", t.name));
        }
        for m in &s.measures {
            if let Measure::MergedStages { stages } = &m.measure
                && stages.contains(stage)
            {
                out.push(format!("measure `{}` no longer merges it", m.id));
            }
        }
    }
    let gone = |i: &ItemId| items.contains(i);
    for l in s.links.iter().filter(|l| gone(&l.from) || gone(&l.to)) {
        out.push(format!(
            "link {} → {} ({}) is removed",
            l.from,
            l.to,
            l.kind.code()
        ));
    }
    for g in &s.joint_groups {
        let left = g.items.iter().filter(|i| !gone(i)).count();
        if left < g.items.len() {
            out.push(if left < 2 {
                format!(
                    "joint group `{}` is removed (fewer than two members left)",
                    g.id
                )
            } else {
                format!("joint group `{}` loses a member", g.id)
            });
        }
    }
    for m in &s.measures {
        if measure_names(&m.measure, &items) {
            out.push(format!("measure `{}` no longer names it", m.id));
        }
    }
    for m in s.milestones.iter().filter(|m| gone(&m.item)) {
        out.push(tr!("app-effect-milestone-removed", name = m.name.as_str()));
    }
    out
}

fn measure_names(m: &Measure, items: &[ItemId]) -> bool {
    match m {
        Measure::NotificationCommitment { items: is, .. } => is.iter().any(|i| items.contains(i)),
        Measure::ToleranceAcceptance { links } => links
            .iter()
            .any(|l| items.contains(&l.from) || items.contains(&l.to)),
        Measure::TimeLimitCompression { days } => days.keys().any(|i| items.contains(i)),
        Measure::AgentService {
            items: is, days, ..
        } => is.iter().chain(days.keys()).any(|i| items.contains(i)),
        Measure::RegionalAssessment { drop, commit, .. } => {
            drop.iter().chain(commit).any(|i| items.contains(i))
        }
        _ => false,
    }
}

/// Applies an authoring edit; one naming something the scenario lacks changes nothing.
pub(crate) fn apply(s: &mut Draft, edit: &Author) {
    match edit {
        Author::ScenarioName(n) => {
            s.name = n.clone();
            names::renamed(s, Part::Scenario, "", n);
        }
        Author::AddStage { id, name, lead } => {
            if s.stage_index(id).is_none() {
                s.stages.push(Stage {
                    id: id.clone(),
                    name: name.clone(),
                    lead: Department::new(lead.as_str()),
                });
            }
        }
        Author::StageName { stage, name } => {
            if let Some(st) = s.stages.iter_mut().find(|x| &x.id == stage) {
                st.name = name.clone();
                names::renamed(s, Part::Stage, stage.as_str(), name);
            }
        }
        Author::StageLead { stage, lead } => {
            if let Some(st) = s.stages.iter_mut().find(|x| &x.id == stage) {
                st.lead = Department::new(lead.as_str());
            }
        }
        Author::RenameStage { stage, to } => rename_stage(s, stage, to),
        Author::MoveStage { stage, up } => {
            if let Some(i) = s.stage_index(stage) {
                swap_step(&mut s.stages, i, *up);
            }
        }
        Author::RemoveStage { stage } => remove_stage(s, stage),
        Author::AddItem {
            id,
            stage,
            department,
            days,
        } => {
            if s.item(id).is_none() {
                s.items.push(new_item(id, stage, department, *days));
            }
        }
        Author::ItemText { item, field, text } => {
            match field {
                ItemText::NameZh => names::set_item_name(s, item, Lang::ZhCn, text),
                ItemText::NameEn => names::set_item_name(s, item, Lang::En, text),
                _ => {}
            }
            if let Some(it) = s.item_mut(item) {
                match field {
                    ItemText::NameZh | ItemText::NameEn => {}
                    ItemText::Department => it.department = Department::new(text.as_str()),
                    ItemText::Note => it.note = text.clone(),
                    ItemText::Materials => it.materials = parse_materials(text),
                }
            }
        }
        Author::ItemKind { item, kind } => {
            if let Some(it) = s.item_mut(item) {
                it.kind = *kind;
            }
        }
        Author::ItemClock { item, clock } => {
            if let Some(it) = s.item_mut(item) {
                it.clock = *clock;
            }
        }
        Author::ItemUnit { item, unit } => {
            if let Some(it) = s.item_mut(item) {
                it.unit = *unit;
            }
        }
        Author::ItemStage { item, stage } => {
            if let Some(it) = s.item_mut(item) {
                it.stage = stage.clone();
            }
        }
        Author::ItemNumber { item, field, value } => {
            if let Some(it) = s.item_mut(item) {
                match field {
                    ItemNumber::Floor => {
                        it.floor = value.map(|v| Sourced::unspecified(WorkingDays::new(v)))
                    }
                    ItemNumber::Cost => it.cost = *value,
                    ItemNumber::Fee => it.fee = value.map(Sourced::unspecified),
                }
            }
        }
        Author::ItemSpread { item, spread } => {
            if let Some(it) = s.item_mut(item) {
                it.spread = spread.clone();
            }
        }
        Author::RenameItem { item, to } => rename_item(s, item, to),
        Author::MoveItem { item, up } => {
            if let Some(i) = s.items.iter().position(|x| &x.id == item) {
                swap_step(&mut s.items, i, *up);
            }
        }
        Author::RemoveItem { item } => {
            remove_items(s, std::slice::from_ref(item));
            names::forget_gone(s);
        }
        Author::RenameDepartment { from, to } => {
            names::department_renamed(s, from, to);
            let to = Department::new(to.as_str());
            for it in s.items.iter_mut().filter(|i| i.department.as_str() == from) {
                it.department = to.clone();
            }
            for st in s.stages.iter_mut().filter(|x| x.lead.as_str() == from) {
                st.lead = to.clone();
            }
            for g in &mut s.joint_groups {
                if g.department.as_ref().is_some_and(|d| d.as_str() == from) {
                    g.department = Some(to.clone());
                }
            }
        }
        Author::AddRegime {
            name,
            base,
            measures,
        } => {
            if s.regime(name.as_str()).is_none() {
                s.regimes.push(Regime {
                    name: name.clone(),
                    description: String::new(),
                    base: *base,
                    measures: measures.clone(),
                });
            }
        }
        Author::RegimeBase { regime, base } => {
            if let Some(r) = s.regime_mut(regime.as_str()) {
                r.base = *base;
            }
        }
        Author::RenameRegime { regime, to } => {
            if s.regime(to.as_str()).is_none()
                && let Some(r) = s.regime_mut(regime.as_str())
            {
                r.name = to.clone();
                names::moved(s, Part::Regime, regime.as_str(), to.as_str());
                for t in s.targets.iter_mut().filter(|t| &t.regime == regime) {
                    t.regime = to.clone();
                }
            }
        }
        Author::RemoveRegime { regime } => {
            s.regimes.retain(|r| &r.name != regime);
            names::retain_targets(s, |t| &t.regime != regime);
            names::forget_gone(s);
        }
        Author::AddTarget(t) => s.targets.push(t.clone()),
        Author::RemoveTarget { index } => {
            let at = std::cell::Cell::new(0);
            names::retain_targets(s, |_| {
                at.set(at.get() + 1);
                at.get() - 1 != *index
            });
        }
        Author::GroupName { group, name } => {
            if let Some(g) = s.joint_groups.iter_mut().find(|g| &g.id == group) {
                g.name = name.clone();
                names::renamed(s, Part::Group, group.as_str(), name);
            }
        }
        Author::GroupNameIn { group, lang, name } => names::set_group_name(s, group, *lang, name),
        Author::GroupMember { group, item, on } => group_member(s, group, item, *on),
    }
}

/// A review item of `days` working days with the defaults a file leaves out.
pub(crate) fn new_item(id: &ItemId, stage: &StageId, department: &str, days: f64) -> Item {
    Item {
        id: id.clone(),
        name: id.to_string(),
        department: Department::new(department),
        stage: stage.clone(),
        kind: ItemKind::Review,
        days: Sourced::unspecified(WorkingDays::new(days)),
        unit: permitflow_model::DayUnit::Working,
        clock: permitflow_model::Clock::Approval,
        fee: None,
        materials: Materials::default(),
        forms: 1,
        floor: None,
        cost: None,
        spread: None,
        spread_source: permitflow_model::Provenance::Unspecified,
        returns: None,
        release: None,
        deadline: None,
        note: String::new(),
    }
}

fn swap_step<T>(v: &mut [T], i: usize, up: bool) {
    if up && i > 0 {
        v.swap(i, i - 1);
    } else if !up && i + 1 < v.len() {
        v.swap(i, i + 1);
    }
}

fn rename_stage(s: &mut Draft, from: &StageId, to: &StageId) {
    if from == to || s.stage_index(to).is_some() {
        return;
    }
    let Some(i) = s.stage_index(from) else {
        return;
    };
    s.stages[i].id = to.clone();
    names::moved(s, Part::Stage, from.as_str(), to.as_str());
    for it in s.items.iter_mut().filter(|x| &x.stage == from) {
        it.stage = to.clone();
    }
    for t in s
        .targets
        .iter_mut()
        .filter(|t| t.stage.as_ref() == Some(from))
    {
        t.stage = Some(to.clone());
    }
    for m in &mut s.measures {
        if let Measure::MergedStages { stages } | Measure::ParallelAdvance { hard_gates: stages } =
            &mut m.measure
        {
            for st in stages.iter_mut().filter(|x| *x == from) {
                *st = to.clone();
            }
        }
    }
}

fn remove_stage(s: &mut Draft, stage: &StageId) {
    let items: Vec<ItemId> = s
        .items
        .iter()
        .filter(|i| &i.stage == stage)
        .map(|i| i.id.clone())
        .collect();
    remove_items(s, &items);
    s.stages.retain(|x| &x.id != stage);
    names::retain_targets(s, |t| t.stage.as_ref() != Some(stage));
    names::forget_gone(s);
    for m in &mut s.measures {
        if let Measure::MergedStages { stages } | Measure::ParallelAdvance { hard_gates: stages } =
            &mut m.measure
        {
            stages.retain(|x| x != stage);
        }
    }
    drop_empty_measures(s);
}

fn rename_item(s: &mut Draft, from: &ItemId, to: &ItemId) {
    let taken = s.item(to).is_some() || s.joint_groups.iter().any(|g| g.id.as_str() == to.as_str());
    if from == to || taken {
        return;
    }
    let Some(it) = s.item_mut(from) else {
        return;
    };
    it.id = to.clone();
    if it.name == from.as_str() {
        it.name = to.to_string();
    }
    names::moved(s, Part::Item, from.as_str(), to.as_str());
    let fix = |i: &mut ItemId| {
        if i == from {
            *i = to.clone();
        }
    };
    for l in &mut s.links {
        fix(&mut l.from);
        fix(&mut l.to);
    }
    for g in &mut s.joint_groups {
        g.items.iter_mut().for_each(fix);
    }
    s.milestones.iter_mut().for_each(|m| fix(&mut m.item));
    for m in &mut s.measures {
        match &mut m.measure {
            Measure::NotificationCommitment { items, .. } => items.iter_mut().for_each(fix),
            Measure::ToleranceAcceptance { links } => {
                for l in links {
                    fix(&mut l.from);
                    fix(&mut l.to);
                }
            }
            Measure::TimeLimitCompression { days } => {
                if let Some(d) = days.remove(from) {
                    days.insert(to.clone(), d);
                }
            }
            Measure::AgentService { items, days, .. } => {
                items.iter_mut().for_each(fix);
                if let Some(d) = days.remove(from) {
                    days.insert(to.clone(), d);
                }
            }
            Measure::RegionalAssessment { drop, commit, .. } => {
                drop.iter_mut().chain(commit.iter_mut()).for_each(fix)
            }
            _ => {}
        }
    }
}

/// Removes items and everything that would dangle without them: their links, their group
/// memberships (a group left with fewer than two members goes), their places in measures (a
/// measure left naming nothing goes, and regimes stop naming it), the milestones they reach.
fn remove_items(s: &mut Draft, items: &[ItemId]) {
    let gone = |i: &ItemId| items.contains(i);
    s.items.retain(|i| !gone(&i.id));
    s.milestones.retain(|m| !gone(&m.item));
    s.links.retain(|l| !gone(&l.from) && !gone(&l.to));
    for g in &mut s.joint_groups {
        g.items.retain(|i| !gone(i));
    }
    let dropped: Vec<GroupId> = s
        .joint_groups
        .iter()
        .filter(|g| g.items.len() < 2)
        .map(|g| g.id.clone())
        .collect();
    for g in &dropped {
        super::apply(s, &super::Edit::RemoveGroup { group: g.clone() });
    }
    for m in &mut s.measures {
        match &mut m.measure {
            Measure::NotificationCommitment { items: is, .. } => is.retain(|i| !gone(i)),
            Measure::ToleranceAcceptance { links } => {
                links.retain(|l| !gone(&l.from) && !gone(&l.to))
            }
            Measure::TimeLimitCompression { days } => days.retain(|i, _| !gone(i)),
            Measure::AgentService {
                items: is,
                days,
                factor,
                ..
            } => {
                is.retain(|i| !gone(i));
                days.retain(|i, _| !gone(i));
                if is.is_empty() {
                    *factor = None;
                }
            }
            Measure::RegionalAssessment { drop, commit, .. } => {
                drop.retain(|i| !gone(i));
                commit.retain(|i| !gone(i));
            }
            _ => {}
        }
    }
    drop_empty_measures(s);
}

/// Measures that name nothing any more are removed, and regimes stop naming them.
pub(crate) fn drop_empty_measures(s: &mut Draft) {
    let empty: Vec<MeasureId> = s
        .measures
        .iter()
        .filter(|m| match &m.measure {
            Measure::NotificationCommitment { items, .. } => items.is_empty(),
            Measure::ToleranceAcceptance { links } => links.is_empty(),
            Measure::TimeLimitCompression { days } => days.is_empty(),
            Measure::AgentService {
                items,
                days,
                returns_factor,
                ..
            } => items.is_empty() && days.is_empty() && returns_factor.is_none(),
            Measure::MergedStages { stages } => stages.len() < 2,
            Measure::RegionalAssessment { drop, commit, .. } => {
                drop.is_empty() && commit.is_empty()
            }
            Measure::JointReview { groups: Some(g) } => g.is_empty(),
            _ => false,
        })
        .map(|m| m.id.clone())
        .collect();
    s.measures.retain(|m| !empty.contains(&m.id));
    for r in &mut s.regimes {
        r.measures.retain(|m| !empty.contains(m));
    }
}
