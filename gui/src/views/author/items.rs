//! The items table of the authoring tab: id, name in Chinese and English, stage, department,
//! kind, clock, limit and its unit, floor, cost, fee, materials, spread and predecessors; a row
//! to add one.

use crate::glossary::{self, Term};
use egui::{RichText, Ui, WidgetInfo};
use permitflow_app::edit::{
    Author as AuthorEdit, Edit, ItemNumber, ItemText, after_text, item_names, materials_text,
    parse_spread, set_after, spread_text,
};
use permitflow_i18n::tr;
use permitflow_model::{Draft, Item, ItemId, ItemKind, StageId};

use super::{Author, live_field, number_text, parse_optional, small, small_if};
use crate::command::Command;
use crate::views::Ctx;
use crate::widgets::{TapLabel, choice, clock_choice, days_drag, half_days, unit_choice};

/// The fields of a new item.
#[derive(Debug)]
pub(super) struct NewItem {
    id: String,
    department: String,
    days: f64,
    stage: String,
    /// The stage was just added: it is in the draft from the next frame on.
    fresh: bool,
}

impl NewItem {
    /// The stage new items go into.
    pub(super) fn set_stage(&mut self, stage: &str) {
        self.stage = stage.to_owned();
        self.fresh = true;
    }
}

impl Default for NewItem {
    fn default() -> Self {
        Self {
            id: String::new(),
            department: String::new(),
            days: 5.0,
            stage: String::new(),
            fresh: false,
        }
    }
}

/// Where a row sits and what it is drawn against.
struct Row<'a> {
    k: usize,
    n: usize,
    stages: &'a [String],
    draft: &'a Draft,
    /// The attribute values in use leave the item out.
    out: bool,
}

/// Items drawn at once.
const PAGE: usize = 40;

/// The columns' keys in the catalogue (empty: no heading); each has a `.tip` saying what the
/// column holds.
const HEADERS: [&str; 18] = [
    "gui-item-col-move",
    "gui-item-col-id",
    "gui-item-col-zh",
    "gui-item-col-en",
    "gui-item-col-stage",
    "gui-item-col-department",
    "gui-item-col-kind",
    "gui-item-col-clock",
    "gui-item-col-limit",
    "gui-item-col-unit",
    "gui-item-col-floor",
    "gui-item-col-cost",
    "gui-item-col-fee",
    "gui-item-col-materials",
    "gui-item-col-spread",
    "gui-item-col-after",
    "gui-item-col-when",
    "",
];

