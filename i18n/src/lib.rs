//! permitflow's message catalogue: every user-facing string, in English and Simplified Chinese.
//!
//! The strings live in Fluent files (`locales/<lang>/<area>.ftl`, one file per area of the
//! product so that work on one area does not touch another's file), embedded at compile time.
//! Code asks for a message by key with [`tr!`]; the language is the process's
//! ([`set_lang`], chosen once by the front end from `--lang`, `PERMITFLOW_LANG` and the locale:
//! [`detect`]) unless a thread has chosen its own ([`with_lang`], for tests and for rendering one
//! output in a language other than the process's).
//!
//! Machine-readable outputs (JSON keys, CSV columns, JUnit, ids) never go through here.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue;

mod catalogue;
mod detect;

pub use catalogue::{AREAS, Source, sources};
pub use detect::{Detected, Setting, detect, from_locale};

/// A language permitflow speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese, as used in mainland China.
    ZhCn,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en`, `zh-CN` (what `--lang` takes and settings store).
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhCn => "中文",
        }
    }

    /// The language a tag names: `en`, `en-GB`, `zh`, `zh-CN`, `zh_CN`, `zh-Hans`, in any case.
    /// `None` for any other language.
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split(['-', '.', '@']).next().unwrap_or("");
        match primary {
            "en" => Some(Self::En),
            "zh" => Some(Self::ZhCn),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::ZhCn => 1,
        }
    }

    fn from_index(i: u8) -> Self {
        if i == 1 { Self::ZhCn } else { Self::En }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process's language: every thread that has not chosen its own speaks it.
pub fn set_lang(lang: Lang) {
    PROCESS_LANG.store(lang.index() as u8, Ordering::Relaxed);
}

/// The language messages are given in on this thread.
pub fn lang() -> Lang {
    THREAD_LANG
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(PROCESS_LANG.load(Ordering::Relaxed)))
}

/// Runs `f` with messages in `lang` on this thread, whatever the process's language.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD_LANG.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(THREAD_LANG.with(|c| c.replace(Some(lang))));
    f()
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: outputs go to terminals, CSV and SVG.
        bundle.set_use_isolating(false);
        for source in sources(lang) {
            // A file that does not parse keeps what did parse; the catalogue's tests fail on
            // any error, so none reaches a release.
            let resource =
                FluentResource::try_new(source.text.to_owned()).unwrap_or_else(|(r, _)| r);
            // A key defined twice keeps its first definition (also a test failure).
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// The message `key` in the current language with `args`; `key` may name an attribute as
/// `message.attribute`. A key missing from the catalogue gives the key itself (the catalogue's
/// tests check that every key the code uses exists in both languages).
pub fn message(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(lang(), key, args)
}

/// [`message`] in a given language.
pub fn message_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = bundle(lang);
    let (id, attribute) = match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    };
    let Some(msg) = bundle.get_message(id) else {
        return key.to_owned();
    };
    let pattern = match attribute {
        Some(attr) => msg.get_attribute(attr).map(|a| a.value()),
        None => msg.value(),
    };
    let Some(pattern) = pattern else {
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether the catalogue of `lang` has `key` (`message` or `message.attribute`).
pub fn has(lang: Lang, key: &str) -> bool {
    let bundle = bundle(lang);
    match key.split_once('.') {
        Some((id, attr)) => bundle
            .get_message(id)
            .is_some_and(|m| m.get_attribute(attr).is_some()),
        None => bundle.get_message(key).is_some_and(|m| m.value().is_some()),
    }
}

/// A message from the catalogue in the current language.
///
/// ```
/// use permitflow_i18n::{tr, with_lang, Lang};
/// let en = with_lang(Lang::En, || tr!("common-working-days", n = 36.5));
/// let zh = with_lang(Lang::ZhCn, || tr!("common-working-days", n = 36.5));
/// assert_eq!(en, "36.5 working days");
/// assert_eq!(zh, "36.5 个工作日");
/// ```
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::message($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message($key, &[$((stringify!($name), $crate::FluentValue::from($value))),+])
    };
}

/// A date for people: ISO `2025-04-23` in English, `2025年4月23日 星期三` in Chinese.
/// Machine-readable outputs use ISO whatever the language.
pub fn date(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        Lang::ZhCn => {
            const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
            let w = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
            format!("{}年{}月{}日 星期{w}", d.year(), d.month(), d.day())
        }
    }
}

/// A date without the weekday, for narrow columns and chart axes: `2025-04-23`, `2025年4月23日`.
pub fn date_short(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        Lang::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 23).unwrap();
        assert_eq!(with_lang(Lang::En, || date(d)), "2025-04-23");
        assert_eq!(with_lang(Lang::ZhCn, || date(d)), "2025年4月23日 星期三");
        assert_eq!(with_lang(Lang::ZhCn, || date_short(d)), "2025年4月23日");
        let sunday = NaiveDate::from_ymd_opt(2025, 3, 9).unwrap();
        assert_eq!(
            with_lang(Lang::ZhCn, || date(sunday)),
            "2025年3月9日 星期日"
        );
    }

    #[test]
    fn thread_language_overrides_and_restores() {
        set_lang(Lang::En);
        assert_eq!(lang(), Lang::En);
        with_lang(Lang::ZhCn, || {
            assert_eq!(lang(), Lang::ZhCn);
            assert_eq!(tr!("common-working-days", n = 5), "5 个工作日");
        });
        assert_eq!(lang(), Lang::En);
        assert_eq!(tr!("common-working-days", n = 1), "1 working day");
    }

    #[test]
    fn missing_keys_give_the_key() {
        assert_eq!(message_in(Lang::En, "no-such-key", &[]), "no-such-key");
        assert_eq!(
            message_in(Lang::ZhCn, "common-working-days.nope", &[]),
            "common-working-days.nope"
        );
        assert!(has(Lang::ZhCn, "common-working-days"));
        assert!(!has(Lang::ZhCn, "no-such-key"));
    }

    #[test]
    fn tags_parse() {
        for tag in ["zh", "zh-CN", "zh_CN.UTF-8", "ZH-hans", "zh_TW"] {
            assert_eq!(Lang::parse(tag), Some(Lang::ZhCn), "{tag}");
        }
        for tag in ["en", "en_US.UTF-8", "EN-gb"] {
            assert_eq!(Lang::parse(tag), Some(Lang::En), "{tag}");
        }
        for tag in ["", "fr", "C", "de_DE"] {
            assert_eq!(Lang::parse(tag), None, "{tag}");
        }
    }
}
