// The templates for SCI_Framework, SCI_Raw + SCI_Settings and SCI_Previous on the fake workbook:
// what they write (checked against the spec CSVs), that the model reads them back as intended,
// fresh names, never a second table, and a failed write undone.
import { modelFromSources } from "../../src/excel/model";
import { insertFrameworkTable, insertPreviousTable, insertRawTemplate } from "../../src/excel/source-templates";
import { readSources } from "../../src/excel/sources";
import { insertTemplate } from "../../src/excel/template";
import { districtChange, districtValue } from "../../src/functions/figures";
import { FakeExcel } from "../fakes/excel";
import { chineseThenEnglish, fraction } from "./fixtures";
import { coefficientOf, framework, inputs, leafCodes, value } from "./model-fixtures";

const model = async (xl: FakeExcel) => modelFromSources(await xl.runExcel((ctx) => readSources(ctx)), 1);
const FW_SHEET = "SCI 指标体系（可编辑）";
const districtNames = inputs.map((r) => r.district);

describe("insertFrameworkTable", () => {
  it("writes framework.csv as the editable table SCI_Framework under a title, weights as text fractions", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => insertFrameworkTable(ctx));
    expect(result).toEqual({ ok: true, sheets: [FW_SHEET], tables: ["SCI_Framework"], syncs: 2 });
    expect(xl.table("SCI_Framework")).toMatchObject({ sheet: xl.sheet(FW_SHEET), area: { row: 1, col: 0, rows: framework.length + 1, cols: 7 } });
    expect(chineseThenEnglish(String(xl.cell(FW_SHEET, "A1").value))).toBe(true);
    const rows = xl.values(FW_SHEET, `A2:G${framework.length + 2}`);
    expect(rows[0]).toEqual(["code", "level", "no", "parent", "name_zh", "name_en", "weight"]);
    rows.slice(1).forEach((r, i) => {
      const f = framework[i];
      expect(r).toEqual([f.code, Number(f.level), f.no === "" ? "" : Number(f.no), f.parent, f.name_zh, f.name_en, f.weight]);
    });
    expect(xl.cell(FW_SHEET, "G4").numberFormat).toBe("@"); // "1/5" stays text, never a date
    expect(xl.selection).toEqual({ sheet: FW_SHEET, address: "G3" });
    // The read-only framework sheet of the input template is a different sheet, untouched.
    expect(xl.sheetNames()).toEqual(["Sheet1", FW_SHEET]);

    const m = await model(xl);
    expect(m.frameworkSource).toBe("workbook");
    expect(m.issues).toEqual([]);
    expect(Array.from(m.scores!.values)).toEqual(Array.from(modelFromSources({}, 1).scores!.values));
  });

  it("an evaluator reweights A 1/4, B 9/20 (C keeps 3/10) in the sheet: SCI = (A/4 + 9B/20 + 3C/10) × coefficient", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertFrameworkTable(ctx));
    const row = (code: string) => framework.findIndex((f) => f.code === code) + 3; // title, header
    xl.setCell(FW_SHEET, `G${row("A")}`, "1/4");
    xl.setCell(FW_SHEET, `G${row("B")}`, "45%");
    expect(fraction(framework.find((f) => f.code === "C")!.weight)).toBe(0.3);
    const m = await model(xl);
    expect(m.issues).toEqual([]);
    for (const d of districtNames) {
      const [A, B, C] = ["A", "B", "C"].map((c) => value(districtValue(m, d, c)));
      expect(value(districtValue(m, d))).toBeCloseTo((A / 4 + (9 * B) / 20 + (3 * C) / 10) * coefficientOf(d), 10);
    }
    // A weight that breaks the sum: the issue names the cell; no figure.
    xl.setCell(FW_SHEET, `G${row("A")}`, "1/3");
    const broken = await model(xl);
    expect(broken.scores).toBeUndefined();
    expect(broken.issues[0]).toMatchObject({ code: "framework-weights", cell: { sheet: FW_SHEET, address: `G${row("A")}` } });
  });

  it("never a second SCI_Framework: the existing one is selected, nothing written", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertFrameworkTable(ctx));
    const before = xl.snapshot();
    xl.clearChanges();
    const again = await xl.runExcel((ctx) => insertFrameworkTable(ctx));
    expect(again).toMatchObject({ ok: false, reason: "exists", table: "SCI_Framework", sheet: FW_SHEET, syncs: 2 });
    if (again.ok) throw new Error("unreachable");
    expect(chineseThenEnglish(again.message)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
    expect(xl.changes).toEqual([]);
  });
});

