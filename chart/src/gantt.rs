//! A Gantt chart of one regime: stage bands, a bar per item (or joint event) labelled with its
//! department and days, the critical path in red, stage deliveries (the permits) as milestones,
//! on a date axis that shows weekends, holidays and make-up working days.

use permitflow_i18n::tr;
use permitflow_model::{
    Activity, ActivityKind, Calendar, DayUnit, ItemKind, Scenario, WorkingDays,
};
use permitflow_solver::Outcome;

use crate::arrows::{Arrows, BarPos};
use crate::axis::DateAxis;
use crate::layout::wrap;
use crate::print::Layout;
use crate::scene::{
    Anchor, BANDS, BAR, BAR_LIGHT, CRITICAL, CRITICAL_EDGE, INK, MILESTONE, MIN_TEXT, MUTED, Scene,
    Shape, fit, text_width,
};

/// Width of the label area left of the axis, for stage and item names; the comparison aligns
/// to it.
pub const LEFT: f64 = 320.0;
/// Height of one row, a stage header or an item's bar, on screen (print may use less).
pub const ROW: f64 = 22.0;
/// Pixels the date axis aims to fill, whatever the schedule's length.
pub const CHART_WIDTH: f64 = 900.0;
const RIGHT: f64 = 260.0;

fn days(d: WorkingDays) -> String {
    tr!("chart-wd", days = d.to_string())
}

/// An activity's time limit in its own unit: `5 wd`, or `10 cd` for calendar days.
fn limit(a: &Activity) -> String {
    match a.unit {
        DayUnit::Working => days(a.days),
        DayUnit::Calendar => tr!("chart-cd", days = a.days.to_string()),
    }
}

/// The stripe under bars whose time is off the approval clock (special procedures,
/// intermediary services, the applicant's own work): they do not count as official time.
const OFF_CLOCK: crate::scene::Color = "#e8a317";

/// Whether an activity is a calendar-day one: its bar spans its dates, not working offsets.
fn in_calendar_days(a: &Activity) -> bool {
    a.unit == DayUnit::Calendar && a.days.get() > 0.0
}

/// Below the last row: a gap, the legend's first line and a margin (each further line of the
/// legend adds [`LEGEND_LINE`]).
const LEGEND_ROOM: f64 = 44.0;

/// Lines of a wrapped name: the second and later add this much to a row.
const LINE: f64 = 13.0;

/// The Gantt chart of one regime's solved schedule for the scenario, on its calendar, with
/// dependency arrows when it has fewer than [`AUTO_LIMIT`](crate::arrows::AUTO_LIMIT) bars.
pub fn gantt(s: &Scenario, o: &Outcome, cal: &Calendar) -> Scene {
    gantt_with(s, o, cal, Arrows::Auto)
}

/// [`gantt`] with the dependency arrows on, off or automatic.
pub fn gantt_with(s: &Scenario, o: &Outcome, cal: &Calendar, arrows: Arrows) -> Scene {
    gantt_laid_out(s, o, cal, arrows, Layout::Screen)
}

