# Independent figures for test/core/audit/figures2020.test.ts, in plain Python 3 (no numpy),
# from the spec CSVs alone: the tree is walked here, and SKEW, KURT, CORREL, Spearman (average
# ranks) and Cronbach's alpha are written from their textbook/Excel definitions.
# Run: python3 test/core/audit/independent.py
import csv, json, math, os
from fractions import Fraction

DIR = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "shanghai-2020")
rows = list(csv.DictReader(open(os.path.join(DIR, "framework.csv"), encoding="utf-8-sig")))
inputs = list(csv.DictReader(open(os.path.join(DIR, "inputs.csv"), encoding="utf-8-sig")))
weight = {r["code"]: float(Fraction(r["weight"])) for r in rows}
parent = {r["code"]: r["parent"] for r in rows if r["parent"]}
children = {}
for r in rows:
    if r["parent"]:
        children.setdefault(r["parent"], []).append(r["code"])
root = [r["code"] for r in rows if not r["parent"]][0]

def value(d, code):
    if code not in children:
        return float(d[code])
    v = sum(weight[c] * value(d, c) for c in children[code])
    return v * float(d["coefficient"]) if code == root else v

col = {r["code"]: [value(d, r["code"]) for d in inputs] for r in rows}

def mean(x): return sum(x) / len(x)
def sd(x):
    m = mean(x); return math.sqrt(sum((v - m) ** 2 for v in x) / (len(x) - 1))
def skew(x):
    n = len(x); m = mean(x); s = sd(x)
    if s == 0: return None
    return n / ((n - 1) * (n - 2)) * sum(((v - m) / s) ** 3 for v in x)
def kurt(x):
    n = len(x); m = mean(x); s = sd(x)
    if s == 0: return None
    return n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * sum(((v - m) / s) ** 4 for v in x) - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3))
def correl(x, y):
    mx, my = mean(x), mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x); syy = sum((b - my) ** 2 for b in y)
    return None if sxx == 0 or syy == 0 else sxy / math.sqrt(sxx * syy)
def avg_ranks(x):
    return [sum(1 for w in x if w < v) + (sum(1 for w in x if w == v) + 1) / 2 for v in x]
def var(x):
    m = mean(x); return sum((v - m) ** 2 for v in x) / (len(x) - 1)
def alpha(items):
    k = len(items); total = [sum(t) for t in zip(*items)]
    return None if var(total) == 0 else k / (k - 1) * (1 - sum(var(i) for i in items) / var(total))

out = {"indicators": {}, "cronbach": {}}
for code in [r["code"] for r in rows if r["parent"]]:
    x = col[code]
    out["indicators"][code] = {
        "mean": mean(x), "sd": sd(x), "min": min(x), "max": max(x), "skew": skew(x), "kurtosis": kurt(x),
        "r_parent": correl(x, col[parent[code]]), "r_composite": correl(x, col[root]),
        "rho_composite": correl(avg_ranks(x), avg_ranks(col[root])),
    }
for p, cs in children.items():
    if len(cs) >= 2:
        out["cronbach"][p] = alpha([col[c] for c in cs])
out["collinear"] = [[a, b, correl(col[a], col[b])] for cs in children.values() for i, a in enumerate(cs) for b in cs[i + 1:]
                    if correl(col[a], col[b]) is not None and abs(correl(col[a], col[b])) > 0.9]
print(json.dumps(out, ensure_ascii=False, indent=1))
