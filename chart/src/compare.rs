//! The regimes stacked on one time axis, a row each with its stages as coloured segments, so
//! serial versus parallel is seen at a glance.

use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

use crate::axis::DateAxis;
use crate::gantt::LEFT;
use crate::print::Layout;
use crate::scene::{Anchor, GRID, INK, MIN_TEXT, MUTED, STAGES, Scene, Shape, fit, text_width};

const ROW: f64 = 40.0;
const RIGHT: f64 = 230.0;
const SUBTITLE: &str =
    "working days per stage on one calendar; the end of each row is the last permit";

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
    let axis = DateAxis::new(
        cal,
        s.start,
        last,
        LEFT,
        layout.axis_width(LEFT, RIGHT),
        layout.min_day(),
    );
    let (title_size, title) =
        crate::print::title(layout, 12.0, &format!("{} — regimes compared", s.name));
    scene.width = (LEFT + axis.width() + RIGHT)
        .max(crate::layout::room_for(12.0, &title, title_size, true))
        .max(crate::layout::room_for(12.0, SUBTITLE, 11.0, false));
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
        SUBTITLE,
        11.0,
        Anchor::Start,
        false,
        MUTED,
        "subtitle",
    );
    let body_y = 50.0 + axis.header(&mut scene, 50.0);
    let body_end = body_y + outcomes.len() as f64 * ROW;
    axis.columns(&mut scene, cal, body_y, body_end);
    let base_name = s.baseline(outcomes.iter().map(|o| o.regime.name.as_str()));
    let serial = outcomes
        .iter()
        .find(|o| Some(o.regime.name.as_str()) == base_name)
        .map(|o| o.working_days());
    for (r, o) in outcomes.iter().enumerate() {
        let y = body_y + r as f64 * ROW;
        scene.line(0.0, y, scene.width, y, GRID, 1.0);
        scene.styled_text(
            12.0,
            y + 18.0,
            fit(o.regime.name.as_ref(), 13.0 * 1.05, LEFT - 24.0),
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
                title: Some(format!("{}: {} working days", span.name, span.working_days)),
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
        let end = axis.x_finish(cal, o.working_days());
        let diff = match serial {
            // A serial regime is a baseline itself.
            Some(base) if o.regime.base != permitflow_model::BaseMode::Serial => {
                format!(" ({} vs serial)", o.working_days() - base)
            }
            _ => String::new(),
        };
        scene.styled_text(
            end + 8.0,
            y + 24.0,
            format!(
                "{} wd · {}{diff}",
                o.working_days(),
                o.end_date.format("%Y-%m-%d")
            ),
            12.0,
            Anchor::Start,
            true,
            INK,
            "total",
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
    scene.height = y + 30.0;
    scene
}
