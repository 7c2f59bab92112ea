//! Adopting the numbers fitted from an event log: one undoable edit that gives each measured
//! item its fitted spread and returns with their provenance, undone and redone exactly.

use std::sync::Arc;

use permitflow_model::event_log::{check, parse_csv};
use permitflow_model::{Distribution, Provenance, Returns, WorkingDays};

use super::{Document, Edit};
use crate::calibrate::{Spread, measure_log};
use crate::load::{UserCalendars, load_default_with};

/// `fire_design` received Mon 3 March 2025 and completed Tue 4 (2 working days), Wed 5 (3),
/// Thu 6 (4), Fri 7 (5), Mon 10 (6): mean 4, triangular 2/4/6, none returned. `project_filing`
/// in two cases only: too few to fit a spread, but its returns (none) are measured.
fn log() -> String {
    let mut text = String::from("case,project_type,item,department,event,time\n");
    for (i, done) in ["04", "05", "06", "07", "10"].iter().enumerate() {
        text += &format!("C{i},t,fire_design,F,received,2025-03-03\n");
        text += &format!("C{i},t,fire_design,F,completed,2025-03-{done}\n");
    }
    for i in 0..2 {
        text += &format!("C{i},t,project_filing,D,received,2025-03-03\n");
        text += &format!("C{i},t,project_filing,D,completed,2025-03-03\n");
    }
    text
}

#[test]
fn adopting_a_fit_is_one_undo_step_that_redo_restores_exactly() {
    let loaded = load_default_with(&UserCalendars::default()).expect("the default scenario");
    let checked = check(parse_csv(&log(), "city.csv").expect("parsed"), None);
    let c = measure_log(
        "city.csv".into(),
        &checked,
        &loaded.calendar,
        Some(&loaded.scenario),
    );
    let fire = c.items.iter().find(|i| i.item == "fire_design").unwrap();
    assert_eq!(
        fire.spread,
        Spread::Triangular {
            min: 2.0,
            mode: 4.0,
            max: 6.0
        }
    );
    assert_eq!(fire.reviews, [2.0, 3.0, 4.0, 5.0, 6.0]);
    let mut doc = Document::new(
        loaded.label.clone(),
        None,
        loaded.scenario.clone(),
        loaded.calendar.clone(),
    );
    let before = doc.draft.clone();
    let revision = doc.revision();
    doc.apply(&Edit::AdoptFit(Arc::new(c)), false);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_ne!(doc.revision(), revision);
    let item = |d: &Document, id: &str| {
        d.draft
            .items
            .iter()
            .find(|i| i.id.as_str() == id)
            .cloned()
            .unwrap()
    };
    let w = WorkingDays::new;
    let source = |n: usize| {
        Provenance::Source(format!(
            "fitted: city.csv, {n} cases, 2025-03-03–2025-03-10"
        ))
    };
    let fitted = item(&doc, "fire_design");
    assert_eq!(
        fitted.spread,
        Some(Distribution::Triangular {
            min: w(2.0),
            likely: w(4.0),
            max: w(6.0)
        })
    );
    assert_eq!(fitted.spread_source, source(5));
    assert_eq!(
        fitted.returns,
        Some(Returns {
            rate: 0.0,
            correction: w(0.0),
            rereview: None,
            source: source(5),
        })
    );
    // Two cases: the spread stays as it was, the returns are the log's.
    let filing = item(&doc, "project_filing");
    let old = before
        .items
        .iter()
        .find(|i| i.id.as_str() == "project_filing")
        .unwrap();
    assert_eq!(
        (&filing.spread, &filing.spread_source),
        (&old.spread, &old.spread_source)
    );
    assert_eq!(filing.returns.as_ref().unwrap().source, source(2));
    // Items the log does not have are untouched.
    let others = |d: &permitflow_model::Draft| {
        d.items
            .iter()
            .filter(|i| !["fire_design", "project_filing"].contains(&i.id.as_str()))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(others(&doc.draft), others(&before));
    let after = doc.draft.clone();
    // One undo takes all of it back; a second has nothing left.
    assert!(doc.undo());
    assert_eq!(doc.draft, before);
    assert!(!doc.can_undo());
    assert!(doc.redo());
    assert_eq!(doc.draft, after);
    assert_eq!(item(&doc, "fire_design").spread_source, source(5));
}
