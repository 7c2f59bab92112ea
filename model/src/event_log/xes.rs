//! The XES event log (IEEE 1849), as PM4Py and process-mining modules write it, read as a stream
//! (quick-xml; no tree of the document is built). A trace is a case: its `concept:name` the case,
//! its `project_type` attribute the project type. An event is one record: its `concept:name` the
//! item, `time:timestamp` the time, `department`, `org:group` or `org:resource` (in that order)
//! the department, and what happened from `permitflow:event` or `event` (our names, English or
//! Chinese) or else `lifecycle:transition`: `start` received, `suspend` suspended, `resume`
//! resumed, `complete` completed, and the custom values `returned` and `resubmitted`.

use permitflow_i18n::tr;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rustc_hash::FxHashSet;

use super::csv_log::{too_many_items, too_many_records};
use super::{EventKind, EventLog, MAX_ITEMS, MAX_RECORDS, Place, Reason, Record, Stamp};
use crate::diag::line_col;
use crate::{Code, Diagnostic};

/// What happened, from a lifecycle transition or one of our event names.
fn transition(value: &str) -> Option<EventKind> {
    match value.trim().to_ascii_lowercase().as_str() {
        "start" => Some(EventKind::Received),
        "suspend" => Some(EventKind::Suspended),
        "resume" => Some(EventKind::Resumed),
        "complete" => Some(EventKind::Completed),
        _ => EventKind::parse(value),
    }
}

/// One event's attributes as read.
#[derive(Default)]
struct Pending {
    item: Option<String>,
    time: Option<String>,
    ours: Option<String>,
    lifecycle: Option<String>,
    department: [Option<String>; 3],
}

/// A trace being read: its case, its project type and its events so far (with their positions).
type OpenTrace = (Option<String>, String, Vec<(usize, Pending)>);

