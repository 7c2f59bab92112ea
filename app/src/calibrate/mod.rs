//! Calibration from an approval system's event log (`permitflow calibrate`): the log read (CSV or
//! XES, bounded like every input), checked, and measured on the scenario's calendar: per item the
//! official time's distribution, returns and corrections and the overdue rate (超期率); per
//! project type the arrivals per year and the observed lead time.

mod fitted;
mod json;
mod measure;
mod output;
mod spread;
mod validate;

pub use fitted::{FitNotes, MAX_INFERRED_ITEMS, apply, fitted_draft, provenance};
pub use json::{to_json, validation_to_json};
pub use output::{Fitted, fitted_toml, peak_in_progress, portfolio_toml, scenario_ref};
pub use spread::density;
pub use validate::{Validation, ValidationRow, regime_of, validate};

use std::path::Path;

use chrono::NaiveDate;
use permitflow_model::event_log::{Checked, Rejected, Span, Stamp, check, parse_csv, parse_xes};
use permitflow_model::{Calendar, DayUnit, Item, Scenario};
use std::collections::HashMap;

use permitflow_i18n::tr;

use crate::load::{UserCalendars, is_stdin, load_default_with, read_bytes, utf8};
use crate::{Error, Loaded};
use measure::{Axis, bounds, clocks, elapsed, mean, percentile, years};

/// Fewer cases than this and an item's spread is the empirical distribution, not a fitted one.
pub const MIN_FIT_CASES: usize = 5;

/// The spread fitted to an item's first-review times: a triangular or a PERT, whichever is
/// closer to the observations (Kolmogorov–Smirnov distance).
#[derive(Clone, Debug, PartialEq)]
pub enum Spread {
    /// Every case took the same time.
    Fixed(f64),
    /// Triangular: `min` and `max` the observed extremes, `mode` from the mean
    /// (`3 · mean − min − max`, the triangular mean's formula solved for the mode), kept within
    /// them.
    Triangular {
        /// The least time observed.
        min: f64,
        /// The most likely time.
        mode: f64,
        /// The most time observed.
        max: f64,
    },
    /// PERT: `min` and `max` the observed extremes, `mode` from the mean
    /// (`(6 · mean − min − max) / 4`), kept within them.
    Pert {
        /// The least time observed.
        min: f64,
        /// The most likely time.
        mode: f64,
        /// The most time observed.
        max: f64,
    },
    /// Fewer than [`MIN_FIT_CASES`] cases: the observed times themselves.
    Empirical,
}

/// What the log says of one item.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemFit {
    /// The item as the log names it.
    pub item: String,
    /// The department that handled it (from its first case).
    pub department: String,
    /// Cases in which it was received and completed.
    pub cases: usize,
    /// Official time (working days): mean, P50, P80, least, most.
    pub mean: f64,
    /// The median.
    pub p50: f64,
    /// The 80th percentile.
    pub p80: f64,
    /// The least.
    pub min: f64,
    /// The most.
    pub max: f64,
    /// The first review's mean (received to the first return or to completed, less
    /// suspensions): what the spread is fitted to, since re-reviews are the returns' time.
    pub review_mean: f64,
    /// The first review's 80th percentile.
    pub review_p80: f64,
    /// The first reviews themselves (working days, ascending): what the spread is fitted to,
    /// drawn against it as a histogram.
    pub reviews: Vec<f64>,
    /// The spread fitted to the first reviews.
    pub spread: Spread,
    /// The Kolmogorov–Smirnov distance between the first reviews and the fitted spread.
    pub fit_distance: Option<f64>,
    /// The share of submissions returned for correction: returns / (cases + returns), the
    /// probability a scenario's `returns.rate` stands for (a resubmission can come back again).
    pub return_rate: f64,
    /// The mean correction time of a return (working days), when any was returned.
    pub correction_mean: Option<f64>,
    /// The mean re-review time after a correction (working days), when any was returned.
    pub rereview_mean: Option<f64>,
    /// The mean special-procedure time of a case (working days), over the cases suspended.
    pub special_mean: Option<f64>,
    /// The scenario's statutory limit for the item, when `--scenario` has it.
    pub limit: Option<f64>,
    /// The share of cases over the limit (超期率), when there is one.
    pub overdue_rate: Option<f64>,
}

