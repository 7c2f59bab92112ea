//! The schedule of one regime as CSV: the format of `permitflow solve --format csv`,
//! `permitflow export --format csv` and the desktop app's "Export schedule (CSV)".

use permitflow_model::{Scenario, WorkingDays};
use permitflow_solver::Outcome;
use serde_json::{Value, json};

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

fn days_json(d: WorkingDays) -> Value {
    json!(d.get())
}

/// The schedule of one regime as JSON: the format of `permitflow solve --format json` and
/// `permitflow export --format json`.
pub fn schedule_json(s: &Scenario, o: &Outcome) -> String {
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let rows: Vec<usize> = (0..o.network.activities.len())
        .filter(|&i| !o.network.activities[i].is_gate())
        .collect();
    let v = json!({
        "scenario": s.name,
        "regime": o.regime.name.as_str(),
        "working_days": days_json(o.working_days()),
        "start_date": date(o.start_date),
        "end_date": date(o.end_date),
        "critical_path": o.critical_ids(),
        "items": rows.iter().map(|&i| {
            let a = &o.network.activities[i];
            json!({
                "id": a.id,
                "name": a.name,
                "departments": a.departments.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
                "members": a.members.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                "days": days_json(a.days),
                "start": days_json(o.schedule.start[i]),
                "finish": days_json(o.schedule.finish[i]),
                "start_date": date(o.dates[i].0),
                "finish_date": date(o.dates[i].1),
                "total_float": days_json(o.schedule.total_float[i]),
                "critical": o.schedule.critical[i],
            })
        }).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
