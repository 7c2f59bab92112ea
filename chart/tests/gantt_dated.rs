//! The Gantt chart of a flow with a publicity period in calendar days: the period's bar spans
//! its real dates (from Saturday), and bars off the approval clock carry the stripe the legend
//! explains, in both languages.

use chrono::NaiveDate;
use permitflow_chart::axis::DateAxis;
use permitflow_chart::{Shape, gantt};
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::{Calendar, Clock, DayUnit, Format, Scenario, parse_scenario};
use permitflow_solver::{Method, Outcome, evaluate_network, network_for};

const FLOW: &str = r#"
version = 1
name = "Two clocks"
start = "2025-03-03"
calendar = "cn"

[[stages]]
id = "s"
name = "Stage"
lead = "Bureau"

[[items]]
id = "a"
department = "Bureau"
stage = "s"
days = 5

[[items]]
id = "b"
name = "Publicity"
department = "Expert panel"
stage = "s"
days = 10
after = ["a"]

[[items]]
id = "c"
department = "Bureau"
stage = "s"
days = 3
after = ["b"]
"#;

fn outcome() -> (Scenario, Outcome, Calendar) {
    let s = parse_scenario(FLOW, "flow.toml", Format::Toml).unwrap();
    let cal = Calendar::china();
    let r = s.regime("parallel").unwrap();
    let mut net = network_for(&s, r).unwrap();
    let b = net.index_of("b").unwrap();
    net.activities[b].unit = DayUnit::Calendar;
    net.activities[b].clock = Clock::Special;
    let o = evaluate_network(&s, r, net, &cal, Method::Paths).unwrap();
    (s, o, cal)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The bar of the activity whose hover text names `(id)`: its left and right edges.
fn bar(scene: &permitflow_chart::Scene, id: &str) -> (f64, f64) {
    scene
        .shapes
        .iter()
        .find_map(|sh| match sh {
            Shape::Rect {
                x, w, class, title, ..
            } if class.starts_with("bar")
                && title.as_deref().is_some_and(|t| {
                    t.contains(&format!("({id})")) || t.contains(&format!("（{id}）"))
                }) =>
            {
                Some((*x, x + w))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no bar for {id}"))
}

#[test]
fn a_calendar_day_bar_spans_its_dates_from_saturday() {
    let (s, o, cal) = outcome();
    let scene = with_lang(Lang::En, || gantt(&s, &o, &cal));
    // The axis the chart drew: day width from two known bars (a: Monday to Friday).
    let (a1, a2) = bar(&scene, "a");
    let day = (a2 - a1) / 5.0;
    let (b1, b2) = bar(&scene, "b");
    // b starts the day after a ends (Saturday 03-08) and covers ten days to Monday 03-17.
    assert!((b1 - a2).abs() < 1e-6, "b starts at a's end: {b1} vs {a2}");
    assert!(((b2 - b1) / day - 10.0).abs() < 1e-6);
    let (c1, c2) = bar(&scene, "c");
    assert!(
        (c1 - b2).abs() < 1e-6,
        "c starts Tuesday 03-18, right after b"
    );
    assert!(((c2 - c1) / day - 3.0).abs() < 1e-6);
    let axis = DateAxis::new(&cal, s.start, o.end_date, a1, 900.0, 1.0);
    assert_eq!(axis.first, d("2025-03-03"));
    // b's hover text gives its calendar days and its dates.
    let tip = scene
        .shapes
        .iter()
        .find_map(|sh| match sh {
            Shape::Rect {
                title: Some(t),
                class,
                ..
            } if class.starts_with("bar") && t.contains("(b)") => Some(t.clone()),
            _ => None,
        })
        .unwrap();
    assert!(tip.contains("10 cd"), "{tip}");
}

#[test]
fn bars_off_the_approval_clock_are_striped_and_explained_in_both_languages() {
    let (s, o, cal) = outcome();
    for (lang, legend, tip) in [
        (
            Lang::En,
            "off the approval clock (special procedure, intermediary, applicant)",
            "off the approval clock: special procedure",
        ),
        (
            Lang::ZhCn,
            "不计入审批用时（特别程序、中介服务、申请人）",
            "不计入审批用时：特别程序",
        ),
    ] {
        let scene = with_lang(lang, || gantt(&s, &o, &cal));
        let stripes: Vec<(f64, f64, String)> = scene
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Rect {
                    x, w, class, title, ..
                } if *class == "off-clock" => Some((*x, x + w, title.clone().unwrap_or_default())),
                _ => None,
            })
            .collect();
        // Only b is off the clock: one stripe, under b's bar.
        assert_eq!(stripes.len(), 1, "{lang:?}");
        let (b1, b2) = bar(&scene, "b");
        assert_eq!((stripes[0].0, stripes[0].1), (b1, b2));
        assert_eq!(stripes[0].2, tip);
        let has_legend = scene
            .shapes
            .iter()
            .any(|sh| matches!(sh, Shape::Text { text, .. } if text == legend));
        assert!(has_legend, "{lang:?}: no legend entry {legend}");
    }
    if let Some(t) = with_lang(Lang::ZhCn, || {
        let scene = gantt(&s, &o, &cal);
        scene.shapes.iter().find_map(|sh| match sh {
            Shape::Text { text, .. } if text.contains("个自然日") => Some(text.clone()),
            _ => None,
        })
    }) {
        assert!(t.contains("10 个自然日"), "{t}");
    } else {
        panic!("no bar label in calendar days");
    }
}
