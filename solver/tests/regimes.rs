//! Hand-checkable schedules: the numbers a planner would work out on paper.

mod common;

use chrono::NaiveDate;
use common::{days, scenario, solve};
use permitflow_model::StageId;
use permitflow_solver::SolveError;

/// A construction-permit stage: drawing review 10, civil-air-defence 5, fire design 5, then the
/// permit 1 day after all three.
const PERMIT_STAGE: &str = r#"
version = 1
name = "Construction permit stage"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "construction"
name = "Construction permit"
lead = "Housing and Urban-Rural Development Bureau"

[[items]]
id = "drawing_review"
department = "Drawing review agency"
stage = "construction"
days = 10
materials = ["drawings", "survey report", "design contract"]
joint = "drawings"

[[items]]
id = "civil_air_defence"
department = "Civil Air Defence Office"
stage = "construction"
days = 5
materials = ["drawings", "shelter plan"]
joint = "drawings"

[[items]]
id = "fire_design"
department = "Fire and Rescue"
stage = "construction"
days = 5
materials = ["drawings", "fire plan"]
joint = "drawings"

[[items]]
id = "permit"
department = "Housing and Urban-Rural Development Bureau"
stage = "construction"
days = 1
materials = ["application form", "design contract"]
after = ["drawing_review", "civil_air_defence", "fire_design"]

[[joint]]
id = "drawings"
name = "Joint drawing review"
days = 7
"#;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn permit_stage_serial_parallel_joint() {
    let s = scenario(PERMIT_STAGE);
    let serial = solve(&s, "serial").unwrap();
    assert_eq!(serial.working_days().get(), 21.0);
    // 21 working days from Monday 2025-03-03: the 21st is Monday 2025-03-31.
    assert_eq!(serial.end_date, date("2025-03-31"));
    assert_eq!(serial.counts.trips, 4);
    assert_eq!(serial.counts.forms, 4);
    assert_eq!(serial.counts.materials, 3 + 2 + 2 + 2);
    assert_eq!(serial.counts.departments, 4);
    assert_eq!(
        serial.critical_ids(),
        [
            "drawing_review",
            "civil_air_defence",
            "fire_design",
            "permit"
        ]
    );

    let parallel = solve(&s, "parallel").unwrap();
    assert_eq!(parallel.working_days().get(), 11.0);
    assert_eq!(parallel.end_date, date("2025-03-17"));
    assert_eq!(parallel.counts.trips, 1);
    assert_eq!(parallel.counts.forms, 1);
    // One form: drawings and the design contract are handed in once.
    assert_eq!(parallel.counts.materials, 6);
    assert_eq!(parallel.counts.departments, 1);
    assert_eq!(parallel.critical_ids(), ["drawing_review", "permit"]);
    let fire = parallel.network.index_of("fire_design").unwrap();
    assert_eq!(parallel.schedule.total_float[fire].get(), 5.0);

    let joint = solve(&s, "joint").unwrap();
    assert_eq!(joint.working_days().get(), 8.0);
    assert_eq!(joint.end_date, date("2025-03-12"));
    assert_eq!(joint.critical_ids(), ["drawings", "permit"]);
}

#[test]
fn joint_event_without_its_own_limit_takes_the_longest_member() {
    let s = scenario(&PERMIT_STAGE.replace("days = 7\n", ""));
    assert_eq!(days(&s, "joint"), 11.0);
}

fn two_stages(extra_items: &str, extra: &str) -> String {
    format!(
        r#"
version = 1
name = "Two stages"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "planning"
lead = "Natural Resources Bureau"

[[stages]]
id = "construction"
lead = "Housing Bureau"

[[items]]
id = "scheme"
department = "Natural Resources Bureau"
stage = "planning"
days = 5

[[items]]
id = "planning_permit"
department = "Natural Resources Bureau"
stage = "planning"
days = 2
after = ["scheme"]

[[items]]
id = "drawings"
department = "Drawing review agency"
stage = "construction"
days = 6.5

[[items]]
id = "construction_permit"
department = "Housing Bureau"
stage = "construction"
days = 1
after = ["drawings"]
{extra_items}
{extra}
"#
    )
}

#[test]
fn stages_gate_each_other_and_half_days_add_up() {
    let s = scenario(&two_stages("", ""));
    // Stage 1: 5 + 2; stage 2 waits for delivery: 6.5 + 1.
    assert_eq!(days(&s, "parallel"), 14.5);
    assert_eq!(days(&s, "serial"), 14.5);
    let o = solve(&s, "parallel").unwrap();
    assert_eq!(o.stages.len(), 2);
    assert_eq!(o.stages[0].working_days.get(), 7.0);
    assert_eq!(o.stages[1].working_days.get(), 7.5);
    // 14.5 working days end at midday of the 15th: Friday 2025-03-21.
    assert_eq!(o.end_date, date("2025-03-21"));
    assert_eq!(o.counts.trips, 2);
}

