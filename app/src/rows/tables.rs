//! The result tables of the simulation, the reform planner and the approval centre, as rows of
//! cells: columns, which of them are numbers, and each cell's text, formatted once. The command
//! line prints a [`Table`] with comfy-table, the desktop app draws it as a grid; CSV and JSON
//! keep the raw numbers and are written from the solver's results.

use std::ops::Range;

use permitflow_i18n::tr;
use permitflow_model::{DayMeasure, WorkingDays};
use permitflow_solver::{
    Attribution, CentreResult, Plan, RangeEnd, Sensitivity, SimulationResult, Spread, StaffingGain,
};

/// A table of results: a header, which columns hold numbers (right-aligned), and rows of
/// cells as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The column headings, in the current language.
    pub columns: Vec<String>,
    /// The columns that hold numbers.
    pub numeric: Range<usize>,
    /// One row of cells per line; each row has one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: Vec<String>, numeric: Range<usize>) -> Self {
        Self {
            columns,
            numeric,
            rows: Vec::new(),
        }
    }
}

/// Working days to one decimal, as planners read them (`–` for no figure).
pub fn days1(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else {
        format!("{v:.1}")
    }
}

/// A share as a whole percentage (`–` for no figure).
pub fn percent0(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else {
        format!("{:.0} %", v * 100.0)
    }
}

/// A probability to a tenth of a percent.
pub fn percent1(p: f64) -> String {
    format!("{:.1} %", p * 100.0)
}

/// The simulated days of each regime, a row per measure: official approval days, elapsed
/// working days, and elapsed calendar days when simulated on a calendar.
pub fn simulation(results: &[SimulationResult]) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-regime"),
            tr!("app-col-sim-measure"),
            tr!("app-col-deterministic"),
            tr!("app-col-mean"),
            "P50".into(),
            "P80".into(),
            "P95".into(),
            tr!("app-col-min"),
            tr!("app-col-max"),
        ],
        2..9,
    );
    for r in results {
        for (measure, x) in simulation_measures(r) {
            t.rows.push(vec![
                r.regime.clone(),
                sim_measure_label(measure),
                days1(x.deterministic),
                days1(x.mean),
                days1(x.p50),
                days1(x.p80),
                days1(x.p95),
                days1(x.min),
                days1(x.max),
            ]);
        }
    }
    t
}

/// A simulation's distributions by measure, in the order outputs show them: approval days,
/// elapsed working days, then elapsed calendar days when simulated on a calendar.
pub fn simulation_measures(r: &SimulationResult) -> Vec<(DayMeasure, Spread)> {
    let working = Spread {
        mean: r.mean,
        p50: r.p50,
        p80: r.p80,
        p95: r.p95,
        min: r.min,
        max: r.max,
        deterministic: r.deterministic,
        samples: Vec::new(),
    };
    let mut out = vec![
        (DayMeasure::ApprovalDays, r.approval.clone()),
        (DayMeasure::WorkingDays, working),
    ];
    if let Some(c) = &r.calendar {
        out.push((DayMeasure::CalendarDays, c.clone()));
    }
    out
}

/// A day measure's name in the simulation's tables: 审批用时 / 全流程用时, with the unit.
pub fn sim_measure_label(m: DayMeasure) -> String {
    match m {
        DayMeasure::ApprovalDays => tr!("app-sim-approval-days"),
        DayMeasure::WorkingDays => tr!("app-sim-working-days"),
        DayMeasure::CalendarDays => tr!("app-sim-calendar-days"),
    }
}

/// The items most often on the critical path, most critical first, with their shares.
pub fn criticality(r: &SimulationResult, most: usize) -> Vec<(String, String)> {
    let mut crit: Vec<&(String, f64)> = r.criticality.iter().filter(|(_, c)| *c > 0.0).collect();
    crit.sort_by(|a, b| b.1.total_cmp(&a.1));
    crit.iter()
        .take(most)
        .map(|(id, c)| (id.clone(), percent1(*c)))
        .collect()
}

