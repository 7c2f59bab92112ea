//! The regimes stacked on one time axis, a row each with its stages as coloured segments, so
//! serial versus parallel is seen at a glance. A dark strip along the foot of each row marks
//! the days on which the official approval clock runs: the gaps are special procedures,
//! intermediary services and the applicant's own time, elapsed but not counted as approval
//! time. Each row ends with both totals: elapsed working days and official approval days.

use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

use crate::axis::DateAxis;
use crate::gantt::LEFT;
use crate::print::Layout;
use crate::scene::{Anchor, GRID, INK, MIN_TEXT, MUTED, STAGES, Scene, Shape, fit, text_width};

/// The approval clock's colour: darker than every stage colour, so the strip reads on any of them.
const APPROVAL: crate::scene::Color = "#1f2933";

const ROW: f64 = 40.0;
/// The approval-clock strip's height, along the foot of the stage segments.
const STRIP: f64 = 5.0;

/// The working-day intervals on which at least one approval-clock activity runs, merged and in
/// order (their total is the outcome's approval days).
fn approval_intervals(o: &Outcome) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = o
        .network
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.is_gate() && a.clock.is_official())
        .map(|(i, _)| (o.schedule.start[i].get(), o.schedule.finish[i].get()))
        .filter(|(s, f)| f > s)
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (s, f) in v {
        match merged.last_mut() {
            Some((_, cf)) if s <= *cf => *cf = cf.max(f),
            _ => merged.push((s, f)),
        }
    }
    merged
}
/// The least room right of the axis, for each row's total.
const RIGHT: f64 = 230.0;

/// The regimes' schedules for one scenario as rows on one calendar, each total set against
/// the serial regime's when it is among them.
pub fn comparison(s: &Scenario, outcomes: &[&Outcome], cal: &Calendar) -> Scene {
    comparison_laid_out(s, outcomes, cal, Layout::Screen)
}

