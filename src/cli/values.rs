//! The values of command-line options: output kinds, methods and the checked parsers of dates,
//! scales and horizons.

use chrono::NaiveDate;
use clap::ValueEnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Microsoft Project XML.
    Mspdi,
    /// One row per item.
    Csv,
    /// The schedule as JSON.
    Json,
}

impl From<ExportFormat> for permitflow_app::export::ExportFormat {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Mspdi => Self::Mspdi,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Json => Self::Json,
        }
    }
}

impl From<ChartKind> for permitflow_app::scenes::ScheduleCharts {
    fn from(k: ChartKind) -> Self {
        match k {
            ChartKind::All => Self::All,
            ChartKind::Compare => Self::Compare,
            ChartKind::Gantt => Self::Gantt,
        }
    }
}

impl From<MethodArg> for permitflow_solver::Method {
    fn from(m: MethodArg) -> Self {
        match m {
            MethodArg::Paths => Self::Paths,
            MethodArg::Lp => Self::Lp,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChartKind {
    /// The comparison, then a Gantt chart per regime.
    All,
    /// The regimes stacked on one time axis.
    Compare,
    /// A Gantt chart per regime.
    Gantt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Longest paths (exact; Bellman–Ford when there are maximum lags or deadlines).
    Paths,
    /// The linear program through good_lp.
    Lp,
}

/// A language permitflow speaks: `zh-CN`, `zh`, `en`, … (the tags [`Lang::parse`] takes).
///
/// [`Lang::parse`]: permitflow_i18n::Lang::parse
pub(super) fn parse_lang(text: &str) -> Result<permitflow_i18n::Lang, String> {
    permitflow_i18n::Lang::parse(text)
        .ok_or_else(|| permitflow_i18n::tr!("cli-lang-unknown", value = text))
}

/// A `YYYY-MM-DD` date in the years 1900 to 2200.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| permitflow_i18n::tr!("cli-bad-date", value = text))?;
    let years = permitflow_model::calendar::YEARS;
    if years.contains(&chrono::Datelike::year(&d)) {
        Ok(d)
    } else {
        Err(permitflow_i18n::tr!(
            "cli-date-out-of-range",
            date = d.format("%Y-%m-%d").to_string(),
            from = *years.start(),
            to = *years.end()
        ))
    }
}

/// A PNG scale: pixels per SVG unit, 0.25 to 8 (a chart of 2,000 units is then at most
/// 16,000 pixels wide).
pub(super) fn parse_scale(text: &str) -> Result<f32, String> {
    match text.trim().parse::<f32>() {
        Ok(v) if (0.25..=8.0).contains(&v) => Ok(v),
        _ => Err(permitflow_i18n::tr!("cli-bad-scale", value = text)),
    }
}

/// A simulated horizon in working days: more than 0, at most 10,000 (about forty years).
pub(super) fn parse_horizon(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 10_000.0 => Ok(v),
        _ => Err(permitflow_i18n::tr!("cli-bad-horizon", value = text)),
    }
}
