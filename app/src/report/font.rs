//! The CJK font embedded in the report, cut down to the characters the report uses (allsorts'
//! subsetter, keeping a Unicode cmap so browsers accept it): a few hundred glyphs of the 7,000
//! of the bundled Noto Sans SC subset, tens of kilobytes instead of 3 MB.

use allsorts::binary::read::ReadScope;
use allsorts::font::{Font, MatchingPresentation};
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use permitflow_chart::output::BUNDLED_FONT;

/// The bundled font with only the glyphs of `text`'s characters (and `.notdef`); the whole font
/// when it cannot be subset (the report is then larger, never wrong).
pub fn for_text(text: &str) -> Vec<u8> {
    subset_font(BUNDLED_FONT, text).unwrap_or_else(|| BUNDLED_FONT.to_vec())
}

fn subset_font(bytes: &[u8], text: &str) -> Option<Vec<u8>> {
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let mut font = Font::new(data.table_provider(0).ok()?).ok()?;
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    chars.sort_unstable();
    chars.dedup();
    let mut glyphs: Vec<u16> = chars
        .into_iter()
        .map(|c| {
            font.lookup_glyph_index(c, MatchingPresentation::NotRequired, None)
                .0
        })
        .collect();
    glyphs.push(0);
    glyphs.sort_unstable();
    glyphs.dedup();
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters a font maps, read back through allsorts.
    fn maps(font: &[u8], c: char) -> bool {
        let data = ReadScope::new(font).read::<FontData<'_>>().unwrap();
        let mut f = Font::new(data.table_provider(0).unwrap()).unwrap();
        f.lookup_glyph_index(c, MatchingPresentation::NotRequired, None)
            .0
            != 0
    }

    #[test]
    fn the_subset_is_small_and_maps_exactly_the_characters_used() {
        let text = "施工图审查 Construction-drawing review 36.5 工作日";
        let sub = for_text(text);
        assert!(sub.len() < 30_000, "{} bytes", sub.len());
        assert!(sub.len() * 50 < BUNDLED_FONT.len());
        for c in ['施', '审', '日', 'C', '5', '.'] {
            assert!(maps(&sub, c), "{c} is missing");
        }
        // A character the text does not use is not kept.
        assert!(maps(BUNDLED_FONT, '规') && !maps(&sub, '规'));
    }
}
