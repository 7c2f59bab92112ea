//! Validation of a parsed portfolio: one `check_*` function per rule, composed by [`convert`]
//! in the order of the file.

use std::collections::HashMap;
use std::ops::Range;

use super::{
    FileDepartment, FilePortfolio, FileProject, MAX_ENTRIES, MAX_HORIZON, MAX_PER_YEAR,
    MAX_REVIEWERS, PORTFOLIO_VERSION, Portfolio, PortfolioDepartment, PortfolioProject,
    WORKING_DAYS_PER_YEAR, stem,
};
use permitflow_i18n::{message, tr};

use crate::diag::{Code, Collector, subject};
use crate::locate::Locator;
use crate::scenario::SourceRef;
use crate::units::{Department, RegimeName, Sourced};

/// Where a problem is: the entries of the portfolio's arrays and its top-level keys.
pub(super) struct Ctx<'a> {
    pub(super) out: Collector<'a>,
    pub(super) loc: &'a Locator<'a>,
    pub(super) top: Range<usize>,
}

impl Ctx<'_> {
    /// A problem at `key`'s value inside `entry` (the top-level keys when `None`), or at the
    /// entry's first line when the key is not written.
    fn push(
        &mut self,
        code: Code,
        entry: Option<Range<usize>>,
        key: &str,
        subject: Option<String>,
        message: String,
        help: &str,
    ) {
        let within = entry.clone().unwrap_or_else(|| self.top.clone());
        let span = self
            .loc
            .value(within, key)
            .or_else(|| entry.map(|e| self.loc.first_line(e)));
        self.out.push(code, span, subject, message, help);
    }
}

/// A name for people: its label in the current language (`label_zh` / `label_en`), else the
/// name as written.
fn shown(name: &str, zh: &Option<String>, en: &Option<String>) -> String {
    let label = match permitflow_i18n::lang() {
        permitflow_i18n::Lang::ZhCn => zh,
        permitflow_i18n::Lang::En => en,
    };
    label
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or(name)
        .trim()
        .to_owned()
}

pub(super) fn convert(raw: FilePortfolio, cx: &mut Ctx) -> Portfolio {
    check_entries(cx, &raw);
    check_version(cx, raw.version);
    check_name(cx, &raw.name);
    check_horizon(cx, raw.horizon);
    let warmup = raw.warmup.unwrap_or(0.0);
    check_warmup(cx, warmup);
    let sources = raw
        .sources
        .into_iter()
        .map(|s| SourceRef {
            id: s.id,
            title: s.title,
            note: s.note,
        })
        .collect();
    let projects = projects(cx, raw.projects);
    check_total_arrivals(cx, &projects);
    let departments = departments(cx, raw.departments);
    Portfolio {
        name: shown(&raw.name, &raw.label_zh, &raw.label_en),
        description: raw.description,
        sources,
        horizon: raw.horizon,
        warmup,
        projects,
        departments,
    }
}

/// Rule: at most [`MAX_ENTRIES`] project types and as many departments (the app loads each
/// type's scenario only once the file is valid).
fn check_entries(cx: &mut Ctx, raw: &FilePortfolio) {
    for (key, n) in [
        ("diag-portfolio-too-large.projects", raw.projects.len()),
        (
            "diag-portfolio-too-large.departments",
            raw.departments.len(),
        ),
    ] {
        if n > MAX_ENTRIES {
            cx.push(
                Code::BadValue,
                None,
                "name",
                None,
                message(
                    key,
                    &[
                        ("n", n.to_string().into()),
                        ("max", MAX_ENTRIES.to_string().into()),
                    ],
                ),
                &tr!("diag-portfolio-too-large.help"),
            );
        }
    }
}

