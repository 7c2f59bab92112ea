//! One row of a CSV item list: its cells read into an item, with the stage and the joint group
//! it names noted on the way.

use std::collections::HashMap;
use std::ops::Range;

use permitflow_i18n::Lang;

use super::columns::{dist_value, kind_value};
use super::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use permitflow_i18n::{message, tr};

use crate::diag::{Code, Collector, subject};
use crate::format::file::{
    FileAfter, FileItem, FileItemFields, FileJoint, FileLabel, FileMaterials, FileName, FileNumber,
    FileReturns, FileSpread, FileStage,
};

/// Where each known column (the required ones, then the optional ones) is in the header,
/// looked up once per file instead of once per cell.
pub(super) struct Columns([Option<usize>; KNOWN_COLUMNS], Lang, usize);

/// How many columns an item list knows.
const KNOWN_COLUMNS: usize = REQUIRED_COLUMNS.len() + OPTIONAL_COLUMNS.len();

/// The known columns in order: required, then optional.
fn known() -> impl Iterator<Item = &'static str> {
    REQUIRED_COLUMNS.iter().chain(&OPTIONAL_COLUMNS).copied()
}

impl Columns {
    /// Each known column's position in `header` (lower-cased names).
    /// `lang` is the header's language, which the names are in.
    pub(super) fn new(header: &[String], lang: Lang) -> Self {
        let mut at = [None; KNOWN_COLUMNS];
        for (slot, k) in at.iter_mut().zip(known()) {
            *slot = header.iter().position(|h| h == k);
        }
        Self(at, lang, header.len())
    }

    /// How many columns the header has (every row has as many cells).
    pub(super) fn width(&self) -> usize {
        self.2
    }
}

/// A data row with as many cells as the header has columns.
pub(super) struct Row<'r> {
    pub(super) columns: &'r Columns,
    pub(super) cells: &'r [Range<usize>],
    pub(super) values: &'r csv::StringRecord,
}

/// The position of a known column among [`known`] (a `match`, not a search: it is asked about
/// twenty times per row). Inlined, so a column named in the code is found as it is compiled.
#[inline(always)]
fn known_index(column: &str) -> Option<usize> {
    Some(match column {
        "id" => 0,
        "name" => 1,
        "department" => 2,
        "stage" => 3,
        "days" => 4,
        "after" => 5,
        "lead" => 6,
        "kind" => 7,
        "clock" => 8,
        "unit" => 9,
        "fee" => 10,
        "materials" => 11,
        "joint" => 12,
        "floor" => 13,
        "cost" => 14,
        "dist" => 15,
        "min" => 16,
        "likely" => 17,
        "max" => 18,
        "return_rate" => 19,
        "correction_days" => 20,
        "rework_days" => 21,
        "label_zh" => 22,
        "label_en" => 23,
        "when" => 24,
        _ => return None,
    })
}

impl<'r> Row<'r> {
    /// Whether the list has `column`.
    #[inline(always)]
    fn has(&self, column: &str) -> bool {
        known_index(column).is_some_and(|k| self.columns.0[k].is_some())
    }

    /// The value in `column` (trimmed) and where it is; empty when the list has no such column.
    #[inline(always)]
    fn cell(&self, column: &str) -> (&'r str, Option<Range<usize>>) {
        let col = known_index(column).and_then(|k| self.columns.0[k]);
        match col.and_then(|c| self.values.get(c).map(|v| (v.trim(), self.cells.get(c)))) {
            Some((v, r)) => (v, r.cloned()),
            None => ("", None),
        }
    }
}

/// The stages and joint groups the rows read so far name, in order of first appearance, with an
/// index by id → position (one lookup per row instead of a scan over all of them).
#[derive(Default)]
pub(super) struct Found {
    pub(super) stages: Vec<FileStage>,
    pub(super) joint: Vec<FileJoint>,
    seen_stages: HashMap<String, usize>,
    seen_joint: HashMap<String, usize>,
}

impl Found {
    /// Adds what `later` (the rows after these) found, as reading its rows after these would
    /// have: a new stage or group goes last; a stage's lead given on a later row wins, and
    /// without one given anywhere the later rows' last department is the lead. `false` when a
    /// joint group has a different limit there (a problem: the caller reads the rows again one
    /// by one to report it in its place).
    pub(super) fn extend(&mut self, later: Found) -> bool {
        for s in later.stages {
            match self.seen_stages.get(&s.id).map(|&i| &mut self.stages[i]) {
                Some(mine) => {
                    if !s.name.is_empty() || mine.name.is_empty() {
                        mine.lead = s.lead;
                        mine.name = s.name;
                    }
                }
                None => {
                    self.seen_stages.insert(s.id.clone(), self.stages.len());
                    self.stages.push(s);
                }
            }
        }
        for j in later.joint {
            match self.seen_joint.get(&j.id).map(|&i| &self.joint[i]) {
                Some(mine) => {
                    let days = |g: &FileJoint| g.days.as_ref().map(|d| d.value);
                    if days(mine) != days(&j) {
                        return false;
                    }
                }
                None => {
                    self.seen_joint.insert(j.id.clone(), self.joint.len());
                    self.joint.push(j);
                }
            }
        }
        true
    }
}

