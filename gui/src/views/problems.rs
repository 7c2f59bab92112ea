//! The problems panel: why a file could not be opened, or why the last edit is not applied.
//! The problems of an edit name items, groups, stages, departments, regimes and measures by
//! their names in the current language, as the rest of the app does; the ids are on hover.

use std::collections::HashMap;

use egui::{RichText, Ui};
use permitflow_app::MAX_RENDERED;
use permitflow_i18n::tr;
use permitflow_model::{Diagnostic, Draft};

use super::Ctx;
use crate::command::Command;
use crate::widgets::RED;

/// Draws the problems of a file that could not be opened and of the last edit.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>, load_problems: &[Diagnostic]) {
    if !load_problems.is_empty() {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(tr!("gui-problems-not-opened"))
                    .color(RED)
                    .strong(),
            );
            if ui.button(tr!("gui-dismiss")).clicked() {
                cx.push(Command::DismissLoadProblems);
            }
        });
    }
    if !cx.doc.problems.is_empty() {
        ui.label(
            RichText::new(tr!("gui-problems-invalid-edit"))
                .color(RED)
                .strong(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // The first ones, as the command line shows them: a file with 100,000 bad rows
            // stays quick to draw.
            let all = load_problems.len() + cx.doc.problems.len();
            // A file that could not be opened is not the draft: its problems keep its ids.
            let none = HashMap::new();
            let named = if cx.doc.problems.is_empty() {
                HashMap::new()
            } else {
                names(&cx.doc.draft)
            };
            let shown = load_problems
                .iter()
                .map(|d| (d, &none))
                .chain(cx.doc.problems.iter().map(|d| (d, &named)))
                .take(MAX_RENDERED);
            for (d, names) in shown {
                ui.horizontal_wrapped(|ui| diagnostic(ui, cx.commands, d, names));
            }
            if all > MAX_RENDERED {
                ui.label(RichText::new(more_problems(all)).color(RED).strong());
            }
        });
}

fn diagnostic(
    ui: &mut Ui,
    commands: &mut Vec<Command>,
    d: &Diagnostic,
    names: &HashMap<String, String>,
) {
    ui.label(RichText::new(d.code.as_str()).monospace().color(RED));
    if d.line.is_some() {
        ui.label(RichText::new(d.location()).monospace());
    }
    if let Some(subject) = &d.subject {
        let (shown, ids) = with_names(subject, names);
        match subject_item(subject) {
            Some(id) => {
                let tip = id_tips(&ids) + &tr!("gui-problems-show-item");
                if ui.link(shown).on_hover_text(tip).clicked() {
                    commands.push(Command::ShowItem(id));
                }
            }
            None => {
                let r = ui.label(RichText::new(shown).strong());
                if !ids.is_empty() {
                    r.on_hover_text(id_tips(&ids));
                }
            }
        }
    }
    let (message, ids) = with_names(&d.message, names);
    let r = ui.label(message);
    if !ids.is_empty() {
        r.on_hover_text(id_tips(&ids));
    }
    if !d.help.is_empty() {
        ui.label(RichText::new(tr!("gui-problems-help", help = &d.help)).weak());
    }
}

/// The names people read for the ids of `s` a problem may mention, in the current language:
/// items, joint groups, stages, departments, regimes and measures (those whose name is their
/// id left out).
fn names(s: &Draft) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut add = |id: &str, name: String| {
        if name != id && !name.is_empty() {
            out.entry(id.to_owned()).or_insert(name);
        }
    };
    for it in &s.items {
        add(it.id.as_str(), it.name.clone());
        add(
            it.department.as_str(),
            s.department_label(&it.department).to_owned(),
        );
    }
    for g in &s.joint_groups {
        add(g.id.as_str(), g.name.clone());
    }
    for st in &s.stages {
        add(st.id.as_str(), st.name.clone());
    }
    for r in &s.regimes {
        add(r.name.as_str(), s.regime_label(&r.name));
        for m in &r.measures {
            add(m.as_str(), s.measure_label(m));
        }
    }
    for m in &s.measures {
        add(m.id.as_str(), s.measure_label(&m.id));
    }
    out
}

/// `text` with each `` `id` `` that `names` knows shown as its name in quotes, and the ids so
/// replaced (for the hover), in order, each once.
fn with_names(text: &str, names: &HashMap<String, String>) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut ids: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        let id = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..open]);
        match names.get(id) {
            Some(name) => {
                out.push_str(&tr!("gui-problems-named", name = name.as_str()));
                if !ids.iter().any(|k| k == id) {
                    ids.push(id.to_owned());
                }
            }
            None => out.push_str(&rest[open..open + len + 2]),
        }
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    (out, ids)
}

/// "id: x" lines, one per id.
fn id_tips(ids: &[String]) -> String {
    ids.iter()
        .map(|id| tr!("gui-id-tip", id = id.as_str()) + "\n")
        .collect()
}

/// The line after the problems shown when there are more.
fn more_problems(all: usize) -> String {
    tr!(
        "gui-problems-more",
        more = all - MAX_RENDERED,
        all = all,
        shown = MAX_RENDERED
    )
}

/// `item `x`` → `x` (`事项 `x`` in Chinese: the word before the id is the language's).
fn subject_item(subject: &str) -> Option<String> {
    let (word, rest) = subject.split_once('`')?;
    let item_words = ["item", "事项", "审批事项"];
    if !item_words.contains(&word.trim()) {
        return None;
    }
    Some(rest.split('`').next()?.to_owned())
}
