//! The command line's end-to-end tests, in one test binary (one link step, one process to start
//! per run): each module runs the real `permitflow` executable on real files and asserts what a
//! planner would check by hand. Where a new test goes: see ARCHITECTURE.md, "Tests".

mod harness;

mod analyse;
mod architecture;
mod attribute_outputs;
mod batch;
mod calendar_outputs;
mod calendars;
mod calibrate;
mod calibrate_fit;
mod centre;
mod charts;
mod ci_results;
mod cli;
mod distribution;
mod export;
mod hostile;
mod labels;
mod lang;
mod limits;
mod loggen;
mod measures_readme;
mod milestones;
mod plan_calendar;
mod progress;
mod reads;
mod report;
mod rules;
mod scale;
mod scenarios;
mod variants;
mod writes;
