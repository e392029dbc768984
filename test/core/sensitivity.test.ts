// Robustness of ranks under perturbed weights (issue 6): checked against a slow reference that
// rebuilds the perturbed framework as rows and scores it with the core's tree walk.
import { buildFramework, round2, score, sensitivity, validate, type Dataset, type FrameworkRow, type Sensitivity } from "../../src/core";
import { sensitivityLayout } from "../../src/report";
import { mulberry32 } from "../../src/core/random";
import { seedOf } from "../../src/core/random";
import { competition, datasetOf, FW, inputRows, ROSTER } from "./fixtures";

const ds = datasetOf(inputRows());
const run = (opts: Parameters<typeof sensitivity>[1]): Sensitivity => {
  const { result, issues } = sensitivity(ds, opts);
  expect(issues).toEqual([]);
  return result!;
};
const byId = (r: Sensitivity, id: string) => r.districts.find((d) => d.district === id)!;

/** Ranks the core gives with the framework's own weights, worked out from the scores. */
function baselineRanks(code: string) {
  const s = score(ds);
  const k = FW.index.get(code)!;
  const K = FW.order.length;
  const values = ds.districts.map((_, i) => round2(s.values[i * K + k]));
  const city = competition(values);
  const region = ds.districts.map((d, i) => 1 + values.filter((v, j) => ds.districts[j].region === d.region && v > values[i]).length);
  return { city, region };
}

/**
 * One replication done the slow way: draw one factor per indicator below the root in
 * pre-order (the documented order), renormalise siblings, rebuild the framework from rows,
 * and score with the tree walk.
 */
function referenceReplication(seed: number, p: number, rounding: "exact" | "report" = "exact"): { city: number[]; region: number[] } {
  const random = mulberry32(seed);
  const raw = new Map<string, number>();
  for (const code of FW.order.slice(1)) raw.set(code, FW.indicators.get(code)!.weight * (1 + p * (2 * random() - 1)));
  const rows: FrameworkRow[] = FW.order.map((code) => {
    const ind = FW.indicators.get(code)!;
    if (!ind.parent) return { code, nameZh: ind.nameZh, nameEn: ind.nameEn, weight: 1 };
    const siblings = FW.indicators.get(ind.parent)!.children;
    const sum = siblings.reduce((s, c) => s + raw.get(c)!, 0);
    return { code, parent: ind.parent, no: ind.no, nameZh: ind.nameZh, nameEn: ind.nameEn, weight: raw.get(code)! / sum };
  });
  const { framework, issues } = buildFramework(rows);
  expect(issues).toEqual([]);
  const perturbed = validate({ rows: inputRows() }, { framework: framework!, roster: ROSTER, rounding }).dataset!;
  const s = score(perturbed);
  const K = framework!.order.length;
  return {
    city: perturbed.districts.map((_, i) => s.cityRanks[i * K]),
    region: perturbed.districts.map((_, i) => s.regionRanks[i * K]),
  };
}

