//! Typed result rows: what a table shows, computed once for the command line (tables, CSV,
//! JSON), the desktop app (grids) and the report (HTML).

mod compare;

pub use compare::{
    CompareRow, Comparison, RegimeFigures, Solved, StageCell, StageColumn, baseline, compare,
    critical_chain, signed,
};
