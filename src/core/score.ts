import type { Dataset } from "./dataset";
import { decimalsOf, type Framework } from "./framework";
import { centsKey, Ranker } from "./ranks";
import { walkInto } from "./walk";

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
 * One entity's tiered values: inputs at the leaves, each parent by its aggregation above, the
 * root times the coefficient (the one walk, walkInto, for one row). With `rounding: "report"`
 * every computed index below the root is rounded to the assessment's decimals before its
 * parent uses it, as the printed report's tables are.
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
  const L = fw.leaves.length;
  const K = fw.order.length;
  const row = Float64Array.from({ length: L }, (_, j) => inputs[offset + j]);
  const values = walkInto(fw, row, [coefficient], new Float64Array(K), { method: "arithmetic", coefficient: true, rounding });
  out.set(values, outOffset);
}

/**
 * `exact` keeps full precision (the default: scores scale with their inputs). `report`
 * rounds each computed index to 2 decimals before aggregating upward, which is how the 2020
 * report's published tables add up (see docs/method.md, "Rounding").
 */
export type Rounding = "exact" | "report";

export function score(ds: Dataset): Scores {
  const fw = ds.framework;
  const n = ds.districts.length;
  const K = fw.order.length;
  const values = walkInto(fw, ds.inputs, ds.coefficients, new Float64Array(n * K), {
    method: ds.aggregation ?? "arithmetic",
    coefficient: true,
    rounding: ds.rounding ?? "exact",
    coverage: ds.coverage ?? 1,
  });
  return scoresOf(ds, values);
}

/**
 * Ranks and averages over values computed some other way (another aggregation, treated or
 * imputed inputs): `values` is row-major over `framework.order`, as `Scores.values`.
 */
export function scoresOf(ds: Dataset, values: Float64Array): Scores {
  const n = ds.districts.length;
  const K = ds.framework.order.length;
  const groups = groupsOf(ds);
  // Each entity's region as an index into the region groups (groups[1 + r]), -1 for none.
  const regionOf = new Int32Array(n).fill(-1);
  for (let r = 1; r < groups.length; r++) for (const i of groups[r].members) regionOf[i] = r - 1;
  const decimals = decimalsOf(ds.framework);
  return { dataset: ds, values, ...rankAll(values, n, K, regionOf, groups.length - 1, decimals), averages: averagesOf(values, K, groups, regionOf) };
}

/** Every entity (`city`) and each region's members, in entity-id order. */
interface Group {
  id: string;
  members: Int32Array;
}

function groupsOf(ds: Dataset): Group[] {
  const n = ds.districts.length;
  const ids = ds.districts.map((d) => d.id);
  // Members in id order, so a mean is summed in the same order however the input rows are
  // sorted: floating-point sums depend on order, and the averages must not.
  const all = Int32Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1] < ids[i];
  if (!sorted) all.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const slot = new Map(ds.regions.map((r, g) => [r.id, g]));
  const counts = new Int32Array(ds.regions.length);
  for (let i = 0; i < n; i++) {
    const g = slot.get(ds.districts[i].region);
    if (g !== undefined) counts[g]++;
  }
  const members = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(ds.regions.length);
  for (const i of all) {
    const g = slot.get(ds.districts[i].region);
    if (g !== undefined) members[g][filled[g]++] = i;
  }
  return [{ id: "city", members: all }, ...ds.regions.map((r, g) => ({ id: r.id, members: members[g] }))];
}