/// Rule: the file's `version` is the one this build reads.
fn check_version(cx: &mut Ctx, version: u32) {
    if version != PORTFOLIO_VERSION {
        cx.push(
            Code::Version,
            None,
            "version",
            None,
            tr!(
                "diag-portfolio-version",
                version = version.to_string(),
                supported = PORTFOLIO_VERSION.to_string()
            ),
            &tr!("diag-version.help"),
        );
    }
}

/// Rule: the portfolio has a name.
fn check_name(cx: &mut Ctx, name: &str) {
    if name.trim().is_empty() {
        cx.push(
            Code::BadValue,
            None,
            "name",
            None,
            tr!("diag-portfolio-no-name"),
            &tr!("diag-portfolio-no-name.help"),
        );
    }
}

/// Rule: the horizon is more than 0 and at most [`MAX_HORIZON`] working days.
fn check_horizon(cx: &mut Ctx, horizon: f64) {
    if !(horizon.is_finite() && horizon > 0.0 && horizon <= MAX_HORIZON) {
        cx.push(
            Code::BadValue,
            None,
            "horizon",
            None,
            tr!(
                "diag-portfolio-horizon",
                horizon = horizon.to_string(),
                max = thousands(MAX_HORIZON)
            ),
            &tr!("diag-portfolio-horizon.help"),
        );
    }
}

/// Rule: the warm-up is from 0 to [`MAX_HORIZON`] working days.
fn check_warmup(cx: &mut Ctx, warmup: f64) {
    if !(warmup.is_finite() && (0.0..=MAX_HORIZON).contains(&warmup)) {
        cx.push(
            Code::BadValue,
            None,
            "warmup",
            None,
            tr!(
                "diag-portfolio-warmup",
                warmup = warmup.to_string(),
                max = thousands(MAX_HORIZON)
            ),
            &tr!("diag-portfolio-warmup.help"),
        );
    }
}

