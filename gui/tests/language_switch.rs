//! The language menu: switching redraws the app in the other language at once (labels, the
//! scenario's names, the results), and the choice is kept in the settings for the next start.
//!
//! Its own test binary: switching sets the process's language, which the tests of other
//! binaries must not see.

mod common;

use common::harness;
use egui_kittest::kittest::Queryable;
use permitflow_gui::app::relabel;
use permitflow_gui::settings::startup_lang;
use permitflow_gui::{PermitflowApp, Settings};
use permitflow_i18n::{Lang, Setting};
use permitflow_model::{ItemId, Label, Named, Part};

/// The default scenario with Chinese and English labels on one item, its names in English.
fn labelled_app() -> PermitflowApp {
    let mut app = PermitflowApp::new(Settings::default(), None);
    app.doc.draft.labels.names.insert(
        (Part::Item, "first_registration".to_owned()),
        Named {
            written: "不动产首次登记 First real-estate registration".to_owned(),
            label: Label {
                zh: Some("不动产首次登记".to_owned()),
                en: Some("First real-estate registration".to_owned()),
            },
        },
    );
    permitflow_i18n::with_lang(Lang::En, || relabel(&mut app.doc));
    app
}

#[test]
fn the_menu_switches_to_chinese_and_back_and_the_choice_is_saved() {
    permitflow_i18n::set_lang(Lang::En);
    let mut h = harness(labelled_app());
    h.get_by_label("Compare regimes");
    h.get_by_label_contains("joint: 36.5 approval days (");
    h.get_by_label("First real-estate registration");
    assert_eq!(h.state().settings.lang, "");

    h.get_by_label("Language · English").click();
    h.run();
    h.get_by_label("中文").click();
    h.run();
    // Redrawn in Chinese without a restart: the tab, the table, the item's name, the status.
    h.get_by_label("审批模式对比");
    assert!(h.query_by_label("Compare regimes").is_none());
    h.get_by_label_contains("并联审批＋联合审查：审批用时 36.5 个工作日（");
    h.get_by_label("不动产首次登记");
    assert!(h.query_by_label("First real-estate registration").is_none());
    let item = ItemId::new("first_registration");
    let valid_name = |h: &common::H| h.state().doc.valid.item(&item).map(|i| i.name.clone());
    assert_eq!(valid_name(&h).as_deref(), Some("不动产首次登记"));
    assert_eq!(h.state().status(), "语言：中文");
    // Remembered: the settings eframe stores at exit say zh-CN, and the next start reads them
    // before the environment.
    assert_eq!(h.state().settings.lang, "zh-CN");
    let english_env = |k: &str| (k == "LANG").then(|| "en_US.UTF-8".to_owned());
    let next = startup_lang(&h.state().settings, english_env, Some("en-US"));
    assert_eq!((next.lang, next.from), (Lang::ZhCn, Setting::Flag));
    // Switching language changes no data: nothing to save.
    assert!(!h.state().doc.is_dirty());

    h.get_by_label("语言 · 中文").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Compare regimes");
    assert!(h.query_by_label("审批模式对比").is_none());
    h.get_by_label_contains("joint: 36.5 approval days (");
    h.get_by_label("First real-estate registration");
    assert_eq!(
        valid_name(&h).as_deref(),
        Some("First real-estate registration")
    );
    assert_eq!(h.state().settings.lang, "en");
    permitflow_i18n::set_lang(Lang::En);
}

#[test]
fn without_a_saved_choice_the_environment_then_the_system_decide() {
    let none = Settings::default();
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let d = startup_lang(&none, env(&[("PERMITFLOW_LANG", "zh-CN")]), Some("en-US"));
    assert_eq!(d.lang, Lang::ZhCn);
    let d = startup_lang(&none, env(&[("LANG", "zh_CN.UTF-8")]), None);
    assert_eq!(d.lang, Lang::ZhCn);
    let d = startup_lang(&none, env(&[]), Some("zh-Hans-CN"));
    assert_eq!((d.lang, d.from), (Lang::ZhCn, Setting::System));
    let d = startup_lang(&none, env(&[]), None);
    assert_eq!(d.lang, Lang::En);
    // A saved English choice wins over a Chinese system.
    let en = Settings {
        lang: "en".into(),
        ..Settings::default()
    };
    let d = startup_lang(&en, env(&[("LANG", "zh_CN.UTF-8")]), Some("zh-CN"));
    assert_eq!(d.lang, Lang::En);
}
