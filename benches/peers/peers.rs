//! permitflow's side of the comparison with what an analyst would otherwise use (NetworkX,
//! HiGHS through highspy, NumPy). `benches/peers/run.py` drives it; see the README beside it.
//!
//! ```text
//! cargo run --release --example peers -- generate DIR [--cp ITEMS] [--lp ITEMS]
//! cargo run --release --example peers -- time DIR
//! ```
//!
//! `generate` writes the inputs both sides read (the networks of `benches/solve.rs`, from the
//! shared generator): `cp.json` with `cp.days.f64`, `cp.from.u32`, `cp.to.u32` (the critical-path
//! network, little-endian arrays), `bounded.json` (maximum lags and deadlines) and `plan.json`
//! (floors, costs per day and a target). `time` reads them back into `Network`s and prints, as
//! JSON, permitflow's answers and its best times (file reading excluded).

use std::error::Error;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use permitflow_model::{Constraint, LinkKind, Network, Origin, WorkingDays};
use permitflow_solver::paths::Compact;
use permitflow_solver::{Method, plan_network, schedule};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[path = "networks.rs"]
mod networks;
use networks::{activity, network, random_network};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The seeds `benches/solve.rs` uses: 7 for the schedules, 11 for the million items.
const SEED_SCHEDULE: u64 = 7;
const SEED_CRITICAL_PATH: u64 = 11;
/// Floors and costs of the planning network are drawn from their own stream.
const SEED_PLAN: u64 = 13;

