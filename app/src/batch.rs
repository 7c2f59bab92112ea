//! Batch runs over a library: every scenario under every regime, targets checked, one results
//! table, a JUnit report for CI dashboards, shards for CI matrices and cluster job arrays, and
//! the merge of shard results.

use std::path::Path;

use chrono::NaiveDate;
use permitflow_model::{Code, Diagnostic};
use permitflow_solver::{Method, check_targets, evaluate_all};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::load::{UserCalendars, load_with};
use crate::{Error, Warning};

mod shards;
mod walk;

pub use shards::{HEADER, STATUSES, read_shards};
pub use walk::{Entry, Expanded, expand};

/// One scenario under one regime (or one invalid file), as written to the results table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The file as named on the command line.
    pub file: String,
    /// The scenario's name.
    pub scenario: String,
    /// The regime's name (empty for an invalid file).
    pub regime: String,
    /// Working days, when the regime has a schedule.
    pub working_days: Option<f64>,
    /// The end date (ISO), when the regime has a schedule.
    pub end_date: String,
    /// The applicant's trips.
    pub trips: Option<u32>,
    /// Forms filled in.
    pub forms: Option<u32>,
    /// Materials submitted.
    pub materials: Option<u32>,
    /// Departments the applicant deals with.
    pub departments: Option<u32>,
    /// The regime's targets with their results, `; `-separated.
    pub targets: String,
    /// `pass`, `fail` (a target missed), `ok` (no targets), `infeasible` or `invalid`.
    pub status: String,
    /// Why there is no schedule, or the first problem of an invalid file.
    pub error: String,
    /// The calendar's warning for this regime's dates ([`crate::Warning::short`]):
    /// `provisional 2027` when its holidays are not official yet; empty when they are.
    #[serde(default)]
    pub calendar: String,
}

/// A target checked, for the JUnit report.
#[derive(Clone, Debug)]
pub struct Case {
    /// The regime and target, e.g. `joint: 2020 target`.
    pub name: String,
    /// Why the target was missed.
    pub failure: Option<String>,
    /// Why the case could not be run (no schedule, invalid file).
    pub error: Option<String>,
    /// What the reader must know about a case that passed (the calendar warning), written as
    /// its `system-out`.
    pub note: Option<String>,
}

/// How a batch runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The start date of CSV item lists (default today).
    pub start: Option<NaiveDate>,
    /// A regime whose dates touch a provisional or uncovered holiday year fails (`fail`, exit
    /// 1) instead of passing with a note: for CI that must not plan on guessed holidays.
    pub strict_calendar: bool,
    /// Holiday files beyond each scenario's own.
    pub user: UserCalendars,
}

/// Everything learnt about one file.
#[derive(Clone, Debug)]
pub struct FileResult {
    /// The file as named.
    pub file: String,
    /// Its rows of the results table.
    pub rows: Vec<Row>,
    /// Its JUnit test cases.
    pub cases: Vec<Case>,
    /// Diagnostics of an invalid file, rendered.
    pub invalid: Option<String>,
}

/// `K/N`: the K-th (1-based) of N shares of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1.
    pub k: usize,
    /// How many shares.
    pub n: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        parse_shard(text)
            .map(|(k, n)| Shard { k, n })
            .map_err(|_| "write K/N with 1 ≤ K ≤ N, e.g. 2/4".into())
    }
}

/// `K/N`: the K-th (1-based) of N shares.
pub fn parse_shard(text: &str) -> Result<(usize, usize), Error> {
    let bad = || {
        Error::msg(format!(
            "`--shard {text}`: write K/N with 1 ≤ K ≤ N, e.g. 2/4"
        ))
    };
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let k: usize = k.trim().parse().map_err(|_| bad())?;
    let n: usize = n.trim().parse().map_err(|_| bad())?;
    if n == 0 || k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// The K-th of N deterministic shares of the sorted file list: every N-th file from the K-th,
/// so shares differ in size by at most one and together cover every file once.
pub fn shard<T>(files: Vec<T>, k: usize, n: usize) -> Vec<T> {
    files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, f)| f)
        .collect()
}

