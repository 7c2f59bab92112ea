//! The modal dialogs: unsaved changes, save as, and the file dialogs of the exports and the
//! report (a path typed or suggested; the file is written atomically).

use std::path::PathBuf;

use egui::{Context, Key, RichText, Role, Ui, WidgetInfo};
use permitflow_app::export::ExportFormat;

use super::Ctx;
use crate::command::{Command, Dialog};
use crate::widgets::choice;

/// The exchange formats offered, with their names.
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
}

impl Default for Dialogs {
    fn default() -> Self {
        Self {
            path_text: String::new(),
            format: ExportFormat::Mspdi,
            focus_path: false,
        }
    }
}

impl Dialogs {
    /// Draws `dialog` as a modal window over the app.
    pub fn ui(&mut self, ctx: &Context, cx: &mut Ctx<'_>, dialog: &Dialog) {
        let resp = egui::Modal::new(egui::Id::unique("permitflow-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            match dialog {
                Dialog::Unsaved(then) => unsaved(ui, cx, then),
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
                "Save scenario as",
                "a .toml (or .json) path",
                "Save scenario",
            ),
            Dialog::ExportCharts => (
                "Export the charts of this tab",
                "a .svg or .png path",
                "Export charts",
            ),
            Dialog::ExportSchedule => (
                "Export a schedule",
                "a .xml, .csv or .json path",
                "Export schedule",
            ),
            _ => ("Write the report (HTML)", "a .html path", "Write report"),
        };
        ui.heading(title);
        if *dialog == Dialog::ExportSchedule {
            self.schedule_options(ui, cx);
        }
        if *dialog == Dialog::Report {
            ui.label(RichText::new("One self-contained page to send: the scenario and its sources, the comparison, the charts, the critical paths and, where the scenario has spreads and floors, the simulation and the reform planner.").weak());
        }
        let label = ui.label("File path");
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
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.label(
            RichText::new("Written atomically: a temporary file in the same folder, then renamed.")
                .weak(),
        );
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || enter {
                let path = PathBuf::from(self.path_text.trim());
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
            if ui.button("Cancel").clicked() {
                cx.push(Command::CloseDialog);
            }
        });
        ui.label(cx.status);
    }

    /// The regime and the format; a new format changes the path's extension.
    fn schedule_options(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let regimes = cx.regimes();
        ui.horizontal(|ui| {
            let l = ui.label("regime");
            choice(ui, "export-regime", &mut cx.settings.regime, &regimes).labelled_by(l.id);
            let before = self.format;
            let name = FORMATS
                .iter()
                .find(|(f, _)| *f == self.format)
                .map_or("", |(_, n)| n);
            let l = ui.label("format");
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(name)
                .show_ui(ui, |ui| {
                    for (f, n) in FORMATS {
                        ui.selectable_value(&mut self.format, f, n);
                    }
                })
                .response
                .labelled_by(l.id)
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "format"));
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
    ui.heading("Unsaved changes");
    let before = if matches!(then, Command::Quit) {
        "quitting"
    } else {
        "opening another file"
    };
    ui.label(format!(
        "{} has changes that are not saved. Save them before {before}?",
        cx.doc.label
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Save changes").clicked() {
            cx.push(Command::SaveThen(Box::new(then.clone())));
        }
        if ui.button("Discard changes").clicked() {
            cx.push(Command::Discard(Box::new(then.clone())));
        }
        if ui.button("Cancel").clicked() {
            cx.push(Command::CloseDialog);
        }
    });
}
