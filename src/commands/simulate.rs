//! `permitflow simulate`: Monte Carlo over the regimes, with a spinner on stderr; with `--log`,
//! a synthetic event log of one regime's cases too (`permitflow_app::synth`).

use std::path::Path;

use permitflow_app::write::refuse_inputs;

use permitflow_app::analysis::{never, simulate_regimes};
use permitflow_app::synth::{LogOptions, synthetic_log, write_log_csv};
use permitflow_app::{Error, Loaded, scenes, unknown_regime};
use permitflow_solver::SimulationOptions;

use permitflow_i18n::tr;

use crate::cli::LogArgs;
use crate::render::{OutputFormat, analyse, print_in};

pub fn run(
    loaded: &Loaded,
    regimes: &[String],
    (iterations, seed): (usize, u64),
    (chart, log_args): (Option<&Path>, &LogArgs),
    (format, excel): (OutputFormat, bool),
) -> Result<u8, Error> {
    let s = &loaded.scenario;
    let outputs: Vec<&Path> = chart.into_iter().chain(log_args.log.as_deref()).collect();
    refuse_inputs(&outputs, &[Path::new(&loaded.label)])?;
    if let Some(name) = regimes.iter().find(|n| s.regime(n).is_none()) {
        return Err(unknown_regime(loaded, name));
    }
    // The log is made before anything is printed, so a refused count prints nothing.
    let log = match (&log_args.log, regimes) {
        (None, _) => None,
        (Some(path), [regime]) => {
            let opts = LogOptions {
                cases: log_args.log_cases,
                seed,
                first: log_args.log_from.unwrap_or(s.start),
                days: log_args.log_days,
                project_type: s.name.clone(),
            };
            Some((path, synthetic_log(loaded, regime, &opts)?))
        }
        (Some(_), _) => {
            return Err(Error::help(
                tr!("cli-log-one-regime", regimes = regimes.len()),
                tr!("cli-log-one-regime.help"),
            ));
        }
    };
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
    if let Some((path, log)) = log {
        write_log_csv(&log, path)?;
        if path.as_os_str() != "-" {
            eprintln!(
                "{}",
                tr!(
                    "cli-log-wrote",
                    file = path.display().to_string(),
                    records = log.records.len()
                )
            );
        }
    }
    Ok(0)
}
