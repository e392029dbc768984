// The JRC treatment rule and imputation, on hand-made columns (their SKEW and KURT worked out
// by a plain Python script from Excel's definitions, and for the first one also by LibreOffice).
import { impute, kurtosis, prepare, skewness, treat, treatColumn, validate } from "../../../src/core";
import { dataset2020, framework2020, INPUTS_2020, shanghaiRoster } from "../../../src/data";
import { small } from "./helpers";

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("treatColumn: the JRC rule", () => {
  it("1…9, 100: skew 3.1189, kurtosis 9.7992 → one step, 100 becomes 9", () => {
    const col = [...range(1, 9), 100];
    const t = treatColumn(col);
    expect(t.before.skew).toBeCloseTo(3.118896, 6);
    expect(t.before.kurtosis).toBeCloseTo(9.799245, 6);
    expect(t).toMatchObject({ method: "winsorised", steps: 1 });
    expect(Array.from(t.values)).toEqual([...range(1, 9), 9]);
    expect(t.after.skew).toBeCloseTo(-0.151463, 6);
  });
  it("negative skew winsorises the minimum: 100…109, 1 → the 1 becomes 100", () => {
    const t = treatColumn([...range(100, 109), 1]);
    expect(t.before.skew).toBeCloseTo(-3.265673, 6);
    expect(t).toMatchObject({ method: "winsorised", steps: 1 });
    expect(Array.from(t.values)).toEqual([...range(100, 109), 100]);
  });
  it("forty 1s, 2…9: four steps (9→8, 8→7, 7→6, 6→5), every value equal to the maximum moves", () => {
    const col = [...Array(40).fill(1), ...range(2, 9)];
    const t = treatColumn(col);
    expect(t.before.skew).toBeCloseTo(2.6658, 4);
    expect(t).toMatchObject({ method: "winsorised", steps: 4 });
    expect(Array.from(t.values)).toEqual([...Array(40).fill(1), 2, 3, 4, 5, 5, 5, 5, 5]);
    expect(t.after.skew).toBeCloseTo(2.188, 3);
    expect(t.after.kurtosis).toBeCloseTo(3.1513, 4);
  });
  it("forty-two 1s, 2…8: exactly five steps (the limit) winsorise; the column is not logged", () => {
    // By Excel's SKEW and KURT: 2.9413 and 7.9203 before; after the fourth step (1…, 2, 3, 4, 4,
    // 4, 4, 4) still flagged at 2.3696 and 3.9750; after the fifth (8→7, 7→6, 6→5, 5→4, 4→3) skew 2.2332, kurtosis 3.2244.
    const col = [...Array(42).fill(1), ...range(2, 8)];
    const t = treatColumn(col);
    expect(t.before.skew).toBeCloseTo(2.9413, 4);
    expect(t.before.kurtosis).toBeCloseTo(7.9203, 4);
    expect(t).toMatchObject({ method: "winsorised", steps: 5 });
    expect(Array.from(t.values)).toEqual([...Array(42).fill(1), 2, 3, 3, 3, 3, 3, 3]);
    expect(t.after.skew).toBeCloseTo(2.2332, 4);
    expect(t.after.kurtosis).toBeCloseTo(3.2244, 4);
  });
  it("fifty 1s, 2…7: still flagged after 5 steps → log(x − min + 0.01·(max − min)) of the original", () => {
    const col = [...Array(50).fill(1), ...range(2, 7)];
    const t = treatColumn(col);
    expect(t.method).toBe("log");
    expect(Array.from(t.values)).toEqual(col.map((x) => Math.log(x - 1 + 0.06)));
    expect(t.after.skew).toBeCloseTo(2.7229, 4);
    expect(t.after.kurtosis).toBeCloseTo(5.8246, 4);
  });
  it("a column the rule does not flag is returned unchanged", () => {
    const col = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(treatColumn(col)).toMatchObject({ method: "none", steps: 0 });
    expect(Array.from(treatColumn(col).values)).toEqual(col);
  });
});

describe("treatment of a dataset: one extreme district", () => {
  // Nine districts; the tenth has X1 = 100 where the others have 1…9.
  const rows = range(1, 10).map((i) => [`d${i}`, "r", i === 10 ? 100 : i, 50 - i, 50] as [string, string, ...number[]]);
  const ds = small(rows);
  const { dataset, treatments, issues } = treat(ds);
  it("flags X1 only and winsorises the extreme value to the next highest", () => {
    expect(treatments.map((t) => [t.indicator, t.method, t.steps, t.changed])).toEqual([["X1", "winsorised", 1, [{ district: "d10", from: 100, to: 9 }]]]);
    expect(dataset.inputs[9 * 3]).toBe(9);
  });
  it("warns about the indicator and names the treated cell", () => {
    expect(issues.map((i) => [i.severity, i.code, i.cell?.address, i.district, i.indicator])).toEqual([
      ["warning", "treated-indicator", undefined, undefined, "X1"],
      ["warning", "treated-value", "C11", "d10", "X1"],
    ]);
  });
  it("changes the ranks: d10 leads untreated and falls behind d9 treated", () => {
    const before = prepare(ds).result!.scores;
    const after = prepare(ds, { treat: "jrc" }).result!;
    const rank = (s: typeof before, i: number) => s.cityRanks[i * 6];
    // d10: Y = (40 + 50)/2 = 45; untreated R = (100 + 45)/2 = 72.5, first. Treated R = (9 + 45)/2 = 27,
    // behind d9's (9 + (41 + 50)/2)/2 = 27.25.
    expect(rank(before, 9)).toBe(1);
    expect(after.scores.values[9 * 6]).toBe(27);
    expect(after.scores.values[8 * 6]).toBe(27.25);
    expect(rank(after.scores, 8)).toBe(1);
    expect(rank(after.scores, 9)).toBe(2);
    expect(after.untreated!.values[9 * 6]).toBe(72.5);
  });
});

