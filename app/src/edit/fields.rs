//! An item's fields as the authoring view shows and reads them: the parts of its name, its
//! materials, its spread, and which text or number field an edit sets.

use permitflow_model::{Distribution, Materials, WorkingDays};

/// The text fields of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemText {
    /// The Chinese part of the name (the name is written `中文 English`).
    NameZh,
    /// The English part of the name.
    NameEn,
    /// The department.
    Department,
    /// The note.
    Note,
    /// What the applicant hands in: a number of documents, or their names comma-separated
    /// (`application form, design scheme`), which "one form" counts once per stage.
    Materials,
}

/// An item's materials as the authoring view shows them: the names comma-separated, or the
/// number of documents (empty for none).
pub fn materials_text(m: &Materials) -> String {
    match m {
        Materials::Count(0) => String::new(),
        Materials::Count(n) => n.to_string(),
        Materials::Named(names) => names.join(", "),
    }
}

/// Reads materials as [`materials_text`] writes them.
pub fn parse_materials(text: &str) -> Materials {
    let t = text.trim();
    match t.parse::<u32>() {
        Ok(n) => Materials::Count(n),
        Err(_) if t.is_empty() => Materials::Count(0),
        Err(_) => Materials::Named(
            t.split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
    }
}

/// The optional numbers of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemNumber {
    /// The least limit its department can commit to.
    Floor,
    /// The cost per working day cut.
    Cost,
    /// What the applicant pays for it, in yuan.
    Fee,
}

/// Splits a name written `中文 English` (as the shipped scenarios write them) into its Chinese
/// and English parts: the Chinese part is everything up to the last CJK character.
pub fn split_name(name: &str) -> (String, String) {
    let is_cjk = |c: char| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF);
    match name.char_indices().rfind(|(_, c)| is_cjk(*c)) {
        Some((i, c)) => {
            let cut = i + c.len_utf8();
            (name[..cut].trim().to_owned(), name[cut..].trim().to_owned())
        }
        None => (String::new(), name.trim().to_owned()),
    }
}

/// A spread as the authoring view shows it: `min/likely/max` (triangular), `pert min/likely/max`,
/// `uniform min/max`, `fixed d`; empty for none.
pub fn spread_text(d: Option<&Distribution>) -> String {
    match d {
        None => String::new(),
        Some(Distribution::Fixed(v)) => format!("fixed {v}"),
        Some(Distribution::Triangular { min, likely, max }) => format!("{min}/{likely}/{max}"),
        Some(Distribution::Pert { min, likely, max }) => format!("pert {min}/{likely}/{max}"),
        Some(Distribution::Uniform { min, max }) => format!("uniform {min}/{max}"),
    }
}

/// Reads a spread written as [`spread_text`] writes it; the message says what to type.
pub fn parse_spread(text: &str) -> Result<Option<Distribution>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (kind, rest) = match t.split_once(' ') {
        Some((k, r)) if k.chars().all(|c| c.is_ascii_alphabetic()) => (k, r),
        _ => ("triangular", t),
    };
    let nums: Result<Vec<WorkingDays>, _> = rest
        .split('/')
        .map(|x| x.trim().parse::<f64>().map(WorkingDays::new))
        .collect();
    let wrong = || permitflow_i18n::tr!("app-spread-not-a-spread", text = t);
    let nums = nums.map_err(|_| wrong())?;
    Ok(Some(match (kind, nums.as_slice()) {
        ("triangular", [min, likely, max]) => Distribution::Triangular {
            min: *min,
            likely: *likely,
            max: *max,
        },
        ("pert", [min, likely, max]) => Distribution::Pert {
            min: *min,
            likely: *likely,
            max: *max,
        },
        ("uniform", [min, max]) => Distribution::Uniform {
            min: *min,
            max: *max,
        },
        ("fixed", [d]) => Distribution::Fixed(*d),
        _ => return Err(wrong()),
    }))
}

/// Joins the two parts of a name as [`split_name`] reads them.
pub fn join_name(zh: &str, en: &str) -> String {
    match (zh.trim(), en.trim()) {
        ("", e) => e.to_owned(),
        (z, "") => z.to_owned(),
        (z, e) => format!("{z} {e}"),
    }
}
