//! The schedule of one regime as CSV: the format of `permitflow solve --format csv`,
//! `permitflow export --format csv` and the desktop app's "Export schedule (CSV)".

use permitflow_solver::Outcome;

/// The columns, in order.
pub const SCHEDULE_COLUMNS: [&str; 11] = [
    "id",
    "name",
    "department",
    "stage",
    "days",
    "start",
    "finish",
    "start_date",
    "finish_date",
    "total_float",
    "critical",
];

/// One row per activity (stage gates left out), in network order: departments joined by `;`,
/// the stage's name, working-day offsets, ISO dates, total float, and whether it is critical.
pub fn schedule_csv(o: &Outcome) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(SCHEDULE_COLUMNS);
    let net = &o.network;
    for (i, a) in net.activities.iter().enumerate() {
        if a.is_gate() {
            continue;
        }
        let (start_date, finish_date) = o.dates[i];
        let _ = w.write_record([
            a.id.clone(),
            a.name.clone(),
            a.departments
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            a.stage
                .and_then(|k| net.stages.get(k))
                .map(|st| st.name.clone())
                .unwrap_or_default(),
            a.days.to_string(),
            o.schedule.start[i].to_string(),
            o.schedule.finish[i].to_string(),
            start_date.format("%Y-%m-%d").to_string(),
            finish_date.format("%Y-%m-%d").to_string(),
            o.schedule.total_float[i].to_string(),
            o.schedule.critical[i].to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