/// What the log says of one project type.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeFit {
    /// The project type as the log names it.
    pub project_type: String,
    /// Its cases.
    pub cases: usize,
    /// Cases per year over the span of their first receipts; `None` when all arrived on one day.
    pub per_year: Option<f64>,
    /// The lead time of the cases whose every item was completed, first received to last
    /// completed, elapsed working days: P50, P80, P95 (`None` without such a case).
    pub lead: Option<[f64; 3]>,
    /// Those lead times, ascending.
    pub lead_samples: Vec<f64>,
    /// The first and the last case's first receipt.
    pub arrivals: Option<(NaiveDate, NaiveDate)>,
}

/// The calibration of a log.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// The log as the user named it.
    pub label: String,
    /// Per item, in the order items first appear in the log.
    pub items: Vec<ItemFit>,
    /// Per project type, in the order they first appear.
    pub project_types: Vec<TypeFit>,
    /// The first records left out (see [`permitflow_model::event_log::MAX_LISTED`]).
    pub rejected: Vec<Rejected>,
    /// How many records were left out.
    pub rejected_count: usize,
    /// Items received but not completed.
    pub open: usize,
    /// The first and last dates of the complete histories.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Items of the scenario the log never completes (with `--scenario`).
    pub not_in_log: Vec<String>,
    /// Items of the log the scenario does not have (with `--scenario`), in first-appearance
    /// order: their records are rejected.
    pub not_in_scenario: Vec<String>,
}

/// Reads the event log at `path` (`.xes` XES, otherwise CSV; standard input by content: `<`
/// starts XES). Bounded like every input ([`crate::load::MAX_INPUT_BYTES`]).
pub fn read_log(path: &Path) -> Result<(String, permitflow_model::event_log::EventLog), Error> {
    let label = crate::load::label_of(path);
    let text = read_bytes(path, &label)
        .and_then(|b| utf8(b, &label))
        .map_err(Error::diagnostic)?;
    let xes = if is_stdin(path) {
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<')
    } else {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xes"))
    };
    let log = if xes {
        parse_xes(&text, &label)
    } else {
        parse_csv(&text, &label)
    }
    .map_err(Error::diagnostic)?;
    Ok((label, log))
}

/// The scenario's item a log's item names: by id, else by name.
fn find<'s>(scenario: &'s Scenario, name: &str) -> Option<&'s Item> {
    scenario
        .items
        .iter()
        .find(|i| i.id.as_str() == name)
        .or_else(|| scenario.items.iter().find(|i| i.name == name))
}

/// Calibrates the log at `path`, with `base`'s items (a record of another item is rejected),
/// limits (for the overdue rate) and calendar; without one, the China calendar with the user's
/// holiday files.
pub fn calibrate(
    path: &Path,
    base: Option<&Loaded>,
    user: &UserCalendars,
) -> Result<Calibration, Error> {
    calibrate_checked(path, base, user).map(|(c, _)| c)
}

/// [`calibrate`] with the checked histories it measured (what a flow is read from).
pub fn calibrate_checked(
    path: &Path,
    base: Option<&Loaded>,
    user: &UserCalendars,
) -> Result<(Calibration, Checked), Error> {
    calibrate_type(path, base, user, None)
}

