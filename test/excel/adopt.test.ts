// 使用所选数据 over the fake workbook: the evaluator's own table or range, read before anything
// changes, linked on their word, followed by the model, restored on reopening, unlinked — each
// ending with the published 2020 figures, and nothing of theirs changed but what they chose.
import type { ReadingChoices } from "../../src/core";
import { assess, readGrid, readingOptions } from "../../src/core";
import { defaultProfile } from "../../src/data";
import { expectPublished2020, inputsGrid, transposedGrid, under, type Naming } from "../core/adopt-fixtures";
import { useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { openOwn, ownSheet, type AdoptRuntime } from "./adopt-runtime";

useFunctionsRuntime();

const TITLED = under([["2020年各区智慧城市发展水平评估数据"], ["注：指数以 100 为基准；数据截至 2020 年 10 月"]], inputsGrid("zh"));

/** Reads the selection as the pane does, and what SCI makes of it. */
async function readSelection(rt: AdoptRuntime, sheet: string, address: string) {
  rt.xl.selectArea(sheet, address);
  const selected = await rt.xl.runExcel((ctx) => rt.adopt.readSelected(ctx));
  const reading = readGrid(selected.values, readingOptions(defaultProfile, { sheet: selected.sheet, origin: selected.origin }));
  return { selected, reading };
}

async function link(rt: AdoptRuntime, selected: Awaited<ReturnType<typeof readSelection>>["selected"], choices: ReadingChoices = {}, options = {}) {
  const r = await rt.xl.runExcel((ctx) => rt.link.linkInput(ctx, selected, choices, options));
  expect(r.ok, JSON.stringify(r)).toBe(true);
  await rt.model.refresh();
  return r;
}

async function unlink(rt: AdoptRuntime) {
  const r = await rt.xl.runExcel((ctx) => rt.link.unlinkInput(ctx));
  expect(r.ok).toBe(true);
  await rt.model.refresh();
}

const errorsOf = (rt: AdoptRuntime) => rt.model.getModel().issues.filter((i) => i.severity === "error");

describe("adopting a table under a title row", () => {
  it("reads the whole table from a click into it, links it by its name, and unlinks", async () => {
    const rt = await openOwn((xl) => {
      ownSheet(xl, "评估数据", TITLED);
      xl.addTable("评估数据", "A3:AP19", "我的数据");
    });
    const before = rt.xl.snapshot();
    const { selected, reading } = await readSelection(rt, "评估数据", "C7");
    expect(selected).toMatchObject({ sheet: "评估数据", address: "A3:AP19", origin: { row: 2, col: 0 }, table: { name: "我的数据" }, syncs: 2 });
    expect([reading.header, reading.orientation, reading.missing]).toEqual([0, "rows", []]);
    expect(rt.xl.snapshot()).toEqual(before); // reading changes nothing

    const r = await link(rt, selected);
    expect(r.ok && r.link).toMatchObject({ kind: "table", name: "我的数据" });
    expect(rt.xl.snapshot()).toEqual(before); // the table keeps its name; no cell, format or name changes
    expect(rt.settings.saved["sci.input"]).toMatchObject({ kind: "table", name: "我的数据" });
    expect(errorsOf(rt)).toEqual([]);
    expect(rt.model.getModel().mode).toBe("input");
    expectPublished2020(rt.model.getModel().scores!);

    await unlink(rt);
    expect(rt.xl.snapshot()).toEqual(before);
    expect(rt.settings.saved["sci.input"]).toBeUndefined();
    expect(rt.model.getModel().mode).toBe("builtin");
    expectPublished2020(rt.model.getModel().scores!);
  });

  it("renames the table SCI_Input only when chosen, and gives it its name back on unlinking", async () => {
    const rt = await openOwn((xl) => {
      ownSheet(xl, "评估数据", TITLED);
      xl.addTable("评估数据", "A3:AP19", "我的数据");
    });
    const before = rt.xl.snapshot();
    const { selected } = await readSelection(rt, "评估数据", "B10");
    await link(rt, selected, {}, { rename: true });
    expect(rt.xl.snapshot().tables).toEqual([{ name: "SCI_Input", sheet: "评估数据", address: "A3:AP19" }]);
    expect(rt.xl.snapshot().sheets).toEqual(before.sheets);
    expectPublished2020(rt.model.getModel().scores!);
    await unlink(rt);
    expect(rt.xl.snapshot()).toEqual(before);
  });
});

describe("adopting a plain range", () => {
  it("header on row 3 under two rows of notes: a workbook name SCI_Input over the range, nothing else", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "数据", TITLED, "B2"));
    const before = rt.xl.snapshot();
    const { selected, reading } = await readSelection(rt, "数据", "B2:AQ20");
    expect(selected).toMatchObject({ address: "B2:AQ20", origin: { row: 1, col: 1 }, syncs: 1 });
    expect(selected.table).toBeUndefined();
    expect(reading.header).toBe(2);
    expect(reading.skipped.filter((s) => s.kind === "title")).toHaveLength(2);
    await link(rt, selected);
    const after = rt.xl.snapshot();
    expect(after.names).toEqual([{ name: "SCI_Input", sheet: "数据", address: "B2:AQ20" }]);
    expect({ ...after, names: [] }).toEqual(before); // every cell, format and table as it was
    expect(errorsOf(rt)).toEqual([]);
    expectPublished2020(rt.model.getModel().scores!);
    await unlink(rt);
    expect(rt.xl.snapshot()).toEqual(before);
  });

  it("a transposed range (indicators as rows, districts as columns, as in the report)", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "报告表", transposedGrid(), "C4"));
    const before = rt.xl.snapshot();
    const { selected, reading } = await readSelection(rt, "报告表", "C4:U44");
    expect(reading.orientation).toBe("columns");
    await link(rt, selected);
    expect(errorsOf(rt)).toEqual([]);
    expectPublished2020(rt.model.getModel().scores!);
    await unlink(rt);
    expect(rt.xl.snapshot()).toEqual(before);
  });

  it.each<Naming>(["zh", "code", "number", "name-code"])("headers by %s", async (naming) => {
    const rt = await openOwn((xl) => ownSheet(xl, "Data", inputsGrid(naming)));
    const before = rt.xl.snapshot();
    const { selected, reading } = await readSelection(rt, "Data", "A1:AP17");
    expect(reading.missing).toEqual([]);
    await link(rt, selected);
    expect(errorsOf(rt)).toEqual([]);
    expectPublished2020(rt.model.getModel().scores!);
    await unlink(rt);
    expect(rt.xl.snapshot()).toEqual(before);
  });

  it("turns the range into a table only when chosen", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "Data", inputsGrid()));
    const { selected } = await readSelection(rt, "Data", "A1:AP17");
    await link(rt, selected, {}, { makeTable: true });
    expect(rt.xl.snapshot().tables).toEqual([{ name: "SCI_Input", sheet: "Data", address: "A1:AP17" }]);
    expectPublished2020(rt.model.getModel().scores!);
    await unlink(rt);
    expect(rt.xl.snapshot().tables).toEqual([]);
  });
});

