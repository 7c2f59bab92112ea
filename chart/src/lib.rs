//! Charts of permitflow schedules for reports: a Gantt chart per regime and a comparison of
//! regimes on one time axis, built as a [`Scene`] of positioned shapes and written as SVG or
//! PNG. Chinese names render in PNG through a bundled CJK font.
//!
//! This crate reads no files and prints nothing: it returns text and bytes for the caller to
//! write.

#![warn(missing_docs)]

pub mod arrows;
pub mod axis;
pub mod compare;
pub mod fit;
pub mod footnote;
pub mod gantt;
pub mod histogram;
pub mod layout;
pub mod output;
pub mod plots;
pub mod print;
pub mod scene;

pub use arrows::Arrows;
pub use compare::{comparison, comparison_laid_out};
pub use fit::{Fitted, fit_histogram};
pub use footnote::{with_footnote, with_plain_footnote};
pub use gantt::{gantt, gantt_laid_out, gantt_with};
pub use histogram::{
    Histogram, histogram, histogram_of, simulation_targets, simulation_targets_on,
};
pub use output::{Fonts, svg_to_png, svg_to_png_with, to_png, to_svg};
pub use plots::{line_chart, time_cost_curve, tornado, waterfall};
pub use print::Layout;
pub use scene::{Anchor, Scene, Shape};
