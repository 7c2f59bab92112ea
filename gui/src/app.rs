//! The app's state and its frame loop: take finished background work, start what the inputs
//! ask for, draw the views (toolbar, what-ifs, the tabs, the problems, the dialogs), then apply
//! the commands the views pushed.
//!
//! Drawing never changes the document halfway through a frame: views push [`Command`]s that
//! are applied after the frame is drawn. Results are memoised by their inputs (the document's
//! revision first), so the schedules follow an edit and nothing is recomputed while nothing
//! changes.

use std::path::{Path, PathBuf};

use egui::{Context, Key, KeyboardShortcut, Modifiers, RichText, Ui};
use permitflow_app::edit::Document;
use permitflow_i18n::tr;
use permitflow_model::Diagnostic;
use permitflow_solver::SimulationOptions;

use crate::command::{Command, Dialog, Source};
use crate::compute::{self, Comparison, PlanKey, SimKey};
use crate::io;
use crate::jobs::{Jobs, Run};
use crate::settings::{Settings, Tab};
use crate::views::{self, Ctx, Views};

/// The whole app state: persisted settings beside the runtime state.
#[derive(Debug)]
pub struct PermitflowApp {
    /// What is kept between runs (tab, options, recent files).
    pub settings: Settings,
    /// The scenario being edited, with its undo history and problems.
    pub doc: Document,
    jobs: Jobs,
    views: Views,
    commands: Vec<Command>,
    dialog: Option<Dialog>,
    /// Problems of a file that could not be opened (the open document stays).
    load_problems: Vec<Diagnostic>,
    status: String,
    /// Set once the user confirmed quitting with unsaved changes.
    quit_confirmed: bool,
    /// What to do once the scenario is saved under a path the user is choosing (the
    /// unsaved-changes dialog's "Save changes" for a scenario without a file).
    after_save: Option<Command>,
    /// Whether the window should close (read by the binary; tests check it).
    pub quit_requested: bool,
    background_allowed: bool,
    /// For waking the UI when a worker finishes.
    ctx: Option<Context>,
    /// Where shipped files, recovery files and print pages are.
    pub places: crate::places::Places,
    /// When to write unsaved work to its recovery file.
    autosave: crate::recovery::Autosave,
    /// The system's open and save dialogs (off until [`Self::set_native_dialogs`]).
    native: crate::native::Native,
    /// The print page being made.
    printing: crate::print::Printing,
}

/// A comparison that took longer than this is computed on a worker thread next time.
pub const SYNC_BUDGET: std::time::Duration = std::time::Duration::from_millis(25);

impl PermitflowApp {
    /// The app with the default scenario, or `file` when given (its problems are shown and the
    /// default scenario opened instead when it cannot be read); without a data folder, so
    /// nothing is autosaved (see [`with_places`](Self::with_places)).
    pub fn new(settings: Settings, file: Option<&Path>) -> Self {
        Self::with_places(settings, file, crate::places::Places::without_data())
    }

    /// [`new`](Self::new) with its data folders (recovery files, print pages) in `places`
    /// (the binary's are the user's, [`Places::system`](crate::places::Places::system)):
    /// unsaved work is autosaved there, and work found there is offered back.
    pub fn with_places(
        settings: Settings,
        file: Option<&Path>,
        places: crate::places::Places,
    ) -> Self {
        // The remembered calendar file may have gone: then without it, and the status says so.
        let user = io::user_calendars(&settings.calendar_file);
        let (loaded, status) = match io::load_default(&user) {
            Ok(l) => (l, String::new()),
            Err(d) => (
                io::load_default(&io::user_calendars("")).expect("the built-in scenario is valid"),
                calendar::unusable(&settings.calendar_file, &d),
            ),
        };
        let doc = Document::new(
            loaded.label,
            loaded.save_path,
            loaded.scenario,
            loaded.calendar,
        );
        let mut app = Self {
            settings,
            doc,
            jobs: Jobs::default(),
            views: Views::default(),
            commands: Vec::new(),
            dialog: None,
            load_problems: Vec::new(),
            status,
            quit_confirmed: false,
            after_save: None,
            quit_requested: false,
            background_allowed: true,
            ctx: None,
            places,
            autosave: Default::default(),
            native: Default::default(),
            printing: Default::default(),
        };
        if let Some(f) = file {
            app.open_now(&Source::File(f.to_path_buf()));
        }
        app.views.what_ifs.reset(&app.doc, true);
        app.fix_regime_choices();
        app.update_comparison();
        app.offer_recovery();
        app
    }

