#!/usr/bin/env python3
"""The PM4Py/pandas baseline of benches/calibrate/run.py: what a planner would write instead of
`permitflow calibrate` — read the log, format it as a PM4Py event log, and compute per item the
received-to-completed durations (mean, P50, P80) and per case the lead time (P50, P80, P95), in
days of calendar time. Prints the per-item table."""
import sys
import warnings

warnings.filterwarnings("ignore")

import pandas as pd  # noqa: E402
import pm4py  # noqa: E402

log = pd.read_csv(sys.argv[1])
log = pm4py.format_dataframe(log, case_id="case", activity_key="item", timestamp_key="time")
ends = log[log["event"].isin(["received", "completed"])]
spans = ends.pivot_table(index=["case:concept:name", "concept:name"], columns="event",
                         values="time:timestamp", aggfunc="first").dropna()
days = (spans["completed"] - spans["received"]).dt.total_seconds() / 86400
per_item = days.groupby(level=1).describe(percentiles=[0.5, 0.8])
lead = (spans.groupby(level=0)["completed"].max() - spans.groupby(level=0)["received"].min())
lead = lead.dt.total_seconds() / 86400
print(per_item[["count", "mean", "50%", "80%", "min", "max"]].to_string())
print(lead.quantile([0.5, 0.8, 0.95]).to_string())
