//! The problems panel names what an invalid edit concerns as the rest of the app does: the
//! item's name in the current language, its id on hover, never the bare id.

mod common;

use common::{approval_days_cell, default_app, in_both_languages};
use egui_kittest::kittest::Queryable;
use permitflow_i18n::{Lang, tr};

#[test]
fn an_invalid_limit_names_the_item_not_its_id_in_both_languages() {
    in_both_languages(|lang| {
        let mut h = default_app();
        // 10.3 working days is not a multiple of half a day: the edit is refused.
        h.get_by_label(&tr!("gui-limit-of", id = "first_registration"))
            .set_value_accesskit(10.3);
        h.run();
        h.get_by_label(&tr!("gui-problems-invalid-edit"));
        // The last valid schedule stays: joint, 36.5 approval days.
        h.get_by_label_contains(&approval_days_cell(h.state(), "joint", "36.5"));
        let problems = &h.state().doc.problems;
        assert_eq!(problems.len(), 1, "{problems:?}");
        let subject = problems[0].subject.clone().unwrap_or_default();
        let (raw, named) = match lang {
            Lang::En => (
                "item `first_registration`",
                "item “First real-estate registration”",
            ),
            Lang::ZhCn => ("事项 `first_registration`", "事项 “不动产首次登记”"),
        };
        // The model's diagnostic keeps the id (the command line shows it with the file's line).
        assert_eq!(subject, raw);
        // The panel shows the name, as a link to the item.
        h.get_by_label(named);
        assert!(h.query_by_label(raw).is_none());
    });
}
