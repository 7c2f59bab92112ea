//! The links' conditions in the authoring tab: every link (names shown, ids on hover) with the
//! `when` under which it applies, checked while typed by the model's parser.

use egui::Ui;
use permitflow_app::edit::{Edit, RulesEdit};
use permitflow_i18n::tr;

use super::Author;
use crate::command::Command;
use crate::views::Ctx;

impl Author {
    pub(super) fn link_conditions(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let draft = &cx.doc.draft;
        let names = crate::widgets::names(draft);
        let mut edits = Vec::new();
        ui.label(egui::RichText::new(tr!("gui-link-when-note")).weak());
        egui::Grid::new("author-link-when")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                let mut seen = std::collections::HashSet::new();
                for l in &draft.links {
                    // A condition belongs to a pair of items: one row per pair.
                    if !seen.insert((&l.from, &l.to)) {
                        continue;
                    }
                    let (from, to) = (l.from.as_str(), l.to.as_str());
                    let ids = format!("{from} → {to}");
                    let shown = format!(
                        "{} → {}",
                        names.get(from).unwrap_or(&from),
                        names.get(to).unwrap_or(&to)
                    );
                    ui.add(egui::Label::new(&shown).truncate())
                        .on_hover_text(&ids);
                    let current = draft
                        .rules
                        .links
                        .get(&(l.from.clone(), l.to.clone()))
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    let key = format!("link-when:{ids}");
                    let label = tr!("gui-link-when-of", link = ids.as_str());
                    if let Some(when) = self.when_field(ui, &key, &current, label, draft) {
                        edits.push(Edit::Rules(RulesEdit::LinkWhen {
                            from: l.from.clone(),
                            to: l.to.clone(),
                            when,
                        }));
                    }
                    ui.end_row();
                }
            });
        for e in edits {
            cx.push(Command::Edit(e, false));
        }
    }
}
