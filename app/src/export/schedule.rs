//! The schedule of one regime as CSV: the format of `permitflow solve --format csv`,
//! `permitflow export --format csv` and the desktop app's "Export schedule (CSV)".

use chrono::Datelike;
use permitflow_model::{Calendar, Department, ItemId, Scenario};
use permitflow_solver::Outcome;
use std::io::Write as _;

use serde::{Serialize, Serializer};

/// The columns, in order.
pub const SCHEDULE_COLUMNS: [&str; 15] = [
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
    "clock",
    "unit",
    "fee",
    "calendar",
];

/// One row per activity (stage gates left out), in network order: departments joined by `;`,
/// the stage's name, working-day offsets, ISO dates, total float, and whether it is critical.
/// `calendar` is the calendar warning for the row's dates (`provisional 2027`), empty when its
/// years' holidays are official. `clock` (`approval`, `special`, `intermediary`, `applicant`)
/// says whether the item counts toward official approval time, `unit` (`working`, `calendar`)
/// what its `days` count, `fee` what the applicant pays for it in yuan.
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
            a.clock.name().to_owned(),
            a.unit.name().to_owned(),
            a.fee.to_string(),
            calendar,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A date written as `YYYY-MM-DD`.
struct Iso(chrono::NaiveDate);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match iso_digits(self.0) {
            Some(b) => s.serialize_str(std::str::from_utf8(&b).unwrap_or_default()),
            None => s.collect_str(&self.0.format("%Y-%m-%d")),
        }
    }
}

/// A date's `YYYY-MM-DD` for years 0 to 9999, the digits written directly (chrono's formatter is
/// slow for a million dates); `None` for other years.
fn iso_digits(d: chrono::NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(d.year()).ok().filter(|&y| y <= 9999)?;
    let mut b = *b"0000-00-00";
    for (at, value, width) in [(0, year, 4), (5, d.month(), 2), (8, d.day(), 2)] {
        let mut v = value;
        for k in (at..at + width).rev() {
            b[k] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    }
    Some(b)
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
    approval_days: f64,
    working_days: f64,
    calendar_days: u32,
    fees: f64,
    start_date: Iso,
    end_date: Iso,
    /// What the reader must know about these dates (`Warning::to_json`): provisional or
    /// uncovered holiday years. Empty when there is nothing to say.
    warnings: Vec<serde_json::Value>,
    critical_path: Vec<&'a str>,
    /// The honest mark: how many of the scenario's figures there are and how many are assumed.
    figures: JsonFigures,
    /// The project attribute values the flow was resolved with; left out without attributes.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    attributes: serde_json::Map<String, serde_json::Value>,
    items: JsonItems<'a>,
}

#[derive(Serialize)]
struct JsonFigures {
    total: usize,
    assumed: usize,
}

/// The items of a range of activities (gates left out), written one at a time (no tree of
/// values in memory).
struct JsonItems<'a>(&'a Outcome, std::ops::Range<usize>);

impl Serialize for JsonItems<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        let r = self.1.clone();
        let items = o.network.activities[r.clone()].iter().zip(r);
        let items = items.map(|(a, i)| (i, a));
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
            clock: a.clock.name(),
            unit: a.unit.name(),
            fee: a.fee,
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
    clock: &'static str,
    unit: &'static str,
    fee: f64,
}

/// The schedule of one regime as JSON: the format of `permitflow solve --format json` and
/// `permitflow export --format json`.
pub fn schedule_json(s: &Scenario, cal: &Calendar, o: &Outcome) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_schedule_json(s, cal, o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The schedule document with the items of activities `items` (gates left out).
fn document<'a>(
    s: &'a Scenario,
    cal: &Calendar,
    o: &'a Outcome,
    items: std::ops::Range<usize>,
) -> JsonSchedule<'a> {
    JsonSchedule {
        scenario: &s.name,
        regime: o.regime.name.as_str(),
        approval_days: o.approval_days.get(),
        working_days: o.working_days().get(),
        calendar_days: o.calendar_days,
        fees: o.fees,
        start_date: Iso(o.start_date),
        end_date: Iso(o.end_date),
        warnings: crate::Warning::calendar_coverage(cal, &[o])
            .iter()
            .map(crate::Warning::to_json)
            .collect(),
        critical_path: o.critical_ids(),
        figures: {
            let f = permitflow_model::assumed::figures(s);
            JsonFigures {
                total: f.total,
                assumed: f.assumed_count(),
            }
        },
        attributes: attributes_json(s),
        items: JsonItems(o, items),
    }
}