/// Solves one file under all its regimes and checks its targets.
pub fn run_file(path: &Path, opts: &Options) -> FileResult {
    let file = path.display().to_string();
    let loaded = match load_with(Some(path), opts.start, &opts.user) {
        Ok(l) => l,
        Err(e) => return invalid(file, &e),
    };
    let s = &loaded.scenario;
    let outcomes = evaluate_all(s, &loaded.calendar, Method::Paths);
    let checks = check_targets(s, &outcomes);
    let mut rows = Vec::new();
    let mut cases = Vec::new();
    for (r, o) in s.regimes.iter().zip(&outcomes) {
        let mine: Vec<_> = checks
            .iter()
            .filter(|t| t.target.regime == r.name)
            .collect();
        let targets = mine
            .iter()
            .map(|t| {
                let mark = match t.met {
                    Some(true) => "met",
                    Some(false) => "MISSED",
                    None => "n/a",
                };
                format!("{}: {mark}: {}", t.target.name, t.detail)
            })
            .collect::<Vec<_>>()
            .join("; ");
        match o {
            Ok(o) => {
                let warning = Warning::calendar_coverage(&loaded.calendar, &[o]);
                let strict_fail = opts.strict_calendar && warning.is_some();
                let status = if strict_fail || mine.iter().any(|t| t.met != Some(true)) {
                    "fail"
                } else if mine.is_empty() {
                    "ok"
                } else {
                    "pass"
                };
                rows.push(Row {
                    file: file.clone(),
                    scenario: s.name.clone(),
                    regime: r.name.to_string(),
                    working_days: Some(o.working_days().get()),
                    end_date: o.end_date.format("%Y-%m-%d").to_string(),
                    trips: Some(o.counts.trips),
                    forms: Some(o.counts.forms),
                    materials: Some(o.counts.materials),
                    departments: Some(o.counts.departments),
                    targets,
                    status: status.into(),
                    error: String::new(),
                    calendar: warning.as_ref().map(Warning::short).unwrap_or_default(),
                });
                for t in &mine {
                    cases.push(Case {
                        name: format!("{}: {}", r.name, t.target.name),
                        failure: (t.met != Some(true)).then(|| t.detail.clone()),
                        error: None,
                        note: None,
                    });
                }
                if mine.is_empty() {
                    cases.push(Case {
                        name: format!("{}: schedule", r.name),
                        failure: None,
                        error: None,
                        note: None,
                    });
                }
                if let Some(w) = &warning {
                    // Its own case, so a dashboard shows it: failed under --strict-calendar.
                    cases.push(Case {
                        name: format!("{}: calendar", r.name),
                        failure: strict_fail.then(|| w.to_string()),
                        error: None,
                        note: (!strict_fail).then(|| w.to_string()),
                    });
                }
            }
            Err(e) => {
                rows.push(Row {
                    file: file.clone(),
                    scenario: s.name.clone(),
                    regime: r.name.to_string(),
                    working_days: None,
                    end_date: String::new(),
                    trips: None,
                    forms: None,
                    materials: None,
                    departments: None,
                    targets,
                    status: "infeasible".into(),
                    error: e.to_string().replace('\n', " "),
                    calendar: String::new(),
                });
                cases.push(Case {
                    name: format!("{}: schedule", r.name),
                    failure: None,
                    error: Some(e.to_string()),
                    note: None,
                });
            }
        }
    }
    FileResult {
        file,
        rows,
        cases,
        invalid: None,
    }
}

/// An invalid file (or an entry that cannot be read): one `invalid` row, one JUnit error.
fn invalid(file: String, e: &Error) -> FileResult {
    let text = e.render();
    // The first problem in one line: its message and where it is.
    let message = text.lines().next().unwrap_or("invalid").trim();
    // Where, unless it is only the file the row names already.
    let first = match text.lines().find_map(|l| l.trim().strip_prefix("--> ")) {
        Some(at) if at != file => format!("{message} ({at})"),
        _ => message.to_owned(),
    };
    FileResult {
        file: file.clone(),
        rows: vec![Row {
            file,
            scenario: String::new(),
            regime: String::new(),
            working_days: None,
            end_date: String::new(),
            trips: None,
            forms: None,
            materials: None,
            departments: None,
            targets: String::new(),
            status: "invalid".into(),
            error: first,
            calendar: String::new(),
        }],
        cases: vec![Case {
            name: "valid scenario".into(),
            failure: None,
            error: Some(text.clone()),
            note: None,
        }],
        invalid: Some(text),
    }
}

