//! Charts of permitflow schedules for reports: a Gantt chart per regime and a comparison of
//! regimes on one time axis, built as a [`Scene`] of positioned shapes and written as SVG or
//! PNG. Chinese names render in PNG through a bundled CJK font.
//!
//! This crate reads no files and prints nothing: it returns text and bytes for the caller to
//! write.

#![warn(missing_docs)]

pub mod axis;
pub mod compare;
pub mod gantt;
pub mod output;
pub mod plots;
pub mod scene;

pub use compare::comparison;
pub use gantt::gantt;
pub use output::{Fonts, svg_to_png, svg_to_png_with, to_png, to_svg};
pub use plots::{
    Histogram, histogram, line_chart, simulation_targets, time_cost_curve, tornado, waterfall,
};
pub use scene::{Anchor, Scene, Shape};
