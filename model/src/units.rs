//! Units and identifiers.
//!
//! Working days are their own type so they are never mixed with calendar days or plain numbers by
//! accident; ids are newtypes so an item id cannot be passed where a stage id is expected.

use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub};

/// A duration or offset in working days. Published limits come in steps of half a day (36.5 is a
/// real figure); every value read from a file is checked to be a multiple of 0.5, and sums of such
/// values are exact in `f64`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct WorkingDays(f64);

impl WorkingDays {
    /// No time at all.
    pub const ZERO: Self = Self(0.0);

    /// `days` working days (not checked: readers check values from files).
    pub const fn new(days: f64) -> Self {
        Self(days)
    }

    /// The number of working days.
    pub const fn get(self) -> f64 {
        self.0
    }

    /// True when the value is finite and a whole multiple of half a working day.
    pub fn is_half_step(self) -> bool {
        self.0.is_finite() && (self.0 * 2.0).fract() == 0.0
    }

    /// The longer of two durations.
    pub fn max(self, other: Self) -> Self {
        Self(self.0.max(other.0))
    }

    /// The shorter of two durations.
    pub fn min(self, other: Self) -> Self {
        Self(self.0.min(other.0))
    }
}

impl fmt::Display for WorkingDays {
    /// `10`, `36.5`, `-2`; other fractions (from simulation or LP output) with up to 2 decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v.fract() == 0.0 {
            write!(f, "{v:.0}")
        } else if (v * 2.0).fract() == 0.0 {
            write!(f, "{v:.1}")
        } else {
            let s = format!("{v:.2}");
            f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

impl Add for WorkingDays {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self(self.0 + rhs.0)
    }
}

impl AddAssign for WorkingDays {
    fn add_assign(&mut self, rhs: Self) {
        self.0 += rhs.0;
    }
}

impl Sub for WorkingDays {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self(self.0 - rhs.0)
    }
}

impl Neg for WorkingDays {
    type Output = Self;
    fn neg(self) -> Self {
        Self(-self.0)
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Shared text: a clone is a reference count, so a million links to an item hold one copy
        /// of its id.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// The id with this text.
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(std::sync::Arc::from(id.as_ref()))
            }
            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(std::sync::Arc::from(s))
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

string_id!(
    /// Identifies an item (one department's review, filing, service or the applicant's own work).
    ItemId
);
string_id!(
    /// Identifies an approval stage.
    StageId
);
string_id!(
    /// Identifies a joint group: items a joint regime merges into one event.
    GroupId
);
string_id!(
    /// Names a reform measure, built in (`joint_review`, `online_submission`) or declared in the
    /// scenario.
    MeasureId
);
string_id!(
    /// Names a regime (`serial`, `parallel`, `joint`, …).
    RegimeName
);
string_id!(
    /// Identifies a milestone: a moment a developer cares about (works started, …).
    MilestoneId
);
string_id!(
    /// A government department, utility or the applicant, as the applicant meets it.
    Department
);

/// Where a number comes from, so a reviewer can trace every figure.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Provenance {
    /// The file says nothing.
    #[default]
    Unspecified,
    /// Nobody published it; the scenario author chose a plausible value.
    Assumed,
    /// A published source: a key of the scenario's `sources`, a file name or a citation.
    Source(String),
}

impl Provenance {
    /// Reads the `source = "…"` text of a file: `assumed` (any case) is [`Provenance::Assumed`].
    pub fn parse(text: &str) -> Self {
        let t = text.trim();
        if t.is_empty() {
            Self::Unspecified
        } else if t.eq_ignore_ascii_case("assumed") {
            Self::Assumed
        } else {
            Self::Source(t.to_owned())
        }
    }

    /// The text written back to a file, `None` when unspecified.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Unspecified => None,
            Self::Assumed => Some("assumed"),
            Self::Source(s) => Some(s),
        }
    }
}

/// A value with its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub source: Provenance,
}

impl<T> Sourced<T> {
    /// `value` from `source`.
    pub fn new(value: T, source: Provenance) -> Self {
        Self { value, source }
    }

    /// `value` with no provenance given.
    pub fn unspecified(value: T) -> Self {
        Self {
            value,
            source: Provenance::Unspecified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_steps_are_recognised() {
        assert!(WorkingDays::new(36.5).is_half_step());
        assert!(WorkingDays::new(-2.0).is_half_step());
        assert!(!WorkingDays::new(0.25).is_half_step());
        assert!(!WorkingDays::new(f64::NAN).is_half_step());
        assert!(!WorkingDays::new(f64::INFINITY).is_half_step());
    }

    #[test]
    fn display_is_short() {
        assert_eq!(WorkingDays::new(10.0).to_string(), "10");
        assert_eq!(WorkingDays::new(36.5).to_string(), "36.5");
        assert_eq!(WorkingDays::new(1.25).to_string(), "1.25");
        assert_eq!(WorkingDays::new(-0.5).to_string(), "-0.5");
    }

    #[test]
    fn provenance_reads_assumed() {
        assert_eq!(Provenance::parse(" Assumed "), Provenance::Assumed);
        assert_eq!(Provenance::parse(""), Provenance::Unspecified);
        assert_eq!(
            Provenance::parse("001_a462ce12def9e49c.txt"),
            Provenance::Source("001_a462ce12def9e49c.txt".into())
        );
    }
}
