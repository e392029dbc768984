// The indicator tree: the 2020 framework as framework.csv gives it, and every way a tree can be wrong.
import { buildFramework, parseWeight, type FrameworkRow } from "../../src/core";
import { framework2020, FRAMEWORK_2020 } from "../../src/data";
import { FW, readFixture } from "./fixtures";
import { both } from "./fixtures";

const csv = readFixture("framework.csv");
const [head, ...body] = csv;
const col = (name: string) => head.indexOf(name);

describe("the 2020 framework", () => {
  it("loads from framework.csv with one root and every row an indicator", () => {
    expect(FW.root).toBe("SCI");
    expect(FW.indicators.size).toBe(body.length);
    expect(FW.order).toHaveLength(body.length);
    expect(body.filter((r) => r[col("parent")] === "")).toHaveLength(1);
  });

  it("has the levels framework.csv states: 1 composite, 3 first-, 10 second-, 38 third-level", () => {
    for (const r of body) expect(FW.indicators.get(r[col("code")])!.level, r[0]).toBe(Number(r[col("level")]));
    const count = (level: number) => [...FW.indicators.values()].filter((i) => i.level === level).length;
    expect([0, 1, 2, 3].map(count)).toEqual([0, 1, 2, 3].map((l) => body.filter((r) => Number(r[col("level")]) === l).length));
    expect([0, 1, 2, 3].map(count)).toEqual([1, 3, 10, 38]);
  });

  it("numbers its 38 input indicators 1..38 in report order", () => {
    expect(FW.leaves).toHaveLength(38);
    expect(FW.leaves.map((c) => FW.indicators.get(c)!.no)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(FW.leaves).toEqual(body.filter((r) => r[col("no")] !== "").map((r) => r[0]));
  });

  it("keeps each row's parent, names and exact fractional weight", () => {
    for (const r of body) {
      const ind = FW.indicators.get(r[0])!;
      expect(ind.parent ?? "").toBe(r[col("parent")]);
      expect(ind.nameZh).toBe(r[col("name_zh")]);
      expect(ind.nameEn).toBe(r[col("name_en")]);
      const [n, d = "1"] = r[col("weight")].split("/");
      expect(ind.weight, r[0]).toBe(Number(n) / Number(d));
    }
  });

  it("leaf weights in the root: A2.3 is 1/5 · 21/40 · 1/7, and all 38 sum to 1", () => {
    expect(FW.leafWeights[FW.leaves.indexOf("A2.3")]).toBeCloseTo((1 / 5) * (21 / 40) * (1 / 7), 15);
    expect(FW.leafWeights[FW.leaves.indexOf("B2.3")]).toBeCloseTo((1 / 2) * (7 / 23) * (1 / 7), 15);
    expect(FW.leafWeights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it("the built-in FRAMEWORK_2020 is the same tree as framework.csv", () => {
    expect(FRAMEWORK_2020.map((r) => r.code)).toEqual(body.map((r) => r[0]));
    expect(framework2020.order).toEqual(FW.order);
    expect([...framework2020.weightOf]).toEqual([...FW.weightOf]);
    for (const c of FW.order) {
      const a = framework2020.indicators.get(c)!;
      const b = FW.indicators.get(c)!;
      expect([a.nameZh, a.nameEn, a.level, a.no, a.parent]).toEqual([b.nameZh, b.nameEn, b.level, b.no, b.parent]);
    }
  });
});

// A small tree: R → X (1/4), Y (3/4); Y → Y1, Y2 (1/2 each).
const row = (code: string, parent: string | undefined, weight: number | string, extra: Partial<FrameworkRow> = {}): FrameworkRow => ({
  code,
  parent,
  weight,
  nameZh: `指标${code}`,
  nameEn: `Indicator ${code}`,
  ...extra,
});
const small = (): FrameworkRow[] => [row("R", undefined, 1), row("X", "R", "1/4"), row("Y", "R", "3/4"), row("Y1", "Y", 0.5), row("Y2", "Y", 0.5)];
const codes = (rows: FrameworkRow[]) => buildFramework(rows).issues.map((i) => i.code);

describe("framework checks", () => {
  it("a sound tree builds without issues", () => {
    const { framework, issues } = buildFramework(small());
    expect(issues).toEqual([]);
    expect(framework!.order).toEqual(["R", "X", "Y", "Y1", "Y2"]);
    expect(framework!.leaves).toEqual(["X", "Y1", "Y2"]);
    expect([...framework!.leafWeights]).toEqual([0.25, 0.375, 0.375]);
  });

  it("two roots", () => {
    const rows = [...small(), row("S", undefined, 1)];
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    const root = issues.find((i) => i.code === "framework-root")!;
    expect(root.severity).toBe("error");
    expect(both(root)).toContain("R");
    expect(both(root)).toContain("S");
  });

  it("a cycle", () => {
    // P and Q are each other's parent: neither reaches the root.
    const rows = [...small(), row("P", "Q", 1), row("Q", "P", 1)];
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    expect(
      issues
        .filter((i) => i.code === "framework-cycle")
        .map((i) => i.indicator)
        .sort(),
    ).toEqual(["P", "Q"]);
  });

  it("a node that is its own parent is a cycle", () => {
    expect(codes([...small(), row("Z", "Z", 1)])).toContain("framework-cycle");
  });

  it("an orphan: the parent does not exist", () => {
    const rows = [...small(), row("Y3", "W", 1)];
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    const orphan = issues.find((i) => i.code === "framework-orphan")!;
    expect(orphan.indicator).toBe("Y3");
    expect(both(orphan)).toContain("W");
  });

  it("sibling weights that do not sum to 1", () => {
    const rows = small();
    rows[4] = row("Y2", "Y", 0.4);
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    const w = issues.find((i) => i.code === "framework-weights")!;
    expect(w.severity).toBe("error");
    expect(w.indicator).toBe("Y");
    expect(both(w)).toContain("0.9");
  });

  it("1e-10 off is accepted (tolerance 1e-9); up to 0.0005 off is taken as rounded, with a warning and rescaled; more is refused", () => {
    const near = small();
    near[4] = row("Y2", "Y", 0.5 + 1e-10);
    expect(buildFramework(near).issues).toEqual([]);
    const rounded = small();
    rounded[4] = row("Y2", "Y", 0.5005);
    const built = buildFramework(rounded);
    expect(built.issues.map((i) => [i.code, i.severity])).toEqual([["framework-weights-rounded", "warning"]]);
    const fw = built.framework!;
    expect(fw.indicators.get("Y2")!.weight).toBeCloseTo(0.5005 / 1.0005, 15);
    expect(fw.indicators.get("Y1")!.weight + fw.indicators.get("Y2")!.weight).toBeCloseTo(1, 15);
    const far = small();
    far[4] = row("Y2", "Y", 0.5006);
    expect(codes(far)).toEqual(["framework-weights"]);
  });

  it("a duplicate code", () => {
    const rows = [...small(), row("Y1", "Y", 0.5)];
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    expect(issues.find((i) => i.code === "framework-duplicate-code")!.indicator).toBe("Y1");
  });

  it.each(["abc", "", "1/0", "-1/4", "0"])("a bad weight %j", (w) => {
    const rows = small();
    rows[1] = row("X", "R", w);
    const { framework, issues } = buildFramework(rows);
    expect(framework).toBeUndefined();
    const bad = issues.find((i) => i.code === "framework-bad-weight")!;
    expect(bad.indicator).toBe("X");
  });

  it("a source row is named in the message", () => {
    const rows = small();
    rows[1] = row("X", "R", "abc", { source: { sheet: "Framework", row: 2 } });
    const bad = buildFramework(rows).issues.find((i) => i.code === "framework-bad-weight")!;
    expect(bad.cell?.address).toBe("A3");
    expect(bad.zh).toContain("Framework!第3行");
    expect(bad.en).toContain("Framework!row 3");
  });

  it('weights as "9/40", "0.225" and "22.5%" are the same number', () => {
    expect(parseWeight("9/40")).toBe(0.225);
    expect(parseWeight("0.225")).toBe(0.225);
    expect(parseWeight("22.5%")).toBe(0.225);
    expect(parseWeight(" 9 / 40 ")).toBe(0.225);
    // A first-level branch written all three ways still sums to 1.
    const rows = [
      row("R", undefined, 1),
      row("A1", "R", "9/40"),
      row("A2", "R", "0.225"),
      row("A3", "R", "22.5%"),
      row("A4", "R", "1/3"),
      row("A5", "R", "0.0083333333333333"),
    ];
    // 3 × 0.225 + 1/3 + 0.00833… = 1.0166…: off; replace the last to make it exact.
    expect(codes(rows)).toEqual(["framework-weights"]);
    rows[4] = row("A4", "R", "32.5%");
    rows.pop();
    const { framework, issues } = buildFramework(rows);
    expect(issues).toEqual([]);
    expect([...framework!.weightOf].slice(1)).toEqual([0.225, 0.225, 0.225, 0.325]);
  });

  it("a stated level that disagrees with the tree is corrected", () => {
    const rows = small().map((r) => ({ ...r, level: 7 }));
    const fw = buildFramework(rows).framework!;
    expect(["R", "X", "Y", "Y1"].map((c) => fw.indicators.get(c)!.level)).toEqual([0, 1, 1, 2]);
  });

  it("a duplicate report number", () => {
    const rows = small();
    rows[3] = row("Y1", "Y", 0.5, { no: 1 });
    rows[4] = row("Y2", "Y", 0.5, { no: 1 });
    expect(codes(rows)).toEqual(["framework-duplicate-no"]);
  });
});
