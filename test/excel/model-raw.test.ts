// Raw-data mode in the model: SCI_Raw + SCI_Settings (and no SCI_Input) → index numbers worked
// out by hand → scores; every settings problem shown with its cell.
import { modelFromSources } from "../../src/excel/model";
import { districtValue } from "../../src/functions/figures";
import { coefficientOf, failure, inputGrid, inputs, leafCodes, table, value } from "./model-fixtures";

const RAW = "SCI 原始数据";
const SETTINGS = "SCI 标准化设置";
/** Row of each district in inputs.csv order: 1 for 浦东 … 16 for 崇明. */
const k = (d: string) => inputs.findIndex((r) => r.district === d) + 1;
const index2020 = (d: string, code: string) => Number(inputs.find((r) => r.district === d)![code]);

/**
 * Raw statistics built backwards from the published indices, so most indices come back as
 * published: ratio to a benchmark of 50 (raw = index / 2) and A1.1 inverse to 20
 * (raw = 2000 / index). Four indicators get hand-checkable raw values instead: B2.3 and C3.3
 * the district's row number 1–16 (min-max, C3.3 less-is-better), B2.4 the same for a z-score,
 * and A2.3 is capped at 110.
 */
function rawGrid(): unknown[][] {
  return inputGrid((d, code, v) => {
    if (code === "A1.1") return 2000 / v;
    if (["B2.3", "B2.4", "C3.3"].includes(code)) return k(d);
    return v / 2;
  });
}

function settingsGrid(): unknown[][] {
  const special: Record<string, unknown[]> = {
    "A1.1": ["inverse", 20, null, "lower"],
    "A2.3": ["ratio", 50, 110, "higher"],
    "B2.3": ["minmax", null, null, "higher"],
    "B2.4": ["z-score", null, null, null],
    "C3.3": ["极差法", null, null, "越小越好"],
  };
  return [
    ["指标 / indicator", "名称 / name", "方法 / method", "基准值 / benchmark", "上限 / cap", "方向 / direction"],
    ...leafCodes.map((c) => [c, "", ...(special[c] ?? ["ratio", 50, null, "higher"])]),
  ];
}

/** The settings table sits under a title row, as the template writes it. */
const settings = (grid = settingsGrid()) => table(SETTINGS, grid, { row: 1, col: 0 });
const raw = (grid = rawGrid()) => table(RAW, grid);

