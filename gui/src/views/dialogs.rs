//! The modal dialogs: unsaved changes, recovered work, and the app's own file dialogs (open,
//! save as, the exports and the report: the built-in file browser over a path field; files are
//! written atomically), shown where the system's dialogs are not.

use std::path::PathBuf;

use egui::{Context, Key, RichText, Role, Ui, WidgetInfo};
use permitflow_app::export::ExportFormat;
use permitflow_i18n::tr;

use super::Ctx;
use super::browser::{Browser, Picked};
use crate::command::{Command, Dialog, PickFor, Source};
use crate::io;

/// The exchange formats offered, with their names (the same in every language).
pub const FORMATS: [(ExportFormat, &str); 3] = [
    (ExportFormat::Mspdi, "MS Project XML (MSPDI)"),
    (ExportFormat::Csv, "CSV"),
    (ExportFormat::Json, "JSON"),
];

/// The dialogs' form state.
#[derive(Debug)]
pub struct Dialogs {
    /// The file path typed (or suggested when the dialog opened).
    pub path_text: String,
    /// The schedule export's format.
    pub format: ExportFormat,
    /// Give the path field the keyboard focus (once, when the dialog opens).
    pub focus_path: bool,
    /// The file browser above the path field.
    pub browser: Browser,
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            path_text: String::new(),
            format: ExportFormat::Mspdi,
            focus_path: false,
            browser: Browser::default(),
        }
    }
}

impl Dialogs {
    /// Draws `dialog` as a modal window over the app.
    pub fn ui(&mut self, ctx: &Context, cx: &mut Ctx<'_>, dialog: &Dialog) {
        let resp = egui::Modal::new(egui::Id::unique("permitflow-dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            match dialog {
                Dialog::Unsaved(then) => unsaved(ui, cx, then),
                Dialog::Recover(found) => recover(ui, cx, found),
                _ => self.file(ui, cx, dialog),
            }
        });
        if resp.should_close() {
            cx.push(Command::CloseDialog);
        }
    }

    fn file(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>, dialog: &Dialog) {
        let (title, hint, action) = match dialog {
            Dialog::SaveAs => (
                tr!("gui-dialog-save-as"),
                tr!("gui-dialog-save-as.hint"),
                tr!("gui-dialog-save-as.action"),
            ),
            Dialog::ExportCharts => (
                tr!("gui-dialog-charts"),
                tr!("gui-dialog-charts.hint"),
                tr!("gui-dialog-charts.action"),
            ),
            Dialog::ExportSchedule => (
                tr!("gui-dialog-schedule"),
                tr!("gui-dialog-schedule.hint"),
                tr!("gui-dialog-schedule.action"),
            ),
            Dialog::Pick(what) => (
                pick_title(*what),
                tr!("gui-dialog-pick-hint"),
                tr!("gui-dialog-pick-action"),
            ),
            Dialog::Open => (
                tr!("gui-dialog-open"),
                tr!("gui-dialog-open.hint"),
                tr!("gui-dialog-open.action"),
            ),
            _ => (
                tr!("gui-dialog-report"),
                tr!("gui-dialog-report.hint"),
                tr!("gui-dialog-report.action"),
            ),
        };
        ui.heading(title);
        if *dialog == Dialog::ExportSchedule {
            self.schedule_options(ui, cx);
        }
        if *dialog == Dialog::Report {
            ui.label(RichText::new(tr!("gui-dialog-report-note")).weak());
        }
        let ext = self.format.extension();
        let extensions: Vec<&str> = match dialog {
            Dialog::Open => io::OPENABLE.to_vec(),
            Dialog::Pick(what) => what.extensions().to_vec(),
            Dialog::SaveAs => vec!["toml", "json"],
            Dialog::ExportCharts => vec!["svg", "png"],
            Dialog::ExportSchedule => vec![ext],
            _ => vec!["html"],
        };
        let save = !matches!(dialog, Dialog::Open | Dialog::Pick(_));
        let mut accept = false;
        match self.browser.ui(ui, &self.path_text, &extensions, save) {
            Picked::None => {}
            Picked::Path(p) => self.path_text = p,
            Picked::Accept(p) => {
                self.path_text = p;
                accept = true;
            }
        }
        let label = ui.label(tr!("gui-dialog-path"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.path_text)
                    .hint_text(hint)
                    .desired_width(500.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_path) {
            field.request_focus();
        }
        // Enter opens (or goes into the folder typed), from the field or the list.
        let enter = (field.lost_focus() || !field.has_focus())
            && ui.input(|i| i.key_pressed(Key::Enter))
            && !std::path::Path::new(self.path_text.trim()).is_dir();
        accept |= enter;
        if save {
            ui.label(RichText::new(tr!("gui-dialog-atomic")).weak());
        }
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || accept {
                let path = PathBuf::from(self.path_text.trim());
                if *dialog == Dialog::Open {
                    cx.push(Command::CloseDialog);
                    cx.push(Command::Open(Source::File(path)));
                    return;
                }
                if let Dialog::Pick(what) = dialog {
                    cx.push(Command::CloseDialog);
                    picked(*what, path, cx.settings, cx.commands);
                    return;
                }
                cx.push(match dialog {
                    Dialog::SaveAs => Command::SaveAs(path),
                    Dialog::ExportCharts => Command::ExportCharts(path),
                    Dialog::ExportSchedule => Command::ExportSchedule {
                        regime: cx.settings.regime.clone(),
                        format: self.format,
                        path,
                    },
                    _ => Command::WriteReport(path),
                });
            }
            if ui.button(tr!("gui-cancel")).clicked() {
                cx.push(Command::CloseDialog);
            }
        });
        ui.label(cx.status);
    }

    /// The regime and the format; a new format changes the path's extension.
    fn schedule_options(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let regimes = cx.regimes();
        ui.horizontal(|ui| {
            crate::widgets::regime_choice(
                ui,
                tr!("gui-dialog-regime"),
                "export-regime",
                &mut cx.settings.regime,
                &regimes,
                &cx.doc.draft,
            );
            let before = self.format;
            let name = FORMATS
                .iter()
                .find(|(f, _)| *f == self.format)
                .map_or("", |(_, n)| n);
            let format_label = tr!("gui-dialog-format");
            let l = ui.label(&format_label);
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(name)
                .show_ui(ui, |ui| {
                    for (f, n) in FORMATS {
                        ui.selectable_value(&mut self.format, f, n);
                    }
                })
                .response
                .labelled_by(l.id)
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, &format_label));
            if self.format != before {
                let p = PathBuf::from(self.path_text.trim());
                self.path_text = p
                    .with_extension(self.format.extension())
                    .display()
                    .to_string();
            }
        });
    }
}