/// A network as Python reads it: one array per field.
#[derive(Serialize, Deserialize)]
struct NetworkFile {
    case: String,
    activities: Activities,
    constraints: Constraints,
    /// Planning: the makespan to reach, today's and the least (every limit at its floor).
    #[serde(default)]
    target: Option<f64>,
    #[serde(default)]
    current: Option<f64>,
    #[serde(default)]
    least: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct Activities {
    days: Vec<f64>,
    floor: Vec<f64>,
    cost: Vec<f64>,
    release: Vec<Option<f64>>,
    deadline: Vec<Option<f64>>,
}

#[derive(Serialize, Deserialize)]
struct Constraints {
    from: Vec<usize>,
    to: Vec<usize>,
    /// FS, SS, FF or SF.
    kind: Vec<String>,
    lag: Vec<f64>,
    max_lag: Vec<Option<f64>>,
}

fn to_file(case: &str, net: &Network) -> NetworkFile {
    let a = &net.activities;
    let c = &net.constraints;
    NetworkFile {
        case: case.to_owned(),
        activities: Activities {
            days: a.iter().map(|a| a.days.get()).collect(),
            floor: a.iter().map(|a| a.floor.get()).collect(),
            cost: a.iter().map(|a| a.cost).collect(),
            release: a.iter().map(|a| a.release.map(WorkingDays::get)).collect(),
            deadline: a.iter().map(|a| a.deadline.map(WorkingDays::get)).collect(),
        },
        constraints: Constraints {
            from: c.iter().map(|c| c.from).collect(),
            to: c.iter().map(|c| c.to).collect(),
            kind: c.iter().map(|c| c.kind.code().to_owned()).collect(),
            lag: c.iter().map(|c| c.lag.get()).collect(),
            max_lag: c.iter().map(|c| c.max_lag.map(WorkingDays::get)).collect(),
        },
        target: None,
        current: None,
        least: None,
    }
}

fn from_file(f: &NetworkFile) -> Result<Network> {
    let a = &f.activities;
    let n = a.days.len();
    let activities = (0..n)
        .map(|i| {
            let mut x = activity(i, a.days[i]);
            x.floor = WorkingDays::new(a.floor[i]);
            x.cost = a.cost[i];
            x.release = a.release[i].map(WorkingDays::new);
            x.deadline = a.deadline[i].map(WorkingDays::new);
            x
        })
        .collect();
    let c = &f.constraints;
    let constraints = (0..c.from.len())
        .map(|k| {
            let kind = LinkKind::parse(&c.kind[k]).ok_or(format!("link kind {}", c.kind[k]))?;
            if c.from[k] >= n || c.to[k] >= n {
                return Err(format!("constraint {k} names an activity beyond {n}").into());
            }
            Ok(Constraint {
                from: c.from[k],
                to: c.to[k],
                kind,
                lag: WorkingDays::new(c.lag[k]),
                max_lag: c.max_lag[k].map(WorkingDays::new),
                lag_unit: permitflow_model::DayUnit::Working,
                origin: Origin::Link,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(network(activities, constraints))
}

/// Half-day steps: `x` rounded to the nearest multiple of 0.5.
fn half_days(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// The planning network: `random_network` with floors of 40–100 % of each limit (rounded up to
/// half days), costs of 1–100 per working day cut, and a target halfway between the least
/// makespan (every limit at its floor) and today's.
fn planning_network(n: usize) -> Result<NetworkFile> {
    let (net, current, least) = networks::planning_network(n, SEED_SCHEDULE, SEED_PLAN);
    let mut file = to_file("plan", &net);
    file.target = Some(half_days((least + current) / 2.0));
    file.current = Some(current);
    file.least = Some(least);
    Ok(file)
}

fn write_json(path: &Path, v: &impl Serialize) -> Result<()> {
    fs::write(path, serde_json::to_string(v)?)?;
    Ok(())
}

fn generate(dir: &Path, cp_items: usize, lp_items: usize) -> Result<()> {
    fs::create_dir_all(dir)?;
    // The critical-path network: durations and links as flat little-endian arrays.
    let net = random_network(cp_items, false, SEED_CRITICAL_PATH);
    if net.has_upper_bounds()
        || net
            .constraints
            .iter()
            .any(|c| c.kind != LinkKind::FinishToStart || c.lag != WorkingDays::ZERO)
    {
        return Err("the critical-path network must have plain finish-to-start links".into());
    }
    let days: Vec<u8> = net
        .activities
        .iter()
        .flat_map(|a| a.days.get().to_le_bytes())
        .collect();
    let ends = |f: fn(&Constraint) -> usize| -> Vec<u8> {
        net.constraints
            .iter()
            .flat_map(|c| (f(c) as u32).to_le_bytes())
            .collect()
    };
    fs::write(dir.join("cp.days.f64"), days)?;
    fs::write(dir.join("cp.from.u32"), ends(|c| c.from))?;
    fs::write(dir.join("cp.to.u32"), ends(|c| c.to))?;
    write_json(
        &dir.join("cp.json"),
        &json!({
            "case": "critical_path",
            "items": net.activities.len(),
            "links": net.constraints.len(),
            "days": "cp.days.f64",
            "from": "cp.from.u32",
            "to": "cp.to.u32",
            "link": "finish-to-start, lag 0",
        }),
    )?;
    drop(net);

    let bounded = random_network(lp_items, true, SEED_SCHEDULE);
    write_json(&dir.join("bounded.json"), &to_file("bounded", &bounded))?;
    write_json(&dir.join("plan.json"), &planning_network(lp_items)?)?;
    Ok(())
}

fn read_le<const K: usize, T>(path: &Path, f: fn([u8; K]) -> T) -> Result<Vec<T>> {
    let bytes = fs::read(path)?;
    if bytes.len() % K != 0 {
        return Err(format!("{}: not a whole number of values", path.display()).into());
    }
    Ok(bytes
        .chunks_exact(K)
        .map(|c| f(c.try_into().expect("chunk of K bytes")))
        .collect())
}

fn read_cp(dir: &Path) -> Result<Network> {
    let days = read_le(&dir.join("cp.days.f64"), f64::from_le_bytes)?;
    let from = read_le(&dir.join("cp.from.u32"), u32::from_le_bytes)?;
    let to = read_le(&dir.join("cp.to.u32"), u32::from_le_bytes)?;
    if from.len() != to.len() {
        return Err("cp.from.u32 and cp.to.u32 differ in length".into());
    }
    let n = days.len();
    let activities = days
        .iter()
        .enumerate()
        .map(|(i, &d)| activity(i, d))
        .collect();
    let constraints = from
        .iter()
        .zip(&to)
        .map(|(&f, &t)| {
            if f as usize >= n || t as usize >= n {
                return Err("a link names an activity beyond the end".into());
            }
            Ok(Constraint {
                from: f as usize,
                to: t as usize,
                kind: LinkKind::FinishToStart,
                lag: WorkingDays::ZERO,
                max_lag: None,
                lag_unit: permitflow_model::DayUnit::Working,
                origin: Origin::Link,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(network(activities, constraints))
}

fn read_network(path: &Path) -> Result<(NetworkFile, Network)> {
    let file: NetworkFile = serde_json::from_str(&fs::read_to_string(path)?)?;
    let net = from_file(&file)?;
    Ok((file, net))
}

/// Best wall time of `f` over at least `min_runs` runs, more while `budget` lasts (at most
/// 1,000): the seconds, the number of runs and the last result.
fn best_of<T>(min_runs: usize, budget: Duration, mut f: impl FnMut() -> T) -> (f64, usize, T) {
    let started = Instant::now();
    let mut best = f64::INFINITY;
    let mut runs = 0;
    loop {
        let t0 = Instant::now();
        let out = black_box(f());
        best = best.min(t0.elapsed().as_secs_f64());
        runs += 1;
        if runs >= 1000 || (runs >= min_runs && started.elapsed() >= budget) {
            return (best, runs, out);
        }
    }
}

fn time(dir: &Path) -> Result<()> {
    // Critical path: building the arrays and the topological order, then the forward pass.
    let net = read_cp(dir)?;
    let (build_and_pass, runs, makespan) = best_of(5, Duration::from_secs(2), || {
        let durations: Vec<f64> = net.activities.iter().map(|a| a.days.get()).collect();
        let compact = Compact::new(&net).expect("the generated network is acyclic");
        let mut es = vec![0.0; durations.len()];
        compact.earliest(&durations, &mut es)
    });
    let durations: Vec<f64> = net.activities.iter().map(|a| a.days.get()).collect();
    let compact = Compact::new(&net).ok_or("the critical-path network has a cycle")?;
    let mut es = vec![0.0; durations.len()];
    let (pass, pass_runs, pass_makespan) = best_of(10, Duration::from_secs(1), || {
        compact.earliest(black_box(&durations), &mut es)
    });
    if pass_makespan != makespan {
        return Err("the forward pass alone gave another makespan".into());
    }
    let critical_path = json!({
        "items": net.activities.len(),
        "links": net.constraints.len(),
        "build_and_pass_s": build_and_pass,
        "runs": runs,
        "pass_s": pass,
        "pass_runs": pass_runs,
        "makespan": makespan,
    });
    drop((net, compact, es));

    // Minimum schedule with maximum lags and deadlines: Bellman–Ford, earliest and latest
    // starts, float and the critical flags.
    let (_, net) = read_network(&dir.join("bounded.json"))?;
    if !net.has_upper_bounds() {
        return Err("bounded.json has no maximum lag or deadline".into());
    }
    let (secs, runs, s) = best_of(10, Duration::from_secs(1), || schedule(&net, Method::Paths));
    let s = s?;
    let bounded = json!({
        "items": net.activities.len(),
        "links": net.constraints.len(),
        "max_lags": net.constraints.iter().filter(|c| c.max_lag.is_some()).count(),
        "deadlines": net.activities.iter().filter(|a| a.deadline.is_some()).count(),
        "schedule_s": secs,
        "runs": runs,
        "makespan": s.makespan.get(),
        "start": s.start.iter().map(|x| x.get()).collect::<Vec<_>>(),
    });

    // Reform planning: the cheapest cuts that reach the target.
    let (file, net) = read_network(&dir.join("plan.json"))?;
    let target = file.target.ok_or("plan.json has no target")?;
    let (secs, runs, plan) = best_of(3, Duration::from_secs(2), || {
        plan_network(&net, WorkingDays::new(target))
    });
    let plan = plan?;
    let plan = json!({
        "items": net.activities.len(),
        "links": net.constraints.len(),
        "target": target,
        "plan_s": secs,
        "runs": runs,
        "reachable": plan.reachable,
        "cost": plan.cost,
        "working_days": plan.working_days.get(),
        "current": plan.current.get(),
        "least": plan.least_working_days.get(),
        "cuts": plan.cuts.len(),
    });
    println!(
        "{}",
        json!({"critical_path": critical_path, "bounded": bounded, "plan": plan})
    );
    Ok(())
}

fn usage() -> Box<dyn Error> {
    "usage: peers generate DIR [--cp ITEMS] [--lp ITEMS] | peers time DIR".into()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") => {
            let dir = PathBuf::from(args.get(1).ok_or_else(usage)?);
            let (mut cp, mut lp) = (1_000_000, 1_000);
            let mut rest = args[2..].iter();
            while let Some(flag) = rest.next() {
                let value: usize = rest.next().ok_or_else(usage)?.parse()?;
                match flag.as_str() {
                    "--cp" => cp = value,
                    "--lp" => lp = value,
                    _ => return Err(usage()),
                }
            }
            generate(&dir, cp, lp)
        }
        Some("time") => time(Path::new(args.get(1).ok_or_else(usage)?)),
        _ => Err(usage()),
    }
}
