//! How the command line presents the application layer's values: tables for people (comfy-table),
//! CSV and JSON for programs.

pub mod analyse;
pub mod centre;
pub mod compare;
pub mod milestones;
pub mod schedule;

use std::io::Write as _;

use comfy_table::{CellAlignment, ContentArrangement, Table, TableComponent, presets};
use permitflow_i18n::{Lang, tr};
use permitflow_model::Calendar;

/// Output for people or programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned tables.
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON.
    Json,
}

/// Prints to standard output. A closed pipe (`| head`) ends the output quietly; any other
/// failure (a full disk, `> /dev/full`) is an error: the output is incomplete.
pub fn print(text: &str) -> Result<(), permitflow_app::Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_failed(&e)),
        _ => Ok(()),
    }
}

/// Standard output could not be written (not a closed pipe): the output is incomplete.
pub fn stdout_failed(e: &std::io::Error) -> permitflow_app::Error {
    permitflow_app::Error::msg(tr!("cli-stdout-failed", error = e.to_string()))
}

/// Prints `text` in `format`; CSV for Excel (`--excel`) starts with the UTF-8 byte-order mark.
pub fn print_in(
    text: &str,
    format: OutputFormat,
    excel: bool,
) -> Result<(), permitflow_app::Error> {
    excel_applies(
        format == OutputFormat::Csv,
        excel,
        &tr!("cli-needs-format-csv"),
    )?;
    if excel {
        print(&format!("{}{text}", permitflow_app::write::UTF8_BOM))
    } else {
        print(text)
    }
}

/// `--excel` marks CSV for Excel: refused with any other output, naming what to add (`needs`).
pub fn excel_applies(csv: bool, excel: bool, needs: &str) -> Result<(), permitflow_app::Error> {
    if excel && !csv {
        return Err(permitflow_app::Error::msg(tr!(
            "cli-excel-needs-csv",
            needs = needs
        )));
    }
    Ok(())
}

/// Writes an output file, or standard output for `-`, never over an input (see
/// `permitflow_app::write`).
pub fn output(path: &std::path::Path, bytes: &[u8]) -> Result<(), permitflow_app::Error> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        return match out.write_all(bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_failed(&e)),
            _ => Ok(()),
        };
    }
    permitflow_app::write::file(path, bytes)
}

/// Writes a chart by the file's extension (SVG or PNG).
pub fn chart(
    path: &std::path::Path,
    scene: &permitflow_chart::Scene,
    scale: f32,
) -> Result<(), permitflow_app::Error> {
    // A large PNG takes seconds to render.
    let spinner = spinner(tr!("cli-drawing", file = path.display().to_string()));
    let bytes = permitflow_app::write::chart_bytes(path, scene, scale);
    spinner.finish_and_clear();
    output(path, &bytes?)
}

/// A spinner on stderr with `message`, drawn only when stderr is a terminal (indicatif hides it
/// otherwise); `finish_and_clear` it when the work is done.
pub fn spinner(message: String) -> indicatif::ProgressBar {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_message(message);
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}

/// A date for programs (CSV, JSON): ISO whatever the language.
pub fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date for people with its weekday: `2025-03-03 Mon`, `2025年3月3日 星期一`.
pub fn date_day(d: chrono::NaiveDate) -> String {
    match permitflow_i18n::lang() {
        Lang::En => d.format("%Y-%m-%d %a").to_string(),
        Lang::ZhCn => permitflow_i18n::date(d),
    }
}

/// A date for people in a narrow column: `2025-03-03`, `2025年3月3日`.
pub fn date_short(d: chrono::NaiveDate) -> String {
    permitflow_i18n::date_short(d)
}

/// `label: text`, with the colon of the current language (`串联审批：…`).
pub fn labelled(label: &str, text: &str) -> String {
    tr!("cli-labelled", label = label, text = text)
}

/// `calendar cn (2024–2026)`.
pub fn calendar_note(cal: &Calendar) -> String {
    let span = |ys: &[i32]| match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        _ => None,
    };
    let official: Vec<i32> = cal.years().filter(|y| !cal.is_provisional(*y)).collect();
    let provisional: Vec<i32> = cal.provisional_years().collect();
    let name = cal.name();
    match (span(&official), span(&provisional)) {
        (Some(o), Some(p)) => tr!(
            "cli-calendar-note-provisional",
            name = name,
            official = o,
            provisional = p
        ),
        (Some(o), None) => tr!("cli-calendar-note", name = name, official = o),
        (None, Some(p)) => tr!(
            "cli-calendar-note-only-provisional",
            name = name,
            provisional = p
        ),
        (None, None) => tr!("cli-calendar-note-none", name = name),
    }
}

/// A table with a rule under its header, wrapped to 110 columns.
pub fn table(header: Vec<String>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_style(TableComponent::HeaderLines, '─')
        .set_style(TableComponent::MiddleHeaderIntersections, '─')
        .set_style(TableComponent::LeftHeaderIntersection, '─')
        .set_style(TableComponent::RightHeaderIntersection, '─')
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(110)
        .set_header(header);
    t
}

/// A table that never wraps, for reports whose rows must stay on one line.
pub fn wide_table(header: Vec<String>) -> Table {
    let mut t = table(header);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t
}

/// Right-aligns the given columns (numbers).
pub fn right(t: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for c in columns {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// An app-layer result table as a terminal table that never wraps, numbers right-aligned.
pub fn rows_table(rows: &permitflow_app::rows::tables::Table) -> String {
    let mut t = wide_table(rows.columns.clone());
    for r in &rows.rows {
        t.add_row(r.clone());
    }
    right(&mut t, rows.numeric.clone());
    t.to_string()
}

/// Rows as CSV through the csv crate (quoting where needed).
pub fn csv_text<R: AsRef<[u8]>>(rows: impl IntoIterator<Item = Vec<R>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = w.write_record(row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `\nProject attributes: underground_area = 5000, …` for a flow resolved with attributes; empty
/// for one without.
pub fn attributes_line(s: &permitflow_model::Scenario) -> String {
    match permitflow_app::rows::attribute_values(s) {
        Some(values) => format!("\n{}", tr!("cli-attributes-line", values = values)),
        None => String::new(),
    }
}

/// A JSON object's `attributes` (the values used) for a scenario that has attributes; other
/// outputs read as before.
pub fn insert_attributes(s: &permitflow_model::Scenario, v: &mut serde_json::Value) {
    let attrs = permitflow_app::export::attributes_json(s);
    if !attrs.is_empty()
        && let Some(o) = v.as_object_mut()
    {
        o.insert("attributes".into(), serde_json::Value::Object(attrs));
    }
}
