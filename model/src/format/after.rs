//! The compact predecessor syntax: `ID`, `ID+LAG`, `ID-LAG`, `ID:SS`, `ID:SS+LAG`, as written in
//! a scenario's `after` lists and the CSV item list's `after` column. A lag counts working days;
//! the suffix `cd` makes it calendar days (`publicity+3cd`, `a:SS+2cd`), `wd` says working days.

use permitflow_i18n::tr;

use crate::clock::DayUnit;
use crate::scenario::LinkKind;

/// A lag's text without its unit suffix, and the unit: `3cd` → (`3`, calendar), `3wd` or `3` →
/// working days.
fn lag_unit(text: &str) -> (&str, DayUnit) {
    let t = text.trim_end();
    let n = t.len();
    if n >= 2 && t.is_char_boundary(n - 2) {
        let (num, suffix) = t.split_at(n - 2);
        if suffix.eq_ignore_ascii_case("cd") {
            return (num, DayUnit::Calendar);
        }
        if suffix.eq_ignore_ascii_case("wd") {
            return (num, DayUnit::Working);
        }
    }
    (t, DayUnit::Working)
}

/// One predecessor, parsed from the compact text `ID`, `ID+LAG`, `ID-LAG`, `ID:SS`, `ID:SS+LAG`.
/// `known` resolves ids that themselves contain `-`. The error says what is wrong, in the
/// current language.
pub fn parse_after(text: &str, known: &dyn Fn(&str) -> bool) -> Result<ParsedAfter, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(tr!("diag-after-empty"));
    }
    let (id_part, rest) = match t.split_once(':') {
        Some((id, rest)) => (id.trim(), Some(rest.trim())),
        None => (t, None),
    };
    let (id, kind, lag_text) = match rest {
        Some(rest) => {
            let (code, lag) = match rest.find(['+', '-']) {
                Some(p) => (&rest[..p], Some(&rest[p..])),
                None => (rest, None),
            };
            let kind = LinkKind::parse(code.trim())
                .ok_or_else(|| tr!("diag-after-link-type", kind = code.trim()))?;
            (id_part, kind, lag)
        }
        None => {
            if known(id_part) {
                (id_part, LinkKind::FinishToStart, None)
            } else {
                match id_part.rfind(['+', '-']) {
                    Some(p)
                        if p > 0 && lag_unit(id_part[p + 1..].trim()).0.parse::<f64>().is_ok() =>
                    {
                        (
                            id_part[..p].trim(),
                            LinkKind::FinishToStart,
                            Some(&id_part[p..]),
                        )
                    }
                    _ => (id_part, LinkKind::FinishToStart, None),
                }
            }
        }
    };
    let (lag, unit) = match lag_text {
        None => (0.0, DayUnit::Working),
        Some(l) => {
            let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            let (number, unit) = lag_unit(&compact);
            let lag = number
                .parse::<f64>()
                .map_err(|_| tr!("diag-after-lag", lag = l))?;
            (lag, unit)
        }
    };
    if id.is_empty() {
        return Err(tr!("diag-after-no-id"));
    }
    Ok(ParsedAfter {
        id: id.to_owned(),
        kind,
        lag,
        unit,
    })
}

/// One predecessor as [`parse_after`] reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedAfter {
    /// The predecessor's item id.
    pub id: String,
    /// How the two items are linked (finish-to-start unless written).
    pub kind: LinkKind,
    /// The lag in `unit`, negative for a lead (0 unless written).
    pub lag: f64,
    /// What the lag counts: working days unless written with the suffix `cd`.
    pub unit: DayUnit,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(ids: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |s| ids.contains(&s)
    }

    #[test]
    fn after_syntax() {
        let k = known(&["a", "land-supply", "x-2"]);
        let p = |t| parse_after(t, &k).unwrap();
        assert_eq!(
            p("a"),
            ParsedAfter {
                id: "a".into(),
                kind: LinkKind::FinishToStart,
                lag: 0.0,
                unit: DayUnit::Working,
            }
        );
        assert_eq!(p("a+2").lag, 2.0);
        assert_eq!(p("a-1.5").lag, -1.5);
        assert_eq!(p("a:SS").kind, LinkKind::StartToStart);
        assert_eq!(
            p("a:ff+3"),
            ParsedAfter {
                id: "a".into(),
                kind: LinkKind::FinishToFinish,
                lag: 3.0,
                unit: DayUnit::Working,
            }
        );
        assert_eq!(p("a:SF-2").lag, -2.0);
        assert_eq!(p("land-supply").id, "land-supply");
        assert_eq!(p("land-supply+1").lag, 1.0);
        // An id that looks like a lag is read as the id when it exists.
        assert_eq!(
            p("x-2"),
            ParsedAfter {
                id: "x-2".into(),
                kind: LinkKind::FinishToStart,
                lag: 0.0,
                unit: DayUnit::Working,
            }
        );
        // Calendar-day lags: the suffix `cd`; `wd` says working days.
        assert_eq!(
            p("publicity+3cd"),
            ParsedAfter {
                id: "publicity".into(),
                kind: LinkKind::FinishToStart,
                lag: 3.0,
                unit: DayUnit::Calendar,
            }
        );
        assert_eq!(
            p("a:SS+2cd"),
            ParsedAfter {
                id: "a".into(),
                kind: LinkKind::StartToStart,
                lag: 2.0,
                unit: DayUnit::Calendar,
            }
        );
        assert_eq!(p("a-1CD").unit, DayUnit::Calendar);
        assert_eq!(p("a-1CD").lag, -1.0);
        assert_eq!(p("a+2wd").unit, DayUnit::Working);
        assert_eq!(p("a+2wd").lag, 2.0);
        assert_eq!(p("land-supply+4cd").id, "land-supply");
        assert!(parse_after("a:SS+2xd", &k).is_err());
        assert!(parse_after("a:XX", &k).is_err());
        assert!(parse_after("a:SS+z", &k).is_err());
        assert!(parse_after("", &k).is_err());
    }
}