describe("raw data mode", () => {
  const m = modelFromSources({ raw: raw(), settings: settings() }, 1);

  it("normalises and scores when the workbook has SCI_Raw and SCI_Settings but no SCI_Input", () => {
    expect(m.mode).toBe("raw");
    expect(m.source).toBe("workbook");
    expect(m.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(m.raw).toBeDefined();
    expect(m.settings?.get("B2.4")?.method).toBe("zscore");
  });

  it("ratio and inverse give back the indices the raw values were made from", () => {
    for (const d of inputs.map((r) => r.district))
      for (const code of ["A1.1", "A2.1", "B1.1", "C3.1"]) expect(value(districtValue(m, d, code))).toBeCloseTo(index2020(d, code), 9);
  });

  it("min-max: 100 × (k − 1) / 15, and less-is-better 100 × (16 − k) / 15", () => {
    expect(value(districtValue(m, "浦东", "B2.3"))).toBe(0);
    expect(value(districtValue(m, "崇明", "B2.3"))).toBe(100);
    expect(value(districtValue(m, "浦东", "C3.3"))).toBe(100);
    expect(value(districtValue(m, "崇明", "C3.3"))).toBe(0);
    for (const d of inputs.map((r) => r.district)) {
      expect(value(districtValue(m, d, "B2.3"))).toBeCloseTo((100 * (k(d) - 1)) / 15, 12);
      expect(value(districtValue(m, d, "C3.3"))).toBeCloseTo((100 * (16 - k(d))) / 15, 12);
    }
  });

  it("z-score: 100 + 10 × (k − 8.5) / √21.25 (mean of 1…16 is 8.5, population variance (16² − 1) / 12)", () => {
    for (const d of inputs.map((r) => r.district)) expect(value(districtValue(m, d, "B2.4"))).toBeCloseTo(100 + (10 * (k(d) - 8.5)) / Math.sqrt(21.25), 12);
    expect(value(districtValue(m, "浦东", "B2.4"))).toBeCloseTo(83.7302, 4);
  });

  it("the cap: A2.3 is at most 110", () => {
    const capped = inputs.filter((r) => Number(r["A2.3"]) > 110);
    expect(capped.length).toBeGreaterThan(0); // the cap bites somewhere
    for (const r of inputs) expect(value(districtValue(m, r.district, "A2.3"))).toBeCloseTo(Math.min(Number(r["A2.3"]), 110), 9);
  });

  it("the composite moves by exactly the changed indices times their weights", () => {
    // Weights in the composite: B2.3 and B2.4 1/2 × 7/23 × 1/7 = 1/46; C3.3 3/10 × 1/3 × 1/3 = 1/30;
    // A2.3 1/5 × 21/40 × 1/7 = 3/200.
    const builtin = modelFromSources({}, 1);
    for (const d of inputs.map((r) => r.district)) {
      const delta =
        (value(districtValue(m, d, "B2.3")) - index2020(d, "B2.3")) / 46 +
        (value(districtValue(m, d, "B2.4")) - index2020(d, "B2.4")) / 46 +
        (value(districtValue(m, d, "C3.3")) - index2020(d, "C3.3")) / 30 +
        ((value(districtValue(m, d, "A2.3")) - index2020(d, "A2.3")) * 3) / 200;
      expect(value(districtValue(m, d))).toBeCloseTo(value(districtValue(builtin, d)) + coefficientOf(d) * delta, 9);
    }
  });
});

describe("raw data mode: what goes wrong", () => {
  it("settings problems are issues naming their cell on SCI_Settings; no figures", () => {
    const grid = settingsGrid();
    const row = (code: string) => grid.findIndex((r) => r[0] === code);
    grid[row("B1.1")][3] = null; // ratio without a benchmark
    grid[row("B1.2")][3] = 0;
    grid[row("B1.3")][2] = "log";
    const m = modelFromSources({ raw: raw(), settings: settings(grid) }, 1);
    expect(m.scores).toBeUndefined();
    expect(m.errorTables).toEqual(["SCI_Settings"]);
    const sheetRow = (code: string) => row(code) + 2; // 1-based, under the title row
    const at = (code: string) => m.issues.find((i) => i.indicator === code)!;
    expect(at("B1.1")).toMatchObject({ code: "settings-missing-benchmark", cell: { sheet: SETTINGS, address: `D${sheetRow("B1.1")}` } });
    expect(at("B1.2")).toMatchObject({ code: "settings-zero-benchmark", cell: { sheet: SETTINGS, address: `D${sheetRow("B1.2")}` } });
    expect(at("B1.3")).toMatchObject({ code: "settings-unknown-method", cell: { sheet: SETTINGS, address: `C${sheetRow("B1.3")}` } });
    expect(m.issuesOf?.settings).toHaveLength(3);
    expect(failure(districtValue(m, "浦东"), "notAvailable")).toContain("SCI_Settings 表有 3 个错误");
  });

  it("a raw value that cannot be normalised names its cell on SCI_Raw", () => {
    const grid = rawGrid();
    grid[1][2] = 0; // 浦东's A1.1 under inverse: 100 × 20 / 0
    const m = modelFromSources({ raw: raw(grid), settings: settings() }, 1);
    expect(m.scores).toBeUndefined();
    expect(m.errorTables).toEqual(["SCI_Raw"]);
    expect(m.issues.find((i) => i.severity === "error")).toMatchObject({ district: "浦东", indicator: "A1.1", cell: { sheet: RAW, address: "C2" } });
  });

  it("SCI_Raw without SCI_Settings is an error, not a silent fall back to the 2020 data", () => {
    const m = modelFromSources({ raw: raw() }, 1);
    expect(m.scores).toBeUndefined();
    expect(m.issues).toMatchObject([{ severity: "error", code: "raw-without-settings", cell: { sheet: RAW, address: "A1" } }]);
    expect(failure(districtValue(m, "浦东"), "notAvailable")).toContain("SCI_Settings");
  });

  it("SCI_Input takes precedence over SCI_Raw, and the model says the raw data is unused", () => {
    const m = modelFromSources({ input: table("SCI 输入", inputGrid()), raw: raw(), settings: settings() }, 1);
    expect(m.mode).toBe("input");
    expect(m.issues).toMatchObject([{ severity: "warning", code: "table-unused", cell: { sheet: RAW } }]);
    expect(value(districtValue(m, "浦东", "B2.3"))).toBe(index2020("浦东", "B2.3"));
  });
});
