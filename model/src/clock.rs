//! The two clocks of an approval flow: which items count toward official approval time
//! (审批用时) and which only toward the applicant's elapsed time, and the unit an item's time
//! is counted in (working days, or calendar days for publicity periods and notices).

/// Whose clock an item's time runs on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Clock {
    /// The government's approval clock: counts toward official approval time (the default).
    #[default]
    Approval,
    /// A special procedure outside the clock: technical or expert review, hearing, publicity
    /// period (特别程序).
    Special,
    /// An intermediary service outside the clock: surveys, drawings review by a contractor, … (中介服务).
    Intermediary,
    /// The applicant's own work outside the clock: design, corrections, construction.
    Applicant,
}

impl Clock {
    /// Every clock, in the order the documentation lists them.
    pub const ALL: [Self; 4] = [
        Self::Approval,
        Self::Special,
        Self::Intermediary,
        Self::Applicant,
    ];

    /// The name a scenario file gives it (`approval`, `special`, `intermediary`, `applicant`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Approval => "approval",
            Self::Special => "special",
            Self::Intermediary => "intermediary",
            Self::Applicant => "applicant",
        }
    }

    /// The Chinese name an item list may use (审批, 特别程序, 中介服务, 申请人).
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Approval => "审批",
            Self::Special => "特别程序",
            Self::Intermediary => "中介服务",
            Self::Applicant => "申请人",
        }
    }

    /// The clock a file names, in English or Chinese.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(t) || c.name_zh() == t)
    }

    /// Whether its time counts toward official approval time.
    pub fn is_official(self) -> bool {
        self == Self::Approval
    }
}

/// The unit an item's time (or a link's lag) is counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayUnit {
    /// Working days of the scenario's calendar (the default).
    #[default]
    Working,
    /// Calendar days (自然日): every day of the week, holidays included.
    Calendar,
}

impl DayUnit {
    /// The name a scenario file gives it (`working`, `calendar`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Working => "working",
            Self::Calendar => "calendar",
        }
    }

    /// The Chinese name an item list may use (工作日, 自然日).
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Working => "工作日",
            Self::Calendar => "自然日",
        }
    }

    /// The unit a file names, in English or Chinese.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        [Self::Working, Self::Calendar]
            .into_iter()
            .find(|u| u.name().eq_ignore_ascii_case(t) || u.name_zh() == t)
    }
}

/// What a day count measures for a regime: the quantity a target bounds and tables report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayMeasure {
    /// Official approval time: the working days on which at least one approval-clock item runs.
    ApprovalDays,
    /// Elapsed working days from the application to the last finish.
    #[default]
    WorkingDays,
    /// Elapsed calendar days, the application day and the end day included.
    CalendarDays,
}

impl DayMeasure {
    /// Every measure, in the order outputs show them.
    pub const ALL: [Self; 3] = [Self::ApprovalDays, Self::WorkingDays, Self::CalendarDays];

    /// The name files, JSON and CSV use (`approval_days`, `working_days`, `calendar_days`).
    pub fn name(self) -> &'static str {
        match self {
            Self::ApprovalDays => "approval_days",
            Self::WorkingDays => "working_days",
            Self::CalendarDays => "calendar_days",
        }
    }

    /// The measure a file names.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_in_both_languages() {
        for c in Clock::ALL {
            assert_eq!(Clock::parse(c.name()), Some(c));
            assert_eq!(Clock::parse(c.name_zh()), Some(c));
        }
        for u in [DayUnit::Working, DayUnit::Calendar] {
            assert_eq!(DayUnit::parse(u.name()), Some(u));
            assert_eq!(DayUnit::parse(u.name_zh()), Some(u));
        }
        for m in DayMeasure::ALL {
            assert_eq!(DayMeasure::parse(m.name()), Some(m));
        }
        assert_eq!(Clock::parse("government"), None);
        assert_eq!(DayUnit::parse("days"), None);
        assert!(Clock::Approval.is_official() && !Clock::Special.is_official());
    }
}
