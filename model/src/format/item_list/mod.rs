//! The CSV item list: the shape planners keep in spreadsheets, one row per item.
//!
//! Columns (header required, order free, case ignored): `id,name,department,stage,days,after`,
//! optional `lead,kind,materials,joint,floor,cost`, the two clocks `clock,unit,fee`, the spread
//! `dist,min,likely,max`, returns for correction `return_rate,correction_days,rework_days`
//! (`rereview_days` is the older name of `rework_days`) and names in each language
//! `label_zh,label_en`; each may be named in Chinese instead (`columns.rs`: 编号, 事项名称, …).
//! With a Chinese header the names are Chinese: they become the items' Chinese labels. Stages
//! are ordered by first appearance. A stage's lead is given in the `lead` column on any of its
//! rows, or else is the department of its last item (the stage closes with the lead's permit). `after`
//! is a `;`-separated list of predecessors in the `after` syntax of scenario files; `joint` is a
//! group name, or `NAME=DAYS` to give the joint event its own limit. A CSV file gets the three
//! standard regimes.
//!
//! The rows become the scenario file's types and go through the same validation as scenario
//! files, with a locator that knows the cells, so every diagnostic names the row and column.
//! `row.rs` reads one row into an item.

mod chunks;
mod columns;
mod row;

pub use columns::{CHINESE_COLUMNS, header_language};

use std::ops::Range;

use chrono::NaiveDate;
use permitflow_i18n::tr;

use self::row::{Columns, Found, Row, read_row};
use super::file::FileItem;
use super::file::{FileName, FileScenario};
use super::from_file;
use crate::diag::{Code, Collector, Diagnostic, Diagnostics, clip};
use crate::locate::{CsvIndex, Locator};
use crate::scenario::{FORMAT_VERSION, Scenario};

/// The columns every item list has.
pub const REQUIRED_COLUMNS: [&str; 6] = ["id", "name", "department", "stage", "days", "after"];
/// The columns an item list may have.
pub const OPTIONAL_COLUMNS: [&str; 19] = [
    "lead",
    "kind",
    "clock",
    "unit",
    "fee",
    "materials",
    "joint",
    "floor",
    "cost",
    "dist",
    "min",
    "likely",
    "max",
    "return_rate",
    "correction_days",
    "rework_days",
    "label_zh",
    "label_en",
    "when",
];

/// The most cells an item list may have, all rows together: every item with 40 columns. A file of
/// commas is refused before its cells fill memory.
pub const MAX_CELLS: usize = super::MAX_ITEMS * 40;
/// The most cells one row may have (Excel's 16,384 columns): a row of commas is refused before
/// the csv crate makes it one huge record.
pub const MAX_ROW_CELLS: usize = 16_384;

/// Reads a CSV item list. `name` becomes the scenario's name, `start` its start date.
pub fn parse_item_list(
    text: &str,
    file: &str,
    name: &str,
    start: NaiveDate,
) -> Result<Scenario, Diagnostics> {
    read_item_list(text, file, name, start, chunks::Split::usual())
}

/// [`parse_item_list`] with the rows of any list without quotes read in `parts` parts (at most
/// 64), however short: for the differential fuzz target and tests, which hold it to the same
/// result as [`parse_item_list`].
#[doc(hidden)]
pub fn parse_item_list_in_parts(
    text: &str,
    file: &str,
    name: &str,
    start: NaiveDate,
    parts: usize,
) -> Result<Scenario, Diagnostics> {
    read_item_list(text, file, name, start, chunks::Split::forced(parts))
}

