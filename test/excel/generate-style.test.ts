// The add-in's sheets look and print like the CLI's workbook: rules, grey headers, centred ranks
// and the page setup, queued in the same write batch (still 2 syncs), rolled back with the rest
// on failure, and left out on an Excel without the page-layout API.
import { compare, score } from "../../src/core";
import { comparisonLayout, reportLayout, sheetStyle, type Block, type SheetLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { writeLayout, writeRanking } from "../../src/excel/generate";
import { FakeExcel, type Line } from "../fakes/excel";
import { a1, chineseThenEnglish } from "./fixtures";

const layout = reportLayout(score(dataset2020()), "2020");
const THIN: Line = { style: "Continuous", weight: "Thin", color: "#000000" };
const inAny = (blocks: Block[], r: number, c: number) => blocks.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);

/**
 * Every cell of the sheet: ruled, filled and aligned exactly where the style says; names
 * indented (left-aligned, one step) where this Excel has ExcelApi 1.9 (`indents`).
 */
function expectStyled(xl: FakeExcel, name: string, sheet: SheetLayout, indents = true) {
  const style = sheetStyle(sheet);
  let ruled = 0;
  sheet.cells.forEach((row, r) =>
    row.forEach((_, c) => {
      const cell = xl.cell(name, a1(r, c));
      const where = `${name}!${a1(r, c)}`;
      // An average row's top is a double rule, as a table's totals.
      const totalTop = style.totals.some((b) => r === b.row && c >= b.col && c < b.col + b.cols);
      if (inAny(style.ruled, r, c)) {
        expect(cell.borders, where).toEqual({
          top: totalTop ? { style: "Double", color: "#000000", weight: "Thin" } : THIN,
          bottom: THIN,
          left: THIN,
          right: THIN,
        });
        ruled++;
      } else expect(cell.borders, where).toBeUndefined();
      const header = inAny(style.headers, r, c);
      expect(cell.fill, where).toBe(header ? "#D9D9D9" : inAny(style.totals, r, c) ? "#F2F2F2" : undefined);
      const indented = indents && inAny(style.indented, r, c);
      expect(cell.horizontalAlignment, where).toBe(header ? "CenterAcrossSelection" : inAny(style.centered, r, c) ? "Center" : indented ? "Left" : undefined);
      expect(cell.indentLevel, where).toBe(indented ? 1 : undefined);
      expect(!!cell.wrapText, where).toBe(inAny(style.wrapped, r, c));
    }),
  );
  expect(ruled).toBeGreaterThan(0);
  // Every row at 15 points, the title's taller, wrapped rows as tall as their lines.
  const heights = new Map(sheet.cells.map((_, r) => [r, 15]));
  for (const w of style.wrapped) heights.set(w.row, w.points);
  for (const t of style.titles) heights.set(t.row, Math.round(t.points * 1.5));
  expect(new Map(xl.sheet(name).rowHeights)).toEqual(heights);
}

