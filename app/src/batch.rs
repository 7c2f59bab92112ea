//! Batch runs over a library: every scenario under every regime, targets checked, one results
//! table, a JUnit report for CI dashboards, shards for CI matrices and cluster job arrays, and
//! the merge of shard results.

use permitflow_i18n::tr;
use std::path::Path;

use chrono::NaiveDate;
use permitflow_model::{Code, Diagnostic};
use permitflow_solver::{Method, check_targets, evaluate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::load::{Choice, UserCalendars, load_as};
use crate::{Error, Warning};

mod junit;
mod shards;
mod variants;
mod walk;

pub use junit::{classname, junit};
use permitflow_model::rules::Variant;
pub use shards::{HEADER, STATUSES, read_shards};
pub use variants::{Variants, run_file};
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
    /// Official approval days (审批用时), when the regime has a schedule.
    #[serde(default)]
    pub approval_days: Option<f64>,
    /// Elapsed working days, when the regime has a schedule.
    pub working_days: Option<f64>,
    /// Elapsed calendar days (both ends included), when the regime has a schedule.
    #[serde(default)]
    pub calendar_days: Option<u32>,
    /// The applicant's fees in yuan, when the regime has a schedule.
    #[serde(default)]
    pub fees: Option<f64>,
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
    /// The regime's targets with their results (in CSV: `name: met|MISSED|n/a: detail`,
    /// `; `-separated, see [`CsvRow`]).
    pub targets: Vec<TargetResult>,
    /// `pass`, `fail` (a target missed), `ok` (no targets), `infeasible` or `invalid`.
    pub status: String,
    /// Why there is no schedule, or the first problem of an invalid file.
    pub error: String,
    /// How many of the scenario's figures are assumed (the honest mark), for a valid file.
    #[serde(default)]
    pub assumed_figures: Option<usize>,
    /// How many figures with a provenance the scenario has, for a valid file.
    #[serde(default)]
    pub figures: Option<usize>,
    /// The calendar's warning for this regime's dates ([`crate::Warning::short`]):
    /// `provisional 2027` when its holidays are not official yet; empty when they are.
    #[serde(default)]
    pub calendar: String,
}

/// One target of a regime, checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    /// The target's name.
    pub name: String,
    /// Whether it holds; `null` when the regime has no schedule to check it against.
    pub met: Option<bool>,
    /// What was measured, e.g. `36.5 working days ≤ 60`.
    pub detail: String,
}

