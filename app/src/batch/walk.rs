//! The files a batch runs: files, folders walked recursively and glob patterns, each file once
//! however many routes reach it (by its canonical path), symlinks followed without ever looping
//! (a folder already walked is not walked again), and every entry that should have been read but
//! cannot be — a dangling symlink, a symlink loop, a folder that cannot be listed — kept as an
//! [`Entry`] with its problem, so the run reports it and exits 2 after the other scenarios ran.

use permitflow_i18n::tr;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::Error;

/// One scenario file to run, or an entry that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path as reached (the first route, in sorted order, when several reach one file).
    pub path: PathBuf,
    /// Its canonical path, when it has one.
    pub canonical: Option<PathBuf>,
    /// Why it cannot be read, when it cannot.
    pub problem: Option<String>,
}

/// What [`expand`] found.
#[derive(Clone, Debug, Default)]
pub struct Expanded {
    /// The entries to run, sorted by path, each file once.
    pub entries: Vec<Entry>,
    /// Routes that reached a file already listed: (the route, the entry kept), to mention.
    pub same_file: Vec<(PathBuf, PathBuf)>,
}

impl Expanded {
    /// The paths of the entries, in order.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.entries.iter().map(|e| e.path.clone()).collect()
    }
}

/// A scenario file by its extension.
pub(super) fn is_scenario(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| x == "toml" || x == "json" || x == "csv")
}

/// Whether a CSV file starts with an event log's header (`case,project_type,…`, or in Chinese
/// `案件编号,项目类型,…`): read up to its first line (at most 4 KiB), a byte-order mark skipped.
fn is_event_log(p: &Path) -> bool {
    use std::io::Read as _;
    if p.extension().is_none_or(|x| x != "csv") {
        return false;
    }
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = std::fs::File::open(p) else {
        return false;
    };
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let columns: Vec<&str> = first
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    let english = permitflow_model::event_log::COLUMNS;
    let chinese = permitflow_model::event_log::CHINESE_HEADERS;
    english.iter().zip(chinese).all(|(en, (_, zh))| {
        columns
            .iter()
            .any(|c| c.eq_ignore_ascii_case(en) || *c == zh)
    })
}

/// Hidden entries (`.git`, editors' `.#x.toml` lock links) are not part of a library.
fn hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

struct Walk {
    /// Canonical folders already walked: a symlink back to one of them is not followed again.
    dirs: HashSet<PathBuf>,
    found: Vec<Entry>,
}

impl Walk {
    fn problem(&mut self, path: &Path, why: String) {
        self.found.push(Entry {
            path: path.to_path_buf(),
            canonical: None,
            problem: Some(why),
        });
    }

    /// A path named on the command line or matched by a pattern: a folder is walked, anything
    /// else is run (and reported if it cannot be read).
    fn named(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => self.dir(path),
            Ok(m) if m.is_file() => self.file(path),
            Ok(_) => self.problem(path, NOT_A_FILE.into()),
            Err(e) => self.problem(path, reason(&e)),
        }
    }

    fn file(&mut self, path: &Path) {
        match std::fs::canonicalize(path) {
            Ok(c) => self.found.push(Entry {
                path: path.to_path_buf(),
                canonical: Some(c),
                problem: None,
            }),
            Err(e) => self.problem(path, reason(&e)),
        }
    }

    fn dir(&mut self, path: &Path) {
        let canonical = match std::fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => return self.problem(path, reason(&e)),
        };
        if !self.dirs.insert(canonical) {
            return;
        }
        let listing = match std::fs::read_dir(path) {
            Ok(r) => r,
            Err(e) => return self.problem(path, format!("cannot list the folder: {}", reason(&e))),
        };
        let mut entries = Vec::new();
        for e in listing {
            match e {
                Ok(e) => entries.push(e.path()),
                Err(e) => {
                    return self.problem(path, format!("cannot list the folder: {}", reason(&e)));
                }
            }
        }
        entries.sort();
        for e in entries {
            if hidden(&e) {
                continue;
            }
            // Follows symlinks: a link to a folder is walked, a link to a file is run.
            match std::fs::metadata(&e) {
                Ok(m) if m.is_dir() => self.dir(&e),
                // An event log (`simulate --log`, `calibrate`'s input) kept beside the
                // scenarios is not one.
                Ok(m) if m.is_file() && is_scenario(&e) && !is_event_log(&e) => self.file(&e),
                Ok(m) if m.is_file() && is_scenario(&e) => {}
                // A FIFO or a device would block the run or never end: reported, not read.
                Ok(_) if is_scenario(&e) => self.problem(&e, NOT_A_FILE.into()),
                Ok(_) => {}
                // A dangling link or a loop: reported when it could have been a scenario or a
                // folder (a scenario's extension, or none).
                Err(err) if is_scenario(&e) || e.extension().is_none() => {
                    self.problem(&e, reason(&err));
                }
                Err(_) => {}
            }
        }
    }
}

const NOT_A_FILE: &str = "not a regular file (a FIFO, socket or device), which could block the run";

