//! The regression corpus of issue 17: every hostile input a new user tried, run as a user meets
//! it — the real executable, under a 3 GB address-space limit and a 60 s guard — ending with the
//! documented exit code and a clear message, and leaving every file that existed byte-identical
//! (no output is written for a refused command). Large inputs are generated here. The hostile
//! workbooks, FIFOs, standard input and capped diagnostics run under the same limit in
//! `reads.rs`; the batch walk, merge, portfolio and calendar-file cases in more detail in
//! `ci_results.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::root;

/// One hostile command: files made in a fresh folder, the arguments (`{dir}` is that folder,
/// `{root}` the workspace), the exit code and a phrase of the message.
struct Case {
    name: &'static str,
    setup: fn(&Path),
    args: &'static [&'static str],
    code: i32,
    says: &'static str,
    /// Standard output goes to this file instead of a pipe (`/dev/full`: a full disk).
    stdout: Option<&'static str>,
}

fn nothing(_: &Path) {}

fn copy(from: &str, dir: &Path, to: &str) {
    std::fs::copy(root().join(from), dir.join(to)).unwrap();
}

fn scenario(dir: &Path) {
    copy("scenarios/industrial.toml", dir, "s.toml");
}

#[cfg(unix)]
fn zero_scenario(dir: &Path) {
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
}

#[cfg(unix)]
fn zero_calendar(dir: &Path) {
    std::os::unix::fs::symlink("/dev/zero", dir.join("2025.json")).unwrap();
    let text = std::fs::read_to_string(root().join("scenarios/industrial.toml")).unwrap();
    let text = text.replacen(
        "calendar = \"cn\"",
        "calendar = { base = \"cn\", files = [\"2025.json\"] }",
        1,
    );
    std::fs::write(dir.join("s.toml"), text).unwrap();
}

fn chain(dir: &Path) {
    let mut text = String::from("id,name,department,stage,days,after\n");
    for i in 0..100_000 {
        let after = if i > 0 {
            format!("i{}", i - 1)
        } else {
            String::new()
        };
        text.push_str(&format!("i{i},Item {i},Dept {},S1,1,{after}\n", i % 7));
    }
    std::fs::write(dir.join("chain.csv"), text).unwrap();
}

/// One item more than a scenario may have, in rows short enough to pass the cell limit (once an
/// abort on allocation: the rows were all read before the item count was checked).
fn too_many_rows(dir: &Path) {
    use std::io::Write;
    let file = std::fs::File::create(dir.join("rows.csv")).unwrap();
    let mut w = std::io::BufWriter::new(file);
    writeln!(w, "id,name,department,stage,days,after").unwrap();
    // A quoted name: the list is read on one thread (the debug build reads it once, not in parts
    // and then again).
    writeln!(w, "q,\"n\",d,s,1,").unwrap();
    for i in 1..=2_000_000 {
        writeln!(w, "i{i},n,d,s,1,").unwrap();
    }
    w.flush().unwrap();
}

/// The shipped portfolio with its scenarios named by absolute path, edited by `edit`.
fn portfolio_with(dir: &Path, edit: fn(String) -> String) {
    let text = std::fs::read_to_string(root().join("portfolios/mid-sized-city.toml")).unwrap();
    let scenarios = format!("{}/", root().join("scenarios").display());
    let text = text.replace("../scenarios/", &scenarios);
    std::fs::write(dir.join("city.toml"), edit(text)).unwrap();
}

fn portfolio(dir: &Path) {
    portfolio_with(dir, |t| t);
}

fn portfolio_huge_arrivals(dir: &Path) {
    portfolio_with(dir, |t| {
        t.replacen(
            "per_year = { value = 120, source = \"assumed\" }",
            "per_year = { value = 1e9, source = \"assumed\" }",
            1,
        )
    });
}

fn portfolio_unknown_department(dir: &Path) {
    portfolio_with(dir, |t| {
        t.replacen(
            "name = \"Natural Resources Bureau\"",
            "name = \"Natural Resource Bureau\"",
            1,
        )
    });
}

/// A library folder with one scenario and a symlink back to the folder (a loop).
#[cfg(unix)]
fn library_with_loop(dir: &Path) {
    let lib = dir.join("lib");
    std::fs::create_dir(&lib).unwrap();
    copy("scenarios/industrial.toml", &lib, "s.toml");
    std::os::unix::fs::symlink(&lib, lib.join("again")).unwrap();
    std::os::unix::fs::symlink(lib.join("s.toml"), lib.join("same.toml")).unwrap();
}

