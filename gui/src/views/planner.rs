//! The reform planner tab: the cheapest cuts that reach a target, the sensitivity of the
//! critical items, what each measure is worth, and the charts (`permitflow_app::scenes`).

use egui::{RichText, Ui};
use permitflow_app::analysis::PlanReport;
use permitflow_app::edit::Edit;
use permitflow_app::rows::tables as rows;
use permitflow_i18n::tr;
use permitflow_model::{Draft, GroupId, ItemId, MeasureId};
use permitflow_solver::{Cut, Plan};

use super::Ctx;
use crate::command::{Command, JobKind};
use crate::widgets::{self, GREEN, RED, half_days};

/// Below this width (points) the planner's tables stack instead of sharing the width.
const NARROW: f32 = 760.0;

/// Draws the reform planner tab: regime and target, the cuts, sensitivity and charts.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>) {
    let regimes = cx.regimes();
    let current = cx
        .comparison
        .outcome(&cx.settings.plan_regime)
        .map(|o| o.working_days());
    ui.horizontal(|ui| {
        crate::widgets::regime_choice(
            ui,
            tr!("gui-plan-regime"),
            "plan-regime",
            &mut cx.settings.plan_regime,
            &regimes,
            &cx.doc.draft,
        );
        let l = crate::glossary::term(ui, crate::glossary::Term::Target, tr!("gui-plan-target"));
        let r = ui
            .add(
                egui::DragValue::new(&mut cx.settings.plan_target)
                    .speed(0.5)
                    .range(0.0..=9999.0)
                    .max_decimals(1),
            )
            .labelled_by(l.id);
        if r.changed() {
            cx.settings.plan_target_auto = false;
        }
        if ui
            .add_enabled(
                !cx.settings.plan_target_auto,
                egui::Button::new(tr!("gui-plan-target-auto")),
            )
            .on_hover_text(tr!("gui-plan-target-auto-tip"))
            .clicked()
        {
            cx.settings.plan_target_auto = true;
        }
        if let Some(c) = current {
            ui.label(RichText::new(tr!("gui-plan-today", days = c.to_string())).weak());
        }
        if cx.jobs.planner.is_running()
            && widgets::running(ui, &tr!("gui-plan-running"), &tr!("gui-job-planner"))
        {
            cx.push(Command::Cancel(JobKind::Planner));
        }
    });
    ui.label(RichText::new(tr!("gui-plan-note")).weak());
    cx.settings.plan_target = half_days(cx.settings.plan_target);
    ui.separator();
    let result = cx.jobs.planner.result().map(|(_, r)| r);
    let Some(out) = widgets::result_or_why(ui, result, &tr!("gui-plan-running")) else {
        return;
    };
    // The chosen target shows in the field.
    if cx.settings.plan_target_auto {
        cx.settings.plan_target = out.report.target.get();
    }
    let mut adopt = None;
    let names = widgets::names(&cx.doc.valid);
    widgets::above_charts(ui, "plan-tables", 0.6, |ui| {
        // Side by side where the tables fit in halves; one below the other in a narrow window
        // (1024 px), where halves would cut every table after its first column.
        if ui.available_width() < NARROW {
            egui::ScrollArea::horizontal()
                .id_salt("plan-left")
                .show(ui, |ui| {
                    adopt = cuts(ui, &out.report.plan, &names);
                    sensitivity(ui, &out.report, &names);
                    ui.separator();
                    attribution(ui, &out.report, &cx.doc.valid);
                });
            return;
        }
        // Each column scrolls sideways on its own: a table wider than its half (long names,
        // Chinese and English) is clipped at the column's edge instead of drawn over the other.
        ui.columns(2, |cols| {
            let (left, right) = cols.split_at_mut(1);
            egui::ScrollArea::horizontal()
                .id_salt("plan-left")
                .show(&mut left[0], |ui| {
                    adopt = cuts(ui, &out.report.plan, &names);
                    sensitivity(ui, &out.report, &names);
                });
            egui::ScrollArea::horizontal()
                .id_salt("plan-right")
                .show(&mut right[0], |ui| {
                    attribution(ui, &out.report, &cx.doc.valid)
                });
        });
    });
    ui.separator();
    widgets::charts(
        ui,
        "plan-charts",
        &[&out.chart],
        cx.settings.fit_charts,
        &|_, t| t,
    );
    if let Some(cuts) = adopt {
        let edit = adopt_edit(&cx.doc.draft, &cuts);
        cx.push(Command::Edit(edit, false));
    }
}

