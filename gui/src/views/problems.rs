//! The problems panel: why a file could not be opened, or why the last edit is not applied.

use egui::{RichText, Ui};
use permitflow_model::Diagnostic;

use super::Ctx;
use crate::command::Command;
use crate::widgets::RED;

/// Draws the problems of a file that could not be opened and of the last edit.
pub fn ui(ui: &mut Ui, cx: &mut Ctx<'_>, load_problems: &[Diagnostic]) {
    if !load_problems.is_empty() {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(
                    "The file could not be opened; the scenario shown is still the previous one.",
                )
                .color(RED)
                .strong(),
            );
            if ui.button("Dismiss").clicked() {
                cx.push(Command::DismissLoadProblems);
            }
        });
    }
    if !cx.doc.problems.is_empty() {
        ui.label(
            RichText::new("The last edit makes the scenario invalid: the schedules show the last valid scenario. Fix the value or undo.")
                .color(RED)
                .strong(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for d in load_problems.iter().chain(&cx.doc.problems) {
                ui.horizontal_wrapped(|ui| diagnostic(ui, cx.commands, d));
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
                    .on_hover_text("show this item in the time limits")
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
        ui.label(RichText::new(format!("help: {}", d.help)).weak());
    }
}

/// `item `x`` → `x`.
fn subject_item(subject: &str) -> Option<String> {
    let rest = subject.strip_prefix("item `")?;
    Some(rest.split('`').next()?.to_owned())
}
