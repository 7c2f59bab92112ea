//! `permitflow library`: the scenario library page (Markdown). Exit 2 when a scenario is
//! invalid or has no schedule, 1 when a figure does not hold.

use permitflow_i18n::tr;
use std::path::Path;

use permitflow_app::batch::Variants;
use permitflow_app::{Error, library, write};

use super::{INVALID, MISSED};
use crate::render::print;

pub fn run(dir: &Path, out: Option<&Path>, variants: Variants) -> Result<u8, Error> {
    let library::Page {
        text: page,
        found,
        undeclared,
    } = library::page(dir, variants, permitflow_app::load::attributes())?;
    super::batch::note_undeclared(
        undeclared
            .iter()
            .map(|(file, names)| (file.as_str(), names.as_slice())),
    );
    match out {
        Some(path) => {
            write::atomic_write(path, page.as_bytes()).map_err(|e| {
                Error::msg(tr!(
                    "cli-write-failed",
                    file = path.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            eprintln!("{}", tr!("cli-wrote", file = path.display().to_string()));
        }
        None => print(&page)?,
    }
    Ok(if found.invalid {
        INVALID
    } else if found.missed {
        MISSED
    } else {
        0
    })
}
