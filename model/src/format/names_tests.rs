//! Names in two languages: read in each language, written back, read again the same.

#[cfg(test)]
mod tests {
    use permitflow_i18n::{Lang, with_lang};

    use super::super::{Format, parse_scenario, to_json, to_toml};
    use crate::csv_item_list::parse_item_list;
    use crate::labels::Part;
    use crate::scenario::Draft;
    use crate::units::{Department, MeasureId, RegimeName};

    const BILINGUAL: &str = r#"version = 1
name = { zh = "测试情景", en = "Test scenario" }
start = "2025-03-03"

[departments]
"Natural Resources Bureau" = { zh = "自然资源和规划局", en = "Natural Resources Bureau" }
"Housing Bureau" = { zh = "住房和城乡建设局" }

[[stages]]
id = "land"
name = { zh = "立项用地规划许可阶段", en = "Project approval and land-use planning" }
lead = "Natural Resources Bureau"

[[stages]]
id = "permit"
name = "Construction permit"
label_zh = "施工许可阶段"
lead = "Housing Bureau"

[[items]]
id = "a"
name = { zh = "企业投资项目备案", en = "Investment project filing" }
department = "Natural Resources Bureau"
stage = "land"
days = 5

[[items]]
id = "b"
name = "施工许可证核发"
label_en = "Construction permit issuance"
department = "Housing Bureau"
stage = "permit"
days = 7
after = ["a"]

[[items]]
id = "c"
department = "Housing Bureau"
stage = "permit"
days = 3
joint = "g"

[[joint]]
id = "g"
name = { zh = "联合审图", en = "Joint plan review" }
days = 4

[[measures]]
id = "promise"
kind = "notification_commitment"
label_zh = "告知承诺"
label_en = "Promise"
items = ["b"]

[[regimes]]
name = "reform"
label_zh = "改革后"
label_en = "After the reform"
base = "parallel"
measures = ["promise"]

[[targets]]
name = { zh = "改革目标", en = "Reform target" }
regime = "reform"
working_days = 20
"#;

    fn read(text: &str, format: Format) -> Draft {
        match parse_scenario(text, "t.toml", format) {
            Ok(s) => s.to_draft(),
            Err(e) => panic!("the scenario should read: {e:?}"),
        }
    }

    #[test]
    fn names_follow_the_language() {
        let zh = with_lang(Lang::ZhCn, || read(BILINGUAL, Format::Toml));
        assert_eq!(zh.name, "测试情景");
        assert_eq!(zh.stages[0].name, "立项用地规划许可阶段");
        assert_eq!(zh.stages[1].name, "施工许可阶段");
        assert_eq!(zh.items[0].name, "企业投资项目备案");
        assert_eq!(zh.items[1].name, "施工许可证核发");
        assert_eq!(
            zh.items[2].name, "c",
            "an item without a name or label keeps its id"
        );
        assert_eq!(zh.joint_groups[0].name, "联合审图");
        assert_eq!(zh.targets[0].name, "改革目标");
        let en = with_lang(Lang::En, || read(BILINGUAL, Format::Toml));
        assert_eq!(en.name, "Test scenario");
        assert_eq!(en.stages[1].name, "Construction permit");
        assert_eq!(en.items[0].name, "Investment project filing");
        assert_eq!(en.items[1].name, "Construction permit issuance");
        assert_eq!(en.targets[0].name, "Reform target");
        let nrb = Department::new("Natural Resources Bureau");
        let hb = Department::new("Housing Bureau");
        with_lang(Lang::ZhCn, || {
            assert_eq!(en.department_label(&nrb), "自然资源和规划局");
            assert_eq!(en.department_label(&hb), "住房和城乡建设局");
            assert_eq!(en.regime_label(&RegimeName::new("reform")), "改革后");
            assert_eq!(en.measure_label(&MeasureId::new("promise")), "告知承诺");
        });
        with_lang(Lang::En, || {
            assert_eq!(
                zh.department_label(&hb),
                "Housing Bureau",
                "no English label: the key"
            );
            assert_eq!(
                zh.regime_label(&RegimeName::new("reform")),
                "After the reform"
            );
        });
        // The name as written: the zh of a table, else the plain name.
        let n = &zh.labels.names[&(Part::Item, "a".to_owned())];
        assert_eq!(n.written, "企业投资项目备案");
        let n = &zh.labels.names[&(Part::Stage, "permit".to_owned())];
        assert_eq!(n.written, "Construction permit");
    }

