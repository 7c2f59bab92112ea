//! Diagnostics: every problem found in an input, with a code, where it is, what it concerns and
//! what to do. Validation collects all of them rather than stopping at the first.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

use permitflow_i18n::{message, tr};

/// The most characters of a value (an id, a column name, a predecessor) a message echoes.
pub const MAX_ECHO_CHARS: usize = 80;
/// The most characters of a message, subject or help: whatever a parser reports, no message
/// carries an unbounded line of the input.
pub const MAX_MESSAGE_CHARS: usize = 500;

/// `s` cut to [`MAX_ECHO_CHARS`] characters, with `…` when cut: for values echoed in messages.
pub fn clip(s: &str) -> Cow<'_, str> {
    clip_to(s, MAX_ECHO_CHARS)
}

/// `s` cut to `max` characters, with `…` when cut.
pub fn clip_to(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((at, _)) => Cow::Owned(format!("{}…", &s[..at])),
    }
}

fn bounded(s: String) -> String {
    match clip_to(&s, MAX_MESSAGE_CHARS) {
        Cow::Borrowed(_) => s,
        Cow::Owned(c) => c,
    }
}

/// Stable codes, so users and CI logs can search for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// The file could not be read.
    Unreadable,
    /// The file holds nothing.
    Empty,
    /// TOML, JSON or CSV syntax, a wrong type, or an unknown field.
    Syntax,
    /// The `version` is one this build does not read.
    Version,
    /// Two things share an id.
    DuplicateId,
    /// A reference to an item, stage, group, measure or regime that does not exist.
    UnknownId,
    /// Links that go round in a circle.
    Cycle,
    /// A time limit or lag that is negative, not a multiple of half a day, or not a number.
    BadDays,
    /// A joint group whose items sit in different stages.
    JointSpansStages,
    /// A malformed link.
    BadLink,
    /// A date that cannot be read.
    BadDate,
    /// A required CSV column is missing or a column is unknown.
    Column,
    /// No stages or no items.
    EmptyModel,
    /// A measure that cannot be applied as written.
    BadMeasure,
    /// A calendar file that cannot be used.
    BadCalendar,
    /// An id with characters that the `after` syntax reserves.
    BadId,
    /// A value outside what the model allows (a negative cost, a floor above the limit, …).
    BadValue,
}

impl Code {
    /// The code as printed: `E001` to `E023`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unreadable => "E001",
            Self::Empty => "E002",
            Self::Syntax => "E003",
            Self::Version => "E004",
            Self::DuplicateId => "E010",
            Self::UnknownId => "E011",
            Self::Cycle => "E012",
            Self::BadDays => "E013",
            Self::JointSpansStages => "E014",
            Self::BadLink => "E015",
            Self::BadDate => "E016",
            Self::Column => "E017",
            Self::EmptyModel => "E018",
            Self::BadMeasure => "E019",
            Self::BadCalendar => "E020",
            Self::BadId => "E021",
            Self::BadValue => "E023",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem it is.
    pub code: Code,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file as the user named it.
    pub file: String,
    /// Byte range in the file, where known.
    pub span: Option<Range<usize>>,
    /// 1-based line and column (in characters), where known.
    pub line: Option<usize>,
    /// See `line`.
    pub column: Option<usize>,
    /// What the problem concerns, e.g. "item `permit`".
    pub subject: Option<String>,
    /// What to do about it.
    pub help: String,
}

