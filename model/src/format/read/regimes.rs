//! `[[regimes]]`: a base mode and the measures applied; the three standard regimes when the file
//! names none.

use super::common::{check_id, check_unique, unknown_help};
use super::context::{At, Ctx, Place};
use permitflow_i18n::tr;

use crate::diag::Code;
use crate::format::file::{FileMeasure, FileRegime};
use crate::scenario::{BaseMode, Draft, Regime};
use crate::units::{MeasureId, RegimeName};

/// The regimes, in order; the standard ones when `raw` is empty.
pub(super) fn read(cx: &mut Ctx<'_>, raw: &[FileRegime], measures: &[FileMeasure]) -> Vec<Regime> {
    let mut regimes = Vec::new();
    if raw.is_empty() {
        regimes = Draft::standard_regimes();
    }
    // The measures a regime may name without defining them.
    let measure_names: Vec<&str> = measures
        .iter()
        .map(|m| m.id.as_str())
        .chain(["joint_review", "online_submission", "parallel_advance"])
        .collect();
    for (i, r) in raw.iter().enumerate() {
        let place = Place::new(&cx.regimes, i, "regime", &r.name);
        check_id(cx, place.entry.clone(), "regime", &r.name);
        let repeated = raw[..i].iter().any(|o| o.name == r.name);
        check_unique(
            cx,
            place.entry.clone(),
            At::Value("name"),
            "regime",
            "name",
            &r.name,
            repeated,
        );
        let base = check_base(cx, &place, &r.base).unwrap_or(BaseMode::Parallel);
        check_measures_exist(cx, &place, &r.measures, &measure_names);
        regimes.push(Regime {
            name: RegimeName::new(&r.name),
            description: r.description.written().to_owned(),
            base,
            measures: r.measures.iter().map(MeasureId::new).collect(),
        });
    }
    regimes
}

/// Rule: the base mode is serial or parallel. Gives it when it is.
fn check_base(cx: &mut Ctx<'_>, place: &Place, base: &str) -> Option<BaseMode> {
    let parsed = BaseMode::parse(base);
    if parsed.is_none() {
        cx.report(
            place,
            Code::BadValue,
            At::Value("base"),
            tr!("diag-unknown-base", base = base),
            &tr!("diag-unknown-base.help"),
        );
    }
    parsed
}

/// Rule: a regime's measures are defined (or are the two that need no definition).
fn check_measures_exist(cx: &mut Ctx<'_>, place: &Place, named: &[String], known: &[&str]) {
    for m in named {
        if !known.contains(&m.as_str()) {
            let help = unknown_help("measure", m, known);
            cx.report(
                place,
                Code::UnknownId,
                At::Str(m),
                tr!("diag-unknown-measure", id = m.as_str()),
                &help,
            );
        }
    }
}
