//! Domain types of a scenario: the approval flow of one project type, its reform measures, the
//! regimes built from them and the targets they must meet.
//!
//! These types carry no serde: the file format (`crate::format`, `crate::csv_item_list`) has its
//! own types and converts into these after validation, so a value of [`Scenario`] is always valid.
//! A [`Draft`] is the same data, unvalidated and open to change: editors change drafts and turn
//! them back into a scenario through [`crate::validate`].

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::units::{
    Department, GroupId, ItemId, MeasureId, Provenance, RegimeName, Sourced, StageId, WorkingDays,
};

/// The scenario version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A valid scenario: the approval flow of one project type, with the measures, regimes and
/// targets to compare. Only the readers and [`crate::validate`] build one, by the format's rules,
/// so every value is valid. Its data is read through [`Draft`]'s fields (`s.items`, …); to change
/// it, take a [`Scenario::to_draft`], change that and validate it again.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario(Draft);

impl std::ops::Deref for Scenario {
    type Target = Draft;

    fn deref(&self) -> &Draft {
        &self.0
    }
}

impl Scenario {
    /// Wraps a draft the format's rules have accepted.
    pub(crate) fn validated(draft: Draft) -> Self {
        Self(draft)
    }

    /// A copy to change.
    pub fn to_draft(&self) -> Draft {
        self.0.clone()
    }

    /// The data, to change.
    pub fn into_draft(self) -> Draft {
        self.0
    }

    /// The scenario without `items`, each bridged as an item whose `when` is false
    /// ([`crate::rules::drop_items`]), and the notes of what else went with them. Still valid:
    /// a bridge joins items the file already ordered, and groups, measures and milestones lose
    /// only what names a dropped item.
    pub fn without_items(&self, items: &[ItemId]) -> (Scenario, Vec<String>) {
        let (d, notes) = crate::rules::drop_items(&self.0, items);
        (Self(d), notes)
    }
}

impl PartialEq<Draft> for Scenario {
    fn eq(&self, other: &Draft) -> bool {
        &self.0 == other
    }
}

impl PartialEq<Scenario> for Draft {
    fn eq(&self, other: &Scenario) -> bool {
        self == &other.0
    }
}

/// The data of a scenario, not (or no longer) known to be valid: what an editor changes. Turned
/// into a [`Scenario`] by [`crate::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The project type, as tables and charts title it.
    pub name: String,
    /// What the scenario models and where its figures come from, in prose.
    pub description: String,
    /// Published documents that provenance (`source = "…"`) refers to.
    pub sources: Vec<SourceRef>,
    /// Day the application is made; a non-working day starts on the next working day.
    pub start: NaiveDate,
    /// The working-day calendar that turns offsets into dates.
    pub calendar: CalendarSpec,
    /// Stages in the order a project passes through them.
    pub stages: Vec<Stage>,
    /// Items in file order; serial regimes chain a stage's items in this order.
    pub items: Vec<Item>,
    /// Precedence between items, as the items' `after` lists give it.
    pub links: Vec<Link>,
    /// Items a joint regime merges into one event each.
    pub joint_groups: Vec<JointGroup>,
    /// The reform measures declared, which regimes name.
    pub measures: Vec<MeasureDef>,
    /// The regimes to compare (the three standard ones when the file names none).
    pub regimes: Vec<Regime>,
    /// Bounds the regimes should meet, or published figures to reproduce.
    pub targets: Vec<Target>,
    /// Moments a developer cares about, each reached at one end of an item
    /// ([`crate::milestone`]).
    pub milestones: Vec<crate::milestone::Milestone>,
    /// Names in Chinese and English ([`crate::labels`]).
    pub labels: crate::labels::Labels,
    /// Project attributes and the items and links that apply only under a condition
    /// ([`crate::rules`]).
    pub rules: crate::rules::Rules,
}

/// A published document the scenario's numbers cite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    /// The id provenance uses (often the document's file name).
    pub id: String,
    /// The document's title.
    pub title: String,
    /// What the scenario takes from it.
    pub note: String,
}