/// `100000` as `100,000`.
fn thousands(v: f64) -> String {
    let digits = format!("{}", v as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rule: the portfolio as a whole has at most [`MAX_PER_YEAR`] arrivals a year.
fn check_total_arrivals(cx: &mut Ctx, projects: &[PortfolioProject]) {
    let per_year: f64 = projects.iter().map(|p| p.rate.value).sum::<f64>() * WORKING_DAYS_PER_YEAR;
    if per_year > MAX_PER_YEAR * (1.0 + 1e-12) {
        cx.push(
            Code::BadValue,
            None,
            "name",
            None,
            tr!(
                "diag-portfolio-arrivals",
                per_year = per_year.to_string(),
                max = thousands(MAX_PER_YEAR)
            ),
            &tr!("diag-portfolio-arrivals.help"),
        );
    }
}

/// The project types, each name once.
fn projects(cx: &mut Ctx, raw: Vec<FileProject>) -> Vec<PortfolioProject> {
    let entries = cx.loc.entries("projects");
    // Rule: a portfolio has at least one project type.
    if raw.is_empty() {
        cx.push(
            Code::EmptyModel,
            None,
            "name",
            None,
            tr!("diag-portfolio-no-projects"),
            &tr!("diag-portfolio-no-projects.help"),
        );
    }
    let mut projects = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, p) in raw.into_iter().enumerate() {
        let at = entries.get(i).cloned();
        let name = p
            .name
            .clone()
            .unwrap_or_else(|| stem(p.scenario.trim()).to_owned());
        let subject = Some(subject("project type", &name));
        check_project_name(cx, at.clone(), &name, i, &mut seen);
        check_given(
            cx,
            at.clone(),
            "scenario",
            &p.scenario,
            &subject,
            tr!("diag-project-no-scenario"),
            &tr!("diag-project-no-scenario.help"),
        );
        check_given(
            cx,
            at.clone(),
            "regime",
            &p.regime,
            &subject,
            tr!("diag-project-no-regime"),
            &tr!("diag-project-no-regime.help"),
        );
        let rate = check_rate(cx, at, &p, &subject);
        projects.push(PortfolioProject {
            name: shown(&name, &p.label_zh, &p.label_en),
            scenario: p.scenario.trim().to_owned(),
            regime: RegimeName::new(p.regime.trim()),
            rate,
            priority: p.priority,
            note: p.note,
        });
    }
    projects
}

/// Rule: a project type has a name (its own, or its scenario file's), unique in the portfolio.
fn check_project_name(
    cx: &mut Ctx,
    at: Option<Range<usize>>,
    name: &str,
    i: usize,
    seen: &mut HashMap<String, usize>,
) {
    if name.trim().is_empty() {
        cx.push(
            Code::BadValue,
            at,
            "name",
            None,
            tr!("diag-project-no-name", n = i + 1),
            &tr!("diag-project-no-name.help"),
        );
    } else if let Some(first) = seen.get(name) {
        cx.push(
            Code::DuplicateId,
            at,
            "name",
            Some(subject("project type", name)),
            tr!(
                "diag-project-twice",
                name = name,
                first = first + 1,
                second = i + 1
            ),
            &tr!("diag-project-twice.help"),
        );
    } else {
        seen.insert(name.to_owned(), i);
    }
}

/// Rule: a required text (`key`) is not empty.
fn check_given(
    cx: &mut Ctx,
    at: Option<Range<usize>>,
    key: &str,
    value: &str,
    subject: &Option<String>,
    message: String,
    help: &str,
) {
    if value.trim().is_empty() {
        cx.push(Code::BadValue, at, key, subject.clone(), message, help);
    }
}

/// Rule: a project type has one arrival rate, `per_year` from 0 to [`MAX_PER_YEAR`] or `rate`
/// from 0 to [`MAX_PER_YEAR`] / [`WORKING_DAYS_PER_YEAR`] (400 a working day). Gives it per
/// working day (0 when it has a problem).
fn check_rate(
    cx: &mut Ctx,
    at: Option<Range<usize>>,
    p: &FileProject,
    subject: &Option<String>,
) -> Sourced<f64> {
    let rate = match (&p.per_year, &p.rate) {
        (Some(_), Some(_)) => {
            cx.push(
                Code::BadValue,
                at.clone(),
                "rate",
                subject.clone(),
                tr!("diag-project-two-rates"),
                &tr!("diag-project-two-rates.help"),
            );
            None
        }
        (None, None) => {
            cx.push(
                Code::BadValue,
                at.clone(),
                "scenario",
                subject.clone(),
                tr!("diag-project-no-rate"),
                &tr!("diag-project-no-rate.help"),
            );
            None
        }
        (Some(n), None) => Some(("per_year", n, n.value / WORKING_DAYS_PER_YEAR)),
        (None, Some(n)) => Some(("rate", n, n.value)),
    };
    match rate {
        Some((key, n, per_day))
            if !(n.value.is_finite()
                && n.value >= 0.0
                && per_day * WORKING_DAYS_PER_YEAR <= MAX_PER_YEAR * (1.0 + 1e-12)) =>
        {
            let (max, unit) = if key == "per_year" {
                (
                    thousands(MAX_PER_YEAR),
                    tr!("diag-project-bad-rate.per-year"),
                )
            } else {
                (
                    thousands(MAX_PER_YEAR / WORKING_DAYS_PER_YEAR),
                    tr!("diag-project-bad-rate.per-day"),
                )
            };
            cx.push(
                Code::BadValue,
                at,
                key,
                subject.clone(),
                tr!(
                    "diag-project-bad-rate",
                    key = key,
                    value = n.value.to_string(),
                    max = max,
                    unit = unit
                ),
                &tr!("diag-project-bad-rate.help"),
            );
            Sourced::new(0.0, n.provenance())
        }
        Some((_, n, per_day)) => Sourced::new(per_day, n.provenance()),
        None => Sourced::unspecified(0.0),
    }
}

/// The departments with finite reviewers, each once.
fn departments(cx: &mut Ctx, raw: Vec<FileDepartment>) -> Vec<PortfolioDepartment> {
    let entries = cx.loc.entries("departments");
    let mut departments = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, d) in raw.into_iter().enumerate() {
        let at = entries.get(i).cloned();
        let name = d.name.trim().to_owned();
        check_department_name(cx, at.clone(), &name, i, &mut seen);
        let reviewers = check_reviewers(cx, at, &name, d.reviewers.value);
        departments.push(PortfolioDepartment {
            name: Department::new(name),
            reviewers: Sourced::new(reviewers, d.reviewers.provenance()),
            note: d.note,
        });
    }
    departments
}

