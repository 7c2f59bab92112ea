//! Writing what a calibration fitted: the scenario (`-o`), in the base file's own layout and
//! comments when the base is a TOML file, checked to load before it is written; and the
//! portfolio (`--portfolio`): each project type's arrivals a year and each department's most
//! cases in progress at once, for `permitflow centre`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use permitflow_i18n::tr;
use permitflow_model::event_log::Checked;
use permitflow_model::{Format, Scenario, parse_scenario};

use super::fitted::quoted;
use super::{Calibration, FitNotes, fitted_draft, provenance};
use crate::{Error, Loaded};

/// A fitted scenario: the text of its file, the scenario it reads as, and what was fitted.
#[derive(Clone, Debug)]
pub struct Fitted {
    /// The TOML file.
    pub text: String,
    /// The scenario the text reads as.
    pub scenario: Scenario,
    /// What fitting changed and left.
    pub notes: FitNotes,
}

/// The fitted scenario as the text of a TOML file; with a TOML base, the base file's text with
/// only the fitted numbers changed (comments, sources and layout kept).
pub fn fitted_toml(
    c: &Calibration,
    checked: &Checked,
    base: Option<&Loaded>,
) -> Result<Fitted, Error> {
    let failed = |why: String| {
        Error::help(
            tr!(
                "app-calibrate-fit-failed",
                file = c.label.as_str(),
                why = why
            ),
            tr!("app-calibrate-fit-failed.help"),
        )
    };
    let (draft, notes) = fitted_draft(c, checked, base.map(|b| &b.scenario)).map_err(failed)?;
    let original = base
        .and_then(|b| b.save_path.as_deref())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .and_then(|p| std::fs::read_to_string(p).ok());
    let text = match original {
        Some(o) => crate::keep::scenario_toml(&draft, Some(&o)),
        // The writer's layout made readable as files are written by hand (inline tables).
        None => crate::keep::scenario_toml(&draft, None).and_then(|t| crate::keep::hand_layout(&t)),
    }
    .map_err(failed)?;
    // What is written must load: the numbers a log gives are checked as any file's are.
    let scenario =
        parse_scenario(&text, &c.label, Format::Toml).map_err(|e| failed(e.to_string()))?;
    Ok(Fitted {
        text,
        scenario,
        notes,
    })
}

/// The most cases each department had in progress on one day (received and not yet completed,
/// not stopped for a correction or a special procedure), by name.
pub fn peak_in_progress(checked: &Checked) -> BTreeMap<String, usize> {
    let mut changes: HashMap<&str, BTreeMap<NaiveDate, i64>> = HashMap::new();
    for s in &checked.spans {
        let d = changes.entry(&*s.department).or_default();
        let mut add = |day: NaiveDate, k: i64| *d.entry(day).or_default() += k;
        let next = |day: NaiveDate| day.succ_opt().unwrap_or(day);
        add(s.received.date, 1);
        for stop in &s.stops {
            add(next(stop.from.date), -1);
            add(stop.to.date, 1);
        }
        add(next(s.completed.date), -1);
    }
    changes
        .into_iter()
        .map(|(dept, days)| {
            let mut open = 0i64;
            let mut peak = 0i64;
            for k in days.values() {
                open += k;
                peak = peak.max(open);
            }
            (dept.to_owned(), usize::try_from(peak.max(1)).unwrap_or(1))
        })
        .collect()
}

/// The portfolio of the log's project types, each on the fitted scenario at `scenario` (as the
/// portfolio names it) under `regime`; the warm-up is the longest observed lead time's P95, so
/// the year starts with the pipeline a running centre has.
pub fn portfolio_toml(c: &Calibration, checked: &Checked, scenario: &str, regime: &str) -> String {
    let warmup = c
        .project_types
        .iter()
        .filter_map(|t| t.lead.map(|l| l[2]))
        .fold(0.0_f64, f64::max)
        .ceil();
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Fitted by `permitflow calibrate` from {}:\n\
         # arrivals a year per project type, and as each department's reviewers the most cases it\n\
         # had in progress on one day (a starting point: check utilisation with `permitflow centre`).",
        c.label
    );
    let _ = writeln!(t, "version = 1");
    let _ = writeln!(t, "name = {}", quoted(&format!("Fitted from {}", c.label)));
    let _ = writeln!(t, "horizon = 250");
    if warmup > 0.0 {
        let _ = writeln!(t, "warmup = {warmup}");
    }
    for p in &c.project_types {
        let name = if p.project_type.is_empty() {
            "project"
        } else {
            &p.project_type
        };
        let _ = writeln!(t, "\n[[projects]]\nname = {}", quoted(name));
        let _ = writeln!(t, "scenario = {}", quoted(scenario));
        let _ = writeln!(t, "regime = {}", quoted(regime));
        let source = provenance(c, p.cases);
        let source = source.as_text().unwrap_or_default();
        match p.per_year {
            Some(v) => {
                let _ = writeln!(
                    t,
                    "per_year = {{ value = {}, source = {} }}",
                    (v * 10.0).round() / 10.0,
                    quoted(source)
                );
            }
            // All arrived on one day: the cases are taken as a year's.
            None => {
                let _ = writeln!(
                    t,
                    "per_year = {{ value = {}, source = {} }}",
                    p.cases,
                    quoted(&format!(
                        "{source} (one day of arrivals, taken as a year's)"
                    ))
                );
            }
        }
    }
    for (dept, peak) in peak_in_progress(checked) {
        let _ = writeln!(t, "\n[[departments]]\nname = {}", quoted(&dept));
        let _ = writeln!(
            t,
            "reviewers = {{ value = {peak}, source = {} }}",
            quoted(&format!(
                "{}; most cases in progress on one day",
                provenance(c, c.project_types.iter().map(|t| t.cases).sum())
                    .as_text()
                    .unwrap_or_default()
            ))
        );
    }
    t
}

/// The portfolio's path to the scenario (written already): relative to the portfolio's folder
/// when it is in it, else absolute.
pub fn scenario_ref(portfolio: &Path, scenario: &Path) -> String {
    let dir = portfolio.parent().unwrap_or(Path::new(""));
    if dir.as_os_str().is_empty() && scenario.parent() == Some(Path::new("")) {
        return scenario.display().to_string();
    }
    match scenario.strip_prefix(dir) {
        Ok(rel) if !dir.as_os_str().is_empty() => rel.display().to_string(),
        _ => std::fs::canonicalize(scenario)
            .unwrap_or_else(|_| scenario.to_path_buf())
            .display()
            .to_string(),
    }
}
