import type { Issue, Scores } from "../core";

export interface DistrictJson {
  district: string;
  region: string;
  coefficient: number;
  /** Every framework code, unrounded. */
  values: Record<string, number>;
  /**
   * Competition ranks at the assessment's decimals, over all and within the region; null where
   * the entity has no value (not scored) or, within the region, no region.
   */
  ranks: Record<string, { city: number | null; region: number | null }>;
}

export interface ScoresJson {
  districts: DistrictJson[];
  /** `city` and one entry per region (`central`, `suburban`), every framework code. */
  averages: Record<string, Record<string, number>>;
  issues: Issue[];
}

/** The `sci score --json` document. Without scores (input errors) only the issues are filled. */
export function scoresJson(s: Scores | undefined, issues: readonly Issue[]): ScoresJson {
  if (!s) return { districts: [], averages: {}, issues: [...issues] };
  const { framework: fw, districts, coefficients } = s.dataset;
  const K = fw.order.length;
  const byCode = <T>(f: (code: string, k: number) => T) => Object.fromEntries(fw.order.map((code, k) => [code, f(code, k)]));
  return {
    districts: districts.map((d, i) => ({
      district: d.id,
      region: d.region,
      coefficient: coefficients[i],
      values: byCode((_, k) => s.values[i * K + k]),
      ranks: byCode((_, k) => ({ city: s.cityRanks[i * K + k] || null, region: s.regionRanks[i * K + k] || null })),
    })),
    averages: Object.fromEntries([...s.averages].map(([scope, avg]) => [scope, byCode((_, k) => avg[k])])),
    issues: [...issues],
  };
}
