//! The declared measures of the authoring tab: each with its kind, one sentence on what it does
//! to the flow, its `when` condition, and the parameters of the reform's measures —
//! parallel advance's hard gates, tolerance acceptance's lag and deadline, agent service's items,
//! factor, set times and return-rate factor, notification-commitment's items and verification
//! (days, deadline, failure rate). Every change is one undoable edit of the measure.

use std::collections::BTreeMap;

use egui::{RichText, Ui, WidgetInfo};
use permitflow_app::edit::{Edit, RulesEdit};
use permitflow_i18n::tr;
use permitflow_model::{
    Draft, ItemId, Measure, MeasureDef, StageId, ToleranceLink, Verification, WorkingDays,
};

use super::{Author, number_text, parse_optional};
use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{TapLabel, days_drag, half_days};

/// The kind's name and the sentence saying what it does, in the current language.
pub fn explain(m: &Measure) -> (String, String) {
    match m {
        Measure::JointReview { .. } => (
            tr!("gui-mkind-joint-review"),
            tr!("gui-mexplain-joint-review"),
        ),
        Measure::NotificationCommitment { .. } => {
            (tr!("gui-mkind-commitment"), tr!("gui-mexplain-commitment"))
        }
        Measure::ToleranceAcceptance { .. } => {
            (tr!("gui-mkind-tolerance"), tr!("gui-mexplain-tolerance"))
        }
        Measure::TimeLimitCompression { .. } => (
            tr!("gui-mkind-compression"),
            tr!("gui-mexplain-compression"),
        ),
        Measure::MergedStages { .. } => (tr!("gui-mkind-merged"), tr!("gui-mexplain-merged")),
        Measure::OnlineSubmission => (tr!("gui-mkind-online"), tr!("gui-mexplain-online")),
        Measure::ParallelAdvance { .. } => (tr!("gui-mkind-advance"), tr!("gui-mexplain-advance")),
        Measure::AgentService { .. } => (tr!("gui-mkind-agent"), tr!("gui-mexplain-agent")),
        Measure::RegionalAssessment { .. } => {
            (tr!("gui-mkind-regional"), tr!("gui-mexplain-regional"))
        }
    }
}