/// [`gantt_with`] laid out for the screen or for a printed page.
pub fn gantt_laid_out(
    s: &Scenario,
    o: &Outcome,
    cal: &Calendar,
    arrows: Arrows,
    layout: Layout,
) -> Scene {
    let mut scene = Scene::default();
    let mut axis = DateAxis::new(
        cal,
        s.start,
        o.end_date,
        LEFT,
        layout.axis_width(LEFT, RIGHT),
        layout.min_day(),
    );
    // A calendar-day item may start before the first working day (applied on a Saturday).
    if let Some(first) = o.dates.iter().map(|d| d.0).min()
        && first < axis.first
    {
        axis.first = first;
    }
    let dated = o.network.activities.iter().any(in_calendar_days);
    let title = tr!(
        "chart-gantt-title",
        scenario = s.name.as_str(),
        regime = s.regime_label(&o.regime.name),
        days = o.working_days().to_string(),
        start = permitflow_i18n::date_short(o.start_date),
        end = permitflow_i18n::date_short(o.end_date)
    );
    let (title_size, title) = crate::print::title(layout, 12.0, &title);
    // Wide enough for the title and the legend however short the schedule: on screen the
    // legend on one line; in print it wraps within the page.
    let off_clock = o
        .network
        .activities
        .iter()
        .any(|a| !a.clock.is_official() && !a.is_gate());
    let entries = legend_entries(off_clock);
    let legend_min = match layout {
        Layout::Screen => legend_flow(&entries, f64::INFINITY)
            .last()
            .zip(entries.last())
            .map_or(0.0, |(&(x, _), (_, label))| {
                x + entry_width(label) + LEGEND_X
            }),
        Layout::Print => widest_entry(&entries),
    };
    scene.width = (LEFT + axis.width() + RIGHT)
        .max(crate::layout::room_for(12.0, &title, title_size, true))
        .max(legend_min);
    let legend_room = LEGEND_ROOM + LEGEND_LINE * (legend_lines(&entries, scene.width) - 1) as f64;

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
        tr!(
            "chart-gantt-subtitle",
            trips = o.counts.trips,
            forms = o.counts.forms,
            materials = o.counts.materials,
            departments = o.counts.departments
        ),
        11.0,
        Anchor::Start,
        false,
        MUTED,
        "subtitle",
    );
    let header_y = 50.0;
    let body_y = header_y + axis.header(&mut scene, header_y);

    // Rows: stages in order, a header row each, then their activities by start.
    let net = &o.network;
    let mut rows: Vec<(usize, Vec<usize>)> = Vec::new();
    for k in 0..net.stages.len() {
        let mut acts: Vec<usize> = (0..net.activities.len())
            .filter(|&i| net.activities[i].stage == Some(k))
            .collect();
        acts.sort_by(|&a, &b| {
            o.schedule.start[a]
                .partial_cmp(&o.schedule.start[b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(net.activities[a].order.cmp(&net.activities[b].order))
        });
        if !acts.is_empty() {
            rows.push((k, acts));
        }
    }
    // Long names wrap onto two lines; their rows grow to fit.
    let name_w = LEFT - 30.0;
    let stage_names: Vec<Vec<String>> = rows
        .iter()
        .map(|(k, _)| wrap(&net.stages[*k].name, 12.0, LEFT - 20.0, 2))
        .collect();
    let act_names: Vec<Vec<String>> = net
        .activities
        .iter()
        .map(|a| wrap(&a.name, 12.0, name_w, 2))
        .collect();
    // Rows shrink for print until the chart fits a page (see `Layout::row_height`); text sits
    // on a baseline 7 px above a row's foot.
    let n_rows = rows.iter().map(|(_, acts)| 1 + acts.len()).sum::<usize>();
    let wrapped = |lines: &[String]| LINE * (lines.len().max(1) - 1) as f64;
    let extra = stage_names.iter().map(|l| wrapped(l)).sum::<f64>()
        + rows
            .iter()
            .flat_map(|(_, acts)| acts.iter().map(|&i| wrapped(&act_names[i])))
            .sum::<f64>();
    let row = layout.row_height(n_rows, extra, body_y + legend_room);
    let base = row - 7.0;
    let height = |lines: &[String]| row + wrapped(lines);
    let body_h: f64 = rows
        .iter()
        .zip(&stage_names)
        .map(|((_, acts), sn)| {
            height(sn) + acts.iter().map(|&i| height(&act_names[i])).sum::<f64>()
        })
        .sum();
    let body_end = body_y + body_h;
    axis.columns(&mut scene, cal, body_y, body_end);

    let mut pos: Vec<Option<BarPos>> = vec![None; net.activities.len()];
    let mut y = body_y;
    for (band, ((k, acts), stage_lines)) in rows.iter().zip(&stage_names).enumerate() {
        let stage = &net.stages[*k];
        let header = height(stage_lines);
        let h = header + acts.iter().map(|&i| height(&act_names[i])).sum::<f64>();
        // The band is drawn under the columns' shading only in the label area, so weekends and
        // holidays stay visible across the chart.
        scene.rect(0.0, y, LEFT, h, BANDS[band % BANDS.len()], "stage");
        scene.line(0.0, y, scene.width, y, crate::scene::GRID, 1.0);
        for (n, line) in stage_lines.iter().enumerate() {
            scene.styled_text(
                10.0,
                y + base + LINE * n as f64,
                line.clone(),
                12.0,
                Anchor::Start,
                true,
                INK,
                "stage-name",
            );
        }
        if let Some(span) = o.stages.iter().find(|sp| sp.name == stage.name) {
            // With calendar-day items the delivery is the stage's last finish date (it may be a
            // Sunday), drawn at that day's end.
            let last = acts.iter().map(|&i| o.dates[i].1).max();
            let (x, date) = match last {
                Some(d) if dated => (axis.x_of(d) + axis.day, d),
                _ => (
                    axis.x_finish(cal, span.finish),
                    cal.finish_date(s.start, span.finish),
                ),
            };
            scene.shapes.push(Shape::Diamond {
                cx: x,
                cy: y + row / 2.0,
                r: 6.0,
                fill: MILESTONE,
                title: Some(tr!(
                    "chart-milestone-tip",
                    stage = stage.name.as_str(),
                    date = permitflow_i18n::date_short(date),
                    finish = days(span.finish),
                    stage_days = days(span.working_days)
                )),
            });
            scene.styled_text(
                x + 9.0,
                y + base,
                format!(
                    "{} · {}",
                    crate::axis::month_day(date),
                    days(span.working_days)
                ),
                MIN_TEXT,
                Anchor::Start,
                false,
                MUTED,
                "milestone-label",
            );
        }
        y += header;
        for &i in acts {
            let a = &net.activities[i];
            let critical = o.schedule.critical[i];
            let (start, finish) = (o.schedule.start[i], o.schedule.finish[i]);
            let (x1, x2) = if in_calendar_days(a) {
                // Its real dates, weekends included.
                let (from, to) = o.dates[i];
                (axis.x_of(from), axis.x_of(to) + axis.day)
            } else {
                let x1 = axis.x_start(cal, start);
                (x1, axis.x_finish(cal, finish).max(x1 + 2.0))
            };
            for (n, line) in act_names[i].iter().enumerate() {
                scene.styled_text(
                    18.0,
                    y + base + LINE * n as f64,
                    line.clone(),
                    12.0,
                    Anchor::Start,
                    critical,
                    INK,
                    "item-name",
                );
            }
            let light = matches!(
                a.kind,
                ActivityKind::Item(ItemKind::ApplicantWork | ItemKind::UtilityService)
            );
            let (fill, class) = match (critical, light) {
                (true, _) => (CRITICAL, "bar critical"),
                (false, true) => (BAR_LIGHT, "bar"),
                (false, false) => (BAR, "bar"),
            };
            let dates = o.dates[i];
            let departments = a
                .departments
                .iter()
                .map(|d| s.department_label(d))
                .collect::<Vec<_>>()
                .join(" + ");
            scene.shapes.push(Shape::Rect {
                x: x1,
                y: y + 4.0,
                w: x2 - x1,
                h: row - 8.0,
                fill,
                stroke: critical.then_some((CRITICAL_EDGE, 1.0)),
                class,
                title: Some(tr!(
                    "chart-bar-tip",
                    name = a.name.as_str(),
                    id = a.id.to_string(),
                    departments = departments.as_str(),
                    days = limit(a),
                    start = start.to_string(),
                    finish = finish.to_string(),
                    from = permitflow_i18n::date_short(dates.0),
                    to = permitflow_i18n::date_short(dates.1),
                    float = o.schedule.total_float[i].to_string()
                )),
            });
            if !a.clock.is_official() && !a.is_gate() {
                scene.shapes.push(Shape::Rect {
                    x: x1,
                    y: y + row - 6.0,
                    w: x2 - x1,
                    h: 3.0,
                    fill: OFF_CLOCK,
                    stroke: None,
                    class: "off-clock",
                    title: Some(tr!("chart-off-clock-tip", clock = clock_label(a.clock))),
                });
            }
            pos[i] = Some(BarPos {
                x1,
                x2,
                y: y + row / 2.0,
                row_top: y,
            });
            bar_label(
                &mut scene,
                x1,
                x2,
                y + base,
                format!("{departments} · {}", limit(a)),
            );
            y += height(&act_names[i]);
        }
    }
    if arrows.draw(pos.iter().flatten().count()) {
        crate::arrows::draw(&mut scene, net, &pos);
    }
    scene.line(0.0, y, scene.width, y, crate::scene::GRID, 1.0);
    legend(&mut scene, y + 14.0, &entries);
    scene.height = y + legend_room;
    scene
}

/// The department and days of a bar: after it when they fit before the right edge, else before
/// it when they fit right of the names, else on the roomier side shortened (the hover text has
/// them in full).
fn bar_label(scene: &mut Scene, x1: f64, x2: f64, baseline: f64, label: String) {
    let width = text_width(&label, MIN_TEXT);
    let right = scene.width - 4.0 - (x2 + 6.0);
    let left = x1 - 6.0 - (LEFT + 4.0);
    let (lx, anchor, room) = if width <= right || right >= left {
        (x2 + 6.0, Anchor::Start, right)
    } else {
        (x1 - 6.0, Anchor::End, left)
    };
    let text = if width <= room {
        label
    } else {
        fit(&label, MIN_TEXT, room.max(0.0))
    };
    scene.styled_text(
        lx,
        baseline,
        text,
        MIN_TEXT,
        anchor,
        false,
        MUTED,
        "bar-label",
    );
}

/// How a legend entry shows its colour.
#[derive(Clone, Copy)]
enum Swatch {
    /// A 14 × 12 box.
    Box(crate::scene::Color),
    /// The milestone's diamond.
    Diamond,
    /// The thin stripe under bars off the approval clock.
    Stripe,
}

/// The legend's entries in the current language; the stripe only when some bar is off the
/// approval clock.
fn legend_entries(off_clock: bool) -> Vec<(Swatch, String)> {
    let mut entries = vec![
        (Swatch::Box(CRITICAL), tr!("chart-legend-critical")),
        (Swatch::Box(BAR), tr!("chart-legend-float")),
        (Swatch::Box(BAR_LIGHT), tr!("chart-legend-light")),
        (
            Swatch::Box(crate::scene::WEEKEND),
            tr!("chart-legend-weekend"),
        ),
        (
            Swatch::Box(crate::scene::HOLIDAY),
            tr!("chart-legend-holiday"),
        ),
        (
            Swatch::Box(crate::scene::MAKEUP),
            tr!("chart-legend-makeup"),
        ),
        (Swatch::Diamond, tr!("chart-legend-milestone")),
    ];
    if off_clock {
        entries.push((Swatch::Stripe, tr!("chart-legend-off-clock")));
    }
    entries
}

/// The legend's margin left and right.
const LEGEND_X: f64 = 12.0;
/// Height of a legend line.
const LEGEND_LINE: f64 = 18.0;

/// An entry's width: swatch, gap, label.
fn entry_width(label: &str) -> f64 {
    19.0 + text_width(label, 11.0)
}

/// The widest single entry with its margins: the narrowest a chart may be and still show it.
fn widest_entry(entries: &[(Swatch, String)]) -> f64 {
    entries
        .iter()
        .map(|(_, label)| LEGEND_X + entry_width(label) + LEGEND_X)
        .fold(0.0, f64::max)
}

/// The entries laid out in lines no wider than `width` (with a margin each side): the x of
/// each entry and its line.
fn legend_flow(entries: &[(Swatch, String)], width: f64) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(entries.len());
    let (mut x, mut line) = (LEGEND_X, 0);
    for (_, label) in entries {
        let w = entry_width(label);
        if x > LEGEND_X && x + w > width - LEGEND_X {
            x = LEGEND_X;
            line += 1;
        }
        out.push((x, line));
        x += w + 18.0;
    }
    out
}

