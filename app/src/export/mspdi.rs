//! A regime's schedule as Microsoft Project XML (MSPDI).
//!
//! MSPDI: the project calendar (Monday to Friday 08:00–12:00 and 13:00–17:00, so half a working
//! day is a morning or an afternoon) with every holiday and make-up working day of the schedule's
//! years as an exception; stages as summary tasks with the start, finish and working time their
//! tasks span; items and joint events as tasks with their durations; stage deliveries and other
//! zero-length activities as milestones, stamped as MS Project stamps them: at the end of the
//! working time before them (17:00 of the previous working day, 12:00 after a morning); links
//! with their types and lags in working days; departments as resources, assigned to the tasks
//! they work on (one assignment per department of a joint event).
//! MS Project has no maximum lag: an activity that a maximum lag pulls later than its
//! predecessors allow gets a "start no earlier than" constraint at the date permitflow computes,
//! so tools that read the file schedule it to the same dates. Deadlines are written as deadlines.

use chrono::{Datelike, NaiveDate};
use permitflow_model::{Calendar, DayUnit, LinkKind, Scenario, WorkingDays};
use permitflow_solver::Outcome;
use permitflow_solver::paths::Compact;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

const MINUTES_PER_DAY: f64 = 480.0;

fn hours(days: WorkingDays) -> String {
    let minutes = (days.get() * MINUTES_PER_DAY).round() as i64;
    format!("PT{}H{}M0S", minutes / 60, minutes % 60)
}

/// An activity counted in calendar days (a publicity period, the construction works): MS
/// Project's elapsed duration, which runs around the clock on every day of the week.
fn elapsed(a: &permitflow_model::Activity) -> bool {
    a.unit == DayUnit::Calendar && a.days.get() > 0.0
}

/// A duration of `days` elapsed days: 24 hours each ("ed", `DurationFormat` 8).
fn elapsed_hours(days: WorkingDays) -> String {
    format!("PT{}H0M0S", (days.get() * 24.0).round() as i64)
}

/// The MSPDI `DurationFormat` and duration of an activity: days (7) of working time, or elapsed
/// days (8) for one counted in calendar days.
fn duration(a: &permitflow_model::Activity) -> (&'static str, String) {
    if elapsed(a) {
        ("8", elapsed_hours(a.days))
    } else {
        ("7", hours(a.days))
    }
}

/// Date and time of an offset: a start at `s` is 08:00 (or 13:00 for a half day) of working day
/// floor(s) + 1; a finish at `f` is 17:00 (or 12:00) of working day ceil(f).
fn start_time(cal: &Calendar, project: NaiveDate, s: WorkingDays) -> String {
    let d = cal.start_date(project, s);
    let t = if s.get().fract() >= 0.5 {
        "13:00:00"
    } else {
        "08:00:00"
    };
    format!("{}T{t}", d.format("%Y-%m-%d"))
}

fn finish_time(cal: &Calendar, project: NaiveDate, f: WorkingDays) -> String {
    if f.get() <= 0.0 {
        return format!(
            "{}T08:00:00",
            cal.first_working_day(project).format("%Y-%m-%d")
        );
    }
    let d = cal.finish_date(project, f);
    let t = if f.get().fract() > 0.0 && f.get().fract() <= 0.5 {
        "12:00:00"
    } else {
        "17:00:00"
    };
    format!("{}T{t}", d.format("%Y-%m-%d"))
}

struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn open(&mut self, tag: &str) -> std::io::Result<()> {
        self.w.write_event(Event::Start(BytesStart::new(tag)))
    }
    fn close(&mut self, tag: &str) -> std::io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(tag)))
    }
    fn field(&mut self, tag: &str, value: impl AsRef<str>) -> std::io::Result<()> {
        self.open(tag)?;
        self.w
            .write_event(Event::Text(BytesText::new(value.as_ref())))?;
        self.close(tag)
    }
}