/// An IO error as a user reads it: a symlink loop and a dangling link by name.
fn reason(e: &std::io::Error) -> String {
    // ELOOP (40 on Linux) has no stable ErrorKind of its own everywhere.
    if e.raw_os_error() == Some(40) || e.to_string().contains("symbolic links") {
        "a symbolic link loop (the link leads back to itself)".into()
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "not found (a symbolic link to a file that does not exist?)".into()
    } else {
        e.to_string()
    }
}

/// Expands files, folders (recursively: .toml, .json, .csv) and glob patterns, sorted by path,
/// each file once. A named path or a pattern that matches nothing is an error; entries that
/// cannot be read are kept with their problem.
pub fn expand(paths: &[String]) -> Result<Expanded, Error> {
    let mut walk = Walk {
        dirs: HashSet::new(),
        found: Vec::new(),
    };
    for p in paths {
        if p.contains(['*', '?', '[']) {
            let matches = glob::glob(p).map_err(|e| {
                Error::msg(tr!(
                    "app-batch-bad-pattern",
                    pattern = p.as_str(),
                    error = e.to_string()
                ))
            })?;
            let mut n = 0;
            for m in matches {
                match m {
                    Ok(path) => walk.named(&path),
                    Err(e) => walk.problem(e.path(), reason(e.error())),
                }
                n += 1;
            }
            if n == 0 {
                return Err(Error::msg(tr!("app-batch-no-match", pattern = p.as_str())));
            }
        } else {
            let path = PathBuf::from(p);
            if std::fs::symlink_metadata(&path).is_err() {
                return Err(Error::help(
                    tr!("app-batch-not-found", path = p.as_str()),
                    tr!("app-batch-not-found.help"),
                ));
            }
            walk.named(&path);
        }
    }
    let mut found = walk.found;
    found.sort_by(|a, b| a.path.cmp(&b.path));
    // Each file once: the first route in sorted order is kept.
    let mut kept: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut out = Expanded::default();
    for e in found {
        let key = e.canonical.clone().unwrap_or_else(|| e.path.clone());
        if let Some(first) = kept.get(&key) {
            if *first != e.path {
                out.same_file.push((e.path, first.clone()));
            }
            continue;
        }
        kept.insert(key, e.path.clone());
        out.entries.push(e);
    }
    Ok(out)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(x: &Expanded, root: &Path) -> Vec<String> {
        x.entries
            .iter()
            .map(|e| {
                let p = e.path.strip_prefix(root).unwrap().display().to_string();
                match &e.problem {
                    Some(why) => format!("{p} ! {why}"),
                    None => p,
                }
            })
            .collect()
    }

    #[test]
    fn loops_are_walked_once_and_files_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.toml"), "x").unwrap();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        // A loop back to the root, a second link to the same file, a dangling link, a link to
        // itself, a hidden lock link.
        symlink(root, root.join("sub/loop")).unwrap();
        symlink(root.join("sub/a.toml"), root.join("b.toml")).unwrap();
        symlink(root.join("gone.toml"), root.join("dangling.toml")).unwrap();
        symlink(root.join("self.toml"), root.join("self.toml")).unwrap();
        symlink("user@host.1", root.join(".#a.toml")).unwrap();
        symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        let x = expand(&[root.display().to_string()]).unwrap();
        assert_eq!(
            names(&x, root),
            [
                "b.toml",
                "dangling.toml ! not found (a symbolic link to a file that does not exist?)",
                "self.toml ! a symbolic link loop (the link leads back to itself)",
            ]
        );
        assert_eq!(
            x.same_file,
            [(root.join("sub/a.toml"), root.join("b.toml"))]
        );
        // Named three times, through the folder (whose loop leads back to the root and its
        // link to the same file) and directly: run once.
        let again = expand(&[
            root.join("sub").display().to_string(),
            root.join("sub/a.toml").display().to_string(),
            root.join("sub/./a.toml").display().to_string(),
        ])
        .unwrap();
        let files: Vec<_> = again
            .entries
            .iter()
            .filter(|e| e.problem.is_none())
            .collect();
        assert_eq!(files.len(), 1);
    }
}

#[cfg(test)]
mod logs {
    use super::*;

    #[test]
    fn event_logs_in_a_folder_are_not_run_but_item_lists_are() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("logs")).unwrap();
        std::fs::write(
            root.join("logs/year.csv"),
            "case,project_type,item,department,event,time\nC1,t,a,D,received,2025-03-03\n",
        )
        .unwrap();
        std::fs::write(
            root.join("logs/zh.csv"),
            "\u{feff}案件编号,项目类型,事项,部门,环节,时间\n",
        )
        .unwrap();
        std::fs::write(
            root.join("items.csv"),
            "id,name,department,stage,days,after\n",
        )
        .unwrap();
        let x = expand(&[root.display().to_string()]).unwrap();
        assert_eq!(x.paths(), [root.join("items.csv")]);
        // Named on its own, a log is run (and reported as what it is).
        let named = expand(&[root.join("logs/year.csv").display().to_string()]).unwrap();
        assert_eq!(named.paths(), [root.join("logs/year.csv")]);
    }
}
