//! The report's HTML, written with maud: the markup is checked when the crate compiles and
//! every interpolated name, description and source is escaped, so a scenario named
//! `<script>` shows as text. Only the charts' SVG, made by `permitflow-chart`'s writer, goes in
//! unescaped.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use permitflow_i18n::{date, tr};
use permitflow_model::{Provenance, WorkingDays};

use super::{CSS, Contents, Focus, Planner};
use crate::rows::{StageCell, assumed_note, field_label, signed, yuan};

/// An SVG document as an inline `<svg>` that fills the text width (the print layout's
/// assumption, see `permitflow_chart::print`).
fn inline_svg(scene: &permitflow_chart::Scene) -> PreEscaped<String> {
    let svg = permitflow_chart::to_svg(scene);
    let body = svg.trim_start_matches(|c| c != '<');
    PreEscaped(body.replacen(
        "<svg ",
        "<svg preserveAspectRatio=\"xMinYMin meet\" style=\"width:100%;height:auto\" ",
        1,
    ))
}

fn wd(d: WorkingDays) -> String {
    d.to_string()
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The report's body, from the title to the footer, in the current language.
pub(super) fn body(c: &Contents) -> Markup {
    body_for(c, Focus::Whole)
}

/// The body with only the sections `focus` asks for (the title, the meta line and the footer
/// always); a focused section the scenario does not have says so.
pub(super) fn body_for(c: &Contents, focus: Focus) -> Markup {
    let whole = focus == Focus::Whole;
    let compare = whole || focus == Focus::Compare;
    html! {
        h1 { (c.name) }
        p.meta {
            (tr!(
                "report-meta",
                file = c.file.as_str(),
                start = c.start.map(date).unwrap_or_default(),
                calendar = c.calendar.as_str(),
                version = VERSION
            ))
        }
        @if let Some(part) = focus.title() { p.meta { (part) } }
        @if whole && !c.description.is_empty() { p { (c.description) } }
        (attributes(c))
        @if compare { (regimes(c)) }
        @if whole { (milestones(c)) }
        @if compare { (targets(c)) (schedules(c)) }
        @if whole || focus == Focus::Simulation { (simulation(c)) }
        @if focus == Focus::Simulation && c.simulation.is_none() {
            h2 { (tr!("report-uncertainty")) }
            p { (tr!("report-focus-no-simulation")) }
        }
        @if whole || focus == Focus::Planner {
            @if let Some(p) = &c.planner { (planner(p)) }
        }
        @if focus == Focus::Planner && c.planner.is_none() {
            h2 { (tr!("report-focus-planner")) }
            p { (tr!("report-focus-no-planner")) }
        }
        @if whole { (assumed(c)) }
        @if whole && !c.sources.is_empty() {
            h2 { (tr!("report-sources")) }
            table.sources {
                tr {
                    th { (tr!("report-source-id")) } th { (tr!("report-source-title")) }
                    th { (tr!("report-source-note")) }
                }
                @for src in &c.sources {
                    tr { td { (src.id) } td { (src.title) } td { (src.note) } }
                }
            }
        }
        footer {
            (tr!(
                "report-footer",
                assumed = c.figures.assumed_count(),
                items = c.figures.total,
                version = VERSION,
                file = c.file.as_str()
            ))
        }
    }
}

/// The project attributes the figures are for, as a small table; nothing for a scenario
/// without attributes.
fn attributes(c: &Contents) -> Markup {
    html! {
        @if !c.attributes.is_empty() {
            h2 { (tr!("report-attributes")) }
            p { (tr!("report-attributes-note")) }
            table.attributes {
                tr {
                    th { (tr!("report-attribute-id")) } th { (tr!("report-attribute-name")) }
                    th { (tr!("report-attribute-value")) }
                }
                @for (id, name, value) in &c.attributes {
                    tr { td { code { (id) } } td { (name) } td { (value) } }
                }
            }
        }
    }
}

fn regimes(c: &Contents) -> Markup {
    let cmp = &c.comparison;
    html! {
        h2 { (tr!("report-regimes")) }
        div.wide { table.regimes {
            tr {
                th { (tr!("report-col-regime")) }
                th.num { (tr!("report-col-approval-days")) } th.num { (tr!("report-col-vs-serial")) }
                th.num { (tr!("report-col-working-days")) } th.num { (tr!("report-col-vs-serial")) }
                th.num { (tr!("report-col-calendar-days")) } th { (tr!("report-col-end-date")) }
                @if cmp.has_fees { th.num { (tr!("report-col-fees")) } }
                @for st in &cmp.stages { th.num { (st.name) } }
                th.num { (tr!("report-col-trips")) } th.num { (tr!("report-col-forms")) }
                th.num { (tr!("report-col-materials")) } th.num { (tr!("report-col-departments")) }
            }
            @for row in &cmp.rows {
                @match &row.result {
                    Ok(f) => tr {
                        td.regime { b { (c.regime(&row.regime)) } br; span.meta { (row.description) } }
                        td.num { b { (wd(f.approval_days)) } }
                        td.num { (f.vs_baseline_approval.map_or_else(|| "–".into(), signed)) }
                        td.num { b { (wd(f.working_days)) } }
                        td.num { (f.vs_baseline.map_or_else(|| "–".into(), signed)) }
                        td.num { (f.calendar_days) }
                        td.date { (date(f.end_date)) }
                        @if cmp.has_fees { td.num { (yuan(f.fees)) } }
                        @for cell in &f.stages {
                            td.num { @match cell {
                                StageCell::Days(d) => (d.both()),
                                StageCell::MergedFirst(d) => (tr!("report-merged-first", days = d.both())),
                                StageCell::MergedInto => (tr!("report-merged")),
                                StageCell::Absent => "–",
                            } }
                        }
                        td.num { (f.counts.trips) } td.num { (f.counts.forms) }
                        td.num { (f.counts.materials) } td.num { (f.counts.departments) }
                    },
                    Err(e) => tr {
                        td { b { (c.regime(&row.regime)) } }
                        td.missed colspan=(10 + cmp.stages.len()) { (tr!("report-no-schedule", error = e.as_str())) }
                    },
                }
            }
        } }
        p.meta { (tr!("report-regimes-note")) }
        p.meta { (tr!("report-clocks-note")) }
        p.meta { (assumed_note(&c.figures)) (tr!("report-assumed-see-list")) }
        @if let Some(w) = &c.warning { p.warn { (w) } }
    }
}

/// When each milestone is reached under each regime: the same table the command line prints.
fn milestones(c: &Contents) -> Markup {
    let rows = &c.comparison.milestones;
    let t = crate::rows::milestones::table(rows);
    html! {
        @if !rows.is_empty() {
            h2 { (tr!("report-milestones")) }
            div.wide { table.regimes {
                tr { @for (k, h) in t.columns.iter().enumerate() {
                    @if t.numeric.contains(&k) { th.num { (h) } } @else { th { (h) } }
                } }
                @for r in &t.rows {
                    tr { @for (k, cell) in r.iter().enumerate() {
                        @if t.numeric.contains(&k) { td.num { (cell) } }
                        @else if k == 2 { td.date { (cell) } }
                        @else if k == 0 { td { b { (cell) } } }
                        @else { td { (cell) } }
                    } }
                }
            } }
            p.meta { (tr!("report-milestones-note")) }
        }
    }
}

/// The honest mark's list: every assumed figure with its item (or joint group), field and value.
fn assumed(c: &Contents) -> Markup {
    let f = &c.figures;
    html! {
        @if !f.assumed.is_empty() {
            h2 { (tr!("report-assumed-figures")) }
            p { (assumed_note(f)) (tr!("report-assumed-intro")) }
            table.assumed {
                tr {
                    th { (tr!("report-col-item")) } th { (tr!("report-col-field")) }
                    th.num { (tr!("report-col-value")) }
                }
                @for a in &f.assumed {
                    tr {
                        td { (a.name) @if a.name != a.id { " " span.meta { "(" (a.id) ")" } } }
                        td { (field_label(a.field)) }
                        td.num { @if a.field == permitflow_model::assumed::FigureField::Fee {
                            (yuan(a.value))
                        } @else {
                            (WorkingDays::new(a.value))
                        } }
                    }
                }
            }
        }
    }
}

fn targets(c: &Contents) -> Markup {
    html! {
        @if !c.checks.is_empty() {
            h2 { (tr!("report-targets")) }
            table {
                tr {
                    th { (tr!("report-col-figure")) } th { (tr!("report-col-regime")) }
                    th { (tr!("report-col-permitflow")) } th { (tr!("report-col-source")) } th {}
                }
                @for (t, detail) in c.checks.iter().zip(&c.details) {
                    tr {
                        td { (t.target.name) } td { (c.regime(t.target.regime.as_str())) } td { (detail) }
                        td { @match &t.target.source {
                            Provenance::Source(x) => (x),
                            Provenance::Assumed => (tr!("report-assumed")),
                            Provenance::Unspecified => "",
                        } }
                        td { @match t.met {
                            Some(true) => span.met { (tr!("report-met")) },
                            Some(false) => span.missed { (tr!("report-missed")) },
                            None => span.missed { (tr!("report-no-schedule-short")) },
                        } }
                    }
                }
            }
        }
    }
}

fn schedules(c: &Contents) -> Markup {
    html! {
        @if let Some(cmp) = &c.schedules.comparison {
            h2 { (tr!("report-schedules")) }
            figure.keep {
                (inline_svg(cmp))
                figcaption { (tr!("report-compare-caption")) }
            }
            h3 { (tr!("report-critical-paths")) }
            ul.path { @for (regime, path) in &c.schedules.paths { li { b { (regime) } (tr!("report-colon")) (path) } } }
            @for (regime, g) in &c.schedules.gantts {
                figure.gantt {
                    (inline_svg(g))
                    figcaption { (tr!("report-gantt-caption", regime = regime.as_str())) }
                }
            }
        }
    }
}

fn simulation(c: &Contents) -> Markup {
    html! {
        @if let Some((sims, histogram)) = &c.simulation {
            h2 { (tr!("report-uncertainty")) }
            p { (tr!(
                "report-simulation-intro",
                iterations = super::SIMULATION_ITERATIONS.to_string(),
                seed = super::SIMULATION_SEED.to_string()
            )) }
            table {
                tr {
                    th { (tr!("report-col-regime")) } th.num { (tr!("report-col-deterministic")) }
                    th.num { (tr!("report-col-mean")) } th.num { "P50" }
                    th.num { "P80" } th.num { "P95" } th { (tr!("report-col-probability")) }
                }
                @for r in sims {
                    tr {
                        td { (c.regime(&r.regime)) }
                        td.num { (format!("{:.1}", r.deterministic)) }
                        td.num { (format!("{:.1}", r.mean)) }
                        td.num { (format!("{:.1}", r.p50)) }
                        td.num { (format!("{:.1}", r.p80)) }
                        td.num { (format!("{:.1}", r.p95)) }
                        td { @for (i, (n, p)) in r.targets.iter().enumerate() {
                            @if i > 0 { br; }
                            (n) (tr!("report-colon")) (format!("{:.1} %", p * 100.0))
                        } }
                    }
                }
            }
            figure.keep { (inline_svg(histogram)) }
        }
    }
}

fn planner(p: &Planner) -> Markup {
    let plan = &p.plan;
    html! {
        h2 { (tr!("report-planner", days = wd(p.target), regime = p.regime.as_str())) }
        @if !plan.reachable {
            p.missed { (tr!(
                "report-out-of-reach",
                least = wd(plan.least_working_days),
                limiting = plan.limiting.join(" → ")
            )) }
        } @else if plan.cuts.is_empty() {
            p { (tr!("report-already-met", days = wd(plan.current))) }
        } @else {
            p { (tr!(
                "report-plan-summary",
                from = wd(plan.current),
                to = wd(plan.working_days),
                cost = plan.cost.to_string(),
                least = wd(plan.least_working_days)
            )) }
            table {
                tr {
                    th { (tr!("report-col-item")) } th.num { (tr!("report-col-limit-now")) }
                    th.num { (tr!("report-col-new-limit")) } th.num { (tr!("report-col-days-cut")) }
                    th.num { (tr!("report-col-cost")) }
                }
                @for c in &plan.cuts {
                    tr { td { (c.id) } td.num { (wd(c.from)) } td.num { (wd(c.to)) } td.num { (wd(c.days)) } td.num { (c.cost) } }
                }
            }
        }
        figure.keep { (inline_svg(&p.curve)) }
        figure.keep {
            (inline_svg(&p.waterfall))
            figcaption { (tr!("report-waterfall-caption", regime = p.regime.as_str())) }
        }
    }
}

/// The whole page: `body` with the embedded font (`font` in base64) and the stylesheet.
pub(super) fn document(title: &str, font: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(permitflow_i18n::lang().code()) {
            head {
                meta charset="utf-8";
                title { (title) }
                style {
                    (PreEscaped(format!("@font-face {{ font-family: 'permitflow CJK'; src: url(data:font/otf;base64,{font}) format('opentype'); }}\n")))
                    (PreEscaped(CSS))
                }
            }
            body { (body) }
        }
    }
}

/// A batch run's index: one row per scenario, linked to its report when it has one.
pub(super) fn index(entries: &[(String, String, String, Option<String>)]) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(permitflow_i18n::lang().code()) {
            head {
                meta charset="utf-8";
                title { (tr!("report-index-title")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (tr!("report-index-title")) }
                table {
                    tr {
                        th { (tr!("report-col-scenario")) } th { (tr!("report-col-file")) }
                        th { (tr!("report-col-status")) }
                    }
                    @for (name, file, status, link) in entries {
                        @let failed = ["fail", "invalid", "infeasible"].iter().any(|w| status.contains(w));
                        tr {
                            td { @match link { Some(l) => a href=(l) { (name) }, None => (name) } }
                            td { (file) }
                            td class=(if failed { "missed" } else { "met" }) { (status) }
                        }
                    }
                }
            }
        }
    }
}
