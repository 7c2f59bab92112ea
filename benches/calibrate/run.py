#!/usr/bin/env python3
"""Whole-process `permitflow calibrate` against the tool a planner would use instead (PM4Py on
pandas), at the expected size of a log (a mid-sized city's year: 400 cases) and at 10x and 100x.

    cargo build --release --bin permitflow
    pip install pm4py pandas
    python3 benches/calibrate/run.py [--sizes 400,4000,40000] [--runs 3]

Each log is generated once by `permitflow simulate --log` from the default scenario under
`parallel` (seed 2025, arrivals over 365 days times the size factor, so the city's rate stays a
year's). Then, each run a new process, best of `--runs`:

- permitflow: `calibrate LOG --scenario DEFAULT --regime parallel -o fitted.toml --format json`
  (reading and checking every record, measuring on the China calendar, fitting, writing the
  fitted scenario and simulating it for the validation);
- PM4Py: `benches/calibrate/pm4py_baseline.py LOG` (pandas reads the CSV, `pm4py.format_dataframe`,
  then per case and item received-to-completed durations, per-item mean/P50/P80 and per-case
  lead-time percentiles, in calendar time: less than permitflow does — no working-day calendar,
  no stops, no fit, no validation).

Wall time and peak memory (the child's maximum resident set size) are printed as a Markdown table.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "permitflow")
DEFAULT = os.path.join(ROOT, "scenarios", "social-investment-housing.toml")
BASELINE = os.path.join(ROOT, "benches", "calibrate", "pm4py_baseline.py")


def timed(cmd):
    """Wall seconds and the peak RSS (MiB) of one process (`os.wait4` gives that child's own)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"{cmd[0]} failed: {p.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def best(cmd, runs):
    results = [timed(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="400,4000,40000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for n in sizes:
            log = os.path.join(d, f"log{n}.csv")
            days = min(3660, max(365, round(365 * n / 400)))
            subprocess.run(
                [BIN, "simulate", DEFAULT, "--regime", "parallel", "--seed", "2025",
                 "--iterations", "100", "--log", log, "--log-cases", str(n),
                 "--log-from", "2025-01-02", "--log-days", str(days)],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(log, "rb") as f:
                records = sum(1 for _ in f) - 1
            mb = os.path.getsize(log) / 1e6
            ours = best([BIN, "calibrate", log, "--scenario", DEFAULT, "--regime", "parallel",
                         "-o", os.path.join(d, "fitted.toml"), "--format", "json"], args.runs)
            theirs = best([sys.executable, BASELINE, log], args.runs)
            rows.append((n, records, mb, ours, theirs))
    print("| cases | records | CSV | permitflow calibrate (wall) | peak memory | µs per record "
          "| PM4Py + pandas (wall) | peak memory | speed-up |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n, records, mb, (w, m), (pw, pm) in rows:
        print(f"| {n:,} | {records:,} | {mb:.1f} MB | {w:.2f} s | {m:.0f} MiB | "
              f"{1e6 * w / records:.1f} | {pw:.2f} s | {pm:.0f} MiB | {pw / w:.1f}× |")


if __name__ == "__main__":
    main()
