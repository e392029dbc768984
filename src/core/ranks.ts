import { SCALE } from "./round";

/**
 * Competition ranks ("1, 1, 3"), highest first, on values rounded to `decimals` (the
 * assessment's precision, 2 by default). O(n + range) by counting when the values span a modest
 * range of keys (index numbers always do), else O(n log n) by sorting. A missing value (NaN)
 * gets no rank (0) and is above no one: ranks are over the entities that have a value.
 */
export function competitionRanks(values: ArrayLike<number>, out = new Int32Array(values.length), decimals = 2): Int32Array {
  const keys = centsInto(values, new Float64Array(values.length), decimals);
  return new Ranker(values.length).rank(keys, out);
}

/**
 * A value as the whole number it is ranked by: round2(x) × 100 at 2 decimals (whole cents), and
 * likewise at any other; NaN and ±Infinity stay.
 */
export function centsKey(v: number, decimals = 2): number {
  if (!(v - v === 0)) return v === v ? v : NaN; // ±Infinity stays, NaN stays
  // round2's arithmetic without its division: this runs for every value of every indicator.
  const f = decimals === 2 ? 100 : (SCALE[decimals] ?? 10 ** decimals);
  const y = v < 0 ? -f * v : f * v;
  const c = Math.abs(y - Math.floor(y) - 0.5) > 1e-9 * Math.max(1, y) ? Math.round(y) : Math.round(Number(y.toPrecision(12)));
  return v < 0 ? -c : c;
}

/** Each value's key for ranking, as centsKey. */
export function centsInto(values: ArrayLike<number>, keys: Float64Array, decimals = 2): Float64Array {
  for (let i = 0; i < values.length; i++) keys[i] = centsKey(values[i], decimals);
  return keys;
}

export interface RankOptions {
  /** Each entity's group (region), -1 for none; with `groupOut`, ranks within groups too. */
  groupOf?: Int32Array;
  /** How many groups there are. */
  groups?: number;
  groupOut?: Int32Array;
  /** The least and greatest key that is not NaN, when the caller has them. */
  lo?: number;
  hi?: number;
  /** Entity i's rank goes to `out[i * stride + offset]` (default 1 and 0). */
  stride?: number;
  offset?: number;
}

/**
 * Ranks key columns of n entities (keys from centsKey), over all of them and within groups
 * (regions), reusing its buffers from one column to the next. First an order of the entities,
 * highest key first: by counting cents when they span a range not much wider than n, else by
 * one native sort of (cents above the lowest) × n + entity packed in a double, else by counting
 * each key's place among the distinct keys. Then one walk down the order ranks over all and
 * within every group: a rank is one more than the keys met before that are higher.
 */
export class Ranker {
  private readonly bucket: Int32Array;
  private readonly order: Int32Array;
  private packed = new Float64Array(0);
  private counts = new Int32Array(0);
  private seen = new Int32Array(0);
  private lastKey = new Float64Array(0);
  private lastRank = new Int32Array(0);

  constructor(private readonly n: number) {
    this.bucket = new Int32Array(n);
    this.order = new Int32Array(n);
  }

  /**
   * Ranks of `keys` into `out` (entity i at `i * stride + offset`: a column of a row-major
   * table); with `groupOf` (each entity's group, -1 for none) also the ranks within each of
   * `groups` groups into `groupOut`, laid out alike. `lo` and `hi`, the least and greatest key
   * that is not NaN (Infinity and -Infinity when all are), save a pass when the caller has them.
   */
  rank(keys: Float64Array, out: Int32Array, options: RankOptions = {}): Int32Array {
    const n = this.n;
    const { groupOf, groups = 0, groupOut, stride = 1, offset = 0 } = options;
    let { lo, hi } = options;
    if (lo === undefined || hi === undefined) [lo, hi] = keyRange(keys, n);
    // A NaN (a missing value) is above no one and has no rank (0); it is left out of the order.
    const ordered = lo > hi ? 0 : this.orderByKey(keys, lo, hi);
    if (ordered < n)
      for (let i = 0; i < n; i++)
        if (keys[i] !== keys[i]) {
          out[i * stride + offset] = 0;
          if (groupOut) groupOut[i * stride + offset] = 0;
        }
    const { order } = this;
    let previous = NaN;
    let rank = 0;
    if (!groupOf || !groupOut) {
      for (let p = 0; p < ordered; p++) {
        const i = order[p];
        if (keys[i] !== previous) {
          previous = keys[i];
          rank = p + 1;
        }
        out[i * stride + offset] = rank;
      }
      return out;
    }
    const { seen, lastKey, lastRank } = this.groupBuffers(groups);
    for (let p = 0; p < ordered; p++) {
      const i = order[p];
      const k = keys[i];
      if (k !== previous) {
        previous = k;
        rank = p + 1;
      }
      const at = i * stride + offset;
      out[at] = rank;
      const g = groupOf[i];
      if (g < 0) continue;
      if (k !== lastKey[g]) {
        lastKey[g] = k;
        lastRank[g] = seen[g] + 1;
      }
      groupOut[at] = lastRank[g];
      seen[g]++;
    }
    return out;
  }