/// [`calibrate_checked`] of the records of one project type (all with `None`): a log of several
/// types calibrated type by type, each against its own flow.
pub fn calibrate_type(
    path: &Path,
    base: Option<&Loaded>,
    user: &UserCalendars,
    project_type: Option<&str>,
) -> Result<(Calibration, Checked), Error> {
    let (label, mut log) = read_log(path)?;
    if let Some(t) = project_type {
        let mut types: Vec<&str> = Vec::new();
        for r in &log.records {
            if !types.contains(&&*r.project_type) && types.len() < 20 {
                types.push(&r.project_type);
            }
        }
        if !types.contains(&t) {
            return Err(Error::help(
                tr!(
                    "app-calibrate-no-type",
                    file = label.as_str(),
                    project_type = t
                ),
                tr!("app-calibrate-no-type.help", types = types.join(", ")),
            ));
        }
        log.records.retain(|r| &*r.project_type == t);
    }
    let scenario = base.map(|b| &b.scenario);
    // Ids and names in a set: a log of millions of records against a scenario of many items.
    let names: std::collections::HashSet<&str> = scenario
        .iter()
        .flat_map(|s| s.items.iter())
        .flat_map(|i| [i.id.as_str(), i.name.as_str()])
        .collect();
    let known = |name: &str| names.contains(name);
    let mut not_in_scenario: Vec<String> = Vec::new();
    if scenario.is_some() {
        let mut seen = std::collections::HashSet::new();
        for r in &log.records {
            if !known(&r.item) && seen.insert(r.item.clone()) {
                not_in_scenario.push(r.item.to_string());
            }
        }
    }
    let checked = check(log, scenario.map(|_| &known as &dyn Fn(&str) -> bool));
    let calendar = match base {
        Some(b) => b.calendar.clone(),
        None => load_default_with(user)?.calendar,
    };
    let mut c = measure_log(label, &checked, &calendar, scenario);
    c.not_in_scenario = not_in_scenario;
    Ok((c, checked))
}

/// Measures checked histories on `calendar`.
pub fn measure_log(
    label: String,
    checked: &Checked,
    calendar: &Calendar,
    scenario: Option<&Scenario>,
) -> Calibration {
    let dates = bounds(&checked.spans);
    let (items, project_types) = match dates {
        Some((first, last)) => {
            let axis = Axis::new(Some(calendar), first, last);
            let days = Axis::new(None, first, last);
            (
                fit_items(&checked.spans, &axis, &days, scenario),
                fit_types(checked, &axis),
            )
        }
        None => (Vec::new(), Vec::new()),
    };
    let not_in_log = scenario.map_or_else(Vec::new, |s| {
        s.items
            .iter()
            .filter(|i| {
                !items
                    .iter()
                    .any(|f| f.item == i.id.as_str() || f.item == i.name)
            })
            .map(|i| i.id.as_str().to_owned())
            .collect()
    });
    Calibration {
        label,
        items,
        project_types,
        rejected: checked.rejected.clone(),
        rejected_count: checked.rejected_count,
        open: checked.open.len(),
        dates,
        not_in_log,
        not_in_scenario: Vec::new(),
    }
}

/// Groups in first-appearance order.
fn grouped(spans: &[Span], key: impl Fn(&Span) -> &str) -> Vec<Vec<&Span>> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<&Span>> = Vec::new();
    for s in spans {
        let i = *at.entry(key(s)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(s);
    }
    groups
}

