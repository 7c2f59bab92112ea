//! A log's records checked item by item of each case, in the file's order, into the history of
//! each item from received to completed: the stops (suspensions, returns) in between. A record
//! that does not fit the history so far is rejected and left out; the history goes on without it.

use std::cmp::Ordering;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{EventKind, EventLog, MAX_LISTED, Place, Reason, Rejected, Stamp};

/// Why an item's clock stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StopKind {
    /// Suspended for a special procedure until resumed (特殊程序).
    Suspension,
    /// Returned for correction until resubmitted (补正).
    Return,
}

/// A stop of an item's clock: from the suspension or return to the resumption or resubmission.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stop {
    /// Why.
    pub kind: StopKind,
    /// Suspended or returned.
    pub from: Stamp,
    /// Resumed or resubmitted.
    pub to: Stamp,
}

/// An item of a case from received to completed.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The case.
    pub case: Arc<str>,
    /// The case's project type (from its first record).
    pub project_type: Arc<str>,
    /// The item.
    pub item: Arc<str>,
    /// The department (from the received record).
    pub department: Arc<str>,
    /// Received.
    pub received: Stamp,
    /// Completed.
    pub completed: Stamp,
    /// The stops in between, in order.
    pub stops: Vec<Stop>,
}

/// A log checked: the complete histories, how many are still open, and the records left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    /// Items of cases received and completed, in the order they first appear.
    pub spans: Vec<Span>,
    /// Items received but not completed (still open when the log was taken): case, project type
    /// and when received.
    pub open: Vec<(Arc<str>, Arc<str>, Stamp)>,
    /// The first [`MAX_LISTED`] records left out (reading and checking), in the file's order.
    pub rejected: Vec<Rejected>,
    /// How many records were left out in all.
    pub rejected_count: usize,
}

struct History {
    span: Span,
    received: bool,
    last: Option<Stamp>,
    stopped: Option<(StopKind, Stamp)>,
    completed: bool,
}

/// Checks `log`. With `known`, a record whose item it does not know is rejected (an item not in
/// the scenario).
pub fn check(log: EventLog, known: Option<&dyn Fn(&str) -> bool>) -> Checked {
    let mut out = Checked {
        rejected: log.rejected,
        rejected_count: log.rejected_count,
        ..Checked::default()
    };
    let mut types: FxHashMap<Arc<str>, Arc<str>> = FxHashMap::default();
    let mut index: FxHashMap<(Arc<str>, Arc<str>), usize> = FxHashMap::default();
    let mut histories: Vec<History> = Vec::new();
    let reject = |out: &mut Checked, place: Place, case: &str, reason: Reason| {
        out.rejected_count += 1;
        if out.rejected.len() < 2 * MAX_LISTED {
            out.rejected.push(Rejected {
                place,
                case: case.to_owned(),
                reason,
            });
        }
    };
    for r in log.records {
        if let Some(known) = known
            && !known(&r.item)
        {
            let reason = Reason::UnknownItem(r.item.to_string());
            reject(&mut out, r.place, &r.case, reason);
            continue;
        }
        let project_type = types
            .entry(r.case.clone())
            .or_insert_with(|| r.project_type.clone())
            .clone();
        let key = (r.case.clone(), r.item.clone());
        let at = *index.entry(key).or_insert_with(|| {
            histories.push(History {
                span: Span {
                    case: r.case.clone(),
                    project_type,
                    item: r.item.clone(),
                    department: r.department.clone(),
                    received: r.at,
                    completed: r.at,
                    stops: Vec::new(),
                },
                received: false,
                last: None,
                stopped: None,
                completed: false,
            });
            histories.len() - 1
        });
        let h = &mut histories[at];
        match step(h, r.event, r.at) {
            Ok(()) => h.last = Some(r.at),
            Err(reason) => reject(&mut out, r.place, &r.case, reason),
        }
    }
    for h in histories {
        if h.completed {
            out.spans.push(h.span);
        } else if h.received {
            let s = h.span;
            out.open.push((s.case, s.project_type, s.received));
        }
    }
    out.rejected.sort_by(|a, b| a.place.cmp(&b.place));
    out.rejected.truncate(MAX_LISTED);
    out
}

/// The next event of an item's history, or why it does not fit.
fn step(h: &mut History, event: EventKind, at: Stamp) -> Result<(), Reason> {
    if h.completed {
        return Err(Reason::AfterCompleted(event));
    }
    if !h.received {
        if event != EventKind::Received {
            return Err(Reason::BeforeReceived(event));
        }
        h.received = true;
        h.span.received = at;
        return Ok(());
    }
    if let Some(last) = h.last
        && at.order(&last) == Ordering::Less
    {
        return Err(
            if event == EventKind::Completed && at.order(&h.span.received) == Ordering::Less {
                Reason::CompletedBeforeReceived
            } else {
                Reason::OutOfOrder
            },
        );
    }
    match event {
        EventKind::Received => return Err(Reason::ReceivedTwice),
        EventKind::Suspended | EventKind::Returned => {
            if h.stopped.is_some() {
                return Err(Reason::Overlapping(event));
            }
            let kind = if event == EventKind::Suspended {
                StopKind::Suspension
            } else {
                StopKind::Return
            };
            h.stopped = Some((kind, at));
        }
        EventKind::Resumed | EventKind::Resubmitted => {
            let kind = if event == EventKind::Resumed {
                StopKind::Suspension
            } else {
                StopKind::Return
            };
            match h.stopped {
                Some((k, from)) if k == kind => {
                    h.span.stops.push(Stop { kind, from, to: at });
                    h.stopped = None;
                }
                _ => return Err(Reason::NothingToEnd(event)),
            }
        }
        EventKind::Completed => {
            if h.stopped.is_some() {
                return Err(Reason::CompletedWhileStopped);
            }
            h.completed = true;
            h.span.completed = at;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parse_csv;
    use super::*;

    #[test]
    fn inconsistent_records_are_left_out_and_the_rest_kept() {
        let text = "case,project_type,item,department,event,time\n\
            A,h,fire,F,completed,2025-03-01\n\
            A,h,fire,F,received,2025-03-03\n\
            A,h,fire,F,suspended,2025-03-04\n\
            A,h,fire,F,suspended,2025-03-05\n\
            A,h,fire,F,resumed,2025-03-06\n\
            A,h,fire,F,completed,2025-03-02\n\
            A,h,fire,F,completed,2025-03-07\n\
            A,h,fire,F,returned,2025-03-08\n\
            B,h,plan,P,received,2025-03-03\n\
            B,h,gas,G,received,2025-03-03\n";
        let log = parse_csv(text, "l.csv").unwrap();
        let known = |i: &str| i != "gas";
        let c = check(log, Some(&known));
        assert_eq!(c.spans.len(), 1);
        assert_eq!(c.spans[0].stops.len(), 1);
        assert_eq!(c.open.len(), 1);
        assert_eq!(&*c.open[0].0, "B");
        let lines: Vec<_> = c
            .rejected
            .iter()
            .map(|r| (r.place.clone(), r.reason.clone()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (Place::Line(2), Reason::BeforeReceived(EventKind::Completed)),
                (Place::Line(5), Reason::Overlapping(EventKind::Suspended)),
                (Place::Line(7), Reason::CompletedBeforeReceived),
                (Place::Line(9), Reason::AfterCompleted(EventKind::Returned)),
                (Place::Line(11), Reason::UnknownItem("gas".into())),
            ]
        );
        assert_eq!(c.rejected_count, 5);
    }
}
