//! The serde types of a scenario file, private to the format: what TOML and JSON hold, before
//! validation turns it into the domain types. Reading and writing both go through them, so a
//! written file reads back the same. The shapes that accept more than one form (a number with or
//! without its source, `after` as text or a table, the calendar as a name or a table) have
//! hand-written serde impls in `fields.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::units::{Provenance, Sourced, WorkingDays};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileScenario {
    pub(super) version: u32,
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) description: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description_en: Option<String>,
    pub(super) start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) calendar: Option<FileCalendar>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) sources: Vec<FileSource>,
    /// `[project]`: the project's attributes with their defaults, which `when` conditions use.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) project: BTreeMap<String, FileAttribute>,
    /// Department names in each language, by the name items use.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) departments: BTreeMap<String, FileLabel>,
    #[serde(default)]
    pub(super) stages: Vec<FileStage>,
    #[serde(default)]
    pub(super) items: Vec<FileItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) joint: Vec<FileJoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) measures: Vec<FileMeasure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) regimes: Vec<FileRegime>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) targets: Vec<FileTarget>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) milestones: Vec<FileMilestone>,
    /// `[[variants]]`: named sets of `[project]` values, one project of the family each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) variants: Vec<FileVariant>,
}

/// One `[[variants]]` entry: `id`, names, and `attributes = { floor_area = 8000, … }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileVariant {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) name_zh: Option<String>,
    #[serde(default)]
    pub(super) attributes: BTreeMap<String, FileAttrValue>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileSource {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) note: String,
}

/// `calendar = "cn"` or `calendar = { base = "cn", files = ["cn-2027.json"] }`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct FileCalendar {
    pub(super) base: String,
    pub(super) files: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileStage {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    pub(super) lead: String,
}

/// An `[[items]]` entry as the file has it: what serde reads and writes (under the name
/// `FileItem`, so its messages are unchanged), kept only while one item is read or written.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename = "FileItem", deny_unknown_fields)]
pub(super) struct FileItemFields {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    pub(super) department: String,
    pub(super) stage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<String>,
    pub(super) days: FileNumber,
    /// `working` (the default) or `calendar`: what `days`, `floor` and `spread` count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unit: Option<String>,
    /// `approval` (the default), `special`, `intermediary` or `applicant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) clock: Option<String>,
    /// What the applicant pays, in yuan. Boxed, as `floor`: most items have neither, and a
    /// large item list holds every file item at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) fee: Option<Box<FileNumber>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) materials: Option<FileMaterials>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) forms: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) after: Vec<FileAfter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) joint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) floor: Option<Box<FileNumber>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) spread: Option<Box<FileSpread>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) returns: Option<Box<FileReturns>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) release: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) deadline: Option<f64>,
    /// The item applies only when this condition over `[project]` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) when: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
}

/// An item of the file, compact: the fields every item has, and the rest in one box that most
/// items of a large item list do without (a file item 160 bytes instead of 456: a list of a
/// million items holds all of them at once, and fresh memory costs time).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(from = "FileItemFields", into = "FileItemFields")]
pub(super) struct FileItem {
    pub(super) id: String,
    pub(super) name: FileName,
    pub(super) department: String,
    pub(super) stage: String,
    pub(super) days: FileNumber,
    pub(super) after: Vec<FileAfter>,
    more: Option<Box<FileItemMore>>,
}

/// The fields of [`FileItemFields`] that most items leave out.
#[derive(Clone, Debug, Default)]
pub(super) struct FileItemMore {
    pub(super) label_zh: Option<String>,
    pub(super) label_en: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) clock: Option<String>,
    pub(super) fee: Option<Box<FileNumber>>,
    pub(super) materials: Option<FileMaterials>,
    pub(super) forms: Option<u32>,
    pub(super) joint: Option<String>,
    pub(super) floor: Option<Box<FileNumber>>,
    pub(super) cost: Option<f64>,
    pub(super) spread: Option<Box<FileSpread>>,
    pub(super) returns: Option<Box<FileReturns>>,
    pub(super) release: Option<f64>,
    pub(super) deadline: Option<f64>,
    pub(super) when: Option<String>,
    pub(super) note: String,
}

/// What an item without any of the rarer fields has.
static NO_MORE: FileItemMore = FileItemMore {
    label_zh: None,
    label_en: None,
    kind: None,
    unit: None,
    clock: None,
    fee: None,
    materials: None,
    forms: None,
    joint: None,
    floor: None,
    cost: None,
    spread: None,
    returns: None,
    release: None,
    deadline: None,
    when: None,
    note: String::new(),
};

