//! `--help` in the current language: the command built from the derive (`cli.rs`, whose doc
//! comments are the English texts), then, in another language, each subcommand's `about` and
//! the most used options' help replaced by the catalogue's (`cli-about-…`, `cli-help-…`).
//! English keeps the derive's texts, so `--help` in English is what it always was. The
//! possible values' descriptions (`--format`'s table/csv/json, …), `[default: …]` and the
//! generated `help` subcommand stay English (clap writes them).

use clap::CommandFactory as _;
use permitflow_i18n::Lang;

use crate::cli::Cli;

/// Each subcommand and the key of its one-line description.
const ABOUT: [(&str, &str); 16] = [
    ("compare", "cli-about-compare"),
    ("solve", "cli-about-solve"),
    ("chart", "cli-about-chart"),
    ("report", "cli-about-report"),
    ("export", "cli-about-export"),
    ("simulate", "cli-about-simulate"),
    ("plan", "cli-about-plan"),
    ("centre", "cli-about-centre"),
    ("check", "cli-about-check"),
    ("batch", "cli-about-batch"),
    ("merge", "cli-about-merge"),
    ("library", "cli-about-library"),
    ("import", "cli-about-import"),
    ("calibrate", "cli-about-calibrate"),
    ("completions", "cli-about-completions"),
    ("man", "cli-about-man"),
];

/// Options: the subcommand (`""`: any), the option's id and the key of its help. A
/// subcommand's own entry comes before the general one.
const ARGS: [(&str, &str, &str); 68] = [
    ("", "lang", "cli-help-lang"),
    ("", "attrs", "cli-help-attr"),
    ("", "variant", "cli-help-variant"),
    ("", "variants", "cli-help-variants"),
    ("calibrate", "log", "cli-help-calibrate-log"),
    ("calibrate", "scenario", "cli-help-calibrate-scenario"),
    ("calibrate", "output", "cli-help-calibrate-output"),
    ("calibrate", "portfolio", "cli-help-calibrate-portfolio"),
    ("calibrate", "regime", "cli-help-calibrate-regime"),
    ("calibrate", "chart", "cli-help-calibrate-chart"),
    ("calibrate", "seed", "cli-help-calibrate-seed"),
    (
        "calibrate",
        "project_type",
        "cli-help-calibrate-project-type",
    ),
    ("", "file", "cli-help-file"),
    ("import", "file", "cli-help-import-file"),
    ("", "format", "cli-help-format"),
    ("export", "format", "cli-help-export-format"),
    ("", "excel", "cli-help-excel"),
    ("", "start", "cli-help-start"),
    ("check", "start", "cli-help-check-start"),
    ("batch", "start", "cli-help-check-start"),
    ("import", "start", "cli-help-import-start"),
    ("", "sets", "cli-help-set"),
    ("", "measures", "cli-help-measure"),
    ("", "method", "cli-help-method"),
    ("", "regime", "cli-help-regime"),
    ("", "regimes", "cli-help-regimes"),
    ("centre", "regimes", "cli-help-centre-regimes"),
    ("", "out", "cli-help-out"),
    ("simulate", "chart", "cli-help-simulate-chart"),
    ("plan", "chart", "cli-help-plan-chart"),
    ("centre", "chart", "cli-help-centre-chart"),
    ("", "seed", "cli-help-seed"),
    ("simulate", "iterations", "cli-help-iterations"),
    ("simulate", "log", "cli-help-log"),
    ("simulate", "log_cases", "cli-help-log-cases"),
    ("simulate", "log_from", "cli-help-log-from"),
    ("simulate", "log_days", "cli-help-log-days"),
    ("plan", "target", "cli-help-target"),
    ("check", "files", "cli-help-check-files"),
    ("merge", "files", "cli-help-merge-files"),
    ("centre", "portfolio", "cli-help-portfolio"),
    ("centre", "seed", "cli-help-centre-seed"),
    ("centre", "horizon", "cli-help-horizon"),
    ("centre", "replications", "cli-help-replications"),
    ("centre", "add_reviewer", "cli-help-add-reviewer"),
    ("centre", "rank", "cli-help-rank"),
    ("", "calendars", "cli-help-calendar"),
    ("", "strict_calendar", "cli-help-strict-calendar"),
    ("chart", "kind", "cli-help-kind"),
    ("chart", "arrows", "cli-help-arrows"),
    ("chart", "scale", "cli-help-scale"),
    ("report", "plan", "cli-help-report-plan"),
    ("export", "regime", "cli-help-export-regime"),
    ("plan", "regime", "cli-help-plan-regime"),
    ("plan", "curve", "cli-help-curve"),
    ("batch", "paths", "cli-help-paths"),
    ("batch", "out", "cli-help-batch-out"),
    ("batch", "excel", "cli-help-csv-out-excel"),
    ("merge", "excel", "cli-help-csv-out-excel"),
    ("batch", "junit", "cli-help-junit"),
    ("batch", "shard", "cli-help-shard"),
    ("batch", "report", "cli-help-batch-report"),
    ("merge", "out", "cli-help-merge-out"),
    ("library", "dir", "cli-help-library-dir"),
    ("library", "out", "cli-help-library-out"),
    ("import", "force", "cli-help-force"),
    ("completions", "shell", "cli-help-shell"),
    ("man", "dir", "cli-help-man-dir"),
];

