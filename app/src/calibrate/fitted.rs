//! The scenario a calibration writes (`calibrate -o fitted.toml`): the base flow's links, stages
//! and statutory limits with the log's numbers in place of the spreads and returns, each fitted
//! number carrying its provenance (`fitted: LOG, n cases, first–last date`); without a base, a
//! flow read from the log itself (one stage, the items in the order they first appear, an item
//! after another when in every case that has both it was received after the other was completed).

use std::collections::HashMap;
use std::fmt::Write as _;

use permitflow_model::event_log::Checked;
use permitflow_model::{
    DayUnit, Distribution, Draft, Format, Provenance, Returns, Scenario, WorkingDays,
    parse_scenario,
};

use super::{Calibration, ItemFit, Spread};

/// The most items a flow is read from a log for (its links compare every pair of items in a
/// case, and every triple for the links a longer path implies).
pub const MAX_INFERRED_ITEMS: usize = 300;
/// The most (item, item) pairs over all cases compared to read a flow's links from a log.
pub const MAX_PAIRS: usize = 50_000_000;

/// What fitting changed and left, for the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FitNotes {
    /// Items whose spread is kept from the base: fewer cases than a fit needs.
    pub spread_kept: Vec<String>,
    /// Items fitted (spread or returns).
    pub fitted: usize,
}

/// The provenance of a number fitted from `cases` cases of the log.
pub fn provenance(c: &Calibration, cases: usize) -> Provenance {
    let (first, last) = c.dates.map_or_else(
        || (String::new(), String::new()),
        |(a, b)| (a.to_string(), b.to_string()),
    );
    Provenance::Source(format!(
        "fitted: {}, {cases} cases, {first}–{last}",
        c.label
    ))
}

/// Rounds to hundredths (working days) or whole days (calendar days, as files count them).
fn round(v: f64, unit: DayUnit) -> f64 {
    match unit {
        DayUnit::Calendar => v.round(),
        DayUnit::Working => (v * 100.0).round() / 100.0,
    }
}

/// The spread a fit gives, in the item's unit; `None` for the empirical distribution.
fn distribution(s: &Spread, unit: DayUnit) -> Option<Distribution> {
    let w = |v: f64| WorkingDays::new(round(v, unit).max(0.0));
    let three = |min: f64, mode: f64, max: f64| {
        let (min, max) = (w(min), w(max));
        let mode = WorkingDays::new(round(mode, unit).clamp(min.get(), max.get()));
        (min, mode, max)
    };
    match *s {
        Spread::Empirical => None,
        Spread::Fixed(v) => Some(Distribution::Fixed(w(v))),
        Spread::Triangular { min, mode, max } => {
            let (min, likely, max) = three(min, mode, max);
            Some(Distribution::Triangular { min, likely, max })
        }
        Spread::Pert { min, mode, max } => {
            let (min, likely, max) = three(min, mode, max);
            Some(Distribution::Pert { min, likely, max })
        }
    }
}

/// `draft` with the fitted numbers of `c` in place of its items' spreads and returns.
pub fn apply(c: &Calibration, draft: &mut Draft) -> FitNotes {
    let mut notes = FitNotes::default();
    let fits: HashMap<&str, &ItemFit> = c.items.iter().map(|f| (f.item.as_str(), f)).collect();
    for item in &mut draft.items {
        let Some(fit) = fits
            .get(item.id.as_str())
            .or_else(|| fits.get(item.name.as_str()))
        else {
            continue;
        };
        notes.fitted += 1;
        let source = provenance(c, fit.cases);
        match distribution(&fit.spread, item.unit) {
            Some(d) => {
                item.spread = Some(d);
                item.spread_source = source.clone();
            }
            None => notes.spread_kept.push(item.id.to_string()),
        }
        let unit = item.unit;
        item.returns = Some(Returns {
            rate: (fit.return_rate * 10_000.0).round() / 10_000.0,
            correction: WorkingDays::new(round(fit.correction_mean.unwrap_or(0.0), unit)),
            rereview: fit.rereview_mean.map(|r| WorkingDays::new(round(r, unit))),
            source,
        });
    }
    notes
}

/// The fitted scenario: `base` with the log's numbers, or a flow read from the log.
pub fn fitted_draft(
    c: &Calibration,
    checked: &Checked,
    base: Option<&Scenario>,
) -> Result<(Draft, FitNotes), String> {
    let mut draft = match base {
        Some(b) => b.to_draft(),
        None => log_flow(c, checked)?,
    };
    let notes = apply(c, &mut draft);
    Ok((draft, notes))
}

/// A TOML string in double quotes.
pub(super) fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_owned()
}

