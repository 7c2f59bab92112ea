//! Joint groups authored through the [`Document`]: created with names in both languages,
//! members added and taken out, and removed with the measures and regimes that name them.

use permitflow_i18n::Lang;
use permitflow_model::{
    BaseMode, GroupId, ItemId, Measure, MeasureDef, MeasureId, Provenance, Regime, RegimeName,
    StageId,
};
use permitflow_solver::{Method, evaluate};

use super::tests::{build_three_stages, new_doc};
use super::*;

fn joint_days(d: &Document) -> f64 {
    let r = d
        .valid
        .regime("joint")
        .expect("the template's joint regime");
    let o = evaluate(&d.valid, r, &d.calendar, Method::Paths).expect("solved");
    o.schedule.makespan.get()
}

fn member(group: &str, item: &str, on: bool) -> Edit {
    Edit::Author(Author::GroupMember {
        group: GroupId::new(group),
        item: ItemId::new(item),
        on,
    })
}

/// The three stages plus a third land item, `land_check` (2 working days), and the group
/// `joint_land` of the land permit (5) and the site survey (3) under its own limit of 4.
fn with_group() -> Document {
    let mut d = new_doc(false);
    build_three_stages(&mut d);
    d.apply(
        &Edit::Author(Author::AddItem {
            id: ItemId::new("land_check"),
            stage: StageId::new("land"),
            department: "Natural Resources Bureau".into(),
            days: 2.0,
        }),
        false,
    );
    d.apply(
        &Edit::Batch(vec![
            Edit::AddGroup {
                id: GroupId::new("joint_land"),
                items: vec![ItemId::new("site_survey"), ItemId::new("land_permit")],
                days: Some(4.0),
            },
            Edit::Author(Author::GroupNameIn {
                group: GroupId::new("joint_land"),
                lang: Lang::ZhCn,
                name: "用地联合办理".into(),
            }),
            Edit::Author(Author::GroupNameIn {
                group: GroupId::new("joint_land"),
                lang: Lang::En,
                name: "Joint land review".into(),
            }),
        ]),
        false,
    );
    d
}

#[test]
fn a_group_is_created_with_both_names_and_its_members_change_the_joint_total() {
    let mut d = with_group();
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let g = &d.valid.joint_groups[0];
    // Members in the scenario's order, whatever order they were picked in.
    assert_eq!(
        g.items,
        [ItemId::new("land_permit"), ItemId::new("site_survey")]
    );
    assert_eq!(
        group_names(&d.draft, &d.draft.joint_groups[0]),
        ("用地联合办理".into(), "Joint land review".into())
    );
    assert_eq!(g.name, "用地联合办理 Joint land review");
    // Joint regime: land is one event of 4 next to land_check's 2, so 4; works 10 then 6 = 16;
    // done 4. 4 + 16 + 4 = 24.
    assert_eq!(joint_days(&d), 24.0);
    // land_check joins: the group's own limit still holds, 24.
    d.apply(&member("joint_land", "land_check", true), false);
    assert_eq!(d.valid.joint_groups[0].items.len(), 3);
    assert_eq!(joint_days(&d), 24.0);
    // Back to the longest member's limit: the land permit's 5, so 25.
    d.apply(
        &Edit::GroupDays {
            group: GroupId::new("joint_land"),
            days: None,
        },
        false,
    );
    assert_eq!(joint_days(&d), 25.0);
    // The land permit leaves: the group is the survey (3) and the check (2), the permit's 5
    // runs beside it, so the land stage still takes 5: 25.
    d.apply(&member("joint_land", "land_permit", false), false);
    assert_eq!(
        d.valid.joint_groups[0].items,
        [ItemId::new("site_survey"), ItemId::new("land_check")]
    );
    assert_eq!(joint_days(&d), 25.0);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    // Each is one undo step.
    assert!(d.undo());
    assert_eq!(d.valid.joint_groups[0].items.len(), 3);
}

#[test]
fn an_item_of_another_group_is_not_added_and_the_last_but_one_member_takes_the_group_along() {
    let mut d = with_group();
    d.apply(
        &Edit::AddGroup {
            id: GroupId::new("joint_works"),
            items: vec![ItemId::new("drawing_review"), ItemId::new("fire_review")],
            days: None,
        },
        false,
    );
    let before = d.draft.clone();
    // The drawing review is in joint_works: adding it to joint_land would merge the groups.
    d.apply(&member("joint_land", "drawing_review", true), false);
    assert_eq!(d.draft.joint_groups, before.joint_groups);
    let out = Author::GroupMember {
        group: GroupId::new("joint_land"),
        item: ItemId::new("site_survey"),
        on: false,
    };
    assert_eq!(
        removal_effects(&d.draft, &out),
        vec!["joint group `joint_land` is removed (fewer than two members left)"]
    );
    d.apply(&Edit::Author(out), false);
    assert_eq!(d.valid.joint_groups.len(), 1);
    assert_eq!(d.valid.joint_groups[0].id.as_str(), "joint_works");
    // Its labels went with it; undo brings group and names back.
    assert!(
        d.draft
            .labels
            .names
            .keys()
            .all(|(_, id)| id != "joint_land")
    );
    assert!(d.undo());
    assert_eq!(d.draft.joint_groups.len(), 2);
}

#[test]
fn removing_a_group_shows_and_removes_the_measure_that_names_only_it() {
    let d = with_group();
    let mut s = d.draft.clone();
    s.measures.push(MeasureDef {
        id: MeasureId::new("land_joint_review"),
        measure: Measure::JointReview {
            groups: Some(vec![GroupId::new("joint_land")]),
        },
        source: Provenance::Unspecified,
        note: String::new(),
    });
    s.regimes.push(Regime {
        name: RegimeName::new("land_reform"),
        description: String::new(),
        base: BaseMode::Parallel,
        measures: vec![MeasureId::new("land_joint_review")],
    });
    let group = GroupId::new("joint_land");
    assert_eq!(
        group_removal_effects(&s, &group),
        vec![
            "measure `land_joint_review` is removed (it names no other group); regimes that stop applying it: land_reform"
        ]
    );
    apply(&mut s, &Edit::RemoveGroup { group });
    assert!(s.joint_groups.is_empty());
    assert!(
        s.measures
            .iter()
            .all(|m| m.id.as_str() != "land_joint_review")
    );
    let r = s.regime("land_reform").expect("the regime stays");
    assert!(r.measures.is_empty(), "{:?}", r.measures);
    assert!(permitflow_model::validate(&s, "t.toml").is_ok());
}