describe("sensitivity", () => {
  it("with zero perturbation every district keeps its exact rank in every replication", () => {
    const r = run({ replications: 500, perturbation: 0, seed: 7 });
    const base = baselineRanks("SCI");
    r.districts.forEach((d, i) => {
      expect(d.district).toBe(ds.districts[i].id);
      for (const [scope, rank] of [
        ["city", base.city[i]],
        ["region", base.region[i]],
      ] as const) {
        const x = d.ranks[scope];
        expect([x.baseline, x.median, x.p5, x.p95, x.keep], `${d.district} ${scope}`).toEqual([rank, rank, rank, rank, 1]);
        expect(x.counts![rank - 1]).toBe(500);
      }
    });
    expect(byId(r, "浦东").ranks.city.baseline).toBe(1);
    expect(byId(r, "崇明").ranks.city.baseline).toBe(16);
    expect(byId(r, "宝山").ranks.region.baseline).toBe(1); // first among 郊区
  });

  it("each replication ranks exactly as rescoring a perturbed, renormalised framework would", () => {
    for (const seed of [1, 2, 3, 42, 2020]) {
      const r = run({ replications: 1, perturbation: 0.3, seed });
      const ref = referenceReplication(seed, 0.3);
      r.districts.forEach((d, i) => {
        expect(d.ranks.city.counts![ref.city[i] - 1], `seed ${seed} ${d.district} city`).toBe(1);
        expect(d.ranks.region.counts![ref.region[i] - 1], `seed ${seed} ${d.district} region`).toBe(1);
      });
    }
  });

  it("with the report's rounding on the way up, it ranks as score() with that rounding does", () => {
    const reportDs: Dataset = { ...ds, rounding: "report" };
    const s = score(reportDs);
    const K = FW.order.length;
    const r = sensitivity(reportDs, { replications: 50, perturbation: 0 }).result!;
    r.districts.forEach((d, i) => {
      expect(d.value).toBeCloseTo(s.values[i * K], 9);
      expect(d.ranks.city.baseline).toBe(s.cityRanks[i * K]);
      expect(d.ranks.region.baseline).toBe(s.regionRanks[i * K]);
      expect(d.ranks.city.keep).toBe(1);
    });
    for (const seed of [4, 5, 6]) {
      const one = sensitivity(reportDs, { replications: 1, perturbation: 0.3, seed }).result!;
      const ref = referenceReplication(seed, 0.3, "report");
      one.districts.forEach((d, i) => expect(d.ranks.city.counts![ref.city[i] - 1], `seed ${seed} ${d.district}`).toBe(1));
    }
  });

  it("the same seed repeats the run; another seed gives another, equally plausible, run", () => {
    const a = run({ replications: 2000, perturbation: 0.1, seed: 11 });
    expect(run({ replications: 2000, perturbation: 0.1, seed: 11 })).toEqual(a);
    const b = run({ replications: 2000, perturbation: 0.1, seed: 12 });
    expect(b.districts.map((d) => d.ranks.city.counts!)).not.toEqual(a.districts.map((d) => d.ranks.city.counts!));
    for (const r of [a, b])
      for (const d of r.districts)
        for (const x of [d.ranks.city, d.ranks.region]) {
          expect(x.counts!.reduce((s, c) => s + c, 0)).toBe(2000);
          expect(x.p5).toBeLessThanOrEqual(x.median);
          expect(x.median).toBeLessThanOrEqual(x.p95);
          expect(x.keep).toBe(x.counts![x.baseline - 1] / 2000);
        }
    // Both runs tell the same story: medians agree, shares within a few points.
    for (const id of ["浦东", "长宁", "普陀", "嘉定"]) {
      expect(byId(b, id).ranks.city.median).toBe(byId(a, id).ranks.city.median);
      expect(Math.abs(byId(b, id).ranks.city.keep - byId(a, id).ranks.city.keep)).toBeLessThan(0.05);
    }
  });

  it("浦东, far ahead (133.41 against 徐汇's 126.74), keeps rank 1 at ±10%", () => {
    const r = run({ replications: 10_000, perturbation: 0.1, seed: 1 });
    const pudong = byId(r, "浦东").ranks.city;
    expect(pudong.baseline).toBe(1);
    expect(pudong.keep).toBeGreaterThan(0.95);
    expect([pudong.p5, pudong.median, pudong.p95]).toEqual([1, 1, 1]);
    // 长宁 (115.52) and 普陀 (115.92) are 0.40 apart: they swap places in a real share of runs.
    const changning = byId(r, "长宁").ranks.city;
    expect(changning.baseline).toBe(6);
    expect(changning.keep).toBeLessThan(0.99);
    expect(changning.counts![4]).toBeGreaterThan(0); // sometimes 5th
  });

  it("a wider perturbation widens the intervals", () => {
    const narrow = run({ replications: 3000, perturbation: 0.02, seed: 5 });
    const wide = run({ replications: 3000, perturbation: 0.5, seed: 5 });
    const spread = (r: Sensitivity) => r.districts.reduce((s, d) => s + d.ranks.city.p95 - d.ranks.city.p5, 0);
    const kept = (r: Sensitivity) => r.districts.reduce((s, d) => s + d.ranks.city.keep, 0);
    expect(spread(wide)).toBeGreaterThan(spread(narrow));
    expect(kept(wide)).toBeLessThan(kept(narrow));
  });

  it("tests any indicator's ranks: B, without the coefficient", () => {
    const r = run({ replications: 200, perturbation: 0, indicator: "智慧应用" });
    expect(r.indicator).toBe("B");
    const base = baselineRanks("B");
    const s = score(ds);
    r.districts.forEach((d, i) => {
      expect(d.ranks.city.baseline).toBe(base.city[i]);
      expect(d.value).toBeCloseTo(s.values[i * FW.order.length + FW.index.get("B")!], 9);
    });
  });

  it("a seed may be text; it is hashed into a number", () => {
    expect(seedOf("2020")).toBe(2020);
    expect(seedOf("上海")).toBe(seedOf("上海"));
    expect(seedOf("上海")).not.toBe(seedOf("浦东"));
    expect(run({ replications: 10, seed: "上海" }).seed).toBe(seedOf("上海"));
  });

  it("bad options are issues, not exceptions", () => {
    const codes = (o: Parameters<typeof sensitivity>[1]) => sensitivity(ds, o).issues.map((i) => i.code);
    expect(codes({ perturbation: 1.5 })).toEqual(["sensitivity-perturbation"]);
    expect(codes({ perturbation: -0.1 })).toEqual(["sensitivity-perturbation"]);
    expect(codes({ perturbation: NaN })).toEqual(["sensitivity-perturbation"]);
    expect(codes({ replications: 0 })).toEqual(["sensitivity-replications"]);
    expect(codes({ replications: 2.5 })).toEqual(["sensitivity-replications"]);
    expect(codes({ indicator: "政务服务" })).toEqual(["sensitivity-indicator"]); // ambiguous: B1 or C2.1
    const empty: Dataset = { ...ds, districts: [], inputs: new Float64Array(0), coefficients: new Float64Array(0) };
    expect(codes({})).toEqual([]);
    expect(sensitivity(empty).issues.map((i) => i.code)).toEqual(["sensitivity-no-districts"]);
  });
});

