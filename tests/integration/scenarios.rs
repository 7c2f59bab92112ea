//! The shipped scenario library: each scenario reproduces its published figures and meets its
//! targets, every number says where it comes from, and scenarios/README.md is current.

use crate::harness::{permitflow, root};

use permitflow_model::{Format, Provenance, parse_scenario};

/// `permitflow check` on one shipped scenario: valid, every regime solved, every published
/// figure reproduced exactly and every target met.
fn check(file: &str) -> String {
    let path = format!("scenarios/{file}");
    let o = permitflow(&["check", &path]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{path}:\n{out}{err}");
    assert!(
        !out.contains("MISSED") && !out.contains("no schedule"),
        "{out}"
    );
    out
}

macro_rules! scenarios {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*

        const FILES: &[&str] = &[$($file),*];
    };
}

scenarios! {
    birth_registration_ruian => "birth-registration-ruian.toml",
    business_startup_hezhou => "business-startup-hezhou.toml",
    business_startup_wenzhou => "business-startup-wenzhou.toml",
    clinic_approval_wenzhou => "clinic-approval-wenzhou.toml",
    enterprise_investment_wenzhou => "enterprise-investment-wenzhou.toml",
    government_invested_housing => "government-invested-housing.toml",
    industrial => "industrial.toml",
    land_chain_dezhou => "land-chain-dezhou.toml",
    land_with_approved_scheme => "land-with-approved-scheme.toml",
    linear_engineering => "linear-engineering.toml",
    low_risk_anhui => "low-risk-anhui.toml",
    low_risk_industrial => "low-risk-industrial.toml",
    national_pilot => "national-pilot.toml",
    small_medium_project => "small-medium-project.toml",
    social_investment_housing => "social-investment-housing.toml",
    yinzhou_enterprise_investment => "yinzhou-enterprise-investment.toml",
    yinzhou_government_investment => "yinzhou-government-investment.toml",
}

#[test]
fn every_scenario_file_has_its_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") || n.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "add new scenario files to the list in tests/integration/scenarios.rs"
    );
}

#[test]
fn every_number_says_where_it_comes_from() {
    let mut missing = Vec::new();
    for file in FILES {
        let path = root().join("scenarios").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let s = parse_scenario(&text, file, Format::from_path(file)).unwrap();
        for it in &s.items {
            if it.days.source == Provenance::Unspecified {
                missing.push(format!("{file}: item `{}` days", it.id));
            }
            if let Some(f) = &it.floor
                && f.source == Provenance::Unspecified
            {
                missing.push(format!("{file}: item `{}` floor", it.id));
            }
        }
        for g in &s.joint_groups {
            if let Some(d) = &g.days
                && d.source == Provenance::Unspecified
            {
                missing.push(format!("{file}: joint group `{}` days", g.id));
            }
        }
        for t in &s.targets {
            if t.source == Provenance::Unspecified {
                missing.push(format!("{file}: target `{}`", t.name));
            }
        }
        assert!(!s.sources.is_empty(), "{file} cites no source");
    }
    assert!(
        missing.is_empty(),
        "numbers without a source or `assumed`:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_default_scenario_reproduces_hezhou_stage_by_stage() {
    let out = check("social-investment-housing.toml");
    assert!(
        out.contains("  joint: 36.5 approval days, 36.5 working days, 52 calendar days\n"),
        "{out}"
    );
    assert!(out.contains("target met: published: 36.5 working days: 36.5 working days = 36.5"));
}

#[test]
fn the_library_page_is_current() {
    let o = permitflow(&["library", "scenarios"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let generated = String::from_utf8_lossy(&o.stdout);
    let committed = std::fs::read_to_string(root().join("scenarios/README.md")).unwrap_or_default();
    assert!(
        generated == committed,
        "scenarios/README.md is stale: run `cargo run --release -- library scenarios -o scenarios/README.md`"
    );
}
