// Magnitudes an index table should not have: raw statistics taken for index numbers (medians
// orders of magnitude apart), and one value far from the rest of its column.

/** Index numbers of one assessment lie within two orders of magnitude of each other. */
const RAW_SPREAD = 100;
/** A value this many times above or below its column's median is pointed out; at most so many times. */
const MAGNITUDE = 100;
const MAGNITUDE_LIMIT = 50;

/** The median of column j's values present, from at most 1,001 rows spread over the table. */
function columnMedian(inputs: Float64Array, n: number, L: number, j: number): number {
  const step = Math.max(1, Math.floor(n / 1001));
  const xs: number[] = [];
  for (let i = 0; i < n; i += step) if (inputs[i * L + j] === inputs[i * L + j]) xs.push(Math.abs(inputs[i * L + j]));
  if (!xs.length) return NaN;
  xs.sort((a, b) => a - b);
  return xs[xs.length >> 1];
}

/**
 * The input indicators with the least and greatest median (of the values present) when they are
 * RAW_SPREAD or more apart and the greatest is beyond any plausible index (`max`): a table of raw
 * statistics (dollars beside years) taken for index numbers.
 */
export function rawLooking(
  inputs: Float64Array,
  n: number,
  leaves: readonly string[],
  max: number,
): { low: { code: string; median: number }; high: { code: string; median: number } } | undefined {
  const L = leaves.length;
  if (L < 2 || n === 0) return undefined;
  let low: { code: string; median: number } | undefined;
  let high: { code: string; median: number } | undefined;
  // Medians of at most 1,001 values spread over the rows: orders of magnitude need no more, and
  // 100,000 entities × 38 indicators are not sorted for it.
  for (let j = 0; j < L; j++) {
    const median = columnMedian(inputs, n, L, j);
    if (!(median > 0)) continue;
    if (!low || median < low.median) low = { code: leaves[j], median };
    if (!high || median > high.median) high = { code: leaves[j], median };
  }
  return low && high && high.median > max && high.median >= RAW_SPREAD * low.median ? { low, high } : undefined;
}

/** Values MAGNITUDE times above or below their column's median (at most MAGNITUDE_LIMIT of them). */
export function outlyingValues(inputs: Float64Array, n: number, L: number): { i: number; j: number; value: number; median: number }[] {
  const out: { i: number; j: number; value: number; median: number }[] = [];
  for (let j = 0; j < L && out.length < MAGNITUDE_LIMIT; j++) {
    const median = columnMedian(inputs, n, L, j);
    if (!(median > 0)) continue;
    for (let i = 0; i < n && out.length < MAGNITUDE_LIMIT; i++) {
      const value = inputs[i * L + j];
      if (value > 0 && (median / value >= MAGNITUDE || value / median >= MAGNITUDE)) out.push({ i, j, value, median });
    }
  }
  return out;
}
