//! The project attributes form of the authoring tab: every attribute the scenario declares
//! (`[project]`, or the names an item list's `when` column uses) with its type, its default and
//! the value in use — a number, a text, or a checkbox for yes/no. Changing a value works the
//! flow out again for that project (like `--attr`: not an edit of the scenario); "make these
//! the defaults", adding, renaming and removing an attribute are undoable edits. Below: the
//! items the values leave out and the resolution's notes.

use egui::{RichText, Ui, WidgetInfo};
use permitflow_app::edit::{Edit, RulesEdit, attribute_problem, attribute_users};
use permitflow_i18n::{Lang, tr};
use permitflow_model::rules::{Attribute, Kind, Value};

use super::{Author, small, small_if};
use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{AMBER, TapLabel};

/// The fields of a new attribute.
#[derive(Debug)]
pub(super) struct NewAttribute {
    name: String,
    kind: Kind,
    default: String,
}

impl Default for NewAttribute {
    fn default() -> Self {
        Self {
            name: String::new(),
            kind: Kind::Number,
            default: String::new(),
        }
    }
}

const KINDS: [Kind; 3] = [Kind::Number, Kind::Text, Kind::YesNo];

/// A value as the form shows it: `500`, `social`, `yes`.
fn value_text(v: &Value) -> String {
    match v {
        Value::Number(n) => permitflow_model::WorkingDays::new(*n).to_string(),
        Value::Text(t) => t.clone(),
        Value::YesNo(b) => {
            if *b {
                tr!("gui-attr-yes")
            } else {
                tr!("gui-attr-no")
            }
        }
    }
}

/// A variant's name for people in the current language, else its id.
fn variant_name(v: &permitflow_model::rules::Variant) -> String {
    let name = match permitflow_i18n::lang() {
        Lang::ZhCn => v.name_zh.as_deref().or(v.name.as_deref()),
        Lang::En => v.name.as_deref().or(v.name_zh.as_deref()),
    };
    match name {
        Some(n) => format!("{n} ({})", v.id),
        None => v.id.clone(),
    }
}

/// The projects of the family (`[[variants]]`): the default one, each variant, and "values of
/// your own" when the values in use are no variant's. Picking one sets every value at once.
fn variant_picker(ui: &mut Ui, doc: &permitflow_app::edit::Document, commands: &mut Vec<Command>) {
    use permitflow_app::edit::Project;
    let variants = &doc.unresolved.rules.variants;
    if variants.is_empty() {
        return;
    }
    let in_use = doc.project_in_use();
    let shown = match in_use {
        Project::Default => tr!("gui-variant-default"),
        Project::Variant(id) => variants
            .iter()
            .find(|v| v.id == id)
            .map_or_else(|| id.to_owned(), variant_name),
        Project::Own => tr!("gui-variant-own"),
    };
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label(tr!("gui-variant-label"))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(in_use == Project::Default, tr!("gui-variant-default"))
                    .clicked()
                {
                    commands.push(Command::UseVariant(None));
                }
                for v in variants {
                    if ui
                        .selectable_label(in_use == Project::Variant(&v.id), variant_name(v))
                        .clicked()
                    {
                        commands.push(Command::UseVariant(Some(v.id.clone())));
                    }
                }
            })
            .response
            .on_hover_text(tr!("gui-variant-label.tip"));
    });
}

/// An attribute's name for people in the current language, when the file gives one.
fn people_name(a: &Attribute) -> Option<&str> {
    match permitflow_i18n::lang() {
        Lang::ZhCn => a.label_zh.as_deref().or(a.label_en.as_deref()),
        Lang::En => a.label_en.as_deref().or(a.label_zh.as_deref()),
    }
}

