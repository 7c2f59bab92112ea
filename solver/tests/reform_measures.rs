//! Reform measures as they really work (issue 21), each against a hand-worked schedule, checked
//! by the independent checker, and read and written back (TOML and JSON).

mod common;

use common::{scenario, solve};
use permitflow_model::{Calendar, Format, Scenario, parse_scenario, to_json, to_toml};
use permitflow_solver::check::verify_outcome;
use std::collections::BTreeMap;

use permitflow_solver::{
    CentreOptions, CentreResult, SimulationOptions, simulate, simulate_centre,
};

/// Written as TOML and as JSON and read back: the same scenario.
fn round_trip(s: &Scenario) {
    let toml = to_toml(s).unwrap();
    let back = parse_scenario(&toml, "back.toml", Format::Toml).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, s, "{toml}");
    let json = to_json(s).unwrap();
    let back = parse_scenario(&json, "back.json", Format::Json).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, s, "{json}");
}

/// Starts of the activities of `regime`, by id.
fn starts(s: &Scenario, regime: &str) -> (f64, impl Fn(&str) -> f64) {
    let o = solve(s, regime).unwrap();
    let days = o.working_days().get();
    (days, move |id: &str| {
        o.schedule.start[o.network.index_of(id).unwrap()].get()
    })
}

/// Three stages: `a` (5 days) and `b` (3) in s1; `c` (4) and `d` (2, after `b`) in s2; `e` (1)
/// in s3. `measures` and `regimes` follow.
fn three_stages(more: &str) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "Three stages"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s1"
lead = "D1"

[[stages]]
id = "s2"
lead = "D2"

[[stages]]
id = "s3"
lead = "D3"

[[items]]
id = "a"
department = "D1"
stage = "s1"
days = 5

[[items]]
id = "b"
department = "D1"
stage = "s1"
days = 3

[[items]]
id = "c"
department = "D2"
stage = "s2"
days = 4

[[items]]
id = "d"
department = "D2"
stage = "s2"
days = 2
after = ["b"]

[[items]]
id = "e"
department = "D3"
stage = "s3"
days = 1
{more}
"#
    ))
}

