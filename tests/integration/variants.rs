//! `[[variants]]` end to end: `tests/data/variants-family.toml` is one file for a family of four
//! projects (the default, a deep basement, in an assessed area, both). `--variant` resolves one;
//! `batch` and `library` run them all, a row per file × variant; `--attr` in a batch applies to
//! the files that declare it and names the others in a note.
//!
//! Hand-worked totals. Items: planning permit 5, environmental assessment 10 (not in an assessed
//! area), civil air defence 5 (underground area ≥ 1000 m²), both after the permit, then the
//! construction permit 1. Serial (one after the other): default 5 + 10 + 1 = 16; deep
//! 5 + 10 + 5 + 1 = 21; assessed 5 + 1 = 6; assessed-deep 5 + 5 + 1 = 11. Parallel (assessment
//! and civil air defence side by side): 16, 16, 6, 11.

use std::path::Path;

use crate::harness::{permitflow, root, stderr, stdout};

fn family() -> String {
    root()
        .join("tests/data/variants-family.toml")
        .to_string_lossy()
        .into_owned()
}

/// `regime,approval_days,working_days` of each regime, from `compare --format csv`.
fn totals(args: &[&str]) -> Vec<(String, f64)> {
    let f = family();
    let mut all = vec!["compare", f.as_str(), "--format", "csv"];
    all.extend_from_slice(args);
    let o = permitflow(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0].to_owned(), c[2].parse().unwrap())
        })
        .collect()
}

fn pair(serial: f64, parallel: f64) -> Vec<(String, f64)> {
    vec![("serial".into(), serial), ("parallel".into(), parallel)]
}

#[test]
fn each_variant_resolves_its_own_items() {
    assert_eq!(totals(&[]), pair(16.0, 16.0));
    assert_eq!(totals(&["--variant", "deep"]), pair(21.0, 16.0));
    assert_eq!(totals(&["--variant", "assessed"]), pair(6.0, 6.0));
    assert_eq!(totals(&["--variant", "assessed-deep"]), pair(11.0, 11.0));
    // --attr on top of the variant: the deep variant with a 500 m² basement has no civil air
    // defence again.
    assert_eq!(
        totals(&["--variant", "deep", "--attr", "underground_area=500"]),
        pair(16.0, 16.0)
    );
}

