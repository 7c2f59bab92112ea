//! `permitflow report`: one self-contained HTML report. A regime without a schedule is shown in
//! the report and makes the exit code 2, as in `compare`.

use permitflow_i18n::tr;
use std::path::Path;

use permitflow_app::report::{PlanTarget, of};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, Loaded};
use permitflow_solver::{Method, evaluate_all};

use super::INVALID;

pub fn run(loaded: &Loaded, out: &Path, plan: Option<&PlanTarget>) -> Result<u8, Error> {
    refuse_inputs(&[out], &[Path::new(&loaded.label)])?;
    let html = of(loaded, plan)?;
    crate::render::output(out, html.as_bytes())?;
    eprintln!(
        "{}",
        tr!(
            "cli-report-wrote",
            file = out.display().to_string(),
            kb = html.len() / 1024
        )
    );
    let s = &loaded.scenario;
    let mut code = 0;
    for (r, o) in s
        .regimes
        .iter()
        .zip(evaluate_all(s, &loaded.calendar, Method::Paths))
    {
        if let Err(e) = o {
            eprintln!(
                "{}",
                tr!(
                    "cli-solve-no-schedule",
                    file = loaded.label.as_str(),
                    regime = r.name.as_str(),
                    error = e.to_string()
                )
            );
            code = INVALID;
        }
    }
    Ok(code)
}
