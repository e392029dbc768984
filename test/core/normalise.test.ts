// Raw statistics to index numbers (issue 6): every method against values worked out by hand,
// the settings sheet's issues by cell, and the 2020 data recovered from made-up raw figures.
import fc from "fast-check";
import {
  buildFramework,
  normalise,
  normaliseTable,
  parseSettings,
  round2,
  score,
  settingsTemplate,
  validate,
  valueOf,
  type Framework,
  type Issue,
} from "../../src/core";
import { FW, inputRows, isChineseThenEnglish, publishedSummary, ROSTER, scores2020 } from "./fixtures";
import { both } from "./fixtures";

// A small tree: T = ½·X + ½·Y, times the coefficient.
const SMALL: Framework = buildFramework([
  { code: "T", nameZh: "总指数", nameEn: "Total", weight: 1 },
  { code: "X", parent: "T", nameZh: "宽带速率", nameEn: "Broadband speed", weight: "1/2" },
  { code: "Y", parent: "T", nameZh: "投诉件数", nameEn: "Complaints", weight: "1/2" },
]).framework!;

// Raw figures of four districts. X: 50, 80, 120, 200. Y: 10, 10, 30, 30.
const RAW = [
  ["district", "region", "X", "Y", "coefficient"],
  ["P", "north", 50, 10, 1],
  ["Q", "north", 80, 10, 1],
  ["R", "south", 120, 30, 0.9],
  ["S", "south", 200, 30, 1],
];
const HEAD = ["指标 / indicator", "方法 / method", "基准值 / benchmark", "上限 / cap", "方向 / direction"];

/** Normalises RAW (or a variant) with the given setting rows; returns the index columns. */
function run(settings: unknown[][], raw: unknown[][] = RAW) {
  const r = normaliseTable({ sheet: "SCI_Raw", rows: raw }, { sheet: "SCI_Settings", rows: [HEAD, ...settings] }, { framework: SMALL });
  const col = (code: string) => (r.dataset ? [0, 1, 2, 3].map((i) => r.dataset!.inputs[i * 2 + SMALL.leaves.indexOf(code)]) : undefined);
  return { ...r, X: col("X"), Y: col("Y"), codes: r.issues.map((i) => i.code) };
}
const close = (xs: number[] | undefined, want: number[]) => {
  expect(xs).toBeDefined();
  xs!.forEach((x, i) => expect(x, `#${i}`).toBeCloseTo(want[i], 10));
};

describe("each method, worked out by hand", () => {
  it("ratio: 100 × value / benchmark; benchmark 80 gives 62.5, 100, 150, 250", () => {
    const r = run([
      ["X", "ratio", 80],
      ["Y", "index"],
    ]);
    expect(r.issues).toEqual([]);
    close(r.X, [62.5, 100, 150, 250]); // 100·50/80, 100·80/80, 100·120/80, 100·200/80
    close(r.Y, [10, 10, 30, 30]); // index: used as it is
  });

  it("a cap limits the index: ratio 80 capped at 150 gives 62.5, 100, 150, 150", () => {
    close(
      run([
        ["X", "ratio", 80, 150],
        ["Y", "index"],
      ]).X,
      [62.5, 100, 150, 150],
    );
  });

  it("inverse: 100 × benchmark / value; benchmark 40 gives 80, 50, 33.33, 20", () => {
    const r = run([
      ["X", "inverse", 40],
      ["Y", "index"],
    ]);
    expect(r.settings!.get("X")!.direction).toBe("lower");
    close(r.X, [80, 50, 100 / 3, 20]); // 4000/50, 4000/80, 4000/120, 4000/200
  });

  it("minmax: 100 × (x − min) / (max − min) = 0, 20, 46.67, 100 (min 50, max 200)", () => {
    close(
      run([
        ["X", "minmax"],
        ["Y", "index"],
      ]).X,
      [0, 20, (100 * 70) / 150, 100],
    ); // 0/150, 30/150, 70/150, 150/150
  });

  it("minmax, less is better: 100 × (max − x) / (max − min) = 100, 80, 53.33, 0", () => {
    close(
      run([
        ["X", "极差", null, null, "越小越好"],
        ["Y", "index"],
      ]).X,
      [100, 80, (100 * 80) / 150, 0],
    );
  });

  it("zscore: 100 + 10·z with the population sd; Y = 10, 10, 30, 30 (mean 20, sd 10) gives 90, 90, 110, 110", () => {
    close(
      run([
        ["X", "index"],
        ["Y", "zscore"],
      ]).Y,
      [90, 90, 110, 110],
    );
    close(
      run([
        ["X", "index"],
        ["Y", "标准分", null, null, "lower"],
      ]).Y,
      [110, 110, 90, 90],
    );
  });

  it("zscore on X: mean 112.5, sd √3168.75 = 56.29; S (200) scores 100 + 10 × 87.5 / 56.29 = 115.54", () => {
    // deviations −62.5, −32.5, 7.5, 87.5; squares sum to 12675; / 4 = 3168.75
    const sd = Math.sqrt(3168.75);
    const r = run([
      ["X", "z-score"],
      ["Y", "index"],
    ]);
    close(r.X, [100 - (10 * 62.5) / sd, 100 - (10 * 32.5) / sd, 100 + (10 * 7.5) / sd, 100 + (10 * 87.5) / sd]);
    expect(round2(r.X![3])).toBe(115.54);
  });

  it("a benchmark may be a percentage: 95% is 0.95", () => {
    const r = run(
      [
        ["X", "比值", "95%"],
        ["Y", "index"],
      ],
      [RAW[0], ["P", "north", 0.95, 1, 1], ["Q", "north", 0.475, 1, 1], ["R", "south", 1.9, 1, 1], ["S", "south", 0.76, 1, 1]],
    );
    close(r.X, [100, 50, 200, 80]);
  });

  it("the normalised indices score like any others: T = (X + Y) / 2 × coefficient", () => {
    const { dataset } = run([
      ["X", "ratio", 80],
      ["Y", "zscore"],
    ]);
    const s = score(dataset!);
    // P: (62.5 + 90)/2 = 76.25; Q: (100 + 90)/2 = 95; R: (150 + 110)/2 × 0.9 = 117; S: (250 + 110)/2 = 180
    [76.25, 95, 117, 180].forEach((t, i) => expect(valueOf(s, i, "T")).toBeCloseTo(t, 10));
    expect(Array.from({ length: 4 }, (_, i) => s.cityRanks[i * 3])).toEqual([4, 3, 2, 1]);
  });
});

