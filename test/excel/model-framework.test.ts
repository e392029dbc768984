// The model with an SCI_Framework table: scored with the workbook's framework once it checks
// out; its errors shown with their cells and no figures otherwise — never the 2020 framework.
import { modelFromSources } from "../../src/excel/model";
import { districtValue } from "../../src/functions/figures";
import { indicatorRows, scoreValues } from "../../src/functions/framework";
import { usableFramework } from "../../src/functions/resolve";
import { coefficientOf, failure, frameworkGrid, inputGrid, inputs, publishedOf, table, value } from "./model-fixtures";
import { both } from "./fixtures";

const SHEET = "SCI 指标体系（可编辑）";
/** The editable framework sits under a title row, as the template writes it. */
const ORIGIN = { row: 1, col: 0 };
const at = (grid: string[][], code: string) => grid.findIndex((r) => r[0] === code);

/** Drop C and its subtree; A weighs 2/7 and B 5/7 of the composite. */
function withoutC(): string[][] {
  const grid = frameworkGrid().filter((r) => r[0] !== "C" && !/^C\d/.test(r[0]));
  grid[at(grid, "A")][6] = "2/7";
  grid[at(grid, "B")][6] = "5/7";
  return grid;
}

describe("a reweighted framework (C dropped, A 2/7, B 5/7)", () => {
  it("scores SCI = (2A + 5B) / 7 × coefficient for every district, from SCI_Input", () => {
    const m = modelFromSources({ framework: table(SHEET, withoutC(), ORIGIN), input: table("SCI 输入", inputGrid()) }, 1);
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(m.frameworkSource).toBe("workbook");
    expect(m.framework?.leaves).toHaveLength(38 - 9); // C had 9 inputs
    // The C columns are still in SCI_Input: each is reported as unused, not silently dropped.
    expect(m.issues.filter((i) => i.code === "unknown-column")).toHaveLength(9);
    for (const d of inputs.map((r) => r.district)) {
      const A = value(districtValue(m, d, "A"));
      const B = value(districtValue(m, d, "B"));
      const sci = value(districtValue(m, d));
      expect(sci).toBeCloseTo(((2 * A + 5 * B) / 7) * coefficientOf(d), 10);
      // A and B keep their published values; the composite follows from the weights alone.
      const p = publishedOf(d);
      expect(Math.abs(A - Number(p.A))).toBeLessThan(0.01);
      expect(Math.abs(B - Number(p.B))).toBeLessThan(0.01);
      expect(Math.abs(sci - ((2 * Number(p.A) + 5 * Number(p.B)) / 7) * coefficientOf(d))).toBeLessThan(0.01);
    }
    failure(districtValue(m, "浦东", "C"), "notAvailable"); // C is gone
  });

  it("scores the built-in 2020 inputs with it when the workbook has no SCI_Input", () => {
    const m = modelFromSources({ framework: table(SHEET, withoutC(), ORIGIN) }, 1);
    expect(m.source).toBe("builtin");
    expect(m.issues).toEqual([]);
    const p = publishedOf("浦东");
    expect(Math.abs(value(districtValue(m, "浦东")) - (2 * Number(p.A) + 5 * Number(p.B)) / 7)).toBeLessThan(0.01);
    // SCORE and INDICATORS follow the workbook's framework: 29 inputs now.
    expect(value(usableFramework(m)).leaves).toHaveLength(29);
    expect(value(indicatorRows(value(usableFramework(m)), 1)).map((r) => r[0])).toEqual(["A", "B"]);
    failure(scoreValues(Array(38).fill(100), 1, value(usableFramework(m))), "invalidValue");
    expect(value(scoreValues(Array(29).fill(100), 1, value(usableFramework(m))))).toBeCloseTo(100, 12);
  });

  it("the 2020 framework written as a table scores exactly as the built-in one", () => {
    const m = modelFromSources({ framework: table(SHEET, frameworkGrid(), ORIGIN) }, 1);
    const builtin = modelFromSources({}, 1);
    expect(m.issues).toEqual([]);
    expect(Array.from(m.scores!.values)).toEqual(Array.from(builtin.scores!.values));
  });
});

