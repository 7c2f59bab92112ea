//! End-to-end tests of the `permitflow` executable: the numbers a planner checks, exit codes,
//! what-ifs, import, and the exact message a user sees for each broken input in tests/broken/.
//!
//! Set `BLESS=1` to rewrite tests/broken/expected/ after a deliberate change of wording; review
//! the diff before committing.

use crate::harness::{permitflow, root, stderr, stdout};

use std::path::{Path, PathBuf};

fn json(args: &[&str]) -> serde_json::Value {
    let o = permitflow(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn no_arguments_compares_the_default_scenario() {
    let o = permitflow(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("General social-investment housing (Hezhou 2020)\n"),
        "{out}"
    );
    for line in [
        "serial            100.5        –     100.5        –        145   2025-07-25 Fri      18      18          43            10",
        "joint              36.5      -64      36.5      -64         52   2025-04-23 Wed       4       4          26             2",
        "52 of 52 figures are assumed",
        "✓ met    published: 36.5 working days: 36.5 working days = 36.5",
    ] {
        assert!(out.contains(line), "missing `{line}` in\n{out}");
    }
}

#[test]
fn compare_json_has_the_documented_shape() {
    let v = json(&["compare", "--format", "json"]);
    assert_eq!(
        v["scenario"],
        "General social-investment housing (Hezhou 2020)"
    );
    let regimes = v["regimes"].as_array().unwrap();
    let names: Vec<&str> = regimes
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["serial", "parallel", "joint", "joint_online"]);
    let joint = &regimes[2];
    assert_eq!(joint["working_days"], 36.5);
    assert_eq!(joint["end_date"], "2025-04-23");
    assert_eq!(joint["trips"], 4);
    assert_eq!(joint["forms"], 4);
    assert_eq!(joint["departments"], 2);
    assert_eq!(joint["critical_path"][0], "project_filing");
    assert_eq!(
        joint["critical_path"].as_array().unwrap().last().unwrap(),
        "first_registration"
    );
    let stages: Vec<f64> = joint["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["working_days"].as_f64().unwrap())
        .collect();
    // 5 + 7 + 8 + 16.5 = 36.5, stage by stage.
    assert_eq!(stages, [5.0, 7.0, 8.0, 16.5]);
    assert_eq!(regimes[3]["trips"], 0, "online submission: no trips");
    assert_eq!(regimes[0]["working_days"], 100.5);
    // Both clocks: every item of the default scenario is on the approval clock, so approval
    // days equal working days; 145 calendar days from Monday 3 March to Friday 25 July.
    assert_eq!(regimes[0]["approval_days"], 100.5);
    assert_eq!(regimes[0]["calendar_days"], 145);
    assert_eq!(joint["approval_days"], 36.5);
    assert_eq!(joint["calendar_days"], 52);
    assert_eq!(joint["fees"], 0.0);
    assert_eq!(joint["stages"][0]["approval_days"], 5.0);
    // The keys in the documented order: approval_days, working_days, calendar_days, fees.
    let keys: Vec<&str> = joint
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let at = |k: &str| keys.iter().position(|x| *x == k).unwrap();
    assert!(at("approval_days") < at("working_days"));
    assert!(at("working_days") < at("calendar_days") && at("calendar_days") < at("fees"));
    // The honest mark: how many figures, how many assumed, and which.
    let figures = &v["figures"];
    assert!(figures["assumed"].as_u64().unwrap() <= figures["total"].as_u64().unwrap());
    assert_eq!(
        figures["assumed_figures"].as_array().unwrap().len() as u64,
        figures["assumed"].as_u64().unwrap()
    );
}

#[test]
fn solve_json_lists_items_with_offsets_dates_and_float() {
    let v = json(&["solve", "--regime", "parallel", "--format", "json"]);
    assert_eq!(v["regime"], "parallel");
    assert_eq!(v["working_days"], 49.5);
    let items = v["items"].as_array().unwrap();
    let item = |id: &str| items.iter().find(|i| i["id"] == id).unwrap().clone();
    let cad = item("civil_air_defence_design");
    assert_eq!(cad["start"], 23.0);
    assert_eq!(cad["finish"], 28.0);
    assert_eq!(cad["total_float"], 5.0);
    assert_eq!(cad["critical"], false);
    // Planning verification starts on the make-up working Sunday before Labour Day 2025.
    let pv = item("planning_acceptance");
    assert_eq!(pv["start_date"], "2025-04-27");
    let filing = item("completion_filing");
    assert_eq!(filing["finish"], 44.5);
    assert_eq!(filing["finish_date"], "2025-05-07");
    assert_eq!(item("first_registration")["finish_date"], "2025-05-14");
}

#[test]
fn lp_and_paths_print_the_same_schedule() {
    let a = stdout(&permitflow(&[
        "solve", "--regime", "joint", "--format", "csv",
    ]));
    let b = stdout(&permitflow(&[
        "solve", "--regime", "joint", "--format", "csv", "--method", "lp",
    ]));
    assert_eq!(a, b);
    assert!(a.starts_with(
        "id,name,department,stage,days,start,finish,start_date,finish_date,total_float,critical,clock,unit,fee,calendar\n"
    ));
}

#[test]
fn what_ifs_change_the_answer_without_editing_the_file() {
    // Fire acceptance cut from 10 to 5 saves nothing: planning survey 5 + verification 5 ties it.
    let v = json(&[
        "compare",
        "--format",
        "json",
        "--regime",
        "parallel",
        "--set",
        "fire_acceptance.days=5",
    ]);
    assert_eq!(v["regimes"][0]["working_days"], 49.5);
    // Cutting verification to 3 as well: the stage's longest chain becomes 8 instead of 10.
    let v = json(&[
        "compare",
        "--format",
        "json",
        "--regime",
        "parallel",
        "--set",
        "fire_acceptance.days=5",
        "--set",
        "planning_acceptance.days=3",
    ]);
    assert_eq!(v["regimes"][0]["working_days"], 47.5);
    // Dropping joint review from the joint regime gives the parallel answer back.
    let v = json(&[
        "compare",
        "--format",
        "json",
        "--regime",
        "joint",
        "--measure",
        "joint-joint_review",
    ]);
    assert_eq!(v["regimes"][0]["working_days"], 49.5);
    // Adding online submission to the serial regime: no trips, same days.
    let v = json(&[
        "compare",
        "--format",
        "json",
        "--regime",
        "serial",
        "--measure",
        "serial+online_submission",
    ]);
    assert_eq!(v["regimes"][0]["trips"], 0);
    assert_eq!(v["regimes"][0]["working_days"], 100.5);
    // A later start moves the dates, not the working days.
    let v = json(&[
        "compare",
        "--format",
        "json",
        "--regime",
        "joint",
        "--start",
        "2025-09-22",
    ]);
    assert_eq!(v["regimes"][0]["working_days"], 36.5);
    // The 37th working day from Monday 2025-09-22: 09-22..26 (5), Sunday 09-28 made up (6),
    // 09-29..30 (8), National Day and Mid-Autumn 10-01..08 off, 10-09..10 (10), Saturday 10-11
    // made up (11), then five full weeks to 11-14 (36): Monday 11-17.
    assert_eq!(v["regimes"][0]["end_date"], "2025-11-17");
}

#[test]
fn bad_what_ifs_are_clear_errors() {
    let o = permitflow(&["compare", "--set", "fire_acceptnce.days=5"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: `--set fire_acceptnce.days=5`: there is no item `fire_acceptnce`\n"
    );
    let o = permitflow(&["compare", "--set", "fire_acceptance.days=2.2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("error[E013]: the time limit 2.2 is not a multiple of half a working day"),
        "{}",
        stderr(&o)
    );
    let o = permitflow(&["compare", "--measure", "jiont+online_submission"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("write REGIME+MEASURE or REGIME-MEASURE with one of the regimes `serial`, `parallel`, `joint`, `joint_online`"));
    let o = permitflow(&["solve", "--regime", "fast"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown regime `fast`"));
    let o = permitflow(&["compare", "--start", "2025-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    // Dates are checked as the arguments are read (a typed value parser): clap names the option.
    assert!(
        stderr(&o).starts_with(
            "error: invalid value '2025-13-01' for '--start <DATE>': `2025-13-01` is not a date"
        ),
        "{}",
        stderr(&o)
    );
    let o = permitflow(&["compare", "--set", "fire_acceptance=5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("write ID.days=N, e.g. fire_design.days=3"));
    let o = permitflow(&["report", "--plan", "joint:NaN", "-o", "never-written.html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("write REGIME:DAYS, e.g. joint:30"));
}

#[test]
fn csv_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("permit.csv");
    std::fs::write(
        &csv,
        "id,name,department,stage,days,after,joint,materials\n\
         drawings,施工图审查,Drawing review agency,Construction,10,,plans=7,3\n\
         civil_air_defence,人防设计审查,Civil Air Defence Office,Construction,5,,plans,2\n\
         fire,消防设计审查,Fire and Rescue Bureau,Construction,5,,plans,2\n\
         permit,施工许可证,Housing Bureau,Construction,1,drawings;civil_air_defence;fire,,2\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    // The CSV item list itself: serial 21, parallel 11, joint 8.
    let v = json(&["compare", csv, "--format", "json", "--start", "2025-03-03"]);
    let days: Vec<f64> = v["regimes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["working_days"].as_f64().unwrap())
        .collect();
    assert_eq!(days, [21.0, 11.0, 8.0]);

    let toml = dir.path().join("permit.toml");
    let t = toml.to_str().unwrap();
    let o = permitflow(&["import", csv, "-o", t, "--start", "2025-03-03"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 stages, 4 items, 3 links, 1 joint groups"),
        "{}",
        stderr(&o)
    );
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(written.contains("name = \"施工图审查\""), "{written}");
    let v2 = json(&["compare", t, "--format", "json"]);
    assert_eq!(
        v["regimes"], v2["regimes"],
        "the imported scenario gives the same answers"
    );

    // No silent overwrite; --force replaces atomically.
    let o = permitflow(&["import", csv, "-o", t]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("exists"), "{}", stderr(&o));
    let o = permitflow(&["import", csv, "-o", t, "--force", "--start", "2025-03-03"]);
    assert!(o.status.success());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".permitflow-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
    // A folder that does not exist: a clear error, nothing written.
    let o = permitflow(&[
        "import",
        csv,
        "-o",
        dir.path().join("no/such/dir/x.toml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
}

#[test]
fn check_reports_targets_and_exit_codes() {
    let o = permitflow(&["check", "scenarios/social-investment-housing.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("  joint: 36.5 approval days, 36.5 working days, 52 calendar days\n")
    );
    assert!(
        stdout(&o).contains("target met: 2020 target: 60 working days: 36.5 working days ≤ 60")
    );

    // A missed target: exit 1; a broken file alongside: reported, the others still run, exit 2.
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("scenarios/social-investment-housing.toml")).unwrap();
    let missed = dir.path().join("missed.toml");
    std::fs::write(
        &missed,
        text.replace("working_days = 60", "working_days = 30"),
    )
    .unwrap();
    let o = permitflow(&["check", missed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("target MISSED: 2020 target: 60 working days: 36.5 working days > 30"),
        "{}",
        stdout(&o)
    );
    let o = permitflow(&["check", "tests/broken/cycle.toml", missed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("E012"));
    assert!(
        stdout(&o).contains("target MISSED"),
        "the valid file is still checked"
    );
}

#[test]
fn unreadable_files_are_named() {
    let o = permitflow(&["compare", "no/such/file.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.starts_with("error[E001]: cannot read the file: No such file or directory"),
        "{e}"
    );
    assert!(e.contains("--> no/such/file.toml"), "{e}");
    let o = permitflow(&["compare", ".gitignore"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unsupported file type"));
}

/// Every broken file gives exit 2 and exactly the message recorded next to it.
#[test]
fn broken_corpus_gives_the_recorded_errors() {
    let dir = root().join("tests/broken");
    let bless = std::env::var_os("BLESS").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus has {} files", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
        let o = permitflow(&["check", &rel, "--start", "2025-03-03"]);
        let got = format!(
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            o.status.code().unwrap_or(-1),
            stdout(&o),
            stderr(&o)
        );
        if o.status.code() != Some(2) {
            failures.push(format!("{rel}: exit {:?}, expected 2", o.status.code()));
        }
        let expected_path = dir.join("expected").join(format!(
            "{}.out",
            Path::new(&rel).file_name().unwrap().to_str().unwrap()
        ));
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{rel}:\n--- want\n{want}\n--- got\n{got}")),
            Err(_) => failures.push(format!(
                "{rel}: no {} (run with BLESS=1)",
                expected_path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn huge_files_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    // A sparse 1,025 MB file: nothing is written, nothing need be read.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1025 * 1024 * 1024)
        .unwrap();
    let o = permitflow(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("error[E001]: the file is 1025 MB; permitflow reads input files up to 1024 MB"),
        "{e}"
    );
}

/// The default scenario with land pre-examination (5 working days, the second item of the
/// first stage) as a special procedure off the approval clock, with a fee of 1,200 yuan.
fn special_pre_examination(dir: &std::path::Path) -> std::path::PathBuf {
    let text =
        std::fs::read_to_string(root().join("scenarios/social-investment-housing.toml")).unwrap();
    let text = text.replacen(
        "id = \"land_pre_exam\"",
        "id = \"land_pre_exam\"\nclock = \"special\"\nfee = { value = 1200, source = \"assumed\" }",
        1,
    );
    let path = dir.join("special.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn compare_shows_both_clocks_when_an_item_is_off_the_approval_clock() {
    let dir = tempfile::tempdir().unwrap();
    let file = special_pre_examination(dir.path());
    let f = file.to_str().unwrap();
    let o = permitflow(&["compare", f, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let at = |c: &str| header.iter().position(|h| h == c).unwrap();
    let serial = r.records().next().unwrap().unwrap();
    // Serial runs one item after the other: 100.5 working days elapsed, 5 of them (the
    // pre-examination) off the clock, so 95.5 approval days; the fee is the only one.
    assert_eq!(&serial[at("approval_days")], "95.5");
    assert_eq!(&serial[at("working_days")], "100.5");
    assert_eq!(&serial[at("calendar_days")], "145");
    assert_eq!(&serial[at("fees")], "1200");
    assert_eq!(
        &serial[at("stage_approval_days")],
        "approval=8;planning=15;construction=27;completion=45.5"
    );
    assert_eq!(
        &serial[at("stages")],
        "approval=13;planning=15;construction=27;completion=45.5"
    );
    // 52 limits and floors, all assumed, and the fee, assumed too.
    assert_eq!(&serial[at("assumed_figures")], "53");
    assert_eq!(&serial[at("figures")], "53");
    // The table for people: the fees column appears, the saving on both clocks.
    let table = stdout(&permitflow(&["compare", f]));
    assert!(
        table.contains("(yuan)") && table.contains("1,200"),
        "{table}"
    );
    assert!(table.contains("53 of 53 figures are assumed"), "{table}");
    let parallel = table
        .lines()
        .find(|l| l.trim_start().starts_with("parallel "))
        .unwrap();
    // Parallel: 49.5 approval and elapsed days, 46 fewer approval days than serial's 95.5 and
    // 51 fewer elapsed days than its 100.5.
    assert!(
        parallel.contains("49.5      -46      49.5      -51"),
        "{parallel}"
    );
    // solve: the heading names both clocks, the item its clock.
    let solve = stdout(&permitflow(&["solve", f, "--regime", "serial"]));
    assert!(
        solve.contains("95.5 approval days, 100.5 working days, 145 calendar days"),
        "{solve}"
    );
    let pre = solve.lines().find(|l| l.contains("land_pre_exam")).unwrap();
    assert!(pre.contains("special"), "{pre}");
    assert!(solve.contains("fees: 1,200 yuan"), "{solve}");
}
