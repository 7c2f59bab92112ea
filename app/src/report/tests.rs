use super::*;

#[test]
fn base64_matches_the_standard() {
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foo"), "Zm9v");
    assert_eq!(base64(b"foobar"), "Zm9vYmFy");
}

fn shipped(name: &str) -> Loaded {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../scenarios")
        .join(name);
    crate::load(Some(&path), None).unwrap()
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'q' <b>";
const HOSTILE_ESCAPED: &str =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q' &lt;b&gt;";

#[test]
fn hostile_names_are_text_not_markup() {
    let l = shipped("social-investment-housing.toml");
    let mut s = (*l.scenario).clone();
    s.name = HOSTILE.to_owned();
    s.description = HOSTILE.to_owned();
    s.sources[0].title = HOSTILE.to_owned();
    s.sources[0].note = HOSTILE.to_owned();
    s.regimes[0].description = HOSTILE.to_owned();
    let s = permitflow_model::validate(&s, "hostile.toml").unwrap();
    let html = report(&s, &l.calendar, HOSTILE, None).unwrap();
    assert!(!html.contains("<script"), "a script got through");
    assert!(!html.contains("<b>'q'"));
    // The title, heading, meta line, description, regime row, source title and note, footer:
    // each escaped in the HTML. The charts' SVG carries the name too, escaped by its writer.
    let html_escaped = html.matches(HOSTILE_ESCAPED).count();
    assert!(html_escaped >= 8, "{html_escaped} escaped copies");
    assert!(html.contains(&format!("<title>{HOSTILE_ESCAPED}</title>")));
    assert!(html.contains(&format!("<h1>{HOSTILE_ESCAPED}</h1>")));
    assert!(html.contains(&format!("<span class=\"meta\">{HOSTILE_ESCAPED}</span>")));
}

#[test]
fn the_index_escapes_names_files_and_links() {
    let html = index(&[
        (
            HOSTILE.to_owned(),
            "a&b.toml".to_owned(),
            "ok".to_owned(),
            Some("x\".html".to_owned()),
        ),
        (
            "plain".to_owned(),
            "<c>.toml".to_owned(),
            "invalid: line 3".to_owned(),
            None,
        ),
    ]);
    assert!(html.contains(&format!("<a href=\"x&quot;.html\">{HOSTILE_ESCAPED}</a>")));
    assert!(html.contains("<td>a&amp;b.toml</td><td class=\"met\">ok</td>"));
    assert!(html.contains("<td>&lt;c&gt;.toml</td><td class=\"missed\">invalid: line 3</td>"));
    assert!(!html.contains("<script"));
}

#[test]
fn every_chart_of_the_default_report_prints_at_8_pt_or_more() {
    let l = shipped("social-investment-housing.toml");
    let c = contents(&l.scenario, &l.calendar, "x", None).unwrap();
    let charts = c.charts();
    // The comparison, four Gantt charts, the histogram, the curve and the waterfall.
    assert_eq!(charts.len(), 8);
    for scene in charts {
        let pt = permitflow_chart::print::smallest_printed_pt(scene);
        assert!(
            scene.width <= permitflow_chart::print::PAGE_WIDTH + 0.5 && pt >= 8.0,
            "{} px wide, smallest text {pt:.2} pt",
            scene.width
        );
    }
}

#[test]
fn the_report_in_chinese_says_lang_zh_cn_and_uses_the_reform_terms() {
    use permitflow_i18n::{Lang, with_lang};
    let l = shipped("social-investment-housing.toml");
    // The planner bounds elapsed working days: 303.5 today, 300 by cutting 3.5 days.
    let plan = Some(("joint".to_owned(), WorkingDays::new(300.0)));
    let html = with_lang(Lang::ZhCn, || {
        report(&l.scenario, &l.calendar, "s.toml", plan.clone()).unwrap()
    });
    assert!(html.contains("<html lang=\"zh-CN\">"));
    for want in [
        // The application date in prose, the end date in the table, both with the weekday.
        "s.toml · 申请日期 2025年3月3日 星期一 · 日历 cn",
        "<h2>审批模式对比</h2>",
        "<th class=\"num\">审批用时</th><th class=\"num\">较串联审批</th><th class=\"num\">全流程工作日</th><th class=\"num\">较串联审批</th><th class=\"num\">全流程自然日</th><th>办结日期</th>",
        "<td class=\"regime\"><b>串联审批</b>",
        // Joint: the published 36.5 approval days; elapsed, with the publicity, the
        // investigation and a year of works, 303.5 working days and 446 calendar days.
        "<td class=\"num\"><b>36.5</b></td><td class=\"num\">-64</td><td class=\"num\"><b>303.5</b></td><td class=\"num\">-65</td><td class=\"num\">446</td><td class=\"date\">2026年5月22日 星期五</td>",
        "<th class=\"num\">跑动次数</th><th class=\"num\">表单数</th><th class=\"num\">申请材料</th><th class=\"num\">实施部门</th>",
        "<h2>办理进度</h2>",
        "<h3>关键路径</h3>",
        "<li><b>并联审批＋联合审查</b>：",
        "并联审批＋联合审查的甘特图：红色为关键事项",
        "<h2>不确定性</h2>",
        "蒙特卡洛模拟 10000 次，随机种子 1",
        "<h2>改革方案测算：并联审批＋联合审查下 300 个工作日</h2>",
        "从 303.5 个工作日压缩至 300 个工作日，最低成本 3.5",
        "<h2>资料来源</h2>",
        // What a target measured, in Chinese (the solver's English detail stays in JSON).
        "<td>审批用时 36.5 ≤ 60</td>",
        // The charts inside, in Chinese too.
        "General social-investment housing (Hezhou 2020) — 审批模式对比",
        // (the axis of a schedule over a year and a half is not labelled by month)
        "\n368.5 个工作日 · 2026年8月24日\n",
        "\n关键事项\n",
    ] {
        assert!(html.contains(want), "missing `{want}`");
    }
    for english in [
        "Regimes compared",
        " wd",
        "Critical paths",
        "vs serial",
        "Schedules",
        "iterations with seed",
        "working days ≤",
    ] {
        // (Names, descriptions, target texts and sources stay as the scenario writes them.)
        assert!(!html.contains(english), "English left: `{english}`");
    }
    let en = with_lang(Lang::En, || {
        report(&l.scenario, &l.calendar, "s.toml", plan).unwrap()
    });
    assert!(en.contains("<html lang=\"en\">") && en.contains("<h2>Regimes compared</h2>"));
    assert!(en.contains("s.toml · application 2025-03-03 · calendar cn · generated by permitflow"));
}

#[test]
fn the_report_shows_both_clocks_fees_and_lists_the_assumed_figures() {
    use permitflow_i18n::{Lang, with_lang};
    // The default scenario with land pre-examination (5 days) off the approval clock and fees
    // of 1,200 (assumed) and 300 yuan (sourced).
    let l = crate::rows::fixtures::with_special_item();
    let zh = with_lang(Lang::ZhCn, || {
        report(&l.scenario, &l.calendar, "s.toml", None).unwrap()
    });
    for want in [
        "<th class=\"num\">费用（元）</th>",
        // Serial: 100.5 working days elapsed, 95.5 on the approval clock, 145 calendar days
        // from Monday 3 March to Friday 25 July, 1,500 yuan.
        "<td class=\"num\"><b>95.5</b></td><td class=\"num\">–</td><td class=\"num\"><b>100.5</b></td><td class=\"num\">–</td><td class=\"num\">145</td><td class=\"date\">2025年7月25日 星期五</td><td class=\"num\">1500</td>",
        // The first stage: 8 approval days of 13.
        "<td class=\"num\">8 / 13</td>",
        "<h2>假设数据</h2>",
        // 52 limits and floors, all assumed, and the two fees, one assumed.
        "54 个数据中有 53 个为假设值",
        "<td>费用（元）</td><td class=\"num\">1200</td>",
        "<td>承诺时限</td><td class=\"num\">5</td>",
    ] {
        assert!(zh.contains(want), "missing `{want}`");
    }
    let en = with_lang(Lang::En, || {
        report(&l.scenario, &l.calendar, "s.toml", None).unwrap()
    });
    for want in [
        "<th class=\"num\">approval days</th>",
        "<h2>Assumed figures</h2>",
        "53 of 54 figures are assumed",
        "<td>fee (yuan)</td><td class=\"num\">1,200</td>",
        "<td class=\"num\">1,500</td>",
    ] {
        assert!(en.contains(want), "missing `{want}`");
    }
}

#[test]
fn milestones_are_a_table_in_both_languages() {
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_model::{ItemId, Milestone, MilestoneAt, MilestoneId};
    for (lang, heading, first, serial) in [
        (Lang::En, "<h2>Milestones</h2>", "Milestone", "serial"),
        (Lang::ZhCn, "<h2>里程碑</h2>", "里程碑", "串联审批"),
    ] {
        let html = with_lang(lang, || {
            let l = shipped("social-investment-housing.toml");
            let mut s = l.scenario.to_draft();
            // One milestone of the test's own instead of the shipped five.
            s.milestones.clear();
            s.milestones.push(Milestone {
                id: MilestoneId::new("registered"),
                name: "R".into(),
                item: ItemId::new("first_registration"),
                at: MilestoneAt::Finish,
                note: String::new(),
            });
            let s = permitflow_model::validate(&s, "m.toml").expect("valid");
            report(&s, &l.calendar, "m.toml", None).expect("a report")
        });
        assert!(html.contains(heading), "{lang:?}");
        assert!(html.contains(&format!("<th>{first}</th>")), "{lang:?}");
        assert!(
            html.contains(&format!("<td><b>R</b></td><td>{serial}</td>")),
            "{lang:?}"
        );
        // Without milestones there is no such section.
        let plain = with_lang(lang, || {
            let l = shipped("industrial.toml");
            report(&l.scenario, &l.calendar, "h.toml", None).expect("a report")
        });
        assert!(!plain.contains(heading));
    }
}

#[test]
fn without_a_target_the_planner_aims_halfway_to_the_least_and_gets_there() {
    // The default's last regime (joint review, all online): 303.5 elapsed working days today,
    // 289.5 at the least (the year of works is never cut): halfway is 296.5.
    let l = shipped("social-investment-housing.toml");
    let c = contents(&l.scenario, &l.calendar, "h.toml", None).expect("contents");
    let p = c.planner.expect("a planner section");
    assert_eq!(p.plan.current.get(), 303.5);
    assert_eq!(p.plan.least_working_days.get(), 289.5);
    assert_eq!(p.target.get(), 296.5);
    assert!(p.plan.reachable);
    assert!(p.plan.working_days.get() <= 296.5);
    assert_eq!(
        default_plan_target(&[(WorkingDays::new(10.0), 0.0), (WorkingDays::new(7.0), 2.0)]).get(),
        8.5
    );
    assert_eq!(default_plan_target(&[]).get(), 0.0);
}