#[test]
fn merged_stages_run_both_stages_at_once() {
    let s = scenario(&two_stages(
        "",
        r#"
[[measures]]
id = "merge"
kind = "merged_stages"
stages = ["planning", "construction"]

[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "merged"
base = "parallel"
measures = ["merge"]
"#,
    ));
    assert_eq!(days(&s, "parallel"), 14.5);
    let merged = solve(&s, "merged").unwrap();
    assert_eq!(merged.working_days().get(), 7.5);
    assert_eq!(merged.counts.trips, 1);
    assert_eq!(merged.stages.len(), 1);
    assert_eq!(merged.stages[0].label(), "planning+construction");
    // The span keeps the stages it stands for as a list of ids.
    let span = &merged.stages[0];
    let ids: Vec<&str> = span.ids.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["planning", "construction"]);
    assert!(span.is_merged());
    assert!(span.covers(&StageId::from("construction")));
    assert!(!span.covers(&StageId::from("planning+construction")));
    assert_eq!(span.first_id().map(StageId::as_str), Some("planning"));
    let parallel = solve(&s, "parallel").unwrap();
    assert!(parallel.stages.iter().all(|sp| !sp.is_merged()));
    assert_eq!(
        parallel.stages[0].label(),
        parallel.stages[0].ids[0].as_str()
    );
}

#[test]
fn tolerance_commitment_compression_and_online() {
    let s = scenario(&two_stages(
        "",
        r#"
[[measures]]
id = "tolerance"
kind = "tolerance_acceptance"
links = [{ from = "scheme", to = "planning_permit", lag = 1 }]

[[measures]]
id = "commitment"
kind = "notification_commitment"
items = ["drawings"]

[[measures]]
id = "faster"
kind = "time_limit_compression"
limits = { scheme = 3 }

[[regimes]]
name = "parallel"
base = "parallel"

[[regimes]]
name = "tolerance"
base = "parallel"
measures = ["tolerance"]

[[regimes]]
name = "commitment"
base = "parallel"
measures = ["commitment"]

[[regimes]]
name = "all"
base = "parallel"
measures = ["online_submission", "faster", "commitment", "tolerance"]
"#,
    ));
    // The permit starts 1 day after the scheme review starts: stage 1 takes max(5, 1 + 2) = 5.
    assert_eq!(days(&s, "tolerance"), 5.0 + 7.5);
    // Drawing review becomes a filing on commitment (0 days): stage 2 takes 1.
    assert_eq!(days(&s, "commitment"), 7.0 + 1.0);
    // Scheme 3, permit from day 1 to 3: stage 1 takes 3; stage 2 takes 1.
    let all = solve(&s, "all").unwrap();
    assert_eq!(all.working_days().get(), 4.0);
    assert_eq!(all.counts.trips, 0);
    assert_eq!(all.counts.forms, 2);
}

#[test]
fn link_types_and_lags() {
    let s = scenario(&two_stages(
        r#"
[[items]]
id = "survey"
department = "Surveying institute"
stage = "construction"
kind = "applicant_work"
days = 4
after = ["drawings:SS+1"]

[[items]]
id = "archive"
department = "Archives"
stage = "construction"
kind = "filing"
days = 2
after = ["survey:FF+3", "construction_permit:SF-1"]
"#,
        "",
    ));
    let o = solve(&s, "parallel").unwrap();
    let at = |id: &str| o.network.index_of(id).unwrap();
    let start = |id: &str| o.schedule.start[at(id)].get();
    // Stage 2 starts at 7.
    assert_eq!(start("drawings"), 7.0);
    assert_eq!(start("survey"), 8.0);
    // FF+3: archive finishes ≥ survey finish (12) + 3 = 15, so starts at 13.
    assert_eq!(start("archive"), 13.0);
    assert_eq!(o.working_days().get(), 15.0);
    // Applicant work needs no submission: 4 submissions in stage order, 2 stages.
    assert_eq!(o.counts.trips, 2);
    let serial = solve(&s, "serial").unwrap();
    assert_eq!(serial.counts.trips, 5);
}

