//! Where a problem is: the entries of the file's arrays, and which part of an entry a diagnostic
//! points at. Every problem goes through [`Ctx`] into the one [`Collector`].

use std::ops::Range;

use crate::diag::{Code, Collector, Diagnostics};
use crate::locate::Locator;

/// What a diagnostic needs to find its place in the text, and the problems found so far.
pub(in crate::format) struct Ctx<'a> {
    out: Collector<'a>,
    loc: Option<&'a Locator<'a>>,
    pub(super) stages: Vec<Range<usize>>,
    /// Borrowed from the locator for an item list (one range per row: not copied).
    pub(super) items: std::borrow::Cow<'a, [Range<usize>]>,
    pub(super) joint: Vec<Range<usize>>,
    pub(super) measures: Vec<Range<usize>>,
    pub(super) regimes: Vec<Range<usize>>,
    pub(super) targets: Vec<Range<usize>>,
    pub(super) milestones: Vec<Range<usize>>,
    pub(super) variants: Vec<Range<usize>>,
}

/// Which part of an entry a diagnostic points at.
pub(super) enum At<'s> {
    /// The entry's first line.
    Entry,
    /// A key.
    Key(&'s str),
    /// A key's value.
    Value(&'s str),
    /// A quoted string.
    Str(&'s str),
    /// Bytes `range` of a quoted string's content (a token of a `when` condition).
    Inside(&'s str, Range<usize>),
}

/// One entry of the file: where it is (when the text is known) and what its problems concern
/// (`item `x``: the text is made only when a problem is reported, not once per entry).
pub(super) struct Place<'r> {
    pub(super) entry: Option<Range<usize>>,
    what: &'static str,
    name: &'r str,
}

impl<'r> Place<'r> {
    /// Entry `i` of `entries`, about the `what` (item, regime, …) called `name`.
    pub(super) fn new(
        entries: &[Range<usize>],
        i: usize,
        what: &'static str,
        name: &'r str,
    ) -> Self {
        Self {
            entry: entry(entries, i),
            what,
            name,
        }
    }

    /// What its problems concern: "item `x`".
    fn subject(&self) -> String {
        crate::diag::subject(self.what, self.name)
    }
}

impl<'a> Ctx<'a> {
    /// Diagnostics in `file`, placed in the text `loc` knows; without one they name the file and
    /// the item only.
    pub(in crate::format) fn new(file: &'a str, loc: Option<&'a Locator<'a>>) -> Self {
        let entries = |name: &str| loc.map(|l| l.entries(name)).unwrap_or_default();
        Self {
            out: Collector::new(file, loc.map(|l| l.text()).unwrap_or("")),
            loc,
            stages: entries("stages"),
            items: match loc.and_then(|l| l.csv_rows()) {
                Some(rows) => std::borrow::Cow::Borrowed(rows),
                None => entries("items").into(),
            },
            joint: entries("joint"),
            measures: entries("measures"),
            regimes: entries("regimes"),
            targets: entries("targets"),
            milestones: entries("milestones"),
            variants: entries("variants"),
        }
    }

    /// `value` when no problem was found, else every problem.
    pub(in crate::format) fn finish<T>(self, value: T) -> Result<T, Diagnostics> {
        self.out.finish(value)
    }

    /// A context for reading some of the items on another thread: the same file, text and
    /// places, and no problems yet (the items' places are borrowed, the other arrays' left out).
    pub(super) fn fork(&self) -> Ctx<'_> {
        Ctx {
            out: self.out.fork(),
            loc: self.loc,
            stages: Vec::new(),
            items: std::borrow::Cow::Borrowed(&self.items[..]),
            joint: Vec::new(),
            measures: Vec::new(),
            regimes: Vec::new(),
            targets: Vec::new(),
            milestones: Vec::new(),
            variants: Vec::new(),
        }
    }

    /// Whether no problem has been found.
    pub(super) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Whether a problem with this code has been found.
    pub(super) fn has(&self, code: Code) -> bool {
        self.out.has(code)
    }

    fn span(&self, entry: Option<Range<usize>>, at: At) -> Option<Range<usize>> {
        let loc = self.loc?;
        let entry = entry.unwrap_or_else(|| loc.all());
        match at {
            At::Entry => Some(loc.first_line(entry)),
            At::Key(k) => loc
                .key(entry.clone(), k)
                .or_else(|| self.span(Some(entry), At::Entry)),
            At::Value(k) => loc
                .value(entry.clone(), k)
                .or_else(|| self.span(Some(entry), At::Entry)),
            At::Str(s) => loc
                .string(entry.clone(), s)
                .or_else(|| self.span(Some(entry), At::Entry)),
            At::Inside(s, r) => match loc.string(entry.clone(), s) {
                Some(found) if found.len() >= s.len() => {
                    let end = (found.start + r.end.max(r.start + 1)).min(found.start + s.len());
                    Some(found.start + r.start.min(s.len())..end.max(found.start + 1))
                }
                _ => self.span(Some(entry), At::Entry),
            },
        }
    }

    /// Records a problem at `at` within `entry` (the whole file when `None`).
    pub(super) fn push(
        &mut self,
        code: Code,
        entry: Option<Range<usize>>,
        at: At,
        subject: Option<String>,
        message: impl Into<String>,
        help: &str,
    ) {
        let span = self.span(entry, at);
        self.out.push(code, span, subject, message, help);
    }

    /// Records a problem at `at` within the entry `place`, about its subject.
    pub(super) fn report(
        &mut self,
        place: &Place<'_>,
        code: Code,
        at: At,
        message: impl Into<String>,
        help: &str,
    ) {
        self.push(
            code,
            place.entry.clone(),
            at,
            Some(place.subject()),
            message,
            help,
        );
    }
}

/// Entry `i` of `ranges`, when the text was scanned that far.
pub(super) fn entry(ranges: &[Range<usize>], i: usize) -> Option<Range<usize>> {
    ranges.get(i).cloned()
}
