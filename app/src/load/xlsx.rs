//! An item list in the first sheet of an .xlsx workbook: the same columns as the CSV item list.
//! The sheet becomes CSV text read by the same code; problems are reported by sheet, row and
//! cell (e.g. `C5`).

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, Xlsx};
use chrono::NaiveDate;
use permitflow_model::csv_item_list::{MAX_CELLS, parse_item_list};
use permitflow_model::{Code, Diagnostic, Diagnostics, Scenario};

use crate::Error;

/// The most bytes a workbook's parts may unpack to, all together: checked from the sizes the
/// archive declares and again while unpacking, before calamine reads a part.
pub const MAX_XLSX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most columns an item-list sheet may use (the item list has 21).
pub const MAX_SHEET_COLUMNS: u32 = 256;
/// The last sheet row read: Excel's last row (1,048,576); a longer item list is a CSV file (up
/// to [`permitflow_model::format::MAX_ITEMS`] items).
pub const MAX_SHEET_ROWS: u32 = 1_048_576;
/// The most cells in the block from the first used row and column to the last (each becomes a
/// CSV cell): every row of a full sheet with 32 columns (the item list has 21), and never more
/// than an item list may have.
pub const MAX_SHEET_CELLS: u64 = {
    let sheet = MAX_SHEET_ROWS as u64 * 32;
    if sheet < MAX_CELLS as u64 {
        sheet
    } else {
        MAX_CELLS as u64
    }
};