    #[test]
    fn a_round_trip_is_the_same_in_either_language() {
        for read_in in [Lang::En, Lang::ZhCn] {
            for write_in in [Lang::En, Lang::ZhCn] {
                let first = with_lang(read_in, || read(BILINGUAL, Format::Toml));
                let toml = with_lang(write_in, || to_toml(&first)).unwrap();
                let json = with_lang(write_in, || to_json(&first)).unwrap();
                let again = with_lang(read_in, || read(&toml, Format::Toml));
                assert_eq!(
                    again, first,
                    "TOML read in {read_in:?}, written in {write_in:?}"
                );
                let again = with_lang(read_in, || read(&json, Format::Json));
                assert_eq!(
                    again, first,
                    "JSON read in {read_in:?}, written in {write_in:?}"
                );
                assert!(
                    toml.contains("zh = \"企业投资项目备案\"\nen = \"Investment project filing\""),
                    "{toml}"
                );
                assert!(toml.contains("label_zh = \"施工许可阶段\""), "{toml}");
                assert!(toml.contains("住房和城乡建设局"), "{toml}");
            }
        }
    }

    #[test]
    fn a_rename_in_one_language_keeps_the_other() {
        let mut d = with_lang(Lang::ZhCn, || read(BILINGUAL, Format::Toml));
        with_lang(Lang::ZhCn, || {
            d.items[0].name = "投资项目备案".into();
            d.labels.rename(Part::Item, "a", "投资项目备案");
        });
        let toml = to_toml(&d).unwrap();
        let en = with_lang(Lang::En, || read(&toml, Format::Toml));
        assert_eq!(en.items[0].name, "Investment project filing");
        let zh = with_lang(Lang::ZhCn, || read(&toml, Format::Toml));
        assert_eq!(zh.items[0].name, "投资项目备案");
        // A name changed without its labels counts as a rename in the language it was made in.
        let mut d = with_lang(Lang::En, || read(BILINGUAL, Format::Toml));
        d.items[1].name = "Permit".into();
        let toml = with_lang(Lang::En, || to_toml(&d)).unwrap();
        assert_eq!(
            with_lang(Lang::En, || read(&toml, Format::Toml)).items[1].name,
            "Permit"
        );
        assert_eq!(
            with_lang(Lang::ZhCn, || read(&toml, Format::Toml)).items[1].name,
            "施工许可证核发"
        );
    }

    #[test]
    fn an_unknown_department_and_a_name_given_twice_are_placed() {
        let text = BILINGUAL.replace("\"Housing Bureau\" = { zh", "\"Housing Bureua\" = { zh");
        let err = parse_scenario(&text, "t.toml", Format::Toml).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.code, crate::diag::Code::UnknownId);
        assert_eq!((d.line, d.column), (Some(7), Some(2)));
        assert!(d.message.contains("Housing Bureua"), "{}", d.message);
        assert!(
            d.help.contains("did you mean `Housing Bureau`"),
            "{}",
            d.help
        );
        let text = BILINGUAL.replace(
            "name = { zh = \"联合审图\", en = \"Joint plan review\" }",
            "name = { zh = \"联合审图\", en = \"Joint plan review\" }\nlabel_en = \"Joint review\"",
        );
        let err = parse_scenario(&text, "t.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
        assert_eq!(err.0[0].line, Some(46), "the `label_en` line");
        assert_eq!(err.0[0].subject.as_deref(), Some("joint group `g`"));
    }

    const ENGLISH_CSV: &str = "id,name,department,stage,days,after,kind,materials,joint\n\
    a,企业投资项目备案,Development and Reform Commission,Project approval,5,,filing,2,\n\
    b,Planning permit,Natural Resources Bureau,Project approval,10,a,,4,\n\
    c,Fire design review,Fire Brigade,Construction permit,5,b,,3,drawings=7\n\
    d,Civil air defence review,Civil Air Defence Office,Construction permit,4,b,review,2,drawings\n\
    e,Construction permit,Housing Bureau,Construction permit,3,c;d,,5,\n";

