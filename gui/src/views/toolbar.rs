//! The toolbar (open, save, undo, export, report) and the status bar.

use std::path::PathBuf;

use egui::{Align, Key, Layout, RichText, Ui};
use permitflow_i18n::{Lang, tr};

use super::Ctx;
use crate::command::{Command, Dialog, Source};
use crate::io;
use crate::widgets::AMBER;

/// The toolbar's form state.
#[derive(Debug)]
pub struct Toolbar {
    /// The path typed into the open bar.
    pub open_text: String,
    /// The shipped scenarios and item lists.
    shipped: Vec<PathBuf>,
}

impl Default for Toolbar {
    fn default() -> Self {
        Self {
            open_text: String::new(),
            shipped: io::shipped_scenarios(),
        }
    }
}

impl Toolbar {
    /// Draws the toolbar: open, save, undo and redo, export, the file's name.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.add_space(3.0);
        ui.horizontal(|ui| {
            ui.menu_button(tr!("gui-open"), |ui| self.open_menu(ui, cx));
            // Narrower in a narrow window (1024 px), so the buttons and the file's name fit.
            let width = (ui.available_width() * 0.22).clamp(160.0, 330.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.open_text)
                    .hint_text(tr!("gui-open-hint"))
                    .desired_width(width),
            );
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button(tr!("gui-open-file")).clicked() || enter)
                && !self.open_text.trim().is_empty()
            {
                let p = PathBuf::from(self.open_text.trim());
                cx.push(Command::Open(Source::File(p)));
            }
            ui.separator();
            if ui.button(tr!("gui-save")).on_hover_text("Ctrl+S").clicked() {
                cx.push(Command::Save);
            }
            if ui.button(tr!("gui-save-as")).clicked() {
                cx.push(Command::ShowDialog(Dialog::SaveAs));
            }
            ui.separator();
            let undo = egui::Button::new(tr!("gui-undo"));
            if ui
                .add_enabled(cx.doc.can_undo(), undo)
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                cx.push(Command::Undo);
            }
            let redo = egui::Button::new(tr!("gui-redo"));
            if ui
                .add_enabled(cx.doc.can_redo(), redo)
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
            {
                cx.push(Command::Redo);
            }
            ui.separator();
            ui.menu_button(tr!("gui-export"), |ui| export_menu(ui, cx));
            if ui
                .button(tr!("gui-print"))
                .on_hover_text(tr!("gui-print.tip"))
                .clicked()
            {
                cx.push(Command::Print);
            }
            ui.separator();
            language_menu(ui, cx);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if cx.doc.is_dirty() {
                    ui.label(RichText::new(tr!("gui-unsaved-mark")).color(AMBER));
                }
                // The built-in scenario's label is a file name for diagnostics; people read it
                // in their language.
                let label = if cx.doc.label == io::DEFAULT_LABEL {
                    tr!("gui-default-label")
                } else {
                    cx.doc.label.clone()
                };
                // Cut with an ellipsis where the window is narrow (the whole name on hover), never
                // drawn over the buttons on its left.
                ui.add(egui::Label::new(RichText::new(&label).weak()).truncate())
                    .on_hover_text(label);
            });
        });
        ui.add_space(3.0);
    }

    fn open_menu(&self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        if ui
            .button(tr!("gui-open-dialog"))
            .on_hover_text(tr!("gui-open-dialog.tip"))
            .clicked()
        {
            cx.push(Command::ShowDialog(Dialog::Open));
            ui.close();
        }
        ui.separator();
        ui.label(tr!("gui-shipped-scenarios"));
        if ui.button(tr!("gui-open-default")).clicked() {
            cx.push(Command::Open(Source::Default));
            ui.close();
        }
        for p in &self.shipped {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if ui.button(name).clicked() {
                cx.push(Command::Open(Source::File(p.clone())));
                ui.close();
            }
        }
        if !cx.settings.recent.is_empty() {
            ui.separator();
            ui.label(tr!("gui-recent-files"));
            for r in cx.settings.recent.clone() {
                if ui.button(&r).clicked() {
                    cx.push(Command::Open(Source::File(PathBuf::from(r))));
                    ui.close();
                }
            }
        }
    }
}

fn export_menu(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let items = [
        (
            tr!("gui-export-charts"),
            String::new(),
            Dialog::ExportCharts,
        ),
        (
            tr!("gui-export-schedule"),
            tr!("gui-export-schedule.tip"),
            Dialog::ExportSchedule,
        ),
        (
            tr!("gui-export-report"),
            tr!("gui-export-report.tip"),
            Dialog::Report,
        ),
    ];
    for (label, hover, dialog) in items {
        let r = ui.button(label);
        let r = if hover.is_empty() {
            r
        } else {
            r.on_hover_text(hover)
        };
        if r.clicked() {
            cx.push(Command::ShowDialog(dialog));
            ui.close();
        }
    }
}

/// The language menu: each language in its own name; the choice applies at once.
fn language_menu(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let current = permitflow_i18n::lang();
    let title = format!("{} · {}", tr!("gui-menu-language"), current.native_name());
    ui.menu_button(title, |ui| {
        for lang in Lang::ALL {
            if ui
                .radio(lang == current, lang.native_name())
                .on_hover_text(tr!("gui-menu-language-tip"))
                .clicked()
            {
                cx.push(Command::SetLang(lang));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(tr!("gui-menu-language-tip"));
}

/// The status bar: how long the schedules took, what runs, the last message.
pub fn status_bar(ui: &mut Ui, cx: &Ctx<'_>) {
    ui.horizontal(|ui| {
        let ms = format!("{:.1}", cx.comparison.elapsed.as_secs_f64() * 1000.0);
        ui.label(
            RichText::new(tr!(
                "gui-status-solved",
                n = cx.doc.valid.regimes.len(),
                ms = ms
            ))
            .weak(),
        );
        ui.separator();
        if cx.jobs.compare.is_running() {
            ui.spinner();
            ui.label(tr!("gui-status-updating"));
            ui.separator();
        }
        if cx.jobs.report.is_running() {
            ui.spinner();
            ui.label(tr!("gui-status-writing-report"));
            ui.separator();
        }
        ui.label(cx.status);
    });
}
