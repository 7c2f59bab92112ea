//! A large item list read on several threads. Without a quote in its rows, every line end is the
//! end of a record, so the rows split at line ends into contiguous parts that read independently;
//! each part is read exactly as the rows are one at a time and the parts are joined in order.
//! Only a part list that reads without a single problem is used: a file with any problem is read
//! again on one thread, so every diagnostic, its place and its order are those of that reading.

use std::ops::Range;

use super::row::Columns;
use super::{Records, Rows, read_rows};
use crate::diag::Collector;

/// Rows (after the header) shorter than this are read on one thread: a thread costs more than
/// it saves there (about 25,000 rows of a plain list).
const MIN_BYTES: usize = 1 << 20;
/// At most this many parts (and threads).
const MAX_PARTS: usize = 4;

/// When the rows are read in parts, and in how many.
#[derive(Clone, Copy)]
pub(super) struct Split {
    min_bytes: usize,
    /// `None`: a part per core, at most [`MAX_PARTS`] (the cores are counted only for a large
    /// list: asking costs about a tenth of reading a small one).
    parts: Option<usize>,
}

impl Split {
    /// Rows of [`MIN_BYTES`] or more, in a part per core (at most [`MAX_PARTS`]).
    pub(super) fn usual() -> Self {
        Self {
            min_bytes: MIN_BYTES,
            parts: None,
        }
    }

    /// Any rows in `parts` parts (at most 64).
    pub(super) fn forced(parts: usize) -> Self {
        Self {
            min_bytes: 0,
            parts: Some(parts.min(64)),
        }
    }
}

/// The rows from byte `data` of `text` to its end read on several threads, when they are many,
/// hold no quote and read without a problem; `None` otherwise (read them one by one).
pub(super) fn read(
    text: &str,
    file: &str,
    data: Option<usize>,
    columns: &Columns,
    how: Split,
) -> Option<Rows> {
    let data = data?;
    let rest = &text[data..];
    if rest.len() < how.min_bytes || rest.contains('"') {
        return None;
    }
    let parts = how.parts.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_PARTS)
    });
    if parts < 2 {
        return None;
    }
    let bounds = split(text, data, parts);
    let counted = std::sync::atomic::AtomicUsize::new(0);
    let counted = &counted;
    let read: Vec<Option<Rows>> = std::thread::scope(|scope| {
        let later: Vec<_> = bounds[1..]
            .iter()
            .map(|r| {
                let (r, room) = (r.clone(), r.len());
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    read_part(text, file, r, (columns, counted), room)
                })
            })
            .collect();
        // A thread that cannot start (a process limit) leaves the list to the one-thread reading.
        if later.iter().any(Result::is_err) {
            return vec![None];
        }
        // The first part has room for every row: the others join it without a copy of it.
        let first = read_part(
            text,
            file,
            bounds[0].clone(),
            (columns, counted),
            rest.len(),
        );
        std::iter::once(first)
            .chain(
                later
                    .into_iter()
                    .map(|h| h.ok().and_then(|h| h.join().ok()).flatten()),
            )
            .collect()
    });
    let mut read = read.into_iter();
    let mut all = read.next()??;
    let parts: Vec<Rows> = read.collect::<Option<_>>()?;
    // Too many items all told (each part stops once the parts together passed the limit by a
    // block): the one-thread reading says so at the row one too many.
    if all.items.len() + parts.iter().map(|p| p.items.len()).sum::<usize>()
        > crate::format::MAX_ITEMS
    {
        return None;
    }
    all.items.reserve(parts.iter().map(|p| p.items.len()).sum());
    all.rows.reserve(parts.iter().map(|p| p.rows.len()).sum());
    for part in parts {
        if !all.found.extend(part.found) {
            return None;
        }
        all.items.extend(part.items);
        all.rows.extend(part.rows);
    }
    Some(all)
}

/// `text[data..]` cut into `parts` byte ranges of about the same length, each ending just after a
/// line end (the last at the end of the text).
fn split(text: &str, data: usize, parts: usize) -> Vec<Range<usize>> {
    let step = (text.len() - data) / parts;
    let mut bounds = Vec::with_capacity(parts);
    let mut start = data;
    for k in 1..parts {
        let target = (data + k * step).max(start);
        // Bytes, not text: `target` may fall inside a character (a line end never does).
        let Some(end) = text.as_bytes()[target..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|p| target + p + 1)
        else {
            break;
        };
        if end > start {
            bounds.push(start..end);
            start = end;
        }
    }
    bounds.push(start..text.len());
    bounds
}

