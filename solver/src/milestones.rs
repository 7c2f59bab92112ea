//! When each milestone is reached on a solved regime: the date its item finishes (or starts) and
//! the days from the application by each measure — official approval days up to it, elapsed
//! working days and elapsed calendar days.
//!
//! Under a joint regime the item is a member of a joint event: the event's dates count.

use chrono::NaiveDate;
use permitflow_model::{Milestone, MilestoneAt, WorkingDays};

use crate::clocks::union_length;
use crate::outcome::{Outcome, calendar_days_between};

/// A milestone reached on one regime's schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reached {
    /// The day it is reached: the last day of its item (or the first, for `at = "start"`).
    pub date: NaiveDate,
    /// Official time elapsed by then: the working days up to it on which at least one
    /// approval-clock activity runs.
    pub approval_days: WorkingDays,
    /// Its working offset from the application: elapsed working days.
    pub working_days: WorkingDays,
    /// From the application date to `date`, both included.
    pub calendar_days: u32,
}

impl Reached {
    /// Its figure for one day measure.
    pub fn days(&self, measure: permitflow_model::DayMeasure) -> f64 {
        match measure {
            permitflow_model::DayMeasure::ApprovalDays => self.approval_days.get(),
            permitflow_model::DayMeasure::WorkingDays => self.working_days.get(),
            permitflow_model::DayMeasure::CalendarDays => f64::from(self.calendar_days),
        }
    }
}

/// When `milestone` is reached on `outcome`; `None` when no activity of the regime's network
/// holds its item (which validation rules out).
pub fn reached(outcome: &Outcome, milestone: &Milestone) -> Option<Reached> {
    let net = &outcome.network;
    let i = net
        .activities
        .iter()
        .position(|a| a.members.contains(&milestone.item))?;
    let sched = &outcome.schedule;
    let (offset, date) = match milestone.at {
        MilestoneAt::Finish => (sched.finish[i], outcome.dates.get(i)?.1),
        MilestoneAt::Start => (sched.start[i], outcome.dates.get(i)?.0),
    };
    let official = net
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.is_gate() && a.clock.is_official())
        .map(|(k, _)| {
            (
                sched.start[k].get(),
                sched.finish[k].get().min(offset.get()),
            )
        })
        .collect();
    Some(Reached {
        date,
        approval_days: union_length(official),
        working_days: offset,
        calendar_days: calendar_days_between(outcome.application_date, date),
    })
}

