// SCI.CHANGE against a comparison whose changes are known: the published 2020 inputs as last
// year (SCI_Previous) and a copy where every input of 崇明 is 10 points higher as this year.
import { modelFromSources } from "../../src/excel/model";
import { districtChange, districtValue } from "../../src/functions/figures";
import { failure, inputGrid, table, value } from "../excel/model-fixtures";
import { competitionRank, districts, inputs, published } from "./fixtures";

const plus10 = (d: string, _c: string, v: number) => (d === "崇明" ? v + 10 : v);
const PREVIOUS = "SCI 上一年";
/** Last year's table under its title row, as the template writes it. */
const previous = (grid = inputGrid()) => table(PREVIOUS, grid, { row: 1, col: 0 }, "2019 年输入 / inputs 2019");
const m = modelFromSources({ input: table("SCI 输入", inputGrid(plus10)), previous: previous() }, 1);

const coefficient = Number(inputs.find((r) => r.district === "崇明")!.coefficient);
const suburban = new Set(districts.filter((d) => d.region === "suburban").map((d) => d.short_zh));
/** Ranks from the published two-decimal figures, with 崇明's composite raised by 10 × coefficient. */
function ranksOfChongming(pool: (d: string) => boolean) {
  const old = published.filter((r) => pool(r.district)).map((r) => Number(r.SCI));
  const now = published.filter((r) => pool(r.district)).map((r) => Number(r.SCI) + (r.district === "崇明" ? 10 * coefficient : 0));
  const was = Number(published.find((r) => r.district === "崇明")!.SCI);
  return { old: competitionRank(old, was), new: competitionRank(now, was + 10 * coefficient) };
}

describe("SCI.CHANGE on 2020 vs 2020 with 崇明 +10 on every input", () => {
  it("崇明's composite rises by 10 × its coefficient 0.99 = 9.9 and it moves up 2 places (16th → 14th)", () => {
    expect(coefficient).toBe(0.99);
    const city = ranksOfChongming(() => true);
    expect(city).toEqual({ old: 16, new: 14 }); // past 奉贤 (89.35) and 松江 (93.81)
    const [row] = value(districtChange(m, "崇明"));
    expect(row).toHaveLength(3);
    expect(row[0]).toBeCloseTo(9.9, 10);
    expect(row.slice(1)).toEqual([2, "排名上升2位 / up 2 places"]);
  });

  it("within 郊区 (scope region or 郊区) the same two places", () => {
    const region = ranksOfChongming((d) => suburban.has(d));
    expect(region.old - region.new).toBe(2);
    for (const scope of ["region", "郊区", "suburban"])
      expect(value(districtChange(m, "Chongming", null, scope))[0].slice(1)).toEqual([2, "排名上升2位 / up 2 places"]);
  });

  it("the two districts it passed move down one place; a value change of 0 everywhere else", () => {
    expect(value(districtChange(m, "奉贤"))).toEqual([[0, -1, "排名下降1位 / down 1 place"]]);
    expect(value(districtChange(m, "松江"))).toEqual([[0, -1, "排名下降1位 / down 1 place"]]);
    expect(value(districtChange(m, "浦东新区"))).toEqual([[0, 0, "排名不变 / unchanged"]]);
  });

  it("per indicator: an input rises by exactly 10; its rank as the published inputs say", () => {
    const a11 = inputs.map((r) => Number(r["A1.1"]));
    const was = Number(inputs.find((r) => r.district === "崇明")!["A1.1"]);
    const now = a11.map((v) => (v === was ? v + 10 : v));
    const up = competitionRank(a11, was) - competitionRank(now, was + 10);
    const [row] = value(districtChange(m, "崇明", "A1.1"));
    expect(row[0]).toBeCloseTo(10, 10);
    expect(row[1]).toBe(up);
    expect(up).toBeGreaterThan(0);
    // A first-level index: every input +10 → the index +10 (weights sum to 1), no coefficient.
    expect(value(districtChange(m, "崇明", "B"))[0][0]).toBeCloseTo(10, 10);
    expect(value(districtChange(m, "崇明", 13))[0][0]).toBeCloseTo(10, 10); // report number 13 = B2.3
  });

  it("labels the years from SCI_Previous's title: 2019 → 本年", () => {
    expect(m.comparison?.oldLabel).toBe("2019");
    expect(m.comparison?.newLabel).toBe("本年");
    expect(m.previous?.dataset.label).toBe("2019");
  });
});

describe("SCI.CHANGE errors", () => {
  it("no SCI_Previous table: #N/A asking for one", () => {
    for (const model of [modelFromSources({ input: table("SCI 输入", inputGrid()) }, 1), modelFromSources({}, 1)]) {
      const msg = failure(districtChange(model, "崇明"), "notAvailable");
      expect(msg).toContain("插入上一年输入表 SCI_Previous");
      expect(msg).toContain("add a SCI_Previous table");
    }
  });

  it("SCI_Previous with errors: #N/A naming the table; this year's figures stay", () => {
    const grid = inputGrid();
    grid[3][5] = "abc";
    const broken = modelFromSources({ input: table("SCI 输入", inputGrid(plus10)), previous: previous(grid) }, 1);
    expect(failure(districtChange(broken, "崇明"), "notAvailable")).toContain("SCI_Previous 表有 1 个错误");
    expect(broken.issuesOf?.previous?.[0]).toMatchObject({ code: "not-a-number", cell: { sheet: PREVIOUS, address: "F5" } });
    expect(value(districtValue(broken, "崇明"))).toBeGreaterThan(97);
  });

  it("a district missing from SCI_Previous: #N/A naming it and the year; the others compare", () => {
    const grid = inputGrid().filter((r) => r[0] !== "崇明");
    const partial = modelFromSources({ input: table("SCI 输入", inputGrid(plus10)), previous: previous(grid) }, 1);
    const msg = failure(districtChange(partial, "崇明"), "notAvailable");
    expect(msg).toContain("崇明不在上一年输入表 SCI_Previous（2019）中");
    expect(msg).toContain("Chongming is not in last year's table");
    expect(partial.issuesOf?.compare).toMatchObject([{ severity: "warning", code: "compare-district-new", district: "崇明" }]);
    expect(value(districtChange(partial, "浦东"))[0][0]).toBe(0);
  });

  it("malformed arguments: as SCI.RANK answers them", () => {
    expect(failure(districtChange(m, "浦栋"), "notAvailable")).toContain("浦东");
    failure(districtChange(m, "崇明", "no such indicator"), "notAvailable");
    expect(failure(districtChange(m, "崇明", "政务服务"), "invalidValue")).toContain("C2.1"); // ambiguous
    failure(districtChange(m, "崇明", null, "浦西"), "invalidValue");
    expect(failure(districtChange(m, "崇明", null, "中心城区"), "notAvailable")).toContain("郊区");
    failure(districtChange(m, null), "invalidValue");
  });

  it("this year's table with errors: #N/A pointing at SCI_Input", () => {
    const grid = inputGrid(plus10);
    grid[1][2] = "#DIV/0!";
    const broken = modelFromSources({ input: table("SCI 输入", grid), previous: previous() }, 1);
    expect(failure(districtChange(broken, "崇明"), "notAvailable")).toContain("SCI_Input 表有 1 个错误");
  });
});
