/**
 * Whether a Pearson correlation is distinguishable from zero: the two-sided test of r with n
 * pairs, t = r·√((n−2)/(1−r²)) on n − 2 degrees of freedom. Its p-value is the regularized
 * incomplete beta I_x(ν/2, 1/2) at x = ν/(ν+t²) = 1 − r², so no t table is needed.
 */
import type { Stat } from "./stats";

/** The level of the test: a correlation is flagged when p < 5%. */
export const SIGNIFICANCE = 0.05;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits). */
export function lnGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = g[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta (modified Lentz), for x < (a+1)/(a+b+2). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b), 0 ≤ x ≤ 1, a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** Two-sided p-value of Student's t with ν degrees of freedom. */
export function tTwoSided(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Two-sided p-value of Pearson's r over n pairs (H0: no correlation). Null below 3 pairs
 * (no degree of freedom left) or without an r.
 */
export function correlationP(r: Stat, n: number): Stat {
  if (r === null || !(n >= 3)) return null;
  const df = n - 2;
  if (Math.abs(r) >= 1) return 0;
  return incompleteBeta(1 - r * r, df / 2, 0.5);
}

/**
 * The smallest |r| that the two-sided test at `level` calls significant with n pairs: the root
 * of correlationP(r, n) = level, found by bisection (p falls as |r| rises). Null below 3 pairs.
 */
export function criticalR(n: number, level = SIGNIFICANCE): Stat {
  if (!(n >= 3)) return null;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (correlationP(mid, n)! > level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
