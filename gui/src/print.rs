//! The print view: the HTML report of the open scenario focused on the tab shown (the app
//! layer's [`permitflow_app::report::of_focused`]), written to the cache folder on a worker
//! and opened in the system's browser, where the planner prints it or saves it as PDF (the
//! page has its A4-landscape print stylesheet).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;
use permitflow_app::report::{Focus, PlanTarget, of_focused};
use permitflow_i18n::tr;

use crate::compute::error_text;
use crate::io::Loaded;
use crate::settings::Tab;

/// The part of the report a tab prints: the comparison and its Gantt charts, the simulation,
/// the plan; the whole report from the other tabs.
pub fn focus_of(tab: Tab) -> Focus {
    match tab {
        Tab::Compare => Focus::Compare,
        Tab::Simulation => Focus::Simulation,
        Tab::Planner => Focus::Planner,
        _ => Focus::Whole,
    }
}

/// The page's file: `<dir>/<scenario>-<tab>.html`, the scenario's file stem (or `scenario`).
pub fn page_path(dir: &Path, label: &str, tab: Tab) -> PathBuf {
    let stem = label
        .split(['/', '\\'])
        .next_back()
        .and_then(|n| n.split(['.', ' ']).next())
        .filter(|s| !s.is_empty())
        .unwrap_or("scenario");
    dir.join(format!("{stem}-{}.html", tab.slug()))
}

/// How a print ended: where the page is and whether a browser was started.
pub type Printed = Result<(PathBuf, bool), String>;

/// The print being made.
#[derive(Debug, Default)]
pub struct Printing {
    /// Open the page in a browser when written (the binary turns it on; tests leave it off).
    pub open_browser: bool,
    pending: Option<Receiver<Printed>>,
}

impl Printing {
    /// Whether a page is being made.
    pub fn is_running(&self) -> bool {
        self.pending.is_some()
    }

    /// Makes the page of `loaded` focused on `tab` at `path` on a worker; the planner (when
    /// the tab is the planner's) at `plan`.
    pub fn start(
        &mut self,
        loaded: Loaded,
        plan: Option<PlanTarget>,
        tab: Tab,
        path: PathBuf,
        ctx: Option<Context>,
    ) {
        let (tx, rx) = channel();
        let open_browser = self.open_browser;
        let lang = permitflow_i18n::lang();
        std::thread::spawn(move || {
            let r = permitflow_i18n::with_lang(lang, || {
                write_page(&loaded, plan.as_ref(), tab, &path, open_browser)
            });
            let _ = tx.send(r);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.pending = Some(rx);
    }

    /// The result, once the page is made.
    pub fn poll(&mut self) -> Option<Printed> {
        let rx = self.pending.as_ref()?;
        let r = match rx.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(r) => r,
            Err(TryRecvError::Disconnected) => Err(tr!("gui-print-failed")),
        };
        self.pending = None;
        Some(r)
    }
}

/// Writes the focused page atomically (the folder made when missing), then opens it.
fn write_page(
    loaded: &Loaded,
    plan: Option<&PlanTarget>,
    tab: Tab,
    path: &Path,
    open_browser: bool,
) -> Printed {
    let html = of_focused(loaded, plan, focus_of(tab)).map_err(|e| error_text(&e))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            tr!(
                "gui-cannot-write",
                path = dir.display().to_string(),
                error = e.to_string()
            )
        })?;
    }
    permitflow_app::write::file(path, html.as_bytes()).map_err(|e| error_text(&e))?;
    let opened = open_browser && open::that_detached(path).is_ok();
    Ok((path.to_path_buf(), opened))
}

/// The status line after a print.
pub fn status(r: &Printed, open_browser: bool) -> String {
    match r {
        Ok((p, true)) => tr!("gui-print-opened", path = p.display().to_string()),
        Ok((p, false)) if open_browser => {
            tr!("gui-print-no-browser", path = p.display().to_string())
        }
        Ok((p, false)) => tr!("gui-print-written", path = p.display().to_string()),
        Err(e) => e.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tab_prints_its_part() {
        assert_eq!(focus_of(Tab::Compare), Focus::Compare);
        assert_eq!(focus_of(Tab::Simulation), Focus::Simulation);
        assert_eq!(focus_of(Tab::Planner), Focus::Planner);
        assert_eq!(focus_of(Tab::Author), Focus::Whole);
        assert_eq!(focus_of(Tab::Centre), Focus::Whole);
        let dir = Path::new("/cache/print");
        assert_eq!(
            page_path(dir, "/x/industrial.toml", Tab::Planner),
            dir.join("industrial-planner.html")
        );
        assert_eq!(
            page_path(
                dir,
                "social-investment-housing.toml (built in)",
                Tab::Compare
            ),
            dir.join("social-investment-housing-compare.html")
        );
    }
}
