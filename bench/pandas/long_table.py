"""Peer for bench/connector-parse.bench.ts: parse operator files into the same long price table with pandas.

Usage: python3 long_table.py caiso|miso FILE [FILE ...]
Prints one JSON line: {"rows": <canonical price rows>, "seconds": <parse + normalise time>}.
Only the work is timed (not interpreter start-up or imports), the same as on the TypeScript side.
"""
import json
import sys
import time

import pandas as pd

COMPONENTS = {"LMP": "lmp", "MCE": "energy", "MCC": "congestion", "MCL": "loss", "MGHG": "ghg"}


def caiso(path):
    # OASIS long format: one row per node x interval x LMP_TYPE, price in MW, UTC interval bounds.
    raw = pd.read_csv(path)
    wide = raw.pivot_table(
        index=["NODE", "INTERVALSTARTTIME_GMT", "INTERVALENDTIME_GMT"],
        columns="LMP_TYPE",
        values="MW",
        aggfunc="last",
    ).reset_index()
    wide = wide.rename(columns=COMPONENTS)
    start = pd.to_datetime(wide["INTERVALSTARTTIME_GMT"], utc=True)
    end = pd.to_datetime(wide["INTERVALENDTIME_GMT"], utc=True)
    wide["interval_start"] = start
    wide["interval_minutes"] = ((end - start).dt.total_seconds() // 60).astype("int32")
    return wide


def miso(path):
    # Market report: 4 preamble lines, Node,Type,Value,HE 1..HE 24; hours ending in EST (UTC-5) all year.
    with open(path) as handle:
        preamble = [next(handle) for _ in range(2)]
    day = pd.to_datetime(preamble[1].strip().strip(","), format="%m/%d/%Y")
    raw = pd.read_csv(path, skiprows=4)
    hours = [c for c in raw.columns if c.startswith("HE ")]
    long = raw.melt(id_vars=["Node", "Type", "Value"], value_vars=hours, var_name="he", value_name="price")
    wide = long.pivot_table(index=["Node", "he"], columns="Value", values="price", aggfunc="last").reset_index()
    he = wide["he"].str.slice(3).astype("int32")
    wide["interval_start"] = (day + pd.Timedelta(hours=5) + pd.to_timedelta(he - 1, unit="h")).dt.tz_localize("UTC")
    wide["interval_minutes"] = 60
    wide = wide.rename(columns={"LMP": "lmp", "MCC": "congestion", "MLC": "loss"})
    wide["energy"] = wide["lmp"] - wide["congestion"] - wide["loss"]
    return wide


def main():
    kind, paths = sys.argv[1], sys.argv[2:]
    parse = {"caiso": caiso, "miso": miso}[kind]
    began = time.perf_counter()
    rows = sum(len(parse(path)) for path in paths)
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - began, "pandas": pd.__version__}))


if __name__ == "__main__":
    main()
