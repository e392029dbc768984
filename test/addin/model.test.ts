// The shared model in a mocked workbook (office-addin-mock): where the data comes from, one
// rebuild per burst of edits, and every subscribed SCI cell following it.
import { INPUTS_2020 } from "../../src/data";
import { cell, FakeError, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { inputRow } from "../functions/fixtures";
import { mockWorkbook, TABLE_ID, type MockWorkbook } from "./mock-workbook";

type ModelModule = typeof import("../../src/excel/model");
type FunctionsModule = typeof import("../../src/functions/functions");

const table2020 = (): unknown[][] => INPUTS_2020.map((r) => [...r]);
const col = (code: string) => INPUTS_2020[0].indexOf(code);
const PUDONG = 1; // row of 浦东 in INPUTS_2020 (after the header)

let book: MockWorkbook;
let model: ModelModule;
let sci: FunctionsModule;

/** A fresh runtime (module instances) in front of a workbook holding `rows` as SCI_Input. */
async function open(rows: unknown[][] | undefined): Promise<void> {
  vi.resetModules();
  book = mockWorkbook(rows);
  (globalThis as Record<string, unknown>).Excel = book.excel;
  model = await import("../../src/excel/model");
  sci = await import("../../src/functions/functions"); // starts watching, as in Excel
  await model.settled();
}

useFunctionsRuntime();

describe("where the model's data comes from", () => {
  it('a workbook without SCI_Input uses the built-in 2020 data: =SCI.DISTRICT("浦东") is 133.41', async () => {
    await open(undefined);
    expect(model.getModel().source).toBe("builtin");
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await wait();
    expect(c.last()).toBeCloseTo(133.41, 2);
  });

  it("an SCI_Input table is read (one Excel.run, one sync) and scored", async () => {
    const rows = table2020();
    (rows[PUDONG][col("B2.3")] as number) += 46; // B2.3 weighs 1/46 in the composite: +1.00
    await open(rows);
    const m = model.getModel();
    expect(m.source).toBe("workbook");
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(m.dataset?.source?.sheet).toBe("SCI 输入");
    // One run registers the event handlers, one reads the table; the read is one sync.
    expect(book.counts).toEqual({ runs: 2, syncs: 2 });
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await wait();
    expect(c.last()).toBeCloseTo(134.41, 2);
  });

  it("an SCI_Input table with errors gives #N/A in every model cell, pointing to the task pane", async () => {
    const rows = table2020();
    rows[PUDONG][col("A2.3")] = "#DIV/0!";
    await open(rows);
    expect(model.getModel().scores).toBeUndefined();
    for (const run of [(inv: never) => sci.district("浦东", null, inv), (inv: never) => sci.ranking(null, null, inv)]) {
      const c = cell();
      run(c.invocation as never);
      await wait();
      const e = c.last() as FakeError;
      expect(e).toBeInstanceOf(FakeError);
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain("SCI_Input 表有 1 个错误");
    }
    // SCORE needs no inputs from the table: the framework is fine, so it scores its arguments.
    const score = cell<number>();
    sci.score([inputRow("浦东")], null, score.invocation as never);
    await wait();
    expect(score.last()).toBeCloseTo(133.41, 2);
  });

  it("a workbook that cannot be read gives #N/A with the reason, never the old figures", async () => {
    await open(table2020());
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await wait();
    expect(c.last()).toBeCloseTo(133.41, 2);
    book.failNextRun(new Error("GeneralException"));
    await model.refresh();
    const e = c.last() as FakeError;
    expect(e).toBeInstanceOf(FakeError);
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("无法读取 SCI_Input 表：GeneralException");
  });

  it("waits for the first read before the first result, so a workbook's cells never flash 2020 figures", async () => {
    const rows = table2020();
    (rows[PUDONG][col("B2.3")] as number) += 46;
    vi.resetModules();
    book = mockWorkbook(rows);
    (globalThis as Record<string, unknown>).Excel = book.excel;
    sci = await import("../../src/functions/functions");
    const c = cell<number>();
    sci.district("浦东", null, c.invocation); // before the first read has finished
    await wait();
    expect(c.results).toHaveLength(1);
    expect(c.last()).toBeCloseTo(134.41, 2);
  });
});

describe("following the workbook", () => {
  it("rebuilds once per burst of edits and updates every subscribed cell", async () => {
    await open(table2020());
    const v0 = model.getModel().version;
    const runs0 = book.counts.runs;
    const cells = {
      value: cell<number>(),
      rank: cell<number>(),
      city: cell<number>(),
      contrib: cell<number>(),
      ranking: cell<(string | number)[][]>(),
    };
    sci.district("浦东", null, cells.value.invocation);
    sci.rank("浦东", null, null, cells.rank.invocation);
    sci.city(null, null, cells.city.invocation);
    sci.contrib("Pudong", "B2.3", cells.contrib.invocation);
    sci.ranking(null, null, cells.ranking.invocation);
    await wait();
    const before = { value: cells.value.last() as number, city: cells.city.last() as number };

    // The evaluator types five values; Excel reports each edit.
    const rows = table2020();
    (rows[PUDONG][col("B2.3")] as number) += 460; // +10.00 on 浦东's composite
    book.setTable(rows);
    for (let i = 0; i < 5; i++) {
      await book.fire("tableChanged", { tableId: TABLE_ID, changeType: "RangeEdited" });
      await wait(100);
    }
    expect(book.counts.runs).toBe(runs0); // still inside the burst: nothing read yet
    await wait(300);

    expect(book.counts.runs).toBe(runs0 + 1);
    expect(model.getModel().version).toBe(v0 + 1);
    for (const c of Object.values(cells)) expect(c.results).toHaveLength(2);
    expect((cells.value.last() as number) - before.value).toBeCloseTo(10, 10);
    expect((cells.city.last() as number) - before.city).toBeCloseTo(10 / 16, 10);
    expect(cells.contrib.last()).toBeCloseTo((128.67 + 460) / 46, 10);
    expect(cells.rank.last()).toBe(1);
    expect((cells.ranking.last() as (string | number)[][])[0]).toEqual([1, "浦东", cells.value.last()]);
  });

  it("ignores edits to other tables once it knows SCI_Input, and re-reads when one is added", async () => {
    await open(table2020());
    const runs0 = book.counts.runs;
    await book.fire("tableChanged", { tableId: "{other}", changeType: "RangeEdited" });
    await wait(1000);
    expect(book.counts.runs).toBe(runs0);
    await book.fire("tableAdded", { tableId: "{new}" });
    await wait(1000);
    expect(book.counts.runs).toBe(runs0 + 1);
  });

  it("does not disturb the cells when a re-read finds the table unchanged", async () => {
    await open(table2020());
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await wait();
    const v = model.getModel().version;
    await book.fire("tableChanged", { tableId: TABLE_ID });
    await wait(1000);
    expect(model.getModel().version).toBe(v);
    expect(c.results).toHaveLength(1);
  });

  it("falls back to the 2020 data when SCI_Input is deleted", async () => {
    const rows = table2020();
    (rows[PUDONG][col("B2.3")] as number) += 46;
    await open(rows);
    const c = cell<number>();
    sci.district("浦东", null, c.invocation);
    await wait();
    expect(c.last()).toBeCloseTo(134.41, 2);
    book.setTable(undefined);
    await book.fire("tableDeleted", { tableId: TABLE_ID, tableName: "SCI_Input" });
    await wait(1000);
    expect(model.getModel().source).toBe("builtin");
    expect(c.last()).toBeCloseTo(133.41, 2);
  });

  it("stops updating a cell Excel has canceled", async () => {
    await open(table2020());
    const kept = cell<number>();
    const dropped = cell<number>();
    sci.district("浦东", null, kept.invocation);
    sci.district("浦东", null, dropped.invocation);
    await wait();
    dropped.cancel();
    const rows = table2020();
    (rows[PUDONG][col("A1.1")] as number) += 1;
    book.setTable(rows);
    await book.fire("tableChanged", { tableId: TABLE_ID });
    await wait(1000);
    expect(kept.results).toHaveLength(2);
    expect(dropped.results).toHaveLength(1);
  });

  it("shares one follow-up read among refresh calls made while a read runs", async () => {
    await open(table2020());
    const runs0 = book.counts.runs;
    const all = await Promise.all([model.refresh(), model.refresh(), model.refresh(), model.refresh()]);
    expect(book.counts.runs).toBe(runs0 + 2);
    expect(all[1]).toBe(all[3]);
  });
});

describe("many SCI cells, one model", () => {
  it("1000 cells resolve against the one model: no read, no rebuild per cell", async () => {
    await open(table2020());
    const reads = book.counts.runs;
    const syncs = book.counts.syncs;
    const version = model.getModel().version;
    const names = ["浦东", "浦东新区", "Pudong", "310115", 310115];
    const cells = Array.from({ length: 1000 }, (_, i) => {
      const c = cell<number>();
      if (i % 2) sci.district(names[i % names.length], i % 3 ? null : "B2.3", c.invocation);
      else sci.rank(names[i % names.length], "A2.3", i % 4 ? null : "region", c.invocation);
      return c;
    });
    await wait();
    expect(book.counts.runs).toBe(reads);
    expect(book.counts.syncs).toBe(syncs);
    expect(model.getModel().version).toBe(version);
    for (const c of cells) expect(c.results).toHaveLength(1);
    const composite = cells[1].last();
    expect(composite).toBeCloseTo(133.41, 2);
    cells.forEach((c, i) => {
      if (i % 2 && i % 3) expect(c.last()).toBe(composite);
    });

    // One burst of edits: one read, and every cell gets exactly one new result.
    const rows = table2020();
    (rows[PUDONG][col("A2.3")] as number) = 200;
    book.setTable(rows);
    for (let i = 0; i < 10; i++) await book.fire("tableChanged", { tableId: TABLE_ID });
    await wait(1000);
    expect(book.counts.runs).toBe(reads + 1);
    expect(model.getModel().version).toBe(version + 1);
    for (const c of cells) expect(c.results).toHaveLength(2);
    expect(cells[0].last()).toBe(1); // 浦东 now leads 物联感知建设应用
  });
});
