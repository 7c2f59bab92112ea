//! When each milestone is reached under each regime compared: per milestone a row with, per
//! regime, the date and the days from the application by the three measures (official approval
//! days, elapsed working days, elapsed calendar days), and the gain against the baseline regime
//! (found as the comparison finds it). The command line prints [`table`], the report and the
//! desktop app show the same table; JSON keeps the typed rows.

use permitflow_i18n::tr;
use permitflow_model::{MilestoneAt, Scenario, WorkingDays};
use permitflow_solver::milestones::{Reached, reached};

use super::compare::{Comparison, baseline, signed};
use super::tables::Table;

/// One milestone across the regimes compared.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    /// Its id.
    pub id: String,
    /// Its name in the current language.
    pub name: String,
    /// The item that reaches it.
    pub item: String,
    /// Which end of the item.
    pub at: MilestoneAt,
    /// One cell per regime compared, in the comparison's order.
    pub cells: Vec<MilestoneCell>,
}

/// A milestone under one regime.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneCell {
    /// The regime's name (its id).
    pub regime: String,
    /// The regime's name for people.
    pub label: String,
    /// When it is reached; `None` when the regime has no schedule.
    pub reached: Option<Reached>,
    /// Against the baseline regime (negative: reached sooner); `None` for a serial regime
    /// (a baseline itself) or when no baseline was solved.
    pub vs_baseline: Option<Gain>,
}

/// How much sooner (negative) or later a milestone is reached than under the baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gain {
    /// Difference in official approval days.
    pub approval_days: WorkingDays,
    /// Difference in elapsed working days.
    pub working_days: WorkingDays,
    /// Difference in elapsed calendar days (the dates' difference).
    pub calendar_days: i64,
}

/// The milestones of `s` on the comparison `c`, in the scenario's order (empty when it has
/// none).
pub fn milestone_rows(s: &Scenario, c: &Comparison) -> Vec<MilestoneRow> {
    let names: Vec<&str> = c.outcomes.iter().map(|(n, _)| n.as_str()).collect();
    let base_at = baseline(s, &names);
    s.milestones
        .iter()
        .map(|m| {
            let all: Vec<Option<Reached>> = c
                .outcomes
                .iter()
                .map(|(_, o)| o.as_ref().ok().and_then(|o| reached(o, m)))
                .collect();
            let base = base_at.and_then(|i| all[i]);
            let cells = c
                .rows
                .iter()
                .zip(&all)
                .enumerate()
                .map(|(i, (row, r))| {
                    let serial = s
                        .regime(&row.regime)
                        .is_some_and(|g| g.base == permitflow_model::BaseMode::Serial);
                    let vs_baseline = match (r, base) {
                        (Some(r), Some(b)) if Some(i) != base_at && !serial => Some(Gain {
                            approval_days: r.approval_days - b.approval_days,
                            working_days: r.working_days - b.working_days,
                            calendar_days: (r.date - b.date).num_days(),
                        }),
                        _ => None,
                    };
                    MilestoneCell {
                        regime: row.regime.clone(),
                        label: row.label.clone(),
                        reached: *r,
                        vs_baseline,
                    }
                })
                .collect();
            MilestoneRow {
                id: m.id.to_string(),
                name: m.name.clone(),
                item: m.item.to_string(),
                at: m.at,
                cells,
            }
        })
        .collect()
}