/// Runs one entry: a file, or an entry that cannot be read (an `invalid` row naming why).
pub fn run_entry(entry: &Entry, opts: &Options) -> FileResult {
    match &entry.problem {
        None => run_file(&entry.path, opts),
        Some(why) => {
            let label = entry.path.display().to_string();
            let d = Diagnostic::new(Code::Unreadable, &label, format!("cannot read: {why}"))
                .help("remove the entry or point it at a scenario file or folder; every other scenario was still run");
            invalid(label, &Error::diagnostic(d))
        }
    }
}

/// Runs every entry on all cores, in the entries' order; `done` is called after each.
pub fn run_all(entries: &[Entry], opts: &Options, done: &(dyn Fn() + Sync)) -> Vec<FileResult> {
    entries
        .par_iter()
        .map(|e| {
            let r = run_entry(e, opts);
            done();
            r
        })
        .collect()
}

/// 0 when every target holds, 1 when one is missed, 2 when a scenario is invalid or infeasible.
pub fn exit_code(rows: &[Row]) -> u8 {
    if rows
        .iter()
        .any(|r| r.status == "invalid" || r.status == "infeasible")
    {
        2
    } else if rows.iter().any(|r| r.status == "fail") {
        1
    } else {
        0
    }
}

/// The results table as CSV or JSON, by the file's extension.
pub fn render_rows(rows: &[Row], path: &Path) -> Result<Vec<u8>, String> {
    if path.extension().is_some_and(|x| x == "json") {
        serde_json::to_vec_pretty(rows)
            .map(|mut v| {
                v.push(b'\n');
                v
            })
            .map_err(|e| e.to_string())
    } else {
        let mut w = csv::Writer::from_writer(Vec::new());
        // An empty shard still says what it is: its header line.
        if rows.is_empty() {
            w.write_record(HEADER).map_err(|e| e.to_string())?;
        }
        for r in rows {
            w.serialize(r).map_err(|e| e.to_string())?;
        }
        w.into_inner().map_err(|e| e.to_string())
    }
}

/// Reads a results table written by `batch --out` (CSV or JSON).
pub fn read_rows(path: &Path) -> Result<Vec<Row>, Error> {
    let label = crate::load::label_of(path);
    let text = crate::load::read_file(path)?;
    if path.extension().is_some_and(|x| x == "json") {
        serde_json::from_str(&text).map_err(|e| {
            Error::msg(format!(
                "{label}:{}:{}: not a permitflow results file: {e}",
                e.line(),
                e.column()
            ))
        })
    } else {
        let mut r = csv::Reader::from_reader(text.as_bytes());
        r.deserialize()
            .collect::<Result<Vec<Row>, _>>()
            .map_err(|e| Error::msg(format!("{label}: not a permitflow results file: {e}")))
    }
}

/// Combines shard results into the table a single run would have written: rows ordered by file,
/// each file's regimes in their own order.
pub fn merge(mut shards: Vec<Vec<Row>>) -> Vec<Row> {
    let mut files: Vec<Vec<Row>> = Vec::new();
    for shard in shards.drain(..) {
        let mut current: Vec<Row> = Vec::new();
        for row in shard {
            if current.first().is_some_and(|r| r.file != row.file) {
                files.push(std::mem::take(&mut current));
            }
            current.push(row);
        }
        if !current.is_empty() {
            files.push(current);
        }
    }
    // A stable sort by file keeps each file's regimes in order.
    files.sort_by(|a, b| a[0].file.cmp(&b[0].file));
    files.into_iter().flatten().collect()
}

