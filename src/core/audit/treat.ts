import type { Dataset } from "../dataset";
import type { Issue } from "../issue";
import { distributionOf, isOutlier, present, type Stat } from "./stats";
import { cellIssue, indicatorIssue } from "./where";

/** The JRC/COINr default: at most this many winsorisation steps before the log fallback. */
export const MAX_WINSOR_STEPS = 5;

export interface ColumnTreatment {
  /** `none`: the rule does not flag the column; it is unchanged. */
  method: "none" | "winsorised" | "log";
  /** Winsorisation steps taken (0 for `none` and `log`). */
  steps: number;
  before: { skew: Stat; kurtosis: Stat };
  after: { skew: Stat; kurtosis: Stat };
  values: Float64Array;
}

/**
 * The JRC rule on one column (missing values stay missing): while |skew| ≥ 2 and kurtosis ≥ 3.5,
 * winsorise one step — with skew ≥ 0 every value equal to the maximum becomes the next highest
 * value, with skew < 0 every value equal to the minimum becomes the next lowest — and test
 * again, at most 5 steps. If it still fails, go back to the original column and take
 * log(x − min + 0.01·(max − min)) instead. SKEW and KURT are Excel's (see stats.ts).
 */
export function treatColumn(column: ArrayLike<number>): ColumnTreatment {
  const original = Float64Array.from(column as ArrayLike<number>);
  const d0 = distributionOf(original);
  const before = { skew: d0.skew, kurtosis: d0.kurtosis };
  if (!isOutlier(d0)) return { method: "none", steps: 0, before, after: before, values: original };
  const x = Float64Array.from(original);
  for (let step = 1; step <= MAX_WINSOR_STEPS; step++) {
    const d = distributionOf(x);
    const xs = present(x);
    const high = (d.skew ?? 0) >= 0;
    const edge = high ? Math.max(...xs) : Math.min(...xs);
    const inner = xs.filter((v) => v !== edge);
    if (!inner.length) break;
    const next = high ? Math.max(...inner) : Math.min(...inner);
    for (let i = 0; i < x.length; i++) if (x[i] === edge) x[i] = next;
    const after = distributionOf(x);
    if (!isOutlier(after)) return { method: "winsorised", steps: step, before, after: { skew: after.skew, kurtosis: after.kurtosis }, values: x };
  }
  const xs = present(original);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const logged = original.map((v) => (Number.isFinite(v) ? Math.log(v - min + 0.01 * (max - min)) : v));
  const after = distributionOf(logged);
  return { method: "log", steps: 0, before, after: { skew: after.skew, kurtosis: after.kurtosis }, values: logged };
}

export interface Treatment {
  indicator: string;
  method: "winsorised" | "log";
  steps: number;
  before: { skew: Stat; kurtosis: Stat };
  after: { skew: Stat; kurtosis: Stat };
  /** Every changed value: district id, the value before and after. */
  changed: { district: string; from: number; to: number }[];
}

/**
 * The JRC rule on every input indicator. Only flagged columns change; every changed value is a
 * warning naming its cell, so nothing is treated silently. The untreated dataset is the caller's.
 */
export function treat(ds: Dataset): { dataset: Dataset; treatments: Treatment[]; issues: Issue[] } {
  const fw = ds.framework;
  const n = ds.districts.length;
  const L = fw.leaves.length;
  const inputs = Float64Array.from(ds.inputs);
  const treatments: Treatment[] = [];
  const issues: Issue[] = [];
  const column = new Float64Array(n);
  fw.leaves.forEach((leaf, j) => {
    for (let i = 0; i < n; i++) column[i] = ds.inputs[i * L + j];
    const t = treatColumn(column);
    if (t.method === "none") return;
    const changed: Treatment["changed"] = [];
    const how =
      t.method === "winsorised"
        ? { zh: `缩尾 ${t.steps} 步`, en: `winsorised in ${t.steps} step${t.steps === 1 ? "" : "s"}` }
        : {
            zh: `缩尾 ${MAX_WINSOR_STEPS} 步仍未达标，改取对数 log(x − min + 0.01·(max − min))`,
            en: `still flagged after ${MAX_WINSOR_STEPS} winsorisation steps: log(x − min + 0.01·(max − min)) instead`,
          };
    issues.push(
      indicatorIssue(
        ds,
        "warning",
        "treated-indicator",
        leaf,
        `偏度 ${fmt(t.before.skew)}、峰度 ${fmt(t.before.kurtosis)} 触发 JRC 异常值规则（|偏度| ≥ 2 且峰度 ≥ 3.5），${how.zh}；处理后偏度 ${fmt(t.after.skew)}、峰度 ${fmt(t.after.kurtosis)}`,
        `skewness ${fmt(t.before.skew)} and kurtosis ${fmt(t.before.kurtosis)} meet the JRC outlier rule (|skew| ≥ 2 and kurtosis ≥ 3.5): ${how.en}; after treatment skewness ${fmt(t.after.skew)}, kurtosis ${fmt(t.after.kurtosis)}`,
      ),
    );
    for (let i = 0; i < n; i++) {
      const from = column[i];
      const to = t.values[i];
      if (from === to || Number.isNaN(from)) continue;
      inputs[i * L + j] = to;
      changed.push({ district: ds.districts[i].id, from, to });
      issues.push(cellIssue(ds, "warning", "treated-value", i, leaf, `异常值处理：${fmt(from)} → ${fmt(to)}`, `outlier treatment: ${fmt(from)} → ${fmt(to)}`));
    }
    treatments.push({ indicator: leaf, method: t.method, steps: t.steps, before: t.before, after: t.after, changed });
  });
  return { dataset: { ...ds, inputs }, treatments, issues };
}

const fmt = (x: Stat) => (x === null ? "—" : String(+x.toFixed(4)));
