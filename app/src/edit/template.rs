//! Templates for a new scenario: the four national stages, or the least a scenario can be solved
//! with (one stage, one item) to build up from.

use permitflow_model::{Department, Draft, ItemId, Label, Named, Part, Stage, StageId};

use super::author::new_item;

/// A name in Chinese and English: the Chinese as written, as `name = { zh, en }` reads.
fn both(zh: &str, en: &str) -> Named {
    Named {
        written: zh.to_owned(),
        label: Label {
            zh: Some(zh.to_owned()),
            en: Some(en.to_owned()),
        },
    }
}

/// The four stages of the national engineering-construction approval reform (Guobanfa 2019
/// No. 11), one item each to start from, compared under the three standard regimes; the stages,
/// items and departments named in Chinese and English (shown in the current language).
/// With `stages` false: one stage and one item, the least a scenario can be solved with.
pub fn template(four_stages: bool, start: chrono::NaiveDate) -> Draft {
    // Stage id, Chinese and English names, lead; item id, Chinese and English names, department.
    type Row<'a> = (
        &'a str,
        [&'a str; 2],
        &'a str,
        &'a str,
        [&'a str; 2],
        &'a str,
        f64,
    );
    const NRB: &str = "Natural Resources Bureau";
    const HB: &str = "Housing and Urban-Rural Development Bureau";
    let stages: &[Row] = if four_stages {
        &[
            (
                "approval",
                [
                    "立项用地规划许可阶段",
                    "1 Project approval and land-use planning permit",
                ],
                NRB,
                "land_use_permit",
                ["建设用地规划许可证", "Land-use planning permit"],
                NRB,
                5.0,
            ),
            (
                "planning",
                ["工程建设许可阶段", "2 Engineering planning permit"],
                NRB,
                "planning_permit",
                ["建设工程规划许可证", "Engineering planning permit"],
                NRB,
                5.0,
            ),
            (
                "construction",
                ["施工许可阶段", "3 Construction permit"],
                HB,
                "construction_permit",
                ["施工许可证", "Construction permit"],
                HB,
                3.0,
            ),
            (
                "completion",
                ["竣工验收阶段", "4 Completion acceptance"],
                HB,
                "completion_filing",
                ["竣工验收备案", "Completion acceptance filing"],
                HB,
                5.0,
            ),
        ]
    } else {
        &[(
            "stage_1",
            ["", "Stage 1"],
            "Lead department",
            "item_1",
            ["", "item_1"],
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
        milestones: vec![],
        labels: Default::default(),
        rules: Default::default(),
    };
    for (sid, [szh, sen], lead, iid, [izh, ien], dept, days) in stages {
        let (sid, iid) = (StageId::new(*sid), ItemId::new(*iid));
        d.stages.push(Stage {
            id: sid.clone(),
            name: (*sen).into(),
            lead: Department::new(*lead),
        });
        let mut it = new_item(&iid, &sid, dept, *days);
        it.name = (*ien).into();
        d.items.push(it);
        if !szh.is_empty() {
            let names = &mut d.labels.names;
            names.insert((Part::Stage, sid.to_string()), both(szh, sen));
            names.insert((Part::Item, iid.to_string()), both(izh, ien));
        }
    }
    if four_stages {
        let departments = [(NRB, "自然资源和规划局"), (HB, "住房和城乡建设局")];
        for (en, zh) in departments {
            let label = Label {
                zh: Some(zh.to_owned()),
                en: Some(en.to_owned()),
            };
            d.labels.departments.insert(Department::new(en), label);
        }
        d.labels.names.insert(
            (Part::Scenario, String::new()),
            both(
                "新情景（全国四个审批阶段）",
                "New scenario (four national stages)",
            ),
        );
    }
    d.relabel();
    d
}
