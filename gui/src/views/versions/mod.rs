//! The versions tab: pin the current version (a snapshot of the valid scenario with its
//! results), then put any two of the current version, a pinned one and another scenario file
//! side by side — the regimes' clocks and fees, the items' times under one regime, and what
//! changed in the model (`permitflow_app::diff`, shared with the command line).
//!
//! Pins live as long as the app runs. They survive edits and undo (a pin owns its snapshot) and
//! are kept when another file is opened: each remembers its file, so a version of one file can
//! be compared with another file.

mod pins;
mod tables;

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};
use permitflow_app::diff::{self, ItemRow, ModelChange, RegimeRow, Version};
use permitflow_i18n::{Lang, tr};

use super::Ctx;
use crate::widgets::{self, RED};

pub use pins::Pin;

/// From this width of the tab on, the model's changes are listed beside the regimes' table.
const WIDE: f32 = 1250.0;

/// One side of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The document as it is now.
    Current,
    /// A pinned version, by its number.
    Pin(u64),
    /// The scenario file opened for this side.
    File,
}

/// A side's file: the path typed, and what opening it gave (a version or why not).
#[derive(Debug, Default)]
struct FileSide {
    path: String,
    opened: Option<Result<Arc<Version>, String>>,
    /// Counts the files opened, so results follow a newly opened file.
    generation: u64,
}

/// What the tables were computed from: both sides, the regime and the language.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    a: SideKey,
    b: SideKey,
    regime: String,
    lang: Lang,
}

#[derive(Clone, Debug, PartialEq)]
enum SideKey {
    Current(u64),
    Pin(u64),
    File(u64),
}

/// The comparison's tables, for [`Key`].
#[derive(Debug)]
struct Tables {
    key: Key,
    regimes: Vec<RegimeRow>,
    items: Vec<ItemRow>,
    changes: Vec<ModelChange>,
    regimes_both: Vec<String>,
    /// A and B are the same scenario.
    same: bool,
}

/// The versions tab's state: the pins, the two sides, the regime of the item table.
#[derive(Debug)]
pub struct Versions {
    /// The pinned versions, oldest first.
    pub pins: Vec<Pin>,
    next_pin: u64,
    /// Side A.
    pub a: Choice,
    /// Side B.
    pub b: Choice,
    files: [FileSide; 2],
    /// The regime of the per-item table.
    pub regime: String,
    /// Every item in the per-item table, not only those that differ.
    pub show_all: bool,
    current: Option<(u64, Lang, Arc<Version>)>,
    tables: Option<Tables>,
}

impl Default for Versions {
    fn default() -> Self {
        Self {
            pins: Vec::new(),
            next_pin: 1,
            a: Choice::Current,
            b: Choice::Current,
            files: Default::default(),
            regime: String::new(),
            show_all: false,
            current: None,
            tables: None,
        }
    }
}