/// The milestones as a table for people: a line per milestone and regime with the date, the
/// three day counts and the gain against the baseline in working and calendar days.
pub fn table(rows: &[MilestoneRow]) -> Table {
    let mut t = Table {
        columns: vec![
            tr!("app-milestone-col-milestone"),
            tr!("app-milestone-col-regime"),
            tr!("app-milestone-col-date"),
            tr!("app-milestone-col-approval-days"),
            tr!("app-milestone-col-working-days"),
            tr!("app-milestone-col-calendar-days"),
            tr!("app-milestone-col-vs-baseline-working"),
            tr!("app-milestone-col-vs-baseline-calendar"),
        ],
        numeric: 3..8,
        rows: Vec::new(),
    };
    for row in rows {
        for (k, cell) in row.cells.iter().enumerate() {
            let name = if k == 0 {
                row.name.clone()
            } else {
                String::new()
            };
            let mut line = vec![name, cell.label.clone()];
            match &cell.reached {
                Some(r) => line.extend([
                    permitflow_i18n::date_short(r.date),
                    r.approval_days.to_string(),
                    r.working_days.to_string(),
                    r.calendar_days.to_string(),
                ]),
                None => line.extend([
                    tr!("app-milestone-no-schedule"),
                    "–".into(),
                    "–".into(),
                    "–".into(),
                ]),
            }
            match &cell.vs_baseline {
                Some(g) => line.extend([
                    signed(g.working_days),
                    signed(WorkingDays::new(g.calendar_days as f64)),
                ]),
                None => line.extend(["–".into(), "–".into()]),
            }
            t.rows.push(line);
        }
    }
    t
}