impl FileItemMore {
    /// Whether every field is left out.
    fn is_empty(&self) -> bool {
        self.label_zh.is_none()
            && self.label_en.is_none()
            && self.kind.is_none()
            && self.unit.is_none()
            && self.clock.is_none()
            && self.fee.is_none()
            && self.materials.is_none()
            && self.forms.is_none()
            && self.joint.is_none()
            && self.floor.is_none()
            && self.cost.is_none()
            && self.spread.is_none()
            && self.returns.is_none()
            && self.release.is_none()
            && self.deadline.is_none()
            && self.when.is_none()
            && self.note.is_empty()
    }
}

impl FileItem {
    /// An item from its common fields and the rest (boxed only when it holds something).
    pub(super) fn new(
        (id, name, department, stage): (String, FileName, String, String),
        days: FileNumber,
        after: Vec<FileAfter>,
        more: FileItemMore,
    ) -> Self {
        Self {
            id,
            name,
            department,
            stage,
            days,
            after,
            more: (!more.is_empty()).then(|| Box::new(more)),
        }
    }

    /// The rarer fields (all left out when the item has none).
    pub(super) fn more(&self) -> &FileItemMore {
        self.more.as_deref().unwrap_or(&NO_MORE)
    }

    /// The rarer fields, to change.
    pub(super) fn more_mut(&mut self) -> &mut FileItemMore {
        self.more.get_or_insert_with(Default::default)
    }
}

impl From<FileItemFields> for FileItem {
    fn from(f: FileItemFields) -> Self {
        let more = FileItemMore {
            label_zh: f.label_zh,
            label_en: f.label_en,
            kind: f.kind,
            unit: f.unit,
            clock: f.clock,
            fee: f.fee,
            materials: f.materials,
            forms: f.forms,
            joint: f.joint,
            floor: f.floor,
            cost: f.cost,
            spread: f.spread,
            returns: f.returns,
            release: f.release,
            deadline: f.deadline,
            when: f.when,
            note: f.note,
        };
        Self::new((f.id, f.name, f.department, f.stage), f.days, f.after, more)
    }
}

impl From<FileItem> for FileItemFields {
    fn from(f: FileItem) -> Self {
        let m = f.more.map(|m| *m).unwrap_or_default();
        Self {
            id: f.id,
            name: f.name,
            label_zh: m.label_zh,
            label_en: m.label_en,
            department: f.department,
            stage: f.stage,
            kind: m.kind,
            days: f.days,
            unit: m.unit,
            clock: m.clock,
            fee: m.fee,
            materials: m.materials,
            forms: m.forms,
            after: f.after,
            joint: m.joint,
            floor: m.floor,
            cost: m.cost,
            spread: m.spread,
            returns: m.returns,
            release: m.release,
            deadline: m.deadline,
            when: m.when,
            note: m.note,
        }
    }
}

/// A number, optionally with its source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FileNumber {
    pub(crate) value: f64,
    pub(crate) source: Option<String>,
}

impl FileNumber {
    /// Where the number comes from: its `source`, or unspecified when it names none.
    pub(crate) fn provenance(&self) -> Provenance {
        provenance(self.source.as_deref())
    }

    /// The number as working days, with its provenance.
    pub(super) fn working_days(&self) -> Sourced<WorkingDays> {
        Sourced::new(WorkingDays::new(self.value), self.provenance())
    }
}

/// A `source = "…"` field: the source it names, or unspecified when it is left out.
pub(super) fn provenance(source: Option<&str>) -> Provenance {
    source.map(Provenance::parse).unwrap_or_default()
}

/// A count of documents, or their names.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum FileMaterials {
    Count(u32),
    Named(Vec<String>),
}

/// One predecessor: the compact text form or a table.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum FileAfter {
    Text(String),
    /// Boxed: most predecessors are text, and a list item is as large as its largest kind.
    Link(Box<FileLinkSpec>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileLinkSpec {
    pub(super) item: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) lag: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) max_lag: Option<f64>,
    /// `working` (the default) or `calendar`: what `lag` and `max_lag` count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unit: Option<String>,
    /// The link applies only when this condition over `[project]` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) when: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileSpread {
    pub(super) dist: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) likely: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) max: Option<f64>,
    /// Where the spread comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileJoint {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) days: Option<FileNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) floor: Option<FileNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) spread: Option<FileSpread>,
}