/// The flow a log shows, as a scenario: one stage led by the department with the most items;
/// each item's limit its first reviews' P80 (no statutory limit is in a log); an item after
/// another (finish to start) when both appear in at least one case and, in every case with
/// both, it was received no earlier than the other was completed — with the links another
/// path already implies left out. Over [`MAX_INFERRED_ITEMS`] items, no links.
fn log_flow(c: &Calibration, checked: &Checked) -> Result<Draft, String> {
    let n = c.items.len();
    let index: HashMap<&str, usize> = c
        .items
        .iter()
        .enumerate()
        .map(|(k, f)| (f.item.as_str(), k))
        .collect();
    let after = if n <= MAX_INFERRED_ITEMS {
        precedence(checked, &index, n)
    } else {
        vec![Vec::new(); n]
    };
    let mut lead: HashMap<&str, usize> = HashMap::new();
    for f in &c.items {
        *lead.entry(f.department.as_str()).or_default() += 1;
    }
    let lead = c
        .items
        .iter()
        .map(|f| f.department.as_str())
        .max_by_key(|d| lead[d])
        .unwrap_or("department");
    let start = c
        .dates
        .map_or_else(|| "2025-01-02".to_owned(), |(a, _)| a.to_string());
    let mut t = String::new();
    let _ = writeln!(t, "version = 1");
    let _ = writeln!(t, "name = {}", quoted(&format!("Fitted from {}", c.label)));
    let _ = writeln!(t, "start = {}", quoted(&start));
    let _ = writeln!(t, "\n[[stages]]\nid = \"log\"\nlead = {}", quoted(lead));
    let ids: Vec<String> = (0..n).map(|k| format!("item{}", k + 1)).collect();
    for (k, f) in c.items.iter().enumerate() {
        let days = (2.0 * f.review_p80).ceil() / 2.0;
        let _ = writeln!(t, "\n[[items]]\nid = {}", quoted(&ids[k]));
        let _ = writeln!(t, "name = {}", quoted(&f.item));
        let _ = writeln!(t, "department = {}", quoted(&f.department));
        let _ = writeln!(t, "stage = \"log\"");
        let _ = writeln!(
            t,
            "days = {{ value = {days}, source = {} }}",
            quoted(&format!(
                "P80 of the first reviews, {}",
                provenance(c, f.cases).as_text().unwrap_or_default()
            ))
        );
        if !after[k].is_empty() {
            let list: Vec<String> = after[k].iter().map(|&p| quoted(&ids[p])).collect();
            let _ = writeln!(t, "after = [{}]", list.join(", "));
        }
    }
    let _ = writeln!(t, "\n[[regimes]]\nname = \"parallel\"\nbase = \"parallel\"");
    parse_scenario(&t, &c.label, Format::Toml)
        .map(Scenario::into_draft)
        .map_err(|e| e.to_string())
}

/// For each item, the items it follows (see [`log_flow`]), without the links a longer path
/// implies.
fn precedence(checked: &Checked, index: &HashMap<&str, usize>, n: usize) -> Vec<Vec<usize>> {
    // Per case its items' (item, received, completed), cases in first-appearance order.
    let mut cases: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, s) in checked.spans.iter().enumerate() {
        cases.entry(&*s.case).or_default().push(k);
    }
    // together[a][b]: cases with both; before[a][b]: cases where b was received after a was
    // completed.
    // Every pair of items in every case: past this much work the log gets no links rather
    // than a wait (a log of 300 items in each of 10,000 cases would be 900 million pairs).
    let pairs: usize = cases
        .values()
        .map(|v| v.len().saturating_mul(v.len()))
        .sum();
    if pairs > MAX_PAIRS {
        return vec![Vec::new(); n];
    }
    let mut together = vec![0u32; n * n];
    let mut before = vec![0u32; n * n];
    for spans in cases.values() {
        if spans.len() > MAX_INFERRED_ITEMS {
            continue;
        }
        for &x in spans {
            for &y in spans {
                let (sx, sy) = (&checked.spans[x], &checked.spans[y]);
                let (Some(&a), Some(&b)) = (index.get(&*sx.item), index.get(&*sy.item)) else {
                    continue;
                };
                if a == b {
                    continue;
                }
                together[a * n + b] += 1;
                if sy.received.order(&sx.completed).is_ge() {
                    before[a * n + b] += 1;
                }
            }
        }
    }
    let follows = |a: usize, b: usize| {
        together[a * n + b] > 0
            && before[a * n + b] == together[a * n + b]
            && before[b * n + a] == 0
    };
    // Keep a → b unless some c has a → c and c → b.
    (0..n)
        .map(|b| {
            (0..n)
                .filter(|&a| a != b && follows(a, b))
                .filter(|&a| !(0..n).any(|m| m != a && m != b && follows(a, m) && follows(m, b)))
                .collect()
        })
        .collect()
}
