// The generate writer with the other layouts the core makes: the year-over-year comparison and
// the robustness sheet. Same guarantees as the ranking sheets: every cell as the layout says,
// fresh names, text stays text, two syncs, a failure rolled back.
import { compare, score, sensitivity, validate } from "../../src/core";
import { comparisonLayout, sensitivityLayout, type Block, type ReportLayout, type SheetLayout } from "../../src/report";
import { dataset2020, framework2020, INPUTS_2020, shanghaiRoster } from "../../src/data";
import { writeLayout } from "../../src/excel/generate";
import { officeWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../fakes/excel";
import { displayText } from "../fakes/excel-state";
import { a1, chineseThenEnglish } from "./fixtures";

const expected = (sheet: SheetLayout) => sheet.cells.map((r) => r.map((v) => (v === null ? "" : v)));
const corner = (sheet: SheetLayout) => `A1:${a1(sheet.cells.length - 1, sheet.cells[0].length - 1)}`;
const within = (blocks: readonly Block[], r: number, c: number) => blocks.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
const inBlock = (sheet: SheetLayout, r: number, c: number) => within(sheet.numbers, r, c);

/** The 2020 inputs with one change: 浦东's coefficient halved, so its composite is half. */
function lastYear(coefficient = 0.5) {
  const rows = INPUTS_2020.map((r) => [...r]);
  const c = rows[0].indexOf("coefficient");
  rows.find((r) => r[0] === "浦东")![c] = coefficient;
  const { dataset, issues } = validate({ rows }, { framework: framework2020, roster: shanghaiRoster, label: "2019" });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return score(dataset!);
}

/** Every cell equals the layout, strings are text (`@`), number blocks `0.00`, headers and averages bold, no formulas. */
function expectWritten(xl: FakeExcel, name: string, sheet: SheetLayout) {
  expect(xl.values(name, corner(sheet))).toEqual(expected(sheet));
  const used = xl.values(name);
  expect(used.length).toBeLessThanOrEqual(sheet.cells.length);
  sheet.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = xl.cell(name, a1(r, c));
      expect(cell.formula, `${name}!${a1(r, c)}`).toBeUndefined();
      expect(cell.numberFormat, `${name}!${a1(r, c)}`).toBe(typeof v === "string" ? "@" : inBlock(sheet, r, c) ? "0.00" : "General");
      expect(cell.bold, `${name}!${a1(r, c)}`).toBe(sheet.headerRows.includes(r) || within(sheet.totals ?? [], r, c));
    }),
  );
  expect(xl.sheet(name).freezeRows).toBe(sheet.freezeRows);
  expect(xl.sheet(name).charts).toHaveLength(sheet.charts.length);
}