describe("the settings sheet's issues name the cell", () => {
  const only = (settings: unknown[][]) => parseSettings({ sheet: "SCI_Settings", rows: [HEAD, ...settings] }, SMALL);
  const one = (settings: unknown[][]): Issue => {
    const errors = only(settings).issues.filter((i) => i.severity === "error");
    expect(errors, JSON.stringify(errors)).toHaveLength(1);
    expect(isChineseThenEnglish(errors[0]), both(errors[0])).toBe(true);
    return errors[0];
  };
  const Y = ["Y", "index"];

  it.each([
    ["missing benchmark", [["X", "ratio"], Y], "settings-missing-benchmark", "SCI_Settings!C2"],
    ["zero benchmark", [["X", "inverse", 0], Y], "settings-zero-benchmark", "SCI_Settings!C2"],
    ["negative benchmark", [["X", "ratio", -3], Y], "settings-negative-benchmark", "SCI_Settings!C2"],
    ["text benchmark", [["X", "ratio", "about 80"], Y], "settings-bad-benchmark", "SCI_Settings!C2"],
    ["unknown method", [Y, ["X", "average", 80]], "settings-unknown-method", "SCI_Settings!B3"],
    ["empty method", [Y, ["X", null, 80]], "settings-missing-method", "SCI_Settings!B3"],
    ["unknown indicator", [["X", "minmax"], Y, ["Z9", "ratio", 1]], "settings-unknown-indicator", "SCI_Settings!A4"],
    ["computed indicator", [["X", "minmax"], Y, ["T", "ratio", 1]], "settings-computed-indicator", "SCI_Settings!A4"],
    ["duplicate indicator", [["X", "minmax"], Y, ["宽带速率", "zscore"]], "settings-duplicate-indicator", "SCI_Settings!A4"],
    ["bad cap", [["X", "minmax", null, -5], Y], "settings-bad-cap", "SCI_Settings!D2"],
    ["unknown direction", [["X", "minmax", null, null, "sideways"], Y], "settings-unknown-direction", "SCI_Settings!E2"],
    ["ratio cannot be less-is-better", [["X", "ratio", 80, null, "lower"], Y], "settings-direction-conflict", "SCI_Settings!E2"],
    ["inverse cannot be more-is-better", [["X", "inverse", 80, null, "higher"], Y], "settings-direction-conflict", "SCI_Settings!E2"],
    ["an input indicator without a setting", [Y], "settings-missing-indicator-row", "SCI_Settings!A3"],
  ])("%s", (_, settings, code, cell) => {
    const i = one(settings as unknown[][]);
    expect(i.code).toBe(code);
    expect(`${i.cell!.sheet}!${i.cell!.address}`).toBe(cell);
    expect(both(i)).toContain(cell);
  });

  it("messages name the indicator in both languages", () => {
    const i = one([["X", "ratio"], Y]);
    expect(i.indicator).toBe("X");
    expect(both(i)).toContain("X 宽带速率");
    expect(both(i)).toContain("X Broadband speed");
  });

  it("a benchmark for minmax is ignored with a warning", () => {
    const r = only([["X", "minmax", 80], Y]);
    expect(r.settings).toBeDefined();
    expect(r.issues.map((i) => [i.severity, i.code, `${i.cell?.sheet}!${i.cell?.address}`])).toEqual([
      ["warning", "settings-unused-benchmark", "SCI_Settings!C2"],
    ]);
    // Ignored means the indices are plain minmax's (min 50, max 200), not scaled by 80.
    close(
      run([
        ["X", "minmax", 80],
        ["Y", "index"],
      ]).X,
      [0, 20, (100 * 70) / 150, 100],
    );
  });

  it("a table without a method column is one error, not a crash", () => {
    const r = parseSettings(
      {
        rows: [
          ["indicator", "benchmark"],
          ["X", 1],
        ],
      },
      SMALL,
    );
    expect(r.settings).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(["settings-missing-column"]);
    expect(parseSettings({ rows: [] }, SMALL).issues.map((i) => i.code)).toEqual(["settings-missing-column", "settings-missing-column"]);
  });

  it("Chinese headers and names work: 指标 方法 基准值 上限 方向", () => {
    const r = parseSettings(
      {
        rows: [
          ["指标", "方法", "基准值", "上限", "方向"],
          ["宽带速率", "反向比值", 40, 150, ""],
          ["投诉件数", "极差", "", "", "负向"],
        ],
      },
      SMALL,
    );
    expect(r.issues).toEqual([]);
    expect(r.settings!.get("X")).toMatchObject({ method: "inverse", direction: "lower", benchmark: 40, cap: 150 });
    expect(r.settings!.get("Y")).toMatchObject({ method: "minmax", direction: "lower" });
  });
});

