//! `permitflow calibrate`: an approval system's event log measured per item and per project type.

use std::path::Path;

use permitflow_app::calibrate::{
    Calibration, Spread, Validation, calibrate_type, fitted_toml, portfolio_toml, regime_of,
    scenario_ref, to_json, validate, validation_to_json,
};
use permitflow_app::scenes;
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, load::UserCalendars, load::load_with};
use permitflow_i18n::tr;

use crate::render::{output, print, right, wide_table};

/// How many rejected records are listed on stderr (all are counted).
const LISTED: usize = 5;

/// Output for people or programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CalibrateFormat {
    /// Aligned tables.
    Table,
    /// JSON.
    Json,
}

/// What `calibrate` writes besides its report.
pub struct Outputs<'a> {
    /// The fitted scenario (`-o`).
    pub scenario: Option<&'a Path>,
    /// The portfolio (`--portfolio`).
    pub portfolio: Option<&'a Path>,
    /// The regime the cases ran under.
    pub regime: Option<&'a str>,
    /// The chart of observed against simulated lead times.
    pub chart: Option<&'a Path>,
    /// The validation's seed.
    pub seed: u64,
    /// Only this project type's records.
    pub project_type: Option<&'a str>,
}

pub fn run(
    log: &Path,
    scenario: Option<&Path>,
    out: Outputs<'_>,
    format: CalibrateFormat,
    user: &UserCalendars,
) -> Result<u8, Error> {
    let written: Vec<&Path> = [out.scenario, out.portfolio, out.chart]
        .into_iter()
        .flatten()
        .collect();
    let read: Vec<&Path> = [Some(log), scenario].into_iter().flatten().collect();
    refuse_inputs(&written, &read)?;
    // A chart in a format not written, or a scenario or portfolio not named .toml (what they
    // are written as), is refused before the log is read, not after.
    if let Some(chart) = out.chart {
        permitflow_app::write::ChartFormat::of(chart)?;
    }
    if out.portfolio.is_some() && out.scenario.is_some_and(|p| p.as_os_str() == "-") {
        return Err(Error::help(
            tr!("cli-calibrate-portfolio-stdout"),
            tr!("cli-calibrate-portfolio-stdout.help"),
        ));
    }
    for path in [out.scenario, out.portfolio].into_iter().flatten() {
        let toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if !toml && path.as_os_str() != "-" {
            return Err(Error::help(
                tr!("cli-calibrate-not-toml", file = path.display().to_string()),
                tr!("cli-calibrate-not-toml.help"),
            ));
        }
    }
    let base = scenario
        .map(|p| load_with(Some(p), None, user))
        .transpose()?;
    // A log of a hundred thousand records or more takes a second or more to read and measure.
    let big =
        std::fs::metadata(log).is_ok_and(|m| m.is_file() && m.len() >= super::BIG_INPUT_BYTES);
    let spinner =
        big.then(|| crate::render::spinner(tr!("cli-reading", file = log.display().to_string())));
    let c = calibrate_type(log, base.as_ref(), user, out.project_type);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let (c, checked) = c?;
    report_rejected(&c);
    if c.items.is_empty() {
        return Err(Error::help(
            tr!("cli-calibrate-nothing", file = c.label.as_str()),
            tr!("cli-calibrate-nothing.help"),
        ));
    }
    if !c.not_in_scenario.is_empty() {
        let shown: Vec<&str> = c
            .not_in_scenario
            .iter()
            .take(20)
            .map(String::as_str)
            .collect();
        let more = c.not_in_scenario.len() - shown.len();
        let mut items = shown.join(", ");
        if more > 0 {
            items += &tr!("cli-calibrate-and-more", n = more);
        }
        eprintln!("{}", tr!("cli-calibrate-not-in-scenario", items = items));
    }
    if !c.not_in_log.is_empty() {
        eprintln!(
            "{}",
            tr!("cli-calibrate-not-in-log", items = c.not_in_log.join(", "))
        );
    }
    let fitted = fitted_toml(&c, &checked, base.as_ref())?;
    let regime = regime_of(&fitted.scenario, out.regime)?;
    let calendar = match &base {
        Some(b) => b.calendar.clone(),
        None => permitflow_app::load::load_default_with(user)?.calendar,
    };
    let validation = validate(&c, &fitted.scenario, &calendar, &regime, out.seed)?;
    let report = match format {
        CalibrateFormat::Json => {
            let mut v = to_json(&c);
            v["validation"] = validation_to_json(&validation);
            let text = serde_json::to_string_pretty(&v).map_err(|e| Error::msg(e.to_string()))?;
            format!("{text}\n")
        }
        CalibrateFormat::Table => tables(&c) + &validation_table(&validation),
    };
    // With the fitted scenario or portfolio on standard output (`-`), the report goes to
    // standard error so the file stays whole.
    let stdout_taken = [out.scenario, out.portfolio]
        .into_iter()
        .flatten()
        .any(|p| p.as_os_str() == "-");
    if stdout_taken {
        eprint!("{report}");
    } else {
        print(&report)?;
    }
    if let Some(path) = out.chart {
        crate::render::chart(path, &scenes::calibration(&c.label, &validation), 1.5)?;
        eprintln!("{}", tr!("cli-wrote", file = path.display().to_string()));
    }
    if let Some(path) = out.scenario {
        output(path, fitted.text.as_bytes())?;
        eprintln!(
            "{}",
            tr!(
                "cli-calibrate-wrote",
                file = path.display().to_string(),
                items = fitted.notes.fitted
            )
        );
        if !fitted.notes.spread_kept.is_empty() {
            eprintln!(
                "{}",
                tr!(
                    "cli-calibrate-spread-kept",
                    items = fitted.notes.spread_kept.join(", "),
                    n = permitflow_app::calibrate::MIN_FIT_CASES
                )
            );
        }
        if let Some(p) = out.portfolio {
            let text = portfolio_toml(&c, &checked, &scenario_ref(p, path), &regime);
            output(p, text.as_bytes())?;
            eprintln!("{}", tr!("cli-wrote", file = p.display().to_string()));
        }
    }
    Ok(0)
}

