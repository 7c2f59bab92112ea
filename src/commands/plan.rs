//! `permitflow plan`: the reform planner. Exit 1 when the target is out of reach.

use std::path::Path;

use permitflow_app::write::refuse_inputs;

use permitflow_app::analysis::plan_regime_on;
use permitflow_app::{Error, Loaded, scenes};

use super::MISSED;
use permitflow_i18n::tr;

use crate::render::{OutputFormat, analyse, print_in};

pub fn run(
    loaded: &Loaded,
    regime: &str,
    target: f64,
    curve: bool,
    chart: Option<&Path>,
    (format, excel): (OutputFormat, bool),
) -> Result<u8, Error> {
    let s = &loaded.scenario;
    if let Some(path) = chart {
        refuse_inputs(&[path], &[Path::new(&loaded.label)])?;
    }
    let report = plan_regime_on(s, &loaded.calendar, &loaded.label, regime, target, curve)?;
    print_in(&analyse::plan(s, regime, &report, format), format, excel)?;
    if let Some(path) = chart {
        crate::render::chart(path, &scenes::plan(s, &report), 1.5)?;
        eprintln!("{}", tr!("cli-wrote", file = path.display().to_string()));
    }
    Ok(if report.plan.reachable { 0 } else { MISSED })
}
