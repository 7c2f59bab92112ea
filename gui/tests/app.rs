//! The app driven by its labels, as a planner would, without a window (egui_kittest).

mod common;

use common::{approval_only_app, default_app, harness, wait_until};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use permitflow_gui::{PermitflowApp, Settings};
use permitflow_model::{Format, ItemId, parse_scenario};

fn limit(h: &Harness<'_, PermitflowApp>, id: &str) -> f64 {
    h.state()
        .doc
        .valid
        .item(&ItemId::new(id))
        .map(|i| i.days.value.get())
        .expect("item exists")
}

#[test]
fn the_default_scenario_shows_the_joint_regime_at_36_5_working_days() {
    let h = default_app();
    // The published 36.5 is official approval time, 64 days fewer than serial's 100.5.
    h.get_by_label("joint: 36.5 approval days (official approval time; -64 vs serial)");
    h.get_by_label("serial: 100.5 approval days (official approval time; – vs serial)");
    h.get_by_label_contains("parallel: 49.5 approval days (");
    // Elapsed, the publicity, the geotechnical investigation and a year of works come on top:
    // joint ends on Friday 2026-05-22 after 303.5 working days, 446 calendar days (counted by
    // hand in tests/integration/cli.rs).
    h.get_by_label("joint: 303.5 working days");
    h.get_by_label("serial: 368.5 working days");
    h.get_by_label("parallel: 316.5 working days");
    h.get_by_label("joint: 446 calendar days, the application day and the end day included");
    h.get_by_label_contains("56 of 56 figures are assumed");
}

#[test]
fn dropping_joint_review_from_joint_gives_49_5_and_undo_brings_36_5_back() {
    let mut h = default_app();
    h.get_by_label("joint_review on joint").click();
    h.run();
    h.get_by_label_contains("joint: 49.5 approval days (");
    assert!(
        h.query_by_label_contains("joint: 36.5 approval days (")
            .is_none()
    );
    assert!(h.state().doc.is_dirty());
    h.get_by_label("Undo").click();
    h.run();
    h.get_by_label_contains("joint: 36.5 approval days (");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn editing_a_limit_changes_the_schedule_and_undo_restores_it() {
    let mut h = default_app();
    assert_eq!(limit(&h, "first_registration"), 5.0);
    // first_registration is on the joint regime's critical path: 3 days more, 3 days later.
    h.get_by_label("limit of first_registration")
        .set_value_accesskit(8.0);
    h.run();
    assert_eq!(limit(&h, "first_registration"), 8.0);
    h.get_by_label_contains("joint: 39.5 approval days (");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(limit(&h, "first_registration"), 5.0);
    h.get_by_label_contains("joint: 36.5 approval days (");
    h.get_by_label("Redo").click();
    h.run();
    h.get_by_label_contains("joint: 39.5 approval days (");
}

#[test]
fn an_invalid_limit_keeps_the_last_schedule_and_says_why() {
    let mut h = default_app();
    h.get_by_label("limit of first_registration")
        .set_value_accesskit(10.3);
    h.run();
    // The schedule is the last valid one; the problem names the item and the rule.
    h.get_by_label_contains("joint: 36.5 approval days (");
    h.get_by_label_contains("not a multiple of half a working day");
    h.get_by_label("item “First real-estate registration”");
    assert_eq!(limit(&h, "first_registration"), 5.0);
    h.get_by_label("Undo").click();
    h.run();
    assert!(
        h.query_by_label_contains("not a multiple of half a working day")
            .is_none()
    );
}

#[test]
fn save_as_writes_a_scenario_that_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("edited.toml");
    let mut h = default_app();
    h.get_by_label("limit of fire_acceptance")
        .set_value_accesskit(12.0);
    h.run();
    assert!(h.state().doc.is_dirty());
    h.get_by_label("Save as…").click();
    h.run();
    h.get_by_label("File path").focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.run();
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save scenario").click();
    h.run();
    assert!(!h.state().doc.is_dirty(), "status: {}", h.state().status());
    let text = std::fs::read_to_string(&path).expect("the file was written");
    let s = parse_scenario(&text, "edited.toml", Format::Toml).expect("it reads back");
    assert_eq!(
        s.item(&ItemId::new("fire_acceptance"))
            .map(|i| i.days.value.get()),
        Some(12.0)
    );
    // What is saved is the scenario as the file says it (its attributes and conditions), not
    // the copy resolved for the values in use.
    assert_eq!(s, h.state().doc.unresolved);
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("edited.toml")]);
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let mut h = default_app();
    h.get_by_label("online_submission on joint").click();
    h.run();
    h.get_by_label("joint: 0 trips");
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Default: social-investment housing (built in)")
        .click();
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().doc.is_dirty(), "cancel keeps the edits");
    h.get_by_label("joint: 0 trips");
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Default: social-investment housing (built in)")
        .click();
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(!h.state().doc.is_dirty());
    h.get_by_label("joint: 4 trips");
}

