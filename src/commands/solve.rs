//! `permitflow solve`: one regime's schedule.

use std::path::Path;

use permitflow_app::{Error, unknown_regime};
use permitflow_solver::evaluate;

use super::prepared;
use crate::cli::Common;
use crate::render::{print, schedule::solve};

pub fn run(file: Option<&Path>, regime: &str, common: &Common) -> Result<u8, Error> {
    let loaded = prepared(file, common)?;
    let Some(r) = loaded.scenario.regime(regime) else {
        return Err(unknown_regime(&loaded, regime));
    };
    let o = evaluate(&loaded.scenario, r, &loaded.calendar, common.method.into()).map_err(|e| {
        Error::msg(format!(
            "{}: regime `{regime}` has no schedule: {e}",
            loaded.label
        ))
    })?;
    print(&solve(
        &loaded.scenario,
        &loaded.calendar,
        &o,
        common.format,
    ))?;
    Ok(0)
}
