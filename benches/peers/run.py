#!/usr/bin/env python3
"""permitflow against what a planner's analyst would otherwise use, on the same generated inputs,
in one run:

1. the critical path of a 1,000,000-item network: NetworkX `dag_longest_path_length`;
2. the minimum schedule of 1,000 items with maximum lags and deadlines: the same LP in HiGHS
   through highspy;
3. reform planning (time–cost trade-off) on 1,000 items: the same LP in HiGHS through highspy;
4. Monte Carlo simulation (60 items, 100,000 iterations): the NumPy implementation of
   benches/simulation_numpy.py;
5. the whole process, `permitflow solve X.csv --regime parallel --format json`, on item lists
   of 1k, 10k, 100k and 1M items: a NetworkX script and (1k) a highspy script reading the same
   CSV (whole.py).

    python3 benches/peers/run.py            # full sizes (2–3 min after the build, 2 GB)
    python3 benches/peers/run.py --quick    # small sizes, under a minute: keeps the script working

Needs `pip install networkx highspy numpy` (exit 2, naming what is missing, without them).
Builds permitflow (release) into $CARGO_TARGET_DIR (default target/), generates the inputs with
the `peers` example (`peers generate`), times permitflow with `peers time` and `permitflow
simulate`, times the peers here, checks that the answers agree (exit 1 when they do not) and
prints a Markdown table. See benches/peers/README.md.
"""

import argparse
import datetime
import gc
import importlib
import importlib.metadata
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside benches/simulation_numpy.py
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import whole  # noqa: E402  (the whole-process case, beside this script)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGES = ["numpy", "networkx", "highspy"]

FULL = {"cp": 1_000_000, "lp": 1_000, "sim_items": 60, "sim_iterations": 100_000}
QUICK = {"cp": 10_000, "lp": 200, "sim_items": 60, "sim_iterations": 10_000}
SEED = 1  # the simulation's seed, as in benches/simulation_numpy.py


def require_packages():
    missing = []
    for name in PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        print(
            f"missing Python packages: {', '.join(missing)}\n"
            f"install them with: pip install networkx highspy numpy",
            file=sys.stderr,
        )
        sys.exit(2)


class Disagreement(Exception):
    pass


def agree(what, ours, theirs, tol):
    if not abs(ours - theirs) <= tol:
        raise Disagreement(f"{what}: permitflow {ours!r}, peer {theirs!r} (tolerance {tol:g})")


def best_of(f, min_runs=3, budget=2.0, max_runs=50):
    """Best wall time of f() over at least min_runs runs, more while the budget lasts."""
    times = []
    started = time.perf_counter()
    result = None
    while True:
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
        if len(times) >= max_runs or (len(times) >= min_runs and time.perf_counter() - started >= budget):
            return min(times), len(times), result


# ---------------------------------------------------------------------------------------------
# The machine


def highs_version():
    """HiGHS's own version. Its first instance prints a banner on standard output: hidden here."""
    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    return h.version()


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    memory = int(line.split()[1]) / 1024**2
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = getattr(importlib.import_module(name), "__version__", "?")
    versions["HiGHS"] = highs_version()
    return {
        "cpu": cpu,
        "cores": cores,
        "memory_gib": round(memory, 1) if memory else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "rustc": rustc,
        "packages": versions,
        "date": datetime.date.today().isoformat(),
    }


# ---------------------------------------------------------------------------------------------
# permitflow