/// Whether the target is reachable and the cuts that reach it; the cuts when the planner
/// clicked "Adopt these limits".
fn cuts(ui: &mut Ui, p: &Plan, names: &Names<'_>) -> Option<Vec<Cut>> {
    if !p.calendar_items.is_empty() {
        ui.label(
            RichText::new(tr!(
                "gui-plan-calendar-items",
                items = by_name(&p.calendar_items, names)
            ))
            .weak(),
        );
    }
    if !p.reachable {
        ui.label(
            RichText::new(tr!(
                "gui-plan-out-of-reach",
                target = p.target.to_string(),
                least = p.least_working_days.to_string()
            ))
            .color(RED)
            .strong(),
        );
        ui.label(tr!(
            "gui-plan-limiting",
            items = by_name(&p.limiting, names).replace(", ", " → ")
        ))
        .on_hover_text(p.limiting.join(" → "));
        return None;
    }
    if p.cuts.is_empty() {
        ui.label(
            RichText::new(tr!(
                "gui-plan-already-met",
                current = p.current.to_string(),
                target = p.target.to_string()
            ))
            .color(GREEN)
            .strong(),
        );
        return None;
    }
    ui.label(
        RichText::new(tr!(
            "gui-plan-reachable",
            current = p.current.to_string(),
            days = p.working_days.to_string(),
            cost = p.cost.to_string(),
            least = p.least_working_days.to_string()
        ))
        .color(GREEN)
        .strong(),
    );
    crate::glossary::term(
        ui,
        crate::glossary::Term::Cost,
        RichText::new(tr!("gui-plan-cost-note")).weak(),
    );
    widgets::table_grid(ui, "cuts", &named(rows::plan_cuts(p), names));
    if p.fallback {
        ui.label(RichText::new(tr!("gui-plan-fallback", rounds = p.rounds)).color(RED));
    }
    // A column is justified: the button keeps its own width in a row.
    ui.horizontal(|ui| {
        ui.button(tr!("gui-plan-adopt"))
            .on_hover_text(tr!("gui-plan-adopt.tip"))
            .clicked()
    })
    .inner
    .then(|| p.cuts.clone())
}

fn sensitivity(ui: &mut Ui, r: &PlanReport, names: &Names<'_>) {
    ui.add_space(6.0);
    ui.strong(tr!("gui-plan-sensitivity"));
    widgets::table_grid(ui, "sens", &named(rows::sensitivity(&r.sensitivity), names));
}

/// Ids as the names people read, comma-separated.
fn by_name(ids: &[String], names: &Names<'_>) -> String {
    ids.iter()
        .map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Item and group names by id.
type Names<'a> = std::collections::HashMap<&'a str, &'a str>;

/// The table with the ids of its first column shown as names, the id after them.
fn named(mut t: rows::Table, names: &Names<'_>) -> rows::Table {
    for row in &mut t.rows {
        if let Some(cell) = row.first_mut()
            && let Some(name) = names.get(cell.as_str())
            && *name != cell.as_str()
        {
            *cell = tr!("gui-name-id", name = *name, id = cell.as_str());
        }
    }
    t
}

fn attribution(ui: &mut Ui, r: &PlanReport, s: &Draft) {
    let a = &r.attribution;
    ui.strong(tr!(
        "gui-plan-attribution",
        serial = a.serial.to_string(),
        regime = widgets::regime_label(s, a.regime.as_str()),
        days = a.working_days.to_string()
    ));
    widgets::table_grid(ui, "steps", &measures_named(rows::attribution_steps(a), s));
    if !a.removals.is_empty() {
        ui.add_space(4.0);
        let t = measures_named(rows::attribution_removals(a), s);
        widgets::table_grid(ui, "removals", &t);
    }
}

/// The table with the measures (and base modes) of its first column by their names for
/// people, the id after them.
fn measures_named(mut t: rows::Table, s: &Draft) -> rows::Table {
    for row in &mut t.rows {
        let Some(cell) = row.first_mut() else {
            continue;
        };
        let id = cell.clone();
        let measure = MeasureId::new(id.as_str());
        let declared = s.measures.iter().any(|m| m.id == measure);
        let name = if declared
            || ["joint_review", "online_submission", "parallel_advance"].contains(&id.as_str())
        {
            s.measure_label(&measure)
        } else {
            widgets::regime_label(s, &id)
        };
        if name != id {
            *cell = tr!("gui-name-id", name = name, id = id.as_str());
        }
    }
    t
}

/// The plan's new limits as one edit (one undo step): items by id, else joint groups.
fn adopt_edit(s: &Draft, cuts: &[Cut]) -> Edit {
    let edits = cuts
        .iter()
        .map(|c| {
            let days = c.to.get();
            if s.item(&ItemId::new(&c.id)).is_some() {
                Edit::Days {
                    item: ItemId::new(&c.id),
                    days,
                }
            } else {
                Edit::GroupDays {
                    group: GroupId::new(&c.id),
                    days: Some(days),
                }
            }
        })
        .collect();
    Edit::Batch(edits)
}
