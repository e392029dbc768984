/**
 * Descriptive statistics as a spreadsheet defines them, so an evaluator can check each figure
 * in a cell: sample standard deviation (STDEV.S), SKEW and KURT (Excel's sample skewness and
 * excess kurtosis). Missing values (NaN) are left out. A statistic that is undefined (too few
 * values, no spread) is `null`, never NaN.
 */
export type Stat = number | null;

export interface Distribution {
  n: number;
  mean: Stat;
  sd: Stat;
  min: Stat;
  max: Stat;
  skew: Stat;
  kurtosis: Stat;
}

/** The JRC rule: an indicator whose distribution calls for treatment. */
export const OUTLIER_SKEW = 2;
export const OUTLIER_KURTOSIS = 3.5;

/** The values present (finite), in order. */
export function present(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) out.push(xs[i]);
  return out;
}

export function mean(xs: readonly number[]): Stat {
  if (!xs.length) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/**
 * Whether values differ by more than rounding noise. A column of equal values (all 100) has
 * no spread; its sd may come out as 1e-14 from the mean's rounding, which must not count.
 */
function spread(xs: readonly number[], m: number, sd: number): boolean {
  return sd > 1e-12 * Math.max(1, Math.abs(m)) && xs.some((x) => x !== xs[0]);
}

/** Sample standard deviation (n − 1), as STDEV.S. */
export function sampleSd(xs: readonly number[]): Stat {
  const m = mean(xs);
  if (m === null || xs.length < 2) return null;
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Excel's SKEW: n / ((n−1)(n−2)) · Σ((x − mean)/s)³, s the sample sd. Needs n ≥ 3 and spread. */
export function skewness(xs: readonly number[]): Stat {
  const n = xs.length;
  const t = standardPowerSum(xs, 3, 3);
  return t === null ? null : (n / ((n - 1) * (n - 2))) * t;
}

/**
 * Excel's KURT (excess kurtosis): n(n+1) / ((n−1)(n−2)(n−3)) · Σ((x − mean)/s)⁴
 * − 3(n−1)² / ((n−2)(n−3)). Needs n ≥ 4 and spread.
 */
export function kurtosis(xs: readonly number[]): Stat {
  const n = xs.length;
  const t = standardPowerSum(xs, 4, 4);
  return t === null ? null : ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * t - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

/** Σ((x − mean)/s)^power, s the sample sd; null below `least` values or without spread. */
function standardPowerSum(xs: readonly number[], power: number, least: number): Stat {
  const m = mean(xs);
  const s = sampleSd(xs);
  if (xs.length < least || m === null || s === null || !spread(xs, m, s)) return null;
  let t = 0;
  for (const x of xs) t += ((x - m) / s) ** power;
  return t;
}

export function distributionOf(values: ArrayLike<number>): Distribution {
  const xs = present(values);
  return {
    n: xs.length,
    mean: mean(xs),
    sd: sampleSd(xs),
    min: xs.length ? Math.min(...xs) : null,
    max: xs.length ? Math.max(...xs) : null,
    skew: skewness(xs),
    kurtosis: kurtosis(xs),
  };
}

/** |skew| ≥ 2 and kurtosis ≥ 3.5; an undefined statistic never flags. */
export function isOutlier(d: Pick<Distribution, "skew" | "kurtosis">): boolean {
  return d.skew !== null && d.kurtosis !== null && Math.abs(d.skew) >= OUTLIER_SKEW && d.kurtosis >= OUTLIER_KURTOSIS;
}

/**
 * Pearson's r (as CORREL) over the pairs where both values are present. Null with fewer than
 * two pairs or when either side has no spread. Clamped to [−1, 1] against rounding.
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): Stat {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      xs.push(a[i]);
      ys.push(b[i]);
    }
  const n = xs.length;
  const mx = mean(xs);
  const my = mean(ys);
  if (n < 2 || mx === null || my === null) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!spread(xs, mx, Math.sqrt(sxx / n)) || !spread(ys, my, Math.sqrt(syy / n))) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks 1..n, smallest first, ties sharing the average of their positions (as RANK.AVG ascending). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => xs[i] - xs[j] || i - j);
  const ranks = new Array<number>(xs.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && xs[order[end]] === xs[order[start]]) end++;
    const r = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p]] = r;
    start = end;
  }
  return ranks;
}

/** Spearman's rho: Pearson's r of the average ranks, over the pairs where both are present. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): Stat {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      xs.push(a[i]);
      ys.push(b[i]);
    }
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** The median of the values present, or null. */
export function median(xs: readonly number[]): Stat {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