/// `returns = { rate = 0.053, correction_days = 3, rework_days = 2 }`: the applicant's
/// correction (clock stopped) and the re-review (clock running; `rereview_days` is its older
/// name). `rework_days` without `correction_days` is refused: older files used it for the
/// applicant's time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileReturns {
    pub(super) rate: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) correction_days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) rework_days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) rereview_days: Option<f64>,
    /// Where the rate and times come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileMeasure {
    pub(super) id: String,
    pub(super) kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    /// notification_commitment: the items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) items: Vec<String>,
    /// notification_commitment: days the filing takes (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) days: Option<f64>,
    /// time_limit_compression: item id → new limit.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) limits: BTreeMap<String, f64>,
    /// tolerance_acceptance: the finish-to-start links that become start-to-start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<FileToleranceLink>,
    /// merged_stages: the stages merged into the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) stages: Vec<String>,
    /// notification_commitment: the check after the grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) verification: Option<FileVerification>,
    /// agent_service: what the named items' time is multiplied by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) factor: Option<f64>,
    /// agent_service: what every item's return rate is multiplied by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) returns_factor: Option<f64>,
    /// parallel_advance: the stages whose gate stays hard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) hard_gates: Vec<String>,
    /// regional_assessment: the assessments left out for a project in the assessed area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) drop: Vec<String>,
    /// regional_assessment: the items granted on commitment for a project in the area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) commit: Vec<String>,
    /// joint_review: the groups (default all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) groups: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
    /// The measure applies only when this condition over `[project]` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) when: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
}

/// `verification = { days = 5, deadline_days = 20, failure_rate = 0.05 }`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileVerification {
    pub(super) days: f64,
    pub(super) deadline_days: f64,
    #[serde(default)]
    pub(super) failure_rate: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileToleranceLink {
    pub(super) from: String,
    pub(super) to: String,
    #[serde(default)]
    pub(super) lag: f64,
    /// The material must arrive within this many working days after the successor starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) deadline_days: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileRegime {
    pub(super) name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    pub(super) base: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) measures: Vec<String>,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) description: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description_en: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileTarget {
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    pub(super) regime: String,
    /// A bound on official approval days: a number, or a range `"36.5..54"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) approval_days: Option<FileBound>,
    /// A bound on elapsed working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) working_days: Option<FileBound>,
    /// A bound on elapsed calendar days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) calendar_days: Option<FileBound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) trips: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) forms: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) materials: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) departments: Option<u32>,
    /// The day bound bounds this stage's span rather than the whole regime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) stage: Option<String>,
    /// The figures are published results to reproduce exactly, not maximums.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) exact: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
}

/// `[[milestones]]`: a moment a developer cares about, reached at one end of an item.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileMilestone {
    pub(super) id: String,
    #[serde(default, skip_serializing_if = "FileName::is_empty")]
    pub(super) name: FileName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label_en: Option<String>,
    pub(super) item: String,
    /// `finish` (the default) or `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
}

/// A target's day bound: at most a number (`working_days = 60`) or within a range written as
/// text (`approval_days = "36.5..54"`).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum FileBound {
    /// `= 60`.
    Number(f64),
    /// `= "36.5..54"`, read by the target rules.
    Range(String),
}

/// A name: text, or a table `{ zh = "…", en = "…" }` giving it in both languages.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum FileName {
    /// `name = "…"`.
    Text(String),
    /// `name = { zh = "…", en = "…" }` (boxed: rare, and a name is on every item).
    Table(Box<FileLabel>),
}

impl Default for FileName {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

impl FileName {
    /// The name as written: the text, or for a table its Chinese name (else its English one).
    pub(super) fn written(&self) -> &str {
        match self {
            Self::Text(t) => t,
            Self::Table(l) => l.zh.as_deref().or(l.en.as_deref()).unwrap_or(""),
        }
    }

    /// Whether no name is given.
    pub(super) fn is_empty(&self) -> bool {
        self.written().is_empty()
    }
}

impl From<String> for FileName {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

/// A name in each language: `{ zh = "…", en = "…" }`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileLabel {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) en: Option<String>,
}

/// One `[project]` attribute: a plain value (`floor_area = 12000`, `investment = "social"`,
/// `in_assessed_area = false`), or a table `{ value = 12000, unit = "m²", name = { zh = "…",
/// en = "…" } }`; a table without `value` gives `type = "number" | "text" | "yes/no"` instead and
/// the value must come from `--attr`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub(super) enum FileAttribute {
    Plain(FileAttrValue),
    Table(FileAttrTable),
}

/// An attribute's value as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub(super) enum FileAttrValue {
    YesNo(bool),
    Number(f64),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileAttrTable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) value: Option<FileAttrValue>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) name: Option<FileLabel>,
}