/// The attribute values as JSON: numbers, text and `true`/`false`.
pub fn attributes_json(s: &Scenario) -> serde_json::Map<String, serde_json::Value> {
    use permitflow_model::rules::Value;
    s.rules
        .attributes
        .iter()
        .filter_map(|a| {
            let v = match a.default.as_ref()? {
                Value::Number(x) => serde_json::json!(x),
                Value::Text(t) => serde_json::json!(t),
                Value::YesNo(b) => serde_json::json!(b),
            };
            Some((a.name.clone(), v))
        })
        .collect()
}

/// Items per block the JSON writer formats on one thread: big enough that threads rarely wait,
/// small enough that a round of blocks is short, so writing one round and formatting the next
/// overlap for most of the run (at 100k items, 16,384 items a block and two blocks a thread: two
/// rounds, half the formatting left alone; 4,096: thirteen rounds, and the buffers, front and
/// back, about 7 MB on two cores, where 8,192 items a block took 38 MB with their regrowing).
const JSON_BLOCK: usize = 4_096;

/// [`schedule_json`] written to `w` as it is made: the items in blocks formatted side by side on
/// the available cores, written in order. A million items' schedule is never held in memory as
/// one text; the bytes are exactly serde_json's pretty printing of the whole document.
pub fn write_schedule_json(
    s: &Scenario,
    cal: &Calendar,
    o: &Outcome,
    w: impl std::io::Write,
) -> std::io::Result<()> {
    let doc = document(s, cal, o, 0..0);
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    // The document with no items ends in `"items": []\n}`: written up to the `[`, then the items.
    let mut head = serde_json::to_vec_pretty(&doc).map_err(std::io::Error::from)?;
    let tail = b"[]\n}";
    if !head.ends_with(tail) {
        // Not the shape the blocks are cut for: the whole document in one piece instead.
        let whole = document(s, cal, o, 0..o.network.activities.len());
        serde_json::to_writer_pretty(&mut w, &whole).map_err(std::io::Error::from)?;
        w.write_all(b"\n")?;
        return w.flush();
    }
    head.truncate(head.len() - tail.len());
    w.write_all(&head)?;
    let n = o.network.activities.len();
    let blocks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(JSON_BLOCK)
        .map(|a| a..(a + JSON_BLOCK).min(n))
        .collect();
    if blocks.len() <= 1 {
        // One block (up to 8,192 items): formatted on this thread, with no thread pool to start
        // (a small scenario's whole run is a few milliseconds; threads and their memory are a
        // good part of it).
        let mut buffer = Vec::new();
        let any = match blocks.first() {
            Some(r) => items_block(o, r.clone(), &mut buffer)?,
            None => false,
        };
        if any {
            w.write_all(b"[\n")?;
            w.write_all(&buffer)?;
        }
        w.write_all(if any { b"\n  ]\n}\n" } else { b"[]\n}\n" })?;
        return w.flush();
    }
    // A block per thread at a time, so the formatted text in memory stays bounded; each block's buffer
    // is kept from round to round, so the text of a million items passes through the same few
    // megabytes (fresh memory is slow to come by: the kernel clears every new page). Two sets of
    // buffers: while this thread writes one round (the kernel's copy into the page cache is as
    // long as the formatting), the next round is formatted on the other cores.
    let per_round = rayon::current_num_threads().max(1);
    let rounds: Vec<&[std::ops::Range<usize>]> = blocks.chunks(per_round).collect();
    let sets = per_round.min(blocks.len());
    let (mut front, mut back) = (vec![Vec::new(); sets], vec![Vec::new(); sets]);
    let mut front_filled: Vec<bool> = Vec::new();
    let mut any = false;
    std::thread::scope(|scope| -> std::io::Result<()> {
        for k in 0..=rounds.len() {
            let next = rounds.get(k).map(|&round| {
                let mut buffers = std::mem::take(&mut back);
                let beside = std::thread::Builder::new().spawn_scoped(scope, move || {
                    let filled = format_round(o, &mut buffers, round);
                    (buffers, filled)
                });
                // No thread to be had (a process limit): the round is formatted here, in new
                // buffers (the old ones went with the thread that did not start).
                beside.map_err(|_| {
                    let mut buffers = vec![Vec::new(); sets];
                    let filled = format_round(o, &mut buffers, round);
                    (buffers, filled)
                })
            });
            for (buffer, &filled) in front.iter().zip(&front_filled) {
                if filled {
                    w.write_all(if any { b",\n" } else { b"[\n" })?;
                    w.write_all(buffer)?;
                    any = true;
                }
            }
            front_filled = match next {
                Some(pending) => {
                    let (buffers, filled) = match pending {
                        Ok(h) => h
                            .join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                        Err(done) => done,
                    };
                    back = buffers;
                    filled?
                }
                None => Vec::new(),
            };
            std::mem::swap(&mut front, &mut back);
        }
        Ok(())
    })?;
    w.write_all(if any { b"\n  ]\n}\n" } else { b"[]\n}\n" })?;
    w.flush()
}

