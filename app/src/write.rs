//! Writes of user files that never destroy one: a temporary file in the same folder, flushed,
//! then renamed over the target, so a failure halfway leaves the old file as it was and no
//! temporary file behind. A symlink is written through to its target (the link stays a link);
//! a FIFO or a device is written directly, never replaced by a regular file. [`refuse_inputs`]
//! keeps an output off the inputs and off another output. [`file`] and [`chart`] are the
//! writes both front ends make, with their errors explained.

use permitflow_i18n::tr;
use std::io::Write;
use std::path::{Path, PathBuf};

use permitflow_chart::Scene;

use crate::Error;

/// The UTF-8 byte-order mark: Excel reads a CSV file that starts with it as UTF-8 (without it,
/// Excel takes the system's code page and garbles Chinese names). permitflow's own readers skip it.
pub const UTF8_BOM: &str = "\u{feff}";

/// `csv` for Excel: the same bytes after [`UTF8_BOM`].
pub fn for_excel(csv: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(csv.len() + UTF8_BOM.len());
    out.extend_from_slice(UTF8_BOM.as_bytes());
    out.extend_from_slice(csv);
    out
}

/// Most links followed to find where a path really is.
const MAX_LINKS: usize = 40;

/// Where a write to `path` lands: the end of its chain of symlinks.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match (to.is_absolute(), p.parent()) {
                    (false, Some(dir)) => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// The file a path names, as one spelling: the canonical folder and the file name (the file
/// itself need not exist yet).
fn identity(path: &Path) -> Option<PathBuf> {
    let p = resolve(path).ok()?;
    if let Ok(c) = std::fs::canonicalize(&p) {
        return Some(c);
    }
    let name = p.file_name()?;
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
}

/// Refuses outputs that would overwrite an input or each other (by where they really land:
/// `./a.toml`, `a.toml` and a link to it are one file). `-` (standard output) is never a file.
pub fn refuse_inputs(outputs: &[&Path], inputs: &[&Path]) -> Result<(), Error> {
    let files: Vec<(&Path, PathBuf)> = outputs
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| identity(p).map(|id| (*p, id)))
        .collect();
    for (k, (out, id)) in files.iter().enumerate() {
        if let Some(input) = inputs.iter().find(|i| identity(i).as_ref() == Some(id)) {
            return Err(Error::help(
                tr!(
                    "app-write-over-input",
                    out = out.display().to_string(),
                    input = input.display().to_string()
                ),
                tr!("app-write-over-input.help"),
            ));
        }
        if let Some((other, _)) = files[..k].iter().find(|(_, o)| o == id) {
            return Err(Error::help(
                tr!(
                    "app-write-same-output",
                    first = other.display().to_string(),
                    second = out.display().to_string()
                ),
                tr!("app-write-same-output.help"),
            ));
        }
    }
    Ok(())
}

/// Writes a user file atomically, or explains why it could not.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    atomic_write(path, bytes).map_err(|e| {
        Error::help(
            tr!(
                "app-write-failed",
                file = path.display().to_string(),
                error = e.to_string()
            ),
            tr!("app-write-failed.help"),
        )
    })
}

/// The image formats a chart is written in, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// Scalable vector graphics.
    Svg,
    /// A PNG image.
    Png,
}

impl ChartFormat {
    /// The format for `path`'s extension, or an error that says which are written.
    pub fn of(path: &Path) -> Result<Self, Error> {
        match path.extension().and_then(|x| x.to_str()) {
            Some(x) if x.eq_ignore_ascii_case("svg") => Ok(Self::Svg),
            Some(x) if x.eq_ignore_ascii_case("png") => Ok(Self::Png),
            _ => Err(Error::msg(tr!(
                "app-chart-format",
                file = path.display().to_string()
            ))),
        }
    }
}

/// The chart as SVG or PNG bytes (`scale` PNG pixels per SVG unit).
pub fn chart_bytes(path: &Path, scene: &Scene, scale: f32) -> Result<Vec<u8>, Error> {
    Ok(match ChartFormat::of(path)? {
        ChartFormat::Svg => permitflow_chart::to_svg(scene).into_bytes(),
        ChartFormat::Png => permitflow_chart::to_png(scene, scale).map_err(|e| {
            Error::msg(tr!(
                "app-chart-failed",
                file = path.display().to_string(),
                error = e.to_string()
            ))
        })?,
    })
}

/// Writes a chart as SVG or PNG by the file's extension.
pub fn chart(path: &Path, scene: &Scene, scale: f32) -> Result<(), Error> {
    let bytes = chart_bytes(path, scene, scale)?;
    file(path, &bytes)
}

/// Writes `bytes` to `path` atomically.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    atomic_write_with(path, |f| f.write_all(bytes))
}

/// Writes through `fill` into a temporary file beside `path`, then renames it over `path`. If
/// `fill` fails, the temporary file is removed and `path` is untouched.
pub fn atomic_write_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // Through a symlink to the file it names; the link stays.
    let target = resolve(path)?;
    let path = target.as_path();
    if let Ok(m) = std::fs::metadata(path) {
        if m.is_dir() {
            return Err(std::io::Error::other("it is a folder"));
        }
        if !m.is_file() {
            // A FIFO, a device or a socket: write into it; renaming over it would replace it.
            let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
            fill(&mut f)?;
            return f.flush();
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".permitflow-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // On error `tmp` is dropped here, which deletes the temporary file.
    fill(tmp.as_file_mut())?;
    // The temporary file is private (0600); the result gets the replaced file's permissions,
    // or the usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".permitflow-"))
            .collect()
    }

    #[test]
    fn a_write_that_fails_halfway_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenario.toml");
        std::fs::write(&path, "the planner's work").unwrap();
        let err = atomic_write_with(&path, |f| {
            f.write_all(b"half of the new ")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "the planner's work"
        );
        assert!(
            leftovers(dir.path()).is_empty(),
            "temporary file left behind"
        );
    }

    #[test]
    fn a_successful_write_replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        atomic_write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert!(leftovers(dir.path()).is_empty());
        // A new file gets 0644.
        let fresh = dir.path().join("fresh.csv");
        atomic_write(&fresh, b"x").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
                0o644
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_into_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        atomic_write(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    #[test]
    fn an_output_never_lands_on_an_input_or_another_output() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("s.toml");
        std::fs::write(&input, "x").unwrap();
        let same = dir.path().join(".").join("s.toml");
        let e = refuse_inputs(&[&same], &[&input]).unwrap_err().render();
        assert!(e.contains("is an input of this command"), "{e}");
        let a = dir.path().join("out.csv");
        let e = refuse_inputs(&[&a, &dir.path().join("./out.csv")], &[&input])
            .unwrap_err()
            .render();
        assert!(e.contains("are the same file"), "{e}");
        assert!(refuse_inputs(&[&a, Path::new("-")], &[&input]).is_ok());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.toml");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            assert!(refuse_inputs(&[&link], &[&input]).is_err());
        }
    }
}