impl Author {
    pub(super) fn attributes(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let doc = cx.doc;
        let attrs = &doc.draft.rules.attributes;
        let mut commands: Vec<Command> = Vec::new();
        ui.label(RichText::new(tr!("gui-attr-note")).weak());
        variant_picker(ui, doc, &mut commands);
        if attrs.is_empty() {
            ui.label(tr!("gui-attr-none"));
        } else {
            egui::Grid::new("author-attributes")
                .striped(true)
                .num_columns(7)
                .show(ui, |ui| {
                    for h in [
                        "gui-attr-col-name",
                        "gui-attr-col-label",
                        "gui-attr-col-type",
                        "gui-attr-col-default",
                        "gui-attr-col-value",
                    ] {
                        ui.strong(permitflow_i18n::message(h, &[]));
                    }
                    ui.label("");
                    ui.label("");
                    ui.end_row();
                    for a in attrs {
                        self.attribute_row(ui, cx.doc, a, &mut commands);
                        ui.end_row();
                    }
                });
            ui.horizontal_wrapped(|ui| {
                let chosen = attrs.iter().any(|a| doc.is_chosen(&a.name));
                if ui
                    .add_enabled(chosen, egui::Button::new(tr!("gui-attr-reset-all")))
                    .on_hover_text(tr!("gui-attr-reset-all.tip"))
                    .clicked()
                {
                    commands.push(Command::ResetAttributes);
                }
                let differs = attrs
                    .iter()
                    .any(|a| a.default.as_ref() != doc.values.get(&a.name));
                if ui
                    .add_enabled(differs, egui::Button::new(tr!("gui-attr-make-defaults")))
                    .on_hover_text(tr!("gui-attr-make-defaults.tip"))
                    .clicked()
                {
                    let values = doc
                        .values
                        .iter()
                        .map(|(n, v)| (n.clone(), v.clone()))
                        .collect();
                    commands.push(Command::Edit(
                        Edit::Rules(RulesEdit::Defaults(values)),
                        false,
                    ));
                }
            });
        }
        self.new_attribute_row(ui, cx.doc, &mut commands);
        left_out(ui, cx);
        for c in commands {
            cx.push(c);
        }
    }

    fn attribute_row(
        &mut self,
        ui: &mut Ui,
        doc: &permitflow_app::edit::Document,
        a: &Attribute,
        commands: &mut Vec<Command>,
    ) {
        let name = a.name.as_str();
        if let Some(to) = self.commit_field(
            ui,
            &format!("attr-name:{name}"),
            name,
            tr!("gui-attr-name-of", name = name),
            150.0,
        ) {
            match attribute_problem(&doc.draft, &to) {
                Some(p) => commands.push(Command::Status(p)),
                None => commands.push(Command::Edit(
                    Edit::Rules(RulesEdit::RenameAttribute {
                        from: name.to_owned(),
                        to,
                    }),
                    false,
                )),
            }
        }
        let unit = a.unit.as_deref().unwrap_or("");
        ui.label(people_name(a).unwrap_or(""));
        ui.label(a.kind.word());
        match &a.default {
            Some(v) => ui.label(format!("{} {unit}", value_text(v))),
            None => ui.label(RichText::new(tr!("gui-attr-no-default")).color(AMBER)),
        }
        .on_hover_text(tr!("gui-attr-col-default.tip"));
        ui.horizontal(|ui| {
            let label = tr!("gui-attr-value-of", name = name);
            match (a.kind, doc.values.get(name)) {
                (Kind::Number, v) => {
                    let mut n = match v {
                        Some(Value::Number(n)) => *n,
                        _ => 0.0,
                    };
                    let speed = (n.abs() / 100.0).max(1.0);
                    let r = ui.add(egui::DragValue::new(&mut n).speed(speed).suffix(
                        if unit.is_empty() {
                            String::new()
                        } else {
                            format!(" {unit}")
                        },
                    ));
                    r.widget_info(|| WidgetInfo::drag_value(true, n).tap_label(label.clone()));
                    if r.changed() && n.is_finite() {
                        commands.push(Command::SetAttribute(
                            name.to_owned(),
                            Some(Value::Number(n)),
                        ));
                    }
                }
                (Kind::Text, v) => {
                    let current = v.map(value_text).unwrap_or_default();
                    if let Some(t) = self.commit_field(
                        ui,
                        &format!("attr-value:{name}"),
                        &current,
                        label.clone(),
                        140.0,
                    ) {
                        commands.push(Command::SetAttribute(name.to_owned(), Some(Value::Text(t))));
                    }
                }
                (Kind::YesNo, v) => {
                    let mut b = matches!(v, Some(Value::YesNo(true)));
                    let r = ui.add(egui::Checkbox::without_text(&mut b));
                    r.widget_info(|| {
                        WidgetInfo::selected(egui::Role::CheckBox, true, b, label.clone())
                    });
                    if r.changed() {
                        commands.push(Command::SetAttribute(
                            name.to_owned(),
                            Some(Value::YesNo(b)),
                        ));
                    }
                }
            }
            if doc.unset.iter().any(|u| u == name) {
                ui.label(RichText::new(tr!("gui-attr-stand-in")).color(AMBER))
                    .on_hover_text(tr!("gui-attr-stand-in.tip"));
            } else if doc.is_chosen(name) {
                ui.label(RichText::new(tr!("gui-attr-picked")).weak());
            }
        });
        if small_if(
            ui,
            doc.is_chosen(name),
            &tr!("gui-attr-reset-short"),
            tr!("gui-attr-reset", name = name),
        ) {
            commands.push(Command::SetAttribute(name.to_owned(), None));
        }
        if small(ui, "×", tr!("gui-attr-remove", name = name)) {
            let users = attribute_users(&doc.draft, name);
            if users.is_empty() {
                commands.push(Command::Edit(
                    Edit::Rules(RulesEdit::RemoveAttribute {
                        name: name.to_owned(),
                    }),
                    false,
                ));
            } else {
                commands.push(Command::Status(tr!(
                    "gui-attr-in-use",
                    name = name,
                    users = users.join(", ")
                )));
            }
        }
    }

