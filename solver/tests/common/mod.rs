//! Shared by the solver's tests: solve a scenario under a regime with both methods, insist that
//! they agree and that the independent checker accepts the result. Not every test binary uses every helper.
#![allow(dead_code)]

use permitflow_model::{Calendar, Format, Scenario, parse_scenario};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{Method, Outcome, SolveError, evaluate};

pub fn scenario(toml: &str) -> Scenario {
    match parse_scenario(toml, "test.toml", Format::Toml) {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    }
}

/// Outcome of `regime` by longest paths, after checking the LP gives the same starts and the
/// checker accepts both schedules and their dates.
pub fn solve(s: &Scenario, regime: &str) -> Result<Outcome, SolveError> {
    let cal = Calendar::for_base(s.calendar.base);
    let r = s
        .regime(regime)
        .unwrap_or_else(|| panic!("no regime {regime}"));
    let paths = evaluate(s, r, &cal, Method::Paths);
    let lp = evaluate(s, r, &cal, Method::Lp);
    match (&paths, &lp) {
        (Ok(p), Ok(l)) => {
            for o in [p, l] {
                let v = verify_outcome(s, o, &cal);
                assert!(v.is_empty(), "{regime} ({:?}): {v:#?}", o.schedule.method);
            }
            assert_eq!(
                p.schedule.start, l.schedule.start,
                "{regime}: LP and paths differ"
            );
            assert_eq!(p.schedule.makespan, l.schedule.makespan);
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "both fail, with the same explanation"),
        _ => panic!("{regime}: paths {paths:?} but LP {lp:?}"),
    }
    paths
}

pub fn days(s: &Scenario, regime: &str) -> f64 {
    solve(s, regime).unwrap().working_days().get()
}

/// A changed draft, valid again by the format's rules (tests change shipped scenarios).
pub fn revalidate(d: &permitflow_model::Draft) -> Scenario {
    match permitflow_model::validate(d, "test.toml") {
        Ok(s) => s,
        Err(e) => panic!("{:#?}", e.0),
    }
}
