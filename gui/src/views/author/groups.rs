//! Joint groups in the authoring tab: each group's names in both languages, its members (one
//! taken out, one added from the items of its stage), its own limit, and the group removed
//! with the measures and regimes that name it shown first; and a new group put together.

use egui::{RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::{
    Author as AuthorEdit, Edit, group_names, group_problem, group_removal_effects, removal_effects,
};
use permitflow_i18n::{Lang, tr};
use permitflow_model::{Draft, GroupId, ItemId, JointGroup};

use super::{Author, live_field, small};
use crate::command::Command;
use crate::glossary::{self, Term};
use crate::views::Ctx;
use crate::widgets::{self, RED, TapLabel, days_drag, half_days};

/// The fields of a joint group being put together.
#[derive(Debug)]
pub(super) struct NewGroup {
    stage: String,
    items: Vec<ItemId>,
    /// Empty: generated.
    id: String,
    zh: String,
    en: String,
    own: bool,
    days: f64,
}

impl Default for NewGroup {
    fn default() -> Self {
        Self {
            stage: String::new(),
            items: Vec::new(),
            id: String::new(),
            zh: String::new(),
            en: String::new(),
            own: false,
            days: 5.0,
        }
    }
}

/// An item's name, its id after it when they differ.
fn item_name(s: &Draft, id: &ItemId) -> String {
    match s.item(id) {
        Some(it) if it.name != id.as_str() => it.name.clone(),
        _ => id.to_string(),
    }
}

impl Author {
    /// The joint groups, one row each, then the form that creates one.
    pub(super) fn groups(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        glossary::term(
            ui,
            Term::JointGroup,
            RichText::new(tr!("gui-groups-note")).weak(),
        );
        let s = &cx.doc.draft;
        let mut edits: Vec<(Edit, bool)> = Vec::new();
        let mut removal: Option<Edit> = None;
        egui::Grid::new("author-groups")
            .striped(true)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.strong(tr!("gui-id"));
                ui.strong(tr!("gui-author-name-zh"));
                ui.strong(tr!("gui-author-name-en"));
                ui.strong(tr!("gui-groups-col-members"));
                glossary::heading(ui, Term::Limit, tr!("gui-author-group-limit"));
                ui.label("");
                ui.end_row();
                for g in &s.joint_groups {
                    self.group_row(ui, s, g, &mut edits, &mut removal);
                    ui.end_row();
                }
            });
        for (e, c) in edits {
            cx.push(Command::Edit(e, c));
        }
        if let Some(e) = removal {
            self.confirm_or_apply(cx, e);
        }
        ui.add_space(8.0);
        let mut form = std::mem::take(&mut self.group);
        form.ui(ui, cx);
        self.group = form;
    }

    fn group_row(
        &mut self,
        ui: &mut Ui,
        s: &Draft,
        g: &JointGroup,
        edits: &mut Vec<(Edit, bool)>,
        removal: &mut Option<Edit>,
    ) {
        let id = g.id.as_str();
        ui.label(id);
        let (zh, en) = group_names(s, g);
        for (lang, now, label) in [
            (Lang::ZhCn, zh, tr!("gui-group-name-zh-of", id = id)),
            (Lang::En, en, tr!("gui-group-name-en-of", id = id)),
        ] {
            let salt = format!("group-name:{id}:{lang:?}");
            if let Some(name) = live_field(ui, &salt, &now, label, 130.0) {
                let edit = AuthorEdit::GroupNameIn {
                    group: g.id.clone(),
                    lang,
                    name,
                };
                edits.push((Edit::Author(edit), true));
            }
        }
        ui.vertical(|ui| {
            for m in &g.items {
                ui.horizontal(|ui| {
                    ui.label(item_name(s, m))
                        .on_hover_text(tr!("gui-id-tip", id = m.as_str()));
                    let label = tr!("gui-group-member-remove", item = m.as_str(), id = id);
                    if small(ui, "×", label) {
                        *removal = Some(Edit::Author(AuthorEdit::GroupMember {
                            group: g.id.clone(),
                            item: m.clone(),
                            on: false,
                        }));
                    }
                });
            }
            if let Some(item) = add_member(ui, s, g) {
                edits.push((
                    Edit::Author(AuthorEdit::GroupMember {
                        group: g.id.clone(),
                        item,
                        on: true,
                    }),
                    false,
                ));
            }
        });
        own_limit(ui, s, g, edits);
        if small(ui, "×", tr!("gui-group-remove", id = id)) {
            *removal = Some(Edit::RemoveGroup {
                group: g.id.clone(),
            });
        }
    }

    /// Applies a removal at once when it takes nothing along; asks first otherwise.
    fn confirm_or_apply(&mut self, cx: &mut Ctx<'_>, edit: Edit) {
        let effects = match &edit {
            Edit::RemoveGroup { group } => group_removal_effects(&cx.doc.draft, group),
            Edit::Author(a) => removal_effects(&cx.doc.draft, a),
            _ => Vec::new(),
        };
        if effects.is_empty() {
            cx.push(Command::Edit(edit, false));
        } else {
            self.pending = Some((edit, effects));
        }
    }
}

