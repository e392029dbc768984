// The one walk of the framework tree: every parent from its children, bottom-up, by its own
// aggregation and coverage rule. score(), the audit's aggregations, remove-one and the Sobol runs
// all call it, so a figure is computed the same way wherever it is shown.
import { decimalsOf, type Framework } from "./framework";
import { roundTo } from "./round";
import type { Rounding } from "./score";

/** The assessment's default way a parent combines its children (a node may state its own). */
export type Aggregation = "arithmetic" | "geometric" | "harmonic";

export interface WalkOptions {
  /** Parents that state no aggregation use this one. */
  method: Aggregation;
  /**
   * Weights relative to siblings, one per position in `framework.order`; 0 drops an indicator.
   * Given: always renormalised among the children present. Default: the framework's own.
   */
  weights?: ArrayLike<number>;
  /** Multiply the composite by each entity's coefficient. */
  coefficient: boolean;
  rounding: Rounding;
  /**
   * The share of its children's weight a parent needs (1: all, as the HDI; 0: any, the weighted
   * mean of those present, as the EPI) where its row states none. Default 1.
   */
  coverage?: number;
}

const METHOD_CODE: Record<Aggregation, number> = { arithmetic: 1, geometric: 2, harmonic: 3 };
/** Shares compared with a little slack: 1/3 + 1/3 + 1/3 is all of it. */
const SHARE_SLACK = 1e-9;

/**
 * Every indicator's value for every entity into `out` (row-major over `framework.order`). A
 * missing value (NaN) takes no part; a parent whose present children carry less than its
 * coverage share is itself missing. With every child present and the framework's weights, the
 * weighted sum is taken as it is (no division), so the figures are the report's to the last digit.
 * Geometric: exp of the weighted mean of logs (a 0 gives 0; a negative value leaves the parent
 * missing). Harmonic: the weighted mean's reciprocal of reciprocals (values must be above 0).
 */
export function walkInto(fw: Framework, inputs: ArrayLike<number>, coefficients: ArrayLike<number>, out: Float64Array, o: WalkOptions): Float64Array {
  const K = fw.order.length;
  const L = fw.leaves.length;
  const n = coefficients.length;
  const { parentOf, leafOf } = fw;
  const w = o.weights ?? fw.weightOf;
  const renormaliseAlways = o.weights !== undefined;
  const report = o.rounding === "report";
  const decimals = decimalsOf(fw);
  const fallback = METHOD_CODE[o.method];
  const method = new Uint8Array(K);
  for (let k = 0; k < K; k++) method[k] = fw.aggregationOf?.[k] || fallback;
  const need = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const own = fw.coverageOf?.[k];
    need[k] = own === undefined || Number.isNaN(own) ? (o.coverage ?? 1) : own;
  }
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
      const leaf = leafOf[k];
      if (leaf >= 0) v = inputs[i * L + leaf];
      else if (sumW[k] > 0 && sumW[k] >= need[k] * full[k] * (1 - SHARE_SLACK)) {
        const whole = !renormaliseAlways && sumW[k] === full[k];
        const m = method[k];
        const mean = whole ? acc[k] : acc[k] / sumW[k];
        v = m === 1 ? mean : m === 2 ? Math.exp(mean) : 1 / mean;
        if (report && k > 0) v = roundTo(v, decimals);
      } else v = NaN;
      out[row + k] = v;
      if (k === 0 || !(w[k] > 0) || Number.isNaN(v)) continue;
      const p = parentOf[k];
      const m = method[p];
      const term = m === 1 ? v : m === 2 ? (v > 0 ? Math.log(v) : v === 0 ? -Infinity : NaN) : v > 0 ? 1 / v : NaN;
      if (Number.isNaN(term)) {
        // A value the parent's mean cannot take (negative under a geometric mean): the parent is
        // missing, whatever its coverage, rather than a mean of the others.
        sumW[p] = -Infinity;
        continue;
      }
      acc[p] += w[k] * term;
      sumW[p] += w[k];
    }
    if (o.coefficient) out[row] *= coefficients[i];
  }
  return out;
}
