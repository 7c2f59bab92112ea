//! Where the app finds its shipped files and keeps its own: the folders searched for the
//! shipped scenarios, portfolios and logs (beside the installed binary, in the user's data
//! folder, in the working directory, in the source tree), and the data and cache folders the
//! recovery files and print pages go to.
//!
//! [`Places`] holds the candidate folders so tests can point them at temporary ones; the app
//! uses [`Places::system`].

use std::path::{Path, PathBuf};

/// `PERMITFLOW_DATA_DIR`: the folder used instead of the system's user data folder (its
/// `scenarios`, the recovery files) and cache folder (the print pages); tests set it.
pub const DATA_DIR_VAR: &str = "PERMITFLOW_DATA_DIR";

/// The folders the app looks in, in the order searched.
#[derive(Clone, Debug, PartialEq)]
pub struct Places {
    /// The folder of the running binary.
    pub exe_dir: Option<PathBuf>,
    /// The user's data folder for permitflow (`~/.local/share/permitflow` on Linux).
    pub data_dir: Option<PathBuf>,
    /// The user's cache folder for permitflow (`~/.cache/permitflow` on Linux).
    pub cache_dir: Option<PathBuf>,
    /// The working directory.
    pub work_dir: Option<PathBuf>,
    /// The source tree the app was built from (for a developer's `cargo run`).
    pub source_dir: Option<PathBuf>,
}

impl Places {
    /// The folders of this machine and process: `PERMITFLOW_DATA_DIR` (when set) stands for
    /// both the data and the cache folder.
    pub fn system() -> Self {
        let own = std::env::var_os(DATA_DIR_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        Self {
            exe_dir: std::env::current_exe()
                .ok()
                .and_then(|e| e.parent().map(Path::to_path_buf)),
            data_dir: own
                .clone()
                .or_else(|| dirs::data_dir().map(|d| d.join("permitflow"))),
            cache_dir: own
                .map(|d| d.join("cache"))
                .or_else(|| dirs::cache_dir().map(|d| d.join("permitflow"))),
            work_dir: std::env::current_dir().ok(),
            source_dir: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("..")),
        }
    }

    /// The folders of [`system`](Self::system) without the data and cache folders: no
    /// autosave, no recovery (what the library's [`PermitflowApp::new`] uses, so tests never
    /// touch the user's folders); print pages go to the temporary folder.
    ///
    /// [`PermitflowApp::new`]: crate::PermitflowApp::new
    pub fn without_data() -> Self {
        Self {
            data_dir: None,
            cache_dir: None,
            ..Self::system()
        }
    }

    /// Only `dir` as data and cache folder, nothing else: for tests.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            exe_dir: None,
            data_dir: Some(dir.to_path_buf()),
            cache_dir: Some(dir.join("cache")),
            work_dir: None,
            source_dir: None,
        }
    }

    /// The folders that may hold shipped files named `name` (`scenarios`, `portfolios`,
    /// `scenarios/logs`), in the order searched: `<exe dir>/NAME`,
    /// `<exe dir>/../share/permitflow/NAME`, `<data dir>/NAME`, `<working dir>/NAME`,
    /// `<source tree>/NAME`; only those that exist, each folder once.
    pub fn shipped_dirs(&self, name: &str) -> Vec<PathBuf> {
        self.dirs(name, true)
    }

    /// The folders whose files are opened read-only: those of [`shipped_dirs`](Self::shipped_dirs)
    /// except the working directory's (a `scenarios` folder of the user's own project is theirs
    /// to save into) unless it is one of the others.
    pub fn read_only_dirs(&self, name: &str) -> Vec<PathBuf> {
        self.dirs(name, false)
    }

    fn dirs(&self, name: &str, with_work_dir: bool) -> Vec<PathBuf> {
        let exe = self.exe_dir.as_ref();
        let candidates = [
            exe.map(|d| d.join(name)),
            exe.map(|d| d.join("..").join("share").join("permitflow").join(name)),
            self.data_dir.as_ref().map(|d| d.join(name)),
            self.work_dir
                .as_ref()
                .filter(|_| with_work_dir)
                .map(|d| d.join(name)),
            self.source_dir.as_ref().map(|d| d.join(name)),
        ];
        let mut out: Vec<PathBuf> = Vec::new();
        for dir in candidates.into_iter().flatten() {
            if let Ok(d) = dir.canonicalize()
                && d.is_dir()
                && !out.contains(&d)
            {
                out.push(d);
            }
        }
        out
    }

    /// The files with one of `extensions` (lower case, no dot) in the shipped folders named
    /// `name`, by file name; a name found in an earlier folder hides the same name in a later
    /// one.
    pub fn shipped_files(&self, name: &str, extensions: &[&str]) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = Vec::new();
        for dir in self.shipped_dirs(name) {
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut here: Vec<PathBuf> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && has_extension(p, extensions))
                .collect();
            here.sort();
            for p in here {
                if !files.iter().any(|f| f.file_name() == p.file_name()) {
                    files.push(p);
                }
            }
        }
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        files
    }

    /// Whether `path` is a shipped file (in one of the [`read_only_dirs`](Self::read_only_dirs)
    /// of `scenarios`): opened read-only, saved only as a copy.
    pub fn is_shipped(&self, path: &Path) -> bool {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            Some(_) => Path::new("."),
            None => return false,
        };
        let Ok(parent) = parent.canonicalize() else {
            return false;
        };
        self.read_only_dirs("scenarios").contains(&parent)
    }

    /// The folder the recovery files are kept in (`<data dir>/recovery`); none without a
    /// data folder (then nothing is autosaved).
    pub fn recovery_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("recovery"))
    }

    /// The folder the print pages are written to (`<cache dir>/print`).
    pub fn print_dir(&self) -> PathBuf {
        self.cache_dir
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("permitflow"))
            .join("print")
    }
}

