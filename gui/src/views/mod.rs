//! The views: each draws part of the window from the app's state, keeps its own form state, and
//! pushes [`Command`]s that the app applies after the frame is drawn.

pub mod author;
pub mod browser;
pub mod calendar;
pub mod calibrate;
pub mod centre;
pub mod compare;
pub mod dialogs;
pub mod gantt;
pub mod planner;
pub mod problems;
pub mod simulation;
pub mod toolbar;
pub mod versions;
pub mod what_ifs;

use permitflow_app::edit::Document;

use crate::command::Command;
use crate::compute::Comparison;
use crate::jobs::Jobs;
use crate::settings::Settings;

/// What a view reads, the settings it changes in place, and where it puts what the user asked
/// for.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The scenario being edited.
    pub doc: &'a Document,
    /// The comparison of the current revision (or the last one, while a newer one is solved).
    pub comparison: &'a Comparison,
    /// The settings, changed in place by the views' controls.
    pub settings: &'a mut Settings,
    /// The background work, for its results and whether it runs.
    pub jobs: &'a Jobs,
    /// The status line's message.
    pub status: &'a str,
    /// Where the views put what the user asked for.
    pub commands: &'a mut Vec<Command>,
}

impl Ctx<'_> {
    /// Queues a command, applied after the frame is drawn.
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The names of the valid scenario's regimes.
    pub fn regimes(&self) -> Vec<String> {
        self.doc
            .valid
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .collect()
    }
}

/// The form state of every view.
#[derive(Debug, Default)]
pub struct Views {
    /// The toolbar's open bar.
    pub toolbar: toolbar::Toolbar,
    /// The what-if panel's fields.
    pub what_ifs: what_ifs::WhatIfs,
    /// The approval-centre tab's shipped portfolios.
    pub centre: centre::Centre,
    /// The dialogs' path and format.
    pub dialogs: dialogs::Dialogs,
    /// The calendar banner's path field.
    pub calendar: calendar::CalendarBanner,
    /// The authoring tab's new-entry fields and pending removal.
    pub author: author::Author,
    /// The calibration tab's shipped logs and selected item.
    pub calibrate: calibrate::Calibrate,
    /// The Schedule tab's zoom, scroll, selection, drag and baseline.
    pub gantt: gantt::Gantt,
    /// The versions tab's pins and the two sides compared.
    pub versions: versions::Versions,
}

/// A file's path field with *Browse…* (the file dialog for `pick`) and a menu of the shipped
/// files (`shipped`, chosen into the field), as the Calibrate and Approval centre tabs ask for
/// their log and portfolio. `field` picks the setting the path is kept in.
pub fn path_field(
    ui: &mut egui::Ui,
    cx: &mut Ctx<'_>,
    field: fn(&mut Settings) -> &mut String,
    (label, hint, shipped_title): (String, String, String),
    pick: crate::command::PickFor,
    shipped: &[std::path::PathBuf],
) {
    let l = ui.label(label);
    // Room for Browse… and the shipped files' menu on its right in a narrow window.
    let width = (ui.available_width() - 260.0).clamp(140.0, 330.0);
    ui.add(
        egui::TextEdit::singleline(field(cx.settings))
            .hint_text(hint)
            .desired_width(width),
    )
    .labelled_by(l.id);
    if ui
        .button(permitflow_i18n::tr!("gui-browse"))
        .on_hover_text(permitflow_i18n::tr!("gui-browse.tip"))
        .clicked()
    {
        cx.push(Command::ShowDialog(crate::command::Dialog::Pick(pick)));
    }
    ui.menu_button(shipped_title, |ui| {
        for p in shipped {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            if ui.button(name.unwrap_or_default()).clicked() {
                *field(cx.settings) = p.display().to_string();
                ui.close();
            }
        }
    });
}
