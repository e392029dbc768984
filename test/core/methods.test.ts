// The methods published indices use, each against values worked out by hand: COINr's normalisers
// (goalposts, log transforms, targets, a reference entity, ranks, percentile ranks, a scale),
// each parent's own aggregation, coverage rules and the assessment's decimals.
import { buildFramework, competitionRanks, normaliseTable, score, validate, type Framework, type FrameworkRow } from "../../src/core";

// T = ½·X + ½·Y. X: 50, 80, 120, 200. Y: 10, 10, 30, 30 (four entities, no coefficient).
const SMALL: Framework = buildFramework([
  { code: "T", nameZh: "总指数", nameEn: "Total", weight: 1 },
  { code: "X", parent: "T", nameZh: "X", nameEn: "X", weight: "1/2" },
  { code: "Y", parent: "T", nameZh: "Y", nameEn: "Y", weight: "1/2" },
]).framework!;
const RAW = [
  ["district", "X", "Y"],
  ["P", 50, 10],
  ["Q", 80, 10],
  ["R", 120, 30],
  ["S", 200, 30],
];
const HEAD = ["indicator", "method", "lower", "upper", "transform", "target", "reference", "scale", "direction", "benchmark"];

function run(settings: unknown[][], raw: unknown[][] = RAW) {
  const r = normaliseTable({ sheet: "Raw", rows: raw }, { sheet: "Settings", rows: [HEAD, ...settings] }, { framework: SMALL, coefficient: null });
  const col = (code: string) => (r.dataset ? [0, 1, 2, 3].map((i) => r.dataset!.inputs[i * 2 + SMALL.leaves.indexOf(code)]) : undefined);
  return { ...r, X: col("X"), Y: col("Y"), codes: r.issues.map((i) => i.code) };
}
const close = (xs: number[] | undefined, want: number[]) => {
  expect(xs).toBeDefined();
  xs!.forEach((x, i) => expect(x, `#${i}`).toBeCloseTo(want[i], 12));
};
const ROW = (indicator: string, method: string, o: Partial<Record<(typeof HEAD)[number], unknown>> = {}) =>
  HEAD.map((h) => (h === "indicator" ? indicator : h === "method" ? method : (o[h] ?? null)));

