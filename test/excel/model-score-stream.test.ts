// SCI.SCORE streams like the other functions: with the workbook's SCI_Framework from the first
// result (never the built-in framework before the first read), and again after it is edited.
import { cellAddress } from "../../src/core";
import { FRAMEWORK_2020 } from "../../src/data";
import { insertFrameworkTable } from "../../src/excel/source-templates";
import { insertTemplate } from "../../src/excel/template";
import { FakeExcel } from "../fakes/excel";
import { installEvents } from "../browser/fake-events";
import { cell, useFunctionsRuntime, wait } from "../functions/fake-runtime";
import { inputRow } from "../functions/fixtures";
import { publishedOf } from "./model-fixtures";

useFunctionsRuntime();

/** The 2020 framework with A and B's weights swapped: A 1/2, B 1/5. */
const swapped = FRAMEWORK_2020.map((r) => (r.code === "A" ? { ...r, weight: "1/2" } : r.code === "B" ? { ...r, weight: "1/5" } : r));

describe("SCI.SCORE with an SCI_Framework table", () => {
  it("scores with the workbook's framework on open, and again when a weight is edited", async () => {
    vi.resetModules();
    const xl = new FakeExcel();
    await xl.runExcel((ctx) => insertTemplate(ctx, "2020"));
    await xl.runExcel((ctx) => insertFrameworkTable(ctx, swapped));
    xl.clearChanges();
    installEvents(xl);
    (globalThis as Record<string, unknown>).Excel = xl.namespace;
    // The functions load and Excel evaluates the cell at once, before any read has finished.
    const sci = await import("../../src/functions/functions");
    const score = cell<number>();
    sci.score([inputRow("浦东")], null, score.invocation);
    await wait();
    const p = publishedOf("浦东");
    const abc = (a: number, b: number, c: number) => a * Number(p.A) + b * Number(p.B) + c * Number(p.C);
    expect(score.results).toHaveLength(1);
    expect(Math.abs((score.last() as number) - abc(1 / 2, 1 / 5, 3 / 10))).toBeLessThan(0.01);

    // Back to the 2020 weights in the table: the cell follows.
    const t = xl.table("SCI_Framework")!;
    const rows = xl.values(t.sheet.name, `${cellAddress(t.area.row, t.area.col)}:${cellAddress(t.area.row + t.area.rows - 1, t.area.col + t.area.cols - 1)}`);
    const weightCol = rows[0].indexOf("weight");
    expect(weightCol).toBeGreaterThan(0);
    const rowOf = (code: string) => rows.findIndex((r) => r[0] === code);
    xl.setCell(t.sheet.name, cellAddress(t.area.row + rowOf("A"), t.area.col + weightCol), "1/5");
    xl.setCell(t.sheet.name, cellAddress(t.area.row + rowOf("B"), t.area.col + weightCol), "1/2");
    await wait(1000);
    expect(score.results).toHaveLength(2);
    expect(score.last()).toBeCloseTo(133.41, 2);
    expect(Math.abs((score.last() as number) - abc(1 / 5, 1 / 2, 3 / 10))).toBeLessThan(0.01);
  });
});
