//! `permitflow check`: validate files, solve every regime, check the targets.

use std::path::PathBuf;

use chrono::NaiveDate;
use permitflow_app::load::{UserCalendars, load_with};
use permitflow_app::{Error, Warning};
use permitflow_solver::{Method, check_targets, evaluate_all};

use super::{INVALID, MISSED};
use crate::render::print;

/// Checks every file; the worst exit code (a bad file is reported and the others still run).
/// An error only when standard output cannot be written. With `strict_calendar`, dates in a
/// year whose holidays are provisional or unknown are a failure (exit 1).
pub fn run(
    files: &[PathBuf],
    start: Option<NaiveDate>,
    strict_calendar: bool,
    user: &UserCalendars,
) -> Result<u8, Error> {
    let mut worst = 0u8;
    for f in files {
        let loaded = match load_with(Some(f), start, user) {
            Ok(l) => l,
            Err(e) => {
                eprint!("{}", e.render());
                worst = worst.max(INVALID);
                continue;
            }
        };
        let s = &loaded.scenario;
        let outcomes = evaluate_all(s, &loaded.calendar, Method::Paths);
        let mut line = format!(
            "{}: {} stages, {} items, {} links, {} regimes",
            loaded.label,
            s.stages.len(),
            s.items.len(),
            s.links.len(),
            s.regimes.len()
        );
        for (r, o) in s.regimes.iter().zip(&outcomes) {
            match o {
                Ok(o) => line.push_str(&format!(
                    "\n  {}: {} working days",
                    r.name,
                    o.working_days()
                )),
                Err(e) => {
                    line.push_str(&format!("\n  {}: no schedule: {e}", r.name));
                    worst = worst.max(INVALID);
                }
            }
        }
        for t in check_targets(s, &outcomes) {
            let mark = match t.met {
                Some(true) => "met",
                Some(false) => {
                    worst = worst.max(MISSED);
                    "MISSED"
                }
                None => "n/a",
            };
            line.push_str(&format!(
                "\n  target {mark}: {}: {}",
                t.target.name, t.detail
            ));
        }
        let ok: Vec<_> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
        if let Some(w) = Warning::calendar_coverage(&loaded.calendar, &ok) {
            let mark = if strict_calendar {
                worst = worst.max(MISSED);
                "FAILED"
            } else {
                "warning"
            };
            line.push_str(&format!("\n  calendar {mark}: {}", w.short()));
            eprintln!("{}: {w}", loaded.label);
        }
        print(&format!("{line}\n"))?;
    }
    Ok(worst)
}