describe("sensitivity sheet", () => {
  it("lists the districts by baseline rank with the intervals and the share kept in %", () => {
    const r = run({ replications: 1000, perturbation: 0, seed: 3 });
    const sheet = sensitivityLayout(r, ds, "2020");
    expect(sheet.name).toBe("稳健性 2020");
    const rows = sheet.cells.slice(sheet.freezeRows);
    expect(rows).toHaveLength(16);
    expect(rows[0].slice(0, 2)).toEqual(["浦东", "中心城区"]);
    expect(rows[0][2] as number).toBeCloseTo(byId(r, "浦东").value, 12);
    expect(rows[0].slice(3, 8)).toEqual([1, 1, 1, 1, 100]);
    expect(rows[15][0]).toBe("崇明");
    expect(rows.map((row) => row[3])).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // The title in two lines, the source in two, then the method in two: 1000 replications, seed 3.
    expect(sheet.cells.slice(0, 6).map((row) => row[0])).toEqual([
      "2020年智慧城市发展水平指数排名稳健性",
      "Robustness of the 2020 Smart City Development Index ranking",
      "来源：2020年输入数据，由 SCI 按评估的指标体系与权重计算",
      "Source: 2020 inputs, computed by SCI with the assessment's framework and weights",
      "方法：权重随机扰动 ±0%（同级重新归一），重复 1000 次，随机种子 3",
      "Method: every weight perturbed by up to ±0% (siblings renormalised), 1000 replications, seed 3",
    ]);
    expect(sheet.titleLines).toEqual([0, 1]);
    expect(sheet.notes).toEqual([2, 3, 4, 5]);
    expect(sensitivityLayout(r, ds, "2020", { date: "2024-05-06" }).cells[2][0]).toMatch(/；生成于 2024-05-06$/);
    expect(sheet.indented).toEqual([{ row: sheet.freezeRows, col: 0, rows: 16, cols: 2 }]);
    expect(sheet.charts[0].values).toEqual({ row: sheet.freezeRows, col: 4, rows: 16, cols: 1 });
    for (const row of sheet.cells) expect(row).toHaveLength(13);
  });
});
