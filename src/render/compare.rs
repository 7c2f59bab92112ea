//! The comparison of regimes as a table, CSV or JSON.

use comfy_table::Cell;
use permitflow_app::Warning;
use permitflow_app::rows::{Comparison, StageCell, assumed_note, signed, yuan};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, WorkingDays};
use serde_json::{Value, json};

use super::{
    OutputFormat, calendar_note, csv_text, date, date_day, labelled, right, table, wide_table,
};

/// The comparison in `format`.
pub fn compare(c: &Comparison, cal: &Calendar, format: OutputFormat) -> String {
    match format {
        OutputFormat::Table => compare_table(c, cal),
        OutputFormat::Csv => compare_csv(c, cal),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&compare_json(c)).unwrap_or_default() + "\n"
        }
    }
}

fn compare_table(c: &Comparison, cal: &Calendar) -> String {
    let mut out = format!("{}\n", c.scenario);
    if let Some(values) = permitflow_app::rows::values_text(&c.attributes) {
        out.push_str(&tr!("cli-attributes-line", values = values));
        out.push('\n');
    }
    if let Some(d) = c.start_date {
        out.push_str(&tr!(
            "cli-compare-application",
            date = date_day(d),
            calendar = calendar_note(cal)
        ));
        out.push_str("\n\n");
    }
    let mut header = vec![
        tr!("cli-col-regime"),
        tr!("cli-col-approval-days"),
        tr!("cli-col-vs-serial"),
        tr!("cli-col-working-days"),
        tr!("cli-col-vs-serial"),
        tr!("cli-col-calendar-days"),
        tr!("cli-col-end-date"),
    ];
    if c.has_fees {
        header.push(tr!("cli-col-fees"));
    }
    header.extend([
        tr!("cli-col-trips"),
        tr!("cli-col-forms"),
        tr!("cli-col-materials"),
        tr!("cli-col-departments"),
    ]);
    let columns = header.len();
    // Both clocks, the savings and the counts, with two-line headings (about 115 columns): a row
    // stays on one line.
    let mut t = wide_table(header);
    for row in &c.rows {
        match &row.result {
            Ok(f) => {
                let mut cells = vec![
                    Cell::new(&row.label),
                    Cell::new(f.approval_days),
                    Cell::new(f.vs_baseline_approval.map_or_else(|| "–".into(), signed)),
                    Cell::new(f.working_days),
                    Cell::new(f.vs_baseline.map_or_else(|| "–".into(), signed)),
                    Cell::new(f.calendar_days),
                    Cell::new(date_day(f.end_date)),
                ];
                if c.has_fees {
                    cells.push(Cell::new(yuan(f.fees)));
                }
                cells.extend([
                    Cell::new(f.counts.trips),
                    Cell::new(f.counts.forms),
                    Cell::new(f.counts.materials),
                    Cell::new(f.counts.departments),
                ]);
                t.add_row(cells);
            }
            Err(_) => {
                t.add_row(vec![
                    Cell::new(&row.label),
                    Cell::new(tr!("cli-no-schedule")),
                ]);
            }
        }
    }
    right(&mut t, 1..columns);
    out.push_str(&t.to_string());
    out.push('\n');
    out.push_str(&tr!("cli-compare-clocks"));
    out.push('\n');
    out.push_str(&assumed_note(&c.figures));
    out.push_str("\n\n");

    // Days per stage: one column per stage of the scenario, merged stages shown once.
    out.push_str(&tr!("cli-compare-per-stage"));
    out.push('\n');
    let mut st = table(
        std::iter::once(tr!("cli-col-regime"))
            .chain(c.stages.iter().map(|x| x.name.clone()))
            .collect(),
    );
    for row in &c.rows {
        let Ok(f) = &row.result else { continue };
        let mut cells = vec![Cell::new(&row.label)];
        cells.extend(f.stages.iter().map(|cell| {
            Cell::new(match cell {
                StageCell::Days(d) => d.both(),
                StageCell::MergedFirst(d) => tr!("cli-stage-merged-first", days = d.both()),
                StageCell::MergedInto => tr!("cli-stage-merged-into"),
                StageCell::Absent => "–".into(),
            })
        }));
        st.add_row(cells);
    }
    right(&mut st, 1..=c.stages.len());
    out.push_str(&st.to_string());
    out.push_str("\n\n");

    out.push_str(&tr!("cli-compare-critical-path"));
    out.push('\n');
    for row in &c.rows {
        match &row.result {
            Ok(f) => out.push_str(&format!("  {}\n", labelled(&row.label, &f.critical_chain))),
            Err(e) => out.push_str(&format!(
                "  {}\n",
                labelled(
                    &row.label,
                    &tr!("cli-no-schedule-because", error = e.as_str())
                )
            )),
        }
    }
    if !c.milestones.is_empty() {
        out.push('\n');
        out.push_str(&super::milestones::milestones_text(&c.milestones));
    }
    if !c.targets.is_empty() {
        out.push('\n');
        out.push_str(&tr!("cli-compare-targets"));
        out.push('\n');
        for t in &c.targets {
            let mark = match t.met {
                Some(true) => tr!("cli-target-met"),
                Some(false) => tr!("cli-target-missed"),
                None => tr!("cli-target-na"),
            };
            let source = t
                .target
                .source
                .as_text()
                .map(|s| format!("  [{s}]"))
                .unwrap_or_default();
            let detail =
                permitflow_app::rows::target_detail(t, c.outcome(t.target.regime.as_str()));
            out.push_str(&format!(
                "  {mark} {}{source}\n",
                labelled(&t.target.name, &detail)
            ));
        }
    }
    // The warnings go to stderr (`commands::compare`), so they are seen whatever the format.
    out
}

