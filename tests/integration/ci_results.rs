//! CI results that cannot lie: batch folders with symlink loops, duplicate routes and entries
//! that cannot be read; merge refusing shards that no batch run wrote together; portfolios with
//! unknown departments or counts out of range; calendar files that contradict each other or
//! stray outside their year; dates outside the documented ranges. Each ends with the documented
//! exit code and a message naming the file, and leaves existing files byte-identical.

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::harness::{permitflow, root, stderr, stdout};

/// The default scenario's default project (its `[[variants]]` would add rows; see
/// tests/integration/variants.rs).
fn housing() -> String {
    let text =
        std::fs::read_to_string(root().join("scenarios/social-investment-housing.toml")).unwrap();
    text.split("\n# --- Variants").next().unwrap().to_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A library of two scenarios with a loop back to its root, a second link to one file, a
/// dangling link, a link to itself and a FIFO.
fn tangled() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    std::fs::write(lib.join("a.toml"), housing()).unwrap();
    std::fs::write(lib.join("sub/b.toml"), housing()).unwrap();
    symlink(&lib, lib.join("sub/loop")).unwrap();
    symlink(lib.join("a.toml"), lib.join("sub/alias.toml")).unwrap();
    symlink(lib.join("gone.toml"), lib.join("dangling.toml")).unwrap();
    symlink(lib.join("self.toml"), lib.join("self.toml")).unwrap();
    // A FIFO named like a scenario would block a reader for ever.
    let made = std::process::Command::new("mkfifo")
        .arg(lib.join("pipe.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    dir
}

#[test]
fn a_folder_with_loops_runs_each_file_once_and_reports_what_cannot_be_read() {
    let dir = tangled();
    let lib = dir.path().join("lib");
    let out = dir.path().join("results.csv");
    let o = permitflow(&["batch", s(&lib), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // Two scenario files of 4 regimes each, and the three entries that cannot be read; the loop
    // is walked once and the alias is the same file as a.toml.
    let text = stdout(&o);
    assert!(
        text.starts_with("5 scenario files, 8 regime results: 2 pass, 0 fail, 6 without targets, 0 infeasible, 3 invalid files\n"),
        "{text}"
    );
    let err = stderr(&o);
    let dangling = lib.join("dangling.toml");
    assert!(
        err.contains(&format!(
            "error[E001]: cannot read: not found (a symbolic link to a file that does not exist?)\n  --> {}",
            dangling.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("cannot read: a symbolic link loop (the link leads back to itself)"),
        "{err}"
    );
    assert!(
        err.contains(
            "cannot read: not a regular file (a FIFO, socket or device), which could block the run"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "note: {} is the same file as {}: run once",
            lib.join("sub/alias.toml").display(),
            lib.join("a.toml").display()
        )),
        "{err}"
    );
    let table = std::fs::read_to_string(&out).unwrap();
    // Header, 8 regime rows, 3 invalid rows.
    assert_eq!(table.lines().count(), 12, "{table}");
    assert_eq!(table.matches(",invalid,").count(), 3, "{table}");
}

/// Runs `batch --shard K/N` over `lib` into `out`.
fn shard(lib: &Path, k: usize, n: usize, out: &Path) {
    let o = permitflow(&[
        "batch",
        s(lib),
        "--shard",
        &format!("{k}/{n}"),
        "--out",
        s(out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn merge_refuses_shards_that_no_run_wrote_together() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(lib.join("a.toml"), housing()).unwrap();
    std::fs::write(lib.join("b.toml"), housing()).unwrap();
    let d = dir.path();
    let (s1, s2, s3) = (d.join("s1.csv"), d.join("s2.json"), d.join("s3.csv"));
    shard(&lib, 1, 3, &s1);
    shard(&lib, 2, 3, &s2);
    // Three shares of two files: the third is empty and says so with its header.
    shard(&lib, 3, 3, &s3);
    let header = "file,scenario,regime,approval_days,working_days,calendar_days,fees,end_date,trips,forms,materials,departments,targets,status,error,assumed_figures,figures,calendar\n";
    assert_eq!(std::fs::read_to_string(&s3).unwrap(), header);
    let merged = d.join("merged.csv");
    let o = permitflow(&["merge", s(&s1), s(&s2), s(&s3), "-o", s(&merged)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .starts_with("2 scenario files, 8 regime results: 2 pass, 0 fail, 6 without targets,"),
        "{}",
        stdout(&o)
    );

    // Every refusal exits 2 and leaves the existing merged table as it was.
    let before = std::fs::read(&merged).unwrap();
    let copy = d.join("copy.csv");
    std::fs::copy(&s1, &copy).unwrap();
    let empty = d.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let text = std::fs::read_to_string(&s1).unwrap();
    let unknown = d.join("unknown.csv");
    std::fs::write(&unknown, text.replacen(",pass,", ",passed,", 1)).unwrap();
    let renamed = d.join("renamed.csv");
    std::fs::write(&renamed, text.replacen("working_days", "days", 1)).unwrap();
    let cases: [(&[&Path], String); 5] = [
        (
            &[&s1, &s2, &s1],
            format!("error: {}: the shard is named twice", s1.display()),
        ),
        (
            &[&s1, &copy, &s2],
            format!(
                "error: {}:2: `{}` is also in {} (line 2): the shards overlap",
                copy.display(),
                lib.join("a.toml").display(),
                s1.display()
            ),
        ),
        (
            &[&empty, &s2],
            format!(
                "error: {}: the shard is empty: not even a header line",
                empty.display()
            ),
        ),
        (
            &[&unknown, &s2],
            format!(
                "error: {}:4: unknown status `passed`; a results row's status is one of pass, fail, ok, infeasible, invalid",
                unknown.display()
            ),
        ),
        (
            &[&renamed, &s2],
            format!(
                "error: {}:1: not a permitflow results file: in the header, column 5 is `days`, expected `working_days`",
                renamed.display()
            ),
        ),
    ];
    for (shards, want) in cases {
        let mut args = vec!["merge"];
        args.extend(shards.iter().map(|p| s(p)));
        args.extend(["-o", s(&merged)]);
        let o = permitflow(&args);
        assert_eq!(o.status.code(), Some(2), "{want}");
        assert!(
            stderr(&o).starts_with(&want),
            "{}\nwanted: {want}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&merged).unwrap(), before, "{want}");
    }
}

/// A portfolio of the default scenario in `dir`, with `departments` as its [[departments]].
fn portfolio(dir: &Path, project: &str, departments: &str) -> std::path::PathBuf {
    let path = dir.join("p.toml");
    let scenario = root().join("scenarios/social-investment-housing.toml");
    std::fs::write(
        &path,
        format!(
            "version = 1\nname = \"t\"\nhorizon = 250\n\n[[projects]]\nscenario = \"{}\"\nregime = \"joint\"\n{project}\n\n{departments}",
            scenario.display()
        ),
    )
    .unwrap();
    path
}

#[test]
fn portfolios_refuse_unknown_departments_and_counts_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    let p = portfolio(
        dir.path(),
        "per_year = 120",
        "[[departments]]\nname = \"Natural Resources Bureau\"\nreviewers = 4\n\n[[departments]]\nname = \"Natural Resource Bureau\"\nreviewers = 4\n",
    );
    let o = permitflow(&["centre", s(&p), "--replications", "2"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "error[E011]: unknown department `Natural Resource Bureau`: none of the portfolio's scenarios has it\n   --> {}:15:8",
            p.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("help: did you mean `Natural Resources Bureau`? The scenarios' departments are `Civil Air Defence Office`, `Construction Quality and Safety Station`,"),
        "{err}"
    );

    let p = portfolio(
        dir.path(),
        "per_year = 1e9",
        "[[departments]]\nname = \"Natural Resources Bureau\"\nreviewers = 1e6\n",
    );
    let o = permitflow(&["centre", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for want in [
        format!(
            "error[E023]: `per_year = 1000000000` is not from 0 to 100,000 projects a year\n  --> {}:8:12",
            p.display()
        ),
        format!(
            "error[E023]: 1000000 reviewers is not a whole number from 1 to 10,000\n   --> {}:12:13",
            p.display()
        ),
    ] {
        assert!(err.contains(&want), "{err}\nwanted: {want}");
    }
    let p = portfolio(dir.path(), "rate = 401", "");
    let o = permitflow(&["centre", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`rate = 401` is not from 0 to 400 projects a working day"),
        "{}",
        stderr(&o)
    );
}

/// The default scenario in `dir` with holiday files `files` (name, text).
fn with_calendars(dir: &Path, files: &[(&str, &str)]) -> std::path::PathBuf {
    let names: Vec<String> = files.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    for (n, text) in files {
        std::fs::write(dir.join(n), text).unwrap();
    }
    let path = dir.join("s.toml");
    std::fs::write(
        &path,
        housing().replace(
            "calendar = \"cn\"",
            &format!(
                "calendar = {{ base = \"cn\", files = [{}] }}",
                names.join(", ")
            ),
        ),
    )
    .unwrap();
    path
}

#[test]
fn calendar_files_that_contradict_or_stray_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = "{\"year\": 2027, \"days\": [\n  {\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": true}\n]}\n";
    let b = "{\"year\": 2027, \"days\": [\n  {\"name\": \"春节\", \"date\": \"2027-02-07\", \"isOffDay\": true},\n  {\"name\": \"调休\", \"date\": \"2027-02-06\", \"isOffDay\": false}\n]}\n";
    let s1 = with_calendars(dir.path(), &[("a.json", a), ("b.json", b)]);
    let o = permitflow(&["check", s(&s1)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "error[E020]: 2027-02-06 is a working day (调休) here but a day off (春节) in {}\n  --> {}:3:27",
            dir.path().join("a.json").display(),
            dir.path().join("b.json").display()
        )),
        "{err}"
    );

    let stray = "{\"year\": 2027, \"days\": [\n  {\"name\": \"国庆节\", \"date\": \"2026-10-01\", \"isOffDay\": true}\n]}\n";
    let s2 = with_calendars(dir.path(), &[("stray.json", stray)]);
    let o = permitflow(&["compare", s(&s2)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "error[E020]: 2026-10-01 (国庆节) is not in the calendar's year 2027\n  --> {}:2:28",
            dir.path().join("stray.json").display()
        )),
        "{err}"
    );

    // holiday-cn's own shape across New Year is accepted: 2022-12-31 is a day of 元旦 2023.
    let across = "{\"year\": 2023, \"days\": [\n  {\"name\": \"元旦\", \"date\": \"2022-12-31\", \"isOffDay\": true},\n  {\"name\": \"元旦\", \"date\": \"2023-01-02\", \"isOffDay\": true}\n]}\n";
    let s3 = with_calendars(dir.path(), &[("cn-2023.json", across)]);
    let o = permitflow(&["check", s(&s3)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn dates_outside_the_documented_ranges_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.xml");
    std::fs::write(&out, "keep me").unwrap();
    // The default scenario's all-approval flow: 36.5 working days from 1983-06-01.
    let file = crate::harness::approval_only_default();
    let o = permitflow(&[
        "export",
        s(&file),
        "--regime",
        "joint",
        "--format",
        "mspdi",
        "-o",
        s(&out),
        "--start",
        "1983-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cannot write the MSPDI file: the schedule of regime `joint` runs from 1983-06-01 to 1983-07-21; MS Project accepts dates from 1984-01-01 to 2149-12-31\n  = help: move the scenario's `start` (or `--start`) so the schedule lies between 1984-01-01 and 2149-12-31, or export as csv or json, which take any date\n"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let o = permitflow(&["compare", "--start", "2201-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "'2201-01-01' for '--start <DATE>': 2201-01-01 is not in the years 1900 to 2200"
        ),
        "{}",
        stderr(&o)
    );
    let far = dir.path().join("far.toml");
    std::fs::write(
        &far,
        housing().replace("start = \"2025-03-03\"", "start = \"1899-12-31\""),
    )
    .unwrap();
    let o = permitflow(&["check", s(&far)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(&format!(
            "error[E016]: the start date 1899-12-31 is not in the years 1900 to 2200\n   --> {}:39:9",
            far.display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn exit_codes_are_as_the_readme_table_says() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains("| 1 | a target or published figure is missed, or a planner target cannot be reached; with `--strict-calendar`, a schedule dated in a year whose holidays are provisional or unknown | `check`, `batch`, `merge`, `library`, `plan` |"),
        "README's exit-code table"
    );
    // plan: an unreachable target exits 1; compare: an unknown regime exits 2.
    let o = permitflow(&["plan", "--regime", "joint", "--target", "1"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = permitflow(&["compare", "--regime", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    let o = permitflow(&["solve", "--regime", "joint"]);
    assert_eq!(o.status.code(), Some(0));
    // A regime without a schedule is 2 for every command that solves, the report included
    // (which is still written, showing it).
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let o = permitflow(&["report", "tests/broken/infeasible.toml", "-o", s(&html)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(html.exists());
    assert!(
        stderr(&o).contains("tests/broken/infeasible.toml: regime `"),
        "{}",
        stderr(&o)
    );
    for args in [
        &["compare", "tests/broken/infeasible.toml"][..],
        &[
            "chart",
            "tests/broken/infeasible.toml",
            "-o",
            s(&dir.path().join("c.svg")),
        ],
        &["check", "tests/broken/infeasible.toml"],
        &["batch", "tests/broken/infeasible.toml"],
    ] {
        assert_eq!(permitflow(args).status.code(), Some(2), "{args:?}");
    }
}
