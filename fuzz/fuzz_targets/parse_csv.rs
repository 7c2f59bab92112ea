//! Any text given as a CSV item list: a scenario or diagnostics, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let _ = permitflow_model::csv_item_list::parse_item_list(text, "fuzz.csv", "fuzz", start);
    }
});
