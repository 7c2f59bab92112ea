//! Validation of a parsed portfolio: one `check_*` function per rule, composed by [`convert`]
//! in the order of the file.

use std::collections::HashMap;
use std::ops::Range;

use super::{
    FileDepartment, FilePortfolio, FileProject, MAX_ENTRIES, MAX_HORIZON, MAX_PER_YEAR,
    MAX_REVIEWERS, PORTFOLIO_VERSION, Portfolio, PortfolioDepartment, PortfolioProject,
    WORKING_DAYS_PER_YEAR, stem,
};
use crate::diag::{Code, Collector};
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
    for (what, n) in [
        ("project types", raw.projects.len()),
        ("departments", raw.departments.len()),
    ] {
        if n > MAX_ENTRIES {
            cx.push(
                Code::BadValue,
                None,
                "name",
                None,
                format!("the portfolio lists {n} {what}; permitflow accepts at most {MAX_ENTRIES}"),
                "check that the file was generated as intended, or split it into several \
                 portfolios",
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
            format!(
                "portfolio version {version} is not supported (this build reads version {PORTFOLIO_VERSION})"
            ),
            "set `version = 1`, or upgrade permitflow",
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
            "the portfolio has no name".into(),
            "name it, e.g. `name = \"Mid-sized city\"`",
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
            format!(
                "the horizon {horizon} is not more than 0 and at most {} working days",
                thousands(MAX_HORIZON)
            ),
            "give the working days to simulate, e.g. `horizon = 250` for a year",
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
            format!(
                "the warm-up {warmup} is not from 0 to {} working days",
                thousands(MAX_HORIZON)
            ),
            "give the working days to run before the horizon (or leave `warmup` out)",
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
            format!(
                "the project types add up to {per_year} arrivals a year; a portfolio has at most {}",
                thousands(MAX_PER_YEAR)
            ),
            "lower `per_year` (or `rate`) of the project types; simulate a very large programme \
             as several portfolios",
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
            "the portfolio has no project types".into(),
            "add a [[projects]] entry with `scenario`, `regime` and `per_year` or `rate`",
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
        let subject = Some(format!("project type `{name}`"));
        check_project_name(cx, at.clone(), &name, i, &mut seen);
        check_given(
            cx,
            at.clone(),
            "scenario",
            &p.scenario,
            &subject,
            "the scenario path is empty",
            "give the scenario file, relative to this portfolio file",
        );
        check_given(
            cx,
            at.clone(),
            "regime",
            &p.regime,
            &subject,
            "the regime is empty",
            "name one of the scenario's regimes, e.g. `regime = \"joint\"`",
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
            format!("project type {} has no name", i + 1),
            "give it a `name`, or a `scenario` path whose file name can serve as one",
        );
    } else if let Some(first) = seen.get(name) {
        cx.push(
            Code::DuplicateId,
            at,
            "name",
            Some(format!("project type `{name}`")),
            format!(
                "project type `{name}` is listed twice (entries {} and {})",
                first + 1,
                i + 1
            ),
            "give each project type its own `name` (the same scenario may appear under \
             different names and regimes)",
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
    message: &str,
    help: &str,
) {
    if value.trim().is_empty() {
        cx.push(
            Code::BadValue,
            at,
            key,
            subject.clone(),
            message.into(),
            help,
        );
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
                "both `per_year` and `rate` are given".into(),
                "keep one: `per_year` (projects a year) or `rate` (projects a working day)",
            );
            None
        }
        (None, None) => {
            cx.push(
                Code::BadValue,
                at.clone(),
                "scenario",
                subject.clone(),
                "the project type has no arrival rate".into(),
                "add `per_year = N` (projects a year) or `rate = N` (projects a working day)",
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
                (thousands(MAX_PER_YEAR), "a year")
            } else {
                (
                    thousands(MAX_PER_YEAR / WORKING_DAYS_PER_YEAR),
                    "a working day",
                )
            };
            cx.push(
                Code::BadValue,
                at,
                key,
                subject.clone(),
                format!(
                    "`{key} = {}` is not from 0 to {max} projects {unit}",
                    n.value
                ),
                "give the projects that arrive (a year for `per_year`, a working day for \
                 `rate`)",
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
            format!("department {} has no name", i + 1),
            "write the department as the scenarios' items name it",
        );
    } else if let Some(first) = seen.get(name) {
        cx.push(
            Code::DuplicateId,
            at,
            "name",
            Some(format!("department `{name}`")),
            format!(
                "department `{name}` is listed twice (entries {} and {})",
                first + 1,
                i + 1
            ),
            "list each department once, with all its reviewers",
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
            Some(format!("department `{name}`")),
            format!(
                "{v} reviewers is not a whole number from 1 to {}",
                thousands(MAX_REVIEWERS as f64)
            ),
            "give the reviews the department can have in progress at once; leave the \
             department out for unlimited capacity",
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
            .join(", ");
        let help = match closest(name, known) {
            Some(c) => format!("did you mean `{c}`? The scenarios' departments are {list}"),
            None => format!(
                "write the department as the scenarios' items name it: {list}; a department \
                 no scenario has is never used, and the one meant keeps unlimited reviewers"
            ),
        };
        cx.push(
            Code::UnknownId,
            entries.get(i).cloned(),
            "name",
            Some(format!("department `{name}`")),
            format!("unknown department `{name}`: none of the portfolio's scenarios has it"),
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
