//! The app's one palette and the small widgets several views share.

use egui::{Color32, RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::{LINK_KINDS, kind_label, kind_meaning};
use permitflow_app::rows::tables::Table;
use permitflow_chart::Scene;
use permitflow_i18n::tr;
use permitflow_model::{Clock, DayUnit, LinkKind};

use crate::glossary::{self, Term};
use crate::painter;

/// Problems, missed targets, errors.
pub const RED: Color32 = Color32::from_rgb(0xb4, 0x23, 0x18);
/// Met targets, reachable plans.
pub const GREEN: Color32 = Color32::from_rgb(0x1e, 0x7b, 0x34);
/// Unsaved changes, stale results.
pub const AMBER: Color32 = Color32::from_rgb(0xc0, 0x7a, 0x00);
/// The critical mark in the time limits.
pub const CRITICAL: Color32 = Color32::from_rgb(0xc0, 0x30, 0x30);

/// A table cell whose accessible label says what it is ("joint: 36.5 working days"), since a
/// bare "36.5" means nothing to a screen reader (or a test); the same words on hover say a
/// planner which unit the number is in.
pub fn cell(ui: &mut Ui, text: impl Into<RichText>, accessible: String) {
    let r = ui.label(text.into());
    r.widget_info(|| WidgetInfo::labeled(Role::Label, true, &accessible));
    r.on_hover_text(accessible);
}

/// A result table of the application layer (the same rows the command line prints) as a
/// striped grid: a bold header, numbers right-aligned, and each cell's accessible label naming
/// its row and column ("joint: P80 41.0").
pub fn table_grid(ui: &mut Ui, salt: impl std::hash::Hash + std::fmt::Debug, t: &Table) {
    egui::Grid::new(salt)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for h in &t.columns {
                match Term::for_heading(h) {
                    Some(term) => glossary::heading(ui, term, h.as_str()),
                    None => ui.strong(h.as_str()),
                };
            }
            ui.end_row();
            for row in &t.rows {
                let name = row.first().map(String::as_str).unwrap_or_default();
                for (k, text) in row.iter().enumerate() {
                    if k == 0 {
                        ui.label(text);
                        continue;
                    }
                    let column = t.columns.get(k).map(String::as_str).unwrap_or_default();
                    let accessible = format!("{name}: {column} {text}");
                    if t.numeric.contains(&k) {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            cell(ui, text.as_str(), accessible)
                        });
                    } else {
                        cell(ui, text.as_str(), accessible);
                    }
                }
                ui.end_row();
            }
        });
}

/// The names people read for item and joint-group ids (the ids stay on hover and in the
/// accessible labels).
pub fn names(s: &permitflow_model::Draft) -> std::collections::HashMap<&str, &str> {
    s.items
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .chain(
            s.joint_groups
                .iter()
                .map(|g| (g.id.as_str(), g.name.as_str())),
        )
        .collect()
}

/// The positions of the items whose id, name, department or stage contains `filter` (any case);
/// all of them when it is empty.
pub fn items_matching(items: &[permitflow_model::Item], filter: &str) -> Vec<usize> {
    let filter = filter.to_lowercase();
    let has = |t: &str| t.to_lowercase().contains(&filter);
    items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            filter.is_empty()
                || has(it.id.as_str())
                || has(&it.name)
                || has(it.department.as_str())
                || has(it.stage.as_str())
        })
        .map(|(k, _)| k)
        .collect()
}

/// A date people read: `2025-04-23 Wed` in English, `2025年4月23日 星期三` in Chinese.
pub fn date(d: chrono::NaiveDate) -> String {
    match permitflow_i18n::lang() {
        permitflow_i18n::Lang::En => d.format("%Y-%m-%d %a").to_string(),
        _ => permitflow_i18n::date(d),
    }
}

/// A regime's name for people ([`permitflow_model::Draft::regime_label`]): 串联审批 for
/// `serial` in Chinese, the scenario's own label where it gives one.
pub fn regime_label(s: &permitflow_model::Draft, regime: &str) -> String {
    s.regime_label(&permitflow_model::RegimeName::new(regime))
}

/// To the nearest half day, as a drag moves.
pub fn half_days(v: f64) -> f64 {
    (v * 2.0).round() / 2.0
}

/// A `WidgetInfo` with its label replaced.
pub trait TapLabel {
    /// The same info with `label` as its accessible label.
    fn tap_label(self, label: String) -> Self;
}

impl TapLabel for WidgetInfo {
    fn tap_label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }
}

