// round2 has a fast path that skips the decimal clean-up away from half-cents. It must agree
// with the plain definition everywhere, above all next to the half-cents the fast path avoids.
import fc from "fast-check";
import { buildFramework, competitionRanks, round2, score, type Dataset } from "../../src/core";
import { plainNumber } from "../../src/core/cell";

/** The definition: round half away from zero on the 12-significant-digit decimal value. */
function reference(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Number((Math.abs(x) * 100).toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / 100;
}

describe("round2 agrees with its definition", () => {
  it("on the report's printed half-cents", () => {
    expect(round2(120.505)).toBe(120.51);
    expect(round2(-120.505)).toBe(-120.51);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(109.765)).toBe(109.77);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(2.675)).toBe(2.68);
  });

  it("on any double", () => {
    fc.assert(
      fc.property(fc.double(), (x) => Object.is(round2(x), reference(x))),
      { numRuns: 20000 },
    );
  });

  it("on values a hair away from a half-cent", () => {
    const nearHalf = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -64, max: 64 })).map(([cents, ulps]) => {
      let x = (cents + 0.5) / 100;
      for (let i = 0; i < Math.abs(ulps); i++) x = nextAfter(x, ulps > 0 ? Infinity : -Infinity);
      return x;
    });
    fc.assert(
      fc.property(nearHalf, (x) => Object.is(round2(x), reference(x))),
      { numRuns: 20000 },
    );
  });

  it("ranks are the same as ranking the reference-rounded values", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 20 }), (xs) => {
        const r = xs.map(reference);
        expect([...competitionRanks(xs)]).toEqual(r.map((x) => 1 + r.filter((y) => y > x).length));
      }),
    );
  });
});

/** The next double after x towards `to`. */
function nextAfter(x: number, to: number): number {
  if (x === to) return x;
  const buf = new DataView(new ArrayBuffer(8));
  if (x === 0) return to > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  bits += to > x === x > 0 ? 1n : -1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

describe("ranks over all entities and within each region", () => {
  /** A one-indicator framework, so each entity's composite is its one input times the coefficient. */
  const built = buildFramework([
    { code: "T", nameZh: "总", nameEn: "Total", weight: 1 },
    { code: "X", parent: "T", nameZh: "甲", nameEn: "X", weight: 1 },
  ]);
  if (!built.framework) throw new Error(built.issues[0]?.en);
  const fw = { value: built.framework };
  const naive = (keys: number[], member: (j: number) => boolean) => keys.map((k) => (k !== k ? 0 : 1 + keys.filter((y, j) => member(j) && y > k).length));

  it("are the naive competition ranks, for narrow and wide spans, ties, NaN and entities in no region", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((c) => c / 4), // many ties, a narrow span of cents
      fc.double({ min: -1e12, max: 1e12, noNaN: true }), // a span too wide to count
      fc.double({ min: -1e15, max: 1e15, noNaN: true }), // too wide to pack cents and entity in a double
      fc.constantFrom(Infinity, -Infinity),
      fc.constant(NaN),
    );
    const entity = fc.record({ x: value, region: fc.constantFrom("a", "b", "c", "none") });
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 40 }), (es) => {
        const ds: Dataset = {
          framework: fw.value,
          districts: es.map((e, i) => ({ id: `E${String(i).padStart(3, "0")}`, region: e.region })),
          regions: ["a", "b", "c"].map((id) => ({ id, zh: id, en: id })),
          inputs: Float64Array.from(es.map((e) => e.x)),
          coefficients: new Float64Array(es.length).fill(1),
        };
        const s = score(ds);
        const K = fw.value.order.length;
        const keys = es.map((e) => (Number.isFinite(e.x) ? Math.round(reference(e.x) * 100) : e.x));
        for (let k = 0; k < K; k++) {
          const city = es.map((_, i) => s.cityRanks[i * K + k]);
          expect(city).toEqual(naive(keys, () => true));
          es.forEach((e, i) => {
            if (e.region === "none") return;
            const inRegion = naive(keys, (j) => es[j].region === e.region)[i];
            expect(s.regionRanks[i * K + k], `entity ${i} in ${e.region}`).toBe(inRegion);
          });
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe("plain numbers read without Number()", () => {
  it("give exactly what Number() gives, for every digit string a CSV holds", () => {
    const digits = fc.stringMatching(/^[0-9]{0,17}(\.[0-9]{0,17})?$/);
    fc.assert(
      fc.property(digits, (t) => {
        const expected = t === "" || t === "." ? NaN : Number(t);
        expect(Object.is(plainNumber(t), expected), t).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});