fn read_item_list(
    text: &str,
    file: &str,
    name: &str,
    start: NaiveDate,
    split: chunks::Split,
) -> Result<Scenario, Diagnostics> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    if body.trim().is_empty() {
        return Err(Diagnostics::single(
            Diagnostic::new(Code::Empty, file, tr!("diag-csv-empty")).help(tr!(
                "diag-csv-empty.help",
                header = columns::shown_list(&REQUIRED_COLUMNS)
            )),
        ));
    }
    let mut records = Records::new(text, body, bom, file)?;
    let mut out = Collector::new(file, text);
    let mut record = csv::StringRecord::new();
    let mut header_cells = Vec::new();
    let Some(header_range) = records.next(&mut record, &mut header_cells)? else {
        return Err(Diagnostics::single(Diagnostic::new(
            Code::Empty,
            file,
            tr!("diag-csv-empty"),
        )));
    };
    let header: Vec<String> = record
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let lang = header_language(&header);
    // Columns named in Chinese are read as their English names from here on.
    let header: Vec<String> = header
        .into_iter()
        .map(|h| columns::canonical(&h).map_or(h, |(c, _)| c.to_owned()))
        .collect();
    check_header(&mut out, &header, &header_cells, &header_range);
    if !out.is_empty() {
        return Err(out.into_diagnostics());
    }

    let mut raw = FileScenario {
        version: FORMAT_VERSION,
        name: FileName::Text(name.to_owned()),
        label_zh: None,
        label_en: None,
        description: permitflow_i18n::message_in(
            lang,
            "model-imported-from",
            &[("file", file.into())],
        )
        .into(),
        description_zh: None,
        description_en: None,
        start: start.format("%Y-%m-%d").to_string(),
        calendar: None,
        sources: vec![],
        departments: Default::default(),
        stages: vec![],
        items: vec![],
        joint: vec![],
        measures: vec![],
        regimes: vec![],
        targets: vec![],
        milestones: vec![],
        project: Default::default(),
        variants: vec![],
    };
    let columns = Columns::new(&header, lang);
    let data = data_start(text, &header_range);
    let Rows { items, rows, found } = match chunks::read(text, file, data, &columns, split) {
        Some(read) => read,
        None => {
            let mut read = Rows::with_room(body.len());
            read_rows(
                &mut records,
                &mut record,
                &mut out,
                &columns,
                &mut read,
                None,
            )?;
            read
        }
    };
    raw.items = items;
    raw.stages = found.stages;
    raw.joint = found.joint;
    for s in &mut raw.stages {
        s.name = FileName::default();
    }
    let index = CsvIndex { header, rows };
    raw.project = infer_attributes(&raw.items);
    let loc = Locator::csv(text, index);
    out.then(from_file(raw, file, &loc))
}

/// Where the records after the header start: after its line end (`None`: the header is the
/// last line, or its line ends otherwise than in `\n` or `\r\n`).
fn data_start(text: &str, header: &Range<usize>) -> Option<usize> {
    let rest = &text[header.end..];
    let end = if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(rest.starts_with('\n'))
    };
    (end > 0).then_some(header.end + end)
}

/// Rows read, all of the list's or a part's: the items, each one's byte range, the stages and
/// groups they name.
struct Rows {
    items: Vec<FileItem>,
    rows: Vec<Range<usize>>,
    found: Found,
}

impl Rows {
    /// None yet, with room for the rows of `bytes` bytes of text (rows are about 40 bytes at
    /// the least: room for the items without regrowing).
    fn with_room(bytes: usize) -> Self {
        let hint = (bytes / 40).min(super::MAX_ITEMS);
        Self {
            items: Vec::with_capacity(hint),
            rows: Vec::with_capacity(hint),
            found: Found::default(),
        }
    }
}

/// Reads the records left in `records` as items into `into`, one at a time through the same
/// buffers (only the items and each row's byte range stay). `part`: this is a part of a list
/// read apart: stop at the first problem, and count the items with the other parts' in it.
/// Refused beyond [`MAX_ITEMS`](super::MAX_ITEMS) items, before their memory is taken.
fn read_rows(
    records: &mut Records<'_>,
    record: &mut csv::StringRecord,
    out: &mut Collector<'_>,
    columns: &Columns,
    into: &mut Rows,
    part: Option<&std::sync::atomic::AtomicUsize>,
) -> Result<(), Diagnostics> {
    /// Items counted in the parts' shared count at a time (one count per row would be a
    /// contended write per row).
    const COUNTED_AT_ONCE: usize = 4096;
    let mut cells = Vec::new();
    let width = columns.width();
    while let Some(row_range) = records.next(record, &mut cells)? {
        if part.is_some() && !out.is_empty() {
            break;
        }
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.len() != width {
            out.push(
                Code::Syntax,
                Some(row_range.start..row_range.start + 1),
                None,
                tr!("diag-csv-row-length", cells = record.len(), columns = width),
                tr!("diag-csv-row-length.help"),
            );
            continue;
        }
        let over = match part {
            Some(all) if into.items.len().is_multiple_of(COUNTED_AT_ONCE) => {
                let before = all.fetch_add(COUNTED_AT_ONCE, std::sync::atomic::Ordering::Relaxed);
                before + COUNTED_AT_ONCE > super::MAX_ITEMS + COUNTED_AT_ONCE
            }
            Some(_) => false,
            None => into.items.len() >= super::MAX_ITEMS,
        };
        if over {
            return Err(Diagnostics::single(records.too_many_items(record)));
        }
        let row = Row {
            columns,
            cells: &cells,
            values: record,
        };
        into.items.push(read_row(out, &mut into.found, &row));
        into.rows.push(row_range);
    }
    Ok(())
}