/// A library folder with one scenario and a symlink to nothing.
#[cfg(unix)]
fn library_with_dangling_link(dir: &Path) {
    let lib = dir.join("lib");
    std::fs::create_dir(&lib).unwrap();
    copy("scenarios/industrial.toml", &lib, "s.toml");
    std::os::unix::fs::symlink(dir.join("gone.toml"), lib.join("gone.toml")).unwrap();
}

const RESULTS_HEADER: &str = "file,scenario,regime,approval_days,working_days,calendar_days,fees,end_date,trips,forms,materials,departments,targets,status,error,assumed_figures,figures,calendar";

fn shard(dir: &Path, name: &str, header: &str, status: &str) {
    std::fs::write(
        dir.join(name),
        format!("{header}\ns.toml,S,joint,38.5,38.5,54,0,2025-04-25,4,4,26,2,,{status},,10,40,\n"),
    )
    .unwrap();
}

fn shards_unknown_status(dir: &Path) {
    shard(dir, "a.csv", RESULTS_HEADER, "ok");
    shard(dir, "b.csv", RESULTS_HEADER, "maybe");
}

fn shards_renamed_column(dir: &Path) {
    shard(dir, "a.csv", RESULTS_HEADER, "ok");
    shard(
        dir,
        "b.csv",
        &RESULTS_HEADER.replace("working_days", "days"),
        "ok",
    );
}

fn shards_empty(dir: &Path) {
    shard(dir, "a.csv", RESULTS_HEADER, "ok");
    std::fs::write(dir.join("b.csv"), "").unwrap();
}

fn shards_one(dir: &Path) {
    shard(dir, "a.csv", RESULTS_HEADER, "ok");
}

/// The scenario with holiday files `a.json` and `b.json` (written by the caller).
fn scenario_with_calendars(dir: &Path, files: &[(&str, &str)]) {
    let text = std::fs::read_to_string(root().join("scenarios/industrial.toml")).unwrap();
    let names: Vec<String> = files.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    let text = text.replacen(
        "calendar = \"cn\"",
        &format!(
            "calendar = {{ base = \"cn\", files = [{}] }}",
            names.join(", ")
        ),
        1,
    );
    std::fs::write(dir.join("s.toml"), text).unwrap();
    for (name, body) in files {
        std::fs::write(dir.join(name), body).unwrap();
    }
}

fn calendars_that_disagree(dir: &Path) {
    scenario_with_calendars(
        dir,
        &[
            (
                "a.json",
                r#"{"year": 2025, "days": [{"name": "x", "date": "2025-03-10", "isOffDay": true}]}"#,
            ),
            (
                "b.json",
                r#"{"year": 2025, "days": [{"name": "x", "date": "2025-03-10", "isOffDay": false}]}"#,
            ),
        ],
    );
}

fn calendar_outside_its_year(dir: &Path) {
    scenario_with_calendars(
        dir,
        &[(
            "a.json",
            r#"{"year": 2025, "days": [{"name": "x", "date": "2031-03-10", "isOffDay": true}]}"#,
        )],
    );
}