  /** The entities whose key is not NaN into `order`, highest key first; how many they are. */
  private orderByKey(keys: Float64Array, lo: number, hi: number): number {
    const n = this.n;
    const span = hi - lo;
    const integral = Number.isSafeInteger(lo) && Number.isSafeInteger(hi);
    if (integral && span <= 8 * n + 4096) {
      // Integer buckets (| 0): keys are whole cents here, and V8 indexes faster by int than by double.
      // Bucketed and counted in one pass.
      const { bucket } = this;
      const counts = this.countsFor(span + 1);
      for (let i = 0; i < n; i++) {
        const k = keys[i];
        if (k === k) counts[(bucket[i] = (k - lo) | 0)]++;
        else bucket[i] = -1;
      }
      return this.placeInto(counts, span);
    }
    if (integral && (span + 1) * n < Number.MAX_SAFE_INTEGER) {
      if (this.packed.length < n) this.packed = new Float64Array(n);
      const { packed, order } = this;
      let m = 0;
      for (let i = 0; i < n; i++) if (keys[i] === keys[i]) packed[m++] = (keys[i] - lo) * n + i;
      const sorted = packed.subarray(0, m).sort();
      for (let p = 0; p < m; p++) order[p] = sorted[m - 1 - p] % n;
      return m;
    }
    return this.countInto(this.distinctPlaces(keys));
  }

  /** The entities by `bucket` (0 … top; -1 left out) into `order`, highest bucket first; how many. */
  private countInto(top: number): number {
    const { bucket } = this;
    const counts = this.countsFor(top + 1);
    for (let i = 0; i < this.n; i++) if (bucket[i] >= 0) counts[bucket[i]]++;
    return this.placeInto(counts, top);
  }

  /** The entities into `order` by `bucket`, given each bucket's count; how many are placed. */
  private placeInto(counts: Int32Array, top: number): number {
    const { bucket, order } = this;
    const n = this.n;
    // Top down, each bucket's first place in the order: the count of keys above it.
    let above = 0;
    for (let b = top; b >= 0; b--) {
      const c = counts[b];
      counts[b] = above;
      above += c;
    }
    for (let i = 0; i < n; i++) if (bucket[i] >= 0) order[counts[bucket[i]]++] = i;
    return above;
  }

  /** Each key's place among the distinct keys, lowest 0, into `bucket` (NaN: -1); the highest place. */
  private distinctPlaces(keys: Float64Array): number {
    const n = this.n;
    let nan = false;
    for (let i = 0; i < n && !nan; i++) nan = keys[i] !== keys[i];
    const sorted = (nan ? keys.subarray(0, n).filter((k) => k === k) : keys.slice(0, n)).sort();
    let m = 0;
    for (let j = 0; j < sorted.length; j++) if (j === 0 || sorted[j] !== sorted[m - 1]) sorted[m++] = sorted[j];
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (k !== k) {
        this.bucket[i] = -1;
        continue;
      }
      let a = 0;
      let b = m - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (sorted[mid] < k) a = mid + 1;
        else b = mid;
      }
      this.bucket[i] = a;
    }
    return m - 1;
  }

  private countsFor(size: number): Int32Array {
    if (this.counts.length < size) this.counts = new Int32Array(Math.max(size, 2 * this.counts.length));
    else this.counts.fill(0, 0, size);
    return this.counts;
  }

  private groupBuffers(groups: number): { seen: Int32Array; lastKey: Float64Array; lastRank: Int32Array } {
    if (this.seen.length < groups) {
      this.seen = new Int32Array(groups);
      this.lastKey = new Float64Array(groups);
      this.lastRank = new Int32Array(groups);
    }
    this.seen.fill(0, 0, groups);
    this.lastKey.fill(NaN, 0, groups);
    return { seen: this.seen, lastKey: this.lastKey, lastRank: this.lastRank };
  }
}

/** The least and greatest key that is not NaN (lo > hi when every key is NaN). */
function keyRange(keys: Float64Array, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  return [lo, hi];
}
