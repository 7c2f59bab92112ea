//! The one bounded reader every user file goes through: at most [`MAX_INPUT_BYTES`] are read,
//! whatever the file claims to be. Special files (`/dev/zero`), FIFOs, pipes and standard input
//! (`-`) are read the same way: the size is counted from the content, never from metadata, so an
//! endless input is refused after the limit instead of filling memory.

use permitflow_i18n::tr;
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

/// The most read from a source whose size is not known in advance: standard input, a pipe, a
/// FIFO or a device. Smaller than [`MAX_INPUT_BYTES`] (for regular files) because such a source
/// is read into a growing buffer, which needs room for the old and the new one at once.
pub const MAX_STREAM_BYTES: u64 = 256 * 1024 * 1024;

/// Reads at most `limit` bytes from `source`; more is refused. `expected` is the size a regular
/// file says it has: the buffer is made that large at once (and grows only if the file does), so
/// a large file is not copied while it is read. Otherwise the buffer doubles, never past the
/// limit.
pub(crate) fn read_bounded(
    mut source: impl Read,
    label: &str,
    limit: u64,
    expected: Option<u64>,
) -> Result<Vec<u8>, Diagnostic> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let out_of_memory = || cannot_read(label, &std::io::ErrorKind::OutOfMemory.into());
    let mut bytes: Vec<u8> = Vec::new();
    if let Some(n) = expected {
        let n = usize::try_from(n).unwrap_or(usize::MAX).min(limit);
        bytes.try_reserve_exact(n).map_err(|_| out_of_memory())?;
    }
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match source.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot_read(label, &e)),
        };
        if bytes.len() + n > limit {
            return Err(too_large(label, limit));
        }
        if bytes.capacity() - bytes.len() < n {
            let grown = (bytes.capacity() * 2).max(bytes.len() + n).min(limit);
            bytes
                .try_reserve_exact(grown - bytes.len())
                .map_err(|_| out_of_memory())?;
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok(bytes)
}

/// Reads a file's bytes, or standard input's for `-`, bounded by content.
pub(crate) fn read_bytes(path: &Path, label: &str) -> Result<Vec<u8>, Diagnostic> {
    if is_stdin(path) {
        return read_bounded(std::io::stdin().lock(), label, MAX_STREAM_BYTES, None);
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(label, &e))?;
    // A regular file that says it is too large is refused without reading it; what it says
    // otherwise is not trusted (a file can grow, a device or FIFO reports 0).
    let regular = file.metadata().ok().filter(std::fs::Metadata::is_file);
    if let Some(m) = &regular
        && m.len() > MAX_INPUT_BYTES
    {
        return Err(Diagnostic::new(
            Code::Unreadable,
            label,
            tr!(
                "app-load-file-too-large",
                mb = m.len() / (1024 * 1024),
                limit = MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .help(tr!("app-load-file-too-large.help")));
    }
    match regular {
        Some(m) => read_bounded(file, label, MAX_INPUT_BYTES, Some(m.len())),
        None => read_bounded(file, label, MAX_STREAM_BYTES, None),
    }
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
        Diagnostic::new(Code::Unreadable, label, tr!("app-load-not-utf8"))
            .at_line_col(line, column)
            .help(tr!("app-load-not-utf8.help"))
    })
}

fn cannot_read(label: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::Unreadable,
        label,
        tr!("app-load-unreadable", error = e.to_string()),
    )
    .help(tr!("app-load-unreadable.help"))
}

fn too_large(label: &str, limit: usize) -> Diagnostic {
    Diagnostic::new(
        Code::Unreadable,
        label,
        tr!("app-load-input-too-large", limit = limit / (1024 * 1024)),
    )
    .help(tr!("app-load-input-too-large.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_is_refused_after_the_limit() {
        let d = read_bounded(std::io::repeat(b'a'), "endless", MAX_STREAM_BYTES, None).unwrap_err();
        assert!(d.message.contains("larger than"), "{}", d.message);
        let ok = read_bounded(&b"id,name"[..], "small", MAX_STREAM_BYTES, Some(7)).unwrap();
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
