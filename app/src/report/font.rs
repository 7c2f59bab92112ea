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

    /// Every character of the Chinese chart and report texts is in the bundled font, so a PNG
    /// chart or the report's embedded subset shows them on a machine without Chinese fonts.
    /// (Message text only: comments and keys are skipped; `✓`/`✗` fall back to system fonts
    /// as in English.)
    #[test]
    fn the_bundled_font_has_every_character_of_the_chinese_charts_and_report() {
        let sources = permitflow_i18n::sources(permitflow_i18n::Lang::ZhCn);
        let mut missing = std::collections::BTreeSet::new();
        let mut checked = 0;
        for src in sources
            .iter()
            .filter(|s| ["chart", "report"].contains(&s.area))
        {
            for line in src
                .text
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
            {
                let value = line.split_once('=').map_or(line, |(_, v)| v);
                for c in value
                    .chars()
                    .filter(|c| !c.is_ascii() && !"✓✗".contains(*c))
                {
                    checked += 1;
                    if !maps(BUNDLED_FONT, c) {
                        missing.insert(c);
                    }
                }
            }
        }
        assert!(checked > 500, "{checked} characters");
        assert!(missing.is_empty(), "not in the bundled font: {missing:?}");
    }
}