impl Author {
    pub(super) fn items(&mut self, ui: &mut Ui, cx: &mut Ctx<'_>) {
        let doc = cx.doc;
        let stages: Vec<String> = doc.draft.stages.iter().map(|s| s.id.to_string()).collect();
        let mut edits: Vec<Edit> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        let mut remove = None;
        // A page of rows at a time, so a scenario of hundreds of items draws as fast as one of
        // a few (every row is a dozen widgets).
        let shown = crate::widgets::items_matching(&doc.draft.items, &self.item_filter);
        let pages = shown.len().div_ceil(PAGE).max(1);
        self.item_page = self.item_page.min(pages - 1);
        ui.horizontal(|ui| {
            let l = ui.label(tr!("gui-items-show"));
            ui.add(
                egui::TextEdit::singleline(&mut self.item_filter)
                    .hint_text(tr!("gui-filter-hint"))
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
            if pages > 1 {
                if ui
                    .add_enabled(
                        self.item_page > 0,
                        egui::Button::new(tr!("gui-items-previous")),
                    )
                    .clicked()
                {
                    self.item_page -= 1;
                }
                ui.label(tr!(
                    "gui-items-page",
                    first = self.item_page * PAGE + 1,
                    last = ((self.item_page + 1) * PAGE).min(shown.len()),
                    all = shown.len()
                ));
                if ui
                    .add_enabled(
                        self.item_page + 1 < pages,
                        egui::Button::new(tr!("gui-items-next")),
                    )
                    .clicked()
                {
                    self.item_page += 1;
                }
            }
        });
        let page: Vec<usize> = shown
            .iter()
            .copied()
            .skip(self.item_page * PAGE)
            .take(PAGE)
            .collect();
        egui::Grid::new("author-items")
            .striped(true)
            .num_columns(HEADERS.len())
            .show(ui, |ui| {
                for key in HEADERS {
                    if key.is_empty() {
                        ui.label("");
                        continue;
                    }
                    let tip = permitflow_i18n::message(&format!("{key}.tip"), &[]);
                    let text = permitflow_i18n::message(key, &[]);
                    // The planner's terms carry the glossary's explanation after the column's.
                    let term = match key {
                        "gui-item-col-floor" => Some(Term::Floor),
                        "gui-item-col-cost" => Some(Term::Cost),
                        "gui-item-col-limit" => Some(Term::Limit),
                        "gui-item-col-fee" => Some(Term::Fee),
                        "gui-item-col-stage" => Some(Term::Stage),
                        "gui-item-col-unit" => Some(Term::CalendarDay),
                        _ => None,
                    };
                    match term {
                        Some(t) => glossary::heading(ui, t, text).on_hover_text(tip),
                        None => ui.strong(text).on_hover_text(tip),
                    };
                }
                ui.end_row();
                let n = doc.draft.items.len();
                for k in page {
                    let it = &doc.draft.items[k];
                    // An item the attribute values leave out is greyed (its condition on hover
                    // of its `when` cell).
                    let out = doc.dropped.contains(&it.id);
                    let row = Row {
                        k,
                        n,
                        stages: &stages,
                        draft: &doc.draft,
                        out,
                    };
                    if out {
                        ui.visuals_mut().override_text_color = Some(egui::Color32::GRAY);
                    }
                    self.item_row(ui, it, &row, &mut edits, &mut problems, &mut remove);
                    ui.visuals_mut().override_text_color = None;
                    ui.end_row();
                }
            });
        self.new_item_row(ui, cx, &stages, &mut edits);
        for e in edits {
            cx.push(Command::Edit(e, true));
        }
        for p in problems {
            cx.push(Command::Status(p));
        }
        if let Some(r) = remove {
            self.remove(cx, r);
        }
    }

    fn item_row(
        &mut self,
        ui: &mut Ui,
        it: &Item,
        row: &Row<'_>,
        edits: &mut Vec<Edit>,
        problems: &mut Vec<String>,
        remove: &mut Option<AuthorEdit>,
    ) {
        let (k, n, stages) = (row.k, row.n, row.stages);
        let id = &it.id;
        let author = |a: AuthorEdit| Edit::Author(a);
        ui.horizontal(|ui| {
            if small_if(ui, k > 0, "↑", tr!("gui-item-up", id = id.as_str())) {
                edits.push(author(AuthorEdit::MoveItem {
                    item: id.clone(),
                    up: true,
                }));
            }
            if small_if(ui, k + 1 < n, "↓", tr!("gui-item-down", id = id.as_str())) {
                edits.push(author(AuthorEdit::MoveItem {
                    item: id.clone(),
                    up: false,
                }));
            }
        });
        if let Some(to) = self.commit_field(
            ui,
            &format!("item-id:{id}"),
            id.as_str(),
            tr!("gui-item-id-of", id = id.as_str()),
            150.0,
        ) {
            edits.push(author(AuthorEdit::RenameItem {
                item: id.clone(),
                to: ItemId::new(to),
            }));
        }
        let (zh, en) = item_names(row.draft, it);
        for (field, current, what, width) in [
            (
                ItemText::NameZh,
                zh.as_str(),
                tr!("gui-item-zh-of", id = id.as_str()),
                150.0,
            ),
            (
                ItemText::NameEn,
                en.as_str(),
                tr!("gui-item-en-of", id = id.as_str()),
                220.0,
            ),
        ] {
            let salt = format!("item-{field:?}:{id}");
            if let Some(text) = live_field(ui, &salt, current, what, width) {
                edits.push(author(AuthorEdit::ItemText {
                    item: id.clone(),
                    field,
                    text,
                }));
            }
        }
        let mut stage = it.stage.to_string();
        let shown = |st: &str| stage_name(row.draft, st);
        choice(ui, &format!("item-stage:{id}"), &mut stage, stages, &shown).widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::ComboBox,
                true,
                tr!("gui-item-stage-of", id = id.as_str()),
            )
        });
        if stage != it.stage.as_str() {
            edits.push(author(AuthorEdit::ItemStage {
                item: id.clone(),
                stage: StageId::new(stage),
            }));
        }
        if let Some(text) = live_field(
            ui,
            &format!("item-dept:{id}"),
            it.department.as_str(),
            tr!("gui-item-department-of", id = id.as_str()),
            200.0,
        ) {
            edits.push(author(AuthorEdit::ItemText {
                item: id.clone(),
                field: ItemText::Department,
                text,
            }));
        }
        let mut kind = it.kind;
        egui::ComboBox::from_id_salt(format!("item-kind:{id}"))
            .selected_text(kind_label(kind))
            .show_ui(ui, |ui| {
                for k in ItemKind::ALL {
                    ui.selectable_value(&mut kind, k, kind_label(k))
                        .on_hover_text(k.name());
                }
            })
            .response
            .widget_info(|| {
                WidgetInfo::labeled(
                    egui::Role::ComboBox,
                    true,
                    tr!("gui-item-kind-of", id = id.as_str()),
                )
            });
        if kind != it.kind {
            edits.push(author(AuthorEdit::ItemKind {
                item: id.clone(),
                kind,
            }));
        }
        let mut clock = it.clock;
        let label = tr!("gui-item-clock-of", id = id.as_str());
        if clock_choice(ui, format!("item-clock:{id}"), &mut clock, &label) {
            edits.push(author(AuthorEdit::ItemClock {
                item: id.clone(),
                clock,
            }));
        }
        let mut days = it.days.value.get();
        let r = ui.add(days_drag(&mut days, 0.0));
        r.widget_info(|| {
            WidgetInfo::drag_value(true, days).tap_label(tr!("gui-item-limit-of", id = id.as_str()))
        });
        if r.changed() {
            let days = if r.dragged() { half_days(days) } else { days };
            edits.push(Edit::Days {
                item: id.clone(),
                days,
            });
        }
        let mut unit = it.unit;
        let label = tr!("gui-item-unit-of", id = id.as_str());
        if unit_choice(ui, format!("item-unit:{id}"), &mut unit, &label) {
            edits.push(author(AuthorEdit::ItemUnit {
                item: id.clone(),
                unit,
            }));
        }
        let numbers = [
            (
                ItemNumber::Floor,
                it.floor.as_ref().map(|f| f.value.get()),
                "floor",
                tr!("gui-item-floor-of", id = id.as_str()),
            ),
            (
                ItemNumber::Cost,
                it.cost,
                "cost",
                tr!("gui-item-cost-of", id = id.as_str()),
            ),
            (
                ItemNumber::Fee,
                it.fee.as_ref().map(|f| f.value),
                "fee",
                tr!("gui-item-fee-of", id = id.as_str()),
            ),
        ];
        for (field, value, what, label) in numbers {
            let current = number_text(value);
            let key = format!("item-{what}:{id}");
            if let Some(text) = self.commit_field(ui, &key, &current, label.clone(), 56.0) {
                match parse_optional(&text) {
                    Ok(value) => edits.push(author(AuthorEdit::ItemNumber {
                        item: id.clone(),
                        field,
                        value,
                    })),
                    Err(e) => problems.push(format!("{label}: {e}")),
                }
            }
        }
        let current = materials_text(&it.materials);
        let key = format!("item-materials:{id}");
        if let Some(text) = self.commit_field(
            ui,
            &key,
            &current,
            tr!("gui-item-materials-of", id = id.as_str()),
            160.0,
        ) {
            edits.push(author(AuthorEdit::ItemText {
                item: id.clone(),
                field: ItemText::Materials,
                text,
            }));
        }
        let current = spread_text(it.spread.as_ref());
        if let Some(text) = self.commit_field(
            ui,
            &format!("item-spread:{id}"),
            &current,
            tr!("gui-item-spread-of", id = id.as_str()),
            110.0,
        ) {
            match parse_spread(&text) {
                Ok(spread) => edits.push(author(AuthorEdit::ItemSpread {
                    item: id.clone(),
                    spread,
                })),
                Err(e) => problems.push(format!(
                    "{}: {e}",
                    tr!("gui-item-spread-of", id = id.as_str())
                )),
            }
        }
        self.after_cell(ui, it, row.draft, edits, problems);
        self.item_when_cell(ui, it, row.draft, row.out, edits);
        if small(ui, "×", tr!("gui-item-remove", id = id.as_str())) {
            *remove = Some(AuthorEdit::RemoveItem { item: id.clone() });
        }
    }

    fn after_cell(
        &mut self,
        ui: &mut Ui,
        it: &Item,
        draft: &Draft,
        edits: &mut Vec<Edit>,
        problems: &mut Vec<String>,
    ) {
        let current = after_text(draft, &it.id);
        let key = format!("item-after:{}", it.id);
        if let Some(text) = self.commit_field(
            ui,
            &key,
            &current,
            tr!("gui-item-after-of", id = it.id.as_str()),
            200.0,
        ) {
            match set_after(draft, &it.id, &text) {
                Ok(e) => edits.push(e),
                Err(e) => problems.push(format!(
                    "{}: {e}",
                    tr!("gui-item-after-of", id = it.id.as_str())
                )),
            }
        }
    }

    fn new_item_row(
        &mut self,
        ui: &mut Ui,
        cx: &mut Ctx<'_>,
        stages: &[String],
        edits: &mut Vec<Edit>,
    ) {
        let doc = cx.doc;
        if std::mem::take(&mut self.item.fresh) {
            // Added this frame: applied after it.
        } else if !stages.contains(&self.item.stage) {
            self.item.stage = stages.last().cloned().unwrap_or_default();
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("gui-new-item-id"));
            ui.add(egui::TextEdit::singleline(&mut self.item.id).desired_width(140.0))
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-stage"));
            let shown = |st: &str| stage_name(&doc.draft, st);
            choice(ui, "new-item-stage", &mut self.item.stage, stages, &shown).labelled_by(l.id);
            let l = ui.label(tr!("gui-new-item-department"));
            ui.add(egui::TextEdit::singleline(&mut self.item.department).desired_width(180.0))
                .labelled_by(l.id);
            let l = ui.label(tr!("gui-new-item-limit"));
            ui.add(days_drag(&mut self.item.days, 0.0))
                .labelled_by(l.id);
            let id = self.item.id.trim().to_owned();
            let why = if id.is_empty() {
                Some(tr!("gui-type-id"))
            } else if doc.draft.item(&ItemId::new(id.as_str())).is_some() {
                Some(tr!("gui-item-exists", id = id.as_str()))
            } else if self.item.stage.is_empty() {
                Some(tr!("gui-add-stage-first"))
            } else {
                None
            };
            let add = ui.add_enabled(why.is_none(), egui::Button::new(tr!("gui-add-item")));
            if let Some(w) = &why {
                ui.label(RichText::new(w).weak());
            }
            if add.clicked() {
                let department = match self.item.department.trim() {
                    "" => tr!("gui-default-department"),
                    d => d.to_owned(),
                };
                edits.push(Edit::Author(AuthorEdit::AddItem {
                    id: ItemId::new(id),
                    stage: StageId::new(self.item.stage.as_str()),
                    department,
                    days: self.item.days,
                }));
                self.item.id.clear();
            }
        });
    }
}

/// An item kind's name for people, in the current language (the file's word on hover).
fn kind_label(k: ItemKind) -> String {
    match k {
        ItemKind::Review => tr!("gui-item-kind-review"),
        ItemKind::Filing => tr!("gui-item-kind-filing"),
        ItemKind::ApplicantWork => tr!("gui-item-kind-applicant"),
        ItemKind::UtilityService => tr!("gui-item-kind-utility"),
    }
}

/// A stage's name for people (its id when it has none).
fn stage_name(s: &Draft, id: &str) -> String {
    s.stages
        .iter()
        .find(|st| st.id.as_str() == id)
        .map(|st| st.name.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.to_owned())
}
