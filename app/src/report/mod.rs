//! The report: one self-contained HTML file a planner can send — the scenario, its
//! sources, the regime comparison, the charts (inline SVG), the critical paths and, where the
//! scenario has them, the simulation and the reform planner. No scripts, no network: it opens in
//! any browser, and a print stylesheet gives clean A4 pages. The bundled CJK font is embedded so
//! Chinese names render on any machine.

mod font;

use std::fmt::Write as _;

use permitflow_model::{Calendar, Provenance, Scenario, WorkingDays};

use crate::rows::{Comparison, StageCell};
use crate::scenes;
use crate::{Error, Loaded};
use permitflow_solver::{
    Method, Outcome, SimulationOptions, SimulationResult, SolveError, attribute, check_targets,
    evaluate, plan, simulate, time_cost_curve,
};

/// Iterations and seed of the report's simulation, fixed so a report can be regenerated.
pub const SIMULATION_ITERATIONS: usize = 10_000;
/// The seed of the report's simulation.
pub const SIMULATION_SEED: u64 = 1;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An SVG document as an inline `<svg>` that scales to the page width.
fn inline_svg(svg: &str) -> String {
    let body = svg.trim_start_matches(|c| c != '<');
    body.replacen(
        "<svg ",
        "<svg preserveAspectRatio=\"xMinYMin meet\" style=\"width:100%;height:auto\" ",
        1,
    )
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

const CSS: &str = r#"
body { font-family: 'permitflow CJK', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #1f2933; margin: 2em auto; max-width: 1100px; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 2px solid #d9dee3; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.meta { color: #616e7c; }
table { border-collapse: collapse; margin: .6em 0; font-size: .92em; }
th, td { padding: .28em .7em; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
th { background: #f5f7fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; }
td.regime { min-width: 11em; }
/* The comparison has a column per stage: it fits the page (smaller type, headers that wrap) and
   scrolls sideways rather than spilling over on a narrow screen. */
.wide { overflow-x: auto; max-width: 100%; }
table.regimes { font-size: .85em; }
table.regimes th { hyphens: auto; }
td.regime .meta { font-size: .85em; }
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
  @page { size: A4; margin: 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, table, .keep { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn wd(d: WorkingDays) -> String {
    d.to_string()
}

/// Whether any item or joint group has a spread or returns (then the report simulates).
fn has_uncertainty(s: &Scenario) -> bool {
    s.items
        .iter()
        .any(|i| i.spread.is_some() || i.returns.is_some())
        || s.joint_groups.iter().any(|g| g.spread.is_some())
}

/// Whether any limit can be cut (then the report plans).
fn has_floors(s: &Scenario) -> bool {
    s.items
        .iter()
        .any(|i| i.floor.as_ref().is_some_and(|f| f.value < i.days.value))
        || s.joint_groups.iter().any(|g| g.floor.is_some())
}

/// The report of a scenario. `file` names it; `plan_target` is (regime, working days) for the
/// planner section, by default the last regime and 80 % of its working days.
pub fn report(
    s: &Scenario,
    cal: &Calendar,
    file: &str,
    plan_target: Option<(String, WorkingDays)>,
) -> Result<String, SolveError> {
    let outcomes: Vec<Result<Outcome, SolveError>> = s
        .regimes
        .iter()
        .map(|r| evaluate(s, r, cal, Method::Paths))
        .collect();
    let ok: Vec<&Outcome> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    // The body first: the embedded font is cut down to the characters it uses.
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<h1>{}</h1>\n<p class=\"meta\">{} · application {} · calendar {} · generated by permitflow {}</p>",
        esc(&s.name),
        esc(file),
        ok.first()
            .map(|o| o.start_date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        esc(cal.name()),
        env!("CARGO_PKG_VERSION")
    );
    if !s.description.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(&s.description));
    }

    // Regimes compared.
    let names = s.regimes.iter().map(|r| r.name.to_string());
    let cmp = Comparison::new(
        s,
        cal,
        names.zip(outcomes.iter().cloned()).collect(),
        Vec::new(),
    );
    h.push_str("<h2>Regimes compared</h2>\n<div class=\"wide\"><table class=\"regimes\">\n<tr><th>regime</th><th class=\"num\">working days</th><th class=\"num\">vs serial</th><th>end date</th>");
    for st in &cmp.stages {
        let _ = write!(h, "<th class=\"num\">{}</th>", esc(&st.name));
    }
    h.push_str("<th class=\"num\">trips</th><th class=\"num\">forms</th><th class=\"num\">materials</th><th class=\"num\">departments</th></tr>\n");
    for row in &cmp.rows {
        match &row.result {
            Ok(f) => {
                let _ = write!(
                    h,
                    "<tr><td class=\"regime\"><b>{}</b><br><span class=\"meta\">{}</span></td><td class=\"num\"><b>{}</b></td><td class=\"num\">{}</td><td class=\"date\">{}</td>",
                    esc(&row.regime),
                    esc(&row.description),
                    wd(f.working_days),
                    f.vs_baseline.map_or_else(|| "–".into(), wd),
                    f.end_date.format("%Y-%m-%d")
                );
                for cell in &f.stages {
                    let cell = match cell {
                        StageCell::Days(d) => d.to_string(),
                        StageCell::MergedFirst(d) => format!("{d} (merged)"),
                        StageCell::MergedInto => "merged".into(),
                        StageCell::Absent => "–".into(),
                    };
                    let _ = write!(h, "<td class=\"num\">{cell}</td>");
                }
                let c = &f.counts;
                let _ = writeln!(
                    h,
                    "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    c.trips, c.forms, c.materials, c.departments
                );
            }
            Err(e) => {
                let _ = writeln!(
                    h,
                    "<tr><td><b>{}</b></td><td colspan=\"8\" class=\"missed\">no schedule: {}</td></tr>",
                    esc(&row.regime),
                    esc(e)
                );
            }
        }
    }
    h.push_str("</table></div>\n<p class=\"meta\">Working days exclude weekends and public holidays and include make-up working days. Trips, forms and materials are what the applicant meets.</p>\n");
    // Where the holidays are provisional or unknown, the sentence above is not the whole truth.
    if let Some(w) = crate::Warning::calendar_coverage(cal, &ok) {
        let _ = writeln!(h, "<p class=\"warn\">{}</p>", esc(&w.to_string()));
    }

    // Targets.
    let checks = check_targets(s, &outcomes);
    if !checks.is_empty() {
        h.push_str("<h2>Targets and published figures</h2>\n<table>\n<tr><th>figure</th><th>regime</th><th>permitflow</th><th>source</th><th></th></tr>\n");
        for t in &checks {
            let source = match &t.target.source {
                Provenance::Source(x) => x.clone(),
                Provenance::Assumed => "assumed".into(),
                Provenance::Unspecified => String::new(),
            };
            let verdict = match t.met {
                Some(true) => "<span class=\"met\">✓ met</span>",
                Some(false) => "<span class=\"missed\">✗ missed</span>",
                None => "<span class=\"missed\">no schedule</span>",
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{verdict}</td></tr>",
                esc(&t.target.name),
                esc(t.target.regime.as_str()),
                esc(&t.detail),
                esc(&source)
            );
        }
        h.push_str("</table>\n");
    }

    // Charts.
    if !ok.is_empty() {
        h.push_str("<h2>Schedules</h2>\n");
        let _ = writeln!(
            h,
            "<figure class=\"keep\">{}<figcaption>The regimes on one calendar: each stage's working days; the end of each row is the last permit.</figcaption></figure>",
            inline_svg(&permitflow_chart::to_svg(&permitflow_chart::comparison(
                s, &ok, cal
            )))
        );
        h.push_str("<h3>Critical paths</h3>\n<ul class=\"path\">\n");
        for o in &ok {
            let _ = writeln!(
                h,
                "<li><b>{}</b>: {}</li>",
                esc(o.regime.name.as_str()),
                esc(&o.critical_ids().join(" → "))
            );
        }
        h.push_str("</ul>\n");
        for o in &ok {
            let _ = writeln!(
                h,
                "<figure>{}<figcaption>Gantt chart of the {} regime: critical items in red; stage deliveries (the permits) as diamonds; weekends grey, public holidays pink, make-up working days marked blue.</figcaption></figure>",
                inline_svg(&permitflow_chart::to_svg(&permitflow_chart::gantt(
                    s, o, cal
                ))),
                esc(o.regime.name.as_str())
            );
        }
    }

    // Simulation.
    if has_uncertainty(s) {
        let opts = SimulationOptions {
            iterations: SIMULATION_ITERATIONS,
            seed: SIMULATION_SEED,
        };
        let mut sims = Vec::new();
        for r in &s.regimes {
            if let Ok(sim) = simulate(s, r, &opts) {
                sims.push(sim);
            }
        }
        if !sims.is_empty() {
            let _ = writeln!(
                h,
                "<h2>Uncertainty</h2>\n<p>{} iterations with seed {}: durations drawn from each item's spread, submissions returned for correction at their return rates.</p>\n<table>\n<tr><th>regime</th><th class=\"num\">deterministic</th><th class=\"num\">mean</th><th class=\"num\">P50</th><th class=\"num\">P80</th><th class=\"num\">P95</th><th>probability of meeting each target</th></tr>",
                SIMULATION_ITERATIONS, SIMULATION_SEED
            );
            for r in &sims {
                let probs = r
                    .targets
                    .iter()
                    .map(|(n, p)| format!("{}: {:.1} %", esc(n), p * 100.0))
                    .collect::<Vec<_>>()
                    .join("<br>");
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td>{probs}</td></tr>",
                    esc(&r.regime),
                    r.deterministic,
                    r.mean,
                    r.p50,
                    r.p80,
                    r.p95
                );
            }
            h.push_str("</table>\n");
            let sims: Vec<&SimulationResult> = sims.iter().collect();
            let _ = writeln!(
                h,
                "<figure class=\"keep\">{}</figure>",
                inline_svg(&permitflow_chart::to_svg(&scenes::simulation_histogram(
                    s,
                    &sims,
                    "Simulated working days",
                )))
            );
        }
    }

    // Reform planner.
    if has_floors(s)
        && let Some(last) = s.regimes.last()
    {
        let (regime_name, target) = match &plan_target {
            Some((r, t)) => (r.clone(), *t),
            None => {
                let current = ok
                    .iter()
                    .find(|o| o.regime.name == last.name)
                    .map(|o| o.working_days().get())
                    .unwrap_or(0.0);
                (
                    last.name.to_string(),
                    WorkingDays::new((current * 0.8 * 2.0).round() / 2.0),
                )
            }
        };
        if let Some(r) = s.regime(&regime_name) {
            let p = plan(s, r, target)?;
            let _ = writeln!(
                h,
                "<h2>Reform planner: {} working days under {}</h2>",
                wd(target),
                esc(&regime_name)
            );
            if !p.reachable {
                let _ = writeln!(
                    h,
                    "<p class=\"missed\">Out of reach: the least achievable is {} working days. What limits it: {}.</p>",
                    wd(p.least_working_days),
                    esc(&p.limiting.join(" → "))
                );
            } else if p.cuts.is_empty() {
                let _ = writeln!(h, "<p>Already met: {} working days.</p>", wd(p.current));
            } else {
                let _ = writeln!(
                    h,
                    "<p>From {} to {} working days at a least cost of {} (least achievable {}):</p>\n<table>\n<tr><th>item</th><th class=\"num\">limit now</th><th class=\"num\">new limit</th><th class=\"num\">days cut</th><th class=\"num\">cost</th></tr>",
                    wd(p.current),
                    wd(p.working_days),
                    p.cost,
                    wd(p.least_working_days)
                );
                for c in &p.cuts {
                    let _ = writeln!(
                        h,
                        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                        esc(&c.id),
                        wd(c.from),
                        wd(c.to),
                        wd(c.days),
                        c.cost
                    );
                }
                h.push_str("</table>\n");
            }
            let curve = time_cost_curve(s, r)?;
            let _ = writeln!(
                h,
                "<figure class=\"keep\">{}</figure>",
                inline_svg(&permitflow_chart::to_svg(&scenes::time_cost(
                    "Time–cost curve",
                    &curve,
                    target.get()
                )))
            );
            let a = attribute(s, r)?;
            let _ = writeln!(
                h,
                "<figure class=\"keep\">{}<figcaption>What each step saves, from the serial regime to {}.</figcaption></figure>",
                inline_svg(&permitflow_chart::to_svg(&scenes::waterfall(
                    "From serial to the reformed regime",
                    &a,
                    &regime_name
                ))),
                esc(&regime_name)
            );
        }
    }

    // Sources.
    if !s.sources.is_empty() {
        h.push_str(
            "<h2>Sources</h2>\n<table>\n<tr><th>id</th><th>title</th><th>what it gives</th></tr>\n",
        );
        for src in &s.sources {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&src.id),
                esc(&src.title),
                esc(&src.note)
            );
        }
        h.push_str("</table>\n");
    }
    let assumed = s
        .items
        .iter()
        .filter(|i| i.days.source == Provenance::Assumed)
        .count();
    let _ = writeln!(
        h,
        "<footer>{} of {} time limits are assumed (nobody published them); every other figure cites a source above. Generated by permitflow {} from {}.</footer>\n</body>\n</html>",
        assumed,
        s.items.len(),
        env!("CARGO_PKG_VERSION"),
        esc(file)
    );
    let title = esc(&s.name);
    let font = base64(&font::for_text(&format!("{title}{h}")));
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>@font-face {{ font-family: 'permitflow CJK'; src: url(data:font/otf;base64,{font}) format('opentype'); }}\n{CSS}</style>\n</head>\n<body>\n{h}"
    ))
}

/// An index page linking the reports of a batch run.
pub fn index(entries: &[(String, String, String, Option<String>)]) -> String {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>permitflow reports</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>permitflow reports</h1>\n<table>\n<tr><th>scenario</th><th>file</th><th>status</th></tr>"
    );
    for (name, file, status, link) in entries {
        let class = if status.contains("fail")
            || status.contains("invalid")
            || status.contains("infeasible")
        {
            "missed"
        } else {
            "met"
        };
        match link {
            Some(l) => {
                let _ = writeln!(
                    h,
                    "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"{class}\">{}</td></tr>",
                    esc(l),
                    esc(name),
                    esc(file),
                    esc(status)
                );
            }
            None => {
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"{class}\">{}</td></tr>",
                    esc(name),
                    esc(file),
                    esc(status)
                );
            }
        }
    }
    h.push_str("</table>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
    }
}

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
