//! The CSV event log: one row per event, `case,project_type,item,department,event,time`, or the
//! same columns in Chinese (案件编号, 项目类型, 事项, 部门, 环节, 时间), in any order; other
//! columns are ignored.

use permitflow_i18n::tr;
use rustc_hash::FxHashSet;

use super::{EventKind, EventLog, MAX_ITEMS, MAX_RECORDS, Place, Reason, Record, Stamp};
use crate::diag::clip;
use crate::{Code, Diagnostic};

/// The columns, in their English names.
pub const COLUMNS: [&str; 6] = [
    "case",
    "project_type",
    "item",
    "department",
    "event",
    "time",
];
/// Each column's Chinese name.
pub const CHINESE_HEADERS: [(&str, &str); 6] = [
    ("case", "案件编号"),
    ("project_type", "项目类型"),
    ("item", "事项"),
    ("department", "部门"),
    ("event", "环节"),
    ("time", "时间"),
];
/// The most columns a header may have.
pub const MAX_COLUMNS: usize = 64;

fn column_of(name: &str) -> Option<usize> {
    let name = name.trim();
    COLUMNS
        .iter()
        .position(|c| c.eq_ignore_ascii_case(name))
        .or_else(|| CHINESE_HEADERS.iter().position(|(_, zh)| *zh == name))
}

/// Reads a CSV event log. `file` names it in messages. A row that cannot be used is rejected
/// (see [`EventLog::rejected`]); a header without the six columns, a syntax error or a log past
/// [`MAX_RECORDS`] rows or [`MAX_ITEMS`] items is an error.
pub fn parse_csv(text: &str, file: &str) -> Result<EventLog, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::new(Code::Empty, file, tr!("model-log-empty"))
            .help(tr!("model-log-columns.help")));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut row = csv::StringRecord::new();
    let syntax = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        Diagnostic::new(
            Code::Syntax,
            file,
            tr!("model-log-csv-syntax", error = e.to_string()),
        )
        .at_line_col(line, 1)
    };
    reader.read_record(&mut row).map_err(syntax)?;
    if row.len() > MAX_COLUMNS {
        return Err(Diagnostic::new(
            Code::Column,
            file,
            tr!(
                "model-log-too-many-columns",
                n = row.len(),
                max = MAX_COLUMNS
            ),
        )
        .at_line_col(1, 1)
        .help(tr!("model-log-columns.help")));
    }
    let mut at = [usize::MAX; 6];
    for (i, name) in row.iter().enumerate() {
        if let Some(c) = column_of(name)
            && at[c] == usize::MAX
        {
            at[c] = i;
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(at)
        .filter(|(_, i)| *i == usize::MAX)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        let found: Vec<String> = row.iter().take(8).map(|h| clip(h).into_owned()).collect();
        return Err(Diagnostic::new(
            Code::Column,
            file,
            tr!(
                "model-log-missing-columns",
                missing = missing.join(","),
                found = found.join(",")
            ),
        )
        .at_line_col(1, 1)
        .help(tr!("model-log-columns.help")));
    }
    let mut log = EventLog::default();
    // One record a line: reserved once rather than grown (and copied) a dozen times.
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    log.records.reserve(lines.min(MAX_RECORDS));
    let mut items: FxHashSet<std::sync::Arc<str>> = FxHashSet::default();
    let mut names = super::Names::default();
    let mut rows = 0usize;
    while reader.read_record(&mut row).map_err(syntax)? {
        let line = row.position().map_or(0, |p| p.line() as usize);
        rows += 1;
        if rows > MAX_RECORDS {
            return Err(too_many_records(file));
        }
        let cell = |c: usize| row.get(at[c]).unwrap_or("").trim();
        let case = cell(0);
        let place = Place::Line(line);
        let mut missing = None;
        for (c, name) in [(0, "case"), (2, "item"), (4, "event"), (5, "time")] {
            if cell(c).is_empty() {
                missing = Some(name);
                break;
            }
        }
        if let Some(name) = missing {
            log.reject(place, case, Reason::Missing(name));
            continue;
        }
        let Some(event) = EventKind::parse(cell(4)) else {
            log.reject(place, case, Reason::UnknownEvent(cell(4).to_owned()));
            continue;
        };
        let at = match Stamp::parse(cell(5)) {
            Ok(s) => s,
            Err(reason) => {
                log.reject(place, case, reason);
                continue;
            }
        };
        let item = cell(2);
        if !items.contains(item) {
            if items.len() >= MAX_ITEMS {
                return Err(too_many_items(file));
            }
            items.insert(names.get(item));
        }
        log.records.push(Record {
            place,
            case: names.get(case),
            project_type: names.get(cell(1)),
            item: names.get(item),
            department: names.get(cell(3)),
            event,
            at,
        });
    }
    Ok(log)
}

pub(super) fn too_many_records(file: &str) -> Diagnostic {
    Diagnostic::new(
        Code::BadValue,
        file,
        tr!("model-log-too-many-records", max = MAX_RECORDS),
    )
    .help(tr!("model-log-too-many.help"))
}

pub(super) fn too_many_items(file: &str) -> Diagnostic {
    Diagnostic::new(
        Code::BadValue,
        file,
        tr!("model-log-too-many-items", max = MAX_ITEMS),
    )
    .help(tr!("model-log-too-many.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_english_and_chinese_headers_and_rejects_bad_rows() {
        let en = "case,project_type,item,department,event,time\n\
                  C1,housing,fire,Fire,received,2025-03-03\n\
                  C1,housing,fire,Fire,approved,2025-03-04\n\
                  C1,housing,fire,Fire,completed,someday\n\
                  ,housing,fire,Fire,completed,2025-03-05\n";
        let log = parse_csv(en, "l.csv").unwrap();
        assert_eq!(log.records.len(), 1);
        assert_eq!(log.rejected_count, 3);
        assert_eq!(log.rejected[0].place, Place::Line(3));
        assert_eq!(log.rejected[0].case, "C1");
        assert!(matches!(log.rejected[1].reason, Reason::BadTime(_)));
        assert_eq!(log.rejected[2].reason, Reason::Missing("case"));
        let zh = "时间,环节,部门,事项,项目类型,案件编号\n2025-03-03 09:00,受理,消防,消防设计审查,住宅,A\n";
        let log = parse_csv(zh, "l.csv").unwrap();
        assert_eq!(log.records[0].event, EventKind::Received);
        assert_eq!(&*log.records[0].case, "A");
        assert_eq!(&*log.records[0].item, "消防设计审查");
    }

    #[test]
    fn a_file_that_is_no_log_is_an_error() {
        assert_eq!(parse_csv("", "l.csv").unwrap_err().code, Code::Empty);
        let d = parse_csv("id,name\na,b\n", "l.csv").unwrap_err();
        assert_eq!(d.code, Code::Column);
        let wide = (0..10_000)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",");
        let d = parse_csv(&wide, "l.csv").unwrap_err();
        assert!(d.message.contains("10000"), "{}", d.message);
    }
}