const CASES: &[Case] = &[
    Case {
        name: "2,000,001 short rows (once an abort on allocation)",
        setup: too_many_rows,
        args: &["check", "{dir}/rows.csv", "--start", "2025-03-03"],
        code: 2,
        says: "rows.csv:2000002:1",
        stdout: None,
    },
    Case {
        name: "a 100,000-item chain (once a stack overflow)",
        setup: chain,
        args: &["check", "{dir}/chain.csv", "--start", "2025-03-03"],
        code: 0,
        says: "",
        stdout: None,
    },
    Case {
        name: "a trillion iterations (once an abort on allocation)",
        setup: nothing,
        args: &["simulate", "--iterations", "1000000000000"],
        code: 2,
        says: "is not in 1..=10000000",
        stdout: None,
    },
    Case {
        name: "no iterations (once NaN)",
        setup: nothing,
        args: &["simulate", "--iterations", "0"],
        code: 2,
        says: "0 is not in 1..=10000000",
        stdout: None,
    },
    Case {
        name: "a billion replications",
        setup: portfolio,
        args: &["centre", "{dir}/city.toml", "--replications", "1000000000"],
        code: 2,
        says: "is not in 1..=100000",
        stdout: None,
    },
    Case {
        name: "a horizon of 1e9 (once ran for ever)",
        setup: portfolio,
        args: &["centre", "{dir}/city.toml", "--horizon", "1e9"],
        code: 2,
        says: "at most 10,000 working days",
        stdout: None,
    },
    Case {
        name: "a chart at scale 50",
        setup: nothing,
        args: &["chart", "--scale", "50", "-o", "{dir}/x.png"],
        code: 2,
        says: "from 0.25 to 8",
        stdout: None,
    },
    Case {
        name: "a chart at scale 0 (once a 1×1 PNG)",
        setup: nothing,
        args: &["chart", "--scale", "0", "-o", "{dir}/x.png"],
        code: 2,
        says: "from 0.25 to 8",
        stdout: None,
    },
    Case {
        name: "a plan target of NaN",
        setup: nothing,
        args: &["report", "--plan", "joint:NaN", "-o", "{dir}/x.html"],
        code: 2,
        says: "REGIME:DAYS",
        stdout: None,
    },
    Case {
        name: "export over its own scenario",
        setup: scenario,
        args: &[
            "export",
            "{dir}/s.toml",
            "--regime",
            "joint",
            "-o",
            "{dir}/s.toml",
        ],
        code: 2,
        says: "is an input of this command",
        stdout: None,
    },
    Case {
        name: "a report over its own scenario",
        setup: scenario,
        args: &["report", "{dir}/s.toml", "-o", "{dir}/s.toml"],
        code: 2,
        says: "is an input of this command",
        stdout: None,
    },
    Case {
        name: "batch results over the scenario (once truncated it, exit 0)",
        setup: scenario,
        args: &["batch", "{dir}/s.toml", "--out", "{dir}/s.toml"],
        code: 2,
        says: "is an input of this command",
        stdout: None,
    },
    Case {
        name: "--out and --junit on one file",
        setup: scenario,
        args: &[
            "batch",
            "{dir}/s.toml",
            "--out",
            "{dir}/r.csv",
            "--junit",
            "{dir}/./r.csv",
        ],
        code: 2,
        says: "are the same file",
        stdout: None,
    },
    #[cfg(unix)]
    Case {
        name: "a scenario that is /dev/zero",
        setup: zero_scenario,
        args: &["solve", "{dir}/zero.toml", "--regime", "parallel"],
        code: 2,
        says: "the input is larger than 256 MB",
        stdout: None,
    },
    #[cfg(unix)]
    Case {
        name: "a calendar file that is /dev/zero",
        setup: zero_calendar,
        args: &["solve", "{dir}/s.toml", "--regime", "parallel"],
        code: 2,
        says: "the input is larger than 256 MB",
        stdout: None,
    },
    #[cfg(unix)]
    Case {
        name: "a batch folder with a symlink loop and a second link to one file",
        setup: library_with_loop,
        args: &["batch", "{dir}/lib", "--start", "2025-03-03"],
        code: 0,
        says: "run once",
        stdout: None,
    },
    #[cfg(unix)]
    Case {
        name: "a batch folder with a dangling link (once skipped, exit 0)",
        setup: library_with_dangling_link,
        args: &["batch", "{dir}/lib", "--start", "2025-03-03"],
        code: 2,
        says: "gone.toml",
        stdout: None,
    },
    Case {
        name: "merge: one shard twice",
        setup: shards_one,
        args: &[
            "merge",
            "{dir}/a.csv",
            "{dir}/./a.csv",
            "-o",
            "{dir}/all.csv",
        ],
        code: 2,
        says: "a.csv",
        stdout: None,
    },
    Case {
        name: "merge: an empty shard",
        setup: shards_empty,
        args: &["merge", "{dir}/a.csv", "{dir}/b.csv", "-o", "{dir}/all.csv"],
        code: 2,
        says: "b.csv",
        stdout: None,
    },
    Case {
        name: "merge: an unknown status",
        setup: shards_unknown_status,
        args: &["merge", "{dir}/a.csv", "{dir}/b.csv", "-o", "{dir}/all.csv"],
        code: 2,
        says: "maybe",
        stdout: None,
    },
    Case {
        name: "merge: a renamed column",
        setup: shards_renamed_column,
        args: &["merge", "{dir}/a.csv", "{dir}/b.csv", "-o", "{dir}/all.csv"],
        code: 2,
        says: "b.csv",
        stdout: None,
    },
    Case {
        name: "a portfolio with a billion arrivals a year (once an abort)",
        setup: portfolio_huge_arrivals,
        args: &["centre", "{dir}/city.toml", "--replications", "2"],
        code: 2,
        says: "per_year",
        stdout: None,
    },
    Case {
        name: "a portfolio naming an unknown department (once unlimited reviewers)",
        setup: portfolio_unknown_department,
        args: &["centre", "{dir}/city.toml", "--replications", "2"],
        code: 2,
        says: "Natural Resource Bureau",
        stdout: None,
    },
    Case {
        name: "two calendar files that disagree",
        setup: calendars_that_disagree,
        args: &["solve", "{dir}/s.toml", "--regime", "joint"],
        code: 2,
        says: "2025-03-10",
        stdout: None,
    },
    Case {
        name: "a calendar file with a date outside its year",
        setup: calendar_outside_its_year,
        args: &["solve", "{dir}/s.toml", "--regime", "joint"],
        code: 2,
        says: "2031-03-10",
        stdout: None,
    },
    Case {
        name: "an MS Project export dated in year 1",
        setup: scenario,
        args: &[
            "export",
            "{dir}/s.toml",
            "--regime",
            "joint",
            "--format",
            "mspdi",
            "--start",
            "0001-01-02",
            "-o",
            "{dir}/x.xml",
        ],
        code: 2,
        says: "",
        stdout: None,
    },
    #[cfg(unix)]
    Case {
        name: "compare into a full disk (once exit 0)",
        setup: nothing,
        args: &["compare"],
        code: 2,
        says: "No space left on device",
        stdout: Some("/dev/full"),
    },
];

