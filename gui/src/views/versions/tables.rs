//! The tables of the versions tab: per regime the clocks and fees of A and B and B − A; per
//! item under one regime its limit, start, finish, float and critical mark; the model's changes.

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};
use permitflow_app::diff::{Action, Figures, ItemRow, ItemTimes, ModelChange, RegimeRow, Slot};
use permitflow_app::rows::{signed, yuan};
use permitflow_i18n::{Lang, tr};
use permitflow_model::WorkingDays;

use crate::widgets::{self, AMBER, GREEN, RED, cell};

/// Green when B is lower (sooner, shorter, cheaper), red when higher, grey when equal.
fn tone(delta: f64) -> Color32 {
    if delta < 0.0 {
        GREEN
    } else if delta > 0.0 {
        RED
    } else {
        Color32::GRAY
    }
}

fn wd(d: WorkingDays) -> String {
    tr!("gui-versions-wd", days = d.to_string())
}

fn wd_signed(d: WorkingDays) -> String {
    tr!("gui-versions-wd", days = signed(d))
}

fn cd(n: i64) -> String {
    tr!("gui-versions-cd", days = n)
}

fn cd_signed(n: i64) -> String {
    let text = if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    };
    tr!("gui-versions-cd", days = text)
}

fn money(v: f64) -> String {
    tr!("gui-versions-yuan", amount = yuan(v))
}

fn money_signed(v: f64) -> String {
    let text = if v > 0.0 {
        format!("+{}", yuan(v))
    } else {
        yuan(v)
    };
    tr!("gui-versions-yuan", amount = text)
}

/// `Apr 7` / `4月7日`.
fn short_date(d: NaiveDate) -> String {
    match permitflow_i18n::lang() {
        Lang::En => d.format("%b %-d").to_string(),
        _ => d.format("%-m月%-d日").to_string(),
    }
}

/// One regime's four rows (approval days, elapsed working days, calendar days, fees): A, B,
/// B − A, coloured.
pub fn regimes(ui: &mut Ui, rows: &[RegimeRow]) {
    ui.label(RichText::new(tr!("gui-versions-regimes-title")).strong());
    egui::ScrollArea::horizontal()
        .id_salt("versions-regimes-scroll")
        .show(ui, |ui| {
            egui::Grid::new("versions-regimes")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for key in [
                        "gui-col-regime",
                        "gui-versions-col-clock",
                        "gui-versions-col-a",
                        "gui-versions-col-b",
                        "gui-versions-col-delta",
                    ] {
                        ui.strong(permitflow_i18n::message(key, &[]));
                    }
                    ui.end_row();
                    for r in rows {
                        regime_rows(ui, r);
                    }
                });
        });
}

/// A clock's name, its value in one version, and B − A (as a number for the colour and as text).
type ClockRow = (
    String,
    fn(&permitflow_app::diff::Clocks) -> String,
    Option<(f64, String)>,
);

