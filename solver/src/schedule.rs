//! The minimum schedule of a network: earliest starts, latest starts, total float and the
//! critical path, by longest paths (exact, the default) or by the LP (the cross-check).

use chrono::NaiveDate;
use permitflow_model::{Calendar, Network, WorkingDays};

use crate::error::SolveError;
use crate::lp::{LpFailure, lp_starts};
use crate::paths::{Compact, Conflict, describe, earliest_general, latest_general, release_of};
use crate::regime::check_acyclic;

/// How to compute the earliest starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// Longest paths: one topological pass without upper bounds, Bellman–Ford with them.
    #[default]
    Paths,
    /// The linear program through good_lp.
    Lp,
}

impl Method {
    /// `paths` or `lp`, as the command line spells the method.
    pub fn name(self) -> &'static str {
        match self {
            Self::Paths => "paths",
            Self::Lp => "lp",
        }
    }
}

/// Start and finish offsets in working days from the project start, per activity.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// Earliest start of each activity, working days from the project start.
    pub start: Vec<WorkingDays>,
    /// Each activity's finish: its start plus its duration.
    pub finish: Vec<WorkingDays>,
    /// Latest start of each activity that keeps the makespan.
    pub latest_start: Vec<WorkingDays>,
    /// `latest_start − start` per activity.
    pub total_float: Vec<WorkingDays>,
    /// Whether each activity has no total float.
    pub critical: Vec<bool>,
    /// The schedule's working days: the latest finish.
    pub makespan: WorkingDays,
    /// How the earliest starts were computed.
    pub method: Method,
}

const EPS: f64 = 1e-6;

/// Networks with at least this many activities have their shape made on a second thread.
const SIDE_BY_SIDE_ACTIVITIES: usize = 20_000;

/// The least-makespan schedule with the earliest starts.
pub fn schedule(net: &Network, method: Method) -> Result<Schedule, SolveError> {
    schedule_with(net, method, Cycles::Checked)
}

/// Whether the network's constraints are known to form no cycle.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cycles {
    /// Checked already ([`crate::network_for`]).
    Checked,
    /// Not yet ([`crate::regime::network_unchecked`]): a cycle is refused as `network_for`
    /// refuses it, found by the topological order the longest paths take anyway.
    Unchecked,
}

/// [`schedule`] of a network whose cycles are checked or not.
pub(crate) fn schedule_with(
    net: &Network,
    method: Method,
    cycles: Cycles,
) -> Result<Schedule, SolveError> {
    // Durations, releases and whether any deadline bounds a finish, in one pass over the
    // activities (three passes read every activity three times: at a million, hundreds of MB).
    let n = net.activities.len();
    let activities = || {
        let mut durations: Vec<f64> = Vec::with_capacity(n);
        let mut release: Vec<f64> = Vec::with_capacity(n);
        let mut deadline = false;
        for a in &net.activities {
            durations.push(a.days.get());
            release.push(release_of(a.release));
            deadline |= a.deadline.is_some();
        }
        (durations, release, deadline)
    };
    let max_lag = || net.constraints.iter().any(|c| c.max_lag.is_some());
    // A large network's shape (predecessors, topological order) is made on another thread
    // while this one reads the activities; it is not used when an upper bound makes the paths
    // general. `None`: not made yet.
    let (durations, release, deadline, beside) = if n >= SIDE_BY_SIDE_ACTIVITIES {
        std::thread::scope(|scope| {
            let beside = std::thread::Builder::new()
                .spawn_scoped(scope, || (max_lag(), Compact::shape(net)));
            let (durations, release, deadline) = activities();
            let beside = beside
                .ok()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            (durations, release, deadline, beside)
        })
    } else {
        let (durations, release, deadline) = activities();
        (durations, release, deadline, None)
    };
    // `Network::has_upper_bounds`, with the activities' half read above.
    let (max_lag, shape) = match beside {
        Some((max_lag, shape)) => (max_lag, Some(shape)),
        None => (max_lag(), None),
    };
    let upper = deadline || max_lag;
    let compact = if upper {
        if cycles == Cycles::Unchecked {
            check_acyclic(net)?;
        }
        None
    } else {
        let compact = shape
            .unwrap_or_else(|| Compact::shape(net))
            .map(|c| Compact { release, ..c });
        // No topological order: a cycle, named.
        if compact.is_none() && cycles == Cycles::Unchecked {
            check_acyclic(net)?;
        }
        compact
    };
    let infeasible = |c: Conflict| SolveError::Infeasible {
        constraints: c.bounds.iter().map(|&b| describe(net, b)).collect(),
        excess: WorkingDays::new(c.excess).to_string(),
    };
    let es: Vec<f64> = match method {
        Method::Paths => match &compact {
            Some(c) => {
                let mut es = vec![0.0; n];
                c.earliest(&durations, &mut es);
                es
            }
            None => earliest_general(net, &durations).map_err(infeasible)?,
        },
        Method::Lp => match lp_starts(net, &durations) {
            Ok(es) => es,
            Err(LpFailure::Infeasible) => {
                // Name the conflict: the longest-path formulation finds the positive cycle.
                return Err(match earliest_general(net, &durations) {
                    Err(c) => infeasible(c),
                    Ok(_) => SolveError::Lp(permitflow_i18n::tr!("diag-solver-lp-inconsistent")),
                });
            }
            Err(LpFailure::Other(e)) => return Err(SolveError::Lp(e)),
        },
    };
    let makespan = es
        .iter()
        .zip(&durations)
        .map(|(s, d)| s + d)
        .fold(0.0, f64::max);
    let ls = match &compact {
        Some(c) => {
            let mut ls = vec![0.0; n];
            c.latest(&durations, makespan, &mut ls);
            ls
        }
        None => latest_general(net, &durations, makespan),
    };
    let finish: Vec<WorkingDays> = es
        .iter()
        .zip(&durations)
        .map(|(s, d)| WorkingDays::new(s + d))
        .collect();
    let float: Vec<f64> = ls.iter().zip(&es).map(|(l, e)| (l - e).max(0.0)).collect();
    let critical = float.iter().map(|f| *f < EPS).collect();
    // The starts, latest starts and floats keep their vectors (same size: no new allocation).
    Ok(Schedule {
        start: es.into_iter().map(WorkingDays::new).collect(),
        finish,
        latest_start: ls.into_iter().map(WorkingDays::new).collect(),
        critical,
        total_float: float.into_iter().map(WorkingDays::new).collect(),
        makespan: WorkingDays::new(makespan),
        method,
    })
}

impl Schedule {
    /// Start and finish dates of every activity. A zero-length activity (a filing on
    /// commitment, a stage gate) is dated on the day it is reached: the day its offset ends.
    pub fn dates(
        &self,
        calendar: &Calendar,
        project_start: NaiveDate,
    ) -> Vec<(NaiveDate, NaiveDate)> {
        // One walk over the calendar, then a lookup per date.
        let table = calendar.date_table(project_start, self.makespan);
        self.start
            .iter()
            .zip(&self.finish)
            .map(|(s, f)| {
                let finish = table.finish_date((*f).max(*s));
                let start = if f <= s { finish } else { table.start_date(*s) };
                (start, finish)
            })
            .collect()
    }
}
