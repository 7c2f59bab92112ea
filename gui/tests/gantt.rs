//! The Schedule tab's interactive Gantt: dragging a bar's end changes that item's limit by the
//! days dragged (one undoable edit) and the regime's total as worked by hand; a baseline shows
//! the variance of each finish; zoom changes the points per day.

mod common;

use egui::{Pos2, vec2};
use egui_kittest::kittest::Queryable;
use permitflow_gui::{PermitflowApp, Settings, Tab};
use permitflow_i18n::tr;
use permitflow_model::ItemId;

mod common_gantt {
    /// Two stages. Planning: site selection (10 wd) then the planning permit (5 wd), beside
    /// them the fire review (3 wd); construction: the construction permit (4 wd).
    ///
    /// By hand: serial = 10 + 5 + 3 + 4 = 22 working days; parallel = max(10 + 5, 3) + 4 = 19.
    pub const SCENARIO: &str = r#"version = 1
name = "Two-stage flow"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "planning"
name = "Planning"
lead = "Planning bureau"

[[stages]]
id = "construction"
name = "Construction"
lead = "Housing bureau"

[[items]]
id = "site"
name = "Site selection"
department = "Planning bureau"
stage = "planning"
days = 10

[[items]]
id = "permit"
name = "Planning permit"
department = "Planning bureau"
stage = "planning"
days = 5
after = ["site"]

[[items]]
id = "fire"
name = "Fire review"
department = "Fire brigade"
stage = "planning"
days = 3

[[items]]
id = "build"
name = "Construction permit"
department = "Housing bureau"
stage = "construction"
days = 4

[[regimes]]
name = "serial"
base = "serial"

[[regimes]]
name = "parallel"
base = "parallel"
"#;
}

type H = common::H;

/// The app on the two-stage flow, on the Schedule tab showing `regime`.
fn app(dir: &tempfile::TempDir, regime: &str) -> H {
    let path = dir.path().join("two-stage.toml");
    std::fs::write(&path, common_gantt::SCENARIO).expect("write the scenario");
    let settings = Settings {
        tab: Tab::Schedule,
        regime: regime.into(),
        ..Settings::default()
    };
    common::harness(PermitflowApp::new(settings, Some(&path)))
}

fn total(h: &H, regime: &str) -> f64 {
    h.state()
        .comparison()
        .outcome(regime)
        .expect("solved")
        .working_days()
        .get()
}

fn limit(h: &H, item: &str) -> f64 {
    let id = ItemId::new(item);
    let it = h.state().doc.draft.items.iter().find(|i| i.id == id);
    it.expect("the item").days.value.get()
}

fn bar_end(h: &H, id: &str) -> Pos2 {
    h.get_by_label(&tr!("gui-gantt-end-of", id = id))
        .rect()
        .center()
}

/// Drags the end of `id`'s bar `dx` points to the right, in steps, and lets go.
fn drag_end(h: &mut H, id: &str, dx: f32) {
    let p = bar_end(h, id);
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    for k in 1..=4 {
        h.hover_at(p + vec2(dx * k as f32 / 4.0, 0.0));
        h.run();
    }
}

#[test]
fn dragging_a_bar_end_changes_the_limit_by_the_days_dragged_and_ctrl_z_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(&dir, "parallel");
    assert_eq!(
        h.state().doc.valid.name,
        "Two-stage flow",
        "{}",
        h.state().status()
    );
    assert_eq!(h.state().schedule_view().regime(), "parallel");
    assert_eq!(total(&h, "parallel"), 19.0);
    assert_eq!(total(&h, "serial"), 22.0);
    let px = h.state().schedule_view().px_per_day();
    let before = bar_end(&h, "permit");
    // 4.2 days' worth of points: the drag moves in half days, so 4.
    drag_end(&mut h, "permit", 4.2 * px);
    // While dragging, the bar follows and nothing is edited yet.
    let during = bar_end(&h, "permit");
    assert!(
        (during.x - before.x - 4.0 * px).abs() < 1.0,
        "the bar's end follows the pointer in half days: {} → {} at {px} points a day",
        before.x,
        during.x
    );
    assert_eq!(limit(&h, "permit"), 5.0);
    assert!(!h.state().doc.can_undo());
    let end = during + vec2(0.2 * px, 0.0);
    h.drop_at(end);
    h.run();
    // One edit: the permit's limit 5 → 9; parallel 10 + 9 + 4 = 23, serial 10 + 9 + 3 + 4 = 26.
    assert_eq!(limit(&h, "permit"), 9.0);
    assert_eq!(total(&h, "parallel"), 23.0);
    assert_eq!(total(&h, "serial"), 26.0);
    assert!(h.state().status().contains("9"), "{}", h.state().status());
    // The scale stays as it was: the bars move, not the axis.
    assert_eq!(h.state().schedule_view().px_per_day(), px);
    // Ctrl+Z undoes the whole drag at once.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(limit(&h, "permit"), 5.0);
    assert_eq!(total(&h, "parallel"), 19.0);
    assert!(!h.state().doc.can_undo(), "one drag, one undo step");
}

