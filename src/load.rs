//! Reading scenario files (the only place that does), applying what-ifs, and rendering
//! diagnostics for a terminal.

use std::path::Path;

use chrono::NaiveDate;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{
    Calendar, Code, Diagnostic, Diagnostics, Format, HolidayYear, ItemId, MeasureId, Scenario,
    WorkingDays, parse_scenario, validate,
};

/// The default scenario, built into the binary so `permitflow` works from any directory.
pub const DEFAULT_NAME: &str = "scenarios/social-investment-housing.toml";
pub const DEFAULT_TEXT: &str = include_str!("../scenarios/social-investment-housing.toml");

/// A scenario ready to solve.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Scenario,
    pub calendar: Calendar,
    /// The file as the user named it.
    pub label: String,
}

/// Diagnostics rendered for the terminal.
#[derive(Debug)]
pub struct Rendered(pub String);

/// Reads a scenario, a CSV item list, or the default scenario.
pub fn load(path: Option<&Path>, csv_start: Option<NaiveDate>) -> Result<Loaded, Rendered> {
    let (label, text) = match path {
        None => (DEFAULT_NAME.to_owned(), DEFAULT_TEXT.to_owned()),
        Some(p) => {
            let label = p.display().to_string();
            let text = read_text(p, &label).map_err(|d| render(&Diagnostics::single(d), None))?;
            (label, text)
        }
    };
    let lower = label.to_ascii_lowercase();
    let parsed = if lower.ends_with(".csv") {
        let stem = path
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        let start = csv_start.unwrap_or_else(|| chrono::Local::now().date_naive());
        parse_item_list(&text, &label, &stem, start)
    } else if lower.ends_with(".toml") || lower.ends_with(".json") {
        parse_scenario(&text, &label, Format::from_path(&lower))
    } else {
        Err(Diagnostics::single(
            Diagnostic::new(Code::Unreadable, &label, "unsupported file type")
                .help("permitflow reads scenario files (.toml, .json) and CSV item lists (.csv)"),
        ))
    };
    let scenario = parsed.map_err(|d| render(&d, Some(&text)))?;
    let calendar = calendar_for(&scenario, path.and_then(Path::parent)).map_err(|d| {
        let d = d.subject(format!("calendar.files of {label}"));
        render(&Diagnostics::single(d), None)
    })?;
    Ok(Loaded {
        scenario,
        calendar,
        label,
    })
}

fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::new(
            Code::Unreadable,
            label,
            format!("cannot read the file: {e}"),
        )
        .help("check the path and that you may read the file")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, column) = permitflow_model::diag::line_col(&valid, valid.len());
        Diagnostic::new(Code::Unreadable, label, "the file is not UTF-8 text")
            .at_line_col(line, column)
            .help(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"); files in GBK must be converted first",
            )
    })
}

/// The scenario's base calendar plus its holiday-cn files (relative to the scenario).
fn calendar_for(s: &Scenario, dir: Option<&Path>) -> Result<Calendar, Diagnostic> {
    let mut cal = Calendar::for_base(s.calendar.base);
    for f in &s.calendar.files {
        let path = dir.map(|d| d.join(f)).unwrap_or_else(|| f.into());
        let label = path.display().to_string();
        let text = read_text(&path, &label)?;
        let year = HolidayYear::parse_holiday_cn(&text, &label)?;
        cal.add_year(&year);
    }
    Ok(cal)
}

/// Parses a `--start` date.
pub fn parse_date(text: &str) -> Result<NaiveDate, Rendered> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Rendered(format!(
            "error: `{text}` is not a date\n  = help: write it as YYYY-MM-DD, e.g. 2025-03-03\n"
        ))
    })
}

