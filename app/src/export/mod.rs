//! Exchange files: a regime's schedule for MS Project (MSPDI) and other tools (CSV, JSON).

mod mspdi;
mod schedule;

use permitflow_i18n::tr;
use permitflow_model::{Calendar, Scenario};
use permitflow_solver::Outcome;

pub use mspdi::{MSPDI_DATES, mspdi, mspdi_dates_problem};
pub use schedule::{
    SCHEDULE_COLUMNS, attributes_json, schedule_csv, schedule_json, write_schedule_json,
};

use crate::Error;

/// The exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Microsoft Project XML.
    Mspdi,
    /// One row per item.
    Csv,
    /// The schedule as JSON.
    Json,
}

impl ExportFormat {
    /// The usual extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Mspdi => "xml",
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

/// The schedule `o` of scenario `s` in `format`.
pub fn export(
    s: &Scenario,
    cal: &Calendar,
    o: &Outcome,
    format: ExportFormat,
) -> Result<Vec<u8>, Error> {
    Ok(match format {
        ExportFormat::Mspdi => {
            if let Some(why) = mspdi_dates_problem(s, o, cal) {
                return Err(Error::help(
                    tr!("app-mspdi-failed", error = why),
                    tr!("app-mspdi-dates-help"),
                ));
            }
            mspdi(s, o, cal)
                .map_err(|e| Error::msg(tr!("app-mspdi-failed", error = e.to_string())))?
        }
        ExportFormat::Csv => schedule_csv(o, cal).into_bytes(),
        ExportFormat::Json => schedule_json(s, cal, o).into_bytes(),
    })
}