#[test]
fn parallel_advance_lets_later_stages_start_on_their_own_links() {
    let s = three_stages(
        r#"
[[measures]]
id = "advance"
kind = "parallel_advance"

[[measures]]
id = "advance_hard_s1"
kind = "parallel_advance"
hard_gates = ["s1"]

[[measures]]
id = "advance_hard_s2"
kind = "parallel_advance"
hard_gates = ["s2"]

[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "advance"
base = "parallel"
measures = ["advance"]

[[regimes]]
name = "hard_s1"
base = "parallel"
measures = ["advance_hard_s1"]

[[regimes]]
name = "hard_s2"
base = "parallel"
measures = ["advance_hard_s2"]

[[regimes]]
name = "builtin"
base = "parallel"
measures = ["parallel_advance"]
"#,
    );
    round_trip(&s);
    // Hard gates: s1 delivered at 5; c 5–9, d 5–7; s2 delivered at 9; e 9–10.
    let (days, at) = starts(&s, "parallel");
    assert_eq!(days, 10.0);
    assert_eq!((at("c"), at("d"), at("e")), (5.0, 5.0, 9.0));
    // All gates soft: c 0–4, d after b 3–5, e 0–1; the last delivery at 5.
    for regime in ["advance", "builtin"] {
        let (days, at) = starts(&s, regime);
        assert_eq!(days, 5.0, "{regime}");
        assert_eq!((at("c"), at("d"), at("e")), (0.0, 3.0, 0.0), "{regime}");
    }
    // s1's gate hard: c 5–9, d 5–7, e free 0–1: 9.
    let (days, at) = starts(&s, "hard_s1");
    assert_eq!(days, 9.0);
    assert_eq!((at("c"), at("d"), at("e")), (5.0, 5.0, 0.0));
    // s2's gate hard: c 0–4, d 3–5, s2 delivered at 5, e 5–6: 6.
    let (days, at) = starts(&s, "hard_s2");
    assert_eq!(days, 6.0);
    assert_eq!((at("c"), at("d"), at("e")), (0.0, 3.0, 5.0));
}

#[test]
fn the_checker_holds_gates_that_no_parallel_advance_softens() {
    let s = three_stages(
        r#"
[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "advance"
base = "parallel"
measures = ["parallel_advance"]
"#,
    );
    let mut o = solve(&s, "advance").unwrap();
    // The soft schedule passed as the plain parallel regime's: its gates are broken.
    o.regime = s.regime("parallel").unwrap().clone();
    let problems = verify_outcome(&s, &o, &Calendar::for_base(s.calendar.base));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`c` starts at 0 before stage `s1` is delivered at 5")),
        "{problems:#?}"
    );
}

#[test]
fn a_hard_gate_must_name_a_stage() {
    let text = r#"
version = 1
name = "Bad"
start = "2025-03-03"

[[stages]]
id = "s1"
lead = "D1"

[[items]]
id = "a"
department = "D1"
stage = "s1"
days = 5

[[measures]]
id = "advance"
kind = "parallel_advance"
hard_gates = ["s9"]
"#;
    let e = parse_scenario(text, "bad.toml", Format::Toml).unwrap_err();
    let shown = format!("{:?}", e.0);
    assert!(shown.contains("s9"), "{shown}");
}

/// One stage: the applicant prepares material `m` (6 days); review `x` (4 days) needs it.
fn material_and_review(more: &str) -> Scenario {
    scenario(&material_text(more))
}

fn material_text(more: &str) -> String {
    format!(
        r#"
version = 1
name = "Missing material"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "D"

[[items]]
id = "m"
department = "Applicant"
stage = "s"
kind = "applicant_work"
days = 6

[[items]]
id = "x"
department = "D"
stage = "s"
days = 4
after = ["m"]

[[regimes]]
name = "parallel"
base = "parallel"

{more}
"#
    )
}

#[test]
fn acceptance_with_missing_materials_waits_for_the_material_to_deliver() {
    let s = material_and_review(
        r#"
[[measures]]
id = "tolerance"
kind = "tolerance_acceptance"
links = [{ from = "m", to = "x", lag = 1 }]

[[measures]]
id = "tolerance_3"
kind = "tolerance_acceptance"
links = [{ from = "m", to = "x", lag = 1, deadline_days = 3 }]

[[measures]]
id = "tolerance_10"
kind = "tolerance_acceptance"
links = [{ from = "m", to = "x", lag = 1, deadline_days = 10 }]

[[regimes]]
name = "ss_only"
base = "parallel"
measures = ["tolerance"]

[[regimes]]
name = "deadline_3"
base = "parallel"
measures = ["tolerance_3"]

[[regimes]]
name = "deadline_10"
base = "parallel"
measures = ["tolerance_10"]
"#,
    );
    round_trip(&s);
    // Finish-to-start: x 6–10.
    let (days, at) = starts(&s, "parallel");
    assert_eq!((days, at("x")), (10.0, 6.0));
    // Start-to-start +1 alone: x 1–5, delivered before its material (6).
    let (days, at) = starts(&s, "ss_only");
    assert_eq!((days, at("x")), (6.0, 1.0));
    // Deadline 3: the material (ready at 6) may follow x's start by at most 3, so x starts at
    // 3 (not 1) and is delivered at 7, after the material.
    let (days, at) = starts(&s, "deadline_3");
    assert_eq!((days, at("x")), (7.0, 3.0));
    // Deadline 10: the start may be 1 as far as the deadline goes, but x is delivered only once
    // the material has arrived (6): it starts at 6 − 4 = 2.
    let (days, at) = starts(&s, "deadline_10");
    assert_eq!((days, at("x")), (6.0, 2.0));
}

#[test]
fn a_material_deadline_is_a_duration() {
    let text = material_text(
        r#"
[[measures]]
id = "tolerance"
kind = "tolerance_acceptance"
links = [{ from = "m", to = "x", lag = 1, deadline_days = -2 }]
"#,
    );
    let e = parse_scenario(&text, "bad.toml", Format::Toml).unwrap_err();
    let shown = format!("{:?}", e.0);
    assert!(
        shown.contains("deadline") && shown.contains("-2"),
        "{shown}"
    );
}

/// The applicant's design (10 days) then a review (5 days), returned 20 % of the time (3 days of
/// correction, a full re-review).
fn design_and_review(more: &str) -> String {
    format!(
        r#"
version = 1
name = "Agent service"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "D"

[[items]]
id = "design"
department = "Design institute"
stage = "s"
kind = "applicant_work"
clock = "applicant"
days = 10

[[items]]
id = "review"
department = "D"
stage = "s"
days = 5
returns = {{ rate = 0.2, correction_days = 3 }}
after = ["design"]

[[regimes]]
name = "parallel"
base = "parallel"

{more}
"#
    )
}

#[test]
fn agent_service_shortens_applicant_items_and_halves_returns() {
    let s = scenario(&design_and_review(
        r#"
[[measures]]
id = "agent"
kind = "agent_service"
items = ["design"]
factor = 0.45
returns_factor = 0.5

[[measures]]
id = "agent_days"
kind = "agent_service"
limits = { design = 3 }

[[regimes]]
name = "agent"
base = "parallel"
measures = ["agent"]

[[regimes]]
name = "agent_days"
base = "parallel"
measures = ["agent_days"]
"#,
    ));
    round_trip(&s);
    // 10 + 5; with agents 10 × 0.45 = 4.5 days of design: 9.5; set to 3 days: 8.
    let (days, at) = starts(&s, "parallel");
    assert_eq!((days, at("review")), (15.0, 10.0));
    let (days, at) = starts(&s, "agent");
    assert_eq!((days, at("review")), (9.5, 4.5));
    assert_eq!(starts(&s, "agent_days").0, 8.0);
    // Monte Carlo: each return adds 3 + 5 days, E[K] = p / (1 − p): 15 + 8 × 0.25 = 17 at 20 %,
    // 9.5 + 8 × 0.1 / 0.9 = 10.39 at 10 % (sampling errors 0.03 and 0.02 over 20,000 runs).
    let opts = SimulationOptions {
        iterations: 20_000,
        seed: 4,
    };
    let mean = |regime: &str| simulate(&s, s.regime(regime).unwrap(), &opts).unwrap().mean;
    assert!(
        (mean("parallel") - 17.0).abs() < 0.15,
        "{}",
        mean("parallel")
    );
    assert!(
        (mean("agent") - (9.5 + 8.0 / 9.0)).abs() < 0.1,
        "{}",
        mean("agent")
    );
}

#[test]
fn agent_service_names_only_applicant_items() {
    for (measure, says) in [
        (
            "items = [\"review\"]\nfactor = 0.5",
            "`review` is not the applicant's own work",
        ),
        ("items = [\"design\"]", "without a factor"),
        ("returns_factor = 1.5", "returns_factor = 1.5"),
        ("", "changes nothing"),
    ] {
        let text = design_and_review(&format!(
            "[[measures]]\nid = \"agent\"\nkind = \"agent_service\"\n{measure}\n"
        ));
        let e = parse_scenario(&text, "bad.toml", Format::Toml).unwrap_err();
        let shown = format!("{:?}", e.0);
        assert!(shown.contains(says), "{measure}: {shown}");
    }
}

/// Review `a` (10 days) then review `b` (8 days); `a` may be granted on commitment.
fn commitment(more: &str) -> String {
    format!(
        r#"
version = 1
name = "Commitment"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "D"

[[items]]
id = "a"
department = "D"
stage = "s"
days = 10

[[items]]
id = "b"
department = "E"
stage = "s"
days = 8
after = ["a"]

[[regimes]]
name = "parallel"
base = "parallel"

{more}
"#
    )
}

#[test]
fn a_commitment_is_granted_at_once_and_verified_off_the_path() {
    let s = scenario(&commitment(
        r#"
[[measures]]
id = "commit"
kind = "notification_commitment"
items = ["a"]
verification = { days = 5, deadline_days = 20, failure_rate = 0.1 }

[[regimes]]
name = "commit"
base = "parallel"
measures = ["commit"]
"#,
    ));
    round_trip(&s);
    let (days, at) = starts(&s, "parallel");
    assert_eq!((days, at("b")), (18.0, 10.0));
    // Granted at 0: b 0–8; the verification 0–5 beside it, nothing waits for it.
    let o = solve(&s, "commit").unwrap();
    let k = o.network.index_of("verify:a").unwrap();
    assert_eq!(o.working_days().get(), 8.0);
    assert_eq!(
        o.schedule.start[o.network.index_of("b").unwrap()].get(),
        0.0
    );
    assert_eq!(
        (o.schedule.start[k].get(), o.schedule.finish[k].get()),
        (0.0, 5.0)
    );
    assert_eq!(o.network.activities[k].departments[0].as_str(), "D");
    // Official approval time: the verification is outside the clock.
    // Monte Carlo: a false commitment (10 %) is found when the verification ends (5 days) and
    // `a` is then reviewed in full (10 days): b waits. Mean 8 + 15 × E[K], E[K] = 0.1 / 0.9.
    let opts = SimulationOptions {
        iterations: 20_000,
        seed: 8,
    };
    let r = simulate(&s, s.regime("commit").unwrap(), &opts).unwrap();
    let want = 8.0 + 15.0 / 9.0;
    assert!((r.mean - want).abs() < 0.15, "{} vs {want}", r.mean);
    assert_eq!(r.p50, 8.0);
}

#[test]
fn a_verification_longer_than_its_deadline_is_refused() {
    let text = commitment(
        r#"
[[measures]]
id = "commit"
kind = "notification_commitment"
items = ["a"]
verification = { days = 25, deadline_days = 20, failure_rate = 1.2 }
"#,
    );
    let e = parse_scenario(&text, "bad.toml", Format::Toml).unwrap_err();
    let shown = format!("{:?}", e.0);
    assert!(shown.contains("longer than its deadline of 20"), "{shown}");
    assert!(shown.contains("failure_rate 1.2"), "{shown}");
}

/// The approval centre with unlimited reviewers: `regime` of `s`, half a project a working day
/// over 2,000 working days, 8 replications.
fn centre(s: &Scenario, regime: &str) -> CentreResult {
    let p = [common::project("p", s, regime, 0.5, false)];
    simulate_centre(&p, &BTreeMap::new(), &CentreOptions::new(2000.0, 8, 11)).unwrap()
}

fn reviews_per_project(r: &CentreResult, dept: &str) -> f64 {
    let d = r.departments.iter().find(|d| d.name == dept).unwrap();
    d.reviews / r.projects[0].arrived
}

#[test]
fn in_the_centre_a_false_commitment_comes_back_for_its_full_review() {
    let s = scenario(&commitment(
        r#"
[[measures]]
id = "commit"
kind = "notification_commitment"
items = ["a"]
verification = { days = 5, deadline_days = 20, failure_rate = 0.1 }

[[regimes]]
name = "commit"
base = "parallel"
measures = ["commit"]
"#,
    ));
    let r = centre(&s, "commit");
    // As the Monte Carlo: 8 + 15 × 0.1 / 0.9 (sampling error about 0.06).
    let want = 8.0 + 15.0 / 9.0;
    assert!(
        (r.projects[0].mean - want).abs() < 0.25,
        "{}",
        r.projects[0].mean
    );
    // D verifies every commitment and reviews a false one in full: 1 + 1/9 reviews a project
    // (the filing on the spot takes no reviewer).
    let d = reviews_per_project(&r, "D");
    assert!((d - 10.0 / 9.0).abs() < 0.03, "{d}");
}

#[test]
fn in_the_centre_agents_halve_the_returns() {
    let s = scenario(&design_and_review(
        r#"
[[measures]]
id = "agent"
kind = "agent_service"
items = ["design"]
factor = 0.45
returns_factor = 0.5

[[regimes]]
name = "agent"
base = "parallel"
measures = ["agent"]
"#,
    ));
    // Reviews a project: 1 + p / (1 − p), 1.25 at 20 %, 1.11 at 10 %.
    let before = reviews_per_project(&centre(&s, "parallel"), "D");
    let after = reviews_per_project(&centre(&s, "agent"), "D");
    assert!((before - 1.25).abs() < 0.04, "{before}");
    assert!((after - 10.0 / 9.0).abs() < 0.03, "{after}");
}