/// Which working-day calendar turns offsets into dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarSpec {
    /// The calendar the files add to.
    pub base: BaseCalendar,
    /// Extra holiday-cn JSON files (relative to the scenario file), e.g. next year's notice.
    pub files: Vec<String>,
}

impl Default for CalendarSpec {
    fn default() -> Self {
        Self {
            base: BaseCalendar::China,
            files: Vec::new(),
        }
    }
}

/// The built-in calendar a scenario starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseCalendar {
    /// China's official calendars shipped with permitflow (holidays and make-up working days).
    China,
    /// Monday to Friday, no holidays.
    Weekends,
}

impl BaseCalendar {
    /// The name a scenario file gives it (`cn`, `weekends`).
    pub fn name(self) -> &'static str {
        match self {
            Self::China => "cn",
            Self::Weekends => "weekends",
        }
    }
}

/// One approval stage (land, planning permit, construction permit, acceptance, …); a project
/// passes through the stages in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Unique among the stages.
    pub id: StageId,
    /// The stage's name for people (the id when the file gives none).
    pub name: String,
    /// The department that runs the stage's single window under a parallel regime.
    pub lead: Department,
}

/// Who does an item's work, which decides what it costs the applicant in trips and forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// A department examines and approves.
    Review,
    /// A department records what the applicant files.
    Filing,
    /// The applicant's own work (design, surveying by the applicant, corrections).
    ApplicantWork,
    /// A utility connects water, drainage, power or gas.
    UtilityService,
}

impl ItemKind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [Self; 4] = [
        Self::Review,
        Self::Filing,
        Self::ApplicantWork,
        Self::UtilityService,
    ];

    /// The name a scenario file gives it (`review`, `applicant_work`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::Filing => "filing",
            Self::ApplicantWork => "applicant_work",
            Self::UtilityService => "utility_service",
        }
    }

    /// The kind a file names, with `_` or `-` between words.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == text || k.name().replace('_', "-") == text)
    }

    /// Whether the applicant has to hand something in for it (a trip and a form in a serial
    /// regime). The applicant's own work needs no submission.
    pub fn needs_submission(self) -> bool {
        !matches!(self, Self::ApplicantWork)
    }
}

/// What the applicant hands in for an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Materials {
    /// A number of documents, none shared with other items.
    Count(u32),
    /// Named documents; under "one form" the same name in one stage is handed in once.
    Named(Vec<String>),
}

impl Materials {
    /// How many documents.
    pub fn count(&self) -> u32 {
        match self {
            Self::Count(n) => *n,
            Self::Named(names) => names.len() as u32,
        }
    }
}

impl Default for Materials {
    fn default() -> Self {
        Self::Count(0)
    }
}

/// A duration distribution for simulation, in working days.
#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    /// Always this duration.
    Fixed(WorkingDays),
    /// Triangular between `min` and `max`, most likely `likely`.
    Triangular {
        /// The shortest duration.
        min: WorkingDays,
        /// The most likely duration.
        likely: WorkingDays,
        /// The longest duration.
        max: WorkingDays,
    },
    /// PERT (a scaled Beta) between `min` and `max`, most likely `likely`.
    Pert {
        /// The shortest duration.
        min: WorkingDays,
        /// The most likely duration.
        likely: WorkingDays,
        /// The longest duration.
        max: WorkingDays,
    },
    /// Uniform between `min` and `max`.
    Uniform {
        /// The shortest duration.
        min: WorkingDays,
        /// The longest duration.
        max: WorkingDays,
    },
}