/// The command line's definition, its texts in the current language.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let lang = permitflow_i18n::lang();
    if lang == Lang::En {
        return cmd;
    }
    localize(cmd, lang)
}

fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    let text = |key: &str| permitflow_i18n::message_in(lang, key, &[]);
    let cmd = cmd.disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(text("cli-help-version")),
    );
    let mut cmd = frame(cmd, lang)
        .about(text("cli-about"))
        .long_about(text("cli-about-long"))
        .subcommand_help_heading(text("cli-help-commands"))
        .mut_args(|a| localize_arg(a, "", lang));
    for (name, key) in ABOUT {
        cmd = cmd.mut_subcommand(name, |sub| {
            frame(sub, lang)
                .about(text(key))
                .long_about(None)
                .mut_args(|a| localize_arg(a, name, lang))
        });
    }
    cmd
}

/// What clap writes itself: the usage line, the headings and the help flag.
fn frame(cmd: clap::Command, lang: Lang) -> clap::Command {
    let text = |key: &str| permitflow_i18n::message_in(lang, key, &[]);
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        text("cli-help-usage")
    ))
    .disable_help_flag(true)
    .arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(text("cli-help-help")),
    )
    .mut_args(|a| {
        let heading = if a.is_positional() {
            text("cli-help-arguments")
        } else {
            text("cli-help-options")
        };
        a.help_heading(heading)
    })
}

fn localize_arg(arg: clap::Arg, sub: &str, lang: Lang) -> clap::Arg {
    let id = arg.get_id().as_str().to_owned();
    let key = ARGS
        .iter()
        .find(|(s, name, _)| *s == sub && *name == id)
        .or_else(|| ARGS.iter().find(|(s, name, _)| s.is_empty() && *name == id));
    match key {
        Some((_, _, key)) => arg
            .help(permitflow_i18n::message_in(lang, key, &[]))
            .long_help(None),
        None => arg,
    }
}

/// Ends the process on an argument error: clap's message in English; in another language the
/// common errors in the catalogue's words (others as clap writes them), exit 2 as documented.
pub fn exit_with(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let lang = permitflow_i18n::lang();
    if lang == Lang::En || !e.use_stderr() {
        e.exit()
    }
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let text = |key: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, permitflow_i18n::FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, permitflow_i18n::FluentValue::from(v.as_str())))
            .collect();
        permitflow_i18n::message_in(lang, key, &args)
    };
    let message = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_default();
            text(
                "cli-usage-invalid-value",
                &[
                    ("arg", get(ContextKind::InvalidArg)),
                    ("value", get(ContextKind::InvalidValue)),
                    ("reason", reason),
                ],
            )
        }
        ErrorKind::UnknownArgument => text(
            "cli-usage-unknown-argument",
            &[("arg", get(ContextKind::InvalidArg))],
        ),
        ErrorKind::InvalidSubcommand => text(
            "cli-usage-unknown-command",
            &[("command", get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::MissingRequiredArgument => text(
            "cli-usage-missing",
            &[("args", get(ContextKind::InvalidArg))],
        ),
        _ => e.exit(),
    };
    eprintln!(
        "{}\n\n{}",
        text("cli-usage-error", &[("message", message)]),
        text("cli-usage-more", &[])
    );
    std::process::exit(crate::commands::INVALID.into())
}

/// Whether every text the help asks for is in the catalogue (the catalogue's own tests check
/// both languages hold the same keys).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_help_names_every_subcommand_in_chinese() {
        let cmd = localize(Cli::command(), Lang::ZhCn);
        for (name, key) in ABOUT {
            assert!(permitflow_i18n::has(Lang::ZhCn, key), "{key}");
            let sub = cmd
                .find_subcommand(name)
                .unwrap_or_else(|| panic!("{name}"));
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            assert!(
                about
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: {about}"
            );
        }
        let compare = cmd.find_subcommand("compare").unwrap_or_else(|| panic!());
        let format = compare
            .get_arguments()
            .find(|a| a.get_id() == "format")
            .and_then(|a| a.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        assert_eq!(format, "输出格式");
    }
}
