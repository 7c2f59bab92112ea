//! What the views show, computed from the valid scenario and memoised by the document's
//! revision: the outcome of every regime and their charts (fast, on the UI thread), and the
//! simulation and reform plan (slower, on a worker thread, keyed by their inputs).

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use permitflow_chart::{Histogram, Scene};
use permitflow_model::{Calendar, Scenario, WorkingDays};
use permitflow_solver::{
    Attribution, Method, Outcome, Plan, Sensitivity, SimulationOptions, SimulationResult,
    SolveError, TargetCheck, check_targets, evaluate,
};

/// Every regime's outcome and the comparison charts, for one revision.
#[derive(Debug)]
pub struct Comparison {
    pub revision: u64,
    /// In the scenario's regime order.
    pub outcomes: Vec<(String, Result<Outcome, SolveError>)>,
    pub targets: Vec<TargetCheck>,
    /// The regimes on one time axis (`None` when no regime could be solved).
    pub chart: Option<Scene>,
    /// A Gantt chart per solved regime.
    pub gantts: Vec<(String, Scene)>,
    /// Per regime (in `outcomes` order): each item's total float and whether it is critical
    /// (a joint group's members take the joint event's).
    pub item_float: Vec<HashMap<String, (WorkingDays, bool)>>,
    /// How long solving and building the charts took.
    pub elapsed: Duration,
}

impl Comparison {
    pub fn compute(revision: u64, s: &Scenario, cal: &Calendar) -> Self {
        let t0 = Instant::now();
        let results: Vec<Result<Outcome, SolveError>> = s
            .regimes
            .iter()
            .map(|r| evaluate(s, r, cal, Method::Paths))
            .collect();
        let targets = check_targets(s, &results);
        let solved: Vec<&Outcome> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        let chart = (!solved.is_empty()).then(|| permitflow_chart::comparison(s, &solved, cal));
        let gantts = solved
            .iter()
            .map(|o| {
                (
                    o.regime.name.to_string(),
                    permitflow_chart::gantt(s, o, cal),
                )
            })
            .collect();
        let item_float = results
            .iter()
            .map(|r| {
                let mut m = HashMap::new();
                if let Ok(o) = r {
                    for (i, a) in o.network.activities.iter().enumerate() {
                        for item in &a.members {
                            m.insert(
                                item.to_string(),
                                (o.schedule.total_float[i], o.schedule.critical[i]),
                            );
                        }
                    }
                }
                m
            })
            .collect();
        let outcomes = s
            .regimes
            .iter()
            .map(|r| r.name.to_string())
            .zip(results)
            .collect();
        Self {
            revision,
            outcomes,
            targets,
            chart,
            gantts,
            item_float,
            elapsed: t0.elapsed(),
        }
    }

    pub fn outcome(&self, regime: &str) -> Option<&Outcome> {
        self.outcomes
            .iter()
            .find(|(n, _)| n == regime)
            .and_then(|(_, r)| r.as_ref().ok())
    }

    /// The serial regime's working days, the base of "vs serial".
    pub fn serial_days(&self) -> Option<WorkingDays> {
        self.outcome("serial").map(Outcome::working_days)
    }
}

