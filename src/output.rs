//! What the reporting commands print: tables for people, CSV and JSON for programs.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, TableComponent, presets};
use permitflow_model::{Calendar, Scenario, WorkingDays};
use permitflow_solver::{Outcome, SolveError, TargetCheck};
use serde_json::{Value, json};

use crate::cli::OutputFormat;

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date_day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d %a").to_string()
}

/// A table with a rule under its header, wrapped to 110 columns.
pub(crate) fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_style(TableComponent::HeaderLines, '─')
        .set_style(TableComponent::MiddleHeaderIntersections, '─')
        .set_style(TableComponent::LeftHeaderIntersection, '─')
        .set_style(TableComponent::RightHeaderIntersection, '─')
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(110)
        .set_header(header);
    t
}

/// A table that never wraps, for reports whose rows must stay on one line.
pub(crate) fn wide_table(header: Vec<&str>) -> Table {
    let mut t = table(header);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t
}

/// Right-aligns the given columns (numbers).
pub(crate) fn right(t: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for c in columns {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn calendar_note(cal: &Calendar) -> String {
    let years: Vec<i32> = cal.years().collect();
    match (years.first(), years.last()) {
        (Some(a), Some(b)) => format!("calendar {} ({a}–{b})", cal.name()),
        _ => format!("calendar {}", cal.name()),
    }
}

/// A warning when dates fall in years the calendar has no holidays for.
pub fn coverage_warning(cal: &Calendar, outcomes: &[&Outcome]) -> Option<String> {
    let late = outcomes
        .iter()
        .flat_map(|o| [o.start_date, o.end_date])
        .find(|d| !cal.covers(*d))?;
    Some(format!(
        "warning: {} falls in a year the {} calendar has no official holidays for; weekends only are counted there. Add the year's holiday-cn JSON file under `calendar.files`.",
        date(late),
        cal.name()
    ))
}

pub fn compare(
    s: &Scenario,
    cal: &Calendar,
    outcomes: &[(String, Result<Outcome, SolveError>)],
    targets: &[TargetCheck],
    format: OutputFormat,
) -> String {
    match format {
        OutputFormat::Table => compare_table(s, cal, outcomes, targets),
        OutputFormat::Csv => compare_csv(outcomes),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&compare_json(s, outcomes, targets)).unwrap_or_default()
                + "\n"
        }
    }
}

fn compare_table(
    s: &Scenario,
    cal: &Calendar,
    outcomes: &[(String, Result<Outcome, SolveError>)],
    targets: &[TargetCheck],
) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n", s.name));
    let first_ok = outcomes.iter().find_map(|(_, o)| o.as_ref().ok());
    if let Some(o) = first_ok {
        out.push_str(&format!(
            "application {} · {}\n\n",
            date_day(o.start_date),
            calendar_note(cal)
        ));
    }
    let serial = outcomes
        .iter()
        .find(|(n, _)| n == "serial")
        .and_then(|(_, o)| o.as_ref().ok())
        .map(|o| o.working_days());
    let mut t = table(vec![
        "regime",
        "working days",
        "vs serial",
        "end date",
        "trips",
        "forms",
        "materials",
        "departments",
    ]);
    for (name, o) in outcomes {
        match o {
            Ok(o) => {
                let diff = match serial {
                    Some(base) if name != "serial" => {
                        let d = o.working_days() - base;
                        if d.get() > 0.0 {
                            format!("+{d}")
                        } else {
                            d.to_string()
                        }
                    }
                    _ => "–".into(),
                };
                t.add_row(vec![
                    Cell::new(name),
                    Cell::new(o.working_days()),
                    Cell::new(diff),
                    Cell::new(date_day(o.end_date)),
                    Cell::new(o.counts.trips),
                    Cell::new(o.counts.forms),
                    Cell::new(o.counts.materials),
                    Cell::new(o.counts.departments),
                ]);
            }
            Err(_) => {
                t.add_row(vec![Cell::new(name), Cell::new("no schedule")]);
            }
        }
    }
    right(&mut t, 1..8);
    out.push_str(&t.to_string());
    out.push_str("\n\n");

    // Days per stage: one column per stage of the scenario, merged stages shown once.
    out.push_str("working days per stage\n");
    let mut st = table(
        std::iter::once("regime")
            .chain(s.stages.iter().map(|x| x.name.as_str()))
            .collect(),
    );
    for (name, o) in outcomes {
        let Ok(o) = o else { continue };
        let mut row = vec![Cell::new(name)];
        for stage in &s.stages {
            let span = o
                .stages
                .iter()
                .find(|sp| sp.id.split('+').any(|id| id == stage.id.as_str()));
            let text = match span {
                Some(sp) if sp.id.split('+').next() == Some(stage.id.as_str()) => {
                    if sp.id.contains('+') {
                        format!("{} (merged)", sp.working_days)
                    } else {
                        sp.working_days.to_string()
                    }
                }
                Some(_) => "↖ merged".into(),
                None => "–".into(),
            };
            row.push(Cell::new(text));
        }
        st.add_row(row);
    }
    right(&mut st, 1..=s.stages.len());
    out.push_str(&st.to_string());
    out.push_str("\n\n");

    out.push_str("critical path\n");
    for (name, o) in outcomes {
        match o {
            Ok(o) => out.push_str(&format!("  {name}: {}\n", critical_chain(o))),
            Err(e) => out.push_str(&format!("  {name}: no schedule: {e}\n")),
        }
    }
    if !targets.is_empty() {
        out.push_str("\ntargets\n");
        for t in targets {
            let mark = match t.met {
                Some(true) => "✓ met   ",
                Some(false) => "✗ missed",
                None => "? n/a   ",
            };
            let source = t
                .target
                .source
                .as_text()
                .map(|s| format!("  [{s}]"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {mark} {}: {}{source}\n",
                t.target.name, t.detail
            ));
        }
    }
    let oks: Vec<&Outcome> = outcomes
        .iter()
        .filter_map(|(_, o)| o.as_ref().ok())
        .collect();
    if let Some(w) = coverage_warning(cal, &oks) {
        out.push_str(&format!("\n{w}\n"));
    }
    out
}

