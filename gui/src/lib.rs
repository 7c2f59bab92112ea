//! The permitflow desktop app as a library: every view and all state, depending on `egui` only
//! (not `eframe`), so the app is driven in tests by `egui_kittest` without a window. The thin
//! binary in `main.rs` starts the window and persists [`Settings`].
//!
//! - `app`: the state and the frame loop (poll jobs, draw views, apply commands);
//! - `settings`, `command`: what is kept between runs, what the user asked for;
//! - `jobs`: background work with cancel; `compute`: what it computes, through the application
//!   layer (`permitflow-app`), memoised by its inputs;
//! - `views`: the toolbar, the what-if panel, the tabs, the problems and the dialogs, each with
//!   its own form state; `widgets`: the palette and shared small widgets;
//! - `glossary`: the planner's terms explained on hover ([`glossary::term`]);
//! - `painter`: draws `permitflow_chart` scenes with egui's painter;
//! - `io`: reading, atomic saving, exports and the report (the only file access).

#![warn(missing_docs)]

pub mod app;
pub mod command;
pub mod compute;
pub mod fonts;
pub mod glossary;
pub mod io;
pub mod jobs;
pub mod native;
pub mod painter;
pub mod places;
pub mod print;
pub mod recovery;
pub mod settings;
pub mod views;
pub mod widgets;

pub use app::PermitflowApp;
pub use command::{Command, Source};
pub use settings::{Settings, Tab};
