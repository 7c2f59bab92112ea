//! `permitflow centre`: the approval-centre simulation over a portfolio.

use std::path::Path;

use permitflow_app::analysis::{CentreRequest, run_centre};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, scenes};

use permitflow_i18n::tr;

use crate::render::{OutputFormat, centre::report, excel_applies, print_in};

pub fn run(
    portfolio: &Path,
    req: CentreRequest,
    (format, excel): (OutputFormat, bool),
    chart: Option<&Path>,
) -> Result<u8, Error> {
    excel_applies(
        format == OutputFormat::Csv,
        excel,
        &tr!("cli-needs-format-csv"),
    )?;
    if let Some(path) = chart {
        refuse_inputs(&[path], &[portfolio])?;
    }
    // The run asks between replications whether to stop; the answer is always no, and each
    // question moves the spinner (drawn only when stderr is a terminal).
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_style(
        indicatif::ProgressStyle::with_template(&tr!("cli-centre-progress"))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let tick = || {
        spinner.inc(1);
        false
    };
    let r = run_centre(portfolio, &req, &tick);
    spinner.finish_and_clear();
    let r = r?;
    let p = &r.portfolio.portfolio;
    print_in(
        &report(p, &r.runs, r.ranking.as_deref(), format),
        format,
        excel,
    )?;
    if let Some(path) = chart {
        crate::render::chart(path, &scenes::centre(&p.name, &r.runs), 1.5)?;
        eprintln!("{}", tr!("cli-wrote", file = path.display().to_string()));
    }
    Ok(0)
}
