//! The permitflow desktop app as a library: every view and all state, depending on `egui` only
//! (not `eframe`), so the app is driven in tests by `egui_kittest` without a window. The thin
//! binary in `main.rs` starts the window and persists [`Settings`].
//!
//! - `document`: the open scenario, its edits, validation and undo/redo;
//! - `compute`: outcomes and charts memoised by revision, simulation and planner on a worker;
//! - `painter`: draws `permitflow_chart` scenes with egui's painter;
//! - `io`: reading, atomic saving, exports (the only file access);
//! - `app`: the window's panels and tabs.

pub mod app;
pub mod compute;
pub mod fonts;
pub mod io;
pub mod painter;

pub use app::{Command, PermitflowApp, Settings, Source, Tab};
