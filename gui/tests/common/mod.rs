//! What every desktop-app test needs: the app in a kittest harness without a window, with the
//! CJK font, solving in place (a busy test machine cannot make the schedules arrive a frame
//! late; the worker path is measured in tests/frame_time.rs).

#![allow(dead_code)] // each test binary uses its own part

use egui_kittest::Harness;
use permitflow_gui::{PermitflowApp, Settings};

/// The app in its test harness.
pub type H = Harness<'static, PermitflowApp>;

/// `app` in a 1600×1000 harness, after its first frame.
pub fn harness(mut app: PermitflowApp) -> Harness<'static, PermitflowApp> {
    app.set_background(false);
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(permitflow_gui::fonts::install)
        .build_ui_state(|ui, app: &mut PermitflowApp| app.ui(ui), app);
    h.run();
    h
}

/// The app on the built-in default scenario.
pub fn default_app() -> Harness<'static, PermitflowApp> {
    harness(PermitflowApp::new(Settings::default(), None))
}

/// Steps the app until `done` holds (work on worker threads), for at most 120 s.
pub fn wait_until(
    h: &mut Harness<'static, PermitflowApp>,
    done: impl Fn(&Harness<'static, PermitflowApp>) -> bool,
) {
    let t0 = std::time::Instant::now();
    while !done(h) {
        assert!(
            t0.elapsed().as_secs() < 120,
            "timed out; status: {}",
            h.state().status()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// Runs `test` in English, then in Chinese (on this thread only: tests run side by side).
pub fn in_both_languages(test: impl Fn(permitflow_i18n::Lang)) {
    for lang in permitflow_i18n::Lang::ALL {
        permitflow_i18n::with_lang(lang, || test(lang));
    }
}

/// A regime's accessible "`regime`: `days` working days" cell in the comparison table, in the
/// current language (`并联审批＋联合审查：36.5 个工作日` in Chinese).
pub fn working_days_cell(app: &PermitflowApp, regime: &str, days: &str) -> String {
    let name = app
        .doc
        .valid
        .regime_label(&permitflow_model::RegimeName::new(regime));
    permitflow_i18n::tr!("gui-cell-working-days", name = name, days = days)
}

/// The start of a regime's accessible approval-days cell in the comparison table, in the
/// current language, up to where the saving against serial follows (`joint: 36.5 approval days
/// (official approval time; ` in English, `并联审批＋联合审查：审批用时 36.5 个工作日（官方统计口径；较串联审批 `
/// in Chinese): for `get_by_label_contains`. The default scenario's published figures and the
/// what-ifs on them are approval days; its elapsed working days include a year of works.
pub fn approval_days_cell(app: &PermitflowApp, regime: &str, days: &str) -> String {
    let name = app
        .doc
        .valid
        .regime_label(&permitflow_model::RegimeName::new(regime));
    let full = permitflow_i18n::tr!(
        "gui-cell-approval-days",
        name = name,
        days = days,
        diff = "\u{1}"
    );
    full.split('\u{1}').next().unwrap_or_default().to_owned()
}

/// The app on the default scenario's all-approval flow: the shipped file without the items off
/// the approval clock (the planning permit's publicity, the geotechnical investigation, the
/// construction works), so approval days equal elapsed working days and what-ifs move both by
/// the days a planner counts. For the tests whose point is an edit's effect on that flow.
pub fn approval_only_app() -> Harness<'static, PermitflowApp> {
    static PATH: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let path = PATH.get_or_init(|| {
        let shipped = include_str!("../../../scenarios/social-investment-housing.toml");
        let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("gui-approval-only-{}.toml", std::process::id()));
        std::fs::write(&path, approval_only(shipped)).expect("write the all-approval scenario");
        path
    });
    harness(PermitflowApp::new(Settings::default(), Some(path)))
}

/// `approval_only_app`'s scenario text: the shipped file without its off-clock items, their
/// links and their departments (shared with the command line's tests).
#[path = "../../../tests/shared/approval_only.rs"]
mod approval_only_text;
pub use approval_only_text::approval_only;
