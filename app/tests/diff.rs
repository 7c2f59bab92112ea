//! Two versions of a small hand-made flow compared (`permitflow_app::diff`): a limit cut on the
//! critical path, an item added, a link removed, and the clocks, item times and model changes
//! a planner checks by hand.
//!
//! A (weekends calendar, application Monday 2025-03-03): land review `a` 10 wd → design review
//! `b` 15 wd → permit `c` 5 wd (fee 800 yuan); fire check `d` 3 wd after `a`. In parallel the
//! chain a→b→c is critical: 30 working days. B cuts `b` to 10 wd, removes the link a → d, adds
//! `e` (2 wd, unlinked) and lowers `c`'s fee to 600 yuan.

use permitflow_app::diff::{self, Action, Part, Slot, Version};
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::{Calendar, Format, WorkingDays, parse_scenario};

const A: &str = r#"
version = 1
name = "Diff test"
start = "2025-03-03"
calendar = "weekends"

[[stages]]
id = "s"
name = "Permits"
lead = "Bureau"

[[items]]
id = "a"
name = "Land review"
department = "Bureau"
stage = "s"
days = 10

[[items]]
id = "b"
name = "Design review"
department = "Bureau"
stage = "s"
days = 15
after = ["a"]

[[items]]
id = "c"
name = "Construction permit"
department = "Bureau"
stage = "s"
days = 5
after = ["b"]
fee = 800

[[items]]
id = "d"
name = "Fire check"
department = "Fire"
stage = "s"
days = 3
after = ["a"]

[[regimes]]
name = "parallel"
base = "parallel"
"#;

fn version(label: &str, text: &str) -> Version {
    let s = parse_scenario(text, label, Format::Toml).unwrap();
    Version::solve(label, s, Calendar::weekends())
}

/// B: `b` cut 15 → 10, link a → d removed, `e` added, `c`'s fee 800 → 600.
fn b_text() -> String {
    A.replace("days = 15", "days = 10")
        .replace("days = 3\nafter = [\"a\"]", "days = 3")
        .replace("fee = 800", "fee = 600")
        + r#"
[[items]]
id = "e"
name = "Water connection"
department = "Water"
stage = "s"
days = 2
"#
}

fn wd(v: f64) -> WorkingDays {
    WorkingDays::new(v)
}

#[test]
fn a_limit_cut_on_the_critical_path_shortens_the_regime_and_moves_the_successor() {
    with_lang(Lang::En, || {
        let (a, b) = (version("a.toml", A), version("b.toml", &b_text()));
        let regimes = diff::regimes(&a, &b);
        assert_eq!(regimes.len(), 1);
        let r = &regimes[0];
        let (ca, cb) = (r.a.clocks().unwrap(), r.b.clocks().unwrap());
        // 10 + 15 + 5 = 30 working days, then 10 + 10 + 5 = 25.
        assert_eq!(ca.working_days, wd(30.0));
        assert_eq!(cb.working_days, wd(25.0));
        assert_eq!(r.working_delta(), Some(wd(-5.0)));
        assert_eq!(r.approval_delta(), Some(wd(-5.0)));
        // Six weeks from Monday 3 March end on Friday 11 April; five weeks on Friday 4 April:
        // a week (7 calendar days) sooner.
        assert_eq!(ca.end_date.to_string(), "2025-04-11");
        assert_eq!(cb.end_date.to_string(), "2025-04-04");
        assert_eq!(r.calendar_delta(), Some(-7));
        assert_eq!(r.fees_delta(), Some(-200.0));

        let items = diff::items(&a, &b, "parallel");
        let row = |id: &str| items.iter().find(|r| r.id == id).unwrap();
        // b: limit 15 → 10, finishes on day 25 → 20; still critical.
        let rb = row("b");
        assert_eq!(rb.name, "Design review");
        assert_eq!(rb.limit_delta(), Some(wd(-5.0)));
        assert_eq!(rb.start_delta(), Some(wd(0.0)));
        assert_eq!(rb.finish_delta(), Some(wd(-5.0)));
        let (ta, tb) = (rb.a.times().unwrap(), rb.b.times().unwrap());
        assert_eq!((ta.finish, tb.finish), (wd(25.0), wd(20.0)));
        assert!(ta.critical && tb.critical);
        // Its successor c starts 5 working days sooner: day 25 → 20, Monday 7 April → 31 March.
        let rc = row("c");
        assert_eq!(rc.start_delta(), Some(wd(-5.0)));
        let (ca, cb) = (rc.a.times().unwrap(), rc.b.times().unwrap());
        assert_eq!(ca.start_date.to_string(), "2025-04-07");
        assert_eq!(cb.start_date.to_string(), "2025-03-31");
        // a is the same in both.
        assert!(!row("a").differs());
        // d without its link starts on day 0 instead of 10.
        assert_eq!(row("d").start_delta(), Some(wd(-10.0)));
        // e only in B: added, with its times there.
        let re = row("e");
        assert!(re.added() && !re.removed());
        assert_eq!(re.a, Slot::Absent);
        assert_eq!(re.b.times().unwrap().finish, wd(2.0));
    });
}

