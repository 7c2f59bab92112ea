//! Writes that never destroy (issue 17, in part): an output that is an input, or two outputs
//! on one file, are refused before anything is written; a symlink is written through; `-` is
//! standard output; a failed write to standard output is a failure.

use std::path::Path;

use crate::harness::{permitflow, stderr, stdout};

fn scenario_in(dir: &Path) -> String {
    let s = dir.join("s.toml");
    std::fs::copy(crate::harness::root().join("scenarios/industrial.toml"), &s).unwrap();
    s.to_str().unwrap().to_owned()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let s = scenario_in(dir.path());
    let before = std::fs::read(&s).unwrap();
    let same = dir.path().join(".").join("s.toml");
    let same = same.to_str().unwrap();
    for args in [
        vec!["export", &s, "--regime", "joint", "-o", same],
        vec!["report", &s, "-o", &s],
        vec!["batch", &s, "--out", &s],
        vec!["chart", &s, "-o", &s],
        vec!["import", &s, "-o", &s, "--force"],
    ] {
        let o = permitflow(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("is an input of this command"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(
            std::fs::read(&s).unwrap(),
            before,
            "{args:?} changed the input"
        );
    }
    // Two outputs on one file.
    let out = dir.path().join("r.csv");
    let out2 = dir.path().join("./r.csv");
    let o = permitflow(&[
        "batch",
        &s,
        "--out",
        out.to_str().unwrap(),
        "--junit",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("are the same file"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let s = scenario_in(dir.path());
    let link = dir.path().join("plan.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    let o = permitflow(&[
        "export",
        &s,
        "--regime",
        "joint",
        "--format",
        "csv",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(dir.path().join("real.csv")).unwrap();
    assert!(text.starts_with("id,name,department"), "{text}");
}

#[test]
fn a_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let s = scenario_in(dir.path());
    let o = permitflow(&[
        "export", &s, "--regime", "joint", "--format", "csv", "-o", "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("id,name,department,stage,days"));
    assert!(!dir.path().join("-").exists() && !Path::new("-").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_failure() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    let o = crate::harness::command()
        .arg("compare")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write to standard output"));
}