/// Rule: a department has a name, listed once.
fn check_department_name(
    cx: &mut Ctx,
    at: Option<Range<usize>>,
    name: &str,
    i: usize,
    seen: &mut HashMap<String, usize>,
) {
    if name.is_empty() {
        cx.push(
            Code::BadValue,
            at,
            "name",
            None,
            tr!("diag-department-no-name", n = i + 1),
            &tr!("diag-department-no-name.help"),
        );
    } else if let Some(first) = seen.get(name) {
        cx.push(
            Code::DuplicateId,
            at,
            "name",
            Some(subject("department", name)),
            tr!(
                "diag-department-twice",
                name = name,
                first = first + 1,
                second = i + 1
            ),
            &tr!("diag-department-twice.help"),
        );
    } else {
        seen.insert(name.to_owned(), i);
    }
}

/// Rule: reviewers are a whole number from 1 to [`MAX_REVIEWERS`]. Gives them (1 when they are
/// not).
fn check_reviewers(cx: &mut Ctx, at: Option<Range<usize>>, name: &str, v: f64) -> usize {
    if !v.is_finite() || v.fract() != 0.0 || !(1.0..=MAX_REVIEWERS as f64).contains(&v) {
        cx.push(
            Code::BadValue,
            at,
            "reviewers",
            Some(subject("department", name)),
            tr!(
                "diag-department-reviewers",
                reviewers = v.to_string(),
                max = thousands(MAX_REVIEWERS as f64)
            ),
            &tr!("diag-department-reviewers.help"),
        );
        1
    } else {
        v as usize
    }
}

/// Rule: a department listed is one its scenarios name (see [`super::check_departments`]).
pub(super) fn check_known_departments(
    cx: &mut Ctx,
    departments: &[PortfolioDepartment],
    known: &std::collections::BTreeSet<String>,
) {
    let entries = cx.loc.entries("departments");
    for (i, d) in departments.iter().enumerate() {
        let name = d.name.as_str();
        if name.is_empty() || known.contains(name) {
            continue;
        }
        let list = known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(&tr!("diag-list-separator"));
        let help = match closest(name, known) {
            Some(c) => tr!("diag-department-unknown.did-you-mean", id = c, list = list),
            None => tr!("diag-department-unknown.help", list = list),
        };
        cx.push(
            Code::UnknownId,
            entries.get(i).cloned(),
            "name",
            Some(subject("department", name)),
            tr!("diag-department-unknown", name = name),
            &help,
        );
    }
}

/// The known name nearest `word` (ignoring case), when it is close: a slip of the keyboard.
fn closest<'k>(word: &str, known: &'k std::collections::BTreeSet<String>) -> Option<&'k str> {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    known
        .iter()
        .map(|k| {
            let c: Vec<char> = k.to_lowercase().chars().collect();
            let mut prev: Vec<usize> = (0..=c.len()).collect();
            for (i, a) in w.iter().enumerate() {
                let mut cur = vec![i + 1; c.len() + 1];
                for (j, b) in c.iter().enumerate() {
                    cur[j + 1] = (prev[j] + usize::from(a != b))
                        .min(prev[j + 1] + 1)
                        .min(cur[j] + 1);
                }
                prev = cur;
            }
            (prev[c.len()], k)
        })
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}
