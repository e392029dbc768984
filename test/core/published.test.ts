// The published 2020 figures, reproduced from the published inputs (issue 2 "Must show").
import { districtIndex, rankOf, round2, score, valueOf } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { competition, FW, inputRows, ONE_CENT_OFF, publishedSummary, regionOfDistrict, scores2020 } from "./fixtures";

const s = scores2020();
const at = (id: string) => {
  const i = districtIndex(s, id);
  expect(i, id).toBeGreaterThanOrEqual(0);
  return i;
};
const codeOf = (zh: string) => [...FW.indicators.values()].find((i) => i.nameZh === zh)!.code;

/** round2(value) is the published figure, or the listed one with the published figure a cent away. */
function expectPublished(what: string, value: number, published: number) {
  const off = ONE_CENT_OFF[what];
  if (off === undefined) expect(round2(value), what).toBe(published);
  else {
    expect(round2(value), what).toBe(off);
    expect(Math.abs(value - published), what).toBeLessThan(0.01);
  }
}

describe("published-summary.csv", () => {
  const published = publishedSummary();

  it("55 of the 64 district figures to the cent, the other 9 within 0.01", () => {
    const exact = published.flatMap((p) => ["SCI", "A", "B", "C"].filter((code) => round2(valueOf(s, at(p.district), code)) === p.figures[code]));
    expect(exact).toHaveLength(55);
    expect(Object.keys(ONE_CENT_OFF).filter((k) => !k.startsWith("city"))).toHaveLength(9);
  });

  it("has all 16 districts", () => {
    expect(published).toHaveLength(16);
    expect(s.dataset.districts).toHaveLength(16);
  });

  it.each(published.map((p) => [p.district, p] as const))("%s: SCI, A, B, C and the coefficient to 2 decimals", (id, p) => {
    const i = at(id);
    for (const code of ["SCI", "A", "B", "C"]) expectPublished(`${id} ${code}`, valueOf(s, i, code), p.figures[code]);
    expect(s.dataset.coefficients[i]).toBe(p.figures.coefficient);
  });

  it("the built-in 2020 data gives the same figures as the fixture", () => {
    const b = score(dataset2020());
    for (const p of published) {
      const i = districtIndex(b, p.district);
      for (const code of ["SCI", "A", "B", "C"]) expectPublished(`${p.district} ${code}`, valueOf(b, i, code), p.figures[code]);
    }
  });

  it("every rank (and so every tie) the published numbers imply, over the city and within each region", () => {
    const regions = regionOfDistrict();
    const scopes: [string, (d: string) => boolean][] = [
      ["city", () => true],
      ["central", (d) => regions.get(d) === "central"],
      ["suburban", (d) => regions.get(d) === "suburban"],
    ];
    let compared = 0;
    for (const code of ["SCI", "A", "B", "C"])
      for (const [scope, inScope] of scopes) {
        const members = published.filter((p) => inScope(p.district));
        const expected = competition(members.map((p) => p.figures[code]));
        const actual = members.map((p) => rankOf(s, at(p.district), code, scope === "city" ? "city" : "region"));
        expect(actual, `${code} ${scope}`).toEqual(expected);
        compared += members.length;
      }
    expect(compared).toBe(4 * 32);
  });

  it("every third-level rank and tie implied by the published inputs (inputs.csv, 2 decimals)", () => {
    const [head, ...body] = inputRows();
    const regions = regionOfDistrict();
    let ties = 0;
    for (const leaf of FW.leaves) {
      const col = head.indexOf(leaf);
      for (const scope of ["city", "central", "suburban"]) {
        const members = body.filter((r) => scope === "city" || regions.get(r[0]) === scope);
        const printed = members.map((r) => Number(r[col]));
        const expected = competition(printed);
        ties += expected.length - new Set(expected).size;
        const actual = members.map((r) => rankOf(s, at(r[0]), leaf, scope === "city" ? "city" : "region"));
        expect(actual, `${leaf} ${scope}`).toEqual(expected);
      }
    }
    // The 2020 inputs are full of ties (B4.4 is 100.00 everywhere), so this is not vacuous.
    expect(ties).toBeGreaterThan(50);
  });
});

describe("city figures in the spec README", () => {
  const city = s.averages.get("city")!;
  const central = s.averages.get("central")!;
  const suburban = s.averages.get("suburban")!;
  const k = (code: string) => FW.index.get(code)!;

  it("composite: city 109.77, 中心城区 119.44, 郊区 100.10", () => {
    expect(round2(city[k("SCI")])).toBe(109.77);
    expect(round2(central[k("SCI")])).toBe(119.44);
    expect(round2(suburban[k("SCI")])).toBe(100.1);
  });

  it("city first-level indices", () => {
    const expected: [string, number][] = [
      ["新型基础设施指数", 119.16],
      ["智慧应用指数", 113.12],
      ["发展环境指数", 102.23],
    ];
    for (const [zh, v] of expected) expectPublished(`city ${codeOf(zh)}`, city[k(codeOf(zh))], v);
  });

  it("all ten city second-level indices", () => {
    const expected: [string, number][] = [
      ["基础能力", 121.06],
      ["应用感知", 123.37],
      ["信息资源", 108.59],
      ["B1", 106.19], // 政务服务 (second-level; the third-level C2.1 shares the name)
      ["B2", 120.71], // 城市运行
      ["B3", 126.42], // 数字经济
      ["B4", 100.0], // 公共服务
      ["机制保障", 97.47],
      ["区域创新", 100.14],
      ["试点示范", 108.19],
    ];
    const seen = new Set<string>();
    for (const [name, v] of expected) {
      const code = FW.indicators.has(name) ? name : codeOf(name);
      expect(FW.indicators.get(code)!.level, name).toBe(2);
      seen.add(code);
      expectPublished(`city ${code}`, city[k(code)], v);
    }
    expect(seen.size).toBe(10);
    expect([...FW.indicators.values()].filter((i) => i.level === 2)).toHaveLength(10);
  });

  it("top three: 浦东 133.41, 徐汇 126.74, 黄浦 125.32", () => {
    const top = [...s.dataset.districts.keys()]
      .sort((a, b) => valueOf(s, b, "SCI") - valueOf(s, a, "SCI"))
      .slice(0, 3)
      .map((i) => [s.dataset.districts[i].id, round2(valueOf(s, i, "SCI")), rankOf(s, i, "SCI", "city")]);
    expect(top).toEqual([
      ["浦东", 133.41, 1],
      ["徐汇", 126.74, 2],
      ["黄浦", 125.32, 3],
    ]);
  });

  it("the tie: 虹口 and 普陀 share rank 1 on 物联感知建设应用 (120.51), 杨浦 is 3rd", () => {
    const code = codeOf("物联感知建设应用");
    expect(code).toBe("A2.3");
    for (const id of ["虹口", "普陀"]) {
      expect(round2(valueOf(s, at(id), code))).toBe(120.51);
      expect(rankOf(s, at(id), code, "city")).toBe(1);
      expect(rankOf(s, at(id), code, "region")).toBe(1);
    }
    expect(rankOf(s, at("杨浦"), code, "city")).toBe(3);
    expect(rankOf(s, at("杨浦"), code, "region")).toBe(3);
    expect(s.dataset.districts.filter((_, i) => rankOf(s, i, code, "city") === 2)).toHaveLength(0);
  });
});
