//! The app: a toolbar, the what-if panel (measures per regime, time limits, joint groups,
//! links), the tabs (compare, simulation, planner), the problems panel and the dialogs.
//!
//! Drawing never changes the document halfway through a frame: widgets push [`Command`]s that
//! are applied after the frame is drawn, and results are memoised by the document's revision,
//! so the schedules follow an edit on the next frame and nothing is recomputed while nothing
//! changes.

use std::path::{Path, PathBuf};

use egui::{
    Align, Color32, Context, Key, KeyboardShortcut, Layout, Modifiers, RichText, Role, Ui,
    WidgetInfo,
};
use egui_extras::{Column, TableBuilder};
use permitflow_model::{Diagnostic, GroupId, ItemId, LinkKind, MeasureId, WorkingDays};
use permitflow_solver::SimulationOptions;
use serde::{Deserialize, Serialize};

use crate::compute::{self, Comparison, Job, PlanKey, PlanOutput, SimKey, SimOutput};
use crate::io;
use crate::painter;
use permitflow_app::edit::{Document, Edit, LINK_KINDS, group_problem, kind_label, kind_meaning};

/// The tabs of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Compare,
    Simulation,
    Planner,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Compare, Tab::Simulation, Tab::Planner];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Compare => "Compare regimes",
            Tab::Simulation => "Simulation",
            Tab::Planner => "Reform planner",
        }
    }

    /// `compare`, `simulation`, `planner` (as on the command line).
    pub fn parse(text: &str) -> Option<Tab> {
        match text.to_ascii_lowercase().as_str() {
            "compare" | "comparison" => Some(Tab::Compare),
            "simulation" | "simulate" => Some(Tab::Simulation),
            "planner" | "plan" => Some(Tab::Planner),
            _ => None,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Tab::Compare => "compare",
            Tab::Simulation => "simulation",
            Tab::Planner => "planner",
        }
    }
}

/// What is kept between runs (eframe's persistence stores it; the window layout is kept by
/// eframe and egui themselves).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Files opened, most recent first.
    pub recent: Vec<String>,
    pub tab: Tab,
    pub iterations: usize,
    pub seed: u64,
    /// Simulate again whenever the scenario or the options change.
    pub simulate_on_change: bool,
    pub plan_regime: String,
    pub plan_target: f64,
    /// The regime whose float the time-limit table shows and whose schedule is exported.
    pub regime: String,
    /// Charts fitted to the width of the window (else drawn at full size).
    pub fit_charts: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            tab: Tab::Compare,
            iterations: 10_000,
            seed: 1,
            simulate_on_change: true,
            plan_regime: "joint".into(),
            plan_target: 30.0,
            regime: "joint".into(),
            fit_charts: true,
        }
    }
}

const RECENT_LIMIT: usize = 10;

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Default,
    File(PathBuf),
}

/// What the user asked for; applied after the frame is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit; `continuing` when it continues the drag of the previous one.
    Edit(Edit, bool),
    EndDrag,
    Undo,
    Redo,
    /// Open, asking first when there are unsaved changes.
    Open(Source),
    Save,
    SaveAs(PathBuf),
    ExportCharts(PathBuf),
    ExportSchedule(String, PathBuf),
    /// Quit, asking first when there are unsaved changes.
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
enum Dialog {
    /// Unsaved changes; then do this.
    Unsaved(Box<Command>),
    SaveAs,
    ExportCharts,
    ExportSchedule,
}

/// The whole app state: persisted settings beside the runtime state.
#[derive(Debug)]
pub struct PermitflowApp {
    pub settings: Settings,
    pub doc: Document,
    comparison: Option<Comparison>,
    /// The comparison of a newer revision being computed on a worker (large scenarios only).
    background: Job<u64, Comparison>,
    simulation: Job<SimKey, SimOutput>,
    planner: Job<PlanKey, Result<PlanOutput, String>>,
    commands: Vec<Command>,
    dialog: Option<Dialog>,
    /// The text fields of the dialogs and the open bar.
    open_text: String,
    path_text: String,
    start_text: String,
    item_filter: String,
    link_from: String,
    link_to: String,
    link_kind: LinkKind,
    link_lag: f64,
    /// The joint group being put together: its stage, members, id (empty: generated) and own
    /// limit.
    group_stage: String,
    group_items: Vec<ItemId>,
    group_id: String,
    group_own: bool,
    group_days: f64,
    /// Problems of a file that could not be opened (the open document stays).
    load_problems: Vec<Diagnostic>,
    status: String,
    selected_item: Option<String>,
    shipped: Vec<PathBuf>,
    /// Set once the user confirmed quitting with unsaved changes.
    quit_confirmed: bool,
    /// Whether the window should close (read by the binary; tests check it).
    pub quit_requested: bool,
    background_allowed: bool,
    /// For waking the UI when a worker finishes.
    ctx: Option<Context>,
}

/// A comparison that took longer than this is computed on a worker thread next time.
pub const SYNC_BUDGET: std::time::Duration = std::time::Duration::from_millis(25);

impl PermitflowApp {
    /// The app with the default scenario, or `file` when given (its problems are shown and the
    /// default scenario opened instead when it cannot be read).
    pub fn new(settings: Settings, file: Option<&Path>) -> Self {
        let loaded = io::load_default().expect("the built-in scenario is valid");
        let doc = Document::new(
            loaded.label,
            loaded.save_path,
            loaded.scenario,
            loaded.calendar,
        );
        let mut app = Self {
            start_text: doc.valid.start.to_string(),
            settings,
            doc,
            comparison: None,
            background: Job::default(),
            simulation: Job::default(),
            planner: Job::default(),
            commands: Vec::new(),
            dialog: None,
            open_text: String::new(),
            path_text: String::new(),
            item_filter: String::new(),
            link_from: String::new(),
            link_to: String::new(),
            link_kind: LinkKind::FinishToStart,
            link_lag: 0.0,
            group_stage: String::new(),
            group_items: Vec::new(),
            group_id: String::new(),
            group_own: false,
            group_days: 5.0,
            load_problems: Vec::new(),
            status: String::new(),
            selected_item: None,
            shipped: io::shipped_scenarios(),
            quit_confirmed: false,
            quit_requested: false,
            background_allowed: true,
            ctx: None,
        };
        if let Some(f) = file {
            app.open_now(&Source::File(f.to_path_buf()));
        }
        app.fix_regime_choices();
        app
    }

    /// The comparison of the current revision, computed now if the revision changed.
    ///
    /// Small scenarios (the last computation took under [`SYNC_BUDGET`]) are solved right
    /// here, so an edit shows in the same frame. Larger ones are solved on a worker thread while
    /// the last schedules stay on screen: frames stay smooth while a limit is dragged.
    pub fn comparison(&mut self) -> &Comparison {
        let rev = self.doc.revision();
        if self.background.poll()
            && let Some((k, _)) = self.background.result()
            && self.comparison.as_ref().is_none_or(|c| c.revision < *k)
            && let Some((_, c)) = self.background.take()
        {
            self.comparison = Some(c);
        }
        let stale = self.comparison.as_ref().map(|c| c.revision) != Some(rev);
        if stale {
            let slow = self
                .comparison
                .as_ref()
                .is_some_and(|c| c.elapsed > SYNC_BUDGET);
            if slow && self.background_allowed {
                if self.background.is_running() {
                    // One worker at a time; the latest revision is taken when it finishes.
                    return self.comparison.as_ref().expect("slow implies computed");
                }
                let (s, cal) = (self.doc.valid.clone(), self.doc.calendar.clone());
                let ctx = self.ctx.clone();
                self.background.request(
                    rev,
                    move || Comparison::compute(rev, &s, &cal),
                    move || {
                        if let Some(ctx) = ctx {
                            ctx.request_repaint();
                        }
                    },
                );
            } else {
                self.comparison = Some(Comparison::compute(
                    rev,
                    &self.doc.valid,
                    &self.doc.calendar,
                ));
            }
        }
        self.comparison.as_ref().expect("computed above or earlier")
    }

