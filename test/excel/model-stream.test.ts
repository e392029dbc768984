// The shared model over the fake workbook with Excel's table events: SCI_Input and
// SCI_Previous inserted by the templates, SCI.CHANGE streaming as either table is edited,
// one read per burst of edits whichever SCI tables they touch.
import { cellAddress } from "../../src/core";
import { cell, FakeError, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { CHONGMING, inputs, leafCodes } from "./model-fixtures";
import { openWithPrevious, type Runtime } from "./model-runtime";

let xl: Runtime["xl"];
let model: Runtime["model"];
let sci: Runtime["sci"];
let runs: Runtime["runs"];

async function open(): Promise<void> {
  ({ xl, model, sci, runs } = await openWithPrevious());
}

/** Types a value into row `row` (under the header) of an SCI table's indicator column. */
function type(tableName: string, row: number, code: string, value: number) {
  const t = xl.table(tableName)!;
  const header = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row, t.area.col + t.area.cols - 1)}`)[0];
  const col = header.findIndex((h) => String(h).endsWith(`(${code})`));
  xl.setCell(t.sheet.name, cellAddress(t.area.row + row, t.area.col + col), value);
}

const chongming = (code: string) => Number(inputs.find((r) => r.district === "崇明")![code]);

useFunctionsRuntime();

describe("SCI.CHANGE following SCI_Input and SCI_Previous", () => {
  it("streams a new row when SCI_Previous is edited, and another when both tables change in one burst", async () => {
    await open();
    expect(model.getModel().tables).toMatchObject({ input: { sheet: "SCI 输入" }, previous: { sheet: "SCI 上一年" } });
    expect(model.getModel().comparison?.oldLabel).toBe("2019");
    const change = cell<unknown[][]>();
    const value = cell<number>();
    sci.change("崇明", null, null, change.invocation);
    sci.district("崇明", null, value.invocation);
    await wait();
    expect(change.results).toEqual([[[0, 0, "排名不变 / unchanged"]]]);

    // Last year's 崇明 was 10 lower on every input: this year it is 9.9 up, still 16th.
    const before = { runs: runs.count, syncs: xl.syncs, version: model.getModel().version };
    for (const code of leafCodes) type("SCI_Previous", CHONGMING, code, chongming(code) - 10);
    await wait(1000);
    expect(runs.count - before.runs).toBe(1);
    expect(xl.syncs - before.syncs).toBe(1); // the tables SCI had already found: one round trip
    expect(model.getModel().version).toBe(before.version + 1);
    expect(change.results).toHaveLength(2);
    const [[up, places, text]] = change.last() as unknown[][];
    expect(up).toBeCloseTo(9.9, 10);
    expect([places, text]).toEqual([0, "排名不变 / unchanged"]);
    expect(value.results).toHaveLength(2); // the figure itself did not change, but the model did

    // One burst over both tables: SCI_Previous restored, this year's 崇明 +10 everywhere.
    const mid = { runs: runs.count, syncs: xl.syncs };
    for (const code of leafCodes) {
      type("SCI_Previous", CHONGMING, code, chongming(code));
      type("SCI_Input", CHONGMING, code, chongming(code) + 10);
      await wait(50);
    }
    await wait(1000);
    expect(runs.count - mid.runs).toBe(1);
    expect(xl.syncs - mid.syncs).toBe(1);
    expect(change.results).toHaveLength(3);
    const [[up2, ...rest]] = change.last() as unknown[][];
    expect(up2).toBeCloseTo(9.9, 10);
    expect(rest).toEqual([2, "排名上升2位 / up 2 places"]);
  });

  it("ignores edits to tables that are not SCI's; #N/A once SCI_Previous is deleted", async () => {
    await open();
    await xl.runExcel(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Notes");
      ws.getRange("A1:B2").values = [
        ["a", "b"],
        [1, 2],
      ];
      ws.tables.add("A1:B2", true).name = "Notes";
      await ctx.sync();
    });
    await wait(1000); // the new table: one read, which finds nothing new
    const change = cell<unknown[][]>();
    sci.change("崇明", null, null, change.invocation);
    await wait();
    const before = runs.count;
    xl.setCell("Notes", "A2", 5);
    await wait(1000);
    expect(runs.count).toBe(before);
    expect(change.results).toHaveLength(1);

    await xl.runExcel(async (ctx) => {
      ctx.workbook.tables.getItem("SCI_Previous").delete();
      await ctx.sync();
    });
    await wait(1000);
    expect(runs.count).toBe(before + 1);
    expect(model.getModel().previous).toBeUndefined();
    const e = change.last() as FakeError;
    expect(e).toBeInstanceOf(FakeError);
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("插入上一年输入表 SCI_Previous");
  });
});
