//! The CSV item list: the shape planners keep in spreadsheets, one row per item.
//!
//! Columns (header required, order free, case ignored): `id,name,department,stage,days,after`,
//! optional `lead,kind,materials,joint,floor,cost`, the spread `dist,min,likely,max` and returns
//! for correction `return_rate,rework_days,rereview_days`. Stages
//! are ordered by first appearance. A stage's lead is given in the `lead` column on any of its
//! rows, or else is the department of its last item (the stage closes with the lead's permit). `after`
//! is a `;`-separated list of predecessors in the `after` syntax of scenario files; `joint` is a
//! group name, or `NAME=DAYS` to give the joint event its own limit. A CSV file gets the three
//! standard regimes.
//!
//! The rows become the scenario file's types and go through the same validation as scenario
//! files, with a locator that knows the cells, so every diagnostic names the row and column.

use std::ops::Range;

use chrono::NaiveDate;

use super::file::{
    FileAfter, FileItem, FileJoint, FileMaterials, FileNumber, FileReturns, FileScenario,
    FileSpread, FileStage,
};
use super::from_file;
use crate::diag::{Code, Collector, Diagnostic, Diagnostics};
use crate::locate::{CsvIndex, Locator};
use crate::scenario::{FORMAT_VERSION, Scenario};

/// The columns every item list has.
pub const REQUIRED_COLUMNS: [&str; 6] = ["id", "name", "department", "stage", "days", "after"];
/// The columns an item list may have.
pub const OPTIONAL_COLUMNS: [&str; 13] = [
    "lead",
    "kind",
    "materials",
    "joint",
    "floor",
    "cost",
    "dist",
    "min",
    "likely",
    "max",
    "return_rate",
    "rework_days",
    "rereview_days",
];

/// One CSV record: its byte range, each cell's byte range, and the values.
type Record = (Range<usize>, Vec<Range<usize>>, Vec<String>);

/// Reads a CSV item list. `name` becomes the scenario's name, `start` its start date.
pub fn parse_item_list(
    text: &str,
    file: &str,
    name: &str,
    start: NaiveDate,
) -> Result<Scenario, Diagnostics> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    if body.trim().is_empty() {
        return Err(Diagnostics::single(
            Diagnostic::new(Code::Empty, file, "the file is empty").help(format!(
                "write a header line `{}` and one row per item",
                REQUIRED_COLUMNS.join(",")
            )),
        ));
    }
    let records = read_records(text, body, bom, file)?;
    let mut out = Collector::new(file, text);
    let Some((header_range, header_cells, header_values)) = records.first().cloned() else {
        return Err(Diagnostics::single(Diagnostic::new(
            Code::Empty,
            file,
            "the file is empty",
        )));
    };
    let header: Vec<String> = header_values
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    check_header(&mut out, &header, &header_cells, &header_range);
    if !out.is_empty() {
        return Err(out.into_diagnostics());
    }

    let mut raw = FileScenario {
        version: FORMAT_VERSION,
        name: name.to_owned(),
        description: format!("Imported from the CSV item list {file}."),
        start: start.format("%Y-%m-%d").to_string(),
        calendar: None,
        sources: vec![],
        stages: vec![],
        items: vec![],
        joint: vec![],
        measures: vec![],
        regimes: vec![],
        targets: vec![],
    };
    let mut index = CsvIndex {
        header: header.clone(),
        rows: Vec::new(),
    };
    for (row_range, cells, values) in records.iter().skip(1) {
        if values.iter().all(String::is_empty) {
            continue;
        }
        if values.len() != header.len() {
            out.push(
                Code::Syntax,
                Some(row_range.start..row_range.start + 1),
                None,
                format!(
                    "the row has {} cells but the header has {} columns",
                    values.len(),
                    header.len()
                ),
                "give every row one cell per column; quote cells that contain commas",
            );
            continue;
        }
        let row = Row {
            header: &header,
            cells,
            values,
        };
        let item = read_row(&mut out, &mut raw, &row);
        raw.items.push(item);
        index.rows.push((row_range.clone(), cells.clone()));
    }
    for s in &mut raw.stages {
        s.name.clear();
    }
    let loc = Locator::csv(text, index);
    out.then(from_file(raw, file, &loc))
}

/// The records: values read by the csv crate (quotes, doubled quotes, line breaks in quotes);
/// the cell positions for diagnostics come from scanning the record's text from where csv says
/// it starts.
fn read_records(
    text: &str,
    body: &str,
    bom: usize,
    file: &str,
) -> Result<Vec<Record>, Diagnostics> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records: Vec<Record> = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let at = bom + r.position().map(|p| p.byte() as usize).unwrap_or(0);
                let (range, cells) = scan_row(text, at);
                records.push((
                    range,
                    cells,
                    r.iter().map(|c| c.trim().to_owned()).collect(),
                ));
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
                return Err(Diagnostics::single(
                    Diagnostic::new(Code::Syntax, file, format!("cannot read the CSV: {e}"))
                        .at_line_col(line, 1)
                        .help("check the quotes on this line; a cell with a comma or quote must be quoted"),
                ));
            }
        }
    }
    Ok(records)
}