/// Item ids typed as a list: separated by commas, semicolons, spaces or `、`.
fn parse_ids(text: &str) -> Vec<ItemId> {
    text.split(|c: char| c == ',' || c == ';' || c == '、' || c == '，' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(ItemId::new)
        .collect()
}

fn ids_text(ids: &[ItemId]) -> String {
    ids.iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `item = days` pairs typed as a list (`scheme_design = 4, survey = 2`).
fn parse_days(text: &str) -> Result<BTreeMap<ItemId, WorkingDays>, String> {
    let mut out = BTreeMap::new();
    for part in text
        .split([',', ';', '，'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (id, d) = part
            .split_once('=')
            .ok_or_else(|| tr!("gui-measure-days-syntax", text = part))?;
        let d: f64 = d
            .trim()
            .parse()
            .map_err(|_| tr!("gui-not-a-number", text = d.trim()))?;
        out.insert(ItemId::new(id.trim()), WorkingDays::new(d));
    }
    Ok(out)
}

fn days_text(days: &BTreeMap<ItemId, WorkingDays>) -> String {
    days.iter()
        .map(|(i, d)| format!("{i} = {d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A days field that reports its change; `drag` when it is being dragged.
fn days_field(ui: &mut Ui, v: &mut f64, lowest: f64, label: String) -> Option<bool> {
    let r = ui.add(days_drag(v, lowest));
    let value = *v;
    r.widget_info(|| WidgetInfo::drag_value(true, value).tap_label(label.clone()));
    if r.changed() {
        if r.dragged() {
            *v = half_days(*v);
        }
        Some(r.dragged())
    } else {
        None
    }
}

impl Author {
    pub(super) fn measures(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let draft = &cx.doc.draft;
        if draft.measures.is_empty() {
            ui.label(RichText::new(tr!("gui-author-measures-none")).weak());
            return;
        }
        let mut out: Vec<(Measure, &MeasureDef, bool)> = Vec::new();
        let mut commands: Vec<Command> = Vec::new();
        for def in &draft.measures {
            let (kind, sentence) = explain(&def.measure);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(draft.measure_label(&def.id)).strong())
                    .on_hover_text(tr!("gui-id-tip", id = def.id.as_str()));
                ui.label(format!("({kind})"));
                ui.label(tr!("gui-measure-when"));
                let current = draft
                    .rules
                    .measures
                    .get(&def.id)
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                let key = format!("measure-when:{}", def.id);
                let label = tr!("gui-measure-when-of", measure = def.id.as_str());
                if let Some(when) = self.when_field(ui, &key, &current, label, draft) {
                    commands.push(Command::Edit(
                        Edit::Rules(RulesEdit::MeasureWhen {
                            measure: def.id.clone(),
                            when,
                        }),
                        false,
                    ));
                }
            });
            // Wrapped at the visible width (the tab scrolls sideways for the wide tables).
            let width = (ui.clip_rect().width() - 40.0).clamp(300.0, 900.0);
            ui.scope(|ui| {
                ui.set_max_width(width);
                ui.add(egui::Label::new(RichText::new(sentence).weak()).wrap());
            });
            ui.indent(("measure-params", def.id.as_str()), |ui| {
                if let Some((m, drag)) = self.params(ui, draft, def, &mut commands) {
                    out.push((m, def, drag));
                }
            });
            ui.add_space(6.0);
        }
        for (measure, def, drag) in out {
            commands.push(Command::Edit(
                Edit::Rules(RulesEdit::Measure {
                    id: def.id.clone(),
                    measure,
                }),
                drag,
            ));
        }
        for c in commands {
            cx.push(c);
        }
    }

    /// The measure's parameters; the measure as changed, and whether by a drag.
    fn params(
        &mut self,
        ui: &mut Ui,
        draft: &Draft,
        def: &MeasureDef,
        commands: &mut Vec<Command>,
    ) -> Option<(Measure, bool)> {
        let id = def.id.as_str();
        match &def.measure {
            Measure::ParallelAdvance { hard_gates } => {
                let mut changed = None;
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr!("gui-measure-hard-gates"))
                        .on_hover_text(tr!("gui-measure-hard-gates.tip"));
                    let n = draft.stages.len();
                    for st in draft.stages.iter().take(n.saturating_sub(1)) {
                        let was = hard_gates.contains(&st.id);
                        let mut on = was;
                        let name = if st.name.is_empty() {
                            st.id.to_string()
                        } else {
                            st.name.clone()
                        };
                        let label = tr!(
                            "gui-measure-hard-gate-of",
                            stage = st.id.as_str(),
                            measure = id
                        );
                        let r = ui.checkbox(&mut on, name);
                        r.widget_info(|| {
                            WidgetInfo::selected(egui::Role::CheckBox, true, on, label.clone())
                        });
                        if on != was {
                            let gates: Vec<StageId> = draft
                                .stages
                                .iter()
                                .filter(|s| {
                                    if s.id == st.id {
                                        on
                                    } else {
                                        hard_gates.contains(&s.id)
                                    }
                                })
                                .map(|s| s.id.clone())
                                .collect();
                            changed = Some(Measure::ParallelAdvance { hard_gates: gates });
                        }
                    }
                });
                changed.map(|m| (m, false))
            }
            Measure::ToleranceAcceptance { links } => {
                let mut changed = None;
                for (j, l) in links.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        let pair = format!("{} → {}", l.from, l.to);
                        ui.label(RichText::new(&pair).monospace());
                        ui.label(tr!("gui-measure-lag"));
                        let mut lag = l.lag.get();
                        let label = tr!("gui-measure-lag-of", link = pair.as_str(), measure = id);
                        let drag = days_field(ui, &mut lag, -1000.0, label);
                        ui.label(tr!("gui-measure-deadline"))
                            .on_hover_text(tr!("gui-measure-deadline.tip"));
                        let current = number_text(l.deadline.map(|d| d.get()));
                        let label = tr!(
                            "gui-measure-deadline-of",
                            link = pair.as_str(),
                            measure = id
                        );
                        let key = format!("measure-deadline:{id}:{j}");
                        let deadline = self.commit_field(ui, &key, &current, label, 56.0);
                        let mut next: Vec<ToleranceLink> = links.clone();
                        if let Some(d) = drag {
                            next[j].lag = WorkingDays::new(lag);
                            changed = Some((Measure::ToleranceAcceptance { links: next }, d));
                        } else if let Some(t) = deadline {
                            match parse_optional(&t) {
                                Ok(v) => {
                                    next[j].deadline = v.map(WorkingDays::new);
                                    changed =
                                        Some((Measure::ToleranceAcceptance { links: next }, false));
                                }
                                Err(e) => commands.push(Command::Status(e)),
                            }
                        }
                    });
                }
                changed
            }
            Measure::AgentService {
                items,
                factor,
                days,
                returns_factor,
            } => self.agent(ui, id, items, *factor, days, *returns_factor, commands),
            Measure::NotificationCommitment {
                items,
                days,
                verification,
            } => self.commitment(ui, id, items, *days, verification.as_ref()),
            Measure::RegionalAssessment {
                drop,
                commit,
                days,
                verification,
            } => self.regional(ui, id, drop, commit, *days, verification.as_ref()),
            _ => None,
        }
    }

    /// An optional factor (empty: none) applied on Enter; a number that does not read is said in
    /// the status line and changes nothing.
    fn factor_field(
        &mut self,
        ui: &mut Ui,
        key: &str,
        current: Option<f64>,
        label: String,
        commands: &mut Vec<Command>,
    ) -> Option<Option<f64>> {
        let text = current.map(|f| f.to_string()).unwrap_or_default();
        let typed = self.commit_field(ui, key, &text, label, 56.0)?;
        parse_optional(&typed)
            .map_err(|e| commands.push(Command::Status(e)))
            .ok()
    }

    #[allow(clippy::too_many_arguments)]
    fn agent(
        &mut self,
        ui: &mut Ui,
        id: &str,
        items: &[ItemId],
        factor: Option<f64>,
        days: &BTreeMap<ItemId, WorkingDays>,
        returns_factor: Option<f64>,
        commands: &mut Vec<Command>,
    ) -> Option<(Measure, bool)> {
        let mut next = (items.to_vec(), factor, days.clone(), returns_factor);
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("gui-measure-items"))
                .on_hover_text(tr!("gui-measure-agent-items-tip"));
            let label = tr!("gui-measure-items-of", measure = id);
            if let Some(t) = self.commit_field(
                ui,
                &format!("measure-items:{id}"),
                &ids_text(items),
                label,
                220.0,
            ) {
                next.0 = parse_ids(&t);
                changed = true;
            }
            ui.label(tr!("gui-measure-factor"))
                .on_hover_text(tr!("gui-measure-factor.tip"));
            let label = tr!("gui-measure-factor-of", measure = id);
            let key = format!("measure-factor:{id}");
            if let Some(v) = self.factor_field(ui, &key, factor, label, commands) {
                next.1 = v;
                changed = true;
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("gui-measure-set-days"))
                .on_hover_text(tr!("gui-measure-set-days.tip"));
            let label = tr!("gui-measure-set-days-of", measure = id);
            if let Some(t) = self.commit_field(
                ui,
                &format!("measure-days:{id}"),
                &days_text(days),
                label,
                220.0,
            ) {
                match parse_days(&t) {
                    Ok(d) => {
                        next.2 = d;
                        changed = true;
                    }
                    Err(e) => commands.push(Command::Status(e)),
                }
            }
            ui.label(tr!("gui-measure-returns-factor"))
                .on_hover_text(tr!("gui-measure-returns-factor.tip"));
            let label = tr!("gui-measure-returns-factor-of", measure = id);
            let key = format!("measure-returns:{id}");
            if let Some(v) = self.factor_field(ui, &key, returns_factor, label, commands) {
                next.3 = v;
                changed = true;
            }
        });
        changed.then_some((
            Measure::AgentService {
                items: next.0,
                factor: next.1,
                days: next.2,
                returns_factor: next.3,
            },
            false,
        ))
    }

    fn commitment(
        &mut self,
        ui: &mut Ui,
        id: &str,
        items: &[ItemId],
        days: WorkingDays,
        verification: Option<&Verification>,
    ) -> Option<(Measure, bool)> {
        let mut items_next = items.to_vec();
        let mut days_next = days.get();
        let mut v_next = verification.cloned();
        let mut changed: Option<bool> = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("gui-measure-items"))
                .on_hover_text(tr!("gui-measure-commit-items-tip"));
            let label = tr!("gui-measure-items-of", measure = id);
            if let Some(t) = self.commit_field(
                ui,
                &format!("measure-items:{id}"),
                &ids_text(items),
                label,
                220.0,
            ) {
                items_next = parse_ids(&t);
                changed = Some(false);
            }
            ui.label(tr!("gui-measure-filing-days"))
                .on_hover_text(tr!("gui-measure-filing-days.tip"));
            let label = tr!("gui-measure-filing-days-of", measure = id);
            if let Some(d) = days_field(ui, &mut days_next, 0.0, label) {
                changed = Some(d);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let mut on = v_next.is_some();
            let label = tr!("gui-measure-verification-of", measure = id);
            let r = ui
                .checkbox(&mut on, tr!("gui-measure-verification"))
                .on_hover_text(tr!("gui-measure-verification.tip"));
            r.widget_info(|| WidgetInfo::selected(egui::Role::CheckBox, true, on, label.clone()));
            if on != v_next.is_some() {
                v_next = on.then(|| Verification {
                    days: WorkingDays::new(5.0),
                    deadline: WorkingDays::new(20.0),
                    failure_rate: 0.0,
                });
                changed = Some(false);
            }
            if let Some(v) = v_next.as_mut() {
                ui.label(tr!("gui-measure-verify-days"));
                let mut d = v.days.get();
                let label = tr!("gui-measure-verify-days-of", measure = id);
                if let Some(drag) = days_field(ui, &mut d, 0.0, label) {
                    v.days = WorkingDays::new(d);
                    changed = Some(drag);
                }
                ui.label(tr!("gui-measure-verify-deadline"))
                    .on_hover_text(tr!("gui-measure-verify-deadline.tip"));
                let mut d = v.deadline.get();
                let label = tr!("gui-measure-verify-deadline-of", measure = id);
                if let Some(drag) = days_field(ui, &mut d, 0.0, label) {
                    v.deadline = WorkingDays::new(d);
                    changed = Some(drag);
                }
                ui.label(tr!("gui-measure-failure-rate"))
                    .on_hover_text(tr!("gui-measure-failure-rate.tip"));
                let mut pct = v.failure_rate * 100.0;
                let r = ui.add(
                    egui::DragValue::new(&mut pct)
                        .range(0.0..=99.0)
                        .speed(0.5)
                        .max_decimals(1)
                        .suffix(" %"),
                );
                let label = tr!("gui-measure-failure-rate-of", measure = id);
                r.widget_info(|| WidgetInfo::drag_value(true, pct).tap_label(label.clone()));
                if r.changed() {
                    v.failure_rate = (pct / 100.0).clamp(0.0, 0.99);
                    changed = Some(r.dragged());
                }
            }
        });
        changed.map(|drag| {
            (
                Measure::NotificationCommitment {
                    items: items_next,
                    days: WorkingDays::new(days_next),
                    verification: v_next,
                },
                drag,
            )
        })
    }

    /// Regional assessment: the assessments the area's own covers (left out), then the items
    /// granted on commitment with their filing and verification, as notification-commitment's.
    fn regional(
        &mut self,
        ui: &mut Ui,
        id: &str,
        drop: &[ItemId],
        commit: &[ItemId],
        days: WorkingDays,
        verification: Option<&Verification>,
    ) -> Option<(Measure, bool)> {
        let mut drop_next = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("gui-measure-drop-items"))
                .on_hover_text(tr!("gui-measure-drop-items.tip"));
            let label = tr!("gui-measure-drop-items-of", measure = id);
            let key = format!("measure-drop:{id}");
            if let Some(t) = self.commit_field(ui, &key, &ids_text(drop), label, 220.0) {
                drop_next = Some(parse_ids(&t));
            }
        });
        let committed = self.commitment(ui, id, commit, days, verification);
        if drop_next.is_none() && committed.is_none() {
            return None;
        }
        let (commit, days, verification, drag) = match committed {
            Some((
                Measure::NotificationCommitment {
                    items,
                    days,
                    verification,
                },
                drag,
            )) => (items, days, verification, drag),
            _ => (commit.to_vec(), days, verification.cloned(), false),
        };
        let drop = drop_next.unwrap_or_else(|| drop.to_vec());
        let m = Measure::RegionalAssessment {
            drop,
            commit,
            days,
            verification,
        };
        Some((m, drag))
    }
}
