//! `permitflow library`: the scenario library page (Markdown).

use std::path::Path;

use permitflow_app::{Error, library, write};

use super::MISSED;
use crate::render::print;

pub fn run(dir: &Path, out: Option<&Path>) -> Result<u8, Error> {
    let (page, ok) = library::markdown(dir)?;
    match out {
        Some(path) => {
            write::atomic_write(path, page.as_bytes())
                .map_err(|e| Error::msg(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote {}", path.display());
        }
        None => print(&page)?,
    }
    Ok(if ok { 0 } else { MISSED })
}
