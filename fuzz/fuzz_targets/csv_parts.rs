//! Any text as a CSV item list read in 2–8 parts (by its length) gives exactly what reading it
//! row by row gives: the same scenario, or the same diagnostics in the same order and places.
//! Its inputs are those of `parse_csv`: `cargo fuzz run csv_parts fuzz/corpus/parse_csv`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let one = permitflow_model::csv_item_list::parse_item_list(text, "fuzz.csv", "fuzz", start);
        let parts = 2 + data.len() % 7;
        let apart = permitflow_model::csv_item_list::parse_item_list_in_parts(
            text, "fuzz.csv", "fuzz", start, parts,
        );
        assert_eq!(apart, one, "{parts} parts");
    }
});
