// Year over year (issue 6): the 2020 data against a copy with known changes.
import { changeOf, compare, rankChangeText, score, scoreWithFramework } from "../../src/core";
import { comparisonLayout, displayWidth } from "../../src/report";
import { datasetOf, FW, inputRows, publishedSummary, readFixture, ROSTER, validated } from "./fixtures";
import { both } from "./fixtures";

const HEAD = inputRows()[0];
const isLeaf = (col: number) => FW.leaves.includes(HEAD[col]);

/** inputs.csv with every input indicator of the given districts shifted by `delta`. */
function shifted(deltas: Record<string, number>): string[][] {
  return inputRows().map((r, i) => (i === 0 || deltas[r[0]] === undefined ? r : r.map((v, c) => (isLeaf(c) ? String(Number(v) + deltas[r[0]]) : v))));
}

const older = score({ ...datasetOf(inputRows()), label: "2020" });
// The "next year": 崇明 +10 on all 38 inputs, 徐汇 −10. Weights at every level sum to 1, so
// every index of 崇明 rises by exactly 10 and its composite by 10 × 0.99 (its coefficient);
// 徐汇's falls by 10 × 1.00.
const newer = score({ ...datasetOf(shifted({ 崇明: 10, 徐汇: -10 })), label: "2021" });
const c = compare(older, newer);
const sci = (d: string) => changeOf(c, d, "SCI")!;

describe("compare 2020 with a copy whose changes are known", () => {
  it("compares every district and every indicator", () => {
    expect(c.issues).toEqual([]);
    expect(c.districts).toHaveLength(16);
    expect(c.codes).toEqual([...FW.order]);
    expect(c.districts.every((d) => d.indicators.length === 52)).toBe(true);
    expect([c.oldLabel, c.newLabel]).toEqual(["2020", "2021"]);
  });

  it("崇明: every indicator +10, the composite +9.9", () => {
    for (const code of FW.order) {
      const x = changeOf(c, "崇明", code)!;
      expect(x.change, code).toBeCloseTo(code === "SCI" ? 9.9 : 10, 9);
      expect(x.new - x.old).toBe(x.change);
    }
    const pub = publishedSummary().find((p) => p.district === "崇明")!;
    expect(sci("崇明").old).toBeCloseTo(pub.figures.SCI, 2); // 87.31
  });

  it("崇明 passes 松江 and 奉贤: 16th → 14th in the city, 8th → 6th in 郊区", () => {
    // From the published composites: 87.31 + 9.9 = 97.21 is above 奉贤 89.35 and 松江 93.82,
    // below 青浦 103.03 and everyone else.
    const published = publishedSummary();
    const pass = published.filter((p) => p.district !== "崇明" && p.figures.SCI < 87.31 + 9.9).map((p) => p.district);
    expect(pass.sort()).toEqual(["奉贤", "松江"].sort());
    expect(sci("崇明").city).toEqual({ old: 16, new: 14, change: 2 });
    expect(sci("崇明").region).toEqual({ old: 8, new: 6, change: 2 });
    expect(rankChangeText(sci("崇明").city.change)).toBe("排名上升2位 / up 2 places");
    expect(sci("松江").city).toEqual({ old: 14, new: 15, change: -1 });
    expect(sci("奉贤").city).toEqual({ old: 15, new: 16, change: -1 });
    expect(rankChangeText(sci("奉贤").city.change)).toBe("排名下降1位 / down 1 place");
  });

  it("徐汇 falls 10 to 116.74, below 黄浦 and 静安 (117.02): 2nd → 4th; they move up one", () => {
    expect(sci("徐汇").change).toBeCloseTo(-10, 9);
    expect(sci("徐汇").city).toEqual({ old: 2, new: 4, change: -2 });
    expect(rankChangeText(-2)).toBe("排名下降2位 / down 2 places");
    expect(sci("黄浦").city.change).toBe(1);
    expect(sci("静安").city.change).toBe(1);
    expect(sci("普陀").city).toEqual({ old: 5, new: 5, change: 0 }); // 115.92 stays below 116.74
  });

  it("every other district: the same values, the same composite rank", () => {
    for (const d of c.districts) {
      if (["崇明", "徐汇"].includes(d.district)) continue;
      for (const x of d.indicators) expect(x.change, `${d.district} ${x.indicator}`).toBe(0);
      if (!["黄浦", "静安", "松江", "奉贤"].includes(d.district)) {
        expect(sci(d.district).city.change, d.district).toBe(0);
        expect(rankChangeText(sci(d.district).city.change)).toBe("排名不变 / unchanged");
      }
    }
  });

  it("rank texts, Chinese then English", () => {
    expect(rankChangeText(5)).toBe("排名上升5位 / up 5 places");
    expect(rankChangeText(1)).toBe("排名上升1位 / up 1 place");
    expect(rankChangeText(0)).toBe("排名不变 / unchanged");
  });
});

