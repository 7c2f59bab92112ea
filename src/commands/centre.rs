//! `permitflow centre`: the approval-centre simulation over a portfolio.

use std::path::Path;

use permitflow_app::analysis::{CentreRequest, never, run_centre};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, scenes};

use crate::render::{OutputFormat, centre::report, print};

pub fn run(
    portfolio: &Path,
    req: CentreRequest,
    format: OutputFormat,
    chart: Option<&Path>,
) -> Result<u8, Error> {
    if let Some(path) = chart {
        refuse_inputs(&[path], &[portfolio])?;
    }
    let r = run_centre(portfolio, &req, &never)?;
    let p = &r.portfolio.portfolio;
    print(&report(p, &r.runs, r.ranking.as_deref(), format))?;
    if let Some(path) = chart {
        crate::render::chart(path, &scenes::centre(&p.name, &r.runs), 1.5)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(0)
}
