//! The JUnit XML report of a batch run, in the shape Jenkins (the xunit plugin's `junit-10.xsd`)
//! and GitLab read: one test suite per scenario file, one test case per target (or per regime
//! without targets: its schedule), with `time`, `timestamp` and `skipped`.

use std::path::{Component, Path};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Case, FileResult};

/// Seconds as JUnit writes them: three decimals, no exponent.
fn time(seconds: f64) -> String {
    format!("{:.3}", seconds.max(0.0))
}

/// A test case's class name for a scenario file: its path without the extension, folders as
/// packages (`scenarios/social-investment-housing.toml` → `scenarios.social-investment-housing`).
/// Jenkins splits a class name at its last dot into package and class, so an extension would
/// become the class (`toml`): the extension is dropped and dots inside a name become `_`.
pub fn classname(file: &str) -> String {
    let path = Path::new(file);
    let stem = if path.extension().is_some() {
        path.with_extension("")
    } else {
        path.to_path_buf()
    };
    let parts: Vec<String> = stem
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().replace('.', "_")),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        file.replace('.', "_")
    } else {
        parts.join(".")
    }
}

/// The JUnit XML report: one test suite per scenario file, one test case per target.
pub fn junit(results: &[FileResult]) -> Result<Vec<u8>, String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let io = |e: std::io::Error| e.to_string();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    let count = |cases: &mut dyn Iterator<Item = &Case>, f: &dyn Fn(&Case) -> bool| {
        cases.filter(|c| f(c)).count().to_string()
    };
    let all = || results.iter().flat_map(|r| &r.cases);
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "permitflow"));
    root.push_attribute(("tests", count(&mut all(), &|_| true).as_str()));
    root.push_attribute((
        "failures",
        count(&mut all(), &|c| c.failure.is_some()).as_str(),
    ));
    root.push_attribute(("errors", count(&mut all(), &|c| c.error.is_some()).as_str()));
    // The files run on several cores: this is the time spent on them, not the wall clock.
    let total: f64 = results.iter().map(|r| r.seconds).sum();
    root.push_attribute(("time", time(total).as_str()));
    w.write_event(Event::Start(root)).map_err(io)?;
    for r in results {
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", r.file.as_str()));
        suite.push_attribute(("tests", r.cases.len().to_string().as_str()));
        let cases = || r.cases.iter();
        suite.push_attribute((
            "failures",
            count(&mut cases(), &|c| c.failure.is_some()).as_str(),
        ));
        suite.push_attribute((
            "errors",
            count(&mut cases(), &|c| c.error.is_some()).as_str(),
        ));
        suite.push_attribute((
            "skipped",
            count(&mut cases(), &|c| c.skipped.is_some()).as_str(),
        ));
        suite.push_attribute(("time", time(r.seconds).as_str()));
        suite.push_attribute(("timestamp", r.timestamp.as_str()));
        w.write_event(Event::Start(suite)).map_err(io)?;
        if !r.properties.is_empty() {
            w.write_event(Event::Start(BytesStart::new("properties")))
                .map_err(io)?;
            for (name, value) in &r.properties {
                let mut p = BytesStart::new("property");
                p.push_attribute(("name", name.as_str()));
                p.push_attribute(("value", value.as_str()));
                w.write_event(Event::Empty(p)).map_err(io)?;
            }
            w.write_event(Event::End(BytesEnd::new("properties")))
                .map_err(io)?;
        }
        let class = classname(&r.file);
        for c in &r.cases {
            let mut case = BytesStart::new("testcase");
            case.push_attribute(("classname", class.as_str()));
            case.push_attribute(("name", c.name.as_str()));
            case.push_attribute(("time", time(c.seconds).as_str()));
            let (tag, text) = match (&c.failure, &c.error, &c.skipped) {
                (_, Some(e), _) => ("error", e),
                (Some(f), None, _) => ("failure", f),
                (None, None, Some(s)) => ("skipped", s),
                (None, None, None) => {
                    let Some(note) = &c.note else {
                        w.write_event(Event::Empty(case)).map_err(io)?;
                        continue;
                    };
                    // A passed case with something to know (the calendar warning).
                    w.write_event(Event::Start(case)).map_err(io)?;
                    w.write_event(Event::Start(BytesStart::new("system-out")))
                        .map_err(io)?;
                    w.write_event(Event::Text(BytesText::new(note)))
                        .map_err(io)?;
                    w.write_event(Event::End(BytesEnd::new("system-out")))
                        .map_err(io)?;
                    w.write_event(Event::End(BytesEnd::new("testcase")))
                        .map_err(io)?;
                    continue;
                }
            };
            w.write_event(Event::Start(case)).map_err(io)?;
            let mut el = BytesStart::new(tag);
            el.push_attribute(("message", text.lines().next().unwrap_or("")));
            if tag == "skipped" {
                w.write_event(Event::Empty(el)).map_err(io)?;
            } else {
                w.write_event(Event::Start(el)).map_err(io)?;
                w.write_event(Event::Text(BytesText::new(text)))
                    .map_err(io)?;
                w.write_event(Event::End(BytesEnd::new(tag))).map_err(io)?;
            }
            w.write_event(Event::End(BytesEnd::new("testcase")))
                .map_err(io)?;
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))
            .map_err(io)?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))
        .map_err(io)?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_have_no_extension_and_folders_as_packages() {
        assert_eq!(
            classname("scenarios/social-investment-housing.toml"),
            "scenarios.social-investment-housing"
        );
        assert_eq!(classname("./lib/v1.2/a.b.json"), "lib.v1_2.a_b");
        assert_eq!(classname("/tmp/x/items.csv"), "tmp.x.items");
        assert_eq!(classname("plain"), "plain");
        assert!(!classname("../up.toml").contains(".."));
    }
}
