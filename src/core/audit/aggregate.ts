import type { Dataset } from "../dataset";
import type { Framework } from "../framework";
import type { Issue } from "../issue";
import { round2 } from "../round";
import type { Rounding } from "../score";
import { cellIssue } from "./where";

/** How a parent combines its children: the weighted arithmetic mean (the report's) or geometric mean. */
export type Aggregation = "arithmetic" | "geometric";
export const AGGREGATIONS: readonly Aggregation[] = ["arithmetic", "geometric"];

/** What to do with an empty input: stop with an error (the default) or aggregate over the children present. */
export type Missing = "error" | "skip";

export interface AggregateOptions {
  method?: Aggregation;
  /**
   * Weights relative to siblings, one per position in `framework.order`; 0 drops an indicator.
   * Always renormalised among the children present. Default: the framework's own.
   */
  weights?: ArrayLike<number>;
  missing?: Missing;
  /** Multiply the composite by each district's coefficient (default true). */
  coefficient?: boolean;
  rounding?: Rounding;
}

/**
 * Every indicator's value for every district (row-major over `framework.order`, as
 * `Scores.values`), aggregated bottom-up over the children present: a child that is missing
 * (an empty input, a dropped indicator, or a parent none of whose children is present) is left
 * out and its siblings' weights are renormalised. A parent left without children is missing.
 * With every child present and the framework's weights, the arithmetic is score()'s exactly.
 */
export function aggregate(ds: Dataset, opts: AggregateOptions = {}): { values?: Float64Array; issues: Issue[] } {
  const fw = ds.framework;
  const n = ds.districts.length;
  const L = fw.leaves.length;
  const method = opts.method ?? "arithmetic";
  const missing = opts.missing ?? "error";
  const issues: Issue[] = [];
  const w = opts.weights;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < L; j++) {
      const x = ds.inputs[i * L + j];
      const used = !w || w[fw.index.get(fw.leaves[j])!] > 0;
      if (!used) continue;
      if (Number.isNaN(x)) {
        if (missing === "error")
          issues.push(
            cellIssue(
              ds,
              "error",
              "missing-value",
              i,
              fw.leaves[j],
              "指标值为空；可选择插补（--impute）或按现有下级指标汇总（--missing skip）",
              "the value is empty; impute it (--impute) or aggregate over the indicators present (--missing skip)",
            ),
          );
        else
          issues.push(
            cellIssue(
              ds,
              "warning",
              "missing-skipped",
              i,
              fw.leaves[j],
              "指标值为空，按其余同级指标汇总（权重重新归一）",
              "the value is empty: its parent is aggregated over the other indicators, weights renormalised",
            ),
          );
      } else if (method === "geometric" && !(x > 0))
        issues.push(
          cellIssue(
            ds,
            "error",
            "geometric-non-positive",
            i,
            fw.leaves[j],
            `几何平均要求指标值大于 0，此处为 ${x}`,
            `the geometric mean needs values above 0; this one is ${x}`,
          ),
        );
    }
  if (issues.some((x) => x.severity === "error")) return { issues };
  const out = new Float64Array(n * fw.order.length);
  aggregateInto(fw, ds.inputs, ds.coefficients, out, {
    method,
    weights: w,
    coefficient: opts.coefficient ?? true,
    rounding: opts.rounding ?? ds.rounding ?? "exact",
  });
  return { values: out, issues };
}

/**
 * The inner loop, checked by nobody: for repeated runs (remove-one, Sobol) that have checked
 * the inputs once. A non-positive value under the geometric mean yields NaN.
 */
export function aggregateInto(
  fw: Framework,
  inputs: ArrayLike<number>,
  coefficients: ArrayLike<number>,
  out: Float64Array,
  o: { method: Aggregation; weights?: ArrayLike<number>; coefficient: boolean; rounding: Rounding },
): Float64Array {
  const K = fw.order.length;
  const L = fw.leaves.length;
  const n = coefficients.length;
  const { parentOf, leafOf } = fw;
  const w = o.weights ?? fw.weightOf;
  const renormaliseAlways = o.weights !== undefined;
  const geometric = o.method === "geometric";
  const report = o.rounding === "report";
  const acc = new Float64Array(K);
  const sumW = new Float64Array(K);
  const full = new Float64Array(K); // every child's weight: nothing missing means no renormalising
  // Summed in the same (reverse) order as sumW below, so "all present" compares equal exactly.
  for (let k = K - 1; k > 0; k--) if (w[k] > 0) full[parentOf[k]] += w[k];
  for (let i = 0; i < n; i++) {
    const row = i * K;
    acc.fill(0);
    sumW.fill(0);
    for (let k = K - 1; k >= 0; k--) {
      let v: number;
      if (leafOf[k] >= 0) v = inputs[i * L + leafOf[k]];
      else if (sumW[k] > 0) {
        const whole = !renormaliseAlways && sumW[k] === full[k];
        const m = whole ? acc[k] : acc[k] / sumW[k];
        v = geometric ? Math.exp(m) : m;
        if (report && k > 0) v = round2(v);
      } else v = NaN;
      out[row + k] = v;
      if (k === 0 || !(w[k] > 0) || Number.isNaN(v)) continue;
      const p = parentOf[k];
      acc[p] += w[k] * (geometric ? (v > 0 ? Math.log(v) : NaN) : v);
      sumW[p] += w[k];
    }
    if (o.coefficient) out[row] *= coefficients[i];
  }
  return out;
}
