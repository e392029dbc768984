import type { Framework } from "../framework";
import { columnOf } from "./coherence";
import { pearson, type Stat } from "./stats";

export interface Importance {
  indicator: string;
  /** Nominal weight in the composite: the product of the weights along its path. */
  weight: number;
  /** Squared Pearson correlation with the composite. */
  r2: Stat;
  /** r2 as a share of the sum of every input indicator's r2 (compare with `weight`). */
  share: Stat;
}

/** Effective weight vs squared correlation with the composite, for every input indicator. */
export function importance(fw: Framework, values: ArrayLike<number>, n: number): Importance[] {
  const K = fw.order.length;
  const composite = columnOf(values, n, K, 0);
  const r2 = fw.leaves.map((leaf) => {
    const r = pearson(columnOf(values, n, K, fw.index.get(leaf)!), composite);
    return r === null ? null : r * r;
  });
  const total = r2.reduce<number>((s, x) => s + (x ?? 0), 0);
  return fw.leaves.map((leaf, j) => ({
    indicator: leaf,
    weight: fw.leafWeights[j],
    r2: r2[j],
    share: r2[j] === null || !(total > 0) ? null : r2[j]! / total,
  }));
}
