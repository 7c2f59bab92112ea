//! The app's file actions: opening, saving, exporting charts and writing the report. What they
//! read and write goes through [`io`](crate::io) and the application layer.

use std::path::{Path, PathBuf};

use permitflow_app::edit::Document;
use permitflow_chart::Scene;
use permitflow_i18n::tr;

use super::PermitflowApp;
use crate::command::{Dialog, Source};
use crate::io;
use crate::settings::Tab;

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
        match io::save(path, &self.doc.valid, self.doc.original.as_deref()) {
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

    /// Shows a dialog, its path field filled with a suggestion.
    pub(super) fn show_dialog(&mut self, d: Dialog) {
        let path = match &d {
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
            Dialog::Unsaved(_) => String::new(),
        };
        self.views.dialogs.path_text = path;
        self.views.dialogs.focus_path = true;
        self.dialog = Some(d);
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
