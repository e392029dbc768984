// SCI.EVALUATE, SCI.VALUE and SCI.RANKOF score their range with the workbook's own framework and
// rounding: the figure of the current model from the first result (never the built-in weights
// before the first read), and again after a weight or the rounding switch changes, although
// their range argument does not.
import { cellAddress } from "../../src/core";
import { FRAMEWORK_2020 } from "../../src/data";
import { insertFrameworkTable } from "../../src/excel/source-templates";
import { insertTemplate } from "../../src/excel/template";
import { FakeExcel } from "../fakes/excel";
import { fakeSettings, type FakeSettings } from "../fakes/office-settings";
import { installEvents } from "../browser/fake-events";
import { cell, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { competitionRank } from "../functions/fixtures";
import { coefficientOf, inputGrid, published, publishedOf } from "./model-fixtures";

useFunctionsRuntime();
let settings: FakeSettings | undefined;
afterEach(() => settings?.uninstall());

/** The 2020 framework with A and B's weights swapped: A 1/2, B 1/5 (C keeps 3/10). */
const swapped = FRAMEWORK_2020.map((r) => (r.code === "A" ? { ...r, weight: "1/2" } : r.code === "B" ? { ...r, weight: "1/5" } : r));

/** A district's composite from its published first-level indices, under weights a, b, c. */
const composite = (d: string, a: number, b: number, c: number) => {
  const p = publishedOf(d);
  return (a * Number(p.A) + b * Number(p.B) + c * Number(p.C)) * coefficientOf(d);
};
const rankUnder = (d: string, a: number, b: number, c: number) =>
  competitionRank(
    published.map((p) => composite(p.district, a, b, c)),
    composite(d, a, b, c),
  );
const SWAPPED = [1 / 2, 1 / 5, 3 / 10] as const;
const W2020 = [1 / 5, 1 / 2, 3 / 10] as const;
// 杨浦's A at full precision and as the report prints it (rounded on the way up).
const YANGPU_A_EXACT = 122.8135;
const YANGPU_A = Number(publishedOf("杨浦").A);

/** A workbook with its own SCI_Framework (A and B swapped); the functions load before any read. */
async function open() {
  vi.resetModules();
  settings = fakeSettings();
  settings.install();
  const xl = new FakeExcel();
  await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
  await xl.runExcel((ctx) => insertFrameworkTable(ctx, swapped));
  xl.clearChanges();
  installEvents(xl);
  (globalThis as Record<string, unknown>).Excel = xl.namespace;
  const sci = await import("../../src/functions/functions");
  const model = await import("../../src/excel/model");
  /** Sets a weight in SCI_Framework as a user would. */
  const weight = (code: string, w: string) => {
    const t = xl.table("SCI_Framework")!;
    const end = cellAddress(t.area.row + t.area.rows - 1, t.area.col + t.area.cols - 1);
    const rows = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${end}`);
    const col = rows[0].indexOf("weight");
    xl.setCell(t.sheet.name, cellAddress(t.area.row + rows.findIndex((r) => r[0] === code), t.area.col + col), w);
  };
  return { xl, sci, model, weight };
}

const range = inputGrid();

describe("the range functions follow the workbook's model", () => {
  it("SCI.VALUE: the workbook's weights before and after the first read, after a weight edit and after the rounding switch", async () => {
    const { sci, model, weight } = await open();
    const early = cell<number>(); // evaluated at once, while the first read runs
    const yangpu = cell<number>();
    sci.value(range, "黄浦", null, early.invocation);
    sci.value(range, "杨浦", "A", yangpu.invocation);
    expect(early.results).toEqual([]); // nothing shown from the built-in framework
    await wait();
    expect(early.results).toHaveLength(1);
    expect(Math.abs((early.last() as number) - composite("黄浦", ...SWAPPED))).toBeLessThan(0.01);
    const late = cell<number>(); // evaluated after the first read
    sci.value(range, "黄浦", null, late.invocation);
    await wait();
    expect(Math.abs((late.last() as number) - composite("黄浦", ...SWAPPED))).toBeLessThan(0.01);
    expect(yangpu.last()).toBeCloseTo(YANGPU_A_EXACT, 10);

    // Back to the 2020 weights: the published composite.
    weight("A", "1/5");
    weight("B", "1/2");
    await wait(1000);
    expect(early.last()).toBeCloseTo(125.32, 2);
    expect(late.last()).toBeCloseTo(125.32, 2);
    expect(Math.abs((late.last() as number) - composite("黄浦", ...W2020))).toBeLessThan(0.01);

    // The rounding switch: the report's figure.
    await model.setRounding("report");
    await wait(1000);
    expect(yangpu.last()).toBe(YANGPU_A);
    await model.setRounding("exact");
    expect(yangpu.last()).toBeCloseTo(YANGPU_A_EXACT, 10);
  });

  it("SCI.RANKOF: 黄浦 is 2nd under the workbook's weights, 3rd under 2020's after the edit", async () => {
    const { sci, weight } = await open();
    const rank = cell<number>();
    sci.rankof(range, "黄浦", null, null, rank.invocation);
    await wait();
    expect(rankUnder("黄浦", ...SWAPPED)).toBe(2);
    expect(rank.results).toEqual([2]);
    weight("A", "1/5");
    weight("B", "1/2");
    await wait(1000);
    expect(rankUnder("黄浦", ...W2020)).toBe(3);
    expect(rank.last()).toBe(3);
  });

  it("SCI.EVALUATE: the ranking under the workbook's weights, then under 2020's, then rounded as the report", async () => {
    const { sci, model, weight } = await open();
    const table = cell<(string | number)[][]>();
    sci.evaluate(range, null, null, table.invocation);
    await wait();
    expect(table.results).toHaveLength(1);
    const row = (d: string) => (table.last() as (string | number)[][]).find((r) => r[1] === d)!;
    expect(row("黄浦")[0]).toBe(2);
    expect(Math.abs((row("黄浦")[2] as number) - composite("黄浦", ...SWAPPED))).toBeLessThan(0.01);
    weight("A", "1/5");
    weight("B", "1/2");
    await wait(1000);
    expect(row("黄浦")[0]).toBe(3);
    expect(row("浦东")).toEqual([1, "浦东", expect.closeTo(133.41, 2)]);
    const yangpu = cell<(string | number)[][]>();
    sci.evaluate(range, "A", null, yangpu.invocation);
    await wait();
    const yangpuA = () => (yangpu.last() as (string | number)[][]).find((r) => r[1] === "杨浦")![2];
    expect(yangpuA()).toBeCloseTo(YANGPU_A_EXACT, 10);
    await model.setRounding("report");
    await wait(1000);
    expect(yangpuA()).toBe(YANGPU_A);
  });

  it("a workbook framework with errors gives #N/A naming SCI_Framework, never a figure from the built-in weights", async () => {
    const { sci, weight } = await open();
    const v = cell<number>();
    sci.value(range, "黄浦", null, v.invocation);
    await wait();
    weight("A", "heavy");
    await wait(1000);
    expect(v.last()).toMatchObject({ code: "#N/A", message: expect.stringContaining("SCI_Framework") });
  });
});