/// Rules: every column is known and named once, and the required ones are there.
fn check_header(
    out: &mut Collector<'_>,
    header: &[String],
    cells: &[Range<usize>],
    range: &Range<usize>,
) {
    for (i, h) in header.iter().enumerate() {
        let known =
            REQUIRED_COLUMNS.contains(&h.as_str()) || OPTIONAL_COLUMNS.contains(&h.as_str());
        let span = cells.get(i).cloned();
        if !known {
            out.push(
                Code::Column,
                span,
                None,
                format!("unknown column `{h}`"),
                format!(
                    "the columns are {} and optionally {}",
                    REQUIRED_COLUMNS.join(","),
                    OPTIONAL_COLUMNS.join(",")
                ),
            );
        } else if header[..i].contains(h) {
            out.push(
                Code::Column,
                span,
                None,
                format!("column `{h}` appears twice"),
                "keep one of them",
            );
        }
    }
    for req in REQUIRED_COLUMNS {
        if !header.iter().any(|h| h == req) {
            out.push(
                Code::Column,
                Some(range.start..range.start + 1),
                None,
                format!("missing column `{req}`"),
                format!(
                    "the header must name {} (in any order)",
                    REQUIRED_COLUMNS.join(",")
                ),
            );
        }
    }
}

/// A data row with as many cells as the header has columns.
struct Row<'r> {
    header: &'r [String],
    cells: &'r [Range<usize>],
    values: &'r [String],
}

impl Row<'_> {
    /// The value in `column` and where it is; empty when the list has no such column.
    fn cell(&self, column: &str) -> (String, Option<Range<usize>>) {
        let col = self.header.iter().position(|h| h == column);
        match col.and_then(|c| self.values.get(c).map(|v| (v, self.cells.get(c)))) {
            Some((v, r)) => (v.clone(), r.cloned()),
            None => (String::new(), None),
        }
    }
}

/// One row as an item. Stages and joint groups it names are added to `raw` on the way.
fn read_row(out: &mut Collector<'_>, raw: &mut FileScenario, row: &Row<'_>) -> FileItem {
    let (id, _) = row.cell("id");
    let mut number = |column: &str, what: &str| check_number(out, row, &id, column, what);
    let days = number("days", "time limit");
    let floor = number("floor", "floor");
    let cost = number("cost", "cost");
    let min = number("min", "minimum");
    let likely = number("likely", "most likely duration");
    let max = number("max", "maximum");
    let return_rate = number("return_rate", "return rate");
    let rework_days = number("rework_days", "rework time");
    let rereview_days = number("rereview_days", "re-review time");
    check_days_given(out, row, &id);
    let materials = check_materials(out, row, &id);
    let joint = joint(out, raw, row);
    let (dist, _) = row.cell("dist");
    let spread = if min.is_some() || likely.is_some() || max.is_some() || !dist.is_empty() {
        Some(FileSpread {
            dist: if dist.is_empty() {
                "triangular".into()
            } else {
                dist.to_ascii_lowercase()
            },
            min,
            likely,
            max,
        })
    } else {
        None
    };
    let (stage, _) = row.cell("stage");
    let (department, _) = row.cell("department");
    note_stage(raw, &stage, &department, &row.cell("lead").0);
    let (after, _) = row.cell("after");
    let (kind, _) = row.cell("kind");
    FileItem {
        id,
        name: row.cell("name").0,
        department,
        stage,
        kind: (!kind.is_empty()).then_some(kind),
        days: FileNumber {
            value: days.unwrap_or(0.0),
            source: None,
        },
        materials,
        forms: None,
        after: after
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| FileAfter::Text(s.to_owned()))
            .collect(),
        joint,
        floor: floor.map(|v| FileNumber {
            value: v,
            source: None,
        }),
        cost,
        spread,
        returns: return_rate.map(|rate| FileReturns {
            rate,
            rework_days: rework_days.unwrap_or(0.0),
            rereview_days,
        }),
        release: None,
        deadline: None,
        note: String::new(),
    }
}

/// Rule: a number cell is empty or a finite number. Gives the number when there is one.
fn check_number(
    out: &mut Collector<'_>,
    row: &Row<'_>,
    id: &str,
    column: &str,
    what: &str,
) -> Option<f64> {
    let (v, span) = row.cell(column);
    if v.is_empty() {
        return None;
    }
    match v.parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            let code = if column == "days" {
                Code::BadDays
            } else {
                Code::BadValue
            };
            out.push(
                code,
                span,
                Some(format!("item `{id}`")),
                format!("the {what} `{v}` is not a number"),
                format!("write the {what} as a number such as 10 or 36.5"),
            );
            None
        }
    }
}

