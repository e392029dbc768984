// The ranking workbook (--out) read back with exceljs, and .xlsx input through the CLI.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellValue } from "../../src/cli/read";
import { layoutWorkbook, writeLayoutXlsx } from "../../src/cli/write-xlsx";
import { score } from "../../src/core";
import { reportLayout, withMap, type ReportLayout, type SheetLayout } from "../../src/report";
import { dataset2020, GEOMETRY_SHANGHAI } from "../../src/data";
import { columnName, fixtureRows, sci, sciJson, tempDir } from "./helpers";
import { both } from "../core/fixtures";

const dir = tempDir();

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const inBlock = (sheet: SheetLayout, r: number, c: number) => sheet.numbers.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);

describe("sci score --out FILE.xlsx", async () => {
  const file = join(dir, "ranking.xlsx");
  const ran = await sci(["score", "--out", file]);
  // As the CLI lays it out: today's date on the source line, the map under the city table.
  const s2020 = score(dataset2020());
  const layout = withMap(reportLayout(s2020, undefined, { date: new Date().toISOString().slice(0, 10) }), s2020, GEOMETRY_SHANGHAI);
  const wb = await readBack(file);

  it("exits 0, prints the ranking, says what it wrote, leaves no temporary file", () => {
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("浦东 Pudong");
    expect(ran.stderr).toBe(
      `已写出排名工作簿 ranking.xlsx（${layout.sheets.length} 个工作表） / wrote the ranking workbook ranking.xlsx (${layout.sheets.length} sheets)\n`,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("has the layout's sheets, in order, with their names", () => {
    expect(layout.sheets.length).toBeGreaterThanOrEqual(4); // overall + three indicator levels
    expect(wb.worksheets.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
  });

  it("holds every cell of reportLayout: numbers exactly, strings as text, blanks blank", () => {
    let numbers = 0;
    let strings = 0;
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      sheet.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = ws.getCell(r + 1, c + 1);
          const where = `${sheet.name}!${cell.address}`;
          if (v === null) return expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
          expect(cell.value, where).toBe(v);
          expect(cell.type, where).toBe(typeof v === "number" ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String);
          if (typeof v === "number") numbers++;
          else strings++;
        }),
      );
      // Nothing beyond the layout.
      expect(ws.actualRowCount, sheet.name).toBeLessThanOrEqual(sheet.cells.length);
      ws.eachRow((row) => expect(row.cellCount, sheet.name).toBeLessThanOrEqual(sheet.cells[0].length));
    });
    // 52 indicators × 16 districts of values and ranks, and more: this is not an empty check.
    expect(numbers).toBeGreaterThan(52 * 16 * 2);
    expect(strings).toBeGreaterThan(52 * 16);
  });

  it("the overall sheet shows 浦东 first with 133.41 formatted 0.00", () => {
    const ws = wb.worksheets[0];
    const cells: { r: number; c: number }[] = [];
    ws.eachRow((row, r) => row.eachCell((cell, c) => (cell.value === "浦东" ? cells.push({ r, c }) : undefined)));
    expect(cells.length).toBeGreaterThanOrEqual(2); // its region's table and the city's
    for (const { r, c } of cells) {
      const sci = ws.getCell(r, c + 1);
      expect(Number(sci.value)).toBeCloseTo(133.41, 2);
      expect(sci.numFmt).toBe("0.00");
      expect(ws.getCell(r, c - 1).value).toBe(1);
    }
  });

  it("formats exactly the layout's number blocks as 0.00", () => {
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      let formatted = 0;
      sheet.cells.forEach((row, r) =>
        row.forEach((_, c) => {
          const want = inBlock(sheet, r, c);
          const fmt = ws.getCell(r + 1, c + 1).numFmt;
          expect(fmt === "0.00", `${sheet.name} r${r} c${c}`).toBe(want);
          if (want) formatted++;
        }),
      );
      expect(formatted, sheet.name).toBeGreaterThan(0);
    });
  });

  it("bolds the header rows, freezes the top rows, sets the column widths", () => {
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      sheet.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          // Bold: the title and header rows, and the average rows (styled as totals).
          const total = (sheet.totals ?? []).some((b) => r >= b.row && r < b.row + b.rows);
          expect(!!ws.getCell(r + 1, c + 1).font?.bold, `${sheet.name} r${r} c${c}`).toBe(sheet.headerRows.includes(r) || total);
        }),
      );
      expect(sheet.freezeRows).toBeGreaterThan(0);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.freezeRows });
      sheet.columnWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width, `${sheet.name} col ${c}`).toBe(w));
    });
  });
});