/// The rows in `range` of `text` (whole records), or `None` at the first problem; `room`: the
/// bytes of text to make room for the rows of.
fn read_part(
    text: &str,
    file: &str,
    range: Range<usize>,
    (columns, counted): (&Columns, &std::sync::atomic::AtomicUsize),
    room: usize,
) -> Option<Rows> {
    let mut records = Records::part(text, range, file);
    let mut out = Collector::new(file, text);
    let mut record = csv::StringRecord::new();
    let mut read = Rows::with_room(room);
    read_rows(
        &mut records,
        &mut record,
        &mut out,
        columns,
        &mut read,
        Some(counted),
    )
    .ok()?;
    out.is_empty().then_some(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::item_list::parse_item_list;

    /// A list of `n` items in stages that come back (`S0` every 997th row), a lead given on a
    /// few rows, joint groups given a limit on some rows: over 1 MB, so read in parts.
    fn list(n: usize) -> Vec<String> {
        let mut rows = vec!["id,name,department,stage,days,after,lead,joint".to_owned()];
        for i in 0..n {
            let stage = if i % 997 == 0 { 0 } else { i * 5 / n };
            let after = if i % 997 == 0 {
                String::new()
            } else {
                format!("i{};i{}", i - 1, i.saturating_sub(7))
            };
            let lead = if i % 10_007 == 5 {
                format!("Lead {}", i % 3)
            } else {
                String::new()
            };
            let joint = match i % 1000 {
                3 => format!("G{stage}=5"),
                8 => format!("G{stage}"),
                _ => String::new(),
            };
            rows.push(format!(
                "i{i},Item {i},Dept {},S{stage},{}.5,{after},{lead},{joint}",
                i % 7,
                i % 30
            ));
        }
        rows
    }

    /// The list read, or its problems: line, column and message of each, in order.
    fn read(rows: &[String]) -> Result<crate::Scenario, Vec<(usize, usize, String)>> {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
        parse_item_list(&(rows.join("\n") + "\n"), "big.csv", "big", start).map_err(|d| {
            d.0.into_iter()
                .map(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0), d.message))
                .collect()
        })
    }

    #[test]
    fn a_list_read_in_parts_is_the_list_read_row_by_row() {
        let rows = list(40_000);
        let text = rows.join("\n");
        assert!(text.len() > MIN_BYTES && !text.contains('"'));
        // A quoted cell makes the list one to read row by row; the value is the same.
        let mut quoted = rows.clone();
        quoted[2] = quoted[2].replacen("Item 1,", "\"Item 1\",", 1);
        let apart = read(&rows).unwrap();
        let one_by_one = read(&quoted).unwrap();
        assert_eq!(apart, one_by_one);
        assert_eq!(apart.items.len(), 40_000);
        // Stages in order of first appearance; each one's lead the last given, else the last
        // item's department (S4's last row is i39999: Dept 39999 % 7 = 1).
        let leads: Vec<(&str, &str)> = apart
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.lead.as_str()))
            .collect();
        assert_eq!(
            leads,
            [
                ("S0", "Lead 2"),
                ("S1", "Lead 1"),
                ("S2", "Lead 0"),
                ("S3", "Lead 2"),
                ("S4", "Dept 1")
            ]
        );
        assert_eq!(apart.joint_groups.len(), 5);
    }

    #[test]
    fn problems_in_two_parts_are_those_of_the_rows_read_one_by_one() {
        let mut rows = list(40_000);
        // Line k + 1 is item i(k - 1): a time limit not a number (line 101), a cell too many
        // (line 39,991).
        rows[100] = rows[100].replacen(",9.5,", ",abc,", 1);
        rows[39_990] = rows[39_990].replacen("Item 39989", "Item 39989,extra", 1);
        // A joint limit that differs between two parts (G4 is 5 elsewhere).
        rows[39_004] = rows[39_004].replacen("G4=5", "G4=9", 1);
        let mut quoted = rows.clone();
        quoted[2] = quoted[2].replacen("Item 1,", "\"Item 1\",", 1);
        let apart = read(&rows).unwrap_err();
        let one_by_one = read(&quoted).unwrap_err();
        assert_eq!(apart, one_by_one);
        let lines: Vec<usize> = apart.iter().map(|p| p.0).collect();
        // The row with a cell too many is left out: two later rows name it.
        assert_eq!(lines, [101, 39_005, 39_991, 39_992, 39_998], "{apart:?}");
        assert!(apart[1].2.contains("`G4` is given 5 and 9"), "{apart:?}");
    }

    #[test]
    fn any_list_in_any_number_of_parts_reads_as_one() {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
        let lists = [
            "编号,事项名称,部门,阶段,时限,前置事项\n甲,立项,发改,立项,5,\n乙,规划,规划局,立项,3,甲\n丙,施工许可,住建,施工,7,乙\n",
            "id,name,department,stage,days,after,lead\r\na,A,D1,S,2,,\r\n\r\nb,B,D2,S,1,a,L\r\nc,C,D3,T,1,b,\r\nd,D,D4,S,1,,",
            "id,name,department,stage,days,after,joint\na,A,D,S,2,,g=3\nb,B,E,S,1,,g=4\nc,C,F,S,1,b,g\n",
            "id,name,department,stage,days,after\na,A,D,S,x,\nb,B,D,S,1,a,extra\nc,C,D,S,1,zz\n,,,,,\n",
            "id,name,department,stage,days,after\n",
            "id,name,department,stage,days,after",
            "id,name,department,stage,days,after\na,\"A, quoted\",D,S,1,\n",
        ];
        for text in lists {
            let one = parse_item_list(text, "x.csv", "x", start);
            for parts in 0..9 {
                let apart = crate::csv_item_list::parse_item_list_in_parts(
                    text, "x.csv", "x", start, parts,
                );
                assert_eq!(apart, one, "{parts} parts of {text:?}");
            }
        }
    }

    #[test]
    fn splits_after_line_ends_covering_every_byte() {
        let text = "h\naaaa\nbb\ncccccc\nd\neeee";
        let b = split(text, 2, 3);
        assert_eq!(b.first().map(|r| r.start), Some(2));
        assert_eq!(b.last().map(|r| r.end), Some(text.len()));
        for w in b.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_eq!(&text[w[0].end - 1..w[0].end], "\n");
        }
        assert_eq!(b, vec![2..10, 10..17, 17..text.len()]);
        // A cut that falls inside a character moves on to the line end.
        let text = "h\n审批审批审批\n审批\n";
        for parts in 1..12 {
            let b = split(text, 2, parts);
            assert_eq!(b.last().map(|r| r.end), Some(text.len()));
            assert!(b.iter().all(|r| text.is_char_boundary(r.start)));
        }
    }
}