/// One row as an item. Stages and joint groups it names are noted in `found` on the way.
pub(super) fn read_row(out: &mut Collector<'_>, found: &mut Found, row: &Row<'_>) -> FileItem {
    let id = row.cell("id").0.to_owned();
    let mut number = |column: &str, what: &str| check_number(out, row, &id, column, what);
    let days = number("days", "time limit");
    let floor = number("floor", "floor");
    let cost = number("cost", "cost");
    let min = number("min", "minimum");
    let likely = number("likely", "most likely duration");
    let max = number("max", "maximum");
    let return_rate = number("return_rate", "return rate");
    let fee = number("fee", "fee");
    let correction_days = number("correction_days", "correction time");
    let rework_days = number("rework_days", "re-review time");
    check_days_given(out, row, &id);
    let materials = check_materials(out, row, &id);
    let joint = joint(out, found, row);
    let (dist, _) = row.cell("dist");
    let spread = if min.is_some() || likely.is_some() || max.is_some() || !dist.is_empty() {
        Some(Box::new(FileSpread {
            dist: if dist.is_empty() {
                "triangular".into()
            } else {
                dist_value(dist).to_ascii_lowercase()
            },
            min,
            likely,
            max,
            source: None,
        }))
    } else {
        None
    };
    let (stage, _) = row.cell("stage");
    let (department, _) = row.cell("department");
    note_stage(found, stage, department, row.cell("lead").0);
    let (after, _) = row.cell("after");
    let (kind, _) = row.cell("kind");
    let kind = kind_value(kind);
    let (name, label_zh, label_en) = names(row);
    let text = |column: &str| Some(row.cell(column).0.to_owned()).filter(|s| !s.is_empty());
    FileItemFields {
        id,
        name,
        label_zh,
        label_en,
        department: department.to_owned(),
        stage: stage.to_owned(),
        kind: (!kind.is_empty()).then(|| kind.to_owned()),
        days: FileNumber {
            value: days.unwrap_or(0.0),
            source: None,
        },
        unit: text("unit"),
        clock: text("clock"),
        fee: fee.map(|v| {
            Box::new(FileNumber {
                value: v,
                source: None,
            })
        }),
        materials,
        forms: None,
        after: after
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| FileAfter::Text(s.to_owned()))
            .collect(),
        joint,
        floor: floor.map(|v| {
            Box::new(FileNumber {
                value: v,
                source: None,
            })
        }),
        cost,
        spread,
        returns: return_rate.map(|rate| {
            Box::new(FileReturns {
                rate,
                // With the column, an empty cell is no correction time; a list without it and with
                // `rework_days` is ambiguous (older lists used that for the applicant's time).
                correction_days: row
                    .has("correction_days")
                    .then(|| correction_days.unwrap_or(0.0)),
                rework_days,
                rereview_days: None,
                source: None,
            })
        }),
        release: None,
        deadline: None,
        when: text("when"),
        note: String::new(),
    }
    .into()
}

/// The row's name and labels. With a Chinese header the name is the Chinese name:
/// `name = { zh = "…", en = "…" }` (the English from `label_en`); else the name as given, with
/// `label_zh` and `label_en` beside it.
fn names(row: &Row<'_>) -> (FileName, Option<String>, Option<String>) {
    let cell = |c: &str| Some(row.cell(c).0.to_owned()).filter(|s| !s.is_empty());
    let (name, zh, en) = (cell("name"), cell("label_zh"), cell("label_en"));
    match row.columns.1 {
        Lang::ZhCn if name.is_some() => (
            FileName::Table(Box::new(FileLabel { zh: name, en })),
            zh,
            None,
        ),
        _ => (FileName::Text(name.unwrap_or_default()), zh, en),
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
                Some(subject("item", id)),
                tr!("diag-csv-not-number", what = csv_word(what), value = v),
                tr!("diag-csv-not-number.help", what = csv_word(what)),
            );
            None
        }
    }
}

