//! Background work: a [`Job`] runs for a key on a worker thread (or in place, when the caller
//! needs the result in this frame), keeps the result of the last key it finished, and can be
//! cancelled — a cancelled job's result is dropped when it arrives.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Context;

use crate::command::{CalibrationKey, CentreKey, JobKind};
use crate::compute::{
    CalibrationOutput, CentreOutput, Comparison, PlanKey, PlanOutput, SimKey, SimOutput,
};

/// Set when the job's result is no longer wanted; long work checks it between its steps.
#[derive(Clone, Debug, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    /// Whether the result is no longer wanted.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Where a job runs.
#[derive(Clone, Debug)]
pub enum Run {
    /// On a worker thread; the context (when there is one) is asked to repaint when it is done.
    Worker(Option<Context>),
    /// Right here, before the call returns.
    Inline,
}

#[derive(Debug)]
struct Pending<K, T> {
    key: K,
    rx: Receiver<T>,
    cancel: CancelFlag,
}

/// Work for a key; a newer key replaces an older job, whose result is dropped.
#[derive(Debug)]
pub struct Job<K, T> {
    key: Option<K>,
    result: Option<(K, T)>,
    pending: Option<Pending<K, T>>,
}

impl<K, T> Default for Job<K, T> {
    fn default() -> Self {
        Self {
            key: None,
            result: None,
            pending: None,
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, T: Send + 'static> Job<K, T> {
    /// Starts `work` for `key` unless it is the key last started.
    pub fn request(
        &mut self,
        key: K,
        run: Run,
        work: impl FnOnce(&CancelFlag) -> T + Send + 'static,
    ) {
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.cancel();
        self.key = Some(key.clone());
        let cancel = CancelFlag::default();
        match run {
            Run::Inline => self.result = Some((key, work(&cancel))),
            Run::Worker(ctx) => {
                let (tx, rx) = channel();
                let flag = cancel.clone();
                // The worker speaks the language of the thread that asked (a test's own).
                let lang = permitflow_i18n::lang();
                std::thread::spawn(move || {
                    let _ = tx.send(permitflow_i18n::with_lang(lang, || work(&flag)));
                    if let Some(ctx) = ctx {
                        ctx.request_repaint();
                    }
                });
                self.pending = Some(Pending { key, rx, cancel });
            }
        }
    }

    /// Takes a finished result; true when one arrived.
    pub fn poll(&mut self) -> bool {
        let Some(p) = &self.pending else {
            return false;
        };
        match p.rx.try_recv() {
            Ok(v) => {
                self.result = Some((p.key.clone(), v));
                self.pending = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Stops waiting for the running job and drops its result; the key stays, so the same
    /// inputs are not started again by themselves (a new [`request`](Self::request) after
    /// [`invalidate`](Self::invalidate) is). True when a job was running.
    pub fn cancel(&mut self) -> bool {
        match self.pending.take() {
            Some(p) => {
                p.cancel.cancel();
                true
            }
            None => false,
        }
    }

    /// Whether a job is running (its result not yet taken).
    pub fn is_running(&self) -> bool {
        self.pending.is_some()
    }

    /// The latest result and the key it was computed for.
    pub fn result(&self) -> Option<&(K, T)> {
        self.result.as_ref()
    }

    /// Forgets the key so the next request runs again.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// The app's background work.
#[derive(Debug, Default)]
pub struct Jobs {
    /// Every regime solved and drawn, by the document's revision.
    pub compare: Job<(u64, permitflow_i18n::Lang), Comparison>,
    /// The simulation of every regime.
    pub simulation: Job<SimKey, SimOutput>,
    /// The reform plan of the chosen regime and target.
    pub planner: Job<PlanKey, Result<PlanOutput, String>>,
    /// The approval-centre run.
    pub centre: Job<CentreKey, Result<CentreOutput, String>>,
    /// The event log measured and validated.
    pub calibration: Job<CalibrationKey, Result<CalibrationOutput, String>>,
    /// The HTML report being written: where, and what happened.
    pub report: Job<PathBuf, Result<(), String>>,
}

impl Jobs {
    /// Takes the finished results of the comparison and the analyses (the report's is taken
    /// by the app, which says where it was written).
    pub fn poll(&mut self) {
        self.compare.poll();
        self.simulation.poll();
        self.planner.poll();
        self.centre.poll();
        self.calibration.poll();
    }

    /// Cancels a long job; true when one was running.
    pub fn cancel(&mut self, kind: JobKind) -> bool {
        match kind {
            JobKind::Simulation => self.simulation.cancel(),
            JobKind::Planner => self.planner.cancel(),
            JobKind::Centre => self.centre.cancel(),
            JobKind::Calibration => self.calibration.cancel(),
        }
    }
}
