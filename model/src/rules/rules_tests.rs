//! The `when` language, resolution and bridging, and the `[project]` table's round trip.

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::expr::{MAX_DEPTH, MAX_LEN, parse};
    use super::super::*;
    use crate::format::{Format, parse_scenario, to_toml};
    use crate::scenario::LinkKind;

    fn eval(text: &str, values: &[(&str, Value)]) -> bool {
        let e = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        e.eval(&|n| values.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone()))
    }

    fn num(v: f64) -> Value {
        Value::Number(v)
    }

    #[test]
    fn comparisons_of_numbers_text_and_yes_no() {
        let a = [
            ("area", num(1000.0)),
            ("inv", Value::Text("social".into())),
            ("park", Value::YesNo(false)),
        ];
        assert!(eval("area >= 1000", &a));
        assert!(!eval("area > 1000", &a));
        assert!(eval("area <= 1000", &a));
        assert!(!eval("area < 1000", &a));
        assert!(eval("area = 1000", &a));
        assert!(eval("area != 999.5", &a));
        assert!(eval("inv = \"social\"", &a));
        assert!(eval("inv != 'government'", &a));
        assert!(eval("park = no", &a));
        assert!(!eval("park", &a));
        assert!(eval("not park", &a));
        assert!(eval("area >= 1_000", &a));
    }

    #[test]
    fn not_binds_tighter_than_and_which_binds_tighter_than_or() {
        let t = [("a", Value::YesNo(true)), ("b", Value::YesNo(false))];
        // a or (b and b) = true; (a or b) and b would be false.
        assert!(eval("a or b and b", &t));
        assert!(!eval("(a or b) and b", &t));
        // (not b) and a = true; not (b and a) is also true, but not (a and a) is false.
        assert!(eval("not b and a", &t));
        assert!(!eval("not a and a", &t));
        assert!(!eval("not (a or b)", &t));
        assert!(eval("not not a", &t));
        assert_eq!(
            parse("a or b and not b").unwrap(),
            Expr::Or(vec![
                Expr::Flag {
                    name: "a".into(),
                    at: 0..1
                },
                Expr::And(vec![
                    Expr::Flag {
                        name: "b".into(),
                        at: 5..6
                    },
                    Expr::Not(Box::new(Expr::Flag {
                        name: "b".into(),
                        at: 15..16
                    })),
                ]),
            ])
        );
    }

    fn error_at(text: &str) -> std::ops::Range<usize> {
        parse(text).unwrap_err().at
    }

    #[test]
    fn errors_point_at_the_bad_token() {
        // `underground_area >= 1000 an x`: the stray word starts at byte 25.
        assert_eq!(error_at("underground_area >= 1000 an x"), 25..27);
        assert_eq!(error_at("area >= "), 8..8);
        assert_eq!(error_at("area >= 1000 and"), 16..16);
        assert_eq!(error_at("(area >= 1"), 10..10);
        assert_eq!(error_at("area # 1"), 5..6);
        assert_eq!(error_at("inv = 'social"), 6..13);
        assert_eq!(error_at("area >= 1.2.3"), 8..13);
        assert_eq!(error_at("area ! 1"), 5..6);
        assert_eq!(error_at("and area"), 0..3);
        assert_eq!(error_at(""), 0..0);
    }

    #[test]
    fn nesting_and_length_are_bounded() {
        let ok = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!(
            "{}a{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.at, MAX_DEPTH..MAX_DEPTH + 1);
        assert!(e.message.contains("32"), "{}", e.message);
        // A hundred thousand parentheses are refused by length, not by the stack.
        let huge = "(".repeat(100_000);
        assert_eq!(parse(&huge).unwrap_err().at, MAX_LEN..100_000);
        // A long run of `not` is read in a loop.
        let nots = format!("{}a", "not ".repeat(240));
        assert!(matches!(parse(&nots).unwrap(), Expr::Flag { .. }));
    }

    #[test]
    fn types_are_checked_against_the_attributes() {
        let kind = |n: &str| match n {
            "area" => Some(Kind::Number),
            "inv" => Some(Kind::Text),
            _ => None,
        };
        let p = parse("area >= 'x' or inv < 'y' or aera > 1 or area")
            .unwrap()
            .check(&kind);
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(matches!(&p[0], TypeProblem::Mismatch { at, .. } if *at == (8..11)));
        assert!(matches!(&p[1], TypeProblem::Mismatch { at, .. } if *at == (15..18)));
        assert!(
            matches!(&p[2], TypeProblem::Unknown { name, at } if name == "aera" && *at == (28..32))
        );
        assert!(matches!(&p[3], TypeProblem::Mismatch { at, .. } if *at == (40..44)));
    }

    const FLOW: &str = r#"version = 1
name = "rules"
start = "2025-03-03"

[project]
underground_area = { value = 0, unit = "m²", name = { zh = "地下建筑面积", en = "underground area" } }
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
id = "x"
department = "D"
stage = "s"
days = 10
after = ["a+2"]
when = "underground_area >= 1000"

[[items]]
id = "y"
department = "D"
stage = "s"
days = 4
after = ["x:SS+1"]
when = "underground_area >= 1000 and investment = 'social'"

[[items]]
id = "b"
department = "D"
stage = "s"
days = 3
after = ["y+3", { item = "a", lag = 1, when = "not in_assessed_area" }]
"#;

    fn values(rules: &Rules, attrs: &[&str]) -> BTreeMap<String, Value> {
        let attrs: Vec<String> = attrs.iter().map(|s| s.to_string()).collect();
        rules.values(&attrs).unwrap()
    }

    #[test]
    fn a_dropped_chain_is_bridged_with_the_combined_lag() {
        let s = parse_scenario(FLOW, "rules.toml", Format::Toml).unwrap();
        assert_eq!(s.rules.attributes.len(), 3);
        assert_eq!(s.rules.items.len(), 2);
        assert_eq!(s.rules.links.len(), 1);
        // underground_area = 0: x and y are dropped. a →(FS+2) x →(SS+1) y →(FS+3) b through items
        // of zero days is a →(FS, 2+1+3 = 6) b, tighter than the direct a →(FS+1) b it merges with.
        let r = resolve(&s, &values(&s.rules, &[]));
        assert_eq!(r.dropped, vec![ItemId::new("x"), ItemId::new("y")]);
        let ids: Vec<&str> = r.draft.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(r.draft.links.len(), 1);
        let l = &r.draft.links[0];
        assert_eq!((l.from.as_str(), l.to.as_str()), ("a", "b"));
        assert_eq!(l.kind, LinkKind::FinishToStart);
        assert_eq!(l.lag.get(), 6.0);
        // Hand-worked: a 0–5, b starts 5 + 6 = 11, ends 14.
        let v = crate::validate(&r.draft, "rules.toml").unwrap();
        assert!(v.rules.items.is_empty());
        // With the link's condition false too (in an assessed area), only the bridge is left.
        let r = resolve(&s, &values(&s.rules, &["in_assessed_area=yes"]));
        assert_eq!(r.draft.links.len(), 1);
        assert_eq!(r.draft.links[0].lag.get(), 6.0);
        // underground_area = 5000: every item applies, the direct link too.
        let r = resolve(&s, &values(&s.rules, &["underground_area=5000"]));
        assert!(r.dropped.is_empty());
        assert_eq!(r.draft.links.len(), 4);
        // Government investment drops y only: x →(SS+1) y →(FS+3) b ties x's start to b's start:
        // x →(SS+4) b.
        let r = resolve(
            &s,
            &values(
                &s.rules,
                &["underground_area=5000", "investment=government"],
            ),
        );
        assert_eq!(r.dropped, vec![ItemId::new("y")]);
        let xb = r
            .draft
            .links
            .iter()
            .find(|l| l.from.as_str() == "x")
            .unwrap();
        assert_eq!((xb.kind, xb.lag.get()), (LinkKind::StartToStart, 4.0));
    }

    #[test]
    fn attribute_values_are_typed_and_known() {
        let s = parse_scenario(FLOW, "rules.toml", Format::Toml).unwrap();
        let v = |a: &[&str]| {
            s.rules
                .values(&a.iter().map(|x| x.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            v(&["underground_area=5000"]).unwrap()["underground_area"],
            num(5000.0)
        );
        assert!(
            matches!(v(&["undergrund_area=1"]), Err(AttrError::Unknown { known, .. }) if known.len() == 3)
        );
        assert!(matches!(
            v(&["underground_area=big"]),
            Err(AttrError::BadValue { .. })
        ));
        assert!(matches!(
            v(&["in_assessed_area=maybe"]),
            Err(AttrError::BadValue { .. })
        ));
        assert!(matches!(
            v(&["underground_area"]),
            Err(AttrError::Syntax(_))
        ));
        assert_eq!(
            v(&["in_assessed_area=是"]).unwrap()["in_assessed_area"],
            Value::YesNo(true)
        );
    }

    #[test]
    fn project_and_when_survive_a_round_trip() {
        let s = parse_scenario(FLOW, "rules.toml", Format::Toml).unwrap();
        let text = to_toml(&s).unwrap();
        assert!(text.contains("[project]"), "{text}");
        let again = parse_scenario(&text, "again.toml", Format::Toml).unwrap();
        assert_eq!(again.rules, s.rules);
        assert_eq!(again, s);
        let json = crate::to_json(&s).unwrap();
        let j = parse_scenario(&json, "again.json", Format::Json).unwrap();
        assert_eq!(j.rules, s.rules);
    }

    #[test]
    fn a_bad_condition_is_placed_inside_its_text() {
        let bad = FLOW.replace(
            "when = \"underground_area >= 1000\"",
            "when = \"undergound_area >= 1000\"",
        );
        let err = parse_scenario(&bad, "rules.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
        let d = &err.0[0];
        // Line 26 is `when = "undergound_area >= 1000"`; the name starts at column 9.
        assert_eq!(d.location(), "rules.toml:26:9");
        assert!(d.help.contains("underground_area"), "{d:?}");
        let bad = FLOW.replace(
            "when = \"underground_area >= 1000\"",
            "when = \"underground_area >= 1000 an\"",
        );
        let err = parse_scenario(&bad, "rules.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0[0].location(), "rules.toml:26:34");
    }

    #[test]
    fn a_measure_under_a_false_condition_is_left_out_of_its_regimes() {
        let text = format!(
            "{FLOW}\n[[measures]]\nid = \"cut\"\nkind = \"time_limit_compression\"\nlimits = {{ a = 2 }}\nwhen = \"in_assessed_area\"\n\n[[regimes]]\nname = \"reformed\"\nbase = \"parallel\"\nmeasures = [\"cut\"]\n"
        );
        let s = parse_scenario(&text, "m.toml", Format::Toml).unwrap();
        assert_eq!(s.rules.measures.len(), 1);
        let written = to_toml(&s).unwrap();
        assert!(written.contains("when = \"in_assessed_area\""), "{written}");
        // Outside an assessed area the cut does not apply: the regime keeps no measure.
        let r = resolve(&s, &values(&s.rules, &[]));
        assert!(r.draft.measures.is_empty());
        assert!(r.draft.regimes[0].measures.is_empty());
        crate::validate(&r.draft, "m.toml").unwrap();
        let r = resolve(&s, &values(&s.rules, &["in_assessed_area=yes"]));
        assert_eq!(r.draft.regimes[0].measures.len(), 1);
    }

    #[test]
    fn a_regional_assessment_applies_only_in_the_assessed_area_and_drops_as_when_does() {
        // x is dropped by the measure (its own condition holds at 5000 m²): a →FS+2 x →SS+1 y
        // bridges to a →FS+3 y; y is committed.
        let text = format!(
            "{FLOW}\n[[measures]]\nid = \"area\"\nkind = \"regional_assessment\"\ndrop = [\"x\"]\ncommit = [\"y\"]\n\n[[regimes]]\nname = \"regional\"\nbase = \"parallel\"\nmeasures = [\"area\"]\n"
        );
        let s = parse_scenario(&text, "m.toml", Format::Toml).unwrap();
        let back = parse_scenario(&to_toml(&s).unwrap(), "m.toml", Format::Toml).unwrap();
        assert_eq!(back, s);
        // Outside the area: left out of the regime, with a note.
        let r = resolve(&s, &values(&s.rules, &["underground_area=5000"]));
        assert!(r.draft.measures.is_empty());
        assert!(r.draft.regimes[0].measures.is_empty());
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("not in an assessed area")),
            "{:?}",
            r.warnings
        );
        // Inside: kept; dropping its items bridges them as `when` does.
        let r = resolve(
            &s,
            &values(&s.rules, &["underground_area=5000", "in_assessed_area=yes"]),
        );
        assert_eq!(r.draft.regimes[0].measures.len(), 1);
        let inside = crate::validate(&r.draft, "m.toml").unwrap();
        assert!(inside.in_assessed_area());
        let (dropped, _) = inside.without_items(&[crate::units::ItemId::new("x")]);
        assert!(dropped.item(&crate::units::ItemId::new("x")).is_none());
        let l = dropped
            .links
            .iter()
            .find(|l| l.from.as_str() == "a" && l.to.as_str() == "y")
            .unwrap();
        assert_eq!((l.kind, l.lag.get()), (LinkKind::FinishToStart, 3.0));
        // The measure no longer names the dropped item; it still commits y.
        match &dropped.measures[0].measure {
            crate::scenario::Measure::RegionalAssessment { drop, commit, .. } => {
                assert!(drop.is_empty());
                assert_eq!(commit.len(), 1);
            }
            m => panic!("{m:?}"),
        }
        // An item whose own condition is false leaves the measure: at 0 m² x and y are gone,
        // and the measure, with nothing left, with them.
        let r = resolve(&s, &values(&s.rules, &["in_assessed_area=yes"]));
        assert!(r.draft.measures.is_empty(), "{:?}", r.draft.measures);
    }
}
