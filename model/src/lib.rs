//! The domain model of permitflow: scenarios of approval stages, items, links, joint groups,
//! reform measures, regimes and targets; the scenario file formats (TOML, JSON, CSV item list)
//! with validation that collects every problem; the working-day calendar; the constraint graph.
//!
//! This crate does no file IO (callers pass text and a file name for diagnostics) and knows
//! nothing of linear programming, randomness, egui or the command line.

#![warn(missing_docs)]

pub mod assumed;
pub mod calendar;
pub mod clock;
pub mod csv_item_list;
pub mod diag;
pub mod event_log;
pub mod format;
pub mod labels;
mod locate;
pub mod milestone;
pub mod network;
pub mod portfolio;
pub mod rules;
pub mod scenario;
pub mod statutory;
pub mod units;

pub use calendar::{Calendar, HolidayFiles, HolidayYear};
pub use clock::{Clock, DayMeasure, DayUnit};
pub use diag::{Code, Diagnostic, Diagnostics};
pub use format::{Format, parse_scenario, to_json, to_toml, validate};
pub use labels::{Label, Labels, Named, Part};
pub use milestone::{Milestone, MilestoneAt};
pub use network::{Activity, ActivityKind, Constraint, Few, Intake, Network, NetworkStage, Origin};
pub use scenario::*;
pub use units::*;
