//! The app's file actions: opening, saving, exporting charts and writing the report. What they
//! read and write goes through [`io`](crate::io) and the application layer.

use std::path::{Path, PathBuf};

use permitflow_app::edit::Document;
use permitflow_chart::Scene;
use permitflow_i18n::tr;

use permitflow_app::report::PlanTarget;

use super::PermitflowApp;
use crate::command::{Command, Dialog, Source};
use crate::native::{Answer, Request};
use crate::settings::Tab;
use crate::{io, print};

impl PermitflowApp {
    /// Opens without asking; a file that cannot be read leaves the current document open and
    /// lists its problems.
    pub(super) fn open_now(&mut self, src: &Source) {
        let user = io::user_calendars(&self.settings.calendar_file);
        let loaded = match src {
            Source::Default => io::load_default(&user),
            Source::File(p) => io::load(p, &user),
            Source::New { four_stages } => io::new_scenario(*four_stages, &user),
        };
        match loaded {
            Ok(l) => {
                if let Source::File(p) = src {
                    self.settings.remember(p.display().to_string());
                }
                self.status = tr!("gui-opened", file = &l.label);
                self.doc = Document::new(l.label, l.save_path, l.scenario, l.calendar);
                if let Source::File(p) = src {
                    self.doc.original = io::source_text(p);
                    self.doc.read_only = io::is_shipped(p);
                    if self.doc.read_only {
                        self.status = tr!("gui-opened-shipped", file = &self.doc.label);
                    }
                }
                self.load_problems.clear();
                self.views.what_ifs.reset(&self.doc, true);
                if self.views.gantt.opened() {
                    self.status = tr!("gui-gantt-baseline-cleared-open", status = &self.status);
                }
                self.fix_regime_choices();
            }
            Err(d) => {
                let name = match src {
                    Source::Default => io::DEFAULT_LABEL.to_owned(),
                    Source::New { .. } => tr!("gui-new-scenario"),
                    Source::File(p) => p.display().to_string(),
                };
                self.status = tr!("gui-could-not-open", file = name, n = d.0.len());
                self.load_problems = d.0;
            }
        }
    }

    /// Picks regimes the scenario has for the planner and the schedule column.
    pub(super) fn fix_regime_choices(&mut self) {
        let s = &self.doc.valid;
        let pick = |want: &str| {
            if s.regime(want).is_some() {
                return want.to_owned();
            }
            // The last regime that is not the baseline (the serial one, whatever its name).
            let base = s.baseline(s.regimes.iter().map(|r| r.name.as_str()));
            s.regimes
                .iter()
                .rev()
                .find(|r| Some(r.name.as_str()) != base)
                .or(s.regimes.first())
                .map(|r| r.name.to_string())
                .unwrap_or_default()
        };
        self.settings.regime = pick(&self.settings.regime);
        self.settings.plan_regime = pick(&self.settings.plan_regime);
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        if !self.doc.problems.is_empty() {
            self.status = tr!("gui-not-saved-problems");
            return false;
        }
        match io::save(path, &self.doc.unresolved, self.doc.original.as_deref()) {
            Ok(text) => {
                let label = path.display().to_string();
                self.doc.mark_saved(path.to_path_buf(), label.clone(), text);
                self.settings.remember(label.clone());
                self.status = tr!("gui-saved", file = &label);
                true
            }
            Err(e) => {
                self.status = e;
                false
            }
        }
    }