/// The cheapest cuts of a plan.
pub fn plan_cuts(p: &Plan) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-item"),
            tr!("app-col-limit-now"),
            tr!("app-col-new-limit"),
            tr!("app-col-days-cut"),
            tr!("app-col-cost"),
        ],
        1..5,
    );
    for c in &p.cuts {
        t.rows.push(vec![
            c.id.clone(),
            c.from.to_string(),
            c.to.to_string(),
            c.days.to_string(),
            format!("{}", c.cost),
        ]);
    }
    t
}

/// The time–cost curve's breakpoints.
pub fn curve(curve: &[(WorkingDays, f64)]) -> Table {
    let mut t = Table::new(
        vec![tr!("app-col-working-days"), tr!("app-col-least-cost")],
        0..2,
    );
    for (w, c) in curve {
        t.rows.push(vec![w.to_string(), format!("{c}")]);
    }
    t
}

/// What each measure saves, added in order from the serial regime.
pub fn attribution_steps(a: &Attribution) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-added-in-order"),
            tr!("app-col-working-days-after"),
            tr!("app-col-saves"),
        ],
        1..3,
    );
    for st in &a.steps {
        t.rows.push(vec![
            st.name.clone(),
            st.working_days.to_string(),
            st.saved.to_string(),
        ]);
    }
    t
}

/// What each measure saves, removed alone from the full regime.
pub fn attribution_removals(a: &Attribution) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-removed"),
            tr!("app-col-working-days-without"),
            tr!("app-col-it-saves"),
        ],
        1..3,
    );
    for rm in &a.removals {
        t.rows.push(vec![
            rm.name.clone(),
            rm.working_days.to_string(),
            rm.saves.to_string(),
        ]);
    }
    t
}

/// Why a critical item's effect ends, for programs (JSON): English, fixed.
pub fn until(e: &RangeEnd) -> &'static str {
    match e {
        RangeEnd::OtherPath => "another path becomes critical",
        RangeEnd::Zero => "the item reaches 0",
        RangeEnd::Infeasible => "an upper bound would break",
    }
}

/// Why a critical item's effect ends, for people in the current language.
pub fn until_text(e: &RangeEnd) -> String {
    match e {
        RangeEnd::OtherPath => tr!("app-until-other-path"),
        RangeEnd::Zero => tr!("app-until-zero"),
        RangeEnd::Infeasible => tr!("app-until-infeasible"),
    }
}

/// How much the project gains per working day cut from each critical item.
pub fn sensitivity(items: &[Sensitivity]) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-item"),
            tr!("app-col-limit"),
            tr!("app-col-saved-per-day"),
            tr!("app-col-for-up-to"),
            tr!("app-col-then"),
        ],
        1..4,
    );
    for x in items {
        t.rows.push(vec![
            x.id.clone(),
            x.days.to_string(),
            format!("{}", (x.days_per_day * 100.0).round() / 100.0),
            tr!("common-working-days", n = x.range.get()),
            until_text(&x.until),
        ]);
    }
    t
}

/// The title of one approval-centre run.
pub fn centre_title(portfolio: &str, label: &str, r: &CentreResult) -> String {
    let title = tr!(
        "app-centre-title",
        portfolio = portfolio,
        label = crate::analysis::run_label(label),
        replications = r.replications,
        horizon = r.horizon,
        warmup = r.warmup,
        seed = r.seed.to_string()
    );
    match &r.added_reviewer {
        Some(d) => title + &tr!("app-centre-title-reviewer", department = d.as_str()),
        None => title,
    }
}

