//! Fonts: egui's defaults plus the CJK font bundled with permitflow's charts as a fallback, so
//! Chinese item and department names render instead of empty boxes.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The name under which the bundled CJK font is registered.
pub const CJK_FONT: &str = "noto-sans-sc-gb2312";

/// egui's default fonts with the bundled Noto Sans SC subset (GB2312) after them in every
/// family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT.to_owned(),
        Arc::new(FontData::from_static(
            permitflow_chart::output::BUNDLED_FONT,
        )),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT.to_owned());
    }
    fonts
}

/// Sets [`definitions`] as the context's fonts (call once at start-up).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