#[test]
fn a_baseline_shows_the_variance_of_the_edited_item_and_zero_for_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(&dir, "parallel");
    h.get_by_label(&tr!("gui-gantt-set-baseline")).click();
    h.run();
    let b = h
        .state()
        .schedule_view()
        .baseline()
        .expect("pinned")
        .clone();
    assert_eq!(b.bar("parallel", "permit"), Some((10.0, 15.0)));
    assert_eq!(b.bar("serial", "build"), Some((18.0, 22.0)));
    let px = h.state().schedule_view().px_per_day();
    drag_end(&mut h, "permit", 3.0 * px);
    let end = bar_end(&h, "permit");
    h.drop_at(end);
    h.run();
    assert_eq!(limit(&h, "permit"), 8.0);
    let o = h.state().comparison().outcome("parallel").expect("solved");
    let finish = |id: &str| {
        let i = o
            .network
            .activities
            .iter()
            .position(|a| a.id == id)
            .expect("activity");
        o.schedule.finish[i].get()
    };
    let b = h
        .state()
        .schedule_view()
        .baseline()
        .expect("still pinned after an edit");
    // The permit and everything after it finish 3 days later; the fire review and the site
    // selection are unaffected.
    assert_eq!(
        b.variance("parallel", "permit", finish("permit")),
        Some(3.0)
    );
    assert_eq!(b.variance("parallel", "build", finish("build")), Some(3.0));
    assert_eq!(b.variance("parallel", "fire", finish("fire")), Some(0.0));
    assert_eq!(b.variance("parallel", "site", finish("site")), Some(0.0));
    // The variance column shows them as a planner writes them.
    let cell = |h: &H, id: &str, v: &str| {
        let label = tr!("gui-gantt-variance-of", id = id, variance = v);
        assert!(h.query_by_label(&label).is_some(), "{label}");
    };
    cell(&h, "permit", "+3");
    cell(&h, "build", "+3");
    cell(&h, "fire", "0");
    // Undo keeps the baseline; the variances are 0 again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let o = h.state().comparison().outcome("parallel").expect("solved");
    let i = o
        .network
        .activities
        .iter()
        .position(|a| a.id == "permit")
        .expect("permit");
    let b = h
        .state()
        .schedule_view()
        .baseline()
        .expect("kept through undo");
    assert_eq!(
        b.variance("parallel", "permit", o.schedule.finish[i].get()),
        Some(0.0)
    );
    // Opening another file clears it, and the status says so.
    h.state_mut()
        .push(permitflow_gui::Command::Discard(Box::new(
            permitflow_gui::Command::Open(permitflow_gui::Source::Default),
        )));
    h.run();
    assert!(h.state().schedule_view().baseline().is_none());
    let cleared = tr!("gui-gantt-baseline-cleared-open", status = "");
    assert!(
        h.state().status().ends_with(cleared.trim()),
        "{}",
        h.state().status()
    );
}

#[test]
fn the_zoom_buttons_change_the_points_per_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(&dir, "serial");
    let fitted = h.state().schedule_view().px_per_day();
    h.get_by_label("+").click();
    h.run();
    let zoomed = h.state().schedule_view().px_per_day();
    assert!((zoomed - fitted * 1.5).abs() < 1e-3, "{fitted} → {zoomed}");
    // The 5-day permit's bar is 5 days' worth of points wide at either zoom.
    let start = |h: &H| {
        let o = h.state().comparison().outcome("serial").expect("solved");
        let i = o
            .network
            .activities
            .iter()
            .position(|a| a.id == "permit")
            .expect("permit");
        o.schedule.start[i].get()
    };
    assert_eq!(start(&h), 10.0);
    h.get_by_label("−").click();
    h.run();
    let back = h.state().schedule_view().px_per_day();
    assert!((back - fitted).abs() < 1e-3);
    h.get_by_label(&tr!("gui-gantt-fit")).click();
    h.run();
    assert!((h.state().schedule_view().px_per_day() - fitted).abs() < 1e-3);
}