/// A chooser of an item of the group's stage that is in no group; the one picked.
fn add_member(ui: &mut Ui, s: &Draft, g: &JointGroup) -> Option<ItemId> {
    let stage = g.items.first().and_then(|i| s.item(i)).map(|i| &i.stage)?;
    let free: Vec<&permitflow_model::Item> = s
        .items
        .iter()
        .filter(|i| &i.stage == stage && !s.joint_groups.iter().any(|x| x.items.contains(&i.id)))
        .collect();
    if free.is_empty() {
        return None;
    }
    let mut picked = None;
    egui::ComboBox::from_id_salt(("group-add", g.id.as_str()))
        .width(150.0)
        .selected_text(tr!("gui-group-add-member"))
        .show_ui(ui, |ui| {
            for it in free {
                if ui
                    .selectable_label(false, &it.name)
                    .on_hover_text(tr!("gui-id-tip", id = it.id.as_str()))
                    .clicked()
                {
                    picked = Some(it.id.clone());
                }
            }
        })
        .response
        .widget_info(|| {
            WidgetInfo::labeled(
                Role::ComboBox,
                true,
                tr!("gui-group-add-member-to", id = g.id.as_str()),
            )
        });
    picked
}

/// The group's own limit (a checkbox, then the days) or the longest member's.
fn own_limit(ui: &mut Ui, s: &Draft, g: &JointGroup, edits: &mut Vec<(Edit, bool)>) {
    ui.horizontal(|ui| {
        let mut own = g.days.is_some();
        let label = tr!("gui-own-limit-of-group", id = g.id.as_str());
        let r = ui.checkbox(&mut own, "");
        r.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, own, &label));
        let r = r.on_hover_text(tr!("gui-own-limit-tip"));
        if r.changed() {
            let longest = g
                .items
                .iter()
                .filter_map(|i| s.item(i))
                .map(|i| i.days.value.get())
                .fold(0.0, f64::max);
            edits.push((
                Edit::GroupDays {
                    group: g.id.clone(),
                    days: own.then_some(longest),
                },
                false,
            ));
        }
        match &g.days {
            Some(d) => {
                let mut v = d.value.get();
                let r = ui.add(days_drag(&mut v, 0.0).suffix(format!(" {}", tr!("gui-unit-wd"))));
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
            }
            None => {
                ui.label(RichText::new(tr!("gui-longest-member")).weak());
            }
        }
    });
}

