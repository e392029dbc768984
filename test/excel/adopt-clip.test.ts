// 使用所选数据 and a linked range read only the cells that hold values: whole columns (A:AO is
// 43 million cells; Excel refuses reads over 5 million) are clipped to the used part before any
// cell is read, after every edit too; a Ctrl+click selection of several areas gets a message
// in both languages, not Excel's error.
import { readGrid, readingOptions } from "../../src/core";
import { defaultProfile } from "../../src/data";
import { expectPublished2020, inputsGrid } from "../core/adopt-fixtures";
import { useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { openOwn, ownSheet } from "./adopt-runtime";

useFunctionsRuntime();

// The 2020 inputs as a plain table at A1: a header and 16 districts; 行政区, 区域, the 38
// indicators and 网络安全状况系数: A1:AO17, 17 × 41 = 697 cells.
const GRID = inputsGrid();
const USED = { address: "A1:AO17", cells: 17 * 41 };

describe("reading a selection of whole columns", () => {
  it("reads the used part only: 697 cells of A:AO, at A1, with every indicator found", async () => {
    expect([GRID.length, GRID[0].length]).toEqual([17, 41]);
    const rt = await openOwn((xl) => ownSheet(xl, "数据", GRID));
    rt.xl.selectArea("数据", "A:AO");
    const before = rt.xl.state.cellsRead;
    const selected = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx));
    expect(rt.xl.state.cellsRead - before).toBe(USED.cells);
    expect(selected).toMatchObject({ sheet: "数据", read: USED.address, origin: { row: 0, col: 0 }, syncs: 1 });
    expect(selected.values).toEqual(GRID);
    const reading = readGrid(selected.values, readingOptions(defaultProfile, { sheet: selected.sheet, origin: selected.origin }));
    expect(reading.missing).toEqual([]);
  });

  it("columns right of the data and rows under it are never read: B:ZZ reads B1:AO17", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "数据", GRID));
    rt.xl.selectArea("数据", "B:ZZ");
    const before = rt.xl.state.cellsRead;
    const selected = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx));
    expect(selected).toMatchObject({ read: "B1:AO17", origin: { row: 0, col: 1 } });
    expect(rt.xl.state.cellsRead - before).toBe(17 * 40);
  });

  it("an empty selection reads no cell", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "数据", GRID));
    rt.xl.selectArea("数据", "AZ:BA");
    const before = rt.xl.state.cellsRead;
    const selected = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx));
    expect(selected.values).toEqual([]);
    expect(rt.xl.state.cellsRead - before).toBe(0);
  });
});

describe("a selection of several areas (Ctrl+click)", () => {
  it("is refused with a message in both languages, and no cell is read", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "数据", GRID));
    rt.xl.selectAreas("数据", ["A1:B17", "D1:E17"]);
    const before = rt.xl.state.cellsRead;
    const refused = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx)).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      name: "SelectionRefused",
      zh: expect.stringMatching(/^所选区域由多个不相连的部分组成/),
      en: expect.stringMatching(/^the selection has several separate areas/),
    });
    expect(rt.xl.state.cellsRead - before).toBe(0);
  });
});

describe("a link defined over whole columns", () => {
  it("is read as its used part on opening and after every edit: 697 cells each time, never the columns", async () => {
    const rt = await openOwn(
      (xl) => {
        ownSheet(xl, "数据", GRID);
        xl.state.addName("SCI_Input", xl.sheet("数据"), { row: 0, col: 0, rows: 1_048_576, cols: 41 });
      },
      { "sci.input": { kind: "range", name: "SCI_Input", sheet: "数据", address: "A:AO", choices: {}, madeName: true } },
    );
    expect(rt.model.getModel().issues.filter((i) => i.severity === "error")).toEqual([]);
    expectPublished2020(rt.model.getModel().scores!);
    // An edit: one read of the used part, not of 43 million cells.
    const before = rt.xl.state.cellsRead;
    rt.xl.setCell("数据", "C2", 99);
    await wait(1000);
    expect(rt.xl.state.cellsRead - before).toBe(USED.cells);
    expect(rt.model.getModel().scores).toBeDefined();
    // The pane's view of the link reads the same cells.
    const again = rt.xl.state.cellsRead;
    const linked = await rt.xl.runExcel((ctx) => rt.adopt.readLinked(ctx, { kind: "range", name: "SCI_Input" }));
    expect(linked).toMatchObject({ sheet: "数据", address: USED.address, origin: { row: 0, col: 0 } });
    expect(rt.xl.state.cellsRead - again).toBe(USED.cells);
  });
});
