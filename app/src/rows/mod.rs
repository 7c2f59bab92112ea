//! Typed result rows: what a table shows, computed once for the command line (tables, CSV,
//! JSON), the desktop app (grids) and the report (HTML): the comparison of regimes as typed
//! rows, and the tables of the analyses ([`tables`]) as rows of formatted cells.

mod compare;
#[cfg(test)]
pub(crate) mod fixtures;
mod honest;
pub mod milestones;
pub mod tables;
mod targets;

pub use compare::{
    CompareRow, Comparison, RegimeFigures, Solved, SpanFigures, StageCell, StageColumn, StageDays,
    attribute_values, attributes, baseline, compare, critical_chain, signed, values_text,
};
pub use honest::{assumed_note, field_label, yuan};
pub use milestones::{Gain, MilestoneCell, MilestoneRow, milestone_rows};
pub use targets::target_detail;
