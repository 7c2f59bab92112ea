//! `permitflow`: the command line. Glue only: parse arguments into typed values, call the
//! application layer (`permitflow-app`) through one module per command, print, and pick the exit
//! code (0 success, 1 a target missed, 2 invalid input).

mod calendar_args;
mod cli;
mod commands;
mod help;
mod render;

use std::process::ExitCode;

use clap::FromArgMatches as _;
use cli::{Cli, Command, Common, MethodArg, OutputFormat};
use permitflow_i18n::tr;

/// A million-item list is a few million small allocations, freed at exit: mimalloc serves them
/// faster than the system allocator (BENCHMARKS.md, "Whole process").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // The language first, before anything is read or printed (help and argument errors
    // included): `--lang` as written (clap checks it below), then the environment.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let flag = lang_flag(&args);
    let detected = permitflow_i18n::detect(flag.as_deref(), |v| std::env::var(v).ok(), None);
    permitflow_i18n::set_lang(detected.lang);
    if let Some(value) = &detected.ignored {
        eprintln!("{}", tr!("cli-lang-ignored", value = value.as_str()));
    }
    let cli = match help::command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => help::exit_with(e),
    };
    permitflow_app::load::set_attributes(cli.attrs.clone());
    permitflow_app::load::set_variant(cli.variant.clone());
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
    let result = commands::run(command);
    for note in permitflow_app::load::take_notes() {
        eprintln!("{}", tr!("cli-attr-note", note = note));
    }
    match result {
        Ok(code) => ExitCode::from(code),
        // The one place an error is shown.
        Err(e) => {
            eprint!("{}", e.render());
            ExitCode::from(commands::INVALID)
        }
    }
}

/// The value of `--lang X` or `--lang=X` before the first `--`, as written; the argument
/// parser refuses a tag it does not know.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).filter_map(|a| a.to_str());
    let mut found = None;
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        } else if a == "--lang" {
            found = args.next().map(str::to_owned);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = Some(v.to_owned());
        }
    }
    found
}
