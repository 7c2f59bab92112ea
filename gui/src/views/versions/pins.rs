//! The pinned versions: "Pin this version", and the list to rename or remove them.

use std::sync::Arc;

use egui::{RichText, Ui};
use permitflow_app::diff::Version;
use permitflow_i18n::tr;

use super::{Choice, Ctx, Versions};

/// A snapshot of the document: the valid scenario with its calendar and results.
#[derive(Debug)]
pub struct Pin {
    /// Its number (1, 2, …), never reused while the app runs.
    pub number: u64,
    /// The name the user gives it ("Version 1 — 16:05" until renamed).
    pub label: String,
    /// The file it was taken from.
    pub file: String,
    /// The scenario and its results.
    pub version: Arc<Version>,
}

impl Pin {
    /// Tells the names and results again when the user switched language.
    pub fn relabel(&mut self) {
        if let Some(v) = self.version.relabelled() {
            self.version = Arc::new(v);
        }
    }
}

impl Versions {
    /// Pins the document as it is now (its valid scenario); the new pin becomes side A and the
    /// current version side B, the comparison most often wanted next.
    pub fn pin(&mut self, cx: &Ctx<'_>, time: &str) {
        let number = self.next_pin;
        self.next_pin += 1;
        let label = tr!("gui-versions-default-label", n = number, time = time);
        let version = self.current(cx);
        self.pins.push(Pin {
            number,
            label,
            file: cx.doc.label.clone(),
            version,
        });
        self.a = Choice::Pin(number);
        self.b = Choice::Current;
    }

    /// The pin button and the pins, each with its name field and a remove button.
    pub(super) fn pins_ui(&mut self, ui: &mut Ui, cx: &Ctx<'_>) {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(RichText::new(tr!("gui-versions-pin")).strong())
                .on_hover_text(tr!("gui-versions-pin.tip"))
                .clicked()
            {
                let time = chrono::Local::now().format("%H:%M").to_string();
                self.pin(cx, &time);
            }
            ui.label(RichText::new(tr!("gui-versions-pins-note")).weak());
        });
        let mut remove = None;
        for (k, p) in self.pins.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.add_space(8.0);
                let r = ui.add(
                    egui::TextEdit::singleline(&mut p.label)
                        .desired_width(220.0)
                        .id_salt(("versions-pin", p.number)),
                );
                r.on_hover_text(tr!("gui-versions-rename-tip"));
                let s = &p.version.scenario;
                ui.label(
                    RichText::new(tr!(
                        "gui-versions-pin-detail",
                        file = &p.file,
                        items = s.items.len(),
                        regimes = s.regimes.len()
                    ))
                    .weak(),
                );
                if ui
                    .button(tr!("gui-versions-remove"))
                    .on_hover_text(tr!("gui-versions-remove.tip"))
                    .clicked()
                {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove {
            let gone = self.pins.remove(k).number;
            for side in [&mut self.a, &mut self.b] {
                if *side == Choice::Pin(gone) {
                    *side = Choice::Current;
                }
            }
        }
    }
}
