//! Autosave and recovery in the app: unsaved work written to its recovery file as it goes
//! ([`crate::recovery`]), the file removed when the work is saved, discarded or the app quits
//! cleanly, and work found at start offered back as unsaved changes to its document.

use std::path::Path;
use std::time::{Instant, SystemTime};

use egui::Context;
use permitflow_i18n::tr;

use super::PermitflowApp;
use crate::command::{Dialog, Source};
use crate::io;
use crate::recovery::{Found, Store, Tick};

impl PermitflowApp {
    /// The recovery files' folder; none without a data folder (no autosave).
    fn store(&self) -> Option<Store> {
        self.places.recovery_dir().map(Store::new)
    }

    /// Offers the newest unsaved work found in the recovery folder (newer than its document).
    pub(super) fn offer_recovery(&mut self) {
        let found = self.store().map(|s| s.pending()).unwrap_or_default();
        if let Some(found) = found.into_iter().next() {
            self.dialog = Some(Dialog::Recover(Box::new(found)));
        }
    }

    /// Writes the unsaved work when it is due (see [`crate::recovery::Autosave`]); removes the
    /// recovery file once the document is saved again.
    pub(super) fn autosave_tick(&mut self, ctx: &Context) {
        let Some(store) = self.store() else {
            return;
        };
        let tick = self
            .autosave
            .tick(self.doc.revision(), self.doc.is_dirty(), Instant::now());
        match tick {
            Tick::Idle => {}
            Tick::Wait(d) => ctx.request_repaint_after(d),
            Tick::Write => match store.write(&self.doc, SystemTime::now()) {
                Ok(file) => self.autosave.wrote(file),
                Err(e) => {
                    // Said once; tried again after the next edit.
                    self.autosave.wrote_nothing();
                    self.status = tr!("gui-autosave-failed", error = e);
                }
            },
            Tick::Clean => self.forget_recovery(),
        }
    }

    /// Removes the recovery file of the open document (saved, discarded or quit cleanly).
    pub(super) fn forget_recovery(&mut self) {
        if let Some(file) = self.autosave.written.take()
            && let Some(store) = self.store()
            && let Err(e) = store.remove(&file)
        {
            self.status = tr!(
                "gui-cannot-remove-recovery",
                path = file.display().to_string(),
                error = e.to_string()
            );
        }
    }

    /// Opens the work in `file` as unsaved changes to its document: the document as it is on
    /// disk (the built-in scenario for one without a file, or whose file has gone), with the
    /// recovered scenario in place of it as one undoable edit.
    pub(super) fn recover(&mut self, file: &Path) {
        self.dialog = None;
        let Some(found) = Found::read(file) else {
            self.status = tr!("gui-recovery-unreadable", path = file.display().to_string());
            return;
        };
        let user = io::user_calendars(&self.settings.calendar_file);
        let recovered = match io::load(file, &user) {
            Ok(l) => l.scenario.to_draft(),
            Err(d) => {
                self.status = tr!(
                    "gui-could-not-open",
                    file = found.label.clone(),
                    n = d.0.len()
                );
                self.load_problems = d.0;
                return;
            }
        };
        let base = found.original.as_ref().filter(|p| p.is_file());
        match base {
            Some(p) => self.open_now(&Source::File(p.clone())),
            None => self.open_now(&Source::Default),
        }
        if base.is_none() {
            // Its file has gone (or it never had one): saved under its path or a new one.
            self.doc.path = found.original.clone();
            self.doc.label = found.label.clone();
            self.doc.original = None;
            self.doc.read_only = false;
        }
        self.doc.restore(recovered);
        self.autosave.written = Some(found.file.clone());
        self.views.what_ifs.reset(&self.doc, true);
        self.fix_regime_choices();
        self.status = tr!(
            "gui-recovered",
            file = found.label.clone(),
            time = found.when()
        );
    }

    /// Deletes the recovery file `file` (the user discarded the work in it).
    pub(super) fn discard_recovery(&mut self, file: &Path) {
        self.dialog = None;
        let removed = self.store().map_or(Ok(()), |s| s.remove(file));
        self.status = match removed {
            Ok(()) => tr!("gui-recovery-discarded"),
            Err(e) => tr!(
                "gui-cannot-remove-recovery",
                path = file.display().to_string(),
                error = e.to_string()
            ),
        };
    }
}
