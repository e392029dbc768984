/**
 * Rounds to 2 decimals as the report prints, half away from zero on the decimal value:
 * 120.505 is stored as 120.50499…, and toPrecision(12) removes that binary noise first.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const y = Math.abs(x) * 100;
  // toPrecision(12) moves y by under 1e-11·y, so it can only change the result next to a
  // half-cent; elsewhere skip it (ranking calls this for every value of every indicator).
  if (Math.abs(y - Math.floor(y) - 0.5) > 1e-9 * Math.max(1, y)) return (Math.sign(x) * Math.round(y)) / 100;
  const scaled = Number(y.toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / 100;
}

/** `round2(x) × 100` as an integer (for finite x), without the division and the second rounding. */
function centsOf(x: number): number {
  const y = Math.abs(x) * 100;
  const c = Math.abs(y - Math.floor(y) - 0.5) > 1e-9 * Math.max(1, y) ? Math.round(y) : Math.round(Number(y.toPrecision(12)));
  return x < 0 ? -c : c;
}

/**
 * Competition ranks ("1, 1, 3"), highest first, on values rounded to 2 decimals. O(n + range)
 * by counting when the values span a modest range of cents (index numbers always do), else
 * O(n log n) by sorting. A NaN ranks first and is above no one, as a comparison would have it.
 */
export function competitionRanks(values: ArrayLike<number>, out = new Int32Array(values.length)): Int32Array {
  const n = values.length;
  const keys = scratchKeys(n);
  centsInto(values, keys);
  return ranksOfCents(keys.subarray(0, n), out);
}

/** Each value's key for ranking: its cents at 2 decimals (NaN stays NaN, ±Infinity stays). */
export function centsInto(values: ArrayLike<number>, keys: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    keys[i] = Number.isFinite(v) ? centsOf(v) : v === v ? Math.round(v) : NaN;
  }
  return keys;
}

/** Competition ranks from keys made by centsInto: one key column ranked for many groups. */
export function ranksOfCents(keys: Float64Array, out = new Int32Array(keys.length)): Int32Array {
  const n = keys.length;
  let lo = Infinity;
  let hi = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k !== k) continue; // NaN
    if (!Number.isSafeInteger(k)) integral = false;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo > hi) return out.fill(1);
  const span = hi - lo;
  // Counting pays when the span of cents is not much wider than the number of values.
  if (integral && span <= 32 * n + 4096) {
    const rankAt = scratchCounts(span + 1);
    // Integer indices (| 0): keys are whole cents here, and V8 indexes faster by int than by double.
    for (let i = 0; i < n; i++) if (keys[i] === keys[i]) rankAt[(keys[i] - lo) | 0]++;
    // Top down: a value's rank is one more than the count of values above it.
    for (let b = span, above = 0; b >= 0; b--) {
      const c = rankAt[b];
      rankAt[b] = above + 1;
      above += c;
    }
    for (let i = 0; i < n; i++) out[i] = keys[i] === keys[i] ? rankAt[(keys[i] - lo) | 0] : 1;
    return out;
  }
  let nan = false;
  for (let i = 0; i < n && !nan; i++) nan = keys[i] !== keys[i];
  const sorted = nan
    ? keys
        .subarray(0, n)
        .filter((k) => k === k)
        .sort()
    : keys.slice(0, n).sort();
  const m = sorted.length;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k !== k) {
      out[i] = 1;
      continue;
    }
    // First position holding a key greater than k: everything from there on is above k.
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid] <= k) a = mid + 1;
      else b = mid;
    }
    out[i] = m - a + 1;
  }
  return out;
}

// Ranking runs once per indicator and group: reuse its buffers rather than allocate each time.
let keyBuffer = new Float64Array(0);
let countBuffer = new Int32Array(0);
function scratchKeys(n: number): Float64Array {
  if (keyBuffer.length < n) keyBuffer = new Float64Array(Math.max(n, 2 * keyBuffer.length));
  return keyBuffer;
}
function scratchCounts(n: number): Int32Array {
  if (countBuffer.length < n) countBuffer = new Int32Array(Math.max(n, 2 * countBuffer.length));
  countBuffer.fill(0, 0, n);
  return countBuffer;
}
