//! What the command line and the desktop app both write, written once: atomic writes of user
//! files and the schedule as CSV. Only the two front ends use this crate; it is part of their
//! IO layer (the model and the solver read and write no files).

mod schedule;
mod write;

pub use schedule::{SCHEDULE_COLUMNS, schedule_csv};
pub use write::{atomic_write, atomic_write_with};
