//! `permitflow import`: a CSV item list turned into a scenario file.

use permitflow_i18n::tr;
use std::path::Path;

use chrono::NaiveDate;
use permitflow_app::write::refuse_inputs;
use permitflow_app::{Error, load};
use permitflow_model::{Format, to_json, to_toml};

pub fn run(file: &Path, out: &Path, start: Option<NaiveDate>, force: bool) -> Result<u8, Error> {
    refuse_inputs(&[out], &[file])?;
    let loaded = load(Some(file), start)?;
    let target = out.display().to_string();
    if out.exists() && !force {
        return Err(Error::help(
            tr!("cli-import-exists", file = target.as_str()),
            tr!("cli-import-exists.help"),
        ));
    }
    let text = match Format::from_path(&target) {
        Format::Json => to_json(&loaded.scenario).map_err(|e| e.to_string()),
        Format::Toml => to_toml(&loaded.scenario)
            .map_err(|e| e.to_string())
            .and_then(|t| permitflow_app::keep::hand_layout(&t)),
    }
    .map_err(|e| Error::msg(tr!("cli-import-failed", error = e)))?;
    let header = if Format::from_path(&target) == Format::Toml {
        permitflow_app::keep::import_header(&loaded.scenario, &loaded.label)
    } else {
        String::new()
    };
    let text = if text.ends_with('\n') {
        text
    } else {
        text + "\n"
    };
    crate::render::output(out, format!("{header}{text}").as_bytes())?;
    let s = &loaded.scenario;
    eprintln!(
        "{}",
        tr!(
            "cli-import-wrote",
            file = target.as_str(),
            stages = s.stages.len(),
            items = s.items.len(),
            links = s.links.len(),
            groups = s.joint_groups.len()
        )
    );
    Ok(0)
}