impl Diagnostic {
    /// A problem in `file`, not yet placed and without help. The message is cut to
    /// [`MAX_MESSAGE_CHARS`].
    pub fn new(code: Code, file: &str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: bounded(message.into()),
            file: file.to_owned(),
            span: None,
            line: None,
            column: None,
            subject: None,
            help: String::new(),
        }
    }

    /// Says what to do about it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = bounded(help.into());
        self
    }

    /// Says what it concerns, e.g. "item `permit`".
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(bounded(subject.into()));
        self
    }

    /// Places the diagnostic at a byte range of `text`, filling in line and column.
    pub fn at(mut self, text: &str, span: Option<Range<usize>>) -> Self {
        if let Some(span) = span {
            let (line, column) = line_col(text, span.start);
            self.line = Some(line);
            self.column = Some(column);
            self.span = Some(span);
        }
        self
    }

    /// Places the diagnostic at a byte range of `text` using `lines`, the text's line starts
    /// found once: placing many diagnostics stays linear in the text.
    pub fn at_indexed(mut self, text: &str, lines: &LineIndex, span: Option<Range<usize>>) -> Self {
        if let Some(span) = span {
            let (line, column) = lines.line_col(text, span.start);
            self.line = Some(line);
            self.column = Some(column);
            self.span = Some(span);
        }
        self
    }

    /// Places the diagnostic at a line and column when no byte range is known.
    pub fn at_line_col(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// One line, for logs and batch reports: `file:line:col: error[E011]: message (item `x`)`
    /// (the words in the current language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!(
            "diag-line",
            location = self.location(),
            code = self.code.as_str(),
            message = self.message.as_str()
        ))?;
        if let Some(s) = &self.subject {
            f.write_str(&tr!("diag-line-subject", subject = s.as_str()))?;
        }
        if !self.help.is_empty() {
            f.write_str(&tr!("diag-line-help", help = self.help.as_str()))?;
        }
        Ok(())
    }
}

/// All problems in one input. Never empty when returned as an error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.summary())]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// `3 problem(s) in file.toml`, in the current language (its `Display`).
    fn summary(&self) -> String {
        let file = match self.0.first() {
            Some(d) => d.file.clone(),
            None => tr!("diag-problems-input"),
        };
        tr!("diag-problems", n = self.0.len(), file = file)
    }
}

impl Diagnostics {
    /// One problem.
    pub fn single(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

/// Collects every problem found in one input, placed in its text: the one way the scenario
/// reader, the CSV item list and the portfolio reader gather diagnostics.
#[derive(Debug)]
pub(crate) struct Collector<'a> {
    file: &'a str,
    text: &'a str,
    lines: OnceCell<LineIndex>,
    diags: Vec<Diagnostic>,
}

impl<'a> Collector<'a> {
    /// No problems yet in `file`, whose `text` spans point into (empty when there is none).
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        Self {
            file,
            text,
            lines: OnceCell::new(),
            diags: Vec::new(),
        }
    }

    /// No problems yet in the same file and text, for a part of the reading done apart.
    pub(crate) fn fork(&self) -> Self {
        Self::new(self.file, self.text)
    }

    /// Records a problem at `span` of the text (the file only when `None`).
    pub(crate) fn push(
        &mut self,
        code: Code,
        span: Option<Range<usize>>,
        subject: Option<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let lines = self.lines.get_or_init(|| LineIndex::new(self.text));
        let mut d = Diagnostic::new(code, self.file, message)
            .help(help)
            .at_indexed(self.text, lines, span);
        d.subject = subject.map(bounded);
        self.diags.push(d);
    }

    /// Whether a problem with this code has been found.
    pub(crate) fn has(&self, code: Code) -> bool {
        self.diags.iter().any(|d| d.code == code)
    }

    /// Whether nothing has been found.
    pub(crate) fn is_empty(&self) -> bool {
        self.diags.is_empty()
    }

    /// Every problem found; call only when there is one.
    pub(crate) fn into_diagnostics(self) -> Diagnostics {
        Diagnostics(self.diags)
    }

    /// `value` when nothing was found, else every problem.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.diags.is_empty() {
            Ok(value)
        } else {
            Err(Diagnostics(self.diags))
        }
    }

    /// The result of a reading that followed this one: its value when neither found a problem,
    /// else every problem, this collector's first.
    pub(crate) fn then<T>(mut self, next: Result<T, Diagnostics>) -> Result<T, Diagnostics> {
        match next {
            Ok(value) => self.finish(value),
            Err(Diagnostics(more)) => {
                self.diags.extend(more);
                Err(Diagnostics(self.diags))
            }
        }
    }
}

/// The syntax a file is written in, for the sentence around a parser's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    Toml,
    Json,
}

