//! Shard results read for `merge`, refused when they cannot be what `batch --shard` wrote: a
//! shard named twice, two shards holding the same scenario file, an empty file (no header), a
//! header with a column renamed, added or missing, an unknown status, one scenario and regime
//! twice. A shard with no scenarios is valid when it says so: its header line (CSV) or `[]`
//! (JSON), as `batch --shard K/N` writes it when N is larger than the number of files.

use permitflow_i18n::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{CsvRow, Row};
use crate::Error;

/// The results table's columns, in order (CSV header, JSON keys).
pub const HEADER: [&str; 18] = [
    "file",
    "scenario",
    "regime",
    "approval_days",
    "working_days",
    "calendar_days",
    "fees",
    "end_date",
    "trips",
    "forms",
    "materials",
    "departments",
    "targets",
    "status",
    "error",
    "assumed_figures",
    "figures",
    "calendar",
];

/// The statuses a results row may have.
pub const STATUSES: [&str; 5] = ["pass", "fail", "ok", "infeasible", "invalid"];

fn empty_help() -> String {
    tr!("app-shard-empty-help")
}

fn not_results_help() -> String {
    tr!("app-shard-not-results.help")
}

fn not_results(error: impl std::fmt::Display) -> String {
    tr!("app-shard-not-results", error = error.to_string())
}

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
                tr!("app-shard-also-as", file = first.display().to_string())
            };
            return Err(Error::help(
                tr!(
                    "app-shard-twice",
                    file = f.display().to_string(),
                    also = also
                ),
                tr!("app-shard-twice.help"),
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
                    tr!(
                        "app-shard-listed-twice",
                        file = r.row.file.as_str(),
                        regime = r.row.regime.as_str(),
                        line = line
                    ),
                    &not_results_help(),
                ));
            }
            match seen.get(&r.row.file) {
                Some(&(j, line)) if j != i => {
                    return Err(refuse(
                        &label,
                        Some(r.line),
                        tr!(
                            "app-shard-overlap",
                            file = r.row.file.as_str(),
                            other = files[j].display().to_string(),
                            line = line
                        ),
                        &tr!("app-shard-overlap.help"),
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
        tr!(
            "app-shard-unknown-status",
            status = status,
            statuses = STATUSES.join(", ")
        ),
        &not_results_help(),
    ))
}

fn csv_rows(text: &str, label: &str) -> Result<Vec<Read>, Error> {
    // A table written for Excel (`--excel`) starts with a byte-order mark.
    let text = text.strip_prefix(crate::write::UTF8_BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(refuse(
            label,
            None,
            tr!("app-shard-empty-csv"),
            &empty_help(),
        ));
    }
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r
        .headers()
        .map_err(|e| refuse(label, Some(1), not_results(&e), &not_results_help()))?
        .clone();
    let got: Vec<&str> = header.iter().collect();
    if got != HEADER {
        let detail = match got
            .iter()
            .zip(HEADER)
            .enumerate()
            .find(|(_, (g, w))| *g != w)
        {
            Some((n, (g, w))) => tr!(
                "app-shard-column",
                n = n + 1,
                got = g.to_string(),
                expected = w
            ),
            None => tr!(
                "app-shard-columns",
                got = got.len(),
                expected = HEADER.len()
            ),
        };
        return Err(refuse(
            label,
            Some(1),
            not_results(tr!("app-shard-in-header", detail = detail)),
            &tr!(
                "app-shard-header-help",
                header = HEADER.join(","),
                help = not_results_help()
            ),
        ));
    }
    let mut rows = Vec::new();
    for record in r.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            refuse(label, line, not_results(&e), &not_results_help())
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row: CsvRow = record
            .deserialize(Some(&header))
            .map_err(|e| refuse(label, Some(line), not_results(&e), &not_results_help()))?;
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
            tr!("app-shard-empty-json"),
            &empty_help(),
        ));
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| refuse(label, Some(e.line()), not_results(&e), &not_results_help()))?;
    let Value::Array(items) = value else {
        return Err(refuse(
            label,
            Some(1),
            not_results(tr!("app-shard-expected-list")),
            &not_results_help(),
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
                tr!("app-shard-row-not-object", n = n + 1),
                &not_results_help(),
            ));
        };
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        if let Some(k) = keys.iter().find(|k| !HEADER.contains(k)) {
            return Err(refuse(
                label,
                Some(line_of(text, &format!("\"{k}\""), 0)),
                tr!("app-shard-unknown-key", n = n + 1, key = *k),
                &tr!(
                    "app-shard-keys-help",
                    keys = HEADER.join(", "),
                    help = not_results_help()
                ),
            ));
        }
        if let Some(k) = HEADER.iter().find(|k| !keys.contains(k)) {
            return Err(refuse(
                label,
                Some(line),
                tr!("app-shard-missing-key", n = n + 1, key = *k),
                &tr!(
                    "app-shard-keys-help",
                    keys = HEADER.join(", "),
                    help = not_results_help()
                ),
            ));
        }
        let row: Row = serde_json::from_value(item).map_err(|e| {
            refuse(
                label,
                Some(line),
                tr!("app-shard-row-error", n = n + 1, error = e.to_string()),
                &not_results_help(),
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
        let ok = format!("{header}\na.toml,A,serial,8.0,10.0,14,0,2025-03-14,1,1,1,1,,ok,,2,5,\n");
        assert_eq!(csv_rows(&ok, "s.csv").unwrap().len(), 1);
        assert_eq!(csv_rows(&format!("{header}\n"), "s.csv").unwrap().len(), 0);
        let e = csv_rows("", "s.csv").err().unwrap().render();
        assert!(e.contains("s.csv: the shard is empty"), "{e}");
        let renamed = ok.replacen("working_days", "days", 1);
        let e = csv_rows(&renamed, "s.csv").err().unwrap().render();
        assert!(
            e.contains("s.csv:1: not a permitflow results file: in the header, column 5 is `days`, expected `working_days`"),
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
                "[\n  {{\n    \"file\": \"a.toml\",\n    \"scenario\": \"A\",\n    \"regime\": \"serial\",\n    \"{key}\": 10.0,\n    \"end_date\": \"\",\n    \"trips\": null,\n    \"forms\": null,\n    \"materials\": null,\n    \"departments\": null,\n    \"targets\": [],\n    \"status\": \"{status}\",\n    \"error\": \"\",\n    \"calendar\": \"\",\n    \"approval_days\": 8.0,\n    \"calendar_days\": 14,\n    \"fees\": 0.0,\n    \"assumed_figures\": 2,\n    \"figures\": 5\n  }}\n]\n"
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