describe("COINr's normalisers, by hand", () => {
  it("goalposts 60–160 on a 0–1 scale: (x − 60) / 100, capped at both goalposts", () => {
    const r = run([ROW("X", "goalpost", { lower: 60, upper: 160, scale: 1 }), ROW("Y", "index")]);
    expect(r.codes).toEqual([]);
    close(r.X, [0, 0.2, 0.6, 1]); // 50 below the lower goalpost → 0; 200 above the upper → 1
  });

  it("goalposts with direction lower: (upper − x) / (upper − lower), default scale 100", () => {
    close(run([ROW("X", "goalpost", { lower: 0, upper: 200, direction: "lower" }), ROW("Y", "index")]).X, [75, 60, 40, 0]);
  });

  it("a natural log before the goalposts, the goalposts logged too (the HDI's income index)", () => {
    const r = run([ROW("X", "goalpost", { lower: 10, upper: 1000, transform: "log", scale: 1 }), ROW("Y", "index")]);
    // ln(50/10) / ln(1000/10) = ln 5 / ln 100 = 0.349485…
    close(r.X, [Math.log(5) / Math.log(100), Math.log(8) / Math.log(100), Math.log(12) / Math.log(100), Math.log(20) / Math.log(100)]);
    expect(r.X![0]).toBeCloseTo(0.3494850021680094, 15);
  });

  it("log10 and logct transforms before min-max", () => {
    // log10: 1.69897, 1.90309, 2.07918, 2.30103 → min-max over them.
    const l = [50, 80, 120, 200].map(Math.log10);
    close(
      run([ROW("X", "minmax", { transform: "log10", scale: 1 }), ROW("Y", "index")]).X,
      l.map((v) => (v - l[0]) / (l[3] - l[0])),
    );
    // logct: ln(x − min + 1) = ln 1, ln 31, ln 71, ln 151.
    const c = [1, 31, 71, 151].map(Math.log);
    close(
      run([ROW("X", "minmax", { transform: "logct", scale: 1 }), ROW("Y", "index")]).X,
      c.map((v) => v / c[3]),
    );
  });

  it("distance to a target: (x − min) / (target − min), capped at the target", () => {
    // min 50, target 150: 0, 0.3, 0.7, 1 (200 is past the target).
    close(run([ROW("X", "target", { target: 150, scale: 1 }), ROW("Y", "index")]).X, [0, 0.3, 0.7, 1]);
  });

  it("distance to a reference entity: 100 × x / x(Q)", () => {
    close(run([ROW("X", "reference", { reference: "Q" }), ROW("Y", "index")]).X, [62.5, 100, 150, 250]);
    expect(run([ROW("X", "reference", { reference: "Nowhere" }), ROW("Y", "index")]).codes).toContain("settings-bad-reference");
  });

  it("ranks (ties at the lower rank) and percentile ranks (rank − 1) / (n − 1)", () => {
    close(run([ROW("X", "index"), ROW("Y", "rank")]).Y, [1, 1, 3, 3]);
    close(run([ROW("X", "percentile", { scale: 1 }), ROW("Y", "percentile", { scale: 100 })]).X, [0, 1 / 3, 2 / 3, 1]);
    close(run([ROW("X", "percentile", { scale: 1 }), ROW("Y", "percentile", { scale: 100 })]).Y, [0, 0, 200 / 3, 200 / 3]);
    close(run([ROW("X", "rank", { direction: "lower" }), ROW("Y", "index")]).X, [4, 3, 2, 1]);
  });

  it("every bad setting is one issue naming its cell", () => {
    const r = run([ROW("X", "goalpost", { lower: 100, upper: 50 }), ROW("Y", "target")]);
    expect(r.issues.map((i) => [i.code, i.cell?.address])).toEqual([
      ["settings-bad-goalpost", "D2"],
      ["settings-bad-target", "F3"],
    ]);
    expect(run([ROW("X", "minmax", { transform: "square" }), ROW("Y", "index")]).issues.map((i) => [i.code, i.cell?.address])).toEqual([
      ["settings-bad-transform", "E2"],
    ]);
    expect(run([ROW("X", "minmax", { scale: -1 }), ROW("Y", "index")]).codes).toEqual(["settings-bad-scale"]);
    // A log of 0 or less is undefined: the value's cell, not NaN.
    const zero = run(
      [ROW("X", "minmax", { transform: "log" }), ROW("Y", "index")],
      RAW.map((r, i) => (i === 2 ? [r[0], 0, r[2]] : r)),
    );
    expect(zero.issues.map((i) => [i.code, i.district])).toEqual([["normalise-bad-value", "Q"]]);
  });

  it("a decimal comma (0,5) reads as the weights read it, with a warning at its cell; 1,000 groups thousands", () => {
    const r = run([ROW("X", "goalpost", { lower: "40,5", upper: "1,000", scale: "0,5" }), ROW("Y", "index")]);
    expect(r.issues.map((i) => [i.code, i.cell?.address])).toEqual([
      ["settings-decimal-comma", "H2"],
      ["settings-decimal-comma", "C2"],
    ]);
    // (x − 40.5) / (1000 − 40.5) on a 0–0.5 scale.
    close(
      r.X,
      [50, 80, 120, 200].map((x) => (0.5 * (x - 40.5)) / 959.5),
    );
  });

  it("a blank cell keeps today's behaviour: minmax on 0–100", () => {
    close(run([ROW("X", "minmax"), ROW("Y", "index")]).X, [0, 20, 46.666666666666664, 100]);
  });
});

// HDI-like: R = geometric(A, B); A = arithmetic(a1, a2); B = b.
const rows = (extra: Partial<Record<string, Partial<FrameworkRow>>> = {}): FrameworkRow[] =>
  [
    { code: "R", nameZh: "R", nameEn: "R", weight: 1, aggregation: "geometric" },
    { code: "A", parent: "R", nameZh: "A", nameEn: "A", weight: "1/2" },
    { code: "a1", parent: "A", nameZh: "a1", nameEn: "a1", weight: "1/2" },
    { code: "a2", parent: "A", nameZh: "a2", nameEn: "a2", weight: "1/2" },
    { code: "B", parent: "R", nameZh: "B", nameEn: "B", weight: "1/2" },
    { code: "b", parent: "B", nameZh: "b", nameEn: "b", weight: 1 },
  ].map((r) => ({ ...r, ...(extra[r.code] ?? {}) }));

