//! The stages table of the authoring tab: id, name, lead department; moved, renamed, removed;
//! a row to add one.

use egui::{RichText, Ui};
use permitflow_app::edit::{Author as AuthorEdit, Edit};
use permitflow_i18n::tr;
use permitflow_model::StageId;

use super::{Author, live_field, small, small_if};
use crate::command::Command;
use crate::views::Ctx;

/// The fields of a new stage.
#[derive(Debug, Default)]
pub(super) struct NewStage {
    id: String,
    lead: String,
}

impl Author {
    pub(super) fn stages(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let doc = cx.doc;
        let mut edits = Vec::new();
        let mut remove = None;
        egui::Grid::new("author-stages")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                let heads = [
                    String::new(),
                    tr!("gui-author-col-id"),
                    tr!("gui-author-col-name"),
                    tr!("gui-author-col-lead"),
                    tr!("gui-author-items"),
                    String::new(),
                ];
                for h in heads {
                    ui.strong(h);
                }
                ui.end_row();
                let n = doc.draft.stages.len();
                for (k, st) in doc.draft.stages.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if small_if(ui, k > 0, "↑", tr!("gui-stage-up", id = st.id.as_str())) {
                            edits.push(AuthorEdit::MoveStage {
                                stage: st.id.clone(),
                                up: true,
                            });
                        }
                        if small_if(
                            ui,
                            k + 1 < n,
                            "↓",
                            tr!("gui-stage-down", id = st.id.as_str()),
                        ) {
                            edits.push(AuthorEdit::MoveStage {
                                stage: st.id.clone(),
                                up: false,
                            });
                        }
                    });
                    let key = format!("stage-id:{}", st.id);
                    if let Some(to) = self.commit_field(
                        ui,
                        &key,
                        st.id.as_str(),
                        tr!("gui-stage-id-of", id = st.id.as_str()),
                        110.0,
                    ) {
                        edits.push(AuthorEdit::RenameStage {
                            stage: st.id.clone(),
                            to: StageId::new(to),
                        });
                    }
                    if let Some(name) = live_field(
                        ui,
                        &format!("stage-name:{}", st.id),
                        &st.name,
                        tr!("gui-stage-name-of", id = st.id.as_str()),
                        260.0,
                    ) {
                        edits.push(AuthorEdit::StageName {
                            stage: st.id.clone(),
                            name,
                        });
                    }
                    if let Some(lead) = live_field(
                        ui,
                        &format!("stage-lead:{}", st.id),
                        st.lead.as_str(),
                        tr!("gui-stage-lead-of", id = st.id.as_str()),
                        220.0,
                    ) {
                        edits.push(AuthorEdit::StageLead {
                            stage: st.id.clone(),
                            lead,
                        });
                    }
                    let count = doc.draft.items.iter().filter(|i| i.stage == st.id).count();
                    ui.label(count.to_string());
                    if small(ui, "×", tr!("gui-stage-remove", id = st.id.as_str())) {
                        remove = Some(AuthorEdit::RemoveStage {
                            stage: st.id.clone(),
                        });
                    }
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            let l = ui.label(tr!("gui-new-stage-id"));
            ui.add(egui::TextEdit::singleline(&mut self.stage.id).desired_width(120.0))
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-new-stage-lead"));
            ui.add(
                egui::TextEdit::singleline(&mut self.stage.lead)
                    .hint_text(tr!("gui-new-stage-lead.hint"))
                    .desired_width(200.0),
            )
            .labelled_by(l.id);
            let id = self.stage.id.trim().to_owned();
            let why = if id.is_empty() {
                Some(tr!("gui-new-stage-type-id"))
            } else if doc.draft.stage_index(&StageId::new(id.as_str())).is_some() {
                Some(tr!("gui-stage-exists", id = id.as_str()))
            } else {
                None
            };
            let add = ui.add_enabled(why.is_none(), egui::Button::new(tr!("gui-add-stage")));
            if let Some(w) = &why {
                ui.label(RichText::new(w).weak());
            }
            if add.clicked() {
                let lead = match self.stage.lead.trim() {
                    "" => tr!("gui-author-col-lead"),
                    l => l.to_owned(),
                };
                // New items go into the stage just added.
                self.item.set_stage(&id);
                edits.push(AuthorEdit::AddStage {
                    id: StageId::new(id.as_str()),
                    name: id,
                    lead,
                });
                self.stage = NewStage::default();
            }
        });
        for e in edits {
            cx.push(Command::Edit(Edit::Author(e), true));
        }
        if let Some(r) = remove {
            self.remove(cx, r);
        }
    }
}
