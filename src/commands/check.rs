//! `permitflow check`: validate files, solve every regime, check the targets; a family's default
//! project and then each of its `[[variants]]` (`file.toml#ID`), unless `--variant` names one or
//! `--variants none`.

use std::path::PathBuf;

use chrono::NaiveDate;
use permitflow_app::batch::Variants;
use permitflow_app::load::{Choice, Loaded, UserCalendars, load_as, variant_ids};
use permitflow_app::rows::target_detail;
use permitflow_app::{Error, Warning};
use permitflow_i18n::tr;
use permitflow_solver::{Method, check_targets, evaluate_all};

use super::{INVALID, MISSED};
use crate::render::{labelled, print};

/// Checks every file (and every variant of a family); the worst exit code (a bad file or variant
/// is reported and the others still run). An error only when standard output cannot be written.
/// With `strict_calendar`, dates in a year whose holidays are provisional or unknown are a
/// failure (exit 1).
pub fn run(
    files: &[PathBuf],
    start: Option<NaiveDate>,
    strict_calendar: bool,
    variants: Variants,
    user: &UserCalendars,
) -> Result<u8, Error> {
    let mut worst = 0u8;
    let process = Choice::of_process();
    for f in files {
        let first = load_as(f, start, user, &process).map(|(l, _)| l);
        // Every variant, unless the user named one or asked for the defaults only.
        let ids: Vec<String> = if process.variant.is_some() || variants == Variants::None {
            Vec::new()
        } else if let Ok(l) = &first {
            l.scenario
                .rules
                .variants
                .iter()
                .map(|v| v.id.clone())
                .collect()
        } else {
            variant_ids(f)
        };
        worst = worst.max(project(first, process.variant.as_deref(), strict_calendar)?);
        for id in &ids {
            let loaded = load_as(f, start, user, &process.with_variant(Some(id))).map(|(l, _)| l);
            worst = worst.max(project(loaded, Some(id), strict_calendar)?);
        }
    }
    Ok(worst)
}

/// Reports one project: the file's default one, or its variant `id` (checked against the bounds
/// only: a published figure is of the default project, as in `batch`). Gives its exit code.
fn project(
    loaded: Result<Loaded, Error>,
    variant: Option<&str>,
    strict_calendar: bool,
) -> Result<u8, Error> {
    let mut worst = 0u8;
    let mut loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            eprint!("{}", e.render());
            return Ok(INVALID);
        }
    };
    if let Some(id) = variant {
        loaded.label = format!("{}#{id}", loaded.label);
    }
    let s = &loaded.scenario;
    let outcomes = evaluate_all(s, &loaded.calendar, Method::Paths);
    let mut line = tr!(
        "cli-check-summary",
        file = loaded.label.as_str(),
        stages = s.stages.len(),
        items = s.items.len(),
        links = s.links.len(),
        regimes = s.regimes.len()
    );
    line.push_str(&crate::render::attributes_line(s).replace('\n', "\n  "));
    for (r, o) in s.regimes.iter().zip(&outcomes) {
        let name = s.regime_label(&r.name);
        match o {
            Ok(o) => line.push_str(&format!(
                "\n  {}",
                labelled(
                    &name,
                    &tr!(
                        "cli-check-clocks",
                        approval = o.approval_days.to_string(),
                        days = o.working_days().to_string(),
                        calendar = o.calendar_days
                    )
                )
            )),
            Err(e) => {
                line.push_str(&format!(
                    "\n  {}",
                    labelled(
                        &name,
                        &tr!("cli-no-schedule-because", error = e.to_string())
                    )
                ));
                worst = worst.max(INVALID);
            }
        }
    }
    line.push_str(&format!(
        "\n  {}",
        permitflow_app::rows::assumed_note(&permitflow_model::assumed::figures(s))
    ));
    let mut checks = check_targets(s, &outcomes);
    if variant.is_some() {
        checks.retain(|t| !t.target.exact);
    }
    for t in checks {
        let mark = match t.met {
            Some(true) => tr!("cli-check-target-met"),
            Some(false) => {
                worst = worst.max(MISSED);
                tr!("cli-check-target-missed")
            }
            None => tr!("cli-check-target-na"),
        };
        let o = s
            .regimes
            .iter()
            .position(|r| r.name == t.target.regime)
            .and_then(|i| outcomes[i].as_ref().ok());
        let detail = labelled(&t.target.name, &target_detail(&t, o));
        line.push_str(&format!("\n  {}", labelled(&mark, &detail)));
    }
    let ok: Vec<_> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    if let Some(w) = Warning::calendar_coverage(&loaded.calendar, &ok) {
        let mark = if strict_calendar {
            worst = worst.max(MISSED);
            tr!("cli-check-calendar-failed")
        } else {
            tr!("cli-check-calendar-warning")
        };
        line.push_str(&format!("\n  {}", labelled(&mark, &w.short_text())));
        eprintln!("{}", labelled(&loaded.label, &w.to_string()));
    }
    print(&format!("{line}\n"))?;
    Ok(worst)
}
