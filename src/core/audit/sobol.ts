import type { Dataset } from "../dataset";
import { issue, type Issue } from "../issue";
import { normalise, type NormaliseMethod, type NormaliseSettings } from "../normalise";
import { mulberry32, seedOf } from "../random";
import { competitionRanks } from "../ranks";
import { SENSITIVITY_DEFAULTS } from "../sensitivity";
import { aggregateInto, type Aggregation } from "./aggregate";
import type { Stat } from "./stats";
import { treat } from "./treat";

/** A choice the index's builders made, and the alternatives tested. The first level is the report's. */
export interface Factor {
  key: "aggregation" | "treatment" | "normalisation" | "coefficient" | "weights";
  zh: string;
  en: string;
  levels: string[];
  /** First-order and total-order Sobol indices of the mean absolute rank shift, with 95% bootstrap intervals. */
  first: Stat;
  total: Stat;
  firstCI: [number, number] | null;
  totalCI: [number, number] | null;
}

export interface SobolDistrict {
  district: string;
  /** City rank under the report's choices. */
  baseline: number;
  /** Median and 5th/95th percentile (nearest rank) city ranks over the A and B runs. */
  median: number;
  p5: number;
  p95: number;
}

export interface Sobol {
  /** Base samples; the model ran N·(d + 2) times. */
  samples: number;
  runs: number;
  seed: number;
  perturbation: number;
  bootstrap: number;
  factors: Factor[];
  /** Mean and variance of the output (the mean absolute city-rank shift) over the A and B runs. */
  output: { mean: number; variance: number };
  districts: SobolDistrict[];
}

export interface SobolOptions {
  /** Base samples N (default 1,000). */
  samples?: number;
  seed?: number | string;
  /** Each weight is multiplied by a uniform factor in [1 − p, 1 + p] (default 0.1). */
  perturbation?: number;
  /** Bootstrap resamples for the confidence intervals (default 500). */
  bootstrap?: number;
  /** Raw-data mode: the raw dataset and its settings, so the normalisation method is a choice too. */
  raw?: { dataset: Dataset; settings: NormaliseSettings };
}

export const SOBOL_DEFAULTS = { samples: 1000, bootstrap: 500 } as const;
const NORMALISATION_LEVELS: readonly ("as set" | NormaliseMethod)[] = ["as set", "minmax", "zscore"];

/**
 * Variance-based sensitivity of the ranking to the builders' choices (Saltelli et al. 2010):
 * aggregation (arithmetic or geometric), outlier treatment (none or the JRC rule), the
 * normalisation method (raw mode: as set, min-max or z-score), the coefficient if the
 * assessment has one (applied or not) and the weights (each perturbed by ±p, siblings renormalised; one group). The output is
 * the mean absolute shift of the districts' city ranks from the report's choices. Two N×D
 * matrices A and B of seeded uniforms, and for each factor A with that factor's columns from
 * B: N·(d + 2) runs. First order by Saltelli 2010, total order by Jansen 1999; intervals from
 * bootstrap resamples of the N rows. `ds` is the dataset as the report scores it (index numbers).
 */
