//! Saving an edited scenario into the text it was opened from, so the file keeps its comments
//! (the sources and assumptions), inline tables and order: only what the edit changed is
//! rewritten, through `toml_edit`.
//!
//! The writer (`permitflow_model::to_toml`) is run twice, on the scenario as opened and as
//! edited; both texts come from the same writer, so a part whose data did not change reads the
//! same in both and its original text is kept. A part that changed is replaced key by key (a key
//! keeps its place and its trailing comment); entries of `[[items]]`, `[[stages]]` and the other
//! arrays are matched by `id` (or `name`), so a removed item takes its comment with it, a new one
//! is added where the array is, and a moved one moves with its comment.

use permitflow_model::{Draft, Format, parse_scenario, to_toml};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The edited scenario as TOML: the original text with the edits applied when `original` is
/// given and reads as a scenario, else the writer's own layout.
pub fn scenario_toml(edited: &Draft, original: Option<&str>) -> Result<String, String> {
    let fresh = to_toml(edited).map_err(|e| format!("cannot write TOML: {e}"))?;
    let Some(text) = original else {
        return Ok(fresh);
    };
    let Ok(before) = parse_scenario(text, "original", Format::Toml) else {
        return Ok(fresh);
    };
    let before = to_toml(&before).map_err(|e| format!("cannot write TOML: {e}"))?;
    keep_layout(text, &before, &fresh)
}

/// `original` with the differences between `before` and `after` (two texts of one writer)
/// applied.
pub fn keep_layout(original: &str, before: &str, after: &str) -> Result<String, String> {
    let parse = |t: &str| t.parse::<DocumentMut>().map_err(|e| e.to_string());
    let mut doc = parse(original)?;
    let (before, after) = (parse(before)?, parse(after)?);
    merge_table(doc.as_table_mut(), before.as_table(), after.as_table());
    Ok(doc.to_string())
}

/// A text of the writer laid out as files are written by hand: the sub-tables of each entry of
/// `[[items]]`, `[[stages]]` and the other arrays (a name in two languages, a number with its
/// source, a spread) and the entries of `[departments]` inline.
pub fn hand_layout(text: &str) -> Result<String, String> {
    let mut doc = text.parse::<DocumentMut>().map_err(|e| e.to_string())?;
    for (_, item) in doc.as_table_mut().iter_mut() {
        match item {
            Item::ArrayOfTables(a) => a.iter_mut().for_each(inline_entry),
            Item::Table(t) => inline_children(t),
            _ => {}
        }
    }
    Ok(doc.to_string())
}

/// The comment at the top of a scenario file imported from the item list `file`, in the
/// language of the list's header (the language its names were written in).
pub fn import_header(imported: &Draft, file: &str) -> String {
    let lang = imported.labels.written_language();
    permitflow_i18n::message_in(lang, "model-import-header", &[("file", file.into())]) + "\n"
}

/// The data of an item as text, sub-tables included (for comparing two texts of one writer).
fn text(i: &Item) -> String {
    match i {
        Item::None => String::new(),
        Item::Value(v) => v.to_string().trim().to_owned(),
        Item::Table(t) => t
            .iter()
            .map(|(k, v)| format!("{k}={}\n", text(v)))
            .collect(),
        Item::ArrayOfTables(a) => a
            .iter()
            .map(|t| text(&Item::Table(t.clone())) + "---\n")
            .collect(),
    }
}

/// The writer puts a number with its source (`days`) and a spread in sub-tables; a file
/// written by hand has them inline, as the shipped scenarios do.
fn inline_children(t: &mut Table) {
    for (_, v) in t.iter_mut() {
        if let Item::Table(sub) = v {
            inline_children(sub);
            let inline = std::mem::take(sub).into_inline_table();
            *v = Item::Value(toml_edit::Value::InlineTable(inline));
        }
    }
}

