//! The authoring tab: a new scenario from a template, and the scenario's stages, items,
//! departments, regimes, targets and joint groups added, renamed, reordered and removed. It
//! shows the draft (what is being edited, valid or not); every change is an
//! [`Edit`](permitflow_app::edit::Edit) pushed as a command, so it is undoable, and problems show
//! in the problems panel while the last valid schedule stays on the other tabs.

mod attributes;
mod groups;
mod items;
mod link_when;
mod measures;
mod parts;
mod stages;
mod when;

use permitflow_i18n::tr;
use std::collections::HashMap;

use egui::{RichText, Ui, WidgetInfo};
use permitflow_app::edit::{Author as AuthorEdit, Edit, removal_effects};

pub use measures::explain;

use super::Ctx;
use crate::command::{Command, Source};
use crate::widgets::{AMBER, TapLabel};

/// The authoring tab's form state.
#[derive(Debug, Default)]
pub struct Author {
    /// Text being typed into fields that apply on Enter (ids, predecessors, numbers), by field.
    typing: HashMap<String, String>,
    /// A removal waiting for confirmation, with what it takes along.
    pending: Option<(Edit, Vec<String>)>,
    /// The items filter and the page of items shown.
    item_filter: String,
    item_page: usize,
    stage: stages::NewStage,
    attribute: attributes::NewAttribute,
    item: items::NewItem,
    regime: parts::NewRegime,
    target: parts::NewTarget,
    group: groups::NewGroup,
}

