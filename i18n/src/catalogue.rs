//! The Fluent files, embedded: one per area of the product and language.

use crate::Lang;

/// One embedded Fluent file.
#[derive(Clone, Copy, Debug)]
pub struct Source {
    /// The language it is in.
    pub lang: Lang,
    /// The area of the product it serves (`cli`, `gui`, …): its file name without `.ftl`.
    pub area: &'static str,
    /// Its text.
    pub text: &'static str,
}

macro_rules! areas {
    ($($area:literal),+ $(,)?) => {
        /// The areas, each a file `locales/<lang>/<area>.ftl` in every language.
        pub const AREAS: &[&str] = &[$($area),+];

        /// Every Fluent file of `lang`, in [`AREAS`] order.
        pub fn sources(lang: Lang) -> Vec<Source> {
            match lang {
                Lang::En => vec![$(Source {
                    lang,
                    area: $area,
                    text: include_str!(concat!("../locales/en/", $area, ".ftl")),
                }),+],
                Lang::ZhCn => vec![$(Source {
                    lang,
                    area: $area,
                    text: include_str!(concat!("../locales/zh-CN/", $area, ".ftl")),
                }),+],
            }
        }
    };
}

// Keys carry their area's prefix (`cli-…`, `gui-…`), so two areas never define the same key.
areas!(
    "common", "diag", "model", "app", "cli", "chart", "report", "gui"
);