    /// The comparison shown: of the current revision, or the last one while a newer one is
    /// solved on a worker.
    pub fn comparison(&self) -> &Comparison {
        &self
            .jobs
            .compare
            .result()
            .expect("solved when the app was made")
            .1
    }

    /// Whether schedules of a newer revision are being computed.
    pub fn is_updating(&self) -> bool {
        self.jobs.compare.is_running()
    }

    /// Solve large scenarios on a worker thread (on by default). Off, every frame waits for
    /// its schedules, as the timing test needs.
    pub fn set_background(&mut self, allowed: bool) {
        self.background_allowed = allowed;
    }

    /// Queues a command, as a click does.
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The Schedule tab's state (its zoom, selection and baseline).
    pub fn schedule_view(&self) -> &views::gantt::Gantt {
        &self.views.gantt
    }

    /// The status bar's message (the last thing done or gone wrong).
    pub fn status(&self) -> &str {
        &self.status
    }

    /// Draws the whole app into `ui` and applies what the user did.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        self.poll_jobs();
        self.handle_input(&ctx);
        // Solve before drawing so every view of this frame shows the same revision.
        self.update_comparison();
        self.request_analyses();
        self.draw(ui, &ctx);
        self.apply_commands(&ctx);
        self.autosave_tick(&ctx);
    }

    fn draw(&mut self, ui: &mut Ui, ctx: &Context) {
        let comparison = &self.jobs.compare.result().expect("solved in `new`").1;
        let mut cx = Ctx {
            doc: &self.doc,
            comparison,
            settings: &mut self.settings,
            jobs: &self.jobs,
            status: &self.status,
            commands: &mut self.commands,
        };
        let v = &mut self.views;
        egui::Panel::top("toolbar").show(ui, |ui| v.toolbar.ui(ui, &mut cx));
        egui::Panel::bottom("status").show(ui, |ui| views::toolbar::status_bar(ui, &cx));
        if !cx.doc.problems.is_empty() || !self.load_problems.is_empty() {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(130.0)
                .show(ui, |ui| {
                    views::problems::ui(ui, &mut cx, &self.load_problems)
                });
        }
        // Narrower on a small screen, so the tables and charts beside it keep their width; at
        // most 36 % of the window. The panel keeps a dragged width until the window's width
        // changes by a step of 128 points (it is a new panel then, at the default for it).
        let window = ui.available_width();
        let what_ifs_width = (window * 0.32).clamp(320.0, 460.0);
        egui::Panel::left(("what-ifs", (window / 128.0).round() as i32))
            .resizable(true)
            .default_size(what_ifs_width)
            .min_size(320.0)
            .max_size((ui.available_width() * 0.36).max(320.0))
            .show(ui, |ui| v.what_ifs.ui(ui, &mut cx));
        egui::CentralPanel::default().show(ui, |ui| {
            v.calendar.ui(ui, &mut cx);
            // Wrapped: eight tabs are wider than the central area of a 1024-pixel window.
            ui.horizontal_wrapped(|ui| {
                for tab in Tab::ALL {
                    let title = RichText::new(tab.title()).size(15.0);
                    ui.selectable_value(&mut cx.settings.tab, tab, title);
                }
            });
            ui.separator();
            match cx.settings.tab {
                Tab::Compare => views::compare::ui(ui, &mut cx),
                Tab::Simulation => views::simulation::ui(ui, &mut cx),
                Tab::Planner => views::planner::ui(ui, &mut cx),
                Tab::Centre => v.centre.ui(ui, &mut cx),
                Tab::Calibrate => v.calibrate.ui(ui, &mut cx),
                Tab::Author => v.author.ui(ui, &mut cx),
                Tab::Schedule => v.gantt.ui(ui, &mut cx),
                Tab::Versions => v.versions.ui(ui, &mut cx),
            }
        });
        if let Some(d) = &self.dialog {
            v.dialogs.ui(ctx, &mut cx, d);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Background work

    fn poll_jobs(&mut self) {
        self.poll_files();
        self.jobs.poll();
        if self.jobs.report.poll()
            && let Some((path, r)) = self.jobs.report.result()
        {
            self.status = match r {
                Ok(()) => tr!("gui-wrote-report", path = path.display().to_string()),
                Err(e) => e.clone(),
            };
        }
    }

    fn worker(&self) -> Run {
        Run::Worker(self.ctx.clone())
    }

    /// Solves the current revision: in place when the last one was quick (an edit shows in the
    /// same frame), else on a worker while the last schedules stay on screen, so frames stay
    /// smooth while a limit is dragged.
    fn update_comparison(&mut self) {
        let rev = self.doc.revision();
        let key = (rev, permitflow_i18n::lang());
        let job = &self.jobs.compare;
        if job.result().is_some_and(|(k, _)| *k == key) || job.is_running() {
            // One worker at a time; the latest revision is taken when it finishes.
            return;
        }
        let slow = job.result().is_some_and(|(_, c)| c.elapsed > SYNC_BUDGET);
        let run = if slow && self.background_allowed {
            self.worker()
        } else {
            Run::Inline
        };
        let (s, cal) = (self.doc.valid.clone(), self.doc.calendar.clone());
        self.jobs
            .compare
            .request(key, run, move |_| Comparison::compute(rev, &s, &cal));
    }

    /// Starts the simulation (when it runs on every change) and the planner for the tab shown,
    /// unless their inputs are those of the last run.
    fn request_analyses(&mut self) {
        match self.settings.tab {
            Tab::Simulation if self.settings.simulate_on_change => self.simulate(),
            Tab::Planner => self.plan(),
            _ => {}
        }
    }

    fn simulate(&mut self) {
        let key = SimKey {
            lang: permitflow_i18n::lang(),
            revision: self.doc.revision(),
            iterations: self.settings.iterations,
            seed: self.settings.seed,
        };
        let opts = SimulationOptions {
            iterations: key.iterations,
            seed: key.seed,
        };
        let (s, label) = (self.doc.valid.clone(), self.doc.label.clone());
        let cal = self.doc.calendar.clone();
        let run = self.worker();
        self.jobs.simulation.request(key, run, move |cancel| {
            compute::simulate(&s, &cal, &label, opts, cancel)
        });
    }

    fn plan(&mut self) {
        let target = (!self.settings.plan_target_auto).then_some(self.settings.plan_target);
        let key = PlanKey {
            lang: permitflow_i18n::lang(),
            revision: self.doc.revision(),
            regime: self.settings.plan_regime.clone(),
            target_halves: target.map(|t| (t * 2.0).round() as i64),
        };
        let (s, label, regime) = (
            self.doc.valid.clone(),
            self.doc.label.clone(),
            key.regime.clone(),
        );
        let cal = self.doc.calendar.clone();
        let run = self.worker();
        self.jobs.planner.request(key, run, move |_| {
            compute::plan(&s, &cal, &label, &regime, target)
        });
    }

    // -----------------------------------------------------------------------------------------
    // Input and commands

    fn handle_input(&mut self, ctx: &Context) {
        // Files dropped onto the window.
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(p) = dropped {
            self.open_any(p);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.quit_confirmed
            && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Box::new(Command::Quit)));
        }
        // Shortcuts work whatever has the focus (a checkbox, a button), except while a text
        // field takes the keys.
        if ctx.text_edit_focused() || self.dialog.is_some() {
            return;
        }
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Most specific first: egui ignores an extra Shift when matching, so Ctrl+Z would also
        // take Ctrl+Shift+Z.
        let wanted = [
            (shortcut(ctrl_shift, Key::Z), Command::Redo),
            (shortcut(ctrl, Key::Y), Command::Redo),
            (shortcut(ctrl, Key::Z), Command::Undo),
            (
                shortcut(ctrl_shift, Key::S),
                Command::ShowDialog(Dialog::SaveAs),
            ),
            (shortcut(ctrl, Key::S), Command::Save),
            (shortcut(ctrl, Key::O), Command::ShowDialog(Dialog::Open)),
            (shortcut(ctrl, Key::P), Command::Print),
            (shortcut(ctrl, Key::Q), Command::Quit),
        ];
        for (keys, command) in wanted {
            if ctx.input_mut(|i| i.consume_shortcut(&keys)) {
                self.push(command);
            }
        }
    }
}

mod autosave;
mod calendar;
mod commands;
mod files;
mod language;

pub use language::relabel;
