//! Autosave and recovery: while the document has unsaved changes, it is written (as the
//! scenario TOML the app saves, with a small header naming the original file and the time) to
//! a recovery file in the user's data folder, one per document path; the file goes when the
//! work is saved, discarded or the app quits cleanly. At the next start a recovery file newer
//! than its document (or of a document without a file) is offered back.
//!
//! [`Autosave`] decides when to write (every [`EDITS`] edits, and after [`IDLE`] without an
//! edit); [`Store`] reads and writes the files. Neither ever writes to the user's own file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use permitflow_app::edit::Document;

/// Unsaved work is written after this long without a further edit.
pub const IDLE: Duration = Duration::from_secs(30);
/// Unsaved work is written after this many edits, however quick.
pub const EDITS: u32 = 20;

const MAGIC: &str = "# permitflow recovery file: unsaved changes, written automatically.";
const ORIGINAL: &str = "# original: ";
const LABEL: &str = "# label: ";
/// Milliseconds since 1970 (the document's file is compared with it to the millisecond).
const WRITTEN: &str = "# written-ms: ";

/// What the autosave should do in this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// Nothing: no unsaved work, or it is written already.
    Idle,
    /// Write the unsaved work now.
    Write,
    /// Unsaved work to write when the user has been idle this much longer.
    Wait(Duration),
    /// The work is saved (or back as it was saved): remove the recovery file written.
    Clean,
}

/// When to write: counts the document's changes since the last write.
#[derive(Debug, Default)]
pub struct Autosave {
    seen: Option<u64>,
    edits: u32,
    last_change: Option<Instant>,
    /// The recovery file last written for the open document.
    pub written: Option<PathBuf>,
}

impl Autosave {
    /// Looks at the document's revision and whether it has unsaved changes at `now`.
    pub fn tick(&mut self, revision: u64, dirty: bool, now: Instant) -> Tick {
        let changed = self.seen.is_some_and(|s| s != revision);
        self.seen = Some(revision);
        if !dirty {
            self.edits = 0;
            self.last_change = None;
            return if self.written.is_some() {
                Tick::Clean
            } else {
                Tick::Idle
            };
        }
        if changed {
            self.edits += 1;
            self.last_change = Some(now);
        }
        let Some(last) = self.last_change.filter(|_| self.edits > 0) else {
            return Tick::Idle;
        };
        let idle = now.saturating_duration_since(last);
        if self.edits >= EDITS || idle >= IDLE {
            Tick::Write
        } else {
            Tick::Wait(IDLE - idle)
        }
    }

    /// The work was written to `file`: count again from here.
    pub fn wrote(&mut self, file: PathBuf) {
        self.edits = 0;
        self.last_change = None;
        self.written = Some(file);
    }

    /// Writing failed: count again from here (tried after the next edit).
    pub fn wrote_nothing(&mut self) {
        self.edits = 0;
        self.last_change = None;
    }
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The recovery file.
    pub file: PathBuf,
    /// The document's own file; `None` for the built-in or a new scenario.
    pub original: Option<PathBuf>,
    /// The document's name as the app showed it.
    pub label: String,
    /// When the recovery file was written.
    pub written: SystemTime,
}

impl Found {
    /// Reads a recovery file's header; `None` when it is not one.
    pub fn read(file: &Path) -> Option<Found> {
        let text = std::fs::read_to_string(file).ok()?;
        let mut lines = text.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let (mut original, mut label, mut written) = (None, String::new(), None);
        for line in lines.take(3) {
            if let Some(v) = line.strip_prefix(ORIGINAL) {
                original = (!v.is_empty()).then(|| PathBuf::from(v));
            } else if let Some(v) = line.strip_prefix(LABEL) {
                label = v.to_owned();
            } else if let Some(v) = line.strip_prefix(WRITTEN) {
                written = v.trim().parse::<u64>().ok();
            }
        }
        Some(Found {
            file: file.to_path_buf(),
            original,
            label,
            written: UNIX_EPOCH + Duration::from_millis(written?),
        })
    }

    /// Whether the work is worth offering back: the document has no file, its file has gone,
    /// or the recovery file is newer than it (a file saved since is the user's word).
    pub fn is_newer(&self) -> bool {
        let Some(p) = &self.original else {
            return true;
        };
        match std::fs::metadata(p).and_then(|m| m.modified()) {
            Ok(saved) => self.written > saved,
            Err(_) => true,
        }
    }

