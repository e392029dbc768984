import { checkInput, selectCell, selectSheet, writeCellText } from "../../src/excel/issues";
import { insertTemplate } from "../../src/excel/template";
import { FakeExcel } from "../fakes/excel";
import { a1, chineseThenEnglish } from "./fixtures";
import { both } from "./fixtures";

async function template2020() {
  const xl = new FakeExcel();
  await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
  const header = xl.values("SCI 输入", "A1:AO1")[0].map(String);
  const column = (code: string) => header.findIndex((h) => h.endsWith(`(${code})`));
  const districts = xl.values("SCI 输入", "A2:A17").map((r) => String(r[0]));
  /** The cell of a district's value, worked out from the sheet itself. */
  const cellOf = (district: string, code: string) => a1(1 + districts.indexOf(district), column(code));
  return { xl, cellOf };
}

describe("validation with cell selection", () => {
  it("a broken cell becomes an issue naming its sheet, cell, district and indicator; clicking selects it", async () => {
    const { xl, cellOf } = await template2020();
    const address = cellOf("徐汇", "B2.3");
    xl.setCell("SCI 输入", address, "abc");
    xl.syncs = 0;
    xl.clearChanges();
    const check = await xl.runExcel(checkInput);
    expect(xl.syncs).toBe(1);
    expect(check.found).toBe(true);
    expect(check.dataset).toBeUndefined();
    expect(check.issues).toHaveLength(1);
    const [issue] = check.issues;
    expect(issue).toMatchObject({ severity: "error", code: "not-a-number", district: "徐汇", indicator: "B2.3", cell: { sheet: "SCI 输入", address } });
    expect(both(issue)).toContain(`SCI 输入!${address}`);
    expect(both(issue)).toContain("电子警察监控点覆盖率");
    expect(chineseThenEnglish(issue), both(issue)).toBe(true);

    xl.syncs = 0;
    expect(await xl.runExcel((ctx) => selectCell(ctx, issue.cell!))).toEqual({ ok: true });
    expect(xl.syncs).toBe(1);
    expect(xl.selection).toEqual({ sheet: "SCI 输入", address });
    let active: unknown;
    await xl.run(async (ctx) => {
      const cell = ctx.workbook.getActiveCell();
      cell.load("address");
      await ctx.sync();
      active = cell.address;
    });
    expect(active).toBe(`'SCI 输入'!${address}`);
    // Checking and selecting change nothing in the workbook.
    expect(xl.changes).toEqual([]);
  });

  it("lists errors first, then warnings, top to bottom", async () => {
    const { xl, cellOf } = await template2020();
    xl.setCell("SCI 输入", cellOf("崇明", "C3.3"), 5000); // implausible: a warning
    xl.setCell("SCI 输入", cellOf("黄浦", "A1.1"), -3); // negative: an error
    xl.setCell("SCI 输入", "A4", "静按"); // a typo of 静安
    const { issues } = await xl.runExcel(checkInput);
    expect(issues.map((i) => [i.severity, i.code, i.cell?.address])).toEqual([
      ["error", "negative", cellOf("黄浦", "A1.1")],
      ["error", "unknown-district", "A4"],
      ["warning", "implausible", cellOf("崇明", "C3.3")],
    ]);
    expect(both(issues[1])).toContain("静安");
  });

  it("addresses follow the table wherever it sits on the sheet", async () => {
    const { xl } = await template2020();
    const rows = xl.values("SCI 输入", "A1:AO17");
    rows[3][5] = "";
    xl.addSheet("Elsewhere", rows, "D6");
    await xl.run(async (ctx) => {
      ctx.workbook.tables.getItem("SCI_Input").delete();
      await ctx.sync();
    });
    xl.addTable("Elsewhere", "D6:AR22", "SCI_Input");
    const { issues } = await xl.runExcel(checkInput);
    expect(issues.map((i) => [i.code, i.cell?.sheet, i.cell?.address, i.district])).toEqual([["empty-cell", "Elsewhere", "I9", "静安"]]);
  });

  it("without a table there is nothing to check", async () => {
    const xl = new FakeExcel();
    expect(await xl.runExcel(checkInput)).toEqual({ found: false, issues: [] });
  });

  it("a cell on a sheet that has gone: a message, not a crash", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => selectCell(ctx, { sheet: "Gone", address: "B2" }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(chineseThenEnglish(result.message)).toBe(true);
      expect(result.message.zh).toContain("Gone!B2");
      expect(result.message.en).toContain("Gone!B2");
      expect(result.message.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await xl.runExcel((ctx) => selectSheet(ctx, "Sheet1"))).toEqual({ ok: true });
    expect(xl.selection).toEqual({ sheet: "Sheet1", address: "A1" });
  });

  it("an issue's fix writes that one cell, as text, in one round trip, and selects it", async () => {
    const { xl } = await template2020();
    xl.setCell("SCI 输入", "A5", "徐会");
    const before = xl.values("SCI 输入", "A1:AO17");
    xl.syncs = 0;
    expect(await xl.runExcel((ctx) => writeCellText(ctx, { sheet: "SCI 输入", address: "A5" }, "徐汇"))).toEqual({ ok: true });
    expect(xl.syncs).toBe(1);
    const after = xl.values("SCI 输入", "A1:AO17");
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r][c] ? [] : [[a1(r, c), v]])));
    expect(changed).toEqual([["A5", "徐汇"]]);
    expect(xl.cell("SCI 输入", "A5").numberFormat).toBe("@");
    expect(xl.selection).toEqual({ sheet: "SCI 输入", address: "A5" });
    const { issues } = await xl.runExcel(checkInput);
    expect(issues).toEqual([]);
  });

  it("a text that looks like a formula is written as text", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => writeCellText(ctx, { sheet: "Sheet1", address: "B2" }, "=1+1"));
    expect(xl.cell("Sheet1", "B2")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(xl.cell("Sheet1", "B2").formula ?? "").not.toMatch(/^=/);
  });
});
