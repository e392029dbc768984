// Sobol indices on a model whose answer is known, and on the 2020 data.
import { sobol, type Dataset } from "../../../src/core";
import { dataset2020 } from "../../../src/data";
import { small } from "./helpers";

describe("a model where only the coefficient moves the ranks", () => {
  // Each district's inputs are all equal (v, v, v): arithmetic and geometric means are both v, and
  // the weights cannot matter. The coefficient reverses the order: applied, d1 leads; not, d4 does.
  // Y is 0 or c > 0 with probability ½ each, so S = ST = 1 for the coefficient and 0 for the rest.
  const ds: Dataset = small(
    [
      ["d1", "r", 50, 50, 50],
      ["d2", "r", 60, 60, 60],
      ["d3", "r", 70, 70, 70],
      ["d4", "r", 80, 80, 80],
    ],
    [1, 0.8, 0.65, 0.5],
  );
  const { result, issues } = sobol(ds, { samples: 2000, seed: 7 });
  const f = Object.fromEntries(result!.factors.map((x) => [x.key, x]));
  it("runs N·(d + 2) times: 2000 · (4 + 2)", () => {
    expect(issues).toEqual([]);
    expect(result!.factors.map((x) => x.key)).toEqual(["aggregation", "treatment", "coefficient", "weights"]);
    expect(result!.runs).toBe(12_000);
  });
  it("the coefficient explains it all", () => {
    expect(f.coefficient.first).toBeGreaterThan(0.9);
    expect(f.coefficient.first).toBeLessThan(1.1);
    expect(f.coefficient.total).toBeGreaterThan(0.9);
    expect(f.coefficient.total).toBeLessThan(1.1);
    expect(f.coefficient.totalCI![0]).toBeLessThanOrEqual(f.coefficient.total!);
    expect(f.coefficient.totalCI![1]).toBeGreaterThanOrEqual(f.coefficient.total!);
  });
  it("the other choices have indices of exactly 0", () => {
    for (const key of ["aggregation", "treatment", "weights"]) expect([f[key].first, f[key].total]).toEqual([0, 0]);
  });
  it("rank intervals: with the coefficient off d1 ranks 4th, d4 1st", () => {
    expect(result!.districts.map((d) => [d.district, d.baseline, d.p5, d.p95])).toEqual([
      ["d1", 1, 1, 4],
      ["d2", 2, 2, 3],
      ["d3", 3, 2, 3],
      ["d4", 4, 1, 4],
    ]);
  });
});

describe("the 2020 data", () => {
  const { result, issues } = sobol(dataset2020(), { samples: 400, seed: 1, bootstrap: 200 });
  it("every choice is a factor; indices within [0, 1] up to sampling error, first ≤ total", () => {
    expect(issues).toEqual([]);
    expect(result!.factors.map((x) => x.key)).toEqual(["aggregation", "treatment", "coefficient", "weights"]);
    for (const x of result!.factors) {
      expect(x.first!).toBeGreaterThan(-0.1);
      expect(x.total!).toBeLessThan(1.1);
      expect(x.first!).toBeLessThanOrEqual(x.total! + 0.1);
    }
  });
  it("the aggregation method matters most (the geometric mean reorders the districts most)", () => {
    const order = [...result!.factors].sort((a, b) => b.total! - a.total!).map((x) => x.key);
    expect(order[0]).toBe("aggregation");
  });
  it("the same seed repeats the run; another seed differs", () => {
    expect(sobol(dataset2020(), { samples: 400, seed: 1, bootstrap: 200 }).result).toEqual(result);
    expect(sobol(dataset2020(), { samples: 400, seed: 2, bootstrap: 200 }).result!.factors[0].first).not.toBe(result!.factors[0].first);
  });
});

it("bad options are issues, not exceptions", () => {
  const { result, issues } = sobol(dataset2020(), { samples: 1, perturbation: 1.5 });
  expect(result).toBeUndefined();
  expect(issues.map((i) => i.code)).toEqual(["sobol-samples", "sobol-perturbation"]);
});

describe("raw-data mode: the normalisation method is a choice too", () => {
  // Raw statistics = the 2020 index numbers × 0.4, normalised by ratio to a benchmark of 40:
  // the index numbers again. Alternatives: min-max and z-score over the districts.
  const ds = dataset2020();
  const raw: Dataset = { ...ds, inputs: ds.inputs.map((x) => x * 0.4) };
  const settings = new Map(
    ds.framework.leaves.map((leaf) => [leaf, { indicator: leaf, method: "ratio" as const, direction: "higher" as const, benchmark: 40 }]),
  );
  const { result, issues } = sobol(ds, { samples: 300, seed: 1, bootstrap: 50, raw: { dataset: raw, settings } });
  it("min-max gives the worst district 0, so it is dropped (the geometric mean stays a choice), with a warning", () => {
    expect(result!.factors.map((f) => f.key)).toEqual(["aggregation", "treatment", "normalisation", "coefficient", "weights"]);
    expect(result!.factors[2].levels).toEqual(["as set", "zscore"]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([["warning", "sobol-no-geometric"]]);
    expect(issues[0].en).toMatch(/^minmax normalisation/);
    expect(result!.runs).toBe(300 * 7);
  });
  it("the baseline ranks are the report's: ratio to the benchmark gives the index numbers back", () => {
    const plain = sobol(ds, { samples: 300, seed: 1, bootstrap: 50 }).result!;
    expect(result!.districts.map((d) => d.baseline)).toEqual(plain.districts.map((d) => d.baseline));
  });
});