/// The lines the legend takes at `width`.
fn legend_lines(entries: &[(Swatch, String)], width: f64) -> usize {
    legend_flow(entries, width)
        .last()
        .map_or(1, |&(_, line)| line + 1)
}

/// Swatches explaining colours from `y`, wrapped within the scene's width.
fn legend(scene: &mut Scene, y: f64, entries: &[(Swatch, String)]) {
    for ((swatch, label), (x, line)) in entries.iter().zip(legend_flow(entries, scene.width)) {
        let y = y + LEGEND_LINE * line as f64;
        match *swatch {
            Swatch::Box(color) => scene.rect(x, y, 14.0, 12.0, color, "legend"),
            Swatch::Diamond => scene.shapes.push(Shape::Diamond {
                cx: x + 6.0,
                cy: y + 6.0,
                r: 6.0,
                fill: MILESTONE,
                title: None,
            }),
            Swatch::Stripe => scene.rect(x, y + 9.0, 14.0, 3.0, OFF_CLOCK, "legend"),
        }
        scene.styled_text(
            x + 19.0,
            y + 10.5,
            label.clone(),
            11.0,
            Anchor::Start,
            false,
            INK,
            "legend-label",
        );
    }
}

/// A clock's name for people, in the current language.
fn clock_label(c: permitflow_model::Clock) -> String {
    match c {
        permitflow_model::Clock::Approval => tr!("chart-clock-approval"),
        permitflow_model::Clock::Special => tr!("chart-clock-special"),
        permitflow_model::Clock::Intermediary => tr!("chart-clock-intermediary"),
        permitflow_model::Clock::Applicant => tr!("chart-clock-applicant"),
    }
}
