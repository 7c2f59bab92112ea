//! The honest mark: how many of a scenario's figures nobody published. Every item's limit, floor
//! and fee and every joint group's limit and floor carries a provenance ([`Provenance`]); those
//! marked `assumed` were chosen by the scenario's author. Outputs that show a scenario's totals
//! say "N of M figures are assumed" and the report lists them.

use crate::scenario::Draft;
use crate::units::Provenance;

/// Which figure of an item or joint group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureField {
    /// The statutory time limit (`days`), in the item's unit.
    Days,
    /// The least limit the department can commit to (`floor`).
    Floor,
    /// What the applicant pays (`fee`, yuan).
    Fee,
}

impl FigureField {
    /// The field's name in a scenario file (`days`, `floor`, `fee`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Days => "days",
            Self::Floor => "floor",
            Self::Fee => "fee",
        }
    }
}

/// One assumed figure: whose, which field and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct AssumedFigure {
    /// The item's or joint group's id.
    pub id: String,
    /// Its name for people.
    pub name: String,
    /// Which of its figures.
    pub field: FigureField,
    /// The value as written (days in the item's unit, or yuan).
    pub value: f64,
}

/// A scenario's figures: how many there are and which are assumed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Every figure with a provenance: items' days, floors and fees, joint groups' days and
    /// floors (those given).
    pub total: usize,
    /// The figures marked `assumed`, in file order (items first, then joint groups).
    pub assumed: Vec<AssumedFigure>,
}

impl Figures {
    /// How many figures are assumed.
    pub fn assumed_count(&self) -> usize {
        self.assumed.len()
    }
}

/// Counts the figures of `draft` and lists those marked `assumed`.
pub fn figures(draft: &Draft) -> Figures {
    let mut f = Figures::default();
    let mut add = |id: &str, name: &str, field: FigureField, value: f64, source: &Provenance| {
        f.total += 1;
        if *source == Provenance::Assumed {
            f.assumed.push(AssumedFigure {
                id: id.to_owned(),
                name: name.to_owned(),
                field,
                value,
            });
        }
    };
    for it in &draft.items {
        let id = it.id.as_str();
        add(
            id,
            &it.name,
            FigureField::Days,
            it.days.value.get(),
            &it.days.source,
        );
        if let Some(fl) = &it.floor {
            add(id, &it.name, FigureField::Floor, fl.value.get(), &fl.source);
        }
        if let Some(fee) = &it.fee {
            add(id, &it.name, FigureField::Fee, fee.value, &fee.source);
        }
    }
    for g in &draft.joint_groups {
        let id = g.id.as_str();
        if let Some(d) = &g.days {
            add(id, &g.name, FigureField::Days, d.value.get(), &d.source);
        }
        if let Some(fl) = &g.floor {
            add(id, &g.name, FigureField::Floor, fl.value.get(), &fl.source);
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::{Sourced, WorkingDays};

    #[test]
    fn counts_every_figure_and_lists_the_assumed_ones() {
        let text = r#"
version = 1
name = "t"
start = "2025-03-03"
[[stages]]
id = "s"
lead = "d"
[[items]]
id = "a"
department = "d"
stage = "s"
days = { value = 5, source = "assumed" }
[[items]]
id = "b"
department = "d"
stage = "s"
days = { value = 3, source = "notice.pdf" }
after = ["a"]
"#;
        let s = crate::parse_scenario(text, "t.toml", crate::Format::Toml)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut d = s.to_draft();
        let f = figures(&d);
        assert_eq!(f.total, 2);
        assert_eq!(f.assumed_count(), 1);
        assert_eq!(f.assumed[0].id, "a");
        assert_eq!(f.assumed[0].field, FigureField::Days);
        assert_eq!(f.assumed[0].value, 5.0);
        // A fee and a floor are figures too: 4 in all, 2 of them assumed.
        d.items[1].fee = Some(Sourced::new(1200.0, Provenance::Assumed));
        d.items[0].floor = Some(Sourced::new(
            WorkingDays::new(2.0),
            Provenance::Source("x".into()),
        ));
        let f = figures(&d);
        assert_eq!(f.total, 4);
        assert_eq!(f.assumed_count(), 2);
        assert_eq!(f.assumed[1].id, "b");
        assert_eq!(f.assumed[1].field, FigureField::Fee);
        assert_eq!(f.assumed[1].value, 1200.0);
    }
}
