//! `permitflow batch`: a whole library on all cores, with a progress bar on stderr.

use permitflow_i18n::tr;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
pub use permitflow_app::batch::Options;
use permitflow_app::batch::{self, Row, Shard};
use permitflow_app::load::{Choice, load_as};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, report};

use crate::render::print;

/// Where the results go.
pub struct Outputs {
    pub out: Option<PathBuf>,
    /// The CSV results table for Excel (a byte-order mark first).
    pub excel: bool,
    pub junit: Option<PathBuf>,
    pub report: Option<PathBuf>,
}

pub fn run(
    paths: &[String],
    outputs: Outputs,
    shard: Option<Shard>,
    opts: Options,
) -> Result<u8, Error> {
    crate::render::excel_applies(
        outputs
            .out
            .as_deref()
            .is_some_and(|p| !super::merge::is_json(p)),
        outputs.excel,
        &tr!("cli-needs-csv-out"),
    )?;
    // Never over a file named as an input, nor one output over the other.
    let named: Vec<&Path> = paths
        .iter()
        .filter(|p| !p.contains(['*', '?', '[']))
        .map(Path::new)
        .collect();
    let outs: Vec<&Path> = [&outputs.out, &outputs.junit]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
        .collect();
    refuse_inputs(&outs, &named)?;
    let expanded = batch::expand(paths)?;
    for (route, kept) in &expanded.same_file {
        eprintln!(
            "{}",
            tr!(
                "cli-batch-same-file",
                route = route.display().to_string(),
                kept = kept.display().to_string()
            )
        );
    }
    let mut entries = expanded.entries;
    // A results table or report written into the folder being run is not a scenario.
    let own: Vec<PathBuf> = [&outputs.out, &outputs.junit]
        .into_iter()
        .flatten()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    entries.retain(|e| e.canonical.as_ref().is_none_or(|c| !own.contains(c)));
    if let Some(s) = shard {
        entries = batch::shard(entries, s.k, s.n);
    }
    let files: Vec<PathBuf> = entries.iter().map(|e| e.path.clone()).collect();
    let bar = ProgressBar::new(entries.len() as u64);
    bar.set_style(
        ProgressStyle::with_template(&tr!("cli-batch-progress"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let results = batch::run_all(&entries, &opts, &|| bar.inc(1));
    bar.finish_and_clear();
    for r in &results {
        if let Some(text) = &r.invalid {
            eprint!("{text}");
        }
    }
    note_undeclared(
        results
            .iter()
            .map(|r| (r.file.as_str(), r.undeclared.as_slice())),
    );
    let rows: Vec<Row> = results.iter().flat_map(|r| r.rows.clone()).collect();
    if let Some(path) = &outputs.out {
        let mut bytes = batch::render_rows(&rows, path)
            .map_err(|e| Error::msg(tr!("cli-results-failed", error = e.to_string())))?;
        if outputs.excel {
            bytes = permitflow_app::write::for_excel(&bytes);
        }
        crate::render::output(path, &bytes)?;
    }
    if let Some(path) = &outputs.junit {
        let bytes = batch::junit(&results)
            .map_err(|e| Error::msg(tr!("cli-junit-failed", error = e.to_string())))?;
        crate::render::output(path, &bytes)?;
    }
    if let Some(dir) = &outputs.report {
        reports(dir, &files, &rows, &opts)?;
    }
    print(&batch::summary(&rows, files.len()))?;
    Ok(batch::exit_code(&rows))
}

/// One note per `--attr` name some files do not declare (left out for them, not refused),
/// naming those files.
pub fn note_undeclared<'a>(files: impl Iterator<Item = (&'a str, &'a [String])>) {
    let mut by_name: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (file, names) in files {
        for n in names {
            by_name.entry(n.as_str()).or_default().push(file);
        }
    }
    for (name, files) in by_name {
        eprintln!(
            "{}",
            tr!(
                "cli-batch-attr-undeclared",
                name = name,
                n = files.len(),
                files = files.join(", ")
            )
        );
    }
}

/// An HTML report per scenario and an index page, in `dir`.
fn reports(
    dir: &std::path::Path,
    files: &[PathBuf],
    rows: &[Row],
    opts: &Options,
) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::msg(tr!(
            "cli-create-failed",
            dir = dir.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let mut entries = Vec::new();
    for (n, f) in files.iter().enumerate() {
        let label = f.display().to_string();
        let status = {
            let mut st: Vec<&str> = rows
                .iter()
                .filter(|r| r.file == label)
                .map(|r| r.status.as_str())
                .collect();
            st.sort_unstable();
            st.dedup();
            st.join(", ")
        };
        let choice = Choice {
            variant: None,
            attrs: opts.attrs.clone(),
            lenient: true,
        };
        let Ok((loaded, _)) = load_as(f, opts.start, &opts.user, &choice) else {
            entries.push((String::new(), label, "invalid".into(), None));
            continue;
        };
        let stem = f
            .file_stem()
            .map(|x| x.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = format!("{:03}-{stem}.html", n + 1);
        match report::report(&loaded.scenario, &loaded.calendar, &label, None) {
            Ok(html) => {
                crate::render::output(&dir.join(&name), html.as_bytes())?;
                entries.push((loaded.scenario.name.clone(), label, status, Some(name)));
            }
            Err(e) => entries.push((
                loaded.scenario.name.clone(),
                label,
                format!("{status}: {e}"),
                None,
            )),
        }
    }
    crate::render::output(&dir.join("index.html"), report::index(&entries).as_bytes())?;
    eprintln!(
        "{}",
        tr!(
            "cli-batch-wrote-reports",
            n = entries.iter().filter(|e| e.3.is_some()).count(),
            index = dir.join("index.html").display().to_string()
        )
    );
    Ok(())
}
