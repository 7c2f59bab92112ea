//! The what-if panel: the application date, reform measures per regime, time limits, joint
//! groups and links. Every change is an [`Edit`](permitflow_app::edit::Edit) pushed as a command.

mod groups;
mod limits;
mod links;
mod measures;

use egui::{RichText, Ui};
use permitflow_app::edit::Edit;
use permitflow_i18n::tr;

use super::Ctx;
use crate::command::Command;
use crate::glossary::Term;

/// The what-if panel's form state.
#[derive(Debug, Default)]
pub struct WhatIfs {
    /// The application date as typed.
    pub start_text: String,
    /// The time limits' filter and selected item.
    pub limits: limits::Limits,
    groups: groups::NewGroup,
    links: links::NewLink,
}

impl WhatIfs {
    /// Shows the item in the time limits (clearing the filter that could hide it).
    pub fn show_item(&mut self, id: String) {
        self.limits.item_filter.clear();
        self.limits.selected = Some(id);
    }

    /// After the document changed (opened, undone, …): the fields show its values.
    pub fn reset(&mut self, doc: &permitflow_app::edit::Document, opened: bool) {
        self.start_text = doc.draft.start.to_string();
        if opened {
            self.limits.selected = None;
        }
    }

    /// Draws the what-if panel (date, measures, limits, groups, links).
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.add_space(4.0);
        ui.heading(tr!("gui-what-ifs"));
        ui.label(RichText::new(&cx.doc.draft.name).strong());
        ui.horizontal(|ui| self.start_date(ui, cx));
        ui.separator();
        // Sideways in a narrow panel (four regimes' names in Chinese are wider than it).
        egui::ScrollArea::horizontal()
            .id_salt("measures-scroll")
            .show(ui, |ui| measures::ui(ui, cx));
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("what-if-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.limits.ui(ui, cx);
                ui.add_space(6.0);
                egui::CollapsingHeader::new(tr!(
                    "gui-joint-groups-count",
                    n = cx.doc.draft.joint_groups.len()
                ))
                .id_salt("joint-groups")
                .default_open(false)
                .show(ui, |ui| {
                    groups::list(ui, cx);
                    ui.add_space(6.0);
                    self.groups.ui(ui, cx);
                })
                .header_response
                .on_hover_text(Term::JointGroup.explain());
                egui::CollapsingHeader::new(tr!("gui-links-count", n = cx.doc.draft.links.len()))
                    .id_salt("links")
                    .default_open(false)
                    .show(ui, |ui| {
                        self.links.ui(ui, cx);
                        links::list(ui, cx);
                    })
                    .header_response
                    .on_hover_text(Term::Link.explain());
            });
    }

    fn start_date(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let l = ui.label(tr!("gui-application-date"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut self.start_text).desired_width(90.0))
            .labelled_by(l.id);
        if r.lost_focus() {
            match chrono::NaiveDate::parse_from_str(self.start_text.trim(), "%Y-%m-%d") {
                Ok(d) if d != cx.doc.draft.start => cx.push(Command::Edit(Edit::Start(d), false)),
                Ok(_) => {}
                Err(_) => {
                    cx.push(Command::Status(tr!(
                        "gui-not-a-date",
                        text = self.start_text.trim()
                    )));
                    self.start_text = cx.doc.draft.start.to_string();
                }
            }
        }
        ui.label(RichText::new(tr!("gui-calendar-name", name = cx.doc.calendar.name())).weak());
    }
}
