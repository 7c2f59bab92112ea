//! A `when` field: the condition under which an item, a link or a measure applies, checked
//! while it is typed by the model's own parser — its message and the column it points at show
//! under the field — and applied on Enter (empty: always applies).

use egui::{RichText, Ui, WidgetInfo};
use permitflow_app::edit::when_problem;
use permitflow_i18n::tr;
use permitflow_model::Draft;

use super::Author;
use crate::widgets::{RED, TapLabel};

impl Author {
    /// The field; `Some(new condition)` (`None` inside: always) when a well-formed change is
    /// applied, with the parser's problem kept under the field otherwise.
    pub(super) fn when_field(
        &mut self,
        ui: &mut Ui,
        key: &str,
        current: &str,
        label: String,
        draft: &Draft,
    ) -> Option<Option<String>> {
        let mut text = self
            .typing
            .get(key)
            .cloned()
            .unwrap_or_else(|| current.to_owned());
        let mut out = None;
        ui.vertical(|ui| {
            let r = ui.add_sized(
                [170.0, 20.0],
                egui::TextEdit::singleline(&mut text)
                    .id_salt(key)
                    .hint_text(tr!("gui-when-hint")),
            );
            r.widget_info(|| {
                WidgetInfo::text_edit(true, current, &text, "").tap_label(label.clone())
            });
            let r = r.on_hover_text(tr!("gui-when-tip"));
            let t = text.trim();
            let problem = (!t.is_empty()).then(|| when_problem(draft, t)).flatten();
            if let Some((message, at)) = &problem {
                // Columns count characters, from 1, as the command line's diagnostics do.
                let col = t.get(..at.start).map_or(0, |s| s.chars().count()) + 1;
                ui.label(
                    RichText::new(tr!(
                        "gui-when-problem",
                        message = message.as_str(),
                        col = col
                    ))
                    .color(RED)
                    .small(),
                );
            }
            if r.has_focus() || problem.is_some() {
                self.typing.insert(key.to_owned(), text.clone());
            }
            if r.lost_focus() && problem.is_none() {
                self.typing.remove(key);
                if t != current {
                    out = Some((!t.is_empty()).then(|| t.to_owned()));
                }
            }
        });
        out
    }
}

impl Author {
    /// The `when` cell of an item's row: its condition, and whether the values in use leave
    /// the item out.
    pub(super) fn item_when_cell(
        &mut self,
        ui: &mut Ui,
        it: &permitflow_model::Item,
        draft: &Draft,
        out: bool,
        edits: &mut Vec<permitflow_app::edit::Edit>,
    ) {
        let current = draft
            .rules
            .items
            .get(&it.id)
            .map(|c| c.text.clone())
            .unwrap_or_default();
        let key = format!("item-when:{}", it.id);
        let label = tr!("gui-item-when-of", id = it.id.as_str());
        let changed = ui
            .horizontal(|ui| {
                let changed = self.when_field(ui, &key, &current, label, draft);
                if out {
                    ui.label(RichText::new(tr!("gui-item-out-mark")).color(egui::Color32::GRAY))
                        .on_hover_text(tr!("gui-item-left-out", when = current.as_str()));
                }
                changed
            })
            .inner;
        if let Some(when) = changed {
            edits.push(permitflow_app::edit::Edit::Rules(
                permitflow_app::edit::RulesEdit::ItemWhen {
                    item: it.id.clone(),
                    when,
                },
            ));
        }
    }
}
