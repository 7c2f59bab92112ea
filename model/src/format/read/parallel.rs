//! A large item list read on several threads, with the result of reading it on one.
//!
//! The items are split into contiguous parts, each read on its own thread by
//! [`super::items::read_part`] with its own [`Ctx`] (the same text and places, no problems yet)
//! and put back together in order: the same items, links, link ends and stages, in the same
//! order. Problems are the rare case: when any part found one, of any kind, the whole parallel
//! result is thrown away and the list read again on one thread, so every message, its place and
//! the order of messages are exactly those of the sequential reading.

use std::num::NonZeroUsize;

use super::Ids;
use super::common::{restore_suggestions, suggestions_left};
use super::context::Ctx;
use super::items::{ReadItems, read_part};
use crate::format::file::FileItem;
use crate::units::ItemId;

/// The fewest items read on several threads: below, starting the threads costs about what it
/// saves (a 20,000-item list is read in about 10 ms on one).
const MIN_ITEMS: usize = 20_000;
/// The most threads: the reading is memory-bound beyond.
const MAX_THREADS: usize = 4;

#[cfg(test)]
thread_local! {
    /// Tests set the number of threads (1: the sequential reading) whatever the list's size.
    static FORCED: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Reads the items on `n` threads from here on, on this thread (for tests).
#[cfg(test)]
fn force_threads(n: Option<usize>) {
    FORCED.with(|f| f.set(n));
}

/// How many threads read `items` items.
fn threads(items: usize) -> usize {
    #[cfg(test)]
    if let Some(n) = FORCED.with(std::cell::Cell::get) {
        return n.clamp(1, items.max(1));
    }
    if items < MIN_ITEMS {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(MAX_THREADS)
}

/// The items read on several threads when the list is large, `None` when it is small or any
/// part found a problem (then nothing was reported to `cx`, and "did you mean" has its budget
/// back: the caller reads the list again on one thread).
pub(super) fn read(
    cx: &Ctx<'_>,
    raw: &[FileItem],
    ids: &Ids<'_>,
    item_ids: &[ItemId],
) -> Option<ReadItems> {
    let n = threads(raw.len());
    if n < 2 {
        return None;
    }
    let budget = suggestions_left();
    let size = raw.len().div_ceil(n);
    let parts: Vec<std::ops::Range<usize>> = (0..raw.len())
        .step_by(size)
        .map(|s| s..(s + size).min(raw.len()))
        .collect();
    let mut forks: Vec<Ctx<'_>> = parts.iter().map(|_| cx.fork()).collect();
    let read: Vec<ReadItems> = std::thread::scope(|scope| {
        let (first, others) = forks.split_first_mut()?;
        let handles: Vec<_> = parts[1..]
            .iter()
            .zip(others)
            .map(|(part, fork)| {
                let part = part.clone();
                scope.spawn(move || read_part(fork, raw, ids, item_ids, part))
            })
            .collect();
        // The first part on this thread, while the others are read.
        let mut read = vec![read_part(first, raw, ids, item_ids, parts[0].clone())];
        for h in handles {
            // A part that panicked panics here, as the reading on one thread would.
            read.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        Some(read)
    })?;
    if !forks.iter().all(Ctx::is_empty) {
        restore_suggestions(budget);
        return None;
    }
    drop(forks);
    let mut parts = read.into_iter();
    let (mut items, mut links, mut ends, mut stage_of) = parts.next()?;
    let rest: Vec<ReadItems> = parts.collect();
    items.reserve(rest.iter().map(|r| r.0.len()).sum());
    links.reserve(rest.iter().map(|r| r.1.len()).sum());
    ends.reserve(rest.iter().map(|r| r.2.len()).sum());
    stage_of.reserve(rest.iter().map(|r| r.3.len()).sum());
    for (i, l, e, s) in rest {
        items.extend(i);
        links.extend(l);
        ends.extend(e);
        stage_of.extend(s);
    }
    Some((items, links, ends, stage_of))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::force_threads;
    use crate::csv_item_list::parse_item_list;
    use crate::{Diagnostics, Scenario};

    /// `n` items, each after the two before it, half in stage S1 and half in S2; `edit` changes
    /// a row's cells (id, name, department, stage, days, after).
    fn list(n: usize, edit: impl Fn(usize, &mut Vec<String>)) -> String {
        let mut text = String::from("id,name,department,stage,days,after\n");
        for i in 0..n {
            let after = match i {
                0 => String::new(),
                1 => "i0".to_owned(),
                _ => format!("i{};i{}", i - 1, i - 2),
            };
            let stage = if i < n / 2 { "S1" } else { "S2" };
            let mut row = vec![
                format!("i{i}"),
                format!("Item {i}"),
                format!("Dept {}", i % 7),
                stage.to_owned(),
                format!("{}", (i % 40) as f64 / 2.0 + 1.0),
                after,
            ];
            edit(i, &mut row);
            text += &row.join(",");
            text.push('\n');
        }
        text
    }

    /// The list read with its items on `threads` threads.
    fn read(text: &str, threads: usize) -> Result<Scenario, Diagnostics> {
        force_threads(Some(threads));
        let start = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let read = parse_item_list(text, "big.csv", "big", start);
        force_threads(None);
        read
    }

    #[test]
    fn a_large_list_read_on_four_threads_is_the_list_read_on_one() {
        let text = list(25_000, |_, _| {});
        let one = read(&text, 1).unwrap();
        let four = read(&text, 4).unwrap();
        assert_eq!(four.items.len(), 25_000);
        // Two links per item but the first two: 2 × 25,000 − 3.
        assert_eq!(four.links.len(), 49_997);
        let it = &four.items[12_345];
        assert_eq!(
            (it.id.as_str(), it.department.as_str(), it.stage.as_str()),
            ("i12345", "Dept 4", "S1")
        );
        assert_eq!(it.days.value.get(), 13.5, "12,345 % 40 / 2 + 1");
        // The links in file order across the parts' seams (items 6,250, 12,500, 18,750).
        let last = &four.links[49_996];
        assert_eq!((last.from.as_str(), last.to.as_str()), ("i24997", "i24999"));
        let seam = &four.links[2 * 6_250 - 3];
        assert_eq!((seam.from.as_str(), seam.to.as_str()), ("i6249", "i6250"));
        assert!(four == one, "the same scenario on four threads as on one");
    }

    #[test]
    fn problems_in_two_parts_are_reported_as_on_one_thread() {
        // Four parts of 6,250 items: problems in the first and in the last.
        let text = list(25_000, |i, row| match i {
            // Thirty unknown predecessors: each "did you mean" compares with the 25,000 ids,
            // 750,000 of the million comparisons a file gets.
            10..40 => row[5] = format!("x{i}"),
            100 => row[4] = "-1".to_owned(),
            20_000 => row[0] = "i5".to_owned(),
            24_000 => row[5] = "i24000".to_owned(),
            24_500 => row[5] = "i24499:XX".to_owned(),
            _ => {}
        });
        let one = read(&text, 1).unwrap_err();
        let four = read(&text, 4).unwrap_err();
        let messages: Vec<(usize, &str)> = four
            .0
            .iter()
            .map(|d| (d.line.unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 38, "{messages:#?}");
        assert_eq!(
            messages[0],
            (20_002, "item id `i5` is used twice"),
            "the ids are checked before the items"
        );
        assert_eq!(messages[1], (12, "unknown predecessor `x10`"));
        assert_eq!(messages[30], (41, "unknown predecessor `x39`"));
        assert_eq!(messages[31], (102, "the time limit -1 is negative"));
        // The items after `i20000`, whose id is now `i5`.
        assert_eq!(messages[32], (20_003, "unknown predecessor `i20000`"));
        assert_eq!(messages[33], (20_004, "unknown predecessor `i20000`"));
        assert_eq!(
            messages[34],
            (24_002, "item `i24000` cannot come after itself")
        );
        assert_eq!(messages[35].0, 24_502);
        // Then the rules on the links as a whole: `i6` and `i7` come after `i5`, now in S2.
        assert_eq!(messages[36].0, 8);
        assert_eq!(messages[37].0, 9);
        // Every unknown predecessor got its "did you mean", as on one thread: the comparisons
        // the parallel attempt spent were given back before the list was read again.
        let suggested = four
            .0
            .iter()
            .filter(|d| d.help.contains("did you mean"))
            .count();
        assert_eq!(suggested, 32, "{:#?}", four.0);
        assert_eq!(four, one);
    }
}
