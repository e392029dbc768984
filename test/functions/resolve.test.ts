// The SCI functions' logic without Excel, against the published 2020 figures.
import { INPUTS_2020 } from "../../src/data";
import { buildModel } from "../../src/excel/model";
import { contribution, districtRank, districtValue, rankingTable, scopeAverage } from "../../src/functions/figures";
import { indicatorRows, scoreValues } from "../../src/functions/framework";
import type { Failure, Outcome } from "../../src/functions/outcome";
import { resolveIndicator } from "../../src/functions/resolve";
import { framework2020 } from "../../src/data";
import { both, chineseThenEnglish, competitionRank, districts, fraction, framework, inputRow, inputs, leafCodes, published } from "./fixtures";

const model = buildModel(undefined, 1);

function value<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`expected a value, got ${o.code}: ${o.en}`);
  return o.value;
}
/**
 * The report computed from unrounded data, so a few figures recomputed from its 2-decimal
 * inputs land a cent away (the spec: "within 0.01"; test/core/published.test.ts lists them).
 */
const expectPublished = (v: number, published: number, what = "") => expect(Math.abs(v - published), what).toBeLessThan(0.01);

function failure(o: Outcome<unknown>, code: Failure["code"]): string {
  expect(o.ok, JSON.stringify(o)).toBe(false);
  const f = o as Failure;
  expect(f.code).toBe(code);
  expect(chineseThenEnglish(f), both(f)).toBe(true);
  return both(f);
}

describe("SCI.DISTRICT", () => {
  it("gives every district's composite and first-level indices as published", () => {
    expect(published).toHaveLength(16);
    for (const row of published)
      for (const code of ["SCI", "A", "B", "C"])
        expectPublished(value(districtValue(model, row.district, code === "SCI" ? null : code)), Number(row[code]), `${row.district} ${code}`);
  });

  it("returns the value unrounded: 浦东 133.41… (the cell format decides what shows)", () => {
    const v = value(districtValue(model, "浦东"));
    expect(v).toBeCloseTo(133.41, 2);
    expect(Math.abs(v * 100 - Math.round(v * 100))).toBeGreaterThan(1e-6);
  });

  it("knows a district by short name, full name, English name and code", () => {
    const pudong = value(districtValue(model, "浦东"));
    for (const alias of ["浦东新区", "Pudong", "pudong", " PUDONG ", "310115", 310115]) expect(value(districtValue(model, alias))).toBe(pudong);
    expect(value(districtValue(model, "Jing'an"))).toBeCloseTo(117.02, 2);
  });

  it("knows an indicator by code, report number, Chinese name, English name and path", () => {
    const b23 = Number(inputs.find((r) => r.district === "浦东")!["B2.3"]);
    for (const q of ["B2.3", "b2.3", "13", 13, "电子警察监控点覆盖率", "Traffic enforcement camera coverage"])
      expect(value(districtValue(model, "浦东", q))).toBe(b23);
    const c21 = Number(inputs.find((r) => r.district === "浦东")!["C2.1"]);
    expect(value(districtValue(model, "浦东", "区域创新/政务服务"))).toBe(c21);
    expect(value(districtValue(model, "浦东", "C2.1"))).toBe(c21);
  });

  it("reports an unknown district with the nearest name, and a missing one with the choices", () => {
    const typo = failure(districtValue(model, "浦栋"), "notAvailable");
    expect(typo).toContain("浦栋");
    expect(typo).toContain("是否指「浦东」");
    const nowhere = failure(districtValue(model, "Atlantis"), "notAvailable");
    expect(nowhere).toContain("Atlantis");
    for (const d of districts) expect(nowhere).toContain(d.short_zh);
    const missing = failure(districtValue(model, null), "invalidValue");
    expect(missing).toContain("缺少行政区");
  });

  it("lists the choices for an ambiguous indicator name and hints for an unknown one", () => {
    const msg = failure(districtValue(model, "浦东", "政务服务"), "invalidValue");
    expect(msg).toContain("B1");
    expect(msg).toContain("C2.1");
    expect(msg).toContain("区域创新/政务服务");
    const unknown = failure(districtValue(model, "浦东", "智慧城管"), "notAvailable");
    expect(unknown).toContain("智慧城管");
    expect(unknown).toMatch(/B2\.3|代码/);
    failure(districtValue(model, "浦东", 99), "notAvailable");
  });
});

