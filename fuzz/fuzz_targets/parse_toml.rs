//! Any text given as a TOML scenario: a scenario or diagnostics, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = permitflow_model::parse_scenario(text, "fuzz.toml", permitflow_model::Format::Toml);
    }
});