describe("fixing the mapping", () => {
  it("an ambiguous header is resolved in the mapping, which the model then reads through", async () => {
    const grid = inputsGrid("zh");
    grid.forEach((row, i) => row.push(i === 0 ? "智慧应用" : 120)); // a computed column makes 政务服务 ambiguous
    const rt = await openOwn((xl) => ownSheet(xl, "Data", grid));
    const { selected, reading } = await readSelection(rt, "Data", "A1:AQ17");
    expect(reading.fields.filter((f) => f.match.status === "ambiguous").map((f) => f.header)).toEqual(["政务服务", "城市运行", "数字经济", "公共服务"]);
    await link(rt, selected);
    expect(rt.model.getModel().scores).toBeUndefined();
    expect(errorsOf(rt).map((i) => i.indicator)).toEqual(["C2.1", "C2.2", "C2.3", "C2.4"]);
    await rt.link.storeChoices({ fields: { 政务服务: "C2.1", 城市运行: "C2.2", 数字经济: "C2.3", 公共服务: "C2.4" } });
    await rt.model.refresh();
    expect(errorsOf(rt)).toEqual([]);
    expectPublished2020(rt.model.getModel().scores!);
  });

  it("a misspelt district is corrected in one click, and the error named its cell", async () => {
    const grid = under([["各区数据"]], inputsGrid());
    grid[5][0] = "徐会区"; // sheet row 6
    const rt = await openOwn((xl) => ownSheet(xl, "Data", grid));
    const before = rt.xl.snapshot();
    const { selected, reading } = await readSelection(rt, "Data", "A1:AP18");
    const e = reading.entities.find((x) => x.status === "unknown")!;
    expect([e.name, e.suggestion, e.address]).toEqual(["徐会区", "徐汇", "A6"]);
    await link(rt, selected);
    expect(errorsOf(rt).map((i) => [i.code, i.cell?.address])).toEqual([["unknown-district", "A6"]]);
    await rt.link.storeChoices({ entities: { [e.name]: e.suggestion! } }); // the one click
    await rt.model.refresh();
    expectPublished2020(rt.model.getModel().scores!);
    expect(rt.xl.snapshot().sheets).toEqual(before.sheets); // the cell still says 徐会区
  });
});