/// The shipped default scenario on the Schedule tab under the joint regime.
fn default_on(regime: &str) -> H {
    let settings = Settings {
        tab: Tab::Schedule,
        regime: regime.into(),
        ..Settings::default()
    };
    common::harness(PermitflowApp::new(settings, None))
}

#[test]
fn a_calendar_day_item_refuses_the_drag_and_a_joint_event_changes_its_groups_limit() {
    let mut h = default_on("joint");
    // The planning permit's publicity counts 7 calendar days: a drag on the working-day axis
    // would set it in the wrong unit, so it is refused and nothing is edited.
    let px = h.state().schedule_view().px_per_day();
    drag_end(&mut h, "permit_publicity", 12.0 * px);
    let end = bar_end(&h, "permit_publicity");
    h.drop_at(end);
    h.run();
    assert!(!h.state().doc.can_undo(), "no edit");
    assert_eq!(limit(&h, "permit_publicity"), 7.0);
    let name = &h
        .state()
        .doc
        .valid
        .items
        .iter()
        .find(|i| i.id.as_str() == "permit_publicity");
    let refused = tr!(
        "gui-gantt-refuse-calendar",
        name = name.expect("item").name.as_str()
    );
    assert_eq!(h.state().status(), refused);
    // The joint plan review is one bar for its three members with the group's own 7 days:
    // dragging it 2 days further sets the group's limit to 9, one undo step; the joint regime
    // takes 36.5 + 2 = 38.5 approval days (the review is on its critical path).
    let group = |h: &H| {
        let g = h
            .state()
            .doc
            .draft
            .joint_groups
            .iter()
            .find(|g| g.id.as_str() == "joint_plan_review");
        g.and_then(|g| g.days.as_ref()).map(|d| d.value.get())
    };
    let approval = |h: &H| {
        h.state()
            .comparison()
            .outcome("joint")
            .expect("solved")
            .approval_days
            .get()
    };
    assert_eq!(group(&h), Some(7.0));
    assert_eq!(approval(&h), 36.5);
    let px = h.state().schedule_view().px_per_day();
    drag_end(&mut h, "joint_plan_review", 2.0 * px);
    let end = bar_end(&h, "joint_plan_review");
    h.drop_at(end);
    h.run();
    assert_eq!(group(&h), Some(9.0));
    assert_eq!(approval(&h), 38.5);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(group(&h), Some(7.0));
    assert!(!h.state().doc.can_undo(), "one drag, one undo step");
}

#[test]
fn ctrl_wheel_over_the_chart_zooms_and_shift_wheel_pans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app(&dir, "serial");
    let fitted = h.state().schedule_view().px_per_day();
    // Over the permit's bar (working days 10–15 under serial).
    let over = bar_end(&h, "permit") - vec2(20.0, 0.0);
    h.hover_at(over);
    h.run();
    let wheel = |h: &mut H, delta: egui::Vec2, modifiers: egui::Modifiers| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers,
        });
        // The wheel's delta is smoothed over a few frames.
        h.run_steps(12);
    };
    wheel(&mut h, vec2(0.0, 50.0), egui::Modifiers::COMMAND);
    let zoomed = h.state().schedule_view().px_per_day();
    assert!(zoomed > fitted * 1.05, "{fitted} → {zoomed}");
    // Shift+wheel moves along the time axis: the permit's end moves, the zoom stays.
    let before = bar_end(&h, "permit");
    wheel(&mut h, vec2(0.0, -40.0), egui::Modifiers::SHIFT);
    let after = bar_end(&h, "permit");
    assert!((after.x - before.x).abs() > 5.0, "{before:?} → {after:?}");
    assert_eq!(after.y, before.y);
    assert_eq!(h.state().schedule_view().px_per_day(), zoomed);
}