impl Versions {
    /// Draws the tab.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        egui::ScrollArea::vertical()
            .id_salt("versions-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(tr!("gui-versions-title"));
                ui.label(RichText::new(tr!("gui-versions-intro")).weak());
                ui.add_space(4.0);
                self.pins_ui(ui, cx);
                ui.separator();
                self.sides_ui(ui, cx);
                ui.separator();
                self.compare_ui(ui, cx);
            });
    }

    /// The current version, solved once per revision and language.
    fn current(&mut self, cx: &Ctx<'_>) -> Arc<Version> {
        let (rev, lang) = (cx.doc.revision(), permitflow_i18n::lang());
        match &self.current {
            Some((r, l, v)) if *r == rev && *l == lang => v.clone(),
            _ => {
                let v = Arc::new(Version::solve(
                    cx.doc.label.clone(),
                    cx.doc.valid.clone(),
                    cx.doc.calendar.clone(),
                ));
                self.current = Some((rev, lang, v.clone()));
                v
            }
        }
    }

    /// The version on one side and its key, or why there is none.
    fn side(&mut self, k: usize, cx: &Ctx<'_>) -> Result<(SideKey, Arc<Version>), String> {
        let choice = if k == 0 { self.a } else { self.b };
        match choice {
            Choice::Current => Ok((SideKey::Current(cx.doc.revision()), self.current(cx))),
            Choice::Pin(n) => {
                let pin = self.pins.iter_mut().find(|p| p.number == n);
                let pin = pin.ok_or_else(|| tr!("gui-versions-pin-gone"))?;
                pin.relabel();
                Ok((SideKey::Pin(n), pin.version.clone()))
            }
            Choice::File => {
                let f = &mut self.files[k];
                match &mut f.opened {
                    None => Err(tr!("gui-versions-no-file")),
                    Some(Err(e)) => Err(e.clone()),
                    Some(Ok(v)) => {
                        if let Some(again) = v.relabelled() {
                            *v = Arc::new(again);
                        }
                        Ok((SideKey::File(f.generation), v.clone()))
                    }
                }
            }
        }
    }

    /// Opens the file typed for side `k` through the application layer's loader (read-only).
    fn open_file(&mut self, k: usize, cx: &Ctx<'_>) {
        let f = &mut self.files[k];
        let path = PathBuf::from(f.path.trim());
        let user = crate::io::user_calendars(&cx.settings.calendar_file);
        f.generation += 1;
        f.opened = Some(if f.path.trim().is_empty() {
            Err(tr!("gui-versions-no-path"))
        } else {
            permitflow_app::load::load_with(Some(&path), None, &user)
                .map(|l| Arc::new(Version::from_loaded(l)))
                .map_err(|e| {
                    tr!(
                        "gui-versions-cannot-read",
                        file = path.display().to_string(),
                        why = crate::compute::error_text(&e)
                    )
                })
        });
    }

    /// The choosers of A and B, each with its file field when a file is chosen.
    fn sides_ui(&mut self, ui: &mut Ui, cx: &Ctx<'_>) {
        for k in 0..2 {
            ui.horizontal_wrapped(|ui| {
                let side = if k == 0 { "A" } else { "B" };
                let label = ui.label(RichText::new(tr!("gui-versions-side", side = side)).strong());
                let mut choice = if k == 0 { self.a } else { self.b };
                egui::ComboBox::from_id_salt(("versions-side", k))
                    .selected_text(self.choice_label(choice))
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut choice,
                            Choice::Current,
                            tr!("gui-versions-current"),
                        );
                        for p in &self.pins {
                            ui.selectable_value(&mut choice, Choice::Pin(p.number), &p.label)
                                .on_hover_text(&p.file);
                        }
                        ui.selectable_value(&mut choice, Choice::File, tr!("gui-versions-file"));
                    })
                    .response
                    .labelled_by(label.id);
                if k == 0 {
                    self.a = choice;
                } else {
                    self.b = choice;
                }
                if k == 1 && ui.button(tr!("gui-versions-swap")).clicked() {
                    std::mem::swap(&mut self.a, &mut self.b);
                    self.files.swap(0, 1);
                    self.tables = None;
                }
            });
            let choice = if k == 0 { self.a } else { self.b };
            if choice == Choice::File {
                self.file_ui(ui, k, cx);
            }
        }
    }

    fn file_ui(&mut self, ui: &mut Ui, k: usize, cx: &Ctx<'_>) {
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            let side = if k == 0 { "A" } else { "B" };
            let l = ui.label(tr!("gui-versions-path-label", side = side));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.files[k].path)
                        .hint_text(tr!("gui-versions-path-hint"))
                        .desired_width((ui.available_width() - 100.0).clamp(160.0, 520.0)),
                )
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr!("gui-versions-open")).clicked() || enter {
                self.open_file(k, cx);
            }
        });
        match &self.files[k].opened {
            Some(Err(e)) => {
                ui.add(egui::Label::new(RichText::new(e).color(RED)).wrap());
            }
            Some(Ok(v)) => {
                ui.label(
                    RichText::new(tr!(
                        "gui-versions-file-read",
                        file = &v.label,
                        name = &v.scenario.name,
                        items = v.scenario.items.len()
                    ))
                    .weak(),
                );
            }
            None => {}
        }
    }

    fn choice_label(&self, c: Choice) -> String {
        match c {
            Choice::Current => tr!("gui-versions-current"),
            Choice::Pin(n) => self
                .pins
                .iter()
                .find(|p| p.number == n)
                .map_or_else(|| tr!("gui-versions-pin-gone"), |p| p.label.clone()),
            Choice::File => tr!("gui-versions-file"),
        }
    }

    /// What side `k` shows, for the line above the tables: a pin's name, the file read.
    fn side_label(&self, k: usize) -> String {
        let choice = if k == 0 { self.a } else { self.b };
        match (&self.files[k].opened, choice) {
            (Some(Ok(v)), Choice::File) => v.label.clone(),
            _ => self.choice_label(choice),
        }
    }

    /// The tables of A and B, computed when the sides, the regime or the language change.
    fn compare_ui(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let (a, b) = match (self.side(0, cx), self.side(1, cx)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                ui.label(RichText::new(e).color(RED));
                return;
            }
        };
        let both = diff::common_regimes(&a.1, &b.1);
        if !both.contains(&self.regime) {
            // The regime chosen in the comparison tab when both have it, else the first.
            self.regime = both
                .iter()
                .find(|r| **r == cx.settings.regime)
                .or(both.first())
                .cloned()
                .unwrap_or_default();
        }
        let key = Key {
            a: a.0,
            b: b.0,
            regime: self.regime.clone(),
            lang: permitflow_i18n::lang(),
        };
        if self.tables.as_ref().is_none_or(|t| t.key != key) {
            self.tables = Some(Tables {
                regimes: diff::regimes(&a.1, &b.1),
                items: diff::items(&a.1, &b.1, &key.regime),
                changes: diff::changes(&a.1.scenario, &b.1.scenario),
                regimes_both: both,
                same: a.1.scenario == b.1.scenario,
                key,
            });
        }
        let t = self.tables.as_ref().expect("computed above");
        if t.same {
            ui.label(RichText::new(tr!("gui-versions-same")).strong());
        }
        ui.label(
            RichText::new(tr!(
                "gui-versions-a-b",
                a = self.side_label(0),
                b = self.side_label(1)
            ))
            .weak(),
        );
        // Wide enough: the model's changes beside the regimes, else under the items.
        let beside = ui.available_width() >= WIDE;
        if beside {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| tables::regimes(ui, &t.regimes));
                ui.add_space(24.0);
                ui.vertical(|ui| tables::changes(ui, &t.changes));
            });
        } else {
            tables::regimes(ui, &t.regimes);
        }
        ui.add_space(8.0);
        let names = t.regimes_both.clone();
        let s = &b.1.scenario;
        ui.horizontal_wrapped(|ui| {
            if names.is_empty() {
                ui.label(tr!("gui-versions-no-common-regime"));
            } else {
                widgets::regime_choice(
                    ui,
                    tr!("gui-versions-items-under"),
                    "versions-regime",
                    &mut self.regime,
                    &names,
                    s,
                );
            }
            ui.checkbox(&mut self.show_all, tr!("gui-versions-show-all"));
        });
        let t = self.tables.as_ref().expect("computed above");
        tables::items(ui, &t.items, self.show_all);
        if !beside {
            ui.add_space(8.0);
            tables::changes(ui, &t.changes);
        }
    }
}