describe("districts and indicators in one year only", () => {
  it("a district missing from the older year is listed, the rest compared", () => {
    const withoutJinshan = inputRows().filter((r) => r[0] !== "金山");
    const old15 = score(validated(withoutJinshan, { expectAll: false }).dataset!);
    const r = compare(old15, newer, { old: "2019", new: "2020" });
    expect(r.onlyNew).toEqual(["金山"]);
    expect(r.onlyOld).toEqual([]);
    expect(r.districts.map((d) => d.district)).not.toContain("金山");
    expect(r.districts).toHaveLength(15);
    expect(r.issues.map((i) => [i.severity, i.code, i.district])).toEqual([["warning", "compare-district-new", "金山"]]);
    expect(both(r.issues[0])).toContain("仅见于2020");
    expect(changeOf(r, "金山", "SCI")).toBeUndefined();
    // Reversed, it is only in the older year.
    expect(compare(newer, old15).onlyOld).toEqual(["金山"]);
  });

  it("no district in common is an error, not a crash", () => {
    const a = score(validated(inputRows().slice(0, 2), { expectAll: false }).dataset!);
    const b = score(validated([inputRows()[0], ...inputRows().slice(2)], { expectAll: false }).dataset!);
    const r = compare(a, b);
    expect(r.districts).toEqual([]);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["compare-no-common-district"]);
    // The sheet still says why nothing is compared: who is in each year, in the list's order,
    // on lines under the (empty) table that run off no page.
    const sheet = comparisonLayout(r).sheets[0];
    const under = sheet.cells.slice(sheet.freezeRows).filter((row) => row.some((v) => v !== null));
    const lines = under.map((row) => row[0] as string);
    expect(lines[0]).toBe("仅见于旧 old / only in 旧 old：浦东");
    // 30 wide for the label and 5 for each name but the last: two lines of at most 80.
    expect(lines.slice(1).join("")).toBe(
      "仅见于新 new / only in 新 new：黄浦、静安、徐汇、长宁、普陀、虹口、杨浦、宝山、闵行、嘉定、金山、松江、青浦、奉贤、崇明",
    );
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    for (const row of under) expect(row.slice(1).every((v) => v === null)).toBe(true);
  });

  it("an indicator new in the newer framework is not compared, with a warning", () => {
    const fw = readFixture("framework.csv").map((r) => (r[0].startsWith("C3.") ? [...r.slice(0, 6), "1/4"] : r));
    fw.push(["C3.4", "3", "39", "C3", "数字孪生", "Digital twins", "1/4"]);
    const input = inputRows().map((r, i) => [...r, i === 0 ? "C3.4" : "100"]);
    const next = scoreWithFramework({ rows: fw }, { rows: input }, { roster: ROSTER, label: "2021" });
    expect(next.issues).toEqual([]);
    const r = compare(older, next.scores!);
    expect(r.codes).not.toContain("C3.4");
    expect(r.codes).toHaveLength(52); // 1 + 3 + 10 + 38
    expect(r.issues.map((i) => [i.code, i.indicator])).toEqual([["compare-new-indicator", "C3.4"]]);
  });
});

