//! The application layer of permitflow: what the command line and the desktop app both do,
//! written once. Loading any supported file into a scenario or diagnostics ([`load`]), the
//! edits a user makes ([`edit`]), typed result rows ([`rows`]) and warnings ([`Warning`]), chart
//! bundles ([`scenes`]), the HTML report ([`report`]), the exchange files ([`export`]), batch runs
//! over a library ([`batch`], [`library`]) and atomic writes ([`write`]).
//!
//! No command-line parsing and no drawing: the binary formats these values as tables, CSV and
//! JSON; the desktop app draws them. The model, the solver and the chart crates below do no IO;
//! this crate and the two front ends are the only places that read or write user files.

#![warn(missing_docs)]

pub mod analysis;
pub mod batch;
pub mod calibrate;
pub mod diff;
pub mod edit;
mod error;
pub mod export;
pub mod keep;
pub mod library;
pub mod load;
pub mod report;
pub mod rows;
pub mod scenes;
pub mod synth;
mod warning;
pub mod write;

pub use error::{Error, MAX_RENDERED};
pub use load::{Loaded, load};
pub use warning::Warning;

use permitflow_i18n::tr;
use permitflow_model::Draft;

/// The regimes of a scenario as a list for a message: `` `serial`, `parallel` ``.
pub fn regime_list(s: &Draft) -> String {
    s.regimes
        .iter()
        .map(|r| format!("`{}`", r.name))
        .collect::<Vec<_>>()
        .join(&tr!("app-list-separator"))
}

/// The error for a regime the scenario does not have.
pub fn unknown_regime(loaded: &Loaded, name: &str) -> Error {
    unknown_regime_in(&loaded.label, &loaded.scenario, name)
}

/// The error for a regime the scenario read from `label` does not have.
pub fn unknown_regime_in(label: &str, s: &Draft, name: &str) -> Error {
    Error::help(
        tr!("app-unknown-regime", file = label, regime = name),
        tr!("app-unknown-regime.help", regimes = regime_list(s)),
    )
}
