//! The invariants ARCHITECTURE.md states, checked: which crate may depend on what, which code
//! may read files or print, where randomness lives, and how long a file may grow.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::root;

/// The packages `package` depends on for building (normal dependencies, all the way down).
fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let o = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-p",
            package,
        ])
        .current_dir(root())
        .output()
        .expect("run cargo tree");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn assert_free_of(package: &str, banned: &[&str]) {
    let deps = dependencies(package);
    for b in banned {
        assert!(
            !deps.iter().any(|d| d == b),
            "{package} depends on {b}, which ARCHITECTURE.md keeps out of it"
        );
    }
}

#[test]
fn layers_depend_only_downwards() {
    // The domain knows nothing of LP, randomness, drawing, the command line or file formats
    // beyond its own text formats.
    assert_free_of(
        "permitflow-model",
        &[
            "good_lp",
            "rand",
            "rand_pcg",
            "egui",
            "clap",
            "calamine",
            "permitflow-solver",
        ],
    );
    assert_free_of(
        "permitflow-solver",
        &["egui", "clap", "calamine", "permitflow-app"],
    );
    assert_free_of("permitflow-chart", &["egui", "clap", "permitflow-app"]);
    // The catalogue is the bottom of the stack.
    assert_free_of(
        "permitflow-i18n",
        &["permitflow-model", "egui", "clap", "good_lp", "rand"],
    );
    // The application layer has no command line and no drawing.
    assert_free_of(
        "permitflow-app",
        &["clap", "egui", "eframe", "indicatif", "comfy-table"],
    );
    // The binary reads no spreadsheet, writes no XML and no report itself: the app layer does.
    let cli = dependencies("permitflow");
    assert!(cli.iter().any(|d| d == "permitflow-app"));
    let gui = dependencies("permitflow-gui");
    assert!(gui.iter().any(|d| d == "permitflow-app"));
}

/// Every `.rs` file below `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its `#[cfg(test)]` module and comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn model_solver_and_chart_do_no_io_and_print_nothing() {
    for krate in ["i18n", "model", "solver", "chart"] {
        for f in sources(&root().join(krate).join("src")) {
            let c = code(&f);
            for banned in [
                "std::fs",
                "File::",
                "println!",
                "eprintln!",
                "print!(",
                "std::io::stdout",
                "std::io::stdin",
            ] {
                assert!(
                    !c.contains(banned),
                    "{} uses {banned}: only the app layer and the front ends do IO",
                    f.display()
                );
            }
        }
    }
}

/// The domain and the solver never panic on user data: their library code (tests apart) has no
/// `unwrap()` or `expect(`; what can fail returns an error.
#[test]
fn model_and_solver_do_not_unwrap() {
    for krate in ["model", "solver"] {
        for f in sources(&root().join(krate).join("src")) {
            let c = code(&f);
            for banned in [".unwrap()", ".expect("] {
                assert!(
                    !c.contains(banned),
                    "{} calls {banned} outside its tests: return an error instead",
                    f.display()
                );
            }
        }
    }
}

#[test]
fn randomness_lives_in_the_simulations() {
    let allowed = ["sample", "simulate", "centre"];
    for f in sources(&root().join("solver").join("src")) {
        let rel = f.strip_prefix(root().join("solver/src")).unwrap_or(&f);
        let top = rel
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .unwrap_or_default();
        if allowed.contains(&top.as_str()) {
            continue;
        }
        let c = code(&f);
        assert!(
            !c.contains("rand::") && !c.contains("rand_pcg") && !c.contains("rand_distr"),
            "{} draws random numbers; randomness lives in sample, simulate and centre",
            f.display()
        );
    }
}

#[test]
fn files_stay_readable() {
    let lines = |p: &Path| std::fs::read_to_string(p).map_or(0, |t| t.lines().count());
    for krate in [
        "i18n/src",
        "i18n/tests",
        "model/src",
        "solver/src",
        "solver/tests",
        "chart/src",
        "app/src",
        "gui/src",
        "gui/tests",
        "src",
        "tests",
        "benches",
        "fuzz/fuzz_targets",
    ] {
        for f in sources(&root().join(krate)) {
            let n = lines(&f);
            assert!(
                n <= 800,
                "{} has {n} lines: split it by concern",
                f.display()
            );
        }
    }
    for f in sources(&root().join("src")) {
        let n = lines(&f);
        assert!(
            n <= 400,
            "{} has {n} lines: the binary is glue",
            f.display()
        );
    }
    let main = lines(&root().join("src/main.rs"));
    assert!(main <= 150, "src/main.rs has {main} lines");
}
