//! The one bounded reader every user file goes through: at most [`MAX_INPUT_BYTES`] are read,
//! whatever the file claims to be. Special files (`/dev/zero`), FIFOs, pipes and standard input
//! (`-`) are read the same way: the size is counted from the content, never from metadata, so an
//! endless input is refused after the limit instead of filling memory.

use std::io::Read;
use std::path::Path;

use permitflow_model::{Code, Diagnostic};

use super::MAX_INPUT_BYTES;

/// The path that names standard input.
pub const STDIN_PATH: &str = "-";
/// How standard input is named in messages.
pub const STDIN_LABEL: &str = "<stdin>";

/// Whether `path` names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_PATH
}

/// Reads at most [`MAX_INPUT_BYTES`] from `source`; more is refused.
pub(crate) fn read_bounded(source: impl Read, label: &str) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::new();
    source
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(label, &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(label));
    }
    Ok(bytes)
}

/// Reads a file's bytes, or standard input's for `-`, bounded by content.
pub(crate) fn read_bytes(path: &Path, label: &str) -> Result<Vec<u8>, Diagnostic> {
    if is_stdin(path) {
        return read_bounded(std::io::stdin().lock(), label);
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(label, &e))?;
    // A regular file that says it is too large is refused without reading it; what it says
    // otherwise is not trusted (a file can grow, a device or FIFO reports 0).
    if let Ok(m) = file.metadata()
        && m.is_file()
        && m.len() > MAX_INPUT_BYTES
    {
        return Err(Diagnostic::new(
            Code::Unreadable,
            label,
            format!(
                "the file is {} MB; permitflow reads input files up to {} MB",
                m.len() / (1024 * 1024),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .help("check that this is the scenario or item list you meant; split a very large library into files"));
    }
    read_bounded(file, label)
}

/// Reads UTF-8 text, bounded by content.
pub(crate) fn read_text(path: &Path, label: &str) -> Result<String, Diagnostic> {
    utf8(read_bytes(path, label)?, label)
}

/// The bytes as text, or where they stop being UTF-8.
pub(crate) fn utf8(bytes: Vec<u8>, label: &str) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, column) = permitflow_model::diag::line_col(&valid, valid.len());
        Diagnostic::new(Code::Unreadable, label, "the file is not UTF-8 text")
            .at_line_col(line, column)
            .help(
                "save it as UTF-8 (in Excel: \"CSV UTF-8\"); files in GBK must be converted first",
            )
    })
}

fn cannot_read(label: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::Unreadable,
        label,
        format!("cannot read the file: {e}"),
    )
    .help("check the path and that you may read the file")
}

fn too_large(label: &str) -> Diagnostic {
    Diagnostic::new(
        Code::Unreadable,
        label,
        format!(
            "the input is larger than {} MB, the most permitflow reads; reading stopped there",
            MAX_INPUT_BYTES / (1024 * 1024)
        ),
    )
    .help("check that this is the scenario or item list you meant (not a device, a pipe that never ends or a huge export); split a very large library into files")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_is_refused_after_the_limit() {
        let d = read_bounded(std::io::repeat(b'a'), "endless").unwrap_err();
        assert!(d.message.contains("larger than"), "{}", d.message);
        let ok = read_bounded(&b"id,name"[..], "small").unwrap();
        assert_eq!(ok, b"id,name");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused() {
        let d = read_bytes(Path::new("/dev/zero"), "/dev/zero").unwrap_err();
        assert_eq!(d.file, "/dev/zero");
        assert!(d.message.contains("MB"), "{}", d.message);
    }
}