/// Whether `path` ends in one of `extensions` (lower case, no dot), in any case.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    /// A fake installation: a binary folder with `scenarios`, a `share` folder, a data folder
    /// and a working directory, each with some files.
    fn install(root: &Path) -> Places {
        let exe = root.join("prefix/bin");
        std::fs::create_dir_all(&exe).unwrap();
        touch(&exe.join("scenarios/a.toml"));
        touch(&exe.join("scenarios/notes.txt"));
        touch(&root.join("prefix/share/permitflow/scenarios/a.toml"));
        touch(&root.join("prefix/share/permitflow/scenarios/b.json"));
        touch(&root.join("data/scenarios/c.CSV"));
        touch(&root.join("work/scenarios/d.toml"));
        Places {
            exe_dir: Some(exe),
            data_dir: Some(root.join("data")),
            cache_dir: Some(root.join("cache")),
            work_dir: Some(root.join("work")),
            source_dir: None,
        }
    }

    #[test]
    fn shipped_folders_are_searched_in_order_and_listed_once() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let mut places = install(&root);
        // The source tree is the working directory: listed once.
        places.source_dir = places.work_dir.clone();
        let dirs = places.shipped_dirs("scenarios");
        assert_eq!(
            dirs,
            vec![
                root.join("prefix/bin/scenarios"),
                root.join("prefix/share/permitflow/scenarios"),
                root.join("data/scenarios"),
                root.join("work/scenarios"),
            ]
        );
        // a.toml from beside the binary (first found wins), b, c (any case), d; no .txt.
        let files = places.shipped_files("scenarios", &["toml", "json", "csv"]);
        assert_eq!(
            files,
            vec![
                root.join("prefix/bin/scenarios/a.toml"),
                root.join("prefix/share/permitflow/scenarios/b.json"),
                root.join("data/scenarios/c.CSV"),
                root.join("work/scenarios/d.toml"),
            ]
        );
    }

    #[test]
    fn shipped_files_are_read_only_but_not_the_working_directorys() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let places = install(&root);
        assert!(places.is_shipped(&root.join("prefix/bin/scenarios/a.toml")));
        assert!(places.is_shipped(&root.join("prefix/share/permitflow/scenarios/b.json")));
        assert!(places.is_shipped(&root.join("data/scenarios/c.CSV")));
        // Through another spelling of the same folder.
        assert!(places.is_shipped(&root.join("prefix/bin/../bin/scenarios/new.toml")));
        assert!(!places.is_shipped(&root.join("work/scenarios/d.toml")));
        assert!(!places.is_shipped(&root.join("elsewhere/a.toml")));
        assert!(!places.is_shipped(Path::new("/")));
    }

    #[test]
    fn a_missing_folder_is_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let places = Places::in_dir(&tmp.path().join("nowhere"));
        assert!(places.shipped_dirs("scenarios").is_empty());
        assert!(places.shipped_files("scenarios", &["toml"]).is_empty());
        assert_eq!(
            places.recovery_dir(),
            Some(tmp.path().join("nowhere").join("recovery"))
        );
        assert_eq!(Places::without_data().recovery_dir(), None);
    }
}