/// A DragValue for a lag in working days (negative: a lead).
pub fn lag_drag(v: &mut f64) -> egui::DragValue<'_> {
    egui::DragValue::new(v)
        .speed(0.1)
        .range(-999.0..=999.0)
        .max_decimals(2)
}

/// A DragValue for a limit in working days from `lowest` on.
pub fn days_drag(v: &mut f64, lowest: f64) -> egui::DragValue<'_> {
    egui::DragValue::new(v)
        .speed(0.1)
        .range(lowest..=9999.0)
        .max_decimals(2)
}

/// A link kind chooser showing the code (`SS`), the options with their names; true when the
/// planner picked one.
pub fn kind_choice(
    ui: &mut Ui,
    salt: impl egui::AsIdSalt,
    kind: &mut LinkKind,
    accessible: &str,
) -> bool {
    let before = *kind;
    let r = egui::ComboBox::from_id_salt(salt)
        .width(46.0)
        .selected_text(kind.code())
        .show_ui(ui, |ui| {
            for k in LINK_KINDS {
                ui.selectable_value(kind, k, format!("{} {}", k.code(), kind_label(k)))
                    .on_hover_text(kind_meaning(k));
            }
        })
        .response;
    r.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, accessible));
    r.on_hover_text(format!(
        "{} ({}): {}",
        kind.code(),
        kind_label(*kind),
        kind_meaning(*kind)
    ));
    *kind != before
}

/// A chooser of one of `options` (ids), each shown as `shown` names it, the id on hover.
pub fn choice(
    ui: &mut Ui,
    salt: &str,
    value: &mut String,
    options: &[String],
    shown: &dyn Fn(&str) -> String,
) -> egui::Response {
    egui::ComboBox::from_id_salt(salt)
        .width(140.0)
        .truncate()
        .selected_text(shown(value))
        .show_ui(ui, |ui| {
            for o in options {
                ui.selectable_value(value, o.clone(), shown(o))
                    .on_hover_text(tr!("gui-id-tip", id = o.as_str()));
            }
        })
        .response
        .on_hover_text(tr!("gui-id-tip", id = value.as_str()))
}

/// A clock's name for people, in the current language.
pub fn clock_label(c: Clock) -> String {
    match c {
        Clock::Approval => tr!("gui-clock-approval"),
        Clock::Special => tr!("gui-clock-special"),
        Clock::Intermediary => tr!("gui-clock-intermediary"),
        Clock::Applicant => tr!("gui-clock-applicant"),
    }
}

/// A unit's short name (`wd`, `cd`; 工作日, 自然日).
pub fn unit_label(u: DayUnit) -> String {
    match u {
        DayUnit::Working => tr!("gui-unit-wd"),
        DayUnit::Calendar => tr!("gui-unit-cd"),
    }
}

/// A chooser of the clock an item runs on; true when the planner picked another.
pub fn clock_choice(
    ui: &mut Ui,
    salt: impl egui::AsIdSalt,
    clock: &mut Clock,
    accessible: &str,
) -> bool {
    let before = *clock;
    egui::ComboBox::from_id_salt(salt)
        .selected_text(clock_label(*clock))
        .show_ui(ui, |ui| {
            for c in Clock::ALL {
                ui.selectable_value(clock, c, clock_label(c));
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, accessible));
    *clock != before
}

/// A chooser of working or calendar days; true when the planner picked the other.
pub fn unit_choice(
    ui: &mut Ui,
    salt: impl egui::AsIdSalt,
    unit: &mut DayUnit,
    accessible: &str,
) -> bool {
    let before = *unit;
    let r = egui::ComboBox::from_id_salt(salt)
        .width(52.0)
        .selected_text(unit_label(*unit))
        .show_ui(ui, |ui| {
            for u in [DayUnit::Working, DayUnit::Calendar] {
                ui.selectable_value(unit, u, unit_label(u));
            }
        })
        .response;
    r.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, accessible));
    r.on_hover_text(tr!("gui-unit-tip"));
    *unit != before
}

/// A chooser of one of the scenario's regimes by its name for people (串联审批 in Chinese); the
/// value is the regime's name in the file.
pub fn regime_choice(
    ui: &mut Ui,
    label: String,
    salt: &str,
    value: &mut String,
    regimes: &[String],
    s: &permitflow_model::Draft,
) -> egui::Response {
    let l = glossary::term(ui, Term::Regime, label);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(regime_label(s, value))
        .show_ui(ui, |ui| {
            for o in regimes {
                ui.selectable_value(value, o.clone(), regime_label(s, o))
                    .on_hover_text(o);
            }
        })
        .response
        .labelled_by(l.id)
}

