// Class breaks for a choropleth, on values at the 2 decimals the report prints and ranks by.
import { round2 } from "../core";

/**
 * quantile: equal counts; equal: equal widths; tiers: fixed 10-point bands about the benchmark
 * 100 (for k = 5: below 90, 90–100, 100–110, 110–120, 120 and above), the same for every year.
 */
export type ClassMethod = "quantile" | "equal" | "tiers";

export const CLASS_METHODS: readonly ClassMethod[] = ["quantile", "equal", "tiers"];

/** The width of a tier, in index points: 100 is the benchmark, so 110–120 is "10–20 above". */
export const TIER_STEP = 10;

/**
 * A spread narrower than this share of the values' mean is narrow: five strong classes over
 * 108.62–110.89 would make 2 points look large, so it gets at most NARROW_CLASSES classes and
 * a shortened colour ramp.
 */
export const NARROW_SPREAD = 0.05;
export const NARROW_CLASSES = 2;

/** How many classes `n` values get when `k` are asked: at least two values a class on average. */
export const classesFor = (n: number, k: number): number => Math.max(1, Math.min(Math.floor(k), Math.floor(n / 2)));

/** (max − min) / mean of |values|, at 2 decimals; 0 for fewer than two values. */
export function relativeSpread(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).map(round2);
  if (v.length < 2) return 0;
  const mean = v.reduce((t, x) => t + Math.abs(x), 0) / v.length;
  return mean === 0 ? 0 : (Math.max(...v) - Math.min(...v)) / mean;
}

/**
 * Ascending breaks b₀ < … < bₘ with b₀ the lowest value and bₘ the highest; class j holds the
 * values in [bⱼ, bⱼ₊₁), the last class also bₘ. Every break is at 2 decimals, so a value shown
 * at 2 decimals lies between its class's breaks as shown. No class holds only the highest value
 * as a class of its own range (133.41 – 133.41): a break equal to the highest is dropped. Fewer
 * than `k` classes come out when values tie or (tiers) the values span fewer bands. All values
 * equal: one class [v, v]. No values: no breaks.
 */
export function classBreaks(values: readonly number[], method: ClassMethod, k = 5): number[] {
  const v = values
    .filter(Number.isFinite)
    .map(round2)
    .sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return [];
  const [min, max] = [v[0], v[n - 1]];
  const classes = Math.max(1, Math.floor(k));
  let inner: number[] = [];
  if (method === "quantile") inner = Array.from({ length: classes - 1 }, (_, j) => v[Math.ceil(((j + 1) * n) / classes)]);
  else if (method === "equal") inner = Array.from({ length: classes - 1 }, (_, j) => round2(min + ((j + 1) * (max - min)) / classes));
  else {
    // k − 1 breaks on the 10-point grid, one more above 100 than below; the outer tiers are open.
    const above = Math.floor((classes - 1) / 2);
    inner = Array.from({ length: classes - 1 }, (_, j) => 100 + TIER_STEP * (j - (classes - 2 - above)));
  }
  const unique = [...new Set(inner.filter((b) => b !== undefined && b > min && b < max))].sort((a, b) => a - b);
  return [min, ...unique, max];
}

/** The class of a value under these breaks (0 = lowest), or -1 for no value. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!Number.isFinite(value) || breaks.length < 2) return -1;
  const x = round2(value);
  let c = 0;
  for (let j = 1; j < breaks.length - 1; j++) if (x >= breaks[j]) c = j;
  return c;
}

/**
 * Quantile classes of one value merged into a neighbour (the nearer one), so no class stands for
 * a single entity by accident of where the quantiles fell.
 */
export function mergeSingles(values: readonly number[], breaks: number[]): number[] {
  let b = [...breaks];
  for (;;) {
    if (b.length <= 2) return b;
    const counts = Array.from({ length: b.length - 1 }, () => 0);
    for (const x of values) if (Number.isFinite(x)) counts[classOf(x, b)]++;
    const j = counts.findIndex((c) => c === 1);
    if (j < 0) return b;
    // Drop the break that joins class j to its smaller neighbour.
    const left = j > 0 ? counts[j - 1] : Infinity;
    const right = j < counts.length - 1 ? counts[j + 1] : Infinity;
    b = b.filter((_, i) => i !== (left <= right ? j : j + 1));
  }
}
