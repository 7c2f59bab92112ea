//! Joint groups: the list with their limits, and a new group put together.

use egui::{RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::{Edit, group_problem};
use permitflow_i18n::tr;
use permitflow_model::{GroupId, ItemId, Measure};

use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{self, RED, TapLabel, days_drag, half_days};

/// The joint groups with their own limit (or the longest member's) and a Remove button.
pub fn list(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let groups = &doc.draft.joint_groups;
    if groups.is_empty() {
        ui.label(RichText::new(tr!("gui-no-groups")).weak());
    }
    let mut edits = Vec::new();
    // Own limit, its value and Remove take about 220 points: names are truncated (a fixed width:
    // one taken from the panel would feed back into its width), so the list never widens it.
    let name_width = 190.0;
    egui::Grid::new("groups")
        .striped(true)
        .num_columns(4)
        .max_col_width(name_width)
        .show(ui, |ui| {
            for g in groups {
                let members: Vec<String> = g
                    .items
                    .iter()
                    .map(|i| match doc.draft.item(i) {
                        Some(it) => format!("{} ({i})", it.name),
                        None => i.to_string(),
                    })
                    .collect();
                ui.add(egui::Label::new(&g.name).truncate())
                    .on_hover_text(tr!(
                        "gui-group-tip",
                        name = &g.name,
                        id = g.id.as_str(),
                        members = members.join("\n")
                    ));
                let mut own = g.days.is_some();
                let r = ui.checkbox(&mut own, tr!("gui-own-limit"));
                let label = tr!("gui-own-limit-of-group", id = g.id.as_str());
                r.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, own, &label));
                if r.changed() {
                    let longest = g
                        .items
                        .iter()
                        .filter_map(|i| doc.draft.item(i))
                        .map(|i| i.days.value.get())
                        .fold(0.0, f64::max);
                    let days = own.then_some(longest);
                    edits.push((
                        Edit::GroupDays {
                            group: g.id.clone(),
                            days,
                        },
                        false,
                    ));
                }
                if let Some(d) = &g.days {
                    let mut v = d.value.get();
                    let r = ui.add(days_drag(&mut v, 0.0));
                    r.widget_info(|| {
                        WidgetInfo::drag_value(true, v)
                            .tap_label(tr!("gui-limit-of-group", id = g.id.as_str()))
                    });
                    if r.changed() {
                        let v = if r.dragged() { half_days(v) } else { v };
                        let edit = Edit::GroupDays {
                            group: g.id.clone(),
                            days: Some(v),
                        };
                        edits.push((edit, r.dragged() && !r.drag_started()));
                    }
                } else {
                    ui.label(RichText::new(tr!("gui-longest-member")).weak());
                }
                if ui
                    .small_button(tr!("gui-remove"))
                    .on_hover_text(tr!("gui-remove-group-tip"))
                    .clicked()
                {
                    edits.push((
                        Edit::RemoveGroup {
                            group: g.id.clone(),
                        },
                        false,
                    ));
                }
                ui.end_row();
            }
        });
    for (e, c) in edits {
        cx.push(Command::Edit(e, c));
    }
}

/// The joint group being put together: a stage, two or more of its items that are in no group
/// yet, an id (typed or generated) and optionally the group's own limit.
#[derive(Debug)]
pub struct NewGroup {
    stage: String,
    items: Vec<ItemId>,
    /// Empty: generated.
    id: String,
    own: bool,
    days: f64,
}

impl Default for NewGroup {
    fn default() -> Self {
        Self {
            stage: String::new(),
            items: Vec::new(),
            id: String::new(),
            own: false,
            days: 5.0,
        }
    }
}

