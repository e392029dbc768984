// The model follows what Excel reports: without events it still reads the workbook once; a
// recalculation on a sheet holding an SCI table (a formula fed from elsewhere, which raises no
// table event) is followed like an edit; recalculations elsewhere are not.
import { cellAddress } from "../../src/core";
import { insertTemplate } from "../../src/excel/template";
import { FakeExcel } from "../fakes/excel";
import { cell, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { districtValue } from "../../src/functions/figures";
import { CHONGMING, inputs, leafCodes, value } from "./model-fixtures";
import { openWithPrevious } from "./model-runtime";

useFunctionsRuntime();

const chongming = (code: string) => Number(inputs.find((r) => r.district === "崇明")![code]);

describe("following the workbook", () => {
  it("reads the workbook even when Excel refuses the event handlers, and says so once", async () => {
    vi.resetModules();
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    const t = xl.table("SCI_Input")!;
    const header = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row, t.area.col + t.area.cols - 1)}`)[0];
    const col = header.findIndex((h) => String(h).endsWith(`(${leafCodes[0]})`));
    xl.setCell(t.sheet.name, cellAddress(t.area.row + CHONGMING, t.area.col + col), chongming(leafCodes[0]) + 38);
    // No events installed: `tables.onAdded` is missing, as on a host that cannot register them.
    (globalThis as Record<string, unknown>).Excel = xl.namespace;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const model = await import("../../src/excel/model");
    await import("../../src/functions/functions");
    await model.settled();
    expect(model.getModel().source).toBe("workbook");
    expect(model.getModel().tables?.input?.sheet).toBe("SCI 输入");
    const builtin = model.buildModel(undefined, 0, "exact");
    expect(value(districtValue(model.getModel(), "崇明", null))).toBeGreaterThan(value(districtValue(builtin, "崇明", null)));
    // Said once in the console, and in the model (the pane lists it) as a warning.
    expect(model.getModel().issues.map((i) => [i.severity, i.code])).toEqual([["warning", "workbook-unfollowed"]]);
    expect(model.getModel().issues[0].zh).toContain("重新读取");
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0][0])).toContain("cannot follow workbook changes");
    errors.mockRestore();
  });

  it("re-reads after a recalculation on a sheet holding an SCI table, once per burst, and ignores other sheets", async () => {
    const { xl, sci, runs } = await openWithPrevious();
    xl.addSheet("Notes", [["x"], [1]]);
    const value = cell<number>();
    sci.district("崇明", null, value.invocation);
    await wait();
    const before = value.last() as number;

    const start = runs.count;
    xl.recalculate("Notes", "A2", 2);
    await wait(1000);
    expect(runs.count).toBe(start);

    const t = xl.table("SCI_Input")!;
    const header = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row, t.area.col + t.area.cols - 1)}`)[0];
    const col = header.findIndex((h) => String(h).endsWith(`(${leafCodes[0]})`));
    const address = cellAddress(t.area.row + CHONGMING, t.area.col + col);
    for (const v of [10, 20, 38]) {
      xl.recalculate(t.sheet.name, address, chongming(leafCodes[0]) + v);
      await wait(50);
    }
    await wait(1000);
    expect(runs.count - start).toBe(1);
    expect(value.results).toHaveLength(2);
    expect(value.last()).toBeGreaterThan(before);
  });
});