/// The critical activities in time order, those that run side by side joined by `+`.
fn critical_chain(o: &Outcome) -> String {
    let mut groups: Vec<(WorkingDays, Vec<&str>)> = Vec::new();
    for &i in &o.critical_path {
        let start = o.schedule.start[i];
        let id = o.network.activities[i].id.as_str();
        match groups.last_mut() {
            Some((s, ids)) if *s == start => ids.push(id),
            _ => groups.push((start, vec![id])),
        }
    }
    groups
        .iter()
        .map(|(_, ids)| ids.join(" + "))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Rows as CSV through the csv crate (quoting where needed).
fn csv_text<R: AsRef<[u8]>>(rows: impl IntoIterator<Item = Vec<R>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = w.write_record(row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn compare_csv(outcomes: &[(String, Result<Outcome, SolveError>)]) -> String {
    let header: Vec<String> = [
        "regime",
        "working_days",
        "end_date",
        "trips",
        "forms",
        "materials",
        "departments",
        "stages",
        "critical_path",
        "error",
    ]
    .map(String::from)
    .to_vec();
    let rows = outcomes.iter().map(|(name, o)| match o {
        Ok(o) => vec![
            name.clone(),
            o.working_days().to_string(),
            date(o.end_date),
            o.counts.trips.to_string(),
            o.counts.forms.to_string(),
            o.counts.materials.to_string(),
            o.counts.departments.to_string(),
            o.stages
                .iter()
                .map(|s| format!("{}={}", s.id, s.working_days))
                .collect::<Vec<_>>()
                .join(";"),
            o.critical_ids().join(";"),
            String::new(),
        ],
        Err(e) => {
            let mut row = vec![String::new(); 10];
            row[0] = name.clone();
            row[9] = e.to_string();
            row
        }
    });
    csv_text(std::iter::once(header).chain(rows))
}

fn days_json(d: WorkingDays) -> Value {
    json!(d.get())
}

fn compare_json(
    s: &Scenario,
    outcomes: &[(String, Result<Outcome, SolveError>)],
    targets: &[TargetCheck],
) -> Value {
    json!({
        "scenario": s.name,
        "start_date": outcomes.iter().find_map(|(_, o)| o.as_ref().ok()).map(|o| date(o.start_date)),
        "regimes": outcomes.iter().map(|(name, o)| match o {
            Ok(o) => json!({
                "name": name,
                "working_days": days_json(o.working_days()),
                "end_date": date(o.end_date),
                "trips": o.counts.trips,
                "forms": o.counts.forms,
                "materials": o.counts.materials,
                "departments": o.counts.departments,
                "critical_path": o.critical_ids(),
                "stages": o.stages.iter().map(|st| json!({
                    "id": st.id,
                    "name": st.name,
                    "working_days": days_json(st.working_days),
                })).collect::<Vec<_>>(),
            }),
            Err(e) => json!({ "name": name, "error": e.to_string() }),
        }).collect::<Vec<_>>(),
        "targets": targets.iter().map(|t| json!({
            "name": t.target.name,
            "regime": t.target.regime.as_str(),
            "met": t.met,
            "detail": t.detail,
        })).collect::<Vec<_>>(),
    })
}

pub fn solve(s: &Scenario, cal: &Calendar, o: &Outcome, format: OutputFormat) -> String {
    let rows: Vec<usize> = (0..o.network.activities.len())
        .filter(|&i| !o.network.activities[i].is_gate())
        .collect();
    match format {
        OutputFormat::Json => {
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
        OutputFormat::Csv => permitflow_files::schedule_csv(o),
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
            if let Some(w) = coverage_warning(cal, &[o]) {
                out.push_str(&format!("\n{w}\n"));
            }
            out
        }
    }
}