/// The same in five columns for a narrow window: the three day counts in one cell
/// (`8 / 8 / 10`: approval, working, calendar) and the gain in another (`-4 / -6`: working,
/// calendar); every line names its milestone.
pub fn compact_table(rows: &[MilestoneRow]) -> Table {
    let full = table(rows);
    let pair = |r: &[String], a: usize, b: usize| {
        if r[a] == "–" {
            "–".to_owned()
        } else {
            format!("{} / {}", r[a], r[b])
        }
    };
    Table {
        columns: vec![
            full.columns[0].clone(),
            full.columns[1].clone(),
            full.columns[2].clone(),
            tr!("app-milestone-col-days"),
            tr!("app-milestone-col-vs-baseline"),
        ],
        numeric: 3..5,
        // Each line names its milestone: a grid's cells are read out by their line's first cell.
        rows: rows
            .iter()
            .flat_map(|m| m.cells.iter().map(move |_| m.name.clone()))
            .zip(&full.rows)
            .map(|(name, r)| {
                let days = if r[3] == "–" {
                    "–".to_owned()
                } else {
                    format!("{} / {} / {}", r[3], r[4], r[5])
                };
                vec![name, r[1].clone(), r[2].clone(), days, pair(r, 6, 7)]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_model::{Calendar, Format, parse_scenario};
    use permitflow_solver::Method;

    /// Two stages on weekdays from Monday 2025-03-03: `a` (5 days) and `b` (4 days, another
    /// department) in the first, the permit `c` (3 days) after both, then the applicant's
    /// construction `d` (20 days).
    const FLOW: &str = "version = 1\nname = \"t\"\nstart = \"2025-03-03\"\ncalendar = \"weekends\"\n\
[[stages]]\nid = \"s1\"\nlead = \"D\"\n[[stages]]\nid = \"s2\"\nlead = \"D\"\n\
[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s1\"\ndays = 5\n\
[[items]]\nid = \"b\"\ndepartment = \"E\"\nstage = \"s1\"\ndays = 4\n\
[[items]]\nid = \"c\"\ndepartment = \"D\"\nstage = \"s2\"\ndays = 3\nafter = [\"a\", \"b\"]\n\
[[items]]\nid = \"d\"\ndepartment = \"Developer\"\nstage = \"s2\"\ndays = 20\nclock = \"applicant\"\nkind = \"applicant_work\"\nafter = [\"c\"]\n\
[[milestones]]\nid = \"permit\"\nname = { zh = \"取得施工许可\", en = \"Construction permit held\" }\nitem = \"c\"\n\
[[milestones]]\nid = \"works\"\nname = { zh = \"开工\", en = \"Works started\" }\nitem = \"d\"\nat = \"start\"\n\
[[milestones]]\nid = \"built\"\nname = { zh = \"竣工\", en = \"Works finished\" }\nitem = \"d\"\n";

    fn rows(lang: Lang) -> Vec<MilestoneRow> {
        with_lang(lang, || {
            let scenario = parse_scenario(FLOW, "t.toml", Format::Toml).expect("reads");
            let loaded = crate::Loaded {
                scenario,
                calendar: Calendar::weekends(),
                label: "t.toml".into(),
                save_path: None,
            };
            let c = super::super::compare(&loaded, &[], Method::Paths).expect("compares");
            milestone_rows(&loaded.scenario, &c)
        })
    }

    fn date(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn each_milestone_is_dated_under_each_regime_with_its_gain() {
        let rows = rows(Lang::En);
        assert_eq!(rows.len(), 3);
        let permit = &rows[0];
        let regimes: Vec<&str> = permit.cells.iter().map(|c| c.regime.as_str()).collect();
        assert_eq!(regimes, ["serial", "parallel", "joint"]);
        let at = |row: &MilestoneRow, k: usize| row.cells[k].reached.expect("reached");
        // Serial: a 03-03..03-07, b 03-10..03-13, c 03-14..03-18: 12 working days, all official.
        let serial = at(permit, 0);
        assert_eq!(serial.date, date("2025-03-18"));
        assert_eq!(serial.working_days.get(), 12.0);
        assert_eq!(serial.approval_days.get(), 12.0);
        assert_eq!(serial.calendar_days, 16);
        assert_eq!(permit.cells[0].vs_baseline, None, "the baseline itself");
        // Parallel: a and b side by side (5 days), c 03-10..03-12: 8 days, 6 calendar days sooner.
        let parallel = at(permit, 1);
        assert_eq!(parallel.date, date("2025-03-12"));
        assert_eq!(parallel.working_days.get(), 8.0);
        let gain = permit.cells[1].vs_baseline.expect("a gain");
        assert_eq!(gain.working_days.get(), -4.0);
        assert_eq!(gain.approval_days.get(), -4.0);
        assert_eq!(gain.calendar_days, -6);
        // Works start the day after the permit; 20 working days of construction add no official
        // time: finished Wednesday 04-09 under parallel, 8 official days of 28.
        let works = at(&rows[1], 1);
        assert_eq!(works.date, date("2025-03-13"));
        let built = at(&rows[2], 1);
        assert_eq!(built.date, date("2025-04-09"));
        assert_eq!(built.working_days.get(), 28.0);
        assert_eq!(built.approval_days.get(), 8.0);
        assert_eq!(built.calendar_days, 38);
    }

    #[test]
    fn the_table_reads_in_both_languages() {
        let en = with_lang(Lang::En, || table(&rows(Lang::En)));
        assert_eq!(en.columns[0], "Milestone");
        assert_eq!(en.columns[3], "Approval days");
        assert_eq!(
            en.rows[1],
            ["", "parallel", "2025-03-12", "8", "8", "10", "-4", "-6"]
        );
        assert_eq!(en.rows[0][0], "Construction permit held");
        let zh = with_lang(Lang::ZhCn, || table(&rows(Lang::ZhCn)));
        assert_eq!(zh.columns[5], "累计自然日");
        assert_eq!(zh.columns[7], "较串联审批（自然日）");
        assert_eq!(zh.rows[3][0], "开工");
        assert_eq!(
            zh.rows[4],
            ["", "并联审批", "2025年3月13日", "8", "8", "11", "-4", "-6"]
        );
        let narrow = with_lang(Lang::ZhCn, || compact_table(&rows(Lang::ZhCn)));
        assert_eq!(narrow.columns[3], "累计天数\n审批/工作日/自然日");
        assert_eq!(
            narrow.rows[4],
            ["开工", "并联审批", "2025年3月13日", "8 / 8 / 11", "-4 / -6"]
        );
        assert_eq!(narrow.rows[3][4], "–", "serial is the baseline");
    }
}
