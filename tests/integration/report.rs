//! `permitflow report`: one self-contained HTML file. Always: its content and that it needs
//! nothing from the network. With `PERMITFLOW_CHROMIUM=1` (Debian's chromium and poppler-utils;
//! `.ci/run` installs them): headless Chromium loads it without console errors, its DOM holds the
//! comparison table's numbers, it prints an A4 landscape PDF whose text poppler reads back within
//! the margins, and it takes a screenshot.

use crate::harness::permitflow;

use std::path::PathBuf;
use std::process::Command;

fn default_report(dir: &std::path::Path) -> (PathBuf, String) {
    report_in(dir, "en")
}

/// The default report with the planner at joint:30, in `lang`.
fn report_in(dir: &std::path::Path, lang: &str) -> (PathBuf, String) {
    let out = dir.join(format!("report-{lang}.html"));
    let o = permitflow(&[
        "report",
        "-o",
        out.to_str().unwrap(),
        "--plan",
        // The planner bounds elapsed working days: 303.5 today, 300 by cutting 3.5 days after
        // the works (every completion-stage item costs 1 a day).
        "joint:300",
        "--lang",
        lang,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    (out, html)
}

#[test]
fn report_is_self_contained_and_holds_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = default_report(dir.path());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no scripts needed to read it");
    for attr in ["src=\"http", "href=\"http", "url(http"] {
        assert!(!html.contains(attr), "a network reference: {attr}");
    }
    // The embedded font, so Chinese renders anywhere, cut down to the characters used: the
    // whole report is under 400 KB (the whole font alone was 4 MB in base64).
    assert!(
        html.contains("@font-face { font-family: 'permitflow CJK'; src: url(data:font/otf;base64,")
    );
    assert!(html.len() < 400_000, "{} bytes", html.len());
    // The charts' text asks for the embedded font first.
    assert!(html.contains("figure svg text { font-family: 'permitflow CJK',"));
    for want in [
        "<h2>Regimes compared</h2>",
        "<td class=\"num\"><b>100.5</b></td>",
        "<td class=\"num\"><b>36.5</b></td>",
        // Joint ends on Friday 2026-05-22 after a year of works (counted by hand in cli.rs).
        "<td class=\"date\">2026-05-22</td>",
        "<td class=\"num\">16.5 / 16.5</td>",
        "36.5 approval days = 36.5",
        "<h2>Uncertainty</h2>",
        "<h2>Reform planner: 300 working days under joint</h2>",
        "From 303.5 to 300 working days at a least cost of 3.5",
        "First real-estate registration",
        "001_a462ce12def9e49c.txt",
        "@media print",
        "@page { size: A4 landscape;",
    ] {
        assert!(html.contains(want), "missing `{want}`");
    }
    // Comparison, four Gantt charts, the histogram, the curve and the waterfall.
    assert_eq!(html.matches("<svg ").count(), 1 + 4 + 1 + 2);
    // No label says "−0" (a waterfall step that saves nothing is "0") or "-0": the SVG
    // writer puts each label on a line of its own.
    let labels: Vec<&str> = html.lines().map(str::trim).collect();
    for minus_zero in ["−0", "-0"] {
        assert!(!labels.contains(&minus_zero), "a `{minus_zero}` label");
    }
    // The waterfall's steps, from serial through what each step saves to joint.
    let steps = html.split("class=\"waterfall-bar\"").count();
    assert!(steps >= 4, "{steps}");
    // The planner's elapsed working days: 368.5 − 52 (parallel) − 13 (joint review) = 303.5.
    for v in ["368.5", "−52", "−13", "303.5"] {
        assert!(labels.contains(&v), "no waterfall label {v}");
    }
}

#[test]
fn batch_writes_a_report_per_scenario_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    let o = permitflow(&[
        "batch",
        "scenarios/social-investment-housing.toml",
        "scenarios/clinic-approval-wenzhou.toml",
        "tests/broken/cycle.toml",
        "--report",
        reports.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "the broken file is reported, the others run"
    );
    let index = std::fs::read_to_string(reports.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"002-social-investment-housing.html\">General social-investment housing (Hezhou 2020)</a>"), "{index}");
    assert!(
        index.contains("<a href=\"001-clinic-approval-wenzhou.html\">"),
        "{index}"
    );
    assert!(
        index.contains("tests/broken/cycle.toml</td><td class=\"missed\">invalid"),
        "{index}"
    );
    assert!(reports.join("001-clinic-approval-wenzhou.html").exists());
}

