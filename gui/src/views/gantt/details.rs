//! What the Schedule tab tells of one activity: the tooltip of a hovered bar or name, and the
//! strip under the chart for the selected one, with its links in and out.

use egui::{RichText, Ui};
use permitflow_i18n::tr;
use permitflow_model::{Constraint, DayUnit};
use permitflow_solver::Outcome;

use super::baseline::signed;
use super::chart::Frame;
use super::paint::limit_text;
use super::rows;
use crate::views::Ctx;
use crate::widgets::{self, CRITICAL};

/// Lines of text the strip has room for before it scrolls.
pub(super) const LINES: f32 = 5.0;

/// Float with its unit, and whether the activity is critical.
fn float_text(o: &Outcome, i: usize) -> String {
    let f = o.schedule.total_float[i].to_string();
    if o.schedule.critical[i] {
        tr!("gui-gantt-float-critical", days = f)
    } else {
        tr!("gui-gantt-float", days = f)
    }
}

/// A hovered activity's tooltip: name and id, department, limit with its unit, start and finish
/// (dates and working days), float; the baseline's finish and the variance when one is pinned.
pub(super) fn tooltip(f: &Frame<'_>, i: usize) -> String {
    let o = f.o;
    let a = &o.network.activities[i];
    let (sd, fd) = o.dates[i];
    let mut text = tr!(
        "gui-gantt-row-tip",
        name = a.name.as_str(),
        id = a.id.as_str(),
        department = rows::departments(f.s, a),
        limit = limit_text(a),
        start = widgets::date(sd),
        start_days = o.schedule.start[i].to_string(),
        finish = widgets::date(fd),
        finish_days = o.schedule.finish[i].to_string(),
        float = float_text(o, i)
    );
    if let Some(b) = f.baseline
        && let Some((_, bf)) = b.bar(f.regime, &a.id)
    {
        let finish = o.schedule.finish[i].get();
        text.push('\n');
        text.push_str(&tr!(
            "gui-gantt-row-tip-baseline",
            label = b.label.as_str(),
            finish = permitflow_model::WorkingDays::new(bf).to_string(),
            variance = signed(finish - bf)
        ));
    }
    text
}

/// A link as a planner reads it: the other activity's name, the kind (FS, SS, FF, SF) and the
/// lag with its unit.
fn link_text(o: &Outcome, c: &Constraint, other: usize) -> String {
    let lag = if c.lag.get() == 0.0 {
        String::new()
    } else {
        let unit = match c.lag_unit {
            DayUnit::Working => tr!("gui-unit-wd"),
            DayUnit::Calendar => tr!("gui-unit-cd"),
        };
        let sign = if c.lag.get() > 0.0 { "+" } else { "" };
        format!(" {sign}{} {unit}", c.lag)
    };
    format!(
        "{} ({}{lag})",
        o.network.activities[other].name,
        c.kind.code()
    )
}

/// The selected activity's strip: what it is, and its links in and out. Closing it unselects.
pub(super) fn ui(ui: &mut Ui, cx: &Ctx<'_>, o: &Outcome, id: &str, selected: &mut Option<String>) {
    let Some(i) = o.network.activities.iter().position(|a| a.id == id) else {
        *selected = None;
        return;
    };
    let a = &o.network.activities[i];
    let (sd, fd) = o.dates[i];
    let drawn = || o.network.constraints.iter().filter(|c| rows::is_drawn(c));
    let ins: Vec<String> = drawn()
        .filter(|c| c.to == i)
        .map(|c| link_text(o, c, c.from))
        .collect();
    let outs: Vec<String> = drawn()
        .filter(|c| c.from == i)
        .map(|c| link_text(o, c, c.to))
        .collect();
    let none = || tr!("gui-gantt-no-links");
    let list = |v: Vec<String>| if v.is_empty() { none() } else { v.join(" · ") };
    ui.horizontal_wrapped(|ui| {
        let name = RichText::new(&a.name).strong();
        let name = if o.schedule.critical[i] {
            name.color(CRITICAL)
        } else {
            name
        };
        ui.label(name).on_hover_text(a.id.as_str());
        ui.label(RichText::new(format!("({})", a.id)).weak());
        ui.label(tr!(
            "gui-gantt-details",
            department = rows::departments(&cx.doc.valid, a),
            limit = limit_text(a),
            start = widgets::date(sd),
            finish = widgets::date(fd),
            float = float_text(o, i)
        ));
        if ui
            .small_button("×")
            .on_hover_text(tr!("gui-gantt-unselect"))
            .clicked()
        {
            *selected = None;
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("gui-gantt-links-in")).strong());
        ui.label(list(ins));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("gui-gantt-links-out")).strong());
        ui.label(list(outs));
    });
}