/// An exception's name: the holiday's (`春节`), `(provisional)` when the year has no State
/// Council notice yet, so a planner in MS Project sees which days are guessed.
fn exception_name(cal: &Calendar, d: NaiveDate, working: bool) -> String {
    let name = match (cal.day_name(d), working) {
        (Some(n), false) => n.to_owned(),
        (Some(n), true) => format!("{n} make-up working day"),
        (None, false) => "public holiday".to_owned(),
        (None, true) => "make-up working day".to_owned(),
    };
    if cal.is_provisional(d.year()) {
        format!("{name} (provisional)")
    } else {
        name
    }
}

fn working_times(x: &mut Xml) -> std::io::Result<()> {
    x.open("WorkingTimes")?;
    for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
        x.open("WorkingTime")?;
        x.field("FromTime", from)?;
        x.field("ToTime", to)?;
        x.close("WorkingTime")?;
    }
    x.close("WorkingTimes")
}

/// Activities whose start a maximum lag (or a release) pulls later than their lower-bound links
/// alone: they need a "start no earlier than" constraint in tools without maximum lags. So does
/// every activity counted in calendar days: it starts at midnight of the calendar day after its
/// predecessors end (a Saturday too), where MS Project would start an elapsed task at once.
fn pinned(o: &Outcome) -> Vec<bool> {
    let net = &o.network;
    // A calendar-day activity lasts, in working time, what the exact schedule gives it.
    let durations: Vec<f64> = net
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if elapsed(a) {
                (o.schedule.finish[i] - o.schedule.start[i]).get()
            } else {
                a.days.get()
            }
        })
        .collect();
    let mut es = vec![0.0; durations.len()];
    match Compact::new(net) {
        Some(c) => {
            c.earliest(&durations, &mut es);
        }
        None => return vec![false; durations.len()],
    }
    (0..durations.len())
        .map(|i| {
            o.schedule.start[i].get() > es[i] + 1e-9
                || net.activities[i].release.is_some()
                || elapsed(&net.activities[i])
        })
        .collect()
}

/// The dates MS Project accepts: 1 January 1984 to 31 December 2149.
pub const MSPDI_DATES: (NaiveDate, NaiveDate) = (
    NaiveDate::from_ymd_opt(1984, 1, 1).expect("a date"),
    NaiveDate::from_ymd_opt(2149, 12, 31).expect("a date"),
);

/// Why `o` cannot be written as MSPDI: a date (start, finish or deadline) outside
/// [`MSPDI_DATES`], which MS Project would refuse or misread.
pub fn mspdi_dates_problem(s: &Scenario, o: &Outcome, cal: &Calendar) -> Option<String> {
    let (first, last) = MSPDI_DATES;
    let start = cal.first_working_day(s.start);
    let deadline = o
        .network
        .activities
        .iter()
        .filter_map(|a| a.deadline)
        .map(|d| cal.finish_date(s.start, d))
        .max();
    let end = o.end_date.max(deadline.unwrap_or(o.end_date));
    (start < first || end > last).then(|| {
        format!(
            "the schedule of regime `{}` runs from {start} to {end}; MS Project accepts dates from \
             {first} to {last}",
            o.regime.name
        )
    })
}

/// A summary task's span: the earliest start and latest finish of its tasks as written, and the
/// offsets between which its working time lies.
#[derive(Default)]
struct Summary {
    start: String,
    finish: String,
    from: f64,
    to: f64,
}

impl Summary {
    fn add(&mut self, (start, finish): (String, String), from: WorkingDays, to: WorkingDays) {
        // Written times are `YYYY-MM-DDTHH:MM:SS`: their text order is their time order.
        if self.start.is_empty() {
            (self.start, self.finish) = (start, finish);
            (self.from, self.to) = (from.get(), to.get());
            return;
        }
        if start < self.start {
            self.start = start;
        }
        if finish > self.finish {
            self.finish = finish;
        }
        self.from = self.from.min(from.get());
        self.to = self.to.max(to.get());
    }
}

