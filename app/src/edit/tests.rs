//! Authoring edits through the [`Document`]: a scenario built from the empty template, removals
//! with what would dangle, renames that follow every reference, and undo.

use chrono::NaiveDate;
use permitflow_model::{
    BaseMode, Calendar, Clock, DayUnit, GroupId, ItemId, LinkKind, MeasureId, Provenance,
    RegimeName, StageId, Target, validate,
};
use permitflow_solver::{Method, check_targets, evaluate};

use super::*;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 3).expect("date")
}

pub(crate) fn new_doc(four: bool) -> Document {
    let s = validate(&template(four, start()), "new.toml").expect("the template is valid");
    Document::new(
        "new.toml".into(),
        None,
        s,
        Calendar::for_base(permitflow_model::BaseCalendar::China),
    )
}

fn author(d: &mut Document, a: Author) {
    d.apply(&Edit::Author(a), false);
}

/// Working days of each regime of the valid scenario.
fn totals(d: &Document) -> Vec<(String, f64)> {
    d.valid
        .regimes
        .iter()
        .map(|r| {
            let o = evaluate(&d.valid, r, &d.calendar, Method::Paths).expect("solved");
            (r.name.to_string(), o.schedule.makespan.get())
        })
        .collect()
}

/// The three-stage scenario of the desktop test, built edit by edit from the empty template.
pub(crate) fn build_three_stages(d: &mut Document) {
    let st = StageId::new;
    for (id, name, lead) in [
        ("land", "用地 Land", "Natural Resources Bureau"),
        ("works", "施工 Works", "Housing Bureau"),
        ("done", "验收 Completion", "Housing Bureau"),
    ] {
        author(
            d,
            Author::AddStage {
                id: st(id),
                name: name.into(),
                lead: lead.into(),
            },
        );
    }
    for (id, stage, dept, days) in [
        ("land_permit", "land", "Natural Resources Bureau", 5.0),
        ("site_survey", "land", "Surveying agency", 3.0),
        ("drawing_review", "works", "Drawing review agency", 10.0),
        ("fire_review", "works", "Fire and Rescue Bureau", 6.0),
        ("acceptance", "done", "Housing Bureau", 4.0),
    ] {
        author(
            d,
            Author::AddItem {
                id: ItemId::new(id),
                stage: st(stage),
                department: dept.into(),
                days,
            },
        );
    }
    // The template's own stage and item go, with nothing else to take along.
    assert!(
        removal_effects(
            &d.draft,
            &Author::RemoveStage {
                stage: st("stage_1")
            }
        )
        .len()
            == 1
    );
    author(
        d,
        Author::RemoveStage {
            stage: st("stage_1"),
        },
    );
    d.apply(
        &Edit::AddLink {
            from: ItemId::new("drawing_review"),
            to: ItemId::new("fire_review"),
            kind: LinkKind::FinishToStart,
            lag: 0.0,
            lag_unit: DayUnit::Working,
        },
        false,
    );
    author(
        d,
        Author::AddRegime {
            name: RegimeName::new("online"),
            base: BaseMode::Parallel,
            measures: vec![MeasureId::new("online_submission")],
        },
    );
    author(
        d,
        Author::AddTarget(Target {
            name: "online ≤ 25 working days".into(),
            regime: RegimeName::new("online"),
            days: Some(permitflow_model::WorkingDays::new(25.0)),
            days_min: None,
            measure: permitflow_model::DayMeasure::WorkingDays,
            trips: None,
            forms: None,
            materials: None,
            departments: None,
            stage: None,
            exact: false,
            source: Provenance::Unspecified,
        }),
    );
}

#[test]
fn a_three_stage_scenario_built_from_the_empty_template_gets_the_hand_worked_totals() {
    let mut d = new_doc(false);
    build_three_stages(&mut d);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.valid.stages.len(), 3);
    // Serial: every item after the other, 5 + 3 + 10 + 6 + 4 = 28. Parallel: a stage takes its
    // longest chain: land max(5, 3) = 5, works 10 then 6 = 16 (the link), done 4: 25.
    assert_eq!(
        totals(&d),
        vec![
            ("serial".into(), 28.0),
            ("parallel".into(), 25.0),
            ("joint".into(), 25.0),
            ("online".into(), 25.0),
        ]
    );
    let results: Vec<_> = d
        .valid
        .regimes
        .iter()
        .map(|r| evaluate(&d.valid, r, &d.calendar, Method::Paths))
        .collect();
    let checks = check_targets(&d.valid, &results);
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].met, Some(true));
    // Every edit is one undo step, back to the template.
    let mut steps = 0;
    while d.undo() {
        steps += 1;
    }
    assert_eq!(steps, 3 + 5 + 1 + 1 + 1 + 1);
    assert_eq!(d.draft, template(false, start()));
}

