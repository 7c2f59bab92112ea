//! Option groups a command flattens into its arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::values::parse_date;

/// `simulate --log`: a synthetic event log of one regime's cases.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Also write a synthetic event log of the regime's cases (CSV, `-` for standard output),
    /// as an approval system records them; needs exactly one --regime.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Cases in the log (1 to 100,000).
    #[arg(long, value_name = "N", default_value_t = 1000, requires = "log", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    pub log_cases: usize,
    /// The first day cases may arrive (YYYY-MM-DD; default the scenario's start date).
    #[arg(long, value_name = "DATE", requires = "log", value_parser = parse_date)]
    pub log_from: Option<NaiveDate>,
    /// Calendar days the arrivals are spread over, uniformly (1 to 3660).
    #[arg(long, value_name = "DAYS", default_value_t = 365, requires = "log", value_parser = clap::builder::RangedU64ValueParser::<u32>::new().range(1..=3660))]
    pub log_days: u32,
}