/// Departments as work resources, in the order the tasks first name them, and one assignment
/// per department of each task (the whole duration, at 100 %).
fn resources(
    x: &mut Xml,
    o: &Outcome,
    rows: &[(usize, Option<usize>)],
    stamp: &dyn Fn(usize) -> (String, String),
) -> std::io::Result<()> {
    let net = &o.network;
    let mut uid: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut assignments: Vec<(usize, usize, usize)> = Vec::new(); // (task uid, resource uid, activity)
    for (n, (_, a)) in rows.iter().enumerate() {
        let Some(i) = a else { continue };
        for d in &net.activities[*i].departments {
            let r = *uid.entry(d.as_str()).or_insert_with(|| {
                names.push(d.as_str());
                names.len()
            });
            assignments.push((n + 1, r, *i));
        }
    }
    x.open("Resources")?;
    for (k, name) in names.iter().enumerate() {
        let id = (k + 1).to_string();
        x.open("Resource")?;
        x.field("UID", &id)?;
        x.field("ID", &id)?;
        x.field("Name", name)?;
        x.field("Type", "1")?;
        x.field("IsNull", "0")?;
        x.field("MaxUnits", "1.00")?;
        x.field("CalendarUID", "1")?;
        x.close("Resource")?;
    }
    x.close("Resources")?;
    x.open("Assignments")?;
    for (k, (task, resource, i)) in assignments.iter().enumerate() {
        let (start, finish) = stamp(*i);
        let work = hours(net.activities[*i].days);
        x.open("Assignment")?;
        x.field("UID", (k + 1).to_string())?;
        x.field("TaskUID", task.to_string())?;
        x.field("ResourceUID", resource.to_string())?;
        x.field("Units", "1")?;
        x.field("Work", &work)?;
        x.field("RemainingWork", &work)?;
        x.field("ActualWork", "PT0H0M0S")?;
        x.field("Start", &start)?;
        x.field("Finish", &finish)?;
        x.close("Assignment")?;
    }
    x.close("Assignments")
}

/// The MSPDI document of `o`.
pub fn mspdi(s: &Scenario, o: &Outcome, cal: &Calendar) -> Result<Vec<u8>, String> {
    write_mspdi(s, o, cal).map_err(|e| e.to_string())
}

