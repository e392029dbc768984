// Hand-worked small tables for every descriptive statistic (the arithmetic is in the comments).
import { averageRanks, coherence, distributionOf, isOutlier, kurtosis, pearson, sampleSd, skewness, spearman } from "../../../src/core";
import { SMALL } from "./helpers";

describe("Excel's SKEW and KURT on a hand-worked table", () => {
  // 1, 2, 3, 4, 10: mean 4, deviations −3 −2 −1 0 6, Σd² = 50, s² = 12.5.
  const xs = [1, 2, 3, 4, 10];
  it("sample sd: √(50 / 4)", () => expect(sampleSd(xs)).toBeCloseTo(Math.sqrt(12.5), 14));
  it("SKEW = 5/(4·3) · Σd³/s³ = (5/12) · 180 / 12.5^1.5 = 1.6970563", () => {
    expect(skewness(xs)).toBeCloseTo((5 / 12) * (180 / 12.5 ** 1.5), 12);
    expect(skewness(xs)).toBeCloseTo(1.6970563, 7);
  });
  it("KURT = 30/24 · 1394/156.25 − 3·16/6 = 3.152", () => expect(kurtosis(xs)).toBeCloseTo(3.152, 12));
  it("the summary: n, mean, sd, min, max", () => {
    const d = distributionOf([...xs, NaN]);
    expect(d).toMatchObject({ n: 5, mean: 4, min: 1, max: 10 });
  });
  it("a symmetric table has no skew", () => expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 14));
});

describe("undefined statistics are null, never NaN", () => {
  it("a constant column: sd 0, no skew, kurtosis or correlation", () => {
    const d = distributionOf([100, 100, 100, 100]);
    expect(d).toEqual({ n: 4, mean: 100, sd: 0, min: 100, max: 100, skew: null, kurtosis: null });
    expect(pearson([100, 100, 100], [1, 2, 3])).toBeNull();
    expect(spearman([100, 100, 100], [1, 2, 3])).toBeNull();
  });
  it("too few values: SKEW needs 3, KURT needs 4", () => {
    expect(skewness([1, 2])).toBeNull();
    // 1, 2, 4: mean 7/3, deviations −4/3, −1/3, 5/3, s² = 7/3, Σd³ = 20/9: SKEW = 3/2 · (20/9) / (7/3)^1.5.
    expect(skewness([1, 2, 4])).toBeCloseTo(0.9352195, 7);
    expect(kurtosis([1, 2, 4])).toBeNull();
    expect(distributionOf([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null, skew: null, kurtosis: null });
  });
  it("an undefined statistic never flags an outlier", () => expect(isOutlier({ skew: null, kurtosis: 10 })).toBe(false));
});

describe("the JRC outlier rule: |skew| ≥ 2 and kurtosis ≥ 3.5", () => {
  it.each([
    [2, 3.5, true],
    [-2, 3.5, true],
    [1.99, 10, false],
    [3, 3.49, false],
  ])("skew %d, kurtosis %d → %s", (skew, kurt, flag) => expect(isOutlier({ skew, kurtosis: kurt })).toBe(flag));
});

describe("Pearson and Spearman", () => {
  it("CORREL of (1,2,3) and (2,4,7): Σdxdy = 5, Σdx² = 2, Σdy² = 114/9", () =>
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (114 / 9)), 14));
  it("perfect and inverse", () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
  });
  it("pairs with a missing side are left out", () => expect(pearson([1, 2, NaN, 3], [2, 4, 100, 7])).toBeCloseTo(5 / Math.sqrt(2 * (114 / 9)), 14));
  it("average ranks for ties: (1, 2, 2, 3) → 1, 2.5, 2.5, 4", () => expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]));
  it("Spearman of (1,2,2,3) and (1,3,2,4): Pearson of the ranks, 4.5 / √(4.5 · 5)", () =>
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 14));
  it("Spearman sees only order", () => expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBe(1));
});

describe("collinear siblings: |r| > 0.9, either sign", () => {
  // R → X → X1; R → Y → Y1, Y2 (helpers.ts). Values row-major over R, X, X1, Y, Y1, Y2; X is
  // constant, so it correlates with nothing and only Y's children can be flagged.
  const values = (y1: number[], y2: number[]) =>
    y1.flatMap((a, i) => {
      const y = (a + y2[i]) / 2;
      return [(1 + y) / 2, 1, 1, y, a, y2[i]];
    });
  const y1 = [1, 2, 3, 4, 5];
  it("Y2 = 6 − Y1 (r = −1) is flagged", () => {
    expect(coherence(SMALL, values(y1, [5, 4, 3, 2, 1]), 5).collinear).toEqual([["Y1", "Y2", -1]]);
  });
  it("Y2 = Y1 + 10 (r = 1) is flagged", () => {
    expect(coherence(SMALL, values(y1, [11, 12, 13, 14, 15]), 5).collinear).toEqual([["Y1", "Y2", 1]]);
  });
  it.each([
    // deviations −2 … 2 against −1, −2, 1, 0, 2: Σdxdy = 8, Σdx² = Σdy² = 10, r = 0.8
    ["0.8", [2, 1, 4, 3, 5]],
    ["−0.8", [4, 5, 2, 3, 1]],
  ])("r = %s is not flagged", (_, y2) => expect(coherence(SMALL, values(y1, y2), 5).collinear).toEqual([]));
});
