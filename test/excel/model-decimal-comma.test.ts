// Weights typed in a decimal-comma Excel (German, French, Russian …): SCI_Framework is a text
// column, so `0,225` and `22,5%` arrive as text. An unambiguous decimal comma is read, with a
// warning at the weight's cell; `1,000` (a thousands separator or a decimal comma?) is an error
// at its cell that says how to write it, never a guess.
import { readWeight } from "../../src/core";
import { modelFromSources } from "../../src/excel/model";
import { districtValue } from "../../src/functions/figures";
import { both } from "../functions/fixtures";
import { frameworkGrid, publishedOf, table, value } from "./model-fixtures";

const SHEET = "SCI 指标体系（可编辑）";
const ORIGIN = { row: 1, col: 0 }; // under the template's title row
const at = (grid: string[][], code: string) => grid.findIndex((r) => r[0] === code);
/** The weight cell of a code: column G, the grid's row + 1 for the title row, 1-based. */
const weightCell = (grid: string[][], code: string) => `G${at(grid, code) + 2}`;

describe("a weight with a decimal comma", () => {
  it("reads as the number it means: 0,225 · 22,5% · 4,5/20 · ,5 · 1,5; not 1.000,5 or 0,1,2", () => {
    expect(readWeight("0,225")).toEqual({ value: 0.225, comma: "decimal" });
    expect(readWeight("22,5%")).toEqual({ value: 0.225, comma: "decimal" });
    expect(readWeight("4,5/20")).toEqual({ value: 0.225, comma: "decimal" });
    expect(readWeight(",5")).toEqual({ value: 0.5, comma: "decimal" });
    expect(readWeight("1,5")).toEqual({ value: 1.5, comma: "decimal" });
    expect(readWeight("0.225")).toEqual({ value: 0.225 });
    expect(readWeight("9/40")).toEqual({ value: 0.225 });
    expect(readWeight("1.000,5").value).toBeNaN();
    expect(readWeight("0,1,2").value).toBeNaN();
  });

  it("digits grouped in threes after 1–999 are ambiguous, and refused: 1,000 · 12,500 · 1,000,000 · 1,000%", () => {
    for (const t of ["1,000", "12,500", "1,000,000", "1,000%"]) expect(readWeight(t), t).toEqual({ value: NaN, comma: "ambiguous" });
    // 0,500 cannot group thousands (a leading 0): a decimal comma.
    expect(readWeight("0,500")).toEqual({ value: 0.5, comma: "decimal" });
  });

  it("SCI_Framework with the 2020 weights typed as 0,2 · 0,5 · 0,3 · 22,5%: the 2020 figures, a warning at each weight cell", () => {
    const grid = frameworkGrid();
    const typed: Record<string, [string, number]> = { A: ["0,2", 0.2], B: ["0,5", 0.5], C: ["0,3", 0.3], A1: ["22,5%", 0.225] };
    for (const [code, [text]] of Object.entries(typed)) grid[at(grid, code)][6] = text;
    const m = modelFromSources({ framework: table(SHEET, grid, ORIGIN) }, 1);
    const builtin = modelFromSources({}, 1);
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(Array.from(m.scores!.values)).toEqual(Array.from(builtin.scores!.values));
    expect(value(districtValue(m, "浦东"))).toBeCloseTo(Number(publishedOf("浦东").SCI), 2);
    const notes = m.issues.filter((i) => i.code === "framework-decimal-comma");
    expect(notes.map((i) => [i.severity, i.cell?.address]).sort()).toEqual(
      Object.keys(typed)
        .map((c) => ["warning", weightCell(grid, c)])
        .sort(),
    );
    const a1 = notes.find((i) => i.cell?.address === weightCell(grid, "A1"))!;
    expect(a1.cell).toMatchObject({ sheet: SHEET, col: 6 });
    expect(a1.zh).toContain("指标 A1 的权重「22,5%」按小数逗号读作 0.225");
    expect(a1.en).toContain('weight "22,5%" of A1 is read with a decimal comma as 0.225');
  });

  it("1,000 as a weight is an error at its cell saying how to write it; no figures from a guess", () => {
    const grid = frameworkGrid();
    grid[at(grid, "A")][6] = "1,000";
    const m = modelFromSources({ framework: table(SHEET, grid, ORIGIN) }, 1);
    expect(m.scores).toBeUndefined();
    const refused = m.issues.filter((i) => i.code === "framework-ambiguous-weight");
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ severity: "error", cell: { sheet: SHEET, address: weightCell(grid, "A") } });
    expect(both(refused[0])).toContain("0.225");
    expect(refused[0].en).toContain('weight "1,000" of A is ambiguous');
    // One problem, said once: not a second "not a positive number" for the same cell.
    expect(m.issues.filter((i) => i.code === "framework-bad-weight")).toEqual([]);
  });
});
