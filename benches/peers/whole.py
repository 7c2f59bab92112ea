"""Whole process: `permitflow solve X.csv --regime parallel --format json > out.json` beside a
NetworkX script and (at 1,000 items) a highspy script that read the same CSV item list and
print the same makespan, each timed as a process of its own (start, imports, reading, solving,
printing). Imported by run.py; `python3 benches/peers/whole.py networkx|highspy FILE.csv` is
the peer script itself.

The item lists: random approval DAGs, each item with 1–3 finish-to-start predecessors among the
50 before it, limits of 0.5–30 working days in half days (Python's `random.Random(5)`), all in
one stage, so under the parallel regime the makespan is the longest path (durations included).
"""

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time

FULL_SIZES = [1_000, 10_000, 100_000, 1_000_000]
QUICK_SIZES = [1_000, 10_000]
HIGHS_SIZE = 1_000


def generate(n, path):
    """The item list of n items (header `id,name,department,stage,days,after`)."""
    r = random.Random(5)
    with open(path, "w") as f:
        f.write("id,name,department,stage,days,after\n")
        for i in range(n):
            k = min(i, r.randint(1, 3))
            preds = r.sample(range(max(0, i - 50), i), k) if i else []
            days = r.randint(1, 60) / 2
            f.write(f"i{i},Item {i},Dept {i % 7},S1,{days},{';'.join('i%d' % p for p in preds)}\n")


