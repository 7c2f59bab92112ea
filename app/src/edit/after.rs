//! An item's predecessors as the `after` text of a scenario file (`drawing_review, land:SS+2`):
//! shown and typed in the authoring view, turned into link edits here.

use permitflow_model::format::parse_after;
use permitflow_model::{Draft, ItemId, LinkKind};

use super::{Edit, lag_text, unit_suffix};

/// The predecessors of `item` in the `after` syntax, comma-separated.
pub fn after_text(s: &Draft, item: &ItemId) -> String {
    s.links
        .iter()
        .filter(|l| &l.to == item)
        .map(|l| {
            let kind = if l.kind == LinkKind::FinishToStart {
                String::new()
            } else {
                format!(":{}", l.kind.code())
            };
            // A calendar-day lag keeps its suffix, as in the file (`b+2cd`).
            let unit = unit_suffix(l.lag.get(), l.lag_unit);
            format!("{}{kind}{}{unit}", l.from, lag_text(l.lag.get()).trim())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The edit that makes `text` (comma-separated, the `after` syntax) the predecessors of
/// `item`: its links removed and the typed ones added, one undo step. An unknown id or a bad
/// link type is refused with the reason. Links with a maximum lag are kept as they are when
/// typed unchanged.
pub fn set_after(s: &Draft, item: &ItemId, text: &str) -> Result<Edit, String> {
    let known = |id: &str| s.item(&ItemId::new(id)).is_some();
    let mut wanted = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let p = parse_after(part, &known)?;
        if !known(&p.id) {
            return Err(format!("no item `{}`: type the id of an item", p.id));
        }
        if p.id == item.as_str() {
            return Err(format!("`{item}` cannot come after itself"));
        }
        wanted.push(p);
    }
    let mut edits = Vec::new();
    let mut kept = vec![false; wanted.len()];
    // Removed from the last index down, so the indices before stay right.
    for (index, l) in s
        .links
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| &l.to == item)
    {
        let same = wanted.iter().position(|w| {
            w.id == l.from.as_str()
                && w.kind == l.kind
                && w.lag == l.lag.get()
                && (w.unit == l.lag_unit || w.lag == 0.0)
        });
        match same {
            Some(k) if !kept[k] => kept[k] = true,
            _ => edits.push(Edit::RemoveLink { index }),
        }
    }
    for (w, _) in wanted.iter().zip(&kept).filter(|(_, k)| !**k) {
        edits.push(Edit::AddLink {
            from: ItemId::new(w.id.as_str()),
            to: item.clone(),
            kind: w.kind,
            lag: w.lag,
            lag_unit: w.unit,
        });
    }
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, template};
    use permitflow_model::DayUnit;

    #[test]
    fn typed_predecessors_become_links_and_read_back() {
        let mut s = template(true, chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
        let permit = ItemId::new("construction_permit");
        let e = set_after(&s, &permit, "land_use_permit, planning_permit:SS+2").unwrap();
        apply(&mut s, &e);
        assert_eq!(s.links.len(), 2);
        assert_eq!(
            after_text(&s, &permit),
            "land_use_permit, planning_permit:SS+2"
        );
        let e = set_after(&s, &permit, "planning_permit:SS+2").unwrap();
        assert_eq!(e, Edit::Batch(vec![Edit::RemoveLink { index: 0 }]));
        apply(&mut s, &e);
        assert_eq!(after_text(&s, &permit), "planning_permit:SS+2");
        assert!(
            set_after(&s, &permit, "nothing")
                .unwrap_err()
                .contains("no item `nothing`")
        );
        assert!(set_after(&s, &permit, "construction_permit").is_err());
        assert!(set_after(&s, &permit, "planning_permit:XX").is_err());
    }

    #[test]
    fn a_calendar_day_lag_is_shown_with_its_suffix() {
        let mut s = template(true, chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
        let permit = ItemId::new("construction_permit");
        let e = set_after(&s, &permit, "planning_permit+3").unwrap();
        apply(&mut s, &e);
        let link = s.links.iter_mut().find(|l| l.to == permit).unwrap();
        link.lag_unit = DayUnit::Calendar;
        assert_eq!(after_text(&s, &permit), "planning_permit+3cd");
    }

    #[test]
    fn a_typed_calendar_day_lag_makes_a_calendar_day_link() {
        let mut s = template(true, chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
        let permit = ItemId::new("construction_permit");
        let e = set_after(&s, &permit, "planning_permit+3cd").unwrap();
        apply(&mut s, &e);
        let unit = |s: &Draft| {
            s.links
                .iter()
                .find(|l| l.to == permit)
                .map(|l| (l.lag.get(), l.lag_unit))
        };
        assert_eq!(unit(&s), Some((3.0, DayUnit::Calendar)));
        assert_eq!(after_text(&s, &permit), "planning_permit+3cd");
        // Typed unchanged: nothing to do. The same number in working days: the link replaced.
        assert_eq!(
            set_after(&s, &permit, "planning_permit+3cd").unwrap(),
            Edit::Batch(vec![])
        );
        let e = set_after(&s, &permit, "planning_permit+3").unwrap();
        apply(&mut s, &e);
        assert_eq!(unit(&s), Some((3.0, DayUnit::Working)));
    }
}