    /// Shows a dialog, its path field filled with a suggestion: the system's own for open,
    /// save as, the charts and the report when it can show one, else the app's with its file
    /// browser.
    pub(super) fn show_dialog(&mut self, d: Dialog) {
        let path = match &d {
            Dialog::Open => self.open_folder(),
            Dialog::Pick(what) => self.pick_start(*what),
            Dialog::SaveAs => self
                .doc
                .path
                .as_ref()
                .filter(|_| !self.doc.read_only)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| self.suggested_path("scenario", "toml")),
            Dialog::ExportCharts => self.suggested_path(self.settings.tab.slug(), "svg"),
            Dialog::ExportSchedule => self.suggested_path(
                &format!("{}-schedule", self.settings.regime),
                self.views.dialogs.format.extension(),
            ),
            Dialog::Report => self.suggested_path("report", "html"),
            Dialog::Unsaved(_) | Dialog::Recover(_) => String::new(),
        };
        if self.native.enabled
            && let Some(req) = native_request(&d, &path)
        {
            if !self.native.is_open() {
                self.native.start(req, self.ctx.clone());
            }
            return;
        }
        self.views.dialogs.path_text = path;
        self.views.dialogs.focus_path = true;
        self.dialog = Some(d);
    }

    /// The folder an open dialog starts in: the open file's, else the working directory.
    fn open_folder(&self) -> String {
        self.doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .and_then(|p| std::path::absolute(p).ok())
            .or_else(|| std::env::current_dir().ok())
            .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
            .unwrap_or_default()
    }

    /// Where the dialog choosing a file for `what` starts: the field's file, else the shipped
    /// folder of such files, else the working directory.
    fn pick_start(&self, what: crate::command::PickFor) -> String {
        use crate::command::PickFor;
        let field = match what {
            PickFor::Calendar => &self.settings.calendar_file,
            PickFor::EventLog => &self.settings.calibrate_log,
            PickFor::Portfolio => &self.settings.centre_portfolio,
        };
        if !field.trim().is_empty() {
            return field.trim().to_owned();
        }
        let shipped = match what {
            PickFor::Calendar => None,
            PickFor::EventLog => self
                .places
                .shipped_dirs("scenarios/logs")
                .into_iter()
                .next(),
            PickFor::Portfolio => self.places.shipped_dirs("portfolios").into_iter().next(),
        };
        shipped
            .map(|d| format!("{}{}", d.display(), std::path::MAIN_SEPARATOR))
            .unwrap_or_else(|| self.open_folder())
    }

    /// Opens a file by what it is: a scenario or item list (asking first about unsaved
    /// changes), a holiday-cn calendar file (applied to the scenario), a portfolio (run in the
    /// approval centre tab), an event log (measured in the calibration tab); dropped files and
    /// the open dialogs come here.
    pub(super) fn open_any(&mut self, p: PathBuf) {
        match io::kind_of(&p) {
            io::FileKind::Scenario => self.push(Command::Open(Source::File(p))),
            io::FileKind::Calendar => self.push(Command::UseCalendar(Some(p))),
            io::FileKind::Portfolio => {
                self.settings.centre_portfolio = p.display().to_string();
                self.settings.tab = Tab::Centre;
                self.push(Command::RunCentre(crate::command::CentreKey {
                    portfolio: p,
                    replications: self.settings.centre_replications,
                    seed: self.settings.centre_seed,
                }));
            }
            io::FileKind::EventLog => {
                self.settings.calibrate_log = p.display().to_string();
                self.settings.tab = Tab::Calibrate;
                self.push(Command::RunCalibration(p));
            }
            io::FileKind::Unknown => {
                self.status = tr!("gui-open-unknown-kind", file = p.display().to_string());
            }
        }
    }

    /// Takes the answers of a native dialog and of the print view.
    pub(super) fn poll_files(&mut self) {
        match self.native.poll() {
            Some(Answer::Chosen(d, p)) => match d {
                Dialog::Open => self.open_any(p),
                Dialog::Pick(what) => {
                    crate::views::dialogs::picked(what, p, &mut self.settings, &mut self.commands)
                }
                Dialog::SaveAs => self.push(Command::SaveAs(p)),
                Dialog::ExportCharts => self.push(Command::ExportCharts(p)),
                _ => self.push(Command::WriteReport(p)),
            },
            Some(Answer::Cancelled(_)) => {
                self.after_save = None;
                self.status = tr!("gui-dialog-cancelled");
            }
            // No dialog could be shown: the app's own, from now on.
            Some(Answer::Unavailable(d)) => self.show_dialog(d),
            None => {}
        }
        if let Some(r) = self.printing.poll() {
            self.status = print::status(&r, self.printing.open_browser);
        }
    }

    /// Makes the print page of the current tab and opens it in the browser (on a worker).
    pub(super) fn print(&mut self) {
        if self.printing.is_running() {
            return;
        }
        let tab = self.settings.tab;
        let loaded = io::Loaded {
            scenario: self.doc.valid.clone(),
            calendar: self.doc.calendar.clone(),
            label: self.doc.label.clone(),
            save_path: self.doc.path.clone(),
        };
        // The planner's own target when the planner prints and one was typed.
        let plan = (tab == Tab::Planner && !self.settings.plan_target_auto).then(|| PlanTarget {
            regime: self.settings.plan_regime.clone(),
            days: permitflow_model::WorkingDays::new(self.settings.plan_target),
        });
        let path = print::page_path(&self.places.print_dir(), &self.doc.label, tab);
        self.status = tr!("gui-print-making", path = path.display().to_string());
        self.printing
            .start(loaded, plan, tab, path, self.ctx.clone());
    }

    /// Turns the system's open and save dialogs on or off (off in tests and under
    /// `PERMITFLOW_NATIVE_DIALOGS=0`).
    pub fn set_native_dialogs(&mut self, on: bool) {
        self.native.enabled = on;
    }

    /// Opens print pages in the system's browser once written (off in tests).
    pub fn set_open_browser(&mut self, on: bool) {
        self.printing.open_browser = on;
    }

    /// The dialog shown, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// A file name beside the open file (or in the working directory), e.g.
    /// `social-investment-housing-compare.svg`.
    fn suggested_path(&self, what: &str, ext: &str) -> String {
        let stem = self
            .doc
            .label
            .split(['/', '\\'])
            .next_back()
            .and_then(|name| name.split(['.', ' ']).next())
            .unwrap_or("scenario");
        let dir = self
            .doc
            .path
            .as_ref()
            // A shipped scenario is saved as a copy elsewhere: not beside the original.
            .filter(|_| !self.doc.read_only)
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            // Written out in full, so the user sees where the file goes; without a file (the
            // built-in scenario), the folder the app was started in.
            .and_then(|p| std::path::absolute(p).ok())
            .or_else(|| std::env::current_dir().ok())
            .map(|p| format!("{}/", p.display()))
            .unwrap_or_default();
        if what == "scenario" {
            format!("{dir}{stem}-edited.{ext}")
        } else {
            format!("{dir}{stem}-{what}.{ext}")
        }
    }

    /// The charts of the current tab as one scene.
    fn current_scene(&self) -> Option<Scene> {
        match self.settings.tab {
            Tab::Compare => self.comparison().scene(&self.doc.valid, &self.doc.calendar),
            Tab::Simulation => self.jobs.simulation.result().map(|(_, r)| r.chart.clone()),
            Tab::Planner => match self.jobs.planner.result() {
                Some((_, Ok(p))) => Some(p.chart.clone()),
                _ => None,
            },
            Tab::Centre => match self.jobs.centre.result() {
                Some((_, Ok(c))) => Some(c.chart.clone()),
                _ => None,
            },
            Tab::Calibrate => match self.jobs.calibration.result() {
                Some((_, Ok(c))) => {
                    let mut scenes: Vec<Scene> = c
                        .charts
                        .get(self.views.calibrate.selected)
                        .cloned()
                        .into_iter()
                        .collect();
                    if let Ok((_, v)) = &c.validation {
                        scenes.push(v.clone());
                    }
                    (!scenes.is_empty()).then(|| Scene::stack(scenes, 24.0))
                }
                _ => None,
            },
            Tab::Author | Tab::Versions => None,
            Tab::Schedule => {
                let regime = self.views.gantt.regime();
                let gantts = &self.comparison().gantts;
                gantts
                    .iter()
                    .find(|(n, _)| n == regime)
                    .map(|(_, g)| g.clone())
            }
        }
    }

    /// The regime a calibration validates under: the one the time limits show, else the
    /// scenario's first.
    pub(super) fn calibration_regime(&self) -> String {
        let regimes = &self.doc.valid.regimes;
        regimes
            .iter()
            .find(|r| r.name.as_str() == self.settings.regime)
            .or_else(|| regimes.first())
            .map_or_else(|| "parallel".to_owned(), |r| r.name.to_string())
    }

    pub(super) fn export_charts(&mut self, path: &Path) -> bool {
        let Some(scene) = self.current_scene() else {
            self.status = tr!("gui-nothing-to-export");
            return false;
        };
        self.report_result(io::write_charts(path, &scene))
    }

    /// Writes the report of the valid scenario on a worker; the status says when it is done.
    pub(super) fn write_report(&mut self, path: PathBuf) {
        if path.as_os_str().is_empty() {
            self.status = tr!("gui-report-needs-path");
            return;
        }
        let loaded = io::Loaded {
            scenario: self.doc.valid.clone(),
            calendar: self.doc.calendar.clone(),
            label: self.doc.label.clone(),
            save_path: self.doc.path.clone(),
        };
        self.status = tr!("gui-writing-report-to", path = path.display().to_string());
        self.dialog = None;
        self.jobs.report.invalidate();
        let p = path.clone();
        let run = self.worker();
        self.jobs
            .report
            .request(path, run, move |_| io::write_report(&loaded, &p));
    }
}