/// Reads the workbook in `bytes` into a scenario named after `stem`, starting on `start`.
pub(super) fn read(
    bytes: Vec<u8>,
    label: &str,
    stem: &str,
    start: NaiveDate,
) -> Result<Scenario, Error> {
    let fail = |msg: String, help: &str| {
        Error::diagnostic(Diagnostic::new(Code::Unreadable, label, msg).help(help))
    };
    check_unpacked(&bytes, label)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        fail(
            format!("not a readable .xlsx workbook: {e}"),
            "save the spreadsheet as an Excel workbook (.xlsx) or as CSV UTF-8",
        )
    })?;
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Err(fail(
            "the workbook has no sheet".into(),
            "put the item list on the first sheet",
        ));
    };
    let cells = read_cells(&mut book, &sheet).map_err(|e| match e {
        CellsError::Calamine(e) => fail(
            format!("cannot read sheet `{sheet}`: {e}"),
            "check the workbook opens in a spreadsheet program",
        ),
        CellsError::Block(rows, cols) => fail(
            format!(
                "sheet `{sheet}` uses a block of {rows} rows by {cols} columns; an item list may use at most {MAX_SHEET_CELLS} cells"
            ),
            "delete stray cells far from the item list (or copy the list into a new workbook), or save the sheet as CSV UTF-8",
        ),
        CellsError::TooMany => fail(
            format!("sheet `{sheet}` holds more than {MAX_SHEET_CELLS} values, the most an item list may have"),
            "check that the first sheet is the item list; save a very large list as CSV UTF-8 in parts",
        ),
        CellsError::Outside(row, col) => fail(
            format!(
                "sheet `{sheet}` has a value in cell {}{}, outside the {} columns and {} rows an item list may use",
                column_letters(col as usize),
                row as u64 + 1,
                MAX_SHEET_COLUMNS,
                MAX_SHEET_ROWS
            ),
            "delete the cells far right of or below the item list (or copy the list into a new workbook), or save the sheet as CSV UTF-8",
        ),
    })?;
    let (text, first_row, first_col) = to_csv(cells);
    let where_label = format!("{label} (sheet {sheet})");
    parse_item_list(&text, &where_label, stem, start).map_err(|Diagnostics(ds)| {
        // Where each CSV line starts, found once.
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ds = ds
            .into_iter()
            .map(|mut d| {
                if let (Some(line), Some(span)) = (d.line, d.span.take()) {
                    // The cell: count the separators before the span on its line.
                    let line_start = match line_starts.binary_search(&span.start) {
                        Ok(i) => line_starts[i],
                        Err(i) => line_starts[i.saturating_sub(1)],
                    };
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

/// A non-empty cell: its 0-based (row, column) and value.
type SheetCell = ((u32, u32), Data);

/// Why the sheet's cells could not be read.
enum CellsError {
    Calamine(calamine::XlsxError),
    /// A value at this 0-based (row, column), beyond the bounds.
    Outside(u32, u32),
    /// The used block's rows and columns, more cells than [`MAX_SHEET_CELLS`].
    Block(u64, u64),
    /// More values than [`MAX_SHEET_CELLS`].
    TooMany,
}

/// The sheet's non-empty cells, streamed: each is checked against the bounds as it is read, so
/// a sheet that claims (or uses) `XFD1048576` is refused before anything is allocated for it.
fn read_cells(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Result<Vec<SheetCell>, CellsError> {
    let mut reader = match book.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(CellsError::Calamine(e)),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(CellsError::Calamine)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        if row >= MAX_SHEET_ROWS || col >= MAX_SHEET_COLUMNS {
            return Err(CellsError::Outside(row, col));
        }
        cells.push(((row, col), Data::from(cell.get_value().clone())));
        // More values than the block may hold: refused before the rest are read.
        if cells.len() as u64 > MAX_SHEET_CELLS {
            return Err(CellsError::TooMany);
        }
    }
    cells.sort_by_key(|(pos, _)| *pos);
    if let (Some(((r0, _), _)), Some(((r1, _), _))) = (cells.first(), cells.last()) {
        let c0 = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
        let c1 = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(0);
        let (rows, cols) = (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1);
        if rows * cols > MAX_SHEET_CELLS {
            return Err(CellsError::Block(rows, cols));
        }
    }
    Ok(cells)
}

/// The cells as CSV text, every cell quoted and line breaks inside cells flattened, so CSV line
/// n is row n of the used block; with the block's first row and column (0-based).
fn to_csv(cells: Vec<SheetCell>) -> (String, usize, usize) {
    let Some(first_row) = cells.first().map(|((r, _), _)| *r) else {
        return (String::new(), 0, 0);
    };
    let last_row = cells.last().map(|((r, _), _)| *r).unwrap_or(first_row);
    let first_col = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let last_col = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(0);
    let mut text = String::new();
    let mut cells = cells.into_iter().peekable();
    for row in first_row..=last_row {
        for col in first_col..=last_col {
            if col > first_col {
                text.push(',');
            }
            text.push('"');
            if let Some((_, value)) = cells.next_if(|((r, c), _)| (*r, *c) == (row, col)) {
                let v = match value {
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", f as i64)
                    }
                    other => other.to_string(),
                };
                text.push_str(&v.replace(['\n', '\r'], " ").replace('"', "\"\""));
            }
            text.push('"');
        }
        text.push('\n');
    }
    (text, first_row as usize, first_col as usize)
}

/// Refuses a workbook whose parts unpack to more than [`MAX_XLSX_UNPACKED`] bytes: first by the
/// sizes the archive declares, then by unpacking each part (bounded, into nothing), since a
/// declared size can lie.
fn check_unpacked(bytes: &[u8], label: &str) -> Result<(), Error> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports what is wrong with the archive
    };
    let too_big = |part: &str| {
        Error::diagnostic(
            Diagnostic::new(
                Code::Unreadable,
                label,
                format!(
                    "the workbook unpacks to more than {} MB (at part `{}`), the most permitflow reads",
                    MAX_XLSX_UNPACKED / (1024 * 1024),
                    permitflow_model::diag::clip(part)
                ),
            )
            .help("re-save the workbook without padding, images or other sheets (or save the item list as CSV UTF-8)"),
        )
    };
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            declared = declared.saturating_add(f.size());
            if declared > MAX_XLSX_UNPACKED {
                return Err(too_big(
                    &f.name().map(|n| n.into_owned()).unwrap_or_default(),
                ));
            }
        }
    }
    let mut left = MAX_XLSX_UNPACKED;
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index(i) else { continue };
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        // The zip reader also stops at the declared size; either way a lie ends here.
        let read = std::io::copy(&mut f.take(left + 1), &mut std::io::sink()).map_err(|e| {
            Error::diagnostic(
                Diagnostic::new(
                    Code::Unreadable,
                    label,
                    format!(
                        "the workbook's part `{}` cannot be unpacked: {e}",
                        permitflow_model::diag::clip(&name)
                    ),
                )
                .help("open the workbook in a spreadsheet program and save it again (or save the item list as CSV UTF-8)"),
            )
        })?;
        if read > left {
            return Err(too_big(&name));
        }
        left -= read;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A zip of one part of `n` spaces, whose headers then claim it unpacks to 1,000 bytes.
    fn lying_zip(n: usize) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..n >> 20 {
            w.write_all(&chunk).unwrap();
        }
        let mut bytes = w.finish().unwrap().into_inner();
        let size = (n as u32).to_le_bytes();
        let mut patched = 0;
        for i in 0..bytes.len().saturating_sub(4) {
            let (sig, at) = match bytes[i..i + 4] {
                [0x50, 0x4b, 0x03, 0x04] => ("local", i + 22),
                [0x50, 0x4b, 0x01, 0x02] => ("central", i + 24),
                _ => continue,
            };
            assert_eq!(bytes[at..at + 4], size, "{sig} header");
            bytes[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
            patched += 1;
        }
        assert_eq!(patched, 2);
        bytes
    }

    #[test]
    fn declared_sizes_that_lie_are_caught_while_unpacking() {
        for n in [300 << 20, 1 << 20] {
            let e = check_unpacked(&lying_zip(n), "bomb.xlsx").unwrap_err();
            assert!(
                e.render().contains(
                    "the workbook's part `xl/worksheets/sheet1.xml` cannot be unpacked: File is larger than its declared uncompressed size"
                ),
                "{e}"
            );
        }
    }
}