describe("following a linked range", () => {
  it("rebuilds once per burst of edits, and the edits show in the scores", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "数据", TITLED, "B2"));
    const { selected } = await readSelection(rt, "数据", "B2:AQ20");
    await link(rt, selected);
    expectPublished2020(rt.model.getModel().scores!);
    const before = { runs: rt.runs.count, version: rt.model.getModel().version };
    const original = rt.xl.cell("数据", "D5").value; // 浦东's first input
    for (const v of [1, 2, 3]) {
      rt.xl.setCell("数据", "D5", v);
      await wait(50);
    }
    await wait(1000);
    expect(rt.runs.count - before.runs).toBe(1);
    expect(rt.model.getModel().version).toBe(before.version + 1);
    expect(rt.model.getModel().dataset!.inputs[0]).toBe(3);
    rt.xl.setCell("数据", "D5", original);
    await wait(1000);
    expectPublished2020(rt.model.getModel().scores!);
  });

  it("a linked table of the user's own name: an edit to it rebuilds once, edits elsewhere not at all", async () => {
    const rt = await openOwn((xl) => {
      ownSheet(xl, "评估数据", TITLED);
      xl.addTable("评估数据", "A3:AP19", "我的数据");
      ownSheet(xl, "笔记", [["备注"]]);
    });
    const { selected } = await readSelection(rt, "评估数据", "C7");
    await link(rt, selected);
    const before = { runs: rt.runs.count, version: rt.model.getModel().version };
    rt.xl.setCell("评估数据", "C4", 1); // 浦东's 5G建设应用, inside the table
    await wait(1000);
    expect([rt.runs.count - before.runs, rt.model.getModel().version - before.version]).toEqual([1, 1]);
    expect(rt.model.getModel().dataset!.inputs[0]).toBe(1);
    const mid = { runs: rt.runs.count };
    rt.xl.setCell("笔记", "A2", "另一处的编辑");
    await wait(1000);
    expect(rt.runs.count - mid.runs).toBe(0); // a table link listens to its table only
    rt.xl.setCell("评估数据", "C4", Number(TITLED[3][2]));
    await wait(1000);
    expectPublished2020(rt.model.getModel().scores!);
  });

  it("survives saving and reopening: the settings bring the link back", async () => {
    const rt = await openOwn((xl) => ownSheet(xl, "报告表", transposedGrid(), "C4"));
    const { selected } = await readSelection(rt, "报告表", "C4:U44");
    await link(rt, selected);
    const saved = { ...rt.settings.saved };
    rt.settings.uninstall();
    const reopened = await openOwn(() => undefined, saved, rt.xl);
    expect(reopened.link.storedLink()).toMatchObject({ kind: "range", name: "SCI_Input" });
    expect(reopened.model.getModel().mode).toBe("input");
    expectPublished2020(reopened.model.getModel().scores!);
    await unlink(reopened);
    expect(reopened.xl.snapshot().names).toEqual([]);
  });
});

describe("adopting a table of another entity list (SCI_Districts)", () => {
  it("matches the range's names against the workbook's list and scores as its plain table would", async () => {
    const counties = [
      ["青石", "北部"],
      ["白沙", "北部"],
      ["金湾", "南部"],
      ["云台", "南部"],
    ];
    const leaves = defaultProfile.framework.leaves;
    const value = (i: number, j: number) => 70 + ((i * 13 + j * 5) % 50);
    const plain = [["district", ...leaves, "coefficient"], ...counties.map(([id], i) => [id, ...leaves.map((_, j) => value(i, j)), 1])];
    // The evaluator's sheet: a title, then 县 and indicators by report number; 金湾 written 金湾县.
    const own = [
      ["各县 2024 年数据"],
      ["县", ...leaves.map((c) => defaultProfile.framework.indicators.get(c)!.no!), "系数"],
      ...plain.slice(1).map((r, i) => [i === 2 ? "金湾县" : r[0], ...r.slice(1)]),
    ];
    const rt = await openOwn((xl) => {
      ownSheet(xl, "名单", [["district", "region"], ...counties]);
      xl.addTable("名单", "A1:B5", "SCI_Districts");
      ownSheet(xl, "县", own);
    });
    const { selected } = await readSelection(rt, "县", "A1:AN6");
    await link(rt, selected);
    const m = rt.model.getModel();
    expect(errorsOf(rt)).toEqual([]);
    expect(m.scores!.dataset.districts.map((d) => [d.id, d.region])).toEqual(counties);
    const reference = assess(
      {
        districts: { sheet: "名单", origin: { row: 0, col: 0 }, rows: [["district", "region"], ...counties] },
        input: { sheet: "S", origin: { row: 0, col: 0 }, rows: plain },
      },
      defaultProfile,
    );
    expect([...m.scores!.values]).toEqual([...reference.scores!.values]);
  });
});