describe("SCI.RANK", () => {
  const sci = published.map((r) => Number(r.SCI));

  it("ranks every district as the published composites do: 浦东 1, 徐汇 2", () => {
    for (const row of published) expect(value(districtRank(model, row.district))).toBe(competitionRank(sci, Number(row.SCI)));
    expect(value(districtRank(model, "浦东"))).toBe(1);
    expect(value(districtRank(model, "徐汇"))).toBe(2);
    expect(value(districtRank(model, "Huangpu"))).toBe(3);
  });

  it("ranks within 中心城区 / 郊区, named or as the district's own region", () => {
    for (const d of districts) {
      const peers = published.filter((r) => districts.find((x) => x.short_zh === r.district)!.region === d.region).map((r) => Number(r.SCI));
      const own = competitionRank(peers, Number(published.find((r) => r.district === d.short_zh)!.SCI));
      expect(value(districtRank(model, d.short_zh, null, "region"))).toBe(own);
      expect(value(districtRank(model, d.short_zh, null, d.region === "central" ? "中心城区" : "郊区"))).toBe(own);
    }
    expect(value(districtRank(model, "宝山"))).toBe(8);
    expect(value(districtRank(model, "宝山", null, "郊区"))).toBe(1);
    expect(value(districtRank(model, "宝山", null, "suburban"))).toBe(1);
    expect(value(districtRank(model, "宝山", null, "city"))).toBe(8);
  });

  it("shares rank 1 on 物联感知建设应用 between 虹口 and 普陀 (120.51); 杨浦 is 3rd", () => {
    for (const q of ["A2.3", 4, "物联感知建设应用"]) {
      expect(value(districtRank(model, "虹口", q))).toBe(1);
      expect(value(districtRank(model, "普陀", q))).toBe(1);
      expect(value(districtRank(model, "杨浦", q))).toBe(3);
    }
  });

  it("explains a scope that does not fit", () => {
    const wrong = failure(districtRank(model, "浦东", null, "郊区"), "notAvailable");
    expect(wrong).toContain("中心城区");
    const bad = failure(districtRank(model, "浦东", null, "浦西"), "invalidValue");
    for (const s of ["全市", "中心城区", "郊区", "region"]) expect(bad).toContain(s);
  });
});

describe("SCI.CITY", () => {
  it("gives the city, 中心城区 and 郊区 averages the report prints", () => {
    expect(value(scopeAverage(model))).toBeCloseTo(109.77, 2);
    expect(value(scopeAverage(model, null, "全市"))).toBeCloseTo(109.77, 2);
    expect(value(scopeAverage(model, null, "中心城区"))).toBeCloseTo(119.44, 2);
    expect(value(scopeAverage(model, "SCI", "central"))).toBeCloseTo(119.44, 2);
    expect(value(scopeAverage(model, null, "郊区"))).toBeCloseTo(100.1, 2);
    const city: [string, number][] = [
      ["新型基础设施指数", 119.16],
      ["B", 113.12],
      ["C", 102.23],
      ["基础能力", 121.06],
      ["应用感知", 123.37],
      ["信息资源", 108.59],
      ["B1", 106.19],
      ["B2", 120.71],
      ["B3", 126.42],
      ["B4", 100.0],
      ["机制保障", 97.47],
      ["区域创新", 100.14],
      ["试点示范", 108.19],
    ];
    for (const [q, v] of city) expectPublished(value(scopeAverage(model, q)), v, q);
  });

  it("is the plain mean of the district values", () => {
    const mean = published.reduce((s, r) => s + value(districtValue(model, r.district, "A")), 0) / 16;
    expect(value(scopeAverage(model, "A"))).toBeCloseTo(mean, 10);
  });

  it("refuses 'region', which needs a district, and unknown scopes", () => {
    expect(failure(scopeAverage(model, null, "region"), "invalidValue")).toContain("中心城区");
    failure(scopeAverage(model, null, 3), "invalidValue");
    const west = failure(scopeAverage(model, null, "浦西"), "invalidValue");
    expect(west).toContain("郊区");
    expect(west).not.toContain("region"); // no district here, so no own region to offer
  });
});

