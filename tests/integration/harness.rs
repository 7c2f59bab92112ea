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
pub fn approval_only(shipped: &str) -> String {
    const OFF_CLOCK: [&str; 3] = [
        "permit_publicity",
        "geotechnical_survey",
        "construction_works",
    ];
    const OFF_CLOCK_DEPARTMENTS: [&str; 2] =
        ["\"Developer\" =", "\"Survey and design institute\" ="];
    let mut out = String::new();
    for (k, block) in shipped.split("\n[[").enumerate() {
        // The items, and the milestones (the flow before the two clocks had none).
        let off = block.starts_with("milestones]]")
            || OFF_CLOCK.iter().any(|id| {
                block.starts_with("items]]") && block.contains(&format!("\nid = \"{id}\"\n"))
            });
        if off {
            continue;
        }
        if k > 0 {
            out.push_str("\n[[");
        }
        out.push_str(block);
    }
    let out: String = out
        .replace("after = [\"geotechnical_survey\"]\n", "")
        .lines()
        .filter(|l| !OFF_CLOCK_DEPARTMENTS.iter().any(|d| l.starts_with(d)))
        .flat_map(|l| [l, "\n"])
        .collect();
    for id in OFF_CLOCK {
        assert!(!out.contains(&format!("\"{id}\"")), "{id} is still named");
    }
    out
}