    fn new_attribute_row(
        &mut self,
        ui: &mut Ui,
        doc: &permitflow_app::edit::Document,
        commands: &mut Vec<Command>,
    ) {
        let new = &mut self.attribute;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("gui-attr-new-name"));
            ui.add(egui::TextEdit::singleline(&mut new.name).desired_width(140.0))
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-attr-new-type"));
            egui::ComboBox::from_id_salt("attr-new-kind")
                .selected_text(new.kind.word())
                .show_ui(ui, |ui| {
                    for k in KINDS {
                        ui.selectable_value(&mut new.kind, k, k.word());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-attr-new-default"));
            ui.add(
                egui::TextEdit::singleline(&mut new.default)
                    .hint_text(tr!("gui-attr-new-default.hint"))
                    .desired_width(90.0),
            )
            .labelled_by(l.id);
            let name = new.name.trim().to_owned();
            let text = new.default.trim();
            let default = (!text.is_empty()).then(|| new.kind.read(text));
            let why = if name.is_empty() {
                Some(tr!("gui-type-id"))
            } else if let Some(p) = attribute_problem(&doc.draft, &name) {
                Some(p)
            } else if let Some(None) = default {
                Some(tr!(
                    "gui-attr-bad-default",
                    text = text,
                    kind = new.kind.word()
                ))
            } else {
                None
            };
            let add = ui.add_enabled(why.is_none(), egui::Button::new(tr!("gui-attr-add")));
            if let Some(w) = &why {
                ui.label(RichText::new(w).weak());
            }
            if add.clicked() {
                commands.push(Command::Edit(
                    Edit::Rules(RulesEdit::AddAttribute {
                        name,
                        kind: new.kind,
                        default: default.flatten(),
                    }),
                    false,
                ));
                new.name.clear();
                new.default.clear();
            }
        });
    }
}

/// The items the values in use leave out (with their conditions) and the resolution's notes.
fn left_out(ui: &mut Ui, cx: &Ctx<'_>) {
    let doc = cx.doc;
    if doc.draft.rules.attributes.is_empty() {
        return;
    }
    let values: Vec<String> = doc
        .values
        .iter()
        .map(|(n, v)| format!("{n} = {}", value_text(v)))
        .collect();
    ui.label(tr!("gui-attr-in-use-values", values = values.join(", ")));
    if doc.dropped.is_empty() {
        ui.label(RichText::new(tr!("gui-attr-all-apply")).weak());
    } else {
        ui.label(tr!("gui-attr-left-out", n = doc.dropped.len()));
        for id in &doc.dropped {
            let when = doc
                .draft
                .rules
                .items
                .get(id)
                .map(|c| c.text.clone())
                .unwrap_or_default();
            let name = doc
                .draft
                .item(id)
                .map(|i| i.name.clone())
                .unwrap_or_default();
            ui.label(
                RichText::new(tr!(
                    "gui-attr-left-out-item",
                    name = name,
                    id = id.as_str(),
                    when = when
                ))
                .weak(),
            );
        }
    }
    for n in &doc.notes {
        ui.label(RichText::new(format!("• {n}")).color(AMBER));
    }
}