#[test]
fn maximum_lag_pulls_a_start_later_and_deadline_conflicts_are_named() {
    let with_max = two_stages(
        "",
        r#"
[[items]]
id = "land_ready"
department = "Land reserve centre"
stage = "planning"
kind = "applicant_work"
days = 1
release = 4

[[items]]
id = "formal_conditions"
department = "Natural Resources Bureau"
stage = "planning"
days = 1
after = [{ item = "land_ready", max_lag = 5 }, { item = "scheme", type = "SS" }]
"#,
    );
    let s = scenario(&with_max);
    let o = solve(&s, "parallel").unwrap();
    let at = |id: &str| o.network.index_of(id).unwrap();
    assert_eq!(o.schedule.start[at("land_ready")].get(), 4.0);
    assert_eq!(o.schedule.start[at("formal_conditions")].get(), 5.0);

    // A deadline that cannot hold: the planning permit must be done by day 6, but the scheme
    // takes 5 and the permit 2.
    let s = scenario(&with_max.replace(
        "days = 2\nafter = [\"scheme\"]",
        "days = 2\ndeadline = 6\nafter = [\"scheme\"]",
    ));
    match solve(&s, "parallel") {
        Err(SolveError::Infeasible {
            constraints,
            excess,
        }) => {
            assert_eq!(excess, "1", "{constraints:#?}");
            let text = constraints.join("\n");
            assert!(
                text.contains("`planning_permit` finishes by working day offset 6 (deadline)"),
                "{text}"
            );
            assert!(text.contains("`planning_permit` starts at least 0 working days after `scheme` finishes (link scheme → planning_permit)"), "{text}");
            assert!(
                text.contains("`scheme` starts no earlier than the project start"),
                "{text}"
            );
        }
        other => panic!("expected infeasible, got {other:?}"),
    }

    // A maximum lag that cannot hold: formal conditions within 5 days after the land is ready,
    // but they must also wait 8 days after the scheme finishes.
    let s = scenario(
        &with_max
            .replace("{ item = \"scheme\", type = \"SS\" }", "\"scheme+8\"")
            .replace("release = 4", "release = 4\ndeadline = 5"),
    );
    match solve(&s, "parallel") {
        Err(SolveError::Infeasible { constraints, .. }) => {
            let text = constraints.join("\n");
            assert!(text.contains("`formal_conditions` starts at most 5 working days after `land_ready` finishes (maximum lag"), "{text}");
        }
        other => panic!("expected infeasible, got {other:?}"),
    }
}

#[test]
fn serial_chain_follows_links_not_only_file_order() {
    // The permit is listed first but comes after the review: serial keeps the link.
    let s = scenario(
        r#"
version = 1
name = "order"
start = "2025-03-03"
[[stages]]
id = "s"
lead = "L"
[[items]]
id = "permit"
department = "L"
stage = "s"
days = 1
after = ["review"]
[[items]]
id = "review"
department = "R"
stage = "s"
days = 3
[[items]]
id = "other"
department = "O"
stage = "s"
days = 2
"#,
    );
    let o = solve(&s, "serial").unwrap();
    assert_eq!(o.working_days().get(), 6.0);
    assert_eq!(o.critical_ids(), ["review", "permit", "other"]);
}

/// Items `a` and `c` in joint group `g`, with `b` between them in a chain a → b → c: merging
/// the group makes a cycle g → b → g. `extra` is added to `b` (a deadline, a unit).
fn straddle(extra: &str) -> permitflow_model::Scenario {
    scenario(&format!(
        r#"
version = 1
name = "straddle"
start = "2025-03-03"
[[stages]]
id = "s"
lead = "L"
[[items]]
id = "a"
department = "A"
stage = "s"
days = 1
joint = "g"
[[items]]
id = "b"
department = "B"
stage = "s"
days = 1
after = ["a"]
{extra}
[[items]]
id = "c"
department = "C"
stage = "s"
days = 1
after = ["b"]
joint = "g"
"#
    ))
}

#[test]
fn a_joint_group_that_straddles_a_link_chain_is_a_cycle() {
    match solve(&straddle(""), "joint") {
        Err(SolveError::Cycle { path }) => assert_eq!(path, ["`g`", "`b`", "`g`"]),
        other => panic!("expected a cycle, got {other:?}"),
    }
}

/// The cycle is found whichever way the schedule goes: by the topological order of the longest
/// paths, before the bounded paths of a deadline, before the calendar's dated schedule, and
/// before the LP (which would refuse calendar days first).
#[test]
fn a_cycle_is_named_with_deadlines_calendar_days_and_the_lp() {
    use permitflow_model::Calendar;
    use permitflow_solver::{Method, evaluate};
    for extra in ["", "deadline = 30\n", "unit = \"calendar\"\n"] {
        let s = straddle(extra);
        let cal = Calendar::for_base(s.calendar.base);
        let joint = s.regime("joint").unwrap();
        for method in [Method::Paths, Method::Lp] {
            match evaluate(&s, joint, &cal, method) {
                Err(SolveError::Cycle { path }) => {
                    assert_eq!(path, ["`g`", "`b`", "`g`"], "{extra:?} {method:?}");
                }
                other => panic!("{extra:?} {method:?}: expected a cycle, got {other:?}"),
            }
        }
        // The serial regime has no joint event: no cycle, and the three items in turn.
        let serial = evaluate(&s, s.regime("serial").unwrap(), &cal, Method::Paths).unwrap();
        assert_eq!(serial.critical_ids(), ["a", "b", "c"], "{extra:?}");
    }
}
