# The whole job in vectorised numpy, the yardstick the issue sets for SCI's own whole job:
# from the table of cells (rows of strings as a CSV reader gives them) and an entity list,
# through validation, every level's values, competition ranks at 2 decimals over all entities
# and within each region, and every mean. The bench runs it on the same files and machine.
#
#   python3 numpy-whole-job.py INPUT.csv DISTRICTS.csv FRAMEWORK.json RUNS
#
# FRAMEWORK.json: {order, parent, weight, leafOf, leaves} as the core's Framework holds them
# (pre-order; parent[k] < k). Prints {"median_ms", "min_ms", "runs", "check"} as JSON; `check`
# is a few figures the bench compares with its own, so a fast wrong answer is caught here too.
import csv
import json
import statistics
import sys
import time

import numpy as np


def competition_ranks(keys):
    """1 + the number of keys greater, for each key: by sorting, O(n log n)."""
    s = np.sort(keys)
    return len(keys) - np.searchsorted(s, keys, side="right") + 1


def whole_job(rows, roster_rows, fw):
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    body = rows[1:]
    n = len(body)
    # Validation: every name on the list, once; every value a number in range.
    roster = {r[0]: r[1] for r in roster_rows[1:]}
    names = [r[col["district"]] for r in body]
    if len(set(names)) != n:
        raise ValueError("duplicate entity")
    regions = np.array([roster[name] for name in names])
    leaf_cols = [col[leaf] for leaf in fw["leaves"]]
    inputs = np.array([[r[c] for c in leaf_cols] for r in body]).astype(np.float64)
    coefficients = np.array([r[col["coefficient"]] for r in body]).astype(np.float64)
    if np.isnan(inputs).any() or (inputs < 0).any() or (inputs > 1000).any():
        raise ValueError("bad input value")
    if ((coefficients <= 0) | (coefficients > 1)).any():
        raise ValueError("bad coefficient")
    # Every level: leaves are inputs, each node the weighted sum of its children, bottom up.
    order, parent, weight, leaf_of = fw["order"], fw["parent"], fw["weight"], fw["leafOf"]
    K = len(order)
    values = np.zeros((n, K))
    for k in range(K):
        if leaf_of[k] >= 0:
            values[:, k] = inputs[:, leaf_of[k]]
    for k in range(K - 1, 0, -1):
        values[:, parent[k]] += weight[k] * values[:, k]
    values[:, 0] *= coefficients
    # Ranks on cents, half away from zero, over all and within each region; then the means.
    cents = np.sign(values) * np.floor(np.abs(values) * 100 + 0.5)
    city = np.empty((n, K), dtype=np.int32)
    in_region = np.empty((n, K), dtype=np.int32)
    masks = {r: regions == r for r in np.unique(regions)}
    for k in range(K):
        city[:, k] = competition_ranks(cents[:, k])
        for m in masks.values():
            in_region[m, k] = competition_ranks(cents[m, k])
    means = {"city": values.mean(axis=0), **{str(r): values[m].mean(axis=0) for r, m in masks.items()}}
    return values, city, in_region, means


def main():
    input_path, districts_path, framework_path, runs = sys.argv[1:5]
    with open(input_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with open(districts_path, newline="", encoding="utf-8") as f:
        roster_rows = list(csv.reader(f))
    with open(framework_path, encoding="utf-8") as f:
        fw = json.load(f)
    times = []
    for _ in range(int(runs)):
        t0 = time.perf_counter()
        values, city, in_region, means = whole_job(rows, roster_rows, fw)
        times.append((time.perf_counter() - t0) * 1000)
    check = {
        "root": [float(values[i, 0]) for i in (0, len(values) - 1)],
        "city_rank": [int(city[i, 0]) for i in (0, len(values) - 1)],
        "region_rank": [int(in_region[i, 0]) for i in (0, len(values) - 1)],
        "city_mean": float(means["city"][0]),
    }
    print(json.dumps({"median_ms": statistics.median(times), "min_ms": min(times), "runs": len(times), "check": check}))


if __name__ == "__main__":
    main()