#[test]
fn a_broken_file_is_listed_with_its_problems_and_the_scenario_stays() {
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/broken/many_problems.toml"
    );
    let mut h = harness(PermitflowApp::new(
        Settings::default(),
        Some(std::path::Path::new(broken)),
    ));
    h.run();
    // The built-in default stays: its published 36.5 approval days.
    h.get_by_label_contains("joint: 36.5 approval days (");
    h.get_by_label_contains("unknown predecessor `drawing_revew`");
}

#[test]
fn the_simulation_tab_shows_percentiles_and_target_probabilities() {
    let mut h = default_app();
    h.get_by_label("Simulation").click();
    h.step(); // the worker starts; a spinner turns until it is done
    wait_until(&mut h, |h| h.query_by_label("P80").is_some());
    h.get_by_label("P95");
    // Each target names the measure it bounds; the table has a row per clock.
    h.get_by_label_contains("2020 target: 60 working days (approval days):");
    h.get_by_label("measure");
    assert_eq!(
        h.get_all_by_label_contains("measure approval days").count(),
        4
    );
    h.get_by_label_contains("joint: measure elapsed calendar days");
    h.get_by_label_contains("a return's correction stops the clock");
    assert_eq!(
        h.get_all_by_label_contains("most often critical").count(),
        4
    );
}

#[test]
fn the_planner_finds_cuts_and_adopting_them_reaches_the_target() {
    // The planner bounds elapsed working days: the all-approval flow, 36.5 of them.
    let mut h = approval_only_app();
    // The target counted by hand, not the scenario's halfway default.
    h.state_mut().settings.plan_target_auto = false;
    h.get_by_label("Reform planner").click();
    h.step();
    wait_until(&mut h, |h| h.query_by_label("Adopt these limits").is_some());
    h.get_by_label_contains("reachable: 36.5 → 30 working days");
    h.get_by_label("Adopt these limits").click();
    // The adopted limits start a new plan in the background: step until it settles.
    h.step();
    h.get_by_label("Compare regimes").click();
    wait_until(&mut h, |h| {
        h.query_by_label("joint: 30 working days").is_some()
    });
    h.get_by_label("joint: 30 working days");
    // The whole plan is one undo step.
    h.get_by_label("Undo").click();
    wait_until(&mut h, |h| {
        h.query_by_label("joint: 36.5 working days").is_some()
    });
    h.get_by_label("joint: 36.5 working days");
}

/// Opens a combo box by its label and picks the option labelled `option`.
fn choose(h: &mut Harness<'static, PermitflowApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click_accesskit();
    h.run();
    h.get_by_label(option).click_accesskit();
    h.run();
}

fn working_days(h: &Harness<'static, PermitflowApp>, regime: &str, days: &str) {
    h.get_by_label(&format!("{regime}: {days} working days"));
}

#[test]
fn a_start_to_start_link_with_lag_2_and_a_change_of_kind_move_the_schedule() {
    // The all-approval flow: the days below are counted on it by hand.
    let mut h = approval_only_app();
    h.get_by_label_contains("Links (").click();
    h.run();
    choose(&mut h, "link from", "quality_safety_registration");
    choose(&mut h, "link to", "construction_permit");
    choose(&mut h, "kind of the new link", "SS start-to-start");
    h.get_by_label("lag of the new link")
        .set_value_accesskit(2.0);
    h.run();
    h.get_by_label("Add link").click();
    h.run();
    // Joint regime, stage 3: the joint plan review takes 7 days, then the quality and safety
    // registration (1 day) starts at 7; the permit may start 2 days after it starts, at 9, and
    // ends at 10 instead of 8: 2 days more.
    working_days(&h, "joint", "38.5");
    // Parallel: drawing review 10 days, registration starts at 10, the permit at 12 (was 10).
    working_days(&h, "parallel", "51.5");
    // Serial: the permit follows the registration; it starts 2 days after the registration
    // starts instead of 1: one day more.
    working_days(&h, "serial", "101.5");
    let link = |h: &Harness<'static, PermitflowApp>| {
        h.state()
            .doc
            .valid
            .links
            .iter()
            .find(|l| {
                l.from.as_str() == "quality_safety_registration"
                    && l.to.as_str() == "construction_permit"
            })
            .map(|l| (l.kind.code(), l.lag.get()))
    };
    assert_eq!(link(&h), Some(("SS", 2.0)));

    // Finish-to-start with lag 2: the permit starts 2 days after the registration finishes
    // (8 + 2 = 10) and ends at 11 in the joint regime; at 14 in the parallel one.
    choose(
        &mut h,
        "kind of link quality_safety_registration → construction_permit",
        "FS finish-to-start",
    );
    assert_eq!(link(&h), Some(("FS", 2.0)));
    working_days(&h, "joint", "39.5");
    working_days(&h, "parallel", "52.5");
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(link(&h), Some(("SS", 2.0)));
    working_days(&h, "joint", "38.5");

    // A lag typed in place: SS with no lag lets the permit run beside the registration.
    h.get_by_label("lag of link quality_safety_registration → construction_permit")
        .set_value_accesskit(0.0);
    h.run();
    assert_eq!(link(&h), Some(("SS", 0.0)));
    working_days(&h, "joint", "36.5");
    h.get_by_label("Undo").click();
    h.run();
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(link(&h), None);
    working_days(&h, "joint", "36.5");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_link_that_closes_a_circle_is_listed_as_a_problem_and_the_schedule_stays() {
    // The all-approval flow: the days below are counted on it by hand.
    let mut h = approval_only_app();
    h.get_by_label_contains("Links (").click();
    h.run();
    choose(&mut h, "link from", "construction_permit");
    choose(&mut h, "link to", "drawing_review");
    choose(&mut h, "kind of the new link", "FF finish-to-finish");
    h.get_by_label("Add link").click();
    h.run();
    h.get_by_label_contains("the links go round in a circle");
    working_days(&h, "joint", "36.5");
    h.get_by_label("Undo").click();
    h.run();
    assert!(h.state().doc.problems.is_empty());
}