/// The word for what a number cell holds (`time limit`), in the current language.
fn csv_word(what: &str) -> String {
    let key = match what {
        "time limit" => "diag-csv-what.time-limit",
        "floor" => "diag-csv-what.floor",
        "cost" => "diag-csv-what.cost",
        "minimum" => "diag-csv-what.min",
        "most likely duration" => "diag-csv-what.likely",
        "maximum" => "diag-csv-what.max",
        "return rate" => "diag-csv-what.return-rate",
        "correction time" => "diag-csv-what.rework",
        "re-review time" => "diag-csv-what.rereview",
        "fee" => "diag-csv-what.fee",
        _ => return what.to_owned(),
    };
    message(key, &[])
}

/// Rule: every item has a time limit.
fn check_days_given(out: &mut Collector<'_>, row: &Row<'_>, id: &str) {
    let (days_text, days_span) = row.cell("days");
    if days_text.is_empty() {
        out.push(
            Code::BadDays,
            days_span,
            Some(subject("item", id)),
            tr!("diag-csv-days-empty"),
            tr!("diag-csv-days-empty.help"),
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
                Some(subject("item", id)),
                tr!("diag-csv-bad-materials", value = text),
                tr!("diag-csv-bad-materials.help"),
            );
            None
        }
    }
}

/// The row's joint group, `NAME` or `NAME=DAYS`; a group given a limit is added to `found.joint`.
/// Rules: the limit is a number, and the same on every row that gives one.
fn joint(out: &mut Collector<'_>, found: &mut Found, row: &Row<'_>) -> Option<String> {
    let (joint_text, joint_span) = row.cell("joint");
    if joint_text.is_empty() {
        return None;
    }
    let (group, days) = match joint_text.split_once('=') {
        Some((g, d)) => (g.trim().to_owned(), Some(d.trim())),
        None => (joint_text.to_owned(), None),
    };
    let days = days.and_then(|d| match d.parse::<f64>() {
        Ok(v) => Some(v),
        Err(_) => {
            out.push(
                Code::BadDays,
                joint_span.clone(),
                Some(subject("joint group", &group)),
                tr!("diag-csv-bad-joint-days", value = d),
                tr!("diag-csv-bad-joint-days.help"),
            );
            None
        }
    });
    if let Some(v) = days {
        match found.seen_joint.get(&group).map(|&j| &found.joint[j]) {
            Some(j) if j.days.as_ref().is_some_and(|x| x.value != v) => {
                out.push(
                    Code::BadValue,
                    joint_span.clone(),
                    Some(subject("joint group", &group)),
                    tr!(
                        "diag-csv-joint-days-differ",
                        id = group.as_str(),
                        first = j
                            .days
                            .as_ref()
                            .map(|x| x.value)
                            .unwrap_or_default()
                            .to_string(),
                        second = v.to_string()
                    ),
                    tr!("diag-csv-joint-days-differ.help"),
                );
            }
            Some(_) => {}
            None => {
                found.seen_joint.insert(group.clone(), found.joint.len());
                found.joint.push(FileJoint {
                    id: group.clone(),
                    name: Default::default(),
                    label_zh: None,
                    label_en: None,
                    days: Some(FileNumber {
                        value: v,
                        source: None,
                    }),
                    department: None,
                    floor: None,
                    cost: None,
                    spread: None,
                })
            }
        }
    }
    Some(group)
}

/// Adds the row's stage to `found.stages` on its first row. Its lead is the `lead` column on any
/// of its rows, else the department of its last item.
fn note_stage(found: &mut Found, stage: &str, department: &str, lead: &str) {
    if stage.is_empty() {
        return;
    }
    match found.seen_stages.get(stage).map(|&i| &mut found.stages[i]) {
        Some(s) => {
            if !lead.is_empty() {
                s.lead = lead.to_owned();
                s.name = FileName::Text("lead given".into());
            } else if s.name.is_empty() && s.lead != department {
                department.clone_into(&mut s.lead);
            }
        }
        None => {
            found
                .seen_stages
                .insert(stage.to_owned(), found.stages.len());
            found.stages.push(FileStage {
                id: stage.to_owned(),
                // Marks (until the end of reading) that the lead came from the `lead` column.
                name: FileName::Text(if lead.is_empty() {
                    String::new()
                } else {
                    "lead given".into()
                }),
                label_zh: None,
                label_en: None,
                lead: if lead.is_empty() {
                    department.to_owned()
                } else {
                    lead.to_owned()
                },
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_index_is_the_position_among_the_known_columns() {
        assert_eq!(KNOWN_COLUMNS, 25);
        for (k, c) in known().enumerate() {
            assert_eq!(known_index(c), Some(k), "{c}");
        }
        assert_eq!(known_index("rereview_days"), None);
        assert_eq!(known_index("ID"), None);
    }
}