/// Reads an XES log. `file` names it in messages.
pub fn parse_xes(text: &str, file: &str) -> Result<EventLog, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(Code::Empty, file, tr!("model-log-empty")));
    }
    let mut reader = Reader::from_str(text);
    let mut log = EventLog::default();
    let mut items: FxHashSet<std::sync::Arc<str>> = FxHashSet::default();
    let mut names = super::Names::default();
    let (mut traces, mut events) = (0usize, 0usize);
    let mut root_seen = false;
    // Inside a trace: its case and type, and its events until the trace ends.
    let mut trace: Option<OpenTrace> = None;
    let mut event: Option<Pending> = None;
    // Depth of attribute elements (lists, containers) being skipped inside a trace or event.
    let mut nested = 0usize;
    let syntax = |reader: &Reader<&[u8]>, message: String| {
        let at = usize::try_from(reader.error_position())
            .unwrap_or(0)
            .min(text.len());
        let (line, column) = line_col(text, at);
        Diagnostic::new(Code::Syntax, file, message).at_line_col(line, column)
    };
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                return Err(syntax(&reader, tr!("model-log-xml", error = e.to_string()))
                    .help(tr!("model-log-xes.help")));
            }
        };
        let (start, empty) = match &ev {
            Event::Start(s) => (Some(s), false),
            Event::Empty(s) => (Some(s), true),
            Event::End(e) => {
                let name = e.local_name();
                if nested > 0 {
                    nested -= 1;
                } else if name.as_ref() == b"event" {
                    if let (Some(p), Some(t)) = (event.take(), trace.as_mut()) {
                        t.2.push((t.2.len() + 1, p));
                    }
                } else if name.as_ref() == b"trace"
                    && let Some((case, project_type, evs)) = trace.take()
                {
                    let case = case.unwrap_or_default();
                    for (position, p) in evs {
                        let place = Place::Event {
                            trace: traces,
                            event: position,
                        };
                        if let Some(r) =
                            record(p, place, (&case, &project_type), &mut names, &mut log)
                        {
                            if !items.contains(&r.item) {
                                if items.len() >= MAX_ITEMS {
                                    return Err(too_many_items(file));
                                }
                                items.insert(r.item.clone());
                            }
                            log.records.push(r);
                        }
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let Some(s) = start else { continue };
        let name = s.local_name();
        if !root_seen {
            if name.as_ref() != b"log" {
                let found = String::from_utf8_lossy(name.as_ref()).into_owned();
                return Err(syntax(&reader, tr!("model-log-not-xes", found = found))
                    .help(tr!("model-log-xes.help")));
            }
            root_seen = true;
            continue;
        }
        if nested > 0 {
            if !empty {
                nested += 1;
            }
            continue;
        }
        match name.as_ref() {
            b"trace" if trace.is_none() && !empty => {
                traces += 1;
                trace = Some((None, String::new(), Vec::new()));
            }
            b"event" if trace.is_some() && event.is_none() => {
                events += 1;
                if events > MAX_RECORDS {
                    return Err(too_many_records(file));
                }
                let p = Pending::default();
                if empty {
                    if let Some(t) = trace.as_mut() {
                        t.2.push((t.2.len() + 1, p));
                    }
                } else {
                    event = Some(p);
                }
            }
            _ if trace.is_some() => {
                let (key, value) = key_value(s, &reader);
                if let (Some(key), Some(value)) = (key, value) {
                    if let Some(p) = event.as_mut() {
                        match key.as_str() {
                            "concept:name" => p.item = Some(value),
                            "time:timestamp" => p.time = Some(value),
                            "permitflow:event" => p.ours = Some(value),
                            "event" if p.ours.is_none() => p.ours = Some(value),
                            "lifecycle:transition" => p.lifecycle = Some(value),
                            "department" => p.department[0] = Some(value),
                            "org:group" => p.department[1] = Some(value),
                            "org:resource" => p.department[2] = Some(value),
                            _ => {}
                        }
                    } else if let Some(t) = trace.as_mut() {
                        match key.as_str() {
                            "concept:name" => t.0 = Some(value),
                            "project_type" | "permitflow:project_type" => t.1 = value,
                            _ => {}
                        }
                    }
                }
                if !empty {
                    nested += 1;
                }
            }
            // Extensions, globals and classifiers: nothing a record needs.
            _ => {}
        }
    }
    if !root_seen {
        return Err(Diagnostic::new(Code::Empty, file, tr!("model-log-empty"))
            .help(tr!("model-log-xes.help")));
    }
    Ok(log)
}

fn key_value(s: &BytesStart<'_>, reader: &Reader<&[u8]>) -> (Option<String>, Option<String>) {
    let (mut key, mut value) = (None, None);
    for a in s.attributes().flatten() {
        let v = a
            .decode_and_unescape_value(reader.decoder())
            .map(|v| v.trim().to_owned())
            .ok();
        match a.key.as_ref() {
            b"key" => key = v,
            b"value" => value = v,
            _ => {}
        }
    }
    (key, value)
}

/// The record an event makes, or why it cannot be one (noted in `log`).
fn record(
    p: Pending,
    place: Place,
    (case, project_type): (&str, &str),
    names: &mut super::Names,
    log: &mut EventLog,
) -> Option<Record> {
    let mut reject = |reason| {
        log.reject(place.clone(), case, reason);
        None
    };
    if case.is_empty() {
        return reject(Reason::Missing("case"));
    }
    let Some(item) = p.item.filter(|i| !i.is_empty()) else {
        return reject(Reason::Missing("item"));
    };
    let Some(what) = p.ours.or(p.lifecycle) else {
        return reject(Reason::Missing("event"));
    };
    let Some(kind) = transition(&what) else {
        return reject(Reason::UnknownEvent(what));
    };
    let Some(time) = p.time else {
        return reject(Reason::Missing("time"));
    };
    let at = match Stamp::parse(&time) {
        Ok(at) => at,
        Err(reason) => return reject(reason),
    };
    let [d0, d1, d2] = p.department;
    Some(Record {
        place,
        case: names.get(case),
        project_type: names.get(project_type),
        item: names.get(&item),
        department: names.get(&d0.or(d1).or(d2).unwrap_or_default()),
        event: kind,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016">
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <trace>
    <string key="concept:name" value="C1"/>
    <string key="project_type" value="housing"/>
    <event>
      <string key="concept:name" value="fire"/>
      <string key="lifecycle:transition" value="start"/>
      <string key="org:group" value="Fire"/>
      <date key="time:timestamp" value="2025-03-03T09:00:00.000+08:00"/>
    </event>
    <event>
      <string key="concept:name" value="fire"/>
      <string key="lifecycle:transition" value="schedule"/>
      <date key="time:timestamp" value="2025-03-04T09:00:00+08:00"/>
    </event>
    <event>
      <string key="concept:name" value="fire"/>
      <string key="event" value="办结"/>
      <list key="notes"><string key="concept:name" value="not the item"/></list>
      <date key="time:timestamp" value="2025-03-05T16:00:00+08:00"/>
    </event>
  </trace>
</log>"#;

    #[test]
    fn reads_traces_as_cases_and_events_as_records() {
        let log = parse_xes(LOG, "l.xes").unwrap();
        assert_eq!(log.records.len(), 2);
        let r = &log.records[1];
        assert_eq!(
            (&*r.case, &*r.project_type, &*r.item),
            ("C1", "housing", "fire")
        );
        assert_eq!(r.event, EventKind::Completed);
        assert!(r.at.afternoon());
        assert_eq!(&*log.records[0].department, "Fire");
        assert_eq!(log.rejected_count, 1);
        assert_eq!(log.rejected[0].place, Place::Event { trace: 1, event: 2 });
        assert_eq!(log.rejected[0].case, "C1");
    }

    #[test]
    fn broken_or_foreign_xml_is_an_error_with_its_place() {
        let d = parse_xes("<log><trace><event></trace></log>", "l.xes").unwrap_err();
        assert_eq!(d.code, Code::Syntax);
        let d = parse_xes("<html></html>", "l.xes").unwrap_err();
        assert_eq!(d.code, Code::Syntax);
        assert_eq!(parse_xes("  ", "l.xes").unwrap_err().code, Code::Empty);
    }
}