#[test]
fn a_new_joint_group_merges_its_items_in_the_joint_regime_only() {
    // The all-approval flow: the days below are counted on it by hand.
    let mut h = approval_only_app();
    h.get_by_label_contains("Joint groups (").click();
    h.run();
    choose(&mut h, "stage of the new group", "4 Completion acceptance");
    // Items already in a group are not offered.
    assert!(
        h.get_by_label("add fire_acceptance to the new group")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("add completion_filing to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label_contains("pick two or more items");
    h.get_by_label("add first_registration to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label("Create joint group").click_accesskit();
    // A new row in the groups grid and new widths in the outcome table settle over a few
    // frames (each egui grid sizes from the previous frame).
    h.run_steps(4);
    h.run();
    let g = h
        .state()
        .doc
        .valid
        .joint_groups
        .iter()
        .find(|g| g.id.as_str() == "joint_1")
        .map(|g| g.items.iter().map(|i| i.to_string()).collect::<Vec<_>>());
    assert_eq!(
        g,
        Some(vec![
            "completion_filing".into(),
            "first_registration".into()
        ])
    );
    // Completion stage, joint regime: joint survey 5, joint acceptance 6, then the filing (0.5)
    // and the registration (5) become one event of the longer limit, 5: 16 days, not 16.5.
    working_days(&h, "joint", "36");
    // Without joint review nothing is merged.
    working_days(&h, "parallel", "49.5");
    h.get_by_label("Undo").click();
    h.run();
    working_days(&h, "joint", "36.5");

    // The same group with its own limit of 3 days: 5 + 6 + 3 = 14 days for the stage.
    h.get_by_label("add completion_filing to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label("add first_registration to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label("own limit of the new group")
        .click_accesskit();
    h.run();
    h.get_by_label("limit of the new group")
        .set_value_accesskit(3.0);
    h.run();
    h.get_by_label("Create joint group").click_accesskit();
    h.run();
    working_days(&h, "joint", "34");
}

#[test]
fn a_joint_group_that_would_make_a_circle_is_refused_with_the_reason() {
    let mut h = default_app();
    h.get_by_label_contains("Joint groups (").click();
    h.run();
    choose(
        &mut h,
        "stage of the new group",
        "1 Project approval and land-use planning permit",
    );
    h.get_by_label("add project_filing to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label("add land_use_permit to the new group")
        .click_accesskit();
    h.run();
    h.get_by_label_contains("`site_selection` comes after one of these items");
    assert!(
        h.get_by_label("Create joint group")
            .accesskit_node()
            .is_disabled()
    );
    let groups = h.state().doc.draft.joint_groups.len();
    h.get_by_label("Create joint group").click_accesskit();
    h.run();
    assert_eq!(h.state().doc.draft.joint_groups.len(), groups);
}

#[test]
fn the_planner_aims_halfway_to_the_least_until_a_target_is_typed() {
    // The shipped default under joint review: 303.5 elapsed working days today and
    // 289.5 at the least (the year of works is never cut), so the planner aims at 296.5.
    let mut h = default_app();
    h.get_by_label("Reform planner").click();
    h.step();
    wait_until(&mut h, |h| h.query_by_label("Adopt these limits").is_some());
    assert!(h.state().settings.plan_target_auto);
    assert_eq!(h.state().settings.plan_target, 296.5);
    h.get_by_label_contains("reachable: 303.5 →");
}
