//! The smaller parts of the authoring tab: departments (renamed everywhere), regimes (a base
//! mode composed with measures) and targets.

use permitflow_i18n::tr;
use std::collections::BTreeMap;

use egui::{RichText, Role, Ui, WidgetInfo};
use permitflow_app::edit::{Author as AuthorEdit, Edit};
use permitflow_model::{BaseMode, Draft, MeasureId, Provenance, RegimeName, Target, WorkingDays};

use super::{Author, small};
use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{TapLabel, days_drag};

/// Measures every scenario can use without declaring them.
const BUILT_IN: [&str; 3] = ["joint_review", "online_submission", "parallel_advance"];

/// The fields of a new regime.
#[derive(Debug)]
pub(super) struct NewRegime {
    name: String,
    base: BaseMode,
    measures: Vec<MeasureId>,
}

impl Default for NewRegime {
    fn default() -> Self {
        Self {
            name: String::new(),
            base: BaseMode::Parallel,
            measures: Vec::new(),
        }
    }
}

/// The fields of a new target.
#[derive(Debug)]
pub(super) struct NewTarget {
    regime: String,
    days: f64,
    /// The regime was just added: it is in the draft from the next frame on.
    fresh: bool,
}

impl Default for NewTarget {
    fn default() -> Self {
        Self {
            regime: String::new(),
            days: 60.0,
            fresh: false,
        }
    }
}

/// The measures a regime may name: the declared ones, then the built-in ones.
fn measures(s: &Draft) -> Vec<MeasureId> {
    let mut out: Vec<MeasureId> = s.measures.iter().map(|m| m.id.clone()).collect();
    for b in BUILT_IN {
        if !out.iter().any(|m| m.as_str() == b) {
            out.push(MeasureId::new(b));
        }
    }
    out
}

fn base_choice(ui: &mut Ui, salt: &str, base: &mut BaseMode, label: String) {
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(base.name())
        .show_ui(ui, |ui| {
            ui.selectable_value(base, BaseMode::Serial, "serial")
                .on_hover_text(tr!("gui-base-serial-tip"));
            ui.selectable_value(base, BaseMode::Parallel, "parallel")
                .on_hover_text(tr!("gui-base-parallel-tip"));
        })
        .response;
    r.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, &label));
}

impl Author {
    pub(super) fn departments(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let s = &cx.doc.draft;
        // Each department with how many items and stages name it.
        let mut uses: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for i in &s.items {
            uses.entry(i.department.as_str()).or_default().0 += 1;
        }
        for st in &s.stages {
            uses.entry(st.lead.as_str()).or_default().1 += 1;
        }
        let mut edits = Vec::new();
        ui.label(RichText::new(tr!("gui-departments-note")).weak());
        egui::Grid::new("author-departments")
            .striped(true)
            .show(ui, |ui| {
                ui.strong(tr!("gui-departments-col-name"));
                ui.strong(tr!("gui-author-items"));
                ui.strong(tr!("gui-departments-col-leads"));
                ui.end_row();
                for (d, (items, stages)) in uses {
                    let key = format!("dept:{d}");
                    if let Some(to) =
                        self.commit_field(ui, &key, d, tr!("gui-department-field", name = d), 300.0)
                    {
                        edits.push(AuthorEdit::RenameDepartment {
                            from: d.to_owned(),
                            to,
                        });
                    }
                    ui.label(items.to_string());
                    ui.label(stages.to_string());
                    ui.end_row();
                }
            });
        for e in edits {
            cx.push(Command::Edit(Edit::Author(e), false));
        }
    }

