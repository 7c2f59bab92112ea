//! Shard results read for `merge`, refused when they cannot be what `batch --shard` wrote: a
//! shard named twice, two shards holding the same scenario file, an empty file (no header), a
//! header with a column renamed, added or missing, an unknown status, one scenario and regime
//! twice. A shard with no scenarios is valid when it says so: its header line (CSV) or `[]`
//! (JSON), as `batch --shard K/N` writes it when N is larger than the number of files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{CsvRow, Row};
use crate::Error;

/// The results table's columns, in order (CSV header, JSON keys).
pub const HEADER: [&str; 13] = [
    "file",
    "scenario",
    "regime",
    "working_days",
    "end_date",
    "trips",
    "forms",
    "materials",
    "departments",
    "targets",
    "status",
    "error",
    "calendar",
];

/// The statuses a results row may have.
pub const STATUSES: [&str; 5] = ["pass", "fail", "ok", "infeasible", "invalid"];

const EMPTY_HELP: &str = "a shard with no scenarios still has its header line (CSV) or `[]` \
     (JSON); was the batch run interrupted? Run the shard again";
const NOT_RESULTS_HELP: &str = "merge reads the tables `permitflow batch --shard K/N --out FILE` \
     writes; run the shard again rather than editing its table";

/// One row read, with the line it starts on.
struct Read {
    row: Row,
    line: usize,
}

fn refuse(label: &str, line: Option<usize>, message: String, help: &str) -> Error {
    let at = line.map(|l| format!(":{l}")).unwrap_or_default();
    Error::help(format!("{label}{at}: {message}"), help)
}

/// Reads every shard, refusing any that `batch --shard` cannot have written, and shards that
/// overlap. Each shard's rows, in the order given.
pub fn read_shards(files: &[PathBuf]) -> Result<Vec<Vec<Row>>, Error> {
    let mut named: HashMap<PathBuf, &Path> = HashMap::new();
    for f in files {
        let canonical = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        if let Some(first) = named.insert(canonical, f) {
            let also = if first == f.as_path() {
                String::new()
            } else {
                format!(" (also as {})", first.display())
            };
            return Err(Error::help(
                format!("{}: the shard is named twice{also}", f.display()),
                "name each shard's results file once",
            ));
        }
    }
    // Scenario file → (shard, line) where it was first seen.
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let label = f.display().to_string();
        let text = crate::load::read_file(f)?;
        let rows = if f.extension().is_some_and(|x| x == "json") {
            json_rows(&text, &label)?
        } else {
            csv_rows(&text, &label)?
        };
        let mut mine: HashMap<(&str, &str), usize> = HashMap::new();
        for r in &rows {
            if let Some(line) = mine.insert((&r.row.file, &r.row.regime), r.line) {
                return Err(refuse(
                    &label,
                    Some(r.line),
                    format!(
                        "`{}` under regime `{}` is listed twice (also on line {line})",
                        r.row.file, r.row.regime
                    ),
                    NOT_RESULTS_HELP,
                ));
            }
            match seen.get(&r.row.file) {
                Some(&(j, line)) if j != i => {
                    return Err(refuse(
                        &label,
                        Some(r.line),
                        format!(
                            "`{}` is also in {} (line {line}): the shards overlap",
                            r.row.file,
                            files[j].display()
                        ),
                        "merge the shards of one run, each once (`--shard 1/N` … `N/N` of the \
                         same library)",
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(r.row.file.clone(), (i, r.line));
                }
            }
        }
        out.push(rows.into_iter().map(|r| r.row).collect());
    }
    Ok(out)
}

fn check_status(label: &str, line: usize, status: &str) -> Result<(), Error> {
    if STATUSES.contains(&status) {
        return Ok(());
    }
    Err(refuse(
        label,
        Some(line),
        format!(
            "unknown status `{status}`; a results row's status is one of {}",
            STATUSES.join(", ")
        ),
        NOT_RESULTS_HELP,
    ))
}

fn csv_rows(text: &str, label: &str) -> Result<Vec<Read>, Error> {
    // A table written for Excel (`--excel`) starts with a byte-order mark.
    let text = text.strip_prefix(crate::write::UTF8_BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(refuse(
            label,
            None,
            "the shard is empty: not even a header line".into(),
            EMPTY_HELP,
        ));
    }
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r
        .headers()
        .map_err(|e| {
            refuse(
                label,
                Some(1),
                format!("not a permitflow results file: {e}"),
                NOT_RESULTS_HELP,
            )
        })?
        .clone();
    let got: Vec<&str> = header.iter().collect();
    if got != HEADER {
        let detail = match got
            .iter()
            .zip(HEADER)
            .enumerate()
            .find(|(_, (g, w))| *g != w)
        {
            Some((n, (g, w))) => format!("column {} is `{g}`, expected `{w}`", n + 1),
            None => format!("{} columns, expected {}", got.len(), HEADER.len()),
        };
        return Err(refuse(
            label,
            Some(1),
            format!("not a permitflow results file: in the header, {detail}"),
            &format!("the header is `{}`; {NOT_RESULTS_HELP}", HEADER.join(",")),
        ));
    }
    let mut rows = Vec::new();
    for record in r.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            refuse(
                label,
                line,
                format!("not a permitflow results file: {e}"),
                NOT_RESULTS_HELP,
            )
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row: CsvRow = record.deserialize(Some(&header)).map_err(|e| {
            refuse(
                label,
                Some(line),
                format!("not a permitflow results file: {e}"),
                NOT_RESULTS_HELP,
            )
        })?;
        let row = Row::from(row);
        check_status(label, line, &row.status)?;
        rows.push(Read { row, line });
    }
    Ok(rows)
}