/// Runs a poppler tool (Debian's poppler-utils; `.ci/run` installs it) and returns its output.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let o = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {tool} ({e}): install Debian's poppler-utils (.ci/run does)")
    });
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Chromium's PDF of the default report, read back with poppler: A4 landscape pages, a sane
/// number of them, the report's words (`wants`; Chinese from the charts too), and nothing
/// printed past the 15 mm margins, so no table or chart spills off the page.
fn check_pdf(pdf: &std::path::Path, wants: &[&str]) {
    let info = poppler("pdfinfo", &[pdf.as_os_str()]);
    // A4 landscape: 297 × 210 mm is 841.9 × 595.3 pt.
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("pdfinfo names the page size");
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (dims[0] - 841.9).abs() < 1.5 && (dims[1] - 595.3).abs() < 1.5,
        "page size {size}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|p| p.trim().parse().ok())
        .expect("pdfinfo counts the pages");
    // Eight charts of at most a page each and a few tables: about a dozen pages.
    assert!((6..=16).contains(&pages), "{pages} pages");
    let text = poppler("pdftotext", &[pdf.as_os_str(), std::ffi::OsStr::new("-")]);
    for want in wants {
        assert!(text.contains(want), "the PDF lacks `{want}`");
    }
    // Every word inside the margins (1 pt for glyph overhang).
    let boxes = poppler(
        "pdftotext",
        &[
            std::ffi::OsStr::new("-bbox"),
            pdf.as_os_str(),
            std::ffi::OsStr::new("-"),
        ],
    );
    let margin = 15.0 / 25.4 * 72.0;
    let attr = |w: &str, name: &str| -> f64 {
        let from = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[from..].split('"').next().unwrap().parse().unwrap()
    };
    let words: Vec<&str> = boxes.split("<word ").skip(1).collect();
    assert!(words.len() > 1000, "{} words", words.len());
    for w in words {
        let (x0, x1) = (attr(w, "xMin"), attr(w, "xMax"));
        assert!(
            x0 >= margin - 1.0 && x1 <= dims[0] - margin + 1.0,
            "a word past the margins: {}",
            &w[..w.len().min(120)]
        );
    }
}

#[test]
#[ignore = "needs Debian's chromium: PERMITFLOW_CHROMIUM=1 cargo test --test report -- --include-ignored (.ci/run does)"]
fn chromium_renders_prints_and_finds_the_numbers() {
    if std::env::var_os("PERMITFLOW_CHROMIUM").is_none() {
        eprintln!(
            "skipped: set PERMITFLOW_CHROMIUM=1 to open the report in headless Chromium (Debian package chromium; .ci/run installs it)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = default_report(dir.path());
    let empty_fonts = dir.path().join("fonts.conf");
    std::fs::write(
        &empty_fonts,
        concat!(
            "<?xml version=\"1.0\"?>\n<fontconfig>\n",
            "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n",
            "<selectfont><rejectfont><pattern><patelt name=\"lang\"><string>zh-cn</string>",
            "</patelt></pattern></rejectfont></selectfont>\n</fontconfig>\n"
        ),
    )
    .unwrap();
    let chromium_at = |path: &std::path::Path, extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--headless".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--enable-logging=stderr".into(),
            "--v=0".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("file://{}", path.display()));
        // The system's fonts less every Chinese one: Chinese text renders from the font the
        // report embeds, as on a machine without a Chinese font.
        Command::new("chromium")
            .env("FONTCONFIG_FILE", &empty_fonts)
            .args(&args)
            .output()
            .expect("run chromium")
    };
    let chromium = |extra: &[&str]| chromium_at(&path, extra);
    let dom = chromium(&["--dump-dom"]);
    assert!(dom.status.success());
    let text = String::from_utf8_lossy(&dom.stdout);
    for want in ["100.5", "49.5", "36.5", "2026-05-22", "Regimes compared"] {
        assert!(text.contains(want), "the loaded page lacks {want}");
    }
    let log = String::from_utf8_lossy(&dom.stderr);
    for bad in ["Uncaught", "Failed to load resource", "ERR_"] {
        assert!(!log.contains(bad), "Chromium reported `{bad}`:\n{log}");
    }
    assert!(
        !log.lines()
            .any(|l| l.contains("CONSOLE") && l.to_lowercase().contains("error")),
        "console errors:\n{log}"
    );
    let pdf = dir.path().join("report.pdf");
    let o = chromium(&[
        &format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer",
    ]);
    assert!(o.status.success());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 50_000,
        "a PDF of {} bytes",
        bytes.len()
    );
    check_pdf(
        &pdf,
        &[
            "Regimes compared",
            "departments",
            "2026-05-22",
            "100.5",
            "Reform planner: 300 working days under joint",
            "First real-estate registration",
            "Simulated working days",
            "From serial to the reformed regime",
        ],
    );
    // The Chinese report prints as cleanly: its headings, Chinese dates and terms, within the
    // margins, from the embedded font alone.
    let (zh, html) = report_in(dir.path(), "zh-CN");
    assert!(html.contains("<html lang=\"zh-CN\">"));
    let pdf = dir.path().join("report-zh.pdf");
    let o = chromium_at(
        &zh,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
    );
    assert!(o.status.success());
    check_pdf(
        &pdf,
        &[
            "审批模式对比",
            "跑动次数",
            "2026年5月22日",
            "100.5",
            "改革方案测算",
            "关键路径",
            "模拟工作日",
            "时间—成本曲线",
            "不动产首次登记",
            "施工许可阶段",
        ],
    );
    let png = dir.path().join("report.png");
    let o = chromium(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1280,2000",
        "--hide-scrollbars",
    ]);
    assert!(o.status.success());
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}
