//! `permitflow export`: one regime's schedule for MS Project and other tools.

use permitflow_i18n::tr;
use std::path::Path;

use permitflow_app::export::{ExportFormat, export};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, Loaded, unknown_regime};
use permitflow_solver::{Method, evaluate};

pub fn run(
    loaded: &Loaded,
    regime: &str,
    (format, excel): (ExportFormat, bool),
    out: &Path,
) -> Result<u8, Error> {
    refuse_inputs(&[out], &[Path::new(&loaded.label)])?;
    let Some(r) = loaded.scenario.regime(regime) else {
        return Err(unknown_regime(loaded, regime));
    };
    let o = evaluate(&loaded.scenario, r, &loaded.calendar, Method::Paths).map_err(|e| {
        Error::msg(tr!(
            "cli-solve-no-schedule",
            file = loaded.label.as_str(),
            regime = regime,
            error = e.to_string()
        ))
    })?;
    let mut bytes = export(&loaded.scenario, &loaded.calendar, &o, format)?;
    if excel {
        bytes = permitflow_app::write::for_excel(&bytes);
    }
    crate::render::output(out, &bytes)?;
    eprintln!(
        "{}",
        tr!(
            "cli-export-wrote",
            file = out.display().to_string(),
            regime = loaded.scenario.regime_label(&r.name),
            days = o.working_days().to_string(),
            start = crate::render::date_short(o.start_date),
            end = crate::render::date_short(o.end_date)
        )
    );
    Ok(0)
}
