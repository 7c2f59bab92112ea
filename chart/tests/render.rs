//! The bundled font draws Chinese: two different characters give two different images (missing
//! glyphs would both be the same empty box), and a PNG has the size the scene asks for.

use permitflow_chart::{Anchor, Fonts, Scene, svg_to_png, svg_to_png_with, to_png, to_svg};

/// A character drawn with the bundled font alone, as on a fresh machine.
fn glyph(c: &str) -> Vec<u8> {
    let mut s = Scene {
        width: 40.0,
        height: 40.0,
        shapes: vec![],
    };
    s.text(4.0, 30.0, c, 28.0, Anchor::Start);
    svg_to_png_with(&to_svg(&s), 1.0, Fonts::BundledOnly).unwrap()
}

#[test]
fn chinese_characters_render_as_glyphs() {
    let a = glyph("审");
    let b = glyph("批");
    let blank = glyph(" ");
    assert_ne!(a, b, "two characters drew the same image: no CJK glyphs");
    assert_ne!(a, blank, "the character drew nothing");
    // A character outside the subset (a private-use code point) has no glyph: it draws the same
    // as another missing one, which is what tofu looks like and what the two above are not.
    assert_eq!(glyph("\u{E000}"), glyph("\u{E001}"));
}

#[test]
fn png_has_the_scaled_size() {
    let mut s = Scene {
        width: 200.0,
        height: 100.0,
        shapes: vec![],
    };
    s.rect(10.0, 10.0, 50.0, 20.0, "#d64545", "bar");
    let png = to_png(&s, 2.0).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24.
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (400, 200));
    assert!(svg_to_png("<svg", 1.0).is_err());
}

#[test]
fn svg_escapes_text() {
    let mut s = Scene {
        width: 100.0,
        height: 20.0,
        shapes: vec![],
    };
    s.text(0.0, 10.0, "A & B <C>", 10.0, Anchor::Start);
    let svg = to_svg(&s);
    assert!(svg.contains("A &amp; B &lt;C&gt;"), "{svg}");
    roxmltree::Document::parse(&svg).unwrap();
}

/// The ink width of `text` at `size` px in the bundled font, as resvg lays it out for PNG.
fn rendered_width(text: &str, size: f64, bold: bool) -> f64 {
    use resvg::usvg::{self, fontdb};
    let mut db = fontdb::Database::new();
    db.load_font_data(permitflow_chart::output::BUNDLED_FONT.to_vec());
    db.set_sans_serif_family(permitflow_chart::output::BUNDLED_FAMILY);
    let opt = usvg::Options {
        fontdb: std::sync::Arc::new(db),
        font_family: permitflow_chart::output::BUNDLED_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"100\"><text x=\"10\" y=\"50\" font-size=\"{size}\"{weight}>{text}</text></svg>"
    );
    let tree = usvg::Tree::from_str(&svg, &opt).unwrap();
    tree.root().abs_bounding_box().width() as f64
}

#[test]
fn the_overlap_tests_text_boxes_are_no_narrower_than_the_rendered_text() {
    // The label-placement pass and the overlap test measure text by estimate; the estimate
    // must cover what the bundled font draws, or overlaps would go unseen.
    for (text, size, bold) in [
        (
            "Construction Quality and Safety Station · 1 wd",
            10.0,
            false,
        ),
        ("施工图审查 Construction-drawing review", 12.0, false),
        (
            "质量安全监督登记 Quality and safety supervision",
            12.0,
            true,
        ),
        (
            "working days (the last bin also holds the iterations beyond 74.36)",
            11.0,
            false,
        ),
        ("P50 P80 P95 2025-03 0123456789 %", 9.0, false),
        ("HOUSING AND URBAN-RURAL DEVELOPMENT (MOHURD)", 12.0, true),
    ] {
        let estimate = permitflow_chart::layout::text_box(
            0.0,
            0.0,
            text,
            size,
            permitflow_chart::Anchor::Start,
            bold,
        );
        let drawn = rendered_width(text, size, bold);
        assert!(
            estimate.x1 - estimate.x0 >= drawn,
            "`{text}` at {size} px: estimated {:.1}, drawn {drawn:.1}",
            estimate.x1 - estimate.x0
        );
    }
}
