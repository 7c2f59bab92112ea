//! Names in two languages (issue 19): an item list with Chinese column headers reads and solves
//! like its English twin, `import` writes it in Chinese, and the shipped library shows English
//! names in English output.

use crate::harness::{permitflow, stderr, stdout};

/// The schedule of an item list under `regime`, without the columns that name things (name,
/// department, stage), which differ between the twins by language only.
fn schedule(file: &str, regime: &str) -> Vec<String> {
    let o = permitflow(&[
        "solve",
        file,
        "--regime",
        regime,
        "--start",
        "2025-03-03",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            [0, 4, 5, 6, 7, 8, 9, 10].map(|i| cells[i]).join(",")
        })
        .collect()
}

#[test]
fn a_chinese_header_solves_to_the_schedule_of_its_english_twin() {
    for regime in ["serial", "parallel", "joint"] {
        let en = schedule("scenarios/construction-permit.csv", regime);
        let zh = schedule("tests/data/construction-permit-zh.csv", regime);
        assert_eq!(zh, en, "{regime}");
        assert!(en.len() > 1);
    }
    // By hand: the joint review takes 7 working days from Monday 3 March 2025, the permit one
    // more: 8 working days, the permit issued on Wednesday 12 March.
    let joint = schedule("tests/data/construction-permit-zh.csv", "joint");
    assert_eq!(joint[2], "permit,1,7,8,2025-03-12,2025-03-12,0,true");
}

#[test]
fn import_writes_a_chinese_list_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("permit.toml");
    let out_s = out.to_str().unwrap();
    let o = permitflow(&[
        "import",
        "tests/data/construction-permit-zh.csv",
        "-o",
        out_s,
        "--start",
        "2025-03-03",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# 由 permitflow 从 "), "{text}");
    assert!(
        text.contains(
            "description = \"由 CSV 事项清单 tests/data/construction-permit-zh.csv 导入。\""
        ),
        "{text}"
    );
    assert!(
        text.contains("name = { zh = \"施工图审查\", en = \"Construction-drawing review\" }"),
        "{text}"
    );
    // The file reads back and solves like the list.
    let o = permitflow(&["solve", out_s, "--regime", "joint", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("permit,Construction permit,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_shipped_library_shows_english_names_in_english() {
    let o = permitflow(&[
        "solve",
        "scenarios/social-investment-housing.toml",
        "--regime",
        "joint",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("project_filing,Investment project filing,"),
        "{out}"
    );
    assert!(!out.contains("企业投资项目备案"), "{out}");
}

#[test]
fn an_xlsx_list_with_chinese_headers_compares_like_the_csv() {
    let compare = |file: &str| -> serde_json::Value {
        let o = permitflow(&["compare", file, "--start", "2025-03-03", "--format", "json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let zh = compare("tests/data/construction-permit-zh.xlsx");
    let en = compare("scenarios/construction-permit.csv");
    assert_eq!(zh["regimes"], en["regimes"]);
    // Serial: 10 + 5 + 5 + 1 working days; joint: the 7-day joint review, then the permit.
    assert_eq!(zh["regimes"][0]["working_days"], 21.0);
    assert_eq!(zh["regimes"][2]["working_days"], 8.0);
}