/// One department's item: a review, filing, the applicant's own work or a utility service, with
/// its statutory time limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Unique among the items; what `after` lists and measures refer to.
    pub id: ItemId,
    /// The item's name for people (the id when the file gives none).
    pub name: String,
    /// The department that handles it.
    pub department: Department,
    /// The stage it belongs to.
    pub stage: StageId,
    /// Who does its work.
    pub kind: ItemKind,
    /// Statutory time limit, counted in `unit`.
    pub days: Sourced<WorkingDays>,
    /// Whether `days` (and the item's spread) count working days or calendar days.
    pub unit: crate::clock::DayUnit,
    /// Whose clock the item's time runs on: approval time or only elapsed time.
    pub clock: crate::clock::Clock,
    /// What the applicant pays for it, in yuan.
    pub fee: Option<Sourced<f64>>,
    /// What the applicant hands in for it.
    pub materials: Materials,
    /// Forms the applicant fills in when the item is applied for on its own (default 1).
    pub forms: u32,
    /// Least limit the department can commit to (reform planning).
    pub floor: Option<Sourced<WorkingDays>>,
    /// Cost per working day cut (reform planning; default 1).
    pub cost: Option<f64>,
    /// Spread of the real duration (simulation).
    pub spread: Option<Distribution>,
    /// Where the spread comes from (`source` in its table: a document, `assumed`, or
    /// `fitted: LOG, n cases, first–last date` when `calibrate` fitted it).
    pub spread_source: Provenance,
    /// Submissions returned for correction (simulation).
    pub returns: Option<Returns>,
    /// Earliest start, in working days from the project start.
    pub release: Option<WorkingDays>,
    /// Latest finish, in working days from the project start.
    pub deadline: Option<WorkingDays>,
    /// Free text: where the figures come from, what the item covers.
    pub note: String,
}

/// Which ends of two items a link ties together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// `to` starts after `from` finishes (FS, the default).
    FinishToStart,
    /// `to` starts after `from` starts (SS).
    StartToStart,
    /// `to` finishes after `from` finishes (FF).
    FinishToFinish,
    /// `to` finishes after `from` starts (SF).
    StartToFinish,
}

impl LinkKind {
    /// The two-letter code of the `after` syntax and of MS Project (`FS`, `SS`, `FF`, `SF`).
    pub fn code(self) -> &'static str {
        match self {
            Self::FinishToStart => "FS",
            Self::StartToStart => "SS",
            Self::FinishToFinish => "FF",
            Self::StartToFinish => "SF",
        }
    }

    /// The kind a two-letter code names, in any case.
    pub fn parse(code: &str) -> Option<Self> {
        match code.to_ascii_uppercase().as_str() {
            "FS" => Some(Self::FinishToStart),
            "SS" => Some(Self::StartToStart),
            "FF" => Some(Self::FinishToFinish),
            "SF" => Some(Self::StartToFinish),
            _ => None,
        }
    }
}

/// `to` may start (or finish) only `lag` working days after `from` finishes (or starts), and, with
/// a maximum lag, no later than `max_lag` after it ("formal conditions within 5 working days after
/// the land is ready").
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The predecessor.
    pub from: ItemId,
    /// The successor, whose `after` list names `from`.
    pub to: ItemId,
    /// Which ends the link ties.
    pub kind: LinkKind,
    /// The least time between the two ends (negative: a lead), in `lag_unit`.
    pub lag: WorkingDays,
    /// The most time between the two ends, if bounded, in `lag_unit`.
    pub max_lag: Option<WorkingDays>,
    /// Whether the lags count working days or calendar days.
    pub lag_unit: crate::clock::DayUnit,
}

/// Items that a joint regime merges into one event (joint review, joint acceptance, joint
/// surveying). All members sit in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct JointGroup {
    /// Unique among groups and items: the joint event is reported under it.
    pub id: GroupId,
    /// The group's name for people (the id when the file gives none).
    pub name: String,
    /// The members, in file order.
    pub items: Vec<ItemId>,
    /// The joint event's own limit; `None` means the longest member's.
    pub days: Option<Sourced<WorkingDays>>,
    /// The department that runs the joint event, if one does.
    pub department: Option<Department>,
    /// Least limit of the joint event (reform planning; default: its limit, no cut).
    pub floor: Option<Sourced<WorkingDays>>,
    /// Cost per working day cut from the joint event (reform planning; default 1).
    pub cost: Option<f64>,
    /// Spread of the joint event's real duration (simulation).
    pub spread: Option<Distribution>,
    /// Where the spread comes from.
    pub spread_source: Provenance,
}