/// One row per regime: both clocks (`approval_days`, `working_days`, `calendar_days`), `fees`,
/// the stages' working, approval and calendar days, the honest mark (`assumed_figures` of
/// `figures`); `calendar` is the calendar warning for the regime's dates, empty when its years'
/// holidays are official.
fn compare_csv(c: &Comparison, cal: &Calendar) -> String {
    let assumed = c.figures.assumed_count().to_string();
    let total = c.figures.total.to_string();
    let header: Vec<String> = [
        "regime",
        "approval_days",
        "working_days",
        "calendar_days",
        "fees",
        "end_date",
        "trips",
        "forms",
        "materials",
        "departments",
        "stages",
        "stage_approval_days",
        "stage_calendar_days",
        "critical_path",
        "error",
        "assumed_figures",
        "figures",
        "calendar",
    ]
    .map(String::from)
    .to_vec();
    let rows = c.rows.iter().map(|row| match &row.result {
        Ok(f) => vec![
            row.regime.clone(),
            f.approval_days.to_string(),
            f.working_days.to_string(),
            f.calendar_days.to_string(),
            f.fees.to_string(),
            date(f.end_date),
            f.counts.trips.to_string(),
            f.counts.forms.to_string(),
            f.counts.materials.to_string(),
            f.counts.departments.to_string(),
            stage_cells(&f.spans, |d| d.working_days.to_string()),
            stage_cells(&f.spans, |d| d.approval_days.to_string()),
            stage_cells(&f.spans, |d| d.calendar_days.to_string()),
            f.critical_ids.join(";"),
            String::new(),
            assumed.clone(),
            total.clone(),
            c.start_date
                .map(|s| Warning::calendar_cell(cal, s, f.end_date))
                .unwrap_or_default(),
        ],
        Err(e) => {
            let mut cells = vec![String::new(); 18];
            cells[0] = row.regime.clone();
            cells[14] = e.clone();
            cells[15] = assumed.clone();
            cells[16] = total.clone();
            cells
        }
    });
    csv_text(std::iter::once(header).chain(rows))
}

/// `approval=13;planning=15`: one figure per stage as solved.
fn stage_cells(
    spans: &[permitflow_app::rows::SpanFigures],
    figure: impl Fn(&permitflow_app::rows::StageDays) -> String,
) -> String {
    spans
        .iter()
        .map(|sp| format!("{}={}", sp.id, figure(&sp.days)))
        .collect::<Vec<_>>()
        .join(";")
}

fn days_json(d: WorkingDays) -> Value {
    json!(d.get())
}

fn compare_json(c: &Comparison) -> Value {
    let mut v = json!({
        "scenario": c.scenario,
        "start_date": c.start_date.map(date),
        "regimes": c.rows.iter().map(|row| match &row.result {
            Ok(f) => json!({
                "name": row.regime,
                "approval_days": days_json(f.approval_days),
                "working_days": days_json(f.working_days),
                "calendar_days": f.calendar_days,
                "fees": f.fees,
                "end_date": date(f.end_date),
                "trips": f.counts.trips,
                "forms": f.counts.forms,
                "materials": f.counts.materials,
                "departments": f.counts.departments,
                "critical_path": f.critical_ids,
                "stages": f.spans.iter().map(|sp| json!({
                    "id": sp.id,
                    "name": sp.name,
                    "approval_days": days_json(sp.days.approval_days),
                    "working_days": days_json(sp.days.working_days),
                    "calendar_days": sp.days.calendar_days,
                })).collect::<Vec<_>>(),
            }),
            Err(e) => json!({ "name": row.regime, "error": e }),
        }).collect::<Vec<_>>(),
        "targets": c.targets.iter().map(|t| json!({
            "name": t.target.name,
            "regime": t.target.regime.as_str(),
            "met": t.met,
            "detail": t.detail,
        })).collect::<Vec<_>>(),
        "warnings": c.warnings.iter().map(permitflow_app::Warning::to_json).collect::<Vec<_>>(),
        "figures": figures_json(&c.figures),
    });
    // Only a scenario with attributes has the key, so other outputs read as before.
    if !c.attributes.is_empty()
        && let Some(o) = v.as_object_mut()
    {
        let attrs: serde_json::Map<String, Value> = c
            .attributes
            .iter()
            .map(|(n, v)| (n.clone(), attribute_json(v)))
            .collect();
        o.insert("attributes".into(), Value::Object(attrs));
    }
    // Only a scenario with milestones has the key, so other outputs read as before.
    if !c.milestones.is_empty()
        && let Some(o) = v.as_object_mut()
    {
        o.insert(
            "milestones".into(),
            super::milestones::milestones_json(&c.milestones),
        );
    }
    v
}

/// An attribute's value as JSON: a number, text or `true`/`false`.
fn attribute_json(v: &permitflow_model::rules::Value) -> Value {
    use permitflow_model::rules::Value as V;
    match v {
        V::Number(x) => json!(x),
        V::Text(t) => json!(t),
        V::YesNo(b) => json!(b),
    }
}

/// The honest mark for programs: how many figures, which are assumed (item, field, value).
pub fn figures_json(f: &permitflow_model::assumed::Figures) -> Value {
    json!({
        "total": f.total,
        "assumed": f.assumed_count(),
        "assumed_figures": f.assumed.iter().map(|a| json!({
            "id": a.id,
            "field": a.field.name(),
            "value": a.value,
        })).collect::<Vec<_>>(),
    })
}