describe("a framework with errors", () => {
  it("sibling weights not summing to 1: the issue points at the first child's weight cell; no figures", () => {
    const grid = frameworkGrid();
    grid[at(grid, "A")][6] = "1/3"; // A + B + C = 1/3 + 1/2 + 3/10
    const m = modelFromSources({ framework: table(SHEET, grid, ORIGIN), input: table("SCI 输入", inputGrid()) }, 1);
    expect(m.scores).toBeUndefined();
    expect(m.framework).toBeUndefined();
    expect(m.errorTables).toEqual(["SCI_Framework"]);
    const weights = m.issues.find((i) => i.code === "framework-weights")!;
    // Row of A in the grid + the title row above the table; weight is column G.
    expect(weights.cell).toEqual({ sheet: SHEET, address: `G${at(grid, "A") + 2}`, row: at(grid, "A") + 1, col: 6 });
    expect(both(weights)).toContain(`${SHEET}!G${at(grid, "A") + 2}`);
    const msg = failure(districtValue(m, "浦东"), "notAvailable");
    expect(msg).toContain("SCI_Framework 表有 1 个错误");
    // SCORE does not quietly fall back to the 2020 framework either.
    expect(failure(usableFramework(m), "notAvailable")).toContain("SCI_Framework");
  });

  it("a bad weight, an orphan and a duplicate code each name their cell", () => {
    const grid = frameworkGrid();
    grid[at(grid, "B2.3")][6] = "abc";
    grid[at(grid, "A1.1")][3] = "A9"; // parent that does not exist
    grid.push([...grid[at(grid, "C3.3")]]); // C3.3 twice
    const m = modelFromSources({ framework: table(SHEET, grid, { row: 4, col: 2 }) }, 1);
    expect(m.scores).toBeUndefined();
    const byCode = (code: string) => m.issues.find((i) => i.code === code)!;
    // Sheet rows: table row + 4 (origin); columns from C (origin col 2).
    expect(byCode("framework-bad-weight").cell?.address).toBe(`I${at(grid, "B2.3") + 5}`);
    expect(byCode("framework-orphan").cell?.address).toBe(`C${at(grid, "A1.1") + 5}`);
    expect(byCode("framework-duplicate-code").cell?.address).toBe(`C${grid.length + 4}`);
    for (const i of m.issues) {
      expect(i.cell?.sheet, both(i)).toBe(SHEET);
      expect(both(i), i.code).toContain(`${SHEET}!`);
    }
  });

  it("a new input indicator needs its input: pointed at the framework row that added it", () => {
    const grid = frameworkGrid();
    // C3 gets a fourth pilot indicator; the four share C3 equally.
    for (const c of ["C3.1", "C3.2", "C3.3"]) grid[at(grid, c)][6] = "1/4";
    grid.push(["C3.4", "3", "39", "C3", "新试点", "New pilot", "1/4"]);
    const builtin = modelFromSources({ framework: table(SHEET, grid, ORIGIN) }, 1);
    expect(builtin.scores).toBeUndefined();
    const need = builtin.issues.find((i) => i.code === "framework-needs-input")!;
    expect(need.cell).toMatchObject({ sheet: SHEET, address: `A${grid.length + 1}` });
    expect(both(need)).toContain("C3.4");
    expect(failure(districtValue(builtin, "浦东"), "notAvailable")).toContain("SCI_Framework");

    // With SCI_Input: the input table lacks the column.
    const withInput = modelFromSources({ framework: table(SHEET, grid, ORIGIN), input: table("SCI 输入", inputGrid()) }, 1);
    expect(withInput.scores).toBeUndefined();
    expect(withInput.issues.find((i) => i.code === "missing-column")).toMatchObject({ indicator: "C3.4", cell: { sheet: "SCI 输入" } });
    expect(failure(districtValue(withInput, "浦东"), "notAvailable")).toContain("SCI_Input 表有 1 个错误");

    // Adding the column makes it score: C3.4 = 100 everywhere.
    const rows = inputGrid();
    rows.forEach((r, i) => r.splice(r.length - 1, 0, i === 0 ? "C3.4" : 100));
    const fixed = modelFromSources({ framework: table(SHEET, grid, ORIGIN), input: table("SCI 输入", rows) }, 1);
    expect(fixed.issues.filter((i) => i.severity === "error")).toEqual([]);
    const r = inputs.find((x) => x.district === "浦东")!;
    const c3 = (Number(r["C3.1"]) + Number(r["C3.2"]) + Number(r["C3.3"]) + 100) / 4;
    expect(value(districtValue(fixed, "浦东", "C3"))).toBeCloseTo(c3, 10);
  });
});
