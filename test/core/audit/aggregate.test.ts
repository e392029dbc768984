// Aggregation over the children present, geometric aggregation and remove-one, by hand on the
// small framework R → X (½) → X1; R → Y (½) → Y1 (½), Y2 (½).
import { aggregate, removeOne, score } from "../../../src/core";
import { dataset2020 } from "../../../src/data";
import { small } from "./helpers";

describe("aggregate", () => {
  it("arithmetic with every child present is score() bit for bit (2020 data)", () => {
    const ds = dataset2020();
    expect(Array.from(aggregate(ds).values!)).toEqual(Array.from(score(ds).values));
    const report = dataset2020("report");
    expect(Array.from(aggregate(report).values!)).toEqual(Array.from(score(report).values));
  });

  it("geometric: X1 = 4, Y1 = 4, Y2 = 9 → Y = √36 = 6, R = √(4·6) = √24; times the coefficient", () => {
    const { values, issues } = aggregate(small([["a", "r", 4, 4, 9]], [0.5]), { method: "geometric" });
    expect(issues).toEqual([]);
    expect(values![3]).toBeCloseTo(6, 12);
    expect(values![0]).toBeCloseTo(0.5 * Math.sqrt(24), 12);
    // Arithmetic for comparison: Y = 6.5, R = 0.5 · (4 + 6.5) / 2.
    expect(aggregate(small([["a", "r", 4, 4, 9]], [0.5])).values![0]).toBeCloseTo(2.625, 12);
  });

  it("geometric with a value of 0 or below is an error naming the cell", () => {
    const { values, issues } = aggregate(
      small([
        ["a", "r", 4, 0, 9],
        ["b", "r", 1, 2, -3],
      ]),
      { method: "geometric" },
    );
    expect(values).toBeUndefined();
    expect(issues.map((i) => [i.severity, i.code, i.cell?.address, i.district, i.indicator])).toEqual([
      ["error", "geometric-non-positive", "D2", "a", "Y1"],
      ["error", "geometric-non-positive", "E3", "b", "Y2"],
    ]);
  });

  it("an empty input is an error by default, and with missing: skip its siblings are renormalised", () => {
    const ds = small([["a", "r", 10, NaN, 30]]);
    const strict = aggregate(ds);
    expect(strict.values).toBeUndefined();
    expect(strict.issues.map((i) => [i.code, i.cell?.address])).toEqual([["missing-value", "D2"]]);
    const skip = aggregate(ds, { missing: "skip" });
    expect(skip.issues.map((i) => [i.severity, i.code, i.cell?.address])).toEqual([["warning", "missing-skipped", "D2"]]);
    // Y is Y2 alone (weight ½ renormalised to 1): 30; R = (10 + 30) / 2.
    expect(Array.from(skip.values!)).toEqual([20, 10, 10, 30, NaN, 30]);
  });

  it("a parent none of whose children is present is left out too", () => {
    const skip = aggregate(small([["a", "r", 10, NaN, NaN]]), { missing: "skip" });
    expect(Array.from(skip.values!)).toEqual([10, 10, 10, NaN, NaN, NaN]);
  });

  it("the coefficient can be left off", () => expect(aggregate(small([["a", "r", 10, 20, 30]], [0.9]), { coefficient: false }).values![0]).toBe(17.5));
});

describe("remove one", () => {
  // a: X1 10, Y 20 → R 15 (rank 2)    b: X1 30, Y 5 → R 17.5 (rank 1)    c: X1 1, Y 25 → R 13 (rank 3)
  const ds = small([
    ["a", "r", 10, 20, 20],
    ["b", "r", 30, 0, 10],
    ["c", "r", 1, 25, 25],
  ]);
  const byCode = Object.fromEntries(removeOne(ds).map((r) => [r.indicator, r]));
  it("every indicator below the composite, at every level", () => expect(Object.keys(byCode)).toEqual(["X", "X1", "Y", "Y1", "Y2"]));
  it("dropping X1 drops X (no children left): R = Y, ranks c 1, a 2, b 3", () => {
    // Shifts: a 2→2, b 1→3, c 3→1.
    expect(byCode.X1.shifts).toEqual([0, 2, -2]);
    expect(byCode.X1).toMatchObject({ meanAbsRankShift: 4 / 3, maxRankShift: 2 });
    expect({ ...byCode.X, indicator: "X1" }).toEqual(byCode.X1);
  });
  it("dropping Y1 leaves Y = Y2: a 15, b 20, c 13 → no rank changes", () =>
    expect(byCode.Y1).toMatchObject({ shifts: [0, 0, 0], meanAbsRankShift: 0, maxRankShift: 0 }));
  it("dropping Y2 leaves Y = Y1: a 15, b 15, c 13 → a and b share rank 1", () => expect(byCode.Y2.shifts).toEqual([-1, 0, 0]));
  it("dropping Y: R = X1, ranks b 1, a 2, c 3", () => expect(byCode.Y).toMatchObject({ shifts: [0, 0, 0], maxRankShift: 0 }));
});