export function sobol(ds: Dataset, options: SobolOptions = {}): { result?: Sobol; issues: Issue[] } {
  const issues: Issue[] = [];
  const N = options.samples ?? SOBOL_DEFAULTS.samples;
  const p = options.perturbation ?? SENSITIVITY_DEFAULTS.perturbation;
  const R = options.bootstrap ?? SOBOL_DEFAULTS.bootstrap;
  const seed = seedOf(options.seed ?? SENSITIVITY_DEFAULTS.seed);
  if (!(Number.isInteger(N) && N >= 2 && N <= 100_000))
    issues.push(issue("error", "sobol-samples", `样本数「${N}」须为 2 至 100000 的整数`, `samples "${N}" must be a whole number from 2 to 100000`));
  if (!(Number.isFinite(p) && p >= 0 && p < 1))
    issues.push(issue("error", "sobol-perturbation", `权重扰动幅度「${p}」须在 [0, 1) 内`, `perturbation "${p}" must be in [0, 1)`));
  if (!(Number.isInteger(R) && R >= 0 && R <= 10_000))
    issues.push(issue("error", "sobol-bootstrap", `自助重抽样次数「${R}」须为 0 至 10000 的整数`, `bootstrap "${R}" must be a whole number from 0 to 10000`));
  if (ds.districts.length < 2) issues.push(issue("error", "sobol-districts", "至少需要两个行政区", "at least two districts are needed"));
  if (issues.length) return { issues };

  const fw = ds.framework;
  const K = fw.order.length;
  const n = ds.districts.length;
  const rounding = ds.rounding ?? "exact";

  // The inputs under each (treatment, normalisation) pair, computed once.
  let normLevels: ("as set" | NormaliseMethod)[] = options.raw ? [...NORMALISATION_LEVELS] : ["as set"];
  let variants: Float64Array[][] = []; // [treatment][normalisation]
  for (const treated of [false, true]) {
    const row: Float64Array[] = [];
    for (const method of normLevels) {
      if (!options.raw) row.push(treated ? treat(ds).dataset.inputs : ds.inputs);
      else {
        const raw = treated ? treat(options.raw.dataset).dataset : options.raw.dataset;
        const settings = method === "as set" ? options.raw.settings : alternative(raw, options.raw.settings, method);
        const normalised = normalise(raw, settings, { plausibleMax: Infinity }).dataset;
        if (!normalised) {
          issues.push(issue("error", "sobol-normalisation", `原始数据无法按 ${method} 方法标准化`, `the raw data cannot be normalised by ${method}`));
          return { issues };
        }
        row.push(normalised.inputs);
      }
    }
    variants.push(row);
  }
  const positiveAt = (m: number) => variants.every((r) => r[m].every((v) => Number.isNaN(v) || v > 0));
  // Min-max gives the worst district 0, where the geometric mean is undefined: that method is
  // dropped from the alternatives rather than the aggregation method, which matters more.
  const dropped = normLevels.filter((_, m) => m > 0 && !positiveAt(m));
  if (positiveAt(0) && dropped.length) {
    const keep = normLevels.map((_, m) => m).filter((m) => m === 0 || positiveAt(m));
    variants = variants.map((r) => keep.map((m) => r[m]));
    normLevels = keep.map((m) => normLevels[m]);
    issues.push(
      issue(
        "warning",
        "sobol-no-geometric",
        `${dropped.join("、")} 标准化会产生不大于 0 的值，几何平均不可用，故不作为备选标准化方法`,
        `${dropped.join(", ")} normalisation gives values of 0 or below, where the geometric mean is undefined: it is left out of the alternatives`,
      ),
    );
  }
  const positive = positiveAt(0);
  if (!positive)
    issues.push(
      issue(
        "warning",
        "sobol-no-geometric",
        "部分处理方案下存在不大于 0 的指标值，几何平均不可用，聚合方法不作为不确定因素",
        "some choices give values of 0 or below, where the geometric mean is undefined: the aggregation method is left out",
      ),
    );

  const factors: Omit<Factor, "first" | "total" | "firstCI" | "totalCI">[] = [];
  if (positive) factors.push({ key: "aggregation", zh: "聚合方法", en: "aggregation", levels: ["arithmetic", "geometric"] });
  factors.push({ key: "treatment", zh: "异常值处理", en: "outlier treatment", levels: ["none", "jrc"] });
  if (normLevels.length > 1) factors.push({ key: "normalisation", zh: "标准化方法", en: "normalisation", levels: [...normLevels] });
  // An assessment without a coefficient (every one 1) has no such choice.
  const coefficientName = ds.coefficient?.name ?? { zh: "系数", en: "coefficient" };
  if (ds.coefficient || ds.coefficients.some((c) => c !== 1)) factors.push({ key: "coefficient", ...coefficientName, levels: ["applied", "not applied"] });
  factors.push({ key: "weights", zh: "权重", en: "weights", levels: [`±${+(p * 100).toFixed(6)}%`] });
  const d = factors.length;
  // Columns of the sample matrices: one per discrete factor, then one per weight (the group).
  const W = K - 1;
  const D = d - 1 + W;
  const columnsOf = (f: number): [number, number] => (f < d - 1 ? [f, f + 1] : [d - 1, D]);

  const random = mulberry32(seed);
  const A = new Float64Array(N * D);
  const B = new Float64Array(N * D);
  for (let j = 0; j < N * D; j++) A[j] = random();
  for (let j = 0; j < N * D; j++) B[j] = random();

  const out = new Float64Array(n * K);
  const weights = new Float64Array(K);
  const composite = new Float64Array(n);
  const level = (u: number, levels: number) => Math.min(levels - 1, Math.floor(u * levels));
  const at = (key: Factor["key"]) => factors.findIndex((f) => f.key === key);
  const [fAgg, fTreat, fNorm, fCoef] = [at("aggregation"), at("treatment"), at("normalisation"), at("coefficient")];
  const evaluate = (u: Float64Array, o: number): Int32Array => {
    const method: Aggregation = fAgg >= 0 && level(u[o + fAgg], 2) === 1 ? "geometric" : "arithmetic";
    const inputs = variants[level(u[o + fTreat], 2)][fNorm >= 0 ? level(u[o + fNorm], normLevels.length) : 0];
    const coefficient = fCoef < 0 || level(u[o + fCoef], 2) === 0;
    for (let k = 1; k < K; k++) weights[k] = fw.weightOf[k] * (1 + p * (2 * u[o + d - 1 + k - 1] - 1));
    aggregateInto(fw, inputs, ds.coefficients, out, { method, weights, coefficient, rounding });
    for (let i = 0; i < n; i++) composite[i] = out[i * K];
    return competitionRanks(composite);
  };
  aggregateInto(fw, variants[0][0], ds.coefficients, out, { method: "arithmetic", coefficient: true, rounding });
  for (let i = 0; i < n; i++) composite[i] = out[i * K];
  const base = competitionRanks(composite);
  const counts = new Int32Array(n * n);
  const shift = (ranks: Int32Array, tally: boolean) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += Math.abs(ranks[i] - base[i]);
      if (tally) counts[i * n + ranks[i] - 1]++;
    }
    return s / n;
  };

  const yA = new Float64Array(N);
  const yB = new Float64Array(N);
  const yAB = Array.from({ length: d }, () => new Float64Array(N));
  const mixed = new Float64Array(D);
  for (let r = 0; r < N; r++) {
    yA[r] = shift(evaluate(A, r * D), true);
    yB[r] = shift(evaluate(B, r * D), true);
    for (let f = 0; f < d; f++) {
      mixed.set(A.subarray(r * D, r * D + D));
      const [c0, c1] = columnsOf(f);
      for (let c = c0; c < c1; c++) mixed[c] = B[r * D + c];
      yAB[f][r] = shift(evaluate(mixed, 0), false);
    }
  }

  const indices = (rows: ArrayLike<number>) => {
    const m = rows.length;
    let mu = 0;
    for (let t = 0; t < m; t++) mu += yA[rows[t]] + yB[rows[t]];
    mu /= 2 * m;
    let v = 0;
    for (let t = 0; t < m; t++) v += (yA[rows[t]] - mu) ** 2 + (yB[rows[t]] - mu) ** 2;
    v /= 2 * m;
    return yAB.map((y) => {
      if (!(v > 1e-12)) return { first: null, total: null };
      let s = 0;
      let st = 0;
      for (let t = 0; t < m; t++) {
        const j = rows[t];
        s += yB[j] * (y[j] - yA[j]);
        st += (yA[j] - y[j]) ** 2;
      }
      return { first: s / m / v, total: st / (2 * m) / v };
    });
  };
  const all = Int32Array.from({ length: N }, (_, r) => r);
  const point = indices(all);
  const boot = new Int32Array(N);
  const draws = yAB.map(() => ({ first: [] as number[], total: [] as number[] }));
  for (let b = 0; b < R; b++) {
    for (let t = 0; t < N; t++) boot[t] = Math.floor(random() * N);
    indices(boot).forEach((x, f) => {
      if (x.first !== null) draws[f].first.push(x.first);
      if (x.total !== null) draws[f].total.push(x.total!);
    });
  }
  const ci = (xs: number[]): [number, number] | null => {
    if (!xs.length) return null;
    const s = [...xs].sort((a, b) => a - b);
    const q = (z: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(z * s.length) - 1))];
    return [q(0.025), q(0.975)];
  };
  const ys = [...yA, ...yB];
  const mean = ys.reduce((s, x) => s + x, 0) / ys.length;
  if (point.every((x) => x.first === null))
    issues.push(
      issue(
        "warning",
        "sobol-no-variance",
        "在所有方案下排名均不变：敏感性指数无定义",
        "the ranks do not change under any choice: the sensitivity indices are undefined",
      ),
    );
  return {
    result: {
      samples: N,
      runs: N * (d + 2),
      seed,
      perturbation: p,
      bootstrap: R,
      factors: factors.map((f, i) => ({ ...f, ...point[i], firstCI: ci(draws[i].first), totalCI: ci(draws[i].total) })),
      output: { mean, variance: ys.reduce((s, x) => s + (x - mean) ** 2, 0) / ys.length },
      districts: ds.districts.map((dist, i) => ({ district: dist.id, baseline: base[i], ...quantiles(counts.subarray(i * n, i * n + n), 2 * N) })),
    },
    issues,
  };
}

/** The settings with another method for every indicator whose raw values vary (a constant one keeps its own). */
function alternative(raw: Dataset, settings: NormaliseSettings, method: NormaliseMethod): NormaliseSettings {
  const L = raw.framework.leaves.length;
  const n = raw.districts.length;
  const out = new Map(settings);
  raw.framework.leaves.forEach((leaf, j) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(raw.inputs[i * L + j])) xs.push(raw.inputs[i * L + j]);
    const s = settings.get(leaf)!;
    if (xs.some((x) => x !== xs[0])) out.set(leaf, { indicator: leaf, method, direction: s.direction });
  });
  return out;
}

function quantiles(row: ArrayLike<number>, total: number) {
  const q = (z: number) => {
    const need = Math.max(1, Math.ceil(z * total - 1e-9));
    let seen = 0;
    for (let r = 0; r < row.length; r++) if ((seen += row[r]) >= need) return r + 1;
    return row.length;
  };
  return { median: q(0.5), p5: q(0.05), p95: q(0.95) };
}
