//! The portfolio file: what it reads, and every problem reported at once with its place.

use permitflow_model::portfolio::{WORKING_DAYS_PER_YEAR, parse_portfolio};
use permitflow_model::{Code, Diagnostic, Provenance};

const GOOD: &str = r#"
version = 1
name = "Test city"
description = "two types"
horizon = 250
warmup = 60

[[sources]]
id = "001_a462ce12def9e49c.txt"
title = "Hezhou 2020"

[[projects]]
scenario = "../social-investment-housing.toml"
regime = "joint"
per_year = { value = 120, source = "assumed" }

[[projects]]
name = "key housing"
scenario = "../government-invested-housing.toml"
regime = "serial"
rate = 0.2
priority = true
note = "key projects"

[[departments]]
name = "Natural Resources Bureau"
reviewers = { value = 12, source = "assumed" }

[[departments]]
name = "Fire and Rescue Bureau"
reviewers = 3
"#;

fn problems(text: &str) -> Vec<Diagnostic> {
    parse_portfolio(text, "city.toml").unwrap_err().0
}

#[test]
fn reads_a_portfolio() {
    let p = parse_portfolio(GOOD, "city.toml").unwrap();
    assert_eq!(p.name, "Test city");
    assert_eq!(p.description, "two types");
    assert_eq!(p.horizon, 250.0);
    assert_eq!(p.warmup, 60.0);
    assert_eq!(p.sources.len(), 1);
    assert_eq!(p.projects.len(), 2);

    let a = &p.projects[0];
    // The name defaults to the scenario file's stem; per_year becomes a rate per working day.
    assert_eq!(a.name, "social-investment-housing");
    assert_eq!(a.scenario, "../social-investment-housing.toml");
    assert_eq!(a.regime.as_str(), "joint");
    assert_eq!(a.rate.value, 120.0 / WORKING_DAYS_PER_YEAR);
    assert_eq!(a.rate.source, Provenance::Assumed);
    assert!(!a.priority);

    let b = p.project("key housing").unwrap();
    assert_eq!(b.rate.value, 0.2);
    assert_eq!(b.rate.source, Provenance::Unspecified);
    assert!(b.priority);
    assert_eq!(b.note, "key projects");

    assert!((p.per_year() - (120.0 + 0.2 * WORKING_DAYS_PER_YEAR)).abs() < 1e-9);
    let caps = p.capacities();
    assert_eq!(caps.len(), 2);
    assert_eq!(caps["Natural Resources Bureau"], 12);
    assert_eq!(caps["Fire and Rescue Bureau"], 3);
    assert_eq!(p.departments[0].reviewers.source, Provenance::Assumed);
}

#[test]
fn warmup_defaults_to_zero_and_departments_are_optional() {
    let p = parse_portfolio(
        r#"
version = 1
name = "Small"
horizon = 100

[[projects]]
scenario = "a.toml"
regime = "joint"
rate = 1
"#,
        "small.toml",
    )
    .unwrap();
    assert_eq!(p.warmup, 0.0);
    assert!(p.departments.is_empty());
    assert!(p.capacities().is_empty());
    assert_eq!(p.projects[0].name, "a");
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let text = r#"version = 2
name = "Broken"
horizon = 0

[[projects]]
scenario = "a.toml"
regime = "joint"
per_year = 10
rate = 1

[[projects]]
name = "a"
scenario = "b.toml"
regime = "joint"

[[projects]]
name = "c"
scenario = "c.toml"
regime = ""
per_year = -5

[[departments]]
name = "Fire"
reviewers = 0

[[departments]]
name = "Fire"
reviewers = 2.5
"#;
    let d = problems(text);
    let find = |code: Code, needle: &str| {
        d.iter()
            .find(|x| x.code == code && x.message.contains(needle))
            .unwrap_or_else(|| panic!("no {code} with `{needle}` in {d:#?}"))
    };
    let v = find(Code::Version, "version 2");
    assert_eq!((v.line, v.column), (Some(1), Some(11)));
    assert_eq!(find(Code::BadValue, "horizon 0").line, Some(3));
    let both = find(Code::BadValue, "both `per_year` and `rate`");
    assert_eq!(both.line, Some(9));
    assert_eq!(both.subject.as_deref(), Some("project type `a`"));
    let dup = find(Code::DuplicateId, "project type `a` is listed twice");
    assert_eq!(dup.line, Some(12));
    assert_eq!(find(Code::BadValue, "no arrival rate").line, Some(13));
    assert_eq!(find(Code::BadValue, "regime is empty").line, Some(19));
    assert_eq!(
        find(Code::BadValue, "`per_year = -5` is not from 0 to 100,000").line,
        Some(20)
    );
    assert_eq!(find(Code::BadValue, "0 reviewers").line, Some(24));
    assert_eq!(find(Code::BadValue, "2.5 reviewers").line, Some(28));
    let dup = find(Code::DuplicateId, "department `Fire` is listed twice");
    assert_eq!(dup.line, Some(27));
    assert!(dup.help.contains("once"));
    assert_eq!(d.len(), 10, "{d:#?}");
    assert!(
        d.iter()
            .all(|x| x.file == "city.toml" && !x.help.is_empty())
    );
}

