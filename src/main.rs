//! `permitflow`: the command line. Glue only: parse arguments into typed values, call the
//! application layer (`permitflow-app`) through one module per command, print, and pick the exit
//! code (0 success, 1 a target missed, 2 invalid input).

mod calendar_args;
mod cli;
mod commands;
mod render;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command, Common, MethodArg, OutputFormat};

/// A million-item list is a few million small allocations, freed at exit: mimalloc serves them
/// faster than the system allocator (BENCHMARKS.md, "Whole process").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Compare {
        file: None,
        regimes: vec![],
        common: Common {
            format: OutputFormat::Table,
            excel: false,
            start: None,
            sets: vec![],
            measures: vec![],
            method: MethodArg::Paths,
        },
        calendar: Default::default(),
    });
    match commands::run(command) {
        Ok(code) => ExitCode::from(code),
        // The one place an error is shown.
        Err(e) => {
            eprint!("{}", e.render());
            ExitCode::from(commands::INVALID)
        }
    }
}
