//! The schedule of one regime as CSV: the format of `permitflow solve --format csv`,
//! `permitflow export --format csv` and the desktop app's "Export schedule (CSV)".

use chrono::Datelike;
use permitflow_model::{Calendar, Department, ItemId, Scenario};
use permitflow_solver::Outcome;
use std::io::Write as _;

use serde::{Serialize, Serializer};

/// The columns, in order.
pub const SCHEDULE_COLUMNS: [&str; 12] = [
    "id",
    "name",
    "department",
    "stage",
    "days",
    "start",
    "finish",
    "start_date",
    "finish_date",
    "total_float",
    "critical",
    "calendar",
];

/// One row per activity (stage gates left out), in network order: departments joined by `;`,
/// the stage's name, working-day offsets, ISO dates, total float, and whether it is critical.
/// `calendar` is the calendar warning for the row's dates (`provisional 2027`), empty when its
/// years' holidays are official.
pub fn schedule_csv(o: &Outcome, cal: &Calendar) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(SCHEDULE_COLUMNS);
    let net = &o.network;
    // The cell depends on the row's years only: worked out once per pair of years.
    let mut cells: std::collections::HashMap<(i32, i32), String> = Default::default();
    for (i, a) in net.activities.iter().enumerate() {
        if a.is_gate() {
            continue;
        }
        let (start_date, finish_date) = o.dates[i];
        let years = (start_date.year(), finish_date.year());
        let calendar = cells
            .entry(years)
            .or_insert_with(|| crate::Warning::calendar_cell(cal, start_date, finish_date))
            .clone();
        let _ = w.write_record([
            a.id.clone(),
            a.name.clone(),
            a.departments
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            a.stage
                .and_then(|k| net.stages.get(k))
                .map(|st| st.name.clone())
                .unwrap_or_default(),
            a.days.to_string(),
            o.schedule.start[i].to_string(),
            o.schedule.finish[i].to_string(),
            start_date.format("%Y-%m-%d").to_string(),
            finish_date.format("%Y-%m-%d").to_string(),
            o.schedule.total_float[i].to_string(),
            o.schedule.critical[i].to_string(),
            calendar,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A date written as `YYYY-MM-DD`.
struct Iso(chrono::NaiveDate);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let Ok(year) = u32::try_from(d.year()) else {
            return s.collect_str(&d.format("%Y-%m-%d"));
        };
        if year > 9999 {
            return s.collect_str(&d.format("%Y-%m-%d"));
        }
        // The digits written directly: chrono's formatter is slow for a million dates.
        let mut b = *b"0000-00-00";
        for (at, value, width) in [(0, year, 4), (5, d.month(), 2), (8, d.day(), 2)] {
            let mut v = value;
            for k in (at..at + width).rev() {
                b[k] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        }
        s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
    }
}

/// The strings of a list, written as a JSON array.
struct Strs<'a, T>(&'a [T]);

impl<T: AsRef<str>> Serialize for Strs<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(AsRef::as_ref))
    }
}

#[derive(Serialize)]
struct JsonSchedule<'a> {
    scenario: &'a str,
    regime: &'a str,
    working_days: f64,
    start_date: Iso,
    end_date: Iso,
    /// What the reader must know about these dates (`Warning::to_json`): provisional or
    /// uncovered holiday years. Empty when there is nothing to say.
    warnings: Vec<serde_json::Value>,
    critical_path: Vec<&'a str>,
    items: JsonItems<'a>,
}

/// The items, written one at a time (no tree of values in memory).
struct JsonItems<'a>(&'a Outcome);

impl Serialize for JsonItems<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        let items = o.network.activities.iter().enumerate();
        s.collect_seq(items.filter(|(_, a)| !a.is_gate()).map(|(i, a)| JsonItem {
            id: &a.id,
            name: &a.name,
            departments: Strs(&a.departments),
            members: Strs(&a.members),
            days: a.days.get(),
            start: o.schedule.start[i].get(),
            finish: o.schedule.finish[i].get(),
            start_date: Iso(o.dates[i].0),
            finish_date: Iso(o.dates[i].1),
            total_float: o.schedule.total_float[i].get(),
            critical: o.schedule.critical[i],
        }))
    }
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    name: &'a str,
    departments: Strs<'a, Department>,
    members: Strs<'a, ItemId>,
    days: f64,
    start: f64,
    finish: f64,
    start_date: Iso,
    finish_date: Iso,
    total_float: f64,
    critical: bool,
}

/// The schedule of one regime as JSON: the format of `permitflow solve --format json` and
/// `permitflow export --format json`.
pub fn schedule_json(s: &Scenario, cal: &Calendar, o: &Outcome) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_schedule_json(s, cal, o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`schedule_json`] written to `w` as it is made, item by item: a million items' schedule is
/// never held in memory as text.
pub fn write_schedule_json(
    s: &Scenario,
    cal: &Calendar,
    o: &Outcome,
    w: impl std::io::Write,
) -> std::io::Result<()> {
    let doc = JsonSchedule {
        scenario: &s.name,
        regime: o.regime.name.as_str(),
        working_days: o.working_days().get(),
        start_date: Iso(o.start_date),
        end_date: Iso(o.end_date),
        warnings: crate::Warning::calendar_coverage(cal, &[o])
            .iter()
            .map(crate::Warning::to_json)
            .collect(),
        critical_path: o.critical_ids(),
        items: JsonItems(o),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &doc).map_err(std::io::Error::from)?;
    w.write_all(b"\n")?;
    w.flush()
}
