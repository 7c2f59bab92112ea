//! The toolbar (open, save, undo, export, report) and the status bar.

use std::path::PathBuf;

use egui::{Align, Key, Layout, RichText, Ui};

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
            ui.menu_button("Open", |ui| self.open_menu(ui, cx));
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.open_text)
                    .hint_text(
                        "path of a .toml, .json, .csv or .xlsx file (or drop a file on the window)",
                    )
                    .desired_width(330.0),
            );
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button("Open file").clicked() || enter) && !self.open_text.trim().is_empty() {
                let p = PathBuf::from(self.open_text.trim());
                cx.push(Command::Open(Source::File(p)));
            }
            ui.separator();
            if ui.button("Save").on_hover_text("Ctrl+S").clicked() {
                cx.push(Command::Save);
            }
            if ui.button("Save as…").clicked() {
                cx.push(Command::ShowDialog(Dialog::SaveAs));
            }
            ui.separator();
            let undo = egui::Button::new("Undo");
            if ui
                .add_enabled(cx.doc.can_undo(), undo)
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                cx.push(Command::Undo);
            }
            let redo = egui::Button::new("Redo");
            if ui
                .add_enabled(cx.doc.can_redo(), redo)
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
            {
                cx.push(Command::Redo);
            }
            ui.separator();
            ui.menu_button("Export", |ui| export_menu(ui, cx));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if cx.doc.is_dirty() {
                    ui.label(RichText::new("● unsaved changes").color(AMBER));
                }
                ui.label(RichText::new(&cx.doc.label).weak());
            });
        });
        ui.add_space(3.0);
    }

    fn open_menu(&self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.label("Shipped scenarios");
        if ui
            .button("Default: social-investment housing (built in)")
            .clicked()
        {
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
            ui.label("Recent files");
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
        ("Charts of this tab (SVG or PNG)…", "", Dialog::ExportCharts),
        (
            "Export schedule…",
            "one regime's schedule as MS Project XML (MSPDI), CSV or JSON",
            Dialog::ExportSchedule,
        ),
        (
            "Write report (HTML)…",
            "one self-contained page: the comparison, charts, critical paths, simulation and planner",
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

/// The status bar: how long the schedules took, what runs, the last message.
pub fn status_bar(ui: &mut Ui, cx: &Ctx<'_>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} regimes solved and drawn in {:.1} ms",
                cx.doc.valid.regimes.len(),
                cx.comparison.elapsed.as_secs_f64() * 1000.0
            ))
            .weak(),
        );
        ui.separator();
        if cx.jobs.compare.is_running() {
            ui.spinner();
            ui.label("updating the schedules…");
            ui.separator();
        }
        if cx.jobs.report.is_running() {
            ui.spinner();
            ui.label("writing the report…");
            ui.separator();
        }
        ui.label(cx.status);
    });
}
