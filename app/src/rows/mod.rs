//! Typed result rows: what a table shows, computed once for the command line (tables, CSV,
//! JSON), the desktop app (grids) and the report (HTML): the comparison of regimes as typed
//! rows, and the tables of the analyses ([`tables`]) as rows of formatted cells.

mod compare;
pub mod milestones;
pub mod tables;
mod targets;

pub use compare::{
    CompareRow, Comparison, RegimeFigures, Solved, StageCell, StageColumn, baseline, compare,
    critical_chain, signed,
};
pub use milestones::{Gain, MilestoneCell, MilestoneRow, milestone_rows};
pub use targets::target_detail;