def read_items(path):
    """(ids, durations, predecessor lists) of an item list, with the csv module."""
    ids, days, after = [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ids.append(row["id"])
            days.append(float(row["days"]))
            after.append([p for p in row["after"].split(";") if p])
    return ids, days, after


def networkx_main(path):
    """The makespan by NetworkX: edge p→i weighs p's duration, every item has an edge to a sink
    weighing its own, so the longest path is the sum of its items' durations."""
    import networkx as nx

    ids, days, after = read_items(path)
    dur = dict(zip(ids, days))
    g = nx.DiGraph()
    g.add_nodes_from(ids)
    g.add_weighted_edges_from((p, i, dur[p]) for i, ps in zip(ids, after) for p in ps)
    g.add_weighted_edges_from((i, "__end__", d) for i, d in zip(ids, days))
    print(json.dumps({"makespan": nx.dag_longest_path_length(g, weight="weight")}))


def highspy_main(path):
    """The makespan by HiGHS: starts s_i ≥ 0 and T; s_i − s_p ≥ d_p per link, T − s_i ≥ d_i;
    minimise T. Built with NumPy arrays and passed in one call."""
    import highspy
    import numpy as np

    ids, days, after = read_items(path)
    n = len(ids)
    at = {x: k for k, x in enumerate(ids)}
    d = np.array(days)
    frm = np.array([at[p] for ps in after for p in ps], dtype=np.int32)
    to = np.array([k for k, ps in enumerate(after) for _ in ps], dtype=np.int32)
    m = len(frm)
    # Rows: one per link (s_to − s_from ≥ d_from), one per item (T − s_i ≥ d_i).
    start = np.arange(0, 2 * (m + n) + 1, 2, dtype=np.int32)
    index = np.empty(2 * (m + n), dtype=np.int32)
    value = np.empty(2 * (m + n))
    index[0 : 2 * m : 2], index[1 : 2 * m : 2] = to, frm
    value[0 : 2 * m : 2], value[1 : 2 * m : 2] = 1.0, -1.0
    index[2 * m :: 2], index[2 * m + 1 :: 2] = n, np.arange(n, dtype=np.int32)
    value[2 * m :: 2], value[2 * m + 1 :: 2] = 1.0, -1.0
    inf = highspy.kHighsInf
    cost = np.zeros(n + 1)
    cost[n] = 1.0
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(
        n + 1, m + n, len(value), int(highspy.MatrixFormat.kRowwise), int(highspy.ObjSense.kMinimize), 0.0,
        cost, np.zeros(n + 1), np.full(n + 1, inf), np.concatenate([d[frm], d]), np.full(m + n, inf),
        start[:-1], index, value, np.zeros(n + 1, dtype=np.int32),
    )
    h.run()
    print(json.dumps({"makespan": h.getInfo().objective_function_value}))


def peak_memory(cmd, out_path):
    """Peak resident memory of `cmd > out_path` in bytes, by GNU time (`/usr/bin/time -f %M`):
    a child of this Python process would report Python's own memory from before the exec."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, open(out_path, "w") as out:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd], stdout=out, stderr=subprocess.DEVNULL,
                       check=True)
        return int(rss.read().split()[-1]) * 1024


def timed(cmd, out_path, runs):
    """Best wall time of the process `cmd > out_path` over `runs` runs after one untimed, its
    best CPU time (user + system: what the process itself used, whatever else the machine runs)
    and its peak resident memory in bytes (one more run)."""
    best, cpu = float("inf"), float("inf")
    # One run untimed first, for every tool alike: on a virtual machine the first processes after
    # a large one has exited (the generator, the peer before) find fresh memory that the host
    # took back and pays for again (at 100,000 items the first two permitflow runs took 0.21 s
    # of which 0.14–0.20 s in the kernel, the next 0.08–0.10 s with 0.02 s in it).
    with open(out_path, "w") as out:
        subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, check=True)
    for _ in range(runs):
        with open(out_path, "w") as out:
            t0 = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(p.pid, 0)
            t = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if code != 0:
            sys.stderr.write(err)
            raise RuntimeError(f"{' '.join(cmd)} exited with {code}")
        best, cpu = min(best, t), min(cpu, usage.ru_utime + usage.ru_stime)
    return best, cpu, peak_memory(cmd, out_path)


def runs_for(n):
    return 5 if n <= 10_000 else 3 if n <= 100_000 else 2


def measure(permitflow, d, sizes):
    """Every size: the three processes timed, their makespans read back."""
    script = os.path.abspath(__file__)
    rows = []
    for n in sizes:
        path = os.path.join(d, f"dag{n}.csv")
        generate(n, path)
        out = os.path.join(d, f"out{n}.json")
        runs = runs_for(n)
        t_pf, cpu_pf, rss_pf = timed([permitflow, "solve", path, "--regime", "parallel", "--format", "json"], out, runs)
        with open(out) as f:
            pf = json.load(f)
        regime = pf["regimes"][0] if "regimes" in pf else pf
        row = {"items": n, "links": None, "bytes": os.path.getsize(path), "runs": runs,
               "permitflow_s": t_pf, "permitflow_cpu_s": cpu_pf, "permitflow_rss": rss_pf, "permitflow_makespan": float(regime["working_days"])}
        with open(path) as f:
            next(f)
            row["links"] = sum(len([p for p in line.rstrip("\n").split(",")[-1].split(";") if p]) for line in f)
        nx_out = os.path.join(d, f"nx{n}.json")
        t_nx, cpu_nx, rss_nx = timed([sys.executable, script, "networkx", path], nx_out, 1 if n >= 1_000_000 else 3)
        with open(nx_out) as f:
            row.update(networkx_s=t_nx, networkx_cpu_s=cpu_nx, networkx_rss=rss_nx, networkx_makespan=float(json.load(f)["makespan"]))
        if n == HIGHS_SIZE:
            hs_out = os.path.join(d, f"highs{n}.json")
            t_hs, cpu_hs, rss_hs = timed([sys.executable, script, "highspy", path], hs_out, 5)
            # HiGHS prints a banner on standard output first: the answer is the last line.
            with open(hs_out) as f:
                last = f.read().strip().splitlines()[-1]
            row.update(highs_s=t_hs, highs_cpu_s=cpu_hs, highs_rss=rss_hs, highs_makespan=float(json.loads(last)["makespan"]))
        rows.append(row)
    return rows


def check(rows, checked, agree):
    for r in rows:
        n = r["items"]
        checked(lambda: agree(f"whole process, {n:,} items: NetworkX makespan", r["permitflow_makespan"], r["networkx_makespan"], 1e-9))
        if "highs_makespan" in r:
            checked(lambda: agree(f"whole process, {n:,} items: HiGHS makespan", r["permitflow_makespan"], r["highs_makespan"],
                                  1e-6 * max(1.0, r["highs_makespan"])))


def table(rows, seconds, fmt_days):
    head = ["items", "links", "permitflow (wall)", "permitflow CPU", "µs per item", "peak memory", "bytes per item",
            "peer", "peer (wall)", "peer CPU", "peer memory", "speed-up (wall)", "speed-up (CPU)", "target", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        n = r["items"]
        peers = [("NetworkX", r["networkx_s"], r["networkx_cpu_s"], r["networkx_rss"], 20 if n >= 100_000 else None)]
        if "highs_s" in r:
            peers.append(("HiGHS (highspy)", r["highs_s"], r["highs_cpu_s"], r["highs_rss"], 20))
        for name, t, cpu, rss, target in peers:
            speed = t / r["permitflow_s"]
            speed_cpu = cpu / max(r["permitflow_cpu_s"], 1e-3)
            lines.append("| " + " | ".join([
                f"{n:,}", f"{r['links']:,}", seconds(r["permitflow_s"]), seconds(r["permitflow_cpu_s"]),
                f"{r['permitflow_s'] / n * 1e6:.2f}", f"{r['permitflow_rss'] / 2**20:,.1f} MiB",
                f"{r['permitflow_rss'] / n:,.0f}", name, seconds(t), seconds(cpu), f"{rss / 2**20:,.1f} MiB",
                f"{speed:.1f}×", f"{speed_cpu:.1f}×", f"≥ {target}× faster" if target else "",
                ("✓" if speed >= target else "✗") if target else "",
            ]) + " |")
    answers = "; ".join(
        f"{r['items']:,}: {fmt_days(r['permitflow_makespan'])} = {fmt_days(r['networkx_makespan'])}"
        + (f" = {fmt_days(r['highs_makespan'])}" if "highs_makespan" in r else "")
        for r in rows
    )
    marginal = "; ".join(
        f"{a['items']:,}→{b['items']:,}: {(b['permitflow_rss'] - a['permitflow_rss']) / (b['items'] - a['items']):,.0f}"
        for a, b in zip(rows, rows[1:])
    )
    if marginal:
        lines.append(f"\npermitflow's memory per added item (bytes, between sizes): {marginal}.")
    return ("\n".join(lines) + f"\n\nMakespans in working days (permitflow = NetworkX [= HiGHS]): {answers}. "
            "CPU is user + system time of the process (rusage; ticks of 1–4 ms, so tiny figures are coarse); "
            "the target is judged on wall time, best of several runs.")


if __name__ == "__main__":
    {"networkx": networkx_main, "highspy": highspy_main}[sys.argv[1]](sys.argv[2])