/// Every regular file under `dir` (symlinks not followed) and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                files.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    files
}

/// Runs `permitflow` under the 3 GB address-space limit and the 60 s guard.
#[cfg(unix)]
fn run_limited(args: &[String], dir: &Path, stdout: Option<&str>) -> std::process::Output {
    let mut command = Command::new("timeout");
    if let Some(path) = stdout {
        let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        command.stdout(file);
    }
    command
        .arg("60")
        .arg("sh")
        .arg("-c")
        .arg("ulimit -v 3000000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_permitflow"))
        .args(args)
        .current_dir(dir)
        .env_remove("PERMITFLOW_LANG")
        .env("LC_ALL", "C")
        .output()
        .expect("run permitflow under sh")
}

#[cfg(unix)]
#[test]
fn every_hostile_case_ends_cleanly_and_destroys_nothing() {
    let shipped = snapshot(&root().join("scenarios"));
    let mut failures = Vec::new();
    for case in CASES {
        let dir = tempfile::tempdir().unwrap();
        (case.setup)(dir.path());
        let before = snapshot(dir.path());
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| {
                a.replace("{dir}", dir.path().to_str().unwrap())
                    .replace("{root}", root().to_str().unwrap())
            })
            .collect();
        let o = run_limited(&args, dir.path(), case.stdout);
        let err = String::from_utf8_lossy(&o.stderr);
        let code = o.status.code();
        if code == Some(124) {
            failures.push(format!("{}: still running after 60 s", case.name));
        } else if code != Some(case.code) {
            failures.push(format!(
                "{}: exit {code:?}, expected {}; stderr: {}",
                case.name,
                case.code,
                err.chars().take(600).collect::<String>()
            ));
        } else if !err.contains(case.says) {
            failures.push(format!(
                "{}: stderr lacks {:?}: {}",
                case.name,
                case.says,
                err.chars().take(600).collect::<String>()
            ));
        }
        if case.code != 0 {
            // A failed or refused command writes nothing: no new file, none changed.
            let after = snapshot(dir.path());
            if after != before {
                let changed: Vec<_> = after
                    .keys()
                    .chain(before.keys())
                    .filter(|k| after.get(*k) != before.get(*k))
                    .collect();
                failures.push(format!("{}: files changed: {changed:?}", case.name));
            }
        }
    }
    assert_eq!(snapshot(&root().join("scenarios")), shipped);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