#[test]
fn an_unknown_variant_is_refused_with_the_ids() {
    let f = family();
    let o = permitflow(&["compare", &f, "--variant", "dep"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown variant `dep`") && err.contains("deep, assessed, assessed-deep"),
        "{err}"
    );
    // A file without variants names none.
    let plain = root().join("scenarios/land-chain-dezhou.toml");
    let o = permitflow(&["compare", plain.to_str().unwrap(), "--variant", "deep"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no `[[variants]]`"), "{}", stderr(&o));
}

/// A library of the family and a file without attributes.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(family(), dir.path().join("family.toml")).unwrap();
    std::fs::copy(
        root().join("scenarios/land-chain-dezhou.toml"),
        dir.path().join("land.toml"),
    )
    .unwrap();
    dir
}

fn rows(csv: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(csv).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// (file, regime, working days, status) of a results table's rows for the family.
fn family_rows(csv: &Path) -> Vec<(String, String, String, String)> {
    rows(csv)
        .into_iter()
        .filter(|r| r[0].contains("family.toml"))
        .map(|r| {
            let file = r[0].rsplit(['/', '\\']).next().unwrap().to_owned();
            (file, r[2].clone(), r[4].clone(), r[13].clone())
        })
        .collect()
}

fn row(file: &str, regime: &str, days: &str, status: &str) -> (String, String, String, String) {
    (file.into(), regime.into(), days.into(), status.into())
}

#[test]
fn batch_runs_every_variant_as_its_own_rows() {
    let lib = library();
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("r.csv");
    let junit = out.path().join("j.xml");
    let o = permitflow(&[
        "batch",
        lib.path().to_str().unwrap(),
        "--out",
        csv.to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        family_rows(&csv),
        vec![
            row("family.toml", "serial", "16.0", "ok"),
            row("family.toml", "parallel", "16.0", "pass"),
            row("family.toml#deep", "serial", "21.0", "ok"),
            row("family.toml#deep", "parallel", "16.0", "pass"),
            row("family.toml#assessed", "serial", "6.0", "ok"),
            row("family.toml#assessed", "parallel", "6.0", "pass"),
            row("family.toml#assessed-deep", "serial", "11.0", "ok"),
            row("family.toml#assessed-deep", "parallel", "11.0", "pass"),
        ]
    );
    // The default project is checked against the published 16; a variant against the bound only.
    let targets: Vec<String> = rows(&csv)
        .into_iter()
        .filter(|r| r[0].contains("family.toml") && r[2] == "parallel")
        .map(|r| r[12].clone())
        .collect();
    assert!(
        targets[0].contains("the default project: 16 working days: met"),
        "{targets:?}"
    );
    assert!(!targets[1].contains("default project"), "{targets:?}");
    assert!(
        targets[2].contains("bound: 20 working days: met: 6 working days ≤ 20"),
        "{targets:?}"
    );
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("family.toml#assessed-deep\""), "{xml}");
    assert!(
        xml.contains("<property name=\"variant\" value=\"deep\"/>"),
        "{xml}"
    );
    assert!(
        xml.contains("<property name=\"attr.underground_area\" value=\"5000\"/>"),
        "{xml}"
    );
    // Only the defaults with --variants none.
    let o = permitflow(&[
        "batch",
        lib.path().to_str().unwrap(),
        "--variants",
        "none",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        family_rows(&csv),
        vec![
            row("family.toml", "serial", "16.0", "ok"),
            row("family.toml", "parallel", "16.0", "pass"),
        ]
    );
}

#[test]
fn attr_in_a_batch_applies_where_declared_and_notes_the_others() {
    let lib = library();
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("r.csv");
    let o = permitflow(&[
        "batch",
        lib.path().to_str().unwrap(),
        "--variants",
        "none",
        "--attr",
        "underground_area=5000",
        "--out",
        csv.to_str().unwrap(),
    ]);
    // Refused before: land.toml declares no attributes. Now it runs as it is, with a note.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let note = err
        .lines()
        .find(|l| l.starts_with("note: --attr underground_area"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        note.contains("not applied to the file that does not declare it: ")
            && note.ends_with("land.toml"),
        "{note}"
    );
    // The family's default project with a 5000 m² basement: serial 21.
    assert_eq!(
        family_rows(&csv)[0],
        row("family.toml", "serial", "21.0", "ok")
    );
    assert!(
        rows(&csv)
            .iter()
            .any(|r| r[0].ends_with("land.toml") && r[13] == "pass"),
        "{:?}",
        rows(&csv)
    );
}

#[test]
fn a_bad_variant_is_reported_and_the_others_run() {
    let lib = library();
    // A variant whose project has no items left: every item needs a small basement.
    let text = std::fs::read_to_string(family())
        .unwrap()
        .replace("days = { value = 5, source = \"assumed\" }\n\n[[items]]\nid = \"environmental_assessment\"",
            "days = { value = 5, source = \"assumed\" }\nwhen = \"underground_area < 100000\"\n\n[[items]]\nid = \"environmental_assessment\"")
        .replace("when = \"not in_assessed_area\"", "when = \"not in_assessed_area and underground_area < 100000\"")
        .replace("when = \"underground_area >= 1000\"", "when = \"underground_area >= 1000 and underground_area < 100000\"")
        .replace("after = [\"environmental_assessment\", \"civil_air_defence\"]", "after = [\"environmental_assessment\", \"civil_air_defence\"]\nwhen = \"underground_area < 100000\"")
        + "\n[[variants]]\nid = \"huge\"\nattributes = { underground_area = 200000 }\n";
    std::fs::write(lib.path().join("family.toml"), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("r.csv");
    let o = permitflow(&[
        "batch",
        lib.path().to_str().unwrap(),
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let all = family_rows(&csv);
    assert_eq!(all.len(), 9, "{all:?}");
    assert_eq!(
        all[7],
        row("family.toml#assessed-deep", "parallel", "11.0", "pass")
    );
    assert_eq!(all[8], row("family.toml#huge", "", "", "invalid"));
    assert!(stdout(&o).contains("family.toml#huge"), "{}", stdout(&o));
}

#[test]
fn library_lists_each_variant() {
    let lib = library();
    let o = permitflow(&["library", lib.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(
        page.contains(
            "| `family.toml#deep` | variants family — Deep basement | serial **21** approval days"
        ),
        "{page}"
    );
    assert!(page.contains("| `family.toml#assessed-deep` | variants family — assessed-deep | serial **11** approval days"), "{page}");
    // The published figure once (the default), the bound for every project.
    assert_eq!(
        page.matches("the default project: 16 working days").count(),
        1,
        "{page}"
    );
    assert_eq!(page.matches("bound: 20 working days").count(), 4, "{page}");
    let o = permitflow(&[
        "library",
        lib.path().to_str().unwrap(),
        "--variants",
        "none",
    ]);
    assert!(!stdout(&o).contains("family.toml#"), "{}", stdout(&o));
}

/// `check` on a family checks the default project and then every variant, each named
/// `file#ID`; a variant is held to the bounds only (the exact figure, 16 working days, is the
/// default project's: batch's rule). `--variants none` checks the default only, `--variant ID`
/// that one only.
#[test]
fn check_covers_every_variant() {
    let f = family();
    let o = permitflow(&["check", f.as_str(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let heads: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(heads.len(), 4, "{out}");
    for (head, id, items) in [
        (heads[0], "", 3),
        (heads[1], "#deep", 4),
        (heads[2], "#assessed", 2),
        (heads[3], "#assessed-deep", 3),
    ] {
        assert!(
            head.contains(&format!("variants-family.toml{id}: ")),
            "{head}"
        );
        assert!(head.contains(&format!("{items} items")), "{head}");
    }
    // Serial totals by hand: 16, 21, 6, 11.
    for days in [16, 21, 6, 11] {
        let line = format!("serial: {days} approval days, {days} working days");
        assert!(out.contains(&line), "{line} in {out}");
    }
    assert_eq!(
        out.matches("the default project: 16 working days").count(),
        1,
        "{out}"
    );
    assert_eq!(out.matches("bound: 20 working days").count(), 4, "{out}");

    let o = permitflow(&["check", f.as_str(), "--variants", "none", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().filter(|l| !l.starts_with(' ')).count(),
        1
    );

    let o = permitflow(&["check", f.as_str(), "--variant", "deep", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!("{f}#deep: 1 stages, 4 items")),
        "{out}"
    );
    assert!(out.contains("serial: 21 approval days"), "{out}");
    assert_eq!(out.lines().filter(|l| !l.starts_with(' ')).count(), 1);
}