/// The blocks of one round formatted side by side into `buffers`: for each, whether it holds
/// any item.
fn format_round(
    o: &Outcome,
    buffers: &mut [Vec<u8>],
    round: &[std::ops::Range<usize>],
) -> std::io::Result<Vec<bool>> {
    use rayon::prelude::*;
    buffers
        .par_iter_mut()
        .zip(round.par_iter())
        .map(|(buffer, r)| items_block(o, r.clone(), buffer))
        .collect()
}

/// The items of activities `range` (gates left out) as they appear inside the document, into
/// `out` (cleared first): each object indented by four spaces, separated by `,\n`, no trailing
/// separator. Gives whether it holds any item (not only gates).
fn items_block(
    o: &Outcome,
    range: std::ops::Range<usize>,
    out: &mut Vec<u8>,
) -> std::io::Result<bool> {
    out.clear();
    let mut first = true;
    let (start, n) = (range.start, range.len());
    for i in range {
        let a = &o.network.activities[i];
        if a.is_gate() {
            continue;
        }
        if !first {
            out.extend_from_slice(b",\n");
        }
        item_json(out, o, i, a)?;
        if first {
            // Room for the block at once, not by doubling and copying (fresh memory is slow to
            // come by), sized by the first item with an eighth to spare: a buffer kept from
            // the last round usually has it already.
            let per_item = out.len() + out.len() / 8 + ITEM_SLACK;
            out.reserve((n - (i - start)) * per_item);
        }
        first = false;
    }
    Ok(!first)
}

/// One item's object as serde_json's pretty printer writes it inside the document's `items`
/// (indented by four spaces, its fields by six): the fields of [`JsonItem`] in order, each value
/// written by serde_json itself (strings escaped, numbers formatted, non-finite as `null`).
/// `block_writer_matches_serde_json` holds the two to the same bytes.
fn item_json(
    out: &mut Vec<u8>,
    o: &Outcome,
    i: usize,
    a: &permitflow_model::Activity,
) -> std::io::Result<()> {
    let sch = &o.schedule;
    out.extend_from_slice(b"    {\n      \"id\": ");
    json_str(out, a.id.as_str())?;
    out.extend_from_slice(b",\n      \"name\": ");
    json_str(out, a.name.as_str())?;
    out.extend_from_slice(b",\n      \"departments\": ");
    json_strings(out, a.departments.iter().map(|d| d.as_str()))?;
    out.extend_from_slice(b",\n      \"members\": ");
    json_strings(out, a.members.iter().map(|m| m.as_str()))?;
    for (key, x) in [
        (&b",\n      \"days\": "[..], a.days.get()),
        (b",\n      \"start\": ", sch.start[i].get()),
        (b",\n      \"finish\": ", sch.finish[i].get()),
    ] {
        out.extend_from_slice(key);
        json_number(out, x)?;
    }
    for (key, d) in [
        (&b",\n      \"start_date\": "[..], o.dates[i].0),
        (b",\n      \"finish_date\": ", o.dates[i].1),
    ] {
        out.extend_from_slice(key);
        match iso_digits(d) {
            Some(b) => {
                out.push(b'"');
                out.extend_from_slice(&b);
                out.push(b'"');
            }
            None => json_value(out, Iso(d))?,
        }
    }
    out.extend_from_slice(b",\n      \"total_float\": ");
    json_number(out, sch.total_float[i].get())?;
    out.extend_from_slice(if sch.critical[i] {
        b",\n      \"critical\": true"
    } else {
        b",\n      \"critical\": false"
    });
    out.extend_from_slice(b",\n      \"clock\": ");
    json_str(out, a.clock.name())?;
    out.extend_from_slice(b",\n      \"unit\": ");
    json_str(out, a.unit.name())?;
    out.extend_from_slice(b",\n      \"fee\": ");
    json_number(out, a.fee)?;
    out.extend_from_slice(b"\n    }");
    Ok(())
}

/// The largest whole part written by [`json_number`]'s own digits: below it serde_json writes a
/// whole or half number as its digits and `.0` or `.5`, never with an exponent.
const PLAIN_DIGITS_BELOW: f64 = 1e15;

/// A number as serde_json writes it. Limits, starts, finishes and float are whole or half days
/// almost always: those are written as digits and `.0` or `.5` directly (the same bytes, a few
/// times faster than the general shortest-digits formatting); any other value by serde_json.
fn json_number(out: &mut Vec<u8>, v: f64) -> std::io::Result<()> {
    let twice = v * 2.0;
    // Exact: twice a number below 10^15 as a float and as an integer (and no call to `trunc`).
    if v.abs() < PLAIN_DIGITS_BELOW && twice == (twice as i64) as f64 {
        // −0 too: serde_json writes `-0.0`.
        if v.is_sign_negative() {
            out.push(b'-');
        }
        let whole = v.abs() as u64;
        out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
        out.extend_from_slice(if v.abs() > whole as f64 { b".5" } else { b".0" });
        Ok(())
    } else {
        json_value(out, v)
    }
}

