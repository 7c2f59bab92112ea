//! One regime's schedule: a table of items, or the exchange CSV and JSON.

use comfy_table::{Cell, ContentArrangement};
use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

use super::{OutputFormat, calendar_note, date, date_day, right, table};

/// The schedule of `o` in `format`.
pub fn solve(s: &Scenario, cal: &Calendar, o: &Outcome, format: OutputFormat) -> String {
    let rows: Vec<usize> = (0..o.network.activities.len())
        .filter(|&i| !o.network.activities[i].is_gate())
        .collect();
    match format {
        OutputFormat::Json => permitflow_app::export::schedule_json(s, cal, o),
        OutputFormat::Csv => permitflow_app::export::schedule_csv(o, cal),
        OutputFormat::Table => {
            let mut out = format!(
                "{} — regime {}: {} working days, {} → {} · {}\n\n",
                s.name,
                o.regime.name,
                o.working_days(),
                date_day(o.start_date),
                date_day(o.end_date),
                calendar_note(cal)
            );
            let mut t = table(vec![
                "",
                "id",
                "days",
                "start",
                "finish",
                "from",
                "to",
                "float",
                "department",
                "name",
            ]);
            t.set_content_arrangement(ContentArrangement::Disabled);
            let mut order = rows.clone();
            order.sort_by(|&a, &b| {
                o.schedule.start[a]
                    .partial_cmp(&o.schedule.start[b])
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(
                        o.network.activities[a]
                            .order
                            .cmp(&o.network.activities[b].order),
                    )
            });
            let mut stage: Option<Option<usize>> = None;
            for &i in &order {
                let a = &o.network.activities[i];
                if stage != Some(a.stage) {
                    stage = Some(a.stage);
                    if let Some(k) = a.stage {
                        let mut row = vec![Cell::new(""); 9];
                        row.push(Cell::new(format!("── {} ──", o.network.stages[k].name)));
                        t.add_row(row);
                    }
                }
                t.add_row(vec![
                    Cell::new(if o.schedule.critical[i] { "●" } else { "" }),
                    Cell::new(&a.id),
                    Cell::new(a.days),
                    Cell::new(o.schedule.start[i]),
                    Cell::new(o.schedule.finish[i]),
                    Cell::new(date(o.dates[i].0)),
                    Cell::new(date(o.dates[i].1)),
                    Cell::new(o.schedule.total_float[i]),
                    Cell::new(
                        a.departments
                            .iter()
                            .map(|d| d.as_str())
                            .collect::<Vec<_>>()
                            .join(" + "),
                    ),
                    Cell::new(&a.name),
                ]);
            }
            right(&mut t, [2, 3, 4, 7]);
            out.push_str(&t.to_string());
            out.push_str(&format!(
                "\n● critical (no float) · start/finish in working days from the application · {} trips, {} forms, {} materials, {} departments\n",
                o.counts.trips, o.counts.forms, o.counts.materials, o.counts.departments
            ));
            out
        }
    }
}