    pub(super) fn regimes(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let s = &cx.doc.draft;
        let all = measures(s);
        let mut edits = Vec::new();
        let mut remove = None;
        egui::Grid::new("author-regimes")
            .striped(true)
            .show(ui, |ui| {
                ui.strong(tr!("gui-regimes-col-name"));
                ui.strong(tr!("gui-regimes-col-base"));
                ui.strong(tr!("gui-regimes-col-measures"));
                ui.strong("");
                ui.end_row();
                for r in &s.regimes {
                    let name = r.name.as_str();
                    if let Some(to) = self.commit_field(
                        ui,
                        &format!("regime:{name}"),
                        name,
                        tr!("gui-regime-name-of", regime = name),
                        120.0,
                    ) {
                        edits.push(Edit::Author(AuthorEdit::RenameRegime {
                            regime: r.name.clone(),
                            to: RegimeName::new(to),
                        }));
                    }
                    let mut base = r.base;
                    base_choice(
                        ui,
                        &format!("regime-base:{name}"),
                        &mut base,
                        tr!("gui-regime-base-of", regime = name),
                    );
                    if base != r.base {
                        edits.push(Edit::Author(AuthorEdit::RegimeBase {
                            regime: r.name.clone(),
                            base,
                        }));
                    }
                    ui.horizontal(|ui| {
                        for m in &all {
                            let was = r.measures.contains(m);
                            let mut on = was;
                            let resp = ui
                                .checkbox(&mut on, m.as_str())
                                .on_hover_text(s.measure_label(m));
                            let label = tr!("gui-measure-in", measure = m.as_str(), regime = name);
                            resp.widget_info(|| {
                                WidgetInfo::selected(Role::CheckBox, true, on, &label)
                            });
                            if on != was {
                                edits.push(Edit::Measure {
                                    regime: name.to_owned(),
                                    measure: m.clone(),
                                    on,
                                });
                            }
                        }
                    });
                    if small(ui, "×", tr!("gui-regime-remove", regime = name)) {
                        remove = Some(AuthorEdit::RemoveRegime {
                            regime: r.name.clone(),
                        });
                    }
                    ui.end_row();
                }
            });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("gui-new-regime"));
            ui.add(egui::TextEdit::singleline(&mut self.regime.name).desired_width(120.0))
                .labelled_by(l.id);
            base_choice(
                ui,
                "new-regime-base",
                &mut self.regime.base,
                tr!("gui-new-regime-base"),
            );
            for m in &all {
                let mut on = self.regime.measures.contains(m);
                let resp = ui
                    .checkbox(&mut on, m.as_str())
                    .on_hover_text(s.measure_label(m));
                let label = tr!("gui-new-regime-measure", measure = m.as_str());
                resp.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, on, &label));
                self.regime.measures.retain(|x| x != m);
                if on {
                    self.regime.measures.push(m.clone());
                }
            }
            let name = self.regime.name.trim().to_owned();
            let why = if name.is_empty() {
                Some(tr!("gui-type-name"))
            } else if s.regime(&name).is_some() {
                Some(tr!("gui-regime-exists", regime = name.as_str()))
            } else {
                None
            };
            let add = ui.add_enabled(why.is_none(), egui::Button::new(tr!("gui-add-regime")));
            if let Some(w) = &why {
                ui.label(RichText::new(w).weak());
            }
            if add.clicked() {
                edits.push(Edit::Author(AuthorEdit::AddRegime {
                    name: RegimeName::new(name),
                    base: self.regime.base,
                    measures: std::mem::take(&mut self.regime.measures),
                }));
                // A new target is most likely for the regime just added.
                self.target.regime = std::mem::take(&mut self.regime.name);
                self.target.fresh = true;
            }
        });
        for e in edits {
            cx.push(Command::Edit(e, false));
        }
        if let Some(r) = remove {
            self.remove(cx, r);
        }
    }

    pub(super) fn targets(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let s = &cx.doc.draft;
        let mut edits = Vec::new();
        egui::Grid::new("author-targets")
            .striped(true)
            .show(ui, |ui| {
                for h in [
                    tr!("gui-targets-col-target"),
                    tr!("gui-targets-col-regime"),
                    tr!("gui-targets-col-bound"),
                    String::new(),
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for (k, t) in s.targets.iter().enumerate() {
                    ui.label(&t.name);
                    ui.label(s.regime_label(&t.regime));
                    ui.label(bounds(t));
                    if small(ui, "×", tr!("gui-target-remove", name = &t.name)) {
                        edits.push(AuthorEdit::RemoveTarget { index: k });
                    }
                    ui.end_row();
                }
            });
        let regimes: Vec<String> = s.regimes.iter().map(|r| r.name.to_string()).collect();
        if std::mem::take(&mut self.target.fresh) {
            // Added this frame: applied after it.
        } else if !regimes.contains(&self.target.regime) {
            self.target.regime = regimes.last().cloned().unwrap_or_default();
        }
        ui.horizontal_wrapped(|ui| {
            crate::widgets::regime_choice(
                ui,
                tr!("gui-new-target-regime"),
                "new-target-regime",
                &mut self.target.regime,
                &regimes,
                &cx.doc.draft,
            );
            ui.label(tr!("gui-at-most"));
            let r = ui.add(days_drag(&mut self.target.days, 0.0));
            r.widget_info(|| {
                WidgetInfo::drag_value(true, self.target.days).tap_label(tr!("gui-new-target-days"))
            });
            ui.label(tr!("gui-working-days"));
            let add = ui.add_enabled(
                !self.target.regime.is_empty(),
                egui::Button::new(tr!("gui-add-target")),
            );
            if add.clicked() {
                let days = WorkingDays::new(self.target.days);
                edits.push(AuthorEdit::AddTarget(Target {
                    name: tr!(
                        "gui-new-target-name",
                        regime = self.target.regime.as_str(),
                        days = days.to_string()
                    ),
                    regime: RegimeName::new(self.target.regime.as_str()),
                    days: Some(days),
                    days_min: None,
                    measure: permitflow_model::DayMeasure::WorkingDays,
                    trips: None,
                    forms: None,
                    materials: None,
                    departments: None,
                    stage: None,
                    exact: false,
                    source: Provenance::Unspecified,
                }));
            }
        });
        for e in edits {
            cx.push(Command::Edit(Edit::Author(e), false));
        }
    }
}

/// A target's bounds: `≤ 60 working days, ≤ 4 trips`, `= 36.5 working days`.
fn bounds(t: &Target) -> String {
    let op = if t.exact { "=" } else { "≤" };
    let mut parts = Vec::new();
    if let Some(d) = t.days {
        parts.push(tr!("gui-bound-days", op = op, n = d.to_string()));
    }
    for (v, unit) in [
        (t.trips, tr!("gui-col-trips")),
        (t.forms, tr!("gui-col-forms")),
        (t.materials, tr!("gui-bound-documents")),
        (t.departments, tr!("gui-col-departments")),
    ] {
        if let Some(v) = v {
            parts.push(tr!("gui-bound-count", op = op, n = v, what = unit));
        }
    }
    let mut text = parts.join(tr!("gui-list-sep").as_str());
    if let Some(st) = &t.stage {
        text.push_str(&tr!("gui-bound-stage", stage = st.as_str()));
    }
    text
}
