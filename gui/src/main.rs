//! `permitflow-gui`: the window around [`permitflow_gui::PermitflowApp`].
//!
//! `permitflow-gui [FILE] [--tab compare|simulation|planner|centre|calibrate|author|schedule] [--run]
//! [--dialog schedule|report|charts|save-as|open]`
//!
//! `PERMITFLOW_NATIVE_DIALOGS=0` uses the app's own file browser instead of the system's
//! dialogs; `PERMITFLOW_DATA_DIR` the folder for recovery files and print pages.

use std::path::PathBuf;

use permitflow_gui::command::{CentreKey, Dialog};
use permitflow_gui::settings::startup_lang;
use permitflow_gui::{Command, PermitflowApp, Settings, Tab};
use permitflow_i18n::tr;

/// The usage text, in the current language.
fn usage() -> String {
    tr!("gui-usage")
}

struct Args {
    file: Option<PathBuf>,
    tab: Option<Tab>,
    run: bool,
    dialog: Option<Dialog>,
}

fn parse_dialog(v: &str) -> Result<Dialog, String> {
    match v.to_ascii_lowercase().as_str() {
        "schedule" | "export-schedule" => Ok(Dialog::ExportSchedule),
        "report" => Ok(Dialog::Report),
        "charts" | "export-charts" => Ok(Dialog::ExportCharts),
        "save-as" | "saveas" => Ok(Dialog::SaveAs),
        "open" => Ok(Dialog::Open),
        _ => Err(tr!("gui-arg-unknown-dialog", value = v)),
    }
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: None,
        tab: None,
        run: false,
        dialog: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--tab" => {
                let v = it
                    .next()
                    .ok_or_else(|| tr!("gui-arg-needs-value", option = "--tab"))?;
                args.tab =
                    Some(Tab::parse(&v).ok_or_else(|| tr!("gui-arg-unknown-tab", value = &v))?);
            }
            s if s.starts_with("--tab=") => {
                let v = &s["--tab=".len()..];
                args.tab =
                    Some(Tab::parse(v).ok_or_else(|| tr!("gui-arg-unknown-tab", value = v))?);
            }
            "--run" => args.run = true,
            "--dialog" => {
                let v = it
                    .next()
                    .ok_or_else(|| tr!("gui-arg-needs-value", option = "--dialog"))?;
                args.dialog = Some(parse_dialog(&v)?);
            }
            s if s.starts_with('-') => return Err(tr!("gui-arg-unknown-option", option = s)),
            s => {
                if args.file.is_some() {
                    return Err(tr!("gui-arg-one-file"));
                }
                args.file = Some(PathBuf::from(s));
            }
        }
    }
    Ok(args)
}

struct Window {
    app: PermitflowApp,
    /// What the command line asked for at start, done after the first frame.
    start: Option<(bool, Option<Dialog>)>,
    /// Whether the window was checked against the screen's size.
    fitted: bool,
}

impl Window {
    /// A window larger than 90 % of the screen (the default size on a laptop) is shrunk to
    /// that and centred, so no part of the app (the status bar first) is off screen.
    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.fitted = true;
        if monitor.x <= 0.0 || monitor.y <= 0.0 {
            return;
        }
        let room = monitor * 0.9;
        let size = inner.size();
        if size.x > room.x || size.y > room.y {
            let fitted = size.min(room);
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(fitted));
            let corner = (monitor - fitted) * 0.5;
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(
                corner.x, corner.y,
            )));
        }
    }

    /// Runs the analysis of the tab shown and opens the dialog asked for on the command line.
    fn start(&mut self, run: bool, dialog: Option<Dialog>, ctx: &egui::Context) {
        let s = &self.app.settings;
        if run {
            match s.tab {
                Tab::Simulation => self.app.push(Command::RunSimulation),
                Tab::Centre if !s.centre_portfolio.trim().is_empty() => {
                    let key = CentreKey {
                        portfolio: PathBuf::from(s.centre_portfolio.trim()),
                        replications: s.centre_replications,
                        seed: s.centre_seed,
                    };
                    self.app.push(Command::RunCentre(key));
                }
                Tab::Calibrate => {
                    // The log in the settings, else the shipped sample.
                    let log = Some(s.calibrate_log.trim())
                        .filter(|l| !l.is_empty())
                        .map(PathBuf::from)
                        .or_else(|| permitflow_gui::io::shipped_logs().into_iter().next());
                    if let Some(log) = log {
                        self.app.push(Command::RunCalibration(log));
                    }
                }
                // The comparison and the planner run by themselves.
                _ => {}
            }
        }
        if let Some(d) = dialog {
            self.app.push(Command::ShowDialog(d));
        }
        ctx.request_repaint();
    }
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.fitted {
            self.fit_to_screen(&ctx);
        }
        self.app.ui(ui);
        if let Some((run, dialog)) = self.start.take() {
            self.start(run, dialog, &ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.app.settings);
    }
}

/// The language at start-up (the saved choice first), set for the whole process; a
/// `PERMITFLOW_LANG` naming a language permitflow does not speak is reported.
fn choose_lang(settings: &Settings, warn: bool) {
    let system = sys_locale::get_locale();
    let detected = startup_lang(settings, |k| std::env::var(k).ok(), system.as_deref());
    permitflow_i18n::set_lang(detected.lang);
    if let Some(v) = detected.ignored.filter(|_| warn) {
        eprintln!("{}", tr!("gui-warn-lang-ignored", value = v));
    }
}

fn main() -> std::process::ExitCode {
    // Before the settings are read: the usage and argument errors in the user's language.
    choose_lang(&Settings::default(), true);
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if e.is_empty() {
                println!("{}", usage());
                return std::process::ExitCode::SUCCESS;
            }
            eprintln!("{}\n{}", tr!("gui-error", message = e), usage());
            return std::process::ExitCode::from(2);
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("permitflow")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let start = (args.run || args.dialog.is_some()).then(|| (args.run, args.dialog.clone()));
    let result = eframe::run_native(
        "permitflow",
        options,
        Box::new(move |cc| {
            permitflow_gui::fonts::install(&cc.egui_ctx);
            cc.egui_ctx.set_theme(egui::Theme::Light);
            let mut settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            choose_lang(&settings, false);
            if let Some(tab) = args.tab {
                settings.tab = tab;
            }
            // The user's folders: unsaved work autosaved and offered back after a crash.
            let places = permitflow_gui::places::Places::system();
            let mut app = PermitflowApp::with_places(settings, args.file.as_deref(), places);
            // The system's dialogs unless PERMITFLOW_NATIVE_DIALOGS=0 (or none can be shown).
            let var = std::env::var(permitflow_gui::native::VAR).ok();
            app.set_native_dialogs(
                permitflow_gui::native::allowed(var.as_deref())
                    && permitflow_gui::native::possible(),
            );
            app.set_open_browser(true);
            Ok(Box::new(Window {
                app,
                start,
                fitted: false,
            }))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", tr!("gui-error-window", message = e.to_string()));
            std::process::ExitCode::FAILURE
        }
    }
}