#[test]
fn removing_an_item_lists_and_removes_what_would_dangle() {
    let mut d = new_doc(true);
    let (a, b, c) = (
        ItemId::new("land_use_permit"),
        ItemId::new("planning_permit"),
        ItemId::new("construction_permit"),
    );
    for (from, to) in [(&a, &b), (&b, &c)] {
        d.apply(
            &Edit::AddLink {
                from: from.clone(),
                to: to.clone(),
                kind: LinkKind::FinishToStart,
                lag: 0.0,
                lag_unit: DayUnit::Working,
            },
            false,
        );
    }
    let remove = Author::RemoveItem { item: b.clone() };
    let effects = removal_effects(&d.draft, &remove);
    assert_eq!(
        effects,
        vec![
            "link land_use_permit → planning_permit (FS) is removed",
            "link planning_permit → construction_permit (FS) is removed",
        ]
    );
    author(&mut d, remove);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(d.valid.links.is_empty());
    assert_eq!(d.valid.items.len(), 3);
    // The stage left without items is reported, not hidden; the last schedule stays.
    assert!(
        d.valid.stages.iter().any(|s| s.id.as_str() == "planning"),
        "the stage stays"
    );
}

#[test]
fn a_group_left_with_one_member_goes_with_the_removal() {
    let mut d = new_doc(false);
    build_three_stages(&mut d);
    d.apply(
        &Edit::AddGroup {
            id: GroupId::new("joint_land"),
            items: vec![ItemId::new("land_permit"), ItemId::new("site_survey")],
            days: Some(4.0),
        },
        false,
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    // Joint: the land stage is one joint event of 4 days: 4 + 16 + 4 = 24.
    assert_eq!(totals(&d)[2], ("joint".into(), 24.0));
    let remove = Author::RemoveItem {
        item: ItemId::new("site_survey"),
    };
    assert_eq!(
        removal_effects(&d.draft, &remove),
        vec!["joint group `joint_land` is removed (fewer than two members left)"]
    );
    author(&mut d, remove);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(d.valid.joint_groups.is_empty());
}

#[test]
fn renames_follow_every_reference_and_moves_change_the_serial_order() {
    let mut d = new_doc(false);
    build_three_stages(&mut d);
    author(
        &mut d,
        Author::RenameItem {
            item: ItemId::new("drawing_review"),
            to: ItemId::new("plan_review"),
        },
    );
    author(
        &mut d,
        Author::RenameStage {
            stage: StageId::new("works"),
            to: StageId::new("construction"),
        },
    );
    author(
        &mut d,
        Author::RenameRegime {
            regime: RegimeName::new("online"),
            to: RegimeName::new("digital"),
        },
    );
    author(
        &mut d,
        Author::RenameDepartment {
            from: "Housing Bureau".into(),
            to: "住建局 Housing Bureau".into(),
        },
    );
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let s = &d.valid;
    assert_eq!(s.links[0].from.as_str(), "plan_review");
    assert_eq!(
        s.item(&ItemId::new("fire_review")).unwrap().stage.as_str(),
        "construction"
    );
    assert_eq!(s.targets[0].regime.as_str(), "digital");
    assert_eq!(s.stages[2].lead.as_str(), "住建局 Housing Bureau");
    assert_eq!(totals(&d)[3], ("digital".into(), 25.0));
    // Moving the acceptance first changes nothing in parallel (stages order the flow) …
    author(
        &mut d,
        Author::MoveItem {
            item: ItemId::new("acceptance"),
            up: true,
        },
    );
    assert_eq!(d.valid.items[3].id.as_str(), "acceptance");
    // … and moving a stage reorders the flow: completion before the works is allowed (the
    // model knows no stage names), and the totals stay sums of the same items.
    author(
        &mut d,
        Author::MoveStage {
            stage: StageId::new("done"),
            up: true,
        },
    );
    assert_eq!(d.valid.stages[1].id.as_str(), "done");
    assert_eq!(totals(&d)[0], ("serial".into(), 28.0));
}

#[test]
fn a_limit_off_the_half_day_grid_is_a_problem_and_the_last_schedule_stays() {
    let mut d = new_doc(true);
    let rev = d.revision();
    author(
        &mut d,
        Author::AddStage {
            id: StageId::new("empty"),
            name: "Empty".into(),
            lead: "Nobody".into(),
        },
    );
    // An item with no limit of the half-day grid is a problem.
    author(
        &mut d,
        Author::AddItem {
            id: ItemId::new("odd"),
            stage: StageId::new("empty"),
            department: "D".into(),
            days: 1.3,
        },
    );
    assert!(!d.problems.is_empty());
    assert_eq!(d.valid.items.len(), 4, "the last valid scenario stays");
    assert_ne!(d.revision(), rev, "the valid stage edit before it counted");
    assert!(d.undo());
    assert!(d.problems.is_empty(), "{:?}", d.problems);
}

#[test]
fn names_split_into_chinese_and_english() {
    assert_eq!(
        split_name("施工许可证 Construction permit"),
        ("施工许可证".into(), "Construction permit".into())
    );
    assert_eq!(split_name("Plain"), (String::new(), "Plain".into()));
    assert_eq!(join_name("施工许可证", ""), "施工许可证");
    assert_eq!(join_name(" ", "Permit"), "Permit");
}

#[test]
fn materials_are_a_count_or_names() {
    use permitflow_model::Materials;
    assert_eq!(parse_materials("3"), Materials::Count(3));
    assert_eq!(parse_materials(""), Materials::Count(0));
    let named = parse_materials("application form, design scheme");
    assert_eq!(
        named,
        Materials::Named(vec!["application form".into(), "design scheme".into()])
    );
    assert_eq!(materials_text(&named), "application form, design scheme");
    assert_eq!(materials_text(&Materials::Count(0)), "");
}

#[test]
fn spreads_read_back_as_written() {
    for t in ["5/8/10", "pert 2/3/6", "uniform 1/2.5", "fixed 3", ""] {
        let d = parse_spread(t).expect("reads");
        assert_eq!(spread_text(d.as_ref()), t);
    }
    assert!(parse_spread("5/8").unwrap_err().contains("min/likely/max"));
}

/// The shipped housing scenario read in `lang`.
fn housing(lang: permitflow_i18n::Lang) -> permitflow_model::Draft {
    let text = include_str!("../../../scenarios/social-investment-housing.toml");
    permitflow_i18n::with_lang(lang, || {
        permitflow_model::parse_scenario(text, "h.toml", permitflow_model::Format::Toml)
    })
    .expect("shipped")
    .into_draft()
}

#[test]
fn renames_set_the_label_of_the_current_language_and_keep_the_other() {
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_model::Part;
    let mut s = housing(Lang::ZhCn);
    assert_eq!(s.stages[2].name, "施工许可阶段");
    let e = Edit::Author(Author::StageName {
        stage: StageId::new("construction"),
        name: "施工许可".into(),
    });
    with_lang(Lang::ZhCn, || apply(&mut s, &e));
    let n = &s.labels.names[&(Part::Stage, "construction".to_owned())];
    assert_eq!(n.label.zh.as_deref(), Some("施工许可"));
    assert_eq!(n.label.en.as_deref(), Some("3 Construction permit"));
    // An id change moves the labels; the English name is still there after a save.
    let e = Edit::Author(Author::RenameStage {
        stage: StageId::new("construction"),
        to: StageId::new("works"),
    });
    with_lang(Lang::ZhCn, || apply(&mut s, &e));
    let text = with_lang(Lang::ZhCn, || permitflow_model::to_toml(&s)).expect("written");
    let en = with_lang(Lang::En, || {
        permitflow_model::parse_scenario(&text, "h.toml", permitflow_model::Format::Toml)
    })
    .expect("reads back");
    assert_eq!(en.stages[2].name, "3 Construction permit");
    assert_eq!(en.stages[2].id.as_str(), "works");
    // Removing the first target moves the labels of the others up with them.
    let mut s = housing(Lang::En);
    let names: Vec<String> = s.targets.iter().map(|t| t.name.clone()).collect();
    with_lang(Lang::En, || {
        apply(&mut s, &Edit::Author(Author::RemoveTarget { index: 0 }))
    });
    let text = with_lang(Lang::En, || permitflow_model::to_toml(&s)).expect("written");
    let zh = with_lang(Lang::ZhCn, || {
        permitflow_model::parse_scenario(&text, "h.toml", permitflow_model::Format::Toml)
    })
    .expect("reads back");
    assert_eq!(s.targets[0].name, names[1]);
    assert_eq!(zh.targets[0].name, "公布：36.5个工作日");
}

#[test]
fn the_four_stage_template_is_named_in_both_languages() {
    use permitflow_i18n::{Lang, with_lang};
    let zh = with_lang(Lang::ZhCn, || template(true, start()));
    assert_eq!(zh.name, "新情景（全国四个审批阶段）");
    assert_eq!(zh.stages[2].name, "施工许可阶段");
    assert_eq!(zh.items[2].name, "施工许可证");
    let hb = zh.stages[2].lead.clone();
    assert_eq!(
        with_lang(Lang::ZhCn, || zh.department_label(&hb).to_owned()),
        "住房和城乡建设局"
    );
    let en = with_lang(Lang::En, || template(true, start()));
    assert_eq!(
        en.stages[0].name,
        "1 Project approval and land-use planning permit"
    );
    assert_eq!(en.items[0].name, "Land-use planning permit");
    // Saved in one language, read in the other.
    let text = with_lang(Lang::ZhCn, || permitflow_model::to_toml(&zh)).expect("written");
    let back = with_lang(Lang::En, || {
        permitflow_model::parse_scenario(&text, "t.toml", permitflow_model::Format::Toml)
    })
    .expect("reads back");
    assert_eq!(back.items[3].name, "Completion acceptance filing");
}

#[test]
fn removing_an_item_removes_the_milestones_it_reaches_and_says_so() {
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_model::{ItemId, Milestone, MilestoneAt, MilestoneId};
    let mut s = housing(Lang::En);
    s.milestones.clear();
    for (id, item) in [
        ("works", "construction_permit"),
        ("filed", "completion_filing"),
    ] {
        s.milestones.push(Milestone {
            id: MilestoneId::new(id),
            name: id.to_owned(),
            item: ItemId::new(item),
            at: MilestoneAt::Finish,
            note: String::new(),
        });
    }
    let remove = Author::RemoveItem {
        item: ItemId::new("construction_permit"),
    };
    let effects = with_lang(Lang::En, || removal_effects(&s, &remove));
    assert!(
        effects.contains(&"milestone `works` is removed (it is reached at this item)".to_owned()),
        "{effects:?}"
    );
    let zh = with_lang(Lang::ZhCn, || removal_effects(&s, &remove));
    assert!(
        zh.contains(&"里程碑“works”随之删除（它在该事项达到）".to_owned()),
        "{zh:?}"
    );
    // A renamed item takes its milestones with it.
    apply(
        &mut s,
        &Edit::Author(Author::RenameItem {
            item: ItemId::new("completion_filing"),
            to: ItemId::new("filing"),
        }),
    );
    assert_eq!(s.milestones[1].item.as_str(), "filing");
    apply(&mut s, &Edit::Author(remove));
    let left: Vec<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(left, ["filed"]);
    permitflow_model::validate(&s, "h.toml").expect("still valid");
}

#[test]
fn an_items_clock_unit_and_fee_are_edited_counted_and_undone() {
    let mut d = new_doc(true);
    let serial = |d: &Document| {
        let r = d.valid.regime("serial").expect("serial");
        evaluate(&d.valid, r, &d.calendar, Method::Paths).expect("solved")
    };
    let before = serial(&d);
    assert_eq!(before.approval_days, before.working_days());
    assert_eq!(before.fees, 0.0);
    let permit = ItemId::new("construction_permit");
    // Off the approval clock: its 3 working days leave the official time, not the elapsed.
    author(
        &mut d,
        Author::ItemClock {
            item: permit.clone(),
            clock: Clock::Special,
        },
    );
    let o = serial(&d);
    assert_eq!(o.working_days(), before.working_days());
    assert_eq!(o.approval_days.get(), before.approval_days.get() - 3.0);
    // In calendar days: the item spans exactly 3 days of the calendar, weekends included.
    author(
        &mut d,
        Author::ItemUnit {
            item: permit.clone(),
            unit: DayUnit::Calendar,
        },
    );
    let o = serial(&d);
    let k = o
        .network
        .activities
        .iter()
        .position(|a| a.id.as_str() == "construction_permit")
        .expect("the permit is scheduled");
    let (first, last) = o.dates[k];
    assert_eq!((last - first).num_days(), 2, "{first} to {last}");
    assert!(o.working_days() <= before.working_days());
    author(
        &mut d,
        Author::ItemNumber {
            item: permit.clone(),
            field: ItemNumber::Fee,
            value: Some(1200.0),
        },
    );
    assert_eq!(serial(&d).fees, 1200.0);
    for _ in 0..3 {
        d.undo();
    }
    let o = serial(&d);
    assert_eq!(
        (o.approval_days, o.working_days(), o.fees),
        (before.approval_days, before.working_days(), 0.0)
    );
}
