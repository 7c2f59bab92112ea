//! `permitflow export`: one regime's schedule for MS Project and other tools.

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
        Error::msg(format!(
            "{}: regime `{regime}` has no schedule: {e}",
            loaded.label
        ))
    })?;
    let mut bytes = export(&loaded.scenario, &loaded.calendar, &o, format)?;
    if excel {
        bytes = permitflow_app::write::for_excel(&bytes);
    }
    crate::render::output(out, &bytes)?;
    eprintln!(
        "wrote {}: regime {}, {} working days, {} → {}",
        out.display(),
        regime,
        o.working_days(),
        o.start_date.format("%Y-%m-%d"),
        o.end_date.format("%Y-%m-%d")
    );
    Ok(0)
}