fn regime_rows(ui: &mut Ui, r: &RegimeRow) {
    let clocks: [ClockRow; 4] = [
        (
            tr!("gui-versions-clock-approval"),
            |c| wd(c.approval_days),
            r.approval_delta().map(|d| (d.get(), wd_signed(d))),
        ),
        (
            tr!("gui-versions-clock-working"),
            |c| wd(c.working_days),
            r.working_delta().map(|d| (d.get(), wd_signed(d))),
        ),
        (
            tr!("gui-versions-clock-calendar"),
            |c| {
                tr!(
                    "gui-versions-calendar-to",
                    days = cd(i64::from(c.calendar_days)),
                    date = short_date(c.end_date)
                )
            },
            r.calendar_delta().map(|d| (d as f64, cd_signed(d))),
        ),
        (
            tr!("gui-versions-clock-fees"),
            |c| money(c.fees),
            r.fees_delta().map(|d| (d, money_signed(d))),
        ),
    ];
    for (k, (clock, pick, delta)) in clocks.into_iter().enumerate() {
        if k == 0 {
            ui.label(RichText::new(&r.label).strong())
                .on_hover_text(&r.regime);
        } else {
            ui.label("");
        }
        ui.label(&clock);
        for (side, f) in [("A", &r.a), ("B", &r.b)] {
            let text = match f {
                Figures::Solved(c) => pick(c),
                Figures::Absent => tr!("gui-versions-absent"),
                Figures::Failed(_) => tr!("gui-cannot-solve"),
            };
            let accessible = tr!(
                "gui-versions-cell",
                name = &r.label,
                what = format!("{clock} {side}"),
                text = &text
            );
            let rich = match f {
                Figures::Failed(_) => RichText::new(&text).color(RED),
                Figures::Absent => RichText::new(&text).weak(),
                Figures::Solved(_) => RichText::new(&text),
            };
            let resp = ui.label(rich);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &accessible)
            });
            if let Figures::Failed(e) = f {
                resp.on_hover_text(e);
            }
        }
        match delta {
            Some((v, text)) => {
                let shown = if v == 0.0 {
                    RichText::new(tr!("gui-versions-same-value")).weak()
                } else {
                    RichText::new(&text).color(tone(v)).strong()
                };
                cell(
                    ui,
                    shown,
                    tr!(
                        "gui-versions-cell",
                        name = &r.label,
                        what = format!("{clock} B − A"),
                        text = &text
                    ),
                );
            }
            None => {
                ui.label("–");
            }
        }
        ui.end_row();
    }
}

/// The per-item table: rows that differ (every row with `show_all`), items only in A or only
/// in B marked as removed or added.
pub fn items(ui: &mut Ui, rows: &[ItemRow], show_all: bool) {
    let shown: Vec<&ItemRow> = rows.iter().filter(|r| show_all || r.differs()).collect();
    let differ = rows.iter().filter(|r| r.differs()).count();
    ui.label(
        RichText::new(tr!(
            "gui-versions-items-count",
            differ = differ,
            all = rows.len()
        ))
        .weak(),
    );
    if shown.is_empty() {
        return;
    }
    // Sideways only: the tab scrolls down (a second vertical scroll inside it would hide the
    // header and catch the wheel).
    egui::ScrollArea::horizontal()
        .id_salt("versions-items-scroll")
        .show(ui, |ui| {
            egui::Grid::new("versions-items")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for key in [
                        "gui-versions-col-item",
                        "gui-versions-col-limit",
                        "gui-versions-col-start",
                        "gui-versions-col-finish",
                        "gui-versions-col-float",
                        "gui-versions-col-critical",
                    ] {
                        ui.strong(permitflow_i18n::message(key, &[]));
                    }
                    ui.end_row();
                    for r in shown {
                        item_row(ui, r);
                    }
                });
        });
}