/// A submission returned for correction: with probability `rate` the applicant corrects it for
/// `correction` working days (the approval clock stopped: elapsed time only) and the department
/// reviews it again for `rereview` (the clock running; default: the item's own limit); returns
/// may repeat.
#[derive(Clone, Debug, PartialEq)]
pub struct Returns {
    /// Probability that a submission is returned, from 0 to below 1.
    pub rate: f64,
    /// The applicant's time to correct it (补正; clock stopped).
    pub correction: WorkingDays,
    /// The department's time to review it again (default: the item's own limit).
    pub rereview: Option<WorkingDays>,
    /// Where the rate and times come from (`source` in the `returns` table).
    pub source: Provenance,
}

/// How a regime lays items out before measures apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseMode {
    /// Before reform: one department after the other, a submission per item.
    Serial,
    /// One intake per stage, items concurrent subject to their own links, stage gate at unified
    /// delivery.
    Parallel,
}

impl BaseMode {
    /// The name a scenario file gives it (`serial`, `parallel`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Serial => "serial",
            Self::Parallel => "parallel",
        }
    }

    /// The mode a file names.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "serial" => Some(Self::Serial),
            "parallel" => Some(Self::Parallel),
            _ => None,
        }
    }
}

/// A reform measure: a transformation of the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// Joint groups become single events (all groups when `None`).
    JointReview {
        /// The groups merged; all when `None`.
        groups: Option<Vec<GroupId>>,
    },
    /// Approvals become filings done on commitment, taking `days` (usually 0); with a
    /// verification, the department verifies each commitment afterwards, off the applicant's
    /// path, and a false one brings the item back with its full review (simulation).
    NotificationCommitment {
        /// The approvals that become filings.
        items: Vec<ItemId>,
        /// What a filing takes.
        days: WorkingDays,
        /// The check after the grant, if the measure has one.
        verification: Option<Verification>,
    },
    /// A finish-to-start link becomes start-to-start with a lag: the next step starts on the
    /// applicant's commitment to make up the material later. With a deadline (容缺受理 as the
    /// reform does it) the material must also arrive within the deadline after the start, and
    /// the result is delivered only once it has (finish-to-finish).
    ToleranceAcceptance {
        /// The links accepted with tolerance.
        links: Vec<ToleranceLink>,
    },
    /// Departments' limits cut to new values.
    TimeLimitCompression {
        /// Item → its new limit.
        days: BTreeMap<ItemId, WorkingDays>,
    },
    /// Stages merged into one (one intake, one delivery).
    MergedStages {
        /// The stages merged into the first of them.
        stages: Vec<StageId>,
    },
    /// Everything submitted online: no trips.
    OnlineSubmission,
    /// Agent service (帮办代办): agents prepare and submit for the applicant, so the named
    /// applicant items take less time and every submission is returned less often.
    AgentService {
        /// Applicant items whose time is multiplied by `factor`.
        items: Vec<ItemId>,
        /// What the named items' time is multiplied by (from above 0 to 1); the product is
        /// rounded to the nearest half day.
        factor: Option<f64>,
        /// Applicant items set to a given time instead.
        days: BTreeMap<ItemId, WorkingDays>,
        /// What every item's return rate is multiplied by (0 to 1).
        returns_factor: Option<f64>,
    },
    /// Cross-stage parallel advance (并行推进): stage gates become soft, so an item of a later
    /// stage starts when its own links allow, except after the stages named here, whose unified
    /// delivery the next stage still waits for.
    ParallelAdvance {
        /// The stages whose gate stays hard (the next stage waits for their delivery).
        hard_gates: Vec<StageId>,
    },
    /// Regional assessment (区域评估): the area's government has done the assessments once for
    /// the whole area, so a project in it (attribute [`ASSESSED_AREA`] = yes) reuses them: the
    /// items in `drop` are not in its network (their links bridged as for an item whose `when`
    /// is false) and the items in `commit` are granted on commitment, as
    /// [`Measure::NotificationCommitment`] does. For a project outside the area it does nothing.
    RegionalAssessment {
        /// The assessments the area's own covers: left out, their links bridged.
        drop: Vec<ItemId>,
        /// The items granted on the applicant's commitment instead.
        commit: Vec<ItemId>,
        /// What a committed filing takes.
        days: WorkingDays,
        /// The check after a committed grant, if the measure has one.
        verification: Option<Verification>,
    },
}

