//! One module per subcommand: each calls the application layer and formats its values.

mod batch;
pub(crate) mod calibrate;
mod centre;
pub(crate) mod chart;
mod check;
mod compare;
mod distribution;
mod export;
mod import;
mod library;
mod merge;
mod plan;
mod report;
mod simulate;
mod solve;

use permitflow_i18n::tr;
use std::path::Path;

use chrono::NaiveDate;
use permitflow_app::edit::{SetDays, apply_what_ifs};
use permitflow_app::load::{UserCalendars, load_with};
use permitflow_app::{Error, Loaded};

use crate::cli::{Command, Common};

/// Exit code: a target is missed.
pub const MISSED: u8 = 1;
/// Exit code: invalid input (also clap's code for bad arguments).
pub const INVALID: u8 = 2;

/// Runs a command; the exit code when it ran, or why it could not.
pub fn run(command: Command) -> Result<u8, Error> {
    match command {
        Command::Compare {
            file,
            regimes,
            common,
            calendar,
        } => compare::run(
            &prepare_common(file.as_deref(), &common, &calendar.user())?,
            &regimes,
            &common,
        ),
        Command::Solve {
            file,
            regime,
            common,
            calendar,
        } => solve::run(
            prepare_common(file.as_deref(), &common, &calendar.user())?,
            &regime,
            &common,
        ),
        Command::Chart {
            file,
            regimes,
            kind,
            arrows,
            out,
            scale,
            start,
            sets,
            measures,
            calendar,
        } => {
            let loaded = prepare(file.as_deref(), start, &sets, &measures, &calendar.user())?;
            chart::run(&loaded, &regimes, (kind.into(), arrows.into()), &out, scale)
        }
        Command::Simulate {
            file,
            regimes,
            iterations,
            seed,
            chart,
            log,
            common,
        } => simulate::run(
            &prepared(file.as_deref(), &common)?,
            &regimes,
            (iterations, seed),
            (chart.as_deref(), &log),
            (common.format, common.excel),
        ),
        Command::Plan {
            file,
            regime,
            target,
            curve,
            chart,
            common,
        } => plan::run(
            &prepared(file.as_deref(), &common)?,
            &regime,
            target,
            curve,
            chart.as_deref(),
            (common.format, common.excel),
        ),
        Command::Centre {
            portfolio,
            horizon,
            replications,
            seed,
            regimes,
            add_reviewer,
            rank,
            format,
            excel,
            chart,
        } => centre::run(
            &portfolio,
            permitflow_app::analysis::CentreRequest {
                regimes,
                horizon,
                replications,
                seed,
                add_reviewer,
                rank,
            },
            (format, excel),
            chart.as_deref(),
        ),
        Command::Export {
            file,
            regime,
            format,
            excel,
            out,
            start,
            calendar,
        } => {
            crate::render::excel_applies(
                matches!(format, crate::cli::ExportFormat::Csv),
                excel,
                &tr!("cli-needs-format-csv"),
            )?;
            export::run(
                &prepare(file.as_deref(), start, &[], &[], &calendar.user())?,
                &regime,
                (format.into(), excel),
                &out,
            )
        }
        Command::Calibrate {
            log,
            scenario,
            output,
            portfolio,
            regime,
            project_type,
            chart,
            seed,
            format,
            calendar,
        } => calibrate::run(
            &log,
            scenario.as_deref(),
            calibrate::Outputs {
                scenario: output.as_deref(),
                portfolio: portfolio.as_deref(),
                regime: regime.as_deref(),
                chart: chart.as_deref(),
                seed,
                project_type: project_type.as_deref(),
            },
            format,
            &calendar.user(),
        ),
        Command::Check {
            files,
            start,
            variants,
            calendar,
        } => check::run(
            &files,
            start,
            calendar.strict_calendar,
            variants,
            &calendar.files.user(),
        ),
        Command::Batch {
            paths,
            out,
            excel,
            junit,
            shard,
            start,
            report,
            variants,
            calendar,
        } => batch::run(
            &paths,
            batch::Outputs {
                out,
                excel,
                junit,
                report,
            },
            shard,
            batch::Options {
                start,
                strict_calendar: calendar.strict_calendar,
                user: calendar.files.user(),
                attrs: permitflow_app::load::attributes().to_vec(),
                variants,
            },
        ),
        Command::Report {
            file,
            out,
            plan,
            start,
            calendar,
        } => report::run(
            &prepare(file.as_deref(), start, &[], &[], &calendar.user())?,
            &out,
            plan.as_ref(),
        ),
        Command::Merge { files, out, excel } => merge::run(&files, &out, excel),
        Command::Library { dir, out, variants } => library::run(&dir, out.as_deref(), variants),
        Command::Completions { shell } => distribution::completions(shell),
        Command::Man { dir } => distribution::man(dir.as_deref()),
        Command::Import {
            file,
            out,
            start,
            force,
        } => import::run(&file, &out, start, force),
    }
}

/// Loads a file (or the default scenario) and applies the what-ifs.
fn prepare(
    file: Option<&Path>,
    start: Option<NaiveDate>,
    sets: &[SetDays],
    measures: &[String],
    user: &UserCalendars,
) -> Result<Loaded, Error> {
    // A list of a hundred thousand items or more takes a second or more to read and check.
    let big = file
        .and_then(|f| std::fs::metadata(f).ok())
        .is_some_and(|m| m.is_file() && m.len() >= BIG_INPUT_BYTES);
    let spinner = big.then(|| {
        crate::render::spinner(tr!(
            "cli-reading",
            file = file.map(|f| f.display().to_string()).unwrap_or_default()
        ))
    });
    let loaded = load_with(file, start, user);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let mut loaded = loaded?;
    apply_what_ifs(&mut loaded, start, sets, measures)?;
    Ok(loaded)
}

/// Inputs from this size on are read under a spinner: about 100,000 items of a CSV item list,
/// a second or more to read and check.
pub(crate) const BIG_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// [`prepare`] with the reporting commands' common options.
fn prepare_common(
    file: Option<&Path>,
    common: &Common,
    user: &UserCalendars,
) -> Result<Loaded, Error> {
    crate::render::excel_applies(
        common.format == crate::cli::OutputFormat::Csv,
        common.excel,
        &tr!("cli-needs-format-csv"),
    )?;
    prepare(file, common.start, &common.sets, &common.measures, user)
}

/// [`prepare_common`] for the commands that count working days without dating them (simulate,
/// plan): the calendar folder of the environment only.
fn prepared(file: Option<&Path>, common: &Common) -> Result<Loaded, Error> {
    prepare_common(file, common, &UserCalendars::from_env(Vec::new()))
}