fn item_row(ui: &mut Ui, r: &ItemRow) {
    ui.vertical(|ui| {
        let mut name = RichText::new(&r.name).strong();
        if r.b.times().is_some_and(|t| t.critical) {
            name = name.color(widgets::CRITICAL);
        }
        let mut hover = tr!("gui-versions-item-tip", id = &r.id, stage = &r.stage);
        if let Some(j) = r.b.times().or(r.a.times()).and_then(|t| t.joint.as_ref()) {
            hover.push('\n');
            hover.push_str(&tr!("gui-versions-joint-tip", name = j));
        }
        ui.horizontal(|ui| {
            ui.label(name).on_hover_text(hover);
            if r.added() {
                ui.label(
                    RichText::new(tr!("gui-versions-added"))
                        .color(GREEN)
                        .strong(),
                );
            } else if r.removed() {
                ui.label(
                    RichText::new(tr!("gui-versions-removed"))
                        .color(RED)
                        .strong(),
                );
            }
        });
        ui.label(RichText::new(&r.stage).weak().small());
    });
    let unit = |t: &ItemTimes| widgets::unit_label(t.unit);
    let limit = |t: &ItemTimes| format!("{} {}", t.limit, unit(t));
    pair(
        ui,
        r,
        &tr!("gui-versions-col-limit"),
        limit,
        r.limit_delta(),
        None,
    );
    let start = |t: &ItemTimes| t.start.to_string();
    let dates_start = |t: &ItemTimes| short_date(t.start_date);
    pair(
        ui,
        r,
        &tr!("gui-versions-col-start"),
        start,
        r.start_delta(),
        Some(&dates_start),
    );
    let finish = |t: &ItemTimes| t.finish.to_string();
    let dates_finish = |t: &ItemTimes| short_date(t.finish_date);
    pair(
        ui,
        r,
        &tr!("gui-versions-col-finish"),
        finish,
        r.finish_delta(),
        Some(&dates_finish),
    );
    let float = |t: &ItemTimes| t.float.to_string();
    pair(ui, r, &tr!("gui-versions-col-float"), float, None, None);
    let critical = |t: &ItemTimes| {
        if t.critical {
            tr!("gui-versions-yes")
        } else {
            tr!("gui-versions-no")
        }
    };
    pair(
        ui,
        r,
        &tr!("gui-versions-col-critical"),
        critical,
        None,
        None,
    );
    ui.end_row();
}

/// What a slot shows where it has no times.
fn slot_text(s: &Slot) -> Option<String> {
    match s {
        Slot::Absent => Some("—".to_owned()),
        Slot::Unscheduled => Some(tr!("gui-versions-unscheduled")),
        Slot::Timed(_) => None,
    }
}

/// One cell: `A → B` (or one value when equal), B − A coloured under it, and the dates.
fn pair(
    ui: &mut Ui,
    r: &ItemRow,
    column: &str,
    value: impl Fn(&ItemTimes) -> String,
    delta: Option<WorkingDays>,
    dates: Option<&dyn Fn(&ItemTimes) -> String>,
) {
    let side = |s: &Slot, f: &dyn Fn(&ItemTimes) -> String| {
        s.times()
            .map(f)
            .or_else(|| slot_text(s))
            .unwrap_or_default()
    };
    let (a, b) = (side(&r.a, &value), side(&r.b, &value));
    let text = if a == b {
        a
    } else {
        tr!("gui-versions-a-to-b", a = a, b = b)
    };
    let delta_text = delta.filter(|d| d.get() != 0.0).map(signed);
    let accessible = tr!(
        "gui-versions-cell",
        name = &r.name,
        what = column,
        text = match &delta_text {
            Some(d) => format!("{text} ({d})"),
            None => text.clone(),
        }
    );
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            cell(ui, RichText::new(&text), accessible);
            if let (Some(d), Some(v)) = (&delta_text, delta) {
                ui.label(RichText::new(d).color(tone(v.get())).strong());
            }
        });
        if let Some(f) = dates {
            let (da, db) = (side(&r.a, f), side(&r.b, f));
            let dates = if da == db {
                da
            } else {
                tr!("gui-versions-a-to-b", a = da, b = db)
            };
            ui.label(RichText::new(dates).weak().small());
        }
    });
}

/// What changed in the model, one line each: + added, − removed, ~ changed.
pub fn changes(ui: &mut Ui, list: &[ModelChange]) {
    ui.label(RichText::new(tr!("gui-versions-changes-title", n = list.len())).strong());
    if list.is_empty() {
        ui.label(RichText::new(tr!("gui-versions-no-changes")).weak());
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("versions-changes-scroll")
        .max_height(400.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for c in list {
                let (mark, color) = match c.action {
                    Action::Added => ("+", GREEN),
                    Action::Removed => ("−", RED),
                    Action::Changed => ("~", AMBER),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(mark).color(color).strong().monospace());
                    ui.label(&c.text).on_hover_text(&c.subject);
                });
            }
        });
}