/// Every milestone of `milestones`, in order, on `outcome`.
pub fn reached_all(outcome: &Outcome, milestones: &[Milestone]) -> Vec<Option<Reached>> {
    milestones.iter().map(|m| reached(outcome, m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Method, evaluate};
    use permitflow_model::{Calendar, Format, parse_scenario};

    /// `a` (approval, 5 working days), `b` after it (the applicant's, 10 working days), `c`
    /// after `b` (approval, 3), from Monday 2025-03-03 on weekdays; `d` and `e` (a joint group,
    /// 2 and 4 days) after `c`.
    const FLOW: &str = "version = 1\nname = \"t\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n\
[[stages]]\nid = \"s\"\nlead = \"D\"\n\
[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 5\n\
[[items]]\nid = \"b\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 10\nclock = \"applicant\"\nkind = \"applicant_work\"\nafter = [\"a\"]\n\
[[items]]\nid = \"c\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 3\nafter = [\"b\"]\n\
[[items]]\nid = \"d\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 2\nafter = [\"c\"]\njoint = \"g\"\n\
[[items]]\nid = \"e\"\ndepartment = \"E\"\nstage = \"s\"\ndays = 4\nafter = [\"c\"]\njoint = \"g\"\n\
[[milestones]]\nid = \"applied\"\nitem = \"a\"\nat = \"start\"\n\
[[milestones]]\nid = \"designed\"\nitem = \"b\"\n\
[[milestones]]\nid = \"permit\"\nitem = \"c\"\n\
[[milestones]]\nid = \"d_done\"\nitem = \"d\"\n";

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    fn on(regime: &str) -> Vec<Reached> {
        let s = parse_scenario(FLOW, "t.toml", Format::Toml).expect("reads");
        let r = s.regime(regime).expect("standard regime").clone();
        let o = evaluate(&s, &r, &Calendar::weekends(), Method::Paths).expect("solves");
        reached_all(&o, &s.milestones)
            .into_iter()
            .map(|m| m.expect("reached"))
            .collect()
    }

    #[test]
    fn a_milestone_counts_official_time_only_while_the_approval_clock_runs() {
        let m = on("serial");
        // Applied Monday 03-03: day 1, nothing elapsed yet.
        assert_eq!(m[0].date, date("2025-03-03"));
        assert_eq!(
            (m[0].approval_days.get(), m[0].working_days.get()),
            (0.0, 0.0)
        );
        assert_eq!(m[0].calendar_days, 1);
        // b: the applicant's 10 working days, 03-10 to Friday 03-21: 5 official days of 15.
        assert_eq!(m[1].date, date("2025-03-21"));
        assert_eq!(
            (m[1].approval_days.get(), m[1].working_days.get()),
            (5.0, 15.0)
        );
        assert_eq!(m[1].calendar_days, 19);
        // c: 03-24 to 03-26: 8 official days of 18, 24 calendar days.
        assert_eq!(m[2].date, date("2025-03-26"));
        assert_eq!(
            (m[2].approval_days.get(), m[2].working_days.get()),
            (8.0, 18.0)
        );
        assert_eq!(m[2].calendar_days, 24);
        // Serial: d runs 03-27 and 03-28 (then e).
        assert_eq!(m[3].date, date("2025-03-28"));
        assert_eq!(m[3].working_days.get(), 20.0);
    }

    #[test]
    fn under_a_joint_regime_a_member_is_reached_when_its_joint_event_finishes() {
        let m = on("joint");
        // The joint event of d and e takes the longer member's 4 days: 03-27 to 04-01.
        assert_eq!(m[3].date, date("2025-04-01"));
        assert_eq!(
            (m[3].approval_days.get(), m[3].working_days.get()),
            (12.0, 22.0)
        );
        assert_eq!(m[3].calendar_days, 30);
    }

    /// The example: `a` (approval, 5 working days), `b` after it (special, 10 calendar
    /// days), `c` after `b` (approval, 3 working days), applied Monday 2025-03-03.
    const CALENDAR_FLOW: &str = "version = 1\nname = \"t\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n\
[[stages]]\nid = \"s\"\nlead = \"D\"\n\
[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 5\n\
[[items]]\nid = \"b\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 10\nunit = \"calendar\"\nclock = \"special\"\nafter = [\"a\"]\n\
[[items]]\nid = \"c\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 3\nafter = [\"b\"]\n\
[[milestones]]\nid = \"publicised\"\nitem = \"b\"\n\
[[milestones]]\nid = \"publicity_starts\"\nitem = \"b\"\nat = \"start\"\n\
[[milestones]]\nid = \"permit\"\nitem = \"c\"\n";

    #[test]
    fn a_calendar_day_item_reaches_its_milestone_on_its_real_last_day() {
        let s = parse_scenario(CALENDAR_FLOW, "t.toml", Format::Toml).expect("reads");
        let r = s.regime("serial").expect("standard regime").clone();
        let o = evaluate(&s, &r, &Calendar::weekends(), Method::Paths).expect("solves");
        let m: Vec<Reached> = reached_all(&o, &s.milestones)
            .into_iter()
            .map(|m| m.expect("reached"))
            .collect();
        // The publicity period runs Saturday 03-08 to Monday 03-17: 5 official days so far.
        assert_eq!(m[0].date, date("2025-03-17"));
        assert_eq!(m[0].approval_days.get(), 5.0);
        assert_eq!(m[0].calendar_days, 15);
        assert_eq!(m[1].date, date("2025-03-08"));
        assert_eq!(m[1].calendar_days, 6);
        // c 03-18 to 03-20: approval_days 8, working_days 14, calendar_days 18.
        assert_eq!(m[2].date, date("2025-03-20"));
        assert_eq!(
            (m[2].approval_days.get(), m[2].working_days.get()),
            (8.0, 14.0)
        );
        assert_eq!(m[2].calendar_days, 18);
        // The last item's milestone is the regime's own figures.
        assert_eq!(m[2].calendar_days, o.calendar_days);
        assert_eq!(m[2].approval_days, o.approval_days);
        assert_eq!(m[2].working_days, o.working_days());
        assert_eq!(m[2].date, o.end_date);
    }
}
