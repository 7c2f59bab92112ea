//! `permitflow-gui`: the window around [`permitflow_gui::PermitflowApp`].
//!
//! `permitflow-gui [FILE] [--tab compare|simulation|planner|centre]`

use std::path::PathBuf;

use permitflow_gui::{PermitflowApp, Settings, Tab};

const USAGE: &str = "usage: permitflow-gui [FILE] [--tab compare|simulation|planner|centre]\n\
  FILE  a scenario (.toml, .json) or an item list (.csv, .xlsx) to open instead of the default scenario";

struct Args {
    file: Option<PathBuf>,
    tab: Option<Tab>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: None,
        tab: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--tab" => {
                let v = it.next().ok_or("--tab needs a value")?;
                args.tab = Some(Tab::parse(&v).ok_or(format!("unknown tab `{v}`"))?);
            }
            s if s.starts_with("--tab=") => {
                let v = &s["--tab=".len()..];
                args.tab = Some(Tab::parse(v).ok_or(format!("unknown tab `{v}`"))?);
            }
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s => {
                if args.file.is_some() {
                    return Err("give at most one FILE".into());
                }
                args.file = Some(PathBuf::from(s));
            }
        }
    }
    Ok(args)
}

struct Window {
    app: PermitflowApp,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.app.settings);
    }
}

fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if e.is_empty() {
                println!("{USAGE}");
                return std::process::ExitCode::SUCCESS;
            }
            eprintln!("error: {e}\n{USAGE}");
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
            if let Some(tab) = args.tab {
                settings.tab = tab;
            }
            Ok(Box::new(Window {
                app: PermitflowApp::new(settings, args.file.as_deref()),
            }))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
