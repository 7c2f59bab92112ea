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