    const CHINESE_CSV: &str = "编号,事项名称,实施部门,所属阶段,办理时限,前置事项,类型,申请材料,联合,英文名称\n\
    a,企业投资项目备案,Development and Reform Commission,Project approval,5,,备案,2,,Investment project filing\n\
    b,建设用地规划许可证核发,Natural Resources Bureau,Project approval,10,a,,4,,Planning permit\n\
    c,消防设计审查,Fire Brigade,Construction permit,5,b,,3,drawings=7,Fire design review\n\
    d,人防设计审查,Civil Air Defence Office,Construction permit,4,b,审批,2,drawings,Civil air defence review\n\
    e,施工许可证核发,Housing Bureau,Construction permit,3,c;d,,5,,Construction permit\n";

    #[test]
    fn a_chinese_header_reads_like_its_english_twin() {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let en = with_lang(Lang::En, || {
            parse_item_list(ENGLISH_CSV, "en.csv", "x", start)
        })
        .unwrap();
        let zh = with_lang(Lang::En, || {
            parse_item_list(CHINESE_CSV, "zh.csv", "x", start)
        })
        .unwrap();
        assert_eq!(zh.items.len(), 5);
        for (a, b) in en.items.iter().zip(&zh.items) {
            assert_eq!(
                (&a.id, a.days.value, a.kind, &a.materials),
                (&b.id, b.days.value, b.kind, &b.materials)
            );
        }
        assert_eq!(en.links, zh.links);
        assert_eq!(en.joint_groups.len(), zh.joint_groups.len());
        assert_eq!(zh.items[0].kind, crate::scenario::ItemKind::Filing);
        // The names went in as Chinese, with the English beside them.
        assert_eq!(zh.items[1].name, "Planning permit", "shown in English");
        let n = &zh.labels.names[&(Part::Item, "b".to_owned())];
        assert_eq!(n.written, "建设用地规划许可证核发");
        assert_eq!(n.label.en.as_deref(), Some("Planning permit"));
        assert_eq!(zh.description, "由 CSV 事项清单 zh.csv 导入。");
        let zh_zh = with_lang(Lang::ZhCn, || {
            parse_item_list(CHINESE_CSV, "zh.csv", "x", start)
        })
        .unwrap();
        assert_eq!(zh_zh.items[1].name, "建设用地规划许可证核发");
        let toml = to_toml(&zh_zh).unwrap();
        assert!(
            toml.contains("[items.name]\nzh = \"消防设计审查\"\nen = \"Fire design review\""),
            "{toml}"
        );
    }

    #[test]
    fn a_header_may_mix_languages_and_an_unknown_chinese_column_is_named() {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let mixed = "编号,name,实施部门,stage,承诺时限,after\na,A,D,S,2,\nb,B,D,S,3,a\n";
        let s = parse_item_list(mixed, "m.csv", "m", start).unwrap();
        assert_eq!(s.items[1].days.value.get(), 3.0);
        let bad = "编号,事项名称,实施部门,所属阶段,承诺时限,前置事项,备注\na,A,D,S,2,,x\n";
        let err = parse_item_list(bad, "b.csv", "b", start).unwrap_err();
        assert_eq!(err.0[0].code, crate::diag::Code::Column);
        assert!(err.0[0].message.contains("备注"), "{}", err.0[0].message);
        assert_eq!((err.0[0].line, err.0[0].column), (Some(1), Some(29)));
    }

    /// BILINGUAL with the scenario's description as a table and the regime's as a string with
    /// `description_zh` beside it.
    fn described() -> String {
        BILINGUAL
            .replace(
                "start = ",
                "description = { zh = \"测试用的情景\", en = \"A scenario for tests\" }\nstart = ",
            )
            .replace(
                "measures = [\"promise\"]\n\n[[targets]]",
                "measures = [\"promise\"]\ndescription = \"Promises instead of reviews\"\ndescription_zh = \"以告知承诺代替审查\"\n\n[[targets]]",
            )
    }