/// The native dialog standing for `d` with the suggested `path`; `None` for the dialogs that
/// ask more than a path (the schedule's regime and format) and the questions.
fn native_request(d: &Dialog, path: &str) -> Option<Request> {
    let (title, name, exts, save) = match d {
        Dialog::Open => (
            tr!("gui-dialog-open"),
            tr!("gui-filter-openable"),
            io::OPENABLE.to_vec(),
            false,
        ),
        Dialog::SaveAs => (
            tr!("gui-dialog-save-as"),
            tr!("gui-filter-scenario"),
            vec!["toml", "json"],
            true,
        ),
        Dialog::ExportCharts => (
            tr!("gui-dialog-charts"),
            tr!("gui-filter-charts"),
            vec!["svg", "png"],
            true,
        ),
        Dialog::Report => (
            tr!("gui-dialog-report"),
            tr!("gui-filter-report"),
            vec!["html"],
            true,
        ),
        Dialog::Pick(what) => (
            crate::views::dialogs::pick_title(*what),
            crate::views::dialogs::pick_title(*what),
            what.extensions().to_vec(),
            false,
        ),
        _ => return None,
    };
    Some(Request {
        dialog: d.clone(),
        title,
        filter: (name, exts.into_iter().map(str::to_owned).collect()),
        suggested: PathBuf::from(path),
        save,
    })
}
