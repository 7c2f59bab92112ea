//! Issue 22's polish (egui_kittest): the glossary explains a header on hover, in both
//! languages; joint groups are created, named in both languages, and taken apart in the
//! authoring tab, with the hand-worked joint total after each edit.

mod common;

use common::{approval_only_app, default_app, in_both_languages, working_days_cell};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use permitflow_gui::{PermitflowApp, Tab};
use permitflow_i18n::tr;

type H = Harness<'static, PermitflowApp>;

fn choose(h: &mut H, combo: &str, option: &str) {
    h.get_by_label(combo).click_accesskit();
    h.run();
    h.get_by_label(option).click_accesskit();
    h.run();
}

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// The regime's working days in the comparison table (looked at on the comparison tab, then
/// back to authoring).
fn working_days(h: &mut H, regime: &str, days: &str) {
    let back = h.state().settings.tab;
    h.state_mut().settings.tab = Tab::Compare;
    h.run();
    h.get_by_label(&working_days_cell(h.state(), regime, days));
    h.state_mut().settings.tab = back;
    h.run();
}

#[test]
fn hovering_the_float_header_explains_float_in_both_languages() {
    in_both_languages(|_| {
        let mut h = default_app();
        h.ctx.all_styles_mut(|s| {
            s.interaction.tooltip_delay = 0.0;
            s.interaction.show_tooltips_only_when_still = false;
        });
        let explanation = tr!("gui-term-float");
        let start: String = explanation.chars().take(12).collect();
        assert!(h.query_by_label_contains(&start).is_none());
        h.get_by_label(&tr!("gui-limits-float")).hover();
        h.run();
        h.run();
        // The whole explanation, in the current language.
        h.get_by_label(&explanation);
        // A column heading of the application layer's tables finds its entry too: the
        // planner's cost column.
        let cost = permitflow_gui::glossary::Term::for_heading(&tr!("app-col-cost"));
        assert_eq!(cost, Some(permitflow_gui::glossary::Term::Cost));
    });
}

#[test]
fn a_joint_group_is_created_named_and_taken_apart_in_the_authoring_tab() {
    // The all-approval flow: the days below are counted on it by hand.
    let mut h = approval_only_app();
    h.state_mut().settings.tab = Tab::Author;
    h.run();
    working_days(&mut h, "joint", "36.5");
    choose(
        &mut h,
        "stage of the group to create",
        "4 Completion acceptance",
    );
    // Items already in a group are not offered.
    assert!(
        h.get_by_label("put fire_acceptance in the group to create")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("put completion_filing in the group to create")
        .click_accesskit();
    h.run();
    h.get_by_label("put first_registration in the group to create")
        .click_accesskit();
    h.run();
    type_into(
        &mut h,
        "Chinese name of the group to create",
        "竣工备案与登记",
    );
    type_into(
        &mut h,
        "English name of the group to create",
        "Filing with registration",
    );
    h.get_by_label("Create the joint group").click_accesskit();
    h.run_steps(4);
    h.run();
    let doc = &h.state().doc;
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let g = doc
        .valid
        .joint_groups
        .iter()
        .find(|g| g.id.as_str() == "joint_1")
        .expect("the new group");
    assert_eq!(g.name, "竣工备案与登记 Filing with registration");
    assert_eq!(
        permitflow_app::edit::group_names(&doc.draft, g),
        ("竣工备案与登记".into(), "Filing with registration".into())
    );
    // Completion stage, joint regime: joint survey 5, joint acceptance 6, then the filing (0.5)
    // and the registration (5) as one event of the longer limit, 5: 16 days, not 16.5.
    working_days(&mut h, "joint", "36");
    // Taking out one of two members takes the group along: asked first, then 36.5 again.
    h.get_by_label("take first_registration out of group joint_1")
        .click_accesskit();
    h.run();
    h.get_by_label_contains("joint group `joint_1` is removed (fewer than two members left)");
    h.get_by_label("Remove with these").click();
    h.run_steps(4);
    h.run();
    assert!(
        !h.state()
            .doc
            .valid
            .joint_groups
            .iter()
            .any(|g| g.id.as_str() == "joint_1")
    );
    working_days(&mut h, "joint", "36.5");
    // One undo brings the group back with both names.
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    h.run_steps(4);
    h.run();
    working_days(&mut h, "joint", "36");
    // Removing a group named by no measure needs no confirmation.
    h.get_by_label("remove group joint_1").click_accesskit();
    h.run_steps(4);
    h.run();
    working_days(&mut h, "joint", "36.5");
}