impl Author {
    /// Draws the tab.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("gui-author-new")).strong());
            if ui
                .button(tr!("gui-author-four-stages"))
                .on_hover_text(tr!("gui-author-four-stages.tip"))
                .clicked()
            {
                cx.push(Command::Open(Source::New { four_stages: true }));
            }
            if ui
                .button(tr!("gui-author-empty"))
                .on_hover_text(tr!("gui-author-empty.tip"))
                .clicked()
            {
                cx.push(Command::Open(Source::New { four_stages: false }));
            }
            ui.separator();
            let mut name = cx.doc.draft.name.clone();
            ui.label(tr!("gui-author-title"));
            let r = ui.add(egui::TextEdit::singleline(&mut name).desired_width(320.0));
            r.widget_info(|| {
                WidgetInfo::text_edit(true, "", &name, "").tap_label(tr!("gui-author-title.label"))
            });
            if r.changed() {
                cx.push(Command::Edit(
                    Edit::Author(AuthorEdit::ScenarioName(name)),
                    true,
                ));
            }
            if cx.doc.read_only {
                ui.label(RichText::new(tr!("gui-author-read-only")).color(AMBER));
            }
        });
        ui.label(RichText::new(tr!("gui-author-note")).weak());
        ui.separator();
        egui::ScrollArea::both()
            .id_salt("author-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let declared = cx.doc.draft.rules.attributes.len();
                egui::CollapsingHeader::new(
                    RichText::new(tr!("gui-author-attributes", n = declared)).strong(),
                )
                .id_salt("author-attributes")
                .default_open(declared > 0)
                .show(ui, |ui| self.attributes(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-stages")).strong())
                    .default_open(true)
                    .show(ui, |ui| self.stages(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-items")).strong())
                    .default_open(true)
                    .show(ui, |ui| self.items(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-departments")).strong())
                    .default_open(false)
                    .show(ui, |ui| self.departments(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-regimes")).strong())
                    .default_open(true)
                    .show(ui, |ui| self.regimes(ui, cx));
                let conditional = cx.doc.draft.rules.links.len();
                egui::CollapsingHeader::new(
                    RichText::new(tr!("gui-author-link-when", n = conditional)).strong(),
                )
                .id_salt("author-link-when")
                .default_open(conditional > 0)
                .show(ui, |ui| self.link_conditions(ui, cx));
                egui::CollapsingHeader::new(
                    RichText::new(tr!("gui-author-measures", n = cx.doc.draft.measures.len()))
                        .strong(),
                )
                .id_salt("author-measures")
                .default_open(true)
                .show(ui, |ui| self.measures(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-targets")).strong())
                    .default_open(true)
                    .show(ui, |ui| self.targets(ui, cx));
                egui::CollapsingHeader::new(RichText::new(tr!("gui-author-groups")).strong())
                    .default_open(true)
                    .show(ui, |ui| self.groups(ui, cx));
            });
        self.confirm(ui, cx);
    }

    /// Asks before a removal that takes other things with it; removes at once otherwise.
    fn remove(&mut self, cx: &mut Ctx<'_>, edit: AuthorEdit) {
        let effects = removal_effects(&cx.doc.draft, &edit);
        if effects.is_empty() {
            cx.push(Command::Edit(Edit::Author(edit), false));
        } else {
            self.pending = Some((Edit::Author(edit), effects));
        }
    }

    fn confirm(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let Some((edit, effects)) = &self.pending else {
            return;
        };
        let mut close = false;
        egui::Window::new(tr!("gui-remove-confirm"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(edit.describe()).strong());
                ui.label(tr!("gui-remove-also"));
                for e in effects {
                    ui.label(format!("• {e}"));
                }
                ui.horizontal(|ui| {
                    if ui.button(tr!("gui-remove-with")).clicked() {
                        cx.push(Command::Edit(edit.clone(), false));
                        close = true;
                    }
                    if ui.button(tr!("gui-remove-keep")).clicked() {
                        close = true;
                    }
                });
                ui.label(RichText::new(tr!("gui-remove-undo")).weak());
            });
        if close {
            self.pending = None;
        }
    }

    /// A text field that applies on Enter or when it loses the focus: `Some(text)` then, when
    /// the text differs from `current`.
    fn commit_field(
        &mut self,
        ui: &mut Ui,
        key: &str,
        current: &str,
        label: String,
        width: f32,
    ) -> Option<String> {
        let mut text = self
            .typing
            .get(key)
            .cloned()
            .unwrap_or_else(|| current.to_owned());
        // Sized, not only desired: a grid's new column would otherwise start as narrow as it can.
        let r = ui.add_sized(
            [width, 20.0],
            egui::TextEdit::singleline(&mut text).id_salt(key),
        );
        r.widget_info(|| WidgetInfo::text_edit(true, current, &text, "").tap_label(label.clone()));
        if r.has_focus() {
            self.typing.insert(key.to_owned(), text.clone());
        }
        if r.lost_focus() {
            self.typing.remove(key);
            if text.trim() != current {
                return Some(text.trim().to_owned());
            }
        }
        None
    }
}

/// A text field that applies every keystroke (names, departments): `Some(text)` when changed.
fn live_field(ui: &mut Ui, salt: &str, current: &str, label: String, width: f32) -> Option<String> {
    let mut text = current.to_owned();
    let r = ui.add_sized(
        [width, 20.0],
        egui::TextEdit::singleline(&mut text).id_salt(salt),
    );
    r.widget_info(|| WidgetInfo::text_edit(true, current, &text, "").tap_label(label.clone()));
    r.changed().then_some(text)
}

/// A small button with an accessible label and a tooltip.
fn small(ui: &mut Ui, text: &str, label: String) -> bool {
    small_if(ui, true, text, label)
}

/// A small button, greyed out unless `enabled` (so the buttons of every row line up).
fn small_if(ui: &mut Ui, enabled: bool, text: &str, label: String) -> bool {
    let r = ui.add_enabled(enabled, egui::Button::new(text).small());
    r.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    r.on_hover_text(label).clicked()
}

/// An optional number typed as text: empty for none.
fn parse_optional(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>()
        .map(Some)
        .map_err(|_| tr!("gui-not-a-number", text = t))
}

/// A number shown in a field: `5`, `0.5`, empty for none.
fn number_text(v: Option<f64>) -> String {
    v.map(|v| permitflow_model::WorkingDays::new(v).to_string())
        .unwrap_or_default()
}