describe("comparison sheets", () => {
  const layout = comparisonLayout(c);
  const [overview, detail] = layout.sheets;

  it("an overview of the composite, districts by their new rank", () => {
    expect(overview.name).toBe("对比 2020→2021");
    const rows = overview.cells.slice(overview.freezeRows);
    expect(rows).toHaveLength(17); // 16 districts, then the city mean
    expect(rows[0].slice(0, 2)).toEqual(["浦东", "中心城区"]);
    const chongming = rows.find((r) => r[0] === "崇明")!;
    expect(rows.indexOf(chongming)).toBe(13); // 14th
    expect(chongming.slice(1, 2)).toEqual(["郊区"]);
    [sci("崇明").old, sci("崇明").new, sci("崇明").change].forEach((x, k) => expect(chongming[2 + k] as number).toBeCloseTo(x, 12));
    expect(chongming.slice(5, 9)).toEqual([16, 14, 2, "排名上升2位 / up 2 places"]);
    expect(chongming.slice(9)).toEqual([8, 6, 2, "排名上升2位 / up 2 places"]);
    expect(overview.numbers).toEqual([{ row: overview.freezeRows, col: 2, rows: 17, cols: 3 }]);
  });

  it("the city mean of each year under the districts, styled as totals", () => {
    const at = overview.freezeRows + 16;
    // Each year's mean over its 16 districts, computed here from the districts' own values.
    const mean = (k: "old" | "new") => c.districts.reduce((t, d) => t + d.indicators[c.codes.indexOf("SCI")][k], 0) / 16;
    const [label, region, old, now, change, ...ranks] = overview.cells[at];
    expect([label, region]).toEqual(["全市平均", null]);
    expect(old as number).toBeCloseTo(mean("old"), 9);
    expect(old as number).toBeCloseTo(109.77, 2); // the published 2020 city mean
    expect(now as number).toBeCloseTo(mean("new"), 9);
    expect(change as number).toBeCloseTo(mean("new") - mean("old"), 9);
    expect(ranks.every((v) => v === null)).toBe(true);
    expect(overview.totals).toEqual([{ row: at, col: 0, rows: 1, cols: 13 }]);
    // Names (and the mean's label) and regions, then the two notes' columns, set in from the border.
    expect(overview.indented).toEqual([
      { row: overview.freezeRows, col: 0, rows: 17, cols: 2 },
      { row: overview.freezeRows, col: 8, rows: 16, cols: 1 },
      { row: overview.freezeRows, col: 12, rows: 16, cols: 1 },
    ]);
    expect(overview.indented!.slice(1).map((b) => overview.cells[b.row][b.col])).toEqual(["排名不变 / unchanged", "排名不变 / unchanged"]);
  });

  it("a detail row for every indicator and district", () => {
    const rows = detail.cells.slice(detail.freezeRows);
    expect(rows).toHaveLength(52 * 16);
    expect(detail.totals).toEqual([]); // a table to filter: no average rows among the entities
    const row = rows.find((r) => r[0] === "B2.3" && r[2] === "崇明")!;
    expect(row[1]).toBe("电子警察监控点覆盖率");
    expect(row[6] as number).toBeCloseTo(10, 9);
    for (const r of detail.cells) expect(r).toHaveLength(detail.cells[0].length);
  });

  it("lists districts present in one year only under the overview", () => {
    const old15 = score(
      validated(
        inputRows().filter((r) => r[0] !== "金山"),
        { expectAll: false },
      ).dataset!,
    );
    const sheet = comparisonLayout(compare(old15, newer, { old: "2019", new: "2020" })).sheets[0];
    expect(sheet.cells.some((r) => r[0] === "仅见于2020 / only in 2020：金山")).toBe(true);
  });
});