/// The line of the `n`-th (0-based) occurrence of `needle`, or of the file's end.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    let at = text
        .match_indices(needle)
        .nth(n)
        .map_or(text.len(), |(i, _)| i);
    text[..at].matches('\n').count() + 1
}

fn json_rows(text: &str, label: &str) -> Result<Vec<Read>, Error> {
    if text.trim().is_empty() {
        return Err(refuse(
            label,
            None,
            "the shard is empty: not even `[]`".into(),
            EMPTY_HELP,
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        refuse(
            label,
            Some(e.line()),
            format!("not a permitflow results file: {e}"),
            NOT_RESULTS_HELP,
        )
    })?;
    let Value::Array(items) = value else {
        return Err(refuse(
            label,
            Some(1),
            "not a permitflow results file: expected a list of rows `[...]`".into(),
            NOT_RESULTS_HELP,
        ));
    };
    let mut rows = Vec::new();
    for (n, item) in items.into_iter().enumerate() {
        // Each row has the key `file` once: the n-th `"file"` key starts the n-th row.
        let line = line_of(text, "\"file\"", n);
        let Value::Object(map) = &item else {
            return Err(refuse(
                label,
                Some(line),
                format!("row {} is not an object", n + 1),
                NOT_RESULTS_HELP,
            ));
        };
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        if let Some(k) = keys.iter().find(|k| !HEADER.contains(k)) {
            return Err(refuse(
                label,
                Some(line_of(text, &format!("\"{k}\""), 0)),
                format!("row {}: unknown key `{k}`", n + 1),
                &format!("the keys are {}; {NOT_RESULTS_HELP}", HEADER.join(", ")),
            ));
        }
        if let Some(k) = HEADER.iter().find(|k| !keys.contains(k)) {
            return Err(refuse(
                label,
                Some(line),
                format!("row {}: the key `{k}` is missing", n + 1),
                &format!("the keys are {}; {NOT_RESULTS_HELP}", HEADER.join(", ")),
            ));
        }
        let row: Row = serde_json::from_value(item).map_err(|e| {
            refuse(
                label,
                Some(line),
                format!("row {}: {e}", n + 1),
                NOT_RESULTS_HELP,
            )
        })?;
        check_status(label, line_of(text, "\"status\"", n), &row.status)?;
        rows.push(Read { row, line });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_headers_and_statuses_are_checked() {
        let header = HEADER.join(",");
        let ok = format!("{header}\na.toml,A,serial,10.0,2025-03-14,1,1,1,1,,ok,,\n");
        assert_eq!(csv_rows(&ok, "s.csv").unwrap().len(), 1);
        assert_eq!(csv_rows(&format!("{header}\n"), "s.csv").unwrap().len(), 0);
        let e = csv_rows("", "s.csv").err().unwrap().render();
        assert!(e.contains("s.csv: the shard is empty"), "{e}");
        let renamed = ok.replacen("working_days", "days", 1);
        let e = csv_rows(&renamed, "s.csv").err().unwrap().render();
        assert!(
            e.contains("s.csv:1: not a permitflow results file: in the header, column 4 is `days`, expected `working_days`"),
            "{e}"
        );
        let bad = ok.replace(",ok,", ",passed,");
        let e = csv_rows(&bad, "s.csv").err().unwrap().render();
        assert!(e.contains("s.csv:2: unknown status `passed`"), "{e}");
    }

    #[test]
    fn json_keys_and_statuses_are_checked() {
        let row = |status: &str, key: &str| {
            format!(
                "[\n  {{\n    \"file\": \"a.toml\",\n    \"scenario\": \"A\",\n    \"regime\": \"serial\",\n    \"{key}\": 10.0,\n    \"end_date\": \"\",\n    \"trips\": null,\n    \"forms\": null,\n    \"materials\": null,\n    \"departments\": null,\n    \"targets\": [],\n    \"status\": \"{status}\",\n    \"error\": \"\",\n    \"calendar\": \"\"\n  }}\n]\n"
            )
        };
        assert_eq!(
            json_rows(&row("ok", "working_days"), "s.json")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(json_rows("[]\n", "s.json").unwrap().len(), 0);
        let e = json_rows(&row("ok", "days"), "s.json")
            .err()
            .unwrap()
            .render();
        assert!(e.contains("s.json:6: row 1: unknown key `days`"), "{e}");
        let e = json_rows(&row("green", "working_days"), "s.json")
            .err()
            .unwrap()
            .render();
        assert!(e.contains("s.json:13: unknown status `green`"), "{e}");
        let e = json_rows(" \n", "s.json").err().unwrap().render();
        assert!(e.contains("the shard is empty"), "{e}");
    }
}