/// Applies `--start`, `--set ID.days=N` and `--measure REGIME±MEASURE`, then validates again.
pub fn apply_what_ifs(
    loaded: &mut Loaded,
    start: Option<NaiveDate>,
    sets: &[String],
    measures: &[String],
) -> Result<(), Rendered> {
    let s = &mut loaded.scenario;
    let mut problems = Vec::new();
    if let Some(d) = start {
        s.start = d;
    }
    for set in sets {
        let Some((lhs, value)) = set.split_once('=') else {
            problems.push(format!(
                "`--set {set}`: write ID.days=N, e.g. fire_design.days=3"
            ));
            continue;
        };
        let Some((id, field)) = lhs.trim().rsplit_once('.') else {
            problems.push(format!(
                "`--set {set}`: write ID.days=N, e.g. fire_design.days=3"
            ));
            continue;
        };
        if field != "days" {
            problems.push(format!(
                "`--set {set}`: only an item's `days` can be set from the command line"
            ));
            continue;
        }
        let Ok(v) = value.trim().parse::<f64>() else {
            problems.push(format!(
                "`--set {set}`: `{value}` is not a number of working days"
            ));
            continue;
        };
        match s.item_mut(&ItemId::new(id)) {
            Some(item) => item.days.value = WorkingDays::new(v),
            None => problems.push(format!("`--set {set}`: there is no item `{id}`")),
        }
    }
    for m in measures {
        match split_measure(s, m) {
            Some((regime, add, measure)) => {
                let known = s.measure(&MeasureId::new(&measure)).is_some();
                let Some(r) = s.regime_mut(&regime) else {
                    continue;
                };
                if add {
                    if !known {
                        problems.push(format!(
                            "`--measure {m}`: there is no measure `{measure}`; declare it under [[measures]] or use joint_review or online_submission"
                        ));
                    } else if !r.measures.iter().any(|x| x.as_str() == measure) {
                        r.measures.push(MeasureId::new(&measure));
                    }
                } else {
                    let before = r.measures.len();
                    r.measures.retain(|x| x.as_str() != measure);
                    if r.measures.len() == before {
                        problems.push(format!(
                            "`--measure {m}`: regime `{regime}` has no measure `{measure}`"
                        ));
                    }
                }
            }
            None => problems.push(format!(
                "`--measure {m}`: write REGIME+MEASURE or REGIME-MEASURE with one of the regimes {}",
                s.regimes
                    .iter()
                    .map(|r| format!("`{}`", r.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
    if !problems.is_empty() {
        return Err(Rendered(
            problems
                .iter()
                .map(|p| format!("error: {p}\n"))
                .collect::<String>(),
        ));
    }
    let checked = validate(&loaded.scenario, &loaded.label).map_err(|d| render(&d, None))?;
    loaded.scenario = checked;
    Ok(())
}

/// Splits `REGIME+MEASURE` / `REGIME-MEASURE` at the sign after a known regime name (regime
/// names may themselves contain `-`).
fn split_measure(s: &Scenario, text: &str) -> Option<(String, bool, String)> {
    text.char_indices()
        .filter(|(_, c)| *c == '+' || *c == '-')
        .find_map(|(i, c)| {
            let regime = &text[..i];
            s.regime(regime)
                .map(|_| (regime.to_owned(), c == '+', text[i + 1..].to_owned()))
        })
}

/// Renders diagnostics: with the source text, a snippet pointing at the place.
pub fn render(diags: &Diagnostics, text: Option<&str>) -> Rendered {
    let mut out = String::new();
    let config = Config {
        chars: term::Chars::ascii(),
        ..Config::default()
    };
    for d in &diags.0 {
        let mut notes = Vec::new();
        if let Some(s) = &d.subject {
            notes.push(format!("in {s}"));
        }
        if !d.help.is_empty() {
            notes.push(format!("help: {}", d.help));
        }
        match (text, &d.span) {
            (Some(text), Some(span)) => {
                let file = SimpleFile::new(d.file.as_str(), text);
                let report = Report::error()
                    .with_code(d.code.as_str())
                    .with_message(&d.message)
                    .with_labels(vec![Label::primary((), span.clone())])
                    .with_notes(notes);
                match term::emit_into_string(&config, &file, &report) {
                    Ok(s) => out.push_str(&s),
                    Err(_) => out.push_str(&format!("{d}\n\n")),
                }
            }
            _ => {
                out.push_str(&format!("error[{}]: {}\n", d.code, d.message));
                out.push_str(&format!("  --> {}\n", d.location()));
                for n in notes {
                    out.push_str(&format!("  = {n}\n"));
                }
                out.push('\n');
            }
        }
    }
    let n = diags.0.len();
    out.push_str(&format!(
        "{n} problem{} found in {}\n",
        if n == 1 { "" } else { "s" },
        diags
            .0
            .first()
            .map(|d| d.file.as_str())
            .unwrap_or("the input")
    ));
    Rendered(out)
}
