//! Chart bundles: the scenes a command, a tab of the desktop app or the report shows together,
//! built once from typed results. Written to SVG or PNG by [`write_chart`](crate::write::chart).

use permitflow_chart::{Arrows, Histogram, Scene};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, RegimeName, Scenario};
use permitflow_solver::{Attribution, CentreResult, Change, Outcome, SimulationResult};

use crate::analysis::PlanReport;

/// Space between stacked charts.
const GAP: f64 = 24.0;

/// Which schedule charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleCharts {
    /// The comparison, then a Gantt chart per regime.
    All,
    /// The regimes compared on one time axis.
    Compare,
    /// A Gantt chart per regime.
    Gantt,
}

/// The schedule charts of solved regimes, stacked; Gantt charts with dependency arrows when
/// they have fewer than 100 bars.
pub fn schedules(
    s: &Scenario,
    outcomes: &[&Outcome],
    cal: &Calendar,
    kind: ScheduleCharts,
) -> Scene {
    schedules_with(s, outcomes, cal, kind, Arrows::Auto)
}

/// [`schedules`] with the Gantt charts' dependency arrows on, off or automatic.
pub fn schedules_with(
    s: &Scenario,
    outcomes: &[&Outcome],
    cal: &Calendar,
    kind: ScheduleCharts,
    arrows: Arrows,
) -> Scene {
    let mut scenes = Vec::new();
    if kind != ScheduleCharts::Gantt {
        scenes.push(permitflow_chart::comparison(s, outcomes, cal));
    }
    if kind != ScheduleCharts::Compare {
        scenes.extend(
            outcomes
                .iter()
                .map(|o| permitflow_chart::gantt_with(s, o, cal, arrows)),
        );
    }
    let scene = Scene::stack(scenes, GAP);
    // Dates in a year whose holidays are provisional or unknown: said under the charts.
    match calendar_note(cal, outcomes) {
        Some(note) => permitflow_chart::with_footnote(scene, &note),
        None => scene,
    }
}

/// The note under charts (and in the report) when the outcomes' dates run into years whose
/// holidays are provisional or unknown to the calendar, in the current language: what it means
/// and how to add the official holidays, in words (no command-line syntax).
pub fn calendar_note(cal: &Calendar, outcomes: &[&Outcome]) -> Option<String> {
    let crate::Warning::Calendar {
        calendar,
        provisional,
        uncovered,
    } = crate::Warning::calendar_coverage(cal, outcomes)?;
    let mut parts = Vec::new();
    if !provisional.is_empty() {
        parts.push(tr!(
            "chart-calendar-provisional",
            calendar = calendar.as_str(),
            years = crate::warning::years(&provisional)
        ));
    }
    if !uncovered.is_empty() {
        parts.push(tr!(
            "chart-calendar-uncovered",
            calendar = calendar.as_str(),
            years = crate::warning::years(&uncovered)
        ));
    }
    parts.push(tr!("chart-calendar-fix"));
    Some(parts.join(" "))
}

/// The name people know an item or joint group by, for the id the solver reports.
pub fn activity_name(s: &Scenario, id: &str) -> String {
    s.items
        .iter()
        .find(|it| it.id.to_string() == id)
        .map(|it| it.name.clone())
        .or_else(|| {
            s.joint_groups
                .iter()
                .find(|g| g.id.to_string() == id)
                .map(|g| g.name.clone())
        })
        .unwrap_or_else(|| id.to_owned())
}

/// Most items in a tornado chart of what drives the spread.
pub const TORNADO_ITEMS: usize = 15;

/// The simulated working days of each regime as histograms with the targets marked, then a
/// tornado chart per regime of what drives the spread.
pub fn simulation(
    s: &Scenario,
    results: &[&SimulationResult],
    iterations: usize,
    seed: u64,
) -> Scene {
    let mut scenes = vec![simulation_histogram(
        s,
        results,
        &tr!(
            "chart-simulation-title",
            scenario = s.name.as_str(),
            iterations = iterations,
            seed = seed.to_string()
        ),
    )];
    for r in results {
        if !r.sensitivity.is_empty() {
            scenes.push(permitflow_chart::tornado(
                &tr!(
                    "chart-tornado-title",
                    scenario = s.name.as_str(),
                    regime = regime_label(s, &r.regime)
                ),
                &tr!("chart-tornado-subtitle"),
                &r.sensitivity
                    .iter()
                    .take(TORNADO_ITEMS)
                    .map(|(id, v)| (activity_name(s, id), *v))
                    .collect::<Vec<_>>(),
                &tr!("chart-wd-unit"),
            ));
        }
    }
    Scene::stack(scenes, GAP)
}