fn validation_table(v: &Validation) -> String {
    let mut out = String::from("\n");
    out += &tr!(
        "cli-calibrate-validation",
        regime = v.regime.as_str(),
        cases = v.cases,
        seed = v.seed
    );
    out += "\n";
    let mut t = wide_table(
        [
            "cli-calibrate-col-type",
            "cli-calibrate-col-measure",
            "cli-calibrate-col-observed",
            "cli-calibrate-col-simulated",
            "cli-calibrate-col-difference",
        ]
        .iter()
        .map(|k| permitflow_i18n::message(k, &[]))
        .collect(),
    );
    for r in &v.rows {
        for (k, name) in ["P50", "P80", "P95"].iter().enumerate() {
            let (o, s) = (r.observed[k], r.simulated[k]);
            let diff = if o > 0.0 {
                format!("{:+.1} %", 100.0 * (s - o) / o)
            } else {
                "—".to_owned()
            };
            t.add_row(vec![
                if k == 0 {
                    r.project_type.clone()
                } else {
                    String::new()
                },
                (*name).to_owned(),
                num(o),
                num(s),
                diff,
            ]);
        }
    }
    right(&mut t, [2, 3, 4]);
    out += &format!("{t}\n");
    if v.rows.len() > 1 {
        out += &tr!("cli-calibrate-one-flow");
        out += "\n";
    }
    out
}

fn report_rejected(c: &Calibration) {
    if c.rejected_count == 0 {
        return;
    }
    eprintln!(
        "{}",
        tr!(
            "cli-calibrate-rejected",
            n = c.rejected_count,
            file = c.label.as_str()
        )
    );
    for r in c.rejected.iter().take(LISTED) {
        let case = if r.case.is_empty() { "—" } else { &r.case };
        eprintln!(
            "  {}",
            tr!(
                "cli-calibrate-rejected-row",
                place = r.place.to_string(),
                case = case,
                reason = r.reason.to_string()
            )
        );
    }
    if c.rejected_count > LISTED {
        eprintln!(
            "  {}",
            tr!("cli-calibrate-rejected-more", n = c.rejected_count - LISTED)
        );
    }
}

fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

fn pct(x: f64) -> String {
    format!("{:.0} %", 100.0 * x)
}

fn opt(x: Option<String>) -> String {
    x.unwrap_or_else(|| "—".to_owned())
}

fn tables(c: &Calibration) -> String {
    let mut out = String::new();
    if let Some((first, last)) = c.dates {
        let cases: usize = c.project_types.iter().map(|t| t.cases).sum();
        out += &tr!(
            "cli-calibrate-heading",
            file = c.label.as_str(),
            cases = cases,
            first = crate::render::date(first),
            last = crate::render::date(last)
        );
        out += "\n";
    }
    if c.open > 0 {
        out += &tr!("cli-calibrate-open", n = c.open);
        out += "\n";
    }
    out += "\n";
    out += &tr!("cli-calibrate-items");
    out += "\n";
    let mut t = wide_table(
        [
            "cli-calibrate-col-item",
            "cli-calibrate-col-cases",
            "cli-calibrate-col-mean",
            "cli-calibrate-col-p50",
            "cli-calibrate-col-p80",
            "cli-calibrate-col-min",
            "cli-calibrate-col-max",
            "cli-calibrate-col-spread",
            "cli-calibrate-col-returns",
            "cli-calibrate-col-correction",
            "cli-calibrate-col-rereview",
            "cli-calibrate-col-special",
            "cli-calibrate-col-limit",
            "cli-calibrate-col-overdue",
        ]
        .iter()
        .map(|k| permitflow_i18n::message(k, &[]))
        .collect(),
    );
    for i in &c.items {
        let spread = match i.spread {
            Spread::Fixed(v) => tr!("cli-calibrate-fixed", days = num(v)),
            Spread::Triangular { min, mode, max } => {
                format!("tri {}/{}/{}", num(min), num(mode), num(max))
            }
            Spread::Pert { min, mode, max } => {
                format!("pert {}/{}/{}", num(min), num(mode), num(max))
            }
            Spread::Empirical => tr!("cli-calibrate-empirical"),
        };
        t.add_row(vec![
            i.item.clone(),
            i.cases.to_string(),
            num(i.mean),
            num(i.p50),
            num(i.p80),
            num(i.min),
            num(i.max),
            spread,
            pct(i.return_rate),
            opt(i.correction_mean.map(num)),
            opt(i.rereview_mean.map(num)),
            opt(i.special_mean.map(num)),
            opt(i.limit.map(num)),
            opt(i.overdue_rate.map(pct)),
        ]);
    }
    right(&mut t, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
    out += &format!("{t}\n\n");
    out += &tr!("cli-calibrate-types");
    out += "\n";
    let mut t = wide_table(
        [
            "cli-calibrate-col-type",
            "cli-calibrate-col-cases",
            "cli-calibrate-col-per-year",
            "cli-calibrate-col-lead-p50",
            "cli-calibrate-col-lead-p80",
            "cli-calibrate-col-lead-p95",
        ]
        .iter()
        .map(|k| permitflow_i18n::message(k, &[]))
        .collect(),
    );
    for p in &c.project_types {
        let lead = |k: usize| opt(p.lead.map(|l| num(l[k])));
        let name = if p.project_type.is_empty() {
            "—".to_owned()
        } else {
            p.project_type.clone()
        };
        t.add_row(vec![
            name,
            p.cases.to_string(),
            opt(p.per_year.map(num)),
            lead(0),
            lead(1),
            lead(2),
        ]);
    }
    right(&mut t, [1, 2, 3, 4, 5]);
    out += &format!("{t}\n");
    out
}
