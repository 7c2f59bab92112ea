//! `permitflow plan` on a flow with a publicity period in calendar days: the period is never
//! cut, the plan is re-timed exactly, and the table says so in both languages.

use crate::harness::{permitflow, permitflow_env, stdout};

const FLOW: &str = r#"version = 1
name = "Publicity in the middle"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
lead = "Bureau"

[[items]]
id = "a"
stage = "s"
department = "Bureau"
days = 5
floor = 1
cost = 1

[[items]]
id = "b"
stage = "s"
department = "Bureau"
days = 10
unit = "calendar"
clock = "special"
after = ["a"]

[[items]]
id = "c"
stage = "s"
department = "Bureau"
days = 3
after = ["b"]
"#;

fn flow() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("publicity.toml");
    std::fs::write(&path, FLOW).unwrap();
    let p = path.to_string_lossy().into_owned();
    (dir, p)
}

#[test]
fn plan_with_a_publicity_period_cuts_a_to_one_day_for_twelve() {
    // a 5 → b (Sat 03-08..Mon 03-17) → c: 14 working days. 12 needs a at 1 (b Tue 03-04..Thu
    // 03-13, c 03-14..03-18): a at 2 or 3 moves b over another weekend and still ends on 13.
    let (_dir, file) = flow();
    let args = [
        "plan", &file, "--regime", "parallel", "--target", "12", "--curve", "--format", "json",
    ];
    let o = permitflow(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["current_working_days"], 14.0);
    assert_eq!(v["working_days"], 12.0);
    assert_eq!(v["cost"], 4.0);
    assert_eq!(v["calendar_items"], serde_json::json!(["b"]));
    assert_eq!(v["cuts"][0]["id"], "a");
    assert_eq!(v["cuts"][0]["to"], 1.0);
    let curve: Vec<(f64, f64)> = v["curve"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["working_days"].as_f64().unwrap(),
                p["cost"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(curve, [(14.0, 0.0), (13.0, 1.0), (12.0, 4.0)]);

    let en = stdout(&permitflow(&[
        "plan", &file, "--regime", "parallel", "--target", "12",
    ]));
    assert!(
        en.contains("Counted in calendar days, never cut and placed exactly on the calendar: b."),
        "{en}"
    );
    assert!(
        en.contains("✓ reachable: 12 working days at a cost of 4"),
        "{en}"
    );
    let zh = stdout(&permitflow_env(
        &["plan", &file, "--regime", "parallel", "--target", "12"],
        &[("PERMITFLOW_LANG", "zh-CN")],
    ));
    assert!(
        zh.contains("按自然日计的事项不压缩，按日历精确排定：b。"),
        "{zh}"
    );
    assert!(zh.contains("✓ 可以达到：12 个工作日，成本 4"), "{zh}");
}