/// A string as serde_json writes it: as it is between quotes when no byte needs escaping (a
/// control character, `"` or `\`; serde_json leaves any other byte, UTF-8 included, as it is),
/// else by serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) -> std::io::Result<()> {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        json_value(out, s)
    }
}

/// A value as serde_json writes it (the same in the compact and the pretty printer for a string,
/// a number or a date).
fn json_value(out: &mut Vec<u8>, v: impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(out, &v).map_err(std::io::Error::from)
}

/// A list of strings as a field's value: `[]`, or one string a line indented by eight spaces.
fn json_strings<'s>(
    out: &mut Vec<u8>,
    strings: impl ExactSizeIterator<Item = &'s str>,
) -> std::io::Result<()> {
    if strings.len() == 0 {
        out.extend_from_slice(b"[]");
        return Ok(());
    }
    out.push(b'[');
    for (k, s) in strings.enumerate() {
        out.extend_from_slice(if k == 0 {
            b"\n        "
        } else {
            b",\n        "
        });
        json_str(out, s)?;
    }
    out.extend_from_slice(b"\n      ]");
    Ok(())
}

/// Bytes reserved for each item of a block beyond the first item's size and an eighth.
const ITEM_SLACK: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_model::csv_item_list::parse_item_list;
    use permitflow_solver::{Method, evaluate};

    /// The whole document by serde_json in one piece: what the block writer must equal.
    fn reference(s: &Scenario, cal: &Calendar, o: &Outcome) -> String {
        let doc = document(s, cal, o, 0..o.network.activities.len());
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    /// Blocks formatted apart and joined give serde_json's bytes: for the default scenario under
    /// every regime (stage gates among the items) and for a list of three blocks and a bit, in
    /// two stages, with names that need escaping.
    #[test]
    fn half_days_are_written_as_serde_json_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            17.5,
            -3.0,
            61.0,
            1374.5,
            123.25,
            0.1,
            1e15 - 0.5,
            1e15,
            1e15 + 1.0,
            -1e15 + 0.5,
            1e16,
            9_007_199_254_740_992.0,
            f64::NAN,
            f64::INFINITY,
            f64::MIN_POSITIVE,
        ];
        values.extend((0..2000).map(|k| f64::from(k) * 0.5 - 500.0));
        values.extend((0..60).map(|e| 2f64.powi(e) + 0.5));
        for v in values {
            let mut mine = Vec::new();
            json_number(&mut mine, v).unwrap();
            let theirs = serde_json::to_vec(&v).unwrap();
            assert_eq!(
                String::from_utf8(mine).unwrap(),
                String::from_utf8(theirs).unwrap(),
                "{v:e}"
            );
        }
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for text in [
            "",
            "i42",
            "Fire design review",
            "消防设计审查",
            "a \"quoted\" name",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "\u{1}\u{1f}\u{7f}\u{80}",
            "emoji 🏗️ and é",
        ] {
            let mut mine = Vec::new();
            json_str(&mut mine, text).unwrap();
            assert_eq!(mine, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn block_writer_matches_serde_json() {
        let cal = Calendar::china();
        let mut cases = Vec::new();
        let def = crate::load::load_default().unwrap().scenario;
        cases.push(def);
        let n = 3 * JSON_BLOCK + 77;
        let mut csv = String::from("id,name,department,stage,days,after\n");
        for i in 0..n {
            let stage = if i < n / 2 { "S1" } else { "S2" };
            let after = if i == 0 {
                String::new()
            } else {
                format!("i{}", i - 1)
            };
            csv.push_str(&format!(
                "i{i},\"Item \"\"{i}\"\" <&>\\ 审批\",D{},{stage},{},{after}\n",
                i % 5,
                1 + i % 3
            ));
        }
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        cases.push(parse_item_list(&csv, "big.csv", "big", start).unwrap());
        for s in &cases {
            for r in &s.regimes {
                let o = evaluate(s, r, &cal, Method::Paths).unwrap();
                let fast = schedule_json(s, &cal, &o);
                assert_eq!(fast, reference(s, &cal, &o), "{} under {}", s.name, r.name);
                // One thread: a block a round, so the big list takes four rounds, each formatted
                // while the one before is written.
                let one = rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .build()
                    .unwrap();
                assert_eq!(one.install(|| schedule_json(s, &cal, &o)), fast);
                let v: serde_json::Value = serde_json::from_str(&fast).unwrap();
                let gates = o.network.activities.iter().filter(|a| a.is_gate()).count();
                assert_eq!(
                    v["items"].as_array().unwrap().len(),
                    o.network.activities.len() - gates
                );
            }
        }
    }
}
