//! What-ifs from the command line: `--start`, `--set ID.days=N` and
//! `--measure REGIME±MEASURE`, turned into [`Edit`]s, applied, then validated.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use permitflow_model::{Draft, ItemId, MeasureId, validate};

use super::{Edit, apply};
use crate::{Error, Loaded};

/// `ID.days=N`: an item's time limit set to N working days.
#[derive(Clone, Debug, PartialEq)]
pub struct SetDays {
    /// The item's id.
    pub item: String,
    /// The new limit, in working days.
    pub days: f64,
}

impl FromStr for SetDays {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let syntax = || "write ID.days=N, e.g. fire_design.days=3".to_owned();
        let (lhs, value) = text.split_once('=').ok_or_else(syntax)?;
        let (id, field) = lhs.trim().rsplit_once('.').ok_or_else(syntax)?;
        if field != "days" {
            return Err("only an item's `days` can be set from the command line".into());
        }
        let days = value
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("`{}` is not a number of working days", value.trim()))?;
        Ok(Self {
            item: id.to_owned(),
            days,
        })
    }
}

impl fmt::Display for SetDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.days={}", self.item, self.days)
    }
}

/// Applies `--start`, `--set` and `--measure` in that order, then validates the scenario again.
/// Every problem is reported, not only the first.
pub fn apply_what_ifs(
    loaded: &mut Loaded,
    start: Option<NaiveDate>,
    sets: &[SetDays],
    measures: &[String],
) -> Result<(), Error> {
    if start.is_none() && sets.is_empty() && measures.is_empty() {
        // Nothing to change: the loaded scenario is valid already.
        return Ok(());
    }
    let mut draft = loaded.scenario.to_draft();
    let s = &mut draft;
    let mut problems = Vec::new();
    if let Some(d) = start {
        apply(s, &Edit::Start(d));
    }
    for set in sets {
        let item = ItemId::new(&set.item);
        if s.item(&item).is_none() {
            problems.push(Error::msg(format!(
                "`--set {set}`: there is no item `{}`",
                set.item
            )));
            continue;
        }
        apply(
            s,
            &Edit::Days {
                item,
                days: set.days,
            },
        );
    }
    for m in measures {
        match measure_edit(s, m) {
            Ok(e) => apply(s, &e),
            Err(p) => problems.push(Error::msg(format!("`--measure {m}`: {p}"))),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Many(problems));
    }
    loaded.scenario = validate(&draft, &loaded.label).map_err(Error::invalid)?;
    Ok(())
}

/// `REGIME+MEASURE` or `REGIME-MEASURE` as an edit of `s`, or why it is not one.
pub fn measure_edit(s: &Draft, text: &str) -> Result<Edit, String> {
    let Some((regime, on, measure)) = split_measure(s, text) else {
        return Err(format!(
            "write REGIME+MEASURE or REGIME-MEASURE with one of the regimes {}",
            crate::regime_list(s)
        ));
    };
    let id = MeasureId::new(&measure);
    let has = s
        .regime(&regime)
        .is_some_and(|r| r.measures.iter().any(|x| x == &id));
    if on && s.measure(&id).is_none() {
        return Err(format!(
            "there is no measure `{measure}`; declare it under [[measures]] or use joint_review or online_submission"
        ));
    }
    if !on && !has {
        return Err(format!("regime `{regime}` has no measure `{measure}`"));
    }
    Ok(Edit::Measure {
        regime,
        measure: id,
        on,
    })
}

/// Splits `REGIME+MEASURE` / `REGIME-MEASURE` at the sign after a known regime name (regime
/// names may themselves contain `-`).
fn split_measure(s: &Draft, text: &str) -> Option<(String, bool, String)> {
    text.char_indices()
        .filter(|(_, c)| *c == '+' || *c == '-')
        .find_map(|(i, c)| {
            let regime = &text[..i];
            s.regime(regime)
                .map(|_| (regime.to_owned(), c == '+', text[i + 1..].to_owned()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_days_parses_and_explains() {
        let s: SetDays = "fire_design.days=3.5"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.item, "fire_design");
        assert_eq!(s.days, 3.5);
        assert_eq!(s.to_string(), "fire_design.days=3.5");
        assert!("fire_design=3".parse::<SetDays>().is_err());
        assert_eq!(
            "a.cost=3".parse::<SetDays>().err().as_deref(),
            Some("only an item's `days` can be set from the command line")
        );
        assert_eq!(
            "a.days=x".parse::<SetDays>().err().as_deref(),
            Some("`x` is not a number of working days")
        );
    }

    #[test]
    fn what_ifs_are_the_desktop_apps_edits() {
        let mut loaded = crate::load::load_default().unwrap_or_else(|e| panic!("{e}"));
        let mut by_edits = loaded.scenario.to_draft();
        apply_what_ifs(
            &mut loaded,
            None,
            &["fire_acceptance.days=5"
                .parse()
                .unwrap_or_else(|e| panic!("{e}"))],
            &["joint-joint_review".into()],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        apply(
            &mut by_edits,
            &Edit::Days {
                item: ItemId::new("fire_acceptance"),
                days: 5.0,
            },
        );
        apply(
            &mut by_edits,
            &Edit::Measure {
                regime: "joint".into(),
                measure: MeasureId::new("joint_review"),
                on: false,
            },
        );
        assert_eq!(loaded.scenario, by_edits);
        let err = apply_what_ifs(&mut loaded, None, &[], &["joint-joint_review".into()]);
        assert_eq!(
            err.map_err(|e| e.render()).err().as_deref(),
            Some(
                "error: `--measure joint-joint_review`: regime `joint` has no measure `joint_review`\n"
            )
        );
    }
}
