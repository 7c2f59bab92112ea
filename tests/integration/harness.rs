//! What every end-to-end test needs: the workspace root and the executable run in it.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The workspace root: shipped scenarios and test data are named relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The executable, run in the workspace root in English whatever the machine's locale (the
/// tests that assert English text must not break under `LANG=zh_CN.UTF-8`).
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_permitflow"));
    c.current_dir(root())
        .env_remove("PERMITFLOW_LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LC_ALL", "C");
    c
}

/// Runs `permitflow` with `args` in the workspace root, in English.
pub fn permitflow(args: &[&str]) -> Output {
    command().args(args).output().expect("run permitflow")
}

/// Runs `permitflow` with `args` and the language settings `env` (e.g. `("LANG",
/// "zh_CN.UTF-8")`) in place of the English default.
pub fn permitflow_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = command();
    c.env_remove("LC_ALL");
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().expect("run permitflow")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