/// The yes/no project attribute a regional-assessment measure takes effect under.
pub const ASSESSED_AREA: &str = "in_assessed_area";

impl Measure {
    /// The `kind` a scenario file gives it (`joint_review`, …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::JointReview { .. } => "joint_review",
            Self::NotificationCommitment { .. } => "notification_commitment",
            Self::ToleranceAcceptance { .. } => "tolerance_acceptance",
            Self::TimeLimitCompression { .. } => "time_limit_compression",
            Self::MergedStages { .. } => "merged_stages",
            Self::OnlineSubmission => "online_submission",
            Self::ParallelAdvance { .. } => "parallel_advance",
            Self::AgentService { .. } => "agent_service",
            Self::RegionalAssessment { .. } => "regional_assessment",
        }
    }

    /// Measures that need no parameters and may be named in a regime without being declared.
    pub fn builtin(name: &str) -> Option<Self> {
        match name {
            "joint_review" => Some(Self::JointReview { groups: None }),
            "online_submission" => Some(Self::OnlineSubmission),
            "parallel_advance" => Some(Self::ParallelAdvance { hard_gates: vec![] }),
            _ => None,
        }
    }
}

/// The verification of a notification-commitment (告知承诺 事后核查): after the grant the
/// department checks the commitment; a false one revokes the grant and the item is reviewed in
/// full.
#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    /// Working days the verification takes.
    pub days: WorkingDays,
    /// It is done within this many working days after the grant.
    pub deadline: WorkingDays,
    /// Probability that a commitment proves false (simulation), from 0 to below 1.
    pub failure_rate: f64,
}

/// A finish-to-start link a tolerance-acceptance measure turns into start-to-start.
#[derive(Clone, Debug, PartialEq)]
pub struct ToleranceLink {
    /// The link's predecessor.
    pub from: ItemId,
    /// The link's successor.
    pub to: ItemId,
    /// The lag of the start-to-start link that replaces it.
    pub lag: WorkingDays,
    /// The most working days the material (the predecessor's finish) may follow the
    /// successor's start; with it the successor also finishes no earlier than the material.
    pub deadline: Option<WorkingDays>,
}

/// A measure declared in the scenario under a name regimes use.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDef {
    /// The name regimes use.
    pub id: MeasureId,
    /// What it does to the flow.
    pub measure: Measure,
    /// Where it is documented.
    pub source: Provenance,
    /// Free text about the measure.
    pub note: String,
}

/// A base mode plus measures: a planner adds or removes one measure and sees its effect.
#[derive(Clone, Debug, PartialEq)]
pub struct Regime {
    /// Unique among the regimes; what targets and the command line name.
    pub name: RegimeName,
    /// What the regime stands for, in prose.
    pub description: String,
    /// How items are laid out before measures apply.
    pub base: BaseMode,
    /// The measures applied, declared or built in (in any order: the pipeline is fixed).
    pub measures: Vec<MeasureId>,
}

