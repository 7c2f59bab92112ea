//! The honest mark for people: "12 of 140 figures are assumed" under every scenario total, and
//! the assumed figures' fields named in the current language (the report lists them).

use permitflow_i18n::tr;
use permitflow_model::assumed::{FigureField, Figures};

/// "N of M figures are assumed", in the current language.
pub fn assumed_note(f: &Figures) -> String {
    tr!("app-assumed-note", n = f.assumed_count(), m = f.total)
}

/// A figure's field for people (limit, floor, fee).
pub fn field_label(field: FigureField) -> String {
    match field {
        FigureField::Days => tr!("app-figure-days"),
        FigureField::Floor => tr!("app-figure-floor"),
        FigureField::Fee => tr!("app-figure-fee"),
    }
}

/// Yuan for people: whole yuan with thousands separators in English (`12,500`), plain in
/// Chinese (`12500`), as each reads them; fractions of a yuan to the fen.
pub fn yuan(v: f64) -> String {
    let whole = v.round() == v;
    let text = if whole {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    };
    if permitflow_i18n::lang() == permitflow_i18n::Lang::ZhCn {
        return text;
    }
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(a, b)| (a, b));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::{Lang, with_lang};

    #[test]
    fn the_note_reads_in_both_languages() {
        let loaded = crate::load::load_default().unwrap_or_else(|e| panic!("{e}"));
        let f = permitflow_model::assumed::figures(&loaded.scenario);
        let (n, m) = (f.assumed_count(), f.total);
        assert!(n > 0 && n <= m, "{n} of {m}");
        assert_eq!(
            with_lang(Lang::En, || assumed_note(&f)),
            format!("{n} of {m} figures are assumed")
        );
        assert_eq!(
            with_lang(Lang::ZhCn, || assumed_note(&f)),
            format!("{m} 个数据中有 {n} 个为假设值")
        );
        let one = Figures {
            total: 3,
            assumed: f.assumed[..1].to_vec(),
        };
        assert_eq!(
            with_lang(Lang::En, || assumed_note(&one)),
            "1 of 3 figures is assumed"
        );
    }

    #[test]
    fn yuan_are_grouped_in_english_only() {
        assert_eq!(with_lang(Lang::En, || yuan(1_234_567.0)), "1,234,567");
        assert_eq!(with_lang(Lang::En, || yuan(950.5)), "950.50");
        assert_eq!(with_lang(Lang::ZhCn, || yuan(1_234_567.0)), "1234567");
    }
}