describe("the workbook writer", () => {
  const sheet = (name: string, cells: SheetLayout["cells"]): SheetLayout => ({
    key: name,
    name,
    cells,
    numbers: [{ row: 1, col: 1, rows: 1, cols: 1 }],
    headerRows: [0],
    freezeRows: 1,
    tables: [],
    charts: [],
    columnWidths: cells[0].map(() => 12),
  });
  const FORMULA_LIKE = ["=1+1", "@x", "+SUM(A1:A2)", "-1+2", '=HYPERLINK("http://example.com","x")', "=cmd|' /C calc'!A0", "#N/A"];

  it("writes formula-like text as text, never as a formula", async () => {
    const layout: ReportLayout = { title: "t", sheets: [sheet("Text", [FORMULA_LIKE, [null, 1.005, ...FORMULA_LIKE.slice(2).map(() => null)]])] };
    const file = join(dir, "text.xlsx");
    await writeLayoutXlsx(layout, file);
    const ws = (await readBack(file)).worksheets[0];
    FORMULA_LIKE.forEach((text, c) => {
      const cell = ws.getCell(1, c + 1);
      expect(cell.type, text).toBe(ExcelJS.ValueType.String);
      expect(cell.value, text).toBe(text);
      expect(cell.formula, text).toBeUndefined();
    });
    expect(ws.getCell(2, 2).value).toBe(1.005);
    expect(ws.getCell(2, 2).numFmt).toBe("0.00");
  });

  it("gives sheets valid, unique names (the add-in's rules) and drops non-finite numbers", async () => {
    const wb = await layoutWorkbook({
      title: "",
      sheets: [sheet("a/b:c", [[NaN, Infinity, 2]]), sheet("A/B:C", [[1]]), sheet("x".repeat(40), [[1]]), sheet("x".repeat(40), [[1]])],
    });
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("a_b_c");
    expect(names[1]).toBe("A_B_C (2)"); // equal to the first but for case
    expect(names[2]).toBe("x".repeat(31));
    expect(names[3]).toBe("x".repeat(27) + " (2)");
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(wb.worksheets[0].getCell(1, 1).value).toBeNull();
    expect(wb.worksheets[0].getCell(1, 2).value).toBeNull();
    expect(wb.worksheets[0].getCell(1, 3).value).toBe(2);
  });
});

describe("exceljs cell values as the core reads them", () => {
  it("maps formula results, rich text, hyperlinks, errors and dates", () => {
    expect(cellValue({ formula: "A1*2", result: 120.5 })).toBe(120.5);
    expect(cellValue({ sharedFormula: "B2", result: "浦东" })).toBe("浦东");
    expect(cellValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(cellValue({ formula: "X()" })).toBeNull(); // never calculated
    expect(cellValue({ error: "#N/A" })).toBe("#N/A");
    expect(cellValue({ richText: [{ text: "浦" }, { font: { bold: true }, text: "东" }] })).toBe("浦东");
    expect(cellValue({ text: "Pudong", hyperlink: "http://example.com" })).toBe("Pudong");
    expect(cellValue(new Date(Date.UTC(2020, 11, 31)))).toBe("2020-12-31");
    expect(cellValue(true)).toBe(true);
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue({ something: 1 })).toBe('{"something":1}');
  });
});

