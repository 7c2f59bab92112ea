//! The catalogue is complete: every Fluent file parses, both languages have the same keys,
//! attributes and arguments, no key is defined twice, every key the code asks for exists, and
//! every key in the catalogue is asked for somewhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser;
use permitflow_i18n::{AREAS, Lang, sources};

/// Per key (`message` or `message.attribute`): the variables it uses.
type Keys = BTreeMap<String, BTreeSet<String>>;

fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    // An explicit stack: select expressions nest patterns.
    let mut stack: Vec<&ast::Pattern<&str>> = vec![pattern];
    while let Some(p) = stack.pop() {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                let inline = match expression {
                    ast::Expression::Select { selector, variants } => {
                        for v in variants {
                            stack.push(&v.value);
                        }
                        selector
                    }
                    ast::Expression::Inline(inline) => inline,
                };
                if let ast::InlineExpression::VariableReference { id } = inline {
                    out.insert(id.name.to_owned());
                }
            }
        }
    }
}

fn keys_of(lang: Lang) -> (Keys, Vec<String>) {
    let mut keys = Keys::new();
    let mut problems = Vec::new();
    for source in sources(lang) {
        let resource = match parser::parse(source.text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("{lang}/{}.ftl: parse error {e:?}", source.area));
                }
                r
            }
        };
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let id = m.id.name.to_owned();
            let prefix = format!("{}-", source.area);
            if !id.starts_with(&prefix) {
                problems.push(format!(
                    "{lang}/{}.ftl: key {id} does not start with {prefix}",
                    source.area
                ));
            }
            let mut entries = Vec::new();
            if let Some(value) = &m.value {
                entries.push((id.clone(), value));
            }
            for a in &m.attributes {
                entries.push((format!("{id}.{}", a.id.name), &a.value));
            }
            for (key, pattern) in entries {
                let mut vars = BTreeSet::new();
                variables(pattern, &mut vars);
                if keys.insert(key.clone(), vars).is_some() {
                    problems.push(format!("{lang}: {key} is defined twice"));
                }
            }
        }
    }
    (keys, problems)
}

#[test]
fn both_languages_have_the_same_keys_and_arguments() {
    let (en, mut problems) = keys_of(Lang::En);
    let (zh, more) = keys_of(Lang::ZhCn);
    problems.extend(more);
    for (key, vars) in &en {
        match zh.get(key) {
            None => problems.push(format!("{key} is in en but not in zh-CN")),
            Some(z) if z != vars => {
                problems.push(format!("{key} takes {vars:?} in en but {z:?} in zh-CN"))
            }
            Some(_) => {}
        }
    }
    for key in zh.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("{key} is in zh-CN but not in en"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(sources(Lang::En).len(), AREAS.len());
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            if p.is_dir() {
                if name != "target" && name != ".git" {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
}

/// The workspace's Rust sources (front ends, app, chart, model, solver, this crate).
fn workspace_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut files = Vec::new();
    for dir in [
        "src", "app", "gui", "chart", "model", "solver", "i18n", "tests", "benches",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    files
        .into_iter()
        // This file names the macro in its own code.
        .filter(|p| !p.ends_with("i18n/tests/catalogue.rs"))
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

/// The literal keys of every `tr!("…"` in `text`.
fn tr_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("tr!(") {
        let start = from + at;
        from = start + 4;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // include_str!( and the like
        }
        let trimmed = text[from..].trim_start();
        if let Some(body) = trimmed.strip_prefix('"')
            && let Some(end) = body.find('"')
        {
            keys.push(body[..end].to_owned());
        }
    }
    keys
}

#[test]
fn every_key_the_code_asks_for_exists_and_every_key_is_used() {
    let (en, _) = keys_of(Lang::En);
    let files = workspace_sources();
    let mut missing = Vec::new();
    for (path, text) in &files {
        for key in tr_keys(text) {
            if !en.contains_key(&key) {
                missing.push(format!(
                    "{}: tr!(\"{key}\") is not in the catalogue",
                    path.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // A key is used when its literal text appears in the code: through `tr!`, or in a table of
    // keys chosen at run time (e.g. one per diagnostic code), which a test then renders.
    let all: String = files
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| {
            let message = k.split('.').next().unwrap_or(k);
            !all.contains(&format!("\"{k}\"")) && !all.contains(&format!("\"{message}"))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}