impl TargetResult {
    const MARKS: [(Option<bool>, &'static str); 3] =
        [(Some(true), "met"), (Some(false), "MISSED"), (None, "n/a")];

    fn mark(&self) -> &'static str {
        Self::MARKS
            .iter()
            .find(|(m, _)| *m == self.met)
            .map_or("n/a", |(_, t)| t)
    }
}

/// Targets as one CSV cell: `name: met: detail`, `; `-separated.
pub fn targets_text(targets: &[TargetResult]) -> String {
    targets
        .iter()
        .map(|t| format!("{}: {}: {}", t.name, t.mark(), t.detail))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The targets of a CSV cell written by [`targets_text`] (a name is what comes before its
/// first `: met: `, `: MISSED: ` or `: n/a: `).
pub fn parse_targets(text: &str) -> Vec<TargetResult> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split("; ")
        .map(|entry| {
            let found = TargetResult::MARKS
                .iter()
                .filter_map(|(met, mark)| {
                    entry
                        .find(&format!(": {mark}: "))
                        .map(|at| (at, *met, mark.len()))
                })
                .min_by_key(|(at, _, _)| *at);
            match found {
                Some((at, met, len)) => TargetResult {
                    name: entry[..at].to_owned(),
                    met,
                    detail: entry[at + len + 4..].to_owned(),
                },
                None => TargetResult {
                    name: entry.to_owned(),
                    met: None,
                    detail: String::new(),
                },
            }
        })
        .collect()
}

/// A row as the CSV results table holds it: one line per scenario and regime (the unit a status
/// and the exit code are decided on), its targets in one cell as text. JSON keeps them as
/// objects ([`Row`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvRow {
    file: String,
    scenario: String,
    regime: String,
    approval_days: Option<f64>,
    working_days: Option<f64>,
    calendar_days: Option<u32>,
    fees: Option<f64>,
    end_date: String,
    trips: Option<u32>,
    forms: Option<u32>,
    materials: Option<u32>,
    departments: Option<u32>,
    targets: String,
    status: String,
    error: String,
    #[serde(default)]
    assumed_figures: Option<usize>,
    #[serde(default)]
    figures: Option<usize>,
    #[serde(default)]
    calendar: String,
}

impl From<&Row> for CsvRow {
    fn from(r: &Row) -> Self {
        CsvRow {
            file: r.file.clone(),
            scenario: r.scenario.clone(),
            regime: r.regime.clone(),
            approval_days: r.approval_days,
            working_days: r.working_days,
            calendar_days: r.calendar_days,
            fees: r.fees,
            end_date: r.end_date.clone(),
            trips: r.trips,
            forms: r.forms,
            materials: r.materials,
            departments: r.departments,
            targets: targets_text(&r.targets),
            status: r.status.clone(),
            error: r.error.clone(),
            calendar: r.calendar.clone(),
            assumed_figures: r.assumed_figures,
            figures: r.figures,
        }
    }
}

impl From<CsvRow> for Row {
    fn from(r: CsvRow) -> Self {
        Row {
            targets: parse_targets(&r.targets),
            file: r.file,
            scenario: r.scenario,
            regime: r.regime,
            approval_days: r.approval_days,
            working_days: r.working_days,
            calendar_days: r.calendar_days,
            fees: r.fees,
            end_date: r.end_date,
            trips: r.trips,
            forms: r.forms,
            materials: r.materials,
            departments: r.departments,
            status: r.status,
            error: r.error,
            calendar: r.calendar,
            assumed_figures: r.assumed_figures,
            figures: r.figures,
        }
    }
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
    /// Why the case was not checked (a target of a regime without a schedule).
    pub skipped: Option<String>,
    /// Seconds spent solving what the case checks (its regime), or reading an invalid file.
    pub seconds: f64,
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
    /// `--attr NAME=VALUE`: applied to the files that declare the attribute, a note for the
    /// others.
    pub attrs: Vec<String>,
    /// Whether each file's `[[variants]]` run besides its default project.
    pub variants: Variants,
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
    /// Its JUnit test suite's properties: each regime's `approval_days`, `working_days`,
    /// `calendar_days` and `fees` (`joint.approval_days`), and the honest mark
    /// (`figures.total`, `figures.assumed`).
    pub properties: Vec<(String, String)>,
    /// Diagnostics of an invalid file, rendered.
    pub invalid: Option<String>,
    /// The `--attr` names the file does not declare, left out for it (a note for the reader).
    pub undeclared: Vec<String>,
    /// When its run started: UTC, `YYYY-MM-DDTHH:MM:SS` (JUnit's `timestamp`).
    pub timestamp: String,
    /// Seconds spent on it: reading, checking and solving every regime.
    pub seconds: f64,
}

/// Now, as a JUnit `timestamp`: UTC without a zone suffix, as Ant and Surefire write it.
fn timestamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string()
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
    let bad = || Error::msg(tr!("app-bad-shard", shard = text));
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

/// Solves one file (its default project, or the variant `variant`, named `file.toml#ID`) under
/// all its regimes and checks its targets; a variant is checked against the bounds only, not the
/// published figures (they are of the default project). Returns the file's variants too.
fn run_one(path: &Path, opts: &Options, variant: Option<&str>) -> (FileResult, Vec<Variant>) {
    let clock = std::time::Instant::now();
    let file = variants::row_name(path, variant);
    let choice = Choice {
        variant: variant.map(str::to_owned),
        attrs: opts.attrs.clone(),
        lenient: true,
    };
    let (loaded, skipped) = match load_as(path, opts.start, &opts.user, &choice) {
        Ok(l) => l,
        Err(e) => {
            let mut r = invalid(file, &e);
            r.seconds = clock.elapsed().as_secs_f64();
            r.cases.iter_mut().for_each(|c| c.seconds = r.seconds);
            return (r, Vec::new());
        }
    };
    let s = &loaded.scenario;
    let started = timestamp();
    let mut times = Vec::with_capacity(s.regimes.len());
    let outcomes: Vec<_> = s
        .regimes
        .iter()
        .map(|r| {
            let t = std::time::Instant::now();
            let o = evaluate(s, r, &loaded.calendar, Method::Paths);
            times.push(t.elapsed().as_secs_f64());
            o
        })
        .collect();
    let mut checks = check_targets(s, &outcomes);
    if variant.is_some() {
        checks.retain(|t| !t.target.exact);
    }
    let figures = permitflow_model::assumed::figures(s);
    let mut properties = vec![
        ("figures.total".to_owned(), figures.total.to_string()),
        (
            "figures.assumed".to_owned(),
            figures.assumed_count().to_string(),
        ),
    ];
    properties.extend(variants::properties(s, variant));
    let mut rows = Vec::new();
    let mut cases = Vec::new();
    for ((r, o), &seconds) in s.regimes.iter().zip(&outcomes).zip(&times) {
        let mine: Vec<_> = checks
            .iter()
            .filter(|t| t.target.regime == r.name)
            .collect();
        let targets: Vec<TargetResult> = mine
            .iter()
            .map(|t| TargetResult {
                name: t.target.name.clone(),
                met: t.met,
                detail: t.detail.clone(),
            })
            .collect();
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
                    approval_days: Some(o.approval_days.get()),
                    working_days: Some(o.working_days().get()),
                    calendar_days: Some(o.calendar_days),
                    fees: Some(o.fees),
                    end_date: o.end_date.format("%Y-%m-%d").to_string(),
                    trips: Some(o.counts.trips),
                    forms: Some(o.counts.forms),
                    materials: Some(o.counts.materials),
                    departments: Some(o.counts.departments),
                    targets,
                    status: status.into(),
                    error: String::new(),
                    calendar: warning.as_ref().map(Warning::short).unwrap_or_default(),
                    assumed_figures: Some(figures.assumed_count()),
                    figures: Some(figures.total),
                });
                for (key, value) in [
                    ("approval_days", o.approval_days.to_string()),
                    ("working_days", o.working_days().to_string()),
                    ("calendar_days", o.calendar_days.to_string()),
                    ("fees", o.fees.to_string()),
                ] {
                    properties.push((format!("{}.{key}", r.name), value));
                }
                for t in &mine {
                    cases.push(Case {
                        name: format!("{}: {}", r.name, t.target.name),
                        failure: (t.met != Some(true)).then(|| t.detail.clone()),
                        error: None,
                        note: None,
                        skipped: None,
                        seconds,
                    });
                }
                if mine.is_empty() {
                    cases.push(Case {
                        name: format!("{}: schedule", r.name),
                        failure: None,
                        error: None,
                        note: None,
                        skipped: None,
                        seconds,
                    });
                }
                if let Some(w) = &warning {
                    // Its own case, so a dashboard shows it: failed under --strict-calendar.
                    cases.push(Case {
                        name: format!("{}: calendar", r.name),
                        failure: strict_fail.then(|| w.to_string()),
                        error: None,
                        note: (!strict_fail).then(|| w.to_string()),
                        skipped: None,
                        seconds,
                    });
                }
            }
            Err(e) => {
                rows.push(Row {
                    file: file.clone(),
                    scenario: s.name.clone(),
                    regime: r.name.to_string(),
                    approval_days: None,
                    working_days: None,
                    calendar_days: None,
                    fees: None,
                    end_date: String::new(),
                    trips: None,
                    forms: None,
                    materials: None,
                    departments: None,
                    targets,
                    status: "infeasible".into(),
                    error: e.to_string().replace('\n', " "),
                    calendar: String::new(),
                    assumed_figures: Some(figures.assumed_count()),
                    figures: Some(figures.total),
                });
                cases.push(Case {
                    name: format!("{}: schedule", r.name),
                    failure: None,
                    error: Some(e.to_string()),
                    note: None,
                    skipped: None,
                    seconds,
                });
                // Its targets cannot be checked without a schedule: skipped, not passed.
                for t in &mine {
                    cases.push(Case {
                        name: format!("{}: {}", r.name, t.target.name),
                        failure: None,
                        error: None,
                        note: None,
                        skipped: Some(format!("not checked: regime `{}` has no schedule", r.name)),
                        seconds: 0.0,
                    });
                }
            }
        }
    }
    let result = FileResult {
        undeclared: variants::names(&skipped),
        file,
        rows,
        cases,
        properties,
        invalid: None,
        timestamp: started,
        seconds: clock.elapsed().as_secs_f64(),
    };
    (result, s.rules.variants.clone())
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
            approval_days: None,
            working_days: None,
            calendar_days: None,
            fees: None,
            end_date: String::new(),
            trips: None,
            forms: None,
            materials: None,
            departments: None,
            targets: Vec::new(),
            status: "invalid".into(),
            error: first,
            calendar: String::new(),
            assumed_figures: None,
            figures: None,
        }],
        properties: Vec::new(),
        cases: vec![Case {
            name: "valid scenario".into(),
            failure: None,
            error: Some(text.clone()),
            note: None,
            skipped: None,
            seconds: 0.0,
        }],
        invalid: Some(text),
        undeclared: Vec::new(),
        timestamp: timestamp(),
        seconds: 0.0,
    }
}