/// What sits above a tab's charts (tables, summaries): scrolled both ways within `share` of
/// the height left, so the charts below keep the rest of the window and a table wider than the
/// window scrolls instead of being cut off. A grip under it moves the split (kept for the
/// session), so a short window can show a long table, or the charts, whole.
pub fn above_charts<R>(
    ui: &mut Ui,
    salt: &str,
    share: f32,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let id = ui.scope_id().with(("above-charts", salt));
    let total = ui.available_height().max(1.0);
    let share = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(share);
    let out = egui::ScrollArea::both()
        .id_salt(salt)
        .max_height((total * share).max(120.0))
        .auto_shrink([false, true])
        .show(ui, add_contents);
    let shown = out.inner_rect.height();
    let (rect, grip) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 8.0), egui::Sense::drag());
    let color = if grip.hovered() || grip.dragged() {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let c = rect.center();
    ui.painter().line_segment(
        [egui::pos2(c.x - 18.0, c.y), egui::pos2(c.x + 18.0, c.y)],
        egui::Stroke::new(2.0, color),
    );
    let grip = grip
        .on_hover_cursor(egui::CursorIcon::ResizeVertical)
        .on_hover_text(tr!("gui-split-grip"));
    if grip.dragged() {
        let share = ((shown + grip.drag_delta().y) / total).clamp(0.12, 0.88);
        ui.data_mut(|d| d.insert_temp(id, share));
    }
    out.inner
}

/// Charts in a scroll area, fitted to its width when `fit`; `tooltip` turns a hovered shape's
/// title (and the index of the chart) into the text shown.
pub fn charts(
    ui: &mut Ui,
    salt: &str,
    scenes: &[&Scene],
    fit: bool,
    tooltip: &dyn Fn(usize, String) -> String,
) {
    egui::ScrollArea::both()
        .id_salt(salt)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width();
            for (k, scene) in scenes.iter().enumerate() {
                if k > 0 {
                    ui.add_space(10.0);
                }
                let scale = if fit {
                    painter::fit_scale(scene, width)
                } else {
                    1.0
                };
                let (r, hovered) = painter::scene(ui, scene, scale);
                if let Some(t) = hovered {
                    painter::title_tooltip(r, &tooltip(k, t));
                }
            }
        });
}

/// A spinner, what runs, and a Cancel button (labelled "Cancel `job`" for screen readers);
/// true when Cancel was clicked.
pub fn running(ui: &mut Ui, what: &str, job: &str) -> bool {
    ui.spinner();
    ui.label(what);
    let r = ui
        .button(permitflow_i18n::tr!("gui-cancel"))
        .on_hover_text(permitflow_i18n::tr!("gui-cancel-job.tip"));
    let label = permitflow_i18n::tr!("gui-cancel-job", job = job);
    r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    r.clicked()
}

/// A job's result; in its place, what the user waits for, or why there is none.
pub fn result_or_why<'a, T>(
    ui: &mut Ui,
    result: Option<&'a Result<T, String>>,
    waiting: &str,
) -> Option<&'a T> {
    match result {
        Some(Ok(v)) => Some(v),
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(RED));
            None
        }
        None => {
            ui.label(waiting);
            None
        }
    }
}

/// An item's checkbox in a new joint group's member list: greyed out (with the group named on
/// hover) when the item is in a group already; ticking adds it to `members`, unticking takes it
/// out. `label` is the accessible name the tests find it by.
pub fn member_checkbox(
    ui: &mut Ui,
    s: &permitflow_model::Draft,
    it: &permitflow_model::Item,
    members: &mut Vec<permitflow_model::ItemId>,
    label: &str,
) {
    let id = &it.id;
    let group = s.joint_groups.iter().find(|g| g.items.contains(id));
    let free = group.is_none();
    let mut on = members.contains(id);
    let r = ui.add_enabled(free, egui::Checkbox::new(&mut on, it.name.as_str()));
    r.widget_info(|| WidgetInfo::selected(Role::CheckBox, free, on, label));
    let r = match group {
        Some(g) => r.on_disabled_hover_text(tr!(
            "gui-in-group-already",
            name = &it.name,
            id = id.as_str(),
            group = g.id.as_str()
        )),
        None => r.on_hover_text(tr!("gui-id-tip", id = id.as_str())),
    };
    if r.changed() {
        if on {
            members.push(id.clone());
        } else {
            members.retain(|i| i != id);
        }
    }
}
