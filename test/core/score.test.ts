// Scoring the 2020 inputs: means, contributions, ranks, and one district worked by hand.
import { competitionRanks, contributions, districtIndex, rankOf, round2, score, scoreComposites, scoreRow, valueOf, type Dataset } from "../../src/core";
import { competition, FW, regionOfDistrict, scores2020 } from "./fixtures";

const s = scores2020();
const n = s.dataset.districts.length;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("averages", () => {
  it("city, 中心城区 and 郊区 are the plain means of their districts, for every indicator", () => {
    const regions = regionOfDistrict();
    const scopes: [string, (id: string) => boolean][] = [
      ["city", () => true],
      ["central", (id) => regions.get(id) === "central"],
      ["suburban", (id) => regions.get(id) === "suburban"],
    ];
    expect([...s.averages.keys()].sort()).toEqual(["central", "city", "suburban"]);
    for (const [scope, inScope] of scopes) {
      const members = s.dataset.districts.flatMap((d, i) => (inScope(d.id) ? [i] : []));
      expect(members).toHaveLength(scope === "city" ? 16 : 8);
      for (const code of FW.order) {
        const expected = mean(members.map((i) => valueOf(s, i, code)));
        expect(s.averages.get(scope)![FW.index.get(code)!], `${scope} ${code}`).toBeCloseTo(expected, 10);
      }
    }
  });

  it("an entity in no region counts once in the city's mean and in no region's", () => {
    const L = FW.leaves.length;
    const ds: Dataset = {
      framework: FW,
      districts: [
        { id: "A", region: "central" },
        { id: "B", region: "suburban" },
        { id: "C", region: "elsewhere" },
      ],
      regions: s.dataset.regions,
      inputs: Float64Array.from([10, 20, 60].flatMap((x) => Array<number>(L).fill(x))),
      coefficients: new Float64Array(3).fill(1),
    };
    const leaf = FW.index.get(FW.leaves[0])!;
    const means = score(ds).averages;
    expect(means.get("city")![leaf]).toBe(30);
    expect(means.get("central")![leaf]).toBe(10);
    expect(means.get("suburban")![leaf]).toBe(20);
  });

  it("do not depend on the order of the rows: (0.1 + 0.2) + 0.3 is not (0.3 + 0.2) + 0.1", () => {
    // Three districts whose 38 inputs are all 0.1, 0.2 and 0.3; summed in row order the
    // city mean of any input would differ in the last bit between the two orders.
    const L = FW.leaves.length;
    const ds = (xs: number[]): Dataset => ({
      framework: FW,
      districts: xs.map((x) => ({ id: `D${x}`, region: "central" })),
      regions: [{ id: "central", zh: "中心城区", en: "Central districts" }],
      inputs: Float64Array.from(xs.flatMap((x) => Array<number>(L).fill(x))),
      coefficients: new Float64Array(xs.length).fill(1),
    });
    expect((0.1 + 0.2 + 0.3) / 3).not.toBe((0.3 + 0.2 + 0.1) / 3);
    const a = score(ds([0.1, 0.2, 0.3])).averages.get("city")!;
    const b = score(ds([0.3, 0.2, 0.1])).averages.get("city")!;
    expect([...b]).toEqual([...a]);
  });
});

describe("contributions", () => {
  it("the 38 contributions sum to the composite, for every district", () => {
    for (let i = 0; i < n; i++) {
      const c = contributions(s, i);
      expect(c).toHaveLength(38);
      const sum = c.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - valueOf(s, i, "SCI")), s.dataset.districts[i].id).toBeLessThan(1e-9);
    }
  });

  it("浦东's B2.3 adds 1/2 · 7/23 · 1/7 · 128.67 · 1.00", () => {
    const pd = districtIndex(s, "浦东");
    expect(contributions(s, pd)[FW.leaves.indexOf("B2.3")]).toBeCloseTo((1 / 2) * (7 / 23) * (1 / 7) * 128.67, 12);
  });

  it("the batch path gives the same composites", () => {
    const out = scoreComposites(FW, s.dataset.inputs, s.dataset.coefficients);
    for (let i = 0; i < n; i++) expect(out[i]).toBeCloseTo(valueOf(s, i, "SCI"), 10);
  });
});

