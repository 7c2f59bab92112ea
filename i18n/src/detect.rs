//! Which language to speak: `--lang`, then `PERMITFLOW_LANG`, then the POSIX locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first one set decides), then what the operating system
//! reports (the desktop app asks it), then English.

use crate::Lang;

/// Where the language came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting {
    /// The `--lang` option (or the app's saved choice).
    Flag,
    /// An environment variable: `PERMITFLOW_LANG`, `LC_ALL`, `LC_MESSAGES` or `LANG`.
    Env(&'static str),
    /// The operating system's preferred language.
    System,
    /// Nothing said: English.
    Default,
}

/// The language chosen, where from, and a `PERMITFLOW_LANG` value that was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// The language to speak.
    pub lang: Lang,
    /// Where it came from.
    pub from: Setting,
    /// `PERMITFLOW_LANG`'s value when it names no language permitflow speaks (then ignored):
    /// the front end warns about it.
    pub ignored: Option<String>,
}

/// The language a POSIX locale asks for: Chinese for any `zh` locale, English for everything
/// else (`C`, `POSIX`, `en_US.UTF-8`, and languages permitflow does not speak).
pub fn from_locale(locale: &str) -> Lang {
    Lang::parse(locale).unwrap_or(Lang::En)
}

/// Chooses the language. `flag` is `--lang` (already checked by the argument parser: an
/// unknown one is refused there, so here it falls through), `var` reads an environment
/// variable, `system` is the operating system's preferred locale when the front end asks.
pub fn detect(
    flag: Option<&str>,
    var: impl Fn(&str) -> Option<String>,
    system: Option<&str>,
) -> Detected {
    let mut ignored = None;
    if let Some(lang) = flag.and_then(Lang::parse) {
        return Detected {
            lang,
            from: Setting::Flag,
            ignored,
        };
    }
    if let Some(value) = var("PERMITFLOW_LANG").filter(|v| !v.trim().is_empty()) {
        match Lang::parse(&value) {
            Some(lang) => {
                return Detected {
                    lang,
                    from: Setting::Env("PERMITFLOW_LANG"),
                    ignored,
                };
            }
            None => ignored = Some(value),
        }
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.is_empty()) {
            return Detected {
                lang: from_locale(&value),
                from: Setting::Env(name),
                ignored,
            };
        }
    }
    if let Some(system) = system.filter(|s| !s.is_empty()) {
        return Detected {
            lang: from_locale(system),
            from: Setting::System,
            ignored,
        };
    }
    Detected {
        lang: Lang::En,
        from: Setting::Default,
        ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn flag_then_variable_then_locale_then_system_then_english() {
        let all = [("PERMITFLOW_LANG", "en"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(detect(Some("zh-CN"), env(&all), None).lang, Lang::ZhCn);
        assert_eq!(
            detect(None, env(&all), None).from,
            Setting::Env("PERMITFLOW_LANG")
        );
        assert_eq!(detect(None, env(&all), None).lang, Lang::En);
        let locale = [("LANG", "zh_CN.UTF-8")];
        assert_eq!(detect(None, env(&locale), None).lang, Lang::ZhCn);
        // LC_ALL outranks LANG, as in POSIX; C means English.
        let c = [("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(
            detect(None, env(&c), None),
            Detected {
                lang: Lang::En,
                from: Setting::Env("LC_ALL"),
                ignored: None
            }
        );
        assert_eq!(detect(None, env(&[]), Some("zh-Hans-CN")).lang, Lang::ZhCn);
        assert_eq!(detect(None, env(&[]), None).from, Setting::Default);
        // A language permitflow does not speak gives English.
        assert_eq!(
            detect(None, env(&[("LANG", "fr_FR.UTF-8")]), None).lang,
            Lang::En
        );
    }

    #[test]
    fn an_unknown_permitflow_lang_is_reported_and_skipped() {
        let vars = [("PERMITFLOW_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")];
        let d = detect(None, env(&vars), None);
        assert_eq!(d.lang, Lang::ZhCn);
        assert_eq!(d.ignored.as_deref(), Some("klingon"));
    }
}
