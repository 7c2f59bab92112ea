//! Atomic writes of user files: a temporary file in the same folder, flushed, then renamed over
//! the target, so a failure halfway leaves the old file as it was and no temporary file behind.
//! [`file`] and [`chart`] are the writes both front ends make, with their errors explained.

use std::io::Write;
use std::path::Path;

use permitflow_chart::Scene;

use crate::Error;

/// Writes a user file atomically, or explains why it could not.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    atomic_write(path, bytes).map_err(|e| {
        Error::help(
            format!("cannot write {}: {e}", path.display()),
            "check the folder exists and is writable",
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
            _ => Err(Error::msg(format!(
                "{}: charts are written as .svg or .png",
                path.display()
            ))),
        }
    }
}

/// The chart as SVG or PNG bytes (`scale` PNG pixels per SVG unit).
pub fn chart_bytes(path: &Path, scene: &Scene, scale: f32) -> Result<Vec<u8>, Error> {
    Ok(match ChartFormat::of(path)? {
        ChartFormat::Svg => permitflow_chart::to_svg(scene).into_bytes(),
        ChartFormat::Png => permitflow_chart::to_png(scene, scale)
            .map_err(|e| Error::msg(format!("cannot draw {}: {e}", path.display())))?,
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
}
