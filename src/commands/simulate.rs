//! `permitflow simulate`: Monte Carlo over the regimes, with a spinner on stderr.

use std::path::Path;

use permitflow_app::write::refuse_inputs;

use permitflow_app::analysis::{never, simulate_regimes};
use permitflow_app::{Error, Loaded, scenes, unknown_regime};
use permitflow_solver::SimulationOptions;

use permitflow_i18n::tr;

use crate::render::{OutputFormat, analyse, print_in};

pub fn run(
    loaded: &Loaded,
    regimes: &[String],
    iterations: usize,
    seed: u64,
    chart: Option<&Path>,
    (format, excel): (OutputFormat, bool),
) -> Result<u8, Error> {
    let s = &loaded.scenario;
    if let Some(path) = chart {
        refuse_inputs(&[path], &[Path::new(&loaded.label)])?;
    }
    if let Some(name) = regimes.iter().find(|n| s.regime(n).is_none()) {
        return Err(unknown_regime(loaded, name));
    }
    let opts = SimulationOptions { iterations, seed };
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let progress = |name: &str| {
        spinner.set_message(tr!(
            "cli-simulating",
            regime = name,
            iterations = iterations
        ));
    };
    let results = simulate_regimes(
        s,
        &loaded.calendar,
        &loaded.label,
        regimes,
        &opts,
        &progress,
        &never,
    );
    spinner.finish_and_clear();
    let results = results?;
    print_in(
        &analyse::simulation(s, &results, seed, format),
        format,
        excel,
    )?;
    if let Some(path) = chart {
        let refs: Vec<_> = results.iter().collect();
        crate::render::chart(path, &scenes::simulation(s, &refs, iterations, seed), 1.5)?;
        eprintln!("{}", tr!("cli-wrote", file = path.display().to_string()));
    }
    Ok(0)
}
