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
    if let Some(p) = path
        && p.extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
    {
        return load_xlsx(p, csv_start);
    }
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
            Diagnostic::new(Code::Unreadable, &label, "unsupported file type").help(
                "permitflow reads scenario files (.toml, .json) and item lists (.csv, .xlsx)",
            ),
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

/// An item list in the first sheet of an .xlsx workbook: the same columns as the CSV item list.
/// The sheet becomes CSV text read by the same code; problems are reported by sheet, row and
/// cell (e.g. `C5`).
fn load_xlsx(path: &Path, start: Option<NaiveDate>) -> Result<Loaded, Rendered> {
    use calamine::{Data, Reader, Xlsx};
    let label = path.display().to_string();
    let fail = |msg: String, help: &str| {
        render(
            &Diagnostics::single(Diagnostic::new(Code::Unreadable, &label, msg).help(help)),
            None,
        )
    };
    check_size(path, &label).map_err(|d| render(&Diagnostics::single(d), None))?;
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            format!("cannot read the file: {e}"),
            "check the path and that you may read the file",
        )
    })?;
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| {
        fail(
            format!("not a readable .xlsx workbook: {e}"),
            "save the spreadsheet as an Excel workbook (.xlsx) or as CSV UTF-8",
        )
    })?;
    let sheet = book.sheet_names().first().cloned().unwrap_or_default();
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            return Err(fail(
                format!("cannot read sheet `{sheet}`: {e}"),
                "check the workbook opens in a spreadsheet program",
            ));
        }
        None => {
            return Err(fail(
                "the workbook has no sheet".into(),
                "put the item list on the first sheet",
            ));
        }
    };
    // Every cell quoted, line breaks inside cells flattened, so CSV line n is sheet row n.
    let mut text = String::new();
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                let v = match c {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    other => other.to_string(),
                };
                format!("\"{}\"", v.replace(['\n', '\r'], " ").replace('"', "\"\""))
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.clone());
    let start = start.unwrap_or_else(|| chrono::Local::now().date_naive());
    let where_label = format!("{label} (sheet {sheet})");
    let scenario =
        parse_item_list(&text, &where_label, &stem, start).map_err(|Diagnostics(ds)| {
            let ds = ds
                .into_iter()
                .map(|mut d| {
                    if let (Some(line), Some(span)) = (d.line, d.span.take()) {
                        // The cell: count the separators before the span on its line.
                        let line_start = text[..span.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
                        let mut col = 0;
                        let mut quoted = false;
                        for b in text[line_start..span.start].bytes() {
                            match b {
                                b'"' => quoted = !quoted,
                                b',' if !quoted => col += 1,
                                _ => {}
                            }
                        }
                        let row = first_row + line;
                        let cell = format!("{}{row}", column_letters(first_col + col));
                        d.line = Some(row);
                        d.column = Some(first_col + col + 1);
                        d.subject = Some(match d.subject.take() {
                            Some(s) => format!("cell {cell}, {s}"),
                            None => format!("cell {cell}"),
                        });
                    }
                    d
                })
                .collect();
            render(&Diagnostics(ds), None)
        })?;
    let calendar = calendar_for(&scenario, path.parent())
        .map_err(|d| render(&Diagnostics::single(d), None))?;
    Ok(Loaded {
        scenario,
        calendar,
        label,
    })
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The largest input file read: far beyond any real scenario or item list, small enough that a
/// mistaken path to a huge file is refused before it is read into memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses files larger than [`MAX_INPUT_BYTES`] before reading them.
fn check_size(path: &Path, label: &str) -> Result<(), Diagnostic> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_INPUT_BYTES => Err(Diagnostic::new(
            Code::Unreadable,
            label,
            format!(
                "the file is {} MB; permitflow reads input files up to {} MB",
                m.len() / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .help("check that this is the scenario or item list you meant; split a very large library into files")),
        _ => Ok(()),
    }
}

/// Reads a text file (size-checked, UTF-8), rendering a problem for the terminal.
pub fn read_file(path: &Path) -> Result<String, Rendered> {
    let label = path.display().to_string();
    read_text(path, &label).map_err(|d| render(&Diagnostics::single(d), None))
}

fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    check_size(path, label)?;
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
