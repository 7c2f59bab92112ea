//! `permitflow completions SHELL` and `permitflow man`: what a packager installs beside the
//! binary, generated from the same clap definitions that parse the arguments, so they never drift.

use permitflow_i18n::tr;
use std::path::Path;

use clap::CommandFactory;
use permitflow_app::{Error, write};

use crate::cli::Cli;
use crate::render::print;

/// The completion script for `shell`, on standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<u8, Error> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "permitflow", &mut buf);
    print(&String::from_utf8_lossy(&buf))?;
    Ok(0)
}

/// The manual page on standard output, or every command's page written into `dir`.
pub fn man(dir: Option<&Path>) -> Result<u8, Error> {
    let mut cmd = Cli::command();
    cmd.build();
    let Some(dir) = dir else {
        print(&String::from_utf8_lossy(&page(&cmd)?))?;
        return Ok(0);
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::msg(tr!(
            "cli-create-failed",
            dir = dir.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let mut pages = vec![("permitflow.1".to_owned(), page(&cmd)?)];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("permitflow-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        pages.push((format!("{name}.1"), page(&sub)?));
    }
    for (file, bytes) in &pages {
        write::file(&dir.join(file), bytes)?;
    }
    Ok(0)
}

fn page(cmd: &clap::Command) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buf)
        .map_err(|e| Error::msg(tr!("cli-man-failed", error = e.to_string())))?;
    Ok(buf)
}