fn write_mspdi(s: &Scenario, o: &Outcome, cal: &Calendar) -> std::io::Result<Vec<u8>> {
    let mut x = Xml {
        w: Writer::new_with_indent(Vec::new(), b' ', 2),
    };
    let project = s.start;
    let net = &o.network;
    x.w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    let mut root = BytesStart::new("Project");
    root.push_attribute(("xmlns", "http://schemas.microsoft.com/project"));
    x.w.write_event(Event::Start(root))?;
    x.field("SaveVersion", "14")?;
    x.field("Name", format!("{} — {}", s.name, o.regime.name))?;
    x.field("Title", format!("{} — {}", s.name, o.regime.name))?;
    // The project attribute values the schedule is for, where MS Project keeps a line of text
    // about the project (File ▸ Properties ▸ Subject).
    if let Some(values) = crate::rows::attribute_values(s) {
        x.field(
            "Subject",
            permitflow_i18n::tr!("app-export-attributes", values = values),
        )?;
    }
    x.field("ScheduleFromStart", "1")?;
    x.field("StartDate", start_time(cal, project, WorkingDays::ZERO))?;
    x.field("FinishDate", finish_time(cal, project, o.working_days()))?;
    x.field("CalendarUID", "1")?;
    x.field("DefaultStartTime", "08:00:00")?;
    x.field("DefaultFinishTime", "17:00:00")?;
    x.field("MinutesPerDay", "480")?;
    x.field("MinutesPerWeek", "2400")?;
    x.field("DaysPerMonth", "20")?;
    x.field("DurationFormat", "7")?;
    x.field("NewTasksAreManual", "0")?;

    // The calendar, with the exceptions of every year the schedule touches.
    x.open("Calendars")?;
    x.open("Calendar")?;
    x.field("UID", "1")?;
    x.field("Name", format!("permitflow {}", cal.name()))?;
    x.field("IsBaseCalendar", "1")?;
    x.field("BaseCalendarUID", "-1")?;
    x.open("WeekDays")?;
    for day in 1..=7 {
        x.open("WeekDay")?;
        x.field("DayType", day.to_string())?;
        let working = (2..=6).contains(&day);
        x.field("DayWorking", if working { "1" } else { "0" })?;
        if working {
            working_times(&mut x)?;
        }
        x.close("WeekDay")?;
    }
    x.close("WeekDays")?;
    let from = NaiveDate::from_ymd_opt(project.year(), 1, 1).unwrap_or(project);
    let to = NaiveDate::from_ymd_opt(o.end_date.year() + 1, 12, 31).unwrap_or(o.end_date);
    let holidays = cal.holidays_between(from, to);
    let makeup = cal.makeup_days_between(from, to);
    x.open("Exceptions")?;
    let mut days: Vec<(NaiveDate, bool)> = holidays
        .iter()
        .map(|d| (*d, false))
        .chain(makeup.iter().map(|d| (*d, true)))
        .collect();
    days.sort();
    for (d, working) in days {
        x.open("Exception")?;
        x.field("EnteredByOccurrences", "0")?;
        x.open("TimePeriod")?;
        x.field("FromDate", format!("{}T00:00:00", d.format("%Y-%m-%d")))?;
        x.field("ToDate", format!("{}T23:59:00", d.format("%Y-%m-%d")))?;
        x.close("TimePeriod")?;
        x.field("Occurrences", "1")?;
        x.field("Name", exception_name(cal, d, working))?;
        x.field("Type", "1")?;
        x.field("DayWorking", if working { "1" } else { "0" })?;
        if working {
            working_times(&mut x)?;
        }
        x.close("Exception")?;
    }
    x.close("Exceptions")?;
    x.close("Calendar")?;
    x.close("Calendars")?;

    // Tasks: a summary per stage, its activities below; stage deliveries as milestones.
    let pinned = pinned(o);
    // Each activity's start and finish as written: a milestone at the end of the working time
    // before it (MS Project's stamp, and the day permitflow dates it on).
    let stamp = |i: usize| -> (String, String) {
        if elapsed(&net.activities[i]) {
            // Its calendar days from midnight to midnight: `N` × 24 elapsed hours.
            let (first, last) = o.dates[i];
            let midnight = |d: NaiveDate| format!("{}T00:00:00", d.format("%Y-%m-%d"));
            (midnight(first), midnight(last + chrono::Days::new(1)))
        } else if net.activities[i].days.get() == 0.0 {
            let at = finish_time(cal, project, o.schedule.start[i]);
            (at.clone(), at)
        } else {
            (
                start_time(cal, project, o.schedule.start[i]),
                finish_time(cal, project, o.schedule.finish[i]),
            )
        }
    };
    let mut uid_of = vec![0usize; net.activities.len()];
    let mut rows: Vec<(usize, Option<usize>)> = Vec::new(); // (level, activity)
    let mut summaries: Vec<String> = Vec::new();
    // Each stage's activities and gate, and each activity's incoming constraints, gathered once
    // (a scan of the network per stage or per activity made large schedules quadratic).
    let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); net.stages.len()];
    for (i, a) in net.activities.iter().enumerate() {
        if let Some(k) = a.stage.filter(|&k| k < by_stage.len()) {
            by_stage[k].push(i);
        }
    }
    let gates: std::collections::HashMap<&str, usize> = net
        .activities
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, a)| a.is_gate())
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for (k, st) in net.stages.iter().enumerate() {
        let mut acts = std::mem::take(&mut by_stage[k]);
        if acts.is_empty() {
            continue;
        }
        rows.push((1, None));
        summaries.push(st.name.clone());
        acts.sort_by(|&a, &b| {
            o.schedule.start[a]
                .partial_cmp(&o.schedule.start[b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(net.activities[a].order.cmp(&net.activities[b].order))
        });
        rows.extend(acts.into_iter().map(|i| (2, Some(i))));
        // The stage's delivery milestone follows its items.
        let gate = format!(
            "gate:{}",
            st.ids
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join("+")
        );
        if let Some(&g) = gates.get(gate.as_str()) {
            rows.push((2, Some(g)));
        }
    }
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); net.activities.len()];
    for (k, c) in net.constraints.iter().enumerate() {
        incoming[c.to].push(k);
    }
    for (n, (_, a)) in rows.iter().enumerate() {
        if let Some(i) = a {
            uid_of[*i] = n + 1;
        }
    }
    // Each summary's span: its tasks' earliest start and latest finish as written, and the
    // working time between them.
    let mut spans: Vec<Summary> = Vec::new();
    for (n, (level, a)) in rows.iter().enumerate() {
        match a {
            None => spans.push(Summary::default()),
            Some(i) if *level == 2 => {
                if let Some(span) = spans.last_mut() {
                    span.add(stamp(*i), o.schedule.start[*i], o.schedule.finish[*i]);
                }
            }
            Some(_) => debug_assert!(false, "row {n}: a task outside a stage"),
        }
    }
    x.open("Tasks")?;
    let mut summary_index = 0;
    for (n, (level, a)) in rows.iter().enumerate() {
        let uid = (n + 1).to_string();
        x.open("Task")?;
        x.field("UID", &uid)?;
        x.field("ID", &uid)?;
        match a {
            None => {
                let span = &spans[summary_index];
                x.field("Name", &summaries[summary_index])?;
                summary_index += 1;
                x.field("OutlineLevel", level.to_string())?;
                x.field("Summary", "1")?;
                x.field("Manual", "0")?;
                x.field("Milestone", "0")?;
                x.field("Start", &span.start)?;
                x.field("Finish", &span.finish)?;
                let days = WorkingDays::new((span.to - span.from).max(0.0));
                x.field("Duration", hours(days))?;
                x.field("DurationFormat", "7")?;
                x.field("PercentComplete", "0")?;
                x.field("ActualDuration", "PT0H0M0S")?;
                x.field("RemainingDuration", hours(days))?;
            }
            Some(i) => {
                let act = &net.activities[*i];
                x.field("Name", &act.name)?;
                x.field("OutlineLevel", level.to_string())?;
                x.field("Summary", "0")?;
                x.field("Manual", "0")?;
                // Zero-length tasks are milestones, reached at the end of their predecessors' day
                // (MS Project marks them so itself).
                let milestone = act.days.get() == 0.0;
                let (start, finish) = stamp(*i);
                x.field("Milestone", if milestone { "1" } else { "0" })?;
                x.field("Start", &start)?;
                x.field("Finish", &finish)?;
                let (format, length) = duration(act);
                x.field("Duration", &length)?;
                x.field("DurationFormat", format)?;
                // A plan, not progress: nothing done yet, the whole duration remaining.
                x.field("PercentComplete", "0")?;
                x.field("ActualDuration", "PT0H0M0S")?;
                x.field("RemainingDuration", &length)?;
                if pinned[*i] {
                    x.field("ConstraintType", "4")?;
                    x.field("ConstraintDate", &start)?;
                } else {
                    x.field("ConstraintType", "0")?;
                }
                if let Some(d) = act.deadline {
                    x.field("Deadline", finish_time(cal, project, d))?;
                }
                let notes = format!(
                    "permitflow id: {}; departments: {}; items: {}",
                    act.id,
                    act.departments
                        .iter()
                        .map(|d| d.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    act.members
                        .iter()
                        .map(|m| m.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                x.field("Notes", notes)?;
                for c in incoming[*i].iter().map(|&k| &net.constraints[k]) {
                    x.open("PredecessorLink")?;
                    x.field("PredecessorUID", uid_of[c.from].to_string())?;
                    x.field(
                        "Type",
                        match c.kind {
                            LinkKind::FinishToFinish => "0",
                            LinkKind::FinishToStart => "1",
                            LinkKind::StartToFinish => "2",
                            LinkKind::StartToStart => "3",
                        },
                    )?;
                    x.field("CrossProject", "0")?;
                    // Tenths of a minute: of working time (days of 8 hours, format 7), or
                    // elapsed (days of 24 hours, format 8) for a lag in calendar days.
                    let (per_day, format) = match c.lag_unit {
                        DayUnit::Calendar => (24.0 * 60.0, "8"),
                        DayUnit::Working => (MINUTES_PER_DAY, "7"),
                    };
                    x.field(
                        "LinkLag",
                        ((c.lag.get() * per_day * 10.0).round() as i64).to_string(),
                    )?;
                    x.field("LagFormat", format)?;
                    x.close("PredecessorLink")?;
                }
            }
        }
        x.close("Task")?;
    }
    x.close("Tasks")?;
    resources(&mut x, o, &rows, &stamp)?;
    x.close("Project")?;
    let mut out = x.w.into_inner();
    out.push(b'\n');
    Ok(out)
}