impl NewGroup {
    /// The form: a stage, two or more of its free items, an id, the two names and
    /// optionally the group's own limit; Create when the group can be made.
    fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let s = &cx.doc.draft;
        ui.label(RichText::new(tr!("gui-new-group")).strong());
        if !s.stages.iter().any(|st| st.id.as_str() == self.stage)
            && let Some(first) = s.stages.first()
        {
            self.stage = first.id.to_string();
            self.items.clear();
        }
        ui.horizontal(|ui| {
            let l = ui.label(tr!("gui-stage"));
            let before = self.stage.clone();
            let shown = s
                .stages
                .iter()
                .find(|st| st.id.as_str() == self.stage)
                .map(|st| st.name.clone())
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("author-group-stage")
                .width(260.0)
                .truncate()
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for st in &s.stages {
                        ui.selectable_value(&mut self.stage, st.id.to_string(), &st.name);
                    }
                })
                .response
                .labelled_by(l.id)
                .widget_info(|| {
                    WidgetInfo::labeled(Role::ComboBox, true, tr!("gui-author-group-stage"))
                });
            if self.stage != before {
                self.items.clear();
            }
        });
        // Wrapped at the visible width: the tab scrolls sideways, so its own width has no end.
        let visible = (ui.clip_rect().right() - ui.cursor().left()).max(200.0);
        ui.allocate_ui(egui::vec2(visible, 0.0), |ui| {
            ui.set_max_width(visible);
            ui.horizontal_wrapped(|ui| self.pick(ui, s));
        });
        let generated = (1..)
            .map(|n| format!("joint_{n}"))
            .find(|id| {
                !s.joint_groups.iter().any(|g| g.id.as_str() == id)
                    && !s.items.iter().any(|i| i.id.as_str() == id)
            })
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| self.fields(ui, &generated));
        let id = match self.id.trim() {
            "" => generated,
            typed => typed.to_owned(),
        };
        let problem = group_problem(s, &id, &self.items);
        let mut create = false;
        ui.horizontal(|ui| {
            let b = egui::Button::new(tr!("gui-create-group"));
            let r = ui.add_enabled(problem.is_none(), b);
            r.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Button,
                    problem.is_none(),
                    tr!("gui-author-group-create"),
                )
            });
            create = r.clicked();
            if problem.is_none() {
                let n = self.items.len();
                ui.label(RichText::new(tr!("gui-new-group-count", id = &id, n = n)).weak());
            }
        });
        // Why not, on its own lines, wrapped at a width a person reads (the tab scrolls sideways).
        if let Some(p) = &problem {
            ui.allocate_ui(egui::vec2(visible.min(720.0), 0.0), |ui| {
                ui.add(egui::Label::new(RichText::new(p).color(RED)).wrap());
            });
        }
        if create && problem.is_none() {
            let group = GroupId::new(&id);
            let mut edits = vec![Edit::AddGroup {
                id: group.clone(),
                items: std::mem::take(&mut self.items),
                days: self.own.then_some(self.days),
            }];
            for (lang, name) in [(Lang::ZhCn, &self.zh), (Lang::En, &self.en)] {
                if !name.trim().is_empty() {
                    edits.push(Edit::Author(AuthorEdit::GroupNameIn {
                        group: group.clone(),
                        lang,
                        name: name.trim().to_owned(),
                    }));
                }
            }
            *self = Self {
                stage: std::mem::take(&mut self.stage),
                ..Self::default()
            };
            cx.push(Command::Edit(Edit::Batch(edits), false));
        }
    }

    /// The stage's items as checkboxes (those already in a group greyed out).
    fn pick(&mut self, ui: &mut Ui, s: &Draft) {
        for it in s.items.iter().filter(|it| it.stage.as_str() == self.stage) {
            let label = tr!("gui-author-group-pick", id = it.id.as_str());
            widgets::member_checkbox(ui, s, it, &mut self.items, &label);
        }
    }

    fn fields(&mut self, ui: &mut Ui, generated: &str) {
        for (text, hint, key, width) in [
            (
                &mut self.id,
                generated.to_owned(),
                tr!("gui-author-group-id"),
                110.0,
            ),
            (
                &mut self.zh,
                tr!("gui-author-name-zh"),
                tr!("gui-author-group-zh"),
                150.0,
            ),
            (
                &mut self.en,
                tr!("gui-author-name-en"),
                tr!("gui-author-group-en"),
                150.0,
            ),
        ] {
            let r = ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(width),
            );
            let now = text.clone();
            r.widget_info(|| WidgetInfo::text_edit(true, "", &now, "").tap_label(key.clone()));
        }
        let own = self.own;
        ui.checkbox(&mut self.own, tr!("gui-own-limit"))
            .on_hover_text(tr!("gui-own-limit-tip"))
            .widget_info(|| {
                WidgetInfo::selected(Role::CheckBox, true, own, tr!("gui-author-group-own"))
            });
        if self.own {
            let r =
                ui.add(days_drag(&mut self.days, 0.0).suffix(format!(" {}", tr!("gui-unit-wd"))));
            let days = self.days;
            r.widget_info(|| {
                WidgetInfo::drag_value(true, days).tap_label(tr!("gui-author-group-days"))
            });
            if r.dragged() {
                self.days = half_days(self.days);
            }
        }
    }
}
