//! Domain types of a scenario: the approval flow of one project type, its reform measures, the
//! regimes built from them and the targets they must meet.
//!
//! These types carry no serde: the file format (`crate::format`, `crate::csv_item_list`) has its
//! own types and converts into these after validation, so a value of [`Scenario`] is always valid.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::units::{
    Department, GroupId, ItemId, MeasureId, Provenance, RegimeName, Sourced, StageId, WorkingDays,
};

/// The scenario version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub description: String,
    pub sources: Vec<SourceRef>,
    /// Day the application is made; a non-working day starts on the next working day.
    pub start: NaiveDate,
    pub calendar: CalendarSpec,
    /// Stages in the order a project passes through them.
    pub stages: Vec<Stage>,
    /// Items in file order; serial regimes chain a stage's items in this order.
    pub items: Vec<Item>,
    pub links: Vec<Link>,
    pub joint_groups: Vec<JointGroup>,
    pub measures: Vec<MeasureDef>,
    pub regimes: Vec<Regime>,
    pub targets: Vec<Target>,
}

/// A published document the scenario's numbers cite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub note: String,
}

/// Which working-day calendar turns offsets into dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarSpec {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseCalendar {
    /// China's official calendars shipped with permitflow (holidays and make-up working days).
    China,
    /// Monday to Friday, no holidays.
    Weekends,
}

impl BaseCalendar {
    pub fn name(self) -> &'static str {
        match self {
            Self::China => "cn",
            Self::Weekends => "weekends",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// The department that runs the stage's single window under a parallel regime.
    pub lead: Department,
}

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
    pub const ALL: [Self; 4] = [
        Self::Review,
        Self::Filing,
        Self::ApplicantWork,
        Self::UtilityService,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::Filing => "filing",
            Self::ApplicantWork => "applicant_work",
            Self::UtilityService => "utility_service",
        }
    }

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
    Fixed(WorkingDays),
    Triangular {
        min: WorkingDays,
        likely: WorkingDays,
        max: WorkingDays,
    },
    Pert {
        min: WorkingDays,
        likely: WorkingDays,
        max: WorkingDays,
    },
    Uniform {
        min: WorkingDays,
        max: WorkingDays,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: ItemId,
    pub name: String,
    pub department: Department,
    pub stage: StageId,
    pub kind: ItemKind,
    /// Statutory time limit.
    pub days: Sourced<WorkingDays>,
    pub materials: Materials,
    /// Forms the applicant fills in when the item is applied for on its own (default 1).
    pub forms: u32,
    /// Least limit the department can commit to (reform planning).
    pub floor: Option<Sourced<WorkingDays>>,
    /// Cost per working day cut (reform planning; default 1).
    pub cost: Option<f64>,
    /// Spread of the real duration (simulation).
    pub spread: Option<Distribution>,
    /// Submissions returned for correction (simulation).
    pub returns: Option<Returns>,
    /// Earliest start, in working days from the project start.
    pub release: Option<WorkingDays>,
    /// Latest finish, in working days from the project start.
    pub deadline: Option<WorkingDays>,
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

impl LinkKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::FinishToStart => "FS",
            Self::StartToStart => "SS",
            Self::FinishToFinish => "FF",
            Self::StartToFinish => "SF",
        }
    }

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
    pub from: ItemId,
    pub to: ItemId,
    pub kind: LinkKind,
    pub lag: WorkingDays,
    pub max_lag: Option<WorkingDays>,
}

/// Items that a joint regime merges into one event (joint review, joint acceptance, joint
/// surveying). All members sit in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct JointGroup {
    pub id: GroupId,
    pub name: String,
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
}

/// A submission returned for correction: with probability `rate` the applicant reworks it for
/// `rework` working days and the department reviews it again for `rereview` (default: the
/// item's own limit); returns may repeat.
#[derive(Clone, Debug, PartialEq)]
pub struct Returns {
    pub rate: f64,
    pub rework: WorkingDays,
    pub rereview: Option<WorkingDays>,
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
    pub fn name(self) -> &'static str {
        match self {
            Self::Serial => "serial",
            Self::Parallel => "parallel",
        }
    }

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
    JointReview { groups: Option<Vec<GroupId>> },
    /// Approvals become filings done on commitment, taking `days` (usually 0).
    NotificationCommitment {
        items: Vec<ItemId>,
        days: WorkingDays,
    },
    /// A finish-to-start link becomes start-to-start with a lag: the next step starts on the
    /// applicant's commitment to make up the material later.
    ToleranceAcceptance { links: Vec<ToleranceLink> },
    /// Departments' limits cut to new values.
    TimeLimitCompression { days: BTreeMap<ItemId, WorkingDays> },
    /// Stages merged into one (one intake, one delivery).
    MergedStages { stages: Vec<StageId> },
    /// Everything submitted online: no trips.
    OnlineSubmission,
}

impl Measure {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::JointReview { .. } => "joint_review",
            Self::NotificationCommitment { .. } => "notification_commitment",
            Self::ToleranceAcceptance { .. } => "tolerance_acceptance",
            Self::TimeLimitCompression { .. } => "time_limit_compression",
            Self::MergedStages { .. } => "merged_stages",
            Self::OnlineSubmission => "online_submission",
        }
    }

    /// Measures that need no parameters and may be named in a regime without being declared.
    pub fn builtin(name: &str) -> Option<Self> {
        match name {
            "joint_review" => Some(Self::JointReview { groups: None }),
            "online_submission" => Some(Self::OnlineSubmission),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToleranceLink {
    pub from: ItemId,
    pub to: ItemId,
    pub lag: WorkingDays,
}

/// A measure declared in the scenario under a name regimes use.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDef {
    pub id: MeasureId,
    pub measure: Measure,
    pub source: Provenance,
    pub note: String,
}

/// A base mode plus measures: a planner adds or removes one measure and sees its effect.
#[derive(Clone, Debug, PartialEq)]
pub struct Regime {
    pub name: RegimeName,
    pub description: String,
    pub base: BaseMode,
    pub measures: Vec<MeasureId>,
}

/// A policy target a regime must meet ("joint ≤ 60 working days"), or, with `exact`, a
/// published figure the model must reproduce ("joint = 36.5 working days").
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub name: String,
    pub regime: RegimeName,
    pub working_days: Option<WorkingDays>,
    pub trips: Option<u32>,
    pub forms: Option<u32>,
    pub materials: Option<u32>,
    pub departments: Option<u32>,
    /// When set, `working_days` bounds this stage's span (the merged stage containing it under
    /// a merged-stages regime) instead of the whole regime.
    pub stage: Option<StageId>,
    /// Each given figure must be met exactly rather than as a maximum.
    pub exact: bool,
    pub source: Provenance,
}

impl Scenario {
    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items.iter().find(|i| &i.id == id)
    }

    pub fn item_mut(&mut self, id: &ItemId) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| &i.id == id)
    }

    pub fn stage_index(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    pub fn regime(&self, name: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.name.as_str() == name)
    }

    pub fn regime_mut(&mut self, name: &str) -> Option<&mut Regime> {
        self.regimes.iter_mut().find(|r| r.name.as_str() == name)
    }

    pub fn group(&self, id: &GroupId) -> Option<&JointGroup> {
        self.joint_groups.iter().find(|g| &g.id == id)
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