/// The syntax error a serde parser reported for a file in `syntax`, with help
/// chosen by the kind of message. The parser's own detail stays as it wrote it (English); the
/// sentence around it and the help are in the current language.
pub(crate) fn syntax_diagnostic(file: &str, syntax: Syntax, msg: &str) -> Diagnostic {
    let help = if msg.starts_with("unknown field") {
        tr!("diag-syntax-unknown-field")
    } else if msg.starts_with("missing field") {
        tr!("diag-syntax-missing-field")
    } else if msg.starts_with("invalid type") || msg.starts_with("invalid value") {
        tr!("diag-syntax-invalid-value")
    } else {
        tr!("diag-syntax-other")
    };
    let message = match syntax {
        Syntax::Toml => tr!("diag-syntax-toml", detail = msg),
        Syntax::Json => tr!("diag-syntax-json", detail = msg),
    };
    Diagnostic::new(Code::Syntax, file, message).help(help)
}

/// The catalogue key of the word for a kind of thing a diagnostic concerns (`item`, `stage`,
/// …, as the readers name them in English).
fn kind_key(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "scenario" => "diag-word-scenario",
        "item" => "diag-word-item",
        "stage" => "diag-word-stage",
        "regime" => "diag-word-regime",
        "measure" => "diag-word-measure",
        "joint group" => "diag-word-joint-group",
        "target" => "diag-word-target",
        "milestone" => "diag-word-milestone",
        "attribute" => "diag-word-attribute",
        "source" => "diag-word-source",
        "project type" => "diag-word-project-type",
        "department" => "diag-word-department",
        "id" => "diag-word-id",
        "name" => "diag-word-name",
        _ => return None,
    })
}

/// The word for a kind of thing (`item` → 事项 in Chinese), in the current language.
pub(crate) fn noun(kind: &str) -> String {
    kind_key(kind).map_or_else(|| kind.to_owned(), |k| message(k, &[]))
}

/// The word with its indefinite article in English (`an item`), in the current language.
pub(crate) fn a_noun(kind: &str) -> String {
    kind_key(kind).map_or_else(|| kind.to_owned(), |k| message(&format!("{k}.a"), &[]))
}

/// What a diagnostic concerns: "item `permit`" (事项 `permit`).
pub(crate) fn subject(kind: &str, id: &str) -> String {
    tr!("diag-subject", kind = noun(kind), id = id)
}

/// Where each line of a text starts, found once; lines and columns are then looked up by binary
/// search and by counting characters on the one line.
#[derive(Clone, Debug, Default)]
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        Self(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte where 0-based `line` starts.
    pub fn start(&self, line: usize) -> Option<usize> {
        self.0.get(line).copied()
    }

    /// 1-based line and character column of a byte offset of `text` (the text indexed).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.0[line].min(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and column, for parsers that report positions only.
pub fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..line {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let rest = &text[line_start..];
    let col_off = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(line_start + col_off)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "a = 1\nname = \"审批\"\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        let x = t.rfind('x').unwrap();
        assert_eq!(line_col(t, x), (3, 1));
        let q = t.find('"').unwrap();
        assert_eq!(line_col(t, q), (2, 8));
        assert_eq!(offset_of(t, 3, 1), Some(x));
        assert_eq!(offset_of(t, 2, 8), Some(q));
        let index = LineIndex::new(t);
        for o in 0..=t.len() {
            if t.is_char_boundary(o) {
                assert_eq!(index.line_col(t, o), line_col(t, o), "offset {o}");
            }
        }
    }

    #[test]
    fn messages_and_echoed_values_are_bounded() {
        let long = "x".repeat(100_000);
        let d = Diagnostic::new(Code::Syntax, "f", format!("bad `{long}`"))
            .subject(long.clone())
            .help(long.clone());
        assert_eq!(d.message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(d.message.ends_with('…'));
        assert_eq!(d.help.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert_eq!(clip(&long).chars().count(), MAX_ECHO_CHARS + 1);
        assert_eq!(clip("审批"), "审批");
    }
}
