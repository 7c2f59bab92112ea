//! The comparison of regimes, as rows: one per regime with both clocks (official approval days,
//! elapsed working and calendar days), fees, the difference to the baseline (the serial regime,
//! found by its role) on both clocks, dates, what the applicant meets, days per stage and the
//! critical path; the targets checked; how many of the scenario's figures are assumed; warnings. The command line prints these
//! rows as a table, CSV or JSON, the report as HTML, the desktop app as a grid.

use chrono::NaiveDate;
use permitflow_model::assumed::Figures;
use permitflow_model::{Calendar, Scenario, WorkingDays};
use permitflow_solver::{
    Counts, Method, Outcome, SolveError, TargetCheck, check_targets, evaluate,
};

use crate::{Error, Loaded, Warning, unknown_regime};

/// Each regime's name and outcome (or why it has no schedule), in the scenario's order.
pub type Solved = Vec<(String, Result<Outcome, SolveError>)>;

/// The regimes compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The scenario's name.
    pub scenario: String,
    /// The application date (the first working day), when a regime was solved.
    pub start_date: Option<NaiveDate>,
    /// The scenario's stages, the columns of the days per stage.
    pub stages: Vec<StageColumn>,
    /// One row per regime compared.
    pub rows: Vec<CompareRow>,
    /// The outcomes the rows come from, in the same order.
    pub outcomes: Solved,
    /// The targets of the regimes compared, checked.
    pub targets: Vec<TargetCheck>,
    /// What the reader must know about the figures (e.g. dates past the calendar's years).
    pub warnings: Vec<Warning>,
    /// The scenario's figures and which of them are assumed (the honest mark).
    pub figures: Figures,
    /// Whether any item has a fee: tables for people show the fees column only then.
    pub has_fees: bool,
    /// When each of the scenario's milestones is reached under each regime compared.
    pub milestones: Vec<super::milestones::MilestoneRow>,
    /// The project attribute values the flow was resolved with, in the scenario's order; empty
    /// for a flow without attributes.
    pub attributes: Vec<(String, permitflow_model::rules::Value)>,
}

/// A stage of the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct StageColumn {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// One regime's row.
#[derive(Debug, Clone)]
pub struct CompareRow {
    /// The regime's name (its id, for programs).
    pub regime: String,
    /// The regime's name for people, in the current language (串联审批 for `serial`).
    pub label: String,
    /// What the regime is.
    pub description: String,
    /// The figures, or why the regime has no schedule.
    pub result: Result<RegimeFigures, String>,
}

/// The figures of a solved regime.
#[derive(Debug, Clone)]
pub struct RegimeFigures {
    /// Official approval time (审批用时): working days on which an approval-clock item runs.
    pub approval_days: WorkingDays,
    /// Elapsed working days from the application to the last item.
    pub working_days: WorkingDays,
    /// Elapsed calendar days, the application day and the end day included.
    pub calendar_days: u32,
    /// What the applicant pays, in yuan.
    pub fees: f64,
    /// Approval days more (positive) or fewer than the baseline's; `None` as `vs_baseline`.
    pub vs_baseline_approval: Option<WorkingDays>,
    /// Elapsed working days more (positive) or fewer than the baseline; `None` for a serial
    /// regime (a baseline itself) or when no baseline is compared.
    pub vs_baseline: Option<WorkingDays>,
    /// The same as a share of the baseline (−0.64 for 64 % fewer).
    pub vs_baseline_share: Option<f64>,
    /// The day the last item ends.
    pub end_date: NaiveDate,
    /// Trips, forms, materials and departments the applicant meets.
    pub counts: Counts,
    /// One cell per stage of the scenario.
    pub stages: Vec<StageCell>,
    /// The stages as solved, merged stages once.
    pub spans: Vec<SpanFigures>,
    /// The critical activities' ids in time order.
    pub critical_ids: Vec<String>,
    /// The critical path, activities that run side by side joined by ` + `, steps by ` → `.
    pub critical_chain: String,
}

/// A stage as solved under a regime.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanFigures {
    /// Its id (merged stages `a+b`).
    pub id: String,
    /// Its name (merged names joined by ` + `).
    pub name: String,
    /// Its days on both clocks.
    pub days: StageDays,
}

