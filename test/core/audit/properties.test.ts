// Properties of the audit statistics over random data (fast-check).
import fc from "fast-check";
import { cronbachAlpha, distributionOf, pearson, prepare, sobol, spearman, treatColumn, isOutlier } from "../../../src/core";
import { small } from "./helpers";

const column = (n: number) => fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n });

describe("properties", () => {
  it("Pearson and Spearman lie in [−1, 1] or are null", () => {
    let defined = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(column(n), column(n))),
        ([a, b]) => {
          for (const r of [pearson(a, b), spearman(a, b)]) {
            if (r === null) continue;
            expect(Math.abs(r)).toBeLessThanOrEqual(1);
            defined++;
          }
        },
      ),
      { numRuns: 200 },
    );
    // The bound was checked on real correlations, not passed by nulls.
    expect(defined).toBeGreaterThan(300);
  });

  it("Cronbach's alpha is at most 1", () => {
    let defined = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }).chain((n) => fc.array(column(n), { minLength: 2, maxLength: 6 })),
        (items) => {
          const a = cronbachAlpha(items);
          if (a !== null) {
            expect(a).toBeLessThanOrEqual(1 + 1e-9);
            defined++;
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(defined).toBeGreaterThan(100);
  });

  it("treatment of a column the rule does not flag changes nothing", () =>
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }).chain(column), (xs) => {
        const t = treatColumn(xs);
        if (!isOutlier(distributionOf(xs))) expect(Array.from(t.values)).toEqual(xs);
        else expect(t.method).not.toBe("none");
      }),
    ));

  it("treatment of data that no rule flags changes no score", () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 1, max: 200, noNaN: true }), fc.double({ min: 1, max: 200, noNaN: true }), fc.double({ min: 1, max: 200, noNaN: true })),
          { minLength: 4, maxLength: 12 },
        ),
        (rows) => {
          const ds = small(rows.map((r, i) => [`d${i}`, i % 2 ? "a" : "b", ...r]));
          const flagged = [0, 1, 2].some((j) => isOutlier(distributionOf(rows.map((r) => r[j]))));
          fc.pre(!flagged);
          const plain = prepare(ds).result!.scores;
          const treated = prepare(ds, { treat: "jrc" }).result!;
          expect(treated.treatments).toEqual([]);
          expect(Array.from(treated.scores.values)).toEqual(Array.from(plain.values));
          expect(Array.from(treated.scores.cityRanks)).toEqual(Array.from(plain.cityRanks));
        },
      ),
      { numRuns: 50 },
    ));

  it("Sobol indices lie in [0, 1] within sampling tolerance, first ≤ total, and the same seed repeats", () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 1, max: 200, noNaN: true }),
            fc.double({ min: 1, max: 200, noNaN: true }),
            fc.double({ min: 1, max: 200, noNaN: true }),
            fc.double({ min: 0.5, max: 1, noNaN: true }),
          ),
          { minLength: 3, maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (rows, seed) => {
          const ds = small(
            rows.map((r, i) => [`d${i}`, "r", r[0], r[1], r[2]]),
            rows.map((r) => r[3]),
          );
          const run = () => sobol(ds, { samples: 300, seed, bootstrap: 20 }).result!;
          const r = run();
          for (const f of r.factors) {
            if (f.first === null) continue;
            expect(f.first).toBeGreaterThan(-0.25);
            expect(f.total!).toBeGreaterThanOrEqual(0);
            expect(f.total!).toBeLessThan(1.25);
            expect(f.first).toBeLessThanOrEqual(f.total! + 0.25);
          }
          expect(run()).toEqual(r);
        },
      ),
      { numRuns: 15, seed: 2020 }, // fixed: the indices are estimates, and their sampling error depends on the data
    ));
});
