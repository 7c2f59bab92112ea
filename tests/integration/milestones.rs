//! Milestones in `permitflow compare`: a table after the comparison (in both languages) and a
//! `milestones` array in the JSON, with the dates and day counts a developer checks by hand.

use crate::harness::{permitflow, root, stderr, stdout};

/// The shipped default scenario's all-approval flow (without its publicity, investigation and
/// works: the dates below are counted by hand on it) with two milestones, written to a
/// temporary folder.
fn scenario(dir: &std::path::Path) -> String {
    let shipped = crate::harness::approval_only(
        &std::fs::read_to_string(root().join("scenarios/social-investment-housing.toml"))
            .expect("the shipped scenario"),
    );
    let text = format!(
        "{shipped}\n[[milestones]]\nid = \"works\"\n\
         name = {{ zh = \"取得施工许可证\", en = \"Construction permit held\" }}\n\
         item = \"construction_permit\"\n\n\
         [[milestones]]\nid = \"registered\"\n\
         name = {{ zh = \"不动产首次登记\", en = \"First registration\" }}\n\
         item = \"first_registration\"\n"
    );
    let path = dir.join("m.toml");
    std::fs::write(&path, text).expect("written");
    path.to_string_lossy().into_owned()
}

#[test]
fn compare_dates_each_milestone_under_each_regime() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = scenario(dir.path());
    let o = permitflow(&["compare", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Serial: the permit on working day 55 (Wednesday 21 May); parallel 21 working and 33
    // calendar days sooner; the first registration with joint review on 23 April, day 36.5.
    for line in [
        "milestones: when each is reached, days from the application",
        "Construction permit held   serial         2025-05-21              55             55              80                          –                           –",
        "                           parallel       2025-04-18              34             34              47                        -21                         -33",
        "First registration         serial         2025-07-25           100.5          100.5             145                          –                           –",
        "                           joint          2025-04-23            36.5           36.5              52                        -64                         -93",
    ] {
        assert!(out.contains(line), "missing `{line}` in\n{out}");
    }
    let zh = permitflow(&["compare", &file, "--lang", "zh"]);
    let zh = stdout(&zh);
    for text in [
        "里程碑：各审批模式下的达到日期，天数自申请日起计",
        "累计自然日",
        "较串联审批（自然日）",
        "2025年4月23日",
    ] {
        assert!(zh.contains(text), "missing `{text}` in\n{zh}");
    }
}

#[test]
fn compare_json_lists_milestones_only_when_the_scenario_has_some() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = scenario(dir.path());
    let o = permitflow(&["compare", &file, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let m = &v["milestones"][1];
    assert_eq!(m["id"], "registered");
    assert_eq!(m["item"], "first_registration");
    assert_eq!(m["at"], "finish");
    let serial = &m["regimes"][0];
    assert_eq!(serial["regime"], "serial");
    assert_eq!(serial["vs_baseline"], serde_json::Value::Null);
    let parallel = &m["regimes"][1];
    assert_eq!(parallel["date"], "2025-05-14");
    assert_eq!(parallel["approval_days"], 49.5);
    assert_eq!(parallel["working_days"], 49.5);
    assert_eq!(parallel["calendar_days"], 73);
    assert_eq!(parallel["vs_baseline"]["working_days"], -51.0);
    assert_eq!(parallel["vs_baseline"]["calendar_days"], -72);
    // The measures in the decided order.
    let keys: Vec<&str> = parallel
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "regime",
            "date",
            "approval_days",
            "working_days",
            "calendar_days",
            "vs_baseline"
        ]
    );
    // A scenario without milestones (the industrial one) has no such array.
    let plain = permitflow(&["compare", "scenarios/industrial.toml", "--format", "json"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(plain.get("milestones").is_none());
    // The shipped default has five; the works start the day after the construction permit.
    let shipped = permitflow(&["compare", "--format", "json"]);
    let shipped: serde_json::Value = serde_json::from_slice(&shipped.stdout).expect("JSON");
    let ids: Vec<&str> = shipped["milestones"]
        .as_array()
        .expect("the default's milestones")
        .iter()
        .map(|m| m["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(
        ids,
        [
            "land_secured",
            "planning_permit_held",
            "works_started",
            "completion_filed",
            "registered"
        ]
    );
    // Joint: the construction permit is granted on Sunday 27 April 2025 (a make-up working
    // day), so the works start on Monday the 28th.
    let works = &shipped["milestones"][2];
    assert_eq!(works["at"], "start");
    assert_eq!(works["regimes"][2]["regime"], "joint");
    assert_eq!(works["regimes"][2]["date"], "2025-04-28");
}