/// The simulated working days of each regime as histograms with the targets marked.
pub fn simulation_histogram(s: &Scenario, results: &[&SimulationResult], title: &str) -> Scene {
    let histograms: Vec<Histogram> = results
        .iter()
        .copied()
        .map(|r| Histogram {
            regime: regime_label(s, &r.regime),
            ..r.into()
        })
        .collect();
    let targets = permitflow_chart::simulation_targets(s, results.iter().copied());
    permitflow_chart::histogram(title, &histograms, &targets)
}

/// The time–cost curve of a plan, with its target marked.
pub fn time_cost(
    title: &str,
    curve: &[(permitflow_model::WorkingDays, f64)],
    target: f64,
) -> Scene {
    let points: Vec<(f64, f64)> = curve.iter().map(|(w, c)| (w.get(), *c)).collect();
    permitflow_chart::time_cost_curve(title, &points, Some(target))
}

/// A regime's name for people, from the name the solver reports.
fn regime_label(s: &Scenario, regime: &str) -> String {
    s.regime_label(&RegimeName::new(regime))
}

/// What each step from the serial regime to `regime` of `s` saves, the steps named for people.
pub fn waterfall(s: &Scenario, title: &str, a: &Attribution, regime: &str) -> Scene {
    permitflow_chart::waterfall(
        title,
        (&regime_label(s, "serial"), a.serial.get()),
        &a.steps
            .iter()
            .filter(|st| st.change != Change::Serial)
            .map(|st| {
                let name = match &st.change {
                    Change::Measure(m) => s.measure_label(m),
                    _ => regime_label(s, &st.name),
                };
                (name, st.saved.get())
            })
            .collect::<Vec<_>>(),
        &regime_label(s, regime),
    )
}

/// The planner's charts: the time–cost curve (when computed), then the waterfall.
pub fn plan(s: &Scenario, r: &PlanReport) -> Scene {
    let mut scenes = Vec::new();
    if let Some(c) = &r.curve {
        scenes.push(time_cost(
            &tr!(
                "chart-curve-title",
                scenario = s.name.as_str(),
                regime = regime_label(s, &r.regime)
            ),
            c,
            r.target.get(),
        ));
    }
    scenes.push(waterfall(
        s,
        &tr!(
            "chart-waterfall-title",
            scenario = s.name.as_str(),
            serial = regime_label(s, "serial"),
            regime = regime_label(s, &r.regime)
        ),
        &r.attribution,
        &r.regime,
    ));
    Scene::stack(scenes, GAP)
}

/// Utilisation, lead-time distributions and work in progress of each approval-centre run.
pub fn centre(portfolio: &str, runs: &[(String, CentreResult)]) -> Scene {
    let mut scenes = Vec::new();
    for (label, r) in runs {
        let mut bars: Vec<(String, f64)> = r
            .departments
            .iter()
            .filter(|d| !d.utilisation.is_nan())
            .map(|d| (d.name.clone(), d.utilisation * 100.0))
            .collect();
        bars.sort_by(|a, b| b.1.total_cmp(&a.1));
        scenes.push(permitflow_chart::tornado(
            &tr!(
                "chart-utilisation-title",
                portfolio = portfolio,
                run = label.as_str()
            ),
            &tr!("chart-utilisation-subtitle"),
            &bars,
            " %",
        ));
        let hist: Vec<Histogram> = r
            .projects
            .iter()
            .map(|x| Histogram {
                regime: x.name.clone(),
                samples: x.samples.clone(),
                p50: x.p50,
                p80: x.p80,
                p95: x.p95,
            })
            .collect();
        scenes.push(permitflow_chart::histogram_of(
            &tr!(
                "chart-lead-time-title",
                portfolio = portfolio,
                run = label.as_str()
            ),
            permitflow_chart::histogram::CENTRE,
            &hist,
            &[],
        ));
    }
    let series: Vec<(String, Vec<(f64, f64)>)> = runs
        .iter()
        .map(|(l, r)| (l.clone(), r.wip.clone()))
        .collect();
    scenes.push(permitflow_chart::line_chart(
        &tr!("chart-wip-title", portfolio = portfolio),
        &tr!("chart-wip-subtitle"),
        &series,
        &tr!("chart-working-days"),
        &tr!("chart-wip-axis"),
    ));
    Scene::stack(scenes, GAP)
}
