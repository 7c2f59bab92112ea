//! The compact predecessor syntax: `ID`, `ID+LAG`, `ID-LAG`, `ID:SS`, `ID:SS+LAG`, as written in
//! a scenario's `after` lists and the CSV item list's `after` column.

use permitflow_i18n::tr;

use crate::scenario::LinkKind;

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
                    Some(p) if p > 0 && id_part[p + 1..].trim().parse::<f64>().is_ok() => (
                        id_part[..p].trim(),
                        LinkKind::FinishToStart,
                        Some(&id_part[p..]),
                    ),
                    _ => (id_part, LinkKind::FinishToStart, None),
                }
            }
        }
    };
    let lag = match lag_text {
        None => 0.0,
        Some(l) => {
            let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            compact
                .parse::<f64>()
                .map_err(|_| tr!("diag-after-lag", lag = l))?
        }
    };
    if id.is_empty() {
        return Err(tr!("diag-after-no-id"));
    }
    Ok(ParsedAfter {
        id: id.to_owned(),
        kind,
        lag,
    })
}

/// One predecessor as [`parse_after`] reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedAfter {
    /// The predecessor's item id.
    pub id: String,
    /// How the two items are linked (finish-to-start unless written).
    pub kind: LinkKind,
    /// The lag in working days, negative for a lead (0 unless written).
    pub lag: f64,
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
                lag: 0.0
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
                lag: 3.0
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
                lag: 0.0
            }
        );
        assert!(parse_after("a:XX", &k).is_err());
        assert!(parse_after("a:SS+z", &k).is_err());
        assert!(parse_after("", &k).is_err());
    }
}