/// A stage's days on both clocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageDays {
    /// Official approval days within the stage.
    pub approval_days: WorkingDays,
    /// Elapsed working days from its first start to its last finish.
    pub working_days: WorkingDays,
    /// Elapsed calendar days, first and last day included.
    pub calendar_days: u32,
}

impl StageDays {
    /// `approval / elapsed` working days, as the per-stage tables show them (`8 / 14`).
    pub fn both(&self) -> String {
        format!("{} / {}", self.approval_days, self.working_days)
    }
}

/// What a regime does with one stage of the scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StageCell {
    /// The stage takes these days.
    Days(StageDays),
    /// The stage is the first of several merged into one, which take these days.
    MergedFirst(StageDays),
    /// The stage is merged into an earlier one.
    MergedInto,
    /// The regime has no such stage.
    Absent,
}

/// The position of the baseline of "vs serial" among `names` (see [`Scenario::baseline`]).
pub fn baseline(s: &Scenario, names: &[&str]) -> Option<usize> {
    let b = s.baseline(names.iter().copied())?;
    names.iter().position(|n| *n == b)
}

/// Solves the regimes named in `only` (all when empty) and compares them.
pub fn compare(loaded: &Loaded, only: &[String], method: Method) -> Result<Comparison, Error> {
    let s = &loaded.scenario;
    if let Some(name) = only.iter().find(|n| s.regime(n).is_none()) {
        return Err(unknown_regime(loaded, name));
    }
    let outcomes: Vec<Result<Outcome, SolveError>> = s
        .regimes
        .iter()
        .map(|r| {
            if only.is_empty() || only.iter().any(|n| n == r.name.as_str()) {
                evaluate(s, r, &loaded.calendar, method)
            } else {
                Err(SolveError::UnknownRegime {
                    name: r.name.to_string(),
                    known: String::new(),
                })
            }
        })
        .collect();
    let targets = check_targets(s, &outcomes)
        .into_iter()
        .filter(|t| only.is_empty() || only.iter().any(|n| n == t.target.regime.as_str()))
        .collect();
    let solved: Solved = s
        .regimes
        .iter()
        .zip(outcomes)
        .filter(|(r, _)| only.is_empty() || only.iter().any(|n| n == r.name.as_str()))
        .map(|(r, o)| (r.name.to_string(), o))
        .collect();
    Ok(Comparison::new(s, &loaded.calendar, solved, targets))
}

impl Comparison {
    /// The rows of solved regimes.
    pub fn new(s: &Scenario, cal: &Calendar, outcomes: Solved, targets: Vec<TargetCheck>) -> Self {
        let names: Vec<&str> = outcomes.iter().map(|(n, _)| n.as_str()).collect();
        let base_at = baseline(s, &names);
        let base = base_at
            .and_then(|i| outcomes[i].1.as_ref().ok())
            .map(|o| (o.approval_days, o.working_days()));
        let base_name = base_at.map(|i| names[i]);
        let rows = outcomes
            .iter()
            .map(|(name, o)| CompareRow {
                regime: name.clone(),
                label: s
                    .regime(name)
                    .map_or_else(|| name.clone(), |r| s.regime_label(&r.name)),
                description: s
                    .regime(name)
                    .map(|r| r.description.clone())
                    .unwrap_or_default(),
                result: match o {
                    Ok(o) => {
                        // A serial regime is a baseline itself, not a reform of one (a library
                        // may hold the serial flows of two project types).
                        let serial = s
                            .regime(name)
                            .is_some_and(|r| r.base == permitflow_model::BaseMode::Serial);
                        let diff = base.filter(|_| Some(name.as_str()) != base_name && !serial);
                        Ok(figures(s, o, diff))
                    }
                    Err(e) => Err(e.to_string()),
                },
            })
            .collect();
        let ok: Vec<&Outcome> = outcomes
            .iter()
            .filter_map(|(_, o)| o.as_ref().ok())
            .collect();
        let mut c = Self {
            scenario: s.name.clone(),
            start_date: ok.first().map(|o| o.start_date),
            stages: s
                .stages
                .iter()
                .map(|st| StageColumn {
                    id: st.id.to_string(),
                    name: st.name.clone(),
                })
                .collect(),
            rows,
            warnings: Warning::calendar_coverage(cal, &ok).into_iter().collect(),
            outcomes,
            targets,
            figures: permitflow_model::assumed::figures(s),
            has_fees: s.items.iter().any(|i| i.fee.is_some()),
            milestones: Vec::new(),
            attributes: attributes(s),
        };
        c.milestones = super::milestones::milestone_rows(s, &c);
        c
    }