/// An item list declares no attributes: each one its `when` column names is one without a
/// default (its value comes from `--attr`), of the type its first use implies (a number when
/// compared with a number). A condition that does not parse is reported when it is read.
fn infer_attributes(
    items: &[super::file::FileItem],
) -> std::collections::BTreeMap<String, super::file::FileAttribute> {
    let mut out = std::collections::BTreeMap::new();
    for w in items.iter().filter_map(|i| i.more().when.as_deref()) {
        let Ok(e) = crate::rules::expr::parse(w) else {
            continue;
        };
        for (name, kind) in e.names() {
            out.entry(name.to_owned()).or_insert_with(|| {
                super::file::FileAttribute::Table(super::file::FileAttrTable {
                    value: None,
                    kind: Some(kind.name().to_owned()),
                    unit: None,
                    name: None,
                })
            });
        }
    }
    out
}

/// The records, one at a time: values read by the csv crate (quotes, doubled quotes, line breaks
/// in quotes), trimmed where they are read (`str::trim`, as `StringRecord::trim` would, without
/// its copy of every record); the cell positions for diagnostics come from scanning the record's text
/// from where csv says it starts.
struct Records<'t> {
    reader: csv::Reader<&'t [u8]>,
    text: &'t str,
    /// Where in `text` the reader's first byte is.
    base: usize,
    file: &'t str,
    cells: usize,
}

impl<'t> Records<'t> {
    fn new(text: &'t str, body: &'t str, bom: usize, file: &'t str) -> Result<Self, Diagnostics> {
        // Counted before the csv crate reads a record: one row of 60 million commas would take
        // gigabytes as a record.
        if let Some((at, in_row)) = cells_exceed(body, MAX_CELLS) {
            let line = body.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let d = if in_row {
                too_many_row_cells(file, line)
            } else {
                too_many_cells(file, line)
            };
            return Err(Diagnostics::single(d));
        }
        Ok(Self::part(text, bom..text.len(), file))
    }

    /// The records in bytes `range` of `text` (whole records), without the count of cells
    /// [`Records::new`] makes first.
    fn part(text: &'t str, range: Range<usize>, file: &'t str) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&text.as_bytes()[range.clone()]);
        Self {
            reader,
            text,
            base: range.start,
            file,
            cells: 0,
        }
    }

    /// The next record into `record` (untrimmed: readers trim each value) and its cells' byte ranges into `cells`; gives the
    /// record's byte range, or `None` at the end.
    fn next(
        &mut self,
        record: &mut csv::StringRecord,
        cells: &mut Vec<Range<usize>>,
    ) -> Result<Option<Range<usize>>, Diagnostics> {
        match self.reader.read_record(record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.cells += record.len();
                if self.cells > MAX_CELLS {
                    let line = record.position().map(|p| p.line() as usize).unwrap_or(1);
                    return Err(Diagnostics::single(too_many_cells(self.file, line)));
                }
                let mut at = self.base + record.position().map(|p| p.byte() as usize).unwrap_or(0);
                // After a `\r\n` the csv crate puts the next record at the `\n`: a record never
                // starts with a line end, so its text starts after them.
                let bytes = self.text.as_bytes();
                while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
                    at += 1;
                }
                Ok(Some(scan_row(self.text, at, cells)))
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
                Err(Diagnostics::single(
                    Diagnostic::new(
                        Code::Syntax,
                        self.file,
                        tr!("diag-csv-syntax", detail = e.to_string()),
                    )
                    .at_line_col(line, 1)
                    .help(tr!("diag-csv-syntax.help")),
                ))
            }
        }
    }
}

impl Records<'_> {
    /// The list has more items than a scenario may: said at `record`, the one too many.
    fn too_many_items(&self, record: &csv::StringRecord) -> Diagnostic {
        let line = record.position().map_or(1, |p| p.line() as usize);
        Diagnostic::new(
            Code::BadValue,
            self.file,
            tr!(
                "diag-csv-too-many-items",
                max = super::MAX_ITEMS.to_string()
            ),
        )
        .at_line_col(line, 1)
        .help(tr!("diag-too-large.help"))
    }
}

