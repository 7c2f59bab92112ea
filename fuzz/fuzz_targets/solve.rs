//! Any scenario that parses is solved under every regime without a panic or a hang, and every
//! outcome found passes the independent checker (`verify_outcome`: the earliest schedule, its
//! dates, and its network against the scenario); a short simulation runs too.
#![no_main]
use libfuzzer_sys::fuzz_target;
use permitflow_model::{Calendar, Format, parse_scenario};
use permitflow_solver::check::verify_outcome;
use permitflow_solver::{Method, SimulationOptions, evaluate, simulate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(s) = parse_scenario(text, "fuzz.toml", Format::Toml) else { return };
    let cal = Calendar::for_base(s.calendar.base);
    for r in &s.regimes {
        if let Ok(o) = evaluate(&s, r, &cal, Method::Paths) {
            let v = verify_outcome(&s, &o, &cal);
            assert!(v.is_empty(), "checker: {v:?}");
            let _ = simulate(&s, r, &SimulationOptions { iterations: 16, seed: 1 });
        }
    }
});
