"""Writes an event log CSV (permitflow's columns) as XES with PM4Py, as a process-mining user
would, for tests/integration/calibrate.rs: the trace is the case, the
project type a trace attribute, the item the activity (concept:name), the event and department
event attributes. Usage: python3 to_xes.py IN.csv OUT.xes"""
import sys

import pandas as pd
import pm4py

df = pd.read_csv(sys.argv[1], dtype=str)
df["time"] = pd.to_datetime(df["time"], format="ISO8601")
df = df.rename(columns={"project_type": "case:project_type"})
df = pm4py.format_dataframe(df, case_id="case", activity_key="item", timestamp_key="time")
pm4py.write_xes(pm4py.convert_to_event_log(df), sys.argv[2])