    /// Whether schedules of a newer revision are being computed.
    pub fn is_updating(&self) -> bool {
        self.background.is_running()
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
        // Compute before drawing so every view of this frame shows the same revision.
        self.comparison();

        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if !self.doc.problems.is_empty() || !self.load_problems.is_empty() {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(130.0)
                .show(ui, |ui| self.problems(ui));
        }
        egui::Panel::left("what-ifs")
            .resizable(true)
            .default_size(460.0)
            .min_size(320.0)
            .show(ui, |ui| self.what_ifs(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    ui.selectable_value(
                        &mut self.settings.tab,
                        tab,
                        RichText::new(tab.title()).size(15.0),
                    );
                }
            });
            ui.separator();
            match self.settings.tab {
                Tab::Compare => self.compare_tab(ui),
                Tab::Simulation => self.simulation_tab(ui),
                Tab::Planner => self.planner_tab(ui),
            }
        });
        self.dialogs(&ctx);
        self.apply_commands(&ctx);
    }

    // -----------------------------------------------------------------------------------------
    // Input, commands, files

    fn handle_input(&mut self, ctx: &Context) {
        // Files dropped onto the window.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.push(Command::Open(Source::File(p)));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.quit_confirmed
            && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Box::new(Command::Quit)));
        }
        if ctx.egui_wants_keyboard_input() || self.dialog.is_some() {
            return;
        }
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let (undo, redo, redo_y, save) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)),
                i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)),
                i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y)),
                i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)),
            )
        });
        if redo || redo_y {
            self.push(Command::Redo);
        } else if undo {
            self.push(Command::Undo);
        }
        if save {
            self.push(Command::Save);
        }
    }

    fn apply_commands(&mut self, ctx: &Context) {
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::Edit(e, continuing) => {
                    self.doc.apply(&e, continuing);
                    self.status = if self.doc.problems.is_empty() {
                        e.describe()
                    } else {
                        format!(
                            "{}: not applied to the schedules, see the problems below",
                            e.describe()
                        )
                    };
                    self.start_text = self.doc.draft.start.to_string();
                }
                Command::EndDrag => self.doc.end_continuation(),
                Command::Undo => {
                    self.status = if self.doc.undo() {
                        "undone".into()
                    } else {
                        "nothing to undo".into()
                    };
                    self.start_text = self.doc.draft.start.to_string();
                }
                Command::Redo => {
                    self.status = if self.doc.redo() {
                        "redone".into()
                    } else {
                        "nothing to redo".into()
                    };
                    self.start_text = self.doc.draft.start.to_string();
                }
                Command::Open(src) => {
                    if self.doc.is_dirty() {
                        self.dialog = Some(Dialog::Unsaved(Box::new(Command::Open(src))));
                    } else {
                        self.open_now(&src);
                    }
                }
                Command::Save => match self.doc.path.clone() {
                    Some(p) => {
                        self.save_to(&p);
                    }
                    None => self.open_save_as(),
                },
                Command::SaveAs(p) => {
                    if self.save_to(&p) {
                        self.dialog = None;
                    }
                }
                Command::ExportCharts(p) => {
                    if self.export_charts(&p) {
                        self.dialog = None;
                    }
                }
                Command::ExportSchedule(regime, p) => {
                    if self.export_schedule(&regime, &p) {
                        self.dialog = None;
                    }
                }
                Command::Quit => {
                    if self.doc.is_dirty() && !self.quit_confirmed {
                        self.dialog = Some(Dialog::Unsaved(Box::new(Command::Quit)));
                    } else {
                        self.quit_confirmed = true;
                        self.quit_requested = true;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                }
            }
        }
    }

    /// Opens without asking; a file that cannot be read leaves the current document open and
    /// lists its problems.
    fn open_now(&mut self, src: &Source) {
        let loaded = match src {
            Source::Default => io::load_default(),
            Source::File(p) => io::load(p),
        };
        match loaded {
            Ok(l) => {
                if let Source::File(p) = src {
                    let text = p.display().to_string();
                    self.settings.recent.retain(|r| r != &text);
                    self.settings.recent.insert(0, text);
                    self.settings.recent.truncate(RECENT_LIMIT);
                }
                self.status = format!("opened {}", l.label);
                self.doc = Document::new(l.label, l.save_path, l.scenario, l.calendar);
                self.load_problems.clear();
                self.selected_item = None;
                self.start_text = self.doc.valid.start.to_string();
                self.fix_regime_choices();
            }
            Err(d) => {
                self.status = format!(
                    "could not open {}: {} problem(s)",
                    match src {
                        Source::Default => io::DEFAULT_LABEL.to_owned(),
                        Source::File(p) => p.display().to_string(),
                    },
                    d.0.len()
                );
                self.load_problems = d.0;
            }
        }
    }

    /// Picks regimes the scenario has for the planner and the schedule column.
    fn fix_regime_choices(&mut self) {
        let s = &self.doc.valid;
        let pick = |want: &str| {
            if s.regime(want).is_some() {
                want.to_owned()
            } else {
                s.regimes
                    .iter()
                    .rev()
                    .find(|r| r.name.as_str() != "serial")
                    .or(s.regimes.first())
                    .map(|r| r.name.to_string())
                    .unwrap_or_default()
            }
        };
        self.settings.regime = pick(&self.settings.regime);
        self.settings.plan_regime = pick(&self.settings.plan_regime);
    }

    fn save_to(&mut self, path: &Path) -> bool {
        if !self.doc.problems.is_empty() {
            self.status =
                "not saved: fix the problems first (or undo the edit that caused them)".into();
            return false;
        }
        if path
            .to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".csv")
        {
            self.status =
                "not saved: save the scenario as .toml or .json (item lists are read only)".into();
            return false;
        }
        match io::save(path, &self.doc.valid) {
            Ok(()) => {
                let label = path.display().to_string();
                self.doc.mark_saved(path.to_path_buf(), label.clone());
                self.settings.recent.retain(|r| r != &label);
                self.settings.recent.insert(0, label.clone());
                self.settings.recent.truncate(RECENT_LIMIT);
                self.status = format!("saved {label}");
                true
            }
            Err(e) => {
                self.status = e;
                false
            }
        }
    }

    fn open_save_as(&mut self) {
        self.path_text = self
            .doc
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| self.suggested_path("scenario", "toml"));
        self.dialog = Some(Dialog::SaveAs);
    }

    /// A file name beside the open file (or in the working directory), e.g.
    /// `social-investment-housing-compare.svg`.
    fn suggested_path(&self, what: &str, ext: &str) -> String {
        let stem = self
            .doc
            .label
            .split(['/', '\\'])
            .next_back()
            .unwrap_or("scenario")
            .split(['.', ' '])
            .next()
            .unwrap_or("scenario")
            .to_owned();
        let dir = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(|p| format!("{}/", p.display()))
            .unwrap_or_default();
        if what == "scenario" {
            format!("{dir}{stem}-edited.{ext}")
        } else {
            format!("{dir}{stem}-{what}.{ext}")
        }
    }

    /// The charts of the current tab as one scene.
    fn current_scene(&mut self) -> Option<permitflow_chart::Scene> {
        match self.settings.tab {
            Tab::Compare => {
                let c = self.comparison();
                let mut scenes: Vec<permitflow_chart::Scene> = c.chart.iter().cloned().collect();
                scenes.extend(c.gantts.iter().map(|(_, g)| g.clone()));
                (!scenes.is_empty()).then(|| permitflow_chart::Scene::stack(scenes, 24.0))
            }
            Tab::Simulation => self.simulation.result().map(|(_, r)| r.chart.clone()),
            Tab::Planner => match self.planner.result() {
                Some((_, Ok(p))) => Some(permitflow_chart::Scene::stack(
                    vec![p.curve_chart.clone(), p.waterfall_chart.clone()],
                    24.0,
                )),
                _ => None,
            },
        }
    }

    fn export_charts(&mut self, path: &Path) -> bool {
        let Some(scene) = self.current_scene() else {
            self.status = "nothing to export yet".into();
            return false;
        };
        let lower = path.to_string_lossy().to_ascii_lowercase();
        let bytes = if lower.ends_with(".png") {
            match permitflow_chart::to_png(&scene, 2.0) {
                Ok(b) => b,
                Err(e) => {
                    self.status = format!("cannot render PNG: {e}");
                    return false;
                }
            }
        } else if lower.ends_with(".svg") {
            permitflow_chart::to_svg(&scene).into_bytes()
        } else {
            self.status = "export charts as .svg or .png".into();
            return false;
        };
        match io::atomic_write(path, &bytes) {
            Ok(()) => {
                self.status = format!("exported the charts to {}", path.display());
                true
            }
            Err(e) => {
                self.status = format!("cannot write {}: {e}", path.display());
                false
            }
        }
    }

    fn export_schedule(&mut self, regime: &str, path: &Path) -> bool {
        let csv = match self.comparison().outcome(regime) {
            Some(o) => io::schedule_csv(o),
            None => {
                self.status = format!("regime `{regime}` has no schedule to export");
                return false;
            }
        };
        match io::atomic_write(path, csv.as_bytes()) {
            Ok(()) => {
                self.status = format!("exported the {regime} schedule to {}", path.display());
                true
            }
            Err(e) => {
                self.status = format!("cannot write {}: {e}", path.display());
                false
            }
        }
    }

    fn poll_jobs(&mut self) {
        self.simulation.poll();
        self.planner.poll();
    }

    // -----------------------------------------------------------------------------------------
    // Toolbar, status, problems

    fn toolbar(&mut self, ui: &mut Ui) {
        ui.add_space(3.0);
        ui.horizontal(|ui| {
            ui.menu_button("Open", |ui| {
                ui.label("Shipped scenarios");
                if ui
                    .button("Default: social-investment housing (built in)")
                    .clicked()
                {
                    self.push(Command::Open(Source::Default));
                    ui.close();
                }
                for p in self.shipped.clone() {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if ui.button(name).clicked() {
                        self.push(Command::Open(Source::File(p)));
                        ui.close();
                    }
                }
                if !self.settings.recent.is_empty() {
                    ui.separator();
                    ui.label("Recent files");
                    for r in self.settings.recent.clone() {
                        if ui.button(&r).clicked() {
                            self.push(Command::Open(Source::File(PathBuf::from(r))));
                            ui.close();
                        }
                    }
                }
            });
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.open_text)
                    .hint_text("path of a .toml, .json or .csv file (or drop a file on the window)")
                    .desired_width(330.0),
            );
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button("Open file").clicked() || enter) && !self.open_text.trim().is_empty() {
                let p = PathBuf::from(self.open_text.trim());
                self.push(Command::Open(Source::File(p)));
            }
            ui.separator();
            if ui.button("Save").on_hover_text("Ctrl+S").clicked() {
                self.push(Command::Save);
            }
            if ui.button("Save as…").clicked() {
                self.open_save_as();
            }
            ui.separator();
            if ui
                .add_enabled(self.doc.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                self.push(Command::Undo);
            }
            if ui
                .add_enabled(self.doc.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
            {
                self.push(Command::Redo);
            }
            ui.separator();
            ui.menu_button("Export", |ui| {
                if ui.button("Charts of this tab (SVG or PNG)…").clicked() {
                    self.path_text = self.suggested_path(self.settings.tab.slug(), "svg");
                    self.dialog = Some(Dialog::ExportCharts);
                    ui.close();
                }
                if ui.button("Schedule (CSV)…").clicked() {
                    self.path_text =
                        self.suggested_path(&format!("{}-schedule", self.settings.regime), "csv");
                    self.dialog = Some(Dialog::ExportSchedule);
                    ui.close();
                }
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if self.doc.is_dirty() {
                    ui.label(
                        RichText::new("● unsaved changes")
                            .color(Color32::from_rgb(0xc0, 0x7a, 0x00)),
                    );
                }
                ui.label(RichText::new(&self.doc.label).weak());
            });
        });
        ui.add_space(3.0);
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let elapsed = self.comparison.as_ref().map(|c| c.elapsed);
            if let Some(e) = elapsed {
                ui.label(
                    RichText::new(format!(
                        "{} regimes solved and drawn in {:.1} ms",
                        self.doc.valid.regimes.len(),
                        e.as_secs_f64() * 1000.0
                    ))
                    .weak(),
                );
                ui.separator();
            }
            if self.background.is_running() {
                ui.spinner();
                ui.label("updating the schedules…");
                ui.separator();
            }
            ui.label(&self.status);
        });
    }

    fn problems(&mut self, ui: &mut Ui) {
        let red = Color32::from_rgb(0xb4, 0x23, 0x18);
        if !self.load_problems.is_empty() {
            ui.horizontal(|ui| {
                ui.label(RichText::new("The file could not be opened; the scenario shown is still the previous one.").color(red).strong());
                if ui.button("Dismiss").clicked() {
                    self.load_problems.clear();
                }
            });
        }
        if !self.doc.problems.is_empty() {
            ui.label(
                RichText::new("The last edit makes the scenario invalid: the schedules show the last valid scenario. Fix the value or undo.")
                    .color(red)
                    .strong(),
            );
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let all: Vec<Diagnostic> = self
                    .load_problems
                    .iter()
                    .chain(&self.doc.problems)
                    .cloned()
                    .collect();
                for d in all {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(d.code.as_str()).monospace().color(red));
                        let loc = d.location();
                        if d.line.is_some() {
                            ui.label(RichText::new(loc).monospace());
                        }
                        if let Some(subject) = &d.subject {
                            let item = subject_item(subject);
                            if let Some(id) = item {
                                if ui
                                    .link(subject)
                                    .on_hover_text("show this item in the time limits")
                                    .clicked()
                                {
                                    self.item_filter.clear();
                                    self.selected_item = Some(id);
                                }
                            } else {
                                ui.label(RichText::new(subject).strong());
                            }
                        }
                        ui.label(&d.message);
                        if !d.help.is_empty() {
                            ui.label(RichText::new(format!("help: {}", d.help)).weak());
                        }
                    });
                }
            });
    }

    // -----------------------------------------------------------------------------------------
    // What-ifs

    fn what_ifs(&mut self, ui: &mut Ui) {
        ui.add_space(4.0);
        ui.heading("What-ifs");
        ui.label(RichText::new(&self.doc.draft.name).strong());
        ui.horizontal(|ui| {
            let l = ui.label("Application date");
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.start_text).desired_width(90.0))
                .labelled_by(l.id);
            if r.lost_focus() {
                match chrono::NaiveDate::parse_from_str(self.start_text.trim(), "%Y-%m-%d") {
                    Ok(d) if d != self.doc.draft.start => {
                        self.push(Command::Edit(Edit::Start(d), false))
                    }
                    Ok(_) => {}
                    Err(_) => {
                        self.status = format!(
                            "`{}` is not a date: write YYYY-MM-DD",
                            self.start_text.trim()
                        );
                        self.start_text = self.doc.draft.start.to_string();
                    }
                }
            }
            ui.label(RichText::new(format!("calendar {}", self.doc.calendar.name())).weak());
        });
        ui.separator();
        self.measures(ui);
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("what-if-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.limits(ui);
                ui.add_space(6.0);
                egui::CollapsingHeader::new(format!(
                    "Joint groups ({})",
                    self.doc.draft.joint_groups.len()
                ))
                .id_salt("joint-groups")
                .default_open(false)
                .show(ui, |ui| self.groups(ui));
                egui::CollapsingHeader::new(format!("Links ({})", self.doc.draft.links.len()))
                    .id_salt("links")
                    .default_open(false)
                    .show(ui, |ui| self.links(ui));
            });
    }

    /// The measures × regimes matrix of checkboxes.
    fn measures(&mut self, ui: &mut Ui) {
        ui.label(RichText::new("Reform measures per regime").strong());
        let s = &self.doc.draft;
        let mut measures: Vec<MeasureId> = s.measures.iter().map(|m| m.id.clone()).collect();
        for b in ["joint_review", "online_submission"] {
            if !measures.iter().any(|m| m.as_str() == b) {
                measures.push(MeasureId::new(b));
            }
        }
        let regimes: Vec<(String, String, Vec<MeasureId>)> = s
            .regimes
            .iter()
            .map(|r| {
                (
                    r.name.to_string(),
                    r.base.name().to_owned(),
                    r.measures.clone(),
                )
            })
            .collect();
        let mut toggles = Vec::new();
        egui::ScrollArea::horizontal()
            .id_salt("measures-scroll")
            .show(ui, |ui| {
                egui::Grid::new("measures")
                    .striped(true)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        ui.label("");
                        for (name, base, _) in &regimes {
                            ui.label(RichText::new(name).strong())
                                .on_hover_text(format!("base: {base}"));
                        }
                        ui.end_row();
                        for m in &measures {
                            ui.label(m.as_str());
                            for (name, _, on_list) in &regimes {
                                let was = on_list.contains(m);
                                let mut on = was;
                                let r = ui.add(egui::Checkbox::without_text(&mut on));
                                let label = format!("{m} on {name}");
                                r.widget_info(|| {
                                    WidgetInfo::selected(Role::CheckBox, true, on, &label)
                                });
                                let r = r.on_hover_text(format!(
                                    "{} {m} {} the {name} regime",
                                    if was { "drop" } else { "add" },
                                    if was { "from" } else { "to" }
                                ));
                                if r.changed() && on != was {
                                    toggles.push(Edit::Measure {
                                        regime: name.clone(),
                                        measure: m.clone(),
                                        on,
                                    });
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        for t in toggles {
            self.push(Command::Edit(t, false));
        }
    }

    /// The items' time limits, with float and critical mark in the chosen regime.
    fn limits(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Time limits").strong());
            ui.add(
                egui::TextEdit::singleline(&mut self.item_filter)
                    .hint_text("filter by id, name or department")
                    .desired_width(190.0),
            );
        });
        let regimes: Vec<String> = self
            .doc
            .valid
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .collect();
        ui.horizontal(|ui| {
            let l = ui.label("float in");
            egui::ComboBox::from_id_salt("float-regime")
                .selected_text(&self.settings.regime)
                .show_ui(ui, |ui| {
                    for r in &regimes {
                        ui.selectable_value(&mut self.settings.regime, r.clone(), r);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.label(RichText::new("● critical · drag or type a limit (steps of ½ day)").weak());
        });
        let filter = self.item_filter.to_lowercase();
        let rows: Vec<usize> = self
            .doc
            .draft
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                filter.is_empty()
                    || it.id.as_str().to_lowercase().contains(&filter)
                    || it.name.to_lowercase().contains(&filter)
                    || it.department.as_str().to_lowercase().contains(&filter)
            })
            .map(|(i, _)| i)
            .collect();
        let floats: Vec<Option<(WorkingDays, bool)>> = {
            let regime = &self.settings.regime;
            let c = self
                .comparison
                .as_ref()
                .expect("computed at the start of the frame");
            let map = c
                .outcomes
                .iter()
                .position(|(n, _)| n == regime)
                .and_then(|k| c.item_float.get(k));
            rows.iter()
                .map(|&i| map.and_then(|m| m.get(self.doc.draft.items[i].id.as_str()).copied()))
                .collect()
        };
        let scroll_to = self.selected_item.as_ref().and_then(|id| {
            rows.iter()
                .position(|&i| self.doc.draft.items[i].id.as_str() == id)
        });
        let mut edits: Vec<(Edit, bool)> = Vec::new();
        let mut end_drag = false;
        let stages: Vec<(String, String)> = self
            .doc
            .draft
            .stages
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect();
        let mut table = TableBuilder::new(ui)
            .id_salt("limits")
            .striped(true)
            .vscroll(false)
            .column(Column::remainder().at_least(170.0).clip(true))
            .column(Column::exact(78.0))
            .column(Column::exact(58.0))
            .cell_layout(Layout::left_to_right(Align::Center));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
            .header(22.0, |mut h| {
                h.col(|ui| {
                    ui.strong("Item");
                });
                h.col(|ui| {
                    ui.strong("Limit (wd)");
                });
                h.col(|ui| {
                    ui.strong("Float");
                });
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let it = &self.doc.draft.items[rows[row.index()]];
                    let selected = self.selected_item.as_deref() == Some(it.id.as_str());
                    row.set_selected(selected);
                    let stage = stages
                        .iter()
                        .find(|(id, _)| id == it.stage.as_str())
                        .map(|(_, n)| n.as_str())
                        .unwrap_or("");
                    let (float, critical) = match floats[row.index()] {
                        Some((f, c)) => (Some(f), c),
                        None => (None, false),
                    };
                    row.col(|ui| {
                        let text = if critical {
                            RichText::new(&it.name).strong()
                        } else {
                            RichText::new(&it.name)
                        };
                        let r = ui.add(egui::Label::new(text).truncate().sense(egui::Sense::click()));
                        if r.clicked() {
                            self.selected_item = if selected { None } else { Some(it.id.to_string()) };
                        }
                        r.on_hover_text(format!(
                            "{}\nid: {}\n{} · {}\n{}",
                            it.name,
                            it.id,
                            it.department,
                            stage,
                            it.floor
                                .as_ref()
                                .map(|f| format!("floor {} working days (least the department can commit to)", f.value))
                                .unwrap_or_default()
                        ));
                    });
                    row.col(|ui| {
                        let mut v = it.days.value.get();
                        let floor = it.floor.as_ref().map(|f| f.value.get()).unwrap_or(0.0);
                        let lowest = floor.min(v);
                        let r = ui.add(
                            egui::DragValue::new(&mut v)
                                .speed(0.1)
                                .range(lowest..=9999.0)
                                .max_decimals(2),
                        );
                        r.widget_info(|| {
                            WidgetInfo::drag_value(true, v).tap_label(format!("limit of {}", it.id))
                        });
                        if r.changed() {
                            // Drags move in half days; typed values go through validation.
                            let v = if r.dragged() { (v * 2.0).round() / 2.0 } else { v };
                            if v != it.days.value.get() {
                                edits.push((
                                    Edit::Days {
                                        item: it.id.clone(),
                                        days: v,
                                    },
                                    r.dragged() && !r.drag_started(),
                                ));
                            }
                        }
                        if r.drag_stopped() {
                            end_drag = true;
                        }
                    });
                    row.col(|ui| match float {
                        Some(_) if critical => {
                            ui.label(RichText::new("0 ●").color(Color32::from_rgb(0xc0, 0x30, 0x30)));
                        }
                        Some(f) => {
                            ui.label(f.to_string());
                        }
                        None => {
                            ui.label(RichText::new("–").weak()).on_hover_text("not scheduled in this regime (merged into a joint event or left out)");
                        }
                    });
                });
            });
        for (e, c) in edits {
            self.push(Command::Edit(e, c));
        }
        if end_drag {
            self.push(Command::EndDrag);
        }
    }

    fn groups(&mut self, ui: &mut Ui) {
        let groups = self.doc.draft.joint_groups.clone();
        if groups.is_empty() {
            ui.label(RichText::new("No joint groups.").weak());
        }
        let mut edits = Vec::new();
        // Own limit, its value and Remove take about 220 points: names are truncated (a fixed width:
        // one taken from the panel would feed back into its width), so the list never widens it.
        let name_width = 190.0;
        egui::Grid::new("groups")
            .striped(true)
            .num_columns(4)
            .max_col_width(name_width)
            .show(ui, |ui| {
                for g in &groups {
                    ui.add(egui::Label::new(&g.name).truncate())
                        .on_hover_text(format!(
                            "{}\n{}: {}",
                            g.name,
                            g.id,
                            g.items
                                .iter()
                                .map(|i| i.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    let mut own = g.days.is_some();
                    let r = ui.checkbox(&mut own, "own limit");
                    let label = format!("own limit of group {}", g.id);
                    r.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, own, &label));
                    if r.changed() {
                        let longest = g
                            .items
                            .iter()
                            .filter_map(|i| self.doc.draft.item(i))
                            .map(|i| i.days.value.get())
                            .fold(0.0, f64::max);
                        edits.push((
                            Edit::GroupDays {
                                group: g.id.clone(),
                                days: own.then_some(longest),
                            },
                            false,
                        ));
                    }
                    if let Some(d) = &g.days {
                        let mut v = d.value.get();
                        let r = ui.add(
                            egui::DragValue::new(&mut v)
                                .speed(0.1)
                                .range(0.0..=9999.0)
                                .max_decimals(2),
                        );
                        r.widget_info(|| {
                            WidgetInfo::drag_value(true, v)
                                .tap_label(format!("limit of group {}", g.id))
                        });
                        if r.changed() {
                            let v = if r.dragged() {
                                (v * 2.0).round() / 2.0
                            } else {
                                v
                            };
                            edits.push((
                                Edit::GroupDays {
                                    group: g.id.clone(),
                                    days: Some(v),
                                },
                                r.dragged() && !r.drag_started(),
                            ));
                        }
                    } else {
                        ui.label(RichText::new("longest member").weak());
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text("examine its items separately again")
                        .clicked()
                    {
                        edits.push((
                            Edit::RemoveGroup {
                                group: g.id.clone(),
                            },
                            false,
                        ));
                    }
                    ui.end_row();
                }
            });
        for (e, c) in edits {
            self.push(Command::Edit(e, c));
        }
        ui.add_space(6.0);
        self.new_group(ui);
    }

    /// Puts a new joint group together: a stage, two or more of its items that are in no group
    /// yet, an id (typed or generated) and optionally the group's own limit.
    fn new_group(&mut self, ui: &mut Ui) {
        let s = &self.doc.draft;
        ui.label(RichText::new("New joint group").strong());
        let stages: Vec<(String, String)> = s
            .stages
            .iter()
            .map(|st| (st.id.to_string(), st.name.clone()))
            .collect();
        if !stages.iter().any(|(id, _)| *id == self.group_stage)
            && let Some((first, _)) = stages.first()
        {
            self.group_stage = first.clone();
            self.group_items.clear();
        }
        let stage_name = stages
            .iter()
            .find(|(id, _)| *id == self.group_stage)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            let l = ui.label("stage");
            let before = self.group_stage.clone();
            egui::ComboBox::from_id_salt("group-stage")
                .width(260.0)
                .truncate()
                .selected_text(&stage_name)
                .show_ui(ui, |ui| {
                    for (id, name) in &stages {
                        ui.selectable_value(&mut self.group_stage, id.clone(), name);
                    }
                })
                .response
                .labelled_by(l.id)
                .widget_info(|| {
                    WidgetInfo::labeled(Role::ComboBox, true, "stage of the new group")
                });
            if self.group_stage != before {
                self.group_items.clear();
            }
        });
        ui.label(
            RichText::new(
                "Items of one stage that are in no joint group yet (an item belongs to one group):",
            )
            .weak(),
        );
        let candidates: Vec<(ItemId, String, Option<GroupId>)> = s
            .items
            .iter()
            .filter(|it| it.stage.as_str() == self.group_stage)
            .map(|it| {
                let group = s
                    .joint_groups
                    .iter()
                    .find(|g| g.items.contains(&it.id))
                    .map(|g| g.id.clone());
                (it.id.clone(), it.name.clone(), group)
            })
            .collect();
        egui::Grid::new("group-members")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                for (n, (id, name, group)) in candidates.iter().enumerate() {
                    let mut on = self.group_items.contains(id);
                    let r =
                        ui.add_enabled(group.is_none(), egui::Checkbox::new(&mut on, id.as_str()));
                    let label = format!("add {id} to the new group");
                    r.widget_info(|| {
                        WidgetInfo::selected(Role::CheckBox, group.is_none(), on, &label)
                    });
                    let r = match group {
                        Some(g) => {
                            r.on_disabled_hover_text(format!("{name}\nin joint group {g} already"))
                        }
                        None => r.on_hover_text(name),
                    };
                    if r.changed() {
                        if on {
                            self.group_items.push(id.clone());
                        } else {
                            self.group_items.retain(|i| i != id);
                        }
                    }
                    if n % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
        // The id: typed, or the first free `joint_N`.
        let generated = (1..)
            .map(|n| format!("joint_{n}"))
            .find(|id| {
                !s.joint_groups.iter().any(|g| g.id.as_str() == id)
                    && !s.items.iter().any(|i| i.id.as_str() == id)
            })
            .unwrap_or_default();
        let mut create = false;
        ui.horizontal(|ui| {
            let l = ui.label("id");
            ui.add(
                egui::TextEdit::singleline(&mut self.group_id)
                    .hint_text(&generated)
                    .desired_width(110.0),
            )
            .labelled_by(l.id);
            let own = self.group_own;
            ui.checkbox(&mut self.group_own, "own limit")
                .on_hover_text("off: the joint event takes the longest member's limit")
                .widget_info(|| {
                    WidgetInfo::selected(Role::CheckBox, true, own, "own limit of the new group")
                });
            if self.group_own {
                let r = ui.add(
                    egui::DragValue::new(&mut self.group_days)
                        .speed(0.1)
                        .range(0.0..=9999.0)
                        .max_decimals(2),
                );
                r.widget_info(|| {
                    WidgetInfo::drag_value(true, self.group_days)
                        .tap_label("limit of the new group".into())
                });
                if r.dragged() {
                    self.group_days = (self.group_days * 2.0).round() / 2.0;
                }
            }
        });
        let id = if self.group_id.trim().is_empty() {
            generated
        } else {
            self.group_id.trim().to_owned()
        };
        let problem = group_problem(s, &id, &self.group_items);
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(problem.is_none(), egui::Button::new("Create joint group"))
                .clicked()
            {
                create = true;
            }
            match &problem {
                Some(p) => {
                    ui.label(RichText::new(p).color(Color32::from_rgb(0xb4, 0x23, 0x18)));
                }
                None => {
                    ui.label(
                        RichText::new(format!("{id}: {} items", self.group_items.len())).weak(),
                    );
                }
            }
        });
        let listed: Vec<String> = s
            .measures
            .iter()
            .filter_map(|m| match &m.measure {
                permitflow_model::Measure::JointReview { groups: Some(_) } => {
                    Some(m.id.to_string())
                }
                _ => None,
            })
            .collect();
        if !listed.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{} list their groups: a new group is merged only where joint_review merges every group",
                    listed.join(", ")
                ))
                .weak(),
            );
        }
        if create && problem.is_none() {
            let edit = Edit::AddGroup {
                id: GroupId::new(&id),
                items: std::mem::take(&mut self.group_items),
                days: self.group_own.then_some(self.group_days),
            };
            self.group_id.clear();
            self.push(Command::Edit(edit, false));
        }
    }

    fn links(&mut self, ui: &mut Ui) {
        let s = &self.doc.draft;
        let ids: Vec<String> = s.items.iter().map(|i| i.id.to_string()).collect();
        let mut edits: Vec<(Edit, bool)> = Vec::new();
        let mut end_drag = false;
        ui.horizontal(|ui| {
            for (salt, value) in [
                ("link-from", &mut self.link_from),
                ("link-to", &mut self.link_to),
            ] {
                let name = if salt == "link-from" {
                    "link from"
                } else {
                    "link to"
                };
                egui::ComboBox::from_id_salt(salt)
                    .width(170.0)
                    .selected_text(if value.is_empty() {
                        "choose an item"
                    } else {
                        value.as_str()
                    })
                    .show_ui(ui, |ui| {
                        for id in &ids {
                            ui.selectable_value(value, id.clone(), id);
                        }
                    })
                    .response
                    .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, name));
                if salt == "link-from" {
                    ui.label("→");
                }
            }
        });
        ui.horizontal(|ui| {
            kind_choice(
                ui,
                "link-kind-new",
                &mut self.link_kind,
                "kind of the new link",
            );
            let l = ui.label("lag");
            let r = ui
                .add(lag_drag(&mut self.link_lag))
                .labelled_by(l.id)
                .on_hover_text("working days, in steps of ½ day; negative: a lead");
            r.widget_info(|| {
                WidgetInfo::drag_value(true, self.link_lag).tap_label("lag of the new link".into())
            });
            if r.dragged() {
                self.link_lag = (self.link_lag * 2.0).round() / 2.0;
            }
            let ready = !self.link_from.is_empty()
                && !self.link_to.is_empty()
                && self.link_from != self.link_to;
            if ui
                .add_enabled(ready, egui::Button::new("Add link"))
                .on_disabled_hover_text("choose two different items")
                .clicked()
            {
                edits.push((
                    Edit::AddLink {
                        from: ItemId::new(&self.link_from),
                        to: ItemId::new(&self.link_to),
                        kind: self.link_kind,
                        lag: self.link_lag,
                    },
                    false,
                ));
            }
        });
        ui.label(RichText::new(kind_meaning(self.link_kind)).weak());
        let s = &self.doc.draft;
        // The kind, lag, maximum lag and remove button take about 190 points: the names are
        // truncated to a fixed width (not one taken from the panel, which would feed back into it).
        let name_width = 220.0;
        egui::Grid::new("links")
            .striped(true)
            .num_columns(5)
            .spacing([8.0, 4.0])
            .max_col_width(name_width)
            .show(ui, |ui| {
                for (k, l) in s.links.iter().enumerate() {
                    let name = format!("{} → {}", l.from, l.to);
                    ui.add(egui::Label::new(&name).truncate())
                        .on_hover_text(&name);
                    let mut kind = l.kind;
                    if kind_choice(
                        ui,
                        ("link-kind", k),
                        &mut kind,
                        &format!("kind of link {name}"),
                    ) && kind != l.kind
                    {
                        edits.push((Edit::LinkKind { index: k, kind }, false));
                    }
                    let mut lag = l.lag.get();
                    let r = ui
                        .add(lag_drag(&mut lag))
                        .on_hover_text("lag in working days (steps of ½ day; negative: a lead)");
                    r.widget_info(|| {
                        WidgetInfo::drag_value(true, lag).tap_label(format!("lag of link {name}"))
                    });
                    if r.changed() {
                        let lag = if r.dragged() {
                            (lag * 2.0).round() / 2.0
                        } else {
                            lag
                        };
                        if lag != l.lag.get() {
                            edits.push((
                                Edit::LinkLag { index: k, lag },
                                r.dragged() && !r.drag_started(),
                            ));
                        }
                    }
                    if r.drag_stopped() {
                        end_drag = true;
                    }
                    if let Some(m) = l.max_lag {
                        ui.label(RichText::new(format!("≤ {m}")).weak())
                            .on_hover_text("maximum lag: no later than this (edit it in the file)");
                    } else {
                        ui.label("");
                    }
                    let r = ui.small_button("×").on_hover_text("remove this link");
                    r.widget_info(|| {
                        WidgetInfo::labeled(Role::Button, true, format!("remove link {name}"))
                    });
                    if r.clicked() {
                        edits.push((Edit::RemoveLink { index: k }, false));
                    }
                    ui.end_row();
                }
            });
        for (e, c) in edits {
            self.push(Command::Edit(e, c));
        }
        if end_drag {
            self.push(Command::EndDrag);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Compare

    fn compare_tab(&mut self, ui: &mut Ui) {
        let fit = self.settings.fit_charts;
        let s = self.doc.valid.clone_header();
        let c = self
            .comparison
            .as_ref()
            .expect("computed at the start of the frame");
        ui.horizontal(|ui| {
            ui.heading(&s.0);
        });
        ui.label(
            RichText::new(format!(
                "application {} · calendar {} · working days count from the first working day",
                s.1,
                self.doc.calendar.name()
            ))
            .weak(),
        );
        ui.add_space(4.0);
        outcome_table(ui, c);
        if !c.targets.is_empty() {
            ui.add_space(4.0);
            for t in &c.targets {
                let (mark, color) = match t.met {
                    Some(true) => ("✓ met", Color32::from_rgb(0x1e, 0x7b, 0x34)),
                    Some(false) => ("× missed", Color32::from_rgb(0xb4, 0x23, 0x18)),
                    None => ("? not solved", Color32::GRAY),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(mark).color(color).strong());
                    ui.label(format!(
                        "{} ({}): {}",
                        t.target.name, t.target.regime, t.detail
                    ));
                });
            }
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.settings.fit_charts, "fit charts to width");
            ui.label(
                RichText::new("hover a bar for its department, limit, dates and float").weak(),
            );
        });
        ui.separator();
        let c = self
            .comparison
            .as_ref()
            .expect("computed at the start of the frame");
        egui::ScrollArea::both()
            .id_salt("compare-charts")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                if let Some(chart) = &c.chart {
                    let scale = if fit {
                        painter::fit_scale(chart, width)
                    } else {
                        1.0
                    };
                    let (r, hovered) = painter::scene(ui, chart, scale);
                    if let Some(t) = hovered {
                        painter::title_tooltip(r, &t);
                    }
                }
                for (name, g) in &c.gantts {
                    ui.add_space(10.0);
                    let scale = if fit {
                        painter::fit_scale(g, width)
                    } else {
                        1.0
                    };
                    let (r, hovered) = painter::scene(ui, g, scale);
                    if let Some(t) = hovered {
                        let text = c
                            .outcome(name)
                            .and_then(|o| gantt_tooltip(o, &t))
                            .unwrap_or(t);
                        painter::title_tooltip(r, &text);
                    }
                }
            });
    }

    // -----------------------------------------------------------------------------------------
    // Simulation

    fn simulation_tab(&mut self, ui: &mut Ui) {
        let mut run = false;
        ui.horizontal(|ui| {
            let l = ui.label("Iterations");
            ui.add(
                egui::DragValue::new(&mut self.settings.iterations)
                    .range(100..=1_000_000)
                    .speed(100),
            )
            .labelled_by(l.id);
            let l = ui.label("Seed");
            ui.add(egui::DragValue::new(&mut self.settings.seed))
                .labelled_by(l.id);
            ui.checkbox(&mut self.settings.simulate_on_change, "run on every change");
            run = ui.button("Run simulation").clicked();
            if self.simulation.is_running() {
                ui.spinner();
                ui.label("simulating…");
            }
        });
        ui.label(RichText::new("Durations drawn from each item's spread, submissions returned for correction at their rate; PCG64 seeded per 4,096-iteration chunk, so a seed always gives the same numbers.").weak());
        let key = SimKey {
            revision: self.doc.revision(),
            iterations: self.settings.iterations,
            seed: self.settings.seed,
        };
        let current = self
            .simulation
            .result()
            .map(|(k, _)| k == &key)
            .unwrap_or(false);
        if run {
            self.simulation.invalidate();
        }
        if (run || self.settings.simulate_on_change) && !current {
            let s = self.doc.valid.clone();
            let ctx = ui.ctx().clone();
            let opts = SimulationOptions {
                iterations: key.iterations,
                seed: key.seed,
            };
            self.simulation.request(
                key,
                move || compute::simulate_all(&s, opts),
                move || ctx.request_repaint(),
            );
        }
        ui.separator();
        let Some((k, out)) = self.simulation.result() else {
            ui.label("Press “Run simulation”.");
            return;
        };
        if k.revision != self.doc.revision() {
            ui.label(
                RichText::new("These results are for an earlier version of the scenario.")
                    .color(Color32::from_rgb(0xc0, 0x7a, 0x00)),
            );
        }
        ui.label(
            RichText::new(format!(
                "{} iterations, seed {}, in {} ms",
                k.iterations, k.seed, out.millis
            ))
            .weak(),
        );
        egui::Grid::new("sim-table")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    "regime",
                    "deterministic",
                    "mean",
                    "P50",
                    "P80",
                    "P95",
                    "min",
                    "max",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for r in &out.results {
                    match r {
                        Ok(r) => {
                            ui.label(&r.regime);
                            for v in [r.deterministic, r.mean, r.p50, r.p80, r.p95, r.min, r.max] {
                                ui.label(if v.is_nan() {
                                    "–".to_owned()
                                } else {
                                    format!("{v:.1}")
                                });
                            }
                        }
                        Err(e) => {
                            ui.label(RichText::new(e).color(Color32::from_rgb(0xb4, 0x23, 0x18)));
                        }
                    }
                    ui.end_row();
                }
            });
        ui.label(RichText::new("working days").weak());
        for r in out.results.iter().flatten() {
            let mut parts: Vec<String> = r
                .targets
                .iter()
                .map(|(n, p)| format!("{n}: {:.1} %", p * 100.0))
                .collect();
            let mut crit: Vec<&(String, f64)> =
                r.criticality.iter().filter(|(_, c)| *c > 0.0).collect();
            crit.sort_by(|a, b| b.1.total_cmp(&a.1));
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&r.regime).strong());
                if !parts.is_empty() {
                    ui.label("probability of meeting");
                    ui.label(std::mem::take(&mut parts).join(" · "));
                    ui.label("·");
                }
                ui.label("most often critical:");
                ui.label(
                    RichText::new(
                        crit.iter()
                            .take(6)
                            .map(|(id, c)| format!("{id} {:.0} %", c * 100.0))
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .weak(),
                );
            });
        }
        ui.separator();
        let fit = self.settings.fit_charts;
        let chart = out.chart.clone();
        egui::ScrollArea::both()
            .id_salt("sim-charts")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let scale = if fit {
                    painter::fit_scale(&chart, ui.available_width())
                } else {
                    1.0
                };
                let (r, hovered) = painter::scene(ui, &chart, scale);
                if let Some(t) = hovered {
                    painter::title_tooltip(r, &t);
                }
            });
    }

    // -----------------------------------------------------------------------------------------
    // Planner

    fn planner_tab(&mut self, ui: &mut Ui) {
        let regimes: Vec<String> = self
            .doc
            .valid
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .collect();
        let plan_regime = self.settings.plan_regime.clone();
        let current = self
            .comparison()
            .outcome(&plan_regime)
            .map(|o| o.working_days());
        ui.horizontal(|ui| {
            let l = ui.label("Regime");
            egui::ComboBox::from_id_salt("plan-regime")
                .selected_text(&self.settings.plan_regime)
                .show_ui(ui, |ui| {
                    for r in &regimes {
                        ui.selectable_value(&mut self.settings.plan_regime, r.clone(), r);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Target (working days)");
            ui.add(
                egui::DragValue::new(&mut self.settings.plan_target)
                    .speed(0.5)
                    .range(0.0..=9999.0)
                    .max_decimals(1),
            )
            .labelled_by(l.id);
            if let Some(c) = current {
                ui.label(RichText::new(format!("today: {c} working days")).weak());
            }
            if self.planner.is_running() {
                ui.spinner();
            }
        });
        ui.label(RichText::new("The cheapest limits to cut (each between its floor and today's limit, at its cost per working day) to bring the regime to the target.").weak());
        self.settings.plan_target = (self.settings.plan_target * 2.0).round() / 2.0;
        let key = PlanKey {
            revision: self.doc.revision(),
            regime: self.settings.plan_regime.clone(),
            target_halves: (self.settings.plan_target * 2.0).round() as i64,
        };
        {
            let s = self.doc.valid.clone();
            let ctx = ui.ctx().clone();
            let (regime, target) = (key.regime.clone(), self.settings.plan_target);
            self.planner.request(
                key,
                move || compute::plan_regime(&s, &regime, target),
                move || ctx.request_repaint(),
            );
        }
        ui.separator();
        let Some((_, out)) = self.planner.result() else {
            ui.label("planning…");
            return;
        };
        let out = match out {
            Ok(o) => o,
            Err(e) => {
                ui.label(RichText::new(e).color(Color32::from_rgb(0xb4, 0x23, 0x18)));
                return;
            }
        };
        let p = &out.plan;
        let mut adopt = None;
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            if !p.reachable {
                ui.label(RichText::new(format!(
                    "× {} working days is out of reach: the least achievable is {}, with every limit at its floor.",
                    p.target, p.least_working_days
                )).color(Color32::from_rgb(0xb4, 0x23, 0x18)).strong());
                ui.label(format!("What limits it: {}", p.limiting.join(" → ")));
            } else if p.cuts.is_empty() {
                ui.label(RichText::new(format!("✓ already met: {} ≤ {} working days; nothing to cut.", p.current, p.target)).color(Color32::from_rgb(0x1e, 0x7b, 0x34)).strong());
            } else {
                ui.label(RichText::new(format!(
                    "✓ reachable: {} → {} working days at a cost of {} (least achievable {})",
                    p.current, p.working_days, p.cost, p.least_working_days
                )).color(Color32::from_rgb(0x1e, 0x7b, 0x34)).strong());
                egui::Grid::new("cuts").striped(true).spacing([16.0, 3.0]).show(ui, |ui| {
                    for h in ["cut", "limit now", "new limit", "days cut", "cost"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for c in &p.cuts {
                        ui.label(&c.id);
                        ui.label(c.from.to_string());
                        ui.label(c.to.to_string());
                        ui.label(c.days.to_string());
                        ui.label(format!("{}", c.cost));
                        ui.end_row();
                    }
                });
                if ui.button("Adopt these limits").on_hover_text("set the new limits in the scenario (one undo step)").clicked() {
                    adopt = Some(p.cuts.clone());
                }
            }
            ui.add_space(6.0);
            ui.strong("Sensitivity of the critical items");
            egui::Grid::new("sens").striped(true).spacing([16.0, 3.0]).show(ui, |ui| {
                for h in ["item", "limit", "saved per day cut", "for up to"] {
                    ui.strong(h);
                }
                ui.end_row();
                for x in &out.sensitivity {
                    ui.label(&x.id);
                    ui.label(x.days.to_string());
                    ui.label(format!("{}", (x.days_per_day * 100.0).round() / 100.0));
                    ui.label(format!("{} wd", x.range));
                    ui.end_row();
                }
            });
            let ui = &mut cols[1];
            let a = &out.attribution;
            ui.strong(format!("What each measure is worth (serial {} → {} {})", a.serial, a.regime, a.working_days));
            egui::Grid::new("steps").striped(true).spacing([16.0, 3.0]).show(ui, |ui| {
                for h in ["added in order", "working days after", "saves"] {
                    ui.strong(h);
                }
                ui.end_row();
                for st in &a.steps {
                    ui.label(&st.name);
                    ui.label(st.working_days.to_string());
                    ui.label(st.saved.to_string());
                    ui.end_row();
                }
            });
            if !a.removals.is_empty() {
                ui.add_space(4.0);
                egui::Grid::new("removals").striped(true).spacing([16.0, 3.0]).show(ui, |ui| {
                    for h in ["removed from the regime", "working days without it", "it saves"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for rm in &a.removals {
                        ui.label(&rm.name);
                        ui.label(rm.working_days.to_string());
                        ui.label(rm.saves.to_string());
                        ui.end_row();
                    }
                });
            }
        });
        ui.separator();
        let fit = self.settings.fit_charts;
        let charts = [out.curve_chart.clone(), out.waterfall_chart.clone()];
        egui::ScrollArea::both()
            .id_salt("plan-charts")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Side by side at one scale, so both read at the same text size.
                let total = charts.iter().map(|c| c.width as f32).sum::<f32>() + 12.0;
                let scale = if fit {
                    (ui.available_width() / total).clamp(0.62, 1.0)
                } else {
                    1.0
                };
                ui.horizontal_top(|ui| {
                    for chart in &charts {
                        let (r, hovered) = painter::scene(ui, chart, scale);
                        if let Some(t) = hovered {
                            painter::title_tooltip(r, &t);
                        }
                    }
                });
            });
        if let Some(cuts) = adopt {
            let s = &self.doc.draft;
            let edits: Vec<Edit> = cuts
                .iter()
                .map(|c| {
                    if s.item(&ItemId::new(&c.id)).is_some() {
                        Edit::Days {
                            item: ItemId::new(&c.id),
                            days: c.to.get(),
                        }
                    } else {
                        Edit::GroupDays {
                            group: GroupId::new(&c.id),
                            days: Some(c.to.get()),
                        }
                    }
                })
                .collect();
            self.push(Command::Edit(Edit::Batch(edits), false));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Dialogs

    fn dialogs(&mut self, ctx: &Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut close = false;
        let resp = egui::Modal::new(egui::Id::unique("permitflow-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            match &dialog {
                Dialog::Unsaved(then) => {
                    ui.heading("Unsaved changes");
                    ui.label(format!(
                        "{} has changes that are not saved. Save them before {}?",
                        self.doc.label,
                        if matches!(**then, Command::Quit) { "quitting" } else { "opening another file" }
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save changes").clicked() {
                            match self.doc.path.clone() {
                                Some(p) if self.save_to(&p) => {
                                    close = true;
                                    self.push((**then).clone());
                                }
                                Some(_) => {}
                                None => self.open_save_as(),
                            }
                        }
                        if ui.button("Discard changes").clicked() {
                            close = true;
                            match &**then {
                                Command::Open(src) => self.open_now(src),
                                Command::Quit => {
                                    self.quit_confirmed = true;
                                    self.push(Command::Quit);
                                }
                                other => self.push(other.clone()),
                            }
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::SaveAs | Dialog::ExportCharts | Dialog::ExportSchedule => {
                    let (title, hint) = match dialog {
                        Dialog::SaveAs => ("Save scenario as", "a .toml (or .json) path"),
                        Dialog::ExportCharts => ("Export the charts of this tab", "a .svg or .png path"),
                        _ => ("Export a schedule as CSV", "a .csv path"),
                    };
                    ui.heading(title);
                    if dialog == Dialog::ExportSchedule {
                        let regimes: Vec<String> = self.doc.valid.regimes.iter().map(|r| r.name.to_string()).collect();
                        egui::ComboBox::from_label("regime")
                            .selected_text(&self.settings.regime)
                            .show_ui(ui, |ui| {
                                for r in &regimes {
                                    ui.selectable_value(&mut self.settings.regime, r.clone(), r);
                                }
                            });
                    }
                    let label = ui.label("File path");
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.path_text)
                            .hint_text(hint)
                            .desired_width(500.0),
                    )
                    .labelled_by(label.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.label(RichText::new("Written atomically: a temporary file in the same folder, then renamed.").weak());
                    ui.horizontal(|ui| {
                        let label = if dialog == Dialog::SaveAs { "Save scenario" } else { "Export" };
                        if ui.button(label).clicked() || enter {
                            let p = PathBuf::from(self.path_text.trim());
                            self.push(match dialog {
                                Dialog::SaveAs => Command::SaveAs(p),
                                Dialog::ExportCharts => Command::ExportCharts(p),
                                _ => Command::ExportSchedule(self.settings.regime.clone(), p),
                            });
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                    ui.label(&self.status);
                }
            }
        });
        if resp.should_close() {
            close = true;
        }
        if close && self.dialog.as_ref() == Some(&dialog) {
            self.dialog = None;
        }
    }
}

/// The outcome table: one row per regime.
fn outcome_table(ui: &mut Ui, c: &Comparison) {
    let serial = c.serial_days();
    let stage_names: Vec<String> = c
        .outcomes
        .iter()
        .find_map(|(_, r)| r.as_ref().ok())
        .map(|o| o.stages.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default();
    egui::Grid::new("outcomes")
        .striped(true)
        .spacing([18.0, 5.0])
        .min_col_width(40.0)
        .show(ui, |ui| {
            for h in [
                "regime",
                "working days",
                "vs serial",
                "end date",
                "trips",
                "forms",
                "materials",
                "departments",
                "days per stage",
            ] {
                let r = ui.strong(h);
                if h == "days per stage" {
                    r.on_hover_text(stage_names.join("\n"));
                }
            }
            ui.end_row();
            for (name, r) in &c.outcomes {
                ui.label(RichText::new(name).strong());
                match r {
                    Ok(o) => {
                        let wd = o.working_days();
                        cell(
                            ui,
                            RichText::new(wd.to_string()).strong(),
                            format!("{name}: {wd} working days"),
                        );
                        let diff = match serial {
                            Some(s) if name != "serial" => {
                                let d = wd - s;
                                let pct = if s.get() > 0.0 {
                                    d.get() / s.get() * 100.0
                                } else {
                                    0.0
                                };
                                format!("{}{d} ({pct:+.0} %)", if d.get() > 0.0 { "+" } else { "" })
                            }
                            _ => "–".into(),
                        };
                        cell(
                            ui,
                            RichText::new(diff.clone()),
                            format!("{name}: {diff} vs serial"),
                        );
                        ui.label(o.end_date.format("%Y-%m-%d %a").to_string());
                        for (what, v) in [
                            ("trips", o.counts.trips),
                            ("forms", o.counts.forms),
                            ("materials", o.counts.materials),
                            ("departments", o.counts.departments),
                        ] {
                            cell(
                                ui,
                                RichText::new(v.to_string()),
                                format!("{name}: {v} {what}"),
                            );
                        }
                        ui.label(
                            o.stages
                                .iter()
                                .map(|s| s.working_days.to_string())
                                .collect::<Vec<_>>()
                                .join(" · "),
                        )
                        .on_hover_text(
                            o.stages
                                .iter()
                                .map(|s| format!("{}: {} working days", s.name, s.working_days))
                                .collect::<Vec<_>>()
                                .join("\n"),
                        );
                    }
                    Err(e) => {
                        ui.label(
                            RichText::new("cannot be solved")
                                .color(Color32::from_rgb(0xb4, 0x23, 0x18)),
                        )
                        .on_hover_text(e.to_string());
                        ui.label(RichText::new(e.to_string()).weak().small());
                    }
                }
                ui.end_row();
            }
        });
}

/// A table cell whose accessible label says what it is ("joint: 36.5 working days"), since a
/// bare "36.5" means nothing to a screen reader (or a test).
fn cell(ui: &mut Ui, text: RichText, accessible: String) {
    let r = ui.label(text);
    r.widget_info(|| WidgetInfo::labeled(Role::Label, true, &accessible));
}

/// `item `x`` → `x`.
fn subject_item(subject: &str) -> Option<String> {
    let rest = subject.strip_prefix("item `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// A planner's tooltip for a Gantt bar: department, limit, start and finish (working days and
/// dates), float.
fn gantt_tooltip(o: &permitflow_solver::Outcome, title: &str) -> Option<String> {
    let first = title.lines().next()?;
    let id = first.rsplit_once('(')?.1.strip_suffix(')')?;
    let i = o.network.activities.iter().position(|a| a.id == id)?;
    let a = &o.network.activities[i];
    let (sd, fd) = o.dates[i];
    let float = o.schedule.total_float[i];
    Some(format!(
        "{} ({})\nDepartment: {}\nLimit: {} working days\nStart: {}, {} working days after the application\nFinish: {}, {} working days after the application\nFloat: {}{}",
        a.name,
        a.id,
        a.departments
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        a.days,
        sd.format("%Y-%m-%d %a"),
        o.schedule.start[i],
        fd.format("%Y-%m-%d %a"),
        o.schedule.finish[i],
        float,
        if o.schedule.critical[i] {
            " · on the critical path"
        } else {
            " working days"
        }
    ))
}

/// The scenario's name and start, cloned out so a view can borrow the app mutably.
trait Header {
    fn clone_header(&self) -> (String, String);
}

impl Header for permitflow_model::Scenario {
    fn clone_header(&self) -> (String, String) {
        (
            self.name.clone(),
            self.start.format("%Y-%m-%d %a").to_string(),
        )
    }
}

/// A `WidgetInfo` with its label replaced.
trait TapLabel {
    fn tap_label(self, label: String) -> Self;
}

impl TapLabel for WidgetInfo {
    fn tap_label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }
}

/// A DragValue for a lag in working days (negative: a lead).
fn lag_drag(v: &mut f64) -> egui::DragValue<'_> {
    egui::DragValue::new(v)
        .speed(0.1)
        .range(-999.0..=999.0)
        .max_decimals(2)
}

/// A link kind chooser showing the code (`SS`), the options with their names; true when the
/// planner picked one.
fn kind_choice(
    ui: &mut Ui,
    salt: impl egui::AsIdSalt,
    kind: &mut LinkKind,
    accessible: &str,
) -> bool {
    let before = *kind;
    let r = egui::ComboBox::from_id_salt(salt)
        .width(46.0)
        .selected_text(kind.code())
        .show_ui(ui, |ui| {
            for k in LINK_KINDS {
                ui.selectable_value(kind, k, format!("{} {}", k.code(), kind_label(k)))
                    .on_hover_text(kind_meaning(k));
            }
        })
        .response;
    r.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, accessible));
    r.on_hover_text(format!(
        "{} ({}): {}",
        kind.code(),
        kind_label(*kind),
        kind_meaning(*kind)
    ));
    *kind != before
}
