// The results at a glance, as plain data: top districts and the averages the report prints.
import type { District } from "../core";
import { round2 } from "../core";
import type { Scores } from "../core";

export interface Glance {
  /** The composite, then the first-level indicators. */
  codes: string[];
  /** Districts ranked 1 to `n` over the city (ties included), best first. */
  top: { rank: number; district: District; value: number }[];
  /** One row per scope: the city, then each region. */
  averages: { scope: string; values: number[] }[];
}

export function glance(s: Scores, n = 3): Glance {
  const fw = s.dataset.framework;
  const K = fw.order.length;
  const root = fw.index.get(fw.root)!;
  const codes = [fw.root, ...fw.indicators.get(fw.root)!.children];
  const top = s.dataset.districts
    .map((district, i) => ({ rank: s.cityRanks[i * K + root], district, value: s.values[i * K + root] }))
    .filter((x) => x.rank <= n)
    .sort((a, b) => a.rank - b.rank);
  const scopes = ["city", ...s.dataset.regions.map((r) => r.id)];
  const averages = scopes.map((scope) => ({ scope, values: codes.map((c) => s.averages.get(scope)![fw.index.get(c)!]) }));
  return { codes, top, averages };
}

/** Two decimals as the report prints them, with the locale's digit grouping (1,234.50). */
export const fixed2 = (x: number): string =>
  Number.isFinite(x) ? round2(x).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "—";
