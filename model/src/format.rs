//! The scenario file format (TOML or JSON): serde types of their own, converted into the domain
//! types of [`crate::scenario`] by validation that collects every problem at once.
//!
//! A number may carry its provenance: `days = 10` or `days = { value = 10, source = "assumed" }`.
//! A predecessor is written `after = ["ID", "ID+LAG", "ID:SS-1"]` like the CSV item list, or as a
//! table `{ item = "ID", type = "FS", lag = 0, max_lag = 5 }` when it needs a maximum lag.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diag::{Code, Diagnostic, Diagnostics, offset_of};
use crate::locate::Locator;
use crate::network::find_cycle;
use crate::scenario::*;
use crate::units::*;

/// The two text formats of a scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// By file extension: `.json` is JSON, anything else TOML.
    pub fn from_path(path: &str) -> Self {
        if path.to_ascii_lowercase().ends_with(".json") {
            Self::Json
        } else {
            Self::Toml
        }
    }
}

// ---------------------------------------------------------------------------------------------
// File types

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileScenario {
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<FileCalendar>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FileSource>,
    #[serde(default)]
    pub stages: Vec<FileStage>,
    #[serde(default)]
    pub items: Vec<FileItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint: Vec<FileJoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<FileMeasure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<FileRegime>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<FileTarget>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSource {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// `calendar = "cn"` or `calendar = { base = "cn", files = ["cn-2027.json"] }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FileCalendar {
    pub base: String,
    pub files: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileStage {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub lead: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileItem {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub department: String,
    pub stage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub days: FileNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials: Option<FileMaterials>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<FileAfter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<FileNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<FileSpread>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<FileReturns>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A number, optionally with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct FileNumber {
    pub value: f64,
    pub source: Option<String>,
}

/// A count of documents, or their names.
#[derive(Clone, Debug, PartialEq)]
pub enum FileMaterials {
    Count(u32),
    Named(Vec<String>),
}

/// One predecessor: the compact text form or a table.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAfter {
    Text(String),
    Link(FileLinkSpec),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileLinkSpec {
    pub item: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lag: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_lag: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSpread {
    pub dist: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likely: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileJoint {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<FileNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<FileNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<FileSpread>,
}

/// `returns = { rate = 0.053, rework_days = 3, rereview_days = 2 }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileReturns {
    pub rate: f64,
    pub rework_days: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rereview_days: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMeasure {
    pub id: String,
    pub kind: String,
    /// notification_commitment: the items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// notification_commitment: days the filing takes (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<f64>,
    /// time_limit_compression: item id → new limit.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub limits: BTreeMap<String, f64>,
    /// tolerance_acceptance: the finish-to-start links that become start-to-start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<FileToleranceLink>,
    /// merged_stages: the stages merged into the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
    /// joint_review: the groups (default all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileToleranceLink {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub lag: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRegime {
    pub name: String,
    pub base: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileTarget {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub regime: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trips: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departments: Option<u32>,
    /// `working_days` bounds this stage's span rather than the whole regime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The figures are published results to reproduce exactly, not maximums.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exact: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Flexible fields: hand-written visitors so a wrong shape gets a message that says what is allowed.

fn whole_or_float<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}

impl Serialize for FileNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.source {
            None => whole_or_float(self.value, s),
            Some(src) => {
                #[derive(Serialize)]
                struct Out<'a> {
                    #[serde(serialize_with = "whole_or_float_ref")]
                    value: f64,
                    source: &'a str,
                }
                Out {
                    value: self.value,
                    source: src,
                }
                .serialize(s)
            }
        }
    }
}

fn whole_or_float_ref<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    whole_or_float(*v, s)
}

impl<'de> Deserialize<'de> for FileNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or a table { value = N, source = \"…\" }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileNumber, E> {
                Ok(FileNumber {
                    value: v as f64,
                    source: None,
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileNumber, E> {
                self.visit_i64(v as i64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileNumber, E> {
                Ok(FileNumber {
                    value: v,
                    source: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileNumber, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct In {
                    value: f64,
                    #[serde(default)]
                    source: Option<String>,
                }
                let i = In::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FileNumber {
                    value: i.value,
                    source: i.source,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileMaterials {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Count(n) => s.serialize_u32(*n),
            Self::Named(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FileMaterials {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileMaterials;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a count of documents, or a list of their names")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileMaterials, E> {
                u32::try_from(v)
                    .map(FileMaterials::Count)
                    .map_err(|_| E::custom(format!("materials must be a count from 0, not {v}")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileMaterials, E> {
                u32::try_from(v)
                    .map(FileMaterials::Count)
                    .map_err(|_| E::custom(format!("materials count {v} is too large")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<FileMaterials, A::Error> {
                Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(FileMaterials::Named)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileAfter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::Link(l) => l.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FileAfter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileAfter;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a predecessor like \"ID\", \"ID+2\", \"ID:SS-1\", or a table { item = \"ID\", type = \"FS\", lag = 0, max_lag = 5 }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileAfter, E> {
                Ok(FileAfter::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileAfter, A::Error> {
                FileLinkSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(FileAfter::Link)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileCalendar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.files.is_empty() {
            s.serialize_str(&self.base)
        } else {
            #[derive(Serialize)]
            struct Out<'a> {
                base: &'a str,
                files: &'a [String],
            }
            Out {
                base: &self.base,
                files: &self.files,
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for FileCalendar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileCalendar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"cn\", \"weekends\", or { base = \"cn\", files = [\"….json\"] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileCalendar, E> {
                Ok(FileCalendar {
                    base: v.to_owned(),
                    files: vec![],
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileCalendar, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct In {
                    #[serde(default = "cn")]
                    base: String,
                    #[serde(default)]
                    files: Vec<String>,
                }
                fn cn() -> String {
                    "cn".into()
                }
                let i = In::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FileCalendar {
                    base: i.base,
                    files: i.files,
                })
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads a scenario from the text of a TOML or JSON file. `file` names it in diagnostics.
pub fn parse_scenario(text: &str, file: &str, format: Format) -> Result<Scenario, Diagnostics> {
    if text.trim().is_empty() {
        return Err(Diagnostics::single(
            Diagnostic::new(Code::Empty, file, "the file is empty")
                .help("write a scenario (see scenarios/ for examples) or import a CSV item list with `permitflow import`"),
        ));
    }
    let raw: FileScenario = match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_owned();
            Diagnostics::single(syntax_diagnostic(file, &msg).at(text, e.span()))
        })?,
        Format::Json => serde_json::from_str(text).map_err(|e| {
            let full = e.to_string();
            let msg = full
                .rsplit_once(" at line ")
                .map(|(m, _)| m.to_owned())
                .unwrap_or(full);
            let span = offset_of(text, e.line(), e.column().max(1)).map(|o| o..o + 1);
            Diagnostics::single(syntax_diagnostic(file, &msg).at(text, span))
        })?,
    };
    let locator = Locator::new(text, format == Format::Json);
    from_file(raw, file, &locator)
}

fn syntax_diagnostic(file: &str, msg: &str) -> Diagnostic {
    let help = if msg.starts_with("unknown field") {
        "remove the field or correct its spelling; the expected fields are listed above"
    } else if msg.starts_with("missing field") {
        "add the field"
    } else if msg.starts_with("invalid type") || msg.starts_with("invalid value") {
        "write the value in the form expected above"
    } else {
        "correct the syntax at this position"
    };
    Diagnostic::new(Code::Syntax, file, msg).help(help)
}

/// What a diagnostic needs to find its place in the text.
struct Ctx<'a> {
    file: &'a str,
    loc: Option<&'a Locator<'a>>,
    diags: Vec<Diagnostic>,
    stages: Vec<Range<usize>>,
    items: Vec<Range<usize>>,
    joint: Vec<Range<usize>>,
    measures: Vec<Range<usize>>,
    regimes: Vec<Range<usize>>,
    targets: Vec<Range<usize>>,
}

/// Which part of an entry a diagnostic points at.
enum At<'s> {
    Entry,
    Key(&'s str),
    Value(&'s str),
    Str(&'s str),
}

impl<'a> Ctx<'a> {
    fn new(file: &'a str, loc: Option<&'a Locator<'a>>) -> Self {
        let entries = |name: &str| loc.map(|l| l.entries(name)).unwrap_or_default();
        Self {
            file,
            loc,
            diags: Vec::new(),
            stages: entries("stages"),
            items: entries("items"),
            joint: entries("joint"),
            measures: entries("measures"),
            regimes: entries("regimes"),
            targets: entries("targets"),
        }
    }

    fn span(&self, entry: Option<Range<usize>>, at: At) -> Option<Range<usize>> {
        let loc = self.loc?;
        let entry = entry.unwrap_or_else(|| loc.all());
        match at {
            At::Entry => {
                let t = &loc.text()[entry.clone()];
                let lead = t.len() - t.trim_start().len();
                let first_line = t.trim_start().lines().next().unwrap_or("").trim_end();
                Some(entry.start + lead..entry.start + lead + first_line.len().max(1))
            }
            At::Key(k) => loc
                .key(entry.clone(), k)
                .or_else(|| self.span(Some(entry), At::Entry)),
            At::Value(k) => loc
                .value(entry.clone(), k)
                .or_else(|| self.span(Some(entry), At::Entry)),
            At::Str(s) => loc
                .string(entry.clone(), s)
                .or_else(|| self.span(Some(entry), At::Entry)),
        }
    }

    fn push(
        &mut self,
        code: Code,
        entry: Option<Range<usize>>,
        at: At,
        subject: Option<String>,
        message: String,
        help: &str,
    ) {
        let span = self.span(entry, at);
        let text = self.loc.map(|l| l.text()).unwrap_or("");
        let mut d = Diagnostic::new(code, self.file, message)
            .help(help)
            .at(text, span);
        d.subject = subject;
        self.diags.push(d);
    }
}

fn entry(ranges: &[Range<usize>], i: usize) -> Option<Range<usize>> {
    ranges.get(i).cloned()
}

/// Characters an id may not contain: they separate predecessors, link types and lags.
fn bad_id_char(id: &str) -> Option<char> {
    id.chars()
        .find(|c| c.is_whitespace() || matches!(c, ';' | ':' | ',' | '"' | '\'' | '+' | '='))
}

fn closest<'s>(word: &str, candidates: impl IntoIterator<Item = &'s str>) -> Option<&'s str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn unknown_help(kind: &str, word: &str, known: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for k in known {
        if !unique.contains(k) {
            unique.push(k);
        }
    }
    let known = &unique[..];
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    match closest(word, known.iter().copied()) {
        Some(c) => format!("did you mean `{c}`? Otherwise add {article} {kind} with this id"),
        None if known.len() <= 8 => format!(
            "use one of the {kind} ids: {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => format!("use the id of an existing {kind} or add one"),
    }
}

/// The largest time limit, lag, release or deadline: 10,000 working days is about 40 years.
pub const MAX_DAYS: f64 = 10_000.0;

/// Parses a working-day number: finite, a multiple of half a day, at most [`MAX_DAYS`] in size
/// and, unless `negative_ok`, ≥ 0.
fn days_problem(v: f64, negative_ok: bool) -> Option<&'static str> {
    if !v.is_finite() {
        Some("is not a number")
    } else if v.abs() > MAX_DAYS {
        Some("is beyond 10,000 working days (about 40 years)")
    } else if !negative_ok && v < 0.0 {
        Some("is negative")
    } else if !WorkingDays::new(v).is_half_step() {
        Some("is not a multiple of half a working day")
    } else {
        None
    }
}

/// One predecessor, parsed from the compact text `ID`, `ID+LAG`, `ID-LAG`, `ID:SS`, `ID:SS+LAG`.
/// `known` resolves ids that themselves contain `-`.
pub fn parse_after(text: &str, known: &dyn Fn(&str) -> bool) -> Result<ParsedAfter, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("an empty predecessor".into());
    }
    let (id_part, rest) = match t.split_once(':') {
        Some((id, rest)) => (id.trim(), Some(rest.trim())),
        None => (t, None),
    };
    let (id, kind, lag_text) = match rest {
        Some(rest) => {
            let (code, lag) = match rest.find(['+', '-']) {
                Some(p) => (&rest[..p], Some(&rest[p..])),
                None => (rest, None),
            };
            let kind = LinkKind::parse(code.trim()).ok_or_else(|| {
                format!("unknown link type `{}` (use FS, SS, FF or SF)", code.trim())
            })?;
            (id_part, kind, lag)
        }
        None => {
            if known(id_part) {
                (id_part, LinkKind::FinishToStart, None)
            } else {
                match id_part.rfind(['+', '-']) {
                    Some(p) if p > 0 && id_part[p + 1..].trim().parse::<f64>().is_ok() => (
                        id_part[..p].trim(),
                        LinkKind::FinishToStart,
                        Some(&id_part[p..]),
                    ),
                    _ => (id_part, LinkKind::FinishToStart, None),
                }
            }
        }
    };
    let lag = match lag_text {
        None => 0.0,
        Some(l) => {
            let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            compact
                .parse::<f64>()
                .map_err(|_| format!("the lag `{l}` is not a number of working days"))?
        }
    };
    if id.is_empty() {
        return Err("a predecessor without an item id".into());
    }
    Ok(ParsedAfter {
        id: id.to_owned(),
        kind,
        lag,
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParsedAfter {
    pub id: String,
    pub kind: LinkKind,
    pub lag: f64,
}

/// Converts and validates a parsed file. `loc` places diagnostics; without it they name the file
/// and the item only.
pub(crate) fn from_file(
    raw: FileScenario,
    file: &str,
    loc: &Locator<'_>,
) -> Result<Scenario, Diagnostics> {
    let mut cx = Ctx::new(file, Some(loc));
    let scenario = convert(raw, &mut cx);
    if cx.diags.is_empty() {
        Ok(scenario)
    } else {
        Err(Diagnostics(cx.diags))
    }
}

/// Validates a scenario built in memory (by the CSV reader or an editor) by writing it out and
/// reading it back, so there is one set of rules.
pub fn validate(scenario: &Scenario, file: &str) -> Result<Scenario, Diagnostics> {
    let raw = FileScenario::from(scenario);
    let mut cx = Ctx::new(file, None);
    let s = convert(raw, &mut cx);
    if cx.diags.is_empty() {
        Ok(s)
    } else {
        Err(Diagnostics(cx.diags))
    }
}

/// The largest model permitflow accepts: far beyond any approval flow (the shipped ones have tens
/// of items), small enough that a runaway generated file gets a clear error instead of exhausting
/// memory in the regime networks, the simulation or the LP.
pub const MAX_ITEMS: usize = 200_000;
pub const MAX_LINKS: usize = 2_000_000;
pub const MAX_JOINT_GROUPS: usize = 100_000;

fn convert(raw: FileScenario, cx: &mut Ctx<'_>) -> Scenario {
    let links: usize = raw.items.iter().map(|i| i.after.len()).sum();
    for (what, n, max) in [
        ("items", raw.items.len(), MAX_ITEMS),
        ("links", links, MAX_LINKS),
        ("joint groups", raw.joint.len(), MAX_JOINT_GROUPS),
        ("stages", raw.stages.len(), MAX_ITEMS),
        ("regimes", raw.regimes.len(), MAX_JOINT_GROUPS),
    ] {
        if n > max {
            cx.push(
                Code::BadValue,
                None,
                At::Entry,
                None,
                format!("the scenario has {n} {what}; permitflow accepts at most {max}"),
                "check that the file was generated as intended, or split it into several scenarios",
            );
            // Nothing else is checked: a model this size is refused as a whole.
            return Scenario {
                name: raw.name,
                description: String::new(),
                sources: vec![],
                start: NaiveDate::default(),
                calendar: CalendarSpec::default(),
                stages: vec![],
                items: vec![],
                links: vec![],
                joint_groups: vec![],
                measures: vec![],
                regimes: vec![],
                targets: vec![],
            };
        }
    }
    if raw.version != FORMAT_VERSION {
        cx.push(
            Code::Version,
            None,
            At::Value("version"),
            None,
            format!(
                "scenario version {} is not supported (this build reads version {FORMAT_VERSION})",
                raw.version
            ),
            "set `version = 1`, or upgrade permitflow",
        );
    }

    let start = match NaiveDate::parse_from_str(raw.start.trim(), "%Y-%m-%d") {
        Ok(d) => d,
        Err(_) => {
            cx.push(
                Code::BadDate,
                None,
                At::Value("start"),
                None,
                format!("the start date `{}` is not a date", raw.start),
                "write the date as YYYY-MM-DD, e.g. \"2025-03-03\"",
            );
            NaiveDate::default()
        }
    };

    let calendar = match &raw.calendar {
        None => CalendarSpec::default(),
        Some(c) => {
            let base = match c.base.as_str() {
                "cn" | "china" => BaseCalendar::China,
                "weekends" | "none" => BaseCalendar::Weekends,
                other => {
                    cx.push(
                        Code::BadCalendar,
                        None,
                        At::Value("calendar"),
                        None,
                        format!("unknown calendar `{other}`"),
                        "use \"cn\" (China's official holidays) or \"weekends\" (Monday to Friday), and add holiday-cn JSON files with `files`",
                    );
                    BaseCalendar::China
                }
            };
            CalendarSpec {
                base,
                files: c.files.clone(),
            }
        }
    };

    let mut source_ids = BTreeSet::new();
    let sources = raw
        .sources
        .iter()
        .map(|s| {
            if !source_ids.insert(s.id.clone()) {
                cx.push(
                    Code::DuplicateId,
                    None,
                    At::Str(&s.id),
                    Some(format!("source `{}`", s.id)),
                    format!("source id `{}` is used twice", s.id),
                    "give each source its own id",
                );
            }
            SourceRef {
                id: s.id.clone(),
                title: s.title.clone(),
                note: s.note.clone(),
            }
        })
        .collect();

    // Stages.
    if raw.stages.is_empty() {
        cx.push(
            Code::EmptyModel,
            None,
            At::Entry,
            None,
            "the scenario has no stages".into(),
            "add at least one [[stages]] table with id, name and lead",
        );
    }
    let mut stage_ids: HashMap<String, usize> = HashMap::new();
    let mut stages = Vec::new();
    for (i, s) in raw.stages.iter().enumerate() {
        let e = entry(&cx.stages, i);
        if s.id.trim().is_empty() {
            // Stage ids never appear in the `after` syntax, so any text will do (CSV files use
            // the stage's name).
            cx.push(
                Code::BadId,
                e.clone(),
                At::Entry,
                None,
                "a stage has an empty id".into(),
                "give it a short id such as `construction`",
            );
        }
        if stage_ids.insert(s.id.clone(), i).is_some() {
            cx.push(
                Code::DuplicateId,
                e,
                At::Value("id"),
                Some(format!("stage `{}`", s.id)),
                format!("stage id `{}` is used twice", s.id),
                "give each stage its own id",
            );
        }
        stages.push(Stage {
            id: StageId::new(&s.id),
            name: if s.name.is_empty() {
                s.id.clone()
            } else {
                s.name.clone()
            },
            lead: Department::new(&s.lead),
        });
    }
    let stage_names: Vec<&str> = raw.stages.iter().map(|s| s.id.as_str()).collect();

    // Items.
    if raw.items.is_empty() {
        cx.push(
            Code::EmptyModel,
            None,
            At::Entry,
            None,
            "the scenario has no items".into(),
            "add [[items]] tables, one per department's item",
        );
    }
    let mut item_index: HashMap<String, usize> = HashMap::new();
    for (i, it) in raw.items.iter().enumerate() {
        let e = entry(&cx.items, i);
        check_id(cx, e.clone(), "item", &it.id);
        if item_index.insert(it.id.clone(), i).is_some() {
            cx.push(
                Code::DuplicateId,
                e,
                At::Value("id"),
                Some(format!("item `{}`", it.id)),
                format!("item id `{}` is used twice", it.id),
                "give each item its own id",
            );
        }
    }
    let item_names: Vec<&str> = raw.items.iter().map(|i| i.id.as_str()).collect();
    let known_item = |id: &str| item_index.contains_key(id);

    let mut items = Vec::new();
    let mut links = Vec::new();
    let mut link_entry: Vec<usize> = Vec::new();
    for (i, it) in raw.items.iter().enumerate() {
        let e = entry(&cx.items, i);
        let subject = Some(format!("item `{}`", it.id));
        if !stage_ids.contains_key(&it.stage) {
            let help = unknown_help("stage", &it.stage, &stage_names);
            cx.push(
                Code::UnknownId,
                e.clone(),
                At::Value("stage"),
                subject.clone(),
                format!("unknown stage `{}`", it.stage),
                &help,
            );
        }
        let kind = match &it.kind {
            None => ItemKind::Review,
            Some(k) => ItemKind::parse(k).unwrap_or_else(|| {
                cx.push(
                    Code::BadValue,
                    e.clone(),
                    At::Value("kind"),
                    subject.clone(),
                    format!("unknown item kind `{k}`"),
                    "use review, filing, applicant_work or utility_service",
                );
                ItemKind::Review
            }),
        };
        if let Some(p) = days_problem(it.days.value, false) {
            cx.push(
                Code::BadDays,
                e.clone(),
                At::Value("days"),
                subject.clone(),
                format!("the time limit {} {p}", it.days.value),
                "write the limit in working days, in steps of 0.5 (e.g. 10 or 36.5)",
            );
        }
        let floor = it.floor.as_ref().map(|f| {
            if let Some(p) = days_problem(f.value, false) {
                cx.push(
                    Code::BadDays,
                    e.clone(),
                    At::Value("floor"),
                    subject.clone(),
                    format!("the floor {} {p}", f.value),
                    "write the floor in working days, in steps of 0.5",
                );
            } else if f.value > it.days.value {
                cx.push(
                    Code::BadValue,
                    e.clone(),
                    At::Value("floor"),
                    subject.clone(),
                    format!(
                        "the floor {} is above the time limit {}",
                        f.value, it.days.value
                    ),
                    "a floor is the least limit the department can commit to: make it at most the limit",
                );
            }
            Sourced::new(
                WorkingDays::new(f.value),
                f.source.as_deref().map(Provenance::parse).unwrap_or_default(),
            )
        });
        if let Some(c) = it.cost
            && !(c.is_finite() && c >= 0.0)
        {
            cx.push(
                Code::BadValue,
                e.clone(),
                At::Value("cost"),
                subject.clone(),
                format!("the cost {c} is not a number from 0 up"),
                "give the cost of cutting one working day, 0 or more",
            );
        }
        for (key, v, neg) in [
            ("release", it.release, false),
            ("deadline", it.deadline, false),
        ] {
            if let Some(v) = v
                && let Some(p) = days_problem(v, neg)
            {
                cx.push(
                    Code::BadDays,
                    e.clone(),
                    At::Value(key),
                    subject.clone(),
                    format!("the {key} {v} {p}"),
                    "write it in working days from the project start, in steps of 0.5",
                );
            }
        }
        let spread = it.spread.as_ref().and_then(|s| {
            let r = convert_spread(s);
            if let Err(msg) = &r {
                cx.push(
                    Code::BadValue,
                    e.clone(),
                    At::Key("spread"),
                    subject.clone(),
                    msg.clone(),
                    "give dist = \"triangular\" or \"pert\" with min ≤ likely ≤ max, \"uniform\" with min ≤ max, or \"fixed\"",
                );
            }
            r.ok()
        });
        let returns = it.returns.as_ref().and_then(|r| {
            let problem = if !(r.rate.is_finite() && (0.0..1.0).contains(&r.rate)) {
                Some(format!("the return rate {} is not a probability below 1", r.rate))
            } else if !(r.rework_days.is_finite() && r.rework_days >= 0.0) {
                Some(format!("the rework time {} is not a duration from 0 up", r.rework_days))
            } else if r
                .rereview_days
                .is_some_and(|d| !(d.is_finite() && d >= 0.0))
            {
                Some("the re-review time is not a duration from 0 up".to_owned())
            } else {
                None
            };
            match problem {
                Some(msg) => {
                    cx.push(
                        Code::BadValue,
                        e.clone(),
                        At::Key("returns"),
                        subject.clone(),
                        msg,
                        "give rate as a share from 0 to below 1 (5.3 % is 0.053), rework_days and rereview_days in working days",
                    );
                    None
                }
                None => Some(Returns {
                    rate: r.rate,
                    rework: WorkingDays::new(r.rework_days),
                    rereview: r.rereview_days.map(WorkingDays::new),
                }),
            }
        });
        for a in &it.after {
            let (parsed, max_lag) = match a {
                FileAfter::Text(t) => match parse_after(t, &known_item) {
                    Ok(p) => (p, None),
                    Err(msg) => {
                        cx.push(
                            Code::BadLink,
                            e.clone(),
                            At::Str(t),
                            subject.clone(),
                            format!("cannot read predecessor `{t}`: {msg}"),
                            "write ID, ID+LAG, ID-LAG or ID:SS+LAG (types FS, SS, FF, SF; lag in working days)",
                        );
                        continue;
                    }
                },
                FileAfter::Link(l) => {
                    let kind = match &l.kind {
                        None => LinkKind::FinishToStart,
                        Some(k) => match LinkKind::parse(k) {
                            Some(k) => k,
                            None => {
                                cx.push(
                                    Code::BadLink,
                                    e.clone(),
                                    At::Str(k),
                                    subject.clone(),
                                    format!("unknown link type `{k}`"),
                                    "use FS, SS, FF or SF",
                                );
                                continue;
                            }
                        },
                    };
                    (
                        ParsedAfter {
                            id: l.item.clone(),
                            kind,
                            lag: l.lag.unwrap_or(0.0),
                        },
                        l.max_lag,
                    )
                }
            };
            if !known_item(&parsed.id) {
                let help = unknown_help("item", &parsed.id, &item_names);
                cx.push(
                    Code::UnknownId,
                    e.clone(),
                    At::Str(&parsed.id),
                    subject.clone(),
                    format!("unknown predecessor `{}`", parsed.id),
                    &help,
                );
                continue;
            }
            if parsed.id == it.id {
                cx.push(
                    Code::BadLink,
                    e.clone(),
                    At::Str(&parsed.id),
                    subject.clone(),
                    format!("item `{}` cannot come after itself", it.id),
                    "remove it from its own `after` list",
                );
                continue;
            }
            let mut ok = true;
            for (what, v) in [("lag", Some(parsed.lag)), ("maximum lag", max_lag)] {
                if let Some(v) = v
                    && let Some(p) = days_problem(v, true)
                {
                    ok = false;
                    cx.push(
                        Code::BadDays,
                        e.clone(),
                        At::Str(&parsed.id),
                        subject.clone(),
                        format!("the {what} {v} after `{}` {p}", parsed.id),
                        "write lags in working days, in steps of 0.5",
                    );
                }
            }
            if let Some(m) = max_lag
                && m < parsed.lag
            {
                ok = false;
                cx.push(
                    Code::BadLink,
                    e.clone(),
                    At::Str(&parsed.id),
                    subject.clone(),
                    format!(
                        "the maximum lag {m} after `{}` is below its lag {}",
                        parsed.id, parsed.lag
                    ),
                    "make max_lag at least lag",
                );
            }
            if ok {
                links.push(Link {
                    from: ItemId::new(&parsed.id),
                    to: ItemId::new(&it.id),
                    kind: parsed.kind,
                    lag: WorkingDays::new(parsed.lag),
                    max_lag: max_lag.map(WorkingDays::new),
                });
                link_entry.push(i);
            }
        }
        items.push(Item {
            id: ItemId::new(&it.id),
            name: if it.name.is_empty() {
                it.id.clone()
            } else {
                it.name.clone()
            },
            department: Department::new(&it.department),
            stage: StageId::new(&it.stage),
            kind,
            days: Sourced::new(
                WorkingDays::new(it.days.value),
                it.days
                    .source
                    .as_deref()
                    .map(Provenance::parse)
                    .unwrap_or_default(),
            ),
            materials: match &it.materials {
                None => Materials::Count(0),
                Some(FileMaterials::Count(n)) => Materials::Count(*n),
                Some(FileMaterials::Named(v)) => Materials::Named(v.clone()),
            },
            forms: it.forms.unwrap_or(1),
            floor,
            cost: it.cost,
            spread,
            returns,
            release: it.release.map(WorkingDays::new),
            deadline: it.deadline.map(WorkingDays::new),
            note: it.note.clone(),
        });
    }

    // Stages run in order: a link from a later stage back to an earlier one cannot hold once the
    // earlier stage's delivery closes it.
    for l in &links {
        let (Some(&a), Some(&b)) = (
            item_index.get(l.from.as_str()),
            item_index.get(l.to.as_str()),
        ) else {
            continue;
        };
        let (sa, sb) = (
            stage_ids.get(&raw.items[a].stage),
            stage_ids.get(&raw.items[b].stage),
        );
        if let (Some(&sa), Some(&sb)) = (sa, sb)
            && sa > sb
        {
            cx.push(
                Code::BadLink,
                entry(&cx.items, b),
                At::Str(l.from.as_str()),
                Some(format!("item `{}`", l.to)),
                format!(
                    "`{}` comes after `{}`, but `{}` is in stage `{}`, which ends before stage `{}` begins",
                    l.to, l.from, l.to, raw.items[b].stage, raw.items[a].stage
                ),
                "a link cannot run back across stages: move one of the items to another stage, or link them the other way",
            );
        }
    }

    // Cycles among links: name the cycle.
    if cx.diags.iter().all(|d| d.code != Code::UnknownId) {
        let edges: Vec<(usize, usize)> = links
            .iter()
            .filter_map(|l| {
                Some((
                    item_index.get(l.from.as_str())?,
                    item_index.get(l.to.as_str())?,
                ))
            })
            .map(|(a, b)| (*a, *b))
            .collect();
        if let Some(cycle) = find_cycle(raw.items.len(), &edges) {
            let names: Vec<&str> = cycle.iter().map(|&i| raw.items[i].id.as_str()).collect();
            let first = cycle[0];
            let path = names
                .iter()
                .chain(names.first())
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" → ");
            cx.push(
                Code::Cycle,
                entry(&cx.items, first),
                At::Key("after"),
                Some(format!("item `{}`", raw.items[first].id)),
                format!("the links go round in a circle: {path}"),
                "remove one of these predecessors; a maximum lag (max_lag) expresses \"no later than\" without a cycle",
            );
        }
    }
    let _ = link_entry;

    // Joint groups: defined in [[joint]], membership on the items.
    let mut group_defs: Vec<JointGroup> = Vec::new();
    for (i, g) in raw.joint.iter().enumerate() {
        let e = entry(&cx.joint, i);
        check_id(cx, e.clone(), "joint group", &g.id);
        if group_defs.iter().any(|d| d.id.as_str() == g.id) {
            cx.push(
                Code::DuplicateId,
                e.clone(),
                At::Value("id"),
                Some(format!("joint group `{}`", g.id)),
                format!("joint group id `{}` is used twice", g.id),
                "give each joint group its own id",
            );
        }
        if let Some(d) = &g.days
            && let Some(p) = days_problem(d.value, false)
        {
            cx.push(
                Code::BadDays,
                e.clone(),
                At::Value("days"),
                Some(format!("joint group `{}`", g.id)),
                format!("the joint time limit {} {p}", d.value),
                "write the limit in working days, in steps of 0.5",
            );
        }
        group_defs.push(JointGroup {
            id: GroupId::new(&g.id),
            name: if g.name.is_empty() {
                g.id.clone()
            } else {
                g.name.clone()
            },
            items: vec![],
            days: g.days.as_ref().map(|d| {
                Sourced::new(
                    WorkingDays::new(d.value),
                    d.source
                        .as_deref()
                        .map(Provenance::parse)
                        .unwrap_or_default(),
                )
            }),
            department: g.department.as_deref().map(Department::new),
            floor: g.floor.as_ref().map(|f| {
                Sourced::new(
                    WorkingDays::new(f.value),
                    f.source.as_deref().map(Provenance::parse).unwrap_or_default(),
                )
            }),
            cost: g.cost,
            spread: g.spread.as_ref().and_then(|sp| match convert_spread(sp) {
                Ok(d) => Some(d),
                Err(msg) => {
                    cx.push(
                        Code::BadValue,
                        e.clone(),
                        At::Key("spread"),
                        Some(format!("joint group `{}`", g.id)),
                        msg,
                        "give dist = \"triangular\" or \"pert\" with min ≤ likely ≤ max, \"uniform\" with min ≤ max, or \"fixed\"",
                    );
                    None
                }
            }),
        });
        let limit = g.days.as_ref().map(|d| d.value);
        if let Some(f) = &g.floor {
            if let Some(p) = days_problem(f.value, false) {
                cx.push(
                    Code::BadDays,
                    e.clone(),
                    At::Value("floor"),
                    Some(format!("joint group `{}`", g.id)),
                    format!("the floor {} {p}", f.value),
                    "write the floor in working days, in steps of 0.5",
                );
            } else if limit.is_some_and(|l| f.value > l) {
                cx.push(
                    Code::BadValue,
                    e.clone(),
                    At::Value("floor"),
                    Some(format!("joint group `{}`", g.id)),
                    format!("the floor {} is above the joint limit {}", f.value, limit.unwrap_or_default()),
                    "a floor is the least limit the joint event can commit to: make it at most the limit",
                );
            }
        }
        if let Some(c) = g.cost
            && !(c.is_finite() && c >= 0.0)
        {
            cx.push(
                Code::BadValue,
                e.clone(),
                At::Value("cost"),
                Some(format!("joint group `{}`", g.id)),
                format!("the cost {c} is not a number from 0 up"),
                "give the cost of cutting one working day, 0 or more",
            );
        }
    }
    for it in &raw.items {
        if let Some(g) = &it.joint {
            match group_defs.iter_mut().find(|d| d.id.as_str() == g) {
                Some(d) => d.items.push(ItemId::new(&it.id)),
                None => group_defs.push(JointGroup {
                    id: GroupId::new(g),
                    name: g.clone(),
                    items: vec![ItemId::new(&it.id)],
                    days: None,
                    department: None,
                    floor: None,
                    cost: None,
                    spread: None,
                }),
            }
        }
    }
    for (gi, g) in group_defs.iter().enumerate() {
        let e = if gi < raw.joint.len() {
            entry(&cx.joint, gi)
        } else {
            None
        };
        if item_index.contains_key(g.id.as_str()) {
            let member = g
                .items
                .first()
                .and_then(|id| item_index.get(id.as_str()).copied());
            cx.push(
                Code::DuplicateId,
                e.clone()
                    .or_else(|| member.and_then(|i| entry(&cx.items, i))),
                At::Str(g.id.as_str()),
                Some(format!("joint group `{}`", g.id)),
                format!("joint group `{}` has the same id as an item", g.id),
                "a joint event is reported under its group id: give the group its own id",
            );
        }
        if g.items.is_empty() {
            cx.push(
                Code::UnknownId,
                e.clone(),
                At::Value("id"),
                Some(format!("joint group `{}`", g.id)),
                format!("joint group `{}` has no items", g.id),
                "add `joint = \"<group id>\"` to the items it merges, or remove the group",
            );
            continue;
        }
        // Items in unknown stages are reported already.
        let stages_of: BTreeSet<&str> = g
            .items
            .iter()
            .filter_map(|id| raw.items.get(*item_index.get(id.as_str())?))
            .map(|it| it.stage.as_str())
            .filter(|s| stage_ids.contains_key(*s))
            .collect();
        if stages_of.len() > 1 {
            let detail = g
                .items
                .iter()
                .filter_map(|id| raw.items.get(*item_index.get(id.as_str())?))
                .map(|it| format!("`{}` in `{}`", it.id, it.stage))
                .collect::<Vec<_>>()
                .join(", ");
            let last = g
                .items
                .last()
                .and_then(|id| item_index.get(id.as_str()).copied());
            cx.push(
                Code::JointSpansStages,
                last.and_then(|i| entry(&cx.items, i)),
                At::Value("joint"),
                Some(format!("joint group `{}`", g.id)),
                format!("joint group `{}` spans stages: {detail}", g.id),
                "a joint event happens within one stage: move the items into one stage or split the group",
            );
        }
    }
    let group_names: Vec<String> = group_defs.iter().map(|g| g.id.to_string()).collect();
    let group_refs: Vec<&str> = group_names.iter().map(String::as_str).collect();

    // Measures.
    let mut measures = Vec::new();
    for (i, m) in raw.measures.iter().enumerate() {
        let e = entry(&cx.measures, i);
        let subject = Some(format!("measure `{}`", m.id));
        check_id(cx, e.clone(), "measure", &m.id);
        if raw.measures[..i].iter().any(|o| o.id == m.id) {
            cx.push(
                Code::DuplicateId,
                e.clone(),
                At::Value("id"),
                subject.clone(),
                format!("measure id `{}` is used twice", m.id),
                "give each measure its own id",
            );
        }
        let allowed: &[&str] = match m.kind.as_str() {
            "joint_review" => &["groups"],
            "notification_commitment" => &["items", "days"],
            "tolerance_acceptance" => &["links"],
            "time_limit_compression" => &["limits"],
            "merged_stages" => &["stages"],
            "online_submission" => &[],
            other => {
                cx.push(
                    Code::BadMeasure,
                    e.clone(),
                    At::Value("kind"),
                    subject.clone(),
                    format!("unknown measure kind `{other}`"),
                    "use joint_review, notification_commitment, tolerance_acceptance, time_limit_compression, merged_stages or online_submission",
                );
                continue;
            }
        };
        let present = [
            ("items", !m.items.is_empty()),
            ("days", m.days.is_some()),
            ("limits", !m.limits.is_empty()),
            ("links", !m.links.is_empty()),
            ("stages", !m.stages.is_empty()),
            ("groups", m.groups.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !allowed.contains(&field) {
                cx.push(
                    Code::BadMeasure,
                    e.clone(),
                    At::Key(field),
                    subject.clone(),
                    format!("`{field}` does not apply to a {} measure", m.kind),
                    &format!(
                        "a {} measure takes {}",
                        m.kind,
                        if allowed.is_empty() {
                            "no parameters".to_owned()
                        } else {
                            allowed.join(", ")
                        }
                    ),
                );
            }
        }
        let unknown_item = |cx: &mut Ctx<'_>, id: &str| {
            if !known_item(id) {
                let help = unknown_help("item", id, &item_names);
                cx.push(
                    Code::UnknownId,
                    e.clone(),
                    At::Str(id),
                    subject.clone(),
                    format!("unknown item `{id}`"),
                    &help,
                );
                true
            } else {
                false
            }
        };
        let measure = match m.kind.as_str() {
            "joint_review" => {
                if let Some(gs) = &m.groups {
                    for g in gs {
                        if !group_refs.contains(&g.as_str()) {
                            let help = unknown_help("joint group", g, &group_refs);
                            cx.push(
                                Code::UnknownId,
                                e.clone(),
                                At::Str(g),
                                subject.clone(),
                                format!("unknown joint group `{g}`"),
                                &help,
                            );
                        }
                    }
                }
                Measure::JointReview {
                    groups: m
                        .groups
                        .as_ref()
                        .map(|gs| gs.iter().map(GroupId::new).collect()),
                }
            }
            "notification_commitment" => {
                if m.items.is_empty() {
                    cx.push(
                        Code::BadMeasure,
                        e.clone(),
                        At::Entry,
                        subject.clone(),
                        "a notification_commitment measure names no items".into(),
                        "add items = [\"…\"]: the approvals that become filings on commitment",
                    );
                }
                for id in &m.items {
                    unknown_item(cx, id);
                }
                let days = m.days.unwrap_or(0.0);
                if let Some(p) = days_problem(days, false) {
                    cx.push(
                        Code::BadDays,
                        e.clone(),
                        At::Value("days"),
                        subject.clone(),
                        format!("the filing time {days} {p}"),
                        "write it in working days, in steps of 0.5 (usually 0)",
                    );
                }
                Measure::NotificationCommitment {
                    items: m.items.iter().map(ItemId::new).collect(),
                    days: WorkingDays::new(days),
                }
            }
            "tolerance_acceptance" => {
                if m.links.is_empty() {
                    cx.push(
                        Code::BadMeasure,
                        e.clone(),
                        At::Entry,
                        subject.clone(),
                        "a tolerance_acceptance measure names no links".into(),
                        "add links = [{ from = \"…\", to = \"…\", lag = 0 }]",
                    );
                }
                for l in &m.links {
                    let a = unknown_item(cx, &l.from);
                    let b = unknown_item(cx, &l.to);
                    if !a
                        && !b
                        && !links.iter().any(|k| {
                            k.from.as_str() == l.from
                                && k.to.as_str() == l.to
                                && k.kind == LinkKind::FinishToStart
                        })
                    {
                        cx.push(
                            Code::BadMeasure,
                            e.clone(),
                            At::Str(&l.from),
                            subject.clone(),
                            format!(
                                "there is no finish-to-start link from `{}` to `{}` to accept with tolerance",
                                l.from, l.to
                            ),
                            "name a link written as `after = [\"<from>\"]` on the `to` item",
                        );
                    }
                    if let Some(p) = days_problem(l.lag, true) {
                        cx.push(
                            Code::BadDays,
                            e.clone(),
                            At::Str(&l.from),
                            subject.clone(),
                            format!("the lag {} {p}", l.lag),
                            "write it in working days, in steps of 0.5",
                        );
                    }
                }
                Measure::ToleranceAcceptance {
                    links: m
                        .links
                        .iter()
                        .map(|l| ToleranceLink {
                            from: ItemId::new(&l.from),
                            to: ItemId::new(&l.to),
                            lag: WorkingDays::new(l.lag),
                        })
                        .collect(),
                }
            }
            "time_limit_compression" => {
                if m.limits.is_empty() {
                    cx.push(
                        Code::BadMeasure,
                        e.clone(),
                        At::Entry,
                        subject.clone(),
                        "a time_limit_compression measure names no limits".into(),
                        "add limits = { <item id> = <new limit>, … }",
                    );
                }
                for (id, v) in &m.limits {
                    if !unknown_item(cx, id)
                        && let Some(p) = days_problem(*v, false)
                    {
                        cx.push(
                            Code::BadDays,
                            e.clone(),
                            At::Key(id),
                            subject.clone(),
                            format!("the new limit {v} for `{id}` {p}"),
                            "write it in working days, in steps of 0.5",
                        );
                    }
                }
                Measure::TimeLimitCompression {
                    days: m
                        .limits
                        .iter()
                        .map(|(k, v)| (ItemId::new(k), WorkingDays::new(*v)))
                        .collect(),
                }
            }
            "merged_stages" => {
                if m.stages.len() < 2 {
                    cx.push(
                        Code::BadMeasure,
                        e.clone(),
                        At::Entry,
                        subject.clone(),
                        "a merged_stages measure needs at least two stages".into(),
                        "add stages = [\"<first>\", \"<second>\"]",
                    );
                }
                for s in &m.stages {
                    if !stage_ids.contains_key(s) {
                        let help = unknown_help("stage", s, &stage_names);
                        cx.push(
                            Code::UnknownId,
                            e.clone(),
                            At::Str(s),
                            subject.clone(),
                            format!("unknown stage `{s}`"),
                            &help,
                        );
                    }
                }
                Measure::MergedStages {
                    stages: m.stages.iter().map(StageId::new).collect(),
                }
            }
            _ => Measure::OnlineSubmission,
        };
        measures.push(MeasureDef {
            id: MeasureId::new(&m.id),
            measure,
            source: m
                .source
                .as_deref()
                .map(Provenance::parse)
                .unwrap_or_default(),
            note: m.note.clone(),
        });
    }

    // Regimes: the three standard ones when the file names none.
    let mut regimes = Vec::new();
    if raw.regimes.is_empty() {
        regimes = Scenario::standard_regimes();
    }
    let measure_names: Vec<&str> = raw
        .measures
        .iter()
        .map(|m| m.id.as_str())
        .chain(["joint_review", "online_submission"])
        .collect();
    for (i, r) in raw.regimes.iter().enumerate() {
        let e = entry(&cx.regimes, i);
        let subject = Some(format!("regime `{}`", r.name));
        check_id(cx, e.clone(), "regime", &r.name);
        if raw.regimes[..i].iter().any(|o| o.name == r.name) {
            cx.push(
                Code::DuplicateId,
                e.clone(),
                At::Value("name"),
                subject.clone(),
                format!("regime name `{}` is used twice", r.name),
                "give each regime its own name",
            );
        }
        let base = BaseMode::parse(&r.base).unwrap_or_else(|| {
            cx.push(
                Code::BadValue,
                e.clone(),
                At::Value("base"),
                subject.clone(),
                format!("unknown base mode `{}`", r.base),
                "use \"serial\" or \"parallel\"",
            );
            BaseMode::Parallel
        });
        for m in &r.measures {
            if !measure_names.contains(&m.as_str()) {
                let help = unknown_help("measure", m, &measure_names);
                cx.push(
                    Code::UnknownId,
                    e.clone(),
                    At::Str(m),
                    subject.clone(),
                    format!("unknown measure `{m}`"),
                    &help,
                );
            }
        }
        regimes.push(Regime {
            name: RegimeName::new(&r.name),
            description: r.description.clone(),
            base,
            measures: r.measures.iter().map(MeasureId::new).collect(),
        });
    }

    // Targets.
    let regime_names: Vec<String> = regimes.iter().map(|r| r.name.to_string()).collect();
    let regime_refs: Vec<&str> = regime_names.iter().map(String::as_str).collect();
    let mut targets = Vec::new();
    for (i, t) in raw.targets.iter().enumerate() {
        let e = entry(&cx.targets, i);
        let subject = Some(format!(
            "target `{}`",
            if t.name.is_empty() {
                &t.regime
            } else {
                &t.name
            }
        ));
        if !regime_refs.contains(&t.regime.as_str()) {
            let help = unknown_help("regime", &t.regime, &regime_refs);
            cx.push(
                Code::UnknownId,
                e.clone(),
                At::Value("regime"),
                subject.clone(),
                format!("unknown regime `{}`", t.regime),
                &help,
            );
        }
        if let Some(st) = &t.stage {
            if !stage_ids.contains_key(st) {
                let help = unknown_help("stage", st, &stage_names);
                cx.push(
                    Code::UnknownId,
                    e.clone(),
                    At::Value("stage"),
                    subject.clone(),
                    format!("unknown stage `{st}`"),
                    &help,
                );
            }
            if t.working_days.is_none()
                || t.trips.is_some()
                || t.forms.is_some()
                || t.materials.is_some()
                || t.departments.is_some()
            {
                cx.push(
                    Code::BadValue,
                    e.clone(),
                    At::Key("stage"),
                    subject.clone(),
                    "a stage target bounds the stage's working days only".into(),
                    "give working_days and no trips, forms, materials or departments; put those in a target for the whole regime",
                );
            }
        }
        if t.working_days.is_none()
            && t.trips.is_none()
            && t.forms.is_none()
            && t.materials.is_none()
            && t.departments.is_none()
        {
            cx.push(
                Code::BadValue,
                e.clone(),
                At::Entry,
                subject.clone(),
                "the target sets no bound".into(),
                "give at least one of working_days, trips, forms, materials, departments",
            );
        }
        if let Some(w) = t.working_days
            && let Some(p) = days_problem(w, false)
        {
            cx.push(
                Code::BadDays,
                e.clone(),
                At::Value("working_days"),
                subject.clone(),
                format!("the target {w} {p}"),
                "write it in working days, in steps of 0.5",
            );
        }
        let name = if t.name.is_empty() {
            let op = if t.exact { "=" } else { "≤" };
            let mut parts = Vec::new();
            if let Some(w) = t.working_days {
                parts.push(format!("{op} {} working days", WorkingDays::new(w)));
            }
            for (label, v) in [
                ("trips", t.trips),
                ("forms", t.forms),
                ("materials", t.materials),
                ("departments", t.departments),
            ] {
                if let Some(v) = v {
                    parts.push(format!("{op} {v} {label}"));
                }
            }
            match &t.stage {
                Some(st) => format!("{} stage {st} {}", t.regime, parts.join(", ")),
                None => format!("{} {}", t.regime, parts.join(", ")),
            }
        } else {
            t.name.clone()
        };
        targets.push(Target {
            name,
            regime: RegimeName::new(&t.regime),
            working_days: t.working_days.map(WorkingDays::new),
            trips: t.trips,
            forms: t.forms,
            materials: t.materials,
            departments: t.departments,
            stage: t.stage.as_deref().map(StageId::new),
            exact: t.exact,
            source: t
                .source
                .as_deref()
                .map(Provenance::parse)
                .unwrap_or_default(),
        });
    }

    Scenario {
        name: raw.name,
        description: raw.description,
        sources,
        start,
        calendar,
        stages,
        items,
        links,
        joint_groups: group_defs,
        measures,
        regimes,
        targets,
    }
}

fn check_id(cx: &mut Ctx<'_>, e: Option<Range<usize>>, what: &str, id: &str) {
    if id.trim().is_empty() {
        cx.push(
            Code::BadId,
            e,
            At::Entry,
            None,
            format!("a {what} has an empty id"),
            "give it a short id such as `fire_design`",
        );
    } else if let Some(c) = bad_id_char(id) {
        cx.push(
            Code::BadId,
            e,
            At::Str(id),
            Some(format!("{what} `{id}`")),
            format!("the {what} id `{id}` contains `{c}`"),
            "ids may not contain spaces or any of ; : , + = quotes; use letters, digits, _ or -",
        );
    }
}

fn convert_spread(s: &FileSpread) -> Result<Distribution, String> {
    let num = |name: &str, v: Option<f64>| -> Result<WorkingDays, String> {
        match v {
            Some(v) if v.is_finite() && v >= 0.0 => Ok(WorkingDays::new(v)),
            Some(v) => Err(format!("spread `{name}` {v} is not a duration from 0 up")),
            None => Err(format!("a {} spread needs `{name}`", s.dist)),
        }
    };
    let d = match s.dist.as_str() {
        "fixed" => Distribution::Fixed(num("likely", s.likely)?),
        "triangular" | "pert" => {
            let (min, likely, max) = (
                num("min", s.min)?,
                num("likely", s.likely)?,
                num("max", s.max)?,
            );
            if !(min <= likely && likely <= max) {
                return Err(format!(
                    "spread needs min ≤ likely ≤ max, got {min}, {likely}, {max}"
                ));
            }
            if s.dist == "pert" {
                Distribution::Pert { min, likely, max }
            } else {
                Distribution::Triangular { min, likely, max }
            }
        }
        "uniform" => {
            let (min, max) = (num("min", s.min)?, num("max", s.max)?);
            if min > max {
                return Err(format!("spread needs min ≤ max, got {min}, {max}"));
            }
            Distribution::Uniform { min, max }
        }
        other => return Err(format!("unknown distribution `{other}`")),
    };
    Ok(d)
}

// ---------------------------------------------------------------------------------------------
// Writing

fn number(v: &Sourced<WorkingDays>) -> FileNumber {
    FileNumber {
        value: v.value.get(),
        source: v.source.as_text().map(str::to_owned),
    }
}

fn after_text(l: &Link) -> FileAfter {
    if let Some(m) = l.max_lag {
        return FileAfter::Link(FileLinkSpec {
            item: l.from.to_string(),
            kind: (l.kind != LinkKind::FinishToStart).then(|| l.kind.code().to_owned()),
            lag: (l.lag != WorkingDays::ZERO).then_some(l.lag.get()),
            max_lag: Some(m.get()),
        });
    }
    let mut s = l.from.to_string();
    if l.kind != LinkKind::FinishToStart {
        s.push(':');
        s.push_str(l.kind.code());
    }
    if l.lag.get() > 0.0 {
        s.push_str(&format!("+{}", l.lag));
    } else if l.lag.get() < 0.0 {
        s.push_str(&l.lag.to_string());
    }
    FileAfter::Text(s)
}

impl From<&Scenario> for FileScenario {
    fn from(s: &Scenario) -> Self {
        let group_of = |id: &ItemId| {
            s.joint_groups
                .iter()
                .find(|g| g.items.contains(id))
                .map(|g| g.id.to_string())
        };
        let spread = |d: &Distribution| match d {
            Distribution::Fixed(v) => FileSpread {
                dist: "fixed".into(),
                min: None,
                likely: Some(v.get()),
                max: None,
            },
            Distribution::Triangular { min, likely, max }
            | Distribution::Pert { min, likely, max } => FileSpread {
                dist: if matches!(d, Distribution::Pert { .. }) {
                    "pert".into()
                } else {
                    "triangular".into()
                },
                min: Some(min.get()),
                likely: Some(likely.get()),
                max: Some(max.get()),
            },
            Distribution::Uniform { min, max } => FileSpread {
                dist: "uniform".into(),
                min: Some(min.get()),
                likely: None,
                max: Some(max.get()),
            },
        };
        let standard = s.regimes == Scenario::standard_regimes();
        FileScenario {
            version: FORMAT_VERSION,
            name: s.name.clone(),
            description: s.description.clone(),
            start: s.start.format("%Y-%m-%d").to_string(),
            calendar: Some(FileCalendar {
                base: s.calendar.base.name().into(),
                files: s.calendar.files.clone(),
            }),
            sources: s
                .sources
                .iter()
                .map(|r| FileSource {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    note: r.note.clone(),
                })
                .collect(),
            stages: s
                .stages
                .iter()
                .map(|st| FileStage {
                    id: st.id.to_string(),
                    name: if st.name == st.id.as_str() {
                        String::new()
                    } else {
                        st.name.clone()
                    },
                    lead: st.lead.to_string(),
                })
                .collect(),
            items: s
                .items
                .iter()
                .map(|it| FileItem {
                    id: it.id.to_string(),
                    name: if it.name == it.id.as_str() {
                        String::new()
                    } else {
                        it.name.clone()
                    },
                    department: it.department.to_string(),
                    stage: it.stage.to_string(),
                    kind: (it.kind != ItemKind::Review).then(|| it.kind.name().to_owned()),
                    days: number(&it.days),
                    materials: match &it.materials {
                        Materials::Count(0) => None,
                        Materials::Count(n) => Some(FileMaterials::Count(*n)),
                        Materials::Named(v) => Some(FileMaterials::Named(v.clone())),
                    },
                    forms: (it.forms != 1).then_some(it.forms),
                    after: s
                        .links
                        .iter()
                        .filter(|l| l.to == it.id)
                        .map(after_text)
                        .collect(),
                    joint: group_of(&it.id),
                    floor: it.floor.as_ref().map(number),
                    cost: it.cost,
                    spread: it.spread.as_ref().map(spread),
                    returns: it.returns.as_ref().map(|r| FileReturns {
                        rate: r.rate,
                        rework_days: r.rework.get(),
                        rereview_days: r.rereview.map(WorkingDays::get),
                    }),
                    release: it.release.map(WorkingDays::get),
                    deadline: it.deadline.map(WorkingDays::get),
                    note: it.note.clone(),
                })
                .collect(),
            joint: s
                .joint_groups
                .iter()
                .filter(|g| {
                    g.name != g.id.as_str()
                        || g.days.is_some()
                        || g.department.is_some()
                        || g.floor.is_some()
                        || g.cost.is_some()
                        || g.spread.is_some()
                })
                .map(|g| FileJoint {
                    id: g.id.to_string(),
                    name: if g.name == g.id.as_str() {
                        String::new()
                    } else {
                        g.name.clone()
                    },
                    days: g.days.as_ref().map(number),
                    department: g.department.as_ref().map(ToString::to_string),
                    floor: g.floor.as_ref().map(number),
                    cost: g.cost,
                    spread: g.spread.as_ref().map(spread),
                })
                .collect(),
            measures: s.measures.iter().map(file_measure).collect(),
            regimes: if standard {
                vec![]
            } else {
                s.regimes
                    .iter()
                    .map(|r| FileRegime {
                        name: r.name.to_string(),
                        base: r.base.name().into(),
                        measures: r.measures.iter().map(ToString::to_string).collect(),
                        description: r.description.clone(),
                    })
                    .collect()
            },
            targets: s
                .targets
                .iter()
                .map(|t| FileTarget {
                    name: t.name.clone(),
                    regime: t.regime.to_string(),
                    working_days: t.working_days.map(WorkingDays::get),
                    trips: t.trips,
                    forms: t.forms,
                    materials: t.materials,
                    departments: t.departments,
                    stage: t.stage.as_ref().map(ToString::to_string),
                    exact: t.exact,
                    source: t.source.as_text().map(str::to_owned),
                })
                .collect(),
        }
    }
}

fn file_measure(m: &MeasureDef) -> FileMeasure {
    let mut f = FileMeasure {
        id: m.id.to_string(),
        kind: m.measure.kind_name().into(),
        items: vec![],
        days: None,
        limits: BTreeMap::new(),
        links: vec![],
        stages: vec![],
        groups: None,
        source: m.source.as_text().map(str::to_owned),
        note: m.note.clone(),
    };
    match &m.measure {
        Measure::JointReview { groups } => {
            f.groups = groups
                .as_ref()
                .map(|g| g.iter().map(ToString::to_string).collect())
        }
        Measure::NotificationCommitment { items, days } => {
            f.items = items.iter().map(ToString::to_string).collect();
            f.days = (*days != WorkingDays::ZERO).then_some(days.get());
        }
        Measure::ToleranceAcceptance { links } => {
            f.links = links
                .iter()
                .map(|l| FileToleranceLink {
                    from: l.from.to_string(),
                    to: l.to.to_string(),
                    lag: l.lag.get(),
                })
                .collect()
        }
        Measure::TimeLimitCompression { days } => {
            f.limits = days.iter().map(|(k, v)| (k.to_string(), v.get())).collect()
        }
        Measure::MergedStages { stages } => {
            f.stages = stages.iter().map(ToString::to_string).collect()
        }
        Measure::OnlineSubmission => {}
    }
    f
}

/// Writes a scenario as TOML.
pub fn to_toml(s: &Scenario) -> Result<String, toml::ser::Error> {
    toml::to_string(&FileScenario::from(s))
}

/// Writes a scenario as pretty JSON.
pub fn to_json(s: &Scenario) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&FileScenario::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(ids: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |s| ids.contains(&s)
    }

    #[test]
    fn after_syntax() {
        let k = known(&["a", "land-supply", "x-2"]);
        let p = |t| parse_after(t, &k).unwrap();
        assert_eq!(
            p("a"),
            ParsedAfter {
                id: "a".into(),
                kind: LinkKind::FinishToStart,
                lag: 0.0
            }
        );
        assert_eq!(p("a+2").lag, 2.0);
        assert_eq!(p("a-1.5").lag, -1.5);
        assert_eq!(p("a:SS").kind, LinkKind::StartToStart);
        assert_eq!(
            p("a:ff+3"),
            ParsedAfter {
                id: "a".into(),
                kind: LinkKind::FinishToFinish,
                lag: 3.0
            }
        );
        assert_eq!(p("a:SF-2").lag, -2.0);
        assert_eq!(p("land-supply").id, "land-supply");
        assert_eq!(p("land-supply+1").lag, 1.0);
        // An id that looks like a lag is read as the id when it exists.
        assert_eq!(
            p("x-2"),
            ParsedAfter {
                id: "x-2".into(),
                kind: LinkKind::FinishToStart,
                lag: 0.0
            }
        );
        assert!(parse_after("a:XX", &k).is_err());
        assert!(parse_after("a:SS+z", &k).is_err());
        assert!(parse_after("", &k).is_err());
    }

    #[test]
    fn a_model_beyond_the_limits_is_refused_whole() {
        let text = "version = 1\nname = \"x\"\nstart = \"2025-03-03\"\n[[stages]]\nid = \"s\"\nlead = \"L\"\n[[items]]\nid = \"a\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 1\n";
        let mut raw: FileScenario = toml::from_str(text).unwrap();
        let item = raw.items[0].clone();
        raw.items = (0..=MAX_ITEMS)
            .map(|i| FileItem {
                id: format!("i{i}"),
                ..item.clone()
            })
            .collect();
        let err = from_file(raw, "big.toml", &Locator::new("", false)).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            err.0[0].message,
            format!(
                "the scenario has {} items; permitflow accepts at most {MAX_ITEMS}",
                MAX_ITEMS + 1
            )
        );
    }

    #[test]
    fn edit_distance_suggests() {
        assert_eq!(edit_distance("fire_desgn", "fire_design"), 1);
        assert_eq!(
            closest("fire_desgn", ["fire_design", "permit"]),
            Some("fire_design")
        );
        assert_eq!(closest("zzz", ["fire_design", "permit"]), None);
    }
}
