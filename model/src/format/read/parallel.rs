//! A large item list read on several threads, with the result of reading it on one.
//!
//! The items themselves (each item's checks, [`super::items::read_items_only`]) are read on
//! this thread while their links (each `after` list looked up, [`super::items::read_links_only`])
//! are read on the others, in contiguous parts joined in order (on two threads this one reads
//! the last quarter or so after its items: [`link_parts`]): the same items, links, link
//! ends and stages, in the same order, and no item is moved once made. Each part has its own
//! [`Ctx`] (the same text and places, no problems yet). Problems are the rare case: when any
//! part found one, of any kind, the whole parallel result is thrown away and the list read
//! again on one thread, so every message, its place and the order of messages are exactly those
//! of the sequential reading.

use std::num::NonZeroUsize;

use super::Ids;
use super::common::{restore_suggestions, suggestions_left};
use super::context::Ctx;
use super::items::{Links, ReadItems, read_items_only, read_links_only};
use crate::format::file::FileItem;
use crate::units::ItemId;

/// The fewest items read on several threads: a smaller list is read on one in a few
/// milliseconds.
const MIN_ITEMS: usize = 20_000;
/// The most threads: this one for the items, up to three for their links.
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

/// About what reading one link costs beside making one item (each about 80 ns on the project's
/// machine): the links of a list with two predecessors an item take twice its items' time.
const LINK_COST: f64 = 1.0;

/// The items' links cut into contiguous parts, by position: one per other thread, then, when
/// the items leave this thread less than its share of the work, a last part for it to read
/// after them (on two threads about a quarter of the links of a list with two links an item).
fn link_parts(raw: &[FileItem], threads: usize) -> LinkParts {
    let n = raw.len();
    let links: usize = raw.iter().map(|it| it.after.len()).sum();
    let work = n as f64 + LINK_COST * links as f64;
    let share = work / threads as f64;
    // The links this thread reads after its items, as a part of all of them.
    let mine = if links == 0 {
        0.0
    } else {
        ((share - n as f64) / (LINK_COST * links as f64)).clamp(0.0, 1.0)
    };
    let cut = n - ((n as f64 * mine) as usize).min(n);
    let size = cut.div_ceil(threads - 1).max(1);
    let beside = (0..cut)
        .step_by(size)
        .map(|s| s..(s + size).min(cut))
        .collect();
    (beside, (cut < n).then_some(cut..n))
}

/// The parts of the links read on the other threads, and this thread's part, if any.
type LinkParts = (Vec<std::ops::Range<usize>>, Option<std::ops::Range<usize>>);

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
    let (beside, here) = link_parts(raw, n);
    let mut item_cx = cx.fork();
    let mut link_cx: Vec<Ctx<'_>> = beside.iter().chain(&here).map(|_| cx.fork()).collect();
    let ((items, stage_of), parts) = std::thread::scope(|scope| {
        let mut forks = link_cx.iter_mut();
        let handles: Vec<_> = beside
            .iter()
            .zip(&mut forks)
            .enumerate()
            .map(|(k, (part, fork))| {
                let room = if k == 0 { 0..raw.len() } else { part.clone() };
                let part = part.clone();
                scope.spawn(move || read_links_only(fork, raw, ids, item_ids, (part, room)))
            })
            .collect();
        let items = read_items_only(&mut item_cx, raw, ids, item_ids);
        // This thread's share of the links, the last ones, once its items are made.
        let mine: Vec<Links> = here
            .iter()
            .zip(forks)
            .map(|(part, fork)| {
                read_links_only(fork, raw, ids, item_ids, (part.clone(), part.clone()))
            })
            .collect();
        // A part that panicked panics here, as the reading on one thread would.
        let mut parts: Vec<Links> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        parts.extend(mine);
        (items, parts)
    });
    if !(item_cx.is_empty() && link_cx.iter().all(Ctx::is_empty)) {
        restore_suggestions(budget);
        return None;
    }
    let mut parts = parts.into_iter();
    let (mut links, mut ends) = parts.next()?;
    for (l, e) in parts {
        links.extend(l);
        ends.extend(e);
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
        // The links in file order across the seams of the three parts of links (items 8,334
        // and 16,668): item k ≥ 2's first link is link 2k − 3.
        let last = &four.links[49_996];
        assert_eq!((last.from.as_str(), last.to.as_str()), ("i24997", "i24999"));
        let seam = &four.links[2 * 8_334 - 3];
        assert_eq!((seam.from.as_str(), seam.to.as_str()), ("i8333", "i8334"));
        let seam = &four.links[2 * 16_668 - 2];
        assert_eq!((seam.from.as_str(), seam.to.as_str()), ("i16666", "i16668"));
        assert!(four == one, "the same scenario on four threads as on one");
    }

    #[test]
    fn on_two_threads_this_one_reads_the_last_links_after_the_items() {
        // 25,000 items and 49,997 links on two threads: each has (25,000 + 49,997) / 2 of the
        // work; the items leave this one 12,498.5 links' worth, a quarter of them: items from
        // 18,751 on (25,000 − ⌊25,000 × 12,498.5 / 49,997⌋ = 25,000 − 6,249).
        let text = list(25_000, |_, _| {});
        let raw: Vec<_> = (0..25_000)
            .map(|i| {
                let after = match i {
                    0 => vec![],
                    1 => vec![crate::format::file::FileAfter::Text("i0".into())],
                    _ => vec![
                        crate::format::file::FileAfter::Text(format!("i{}", i - 1)),
                        crate::format::file::FileAfter::Text(format!("i{}", i - 2)),
                    ],
                };
                crate::format::file::FileItem::new(
                    (format!("i{i}"), Default::default(), "D".into(), "S".into()),
                    crate::format::file::FileNumber {
                        value: 1.0,
                        source: None,
                    },
                    after,
                    Default::default(),
                )
            })
            .collect();
        let (beside, mine) = super::link_parts(&raw, 2);
        assert_eq!((beside.len(), &beside[0]), (1, &(0..18_751)));
        assert_eq!(mine, Some(18_751..25_000));
        // Four threads: the items are more than a quarter of the work, no links here.
        let (beside, mine) = super::link_parts(&raw, 4);
        assert_eq!(beside, [0..8_334, 8_334..16_668, 16_668..25_000]);
        assert_eq!(mine, None);
        let one = read(&text, 1).unwrap();
        let two = read(&text, 2).unwrap();
        assert_eq!(two.links.len(), 49_997);
        let seam = &two.links[2 * 18_751 - 3];
        assert_eq!((seam.from.as_str(), seam.to.as_str()), ("i18750", "i18751"));
        assert!(two == one, "the same scenario on two threads as on one");
    }

    #[test]
    fn problems_in_two_parts_are_reported_as_on_one_thread() {
        // Three parts of links (8,334 items each): problems in the first and in the last, and
        // in the items, read on this thread.
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
        // Every unknown predecessor got its "did you mean", as on one thread (a million
        // comparisons, 25,000 for each).
        let suggested = four
            .0
            .iter()
            .filter(|d| d.help.contains("did you mean"))
            .count();
        assert_eq!(suggested, 32, "{:#?}", four.0);
        assert_eq!(four, one);
    }
}