/// The JUnit XML report: one test suite per scenario file, one test case per target.
pub fn junit(results: &[FileResult]) -> Result<Vec<u8>, String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let io = |e: std::io::Error| e.to_string();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    let count = |f: &dyn Fn(&Case) -> bool| {
        results
            .iter()
            .flat_map(|r| &r.cases)
            .filter(|c| f(c))
            .count()
            .to_string()
    };
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "permitflow"));
    root.push_attribute(("tests", count(&|_| true).as_str()));
    root.push_attribute(("failures", count(&|c| c.failure.is_some()).as_str()));
    root.push_attribute(("errors", count(&|c| c.error.is_some()).as_str()));
    w.write_event(Event::Start(root)).map_err(io)?;
    for r in results {
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", r.file.as_str()));
        suite.push_attribute(("tests", r.cases.len().to_string().as_str()));
        let failures = r.cases.iter().filter(|c| c.failure.is_some()).count();
        let errors = r.cases.iter().filter(|c| c.error.is_some()).count();
        suite.push_attribute(("failures", failures.to_string().as_str()));
        suite.push_attribute(("errors", errors.to_string().as_str()));
        w.write_event(Event::Start(suite)).map_err(io)?;
        for c in &r.cases {
            let mut case = BytesStart::new("testcase");
            case.push_attribute(("classname", r.file.as_str()));
            case.push_attribute(("name", c.name.as_str()));
            let (tag, text) = match (&c.failure, &c.error) {
                (_, Some(e)) => ("error", e),
                (Some(f), None) => ("failure", f),
                (None, None) => {
                    let Some(note) = &c.note else {
                        w.write_event(Event::Empty(case)).map_err(io)?;
                        continue;
                    };
                    w.write_event(Event::Start(case)).map_err(io)?;
                    w.write_event(Event::Start(BytesStart::new("system-out")))
                        .map_err(io)?;
                    w.write_event(Event::Text(BytesText::new(note)))
                        .map_err(io)?;
                    w.write_event(Event::End(BytesEnd::new("system-out")))
                        .map_err(io)?;
                    w.write_event(Event::End(BytesEnd::new("testcase")))
                        .map_err(io)?;
                    continue;
                }
            };
            w.write_event(Event::Start(case)).map_err(io)?;
            let mut el = BytesStart::new(tag);
            el.push_attribute(("message", text.lines().next().unwrap_or("")));
            w.write_event(Event::Start(el)).map_err(io)?;
            w.write_event(Event::Text(BytesText::new(text)))
                .map_err(io)?;
            w.write_event(Event::End(BytesEnd::new(tag))).map_err(io)?;
            w.write_event(Event::End(BytesEnd::new("testcase")))
                .map_err(io)?;
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))
            .map_err(io)?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))
        .map_err(io)?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// The summary printed on stdout.
pub fn summary(rows: &[Row], files: usize) -> String {
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    let mut out = format!(
        "{files} scenario file{}, {} regime result{}: {} pass, {} fail, {} without targets, {} infeasible, {} invalid file{}\n",
        if files == 1 { "" } else { "s" },
        rows.iter().filter(|r| r.status != "invalid").count(),
        if rows.len() == 1 { "" } else { "s" },
        count("pass"),
        count("fail"),
        count("ok"),
        count("infeasible"),
        count("invalid"),
        if count("invalid") == 1 { "" } else { "s" },
    );
    for r in rows {
        match r.status.as_str() {
            "fail" => out.push_str(&format!(
                "  FAIL {} [{}]: {}\n",
                r.file,
                r.regime,
                [r.targets.as_str(), r.calendar.as_str()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            "infeasible" => out.push_str(&format!(
                "  INFEASIBLE {} [{}]: {}\n",
                r.file, r.regime, r.error
            )),
            "invalid" => out.push_str(&format!("  INVALID {}: {}\n", r.file, r.error)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn shards_cover_every_file_once() {
        let files: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("f{i}"))).collect();
        let mut all: Vec<PathBuf> = (1..=3).flat_map(|k| shard(files.clone(), k, 3)).collect();
        all.sort();
        let mut want = files.clone();
        want.sort();
        assert_eq!(all, want);
        assert_eq!(shard(files.clone(), 1, 3).len(), 4);
        assert_eq!(shard(files, 3, 3).len(), 3);
        assert!(parse_shard("0/3").is_err());
        assert!(parse_shard("4/3").is_err());
        assert!(parse_shard("x").is_err());
        assert_eq!(parse_shard("2/3").ok(), Some((2, 3)));
    }
}