/// An entry of an array with its sub-tables inline, its id and name (with their labels) first
/// as a file written by hand has them.
fn inline_entry(t: &mut Table) {
    inline_children(t);
    let rank = |k: &str| match k {
        "id" => 0,
        "name" => 1,
        "label_zh" => 2,
        "label_en" => 3,
        _ => 4,
    };
    t.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
    t.fmt();
}

fn merge_table(old: &mut Table, before: &Table, after: &Table) {
    let gone: Vec<String> = before
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !after.contains_key(k))
        .collect();
    for k in gone {
        old.remove(&k);
    }
    for (k, new) in after.iter() {
        let prev = before.get(k);
        if prev.is_some_and(|p| text(p) == text(new)) && old.contains_key(k) {
            continue;
        }
        match (old.get_mut(k), prev) {
            (Some(o), Some(p)) => merge_item(o, p, new),
            (Some(o), None) => replace(o, new),
            (None, _) => {
                old.insert(k, into_value_if(new, true));
            }
        }
    }
}

fn merge_item(old: &mut Item, before: &Item, after: &Item) {
    match (old, before, after) {
        (Item::Table(o), Item::Table(b), Item::Table(a)) => merge_table(o, b, a),
        (Item::ArrayOfTables(o), Item::ArrayOfTables(b), Item::ArrayOfTables(a)) => {
            merge_array(o, b, a)
        }
        (o, _, a) => replace(o, a),
    }
}

/// A value replaced, keeping the space around it and its trailing comment.
fn replace(old: &mut Item, new: &Item) {
    let new = &into_value_if(new, old.is_value());
    match (old, new) {
        (Item::Value(o), Item::Value(n)) => {
            let decor = o.decor().clone();
            *o = n.clone();
            *o.decor_mut() = decor;
        }
        (o, n) => *o = n.clone(),
    }
}

/// `new`, a sub-table turned into an inline table when `inline`.
fn into_value_if(new: &Item, inline: bool) -> Item {
    match new {
        Item::Table(t) if inline => {
            let mut t = t.clone();
            inline_children(&mut t);
            Item::Value(toml_edit::Value::InlineTable(t.into_inline_table()))
        }
        other => other.clone(),
    }
}

