// Whether a correlation is distinguishable from zero: the t test of Pearson's r, checked against
// printed tables and closed forms, and the audit's negative flag only when it is significant.
import { audit, coherence, correlationP, criticalR, findings, score } from "../../../src/core";
import { incompleteBeta, lnGamma, tTwoSided } from "../../../src/core/audit";
import { dataset2020 } from "../../../src/data";
import { SMALL } from "./helpers";

describe("the functions under the test", () => {
  it("ln Γ: Γ(1/2) = √π, Γ(5) = 24, Γ(1) = 1", () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(1)).toBeCloseTo(0, 13);
  });
  it("incomplete beta: I_x(1, 1) = x; I_x(1, 1/2) = 1 − √(1 − x); I_x(a, b) = 1 − I_(1−x)(b, a)", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 13);
    expect(incompleteBeta(0.64, 1, 0.5)).toBeCloseTo(1 - Math.sqrt(0.36), 13);
    expect(incompleteBeta(0.2, 7, 0.5)).toBeCloseTo(1 - incompleteBeta(0.8, 0.5, 7), 13);
  });
  it("Student's t, two-sided: t(14) = 2.145 and t(28) = 2.048 leave 5% (printed t tables); t(∞) = 1.96 too", () => {
    expect(tTwoSided(2.145, 14)).toBeCloseTo(0.05, 3);
    expect(tTwoSided(2.048, 28)).toBeCloseTo(0.05, 3);
    expect(tTwoSided(1.96, 1e7)).toBeCloseTo(0.05, 4);
    expect(tTwoSided(0, 5)).toBe(1);
  });
});

describe("the p-value of Pearson's r over n pairs", () => {
  it("n = 4 (ν = 2): p = 1 − |r| in closed form", () => {
    for (const r of [0.1, -0.5, 0.9]) expect(correlationP(r, 4)).toBeCloseTo(1 - Math.abs(r), 12);
  });
  it("n = 3 (ν = 1, Cauchy): p = (2/π)·arccos|r|", () => {
    for (const r of [0.2, -0.7, 0.99]) expect(correlationP(r, 3)).toBeCloseTo((2 / Math.PI) * Math.acos(Math.abs(r)), 12);
  });
  it("n = 5 (ν = 3): p = 1 − (2/π)(θ + sin θ cos θ), θ = atan(t/√3)", () => {
    const r = -0.9;
    const t = Math.abs(r) * Math.sqrt(3 / (1 - r * r));
    const theta = Math.atan(t / Math.sqrt(3));
    expect(correlationP(r, 5)).toBeCloseTo(1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta)), 12);
  });
  it("undefined below 3 pairs or without r", () => {
    expect(correlationP(0.5, 2)).toBeNull();
    expect(correlationP(null, 16)).toBeNull();
  });
  it.each([
    // Critical values of r, two-sided 5%, from the printed table (Fisher & Yates): ν = n − 2.
    [3, 0.997],
    [4, 0.95],
    [5, 0.878],
    [10, 0.632],
    [16, 0.497],
    [30, 0.361],
  ])("n = %d: |r| must pass %s", (n, r) => expect(criticalR(n)).toBeCloseTo(r, 3));
});

describe("the negative flag needs significance", () => {
  // R → X → X1; R → Y → Y1, Y2, five districts. Y1 = 1…5; Y is set directly: deviations of Y1
  // −2 … 2 against Y's 2, 1, −1, 0, −2 give Σdxdy = −9, Σdx² = Σdy² = 10: r = −0.9, beyond 0.878.
  // Against 1, 2, −1, 0, −2: Σdxdy = −8, r = −0.8, within it.
  const values = (y: number[]) => [1, 2, 3, 4, 5].flatMap((y1, i) => [1 + y[i], 1, 1, y[i], y1, 3]);
  it("r = −0.9 with n = 5 (p ≈ 0.037) is flagged negative", () => {
    const c = coherence(SMALL, values([5, 4, 2, 3, 1]), 5);
    expect(c.negative).toEqual([["Y1", expect.closeTo(-0.9, 12)]]);
    expect(c.weak).toEqual([]);
    expect(c.indicators.find((i) => i.code === "Y1")!.pParent).toBeLessThan(0.05);
  });
  it("r = −0.8 with n = 5 (p ≈ 0.10) is only weakly related", () => {
    const c = coherence(SMALL, values([4, 5, 2, 3, 1]), 5);
    expect(c.negative).toEqual([]);
    expect(c.weak).toEqual([["Y1", expect.closeTo(-0.8, 12)]]);
  });
});

describe("2020: no indicator is significantly against its parent", () => {
  const s = score(dataset2020());
  const a = audit(s).result;
  it("B2.5's r = −0.014 (and the other negative r, the largest |r| 0.316 < 0.497) are weakly related, not flagged", () => {
    expect(a.negative).toEqual([]);
    expect(a.weak.map(([c]) => c)).toEqual(["A3.2", "B1.4", "B2.2", "B2.4", "B2.5", "B4.3"]);
    expect(a.weak.find(([c]) => c === "B2.5")![1]).toBeCloseTo(-0.0138, 4);
  });
  it("the findings that need attention: seven skewed indicators and two collinear pairs; the weak ones are notes", () => {
    const f = findings(a, s.dataset.framework);
    const attention = f.filter((x) => x.attention);
    expect(attention.map((x) => `${x.kind} ${x.codes.join("·")}`)).toEqual([
      "outlier A3",
      "outlier A3.1",
      "outlier B2.1",
      "outlier B2.5",
      "outlier B4.3",
      "outlier B4.4",
      "outlier C2.1",
      "collinear B2.3·B2.6",
      "collinear B2.6·B2.7",
    ]);
    expect(f.filter((x) => x.kind === "weak").every((x) => !x.attention)).toBe(true);
    expect(f.find((x) => x.kind === "weak" && x.codes[0] === "B2.5")!.detail.zh).not.toContain("方向");
  });
});
