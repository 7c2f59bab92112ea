//! `permitflow library`: the scenario library page (Markdown). Exit 2 when a scenario is
//! invalid or has no schedule, 1 when a figure does not hold.

use std::path::Path;

use permitflow_app::{Error, library, write};

use super::{INVALID, MISSED};
use crate::render::print;

pub fn run(dir: &Path, out: Option<&Path>) -> Result<u8, Error> {
    let (page, found) = library::markdown(dir)?;
    match out {
        Some(path) => {
            write::atomic_write(path, page.as_bytes())
                .map_err(|e| Error::msg(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote {}", path.display());
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