describe("SCI.RANKING", () => {
  it("spills rank, district, value for all 16, best first, without a header row", () => {
    const rows = value(rankingTable(model));
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r[1]).slice(0, 3)).toEqual(["浦东", "徐汇", "黄浦"]);
    expect(rows[0][0]).toBe(1);
    expect(rows[0][2] as number).toBeCloseTo(133.41, 2);
    const sci = published.map((r) => Number(r.SCI));
    for (const [rank, district, v] of rows) {
      expectPublished(v as number, Number(published.find((r) => r.district === district)!.SCI), String(district));
      expect(rank).toBe(competitionRank(sci, Number(published.find((r) => r.district === district)!.SCI)));
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i][2] as number).toBeLessThanOrEqual(rows[i - 1][2] as number);
  });

  it("keeps ties: 物联感知建设应用 starts 1 普陀, 1 虹口, 3 杨浦", () => {
    const rows = value(rankingTable(model, "A2.3"));
    expect(rows.slice(0, 3).map((r) => [r[0], r[1]])).toEqual([
      [1, "普陀"],
      [1, "虹口"],
      [3, "杨浦"],
    ]);
    expect(rows[0][2]).toBe(120.51);
  });

  it("ranks one region with its own ranks", () => {
    const suburban = value(rankingTable(model, null, "郊区"));
    expect(suburban.map((r) => r[1])).toEqual(["宝山", "嘉定", "闵行", "金山", "青浦", "松江", "奉贤", "崇明"]);
    expect(suburban.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    failure(rankingTable(model, null, "region"), "invalidValue");
  });
});

describe("SCI.CONTRIB", () => {
  it("is coefficient × the indicator's weight in the composite × its value: B2.3 weighs 1/2 · 7/23 · 1/7 = 1/46", () => {
    const b23 = Number(inputs.find((r) => r.district === "浦东")!["B2.3"]);
    expect(value(contribution(model, "浦东", "B2.3"))).toBeCloseTo(b23 / 46, 12);
    const w = (code: string): number => {
      const row = framework.find((r) => r.code === code)!;
      return row.parent ? fraction(row.weight) * w(row.parent) : 1;
    };
    const huangpu = inputs.find((r) => r.district === "黄浦")!;
    expect(value(contribution(model, "黄浦区", 1))).toBeCloseTo(Number(huangpu.coefficient) * w("A1.1") * Number(huangpu["A1.1"]), 12);
  });

  it("sums over the 38 inputs to the composite, for every district", () => {
    for (const row of published) {
      const sum = leafCodes.reduce((s, c) => s + value(contribution(model, row.district, c)), 0);
      expect(sum).toBeCloseTo(value(districtValue(model, row.district)), 9);
    }
  });

  it("refuses an indicator that is not third-level, naming its level and an example", () => {
    const b2 = failure(contribution(model, "浦东", "B2"), "invalidValue");
    expect(b2).toContain("二级指标");
    expect(b2).toContain("B2.1");
    expect(b2).toContain("third-level");
    expect(failure(contribution(model, "浦东", "SCI"), "invalidValue")).toContain("综合指数");
    failure(contribution(model, "浦东", null), "invalidValue");
  });
});

