import type { Framework } from "../framework";
import { correlationP, SIGNIFICANCE } from "./significance";
import { distributionOf, isOutlier, pearson, spearman, type Distribution, type Stat } from "./stats";

/** Sibling pairs correlated beyond this are flagged as (nearly) collinear. */
export const COLLINEAR_R = 0.9;

export interface IndicatorAudit extends Distribution {
  code: string;
  parent: string;
  /** The JRC rule: |skew| ≥ 2 and kurtosis ≥ 3.5. */
  outlier: boolean;
  /** Pearson's r with the parent's values (the composite's for a first-level indicator). */
  rParent: Stat;
  /** Two-sided p-value of rParent (H0: no correlation), over the districts with both values. */
  pParent: Stat;
  rComposite: Stat;
  /** Spearman's rho (average ranks for ties) with the composite. */
  rhoComposite: Stat;
}

/** The correlation matrix of one parent's children: r[a][b] over the districts. */
export interface CorrelationMatrix {
  parent: string;
  codes: string[];
  r: Stat[][];
}

export interface Coherence {
  /** Every indicator except the composite, in framework order. */
  indicators: IndicatorAudit[];
  matrices: CorrelationMatrix[];
  /** Cronbach's alpha of every parent with two or more children. */
  cronbach: { parent: string; alpha: Stat }[];
  /** Sibling pairs with |r| > 0.9. */
  collinear: [string, string, number][];
  /**
   * Indicators that correlate negatively with their parent, distinguishably from zero (two-sided
   * test of r at 5%): the direction may be wrong.
   */
  negative: [string, number][];
  /** Indicators whose r with the parent is below 0 but not distinguishable from 0: weakly related, a note. */
  weak: [string, number][];
}

/** One indicator's values over the districts, from a row-major values array. */
export function columnOf(values: ArrayLike<number>, n: number, K: number, k: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i * K + k];
  return out;
}

/** Districts where both columns have a value: the n of their correlation. */
function pairs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) n++;
  return n;
}

/**
 * Cronbach's alpha of a set of columns: k/(k−1) · (1 − Σ var(item) / var(sum)), sample
 * variances over the districts with every item present. Null for fewer than two items or two
 * complete rows, or a sum with no variance.
 */
export function cronbachAlpha(items: readonly ArrayLike<number>[]): Stat {
  const k = items.length;
  if (k < 2) return null;
  const rows: number[] = [];
  for (let i = 0; i < items[0].length; i++) if (items.every((c) => Number.isFinite(c[i]))) rows.push(i);
  const m = rows.length;
  if (m < 2) return null;
  const variance = (xs: number[]) => {
    const mu = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1);
  };
  const itemVar = items.reduce((s, c) => s + variance(rows.map((i) => c[i])), 0);
  const totalVar = variance(rows.map((i) => items.reduce((s, c) => s + c[i], 0)));
  if (!(totalVar > 1e-12 * Math.max(1, itemVar))) return null;
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}

/**
 * Distribution, correlation with parent and composite, the correlation matrix and alpha within
 * each parent, and the flags, over `values` (row-major over `framework.order`, as Scores.values).
 */
export function coherence(fw: Framework, values: ArrayLike<number>, n: number): Coherence {
  const K = fw.order.length;
  const columns = fw.order.map((_, k) => columnOf(values, n, K, k));
  const composite = columns[0];
  const col = (code: string) => columns[fw.index.get(code)!];
  const indicators: IndicatorAudit[] = fw.order.slice(1).map((code) => {
    const x = col(code);
    const parent = fw.indicators.get(code)!.parent!;
    const d = distributionOf(x);
    const rParent = pearson(x, col(parent));
    return {
      code,
      parent,
      ...d,
      outlier: isOutlier(d),
      rParent,
      pParent: correlationP(rParent, pairs(x, col(parent))),
      rComposite: pearson(x, composite),
      rhoComposite: spearman(x, composite),
    };
  });
  const matrices: CorrelationMatrix[] = [];
  const cronbach: Coherence["cronbach"] = [];
  const collinear: Coherence["collinear"] = [];
  for (const code of fw.order) {
    const children = fw.indicators.get(code)!.children;
    if (children.length < 2) continue;
    const r = children.map((a) => children.map((b) => (a === b ? 1 : pearson(col(a), col(b)))));
    // A constant child has no correlation, not even with itself.
    children.forEach((a, i) => (r[i][i] = distributionOf(col(a)).sd ? 1 : null));
    matrices.push({ parent: code, codes: [...children], r });
    cronbach.push({ parent: code, alpha: cronbachAlpha(children.map(col)) });
    for (let i = 0; i < children.length; i++)
      for (let j = i + 1; j < children.length; j++) {
        const v = r[i][j];
        if (v !== null && Math.abs(v) > COLLINEAR_R) collinear.push([children[i], children[j], v]);
      }
  }
  const below = indicators.filter((i) => i.rParent !== null && i.rParent < 0);
  const significant = (i: IndicatorAudit) => i.pParent !== null && i.pParent < SIGNIFICANCE;
  const negative = below.filter(significant).map((i) => [i.code, i.rParent!] as [string, number]);
  const weak = below.filter((i) => !significant(i)).map((i) => [i.code, i.rParent!] as [string, number]);
  return { indicators, matrices, cronbach, collinear, negative, weak };
}