describe("writeLayout: the year-over-year comparison", () => {
  const now = score(dataset2020());
  const layout = comparisonLayout(compare(lastYear(), now, { old: "2019", new: "2020" }));

  it("writes both sheets cell for cell in 2 syncs, under the layout's names", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(result).toEqual({
      ok: true,
      sheets: ["对比 2019→2020", "对比明细 2019→2020"],
      syncs: 2,
      mismatches: [],
      largestRequest: expect.any(Number),
      notes: [],
    });
    expect(xl.syncs).toBe(2);
    layout.sheets.forEach((sheet) => expectWritten(xl, sheet.name, sheet));
    // Detail: every indicator of the framework for every district.
    expect(layout.sheets[1].cells.length - layout.sheets[1].freezeRows).toBe(framework2020.order.length * 16);
  });

  it("shows the known change: 浦东 from last to first, everyone else one place down", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => writeLayout(ctx, layout));
    const top = layout.sheets[0].freezeRows;
    const rows = xl.values("对比 2019→2020").slice(top, top + 16);
    const pudong = rows.find((r) => r[0] === "浦东")!;
    const [oldValue, newValue, change] = pudong.slice(2, 5) as number[];
    // The coefficient halved it (to the 15 significant digits a sheet keeps).
    expect(oldValue * 2).toBeCloseTo(newValue, 10);
    expect(change).toBeCloseTo(newValue - oldValue, 10);
    expect(pudong.slice(5)).toEqual([16, 1, 15, "排名上升15位 / up 15 places", 8, 1, 7, "排名上升7位 / up 7 places"]);
    // As shown: the published 133.41 now, half of it last year, two decimals; ranks as integers.
    const at = top + rows.indexOf(pudong);
    const shown = (c: number) => displayText(xl.cell("对比 2019→2020", a1(at, c)));
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(shown)).toEqual(["浦东", "中心城区", "66.71", "133.41", "66.71", "16", "1", "15"]);
    for (const r of rows.filter((r) => r[0] !== "浦东")) {
      expect(r[4], String(r[0])).toBe(0);
      expect(r[7], String(r[0])).toBe(-1);
      expect(r[8]).toBe("排名下降1位 / down 1 place");
    }
    // Suburban districts keep their rank in their region.
    for (const r of rows.filter((r) => r[1] === "郊区")) expect(r.slice(9)).toEqual([r[10], r[10], 0, "排名不变 / unchanged"]);
  });

  it("never overwrites: names taken get one fresh suffix for the pair; the user's sheet is untouched", async () => {
    const xl = new FakeExcel();
    xl.addSheet("对比 2019→2020", [["mine", "=keep"]]);
    const before = xl.snapshot();
    const result = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(result).toMatchObject({ ok: true, sheets: ["对比 2019→2020 (2)", "对比明细 2019→2020 (2)"], syncs: 2 });
    expect(xl.snapshot().sheets.slice(0, 2)).toEqual(before.sheets);
    expectWritten(xl, "对比明细 2019→2020 (2)", layout.sheets[1]);
    const again = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(again.ok && again.sheets).toEqual(["对比 2019→2020 (3)", "对比明细 2019→2020 (3)"]);
  });

  it("formula-like district names and labels stay text", async () => {
    const head = INPUTS_2020[0];
    const names = ["=SUM(1,2)", "+86 区", "-东区", "@home"];
    const rows = [head, ...names.map((n, i) => [n, i % 2 ? "suburban" : "central", ...INPUTS_2020[i + 1].slice(2)])];
    const ds = validate({ rows }, { framework: framework2020 }).dataset!;
    const hostile = comparisonLayout(compare(score(ds), score(ds), { old: "=1+1", new: "+2" }));
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeLayout(ctx, hostile));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [], largestRequest: expect.any(Number) });
    if (result.ok) hostile.sheets.forEach((sheet, i) => expectWritten(xl, result.sheets[i], sheet));
    const texts = xl.values(result.ok ? result.sheets[0] : "").flat();
    for (const n of names) expect(texts).toContain(n);
  });
});

describe("writeLayout: the robustness sheet", () => {
  const ds = dataset2020();
  const result = sensitivity(ds, { replications: 2000, perturbation: 0.15, seed: 3 }).result!;
  const layout: ReportLayout = { title: "2020", sheets: [sensitivityLayout(result, ds)] };

  it("writes the sheet and its chart cell for cell in 2 syncs", async () => {
    const xl = new FakeExcel();
    const written = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(written).toEqual({ ok: true, sheets: ["稳健性 2020"], syncs: 2, mismatches: [], largestRequest: expect.any(Number), notes: [] });
    expectWritten(xl, "稳健性 2020", layout.sheets[0]);
    const chart = layout.sheets[0].charts[0];
    expect(xl.sheet("稳健性 2020").charts[0]).toMatchObject({ title: chart.title, source: chart.values, xValues: chart.categories });
    // Rows by baseline rank: 浦东 first, each row's numbers from the result.
    const top = layout.sheets[0].freezeRows;
    const rows = xl.values("稳健性 2020").slice(top, top + 16);
    expect(rows.map((r) => r[3])).toEqual([...rows.map((r) => r[3])].sort((a, b) => Number(a) - Number(b)));
    const pudong = result.districts.find((d) => d.district === "浦东")!.ranks.city;
    expect(rows[0].slice(0, 1).concat(rows[0].slice(3, 8))).toEqual(["浦东", pudong.baseline, pudong.median, pudong.p5, pudong.p95, pudong.keep * 100]);
  });

  it("through the pane's workbook: a second write gets a fresh name", async () => {
    const xl = new FakeExcel();
    const wb = officeWorkbook(xl.runExcel);
    const first = await wb.writeLayout(layout);
    const second = await wb.writeLayout(layout);
    expect([first.ok && first.sheets, second.ok && second.sheets]).toEqual([["稳健性 2020"], ["稳健性 2020 (2)"]]);
    expect(xl.syncs).toBe(4);
    expectWritten(xl, "稳健性 2020 (2)", layout.sheets[0]);
  });

  it("a failure half-way leaves the workbook as it was, and says so Chinese then English", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Mine", [["x"]]);
    const before = xl.snapshot();
    xl.failOn("charts.add", 1);
    const failed = await xl.runExcel((ctx) => writeLayout(ctx, layout));
    expect(failed).toMatchObject({ ok: false, rolledBack: true, written: [] });
    expect(failed.syncs).toBeLessThanOrEqual(4);
    if (!failed.ok) expect(chineseThenEnglish(failed.message)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
  });
});
