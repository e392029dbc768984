// The model never stays stuck: a read that failed for good is followed by a fresh one (the
// tables listed first, not the failing batch again) on the next edit or on 重新读取; event
// registration refused for a moment is retried as reads are; and 重新读取 brings in what Excel
// does not report (a fill-down in a filtered table, a table deleted with its columns on a Mac).
import { cellAddress } from "../../src/core";
import { districtValue } from "../../src/functions/figures";
import { getCell } from "../fakes/excel-state";
import { cell, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { CHONGMING, inputs, leafCodes, publishedOf, value } from "./model-fixtures";
import { openWithPrevious, type Runtime } from "./model-runtime";

useFunctionsRuntime();

const CODE = leafCodes[0];
const chongming = Number(inputs.find((r) => r.district === "崇明")![CODE]);

/** SCI_Input's cell of 崇明's first indicator. */
function chongmingCell(xl: Runtime["xl"]) {
  const t = xl.table("SCI_Input")!;
  const header = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row, t.area.col + t.area.cols - 1)}`)[0];
  const col = header.findIndex((h) => String(h).endsWith(`(${CODE})`));
  return { sheet: t.sheet.name, row: t.area.row + CHONGMING, col: t.area.col + col };
}

/** A value landing in a cell with no event raised (Excel's own gaps, not an edit SCI hears of). */
function unreported(xl: Runtime["xl"], at: { sheet: string; row: number; col: number }, v: number) {
  const sheet = xl.sheet(at.sheet);
  sheet.cells.set(`${at.row},${at.col}`, { ...getCell(sheet, at.row, at.col), value: v });
}

/** The ribbon's 重新读取, as Excel calls it. */
async function pressReread() {
  const { refreshModel } = await import("../../src/commands/commands");
  let completed = 0;
  await refreshModel({ completed: () => void completed++ } as never);
  expect(completed).toBe(1);
}

const errorCodes = (m: Runtime["model"]) => m.getModel().issues.map((i) => i.code);

describe("after a read that failed for good", () => {
  it("重新读取 lists the tables afresh instead of repeating the failing batch, and the figures return", async () => {
    const { xl, model } = await openWithPrevious();
    // Excel fails the batch that expects the known tables, twice (GeneralException: not transient).
    xl.failOn("resolve", 1);
    xl.failOn("resolve", 1);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const at = chongmingCell(xl);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 38);
    await wait(1000);
    expect(errorCodes(model)).toEqual(["workbook-unreadable"]);
    expect(model.getModel().scores).toBeUndefined();

    await pressReread();
    expect(errorCodes(model)).toEqual([]);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming + 38);
    errors.mockRestore();
  });

  it("the next edit recovers on its own too", async () => {
    const { xl, model } = await openWithPrevious();
    xl.failOn("resolve", 1);
    xl.failOn("resolve", 1);
    const at = chongmingCell(xl);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 38);
    await wait(1000);
    expect(errorCodes(model)).toEqual(["workbook-unreadable"]);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 40);
    await wait(1000);
    expect(errorCodes(model)).toEqual([]);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming + 40);
  });
});

describe("event registration refused for a moment", () => {
  it("is retried: edits are followed afterwards, and no notice says otherwise", async () => {
    let refusals = 2;
    const { xl, model } = await openWithPrevious((run) => (...args) => {
      // The first two Excel.run calls are the registration (before the first read).
      if (refusals > 0) {
        refusals--;
        return Promise.reject(Object.assign(new Error("busy"), { code: "ActivityLimitReached" }));
      }
      return run(...args);
    });
    await wait(5000); // the retries at 0.5 s and 1 s
    expect(refusals).toBe(0);
    expect(errorCodes(model)).toEqual([]);
    const at = chongmingCell(xl);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 38);
    await wait(1000);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming + 38);
  });
});

describe("event registration refused for good", () => {
  it("says edits need 重新读取; pressing it asks Excel again, and once allowed the notice goes and edits are followed", async () => {
    let refusals = 1;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { xl, model } = await openWithPrevious((run) => (...args) => {
      if (refusals > 0) {
        refusals--;
        return Promise.reject(Object.assign(new Error("refused"), { code: "GeneralException" }));
      }
      return run(...args);
    });
    await wait(5000);
    expect(errorCodes(model)).toEqual(["workbook-unfollowed"]);
    const at = chongmingCell(xl);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 38);
    await wait(1000);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming); // not followed
    await pressReread();
    await wait(1000);
    expect(errorCodes(model)).toEqual([]);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming + 38);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 40);
    await wait(1000);
    expect(value(districtValue(model.getModel(), "崇明", CODE))).toBe(chongming + 40); // followed now
    errors.mockRestore();
  });
});

describe("what Excel does not report, brought in by 重新读取", () => {
  it("a fill-down in a filtered table (no onChanged): the cells show the new figure after 重新读取", async () => {
    const { xl, sci } = await openWithPrevious();
    const shown = cell<number>();
    sci.district("崇明", CODE, shown.invocation);
    await wait();
    expect(shown.results).toEqual([chongming]);
    unreported(xl, chongmingCell(xl), chongming + 38);
    await wait(1000);
    expect(shown.results).toEqual([chongming]); // nothing told SCI
    await pressReread();
    expect(shown.last()).toBe(chongming + 38);
  });

  it("a table deleted by deleting its columns on a Mac (no onDeleted): 重新读取 scores without it", async () => {
    const { xl, model, sci } = await openWithPrevious();
    const composite = cell<number>();
    sci.district("崇明", null, composite.invocation);
    await wait();
    // SCI_Input has 崇明's first input raised by 38: its composite is not the published one.
    const at = chongmingCell(xl);
    xl.setCell(at.sheet, cellAddress(at.row, at.col), chongming + 38);
    await wait(1000);
    expect(model.getModel().tables?.input).toBeDefined();
    expect(Math.abs((composite.last() as number) - Number(publishedOf("崇明").SCI))).toBeGreaterThan(0.01);
    // Its columns go, with the table, and Excel says nothing.
    const t = xl.table("SCI_Input")!;
    xl.state.tables = xl.state.tables.filter((x) => x !== t);
    for (const k of [...t.sheet.cells.keys()]) if (Number(k.split(",")[1]) >= t.area.col) t.sheet.cells.delete(k);
    await wait(1000);
    expect(model.getModel().tables?.input).toBeDefined();
    await pressReread();
    expect(model.getModel().tables?.input).toBeUndefined();
    expect(model.getModel().source).toBe("builtin");
    expect(composite.last()).toBeCloseTo(Number(publishedOf("崇明").SCI), 2);
  });
});