fn unsaved(ui: &mut Ui, cx: &mut Ctx<'_>, then: &Command) {
    ui.heading(tr!("gui-unsaved"));
    ui.label(if matches!(then, Command::Quit) {
        tr!("gui-unsaved-quit", file = &cx.doc.label)
    } else {
        tr!("gui-unsaved-open", file = &cx.doc.label)
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("gui-unsaved-save")).clicked() {
            cx.push(Command::SaveThen(Box::new(then.clone())));
        }
        if ui.button(tr!("gui-unsaved-discard")).clicked() {
            cx.push(Command::Discard(Box::new(then.clone())));
        }
        if ui.button(tr!("gui-cancel")).clicked() {
            cx.push(Command::CloseDialog);
        }
    });
}

fn recover(ui: &mut Ui, cx: &mut Ctx<'_>, found: &crate::recovery::Found) {
    ui.heading(tr!("gui-recover"));
    let name = if found.label == io::DEFAULT_LABEL {
        tr!("gui-default-label")
    } else {
        found.label.clone()
    };
    ui.label(tr!(
        "gui-recover-question",
        file = name.as_str(),
        time = found.when()
    ));
    // The file's full path, when the name shown is not already that.
    if let Some(p) = found
        .original
        .as_ref()
        .filter(|p| p.display().to_string() != name)
    {
        ui.label(RichText::new(p.display().to_string()).weak());
    }
    ui.label(RichText::new(tr!("gui-recover-note")).weak());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(tr!("gui-recover-recover")).strong())
            .clicked()
        {
            cx.push(Command::Recover(found.file.clone()));
        }
        if ui.button(tr!("gui-recover-discard")).clicked() {
            cx.push(Command::DiscardRecovery(found.file.clone()));
        }
        if ui.button(tr!("gui-recover-later")).clicked() {
            cx.push(Command::CloseDialog);
        }
    });
}

/// The title of the dialog choosing a file for `what`.
pub fn pick_title(what: PickFor) -> String {
    match what {
        PickFor::Calendar => tr!("gui-dialog-pick-calendar"),
        PickFor::EventLog => tr!("gui-dialog-pick-log"),
        PickFor::Portfolio => tr!("gui-dialog-pick-portfolio"),
    }
}

/// Puts the file chosen for `what` in its field (a calendar file is applied at once).
pub fn picked(
    what: PickFor,
    path: PathBuf,
    settings: &mut crate::settings::Settings,
    commands: &mut Vec<Command>,
) {
    match what {
        PickFor::Calendar => commands.push(Command::UseCalendar(Some(path))),
        PickFor::EventLog => settings.calibrate_log = path.display().to_string(),
        PickFor::Portfolio => settings.centre_portfolio = path.display().to_string(),
    }
}