    /// The time written, as `16:05` (with the date when it is not today), in local time.
    pub fn when(&self) -> String {
        let t: chrono::DateTime<chrono::Local> = self.written.into();
        if t.date_naive() == chrono::Local::now().date_naive() {
            t.format("%H:%M").to_string()
        } else {
            t.format("%Y-%m-%d %H:%M").to_string()
        }
    }
}

/// The recovery files' folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    /// Where the recovery files are.
    pub dir: PathBuf,
}

impl Store {
    /// The recovery files in `dir` (made when the first is written).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The recovery file of a document: one per document path (or, without one, per name),
    /// named by a hash of it.
    pub fn file_for(&self, path: Option<&Path>, label: &str) -> PathBuf {
        let key = match path {
            Some(p) => std::path::absolute(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .to_string_lossy()
                .into_owned(),
            None => format!("\u{0}{label}"),
        };
        self.dir.join(format!("recovery-{:016x}.toml", fnv1a(&key)))
    }

    /// Writes the document's draft (with its file's comments and layout) and the header,
    /// atomically; the file written.
    pub fn write(&self, doc: &Document, now: SystemTime) -> Result<PathBuf, String> {
        let body = permitflow_app::keep::scenario_toml(&doc.draft, doc.original.as_deref())?;
        let file = self.file_for(doc.path.as_deref(), &doc.label);
        // Never over the user's file, whatever the folders are.
        if doc.path.as_deref().is_some_and(|p| same_file(p, &file)) {
            return Err(format!("{} is the document itself", file.display()));
        }
        let original = doc
            .path
            .as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let ms = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
        // One line each: a name with a line break would end the header early.
        let label = doc.label.replace(['\n', '\r'], " ");
        let text = format!("{MAGIC}\n{ORIGINAL}{original}\n{LABEL}{label}\n{WRITTEN}{ms}\n{body}");
        std::fs::create_dir_all(&self.dir).map_err(|e| e.to_string())?;
        permitflow_app::write::atomic_write(&file, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(file)
    }

    /// The recovery files worth offering, newest first.
    pub fn pending(&self) -> Vec<Found> {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("recovery-") && n.ends_with(".toml"))
            })
            .filter_map(|p| Found::read(&p))
            .filter(Found::is_newer)
            .collect();
        found.sort_by(|a, b| b.written.cmp(&a.written).then(a.file.cmp(&b.file)));
        found
    }

    /// Removes a recovery file (only one of this folder's).
    pub fn remove(&self, file: &Path) -> std::io::Result<()> {
        if file.parent() != Some(self.dir.as_path()) {
            return Ok(());
        }
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// FNV-1a, 64 bits: a stable file name for a path on every run and platform.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_edits_or_thirty_idle_seconds_write_the_work() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        assert_eq!(a.tick(1, false, t0), Tick::Idle);
        // 19 quick edits: wait for 30 s of quiet.
        for rev in 2..=20 {
            assert_eq!(
                a.tick(rev, true, t0 + Duration::from_secs(1)),
                Tick::Wait(IDLE)
            );
        }
        // The 20th writes at once.
        assert_eq!(a.tick(21, true, t0 + Duration::from_secs(1)), Tick::Write);
        a.wrote(PathBuf::from("r.toml"));
        // Nothing new: nothing to write however long it waits.
        assert_eq!(a.tick(21, true, t0 + Duration::from_secs(100)), Tick::Idle);
        // One edit at 100 s: written at 130 s, not at 129 s.
        assert_eq!(
            a.tick(22, true, t0 + Duration::from_secs(100)),
            Tick::Wait(IDLE)
        );
        assert_eq!(
            a.tick(22, true, t0 + Duration::from_secs(129)),
            Tick::Wait(Duration::from_secs(1))
        );
        assert_eq!(a.tick(22, true, t0 + Duration::from_secs(130)), Tick::Write);
        a.wrote(PathBuf::from("r.toml"));
        // Saved: the recovery file goes.
        assert_eq!(
            a.tick(23, false, t0 + Duration::from_secs(131)),
            Tick::Clean
        );
    }

    #[test]
    fn the_file_name_follows_the_path() {
        let s = Store::new(PathBuf::from("/rec"));
        let a = s.file_for(Some(Path::new("/x/a.toml")), "a.toml");
        assert_eq!(a, s.file_for(Some(Path::new("/x/a.toml")), "other label"));
        assert_ne!(a, s.file_for(Some(Path::new("/x/b.toml")), "a.toml"));
        assert_ne!(a, s.file_for(None, "a.toml"));
        assert!(a.starts_with("/rec"));
        // FNV-1a's published test vector.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
