//! Applying the commands the views pushed, after the frame is drawn.

use egui::Context;
use permitflow_i18n::tr;

use super::PermitflowApp;
use crate::command::{Command, Dialog, JobKind};
use crate::compute;
use crate::io;

impl PermitflowApp {
    pub(super) fn apply_commands(&mut self, ctx: &Context) {
        // What a command changed is drawn in the next frame, input or not.
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
        // Applying a command may queue another (save, then open): apply until none is left.
        while !self.commands.is_empty() {
            for c in std::mem::take(&mut self.commands) {
                self.apply(c, ctx);
            }
        }
    }

    fn apply(&mut self, c: Command, ctx: &Context) {
        match c {
            Command::Edit(e, continuing) => {
                self.doc.apply(&e, continuing);
                self.status = if self.doc.problems.is_empty() {
                    e.describe()
                } else {
                    tr!("gui-edit-not-applied", edit = e.describe())
                };
                self.views.what_ifs.reset(&self.doc, false);
            }
            Command::EndDrag => self.doc.end_continuation(),
            Command::Undo | Command::Redo => {
                let undo = c == Command::Undo;
                let done = if undo {
                    self.doc.undo()
                } else {
                    self.doc.redo()
                };
                self.status = match (undo, done) {
                    (true, true) => tr!("gui-undone"),
                    (true, false) => tr!("gui-nothing-to-undo"),
                    (false, true) => tr!("gui-redone"),
                    (false, false) => tr!("gui-nothing-to-redo"),
                };
                self.views.what_ifs.reset(&self.doc, false);
            }
            // A calendar, an event log or a portfolio is not a document: applied, measured or run.
            Command::Open(crate::command::Source::File(p))
                if matches!(
                    io::kind_of(&p),
                    io::FileKind::Calendar | io::FileKind::EventLog | io::FileKind::Portfolio
                ) =>
            {
                self.open_any(p);
            }
            Command::Open(src) => {
                if self.doc.is_dirty() {
                    self.dialog = Some(Dialog::Unsaved(Box::new(Command::Open(src))));
                } else {
                    self.open_now(&src);
                }
            }
            Command::Save if self.doc.read_only => {
                self.show_dialog(Dialog::SaveAs);
                self.status = tr!("gui-shipped-read-only");
            }
            Command::Save => match self.doc.path.clone() {
                Some(p) => {
                    self.save_to(&p);
                }
                None => self.show_dialog(Dialog::SaveAs),
            },
            Command::SaveAs(p) => {
                if self.save_to(&p) {
                    self.dialog = None;
                    // Saved from the unsaved-changes dialog: now open or quit as asked.
                    if let Some(then) = self.after_save.take() {
                        self.push(then);
                    }
                }
            }
            Command::SaveThen(then) => {
                match self.doc.path.clone().filter(|_| !self.doc.read_only) {
                    Some(p) if self.save_to(&p) => {
                        self.dialog = None;
                        self.push(*then);
                    }
                    Some(_) => {}
                    None => {
                        self.after_save = Some(*then);
                        self.show_dialog(Dialog::SaveAs);
                    }
                }
            }
            Command::Discard(then) => {
                self.dialog = None;
                match *then {
                    Command::Open(src) => self.open_now(&src),
                    Command::Quit => {
                        self.quit_confirmed = true;
                        self.push(Command::Quit);
                    }
                    other => self.push(other),
                }
            }
            Command::ExportCharts(p) => self.close_if(|app| app.export_charts(&p)),
            Command::ExportSchedule {
                regime,
                format,
                path,
            } => self.close_if(|app| {
                let Some(o) = app.comparison().outcome(&regime) else {
                    app.status = tr!("gui-no-schedule", regime = &regime);
                    return false;
                };
                let r = io::export_schedule(&app.doc.valid, &app.doc.calendar, o, format, &path);
                app.report_result(r)
            }),
            Command::WriteReport(path) => self.write_report(path),
            Command::ShowDialog(d) => self.show_dialog(d),
            Command::CloseDialog => {
                self.dialog = None;
                self.after_save = None;
            }
            Command::RunSimulation => {
                self.jobs.simulation.invalidate();
                self.simulate();
            }
            Command::RunCentre(key) => {
                self.jobs.centre.invalidate();
                let k = key.clone();
                let run = self.worker();
                self.jobs.centre.request(key, run, move |cancel| {
                    compute::centre(&k.portfolio, k.replications, k.seed, cancel)
                });
            }
            Command::RunCalibration(log) => {
                self.jobs.calibration.invalidate();
                let key = crate::command::CalibrationKey {
                    log,
                    revision: self.doc.revision(),
                    regime: self.calibration_regime(),
                    seed: self.settings.seed,
                    lang: permitflow_i18n::lang(),
                };
                let k = key.clone();
                let (s, cal) = (self.doc.valid.clone(), self.doc.calendar.clone());
                let run = self.worker();
                self.jobs.calibration.request(key, run, move |cancel| {
                    compute::calibrate(&k.log, &s, &cal, &k.regime, k.seed, cancel)
                });
            }
            Command::Cancel(kind) => {
                if self.jobs.cancel(kind) {
                    self.status = match kind {
                        JobKind::Simulation => tr!("gui-cancelled-simulation"),
                        JobKind::Planner => tr!("gui-cancelled-planner"),
                        JobKind::Centre => tr!("gui-cancelled-centre"),
                        JobKind::Calibration => tr!("gui-cancelled-calibration"),
                    };
                }
            }
            Command::ShowItem(id) => self.views.what_ifs.show_item(id),
            Command::DismissLoadProblems => self.load_problems.clear(),
            Command::UseCalendar(file) => {
                self.use_calendar(file);
                // The schedules with the new calendar, in the next frame.
                ctx.request_repaint();
            }
            Command::Status(s) => self.status = s,
            Command::SetLang(lang) => self.set_language(lang),
            Command::Recover(file) => self.recover(&file),
            Command::DiscardRecovery(file) => self.discard_recovery(&file),
            Command::Print => self.print(),
            Command::SetAttribute(name, value) => {
                match value {
                    Some(v) => self.doc.set_value(&name, v),
                    None => self.doc.reset_value(&name),
                }
                self.status = tr!("gui-attr-status", values = self.doc.value_text());
            }
            Command::ResetAttributes => {
                self.doc.reset_values();
                self.status = tr!("gui-attr-status", values = self.doc.value_text());
            }
            Command::UseVariant(id) => {
                self.doc.use_variant(id.as_deref());
                self.status = tr!("gui-attr-status", values = self.doc.value_text());
            }
            Command::Quit => {
                if self.doc.is_dirty() && !self.quit_confirmed {
                    self.dialog = Some(Dialog::Unsaved(Box::new(Command::Quit)));
                } else {
                    // A clean quit: the work is saved or discarded.
                    self.forget_recovery();
                    self.quit_confirmed = true;
                    self.quit_requested = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Runs a file action; closes the dialog when it succeeded.
    pub(super) fn close_if(&mut self, action: impl FnOnce(&mut Self) -> bool) {
        if action(self) {
            self.dialog = None;
        }
    }

    /// Shows a file action's message; true when it succeeded.
    pub(super) fn report_result(&mut self, r: Result<String, String>) -> bool {
        let ok = r.is_ok();
        self.status = r.unwrap_or_else(|e| e);
        ok
    }
}
