//! Milestones: the moments a developer cares about — land acquired, works started, pre-sale
//! permit, completion filing, first registration — each reached when a named item finishes (or
//! starts). The comparison shows when each is reached under each regime; the dates and day
//! counts are the solver's (`solver::milestones`), not the model's.

use crate::units::{ItemId, MilestoneId};

/// Which end of its item a milestone is reached at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MilestoneAt {
    /// When the item finishes (the default: a permit is held once it is issued).
    #[default]
    Finish,
    /// When the item starts (works start when the construction period starts).
    Start,
}

impl MilestoneAt {
    /// Both ends, in the order the documentation lists them.
    pub const ALL: [Self; 2] = [Self::Finish, Self::Start];

    /// The name a scenario file gives it (`finish`, `start`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Finish => "finish",
            Self::Start => "start",
        }
    }

    /// The end a file names.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == text.trim())
    }
}

/// A moment a developer cares about, reached at one end of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// Unique among the milestones.
    pub id: MilestoneId,
    /// The milestone's name for people, in the current language (the id when the file gives
    /// none).
    pub name: String,
    /// The item whose start or finish reaches it.
    pub item: ItemId,
    /// Which end of the item.
    pub at: MilestoneAt,
    /// Free text: what the milestone means to the developer.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Format, parse_scenario, to_json, to_toml};
    use permitflow_i18n::{Lang, with_lang};

    const FLOW: &str = "version = 1\nname = \"t\"\nstart = \"2025-03-03\"\n\
[[stages]]\nid = \"s\"\nlead = \"D\"\n\
[[items]]\nid = \"land_use_permit\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 5\n\
[[items]]\nid = \"construction_permit\"\ndepartment = \"D\"\nstage = \"s\"\ndays = 3\nafter = [\"land_use_permit\"]\n";

    const MILESTONES: &str = "\
[[milestones]]\nid = \"land\"\nname = { zh = \"取得用地规划许可\", en = \"Land acquired\" }\nitem = \"land_use_permit\"\n\
[[milestones]]\nid = \"works\"\nname = \"Works started\"\nlabel_zh = \"开工\"\nitem = \"construction_permit\"\nnote = \"the permit is held\"\n\
[[milestones]]\nid = \"applied\"\nitem = \"land_use_permit\"\nat = \"start\"\n";

    fn problems(text: &str) -> Vec<crate::Diagnostic> {
        match parse_scenario(text, "m.toml", Format::Toml) {
            Ok(_) => panic!("the milestones should be refused"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn milestones_are_read_with_their_end_and_names_in_both_languages() {
        let text = format!("{FLOW}{MILESTONES}");
        let s = with_lang(Lang::ZhCn, || parse_scenario(&text, "m.toml", Format::Toml));
        let s = s.expect("the milestones should read");
        let ids: Vec<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["land", "works", "applied"]);
        let names: Vec<&str> = s.milestones.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["取得用地规划许可", "开工", "applied"]);
        assert_eq!(s.milestones[1].item.as_str(), "construction_permit");
        assert_eq!(s.milestones[1].at, MilestoneAt::Finish);
        assert_eq!(s.milestones[1].note, "the permit is held");
        assert_eq!(s.milestones[2].at, MilestoneAt::Start);
        let en = with_lang(Lang::En, || parse_scenario(&text, "m.toml", Format::Toml));
        let en = en.expect("the milestones should read");
        assert_eq!(en.milestones[0].name, "Land acquired");
        assert_eq!(en.milestones[1].name, "Works started");
    }

    #[test]
    fn milestones_round_trip_through_toml_and_json_in_either_language() {
        let text = format!("{FLOW}{MILESTONES}");
        for lang in [Lang::En, Lang::ZhCn] {
            with_lang(lang, || {
                let s = parse_scenario(&text, "m.toml", Format::Toml).expect("reads");
                let toml = to_toml(&s).expect("writes");
                assert!(toml.contains("[[milestones]]"), "{toml}");
                assert!(toml.contains("at = \"start\""), "{toml}");
                assert_eq!(
                    toml.matches("at = ").count(),
                    1,
                    "finish is left out: {toml}"
                );
                let back = parse_scenario(&toml, "m.toml", Format::Toml).expect("reads back");
                assert_eq!(back, s);
                let json = to_json(&s).expect("writes");
                let back = parse_scenario(&json, "m.json", Format::Json).expect("reads back");
                assert_eq!(back, s);
            });
        }
    }

    #[test]
    fn an_unknown_item_is_placed_with_a_did_you_mean() {
        let text = format!("{FLOW}[[milestones]]\nid = \"works\"\nitem = \"construction_permt\"\n");
        let p = with_lang(Lang::En, || problems(&text));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].code, crate::Code::UnknownId);
        assert_eq!((p[0].line, p[0].column), (Some(20), Some(8)));
        assert_eq!(p[0].subject.as_deref(), Some("milestone `works`"));
        assert_eq!(p[0].message, "unknown item `construction_permt`");
        assert!(
            p[0].help.contains("did you mean `construction_permit`"),
            "{}",
            p[0].help
        );
        let zh = with_lang(Lang::ZhCn, || problems(&text));
        assert_eq!(zh[0].subject.as_deref(), Some("里程碑 `works`"));
        assert_eq!(zh[0].message, "未知的事项 `construction_permt`");
    }

    #[test]
    fn a_duplicate_id_and_an_unknown_end_are_each_reported() {
        let text = format!(
            "{FLOW}[[milestones]]\nid = \"works\"\nitem = \"construction_permit\"\n\
[[milestones]]\nid = \"works\"\nitem = \"construction_permit\"\nat = \"end\"\n"
        );
        let p = with_lang(Lang::En, || problems(&text));
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].code, crate::Code::DuplicateId);
        assert_eq!(p[0].line, Some(22), "the second `id`");
        assert_eq!(p[1].code, crate::Code::BadValue);
        assert_eq!((p[1].line, p[1].column), (Some(24), Some(6)));
        assert_eq!(p[1].message, "unknown end `end`");
        assert!(p[1].help.contains("at = \"start\""), "{}", p[1].help);
        let zh = with_lang(Lang::ZhCn, || problems(&text));
        assert_eq!(zh[1].message, "未知的里程碑时点 `end`");
        assert!(zh[1].help.contains("开始时"), "{}", zh[1].help);
    }

    #[test]
    fn an_end_is_read_by_its_name_and_finish_is_the_default() {
        assert_eq!(MilestoneAt::parse("start"), Some(MilestoneAt::Start));
        assert_eq!(MilestoneAt::parse(" finish "), Some(MilestoneAt::Finish));
        assert_eq!(MilestoneAt::parse("end"), None);
        assert_eq!(MilestoneAt::default(), MilestoneAt::Finish);
        assert_eq!(MilestoneAt::Start.name(), "start");
    }
}
