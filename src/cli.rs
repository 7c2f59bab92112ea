//! Command-line arguments, parsed by clap into typed values: dates, `ID.days=N`, `K/N` shards
//! and `REGIME:DAYS` are checked as they are read.

use std::path::PathBuf;

use crate::calendar_args::{CalendarArgs, CheckCalendarArgs};
use crate::commands::calibrate::CalibrateFormat;
use crate::commands::chart::ArrowsArg;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use permitflow_app::batch::{Shard, Variants};
use permitflow_app::edit::SetDays;
use permitflow_app::report::PlanTarget;

pub use crate::render::OutputFormat;
pub use values::{ChartKind, ExportFormat, MethodArg};
use values::{parse_date, parse_horizon, parse_lang, parse_scale};

mod args;
mod values;

pub use args::LogArgs;

#[derive(Debug, Parser)]
#[command(
    name = "permitflow",
    version,
    about = "Plan and simulate construction-project approvals: serial, parallel and joint regimes, minimum working days",
    long_about = "Plan and simulate construction-project approvals.\n\nWithout a command, compares the regimes of the shipped default scenario (general social-investment housing, Hezhou 2020).\n\nExit codes: 0 success, 1 a target missed (check), 2 invalid input."
)]
pub struct Cli {
    /// The language of tables, messages and help: zh-CN or en (default: PERMITFLOW_LANG, then
    /// the locale, LC_ALL, LC_MESSAGES or LANG, then English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<permitflow_i18n::Lang>,
    /// A project attribute's value, overriding the scenario's default (`[project]`): items and
    /// links whose `when` is false are left out (repeatable), e.g. --attr underground_area=5000.
    #[arg(long = "attr", global = true, value_name = "NAME=VALUE")]
    pub attrs: Vec<String>,
    /// One project of the family: a `[[variants]]` entry's values (`--attr` on top).
    #[arg(long, global = true, value_name = "ID")]
    pub variant: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare every regime side by side: working days, end date, trips, forms, materials,
    /// departments, days per stage, critical path, targets.
    Compare {
        /// Scenario (.toml, .json) or CSV item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// Only these regimes (repeatable).
        #[arg(long = "regime", value_name = "NAME")]
        regimes: Vec<String>,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// The schedule of one regime: each item's start, finish, dates, float, and the critical path.
    Solve {
        /// Scenario (.toml, .json) or CSV item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// The regime to schedule.
        #[arg(long, value_name = "NAME")]
        regime: String,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Draw schedule charts: the regimes compared on one time axis, then a Gantt chart per
    /// regime. SVG or PNG by the output's extension.
    Chart {
        /// Scenario (.toml, .json) or CSV item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// Only these regimes (repeatable; default all).
        #[arg(long = "regime", value_name = "NAME")]
        regimes: Vec<String>,
        /// Which charts.
        #[arg(long, value_enum, default_value_t = ChartKind::All)]
        kind: ChartKind,
        /// Dependency arrows in the Gantt charts (auto: under 100 bars).
        #[arg(long, value_enum, default_value_t = ArrowsArg::Auto)]
        arrows: ArrowsArg,
        /// The file to write: .svg or .png.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// PNG pixels per SVG unit (0.25 to 8).
        #[arg(long, default_value_t = 1.5, value_parser = parse_scale)]
        scale: f32,
        /// Start date (YYYY-MM-DD), overriding the scenario's.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// What-if: change an item's time limit, e.g. `fire_design.days=3` (repeatable).
        #[arg(long = "set", value_name = "ID.days=N")]
        sets: Vec<SetDays>,
        /// What-if: add (`REGIME+MEASURE`) or drop (`REGIME-MEASURE`) a measure (repeatable).
        #[arg(long = "measure", value_name = "REGIME±MEASURE")]
        measures: Vec<String>,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// One self-contained HTML report a planner can send: the comparison, the charts, the
    /// critical paths and, where the scenario has them, the simulation and the reform planner.
    Report {
        /// Scenario (.toml, .json) or item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// The reform planner's regime and target, e.g. `joint:298` (default: the last regime,
        /// halfway from its working days to the least achievable).
        #[arg(long, value_name = "REGIME:DAYS")]
        plan: Option<PlanTarget>,
        /// Start date (YYYY-MM-DD), overriding the scenario's.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Export one regime's schedule for the tools planners use: Microsoft Project XML (MSPDI,
    /// with the calendar's holidays and make-up days), CSV or JSON.
    Export {
        /// Scenario (.toml, .json), CSV item list or .xlsx item list; the default scenario if omitted.
        file: Option<PathBuf>,
        /// The regime to export.
        #[arg(long, value_name = "NAME")]
        regime: String,
        /// mspdi (Microsoft Project XML), csv or json.
        #[arg(long, value_enum, default_value_t = ExportFormat::Mspdi)]
        format: ExportFormat,
        /// With `--format csv`: start with a UTF-8 byte-order mark, so Excel shows Chinese names.
        #[arg(long)]
        excel: bool,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// Start date (YYYY-MM-DD), overriding the scenario's.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Monte Carlo simulation of approval times: P50/P80/P95, the probability of meeting each
    /// target, how often each item is critical, and which items drive the spread.
    Simulate {
        /// Scenario (.toml, .json) or item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// Only these regimes (repeatable; default all).
        #[arg(long = "regime", value_name = "NAME")]
        regimes: Vec<String>,
        /// Number of iterations (1 to 10,000,000).
        #[arg(long, default_value_t = 10_000, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000_000))]
        iterations: usize,
        /// Seed of the random numbers: the same seed gives the same numbers on every run.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also draw the distributions and the sensitivity tornado (.svg or .png).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        #[command(flatten)]
        log: LogArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Reform planner: the cheapest way to reach a target by cutting time limits (each item's
    /// floor and cost per day), what each measure of the regime is worth, and how sensitive the
    /// project is to each critical item. Exit 1 when the target is out of reach.
    Plan {
        /// Scenario (.toml, .json) or item list; the shipped default scenario if omitted.
        file: Option<PathBuf>,
        /// The regime to plan from.
        #[arg(long, value_name = "NAME")]
        regime: String,
        /// The working days to reach.
        #[arg(long, value_name = "DAYS")]
        target: f64,
        /// Also report the time–cost curve: the least cost of every reachable makespan.
        #[arg(long)]
        curve: bool,
        /// Also draw the time–cost curve (with --curve), the measure waterfall and the
        /// sensitivity (.svg or .png).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Approval-centre simulation: many projects arriving over a horizon, each department with a
    /// limited number of reviewers: lead times, waiting, utilisation, the bottleneck, and where one
    /// more reviewer helps most.
    Centre {
        /// The portfolio file (project types, arrival rates, reviewers per department).
        portfolio: PathBuf,
        /// Working days simulated, more than 0 and up to 10,000 (default: the portfolio's
        /// horizon).
        #[arg(long, value_name = "DAYS", value_parser = parse_horizon)]
        horizon: Option<f64>,
        /// Independent replications (1 to 100,000).
        #[arg(long, default_value_t = 100, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
        replications: usize,
        /// Seed: the same seed gives the same numbers; regimes compared see the same arrivals.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Run every project type under this regime instead of the portfolio's (repeatable, to
        /// compare regimes under the same arrivals).
        #[arg(long = "regime", value_name = "NAME")]
        regimes: Vec<String>,
        /// What-if: one more reviewer in this department.
        #[arg(long, value_name = "DEPT")]
        add_reviewer: Option<String>,
        /// Rank the departments by the P80 lead time one more reviewer saves.
        #[arg(long)]
        rank: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// With `--format csv`: start with a UTF-8 byte-order mark, so Excel shows Chinese names.
        #[arg(long)]
        excel: bool,
        /// Also draw utilisation, lead times and work in progress (.svg or .png).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
    },
    /// Validate scenario files (each variant too), solve every regime and check the targets.
    /// Exit 0 when all hold, 1 when a target is missed, 2 when a file or variant is invalid.
    Check {
        /// Scenario files or CSV item lists.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Start date for CSV item lists (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// `all`: each file's default and every variant (`file.toml#ID`); `none`: defaults only.
        #[arg(long, value_name = "all|none", default_value = "all")]
        variants: Variants,
        #[command(flatten)]
        calendar: CheckCalendarArgs,
    },
    /// Solve every scenario under every regime and check its targets: for CI and large
    /// libraries. Exit 0 when every target holds, 1 when a target is missed, 2 when a scenario
    /// is invalid or infeasible (it is reported and the others still run).
    Batch {
        /// Scenario files, folders (searched recursively) or glob patterns.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Write the results table here (CSV, or JSON by extension), atomically.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With a .csv `--out`: a UTF-8 byte-order mark first, so Excel shows Chinese names.
        #[arg(long)]
        excel: bool,
        /// Write a JUnit XML report here: one test case per scenario target.
        #[arg(long, value_name = "FILE")]
        junit: Option<PathBuf>,
        /// Run only the K-th of N deterministic shares of the files (CI matrices, job arrays).
        #[arg(long, value_name = "K/N")]
        shard: Option<Shard>,
        /// Start date for CSV item lists (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// Also write an HTML report per scenario and an index page into this folder.
        #[arg(long, value_name = "DIR")]
        report: Option<PathBuf>,
        /// `all`: each file's default and every variant (`file.toml#ID`); `none`: defaults only.
        #[arg(long, value_name = "all|none", default_value = "all")]
        variants: Variants,
        #[command(flatten)]
        calendar: CheckCalendarArgs,
    },
    /// Combine the results tables of several `batch --shard` runs into one; exits as `batch`
    /// would have on the whole library.
    Merge {
        /// Results files written by `batch --out` (CSV or JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The combined table (CSV, or JSON by extension).
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// With a .csv `--out`: a UTF-8 byte-order mark first, so Excel shows Chinese names.
        #[arg(long)]
        excel: bool,
    },
    /// Write the scenario library page: every scenario in a folder with its regimes' results, and
    /// each published figure or target beside what permitflow computes (Markdown).
    /// Exit 1 when a figure does not hold, 2 when a scenario is invalid.
    Library {
        /// The folder of scenario files.
        #[arg(default_value = "scenarios")]
        dir: PathBuf,
        /// Write the page here (atomically) instead of printing it.
        #[arg(short, long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// `all`: each file's default and every variant (`file.toml#ID`); `none`: defaults only.
        #[arg(long, value_name = "all|none", default_value = "all")]
        variants: Variants,
    },
    /// Convert a CSV item list into a scenario file (TOML, or JSON by extension).
    Import {
        /// The CSV item list.
        file: PathBuf,
        /// The scenario file to write.
        #[arg(short, long, value_name = "FILE")]
        out: PathBuf,
        /// Start date of the scenario (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Measure an approval system's event log (CSV or XES): per item the official time, returns,
    /// corrections and the overdue rate; per project type the arrivals per year and lead times.
    Calibrate {
        /// The event log: CSV (case,project_type,item,department,event,time) or XES (.xes).
        log: PathBuf,
        /// The scenario whose items, statutory limits and calendar apply (default: the China
        /// calendar, no limits).
        #[arg(long, value_name = "BASE")]
        scenario: Option<PathBuf>,
        /// Write the fitted scenario here (TOML): the base's flow with the log's spreads and
        /// returns, or without --scenario a flow read from the log.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write a portfolio (TOML) of the log's project types on the fitted scenario.
        #[arg(long, value_name = "FILE", requires = "output")]
        portfolio: Option<PathBuf>,
        /// The regime the log's cases ran under (the validation's and the portfolio's; default:
        /// the scenario's first regime).
        #[arg(long, value_name = "NAME")]
        regime: Option<String>,
        /// Only the records of this project type (a log of several types, calibrated type by
        /// type against each type's flow).
        #[arg(long, value_name = "TYPE")]
        project_type: Option<String>,
        /// Write the observed and simulated lead times as a chart (.svg or .png).
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        /// Seed of the validation's simulated cases: the same seed gives the same numbers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CalibrateFormat::Table)]
        format: CalibrateFormat,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Print a shell completion script (e.g. `permitflow completions bash >
    /// ~/.local/share/bash-completion/completions/permitflow`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff, for `man -l -`), or write one page per command into a folder
    /// (permitflow.1, permitflow-compare.1, …).
    Man {
        /// Write the pages into this folder (created if missing) instead of printing the main one.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Options shared by the reporting commands.
#[derive(Debug, Args)]
pub struct Common {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// With `--format csv`: start with a UTF-8 byte-order mark, so Excel shows Chinese names.
    #[arg(long)]
    pub excel: bool,
    /// Start date (YYYY-MM-DD), overriding the scenario's.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<NaiveDate>,
    /// What-if: change an item's time limit without editing the file, e.g. `fire_design.days=3`
    /// (repeatable).
    #[arg(long = "set", value_name = "ID.days=N")]
    pub sets: Vec<SetDays>,
    /// What-if: add (`REGIME+MEASURE`) or drop (`REGIME-MEASURE`) a measure (repeatable).
    #[arg(long = "measure", value_name = "REGIME±MEASURE")]
    pub measures: Vec<String>,
    /// How to compute the schedule: exact longest paths, or the linear program.
    #[arg(long, value_enum, default_value_t = MethodArg::Paths)]
    pub method: MethodArg,
}
