//! Every command that runs a resolved scenario says which project attribute values it ran with
//! (`simulate`, `plan`, `report`, `chart`, `export`, as `compare`, `solve` and `check` do), and
//! only when the scenario declares attributes.

use crate::harness::{permitflow, root, stderr, stdout};

fn regional() -> String {
    root()
        .join("tests/data/measure-regional.toml")
        .to_string_lossy()
        .into_owned()
}

fn plain() -> String {
    root()
        .join("tests/data/measure-commitment.toml")
        .to_string_lossy()
        .into_owned()
}

/// `args` run, exit 0, stdout.
fn run(args: &[&str]) -> String {
    let o = permitflow(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

const YES: [&str; 2] = ["--attr", "in_assessed_area=yes"];

#[test]
fn simulate_and_plan_print_the_attribute_values_in_tables_and_json() {
    let f = regional();
    let sim = |more: &[&str]| {
        let mut a = vec!["simulate", f.as_str(), "--iterations", "200"];
        a.extend(YES);
        a.extend(more);
        run(&a)
    };
    let table = sim(&[]);
    assert!(
        table
            .lines()
            .nth(1)
            .is_some_and(|l| l == "Project attributes: in_assessed_area = yes"),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&sim(&["--format", "json"])).unwrap();
    assert_eq!(json["attributes"]["in_assessed_area"], true);
    let mut a = vec!["plan", f.as_str(), "--regime", "regional", "--target", "15"];
    a.extend(YES);
    let table = run(&a);
    assert!(
        table.contains("\nProject attributes: in_assessed_area = yes\n"),
        "{table}"
    );
    a.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run(&a)).unwrap();
    assert_eq!(json["attributes"]["in_assessed_area"], true);
    assert_eq!(json["current_working_days"], 15.0);
    // A scenario without attributes reads as before.
    let p = plain();
    let table = run(&["simulate", p.as_str(), "--iterations", "200"]);
    assert!(!table.contains("Project attributes"), "{table}");
    let out = run(&["simulate", &p, "--iterations", "200", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json.get("attributes").is_none(), "{json}");
}

#[test]
fn report_chart_and_export_carry_the_attribute_values() {
    let dir = tempfile::tempdir().unwrap();
    let f = regional();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let with = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend(YES);
        run(&a);
    };
    let html = out("r.html");
    with(&["report", &f, "--out", &html]);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("<h2>Project attributes</h2>"), "no table");
    assert!(
        text.contains("<td><code>in_assessed_area</code></td><td>in an area with regional assessment</td><td>yes</td>"),
        "the attribute row"
    );
    let svg = out("c.svg");
    with(&["chart", &f, "--out", &svg]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("Project attributes: in_assessed_area = yes"),
        "the chart's footnote"
    );
    let xml = out("e.xml");
    with(&["export", &f, "--regime", "regional", "--out", &xml]);
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<Subject>Project attributes: in_assessed_area = yes</Subject>"),
        "MSPDI subject"
    );
    let json = out("e.json");
    with(&[
        "export", &f, "--regime", "regional", "--format", "json", "--out", &json,
    ]);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["attributes"]["in_assessed_area"], true);
    // Without attributes: no table, no footnote, no subject.
    let p = plain();
    run(&["report", &p, "--out", &html]);
    assert!(
        !std::fs::read_to_string(&html)
            .unwrap()
            .contains("Project attributes")
    );
    run(&["chart", &p, "--out", &svg]);
    assert!(
        !std::fs::read_to_string(&svg)
            .unwrap()
            .contains("Project attributes")
    );
    run(&["export", &p, "--regime", "commit", "--out", &xml]);
    assert!(!std::fs::read_to_string(&xml).unwrap().contains("<Subject>"));
}
