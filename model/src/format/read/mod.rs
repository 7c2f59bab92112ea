//! Reading a parsed file into the domain. Each rule is one `check_*` function in the file for
//! the part of the scenario it concerns; [`convert`] composes them in the order of the file, so
//! problems are reported in that order, every one of them, not only the first.
//!
//! A value with a problem is still converted (to a default where it cannot be), so that the
//! rest of the file is checked; the scenario is then dropped and the diagnostics returned.

mod clocks;
mod common;
mod context;
mod header;
mod items;
mod joint;
mod labels;
mod links;
mod measures;
mod milestones;
mod parallel;
mod regimes;
mod rules;
mod stages;
mod targets;
mod variants;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

pub(super) use context::Ctx;
#[cfg(test)]
pub(super) use header::size_problem;

use super::file::FileScenario;
use crate::scenario::{CalendarSpec, Draft};

/// The ids of a file's stages and items, which the other parts refer to.
struct Ids<'r> {
    /// Stage id → position (the last, when an id is repeated).
    stages: FxHashMap<&'r str, usize>,
    /// Stage ids in file order, for "did you mean".
    stage_names: Vec<&'r str>,
    /// Item id → position (the last, when an id is repeated).
    items: FxHashMap<&'r str, usize>,
    /// The items, whose ids in file order "did you mean" needs (listed only then:
    /// [`Ids::item_names`]; a `OnceLock`, as the items are read on several threads).
    item_list: &'r [super::file::FileItem],
    item_names: std::sync::OnceLock<Vec<&'r str>>,
    /// The items counted in calendar days.
    calendar_items: rustc_hash::FxHashSet<&'r str>,
}

impl<'r> Ids<'r> {
    /// Item ids in file order, for "did you mean" (listed on the first unknown id).
    fn item_names(&self) -> &[&'r str] {
        self.item_names
            .get_or_init(|| self.item_list.iter().map(|i| i.id.as_str()).collect())
    }
}

/// Converts `raw` into a scenario, reporting every problem to `cx`. The scenario is meaningful
/// only when `cx` has no problems.
pub(super) fn convert(raw: &FileScenario, cx: &mut Ctx<'_>) -> Draft {
    common::reset_suggestions();
    if !header::check_size(cx, raw) {
        return refused(raw.name.written().to_owned());
    }
    header::check_version(cx, raw.version);
    let start = header::check_start(cx, &raw.start).unwrap_or_default();
    let calendar = header::calendar(cx, raw.calendar.as_ref());
    let sources = header::sources(cx, &raw.sources);

    let (stages, stage_ids) = stages::read(cx, &raw.stages);
    let id_texts: Vec<crate::units::ItemId> = raw
        .items
        .iter()
        .map(|it| crate::units::ItemId::new(&it.id))
        .collect();
    let item_ids = items::index(cx, &raw.items, &id_texts);
    let ids = Ids {
        stages: stage_ids,
        stage_names: raw.stages.iter().map(|s| s.id.as_str()).collect(),
        items: item_ids,
        item_list: &raw.items,
        item_names: std::sync::OnceLock::new(),
        calendar_items: raw
            .items
            .iter()
            .filter(|i| {
                i.more()
                    .unit
                    .as_deref()
                    .and_then(crate::clock::DayUnit::parse)
                    == Some(crate::clock::DayUnit::Calendar)
            })
            .map(|i| i.id.as_str())
            .collect(),
    };
    let (items, links, ends, stage_of) = items::read(cx, &raw.items, &ids, &id_texts);
    links::check_stage_order(cx, &raw.items, &stage_of, &links, &ends);
    links::check_no_cycle(cx, &raw.items, &ends);
    drop(ends);

    let joint_groups = joint::read(cx, &raw.joint, &raw.items, &ids);
    let group_names: Vec<String> = joint_groups.iter().map(|g| g.id.to_string()).collect();
    let group_refs: Vec<&str> = group_names.iter().map(String::as_str).collect();
    let measures = measures::read(cx, &raw.measures, &ids, &links, &items, &group_refs);
    let regimes = regimes::read(cx, &raw.regimes, &raw.measures);
    let targets = targets::read(cx, &raw.targets, &regimes, &ids);
    let milestones = milestones::read(cx, &raw.milestones, &ids);
    let mut rules = rules::read(cx, &raw.project, (&raw.items, &raw.measures), &ids);
    rules.variants = variants::read(cx, &raw.variants, &rules.attributes);

    let mut draft = Draft {
        name: raw.name.written().to_owned(),
        description: raw.description.written().to_owned(),
        sources,
        start,
        calendar,
        stages,
        items,
        links,
        joint_groups,
        measures,
        regimes,
        targets,
        milestones,
        labels: Default::default(),
        rules,
    };
    draft.labels = labels::read(cx, raw, &draft);
    draft.relabel();
    draft
}

/// What stands for a model refused as a whole: its name and nothing else.
fn refused(name: String) -> Draft {
    Draft {
        name,
        description: String::new(),
        sources: vec![],
        start: NaiveDate::default(),
        calendar: CalendarSpec::default(),
        stages: vec![],
        items: vec![],
        links: vec![],
        joint_groups: vec![],
        measures: vec![],
        regimes: vec![],
        targets: vec![],
        milestones: vec![],
        labels: Default::default(),
        rules: Default::default(),
    }
}
