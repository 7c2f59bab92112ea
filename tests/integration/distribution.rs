//! What a packager installs beside the binary (shell completions, manual pages), and the
//! approval centre as real CSV (issue 23, in part).

use crate::harness::{permitflow, stderr, stdout};

const COMMANDS: [&str; 13] = [
    "compare", "solve", "chart", "simulate", "plan", "centre", "export", "check", "batch",
    "report", "merge", "library", "import",
];

#[test]
fn completions_name_every_command_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = permitflow(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for c in COMMANDS {
            assert!(script.contains(c), "{shell} completion lacks {c}");
        }
        // Options of a command complete too.
        assert!(script.contains("replications"), "{shell}");
    }
    let o = permitflow(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("possible values"), "{}", stderr(&o));
}

#[test]
fn the_manual_is_printed_or_written_one_page_per_command() {
    let o = permitflow(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.starts_with(".ie"), "roff expected: {}", &page[..40]);
    assert!(page.contains(".TH permitflow 1"));
    assert!(page.contains("Exit codes: 0 success"));

    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man1");
    let o = permitflow(&["man", "--dir", man.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for c in COMMANDS {
        let text = std::fs::read_to_string(man.join(format!("permitflow-{c}.1"))).unwrap();
        assert!(text.contains(&format!(".TH permitflow-{c} 1")), "{c}");
    }
    let centre = std::fs::read_to_string(man.join("permitflow-centre.1")).unwrap();
    assert!(centre.contains("replications"));
    assert!(man.join("permitflow.1").exists());
}

#[test]
fn the_centre_writes_one_tidy_csv_table_that_agrees_with_its_json() {
    let args = [
        "centre",
        "portfolios/mid-sized-city.toml",
        "--replications",
        "5",
        "--horizon",
        "120",
    ];
    let o = permitflow(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    assert_eq!(header.len(), 26);
    assert_eq!(&header[2], "kind");
    assert_eq!(&header[21], "approval_days_mean");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let o = permitflow(&[&args[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run = &v["runs"][0];
    let projects: Vec<_> = rows.iter().filter(|r| &r[2] == "project").collect();
    let departments: Vec<_> = rows.iter().filter(|r| &r[2] == "department").collect();
    assert_eq!(projects.len(), run["projects"].as_array().unwrap().len());
    assert_eq!(
        departments.len(),
        run["departments"].as_array().unwrap().len()
    );
    // The same run: each project type's mean lead time, to the 6 decimals written.
    for (row, p) in projects.iter().zip(run["projects"].as_array().unwrap()) {
        assert_eq!(&row[3], p["name"].as_str().unwrap());
        let mean: f64 = row[8].parse().unwrap();
        assert!((mean - p["mean"].as_f64().unwrap()).abs() < 1e-6, "{row:?}");
        // Official approval days beside the lead time: never more than it.
        let approval: f64 = row[21].parse().unwrap();
        let want = p["approval_days"]["mean"].as_f64().unwrap();
        assert!((approval - want).abs() < 1e-6, "{row:?}");
        assert!(approval <= mean + 1e-9, "{row:?}");
    }
}