/// A policy target a regime must meet ("joint ≤ 60 working days"), or, with `exact`, a
/// published figure the model must reproduce ("joint = 36.5 working days").
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// As written, or made from the bounds (`joint ≤ 60 working days`).
    pub name: String,
    /// The regime it applies to.
    pub regime: RegimeName,
    /// At most (or exactly) this many days of `measure`; with `days_min`, the figure must lie
    /// in `days_min..=days` (a published range).
    pub days: Option<WorkingDays>,
    /// The least the figure may be: a published range's lower end.
    pub days_min: Option<WorkingDays>,
    /// Which day count `days` bounds (official approval days, elapsed working or calendar days).
    pub measure: crate::clock::DayMeasure,
    /// At most (or exactly) this many trips to a counter.
    pub trips: Option<u32>,
    /// At most (or exactly) this many forms.
    pub forms: Option<u32>,
    /// At most (or exactly) this many documents handed in.
    pub materials: Option<u32>,
    /// At most (or exactly) this many departments dealt with.
    pub departments: Option<u32>,
    /// When set, `days` bounds this stage's span (the merged stage containing it under
    /// a merged-stages regime) instead of the whole regime.
    pub stage: Option<StageId>,
    /// Each given figure must be met exactly rather than as a maximum.
    pub exact: bool,
    /// Where the target or figure is published.
    pub source: Provenance,
}

impl Draft {
    /// The item with this id.
    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// The item with this id, to change.
    pub fn item_mut(&mut self, id: &ItemId) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| &i.id == id)
    }

    /// The position of the stage with this id.
    pub fn stage_index(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// The regime with this name.
    pub fn regime(&self, name: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.name.as_str() == name)
    }

    /// Of the regimes named in `among`, the baseline that reformed regimes are compared with:
    /// the first serial regime without measures, else the first serial one. Found by its role,
    /// whatever it is called (`serial`, `before`, …).
    pub fn baseline<'a>(
        &self,
        among: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Option<&'a str> {
        let serial = |plain: bool| {
            among.clone().into_iter().find(|n| {
                self.regime(n).is_some_and(|r| {
                    r.base == BaseMode::Serial && (!plain || r.measures.is_empty())
                })
            })
        };
        serial(true).or_else(|| serial(false))
    }

    /// The regime with this name, to change.
    pub fn regime_mut(&mut self, name: &str) -> Option<&mut Regime> {
        self.regimes.iter_mut().find(|r| r.name.as_str() == name)
    }

    /// The joint group with this id.
    pub fn group(&self, id: &GroupId) -> Option<&JointGroup> {
        self.joint_groups.iter().find(|g| &g.id == id)
    }

    /// Whether the project lies in an area with regional assessment: its
    /// [`ASSESSED_AREA`] attribute's value (a resolved scenario's default is the value used) is
    /// yes. Regional-assessment measures take effect only then.
    pub fn in_assessed_area(&self) -> bool {
        self.rules
            .attribute(ASSESSED_AREA)
            .and_then(|a| a.default.as_ref())
            == Some(&crate::rules::Value::YesNo(true))
    }

    /// The measure a regime names: declared in the scenario, or a built-in one.
    pub fn measure(&self, id: &MeasureId) -> Option<Measure> {
        self.measures
            .iter()
            .find(|m| &m.id == id)
            .map(|m| m.measure.clone())
            .or_else(|| Measure::builtin(id.as_str()))
    }

    /// The three regimes every flow can be compared under: `serial`, `parallel` and `joint`
    /// (parallel plus joint review).
    pub fn standard_regimes() -> Vec<Regime> {
        vec![
            Regime {
                name: RegimeName::new("serial"),
                description: "before reform: one department after another".into(),
                base: BaseMode::Serial,
                measures: vec![],
            },
            Regime {
                name: RegimeName::new("parallel"),
                description: "one intake per stage, items concurrent".into(),
                base: BaseMode::Parallel,
                measures: vec![],
            },
            Regime {
                name: RegimeName::new("joint"),
                description: "parallel plus joint reviews".into(),
                base: BaseMode::Parallel,
                measures: vec![MeasureId::new("joint_review")],
            },
        ]
    }
}
