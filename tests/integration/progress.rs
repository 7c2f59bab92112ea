//! Progress on stderr for the commands that can run for seconds (`simulate` with many
//! iterations, `centre --rank`, `batch` over a library, `chart` and every `--chart` PNG, reading
//! an input of 4 MiB or more): shown
//! on a terminal, silent when stderr is a pipe or a file, so logs and CI output stay clean.

use std::process::Command;

use crate::harness::{permitflow, root, stderr};

/// The long-running commands, each with a phrase its progress line shows on a terminal.
fn commands(dir: &std::path::Path) -> Vec<(Vec<String>, &'static str)> {
    let png = dir.join("c.png").to_str().unwrap().to_owned();
    // 20,000 items with long names: over 4 MiB, the size from which reading shows a spinner.
    let big = dir.join("big.csv");
    let mut csv = String::from("id,name,department,stage,days,after\n");
    for i in 0..20_000 {
        let after = if i > 0 {
            format!("i{}", i - 1)
        } else {
            String::new()
        };
        csv.push_str(&format!("i{i},{},D,S,1,{after}\n", "n".repeat(220)));
    }
    std::fs::write(&big, csv).unwrap();
    let big = big.to_str().unwrap().to_owned();
    let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    vec![
        (
            words("simulate --iterations 200000 --regime joint"),
            "simulating joint (200000 iterations)",
        ),
        (
            words("centre portfolios/mid-sized-city.toml --replications 3 --rank"),
            "replications simulated",
        ),
        (words("batch scenarios --start 2025-03-03"), "/18 scenarios"),
        (
            [words("chart --kind gantt -o"), vec![png]].concat(),
            "drawing ",
        ),
        (
            [words("solve --regime parallel --format json"), vec![big]].concat(),
            "reading ",
        ),
    ]
}

#[test]
fn progress_is_silent_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for (args, phrase) in commands(dir.path()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = permitflow(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            !e.contains(phrase) && !e.contains("\x1b["),
            "{args:?} drew progress into a pipe: {e:?}"
        );
    }
}

#[test]
fn progress_shows_on_a_terminal() {
    // util-linux `script` runs the command on a pseudo-terminal and records what it drew.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let exe = env!("CARGO_BIN_EXE_permitflow");
    for (args, phrase) in commands(dir.path()) {
        let line = format!("{exe} {} > /dev/null", args.join(" "));
        let o = Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .current_dir(root())
            .env_remove("PERMITFLOW_LANG")
            .env("LC_ALL", "C")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run script");
        assert!(o.status.success(), "{line}: {}", stderr(&o));
        let drawn = String::from_utf8_lossy(&o.stdout);
        assert!(drawn.contains(phrase), "{line}: no `{phrase}` in {drawn:?}");
        // Cleared when done: the last thing drawn erases the line.
        assert!(drawn.contains("\x1b[2K"), "{line}: {drawn:?}");
    }
}