/// The identity of an array entry: its `id`, else its `name`.
fn ident(t: &Table) -> Option<String> {
    t.get("id")
        .or_else(|| t.get("name"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

fn merge_array(old: &mut ArrayOfTables, before: &ArrayOfTables, after: &ArrayOfTables) {
    // The original and the writer's text of it list the same entries in the same order; when
    // they do not (a file that writes groups on the items), the array is written afresh.
    let olds: Vec<&Table> = old.iter().collect();
    let befores: Vec<&Table> = before.iter().collect();
    let same =
        olds.len() == befores.len() && olds.iter().zip(&befores).all(|(o, b)| ident(o) == ident(b));
    if !same {
        *old = after.clone();
        return;
    }
    // Tables are written in the order of their positions in the file (arrays may interleave,
    // `[[items]]` of a stage then its `[[joint]]`): the entries kept take the positions the
    // array had, in their new order; a new entry has none and is written after the one before it.
    let mut slots: Vec<isize> = olds.iter().filter_map(|t| t.position()).collect();
    slots.sort_unstable();
    let mut slots = slots.into_iter();
    let mut out = ArrayOfTables::new();
    for (n, a) in after.iter().enumerate() {
        let found = match ident(a) {
            Some(id) => befores
                .iter()
                .position(|b| ident(b).as_deref() == Some(&id)),
            None => (n < befores.len()).then_some(n),
        };
        match found {
            Some(j) => {
                let mut t = olds[j].clone();
                merge_table(&mut t, befores[j], a);
                t.set_position(slots.next());
                out.push(t);
            }
            None => {
                let mut t = a.clone();
                inline_entry(&mut t);
                t.set_position(None);
                t.decor_mut().set_prefix("\n");
                out.push(t);
            }
        }
    }
    *old = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Author, Edit, ItemText, apply};
    use permitflow_model::{ItemId, StageId};

    const SHIPPED: &str = include_str!("../../scenarios/social-investment-housing.toml");

    fn draft() -> Draft {
        parse_scenario(SHIPPED, "s", Format::Toml)
            .expect("shipped")
            .into_draft()
    }

    fn comments(t: &str) -> Vec<&str> {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .collect()
    }

    #[test]
    fn an_edited_shipped_scenario_keeps_its_comments_and_inline_tables() {
        let mut d = draft();
        apply(
            &mut d,
            &Edit::Days {
                item: ItemId::new("fire_design"),
                days: 8.0,
            },
        );
        let out = scenario_toml(&d, Some(SHIPPED)).expect("written");
        // 538 lines: the family by basement size ([project], three `when`, one [[variants]]) kept.
        assert_eq!(SHIPPED.lines().count(), 538);
        assert_eq!(out.lines().count(), 538, "{out}");
        assert_eq!(comments(&out), comments(SHIPPED));
        // The one change is the one line of the limit; the rest is the file as it was.
        let changed: Vec<(&str, &str)> = SHIPPED
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert!(changed[0].1.contains("value = 8"), "{changed:?}");
        assert!(changed[0].1.contains("source = \"assumed\""));
        let back = parse_scenario(&out, "out", Format::Toml).expect("reads back");
        assert_eq!(back, d);
    }

    #[test]
    fn an_unchanged_scenario_is_written_byte_for_byte() {
        assert_eq!(scenario_toml(&draft(), Some(SHIPPED)).unwrap(), SHIPPED);
    }

    #[test]
    fn removed_added_and_moved_entries_keep_the_rest_of_the_file() {
        let mut d = draft();
        for e in [
            Author::RemoveItem {
                item: ItemId::new("fire_design"),
            },
            Author::AddItem {
                id: ItemId::new("pipeline_check"),
                stage: StageId::new("planning"),
                department: "管线办 Pipeline office".into(),
                days: 2.0,
            },
            Author::MoveStage {
                stage: StageId::new("completion"),
                up: true,
            },
        ] {
            apply(&mut d, &Edit::Author(e));
        }
        let out = scenario_toml(&d, Some(SHIPPED)).expect("written");
        let back = parse_scenario(&out, "out", Format::Toml).expect("reads back");
        assert_eq!(back, d);
        // Every comment stays (the stage headings are comments of the items below them).
        let kept = comments(SHIPPED)
            .iter()
            .filter(|c| out.contains(*c))
            .count();
        assert_eq!(kept, comments(SHIPPED).len());
        assert!(out.contains("id = \"pipeline_check\""));
        assert!(!out.contains("id = \"fire_design\""));
        assert!(out.lines().count() < 543, "{}", out.lines().count());
    }

    #[test]
    fn a_name_edited_in_chinese_is_saved_beside_its_english_one() {
        use permitflow_i18n::{Lang, with_lang};
        for lang in [Lang::ZhCn, Lang::En] {
            let mut d = with_lang(lang, draft);
            let text = match lang {
                Lang::ZhCn => ItemText::NameZh,
                Lang::En => ItemText::NameEn,
            };
            let e = Edit::Author(Author::ItemText {
                item: ItemId::new("fire_design"),
                field: text,
                text: "新名称 New name".into(),
            });
            with_lang(lang, || apply(&mut d, &e));
            let out = with_lang(lang, || scenario_toml(&d, Some(SHIPPED))).expect("written");
            let changed: Vec<(&str, &str)> = SHIPPED
                .lines()
                .zip(out.lines())
                .filter(|(a, b)| a != b)
                .collect();
            assert_eq!(changed.len(), 1, "{changed:?}");
            let line = match lang {
                Lang::ZhCn => {
                    r#"name = { zh = "新名称 New name", en = "Fire-protection design review" }"#
                }
                Lang::En => r#"name = { zh = "消防设计审查", en = "新名称 New name" }"#,
            };
            assert_eq!(changed[0].1, line);
            // Read back in either language, the name is the one of that language.
            for read_in in [Lang::ZhCn, Lang::En] {
                let back = with_lang(read_in, || parse_scenario(&out, "o", Format::Toml))
                    .expect("reads back")
                    .into_draft();
                let again = with_lang(read_in, || {
                    parse_scenario(
                        &scenario_toml(&back, Some(&out)).unwrap(),
                        "o",
                        Format::Toml,
                    )
                })
                .expect("reads back")
                .into_draft();
                assert_eq!(again, back);
                assert_eq!(again.labels, d.labels);
            }
        }
    }

    #[test]
    fn an_edit_keeps_the_two_clocks_fields_as_written() {
        let text = r#"version = 1
name = "two clocks"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "approval"
lead = "nrb"

[[items]]
id = "a"
department = "nrb"
stage = "approval"
days = 5
returns = { rate = 0.1, correction_days = 4, rereview_days = 2 }   # the older name

[[items]]
id = "b"
department = "nrb"
stage = "approval"
days = 10
unit = "calendar"   # a publicity period
clock = "special"
fee = { value = 1200, source = "assumed" }
after = ["a"]

[[items]]
id = "c"
department = "nrb"
stage = "approval"
days = 3
after = ["b+2cd"]

[[targets]]
regime = "joint"
approval_days = "8..12"
"#;
        let mut d = parse_scenario(text, "s", Format::Toml)
            .expect("reads")
            .into_draft();
        apply(
            &mut d,
            &Edit::Days {
                item: ItemId::new("c"),
                days: 4.0,
            },
        );
        let out = scenario_toml(&d, Some(text)).expect("written");
        let changed: Vec<(&str, &str)> = text
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed, [("days = 3", "days = 4")], "{out}");
        assert_eq!(out.lines().count(), text.lines().count());
        let back = parse_scenario(&out, "out", Format::Toml).expect("reads back");
        assert_eq!(back, d);
        assert_eq!(back.items[1].unit, permitflow_model::DayUnit::Calendar);
        assert_eq!(back.links[1].lag_unit, permitflow_model::DayUnit::Calendar);
    }

    #[test]
    fn milestones_keep_their_comments_and_go_with_their_item() {
        let text = format!(
            "{SHIPPED}\n# When the developer may start building.\n[[milestones]]\nid = \"works\"\n\
name = {{ zh = \"开工\", en = \"Works started\" }}\nitem = \"construction_permit\"\n\n\
# Filed.\n[[milestones]]\nid = \"filed\"\nitem = \"completion_filing\"\n"
        );
        let mut d = parse_scenario(&text, "s", Format::Toml)
            .expect("reads")
            .into_draft();
        apply(
            &mut d,
            &Edit::Days {
                item: ItemId::new("fire_design"),
                days: 8.0,
            },
        );
        let out = scenario_toml(&d, Some(&text)).expect("written");
        assert_eq!(comments(&out), comments(&text));
        assert_eq!(out.lines().count(), text.lines().count());
        apply(
            &mut d,
            &Edit::Author(Author::RemoveItem {
                item: ItemId::new("completion_filing"),
            }),
        );
        let out = scenario_toml(&d, Some(&text)).expect("written");
        assert!(
            out.contains("# When the developer may start building."),
            "{out}"
        );
        assert!(!out.contains("id = \"filed\""), "{out}");
        let back = parse_scenario(&out, "out", Format::Toml).expect("reads back");
        // The shipped four not reached at the filing, and `works`: `filed` and the shipped
        // `completion_filed` went with their item.
        let ids: Vec<&str> = back.milestones.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "land_secured",
                "planning_permit_held",
                "works_started",
                "registered",
                "works"
            ]
        );
        assert_eq!(back, d);
    }
}
