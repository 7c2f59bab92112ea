"""Monte Carlo simulation: permitflow against a straightforward NumPy implementation of the same
simulation, on the same generated 60-item scenario.

    python3 benches/simulation_numpy.py [--items 60] [--iterations 100000]

Builds permitflow in release mode, writes a random scenario (seeded): items with 1–3
finish-to-start predecessors among the 10 before them, limits of 1–20 working days, triangular
spreads (0.6, 0.9, 1.5 × the limit) and the published 5.3 % return rate with 3 days of rework and
a re-review as long as the limit. Both implementations compute the makespan of every iteration,
each item's criticality (a backward pass) and its sensitivity (covariance with the makespan /
its standard deviation). Prints both results (they agree within sampling error; the random
numbers differ) and the wall times, best of 3; permitflow's time includes starting the process
and reading the scenario. Needs numpy. Honours CARGO_TARGET_DIR.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scenario(n, seed):
    rnd = random.Random(seed)
    items = []
    for i in range(n):
        days = rnd.randint(1, 20)
        preds = sorted({i - rnd.randint(1, min(10, i)) for _ in range(rnd.randint(1, 3))}) if i else []
        items.append((f"i{i}", days, preds))
    lines = [
        "version = 1",
        'name = "NumPy comparison"',
        'start = "2025-03-03"',
        'calendar = "weekends"',
        "",
        "[[sources]]",
        'id = "generated"',
        'title = "benches/simulation_numpy.py"',
        "",
        "[[stages]]",
        'id = "s"',
        'lead = "L"',
    ]
    for name, days, preds in items:
        lo, likely, hi = 0.6 * days, 0.9 * days, 1.5 * days
        lines += [
            "",
            "[[items]]",
            f'id = "{name}"',
            'department = "D"',
            'stage = "s"',
            f'days = {{ value = {days}, source = "assumed" }}',
            f'spread = {{ dist = "triangular", min = {lo:.3f}, likely = {likely:.3f}, max = {hi:.3f} }}',
            "returns = { rate = 0.053, correction_days = 3 }",
        ]
        if preds:
            lines.append("after = [" + ", ".join(f'"i{p}"' for p in preds) + "]")
    lines += ["", "[[regimes]]", 'name = "parallel"', 'base = "parallel"', ""]
    return items, "\n".join(lines)


def numpy_simulation(items, iterations, seed):
    rng = np.random.default_rng(seed)
    n = len(items)
    days = np.array([d for _, d, _ in items], dtype=float)
    d = rng.triangular(0.6 * days[:, None], 0.9 * days[:, None], 1.5 * days[:, None], size=(n, iterations))
    # Returns repeat: the number of returns is geometric; each adds rework + re-review.
    returns = rng.geometric(1 - 0.053, size=(n, iterations)) - 1
    d += returns * (3.0 + days[:, None])
    es = np.zeros((n, iterations))
    for i, (_, _, preds) in enumerate(items):
        for p in preds:
            np.maximum(es[i], es[p] + d[p], out=es[i])
    finish = es + d
    makespan = finish.max(axis=0)
    succ = [[] for _ in range(n)]
    for i, (_, _, preds) in enumerate(items):
        for p in preds:
            succ[p].append(i)
    ls = np.empty((n, iterations))
    for i in reversed(range(n)):
        ls[i] = makespan - d[i]
        for s in succ[i]:
            np.minimum(ls[i], ls[s] - d[i], out=ls[i])
    critical = (ls - es) < 1e-9
    centred = makespan - makespan.mean()
    sd = d.std(axis=1)
    sens = np.where(sd > 0, ((d - d.mean(axis=1, keepdims=True)) * centred).mean(axis=1) / np.where(sd > 0, sd, 1), 0)
    return {
        "mean": makespan.mean(),
        "p50": np.percentile(makespan, 50),
        "p80": np.percentile(makespan, 80),
        "p95": np.percentile(makespan, 95),
        "criticality": critical.mean(axis=1),
        "sensitivity": sens,
    }


def best_of(k, f):
    times = []
    result = None
    for _ in range(k):
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=60)
    ap.add_argument("--iterations", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    # Where cargo put it: CARGO_TARGET_DIR (relative to the workspace, as cargo reads it) or target/.
    target = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR", "target"))
    exe = os.path.join(target, "release", "permitflow")
    items, text = scenario(a.items, a.seed)
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        f.write(text)
        path = f.name
    cmd = [exe, "simulate", path, "--iterations", str(a.iterations), "--seed", str(a.seed), "--format", "json"]

    def run_permitflow():
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        return json.loads(out)["regimes"][0]

    t_pf, pf = best_of(3, run_permitflow)
    t_np, npr = best_of(3, lambda: numpy_simulation(items, a.iterations, a.seed))
    os.unlink(path)
    print(f"{a.items} items, {a.iterations} iterations, {os.cpu_count()} cores")
    print(f"{'':12}{'mean':>9}{'P50':>9}{'P80':>9}{'P95':>9}{'seconds':>10}")
    print(f"{'permitflow':12}{pf['mean']:9.2f}{pf['p50']:9.2f}{pf['p80']:9.2f}{pf['p95']:9.2f}{t_pf:10.3f}")
    print(f"{'numpy':12}{npr['mean']:9.2f}{npr['p50']:9.2f}{npr['p80']:9.2f}{npr['p95']:9.2f}{t_np:10.3f}")
    crit_diff = max(abs(pf["criticality"][f"i{i}"] - npr["criticality"][i]) for i in range(a.items))
    print(f"largest difference in an item's criticality: {crit_diff:.3f}")
    print(f"permitflow is {t_np / t_pf:.1f}× faster (permitflow / numpy time = {t_pf / t_np:.3f})")


if __name__ == "__main__":
    sys.exit(main())