describe("one district by hand", () => {
  it("浦东's B2 (城市运行) is the mean of its seven inputs", () => {
    // B2.1 … B2.7 of 浦东 in inputs.csv, each weighted 1/7.
    const b2 = (98.97 + 145.04 + 128.67 + 102.36 + 115.59 + 82.86 + 89.56) / 7; // 763.05 / 7
    const pd = districtIndex(s, "浦东");
    expect(valueOf(s, pd, "B2")).toBeCloseTo(109.0071428571428, 10);
    expect(valueOf(s, pd, "B2")).toBeCloseTo(b2, 10);
  });

  it("浦东's A, then the composite from A, B, C and the coefficient", () => {
    const pd = districtIndex(s, "浦东");
    const a1 = 120.75;
    const a2 = (3 / 7) * 141.65 + (3 / 7) * 116.39 + (1 / 7) * 106.85;
    const a3 = (119.79 + 109.92) / 2;
    expect(valueOf(s, pd, "A")).toBeCloseTo((9 / 40) * a1 + (21 / 40) * a2 + (1 / 4) * a3, 10);
    for (let i = 0; i < n; i++) {
      const composite = (valueOf(s, i, "A") / 5 + valueOf(s, i, "B") / 2 + (3 * valueOf(s, i, "C")) / 10) * s.dataset.coefficients[i];
      expect(valueOf(s, i, "SCI")).toBeCloseTo(composite, 10);
    }
  });

  it("scoreRow alone: all inputs 100 and coefficient 0.9 give 100 everywhere and 90 at the root", () => {
    const out = new Float64Array(FW.order.length);
    scoreRow(FW, new Float64Array(38).fill(100), 0, 0.9, out, 0);
    expect(out[0]).toBeCloseTo(90, 12);
    for (let k = 1; k < out.length; k++) expect(out[k]).toBeCloseTo(100, 12);
  });
});

describe("ranks", () => {
  it("city and region ranks are competition ranks on values rounded to 2 decimals", () => {
    const regions = regionOfDistrict();
    for (const code of FW.order) {
      const all = s.dataset.districts.map((_, i) => round2(valueOf(s, i, code)));
      expect(
        s.dataset.districts.map((_, i) => rankOf(s, i, code, "city")),
        code,
      ).toEqual(competition(all));
      for (const region of ["central", "suburban"]) {
        const members = s.dataset.districts.flatMap((d, i) => (regions.get(d.id) === region ? [i] : []));
        const expected = competition(members.map((i) => all[i]));
        expect(
          members.map((i) => rankOf(s, i, code, "region")),
          `${code} ${region}`,
        ).toEqual(expected);
      }
    }
  });

  it("composite region ranks: 浦东 first of 中心城区, 宝山 first of 郊区", () => {
    const rank = (id: string) => rankOf(s, districtIndex(s, id), "SCI", "region");
    expect(["浦东", "徐汇", "黄浦", "静安", "普陀", "长宁", "虹口", "杨浦"].map(rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(["宝山", "嘉定", "闵行", "金山", "青浦", "松江", "奉贤", "崇明"].map(rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("a table too large to rank in place (21,000 entities × every indicator) is ranked as a naive count does", () => {
    // Past 4 MB of ranks the columns are gathered and scattered in blocks: a path of its own.
    const n = 21_000;
    const L = FW.leaves.length;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // One decimal, so many entities tie at every level.
    const inputs = Float64Array.from({ length: n * L }, () => Math.round(400 + 1800 * random()) / 10);
    const regions = ["central", "suburban"];
    const ds: Dataset = {
      framework: FW,
      districts: Array.from({ length: n }, (_, i) => ({ id: `E${String(i).padStart(5, "0")}`, region: i % 3 === 2 ? "none" : regions[i % 3] })),
      regions: s.dataset.regions,
      inputs,
      coefficients: new Float64Array(n).fill(1),
    };
    const big = score(ds);
    const K = FW.order.length;
    expect(n * K * 4).toBeGreaterThan(4 * 1024 * 1024);
    const cents = (x: number) => Math.round(round2(x) * 100);
    for (const i of [0, 1, 2, 4_999, 10_000, n - 1])
      for (let k = 0; k < K; k++) {
        const mine = cents(big.values[i * K + k]);
        let above = 0;
        let aboveInRegion = 0;
        for (let j = 0; j < n; j++)
          if (cents(big.values[j * K + k]) > mine) {
            above++;
            if (ds.districts[j].region === ds.districts[i].region) aboveInRegion++;
          }
        expect(big.cityRanks[i * K + k], `entity ${i}, ${FW.order[k]}`).toBe(above + 1);
        if (ds.districts[i].region !== "none") expect(big.regionRanks[i * K + k], `entity ${i}, ${FW.order[k]} in region`).toBe(aboveInRegion + 1);
      }
  });

  it("competitionRanks: 1, 1, 3 on the rounded values", () => {
    expect([...competitionRanks([2, 2, 1])]).toEqual([1, 1, 3]);
    expect([...competitionRanks([120.505, 120.5051, 120.49])]).toEqual([1, 1, 3]);
    expect([...competitionRanks([120.514, 120.506, 120.504])]).toEqual([1, 1, 3]);
    expect([...competitionRanks([])]).toEqual([]);
  });

  it("round2 rounds half away from zero on the decimal value", () => {
    expect(round2(120.505)).toBe(120.51);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(133.41011)).toBe(133.41);
    expect(round2(100.1078)).toBe(100.11);
    expect(round2(Infinity)).toBe(Infinity);
  });
});
