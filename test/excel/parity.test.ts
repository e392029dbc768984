// The ranking workbook the CLI writes (sci score --out) and the sheets the add-in writes hold
// the same cells: both are read back (the CLI's .xlsx through exceljs, the add-in's from the
// fake workbook) and compared cell by cell, with their number formats, then their look: rules,
// fills, alignment and the page setup.
import ExcelJS from "exceljs";
import { score } from "../../src/core";
import { reportLayout } from "../../src/report";
import { dataset2020 } from "../../src/data";
import { layoutWorkbook } from "../../src/cli/write-xlsx";
import { writeRanking } from "../../src/excel/generate";
import { FakeExcel, type Cell as FakeCell } from "../fakes/excel";
import { a1 } from "./fixtures";

type Cell = string | number | "";

async function cliSheets(layout: ReturnType<typeof reportLayout>) {
  const buffer = await (await layoutWorkbook(layout)).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, { value: Cell; numFmt?: string }>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (typeof v !== "string" && typeof v !== "number") throw new Error(`${ws.name}!${cell.address}: not a plain value: ${JSON.stringify(v)}`);
        cells.set(a1(r - 1, c - 1), { value: v, numFmt: cell.numFmt });
      }),
    );
    return { name: ws.name, cells };
  });
}

describe("CLI workbook and add-in sheets", () => {
  it("hold the same cells, sheet by sheet, with the same 0.00 numbers", async () => {
    const layout = reportLayout(score(dataset2020()), "2020");
    const cli = await cliSheets(layout);
    const excel = new FakeExcel();
    const result = await excel.runExcel((ctx) => writeRanking(ctx, layout));
    if (!result.ok) throw new Error(result.message.en);
    expect(cli.map((s) => s.name)).toEqual(result.sheets);

    let compared = 0;
    for (const { name, cells } of cli) {
      const addin = excel.values(name);
      const addinCells = new Map<string, Cell>();
      addin.forEach((row, r) => row.forEach((v, c) => v !== "" && addinCells.set(a1(r, c), v as Cell)));
      expect([...addinCells.keys()].sort(), name).toEqual([...cells.keys()].sort());
      for (const [address, { value, numFmt }] of cells) {
        expect(addinCells.get(address), `${name}!${address}`).toBe(value);
        const format = excel.cell(name, address).numberFormat;
        if (numFmt === "0.00") expect(format, `${name}!${address}`).toBe("0.00");
        else expect(format === "0.00", `${name}!${address}`).toBe(false);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});

/** A cell's look in words both writers share. */
const ALIGN: Record<string, string> = {
  center: "Center",
  centerContinuous: "CenterAcrossSelection",
  Center: "Center",
  CenterAcrossSelection: "CenterAcrossSelection",
};
function cliLook(cell: ExcelJS.Cell): string {
  const sides = (["top", "bottom", "left", "right"] as const).filter((k) => cell.border?.[k]?.style === "thin");
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? `#${cell.fill.fgColor?.argb?.slice(2)}` : "";
  return `${sides.join(",")}|${fill}|${ALIGN[cell.alignment?.horizontal ?? ""] ?? ""}`;
}
function addinLook(cell: FakeCell): string {
  const sides = (["top", "bottom", "left", "right"] as const).filter((k) => cell.borders?.[k]?.style === "Continuous" && cell.borders[k]!.weight === "Thin");
  return `${sides.join(",")}|${cell.fill ?? ""}|${ALIGN[cell.horizontalAlignment ?? ""] ?? ""}`;
}

describe("CLI workbook and add-in sheets look alike", () => {
  it("the same rules, fills and alignment on every cell, the same page setup", async () => {
    const layout = reportLayout(score(dataset2020()), "2020");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await layoutWorkbook(layout)).xlsx.writeBuffer()) as ArrayBuffer);
    const excel = new FakeExcel();
    const result = await excel.runExcel((ctx) => writeRanking(ctx, layout));
    if (!result.ok) throw new Error(result.message.en);
    const looks = new Set<string>();
    layout.sheets.forEach((sheet, s) => {
      const ws = wb.worksheets[s];
      sheet.cells.forEach((row, r) =>
        row.forEach((_, c) => {
          const cli = cliLook(ws.getCell(r + 1, c + 1));
          expect(addinLook(excel.cell(ws.name, a1(r, c))), `${ws.name}!${a1(r, c)}`).toBe(cli);
          looks.add(cli);
        }),
      );
      const page = excel.sheet(ws.name).page;
      const cli = ws.pageSetup;
      expect([page.orientation.toLowerCase(), page.zoom.horizontalFitToPages, page.zoom.verticalFitToPages ?? 0, page.centerHorizontally]).toEqual([
        cli.orientation,
        cli.fitToWidth,
        cli.fitToHeight,
        cli.horizontalCentered,
      ]);
      expect(`1:${page.printTitleRows!.rows}`).toBe(cli.printTitlesRow);
      expect(`${a1(0, 0)}:${a1(page.printArea!.rows - 1, page.printArea!.cols - 1)}`).toBe(cli.printArea?.replace(/\$/g, ""));
      expect(Object.fromEntries(Object.entries(page.margins).map(([k, v]) => [k, Math.round((v / 72) * 1000) / 1000]))).toEqual(cli.margins);
    });
    // Bare, ruled, ruled and grey and centred across, ruled and centred: all four looks occur.
    // And the averages as totals: a light fill, a double rule (not a thin one) above the first.
    expect(looks).toEqual(
      new Set([
        "||",
        "top,bottom,left,right||",
        "top,bottom,left,right|#D9D9D9|CenterAcrossSelection",
        "top,bottom,left,right||Center",
        "bottom,left,right|#F2F2F2|",
        "top,bottom,left,right|#F2F2F2|",
      ]),
    );
  });
});