/// Unknown columns reported one by one up to this many; more become one diagnostic naming the
/// first of them and the count.
const UNKNOWN_COLUMNS_LISTED: usize = 5;

fn too_many_cells(file: &str, line: usize) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        file,
        tr!("diag-csv-too-many-cells", max = MAX_CELLS.to_string()),
    )
    .at_line_col(line, 1)
    .help(tr!("diag-csv-too-many-cells.help"))
}

fn too_many_row_cells(file: &str, line: usize) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        file,
        tr!(
            "diag-csv-too-many-row-cells",
            max = MAX_ROW_CELLS.to_string()
        ),
    )
    .at_line_col(line, 1)
    .help(tr!("diag-csv-too-many-cells.help"))
}

/// The byte where the text's cells (separators and line ends outside quotes) pass `max`, or one
/// row's pass [`MAX_ROW_CELLS`] (then `true`).
fn cells_exceed(text: &str, max: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    // A text without quotes, the usual list, is counted in whole: every comma and line end is a
    // cell, counted 64 bytes at a time (vector instructions). A row of MAX_ROW_CELLS commas
    // covers at least three whole blocks of MAX_ROW_CELLS / 4 bytes with no line end, and a
    // block's first line end is found within a row's length. Only a text near a limit is
    // scanned byte by byte (below), which finds where.
    if !bytes.contains(&b'"') {
        let cells: usize = bytes
            .chunks(64)
            .map(|c| {
                c.iter()
                    .map(|&b| u8::from(b == b',') + u8::from(b == b'\n'))
                    .sum::<u8>() as usize
            })
            .sum();
        let mut blocks_without_line_end = 0;
        let long_row = bytes.chunks(MAX_ROW_CELLS / 4).any(|block| {
            blocks_without_line_end = if block.contains(&b'\n') {
                0
            } else {
                blocks_without_line_end + 1
            };
            blocks_without_line_end >= 3
        });
        if cells <= max && !long_row {
            return None;
        }
    }
    let (mut cells, mut in_row) = (0usize, 0usize);
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' | b'\n' if !quoted => {
                cells += 1;
                in_row = if b == b'\n' { 0 } else { in_row + 1 };
                if in_row >= MAX_ROW_CELLS {
                    return Some((i, true));
                }
                if cells > max {
                    return Some((i, false));
                }
            }
            _ => {}
        }
    }
    None
}

/// Rules: every column is known and named once, and the required ones are there.
fn check_header(
    out: &mut Collector<'_>,
    header: &[String],
    cells: &[Range<usize>],
    range: &Range<usize>,
) {
    let known = |h: &str| REQUIRED_COLUMNS.contains(&h) || OPTIONAL_COLUMNS.contains(&h);
    let columns_help = || {
        tr!(
            "diag-csv-columns",
            required = columns::shown_list(&REQUIRED_COLUMNS),
            optional = columns::shown_list(&OPTIONAL_COLUMNS)
        )
    };
    let unknown: Vec<usize> = (0..header.len()).filter(|&i| !known(&header[i])).collect();
    if unknown.len() > UNKNOWN_COLUMNS_LISTED {
        let names: Vec<String> = unknown[..UNKNOWN_COLUMNS_LISTED]
            .iter()
            .map(|&i| format!("`{}`", clip(&header[i])))
            .collect();
        out.push(
            Code::Column,
            cells.get(unknown[0]).cloned(),
            None,
            tr!(
                "diag-csv-unknown-columns",
                n = unknown.len(),
                names = names.join(&tr!("diag-list-separator")),
                more = unknown.len() - UNKNOWN_COLUMNS_LISTED
            ),
            columns_help(),
        );
    } else {
        for &i in &unknown {
            out.push(
                Code::Column,
                cells.get(i).cloned(),
                None,
                tr!(
                    "diag-csv-unknown-column",
                    column = clip(&header[i]).into_owned()
                ),
                columns_help(),
            );
        }
    }
    // Known columns named twice (at most 19 names, so the set stays small).
    let mut seen = std::collections::HashSet::new();
    for (i, h) in header.iter().enumerate() {
        if known(h) && !seen.insert(h.as_str()) {
            out.push(
                Code::Column,
                cells.get(i).cloned(),
                None,
                tr!("diag-csv-column-twice", column = h.as_str()),
                tr!("diag-csv-column-twice.help"),
            );
        }
    }
    for req in REQUIRED_COLUMNS {
        if !header.iter().any(|h| h == req) {
            out.push(
                Code::Column,
                Some(range.start..range.start + 1),
                None,
                tr!("diag-csv-missing-column", column = columns::shown(req)),
                tr!(
                    "diag-csv-missing-column.help",
                    required = columns::shown_list(&REQUIRED_COLUMNS)
                ),
            );
        }
    }
}

