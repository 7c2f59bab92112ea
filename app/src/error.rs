//! The one error type of the application layer, and its rendering as text: diagnostics with a
//! snippet of the file where there is one (codespan-reporting), other problems as
//! `error: …` with `= help: …`. The command line prints [`Error::render`]; the desktop app lists
//! [`Error::diagnostics`] in its problems panel.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
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
                let d = Diagnostic::new(Code::Unreadable, file, message.clone());
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
                let mut out = format!("error: {message}\n");
                if let Some(h) = help {
                    out.push_str(&format!("  = help: {h}\n"));
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

/// Renders diagnostics: with the source text, a snippet pointing at the place.
fn render_diagnostics(diags: &Diagnostics, text: Option<&str>) -> String {
    let mut out = String::new();
    let config = Config {
        chars: term::Chars::ascii(),
        ..Config::default()
    };
    for d in &diags.0 {
        let mut notes = Vec::new();
        if let Some(s) = &d.subject {
            notes.push(format!("in {s}"));
        }
        if !d.help.is_empty() {
            notes.push(format!("help: {}", d.help));
        }
        match (text, &d.span) {
            (Some(text), Some(span)) => {
                let file = SimpleFile::new(d.file.as_str(), text);
                let report = Report::error()
                    .with_code(d.code.as_str())
                    .with_message(&d.message)
                    .with_labels(vec![Label::primary((), span.clone())])
                    .with_notes(notes);
                match term::emit_into_string(&config, &file, &report) {
                    Ok(s) => out.push_str(&s),
                    Err(_) => out.push_str(&format!("{d}\n\n")),
                }
            }
            _ => {
                out.push_str(&format!("error[{}]: {}\n", d.code, d.message));
                out.push_str(&format!("  --> {}\n", d.location()));
                for n in notes {
                    out.push_str(&format!("  = {n}\n"));
                }
                out.push('\n');
            }
        }
    }
    let n = diags.0.len();
    out.push_str(&format!(
        "{n} problem{} found in {}\n",
        if n == 1 { "" } else { "s" },
        diags
            .0
            .first()
            .map(|d| d.file.as_str())
            .unwrap_or("the input")
    ));
    out
}
