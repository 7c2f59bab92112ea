//! The system's own open and save dialogs (`rfd`: the XDG desktop portal on Linux, with zenity
//! as its fallback; the system dialogs on Windows and macOS), run on a thread so the window
//! keeps drawing; the answer comes back through a channel.
//!
//! Where no dialog can be shown (no D-Bus session, no portal and no zenity — a CI machine under
//! Xvfb, a minimal desktop), rfd answers "nothing chosen" at once: an answer quicker than
//! [`NO_ANSWER`] is taken for that, and the app shows its built-in file browser instead for
//! the rest of the session. `PERMITFLOW_NATIVE_DIALOGS=0` asks for the built-in one from the
//! start (tests use it; the library starts with it, the binary reads the variable).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use egui::Context;

use crate::command::Dialog;

/// The variable that turns the native dialogs off (`0`, `false`, `off`, `no`).
pub const VAR: &str = "PERMITFLOW_NATIVE_DIALOGS";

/// A "nothing chosen" quicker than this means no dialog was shown.
pub const NO_ANSWER: Duration = Duration::from_millis(400);

/// Whether the variable's value (when set) allows native dialogs.
pub fn allowed(value: Option<&str>) -> bool {
    !value.is_some_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "0" | "false" | "off" | "no"
        )
    })
}

/// Whether a native dialog may be shown on this machine: always on Windows and macOS; on other
/// systems when a D-Bus session bus is there (for the portal) or zenity is on the `PATH`.
pub fn possible() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| PathBuf::from(d).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    bus || zenity
}

/// What a native dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The dialog it stands for (what the chosen path is for).
    pub dialog: Dialog,
    /// The window title.
    pub title: String,
    /// The file type's name and extensions (no dot).
    pub filter: (String, Vec<String>),
    /// The suggested file (a save) or folder to start in (an open).
    pub suggested: PathBuf,
    /// A save dialog (else an open one).
    pub save: bool,
}

/// How a native dialog ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A file was chosen for this dialog.
    Chosen(Dialog, PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled(Dialog),
    /// No dialog could be shown: use the built-in one.
    Unavailable(Dialog),
}

/// The native dialogs: on or off, and the one open.
#[derive(Debug, Default)]
pub struct Native {
    /// Native dialogs are used (off in the library until the binary turns them on, and off
    /// for the session once none could be shown).
    pub enabled: bool,
    open: Option<(Dialog, Instant, Receiver<Option<PathBuf>>)>,
}

impl Native {
    /// Whether a native dialog is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Shows a native dialog on a thread; `ctx` is woken when it closes.
    pub fn start(&mut self, req: Request, ctx: Option<Context>) {
        let (tx, rx) = channel();
        let mut d = rfd::AsyncFileDialog::new()
            .set_title(&req.title)
            .add_filter(&req.filter.0, &req.filter.1);
        let folder = if req.save || !req.suggested.is_dir() {
            req.suggested.parent().map(PathBuf::from)
        } else {
            Some(req.suggested.clone())
        };
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        // The dialog is made here (the main thread, as macOS needs) and awaited on a thread.
        let future = if req.save {
            if let Some(name) = req.suggested.file_name() {
                d = d.set_file_name(name.to_string_lossy());
            }
            futures_box(d.save_file())
        } else {
            futures_box(d.pick_file())
        };
        std::thread::spawn(move || {
            let chosen = pollster::block_on(future).map(|h| h.path().to_path_buf());
            let _ = tx.send(chosen);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.open = Some((req.dialog, Instant::now(), rx));
    }

    /// How the open dialog ended, once it has.
    pub fn poll(&mut self) -> Option<Answer> {
        let (dialog, started, rx) = self.open.as_ref()?;
        let answer = match rx.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(Some(p)) => Answer::Chosen(dialog.clone(), p),
            Ok(None) if started.elapsed() >= NO_ANSWER => Answer::Cancelled(dialog.clone()),
            Ok(None) | Err(TryRecvError::Disconnected) => {
                self.enabled = false;
                Answer::Unavailable(dialog.clone())
            }
        };
        self.open = None;
        Some(answer)
    }
}

type Pending = std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

fn futures_box(f: impl Future<Output = Option<rfd::FileHandle>> + Send + 'static) -> Pending {
    Box::pin(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_false_off_and_no_turn_native_dialogs_off() {
        assert!(allowed(None));
        assert!(allowed(Some("1")));
        assert!(allowed(Some("")));
        for v in ["0", "false", " OFF ", "no"] {
            assert!(!allowed(Some(v)), "{v}");
        }
    }
}