/// The byte range of the record starting at `from` and of each of its cells (RFC 4180 quotes,
/// doubled quotes, line breaks inside quotes, CRLF).
pub(crate) fn scan_row(text: &str, from: usize, cells: &mut Vec<Range<usize>>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut i = from.min(bytes.len());
    cells.clear();
    let mut cell_start = i;
    let mut in_quotes = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if in_quotes && bytes.get(i + 1) == Some(&b'"') => i += 1,
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => {
                cells.push(cell_start..i);
                cell_start = i + 1;
            }
            b'\n' if !in_quotes => break,
            _ => {}
        }
        i += 1;
    }
    let mut end = i;
    if end > cell_start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    cells.push(cell_start..end.max(cell_start));
    from..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_counted_alike_with_and_without_quotes() {
        // Four cells: the count passes 3 at the last line end (byte 7), not 4.
        assert_eq!(cells_exceed("a,b\nc,d\n", 3), Some((7, false)));
        assert_eq!(cells_exceed("a,b\nc,d\n", 4), None);
        // The comma in quotes is no cell: two cells, and the text is counted byte by byte.
        assert_eq!(cells_exceed("\"a,b\",c\n", 2), None);
        assert_eq!(cells_exceed("\"a,b\",c\n", 1), Some((7, false)));
        // A row of MAX_ROW_CELLS commas, with or without a quote elsewhere.
        let row = format!("x{}\n", ",".repeat(MAX_ROW_CELLS));
        assert_eq!(cells_exceed(&row, usize::MAX), Some((MAX_ROW_CELLS, true)));
        let quoted = format!("\"q\"\n{row}");
        assert_eq!(
            cells_exceed(&quoted, usize::MAX),
            Some((MAX_ROW_CELLS + 4, true))
        );
        // One comma short of it: nothing found either way.
        let short = format!("x{}\n", ",".repeat(MAX_ROW_CELLS - 1));
        assert_eq!(cells_exceed(&short, usize::MAX), None);
    }

    #[test]
    fn scans_quoted_cells() {
        let t = "id,name\r\na,\"x, \"\"y\"\"\"\nb,z\n";
        let mut cells = Vec::new();
        let row = scan_row(t, 9, &mut cells);
        assert_eq!(&t[row], "a,\"x, \"\"y\"\"\"");
        assert_eq!(&t[cells[1].clone()], "\"x, \"\"y\"\"\"");
        scan_row(t, t.find("b,").unwrap(), &mut cells);
        assert_eq!(&t[cells[1].clone()], "z");
    }

    #[test]
    fn problems_in_a_list_with_crlf_line_ends_name_their_line_and_column() {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
        for header_end in ["\r\n", "\u{b}\r\n"] {
            let t = format!(
                "id,name,department,stage,days,after{header_end}a,A,D,S,x,\r\nb,B,D,S,1,zz\r\n"
            );
            let d = parse_item_list(&t, "w.csv", "w", start).unwrap_err();
            let at: Vec<_> = d.0.iter().map(|d| (d.line, d.column)).collect();
            assert_eq!(
                at,
                [(Some(2), Some(9)), (Some(3), Some(11))],
                "{header_end:?}"
            );
        }
    }

    #[test]
    fn reads_quoted_values_and_bom() {
        let t = "\u{feff}id,name,department,stage,days,after\na,\"Review, with comma\",D,S,2,\nb,B,D,S,1,a\n";
        let s = parse_item_list(
            t,
            "x.csv",
            "x",
            chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(),
        )
        .unwrap();
        assert_eq!(s.items[0].name, "Review, with comma");
        assert_eq!(s.links.len(), 1);
        assert_eq!(s.stages[0].lead.as_str(), "D");
        let t = "id,name,department,stage,days,after,lead\na,A,Agency,S,2,,\nb,B,Bureau,S,1,a,\nc,C,Other,T,1,,Lead\nd,D,Last,T,1,,\n";
        let s = parse_item_list(
            t,
            "x.csv",
            "x",
            chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(),
        )
        .unwrap();
        assert_eq!(
            s.stages[0].lead.as_str(),
            "Bureau",
            "the last item's department"
        );
        assert_eq!(s.stages[1].lead.as_str(), "Lead", "the lead column wins");
    }
}
