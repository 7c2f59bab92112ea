//! An item list in the first sheet of an .xlsx workbook: the same columns as the CSV item list.
//! The sheet becomes CSV text read by the same code; problems are reported by sheet, row and
//! cell (e.g. `C5`).

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{Code, Diagnostic, Diagnostics, Scenario};

use super::read_bytes;
use crate::Error;

/// Reads the workbook at `path` into a scenario named after `stem`, starting on `start`.
pub(super) fn read(
    path: &Path,
    label: &str,
    stem: &str,
    start: NaiveDate,
) -> Result<Scenario, Error> {
    let fail = |msg: String, help: &str| {
        Error::diagnostic(Diagnostic::new(Code::Unreadable, label, msg).help(help))
    };
    let bytes = read_bytes(path, label).map_err(Error::diagnostic)?;
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
    let where_label = format!("{label} (sheet {sheet})");
    parse_item_list(&text, &where_label, stem, start).map_err(|Diagnostics(ds)| {
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
        Error::invalid(Diagnostics(ds))
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