#[test]
fn the_model_changes_name_the_added_item_the_removed_link_and_the_cut_limit() {
    with_lang(Lang::En, || {
        let a = parse_scenario(A, "a.toml", Format::Toml).unwrap();
        let b = parse_scenario(&b_text(), "b.toml", Format::Toml).unwrap();
        let list = diff::changes(&a, &b);
        let texts: Vec<&str> = list.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "limit of Design review 15 → 10 working days",
                "fee of Construction permit 800 → 600 yuan",
                "item Water connection added to Permits (2 working days)",
                "link Land review → Fire check removed",
            ]
        );
        let kinds: Vec<(Part, Action)> = list.iter().map(|c| (c.part, c.action)).collect();
        assert_eq!(
            kinds,
            [
                (Part::Item, Action::Changed),
                (Part::Item, Action::Changed),
                (Part::Item, Action::Added),
                (Part::Link, Action::Removed),
            ]
        );
        assert_eq!(list[3].subject, "a → d");
        // Nothing changed: nothing listed.
        assert!(diff::changes(&a, &a).is_empty());
    });
}

#[test]
fn removed_items_regimes_and_measures_are_listed_the_other_way_round() {
    with_lang(Lang::En, || {
        let joint = format!(
            "{A}\n[[regimes]]\nname = \"joint\"\nbase = \"parallel\"\nmeasures = [\"online_submission\"]\n"
        );
        let (a, b) = (version("a.toml", &b_text()), version("b.toml", &joint));
        // B lacks e: removed; B has a regime A has not: absent on A's side.
        let items = diff::items(&a, &b, "parallel");
        let e = items.iter().find(|r| r.id == "e").unwrap();
        assert!(e.removed());
        let regimes = diff::regimes(&a, &b);
        assert_eq!(regimes.len(), 2);
        assert_eq!(regimes[1].a, diff::Figures::Absent);
        assert_eq!(diff::common_regimes(&a, &b), ["parallel"]);
        let texts: Vec<String> = diff::changes(&a.scenario, &b.scenario)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert!(
            texts.contains(&"item Water connection removed".to_owned()),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"link Land review → Fire check added".to_owned()),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("regime ") && t.ends_with(" added")),
            "{texts:?}"
        );
    });
}

#[test]
fn in_chinese_the_changes_speak_chinese() {
    with_lang(Lang::ZhCn, || {
        let a = parse_scenario(A, "a.toml", Format::Toml).unwrap();
        let b = parse_scenario(&b_text(), "b.toml", Format::Toml).unwrap();
        let list = diff::changes(&a, &b);
        assert_eq!(list[0].text, "「Design review」的时限 15 → 10 个工作日");
    });
}