impl NewGroup {
    /// Draws the form that creates a joint group.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let doc = cx.doc;
        let s = &doc.draft;
        ui.label(RichText::new(tr!("gui-new-group")).strong());
        if !s.stages.iter().any(|st| st.id.as_str() == self.stage)
            && let Some(first) = s.stages.first()
        {
            self.stage = first.id.to_string();
            self.items.clear();
        }
        self.stage_choice(ui, cx);
        ui.label(RichText::new(tr!("gui-new-group-items")).weak());
        self.members(ui, cx);
        // The id: typed, or the first free `joint_N`.
        let generated = (1..)
            .map(|n| format!("joint_{n}"))
            .find(|id| {
                !s.joint_groups.iter().any(|g| g.id.as_str() == id)
                    && !s.items.iter().any(|i| i.id.as_str() == id)
            })
            .unwrap_or_default();
        ui.horizontal(|ui| self.id_and_limit(ui, &generated));
        let id = if self.id.trim().is_empty() {
            generated
        } else {
            self.id.trim().to_owned()
        };
        let problem = group_problem(s, &id, &self.items);
        let mut create = false;
        ui.horizontal_wrapped(|ui| {
            create = ui
                .add_enabled(
                    problem.is_none(),
                    egui::Button::new(tr!("gui-create-group")),
                )
                .clicked();
            match &problem {
                Some(p) => ui.label(RichText::new(p).color(RED)),
                None => ui.label(
                    RichText::new(tr!("gui-new-group-count", id = &id, n = self.items.len()))
                        .weak(),
                ),
            };
        });
        let listed: Vec<String> = s
            .measures
            .iter()
            .filter(|m| matches!(&m.measure, Measure::JointReview { groups: Some(_) }))
            .map(|m| m.id.to_string())
            .collect();
        if !listed.is_empty() {
            ui.label(RichText::new(tr!("gui-groups-listed", measures = listed.join(", "))).weak());
        }
        if create && problem.is_none() {
            let edit = Edit::AddGroup {
                id: GroupId::new(&id),
                items: std::mem::take(&mut self.items),
                days: self.own.then_some(self.days),
            };
            self.id.clear();
            cx.push(Command::Edit(edit, false));
        }
    }

    fn stage_choice(&mut self, ui: &mut Ui, cx: &Ctx<'_>) {
        let stages = &cx.doc.draft.stages;
        let stage_name = stages
            .iter()
            .find(|st| st.id.as_str() == self.stage)
            .map(|st| st.name.as_str())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            let l = ui.label(tr!("gui-stage"));
            let before = self.stage.clone();
            egui::ComboBox::from_id_salt("group-stage")
                .width(260.0)
                .truncate()
                .selected_text(stage_name)
                .show_ui(ui, |ui| {
                    for st in stages {
                        ui.selectable_value(&mut self.stage, st.id.to_string(), &st.name);
                    }
                })
                .response
                .labelled_by(l.id)
                .widget_info(|| {
                    WidgetInfo::labeled(Role::ComboBox, true, tr!("gui-new-group-stage"))
                });
            if self.stage != before {
                self.items.clear();
            }
        });
    }

    fn members(&mut self, ui: &mut Ui, cx: &Ctx<'_>) {
        let s = &cx.doc.draft;
        let candidates = s.items.iter().filter(|it| it.stage.as_str() == self.stage);
        egui::Grid::new("group-members")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                for (n, it) in candidates.enumerate() {
                    let label = tr!("gui-add-to-new-group", id = it.id.as_str());
                    widgets::member_checkbox(ui, s, it, &mut self.items, &label);
                    if n % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
    }

    fn id_and_limit(&mut self, ui: &mut Ui, generated: &str) {
        let l = ui.label(tr!("gui-id"));
        ui.add(
            egui::TextEdit::singleline(&mut self.id)
                .hint_text(generated)
                .desired_width(110.0),
        )
        .labelled_by(l.id);
        let own = self.own;
        ui.checkbox(&mut self.own, tr!("gui-own-limit"))
            .on_hover_text(tr!("gui-own-limit-tip"))
            .widget_info(|| {
                WidgetInfo::selected(Role::CheckBox, true, own, tr!("gui-own-limit-new-group"))
            });
        if self.own {
            let r = ui.add(days_drag(&mut self.days, 0.0));
            let days = self.days;
            r.widget_info(|| {
                WidgetInfo::drag_value(true, days).tap_label(tr!("gui-limit-new-group"))
            });
            if r.dragged() {
                self.days = half_days(self.days);
            }
        }
    }
}