/// [`comparison`] laid out for the screen or for a printed page.
pub fn comparison_laid_out(
    s: &Scenario,
    outcomes: &[&Outcome],
    cal: &Calendar,
    layout: Layout,
) -> Scene {
    let mut scene = Scene::default();
    let last = outcomes.iter().map(|o| o.end_date).max().unwrap_or(s.start);
    let base_name = s.baseline(outcomes.iter().map(|o| o.regime.name.as_str()));
    let serial = outcomes
        .iter()
        .find(|o| Some(o.regime.name.as_str()) == base_name)
        .map(|o| (o.working_days(), o.approval_days));
    // Each row's total, measured before the axis is laid out: the room right of it is the
    // widest total's (a Chinese total is wider than an English one).
    let signed = |d: permitflow_model::WorkingDays| {
        if d.get() > 0.0 {
            format!("+{d}")
        } else {
            d.to_string()
        }
    };
    let totals: Vec<(String, String)> = outcomes
        .iter()
        .map(|o| {
            // A serial regime is a baseline itself.
            let base = serial.filter(|_| o.regime.base != permitflow_model::BaseMode::Serial);
            let diff = base.map_or_else(String::new, |(wd, _)| {
                tr!("chart-vs-serial", diff = signed(o.working_days() - wd))
            });
            let approval_diff = base.map_or_else(String::new, |(_, ad)| {
                tr!("chart-vs-serial", diff = signed(o.approval_days - ad))
            });
            (
                tr!(
                    "chart-total",
                    days = o.working_days().to_string(),
                    date = permitflow_i18n::date_short(o.end_date),
                    diff = diff
                ),
                tr!(
                    "chart-approval-total",
                    days = o.approval_days.to_string(),
                    diff = approval_diff
                ),
            )
        })
        .collect();
    let right = totals
        .iter()
        .map(|(t, a)| (text_width(t, 12.0) * 1.05).max(text_width(a, MIN_TEXT) * 1.05) + 16.0)
        .fold(RIGHT, f64::max);
    let axis = DateAxis::new(
        cal,
        s.start,
        last,
        LEFT,
        layout.axis_width(LEFT, right),
        layout.min_day(),
    );
    let subtitle = tr!("chart-compare-subtitle");
    let (title_size, title) = crate::print::title(
        layout,
        12.0,
        &tr!("chart-compare-title", scenario = s.name.as_str()),
    );
    scene.width = (LEFT + axis.width() + right)
        .max(crate::layout::room_for(12.0, &title, title_size, true))
        .max(crate::layout::room_for(12.0, &subtitle, 11.0, false));
    scene.styled_text(
        12.0,
        22.0,
        title,
        title_size,
        Anchor::Start,
        true,
        INK,
        "title",
    );
    scene.styled_text(
        12.0,
        40.0,
        subtitle,
        11.0,
        Anchor::Start,
        false,
        MUTED,
        "subtitle",
    );
    let body_y = 50.0 + axis.header(&mut scene, 50.0);
    let body_end = body_y + outcomes.len() as f64 * ROW;
    axis.columns(&mut scene, cal, body_y, body_end);
    for (r, (o, (total, approval_total))) in outcomes.iter().zip(totals).enumerate() {
        let y = body_y + r as f64 * ROW;
        scene.line(0.0, y, scene.width, y, GRID, 1.0);
        scene.styled_text(
            12.0,
            y + 18.0,
            fit(&s.regime_label(&o.regime.name), 13.0 * 1.05, LEFT - 24.0),
            13.0,
            Anchor::Start,
            true,
            INK,
            "regime-name",
        );
        if !o.regime.description.is_empty() {
            scene.styled_text(
                12.0,
                y + 32.0,
                fit(&o.regime.description, MIN_TEXT, LEFT - 24.0),
                MIN_TEXT,
                Anchor::Start,
                false,
                MUTED,
                "regime-description",
            );
        }
        for span in &o.stages {
            let k = s
                .stages
                .iter()
                .position(|st| Some(&st.id) == span.first_id())
                .unwrap_or(0);
            let x1 = axis.x_start(cal, span.start);
            let x2 = axis.x_finish(cal, span.finish).max(x1 + 2.0);
            scene.shapes.push(Shape::Rect {
                x: x1,
                y: y + 8.0,
                w: x2 - x1,
                h: ROW - 16.0,
                fill: STAGES[k % STAGES.len()],
                stroke: Some(("#ffffff", 1.0)),
                class: "segment",
                title: Some(tr!(
                    "chart-stage-tip",
                    stage = span.name.as_str(),
                    days = span.working_days.to_string()
                )),
            });
            let label = span.working_days.to_string();
            if x2 - x1 > text_width(&label, 11.0) + 6.0 {
                scene.styled_text(
                    (x1 + x2) / 2.0,
                    y + 24.0,
                    label,
                    11.0,
                    Anchor::Middle,
                    true,
                    "#ffffff",
                    "segment-label",
                );
            }
        }
        // The approval clock: a dark strip along the foot of the segments where it runs.
        for (a, b) in approval_intervals(o) {
            let x1 = axis.x_start(cal, permitflow_model::WorkingDays::new(a));
            let x2 = axis
                .x_finish(cal, permitflow_model::WorkingDays::new(b))
                .max(x1 + 1.0);
            scene.shapes.push(Shape::Rect {
                x: x1,
                y: y + ROW - 8.0 - STRIP,
                w: x2 - x1,
                h: STRIP,
                fill: APPROVAL,
                stroke: None,
                class: "approval-clock",
                title: Some(tr!(
                    "chart-approval-tip",
                    days = o.approval_days.to_string()
                )),
            });
        }
        let end = axis.x_finish(cal, o.working_days());
        scene.styled_text(
            end + 8.0,
            y + 17.0,
            total,
            12.0,
            Anchor::Start,
            true,
            INK,
            "total",
        );
        scene.styled_text(
            end + 8.0,
            y + 32.0,
            approval_total,
            MIN_TEXT,
            Anchor::Start,
            false,
            APPROVAL,
            "approval-total",
        );
    }
    scene.line(0.0, body_end, scene.width, body_end, GRID, 1.0);
    // Stage colours.
    let mut x = 12.0;
    let y = body_end + 14.0;
    let mut y = y;
    for (k, st) in s.stages.iter().enumerate() {
        // Entries that would run past the right edge start a new line.
        let w = 19.0 + text_width(&st.name, 11.0) + 18.0;
        if x > 12.0 && x + w > scene.width {
            x = 12.0;
            y += 18.0;
        }
        scene.rect(x, y, 14.0, 12.0, STAGES[k % STAGES.len()], "legend");
        scene.styled_text(
            x + 19.0,
            y + 10.5,
            st.name.clone(),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
        x += 19.0 + text_width(&st.name, 11.0) + 18.0;
    }
    // The approval clock's strip.
    let clock = tr!("chart-approval-legend");
    let w = 19.0 + text_width(&clock, 11.0) + 18.0;
    if x > 12.0 && x + w > scene.width {
        x = 12.0;
        y += 18.0;
    }
    scene.rect(x, y + 4.0, 14.0, STRIP, APPROVAL, "legend");
    scene.styled_text(
        x + 19.0,
        y + 10.5,
        clock,
        11.0,
        Anchor::Start,
        false,
        INK,
        "legend-label",
    );
    scene.height = y + 30.0;
    scene
}