/** Competition ranks of every indicator, over all entities and within each region. */
function rankAll(
  values: Float64Array,
  n: number,
  K: number,
  regionOf: Int32Array,
  regions: number,
  decimals: number,
): { cityRanks: Int32Array; regionRanks: Int32Array } {
  const cityRanks = new Int32Array(n * K);
  const regionRanks = new Int32Array(n * K);
  const ranker = new Ranker(n);
  const options = { groupOf: regionOf, groups: regions, groupOut: regionRanks };
  const range = new Float64Array(2);
  // A table that fits in the cache is ranked column by column straight into its rows.
  if (n * K * 4 <= 4 * 1024 * 1024) {
    const keys = new Float64Array(n);
    for (let k = 0; k < K; k++) {
      keysOf(values, k, K, n, keys, range, decimals);
      ranker.rank(keys, cityRanks, { ...options, lo: range[0], hi: range[1], stride: K, offset: k });
    }
    return { cityRanks, regionRanks };
  }
  // A larger one has columns gathered and scattered B at a time: one pass over the rows reads B
  // adjacent values of each, where one column at a time would miss the cache on every row.
  const B = Math.min(8, K);
  const keys = Array.from({ length: B }, () => new Float64Array(n));
  const cityOf = Array.from({ length: B }, () => new Int32Array(n));
  const inRegionOf = Array.from({ length: B }, () => new Int32Array(n));
  const lo = new Float64Array(B);
  const hi = new Float64Array(B);
  for (let k0 = 0; k0 < K; k0 += B) {
    const width = Math.min(B, K - k0);
    lo.fill(Infinity);
    hi.fill(-Infinity);
    // Each value's key and each column's range, on the way.
    for (let i = 0, o = k0; i < n; i++, o += K)
      for (let b = 0; b < width; b++) {
        const key = centsKey(values[o + b], decimals);
        keys[b][i] = key;
        if (key < lo[b]) lo[b] = key;
        if (key > hi[b]) hi[b] = key;
      }
    for (let b = 0; b < width; b++) ranker.rank(keys[b], cityOf[b], { ...options, groupOut: inRegionOf[b], lo: lo[b], hi: hi[b] });
    for (let i = 0, o = k0; i < n; i++, o += K)
      for (let b = 0; b < width; b++) {
        cityRanks[o + b] = cityOf[b][i];
        regionRanks[o + b] = inRegionOf[b][i];
      }
  }
  return { cityRanks, regionRanks };
}

/** Column k's ranking keys into `keys`, and their least and greatest (NaN aside) into `range`. */
function keysOf(values: Float64Array, k: number, K: number, n: number, keys: Float64Array, range: Float64Array, decimals: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0, o = k; i < n; i++, o += K) {
    const key = centsKey(values[o], decimals);
    keys[i] = key;
    if (key < lo) lo = key;
    if (key > hi) hi = key;
  }
  range[0] = lo;
  range[1] = hi;
}

/**
 * Plain means per indicator over the entities that have a value: one pass over the rows in id order adds each row to the city's
 * sums and its region's (each group's sum in the same order as summing it alone). A sum that
 * overflows (values near 1e308) is summed again as x/n, so a mean of finite values is finite
 * whenever it can be.
 */
function averagesOf(values: Float64Array, K: number, groups: readonly Group[], regionOf: Int32Array): Map<string, Float64Array> {
  const all = groups[0].members;
  const n = all.length;
  const sums = groups.map(() => new Float64Array(K));
  const city = sums[0];
  for (let j = 0; j < n; j++) {
    const i = all[j];
    const o = i * K;
    const g = regionOf[i] + 1; // 0: in no region, so only the city's
    if (g === 0) for (let k = 0; k < K; k++) city[k] += values[o + k];
    else {
      const region = sums[g];
      for (let k = 0; k < K; k++) {
        city[k] += values[o + k];
        region[k] += values[o + k];
      }
    }
  }
  const averages = new Map<string, Float64Array>();
  groups.forEach((group, g) => {
    const m = group.members.length;
    const mean = sums[g];
    for (let k = 0; k < K; k++) {
      if (m === 0) mean[k] = NaN;
      else if (Number.isNaN(mean[k])) mean[k] = presentMean(values, K, k, group.members);
      else if (Number.isFinite(mean[k])) mean[k] /= m;
      else {
        let scaled = 0;
        for (let j = 0; j < m; j++) scaled += values[group.members[j] * K + k] / m;
        mean[k] = scaled;
      }
    }
    averages.set(group.id, mean);
  });
  return averages;
}

/** The mean of column k over the members that have a value (a missing one is NaN); NaN if none has. */
function presentMean(values: Float64Array, K: number, k: number, members: Int32Array): number {
  let sum = 0;
  let count = 0;
  for (let j = 0; j < members.length; j++) {
    const v = values[members[j] * K + k];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  if (count === 0) return NaN;
  if (Number.isFinite(sum)) return sum / count;
  let scaled = 0;
  for (let j = 0; j < members.length; j++) {
    const v = values[members[j] * K + k];
    if (v === v) scaled += v / count;
  }
  return scaled;
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