describe("SCI.SCORE", () => {
  it("scores 浦东's 38 published inputs to 133.41…, the same number SCI.DISTRICT gives", () => {
    const row = inputRow("浦东");
    expect(row).toHaveLength(38);
    const asRow = value(scoreValues([row]));
    expect(asRow).toBeCloseTo(133.41, 2);
    expect(asRow).toBe(value(districtValue(model, "浦东")));
    expect(value(scoreValues(row.map((v) => [v])))).toBe(asRow);
  });

  it("applies the coefficient: 黄浦 × 0.98 = 125.32, 崇明 × 0.99 = 87.31", () => {
    expect(value(scoreValues([inputRow("黄浦")], 0.98))).toBeCloseTo(125.32, 2);
    expect(value(scoreValues([inputRow("崇明")], "0.99"))).toBeCloseTo(87.31, 2);
    expect(value(scoreValues([inputRow("黄浦")], null))).toBeCloseTo(125.32 / 0.98, 1);
  });

  it("is linear: all 38 inputs at 100 score 100", () => {
    expect(value(scoreValues([Array(38).fill(100)]))).toBeCloseTo(100, 12);
  });

  it("says what is wrong with the values", () => {
    const row = inputRow("浦东");
    const short = failure(scoreValues([row.slice(0, 37)]), "invalidValue");
    expect(short).toContain("37");
    expect(short).toContain("38");
    const text = [...row];
    (text as unknown[])[4] = "abc";
    const t = failure(scoreValues([text]), "invalidValue");
    expect(t).toContain("第 5 个值");
    expect(t).toContain("A3.1");
    expect(t).toContain("abc");
    const blank: unknown[] = [...row];
    blank[0] = "";
    expect(failure(scoreValues([blank]), "invalidValue")).toContain("为空");
    const negative = [...row];
    negative[37] = -1;
    expect(failure(scoreValues([negative]), "invalidValue")).toContain("C3.3");
    const grid = [row.slice(0, 19), row.slice(19)];
    expect(failure(scoreValues(grid), "invalidValue")).toContain("2 行 × 19 列");
    failure(scoreValues(133), "invalidValue");
  });

  it("checks the coefficient is in (0, 1]", () => {
    for (const c of [0, 1.2, -0.5, "high"]) expect(failure(scoreValues([inputRow("浦东")], c), "invalidValue")).toContain("(0, 1]");
    expect(value(scoreValues([inputRow("浦东")], 1))).toBeCloseTo(133.41, 2);
  });
});

describe("SCI.INDICATORS", () => {
  it("lists the 38 third-level indicators in report order with Chinese, English and weight", () => {
    const rows = value(indicatorRows(framework2020, 3));
    expect(rows).toHaveLength(38);
    expect(rows.map((r) => r[0])).toEqual(leafCodes);
    expect(rows[12]).toEqual(["B2.3", "电子警察监控点覆盖率", "Traffic enforcement camera coverage", 1 / 7]);
    for (const r of rows) expect(r[3]).toBeCloseTo(fraction(framework.find((f) => f.code === r[0])!.weight), 15);
  });

  it("lists every level, or one", () => {
    expect(value(indicatorRows(framework2020))).toHaveLength(framework.length);
    expect(value(indicatorRows(framework2020, 0))).toEqual([["SCI", "智慧城市发展水平指数", "Smart City Development Index", 1]]);
    expect(value(indicatorRows(framework2020, 1)).map((r) => [r[0], r[3]])).toEqual([
      ["A", 0.2],
      ["B", 0.5],
      ["C", 0.3],
    ]);
    expect(value(indicatorRows(framework2020, "2"))).toHaveLength(10);
  });

  it("refuses a level that does not exist", () => {
    for (const l of [4, -1, 1.5, "三级x"]) expect(failure(indicatorRows(framework2020, l), "invalidValue")).toContain("0–3");
  });
});

describe("a model built from an SCI_Input table with errors", () => {
  const rows = INPUTS_2020.map((r) => [...r]);
  rows[1][5] = "abc"; // 浦东, A2.3
  rows[3][0] = "Atlantis"; // an unknown district (and so 静安 is missing)
  const broken = buildModel({ sheet: "SCI_Input", rows }, 2);

  it("has no scores, so every model function answers #N/A and points to the task pane", () => {
    expect(broken.scores).toBeUndefined();
    const errors = broken.issues.filter((i) => i.severity === "error").length;
    expect(errors).toBeGreaterThanOrEqual(2);
    for (const o of [
      districtValue(broken, "浦东"),
      districtRank(broken, "浦东"),
      scopeAverage(broken),
      rankingTable(broken),
      contribution(broken, "浦东", "B2.3"),
    ]) {
      const msg = failure(o, "notAvailable");
      expect(msg).toContain(`SCI_Input 表有 ${errors} 个错误`);
      expect(msg).toContain("任务窗格");
      expect(msg).toContain("task pane");
    }
  });

  it("still answers what does not depend on the inputs", () => {
    expect(value(scoreValues([inputRow("浦东")]))).toBeCloseTo(133.41, 2);
    expect(value(indicatorRows(framework2020, 3))).toHaveLength(38);
  });
});

describe("lookups are shared by every cell", () => {
  it("returns the same resolution object for the same argument (parsed once)", () => {
    expect(resolveIndicator(framework2020, "电子警察监控点覆盖率")).toBe(resolveIndicator(framework2020, "电子警察监控点覆盖率"));
    expect(rankingTable(model, "B")).toBe(rankingTable(model, "B"));
  });
});
