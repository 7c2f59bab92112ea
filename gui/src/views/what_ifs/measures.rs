//! The measures × regimes matrix of checkboxes.

use egui::{RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::Edit;
use permitflow_i18n::tr;
use permitflow_model::{Measure, MeasureId};

use crate::command::Command;
use crate::glossary::{self, Term};
use crate::views::Ctx;

/// Measures every scenario can switch on, listed even when the scenario defines none.
const BUILT_IN: [&str; 2] = ["joint_review", "online_submission"];

/// Draws the measures × regimes checkboxes.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    glossary::heading(ui, Term::Measure, tr!("gui-measures-title"));
    let doc = cx.doc;
    let s = &doc.draft;
    let mut measures: Vec<MeasureId> = s.measures.iter().map(|m| m.id.clone()).collect();
    for b in BUILT_IN {
        if !measures.iter().any(|m| m.as_str() == b) {
            measures.push(MeasureId::new(b));
        }
    }
    let mut toggles = Vec::new();
    egui::ScrollArea::horizontal()
        .id_salt("measures-scroll")
        .show(ui, |ui| {
            egui::Grid::new("measures")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.label("");
                    for r in &s.regimes {
                        ui.label(RichText::new(s.regime_label(&r.name)).strong())
                            .on_hover_text(tr!(
                                "gui-regime-base",
                                regime = r.name.as_str(),
                                base = r.base.name()
                            ));
                    }
                    ui.end_row();
                    for m in &measures {
                        // What the measure does, from the glossary, where it has an entry.
                        let def = s.measures.iter().find(|d| &d.id == m).map(|d| &d.measure);
                        let term = match def {
                            Some(Measure::JointReview { .. }) => Some(Term::JointReview),
                            Some(Measure::NotificationCommitment { .. }) => {
                                Some(Term::NotificationCommitment)
                            }
                            Some(Measure::ToleranceAcceptance { .. }) => {
                                Some(Term::ToleranceAcceptance)
                            }
                            None if m.as_str() == "joint_review" => Some(Term::JointReview),
                            _ => None,
                        };
                        let id = tr!("gui-id-tip", id = m.as_str());
                        match term {
                            Some(t) => glossary::term(ui, t, s.measure_label(m)).on_hover_text(id),
                            None => {
                                // What the measure does, in one sentence, then its id.
                                let what = def
                                    .cloned()
                                    .or_else(|| Measure::builtin(m.as_str()))
                                    .map(|d| crate::views::author::explain(&d).1);
                                let tip = match what {
                                    Some(w) => format!("{w}\n{id}"),
                                    None => id,
                                };
                                ui.label(s.measure_label(m)).on_hover_text(tip)
                            }
                        };
                        for r in &s.regimes {
                            let name = r.name.as_str();
                            let was = r.measures.contains(m);
                            let mut on = was;
                            let resp = ui.add(egui::Checkbox::without_text(&mut on));
                            let label = tr!("gui-measure-on", measure = m.as_str(), regime = name);
                            resp.widget_info(|| {
                                WidgetInfo::selected(Role::CheckBox, true, on, &label)
                            });
                            let regime = s.regime_label(&r.name);
                            let measure = s.measure_label(m);
                            let resp = resp.on_hover_text(if was {
                                tr!("gui-measure-drop", measure = measure, regime = regime)
                            } else {
                                tr!("gui-measure-add", measure = measure, regime = regime)
                            });
                            if resp.changed() && on != was {
                                toggles.push(Edit::Measure {
                                    regime: name.to_owned(),
                                    measure: m.clone(),
                                    on,
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    for t in toggles {
        cx.push(Command::Edit(t, false));
    }
}
