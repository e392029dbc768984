import type { Dataset } from "../dataset";
import type { Framework } from "../framework";
import type { Issue } from "../issue";
import type { Rounding } from "../score";
import { walkInto, type Aggregation } from "../walk";
import { cellIssue } from "./where";

export type { Aggregation } from "../walk";
/** How a parent combines its children: the weighted arithmetic mean (the report's), geometric or harmonic mean. */
export const AGGREGATIONS: readonly Aggregation[] = ["arithmetic", "geometric", "harmonic"];

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
  /** The coverage rule where a parent states none (see Choices.coverage); given, an empty value is no error. */
  coverage?: number;
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
  const missing = opts.missing ?? (opts.coverage !== undefined || ds.framework.statesCoverage ? "skip" : "error");
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
      } else if (method !== "arithmetic" && !(x > 0)) {
        // A geometric or harmonic mean is undefined for a value of 0 or below.
        const [code, zh, en] =
          method === "geometric"
            ? (["geometric-non-positive", "几何平均", "geometric"] as const)
            : (["harmonic-non-positive", "调和平均", "harmonic"] as const);
        issues.push(
          cellIssue(ds, "error", code, i, fw.leaves[j], `${zh}要求指标值大于 0，此处为 ${x}`, `the ${en} mean needs values above 0; this one is ${x}`),
        );
      }
    }
  if (issues.some((x) => x.severity === "error")) return { issues };
  const out = new Float64Array(n * fw.order.length);
  aggregateInto(fw, ds.inputs, ds.coefficients, out, {
    method,
    weights: w,
    coefficient: opts.coefficient ?? true,
    rounding: opts.rounding ?? ds.rounding ?? "exact",
    missing,
    coverage: opts.coverage,
  });
  return { values: out, issues };
}

/**
 * The inner loop, checked by nobody: for repeated runs (remove-one, Sobol) that have checked
 * the inputs once. The one walk (walkInto); `missing: "skip"` is the coverage rule "any".
 */
export function aggregateInto(
  fw: Framework,
  inputs: ArrayLike<number>,
  coefficients: ArrayLike<number>,
  out: Float64Array,
  o: { method: Aggregation; weights?: ArrayLike<number>; coefficient: boolean; rounding: Rounding; missing?: Missing; coverage?: number },
): Float64Array {
  return walkInto(fw, inputs, coefficients, out, { ...o, coverage: o.coverage ?? (o.missing === "error" ? 1 : 0) });
}