    /// The outcome of a regime, when it was solved.
    pub fn outcome(&self, regime: &str) -> Option<&Outcome> {
        self.outcomes
            .iter()
            .find(|(n, _)| n == regime)
            .and_then(|(_, o)| o.as_ref().ok())
    }

    /// The solved outcomes, in order.
    pub fn solved(&self) -> Vec<&Outcome> {
        self.outcomes
            .iter()
            .filter_map(|(_, o)| o.as_ref().ok())
            .collect()
    }

    /// Whether a regime compared has no schedule.
    pub fn any_failed(&self) -> bool {
        self.outcomes.iter().any(|(_, o)| o.is_err())
    }
}

fn stage_days(sp: &permitflow_solver::StageSpan) -> StageDays {
    StageDays {
        approval_days: sp.approval_days,
        working_days: sp.working_days,
        calendar_days: sp.calendar_days,
    }
}

fn figures(s: &Scenario, o: &Outcome, base: Option<(WorkingDays, WorkingDays)>) -> RegimeFigures {
    // Each scenario stage's span, found by one lookup (the first span covering it).
    let mut span_of: std::collections::HashMap<&permitflow_model::StageId, usize> =
        std::collections::HashMap::new();
    for (k, sp) in o.stages.iter().enumerate() {
        for id in &sp.ids {
            span_of.entry(id).or_insert(k);
        }
    }
    let stages = s
        .stages
        .iter()
        .map(
            |stage| match span_of.get(&stage.id).map(|&k| &o.stages[k]) {
                Some(sp) if sp.first_id() == Some(&stage.id) => {
                    if sp.is_merged() {
                        StageCell::MergedFirst(stage_days(sp))
                    } else {
                        StageCell::Days(stage_days(sp))
                    }
                }
                Some(_) => StageCell::MergedInto,
                None => StageCell::Absent,
            },
        )
        .collect();
    let wd = o.working_days();
    RegimeFigures {
        approval_days: o.approval_days,
        working_days: wd,
        calendar_days: o.calendar_days,
        fees: o.fees,
        vs_baseline_approval: base.map(|(b, _)| o.approval_days - b),
        vs_baseline: base.map(|(_, b)| wd - b),
        vs_baseline_share: base.map(|(_, b)| {
            if b.get() > 0.0 {
                (wd - b).get() / b.get()
            } else {
                0.0
            }
        }),
        end_date: o.end_date,
        counts: o.counts,
        stages,
        spans: o
            .stages
            .iter()
            .map(|sp| SpanFigures {
                id: sp.label(),
                name: sp.name.clone(),
                days: stage_days(sp),
            })
            .collect(),
        critical_ids: o.critical_ids().into_iter().map(String::from).collect(),
        critical_chain: critical_chain(o),
    }
}