/// Lead times of each project type in one approval-centre run.
pub fn centre_projects(r: &CentreResult) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-project-type"),
            tr!("app-col-regime"),
            tr!("app-col-arrived"),
            tr!("app-col-mean"),
            "P80".into(),
            "P95".into(),
            tr!("app-col-centre-approval-mean"),
            tr!("app-col-centre-approval-p80"),
            tr!("app-col-centre-approval-p95"),
            tr!("app-col-waiting"),
            tr!("app-col-statutory"),
            tr!("app-col-within-statutory"),
            tr!("app-col-within-targets"),
        ],
        2..12,
    );
    for x in &r.projects {
        let targets = x
            .targets
            .iter()
            .map(|s| {
                let bound = match s.days_min {
                    Some(lo) => format!("{lo}..{}", s.working_days),
                    None => format!("≤{}", s.working_days),
                };
                let bound = match s.measure {
                    DayMeasure::WorkingDays => bound,
                    DayMeasure::ApprovalDays => {
                        tr!("app-centre-target-approval", bound = bound)
                    }
                    DayMeasure::CalendarDays => {
                        tr!("app-centre-target-calendar", bound = bound)
                    }
                };
                let share = if s.share.is_nan() {
                    tr!("app-centre-not-simulated")
                } else {
                    percent0(s.share)
                };
                format!("{bound}: {share}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        t.rows.push(vec![
            if x.priority {
                tr!("app-centre-key-project", name = x.name.as_str())
            } else {
                x.name.clone()
            },
            x.regime.clone(),
            days1(x.arrived),
            days1(x.mean),
            days1(x.p80),
            days1(x.p95),
            days1(x.approval.mean),
            days1(x.approval.p80),
            days1(x.approval.p95),
            days1(x.mean_wait),
            days1(x.statutory),
            percent0(x.within_statutory),
            targets,
        ]);
    }
    t
}

/// What the note under the project table says the numbers are (both clocks).
pub fn centre_projects_note() -> String {
    format!(
        "{}\n{}",
        tr!("app-centre-projects-note"),
        tr!("app-centre-clocks-note")
    )
}

/// Reviewers, utilisation and waiting of each department in one approval-centre run.
pub fn centre_departments(r: &CentreResult) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-department"),
            tr!("app-col-reviewers"),
            tr!("app-col-utilisation"),
            tr!("app-col-busy"),
            tr!("app-col-mean-queue"),
            tr!("app-col-mean-wait"),
            tr!("app-col-reviews"),
        ],
        1..7,
    );
    for d in &r.departments {
        t.rows.push(vec![
            d.name.clone(),
            d.reviewers
                .map(|n| n.to_string())
                .unwrap_or_else(|| tr!("app-centre-unlimited")),
            percent0(d.utilisation),
            days1(d.busy),
            days1(d.mean_queue),
            days1(d.mean_wait),
            days1(d.reviews),
        ]);
    }
    t
}

/// Throughput, the bottleneck and the work in progress of one approval-centre run.
pub fn centre_summary(r: &CentreResult) -> String {
    let wip: Vec<f64> = r.wip.iter().map(|(_, w)| *w).collect();
    let mean_wip = wip.iter().sum::<f64>() / wip.len().max(1) as f64;
    tr!(
        "app-centre-summary",
        throughput = format!("{:.2}", r.throughput),
        bottleneck = r
            .bottleneck
            .clone()
            .unwrap_or_else(|| tr!("app-centre-no-bottleneck")),
        wip = format!("{mean_wip:.0}"),
        max = format!("{:.0}", wip.iter().copied().fold(0.0, f64::max))
    )
}

/// The heading of the staffing ranking.
pub fn staffing_title() -> String {
    tr!("app-staffing-title")
}

/// Where one more reviewer helps most.
pub fn staffing(gains: &[StaffingGain]) -> Table {
    let mut t = Table::new(
        vec![
            tr!("app-col-department"),
            tr!("app-col-reviewers-now"),
            tr!("app-col-p80-saved"),
            tr!("app-col-mean-saved"),
            tr!("app-col-utilisation-change"),
        ],
        1..5,
    );
    for x in gains {
        t.rows.push(vec![
            x.department.clone(),
            x.reviewers.to_string(),
            // `+ 0.0` turns a negative zero into 0.0.
            format!("{:.1}", x.p80_saved + 0.0),
            format!("{:.1}", x.mean_saved + 0.0),
            format!(
                "{} → {}",
                percent0(x.utilisation_before),
                percent0(x.utilisation_after)
            ),
        ]);
    }
    t
}