/// Work done on a worker thread for a key; a newer key replaces an older job's result.
#[derive(Debug)]
pub struct Job<K, T> {
    key: Option<K>,
    result: Option<(K, T)>,
    pending: Option<(K, Receiver<T>)>,
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
        work: impl FnOnce() -> T + Send + 'static,
        on_done: impl FnOnce() + Send + 'static,
    ) {
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key.clone());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            on_done();
        });
        self.pending = Some((key, rx));
    }

    /// Takes a finished result; true when one arrived.
    pub fn poll(&mut self) -> bool {
        let Some((key, rx)) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok(v) => {
                self.result = Some((key.clone(), v));
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

    pub fn is_running(&self) -> bool {
        self.pending.is_some()
    }

    /// The latest result and the key it was computed for.
    pub fn result(&self) -> Option<&(K, T)> {
        self.result.as_ref()
    }

    /// Takes the latest result out.
    pub fn take(&mut self) -> Option<(K, T)> {
        self.result.take()
    }

    /// Forgets the key so the next request runs again.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// Inputs of a simulation run.
#[derive(Clone, Debug, PartialEq)]
pub struct SimKey {
    pub revision: u64,
    pub iterations: usize,
    pub seed: u64,
}

/// A simulation of every regime, with its charts.
#[derive(Debug)]
pub struct SimOutput {
    pub results: Vec<Result<SimulationResult, String>>,
    pub chart: Scene,
    pub millis: u128,
}

pub fn simulate_all(s: &Scenario, opts: SimulationOptions) -> SimOutput {
    let t0 = std::time::Instant::now();
    let results: Vec<Result<SimulationResult, String>> = s
        .regimes
        .iter()
        .map(|r| {
            permitflow_solver::simulate(s, r, &opts)
                .map_err(|e| format!("regime `{}` cannot be simulated: {e}", r.name))
        })
        .collect();
    let ok: Vec<&SimulationResult> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let histograms: Vec<Histogram> = ok.iter().copied().map(Into::into).collect();
    let targets = permitflow_chart::simulation_targets(s, ok.iter().copied());
    let mut scenes = vec![permitflow_chart::histogram(
        &format!(
            "{} — simulated working days ({} iterations, seed {})",
            s.name, opts.iterations, opts.seed
        ),
        &histograms,
        &targets,
    )];
    for r in &ok {
        if !r.sensitivity.is_empty() {
            scenes.push(permitflow_chart::tornado(
                &format!("{}: what drives the spread", r.regime),
                "working days the project moves per standard deviation of each item",
                &r.sensitivity.iter().take(12).cloned().collect::<Vec<_>>(),
                " wd",
            ));
        }
    }
    SimOutput {
        results,
        chart: Scene::stack(scenes, 24.0),
        millis: t0.elapsed().as_millis(),
    }
}

/// Inputs of a reform plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanKey {
    pub revision: u64,
    pub regime: String,
    /// Target in half days, so the key compares exactly.
    pub target_halves: i64,
}

/// The reform planner's answer for one regime and target.
#[derive(Debug)]
pub struct PlanOutput {
    pub plan: Plan,
    pub curve: Vec<(WorkingDays, f64)>,
    pub attribution: Attribution,
    pub sensitivity: Vec<Sensitivity>,
    pub curve_chart: Scene,
    pub waterfall_chart: Scene,
}

pub fn plan_regime(s: &Scenario, regime: &str, target: f64) -> Result<PlanOutput, String> {
    let r = s
        .regime(regime)
        .ok_or_else(|| format!("the scenario has no regime `{regime}`"))?;
    let fail = |e: SolveError| format!("regime `{regime}` cannot be planned: {e}");
    let plan = permitflow_solver::plan(s, r, WorkingDays::new(target)).map_err(fail)?;
    let curve = permitflow_solver::time_cost_curve(s, r).map_err(fail)?;
    let attribution = permitflow_solver::attribute(s, r).map_err(fail)?;
    let sensitivity = permitflow_solver::sensitivity(s, r).map_err(fail)?;
    let points: Vec<(f64, f64)> = curve.iter().map(|(w, c)| (w.get(), *c)).collect();
    let curve_chart = permitflow_chart::time_cost_curve(
        &format!("{regime}: least cost of each number of working days"),
        &points,
        Some(target),
    );
    let waterfall_chart = permitflow_chart::waterfall(
        &format!("From serial to {regime}: what each step saves"),
        ("serial", attribution.serial.get()),
        &attribution
            .steps
            .iter()
            .filter(|st| st.name != "serial")
            .map(|st| (st.name.clone(), st.saved.get()))
            .collect::<Vec<_>>(),
        regime,
    );
    Ok(PlanOutput {
        plan,
        curve,
        attribution,
        sensitivity,
        curve_chart,
        waterfall_chart,
    })
}