describe("sci score INPUT.xlsx", async () => {
  const [head, ...rows] = fixtureRows("inputs.csv");
  const numeric = rows.map((r) => r.map((v, c) => (c < 2 ? v : Number(v))));
  const builtIn = await sciJson(["score"]);

  async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("the first worksheet, plain cells from A1, gives the built-in result", async () => {
    const file = await save("plain.xlsx", (wb) => wb.addWorksheet("数据").addRows([head, ...numeric]));
    const json = await sciJson(["score", file]);
    expect(json.ran.code).toBe(0);
    expect(json.districts).toEqual(builtIn.districts);
    expect(json.averages).toEqual(builtIn.averages);
  });

  it("prefers the SCI_Input table, wherever it sits, with formulas and rich text in it", async () => {
    const file = await save("table.xlsx", (wb) => {
      wb.addWorksheet("说明").addRows([["这不是输入表"], ["district", "A1.1"], ["浦东", 1]]);
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = "2020 inputs";
      const tableRows = numeric.map((r) =>
        r.map((v, c) => {
          if (c === 0) return { richText: [{ text: String(v) }] } as unknown as ExcelJS.CellValue;
          if (c === 2) return { formula: `${v}+0`, result: v } as ExcelJS.CellValue;
          return v;
        }),
      );
      ws.addTable({ name: "SCI_Input", ref: "C4", columns: head.map((name) => ({ name })), rows: tableRows });
      ws.getCell("A30").value = "notes below the table are not read";
    });
    const json = await sciJson(["score", file]);
    expect(json.ran.stderr).toBe("");
    expect(json.ran.code).toBe(0);
    expect(json.districts).toEqual(builtIn.districts);
  });

  it("names the sheet and cell of a bad value inside the table (origin offset), and an Excel error as such", async () => {
    const file = await save("bad.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      const bad = numeric.map((r) => [...r] as ExcelJS.CellValue[]);
      bad[2][head.indexOf("B2.3")] = { error: "#N/A" } as ExcelJS.CellValue; // 静安
      bad[3][head.indexOf("C1.1")] = new Date(Date.UTC(2020, 0, 1)); // 徐汇
      ws.addTable({ name: "SCI_Input", ref: "B3", columns: head.map((name) => ({ name })), rows: bad });
    });
    const out = join(dir, "bad-out.xlsx");
    const json = await sciJson(["score", file, "--out", out]);
    expect(json.ran.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    // Header on row 3, 静安 is the third data row → row 6; columns start at B.
    const col = (code: string) => columnName(1 + head.indexOf(code));
    const na = json.issues.find((i) => i.code === "excel-error")!;
    expect(na.cell).toMatchObject({ sheet: "Data", address: `${col("B2.3")}6` });
    expect(both(na)).toContain(`Data!${col("B2.3")}6，静安，B2.3`);
    expect(both(na)).toContain("#N/A");
    const date = json.issues.find((i) => i.code === "not-a-number")!;
    expect(date.cell?.address).toBe(`${col("C1.1")}7`);
    expect(both(date)).toContain("2020-01-01");
    expect(json.ran.stderr).toContain(`Data!${col("B2.3")}6`);
  });

  it("falls back to a sheet named SCI_Input, its used range found wherever it starts", async () => {
    const file = await save("sheet.xlsx", (wb) => {
      wb.addWorksheet("Other").getCell("A1").value = "x";
      const ws = wb.addWorksheet("sci_input");
      [head, ...numeric].forEach((r, i) => r.forEach((v, c) => (ws.getCell(5 + i, 4 + c).value = v)));
    });
    const json = await sciJson(["score", file]);
    expect(json.ran.code).toBe(0);
    expect(json.districts).toEqual(builtIn.districts);
  });

  it("a workbook whose first sheet is empty reports an empty table", async () => {
    const file = await save("empty.xlsx", (wb) => wb.addWorksheet("Empty"));
    const ran = await sci(["score", file]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("[empty-table]");
  });
});