def output_of(cmd):
    """The standard output of cmd; its standard error is shown only when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise RuntimeError(f"{' '.join(cmd)} exited with {done.returncode}")
    return done.stdout


def target_dir():
    d = os.environ.get("CARGO_TARGET_DIR", "target")
    return d if os.path.isabs(d) else os.path.join(ROOT, d)


def build():
    subprocess.run(
        ["cargo", "build", "--release", "-q", "--bin", "permitflow", "--example", "peers"],
        cwd=ROOT,
        check=True,
    )
    release = os.path.join(target_dir(), "release")
    return os.path.join(release, "permitflow"), os.path.join(release, "examples", "peers")


# ---------------------------------------------------------------------------------------------
# 1. Critical path: NetworkX


def networkx_critical_path(d):
    import networkx as nx
    import numpy as np

    days = np.fromfile(os.path.join(d, "cp.days.f64"), dtype="<f8")
    frm = np.fromfile(os.path.join(d, "cp.from.u32"), dtype="<u4")
    to = np.fromfile(os.path.join(d, "cp.to.u32"), dtype="<u4")
    n = len(days)

    def build_graph():
        # Durations sit on the activities; NetworkX weighs edges. Edge u→v weighs u's duration,
        # and every activity without a successor gets an edge to a sink weighing its own, so a
        # path's length is the sum of its activities' durations.
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(zip(frm.tolist(), to.tolist(), days[frm].tolist()))
        last = np.flatnonzero(np.bincount(frm, minlength=n) == 0)
        g.add_weighted_edges_from(zip(last.tolist(), [-1] * len(last), days[last].tolist()))
        return g

    t0 = time.perf_counter()
    g = build_graph()
    t_build = time.perf_counter() - t0
    runs = 2 if n > 100_000 else 3
    t_path, runs, length = best_of(lambda: nx.dag_longest_path_length(g, weight="weight"), runs, 0, runs)
    out = {
        "items": n,
        "links": len(frm),
        "graph_edges": g.number_of_edges(),
        "build_s": t_build,
        "longest_path_s": t_path,
        "runs": runs,
        "makespan": float(length),
    }
    del g
    gc.collect()
    return out


# ---------------------------------------------------------------------------------------------
# 2 and 3. The LPs: HiGHS through highspy

# Offsets of a link at lag 0, as coefficients of the durations: `to` starts at least
# a_from·d_from + a_to·d_to after `from` starts (permitflow's paths::link_offset).
KIND = {"FS": (1.0, 0.0), "SS": (0.0, 0.0), "FF": (1.0, -1.0), "SF": (0.0, -1.0)}


def load_network(path):
    """The network's fields as NumPy arrays (not timed: permitflow's Network is in memory too)."""
    import numpy as np

    with open(path) as f:
        raw = json.load(f)
    a, c = raw["activities"], raw["constraints"]

    def opt(values, missing):
        return np.array([missing if v is None else v for v in values], dtype=float)

    kind = np.array([KIND[k] for k in c["kind"]], dtype=float).reshape(-1, 2)
    frm = np.array(c["from"], dtype=np.int64)
    return {
        "n": len(a["days"]),
        "days": np.array(a["days"], dtype=float),
        "floor": np.array(a["floor"], dtype=float),
        "cost": np.array(a["cost"], dtype=float),
        "release": np.maximum(opt(a["release"], 0.0), 0.0),
        "deadline": opt(a["deadline"], math.inf),
        "from": frm,
        "to": np.array(c["to"], dtype=np.int64),
        "a_from": kind[:, 0],
        "a_to": kind[:, 1],
        "lag": np.array(c["lag"], dtype=float),
        "max_lag": opt(c["max_lag"], math.inf),
        # Finish-to-start links with a lag ≥ 0 make the finish of `from` no later than `to`'s,
        # so only the activities that are not such a `from` need a row for the horizon.
        "ends": np.setdiff1d(
            np.arange(len(a["days"])),
            frm[(kind[:, 0] == 1.0) & (kind[:, 1] == 0.0) & (np.array(c["lag"], dtype=float) >= 0)],
        ),
        "target": raw.get("target"),
    }


def rows_to_csr(num_row, row, col, val):
    """Row-wise sparse matrix from (row, col, value) triples, zeros dropped."""
    import numpy as np

    keep = val != 0.0
    row, col, val = row[keep], col[keep], val[keep]
    order = np.argsort(row, kind="stable")
    start = np.zeros(num_row + 1, dtype=np.int32)
    np.cumsum(np.bincount(row, minlength=num_row), out=start[1:])
    return start, col[order].astype(np.int32), val[order]


def highs(num_col, num_row, cost, col_lower, col_upper, row_lower, row_upper, row, col, val):
    """A Highs instance with the LP passed in one call (passModel with NumPy arrays)."""
    import highspy
    import numpy as np

    start, index, value = rows_to_csr(num_row, row, col, val)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    status = h.passModel(
        num_col,
        num_row,
        len(value),
        int(highspy.MatrixFormat.kRowwise),
        int(highspy.ObjSense.kMinimize),
        0.0,
        cost,
        col_lower,
        np.where(np.isinf(col_upper), inf, col_upper),
        np.where(np.isinf(row_lower), -inf, row_lower),
        np.where(np.isinf(row_upper), inf, row_upper),
        start[:-1],
        index,
        value,
        np.zeros(num_col, dtype=np.int32),
    )
    if status != highspy.HighsStatus.kOk:
        raise RuntimeError(f"HiGHS passModel: {status}")
    return h


def solved(h):
    import highspy

    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS: {h.modelStatusToString(status)}")
    return h.getInfo().objective_function_value


def schedule_lp(net, earliest_starts):
    """The minimum schedule as an LP: starts s_i and the makespan T; minimise T. With
    `earliest_starts`, a second solve fixes T and minimises the sum of starts (the earliest
    starts, as permitflow reports them). Returns (makespan, starts or None)."""
    import numpy as np

    n, m = net["n"], len(net["from"])
    d = net["days"]
    # Columns: s_0 … s_{n−1}, T. A deadline bounds its start: s_i ≤ deadline_i − d_i.
    num_col = n + 1
    cost = np.zeros(num_col)
    cost[n] = 1.0
    col_lower = np.append(net["release"], 0.0)
    col_upper = np.append(net["deadline"] - d, math.inf)
    # One ranged row per link: lag ≤ s_to − s_from − offset ≤ max_lag; and T − s_i ≥ d_i.
    offset = net["a_from"] * d[net["from"]] + net["a_to"] * d[net["to"]]
    ends = net["ends"]
    k = np.arange(m)
    e = np.arange(m, m + len(ends))
    row = np.concatenate([k, k, e, e])
    col = np.concatenate([net["to"], net["from"], np.full(len(ends), n), ends])
    val = np.concatenate([np.ones(m), -np.ones(m), np.ones(len(ends)), -np.ones(len(ends))])
    row_lower = np.concatenate([offset + net["lag"], d[ends]])
    row_upper = np.concatenate([offset + net["max_lag"], np.full(len(ends), math.inf)])
    h = highs(num_col, m + len(ends), cost, col_lower, col_upper, row_lower, row_upper, row, col, val)
    makespan = solved(h)
    if not earliest_starts:
        return makespan, None
    # Second phase, warm-started: T fixed at the least makespan, minimise the sum of starts.
    h.changeColBounds(n, makespan, makespan)
    costs = np.ones(num_col)
    costs[n] = 0.0
    h.changeColsCost(num_col, np.arange(num_col, dtype=np.int32), costs)
    solved(h)
    return makespan, np.array(h.getSolution().col_value[:n])


def plan_lp(net):
    """The crashing LP: starts s_i and cuts 0 ≤ c_i ≤ days_i − floor_i (the limit becomes
    d_i − c_i); every link with the new limits, deadlines, and every finish by the target;
    minimise Σ cost_i c_i. Returns the least cost."""
    import numpy as np

    n, m = net["n"], len(net["from"])
    d, t = net["days"], net["target"]
    frm, to, a_from, a_to = net["from"], net["to"], net["a_from"], net["a_to"]
    # Columns: s_0 … s_{n−1}, c_0 … c_{n−1}.
    num_col = 2 * n
    cost = np.concatenate([np.zeros(n), net["cost"]])
    col_lower = np.concatenate([net["release"], np.zeros(n)])
    col_upper = np.concatenate([np.full(n, math.inf), d - net["floor"]])
    # Link rows: s_to − s_from + a_from·c_from + a_to·c_to within lag + offset … max_lag + offset.
    offset = a_from * d[frm] + a_to * d[to]
    k = np.arange(m)
    # Finish rows: s_i − c_i ≤ bound − d_i, for the horizon (at the ends) and the deadlines.
    ends = net["ends"]
    has_deadline = np.flatnonzero(np.isfinite(net["deadline"]))
    finish = np.concatenate([ends, has_deadline])
    bound = np.concatenate([np.full(len(ends), float(t)), net["deadline"][has_deadline]])
    f = np.arange(m, m + len(finish))
    row = np.concatenate([k, k, k, k, f, f])
    col = np.concatenate([to, frm, n + frm, n + to, finish, n + finish])
    val = np.concatenate([np.ones(m), -np.ones(m), a_from, a_to, np.ones(len(f)), -np.ones(len(f))])
    row_lower = np.concatenate([net["lag"] + offset, np.full(len(f), -math.inf)])
    row_upper = np.concatenate([net["max_lag"] + offset, bound - d[finish]])
    h = highs(num_col, m + len(f), cost, col_lower, col_upper, row_lower, row_upper, row, col, val)
    return solved(h)


# ---------------------------------------------------------------------------------------------
# 4. Simulation: NumPy (benches/simulation_numpy.py)

# Standard errors of a quantile of a normal distribution, in standard deviations times √N:
# √(p(1−p)) / φ(z_p).
QUANTILE_SE = {"p50": 1.2533, "p80": 1.4286, "p95": 2.1131}


def simulation(permitflow, d, items, iterations):
    sys.path.insert(0, os.path.join(ROOT, "benches"))
    import simulation_numpy as sn

    spec, text = sn.scenario(items, SEED)
    path = os.path.join(d, "simulation.toml")
    with open(path, "w") as f:
        f.write(text)
    cmd = [permitflow, "simulate", path, "--iterations", str(iterations), "--seed", str(SEED), "--format", "json"]

    def run_permitflow():
        return json.loads(output_of(cmd))["regimes"][0]

    t_pf, _, pf = best_of(run_permitflow, 3, 0, 3)
    t_np, _, npr = best_of(lambda: sn.numpy_simulation(spec, iterations, SEED), 3, 0, 3)
    return {
        "items": items,
        "iterations": iterations,
        "permitflow_s": t_pf,
        "numpy_s": t_np,
        "permitflow": {k: pf[k] for k in ["mean", "p50", "p80", "p95"]},
        "numpy": {k: float(npr[k]) for k in ["mean", "p50", "p80", "p95"]},
        "criticality": {"permitflow": [pf["criticality"][f"i{i}"] for i in range(items)],
                        "numpy": [float(x) for x in npr["criticality"]]},
    }


def check_simulation(sim, check):
    """Within sampling error (the two use different random numbers): the standard deviation of
    the makespan is estimated from the percentiles (neither side reports it), and two independent
    estimates may differ by 5 standard errors of their difference."""
    pf, npr, iterations = sim["permitflow"], sim["numpy"], sim["iterations"]
    sd = max(((pf["p95"] - pf["p50"]) + (npr["p95"] - npr["p50"])) / 2 / 1.645, 1e-9)
    root = math.sqrt(2.0 / iterations)
    check(lambda: agree("simulation mean", pf["mean"], npr["mean"], 5 * sd * root))
    for q, se in QUANTILE_SE.items():
        check(lambda: agree(f"simulation {q.upper()}", pf[q], npr[q], 5 * se * sd * root + 0.01))
    for i, (a, b) in enumerate(zip(sim["criticality"]["permitflow"], sim["criticality"]["numpy"])):
        c = (a + b) / 2
        tol = 5 * math.sqrt(2 * c * (1 - c) / iterations) + 1 / iterations
        check(lambda: agree(f"criticality of i{i}", a, b, tol))
    return max(abs(a - b) for a, b in zip(sim["criticality"]["permitflow"], sim["criticality"]["numpy"]))


# ---------------------------------------------------------------------------------------------
# The report


def fmt_days(x):
    """1,324,080.5 or 3,597: working days (or a cost) without float noise in the figure."""
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return text


def seconds(t):
    if t >= 1:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.1f} ms"
    return f"{t * 1e6:.0f} µs"


def table(rows):
    head = ["case", "size", "permitflow", "permitflow time", "peer", "peer time", "permitflow / peer", "speed-up", "target", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        ratio = r["pf"] / r["peer"]
        if r["target"] is None:
            target, met = "", ""
        else:
            kind, factor = r["target"]
            ok = (1 / ratio >= factor) if kind == "faster" else (ratio <= factor)
            target = f"≥ {factor:g}× faster" if kind == "faster" else f"within {factor:g}× (ratio ≤ {factor:g})"
            met = "✓" if ok else "✗"
        lines.append(
            "| "
            + " | ".join(
                [r["case"], r["size"], r["pf_what"], seconds(r["pf"]), r["peer_what"], seconds(r["peer"]),
                 f"{ratio:.4f}", f"{1 / ratio:.1f}×", target, met]
            )
            + " |"
        )
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (CI): 10k-item critical path, 200-item LPs, 10k iterations")
    ap.add_argument("--dir", help="write the generated inputs here and keep them (default: a temporary folder)")
    ap.add_argument("--json", help="also write every figure to this JSON file")
    a = ap.parse_args()
    require_packages()
    import numpy as np

    sizes = QUICK if a.quick else FULL
    info = machine()
    permitflow, peers = build()
    tmp = None
    d = a.dir
    if d is None:
        tmp = tempfile.TemporaryDirectory(prefix="permitflow-peers-")
        d = tmp.name
    os.makedirs(d, exist_ok=True)
    try:
        subprocess.run([peers, "generate", d, "--cp", str(sizes["cp"]), "--lp", str(sizes["lp"])], check=True)
        pf = json.loads(output_of([peers, "time", d]))

        failures = []

        def checked(f):
            try:
                f()
            except Disagreement as e:
                failures.append(str(e))
                print(f"DISAGREEMENT {e}", file=sys.stderr)

        # 1. Critical path.
        cp = networkx_critical_path(d)
        checked(lambda: agree("critical path makespan", pf["critical_path"]["makespan"], cp["makespan"], 1e-9))

        # 2. Minimum schedule with maximum lags and deadlines.
        bounded = load_network(os.path.join(d, "bounded.json"))
        t_ms, runs_ms, (ms, _) = best_of(lambda: schedule_lp(bounded, False))
        t_es, runs_es, (_, starts) = best_of(lambda: schedule_lp(bounded, True))
        b = pf["bounded"]
        checked(lambda: agree("bounded makespan", b["makespan"], ms, 1e-6 * max(1, abs(ms))))
        worst_start = float(np.max(np.abs(np.array(b["start"]) - starts)))
        checked(lambda: agree("bounded earliest starts (largest difference)", 0.0, worst_start, 1e-6))
        hs = {"makespan_s": t_ms, "makespan_runs": runs_ms, "with_starts_s": t_es, "with_starts_runs": runs_es,
              "makespan": ms, "largest_start_difference": worst_start}

        # 3. Reform planning.
        plan = load_network(os.path.join(d, "plan.json"))
        t_plan, runs_plan, cost = best_of(lambda: plan_lp(plan))
        p = pf["plan"]
        if not p["reachable"] or p["working_days"] > p["target"] + 1e-9:
            failures.append(f"permitflow's plan does not reach the target: {p}")
        checked(lambda: agree("plan cost", p["cost"], cost, 1e-6 * max(1.0, abs(cost))))
        hp = {"s": t_plan, "runs": runs_plan, "cost": cost}

        # 4. Simulation.
        sim = simulation(permitflow, d, sizes["sim_items"], sizes["sim_iterations"])
        worst_criticality = check_simulation(sim, checked)

        # 5. The whole process on a CSV item list.
        wp = whole.measure(permitflow, d, whole.QUICK_SIZES if a.quick else whole.FULL_SIZES)
        whole.check(wp, checked, agree)
    finally:
        if tmp is not None:
            tmp.cleanup()

    c = pf["critical_path"]
    rows = [
        {"case": "critical path (longest path)", "size": f"{c['items']:,} items, {c['links']:,} links",
         "pf_what": "`Compact::new` + `earliest` (arrays, topological order, pass)", "pf": c["build_and_pass_s"],
         "peer_what": "NetworkX `dag_longest_path_length` on a built `DiGraph`", "peer": cp["longest_path_s"],
         "target": ("faster", 20)},
        {"case": "critical path, pass alone", "size": f"{c['items']:,} items",
         "pf_what": "`earliest` on built arrays", "pf": c["pass_s"],
         "peer_what": "NetworkX `dag_longest_path_length` on a built `DiGraph`", "peer": cp["longest_path_s"], "target": None},
        {"case": "critical path, graph building included", "size": f"{c['items']:,} items",
         "pf_what": "`Compact::new` + `earliest`", "pf": c["build_and_pass_s"],
         "peer_what": f"building the `DiGraph` ({seconds(cp['build_s'])}) + `dag_longest_path_length`",
         "peer": cp["build_s"] + cp["longest_path_s"], "target": None},
        {"case": "minimum schedule, max lags + deadlines", "size": f"{b['items']:,} items, {b['links']:,} links, {b['max_lags']} max lags, {b['deadlines']} deadlines",
         "pf_what": "`schedule(&net, Method::Paths)` (Bellman–Ford; earliest + latest starts, float)", "pf": b["schedule_s"],
         "peer_what": "HiGHS: build the LP, minimise the makespan", "peer": t_ms, "target": ("faster", 10)},
        {"case": "minimum schedule, with earliest starts", "size": f"{b['items']:,} items",
         "pf_what": "`schedule(&net, Method::Paths)`", "pf": b["schedule_s"],
         "peer_what": "HiGHS: build, minimise the makespan, then (warm) the sum of starts", "peer": t_es, "target": None},
        {"case": "reform planning (crashing LP)", "size": f"{p['items']:,} items, {p['links']:,} links, target {fmt_days(p['target'])} (today {fmt_days(p['current'])}, least {fmt_days(p['least'])})",
         "pf_what": "`plan_network(&net, target)`", "pf": p["plan_s"],
         "peer_what": "HiGHS: build the LP, minimise the cost", "peer": t_plan, "target": ("within", 3)},
    ]
    rows.append(
        {"case": "Monte Carlo simulation", "size": f"{sim['items']} items, {sim['iterations']:,} iterations",
         "pf_what": "`permitflow simulate` (process start, parsing included)", "pf": sim["permitflow_s"],
         "peer_what": "`numpy_simulation` of benches/simulation_numpy.py", "peer": sim["numpy_s"], "target": ("faster", 10)}
    )

    print(f"## permitflow against its peers ({'quick' if a.quick else 'full'} sizes), {info['date']}")
    print()
    print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB; {info['os']}")
    print(f"Python {info['python']}: " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()) + f"; {info['rustc']}")
    print()
    print(table(rows))
    print()
    print("Answers:")
    print(f"- critical path: makespan {fmt_days(c['makespan'])} (permitflow) = {fmt_days(cp['makespan'])} (NetworkX); "
          f"NetworkX graph: {cp['graph_edges']:,} edges after merging duplicate links, sink edges included; "
          f"building it took {seconds(cp['build_s'])}")
    print(f"- minimum schedule: makespan {fmt_days(b['makespan'])} (permitflow) = {fmt_days(ms)} (HiGHS); "
          f"largest difference in an earliest start {worst_start:g}")
    print(f"- reform planning: cost {fmt_days(p['cost'])} (permitflow, {p['cuts']} limits cut, {fmt_days(p['working_days'])} working days) "
          f"= {fmt_days(cost)} (HiGHS)")
    ps, ns = sim["permitflow"], sim["numpy"]
    print(f"- simulation: mean/P50/P80/P95 {ps['mean']:.2f}/{ps['p50']:.2f}/{ps['p80']:.2f}/{ps['p95']:.2f} (permitflow), "
          f"{ns['mean']:.2f}/{ns['p50']:.2f}/{ns['p80']:.2f}/{ns['p95']:.2f} (NumPy); "
          f"largest difference in an item's criticality {worst_criticality:.4f}")
    print()
    print(f"Best of: permitflow {c['runs']} (critical path), {c['pass_runs']} (pass), {b['runs']} (schedule), "
          f"{p['runs']} (plan), 3 (simulate); NetworkX {cp['runs']}; HiGHS {runs_ms}/{runs_es} (schedule), "
          f"{runs_plan} (plan); NumPy 3.")
    print()
    print("### Whole process: `permitflow solve X.csv --regime parallel --format json > out.json`")
    print()
    print(whole.table(wp, seconds, fmt_days))
    if a.quick:
        print("Quick sizes: the targets are set for the full sizes; the verdicts here are indicative only.")

    if a.json:
        with open(a.json, "w") as f:
            json.dump({"machine": info, "quick": a.quick, "permitflow": pf, "networkx": cp, "highs_schedule": hs,
                       "highs_plan": hp, "simulation": sim, "whole_process": wp, "failures": failures}, f, indent=2)
    if failures:
        print()
        print("THE ANSWERS DISAGREE:")
        for x in failures:
            print(f"- {x}")
        return 1
    print("All answers agree.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
