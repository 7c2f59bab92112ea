//! The calendar banner above the tabs: shown when the schedules' dates touch a year whose
//! holidays are provisional or unknown (the warning, in amber), or when a calendar file is in
//! use; with a field to load a holiday-cn file (next year's official holidays) or forget it.

use std::path::PathBuf;

use egui::{RichText, Ui};
use permitflow_i18n::tr;

use super::Ctx;
use crate::command::{Command, Dialog, PickFor};
use crate::widgets::AMBER;

/// The banner's path field.
#[derive(Debug, Default)]
pub struct CalendarBanner {
    /// The holiday file's path, as typed.
    pub path_text: String,
}

impl CalendarBanner {
    /// Draws the banner when there is something to say; nothing otherwise.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx) {
        let warnings = &cx.comparison.table.warnings;
        let in_use = cx.settings.calendar_file.clone();
        if warnings.is_empty() && in_use.is_empty() {
            return;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            for w in warnings {
                ui.label(RichText::new(w.to_string()).color(AMBER).strong());
            }
            ui.horizontal(|ui| {
                if !in_use.is_empty() {
                    ui.label(tr!("gui-calendar-file-in-use", file = &in_use));
                    if ui.button(tr!("gui-calendar-forget")).clicked() {
                        cx.push(Command::UseCalendar(None));
                    }
                }
                ui.label(tr!("gui-calendar-holiday-file"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.path_text)
                        .hint_text(tr!("gui-calendar-hint"))
                        .desired_width(260.0),
                );
                if ui
                    .button(tr!("gui-browse"))
                    .on_hover_text(tr!("gui-browse.tip"))
                    .clicked()
                {
                    cx.push(Command::ShowDialog(Dialog::Pick(PickFor::Calendar)));
                }
                let path = self.path_text.trim();
                if ui
                    .add_enabled(!path.is_empty(), egui::Button::new(tr!("gui-calendar-use")))
                    .clicked()
                {
                    cx.push(Command::UseCalendar(Some(PathBuf::from(path))));
                }
            });
        });
        ui.add_space(4.0);
    }
}
