//! Any text given as an approval system's event log, CSV or XES: records and rejected records,
//! or diagnostics, never a panic or a hang; the records check into histories.
#![no_main]
use libfuzzer_sys::fuzz_target;
use permitflow_model::event_log::{check, parse_csv, parse_xes};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for log in [parse_csv(text, "fuzz.csv"), parse_xes(text, "fuzz.xes")]
            .into_iter()
            .flatten()
        {
            let checked = check(log, None);
            assert!(checked.spans.iter().all(|s| s.received.order(&s.completed).is_le()));
        }
    }
});
