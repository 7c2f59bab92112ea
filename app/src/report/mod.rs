//! The report: one self-contained HTML file a planner can send — the scenario, its
//! sources, the regime comparison, the charts (inline SVG), the critical paths and, where the
//! scenario has them, the simulation and the reform planner. No scripts, no network: it opens in
//! any browser, and a print stylesheet gives clean A4 pages. The bundled CJK font is embedded so
//! Chinese names render on any machine.

mod focus;
mod font;
mod page;

pub use focus::{Focus, of_focused, render_focused};

use std::collections::BTreeMap;

use chrono::NaiveDate;
use permitflow_chart::{Arrows, Layout, Scene};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, RegimeName, Scenario, SourceRef, WorkingDays};

use crate::rows::Comparison;
use crate::scenes;
use crate::{Error, Loaded};
use permitflow_solver::{
    Method, Outcome, Plan, SimulationOptions, SimulationResult, SolveError, TargetCheck,
    attribute_on, check_targets, evaluate, plan_on, simulate, time_cost_curve_on,
};

/// Iterations and seed of the report's simulation, fixed so a report can be regenerated.
pub const SIMULATION_ITERATIONS: usize = 10_000;
/// The seed of the report's simulation.
pub const SIMULATION_SEED: u64 = 1;

/// The stylesheet. The report prints on A4 landscape with 15 mm margins: a Gantt chart needs
/// the width, and the charts are laid out for exactly that text width (267 mm, see
/// `permitflow_chart::print`), so their smallest text prints at 8 pt or more.
const CSS: &str = r#"
body { font-family: 'permitflow CJK', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #1f2933; margin: 2em auto; max-width: 1100px; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 2px solid #d9dee3; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.meta { color: #616e7c; }
table { border-collapse: collapse; margin: .6em 0; font-size: .92em; max-width: 100%; }
th, td { padding: .28em .7em; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f5f7fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; overflow-wrap: normal; }
td.regime { min-width: 9em; }
/* The comparison has a column per stage: it fits the page (smaller type, tighter cells,
   headers that wrap) and scrolls sideways rather than spilling over on a narrow screen. */
.wide { overflow-x: auto; max-width: 100%; }
table.regimes { font-size: .82em; }
table.regimes th, table.regimes td { padding: .28em .45em; }
table.regimes th { hyphens: auto; overflow-wrap: normal; }
/* Chinese headers break between words, not inside one (工作日, 较串联审批 stay whole). */
table.regimes th { word-break: keep-all; }
td.regime .meta { font-size: .85em; }
table.sources td:first-child { white-space: nowrap; }
.met { color: #2f7d32; font-weight: bold; }
.missed { color: #c62828; font-weight: bold; }
.warn { color: #8a5a00; background: #fff4e0; border-left: 4px solid #f0a030; padding: .4em .8em; }
figure { margin: 1em 0; }
/* The charts name system fonts; the embedded one comes first (CSS beats SVG attributes), so
   Chinese names render on a machine without a CJK font. */
figure svg text { font-family: 'permitflow CJK', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; }
figcaption { color: #616e7c; font-size: .9em; }
.path { font-size: .9em; }
footer { margin-top: 3em; color: #616e7c; font-size: .85em; }
@media print {
  @page { size: A4 landscape; margin: 15mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; }
  .wide { overflow: visible; }
  table.regimes { font-size: 8.5pt; }
  td.regime .meta, figcaption, footer { font-size: 8pt; }
  figure, tr, .keep { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Whether any item or joint group has a spread or returns (then the report simulates).
fn has_uncertainty(s: &Scenario) -> bool {
    s.items
        .iter()
        .any(|i| i.spread.is_some() || i.returns.is_some())
        || s.joint_groups.iter().any(|g| g.spread.is_some())
}

/// Whether any limit can be cut (then the report plans).
/// The planner's target when none is given: halfway from today's working days to the least
/// achievable (the time–cost curve's ends), in half days, so it is always within reach and
/// asks for real cuts (a fixed share of today's figure is out of reach when a year of works,
/// counted in calendar days and never cut, makes up most of it).
pub fn default_plan_target(curve: &[(WorkingDays, f64)]) -> WorkingDays {
    match (curve.first(), curve.last()) {
        (Some(today), Some(least)) => {
            let mid = (today.0.get() + least.0.get()) / 2.0;
            WorkingDays::new((mid * 2.0).ceil() / 2.0)
        }
        _ => WorkingDays::new(0.0),
    }
}

fn has_floors(s: &Scenario) -> bool {
    s.items
        .iter()
        .any(|i| i.floor.as_ref().is_some_and(|f| f.value < i.days.value))
        || s.joint_groups.iter().any(|g| g.floor.is_some())
}

/// What a report shows, computed before any markup is written: the figures, tables and charts
/// (laid out for print, see [`Contents::charts`]). Its charts and names are in the language
/// current when it was made; render it in the same one.
#[derive(Debug)]
pub struct Contents {
    name: String,
    description: String,
    file: String,
    /// The application date (the first working day), when a regime was solved.
    start: Option<NaiveDate>,
    calendar: String,
    /// Each regime's name for people, by its name in the scenario.
    regime_labels: BTreeMap<String, String>,
    comparison: Comparison,
    warning: Option<String>,
    checks: Vec<TargetCheck>,
    /// What each check measured, for people in the current language.
    details: Vec<String>,
    schedules: Schedules,
    simulation: Option<(Vec<SimulationResult>, Scene)>,
    planner: Option<Planner>,
    sources: Vec<SourceRef>,
    /// The scenario's figures and those assumed (the honest mark and its list).
    figures: permitflow_model::assumed::Figures,
    /// The project attributes the figures are for: (id, name for people, value with its unit);
    /// empty for a scenario without attributes.
    attributes: Vec<(String, String, String)>,
}

#[derive(Debug, Default)]
struct Schedules {
    comparison: Option<Scene>,
    /// (regime, its critical path as ids joined by arrows)
    paths: Vec<(String, String)>,
    /// (regime, its Gantt chart)
    gantts: Vec<(String, Scene)>,
}

#[derive(Debug)]
struct Planner {
    /// The regime's name for people.
    regime: String,
    target: WorkingDays,
    plan: Plan,
    curve: Scene,
    waterfall: Scene,
}

impl Contents {
    /// A regime's name for people (its name in the scenario when it has no label).
    fn regime<'a>(&'a self, name: &'a str) -> &'a str {
        self.regime_labels.get(name).map_or(name, String::as_str)
    }

    /// Every chart of the report, in the order shown.
    pub fn charts(&self) -> Vec<&Scene> {
        let mut out: Vec<&Scene> = self.schedules.comparison.iter().collect();
        out.extend(self.schedules.gantts.iter().map(|(_, g)| g));
        out.extend(self.simulation.iter().map(|(_, h)| h));
        if let Some(p) = &self.planner {
            out.extend([&p.curve, &p.waterfall]);
        }
        out
    }
}

/// What the report of a scenario shows. `file` names it; `plan_target` is (regime, working
/// days) for the planner section, by default the last regime and [`default_plan_target`].
pub fn contents(
    s: &Scenario,
    cal: &Calendar,
    file: &str,
    plan_target: Option<(String, WorkingDays)>,
) -> Result<Contents, SolveError> {
    let outcomes: Vec<Result<Outcome, SolveError>> = s
        .regimes
        .iter()
        .map(|r| evaluate(s, r, cal, Method::Paths))
        .collect();
    let ok: Vec<&Outcome> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    let checks = check_targets(s, &outcomes);
    let details = checks
        .iter()
        .map(|c| {
            let outcome = s
                .regimes
                .iter()
                .zip(&outcomes)
                .find(|(r, _)| r.name == c.target.regime)
                .and_then(|(_, o)| o.as_ref().ok());
            crate::rows::target_detail(c, outcome)
        })
        .collect();
    let names = s.regimes.iter().map(|r| r.name.to_string());
    let comparison = Comparison::new(
        s,
        cal,
        names.zip(outcomes.iter().cloned()).collect(),
        Vec::new(),
    );
    let mut schedules = Schedules::default();
    if !ok.is_empty() {
        schedules.comparison = Some(permitflow_chart::comparison_laid_out(
            s,
            &ok,
            cal,
            Layout::Print,
        ));
        for o in &ok {
            let regime = s.regime_label(&o.regime.name);
            schedules
                .paths
                .push((regime.clone(), o.critical_ids().join(" → ")));
            let g = permitflow_chart::gantt_laid_out(s, o, cal, Arrows::Auto, Layout::Print);
            schedules.gantts.push((regime, g));
        }
    }
    let simulation = if has_uncertainty(s) {
        let opts = SimulationOptions {
            iterations: SIMULATION_ITERATIONS,
            seed: SIMULATION_SEED,
        };
        let sims: Vec<SimulationResult> = s
            .regimes
            .iter()
            .filter_map(|r| simulate(s, r, &opts).ok())
            .collect();
        (!sims.is_empty()).then(|| {
            let refs: Vec<&SimulationResult> = sims.iter().collect();
            let h = scenes::simulation_histogram(s, &refs, &tr!("report-simulation-chart"));
            (sims, h)
        })
    } else {
        None
    };
    let planner = match s.regimes.last() {
        Some(last) if has_floors(s) => {
            let regime = match &plan_target {
                Some((r, _)) => r.clone(),
                None => last.name.to_string(),
            };
            match s.regime(&regime) {
                Some(r) => {
                    let curve = time_cost_curve_on(s, r, cal)?;
                    let target = match &plan_target {
                        Some((_, t)) => *t,
                        None => default_plan_target(&curve),
                    };
                    Some(Planner {
                        plan: plan_on(s, r, cal, target)?,
                        curve: scenes::time_cost(&tr!("report-curve-chart"), &curve, target.get()),
                        waterfall: scenes::waterfall(
                            s,
                            &tr!("report-waterfall-chart"),
                            &attribute_on(s, r, cal)?,
                            &regime,
                        ),
                        regime: s.regime_label(&r.name),
                        target,
                    })
                }
                None => None,
            }
        }
        _ => None,
    };
    Ok(Contents {
        name: s.name.clone(),
        description: s.description.clone(),
        file: file.to_owned(),
        start: ok.first().map(|o| o.start_date),
        calendar: cal.name().to_owned(),
        regime_labels: s
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .chain(s.targets.iter().map(|t| t.regime.to_string()))
            .map(|r| {
                let label = s.regime_label(&RegimeName::new(&r));
                (r, label)
            })
            .collect(),
        // Where the holidays are provisional or unknown, "working days" is not the whole truth.
        warning: scenes::calendar_note(cal, &ok),
        checks,
        details,
        comparison,
        schedules,
        simulation,
        planner,
        sources: s.sources.clone(),
        figures: permitflow_model::assumed::figures(s),
        attributes: attribute_rows(s),
    })
}

/// The rows of the report's project-attributes table: each attribute with a value, its name in
/// the current language (or its id) and its value with its unit.
fn attribute_rows(s: &Scenario) -> Vec<(String, String, String)> {
    let zh = permitflow_i18n::lang() == permitflow_i18n::Lang::ZhCn;
    s.rules
        .attributes
        .iter()
        .filter_map(|a| {
            let value = a.default.as_ref()?;
            let label = if zh { &a.label_zh } else { &a.label_en };
            let name = label.clone().unwrap_or_else(|| a.name.clone());
            let shown = match &a.unit {
                Some(u) => format!("{value} {u}"),
                None => value.to_string(),
            };
            Some((a.name.clone(), name, shown))
        })
        .collect()
}

/// The report of a scenario as one HTML page (see [`contents`]).
pub fn report(
    s: &Scenario,
    cal: &Calendar,
    file: &str,
    plan_target: Option<(String, WorkingDays)>,
) -> Result<String, SolveError> {
    Ok(render(&contents(s, cal, file, plan_target)?))
}

/// The page of `c` in the current language (`<html lang>` says which). The body is written
/// first: the embedded font is cut down to the characters it uses.
pub fn render(c: &Contents) -> String {
    let body = page::body(c);
    let font = base64(&font::for_text(&format!("{}{}", c.name, body.0)));
    page::document(&c.name, &font, body).into_string()
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// An index page linking the reports of a batch run: (scenario, file, status, link).
pub fn index(entries: &[(String, String, String, Option<String>)]) -> String {
    page::index(entries).into_string()
}

#[cfg(test)]
mod tests;

/// `REGIME:DAYS`: the reform planner's regime and target in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTarget {
    /// The regime to plan.
    pub regime: String,
    /// The target in working days.
    pub days: WorkingDays,
}

impl std::str::FromStr for PlanTarget {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || "write REGIME:DAYS, e.g. joint:30".to_owned();
        let (r, d) = text.rsplit_once(':').ok_or_else(bad)?;
        let d: f64 = d.trim().parse().map_err(|_| bad())?;
        if !(d.is_finite() && d >= 0.0) {
            return Err(bad());
        }
        Ok(Self {
            regime: r.to_owned(),
            days: WorkingDays::new(d),
        })
    }
}

/// The report of a loaded scenario, with the planner at `plan` (see [`report`]).
pub fn of(loaded: &Loaded, plan: Option<&PlanTarget>) -> Result<String, Error> {
    if let Some(p) = plan
        && loaded.scenario.regime(&p.regime).is_none()
    {
        return Err(crate::unknown_regime(loaded, &p.regime));
    }
    report(
        &loaded.scenario,
        &loaded.calendar,
        &loaded.label,
        plan.map(|p| (p.regime.clone(), p.days)),
    )
    .map_err(|e| Error::msg(format!("{}: {e}", loaded.label)))
}
