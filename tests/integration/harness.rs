//! What every end-to-end test needs: the workspace root and the executable run in it.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The workspace root: shipped scenarios and test data are named relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `permitflow` with `args` in the workspace root.
pub fn permitflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_permitflow"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run permitflow")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
