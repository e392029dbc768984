import type { Dataset } from "../dataset";
import { competitionRanks } from "../ranks";
import type { Rounding } from "../score";
import { aggregateInto, type Aggregation } from "./aggregate";

export interface RemoveOne {
  indicator: string;
  /** Null when dropping it leaves the composite without children. */
  meanAbsRankShift: number | null;
  maxRankShift: number | null;
  /** Each district's city rank without the indicator minus with it (negative: moves up). */
  shifts: number[] | null;
}

export interface RemoveOneOptions {
  method?: Aggregation;
  coefficient?: boolean;
  rounding?: Rounding;
}

/**
 * For every indicator at every level: drop it (its siblings' weights renormalised; a parent
 * left without children is dropped too), rescore the composite and compare each district's
 * city rank (competition ranks on 2 decimals) with the rank under the full framework.
 */
export function removeOne(ds: Dataset, opts: RemoveOneOptions = {}): RemoveOne[] {
  const fw = ds.framework;
  const K = fw.order.length;
  const n = ds.districts.length;
  const o = { method: opts.method ?? "arithmetic", coefficient: opts.coefficient ?? true, rounding: opts.rounding ?? ds.rounding ?? "exact" } as const;
  const out = new Float64Array(n * K);
  const composites = () => Float64Array.from({ length: n }, (_, i) => out[i * K]);
  aggregateInto(fw, ds.inputs, ds.coefficients, out, o);
  const base = competitionRanks(composites());
  const weights = Float64Array.from(fw.weightOf);
  return fw.order.slice(1).map((code) => {
    const k = fw.index.get(code)!;
    weights[k] = 0;
    aggregateInto(fw, ds.inputs, ds.coefficients, out, { ...o, weights });
    weights[k] = fw.weightOf[k];
    const c = composites();
    if (c.some((x) => Number.isNaN(x))) return { indicator: code, meanAbsRankShift: null, maxRankShift: null, shifts: null };
    const ranks = competitionRanks(c);
    const shifts = Array.from(ranks, (r, i) => r - base[i]);
    const abs = shifts.map(Math.abs);
    return { indicator: code, meanAbsRankShift: abs.reduce((s, x) => s + x, 0) / n, maxRankShift: Math.max(0, ...abs), shifts };
  });
}
