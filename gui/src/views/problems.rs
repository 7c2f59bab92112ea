//! The problems panel: why a file could not be opened, or why the last edit is not applied.

use egui::{RichText, Ui};
use permitflow_app::MAX_RENDERED;
use permitflow_i18n::tr;
use permitflow_model::Diagnostic;

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
            let shown = load_problems
                .iter()
                .chain(&cx.doc.problems)
                .take(MAX_RENDERED);
            for d in shown {
                ui.horizontal_wrapped(|ui| diagnostic(ui, cx.commands, d));
            }
            if all > MAX_RENDERED {
                ui.label(RichText::new(more_problems(all)).color(RED).strong());
            }
        });
}

fn diagnostic(ui: &mut Ui, commands: &mut Vec<Command>, d: &Diagnostic) {
    ui.label(RichText::new(d.code.as_str()).monospace().color(RED));
    if d.line.is_some() {
        ui.label(RichText::new(d.location()).monospace());
    }
    if let Some(subject) = &d.subject {
        match subject_item(subject) {
            Some(id) => {
                if ui
                    .link(subject)
                    .on_hover_text(tr!("gui-problems-show-item"))
                    .clicked()
                {
                    commands.push(Command::ShowItem(id));
                }
            }
            None => {
                ui.label(RichText::new(subject).strong());
            }
        }
    }
    ui.label(&d.message);
    if !d.help.is_empty() {
        ui.label(RichText::new(tr!("gui-problems-help", help = &d.help)).weak());
    }
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