function scored(fwRows: FrameworkRow[], data: unknown[][]) {
  const fw = buildFramework(fwRows);
  expect(fw.issues.filter((i) => i.severity === "error")).toEqual([]);
  const v = validate({ rows: [["district", "a1", "a2", "b"], ...data] }, { framework: fw.framework!, coefficient: null, allowEmpty: true });
  expect(v.dataset).toBeDefined();
  const s = score(v.dataset!);
  const K = fw.framework!.order.length;
  const at = (i: number, code: string) => s.values[i * K + fw.framework!.index.get(code)!];
  const rank = (i: number, code: string) => s.cityRanks[i * K + fw.framework!.index.get(code)!];
  return { s, at, rank, fw: fw.framework! };
}

describe("each parent's own aggregation", () => {
  it("a geometric root over an arithmetic child, by hand", () => {
    const { at } = scored(rows(), [
      ["e1", 40, 60, 80],
      ["e2", 10, 90, 25],
    ]);
    expect(at(0, "A")).toBe(50);
    expect(at(0, "R")).toBeCloseTo(Math.sqrt(50 * 80), 12); // √4000 = 63.245…
    expect(at(1, "R")).toBeCloseTo(Math.sqrt(50 * 25), 12);
  });

  it("harmonic: 1 / (½/a1 + ½/a2)", () => {
    const { at } = scored(rows({ A: { aggregation: "harmonic" } }), [["e1", 40, 60, 80]]);
    expect(at(0, "A")).toBeCloseTo(1 / (0.5 / 40 + 0.5 / 60), 12); // 48
  });

  it("a row's unknown aggregation or coverage is an error at its row", () => {
    const bad = buildFramework(rows({ A: { aggregation: "median", source: { row: 2 } }, B: { coverage: "most", source: { row: 5 } } }));
    expect(bad.issues.map((i) => [i.code, i.indicator])).toEqual([
      ["framework-bad-aggregation", "A"],
      ["framework-bad-coverage", "B"],
    ]);
  });
});

describe("coverage rules: who is scored when values are missing", () => {
  const data = [
    ["full", 40, 60, 80],
    ["gap", 40, null, 80],
    ["none", null, null, 80],
  ];
  it("default, all: a parent needs every child; an entity not scored has no rank and takes no part in the mean", () => {
    const { at, rank, s, fw } = scored(rows(), data);
    expect(at(1, "A")).toBeNaN();
    expect(at(1, "R")).toBeNaN();
    expect([rank(0, "R"), rank(1, "R"), rank(2, "R")]).toEqual([1, 0, 0]);
    // B: all three have it (80) → mean 80, ranks tied 1.
    expect([rank(0, "B"), rank(1, "B"), rank(2, "B")]).toEqual([1, 1, 1]);
    expect(s.averages.get("city")![fw.index.get("R")!]).toBeCloseTo(Math.sqrt(50 * 80), 12);
  });

  it("any (the EPI's rule): a parent is the weighted mean of the children that have data", () => {
    const { at, rank } = scored(rows({ A: { coverage: "any" } }), data);
    expect(at(1, "A")).toBe(40);
    expect(at(1, "R")).toBeCloseTo(Math.sqrt(40 * 80), 12);
    expect(at(2, "A")).toBeNaN(); // no child at all
    expect([rank(0, "R"), rank(1, "R"), rank(2, "R")]).toEqual([1, 2, 0]);
  });

  it("a share: 50% of the weight is enough, 60% is not", () => {
    expect(scored(rows({ A: { coverage: "50%" } }), data).at(1, "A")).toBe(40);
    expect(scored(rows({ A: { coverage: "60%" } }), data).at(1, "A")).toBeNaN();
  });
});

describe("the assessment's decimals", () => {
  it("ranks at 3 decimals tell 0.962, 0.961 and 0.959 apart, where 2 decimals tie them", () => {
    expect([...competitionRanks([0.962, 0.961, 0.959])]).toEqual([1, 1, 1]);
    expect([...competitionRanks([0.962, 0.961, 0.959], undefined, 3)]).toEqual([1, 2, 3]);
    const fw = buildFramework(rows({ R: { decimals: 3 } })).framework!;
    expect(fw.decimals).toBe(3);
    expect(buildFramework(rows({ A: { decimals: 3 } })).issues.map((i) => i.code)).toEqual(["framework-bad-decimals"]);
    expect(buildFramework(rows({ R: { decimals: 9 } })).issues.map((i) => i.code)).toEqual(["framework-bad-decimals"]);
  });
});
