//! `permitflow merge`: the results of `batch --shard` runs combined.

use permitflow_i18n::tr;
use std::path::{Path, PathBuf};

use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, batch};

use crate::render::print;

pub fn run(files: &[PathBuf], out: &Path, excel: bool) -> Result<u8, Error> {
    crate::render::excel_applies(!is_json(out), excel, &tr!("cli-needs-csv-out"))?;
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    refuse_inputs(&[out], &inputs)?;
    let shards = batch::read_shards(files)?;
    let rows = batch::merge(shards);
    let mut bytes = batch::render_rows(&rows, out)
        .map_err(|e| Error::msg(tr!("cli-results-failed", error = e.to_string())))?;
    if excel {
        bytes = permitflow_app::write::for_excel(&bytes);
    }
    crate::render::output(out, &bytes)?;
    let n = {
        let mut f: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
        f.dedup();
        f.len()
    };
    print(&batch::summary(&rows, n))?;
    Ok(batch::exit_code(&rows))
}

/// Results tables are JSON by the `.json` extension, CSV otherwise (as `batch::render_rows`).
pub(crate) fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json")
}
