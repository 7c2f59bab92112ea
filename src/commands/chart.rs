//! `permitflow chart`: the regimes compared on one time axis and a Gantt chart per regime.

use permitflow_i18n::tr;
use std::path::Path;

use clap::ValueEnum;

use permitflow_app::rows::compare;
use permitflow_app::scenes::{ScheduleCharts, schedules_with};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, Loaded};
use permitflow_chart::Arrows;
use permitflow_solver::Method;

pub fn run(
    loaded: &Loaded,
    regimes: &[String],
    (kind, arrows): (ScheduleCharts, Arrows),
    out: &Path,
    scale: f32,
) -> Result<u8, Error> {
    refuse_inputs(&[out], &[Path::new(&loaded.label)])?;
    let c = compare(loaded, regimes, Method::Paths)?;
    if let Some((name, Err(e))) = c.outcomes.iter().find(|(_, o)| o.is_err()) {
        return Err(Error::msg(tr!(
            "cli-solve-no-schedule",
            file = loaded.label.as_str(),
            regime = name.as_str(),
            error = e.to_string()
        )));
    }
    let outcomes = c.solved();
    let scene = schedules_with(&loaded.scenario, &outcomes, &loaded.calendar, kind, arrows);
    crate::render::chart(out, &scene, scale)?;
    eprintln!(
        "{}",
        tr!(
            "cli-chart-wrote",
            file = out.display().to_string(),
            n = outcomes.len(),
            size = format!("{:.0}×{:.0}", scene.width, scene.height)
        )
    );
    Ok(0)
}

/// `--arrows`: the Gantt charts' dependency arrows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ArrowsArg {
    /// Arrows from each predecessor's bar to its successor's.
    On,
    /// No arrows.
    Off,
    /// Arrows when a chart has fewer than 100 bars.
    Auto,
}

impl From<ArrowsArg> for permitflow_chart::Arrows {
    fn from(a: ArrowsArg) -> Self {
        match a {
            ArrowsArg::On => Self::On,
            ArrowsArg::Off => Self::Off,
            ArrowsArg::Auto => Self::Auto,
        }
    }
}
