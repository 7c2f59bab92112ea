//! `[[stages]]`: the approval stages in order, each with its lead department.

use rustc_hash::FxHashMap;

use super::common::check_unique;
use super::context::{At, Ctx, entry};
use permitflow_i18n::tr;

use crate::diag::{Code, a_noun};
use crate::format::file::FileStage;
use crate::scenario::Stage;
use crate::units::{Department, StageId};

/// The stages, and each stage id's position (the last, when an id is repeated).
pub(super) fn read<'r>(
    cx: &mut Ctx<'_>,
    raw: &'r [FileStage],
) -> (Vec<Stage>, FxHashMap<&'r str, usize>) {
    check_stages_present(cx, raw);
    let mut ids: FxHashMap<&'r str, usize> = FxHashMap::default();
    let mut stages = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        let e = entry(&cx.stages, i);
        check_stage_id(cx, e.clone(), &s.id);
        let repeated = ids.insert(&s.id, i).is_some();
        check_unique(cx, e, At::Value("id"), "stage", "id", &s.id, repeated);
        stages.push(Stage {
            id: StageId::new(&s.id),
            name: if s.name.is_empty() {
                s.id.clone()
            } else {
                s.name.written().to_owned()
            },
            lead: Department::new(&s.lead),
        });
    }
    (stages, ids)
}

/// Rule: a scenario has at least one stage.
fn check_stages_present(cx: &mut Ctx<'_>, raw: &[FileStage]) {
    if raw.is_empty() {
        cx.push(
            Code::EmptyModel,
            None,
            At::Entry,
            None,
            tr!("diag-no-stages"),
            &tr!("diag-no-stages.help"),
        );
    }
}

/// Rule: a stage id is not empty. Stage ids never appear in the `after` syntax, so any other
/// text will do (CSV files use the stage's name).
fn check_stage_id(cx: &mut Ctx<'_>, e: Option<std::ops::Range<usize>>, id: &str) {
    if id.trim().is_empty() {
        cx.push(
            Code::BadId,
            e,
            At::Entry,
            None,
            tr!("diag-empty-id", a_kind = a_noun("stage")),
            &tr!("diag-empty-id.help", example = "construction"),
        );
    }
}