/// Runs one entry: a file, or an entry that cannot be read (an `invalid` row naming why).
/// In English whatever the language of the run: the results table and the JUnit report are
/// for programs, and the shards of one library run on machines in different locales must
/// merge into one table.
pub fn run_entry(entry: &Entry, opts: &Options) -> Vec<FileResult> {
    permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || {
        run_entry_in_english(entry, opts)
    })
}

fn run_entry_in_english(entry: &Entry, opts: &Options) -> Vec<FileResult> {
    match &entry.problem {
        None => run_file(&entry.path, opts),
        Some(why) => {
            let label = entry.path.display().to_string();
            let d = Diagnostic::new(Code::Unreadable, &label, format!("cannot read: {why}"))
                .help("remove the entry or point it at a scenario file or folder; every other scenario was still run");
            vec![invalid(label, &Error::diagnostic(d))]
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
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
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
            w.serialize(CsvRow::from(r)).map_err(|e| e.to_string())?;
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
            Error::msg(tr!(
                "app-not-results",
                place = format!("{label}:{}:{}", e.line(), e.column()),
                error = e.to_string()
            ))
        })
    } else {
        let body = text.strip_prefix(crate::write::UTF8_BOM).unwrap_or(&text);
        let mut r = csv::Reader::from_reader(body.as_bytes());
        r.deserialize::<CsvRow>()
            .map(|row| row.map(Row::from))
            .collect::<Result<Vec<Row>, _>>()
            .map_err(|e| {
                Error::msg(tr!(
                    "app-not-results",
                    place = label.as_str(),
                    error = e.to_string()
                ))
            })
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

/// The summary printed on stdout.
pub fn summary(rows: &[Row], files: usize) -> String {
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    let mut out = tr!(
        "app-batch-summary",
        files = files,
        results = rows.iter().filter(|r| r.status != "invalid").count(),
        pass = count("pass"),
        fail = count("fail"),
        ok = count("ok"),
        infeasible = count("infeasible"),
        invalid = count("invalid")
    );
    out.push('\n');
    for r in rows {
        let line = match r.status.as_str() {
            "fail" => tr!(
                "app-batch-fail",
                file = r.file.as_str(),
                regime = r.regime.as_str(),
                why = [targets_text(&r.targets), r.calendar.clone()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            "infeasible" => tr!(
                "app-batch-infeasible",
                file = r.file.as_str(),
                regime = r.regime.as_str(),
                error = r.error.as_str()
            ),
            "invalid" => tr!(
                "app-batch-invalid",
                file = r.file.as_str(),
                error = r.error.as_str()
            ),
            _ => continue,
        };
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn targets_round_trip_through_their_csv_cell() {
        let targets = vec![
            TargetResult {
                name: "2020 target: 60 working days".into(),
                met: Some(false),
                detail: "36.5 working days > 30".into(),
            },
            TargetResult {
                name: "published".into(),
                met: None,
                detail: "no schedule".into(),
            },
        ];
        let text = targets_text(&targets);
        assert_eq!(
            text,
            "2020 target: 60 working days: MISSED: 36.5 working days > 30; published: n/a: no schedule"
        );
        assert_eq!(parse_targets(&text), targets);
        assert!(parse_targets("").is_empty());
    }

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
