//! `permitflow report`: one self-contained HTML report.

use std::path::Path;

use permitflow_app::report::{PlanTarget, of};
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, Loaded};

pub fn run(loaded: &Loaded, out: &Path, plan: Option<&PlanTarget>) -> Result<u8, Error> {
    refuse_inputs(&[out], &[Path::new(&loaded.label)])?;
    let html = of(loaded, plan)?;
    crate::render::output(out, html.as_bytes())?;
    eprintln!("wrote {} ({} KB)", out.display(), html.len() / 1024);
    Ok(0)
}
