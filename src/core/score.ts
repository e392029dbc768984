import type { Dataset } from "./dataset";
import type { Framework } from "./framework";
import { competitionRanks, round2 } from "./round";

/**
 * Every indicator's value for every district, with ranks and averages. `values` is
 * row-major over `framework.order`: district i, indicator k at `values[i * K + k]`.
 */
export interface Scores {
  dataset: Dataset;
  values: Float64Array;
  /** Competition ranks over all districts, same layout as `values`. */
  cityRanks: Int32Array;
  /** Competition ranks within each district's region, same layout as `values`. */
  regionRanks: Int32Array;
  /** Plain means per indicator: `city`, and one per region id. */
  averages: ReadonlyMap<string, Float64Array>;
}

/**
 * One district's tiered values: inputs at the leaves, weighted means above, the root times
 * the coefficient. A reverse pre-order walk meets every child before its parent.
 * With `rounding: "report"` every computed index below the root is rounded to 2 decimals
 * before its parent uses it, as the printed report's tables are.
 */
export function scoreRow(
  fw: Framework,
  inputs: ArrayLike<number>,
  offset: number,
  coefficient: number,
  out: Float64Array,
  outOffset: number,
  rounding: Rounding = "exact",
): void {
  const K = fw.order.length;
  for (let k = 0; k < K; k++) {
    const leaf = fw.leafOf[k];
    out[outOffset + k] = leaf >= 0 ? inputs[offset + leaf] : 0;
  }
  const report = rounding === "report";
  for (let k = K - 1; k > 0; k--) {
    if (report && fw.leafOf[k] < 0) out[outOffset + k] = round2(out[outOffset + k]);
    out[outOffset + fw.parentOf[k]] += fw.weightOf[k] * out[outOffset + k];
  }
  out[outOffset] *= coefficient;
}

/**
 * `exact` keeps full precision (the default: scores scale with their inputs). `report`
 * rounds each computed index to 2 decimals before aggregating upward, which is how the 2020
 * report's published tables add up (see README, "Rounding").
 */
export type Rounding = "exact" | "report";

export function score(ds: Dataset): Scores {
  const fw = ds.framework;
  const n = ds.districts.length;
  const K = fw.order.length;
  const L = fw.leaves.length;
  const values = new Float64Array(n * K);
  for (let i = 0; i < n; i++) scoreRow(fw, ds.inputs, i * L, ds.coefficients[i], values, i * K, ds.rounding);

  const cityRanks = new Int32Array(n * K);
  const regionRanks = new Int32Array(n * K);
  const averages = new Map<string, Float64Array>();
  // Members in district-id order, so a mean is summed in the same order however the input
  // rows are sorted: floating-point sums depend on order, and the averages must not.
  const ids = ds.districts.map((d) => d.id);
  const all = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const groups: [string, number[]][] = [
    ["city", all],
    ...ds.regions.map((r) => [r.id, all.filter((i) => ds.districts[i].region === r.id)] as [string, number[]]),
  ];
  for (const [id] of groups) averages.set(id, new Float64Array(K));
  const column = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) column[i] = values[i * K + k];
    for (const [id, members] of groups) {
      const sub = members.map((i) => column[i]);
      averages.get(id)![k] = sub.length ? sub.reduce((s, x) => s + x, 0) / sub.length : NaN;
      const ranks = competitionRanks(sub);
      const target = id === "city" ? cityRanks : regionRanks;
      members.forEach((i, m) => (target[i * K + k] = ranks[m]));
    }
  }
  return { dataset: ds, values, cityRanks, regionRanks, averages };
}

/** District index by id, or -1. */
export const districtIndex = (s: Scores, id: string): number => s.dataset.districts.findIndex((d) => d.id === id);

export function valueOf(s: Scores, district: number, code: string): number {
  return s.values[district * s.dataset.framework.order.length + s.dataset.framework.index.get(code)!];
}

export function rankOf(s: Scores, district: number, code: string, scope: "city" | "region"): number {
  const at = district * s.dataset.framework.order.length + s.dataset.framework.index.get(code)!;
  return scope === "city" ? s.cityRanks[at] : s.regionRanks[at];
}

/**
 * What each input indicator adds to a district's composite: coefficient × its weight in the
 * root × its value. The contributions of all inputs sum to the composite.
 */
export function contributions(s: Scores, district: number): Float64Array {
  const fw = s.dataset.framework;
  const L = fw.leaves.length;
  const out = new Float64Array(L);
  const c = s.dataset.coefficients[district];
  for (let j = 0; j < L; j++) out[j] = c * fw.leafWeights[j] * s.dataset.inputs[district * L + j];
  return out;
}

/**
 * The batch path: composites only, for many entities at once. The composite is linear in the
 * inputs, so it is one dot product with the leaves' root weights; no per-entity objects.
 */
export function scoreComposites(fw: Framework, inputs: Float64Array, coefficients: Float64Array, out = new Float64Array(coefficients.length)): Float64Array {
  const L = fw.leaves.length;
  const w = fw.leafWeights;
  const n = coefficients.length;
  for (let i = 0, o = 0; i < n; i++, o += L) {
    let s = 0;
    for (let j = 0; j < L; j++) s += w[j] * inputs[o + j];
    out[i] = s * coefficients[i];
  }
  return out;
}