/// The critical activities in time order, those that run side by side joined by `+`.
pub fn critical_chain(o: &Outcome) -> String {
    let mut groups: Vec<(WorkingDays, Vec<&str>)> = Vec::new();
    for &i in &o.critical_path {
        let start = o.schedule.start[i];
        let id = o.network.activities[i].id.as_str();
        match groups.last_mut() {
            Some((s, ids)) if *s == start => ids.push(id),
            _ => groups.push((start, vec![id])),
        }
    }
    groups
        .iter()
        .map(|(_, ids)| ids.join(" + "))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// `+3`, `-51`, `0`: a difference in working days with its sign.
pub fn signed(d: WorkingDays) -> String {
    if d.get() > 0.0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// The project attribute values a resolved scenario was built for.
pub fn attributes(s: &Scenario) -> Vec<(String, permitflow_model::rules::Value)> {
    s.rules
        .attributes
        .iter()
        .filter_map(|a| Some((a.name.clone(), a.default.clone()?)))
        .collect()
}

/// The attribute values as every output writes them, `in_assessed_area = yes, underground_area
/// = 5000` (ids and values as a file and `--attr` spell them); `None` for a scenario without
/// attributes.
pub fn attribute_values(s: &Scenario) -> Option<String> {
    values_text(&attributes(s))
}

/// [`attribute_values`] of pairs already taken from a scenario.
pub fn values_text(values: &[(String, permitflow_model::rules::Value)]) -> Option<String> {
    (!values.is_empty()).then(|| {
        values
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baseline_is_the_serial_regime_whatever_its_name() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../scenarios/land-chain-dezhou.toml");
        let loaded = crate::load(Some(&path), None).unwrap_or_else(|e| panic!("{e}"));
        let c = compare(&loaded, &[], Method::Paths).unwrap_or_else(|e| panic!("{e}"));
        let figures = |name: &str| {
            c.rows
                .iter()
                .find(|r| r.regime == name)
                .and_then(|r| r.result.as_ref().ok())
                .unwrap_or_else(|| panic!("{name}"))
        };
        // `before` is the serial regime of this library: 135 working days, the reform 88.
        assert_eq!(figures("before").working_days, WorkingDays::new(135.0));
        assert_eq!(figures("before").vs_baseline, None);
        assert_eq!(figures("after").vs_baseline, Some(WorkingDays::new(-47.0)));
        assert_eq!(figures("industrial_before").vs_baseline, None);
        // Shown alone, a reformed regime has nothing to be compared with.
        let alone =
            compare(&loaded, &["after".into()], Method::Paths).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            alone.rows[0]
                .result
                .as_ref()
                .is_ok_and(|f| f.vs_baseline.is_none())
        );
    }

    #[test]
    fn the_table_describes_each_regime_in_the_language() {
        use permitflow_i18n::{Lang, with_lang};
        let description = |lang: Lang, regime: &str| {
            with_lang(lang, || {
                let loaded = crate::load::load_default().unwrap_or_else(|e| panic!("{e}"));
                let c = compare(&loaded, &[], Method::Paths).unwrap_or_else(|e| panic!("{e}"));
                let row = c.rows.iter().find(|r| r.regime == regime);
                row.map(|r| r.description.clone()).unwrap_or_default()
            })
        };
        assert_eq!(
            description(Lang::ZhCn, "serial"),
            "改革前：各部门依次审批，每个审批事项单独申报"
        );
        assert_eq!(
            description(Lang::ZhCn, "joint"),
            "并联审批，加上多图联审、联合测绘和联合验收"
        );
        assert_eq!(
            description(Lang::En, "joint"),
            "Parallel approval plus joint plan review, joint surveying and joint acceptance"
        );
    }

    #[test]
    fn a_special_item_leaves_the_approval_clock_but_not_the_elapsed_time() {
        // The default's all-approval flow, before and after the pre-examination leaves the clock.
        let plain = crate::rows::fixtures::approval_only();
        let before = compare(&plain, &[], Method::Paths).unwrap_or_else(|e| panic!("{e}"));
        let c = compare(
            &crate::rows::fixtures::with_special_item(),
            &[],
            Method::Paths,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let figures = |c: &Comparison, name: &str| {
            c.rows
                .iter()
                .find(|r| r.regime == name)
                .and_then(|r| r.result.clone().ok())
                .unwrap_or_else(|| panic!("{name}"))
        };
        let (b, s) = (figures(&before, "serial"), figures(&c, "serial"));
        // Serial: one item after the other, so the elapsed time is unchanged and the official
        // time is 5 working days shorter: the pre-examination runs off the clock.
        assert_eq!(s.working_days, b.working_days);
        assert_eq!(b.approval_days, b.working_days);
        assert_eq!(s.approval_days, s.working_days - WorkingDays::new(5.0));
        // The application day and the end day both count: Monday 3 March to the end date.
        let expected =
            (s.end_date - NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default()).num_days() + 1;
        assert_eq!(i64::from(s.calendar_days), expected);
        // Fees: 1,200 + 300 yuan under every regime.
        assert_eq!(s.fees, 1500.0);
        assert!(c.has_fees && !before.has_fees);
        // The first stage in both clocks: its approval days are 5 fewer.
        let first = &s.spans[0].days;
        assert_eq!(
            first.approval_days,
            first.working_days - WorkingDays::new(5.0)
        );
        // The saving against the serial regime, on both clocks.
        let j = figures(&c, "joint");
        assert_eq!(
            j.vs_baseline_approval,
            Some(j.approval_days - s.approval_days)
        );
        assert_eq!(j.vs_baseline, Some(j.working_days - s.working_days));
        // One more figure (the two fees), one more assumed (the 1,200 yuan).
        assert_eq!(c.figures.total, before.figures.total + 2);
        assert_eq!(
            c.figures.assumed_count(),
            before.figures.assumed_count() + 1
        );
    }
}