#[test]
fn syntax_errors_and_unknown_fields_point_at_the_text() {
    let d = problems(
        "version = 1\nname = \"x\"\nhorizon = 10\n[[projects]]\nscenario = \"a.toml\"\nregime = \"joint\"\nrate = 1\nreviewer = 3\n",
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::Syntax);
    assert!(
        d[0].message.starts_with("unknown field `reviewer`"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].line, Some(8));

    let d = problems("version = 1\nname = \"x\"\n");
    assert_eq!(d[0].code, Code::Syntax);
    assert!(
        d[0].message.contains("missing field `horizon`"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].help, "add the field");

    let d = problems(
        "version = 1\nname = \"x\"\nhorizon = 10\n[[departments]]\nname = \"Fire\"\nreviewers = \"three\"\n",
    );
    assert_eq!(d[0].code, Code::Syntax);
    assert!(
        d[0].message.contains("a number, or a table"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].line, Some(6));
}

#[test]
fn empty_files_and_empty_portfolios() {
    let d = problems("  \n");
    assert_eq!(d[0].code, Code::Empty);
    let d = problems("version = 1\nname = \"x\"\nhorizon = 10\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::EmptyModel);
}

#[test]
fn the_shipped_portfolio_reads() {
    let path = format!(
        "{}/../portfolios/mid-sized-city.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let p = parse_portfolio(&text, &path).unwrap_or_else(|e| panic!("{:#?}", e.0));
    assert_eq!(p.projects.len(), 4);
    assert_eq!(p.departments.len(), 10);
    assert!((p.per_year() - 300.0).abs() < 1e-9);
    assert_eq!(p.horizon, 250.0);
    assert!(p.sources.iter().any(|s| s.id == "001_a462ce12def9e49c.txt"));
    // Every figure of the file is marked as assumed.
    assert!(
        p.projects
            .iter()
            .all(|x| x.rate.source == Provenance::Assumed)
    );
    assert!(
        p.departments
            .iter()
            .all(|x| x.reviewers.source == Provenance::Assumed)
    );
    assert_eq!(p.projects.iter().filter(|x| x.priority).count(), 1);
}

#[test]
fn arrivals_have_a_ceiling_for_each_type_and_the_whole_portfolio() {
    let text = "version = 1\nname = \"x\"\nhorizon = 250\nwarmup = 10001\n\n[[projects]]\nname = \"a\"\nscenario = \"a.toml\"\nregime = \"joint\"\nper_year = 60000\n\n[[projects]]\nname = \"b\"\nscenario = \"b.toml\"\nregime = \"joint\"\nrate = 240\n";
    let d = problems(text);
    let messages: Vec<&str> = d.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the warm-up 10001 is not from 0 to 10,000 working days",
            "the project types add up to 120000 arrivals a year; a portfolio has at most 100,000",
        ]
    );
    assert_eq!(d[0].line, Some(4));
}

#[test]
fn departments_no_scenario_names_are_refused_with_their_line() {
    let text = "version = 1\nname = \"x\"\nhorizon = 250\n\n[[projects]]\nscenario = \"a.toml\"\nregime = \"joint\"\nrate = 1\n\n[[departments]]\nname = \"Fire\"\nreviewers = 2\n\n[[departments]]\nname = \"Fier\"\nreviewers = 2\n";
    let p = parse_portfolio(text, "p.toml").unwrap();
    let known: std::collections::BTreeSet<String> =
        ["Fire".to_owned(), "Planning".to_owned()].into();
    let d = permitflow_model::portfolio::check_departments(&p, text, "p.toml", &known)
        .unwrap_err()
        .0;
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].message,
        "unknown department `Fier`: none of the portfolio's scenarios has it"
    );
    assert_eq!((d[0].line, d[0].column), (Some(15), Some(8)));
    assert_eq!(
        d[0].help,
        "did you mean `Fire`? The scenarios' departments are `Fire`, `Planning`"
    );
}

#[test]
fn a_thousand_project_types_at_most() {
    let mut text = String::from("version = 1\nname = \"x\"\nhorizon = 250\n");
    for i in 0..1001 {
        text.push_str(&format!(
            "\n[[projects]]\nname = \"p{i}\"\nscenario = \"a.toml\"\nregime = \"joint\"\nrate = 0.01\n"
        ));
    }
    let d = problems(&text);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "the portfolio lists 1001 project types; permitflow accepts at most 1000"
    );
}
