//! Joint events in the approval centre load every member department: hand-worked queues and the
//! shipped city.

mod common;

use std::collections::BTreeMap;

use common::{city, project, scenario};
use permitflow_model::Scenario;
use permitflow_solver::{CentreOptions, CentreResult, DepartmentResult, simulate_centre};

fn caps(list: &[(&str, usize)]) -> BTreeMap<String, usize> {
    list.iter().map(|&(d, c)| (d.to_owned(), c)).collect()
}

fn dept<'a>(r: &'a CentreResult, name: &str) -> &'a DepartmentResult {
    r.departments
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no department {name}"))
}

/// Two reviews, `a` (department A, 2 days) and `b` (department B, 3 days), merged by the joint
/// regime into group `g` with the `group` lines.
fn two_departments(group: &str) -> Scenario {
    scenario(&format!(
        r#"
version = 1
name = "Two departments"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
lead = "A"

[[items]]
id = "a"
department = "A"
stage = "s"
days = 2
joint = "g"

[[items]]
id = "b"
department = "B"
stage = "s"
days = 3
joint = "g"

[[joint]]
id = "g"
{group}
"#
    ))
}

/// Two project types of one name arrive at the same instants (the name keys the arrival
/// stream); the first listed is submitted first. Arrivals are rare (one per 5,000 working days
/// on average), so two pairs never overlap in these runs.
fn pair(s: &Scenario, deps: &[(&str, usize)]) -> CentreResult {
    let p = [
        project("same", s, "joint", 0.0002, false),
        project("same", s, "joint", 0.0002, false),
    ];
    simulate_centre(&p, &caps(deps), &CentreOptions::new(5000.0, 40, 3)).unwrap()
}

fn all_equal(samples: &[f64], want: f64) {
    assert!(!samples.is_empty());
    assert!(
        samples.iter().all(|&x| (x - want).abs() < 1e-9),
        "{samples:?} not all {want}"
    );
}

#[test]
fn the_second_project_waits_the_first_ones_review_in_each_department() {
    // Members reviewed in parallel, each by its own department's one reviewer: the first project
    // takes max(2, 3) = 3 days; the second waits 2 days in A (reviewed 2–4) and 3 days in B
    // (reviewed 3–6): it finishes at 6, having waited 2 + 3 = 5 days.
    let r = pair(&two_departments(""), &[("A", 1), ("B", 1)]);
    let (first, second) = (&r.projects[0], &r.projects[1]);
    assert_eq!(first.arrived, second.arrived);
    assert!(first.arrived > 0.0);
    all_equal(&first.samples, 3.0);
    all_equal(&second.samples, 6.0);
    assert_eq!(first.statutory, 3.0);
    assert!(first.mean_wait.abs() < 1e-9);
    assert!((second.mean_wait - 5.0).abs() < 1e-9, "{second:?}");
    // Each department waits: A's waiting reviews wait 2 days, B's 3, half of the reviews.
    assert!((dept(&r, "A").mean_wait - 1.0).abs() < 1e-9);
    assert!((dept(&r, "B").mean_wait - 1.5).abs() < 1e-9);
    // Reviews per replication: two per pair in each department.
    let pairs = first.arrived;
    assert!((dept(&r, "A").reviews - 2.0 * pairs).abs() < 1e-9);
    assert!((dept(&r, "B").reviews - 2.0 * pairs).abs() < 1e-9);
    // Busy time: 2 projects × 2 days in A, × 3 days in B, over 5,000 working days.
    let ratio = dept(&r, "B").busy / dept(&r, "A").busy;
    assert!((ratio - 1.5).abs() < 0.02, "{ratio}");
}

#[test]
fn a_joint_meeting_holds_a_reviewer_of_every_department_for_its_limit() {
    // The group's own limit of 4 days, run by the centre (department C): A, B and C each hold a
    // reviewer for 4 days. The second project waits 4 days in each: finish 8.
    let r = pair(
        &two_departments("days = 4\ndepartment = \"C\""),
        &[("A", 1), ("B", 1), ("C", 1)],
    );
    all_equal(&r.projects[0].samples, 4.0);
    all_equal(&r.projects[1].samples, 8.0);
    assert!((r.projects[1].mean_wait - 12.0).abs() < 1e-9);
    for d in ["A", "B", "C"] {
        assert!((dept(&r, d).mean_wait - 2.0).abs() < 1e-9, "{d}");
    }
    // With C unlimited, only A and B queue; C still reports its load.
    let r = pair(
        &two_departments("days = 4\ndepartment = \"C\""),
        &[("A", 1), ("B", 1)],
    );
    all_equal(&r.projects[1].samples, 8.0);
    assert!(dept(&r, "C").busy > 0.0 && dept(&r, "C").mean_wait == 0.0);
}

#[test]
fn without_waiting_a_joint_event_lasts_its_longest_member() {
    // Unlimited reviewers: both projects take 3 days.
    let r = pair(&two_departments(""), &[]);
    all_equal(&r.projects[0].samples, 3.0);
    all_equal(&r.projects[1].samples, 3.0);
    assert!(dept(&r, "A").busy > 0.0 && dept(&r, "B").busy > 0.0);
}

#[test]
fn every_department_in_a_joint_review_of_the_city_is_loaded() {
    let (projects, deps, _) = city(None);
    let opts = CentreOptions {
        horizon: 250.0,
        warmup: 60.0,
        replications: 4,
        seed: 5,
        ..CentreOptions::default()
    };
    let r = simulate_centre(&projects, &deps, &opts).unwrap();
    for d in [
        "Fire and Rescue Bureau",
        "Drawing review agency",
        "Civil Air Defence Office",
        "Urban Construction Archives",
        "Housing and Urban-Rural Development Bureau",
    ] {
        let u = dept(&r, d).utilisation;
        assert!(u > 0.0 && u < 1.0, "{d}: {u}");
    }
    // Same seed, same numbers.
    let again = simulate_centre(&projects, &deps, &opts).unwrap();
    assert_eq!(format!("{r:?}"), format!("{again:?}"));
}
