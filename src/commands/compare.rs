//! `permitflow compare`: every regime side by side.

use permitflow_app::rows::compare;
use permitflow_app::{Error, Loaded};

use super::INVALID;
use crate::cli::Common;
use crate::render::{compare::compare as render, print_in};

pub fn run(loaded: &Loaded, regimes: &[String], common: &Common) -> Result<u8, Error> {
    let c = compare(loaded, regimes, common.method.into())?;
    print_in(
        &render(&c, &loaded.calendar, common.format),
        common.format,
        common.excel,
    )?;
    // On stderr in every format (JSON carries them too, as data).
    for w in &c.warnings {
        eprintln!("{w}");
    }
    // A regime without a schedule (an infeasible plan) is invalid input.
    Ok(if c.any_failed() { INVALID } else { 0 })
}