describe("values that cannot be normalised are issues at the raw cell, never NaN", () => {
  const withX = (xs: unknown[]) => RAW.map((r, i) => (i === 0 ? r : [r[0], r[1], xs[i - 1], r[3], r[4]]));

  it("zero or negative raw value under inverse: the cell, district and indicator are named", () => {
    const r = run(
      [
        ["X", "inverse", 40],
        ["Y", "index"],
      ],
      withX([50, 80, 120, 0]),
    );
    expect(r.dataset).toBeUndefined();
    expect(r.codes).toEqual(["normalise-bad-value"]);
    const i = r.issues[0];
    expect(i.cell!.address).toBe("C5"); // S is on row 5, X in column C
    expect([i.district, i.indicator]).toEqual(["S", "X"]);
    expect(both(i)).toContain("SCI_Raw!C5");
    expect(
      run(
        [
          ["X", "inverse", 40],
          ["Y", "index"],
        ],
        withX([-1, 80, 120, 200]),
      ).codes,
    ).toEqual(["normalise-bad-value"]);
  });

  it("negative raw value: allowed for minmax and zscore, an error for ratio and index", () => {
    const r = run(
      [
        ["X", "minmax"],
        ["Y", "index"],
      ],
      withX([-10, 0, 10, 30]),
    );
    expect(r.issues).toEqual([]);
    close(r.X, [0, 25, 50, 100]);
    expect(
      run(
        [
          ["X", "ratio", 10],
          ["Y", "index"],
        ],
        withX([-10, 0, 10, 30]),
      ).codes,
    ).toEqual(["normalise-bad-value"]);
    expect(
      run(
        [
          ["X", "index"],
          ["Y", "index"],
        ],
        withX([-10, 0, 10, 30]),
      ).codes,
    ).toEqual(["normalise-bad-value"]);
  });

  it("all districts equal: minmax and zscore have no spread", () => {
    for (const method of ["minmax", "zscore"]) {
      const r = run(
        [
          ["X", method],
          ["Y", "index"],
        ],
        withX([7, 7, 7, 7]),
      );
      expect(r.dataset).toBeUndefined();
      expect(r.codes).toEqual(["normalise-no-spread"]);
      expect(both(r.issues[0])).toContain("SCI_Raw!C2:C5");
      expect(r.issues[0].indicator).toBe("X");
    }
  });

  it("an implausibly large index (a benchmark in the wrong unit) is a warning", () => {
    const r = run([
      ["X", "ratio", 0.08],
      ["Y", "index"],
    ]);
    expect(r.dataset).toBeDefined();
    expect(r.codes).toEqual(["normalise-implausible", "normalise-implausible", "normalise-implausible", "normalise-implausible"]);
  });

  it("property: any raw table and any settings give finite, non-negative indices or errors", () => {
    const value = fc.oneof(fc.constantFrom(0, 1, 7, 7, 1e6), fc.double({ min: -1e6, max: 1e9, noNaN: true }));
    const setting = fc.record({
      method: fc.constantFrom("ratio", "inverse", "minmax", "zscore", "index", "bogus"),
      benchmark: fc.oneof(fc.constant(null), fc.constantFrom(0, -1, 1e-300, 100), fc.double({ min: 1e-9, max: 1e9, noNaN: true })),
      cap: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 1e4, noNaN: true })),
      direction: fc.constantFrom(null, "higher", "lower"),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 6 }), setting, setting, (rows, sx, sy) => {
        const raw = [RAW[0], ...rows.map(([x, y], i) => [`D${i}`, i % 2 ? "north" : "south", x, y, 1])];
        const settings = [sx, sy].map((s, k) => [k ? "Y" : "X", s.method, s.benchmark, s.cap, s.direction]);
        const r = run(settings, raw);
        if (r.dataset) {
          for (const v of r.dataset.inputs) expect(Number.isFinite(v) && v >= 0, String(v)).toBe(true);
          for (const v of score(r.dataset).values) expect(Number.isFinite(v)).toBe(true);
        } else expect(r.issues.some((i) => i.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the 2020 data recovered from raw figures", () => {
  // Made-up raw statistics: index × benchmark / 100 under ratio, 100 × benchmark / index under
  // inverse. Normalising them back must give the published inputs and so the published scores.
  const rows = inputRows();
  const head = rows[0];
  const benchmark = (j: number) => 10 ** (j % 4) * (j + 1) * 0.37;
  const inverse = (code: string) => ["A2.1", "B2.3", "C1.2"].includes(code);
  const rawRows = rows.map((r, i) =>
    i === 0
      ? r
      : r.map((v, c) => {
          const j = FW.leaves.indexOf(head[c]);
          if (j < 0) return v;
          return inverse(head[c]) ? (100 * benchmark(j)) / Number(v) : (Number(v) * benchmark(j)) / 100;
        }),
  );
  const settings = [["indicator", "method", "benchmark"], ...FW.leaves.map((c, j) => [c, inverse(c) ? "inverse" : "ratio", benchmark(j)])];

  it("every district's composite and ranks match scoring the published inputs", () => {
    const r = normaliseTable({ sheet: "SCI_Raw", rows: rawRows }, { sheet: "SCI_Settings", rows: settings }, { framework: FW, roster: ROSTER });
    expect(r.issues).toEqual([]);
    const s = score(r.dataset!);
    const direct = scores2020();
    s.values.forEach((v, k) => expect(v).toBeCloseTo(direct.values[k], 9));
    expect([...s.cityRanks]).toEqual([...direct.cityRanks]);
    const pudong = publishedSummary().find((p) => p.district === "浦东")!;
    expect(round2(valueOf(s, 0, "SCI"))).toBe(pudong.figures.SCI); // 133.41
  });

  it("the raw table is validated as raw statistics: large values are no warning", () => {
    const plain = validate({ rows: rawRows }, { framework: FW, roster: ROSTER });
    // As index numbers they would be refused: raw statistics, orders of magnitude apart.
    expect(plain.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["raw-values"]);
    const r = normaliseTable({ rows: rawRows }, { rows: settings }, { framework: FW, roster: ROSTER });
    expect(r.issues.filter((i) => i.code === "implausible")).toEqual([]);
  });

  it("the settings template lists every input indicator; filled with benchmark 100 it is the identity", () => {
    const template = settingsTemplate(FW);
    expect(template).toHaveLength(39);
    expect(template.slice(1).map((r) => r[0])).toEqual([...FW.leaves]);
    const empty = parseSettings({ sheet: "SCI_Settings", rows: template }, FW);
    expect(empty.issues.map((i) => i.code)).toEqual(Array(38).fill("settings-missing-benchmark"));
    expect(empty.issues[0].cell!.address).toBe("D2");
    const filled = template.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], 100, r[4], r[5]]));
    const r = normaliseTable({ rows }, { rows: filled }, { framework: FW, roster: ROSTER });
    expect(r.issues).toEqual([]);
    const direct = validate({ rows }, { framework: FW, roster: ROSTER }).dataset!;
    r.dataset!.inputs.forEach((v, k) => expect(v).toBeCloseTo(direct.inputs[k], 12));
  });
});

describe("normalise on a dataset", () => {
  it("an indicator with no setting is an error, not NaN", () => {
    const raw = validate({ rows: RAW }, { framework: SMALL }).dataset!;
    const r = normalise(raw, new Map([["X", { indicator: "X", method: "index", direction: "higher" }]]));
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.indicator])).toEqual([["normalise-missing-setting", "Y"]]);
  });
});
