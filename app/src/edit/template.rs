//! Templates for a new scenario: the four national stages, or the least a scenario can be solved
//! with (one stage, one item) to build up from.

use permitflow_model::{Department, Draft, ItemId, Stage, StageId};

use super::author::new_item;

/// The four stages of the national engineering-construction approval reform (Guobanfa 2019
/// No. 11), one item each to start from, compared under the three standard regimes.
/// With `stages` false: one stage and one item, the least a scenario can be solved with.
pub fn template(four_stages: bool, start: chrono::NaiveDate) -> Draft {
    let stages: &[(&str, &str, &str, &str, &str, &str, f64)] = if four_stages {
        &[
            (
                "approval",
                "1 立项用地规划许可 Project approval and land-use planning permit",
                "Natural Resources Bureau",
                "land_use_permit",
                "建设用地规划许可证 Land-use planning permit",
                "Natural Resources Bureau",
                5.0,
            ),
            (
                "planning",
                "2 工程建设许可 Engineering planning permit",
                "Natural Resources Bureau",
                "planning_permit",
                "建设工程规划许可证 Engineering planning permit",
                "Natural Resources Bureau",
                5.0,
            ),
            (
                "construction",
                "3 施工许可 Construction permit",
                "Housing and Urban-Rural Development Bureau",
                "construction_permit",
                "施工许可证 Construction permit",
                "Housing and Urban-Rural Development Bureau",
                3.0,
            ),
            (
                "completion",
                "4 竣工验收 Completion acceptance",
                "Housing and Urban-Rural Development Bureau",
                "completion_filing",
                "竣工验收备案 Completion acceptance filing",
                "Housing and Urban-Rural Development Bureau",
                5.0,
            ),
        ]
    } else {
        &[(
            "stage_1",
            "Stage 1",
            "Lead department",
            "item_1",
            "item_1",
            "Department",
            1.0,
        )]
    };
    let mut d = Draft {
        name: if four_stages {
            "New scenario (four national stages)".into()
        } else {
            "New scenario".into()
        },
        description: String::new(),
        sources: Vec::new(),
        start,
        calendar: Default::default(),
        stages: Vec::new(),
        items: Vec::new(),
        links: Vec::new(),
        joint_groups: Vec::new(),
        measures: Vec::new(),
        regimes: Draft::standard_regimes(),
        targets: Vec::new(),
        labels: Default::default(),
    };
    for (sid, sname, lead, iid, iname, dept, days) in stages {
        let (sid, iid) = (StageId::new(*sid), ItemId::new(*iid));
        d.stages.push(Stage {
            id: sid.clone(),
            name: (*sname).into(),
            lead: Department::new(*lead),
        });
        let mut it = new_item(&iid, &sid, dept, *days);
        it.name = (*iname).into();
        d.items.push(it);
    }
    d
}
