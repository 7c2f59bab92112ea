//! The portfolio file: what an approval centre handles over a horizon — project types (a
//! scenario and the regime in force) with their arrival rates, and each department's reviewers.
//! The solver's `centre` module simulates it.
//!
//! ```toml
//! version = 1
//! name = "Mid-sized city"
//! horizon = 250                      # working days simulated (and counted)
//! warmup = 120                       # optional: working days run first and not counted
//!
//! [[projects]]
//! name = "housing"                   # optional; default: the scenario file's stem
//! scenario = "../social-investment-housing.toml"   # relative to this file
//! regime = "joint"
//! per_year = 120                     # or `rate = 0.48` (a working day); Poisson arrivals
//! priority = false                   # optional: key projects go first in every queue
//!
//! [[departments]]
//! name = "Natural Resources Bureau"  # as items' `department` in the scenarios
//! reviewers = { value = 14, source = "assumed" }   # reviews in progress at once
//! ```
//!
//! Numbers may carry their provenance as in scenario files (`{ value, source }`). Departments not
//! listed have unlimited capacity. The model does no IO: the scenario paths stay strings, which
//! the caller resolves against the portfolio file's folder. Every problem is collected as a
//! [`Diagnostic`] with the line and column of the entry.

mod read;

use std::collections::BTreeMap;
use std::ops::Range;

use permitflow_i18n::tr;
use serde::Deserialize;

use crate::diag::{Code, Collector, Diagnostic, Diagnostics, Syntax, syntax_diagnostic};
use crate::format::FileSource;
use crate::locate::Locator;
use crate::scenario::SourceRef;
use crate::units::{Department, RegimeName, Sourced};

/// The portfolio version this build reads.
pub const PORTFOLIO_VERSION: u32 = 1;

/// Working days in a year, to turn `per_year` into a rate per working day. China's official
/// calendars shipped with permitflow have 251 (2024), 248 (2025) and 248 (2026); 250 is the
/// round figure planners use.
pub const WORKING_DAYS_PER_YEAR: f64 = 250.0;

/// The most working days a portfolio simulates (`horizon`) or warms up (`warmup`): forty years,
/// as `centre --horizon` accepts.
pub const MAX_HORIZON: f64 = 10_000.0;

/// The most arrivals a year of one project type, and of the portfolio as a whole: a national
/// programme's volume, far beyond any city's (Hezhou's centre handled about 10,000 cases a year).
pub const MAX_PER_YEAR: f64 = 100_000.0;

/// The most project types (each loads its scenario) and departments a portfolio lists.
pub const MAX_ENTRIES: usize = 1_000;

/// The most reviewers of one department.
pub const MAX_REVIEWERS: usize = 10_000;

/// A validated portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Portfolio {
    /// The portfolio's name, as reports title it.
    pub name: String,
    /// What it models, in prose.
    pub description: String,
    /// Published documents that provenance refers to.
    pub sources: Vec<SourceRef>,
    /// Working days simulated and counted.
    pub horizon: f64,
    /// Working days simulated before the horizon and not counted, so queues start loaded
    /// (default 0: the centre opens empty).
    pub warmup: f64,
    /// Project types, in file order.
    pub projects: Vec<PortfolioProject>,
    /// Departments with a finite number of reviewers, in file order.
    pub departments: Vec<PortfolioDepartment>,
}

/// One project type: a scenario under a regime, arriving at random.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioProject {
    /// Unique within the portfolio.
    pub name: String,
    /// Path of the scenario file, relative to the portfolio file, as written.
    pub scenario: String,
    /// The scenario's regime in force.
    pub regime: RegimeName,
    /// Arrivals per working day (Poisson); `per_year` is divided by [`WORKING_DAYS_PER_YEAR`].
    pub rate: Sourced<f64>,
    /// Key projects: served before the others in every department's queue.
    pub priority: bool,
    /// Free text about the project type.
    pub note: String,
}

/// A department with a finite number of reviewers (reviews in progress at once).
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioDepartment {
    /// As the scenarios' items name it.
    pub name: Department,
    /// Reviews it can have in progress at once, at least 1.
    pub reviewers: Sourced<usize>,
    /// Free text about the department.
    pub note: String,
}

impl Portfolio {
    /// Department name → reviewers, as `permitflow_solver::centre::simulate_centre` takes them.
    pub fn capacities(&self) -> BTreeMap<String, usize> {
        self.departments
            .iter()
            .map(|d| (d.name.as_str().to_owned(), d.reviewers.value))
            .collect()
    }

