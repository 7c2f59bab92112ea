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

/// The shipped default scenario as it was before the two clocks: every item on the approval
/// clock, in working days (the planning permit's publicity, the geotechnical investigation and
/// the construction works taken out, with the links to them). For the tests whose point is the
/// all-approval flow — an LP cross-check, a what-if's effect on working days — where the
/// elapsed-time items would only hide it. Written once per test run.
pub fn approval_only_default() -> PathBuf {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let shipped =
            std::fs::read_to_string(root().join("scenarios/social-investment-housing.toml"))
                .expect("read the shipped default scenario");
        let text = approval_only(&shipped);
        let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("approval-only-{}.toml", std::process::id()));
        std::fs::write(&path, text).expect("write the all-approval scenario");
        path
    })
    .clone()
}

/// `approval_only_default`'s text: the shipped file without its off-clock items.
#[path = "../shared/approval_only.rs"]
mod approval_only_text;
pub use approval_only_text::approval_only;