fn fit_items(
    spans: &[Span],
    axis: &Axis,
    days: &Axis,
    scenario: Option<&Scenario>,
) -> Vec<ItemFit> {
    grouped(spans, |s| &s.item)
        .into_iter()
        .map(|group| {
            let first = group[0];
            let item = scenario.and_then(|s| find(s, &first.item));
            let calendar_days = item.is_some_and(|i| i.unit == DayUnit::Calendar);
            let limit = item.map(|i| i.days.value.get());
            let measured: Vec<_> = group
                .iter()
                .map(|s| clocks(if calendar_days { days } else { axis }, s))
                .collect();
            let mut official: Vec<f64> = measured.iter().map(|c| c.official).collect();
            official.sort_by(f64::total_cmp);
            let n = official.len();
            let (min, max) = (official[0], official[n - 1]);
            let avg = mean(&official).unwrap_or(0.0);
            let mut reviews: Vec<f64> = measured.iter().map(|c| c.review).collect();
            reviews.sort_by(f64::total_cmp);
            let review_mean = mean(&reviews).unwrap_or(0.0);
            let (spread, fit_distance) = spread::fit(&reviews, review_mean);
            let rereviews: Vec<f64> = measured
                .iter()
                .flat_map(|c| c.rereviews.iter().copied())
                .collect();
            let corrections: Vec<f64> = measured
                .iter()
                .flat_map(|c| c.corrections.iter().copied())
                .collect();
            let special: Vec<f64> = measured
                .iter()
                .filter(|c| c.special > 0.0)
                .map(|c| c.special)
                .collect();
            let returned = corrections.len();
            let share = |k: usize| k as f64 / n as f64;
            ItemFit {
                item: first.item.to_string(),
                department: first.department.to_string(),
                cases: n,
                mean: avg,
                p50: percentile(&official, 0.5),
                p80: percentile(&official, 0.8),
                min,
                max,
                review_mean,
                review_p80: percentile(&reviews, 0.8),
                reviews,
                spread,
                fit_distance,
                return_rate: returned as f64 / (n + returned) as f64,
                correction_mean: mean(&corrections),
                rereview_mean: mean(&rereviews),
                special_mean: mean(&special),
                limit,
                overdue_rate: limit
                    .map(|l| share(official.iter().filter(|d| **d > l + 1e-9).count())),
            }
        })
        .collect()
}

/// A case as its project type sees it.
#[derive(Default)]
struct Case<'a> {
    first: Option<Stamp>,
    last: Option<Stamp>,
    open: bool,
    spans: Vec<&'a Span>,
}

fn fit_types(checked: &Checked, axis: &Axis) -> Vec<TypeFit> {
    // Per type (first-appearance order), its cases (first-appearance order).
    let mut types: Vec<(String, Vec<Case<'_>>)> = Vec::new();
    let mut type_at: HashMap<&str, usize> = HashMap::new();
    let mut case_at: HashMap<&str, (usize, usize)> = HashMap::new();
    let entries = checked
        .spans
        .iter()
        .map(|s| (&*s.case, &*s.project_type, s.received, Some(s)))
        .chain(checked.open.iter().map(|(c, t, r)| (&**c, &**t, *r, None)));
    for (case, project_type, received, span) in entries {
        let (t, c) = *case_at.entry(case).or_insert_with(|| {
            let t = *type_at.entry(project_type).or_insert_with(|| {
                types.push((project_type.to_owned(), Vec::new()));
                types.len() - 1
            });
            types[t].1.push(Case::default());
            (t, types[t].1.len() - 1)
        });
        let entry = &mut types[t].1[c];
        if entry.first.is_none_or(|f| received.order(&f).is_lt()) {
            entry.first = Some(received);
        }
        match span {
            Some(s) => {
                if entry.last.is_none_or(|l| s.completed.order(&l).is_gt()) {
                    entry.last = Some(s.completed);
                }
                entry.spans.push(s);
            }
            None => entry.open = true,
        }
    }
    types
        .into_iter()
        .map(|(project_type, cases)| {
            let firsts: Vec<NaiveDate> = cases
                .iter()
                .filter_map(|c| c.first.map(|f| f.date))
                .collect();
            let arrivals = firsts.iter().min().zip(firsts.iter().max());
            let span_years = arrivals.map_or(0.0, |(a, b)| years(*a, *b));
            let mut lead: Vec<f64> = cases
                .iter()
                .filter(|c| !c.open && !c.spans.is_empty())
                .filter_map(|c| Some(elapsed(axis, &c.first?, &c.last?)))
                .collect();
            lead.sort_by(f64::total_cmp);
            TypeFit {
                project_type,
                cases: cases.len(),
                per_year: (span_years > 0.0).then(|| cases.len() as f64 / span_years),
                lead: (!lead.is_empty()).then(|| {
                    [
                        percentile(&lead, 0.5),
                        percentile(&lead, 0.8),
                        percentile(&lead, 0.95),
                    ]
                }),
                lead_samples: lead,
                arrivals: arrivals.map(|(a, b)| (*a, *b)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