    /// The project type with this name.
    pub fn project(&self, name: &str) -> Option<&PortfolioProject> {
        self.projects.iter().find(|p| p.name == name)
    }

    /// Projects a year over all types.
    pub fn per_year(&self) -> f64 {
        self.projects.iter().map(|p| p.rate.value).sum::<f64>() * WORKING_DAYS_PER_YEAR
    }
}

// ---------------------------------------------------------------------------------------------
// File types

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePortfolio {
    version: u32,
    name: String,
    /// The name in Chinese and in English (shown in the current language).
    #[serde(default)]
    label_zh: Option<String>,
    #[serde(default)]
    label_en: Option<String>,
    #[serde(default)]
    description: String,
    horizon: f64,
    #[serde(default)]
    warmup: Option<f64>,
    #[serde(default)]
    sources: Vec<FileSource>,
    #[serde(default)]
    projects: Vec<FileProject>,
    #[serde(default)]
    departments: Vec<FileDepartment>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProject {
    #[serde(default)]
    name: Option<String>,
    /// The name in Chinese and in English (shown in the current language).
    #[serde(default)]
    label_zh: Option<String>,
    #[serde(default)]
    label_en: Option<String>,
    scenario: String,
    regime: String,
    #[serde(default)]
    per_year: Option<Number>,
    #[serde(default)]
    rate: Option<Number>,
    #[serde(default)]
    priority: bool,
    #[serde(default)]
    note: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDepartment {
    name: String,
    reviewers: Number,
    #[serde(default)]
    note: String,
}

/// `4` or `{ value = 4, source = "assumed" }`, as in scenario files.
use crate::format::FileNumber as Number;

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads a portfolio from the text of a TOML file. `file` names it in diagnostics.
pub fn parse_portfolio(text: &str, file: &str) -> Result<Portfolio, Diagnostics> {
    if text.trim().is_empty() {
        return Err(Diagnostics::single(
            Diagnostic::new(Code::Empty, file, tr!("diag-portfolio-empty"))
                .help(tr!("diag-portfolio-empty.help")),
        ));
    }
    let raw: FilePortfolio = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().to_owned();
        Diagnostics::single(syntax_diagnostic(file, Syntax::Toml, &msg).at(text, e.span()))
    })?;
    let loc = Locator::new(text, false);
    let mut cx = read::Ctx {
        out: Collector::new(file, text),
        loc: &loc,
        top: preamble(text),
    };
    let portfolio = read::convert(raw, &mut cx);
    cx.out.finish(portfolio)
}

/// Rule: every department the portfolio lists is one of its scenarios' departments (`known`:
/// items' departments, joint groups' and stage leads'). A department no scenario names would
/// be simulated with its reviewers while the real one, spelt differently, had unlimited capacity.
/// `text` is the portfolio file's text, for line:column.
pub fn check_departments(
    portfolio: &Portfolio,
    text: &str,
    file: &str,
    known: &std::collections::BTreeSet<String>,
) -> Result<(), Diagnostics> {
    let loc = Locator::new(text, false);
    let mut cx = read::Ctx {
        out: Collector::new(file, text),
        loc: &loc,
        top: preamble(text),
    };
    read::check_known_departments(&mut cx, &portfolio.departments, known);
    cx.out.finish(())
}

/// The top-level keys: everything before the first table header.
fn preamble(text: &str) -> Range<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return 0..offset;
        }
        offset += line.len();
    }
    0..text.len()
}

/// The file name without folders and extension: the default name of a project type.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(p) if p > 0 => &name[..p],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(stem("../industrial.toml"), "industrial");
        assert_eq!(stem("a\\b.c.toml"), "b.c");
        assert_eq!(stem("plain"), "plain");
    }

    #[test]
    fn the_shipped_portfolio_is_named_in_both_languages() {
        use permitflow_i18n::{Lang, with_lang};
        let text = include_str!("../../../portfolios/mid-sized-city.toml");
        let read = |lang| with_lang(lang, || parse_portfolio(text, "p.toml"));
        let (Ok(zh), Ok(en)) = (read(Lang::ZhCn), read(Lang::En)) else {
            panic!("the shipped portfolio should read")
        };
        assert_eq!(zh.name, "中等城市政务服务中心（假定，参照贺州2020年）");
        assert_eq!(zh.projects[1].name, "工业项目");
        assert_eq!(
            en.name,
            "Mid-sized city approval centre (assumed, after Hezhou 2020)"
        );
        assert_eq!(en.projects[1].name, "industrial");
        assert_eq!(zh.per_year(), en.per_year());
    }
}