describe("insertRawTemplate", () => {
  it("SCI_Raw (districts, empty values) and SCI_Settings (ratio, empty benchmark) on two fresh sheets", async () => {
    const xl = new FakeExcel();
    xl.addSheet("SCI 原始数据", [["mine"]]);
    const result = await xl.runExcel((ctx) => insertRawTemplate(ctx));
    expect(result).toEqual({ ok: true, sheets: ["SCI 原始数据 (2)", "SCI 标准化设置 (2)"], tables: ["SCI_Raw", "SCI_Settings"], syncs: 2 });
    expect(xl.values("SCI 原始数据")).toEqual([["mine"]]);

    const raw = xl.values("SCI 原始数据 (2)", `A1:AO17`);
    expect(raw[0][0]).toBe("行政区");
    expect(raw[0].slice(2, 40).map((h) => /\(([A-C]\d\.\d)\)$/.exec(String(h))?.[1])).toEqual(leafCodes);
    expect(raw.slice(1).map((r) => r[0])).toEqual(districtNames);
    expect(raw.slice(1).every((r) => r.slice(2).every((v) => v === ""))).toBe(true);

    const settings = xl.values("SCI 标准化设置 (2)", `A2:F${leafCodes.length + 2}`);
    expect(settings[0]).toEqual(["指标 / indicator", "名称 / name", "方法 / method", "基准值 / benchmark", "上限 / cap", "方向 / direction"]);
    expect(settings.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(leafCodes.map((c) => [c, "ratio", "", "", "higher"]));
    expect(settings.slice(1).map((r) => r[1])).toEqual(leafCodes.map((c) => framework.find((f) => f.code === c)!.name_zh));

    // Until the benchmarks and values are filled in, the model says what is missing, cell by cell.
    const m = await model(xl);
    expect(m.mode).toBe("raw");
    expect(m.scores).toBeUndefined();
    const missing = m.issues.filter((i) => i.code === "settings-missing-benchmark");
    expect(missing).toHaveLength(38);
    expect(missing[0].cell).toMatchObject({ sheet: "SCI 标准化设置 (2)", address: "D3" });
    expect(m.issues.filter((i) => i.code === "empty-cell")).toHaveLength(16 * 39);
  });

  it("filled in, it scores; with SCI_Input present the result says SCI_Input is what counts", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertRawTemplate(ctx));
    // Raw = index / 2 with benchmark 50 gives the published indices back.
    const L = leafCodes.length;
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("SCI 原始数据");
      ws.getRangeByIndexes(1, 2, 16, L + 1).values = inputs.map((r) => [...leafCodes.map((c) => Number(r[c]) / 2), Number(r.coefficient)]);
      ctx.workbook.worksheets.getItem("SCI 标准化设置").getRangeByIndexes(2, 3, L, 1).values = leafCodes.map(() => [50]);
      await ctx.sync();
    });
    const m = await model(xl);
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(value(districtValue(m, "浦东"))).toBeCloseTo(value(districtValue(modelFromSources({}, 1), "浦东")), 9);

    const other = new FakeExcel();
    await other.runExcel((ctx) => insertTemplate(ctx, "2020"));
    const result = await other.runExcel((ctx) => insertRawTemplate(ctx));
    expect(result.ok && result.notice?.zh).toContain("SCI_Input");
    expect(result.ok && chineseThenEnglish(result.notice)).toBe(true);
  });

  it("never a second SCI_Raw or SCI_Settings", async () => {
    const xl = new FakeExcel();
    xl.addSheet("S", [["a"], ["b"]]);
    xl.addTable("S", "A1:A2", "SCI_Settings");
    const before = xl.snapshot();
    expect(await xl.runExcel((ctx) => insertRawTemplate(ctx))).toMatchObject({ ok: false, reason: "exists", table: "SCI_Settings", sheet: "S" });
    expect(xl.snapshot().sheets).toEqual(before.sheets);
  });
});

describe("insertPreviousTable", () => {
  it("2020: last year's table filled with the published data under a title; the comparison is all zeros", async () => {
    const xl = new FakeExcel();
    const result = await xl.runExcel((ctx) => insertPreviousTable(ctx, "2020"));
    expect(result).toEqual({ ok: true, sheets: ["SCI 上一年"], tables: ["SCI_Previous"], syncs: 2 });
    expect(xl.table("SCI_Previous")).toMatchObject({ area: { row: 1, col: 0, rows: 17, cols: 41 } });
    expect(String(xl.cell("SCI 上一年", "A1").value)).toContain("2020");
    const m = await model(xl);
    expect(m.issues).toEqual([]);
    // Built-in 2020 data this year, the same data as "last year": labels cannot both be 2020.
    expect([m.comparison?.oldLabel, m.comparison?.newLabel]).toEqual(["上一年", "本年"]);
    for (const d of districtNames) expect(value(districtChange(m, d))).toEqual([[0, 0, "排名不变 / unchanged"]]);
  });

  it("empty, with the year given: blank values, the year in the title becomes the label", async () => {
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    await xl.runExcel((ctx) => insertPreviousTable(ctx, "empty", undefined, "2019"));
    expect(xl.cell("SCI 上一年", "A1").value).toBe("上一年输入（2019） / Last year's inputs (2019)");
    const rows = xl.values("SCI 上一年", "A2:AO18");
    expect(rows.slice(1).every((r) => r.slice(2).every((v) => v === ""))).toBe(true);
    const m = await model(xl);
    expect(m.previous).toBeUndefined();
    expect(m.issuesOf?.previous?.[0].cell).toMatchObject({ sheet: "SCI 上一年", address: "C3" });
    expect(m.scores).toBeDefined(); // this year's figures do not wait for last year's
  });

  it("a failure half-way leaves the workbook as it was", async () => {
    const xl = new FakeExcel();
    const before = xl.snapshot();
    xl.failOn("tables.add");
    const result = await xl.runExcel((ctx) => insertPreviousTable(ctx, "2020"));
    expect(result).toMatchObject({ ok: false, reason: "failed", rolledBack: true, written: [] });
    expect(xl.snapshot()).toEqual(before);
  });
});
