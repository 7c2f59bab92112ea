//! The items' time limits, with float and the critical mark in the chosen regime.

use egui::{Align, Layout, RichText, Ui, WidgetInfo};
use egui_extras::{Column, TableBuilder};
use permitflow_app::edit::Edit;
use permitflow_i18n::tr;
use permitflow_model::WorkingDays;

use crate::command::Command;
use crate::glossary::{self, Term};
use crate::views::Ctx;
use crate::widgets::{CRITICAL, TapLabel, days_drag, half_days};

/// The time limits' form state.
#[derive(Debug, Default)]
pub struct Limits {
    /// The filter typed above the table (id, name, department or stage).
    pub item_filter: String,
    /// The item shown selected (and scrolled to).
    pub selected: Option<String>,
}

impl Limits {
    /// Draws the time-limit table with its filter and float regime.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!("gui-time-limits")).strong());
            ui.add(
                egui::TextEdit::singleline(&mut self.item_filter)
                    .hint_text(tr!("gui-filter-hint"))
                    .desired_width(190.0),
            );
        });
        let regimes = cx.regimes();
        // Wrapped: the hint is wider than the panel in a 1024-pixel window, and a row that
        // runs off it would widen the table below past the panel's edge.
        ui.horizontal_wrapped(|ui| {
            crate::widgets::regime_choice(
                ui,
                tr!("gui-float-in"),
                "float-regime",
                &mut cx.settings.regime,
                &regimes,
                &cx.doc.draft,
            );
            glossary::term(
                ui,
                Term::CriticalPath,
                RichText::new(tr!("gui-limits-hint")).weak(),
            );
        });
        let doc = cx.doc;
        let rows = crate::widgets::items_matching(&doc.draft.items, &self.item_filter);
        let c = cx.comparison;
        let map = c
            .table
            .outcomes
            .iter()
            .position(|(n, _)| *n == cx.settings.regime)
            .and_then(|k| c.item_float.get(k));
        let floats: Vec<Option<(WorkingDays, bool)>> = rows
            .iter()
            .map(|&i| map.and_then(|m| m.get(doc.draft.items[i].id.as_str()).copied()))
            .collect();
        let scroll_to = self.selected.as_ref().and_then(|id| {
            rows.iter()
                .position(|&i| doc.draft.items[i].id.as_str() == id)
        });
        let mut edits: Vec<(Edit, bool)> = Vec::new();
        let mut end_drag = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("limits")
            .striped(true)
            .vscroll(false)
            .column(Column::remainder().at_least(120.0).clip(true))
            // Wide enough for "365.0 自然日": every limit and float says its unit.
            .column(Column::exact(108.0))
            .column(Column::exact(90.0))
            .cell_layout(Layout::left_to_right(Align::Center));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
            .header(22.0, |mut h| {
                h.col(|ui| {
                    ui.strong(tr!("gui-limits-item"));
                });
                h.col(|ui| {
                    glossary::heading(ui, Term::Limit, tr!("gui-limits-limit"));
                });
                h.col(|ui| {
                    glossary::heading(ui, Term::Float, tr!("gui-limits-float"));
                });
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let it = &doc.draft.items[rows[row.index()]];
                    let selected = self.selected.as_deref() == Some(it.id.as_str());
                    row.set_selected(selected);
                    let stage = doc
                        .draft
                        .stages
                        .iter()
                        .find(|s| s.id == it.stage)
                        .map(|s| s.name.as_str())
                        .unwrap_or("");
                    let (float, critical) = match floats[row.index()] {
                        Some((f, c)) => (Some(f), c),
                        None => (None, false),
                    };
                    row.col(|ui| {
                        let text = RichText::new(&it.name);
                        let text = if critical { text.strong() } else { text };
                        let r = ui.add(
                            egui::Label::new(text)
                                .truncate()
                                .sense(egui::Sense::click()),
                        );
                        if r.clicked() {
                            self.selected = if selected {
                                None
                            } else {
                                Some(it.id.to_string())
                            };
                        }
                        let floor = it
                            .floor
                            .as_ref()
                            .map(|f| tr!("gui-limits-floor", days = f.value.to_string()))
                            .unwrap_or_default();
                        r.on_hover_text(tr!(
                            "gui-limits-item-tip",
                            name = &it.name,
                            id = it.id.as_str(),
                            department = doc.draft.department_label(&it.department),
                            stage = stage,
                            floor = floor
                        ));
                    });
                    row.col(|ui| {
                        let mut v = it.days.value.get();
                        let floor = it.floor.as_ref().map(|f| f.value.get()).unwrap_or(0.0);
                        let lowest = floor.min(v);
                        // Each limit says its unit: working days (wd) or calendar days (cd).
                        let unit = if it.unit == permitflow_model::DayUnit::Calendar {
                            tr!("gui-unit-cd")
                        } else {
                            tr!("gui-unit-wd")
                        };
                        let drag = days_drag(&mut v, lowest).suffix(format!(" {unit}"));
                        let r = ui.add(drag);
                        r.widget_info(|| {
                            WidgetInfo::drag_value(true, v)
                                .tap_label(tr!("gui-limit-of", id = it.id.as_str()))
                        });
                        if r.changed() {
                            // Drags move in half days; typed values go through validation.
                            let v = if r.dragged() { half_days(v) } else { v };
                            if v != it.days.value.get() {
                                let edit = Edit::Days {
                                    item: it.id.clone(),
                                    days: v,
                                };
                                edits.push((edit, r.dragged() && !r.drag_started()));
                            }
                        }
                        if r.drag_stopped() {
                            end_drag = true;
                        }
                    });
                    row.col(|ui| match float {
                        // Float is in working days, whatever the item's own unit.
                        Some(_) if critical => {
                            let text = format!("0 {} ●", tr!("gui-unit-wd"));
                            ui.label(RichText::new(text).color(CRITICAL));
                        }
                        Some(f) => {
                            ui.label(format!("{f} {}", tr!("gui-unit-wd")));
                        }
                        None => {
                            ui.label(RichText::new("–").weak())
                                .on_hover_text(tr!("gui-limits-not-scheduled"));
                        }
                    });
                });
            });
        for (e, c) in edits {
            cx.push(Command::Edit(e, c));
        }
        if end_drag {
            cx.push(Command::EndDrag);
        }
    }
}
