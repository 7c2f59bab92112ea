//! Links between items: a new link put together, and the list with kind, lag and its unit
//! (working or calendar days), and remove.

use egui::{RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::{Edit, kind_meaning};
use permitflow_i18n::tr;
use permitflow_model::{DayUnit, ItemId, LinkKind};

use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{TapLabel, half_days, kind_choice, lag_drag, unit_choice};

/// The link being put together.
#[derive(Debug)]
pub struct NewLink {
    from: String,
    to: String,
    kind: LinkKind,
    lag: f64,
    unit: DayUnit,
}

impl Default for NewLink {
    fn default() -> Self {
        Self {
            from: String::new(),
            to: String::new(),
            kind: LinkKind::FinishToStart,
            lag: 0.0,
            unit: DayUnit::Working,
        }
    }
}

impl NewLink {
    /// Draws the form that adds a link between two items.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let ids: Vec<(String, String)> = cx
            .doc
            .draft
            .items
            .iter()
            .map(|i| (i.id.to_string(), i.name.clone()))
            .collect();
        ui.horizontal(|ui| {
            item_choice(ui, "link-from", &tr!("gui-link-from"), &mut self.from, &ids);
            ui.label("→");
            item_choice(ui, "link-to", &tr!("gui-link-to"), &mut self.to, &ids);
        });
        ui.horizontal(|ui| {
            kind_choice(
                ui,
                "link-kind-new",
                &mut self.kind,
                &tr!("gui-new-link-kind"),
            );
            let l = ui.label(tr!("gui-lag"));
            let r = ui
                .add(lag_drag(&mut self.lag))
                .labelled_by(l.id)
                .on_hover_text(tr!("gui-lag-tip"));
            let lag = self.lag;
            r.widget_info(|| WidgetInfo::drag_value(true, lag).tap_label(tr!("gui-new-link-lag")));
            if r.dragged() {
                self.lag = half_days(self.lag);
            }
            unit_choice(
                ui,
                "link-unit-new",
                &mut self.unit,
                &tr!("gui-new-link-lag-unit"),
            );
            let ready = !self.from.is_empty() && !self.to.is_empty() && self.from != self.to;
            if ui
                .add_enabled(ready, egui::Button::new(tr!("gui-add-link")))
                .on_disabled_hover_text(tr!("gui-add-link-disabled"))
                .clicked()
            {
                let edit = Edit::AddLink {
                    from: ItemId::new(&self.from),
                    to: ItemId::new(&self.to),
                    kind: self.kind,
                    lag: self.lag,
                    lag_unit: self.unit,
                };
                cx.push(Command::Edit(edit, false));
            }
        });
        ui.label(RichText::new(kind_meaning(self.kind)).weak());
    }
}

/// Chooses an item by its name (the id on hover); `value` is the id.
fn item_choice(ui: &mut Ui, salt: &str, name: &str, value: &mut String, ids: &[(String, String)]) {
    let shown = if value.is_empty() {
        tr!("gui-choose-item")
    } else {
        ids.iter()
            .find(|(id, _)| id == value)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| value.clone())
    };
    egui::ComboBox::from_id_salt(salt)
        .width(170.0)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (id, item) in ids {
                let r = ui.selectable_value(value, id.clone(), item);
                r.widget_info(|| WidgetInfo::selected(Role::Button, true, value == id, id));
                r.on_hover_text(tr!("gui-id-tip", id = id.as_str()));
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, name));
}

/// The links with their kind, lag, maximum lag and a remove button.
pub fn list(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let names = crate::widgets::names(&doc.draft);
    let mut edits: Vec<(Edit, bool)> = Vec::new();
    let mut end_drag = false;
    // The kind, lag, its unit, maximum lag and remove button take about 250 points: the names are
    // truncated to a fixed width (not one taken from the panel, which would feed back into it).
    let name_width = 220.0;
    egui::Grid::new("links")
        .striped(true)
        .num_columns(6)
        .spacing([8.0, 4.0])
        .max_col_width(name_width)
        .show(ui, |ui| {
            for (k, l) in doc.draft.links.iter().enumerate() {
                // Names shown, ids on hover and in the accessible labels.
                let name = format!("{} → {}", l.from, l.to);
                let (from, to) = (l.from.as_str(), l.to.as_str());
                let shown = format!(
                    "{} → {}",
                    names.get(from).unwrap_or(&from),
                    names.get(to).unwrap_or(&to)
                );
                ui.add(egui::Label::new(&shown).truncate())
                    .on_hover_text(tr!("gui-link-tip", shown = &shown, ids = &name));
                let mut kind = l.kind;
                let accessible = tr!("gui-link-kind-of", link = &name);
                if kind_choice(ui, ("link-kind", k), &mut kind, &accessible) && kind != l.kind {
                    edits.push((Edit::LinkKind { index: k, kind }, false));
                }
                let mut lag = l.lag.get();
                let r = ui
                    .add(lag_drag(&mut lag))
                    .on_hover_text(tr!("gui-link-lag-tip"));
                r.widget_info(|| {
                    WidgetInfo::drag_value(true, lag)
                        .tap_label(tr!("gui-link-lag-of", link = &name))
                });
                if r.changed() {
                    let lag = if r.dragged() { half_days(lag) } else { lag };
                    if lag != l.lag.get() {
                        let continuing = r.dragged() && !r.drag_started();
                        edits.push((Edit::LinkLag { index: k, lag }, continuing));
                    }
                }
                if r.drag_stopped() {
                    end_drag = true;
                }
                let mut unit = l.lag_unit;
                let label = tr!("gui-link-lag-unit-of", link = &name);
                if unit_choice(ui, ("link-unit", k), &mut unit, &label) {
                    edits.push((Edit::LinkLagUnit { index: k, unit }, false));
                }
                if let Some(m) = l.max_lag {
                    ui.label(RichText::new(format!("≤ {m}")).weak())
                        .on_hover_text(tr!("gui-link-max-lag-tip"));
                } else {
                    ui.label("");
                }
                let r = ui
                    .small_button("×")
                    .on_hover_text(tr!("gui-link-remove-tip"));
                let remove = tr!("gui-link-remove-of", link = &name);
                r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &remove));
                if r.clicked() {
                    edits.push((Edit::RemoveLink { index: k }, false));
                }
                ui.end_row();
            }
        });
    for (e, c) in edits {
        cx.push(Command::Edit(e, c));
    }
    if end_drag {
        cx.push(Command::EndDrag);
    }
}
