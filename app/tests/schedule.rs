//! The schedule CSV the CLI and the desktop app both write.

use permitflow_app::export::{SCHEDULE_COLUMNS, schedule_csv};
use permitflow_model::{Calendar, Format, parse_scenario};
use permitflow_solver::{Method, evaluate};

const SCENARIO: &str = r#"
version = 1
name = "CSV test"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
name = "Planning, and permits"
lead = "Bureau"

[[items]]
id = "a"
name = "Review \"A\", with a comma"
department = "Bureau"
stage = "s"
days = 3

[[items]]
id = "b"
department = "Fire"
stage = "s"
days = 1.5
after = ["a"]

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 2
clock = "special"
fee = 800

[[regimes]]
name = "parallel"
base = "parallel"
"#;

#[test]
fn one_row_per_item_with_dates_float_and_quoting() {
    let s = parse_scenario(SCENARIO, "test.toml", Format::Toml).unwrap();
    let cal = Calendar::weekends();
    let o = evaluate(&s, s.regime("parallel").unwrap(), &cal, Method::Paths).unwrap();
    let text = schedule_csv(&o, &cal);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), SCHEDULE_COLUMNS.as_slice());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // The stage gate is left out: three items.
    assert_eq!(rows.len(), 3);
    // a: days 0–3, Mon 3 to Wed 5 March; critical. b: 3–4.5, Thu 6 to Fri 7 (half a day).
    // c: 0–2 with 2.5 days of float.
    assert_eq!(
        rows[0],
        [
            "a",
            "Review \"A\", with a comma",
            "Bureau",
            "Planning, and permits",
            "3",
            "0",
            "3",
            "2025-03-03",
            "2025-03-05",
            "0",
            "true",
            "approval",
            "working",
            "0",
            ""
        ]
    );
    assert_eq!(
        &rows[1][4..],
        [
            "1.5",
            "3",
            "4.5",
            "2025-03-06",
            "2025-03-07",
            "0",
            "true",
            "approval",
            "working",
            "0",
            ""
        ]
    );
    // c is a special procedure (off the approval clock) with a fee of 800 yuan.
    assert_eq!(
        &rows[2][4..],
        [
            "2",
            "0",
            "2",
            "2025-03-03",
            "2025-03-04",
            "2.5",
            "false",
            "special",
            "working",
            "800",
            ""
        ]
    );
    // The name with a quote and a comma is quoted in the file.
    assert!(text.contains("\"Review \"\"A\"\", with a comma\""));
}

#[test]
fn the_json_schedule_has_both_clocks_fees_and_the_honest_mark() {
    let s = parse_scenario(SCENARIO, "test.toml", Format::Toml).unwrap();
    let cal = Calendar::weekends();
    let o = evaluate(&s, s.regime("parallel").unwrap(), &cal, Method::Paths).unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&permitflow_app::export::schedule_json(&s, &cal, &o)).unwrap();
    // a (0–3) and b (3–4.5) are on the approval clock; c (0–2, special) runs beside a and adds
    // nothing: 4.5 approval days, 4.5 elapsed, Monday 3 to Friday 7 March is 5 calendar days.
    assert_eq!(v["approval_days"], 4.5);
    assert_eq!(v["working_days"], 4.5);
    assert_eq!(v["calendar_days"], 5);
    assert_eq!(v["fees"], 800.0);
    // Three limits and a fee, none of them marked `assumed`.
    assert_eq!(v["figures"]["total"], 4);
    assert_eq!(v["figures"]["assumed"], 0);
    assert_eq!(v["items"][2]["clock"], "special");
    assert_eq!(v["items"][2]["fee"], 800.0);
}
