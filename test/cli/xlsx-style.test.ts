// The ranking workbook's look, read back with exceljs: rules, grey headers, centred ranks, and
// the page setup (landscape or portrait, one page wide, titles repeated, breaks between tables).
import { join } from "node:path";
import ExcelJS from "exceljs";
import { layoutWorkbook, writeLayoutXlsx } from "../../src/cli/write-xlsx";
import { compare, score } from "../../src/core";
import { blockCells, comparisonLayout, reportLayout, sheetStyle, type ReportLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { tempDir } from "./helpers";

const dir = tempDir();
const THIN = { style: "thin", color: { argb: "FF000000" } };
const GREY = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };

async function written(layout: ReportLayout, name: string): Promise<ExcelJS.Workbook> {
  const file = join(dir, name);
  await writeLayoutXlsx(layout, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("the ranking workbook, printed", async () => {
  const layout = reportLayout(score(dataset2020()), "2020");
  const wb = await written(layout, "styled.xlsx");
  const overall = wb.worksheets[0];
  // 中心城区's table after the title (2 rows), the source lines (2), a blank and the city table.
  const top = layout.sheets[0].tables.find((t) => t.key === "central")!.row + 1;
  const at = (col: string, offset: number) => `${col}${top + offset}`;

  it("rules the 中心城区 table from its header to its average row, on every side, and not its title", () => {
    expect(top).toBe(26);
    // Title (中心城区 / Central districts), header, 8 districts, the average: 11 rows.
    expect(overall.getCell(at("A", 0)).value).toBe("中心城区 / Central districts");
    expect(overall.getCell(at("A", 0)).border ?? {}).toEqual({});
    for (const address of [at("A", 1), at("G", 1), at("A", 2), at("B", 2), at("C", 9), at("G", 9)])
      expect(overall.getCell(address).border, address).toEqual({ top: THIN, bottom: THIN, left: THIN, right: THIN });
    // The average row: a double rule above it, as a table's totals.
    for (const address of [at("A", 10), at("B", 10), at("G", 10)])
      expect(overall.getCell(address).border, address).toEqual({
        top: { style: "double", color: { argb: "FF000000" } },
        bottom: THIN,
        left: THIN,
        right: THIN,
      });
    // Beyond the table's 7 columns (H is the city table's region) and in the blank row below: none.
    expect(overall.getCell(at("H", 2)).border ?? {}).toEqual({});
    expect(overall.getCell(at("A", 11)).border ?? {}).toEqual({});
  });

  it("fills the header rows grey, centred across their cells, and only them", () => {
    for (const address of [at("A", 1), at("B", 1), at("C", 1), at("G", 1)]) {
      expect(overall.getCell(address).fill, address).toEqual(GREY);
      expect(overall.getCell(address).alignment, address).toMatchObject({ horizontal: "centerContinuous", vertical: "middle" });
    }
    for (const address of [at("A", 0), at("A", 2), at("C", 2)])
      expect(overall.getCell(address).fill?.type === "pattern" && (overall.getCell(address).fill as ExcelJS.FillPattern).pattern === "solid", address).toBe(
        false,
      );
    // Indicator sheets: the region row (中心城区 … 郊区) and the column row are both header.
    // Indicator sheets: the region row (中心城区 … 郊区) and the column row are both header.
    const level1 = wb.worksheets[1];
    expect([level1.getCell("A7").value, level1.getCell("D7").value, level1.getCell("A8").value]).toEqual(["中心城区", "郊区", "排名"]);
    for (const address of ["A7", "B7", "D7", "F8"]) expect(level1.getCell(address).fill, address).toEqual(GREY);
    expect(level1.getCell("A9").fill?.type === "pattern" && (level1.getCell("A9").fill as ExcelJS.FillPattern).pattern).not.toBe("solid");
  });

  it("centres the ranks, indents the names, leaves the values right-aligned by default", () => {
    for (let r = top + 2; r <= top + 9; r++) {
      expect(overall.getCell(r, 1).value).toBe(r - top - 1);
      expect(overall.getCell(r, 1).alignment, `A${r}`).toEqual({ horizontal: "center" });
      // An indent shows only in a left-aligned cell: General alignment ignores it.
      expect(overall.getCell(r, 2).alignment, `B${r}`).toEqual({ horizontal: "left", indent: 1 });
      expect(overall.getCell(r, 3).alignment?.horizontal, `C${r}`).toBeUndefined();
    }
    const level3 = wb.worksheets[3];
    expect(level3.getCell("A9").value).toBe(1);
    expect(level3.getCell("A9").alignment).toEqual({ horizontal: "center" });
    expect(level3.getCell("D9").alignment).toEqual({ horizontal: "center" }); // 郊区's rank column
  });

  it("names the Chinese face in every cell, the title at 14 pt, the source line small", () => {
    expect(overall.getCell("A1").font).toMatchObject({ name: "Microsoft YaHei", bold: true, size: 14 });
    expect(overall.getCell("A2").font).toMatchObject({ name: "Microsoft YaHei", bold: true, size: 11 });
    expect(overall.getCell("A3").font).toMatchObject({ name: "Microsoft YaHei", size: 8 });
    expect(overall.getCell(at("B", 2)).font).toMatchObject({ name: "Microsoft YaHei", size: 10 });
  });

  it("sets every sheet one page wide on A4, frozen rows repeated, the layout's rectangle printed", () => {
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      const last = `${String.fromCharCode(64 + sheet.cells[0].length)}${sheet.cells.length}`;
      expect(ws.pageSetup, sheet.name).toMatchObject({
        orientation: "portrait",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: "1:2",
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      });
      expect(ws.pageSetup.printArea?.replace(/\$/g, ""), sheet.name).toBe(`A1:${last}`);
      expect(ws.headerFooter.oddFooter).toBe("&C&P / &N");
    });
  });

  it("breaks the page before 郊区's table, after the city's and 中心城区's (exceljs keeps breaks as 'after row N')", async () => {
    // Read-back drops page breaks, so look at the workbook as written.
    const made = await layoutWorkbook(layout);
    // exceljs keeps them on the worksheet; its typings leave the list out.
    const breaks = (s: number) => (made.worksheets[s] as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks;
    const suburban = layout.sheets[0].tables.find((t) => t.key === "suburban")!;
    expect(made.worksheets[0].getCell(suburban.row + 1, 1).value).toBe("郊区 / Suburban districts");
    expect(breaks(0)).toEqual([{ id: suburban.row, max: 16383, man: 1 }]);
    layout.sheets.forEach((sheet, s) => expect(breaks(s).map((b) => b.id)).toEqual(sheetStyle(sheet).page.rowBreaks));
    expect(breaks(3).length).toBeGreaterThan(10);
  });
});

describe("a comparison workbook gets the same look", async () => {
  const older = score({ ...dataset2020(), label: "2020" });
  const layout = comparisonLayout(
    // The same data a year on: every rank unchanged, which is all the look needs.
    compare(older, score({ ...dataset2020(), label: "2021" })),
  );
  const wb = await written(layout, "compare.xlsx");

  it("rules and shades its table, centres its ranks, prints landscape", () => {
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      const style = sheetStyle(sheet);
      // Every cell ruled; the city mean's row (the overview's totals) under a double rule.
      const doubled = new Set(style.totals.map((b) => b.row));
      for (const [r, c] of blockCells(style.ruled[0]))
        expect(ws.getCell(r + 1, c + 1).border, `${sheet.name} r${r} c${c}`).toEqual({
          top: doubled.has(r) ? { style: "double", color: { argb: "FF000000" } } : THIN,
          bottom: THIN,
          left: THIN,
          right: THIN,
        });
      for (const [r, c] of blockCells(style.headers[0])) expect(ws.getCell(r + 1, c + 1).fill).toEqual(GREY);
      for (const [r, c] of style.centered.flatMap((b) => [...blockCells(b)]))
        expect(ws.getCell(r + 1, c + 1).alignment).toMatchObject({ horizontal: "center" });
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${sheet.freezeRows}` });
      // Two header rows: the groups (value, rank over the city, rank in the region) fit on one
      // line; the columns' bilingual titles wrap, two lines tall; body rows below wrap only where
      // a name is longer than its column.
      const head = style.headers[0];
      expect(head.rows).toBe(2);
      expect(style.wrapped[0]).toEqual({ ...head, row: head.row + 1, rows: 1, points: 32 });
      for (const w of style.wrapped.slice(1)) expect(w.row).toBeGreaterThan(head.row + 1);
      expect(ws.getRow(head.row + 2).height).toBe(32);
      expect(ws.getCell(head.row + 2, 6).alignment).toEqual({ horizontal: "centerContinuous", vertical: "middle", wrapText: true });
    });
  });
});
