//! `permitflow solve`: one regime's schedule.

use permitflow_app::{Error, Loaded, unknown_regime};
use permitflow_i18n::tr;
use permitflow_solver::evaluate;

use crate::cli::{Common, OutputFormat};
use crate::render::{print_in, schedule::solve};

/// Networks from this many items on are solved under a spinner.
const BIG_NETWORK: usize = 100_000;

pub fn run(loaded: Loaded, regime: &str, common: &Common) -> Result<u8, Error> {
    let Some(r) = loaded.scenario.regime(regime) else {
        return Err(unknown_regime(&loaded, regime));
    };
    // A network of a hundred thousand items or more takes a second or more to solve and write.
    let spinner = (loaded.scenario.items.len() >= BIG_NETWORK).then(|| {
        crate::render::spinner(tr!(
            "cli-solving",
            items = loaded.scenario.items.len(),
            regime = regime
        ))
    });
    let o = evaluate(&loaded.scenario, r, &loaded.calendar, common.method.into());
    if let Some(s) = &spinner {
        s.finish_and_clear();
    }
    let o = o.map_err(|e| {
        Error::msg(tr!(
            "cli-solve-no-schedule",
            file = loaded.label.as_str(),
            regime = regime,
            error = e.to_string()
        ))
    })?;
    // On stderr in every format (JSON carries it too, as data).
    if let Some(w) = permitflow_app::Warning::calendar_coverage(&loaded.calendar, &[&o]) {
        eprintln!("{w}");
    }
    if matches!(common.format, OutputFormat::Json) {
        // Streamed: the JSON of a million items is never held as one text.
        let out = std::io::stdout().lock();
        match permitflow_app::export::write_schedule_json(
            &loaded.scenario,
            &loaded.calendar,
            &o,
            out,
        ) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(crate::render::stdout_failed(&e));
            }
            _ => {}
        }
    } else {
        print_in(
            &solve(&loaded.scenario, &loaded.calendar, &o, common.format),
            common.format,
            common.excel,
        )?;
    }
    // The process ends here: freeing a million items' scenario and network one allocation at a
    // time would only delay the exit (a tenth of the run at 1M items). The OS takes the memory.
    std::mem::forget(o);
    std::mem::forget(loaded);
    Ok(0)
}
