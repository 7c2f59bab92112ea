//! The shipped default scenario's all-approval flow as text, for the tests of the command line
//! (`tests/integration/harness.rs`) and of the desktop app (`gui/tests/common/mod.rs`), which
//! include this file: the flow as it was before the two clocks, whose working days the tests
//! count by hand.

/// The shipped file `shipped` without its items off the approval clock or in calendar days (the
/// planning permit's publicity, the geotechnical investigation, the construction works), the
/// links to them, their departments and the milestones (the flow before the two clocks had
/// none).
pub fn approval_only(shipped: &str) -> String {
    const OFF_CLOCK: [&str; 3] = [
        "permit_publicity",
        "geotechnical_survey",
        "construction_works",
    ];
    const DEPARTMENTS: [&str; 2] = ["\"Developer\" =", "\"Survey and design institute\" ="];
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
        .filter(|l| !DEPARTMENTS.iter().any(|d| l.starts_with(d)))
        .flat_map(|l| [l, "\n"])
        .collect();
    for id in OFF_CLOCK {
        assert!(!out.contains(&format!("\"{id}\"")), "{id} is still named");
    }
    out
}
