//! Writing a scene: SVG with the `svg` crate, PNG by rendering that SVG with resvg, so both
//! formats come from one chart model. PNG text uses the bundled Noto Sans SC subset (GB 2312)
//! first and any system font for characters it lacks.

use std::sync::{Arc, OnceLock};

use permitflow_i18n::tr;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use svg::Document;
use svg::node::element::{Group, Line, Polygon, Rectangle, Text, Title};

use crate::scene::{Anchor, Scene, Shape};

/// The bundled font (SIL Open Font License; see chart/fonts/).
pub const BUNDLED_FONT: &[u8] = include_bytes!("../fonts/NotoSansSC-Regular-GB2312.otf");
/// The bundled font's family name, which the SVG names first and PNG falls back to.
pub const BUNDLED_FAMILY: &str = "Noto Sans CJK SC";

/// Fonts named in the SVG, in order: the bundled one, then common CJK fonts, so a browser or
/// office suite on any system finds one with the glyphs.
pub const FONT_FAMILIES: &str = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'Hiragino Sans GB', sans-serif";

fn r(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The scene as an SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut doc = Document::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("width", r(scene.width))
        .set("height", r(scene.height))
        .set("viewBox", (0, 0, r(scene.width), r(scene.height)))
        .set("font-family", FONT_FAMILIES)
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "#ffffff"),
        );
    for shape in &scene.shapes {
        doc = match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                class,
                title,
            } => {
                let mut rect = Rectangle::new()
                    .set("x", r(*x))
                    .set("y", r(*y))
                    .set("width", r(*w))
                    .set("height", r(*h))
                    .set("fill", *fill)
                    .set("class", *class);
                if let Some((color, width)) = stroke {
                    rect = rect.set("stroke", *color).set("stroke-width", *width);
                }
                if let Some(t) = title {
                    rect = rect.add(Title::new(t.as_str()));
                }
                doc.add(rect)
            }
            Shape::Text {
                x,
                y,
                text,
                size,
                anchor,
                bold,
                fill,
                class,
            } => {
                let mut t = Text::new(text.as_str())
                    .set("x", r(*x))
                    .set("y", r(*y))
                    .set("font-size", *size)
                    .set("fill", *fill)
                    .set("class", *class);
                if *bold {
                    t = t.set("font-weight", "bold");
                }
                match anchor {
                    Anchor::Start => {}
                    Anchor::Middle => t = t.set("text-anchor", "middle"),
                    Anchor::End => t = t.set("text-anchor", "end"),
                }
                doc.add(t)
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dashed,
            } => {
                let mut l = Line::new()
                    .set("x1", r(*x1))
                    .set("y1", r(*y1))
                    .set("x2", r(*x2))
                    .set("y2", r(*y2))
                    .set("stroke", *stroke)
                    .set("stroke-width", *width);
                if *dashed {
                    l = l.set("stroke-dasharray", "4 3");
                }
                doc.add(l)
            }
            Shape::Diamond {
                cx,
                cy,
                r: radius,
                fill,
                title,
            } => {
                let points = format!(
                    "{},{} {},{} {},{} {},{}",
                    r(*cx),
                    r(cy - radius),
                    r(cx + radius),
                    r(*cy),
                    r(*cx),
                    r(cy + radius),
                    r(cx - radius),
                    r(*cy)
                );
                let mut g = Group::new()
                    .set("class", "milestone")
                    .add(Polygon::new().set("points", points).set("fill", *fill));
                if let Some(t) = title {
                    g = g.add(Title::new(t.as_str()));
                }
                doc.add(g)
            }
        };
    }
    doc.to_string()
}

/// Which fonts PNG rendering may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fonts {
    /// The bundled font first, then the system's (the default).
    BundledAndSystem,
    /// Only the bundled font, as on a machine without CJK fonts.
    BundledOnly,
}

fn font_db(fonts: Fonts) -> Arc<fontdb::Database> {
    static BOTH: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    static BUNDLED: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    let cell = match fonts {
        Fonts::BundledAndSystem => &BOTH,
        Fonts::BundledOnly => &BUNDLED,
    };
    cell.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(BUNDLED_FONT.to_vec());
        if fonts == Fonts::BundledAndSystem {
            db.load_system_fonts();
        }
        db.set_sans_serif_family(BUNDLED_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Renders SVG text to PNG bytes at `scale` (1.0 = one pixel per SVG unit).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    svg_to_png_with(svg, scale, Fonts::BundledAndSystem)
}

/// [`svg_to_png`] with a choice of fonts.
pub fn svg_to_png_with(svg: &str, scale: f32, fonts: Fonts) -> Result<Vec<u8>, String> {
    let opt = usvg::Options {
        fontdb: font_db(fonts),
        font_family: BUNDLED_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt)
        .map_err(|e| tr!("chart-error-svg", error = e.to_string()))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| tr!("chart-error-size", width = w, height = h))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| tr!("chart-error-png", error = e.to_string()))
}

/// The scene as PNG bytes.
pub fn to_png(scene: &Scene, scale: f32) -> Result<Vec<u8>, String> {
    svg_to_png(&to_svg(scene), scale)
}
