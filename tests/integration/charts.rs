//! `permitflow chart` on the default scenario: the SVG parsed back has a bar per item of every
//! regime, the critical ones marked, the labels a planner reads, and the calendar's holidays.

use crate::harness::{permitflow, root};

fn chart(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let mut all = vec!["chart", "-o", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = permitflow(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out).unwrap()
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

fn count_class(doc: &roxmltree::Document, tag: &str, class: &str) -> usize {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
        .count()
}

#[test]
fn gantt_has_a_bar_per_item_and_marks_the_critical_path() {
    let svg = chart(&["--kind", "gantt", "--regime", "joint"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The joint regime has 12 activities: 7 items and 5 joint events.
    let critical = count_class(&doc, "rect", "bar critical");
    let other = count_class(&doc, "rect", "bar");
    assert_eq!(critical + other, 12);
    // Everything but the water connection (7 days of float) is critical.
    assert_eq!(other, 1);
    let t = texts(&doc);
    for want in [
        "General social-investment housing (Hezhou 2020) — joint: 36.5 working days, 2025-03-03 → 2025-04-23",
        "Construction permit",
        "Housing and Urban-Rural Development Bureau · 7 wd",
        "Water supply company · 4 wd",
        "3 Construction permit",
        "04-23 · 16.5 wd",
    ] {
        assert!(t.iter().any(|x| x == want), "no text `{want}` in {t:#?}");
    }
    // Four stage deliveries (the permits) as milestones, plus the legend's.
    let milestones = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("milestone"))
        .count();
    assert_eq!(milestones, 5);
    // Hover text on a bar: department, days, offsets, dates, float.
    let water = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("title") && n.text().is_some_and(|t| t.contains("(water_connection)"))
        })
        .unwrap();
    assert!(
        water
            .text()
            .unwrap()
            .contains("4 wd: 20 → 24 · 2025-03-31 → 2025-04-03 · float 7"),
        "{:?}",
        water.text()
    );
}

#[test]
fn comparison_stacks_regimes_on_one_calendar() {
    let svg = chart(&["--kind", "compare"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Four regimes × four stages.
    assert_eq!(count_class(&doc, "rect", "segment"), 16);
    let t = texts(&doc);
    for want in [
        "100.5 wd · 2025-07-25",
        "49.5 wd · 2025-05-14 (-51 vs serial)",
        "36.5 wd · 2025-04-23 (-64 vs serial)",
        "45.5",
        "16.5",
    ] {
        assert!(t.iter().any(|x| x == want), "no text `{want}` in {t:#?}");
    }
    // 2025-03-03 to 2025-07-26: Qingming (3 days), Labour Day (5) and Dragon Boat (3) are off;
    // Sunday 04-27 is a make-up working day.
    assert_eq!(count_class(&doc, "rect", "holiday"), 11);
    assert_eq!(count_class(&doc, "rect", "makeup"), 1);
}

#[test]
fn all_charts_in_one_file_and_png_by_extension() {
    let svg = chart(&[]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Serial and parallel show 21 items each, joint and joint_online 12 activities each.
    let bars = count_class(&doc, "rect", "bar") + count_class(&doc, "rect", "bar critical");
    assert_eq!(bars, 21 + 21 + 12 + 12);

    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("c.png");
    let o = permitflow(&[
        "chart",
        "--kind",
        "compare",
        "--scale",
        "1",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let o = permitflow(&["chart", "-o", dir.path().join("c.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("charts are written as .svg or .png"));
}

/// Every chart of one scenario: the comparison and a Gantt chart per regime, the simulation's
/// histogram and tornados, and the planner's curve and waterfall for its last regime.
fn every_chart(path: &std::path::Path) -> Vec<(String, permitflow_chart::Scene)> {
    use permitflow_app::scenes;
    let loaded = permitflow_app::load(Some(path), None).unwrap();
    let s = &loaded.scenario;
    let c = permitflow_app::rows::compare(&loaded, &[], permitflow_solver::Method::Paths).unwrap();
    let outcomes = c.solved();
    let mut out = vec![(
        "chart".to_owned(),
        scenes::schedules(s, &outcomes, &loaded.calendar, scenes::ScheduleCharts::All),
    )];
    let opts = permitflow_solver::SimulationOptions {
        iterations: 400,
        seed: 7,
    };
    let sims = permitflow_app::analysis::simulate_regimes(
        s,
        &loaded.calendar,
        &loaded.label,
        &[],
        &opts,
        &|_| {},
        &permitflow_app::analysis::never,
    )
    .unwrap();
    let refs: Vec<_> = sims.iter().collect();
    out.push(("simulate".to_owned(), scenes::simulation(s, &refs, 400, 7)));
    if let Some(last) = outcomes.last() {
        let target = (last.working_days().get() * 0.8).round();
        let plan = permitflow_app::analysis::plan_regime(
            s,
            &loaded.label,
            last.regime.name.as_str(),
            target,
            true,
        )
        .unwrap();
        out.push(("plan".to_owned(), scenes::plan(s, &plan)));
    }
    out
}

fn describe(scene: &permitflow_chart::Scene, pairs: &[(usize, usize)]) -> String {
    pairs
        .iter()
        .take(8)
        .map(|(a, b)| format!("\n  {:?}\n  {:?}", scene.shapes[*a], scene.shapes[*b]))
        .collect()
}

/// Records the chart's overlapping labels and labels cut off by the canvas edge, after writing
/// it as SVG and reading that back: every label of the scene is in the file.
fn check(what: &str, scene: &permitflow_chart::Scene, failures: &mut Vec<String>) {
    let svg = permitflow_chart::to_svg(scene);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, permitflow_chart::Shape::Text { .. }))
        .count();
    assert_eq!(texts(&doc).len(), labels, "{what}");
    let pairs = permitflow_chart::layout::overlaps(scene, 0.5);
    if !pairs.is_empty() {
        failures.push(format!(
            "{what}: {} overlapping pairs{}",
            pairs.len(),
            describe(scene, &pairs)
        ));
    }
    let out = permitflow_chart::layout::outside(scene, 1.0);
    if !out.is_empty() {
        failures.push(format!(
            "{what}: {} texts past the edge, e.g. {:?}",
            out.len(),
            scene.shapes[out[0]]
        ));
    }
}

#[test]
fn no_two_labels_overlap_in_any_chart_of_any_shipped_scenario() {
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 18, "{files:?}");
    for f in &files {
        for (kind, scene) in every_chart(f) {
            checked += 1;
            check(&format!("{} ({kind})", f.display()), &scene, &mut failures);
        }
    }
    // The approval centre's charts for the shipped portfolio.
    let req = permitflow_app::analysis::CentreRequest {
        regimes: vec!["parallel".into(), "joint".into()],
        replications: 5,
        seed: 1,
        ..Default::default()
    };
    let portfolio = root().join("portfolios/mid-sized-city.toml");
    let r =
        permitflow_app::analysis::run_centre(&portfolio, &req, &permitflow_app::analysis::never)
            .unwrap();
    let scene = permitflow_app::scenes::centre(&r.portfolio.portfolio.name, &r.runs);
    checked += 1;
    check("centre", &scene, &mut failures);
    // The lead-time histograms count projects of each project type, and draw no targets.
    let texts: Vec<&str> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            permitflow_chart::Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(
        &"share of projects per working-day bin; dashed: P50, P80, P95 of each project type"
    ));
    assert!(
        !texts.iter().any(|t| t.contains("iterations")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("industrial: P50 ") && t.ends_with(" projects)")),
        "{texts:#?}"
    );
    assert_eq!(checked, files.len() * 3 + 1);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The report's charts are laid out for its A4 landscape page: on every shipped scenario each
/// fits one page with its caption, prints no text under 8 pt, and has no overlapping or cut-off
/// labels at that size.
#[test]
fn every_report_chart_of_every_shipped_scenario_prints_at_8_pt_without_overlaps() {
    use permitflow_chart::print::{MAX_HEIGHT, PAGE_WIDTH, smallest_printed_pt};
    let mut files: Vec<_> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "csv"))
        .collect();
    files.sort();
    let (mut checked, mut failures) = (0, Vec::new());
    for f in &files {
        let l = permitflow_app::load(Some(f), None).unwrap();
        let c = permitflow_app::report::contents(&l.scenario, &l.calendar, &l.label, None).unwrap();
        for (n, scene) in c.charts().into_iter().enumerate() {
            let what = format!("{} (report chart {n})", f.display());
            checked += 1;
            check(&what, scene, &mut failures);
            let pt = smallest_printed_pt(scene);
            if scene.width > PAGE_WIDTH + 0.5 || scene.height > MAX_HEIGHT + 0.5 || pt < 8.0 {
                failures.push(format!(
                    "{what}: {:.0} × {:.0} px (page {PAGE_WIDTH:.0} × {MAX_HEIGHT:.0}), smallest text {pt:.2} pt",
                    scene.width, scene.height
                ));
            }
        }
    }
    assert!(checked >= files.len() * 2, "{checked} charts");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Arrowheads in an SVG: two strokes each, in the arrows' colour and width.
fn arrows(svg: &str) -> usize {
    svg.matches(r##"stroke="#7b8794" stroke-width="1.2""##)
        .count()
        / 2
}

#[test]
fn gantt_dependency_arrows_are_on_by_default_and_can_be_turned_off() {
    // The joint regime's links between bars: filing → land pre-examination → land-use permit,
    // joint plan review → quality registration and the construction permit, surveying and the
    // water connection → completion acceptance → filing → real-estate registration.
    let on = chart(&["--kind", "gantt", "--regime", "joint"]);
    assert_eq!(arrows(&on), 9);
    assert_eq!(
        arrows(&chart(&[
            "--kind", "gantt", "--regime", "joint", "--arrows", "on"
        ])),
        9
    );
    let off = chart(&["--kind", "gantt", "--regime", "joint", "--arrows", "off"]);
    assert_eq!(arrows(&off), 0);
    // Nothing else changes.
    let doc = roxmltree::Document::parse(&off).unwrap();
    assert_eq!(
        texts(&doc),
        texts(&roxmltree::Document::parse(&on).unwrap())
    );
}

#[test]
fn spread_drivers_are_named_and_identical_regimes_stay_visible() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sim.svg");
    let o = permitflow(&[
        "simulate",
        "--iterations",
        "500",
        "--chart",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let t = texts(&doc);
    assert!(t.iter().any(|x| x == "Construction-drawing review"));
    assert!(!t.iter().any(|x| x == "drawing_review"), "{t:#?}");
    // joint_online simulates exactly as joint: drawn as an outline over it and said so.
    let legend = t
        .iter()
        .find(|x| x.starts_with("joint_online"))
        .expect("a legend entry for joint_online");
    assert!(
        legend.starts_with("joint_online (same as joint, drawn as an outline): P50 "),
        "{legend}"
    );
    // Percentile values are in the legend, not printed on top of each other on the plot.
    assert!(!t.iter().any(|x| x.starts_with("P50 ")), "{t:#?}");
}