/// Rule: every item has a time limit.
fn check_days_given(out: &mut Collector<'_>, row: &Row<'_>, id: &str) {
    let (days_text, days_span) = row.cell("days");
    if days_text.is_empty() {
        out.push(
            Code::BadDays,
            days_span,
            Some(format!("item `{id}`")),
            "the time limit is empty",
            "write the limit in working days, in steps of 0.5",
        );
    }
}

/// Rule: materials are a count. Gives it when the cell holds one.
fn check_materials(out: &mut Collector<'_>, row: &Row<'_>, id: &str) -> Option<FileMaterials> {
    let (text, span) = row.cell("materials");
    if text.is_empty() {
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) => Some(FileMaterials::Count(n)),
        Err(_) => {
            out.push(
                Code::BadValue,
                span,
                Some(format!("item `{id}`")),
                format!("materials `{text}` is not a count"),
                "write the number of documents the applicant hands in, e.g. 4",
            );
            None
        }
    }
}

/// The row's joint group, `NAME` or `NAME=DAYS`; a group given a limit is added to `raw.joint`.
/// Rules: the limit is a number, and the same on every row that gives one.
fn joint(out: &mut Collector<'_>, raw: &mut FileScenario, row: &Row<'_>) -> Option<String> {
    let (joint_text, joint_span) = row.cell("joint");
    if joint_text.is_empty() {
        return None;
    }
    let (group, days) = match joint_text.split_once('=') {
        Some((g, d)) => (g.trim().to_owned(), Some(d.trim())),
        None => (joint_text.clone(), None),
    };
    let days = days.and_then(|d| match d.parse::<f64>() {
        Ok(v) => Some(v),
        Err(_) => {
            out.push(
                Code::BadDays,
                joint_span.clone(),
                Some(format!("joint group `{group}`")),
                format!("the joint time limit `{d}` is not a number"),
                "write NAME=DAYS, e.g. drawings=7",
            );
            None
        }
    });
    if let Some(v) = days {
        match raw.joint.iter().find(|j| j.id == group) {
            Some(j) if j.days.as_ref().is_some_and(|x| x.value != v) => {
                out.push(
                    Code::BadValue,
                    joint_span.clone(),
                    Some(format!("joint group `{group}`")),
                    format!(
                        "joint group `{group}` is given {} and {v} working days",
                        j.days.as_ref().map(|x| x.value).unwrap_or_default()
                    ),
                    "give the joint limit once, or the same on every row",
                );
            }
            Some(_) => {}
            None => raw.joint.push(FileJoint {
                id: group.clone(),
                name: String::new(),
                days: Some(FileNumber {
                    value: v,
                    source: None,
                }),
                department: None,
                floor: None,
                cost: None,
                spread: None,
            }),
        }
    }
    Some(group)
}

/// Adds the row's stage to `raw.stages` on its first row. Its lead is the `lead` column on any
/// of its rows, else the department of its last item.
fn note_stage(raw: &mut FileScenario, stage: &str, department: &str, lead: &str) {
    if stage.is_empty() {
        return;
    }
    match raw.stages.iter_mut().find(|s| s.id == stage) {
        Some(s) => {
            if !lead.is_empty() {
                s.lead = lead.to_owned();
                s.name = "lead given".into();
            } else if s.name.is_empty() {
                s.lead = department.to_owned();
            }
        }
        None => raw.stages.push(FileStage {
            id: stage.to_owned(),
            // Marks (until the end of reading) that the lead came from the `lead` column.
            name: if lead.is_empty() {
                String::new()
            } else {
                "lead given".into()
            },
            lead: if lead.is_empty() {
                department.to_owned()
            } else {
                lead.to_owned()
            },
        }),
    }
}

/// The byte range of the record starting at `from` and of each of its cells (RFC 4180 quotes,
/// doubled quotes, line breaks inside quotes, CRLF).
fn scan_row(text: &str, from: usize) -> (Range<usize>, Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = from.min(bytes.len());
    let mut cells = Vec::new();
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
    (from..end, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_quoted_cells() {
        let t = "id,name\r\na,\"x, \"\"y\"\"\"\nb,z\n";
        let (row, cells) = scan_row(t, 9);
        assert_eq!(&t[row], "a,\"x, \"\"y\"\"\"");
        assert_eq!(&t[cells[1].clone()], "\"x, \"\"y\"\"\"");
        let (_, cells) = scan_row(t, t.find("b,").unwrap());
        assert_eq!(&t[cells[1].clone()], "z");
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