describe("the 2020 data under the JRC rule", () => {
  it("treats the six flagged input indicators; every other input is unchanged", () => {
    const ds = dataset2020();
    const { dataset, treatments } = treat(ds);
    // Flagged by the Python reference and LibreOffice's SKEW/KURT: A2.1 is −1.971 (not flagged).
    expect(treatments.map((t) => t.indicator)).toEqual(["A3.1", "B2.1", "B2.5", "B4.3", "B4.4", "C2.1"]);
    const L = framework2020.leaves.length;
    framework2020.leaves.forEach((leaf, j) => {
      if (treatments.some((t) => t.indicator === leaf)) return;
      for (let i = 0; i < 16; i++) expect(dataset.inputs[i * L + j]).toBe(ds.inputs[i * L + j]);
    });
    for (const t of treatments) {
      const after = t.after;
      expect(after.skew === null || Math.abs(after.skew) < 2 || (after.kurtosis ?? 0) < 3.5).toBe(true);
    }
  });
});

describe("imputation", () => {
  const rows: [string, string, ...number[]][] = [
    ["a", "north", 10, NaN, 1],
    ["b", "north", 20, 4, 2],
    ["c", "north", NaN, 8, 3],
    ["d", "south", 40, 100, 4],
    ["e", "south", 50, 200, 5],
  ];
  const ds = small(rows);
  it("region mean: a's Y1 = (4 + 8)/2 = 6, c's X1 = (10 + 20)/2 = 15; each cell a warning naming it", () => {
    const r = impute(ds, "region-mean");
    expect(r.imputed).toEqual([
      { district: "c", indicator: "X1", value: 15, cell: "SCI_Input!C4" },
      { district: "a", indicator: "Y1", value: 6, cell: "SCI_Input!D2" },
    ]);
    expect(r.issues.map((i) => [i.severity, i.code, i.cell?.address])).toEqual([
      ["warning", "imputed", "C4"],
      ["warning", "imputed", "D2"],
    ]);
    expect(r.dataset!.inputs[2 * 3]).toBe(15);
    expect(r.dataset!.inputs[1]).toBe(6);
  });
  it("city median: a's Y1 = median(4, 8, 100, 200) = 54, c's X1 = median(10, 20, 40, 50) = 30", () => {
    const r = impute(ds, "city-median");
    expect(r.imputed.map((x) => x.value)).toEqual([30, 54]);
  });
  it("region median and city mean", () => {
    expect(impute(ds, "region-median").imputed.map((x) => x.value)).toEqual([15, 6]);
    expect(impute(ds, "city-mean").imputed.map((x) => x.value)).toEqual([30, 78]);
  });
  it("values present never change", () => {
    const r = impute(ds, "city-mean").dataset!;
    ds.inputs.forEach((x, k) => (Number.isNaN(x) ? null : expect(r.inputs[k]).toBe(x)));
  });
  it("a region with no value at all is an error naming the cell", () => {
    const r = impute(
      small([
        ["a", "north", NaN, 1, 1],
        ["b", "south", 3, 1, 1],
      ]),
      "region-mean",
    );
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => [i.severity, i.code, i.cell?.address])).toEqual([["error", "impute-no-values", "C2"]]);
  });
  it("validate keeps empty cells for imputation when asked, and imputation runs first in the pipeline", () => {
    const table = INPUTS_2020.map((r, i) => (i === 3 ? r.map((v, c) => (c === 2 ? "" : v)) : r));
    const strict = validate({ rows: table, sheet: "SCI_Input" }, { framework: framework2020, roster: shanghaiRoster });
    expect(strict.issues.map((i) => i.code)).toEqual(["empty-cell"]);
    const loose = validate({ rows: table, sheet: "SCI_Input" }, { framework: framework2020, roster: shanghaiRoster, allowEmpty: true });
    const r = prepare(loose.dataset!, { impute: "city-mean" });
    expect(r.result!.imputed).toEqual([{ district: INPUTS_2020[3][0], indicator: "A1.1", value: expect.any(Number), cell: "SCI_Input!C4" }]);
    const others = INPUTS_2020.slice(1)
      .filter((_, i) => i !== 2)
      .map((row) => Number(row[2]));
    expect(r.result!.imputed[0].value).toBeCloseTo(others.reduce((s, x) => s + x, 0) / 15, 12);
  });
});

it("skewness and kurtosis are the functions the rule uses", () => {
  expect(skewness([1, 2, 3, 4, 10])).toBeGreaterThan(1.69);
  expect(kurtosis([1, 2, 3, 4, 10])).toBeCloseTo(3.152, 12);
});
