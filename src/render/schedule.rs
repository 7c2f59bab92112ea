//! One regime's schedule: a table of items, or the exchange CSV and JSON.

use comfy_table::{Cell, ContentArrangement};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

use super::{OutputFormat, calendar_note, date_day, date_short, right, table};

/// The schedule of `o` in `format`.
pub fn solve(s: &Scenario, cal: &Calendar, o: &Outcome, format: OutputFormat) -> String {
    let rows: Vec<usize> = (0..o.network.activities.len())
        .filter(|&i| !o.network.activities[i].is_gate())
        .collect();
    match format {
        OutputFormat::Json => permitflow_app::export::schedule_json(s, cal, o),
        OutputFormat::Csv => permitflow_app::export::schedule_csv(o, cal),
        OutputFormat::Table => {
            let mut out = tr!(
                "cli-solve-heading",
                scenario = s.name.as_str(),
                regime = s.regime_label(&o.regime.name),
                approval = o.approval_days.to_string(),
                days = o.working_days().to_string(),
                calendar_days = o.calendar_days,
                start = date_day(o.start_date),
                end = date_day(o.end_date),
                calendar = calendar_note(cal)
            );
            out.push_str(&crate::render::attributes_line(s));
            out.push_str("\n\n");
            let mut t = table(vec![
                String::new(),
                tr!("cli-col-id"),
                tr!("cli-col-days"),
                tr!("cli-col-start"),
                tr!("cli-col-finish"),
                tr!("cli-col-from"),
                tr!("cli-col-to"),
                tr!("cli-col-float"),
                tr!("cli-col-clock"),
                tr!("cli-col-department"),
                tr!("cli-col-name"),
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
                        let mut row = vec![Cell::new(""); 10];
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
                    Cell::new(date_short(o.dates[i].0)),
                    Cell::new(date_short(o.dates[i].1)),
                    Cell::new(o.schedule.total_float[i]),
                    Cell::new(clock_cell(a)),
                    Cell::new(
                        a.departments
                            .iter()
                            .map(|d| s.department_label(d))
                            .collect::<Vec<_>>()
                            .join(" + "),
                    ),
                    Cell::new(&a.name),
                ]);
            }
            right(&mut t, [2, 3, 4, 7]);
            out.push_str(&t.to_string());
            out.push('\n');
            out.push_str(&tr!(
                "cli-solve-legend",
                trips = o.counts.trips,
                forms = o.counts.forms,
                materials = o.counts.materials,
                departments = o.counts.departments
            ));
            out.push('\n');
            if s.items.iter().any(|i| i.fee.is_some()) {
                out.push_str(&tr!(
                    "cli-solve-fees",
                    fees = permitflow_app::rows::yuan(o.fees)
                ));
                out.push('\n');
            }
            out.push_str(&permitflow_app::rows::assumed_note(
                &permitflow_model::assumed::figures(s),
            ));
            out.push('\n');
            out
        }
    }
}

/// An item's clock and unit where they are not the defaults: `special`, `applicant · calendar
/// days`, `特别程序 · 自然日`; empty for a working-day item on the approval clock.
fn clock_cell(a: &permitflow_model::Activity) -> String {
    let zh = permitflow_i18n::lang() == permitflow_i18n::Lang::ZhCn;
    let mut parts = Vec::new();
    if !a.clock.is_official() {
        parts.push(
            if zh {
                a.clock.name_zh()
            } else {
                a.clock.name()
            }
            .to_owned(),
        );
    }
    if a.unit == permitflow_model::DayUnit::Calendar {
        parts.push(tr!("cli-calendar-days-unit"));
    }
    parts.join(" · ")
}
