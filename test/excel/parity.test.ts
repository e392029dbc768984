// The ranking workbook the CLI writes (sci score --out) and the sheets the add-in writes hold
// the same cells: both are read back (the CLI's .xlsx through exceljs, the add-in's from the
// fake workbook) and compared cell by cell, with their number formats.
import ExcelJS from "exceljs";
import { reportLayout, score } from "../../src/core";
import { dataset2020 } from "../../src/data";
import { layoutWorkbook } from "../../src/cli/write-xlsx";
import { writeRanking } from "../../src/excel/generate";
import { FakeExcel } from "../fakes/excel";
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
    if (!result.ok) throw new Error(result.message);
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
