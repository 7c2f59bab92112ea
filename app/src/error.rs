//! The one error type of the application layer, and its rendering as text: diagnostics with a
//! snippet of the file where there is one (codespan-reporting), other problems as
//! `error: …` with `= help: …`. The command line prints [`Error::render`]; the desktop app lists
//! [`Error::diagnostics`] in its problems panel.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, Config};
use permitflow_i18n::tr;
use permitflow_model::diag::{LineIndex, MAX_MESSAGE_CHARS, clip_to};
use permitflow_model::{Code, Diagnostic, Diagnostics};

/// Why a request could not be done.
#[derive(Debug, Clone)]
pub enum Error {
    /// An input file is invalid: its diagnostics, with the file's text when a snippet can be
    /// shown.
    Invalid {
        /// Every problem found.
        diagnostics: Diagnostics,
        /// The text the spans point into.
        text: Option<String>,
    },
    /// A request that cannot be done, and what to do instead.
    Message {
        /// What went wrong, naming the file or the argument.
        message: String,
        /// What to do, when there is advice.
        help: Option<String>,
    },
    /// Several problems of one request, each reported.
    Many(Vec<Error>),
}

impl Error {
    /// A problem without advice.
    pub fn msg(message: impl Into<String>) -> Self {
        Self::Message {
            message: message.into(),
            help: None,
        }
    }

    /// A problem with advice.
    pub fn help(message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::Message {
            message: message.into(),
            help: Some(help.into()),
        }
    }

    /// Diagnostics without a source text.
    pub fn invalid(diagnostics: Diagnostics) -> Self {
        Self::Invalid {
            diagnostics,
            text: None,
        }
    }

    /// One diagnostic.
    pub fn diagnostic(d: Diagnostic) -> Self {
        Self::invalid(Diagnostics::single(d))
    }

    /// The problems as diagnostics (messages become diagnostics without a place), for a list
    /// such as the desktop app's problems panel.
    pub fn diagnostics(&self, file: &str) -> Vec<Diagnostic> {
        match self {
            Self::Invalid { diagnostics, .. } => diagnostics.0.clone(),
            Self::Message { message, help } => {
                let d = Diagnostic::new(Code::Unreadable, file, message.as_str());
                vec![match help {
                    Some(h) => d.help(h.clone()),
                    None => d,
                }]
            }
            Self::Many(es) => es.iter().flat_map(|e| e.diagnostics(file)).collect(),
        }
    }

