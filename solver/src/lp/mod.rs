//! Every linear program of the crate, through good_lp; no other module uses good_lp.
//!
//! - `schedule`: the minimum schedule ([`lp_starts`], the cross-check of the longest paths);
//! - `crash`: the reform planner's crashing program (the cross-check of `flow.rs`).
//!
//! The backend is pure-Rust microlp by default, HiGHS with the `highs` feature.

mod crash;
mod schedule;

pub(crate) use crash::solve_lp;
pub use schedule::lp_starts;

#[cfg(feature = "highs")]
use good_lp::highs as backend;
#[cfg(not(feature = "highs"))]
use good_lp::microlp as backend;

/// The LP backend this build uses.
pub const BACKEND: &str = if cfg!(feature = "highs") {
    "HiGHS"
} else {
    "microlp"
};

/// Why the LP gave no schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LpFailure {
    /// The constraints cannot all hold.
    Infeasible,
    /// The solver failed otherwise; its message.
    Other(String),
}

/// Every input is a multiple of half a day, so every vertex of the LP is too: remove the
/// solver's rounding noise (a value within 10⁻⁶ of a half day becomes that half day).
pub(crate) fn snap(x: f64) -> f64 {
    let r = (x * 2.0).round() / 2.0;
    if (x - r).abs() < 1e-6 { r } else { x }
}