    #[test]
    fn descriptions_follow_the_language_and_round_trip() {
        let text = described();
        let zh = with_lang(Lang::ZhCn, || read(&text, Format::Toml));
        assert_eq!(zh.description, "测试用的情景");
        assert_eq!(zh.regimes[0].description, "以告知承诺代替审查");
        let en = with_lang(Lang::En, || read(&text, Format::Toml));
        assert_eq!(en.description, "A scenario for tests");
        assert_eq!(en.regimes[0].description, "Promises instead of reviews");
        for read_in in [Lang::En, Lang::ZhCn] {
            for write_in in [Lang::En, Lang::ZhCn] {
                let first = with_lang(read_in, || read(&text, Format::Toml));
                let toml = with_lang(write_in, || to_toml(&first)).unwrap();
                let json = with_lang(write_in, || to_json(&first)).unwrap();
                let again = with_lang(read_in, || read(&toml, Format::Toml));
                assert_eq!(
                    again, first,
                    "TOML read in {read_in:?}, written in {write_in:?}"
                );
                let again = with_lang(read_in, || read(&json, Format::Json));
                assert_eq!(
                    again, first,
                    "JSON read in {read_in:?}, written in {write_in:?}"
                );
                assert!(
                    toml.contains("zh = \"测试用的情景\"\nen = \"A scenario for tests\""),
                    "{toml}"
                );
                assert!(
                    toml.contains("description = \"Promises instead of reviews\"\ndescription_zh = \"以告知承诺代替审查\""),
                    "{toml}"
                );
            }
        }
        // A description changed in memory counts as a change in the language it was made in.
        let mut d = with_lang(Lang::ZhCn, || read(&text, Format::Toml));
        d.regimes[0].description = "承诺即办".into();
        let toml = with_lang(Lang::ZhCn, || to_toml(&d)).unwrap();
        let zh = with_lang(Lang::ZhCn, || read(&toml, Format::Toml));
        assert_eq!(zh.regimes[0].description, "承诺即办");
        let en = with_lang(Lang::En, || read(&toml, Format::Toml));
        assert_eq!(en.regimes[0].description, "Promises instead of reviews");
    }

    #[test]
    fn a_description_given_twice_is_placed() {
        let text = described().replace(
            "description_zh = \"以告知承诺代替审查\"",
            "description = { zh = \"以告知承诺代替审查\" }\ndescription_zh = \"承诺\"",
        );
        let text = text.replace("description = \"Promises instead of reviews\"\n", "");
        let err = parse_scenario(&text, "t.toml", Format::Toml).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err:?}");
        assert_eq!(
            err.0[0].message,
            "`description_zh` and the `description` table give this description in the same language differently"
        );
        assert_eq!(err.0[0].subject.as_deref(), Some("regime `reform`"));
    }

    #[test]
    fn standard_regimes_are_described_in_the_language() {
        let text = BILINGUAL
            .split("[[measures]]")
            .next()
            .unwrap_or_default()
            .to_owned();
        let zh = with_lang(Lang::ZhCn, || read(&text, Format::Toml));
        assert_eq!(zh.regimes[0].description, "改革前：各部门依次串联审批");
        assert_eq!(zh.regimes[2].description, "并联审批，并实行联合审查");
        let en = with_lang(Lang::En, || read(&text, Format::Toml));
        assert_eq!(en.regimes, Draft::standard_regimes());
        // Written in either language, the standard regimes are left out as before.
        for lang in [Lang::En, Lang::ZhCn] {
            let toml = with_lang(lang, || to_toml(&zh)).unwrap();
            assert!(!toml.contains("[[regimes]]"), "{toml}");
        }
        let mut en = en;
        with_lang(Lang::ZhCn, || en.relabel());
        assert_eq!(
            en.regimes[1].description,
            "每个阶段一个窗口统一受理，审批事项并联办理"
        );
    }

    #[test]
    fn the_shipped_default_scenario_is_described_in_both_languages() {
        const SHIPPED: &str = include_str!("../../../scenarios/social-investment-housing.toml");
        let zh = with_lang(Lang::ZhCn, || read(SHIPPED, Format::Toml));
        assert!(
            zh.description.starts_with("四个阶段各有牵头部门"),
            "{}",
            zh.description
        );
        assert!(
            zh.description.contains("36.5个工作日"),
            "{}",
            zh.description
        );
        let serial = zh.regime("serial").map(|r| r.description.as_str());
        assert_eq!(serial, Some("改革前：各部门依次审批，每个审批事项单独申报"));
        let en = with_lang(Lang::En, || read(SHIPPED, Format::Toml));
        assert!(
            en.description
                .starts_with("Four stages with lead departments"),
            "{}",
            en.description
        );
        let serial = en.regime("serial").map(|r| r.description.as_str());
        assert_eq!(
            serial,
            Some("Before reform: each department after the previous one, a submission per item")
        );
        // Written back in Chinese, the English description stays as written with its Chinese beside it.
        let toml = with_lang(Lang::ZhCn, || to_toml(&zh)).unwrap();
        assert_eq!(with_lang(Lang::En, || read(&toml, Format::Toml)), en);
    }
}