describe("the ranking sheets' look in Excel", () => {
  it("rules tables, shades headers, centres ranks, sets up the page — in the same 2 syncs", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [] });
    expect(xl.syncs).toBe(2);
    for (const sheet of layout.sheets) expectStyled(xl, sheet.name, sheet);

    // Spot checks by address: the title in two rows and the source line; the city table's title
    // A6 bare, header row 7 grey, 浦东's rank centred, its name indented.
    const overall = xl.sheet("排名 2020");
    expect(xl.cell("排名 2020", "A1")).toMatchObject({ value: "2020年智慧城市发展水平指数排名", bold: true });
    expect(xl.cell("排名 2020", "A2")).toMatchObject({ value: "2020 Smart City Development Index ranking", bold: true });
    expect(xl.cell("排名 2020", "A6")).toMatchObject({ value: "全市 / City", bold: true });
    expect(xl.cell("排名 2020", "A6").borders).toBeUndefined();
    expect(xl.cell("排名 2020", "C7")).toMatchObject({ value: "智慧城市发展水平指数", fill: "#D9D9D9", borders: { top: THIN } });
    expect(xl.cell("排名 2020", "A8")).toMatchObject({ value: 1, horizontalAlignment: "Center", borders: { left: THIN } });
    expect(xl.cell("排名 2020", "B8")).toMatchObject({ value: "浦东", borders: { bottom: THIN }, horizontalAlignment: "Left", indentLevel: 1 });

    const suburban = layout.sheets[0].tables.find((t) => t.key === "suburban")!;
    expect(overall.page).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 }, // as many pages tall as needed: no undocumented 0
      margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
      centerHorizontally: true,
      printArea: { row: 0, col: 0, rows: 49, cols: 8 },
      printTitleRows: { row: 0, col: 0, rows: 2, cols: 16384 },
      centerFooter: "&P / &N",
      rowBreaks: [suburban.row],
    });
    for (const sheet of layout.sheets.slice(1)) {
      const page = xl.sheet(sheet.name).page;
      expect(page.orientation).toBe("Portrait");
      expect(page.rowBreaks).toEqual(sheetStyle(sheet).page.rowBreaks);
      expect(page.printArea).toEqual({ row: 0, col: 0, rows: sheet.cells.length, cols: 6 });
    }
  });

  it("a comparison gets the same look through the same writer", async () => {
    const older = score({ ...dataset2020(), label: "2020" });
    const cmp = comparisonLayout(compare(older, score({ ...dataset2020(), label: "2021" })));
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => writeLayout(ctx, cmp));
    expect(result).toMatchObject({ ok: true, syncs: 2 });
    // Under the title, source and blank rows (0–4) and the group row (5), the column headers wrap
    // in a taller row: "行政区 / district" in 12 characters, "变化 / change" in 11, two lines.
    expect(cmp.sheets.map((s) => sheetStyle(s).wrapped[0]).map((w) => [w.row, w.points])).toEqual([
      [6, 32],
      [6, 32],
    ]);
    for (const sheet of cmp.sheets) {
      expectStyled(xl, sheet.name, sheet);
      expect(xl.sheet(sheet.name).page).toMatchObject({ orientation: "Landscape", printTitleRows: { rows: sheet.freezeRows } });
    }
  });

  it("a failure at the page setup rolls back every sheet of the click", async () => {
    const xl = new FakeExcel();
    xl.addSheet("Mine", [["x"]]);
    const before = xl.snapshot();
    xl.failOn("pageLayout.zoom", 3);
    const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
    expect(result).toMatchObject({ ok: false, rolledBack: true, written: [] });
    if (!result.ok) expect(chineseThenEnglish(result.message)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
  });

  it("an Excel without ExcelApi 1.9 gets the rules and fills but leaves printing alone", async () => {
    const asked: string[] = [];
    const office = {
      context: { requirements: { isSetSupported: (set: string, v: string) => (asked.push(`${set} ${v}`), set !== "ExcelApi" || Number(v) < 1.9) } },
    };
    vi.stubGlobal("Office", office);
    try {
      const xl = new FakeExcel();
      const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
      expect(result).toMatchObject({ ok: true, syncs: 2, mismatches: [] });
      expect(asked).toContain("ExcelApi 1.9");
      for (const sheet of layout.sheets) {
        expectStyled(xl, sheet.name, sheet, false);
        expect(xl.sheet(sheet.name).page).toMatchObject({ orientation: "Portrait", paperSize: "Letter", rowBreaks: [], centerFooter: "" });
      }
      expect(xl.changes.some((c) => c.op.startsWith("pageLayout."))).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("an Excel on the web (ExcelApi 1.9, no desktop API set) sets the page with its page-number footer", async () => {
    vi.stubGlobal("Office", { context: { requirements: { isSetSupported: (set: string) => set !== "ExcelApiDesktop" } } });
    try {
      const xl = new FakeExcel();
      const result = await xl.runExcel((ctx) => writeRanking(ctx, layout));
      expect(result).toMatchObject({ ok: true, syncs: 2 });
      expect(xl.sheet("排名 2020").page).toMatchObject({ orientation: "Portrait", centerFooter: "&P / &N" });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("the fake's borders follow Excel's edges", () => {
  it("edges rule the outside, inside lines the shared edges, nothing outside the range", async () => {
    const xl = new FakeExcel();
    await xl.runExcel(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const borders = ws.getRange("B2:C3").format.borders;
      for (const edge of ["EdgeTop", "InsideHorizontal"] as const) borders.getItem(edge).style = "Continuous";
      await ctx.sync();
    });
    const sides = (a: string) => Object.keys(xl.cell("Sheet1", a).borders ?? {}).sort();
    expect([sides("B2"), sides("C2"), sides("B3"), sides("C3"), sides("A1"), sides("B4")]).toEqual([
      ["bottom", "top"],
      ["bottom", "top"],
      ["top"],
      ["top"],
      [],
      [],
    ]);
  });
});