    /// The text a terminal shows.
    pub fn render(&self) -> String {
        match self {
            Self::Invalid { diagnostics, text } => render_diagnostics(diagnostics, text.as_deref()),
            Self::Message { message, help } => {
                // Messages may carry a parser's words about a value: cut like diagnostics.
                let cut = |s: &str| clip_to(s, MAX_MESSAGE_CHARS).into_owned();
                let mut out = tr!("app-diag-error-line", message = cut(message));
                out.push('\n');
                if let Some(h) = help {
                    out.push_str(&format!("  = {}\n", tr!("app-diag-help", text = cut(h))));
                }
                out
            }
            Self::Many(es) => es.iter().map(Error::render).collect(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {}

/// The most diagnostics rendered as text; the rest are counted in a closing line. Every one is
/// still in [`Error::diagnostics`].
pub const MAX_RENDERED: usize = 50;
/// Source lines longer than this many characters are shown as a window of this many around the
/// place, with `…` where the line goes on.
pub const SNIPPET_CHARS: usize = 200;

/// Renders diagnostics: with the source text, a snippet pointing at the place. The first
/// [`MAX_RENDERED`] are shown; the text's lines are indexed once, so rendering is linear in the
/// text and the messages.
fn render_diagnostics(diags: &Diagnostics, text: Option<&str>) -> String {
    let mut out = String::new();
    let config = Config {
        chars: term::Chars::ascii(),
        ..Config::default()
    };
    let lines = std::cell::OnceCell::new();
    // codespan-reporting names the severity in English: its header's first word is replaced
    // by the catalogue's (the same word in English).
    let error = tr!("app-diag-error");
    for d in diags.0.iter().take(MAX_RENDERED) {
        let mut notes = Vec::new();
        if let Some(s) = &d.subject {
            notes.push(tr!("app-diag-in", subject = s.to_string()));
        }
        if !d.help.is_empty() {
            notes.push(tr!("app-diag-help", text = d.help.as_str()));
        }
        match (text, &d.span) {
            (Some(text), Some(span)) => {
                let lines = lines.get_or_init(|| LineIndex::new(text));
                let (file, span) = Excerpt::around(d.file.as_str(), text, lines, span.clone());
                let report = Report::error()
                    .with_code(d.code.as_str())
                    .with_message(&d.message)
                    .with_labels(vec![Label::primary((), span)])
                    .with_notes(notes);
                match term::emit_into_string(&config, &file, &report) {
                    Ok(s) => match s.strip_prefix("error") {
                        Some(rest) => {
                            out.push_str(&error);
                            out.push_str(rest);
                        }
                        None => out.push_str(&s),
                    },
                    Err(_) => out.push_str(&format!("{d}\n\n")),
                }
            }
            _ => {
                out.push_str(&format!("{error}[{}]: {}\n", d.code, d.message));
                out.push_str(&format!("  --> {}\n", d.location()));
                for n in notes {
                    out.push_str(&format!("  = {n}\n"));
                }
                out.push('\n');
            }
        }
    }
    let n = diags.0.len();
    if n > MAX_RENDERED {
        out.push_str(&tr!(
            "app-diag-more",
            more = n - MAX_RENDERED,
            n = n,
            shown = MAX_RENDERED
        ));
        out.push('\n');
    }
    let file = diags
        .0
        .first()
        .map(|d| d.file.as_str().to_owned())
        .unwrap_or_else(|| tr!("app-diag-the-input"));
    out.push_str(&tr!("app-diag-found", n = n, file = file));
    out.push('\n');
    out
}

/// The lines a diagnostic points at, cut from the whole text: one short line or a few, or a
/// window of [`SNIPPET_CHARS`] characters of a long line. Line and column numbers are the real
/// ones.
struct Excerpt<'a> {
    file: SimpleFile<&'a str, String>,
    /// The real 1-based number of the excerpt's first line.
    first_line: usize,
    /// For a window of a long line: the bytes of the leading `…` and the real 1-based column of
    /// the character after it.
    window: Option<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for `span` of `text`, and the span within it.
    fn around(
        name: &'a str,
        text: &str,
        lines: &LineIndex,
        span: Range<usize>,
    ) -> (Self, Range<usize>) {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (start, end) = (floor(span.start), floor(span.end.max(span.start)));
        let l0 = lines.line_of(start);
        let l1 = lines.line_of(end.saturating_sub(1).max(start));
        let line_start = |l: usize| lines.start(l).unwrap_or(text.len());
        let line_end = |l: usize| {
            let e = lines.start(l + 1).map(|s| s - 1).unwrap_or(text.len());
            if e > line_start(l) && text.as_bytes()[e - 1] == b'\r' {
                e - 1
            } else {
                e
            }
        };
        let short = |l: usize| {
            text[line_start(l)..line_end(l)]
                .chars()
                .nth(SNIPPET_CHARS)
                .is_none()
        };
        let (from, to) = (line_start(l0), line_end(l1));
        if l1 - l0 < 8 && (l0..=l1).all(short) {
            let file = SimpleFile::new(name, text[from..to].to_owned());
            let span = start - from..end.min(to).max(start) - from;
            return (
                Self {
                    file,
                    first_line: l0 + 1,
                    window: None,
                },
                span,
            );
        }
        // One line, cut to a window: from a quarter of the window before the place.
        let (ls, le) = (line_start(l0), line_end(l0));
        let end = end.min(le).max(start);
        let back = text[ls..start]
            .char_indices()
            .rev()
            .nth(SNIPPET_CHARS / 4 - 1)
            .map(|(i, _)| ls + i)
            .unwrap_or(ls);
        let ahead = text[back..le]
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map(|(i, _)| back + i)
            .unwrap_or(le);
        let column = text[ls..back].chars().count() + 1;
        let mut source = String::new();
        let lead = if back > ls { "…" } else { "" };
        source.push_str(lead);
        source.push_str(&text[back..ahead]);
        if ahead < le {
            source.push('…');
        }
        let rel = |i: usize| lead.len() + i.clamp(back, ahead) - back;
        let span = rel(start)..rel(end);
        (
            Self {
                file: SimpleFile::new(name, source),
                first_line: l0 + 1,
                window: Some((lead.len(), column)),
            },
            span,
        )
    }
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.file.name())
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.file.source())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        self.file.line_index((), byte_index)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.file.line_range((), line_index)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.first_line + line_index)
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let source = self.file.source().as_str();
        match self.window {
            Some((lead, column)) => {
                let at = byte_index.clamp(lead, source.len());
                Ok(column + source.get(lead..at).map_or(0, |s| s.chars().count()))
            }
            None => {
                let range = self.file.line_range((), line_index)?;
                Ok(files::column_index(source, range, byte_index) + 1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, span: Range<usize>) -> String {
        let d = Diagnostic::new(Code::Syntax, "f.toml", "bad").at(text, Some(span));
        Error::Invalid {
            diagnostics: Diagnostics::single(d),
            text: Some(text.to_owned()),
        }
        .render()
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_real_positions() {
        let text = format!("a = 1\nb = \"{}\" c\n", "x".repeat(10_000));
        let c = text.rfind('c').unwrap();
        let out = at(&text, c..c + 1);
        assert!(out.len() < 1_000, "{out}");
        assert!(out.contains("--> f.toml:2:10008"), "{out}");
        assert!(
            out.contains(&format!("2 | …{}\" c", "x".repeat(48))),
            "{out}"
        );
    }

    #[test]
    fn short_lines_render_as_the_whole_file_would() {
        let text = "a = 1\nb = [\n  2,\n]\nc = 3\n";
        for span in [6..7, 6..18, 0..1, 20..23] {
            let whole = SimpleFile::new("f.toml", text);
            let report = Report::error()
                .with_code("E003")
                .with_message("bad")
                .with_labels(vec![Label::primary((), span.clone())]);
            let config = Config {
                chars: term::Chars::ascii(),
                ..Config::default()
            };
            let expected = term::emit_into_string(&config, &whole, &report).unwrap();
            let got = at(text, span);
            assert!(got.starts_with(&expected), "{got}\n---\n{expected}");
        }
    }

    #[test]
    fn many_problems_are_capped_and_counted() {
        let text = "x\n".repeat(1_000);
        let ds = (0..1_000)
            .map(|i| Diagnostic::new(Code::Syntax, "f", "bad").at(&text, Some(2 * i..2 * i + 1)))
            .collect();
        let out = Error::Invalid {
            diagnostics: Diagnostics(ds),
            text: Some(text),
        }
        .render();
        assert_eq!(out.matches("error[E003]").count(), MAX_RENDERED);
        assert!(out.ends_with(
            "… and 950 more problems (1000 in all; the first 50 are shown)\n1000 problems found in f\n"
        ));
    }

    #[test]
    fn diagnostics_and_messages_in_chinese() {
        use permitflow_i18n::{Lang, with_lang};
        let text = "a = 1\nb = x\n";
        let d = Diagnostic::new(Code::Syntax, "f.toml", "bad")
            .at(text, Some(10..11))
            .help("quote it");
        let e = Error::Invalid {
            diagnostics: Diagnostics::single(d),
            text: Some(text.to_owned()),
        };
        let zh = with_lang(Lang::ZhCn, || e.render());
        assert!(zh.starts_with("错误[E003]: bad"), "{zh}");
        assert!(zh.contains("--> f.toml:2:5"), "{zh}");
        assert!(zh.contains("= 建议：quote it"), "{zh}");
        assert!(zh.ends_with("在 f.toml 中发现 1 个问题\n"), "{zh}");
        let en = with_lang(Lang::En, || e.render());
        assert!(en.starts_with("error[E003]: bad"), "{en}");
        assert!(en.contains("= help: quote it"), "{en}");
        let m = Error::help("f.toml: unknown regime `x`", "the regimes are `a`");
        assert_eq!(
            with_lang(Lang::ZhCn, || m.render()),
            "错误：f.toml: unknown regime `x`\n  = 建议：the regimes are `a`\n"
        );
    }
}
