//! `[[variants]]`: read, checked against `[project]`, resolved and written back.

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::format::{Format, parse_scenario, to_json, to_toml};

    const FLOW: &str = r#"version = 1
name = "family"
start = "2025-03-03"

[project]
underground_area = { value = 0, unit = "m²" }
investment = "social"
in_assessed_area = false

[[stages]]
id = "s"
lead = "L"

[[items]]
id = "a"
department = "D"
stage = "s"
days = 5

[[items]]
id = "cad"
department = "D"
stage = "s"
days = 10
after = ["a"]
when = "underground_area >= 1000"

# the family's named projects
[[variants]]
id = "deep"
name = "Deep basement"
name_zh = "大地下室"
attributes = { underground_area = 5000 }

[[variants]]
id = "park-gov"
attributes = { in_assessed_area = true, investment = "government" }
"#;

    fn strings(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn variants_are_read_and_resolve_over_the_defaults() {
        let s = parse_scenario(FLOW, "family.toml", Format::Toml).unwrap();
        let ids: Vec<&str> = s.rules.variants.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["deep", "park-gov"]);
        assert_eq!(s.rules.variants[0].name_zh.as_deref(), Some("大地下室"));
        let v = s.rules.values_for(Some("deep"), &[]).unwrap();
        assert_eq!(v["underground_area"], Value::Number(5000.0));
        // What the variant does not set keeps its default.
        assert_eq!(v["investment"], Value::Text("social".into()));
        let v = s.rules.values_for(Some("park-gov"), &[]).unwrap();
        assert_eq!(v["in_assessed_area"], Value::YesNo(true));
        assert_eq!(v["investment"], Value::Text("government".into()));
        assert_eq!(v["underground_area"], Value::Number(0.0));
        // --attr goes on top of the variant.
        let v = s
            .rules
            .values_for(Some("deep"), &strings(&["underground_area=800"]))
            .unwrap();
        assert_eq!(v["underground_area"], Value::Number(800.0));
        // No variant: the defaults.
        let v = s.rules.values_for(None, &[]).unwrap();
        assert_eq!(v["underground_area"], Value::Number(0.0));
        // The deep variant keeps the civil-air-defence item, the default drops it.
        let deep = resolve(&s, &s.rules.values_for(Some("deep"), &[]).unwrap());
        assert!(deep.dropped.is_empty());
        let plain = resolve(&s, &s.rules.values_for(None, &[]).unwrap());
        assert_eq!(plain.dropped, vec![crate::units::ItemId::new("cad")]);
    }

    #[test]
    fn an_unknown_variant_lists_the_ids() {
        let s = parse_scenario(FLOW, "family.toml", Format::Toml).unwrap();
        let e = s.rules.values_for(Some("dep"), &[]).unwrap_err();
        assert_eq!(
            e,
            AttrError::UnknownVariant {
                id: "dep".into(),
                known: vec!["deep".into(), "park-gov".into()],
            }
        );
        assert!(e.to_string().contains("deep, park-gov"), "{e}");
    }

    #[test]
    fn variants_survive_a_round_trip() {
        let s = parse_scenario(FLOW, "family.toml", Format::Toml).unwrap();
        let text = to_toml(&s).unwrap();
        assert!(text.contains("[[variants]]"), "{text}");
        let again = parse_scenario(&text, "again.toml", Format::Toml).unwrap();
        assert_eq!(again.rules.variants, s.rules.variants);
        assert_eq!(again, s);
        let json = to_json(&s).unwrap();
        let j = parse_scenario(&json, "again.json", Format::Json).unwrap();
        assert_eq!(j.rules.variants, s.rules.variants);
    }

    #[test]
    fn a_misspelt_attribute_is_placed_with_a_suggestion() {
        let bad = FLOW.replace(
            "attributes = { underground_area = 5000 }",
            "attributes = { undergound_area = 5000 }",
        );
        let err = parse_scenario(&bad, "family.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
        let d = &err.0[0];
        // Line 33 is `attributes = { undergound_area = 5000 }`; the key starts at column 16.
        assert_eq!(d.location(), "family.toml:33:16");
        assert!(d.message.contains("variant `deep`"), "{d:?}");
        assert!(d.help.contains("underground_area"), "{d:?}");
    }

    #[test]
    fn a_value_of_the_wrong_type_names_the_type() {
        let bad = FLOW.replace(
            "in_assessed_area = true, investment",
            "in_assessed_area = 3, investment",
        );
        let err = parse_scenario(&bad, "family.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
        let d = &err.0[0];
        assert!(d.message.contains("yes/no"), "{d:?}");
        // Line 37: `attributes = { in_assessed_area = 3, …`; the value is at column 35.
        assert_eq!(d.location(), "family.toml:37:35");
    }

    #[test]
    fn ids_are_words_and_unique_and_bounded() {
        let dup = FLOW.replace("id = \"park-gov\"", "id = \"deep\"");
        let err = parse_scenario(&dup, "family.toml", Format::Toml).unwrap_err();
        assert!(err.0[0].message.contains("earlier"), "{err:?}");
        let bad = FLOW.replace("id = \"park-gov\"", "id = \"park gov#1\"");
        let err = parse_scenario(&bad, "family.toml", Format::Toml).unwrap_err();
        assert!(err.0[0].message.contains("park gov#1"), "{err:?}");
        let mut many = FLOW.to_owned();
        for i in 0..MAX_VARIANTS {
            many.push_str(&format!("\n[[variants]]\nid = \"v{i}\"\n"));
        }
        let err = parse_scenario(&many, "family.toml", Format::Toml).unwrap_err();
        assert!(
            err.0[0]
                .message
                .contains(&format!("{} variants", MAX_VARIANTS + 2)),
            "{err:?}"
        );
    }

    #[test]
    fn a_department_only_dropped_items_dealt_with_loses_its_name() {
        let text = FLOW
            .replace(
                "id = \"cad\"\ndepartment = \"D\"",
                "id = \"cad\"\ndepartment = \"C\"",
            )
            .replace(
                "[[stages]]",
                "[departments]\nC = { zh = \"人防办\" }\nD = { zh = \"审批局\" }\n\n[[stages]]",
            );
        let s = parse_scenario(&text, "family.toml", Format::Toml).unwrap();
        assert_eq!(s.labels.departments.len(), 2);
        let plain = resolve(&s, &s.rules.values_for(None, &[]).unwrap());
        let names: Vec<&str> = plain
            .draft
            .labels
            .departments
            .keys()
            .map(|d| d.as_str())
            .collect();
        assert_eq!(names, ["D"]);
        crate::validate(&plain.draft, "family.toml").unwrap();
        let deep = resolve(&s, &s.rules.values_for(Some("deep"), &[]).unwrap());
        assert_eq!(deep.draft.labels.departments.len(), 2);
    }
}
