// Excel refuses a batch while the user edits a cell unless the run asks to wait
// (Excel.RunOptions.delayForCellEdit), and may refuse one for a moment when busy. Neither is
// the workbook's fault: the SCI cells keep their figures and the read happens once it can.
import { cellAddress } from "../../src/core";
import { officeAdopter } from "../../src/excel/adopter";
import { officeWorkbook } from "../../src/excel/workbook";
import { FakeExcel } from "../fakes/excel";
import { cell, FakeError, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { CHONGMING, inputs, leafCodes, publishedOf } from "./model-fixtures";
import { openWithPrevious, type Runtime } from "./model-runtime";

let xl: Runtime["xl"];
let model: Runtime["model"];
let sci: Runtime["sci"];
let runs: Runtime["runs"];

/** Types a value into SCI_Input's row `row` (under the header), indicator column `code`. */
function type(row: number, code: string, value: number) {
  const t = xl.table("SCI_Input")!;
  const header = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row, t.area.col + t.area.cols - 1)}`)[0];
  const col = header.findIndex((h) => String(h).endsWith(`(${code})`));
  xl.setCell(t.sheet.name, cellAddress(t.area.row + row, t.area.col + col), value);
}

const chongming = (code: string) => Number(inputs.find((r) => r.district === "崇明")![code]);

useFunctionsRuntime();

describe("reading while the user edits a cell", () => {
  it("waits for the edit to end, then reads: no #N/A in between", async () => {
    ({ xl, model, sci, runs } = await openWithPrevious());
    const value = cell<number>();
    sci.district("崇明", null, value.invocation);
    await wait();
    const before = value.last() as number;
    expect(Math.abs(before - Number(publishedOf("崇明").SCI))).toBeLessThan(0.01);

    // A value committed in SCI_Input, and typing starts in the next cell within the debounce.
    const code = leafCodes[0];
    type(CHONGMING, code, chongming(code) + 38);
    xl.startEdit();
    await wait(2000);
    expect(value.results).toEqual([before]); // nothing shown while Excel waits for the edit
    expect(model.getModel().issues.filter((i) => i.code === "workbook-unreadable")).toEqual([]);
    xl.endEdit();
    await wait();
    expect(value.results).toHaveLength(2);
    expect(value.last()).toBeGreaterThan(before);
    expect(xl.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
  });

  it("keeps the figures through transient refusals and reads again after 0.5 s, then 1 s", async () => {
    ({ xl, model, sci, runs } = await openWithPrevious());
    const value = cell<number>();
    sci.district("崇明", null, value.invocation);
    await wait();
    const before = value.last() as number;
    const shown = model.getModel();

    xl.failOn("load", 1, "ActivityLimitReached");
    xl.failOn("load", 1, "InvalidOperationInCellEditMode");
    const start = runs.count;
    type(CHONGMING, leafCodes[0], chongming(leafCodes[0]) + 38);
    await wait(300 + 10); // the debounce: the first read is refused
    expect(runs.count - start).toBe(1);
    expect(model.getModel()).toBe(shown);
    await wait(500); // the first retry is refused as well
    expect(runs.count - start).toBe(2);
    expect(model.getModel()).toBe(shown);
    expect(value.results).toEqual([before]);
    await wait(980);
    expect(runs.count - start).toBe(2); // the second retry waits 1 s
    await wait(20);
    expect(runs.count - start).toBe(3);
    expect(value.results).toHaveLength(2);
    expect(value.last()).toBeGreaterThan(before);
    expect(value.results.some((r) => r instanceof FakeError)).toBe(false);
  });

  it("still shows a lasting failure as the table error it is", async () => {
    ({ xl, model, sci, runs } = await openWithPrevious());
    const value = cell<number>();
    sci.district("崇明", null, value.invocation);
    await wait();
    xl.failOn("load", 1, "AccessDenied");
    type(CHONGMING, leafCodes[0], chongming(leafCodes[0]) + 38);
    await wait(310);
    const e = value.last() as FakeError;
    expect(e).toBeInstanceOf(FakeError);
    expect(e.code).toBe("#N/A");
    expect(model.getModel().issues.map((i) => i.code)).toEqual(["workbook-unreadable"]);
  });
});

describe("the pane's batches", () => {
  it("wait while the user edits a cell instead of failing", async () => {
    const excel = new FakeExcel();
    (globalThis as Record<string, unknown>).Excel = excel.namespace;
    excel.startEdit();
    let done = false;
    const inserted = officeWorkbook()
      .insertTemplate("2020")
      .then((r) => ((done = true), r));
    await wait(1000);
    expect(done).toBe(false);
    excel.endEdit();
    expect(await inserted).toMatchObject({ ok: true });
    expect(excel.table("SCI_Input")).toBeDefined();
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it("of 使用所选数据 (reading the selection) wait too", async () => {
    const excel = new FakeExcel();
    excel.addSheet("数据", [
      ["district", "A1.1"],
      ["浦东", 1],
    ]);
    (globalThis as Record<string, unknown>).Excel = excel.namespace;
    excel.startEdit();
    let done = false;
    const read = officeAdopter()
      .read()
      .then(
        (r) => ((done = true), r),
        (e: unknown) => ((done = true), e),
      );
    await wait(1000);
    expect(done).toBe(false);
    excel.endEdit();
    await read;
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }]);
  });
});
