// Property tests (issue 2 "Must show"): validation never throws, scores are monotone and
// scale with the inputs, and the order of district rows changes nothing.
import fc from "fast-check";
import { rankOf, score, valueOf, type Dataset, type Issue } from "../../src/core";
import { a1, datasetOf, FW, inputRows, isChineseThenEnglish, validated } from "./fixtures";
import { both } from "./fixtures";

const base = inputRows();
const head = base[0];
const L = FW.leaves.length;
const K = FW.order.length;
const EXCEL_ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

/** Any cell a spreadsheet, a CSV reader or a careless caller could hand over. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withBoxedValues: true,
    withTypedArray: true,
    withSparseArray: true,
    withObjectString: true,
    maxDepth: 2,
  }),
  fc.double(), // NaN, ±Infinity, -0, 5e-324, 1.8e308
  fc.constantFrom(...EXCEL_ERRORS, "", "  ", "1e400", "-1e-400", "1,234.5", "１２０．５", "Infinity", "NaN", "=SUM(A1:A9)", "+1", "@A1", "-", "."),
  fc.constantFrom(...head, "行政区", "区域", "网络安全状况系数", "政务服务", "13", "浦东新区", "Pudong", "310115", "浦冬"),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ maxLength: 6 }).map((s) => "=" + s),
  fc.record({ error: fc.constantFrom(...EXCEL_ERRORS) }),
  fc.record({ formula: fc.string(), result: fc.oneof(fc.double(), fc.string()) }),
  fc.constant(null),
  fc.constant(undefined),
);

const row = (cell: fc.Arbitrary<unknown>, max: number) => fc.array(cell, { maxLength: max });

/** The shape every validation result must have, whatever the input. */
function expectWellFormed(result: { dataset?: Dataset; issues: Issue[] }) {
  const wrong: string[] = [];
  const errors = result.issues.filter((i) => i.severity === "error");
  if ((result.dataset === undefined) !== errors.length > 0) wrong.push(`dataset ${result.dataset ? "with" : "without"} errors`);
  for (const i of result.issues) {
    if (i.code === "internal") wrong.push(both(i));
    if (i.severity !== "error" && i.severity !== "warning") wrong.push(`severity ${i.severity}`);
    if (!isChineseThenEnglish(i)) wrong.push(`not Chinese / English: ${both(i)}`);
    if (i.cell && i.cell.address !== a1(i.cell.row, i.cell.col)) wrong.push(`address ${i.cell.address}`);
  }
  if (result.dataset) {
    for (const x of result.dataset.inputs) if (!(Number.isFinite(x) && x >= 0)) wrong.push(`input ${x}`);
    for (const c of result.dataset.coefficients) if (!(c > 0 && c <= 1)) wrong.push(`coefficient ${c}`);
    for (const v of score(result.dataset).values) if (!Number.isFinite(v)) wrong.push(`value ${v}`);
  }
  expect(wrong).toEqual([]);
}

describe("validation never throws", () => {
  it("on random tables of any cells, ragged rows and blank rows", () => {
    const table = fc.array(fc.oneof({ weight: 8, arbitrary: row(anyCell, 45) }, { weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: anyCell }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(table, fc.boolean(), (rows, withRoster) => {
        const result = withRoster ? validated(rows as unknown[][]) : validated(rows as unknown[][], { roster: undefined });
        expectWellFormed(result);
        // No header row means nothing can score.
        if (rows.length < 2) expect(result.dataset).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("on random tables under the real header", () => {
    const table = fc.array(row(anyCell, head.length + 2), { maxLength: 18 });
    fc.assert(
      fc.property(table, (body) => expectWellFormed(validated([head, ...body]))),
      { numRuns: 200 },
    );
  });

  it("on the 2020 table with hostile cells: each one is reported at its own address", () => {
    const bad = fc.oneof(
      fc.constantFrom<unknown>(
        ...EXCEL_ERRORS,
        "",
        "  ",
        null,
        undefined,
        NaN,
        Infinity,
        -Infinity,
        "1e400",
        "-1e400",
        "NaN",
        "Infinity",
        true,
        false,
        "n/a",
        "—",
      ),
      fc.record({ error: fc.constantFrom(...EXCEL_ERRORS) }),
      fc.double({ max: -1e-300, noNaN: true }),
      fc.string({ maxLength: 8 }).map((s) => "=" + s),
      fc.string({ maxLength: 8 }).map((s) => "@" + s),
      fc.object({ maxDepth: 1 }).filter((o) => !("result" in o) && !("richText" in o) && !("error" in o)),
    );
    const leafCols = FW.leaves.map((c) => head.indexOf(c));
    const spot = fc.record({ row: fc.integer({ min: 1, max: 16 }), col: fc.constantFrom(...leafCols, head.indexOf("coefficient")), value: bad });
    const spots = fc.uniqueArray(spot, { minLength: 1, maxLength: 6, selector: (s) => `${s.row},${s.col}` });
    fc.assert(
      fc.property(spots, fc.integer({ min: 0, max: 3 }), (edits, blankRows) => {
        const rows: unknown[][] = base.map((r) => [...r]);
        for (const e of edits) rows[e.row][e.col] = e.value;
        // Blank rows at the bottom, as below a real table; they move no address.
        for (let b = 0; b < blankRows; b++) rows.push(Array(head.length).fill(b % 2 ? null : ""));
        const result = validated(rows);
        expectWellFormed(result);
        expect(result.dataset).toBeUndefined();
        const flagged = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.cell?.address));
        expect(edits.map((e) => a1(e.row, e.col)).filter((a) => !flagged.has(a))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("validation's safety net", () => {
  it("a cell whose every property access throws becomes one internal error, not a throw", () => {
    // No spreadsheet or CSV reader hands over such a thing; a buggy caller might.
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        has: () => {
          throw new Error("trap");
        },
      },
    );
    const rows: unknown[][] = base.map((r) => [...r]);
    rows[3][5] = trap;
    const { dataset, issues } = validated(rows);
    expect(dataset).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["internal"]);
    expect(isChineseThenEnglish(issues[0])).toBe(true);
  });
});

// Scoring properties on the 2020 districts with random inputs.
const ds2020 = datasetOf(base);
const n = ds2020.districts.length;
const withInputs = (inputs: Float64Array, coefficients = ds2020.coefficients): Dataset => ({ ...ds2020, inputs, coefficients });
/** Index values as the report's inputs look: 0 to 500 with two decimals, sometimes wild. */
const inputValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 50000 }).map((x) => x / 100) },
  // Any double up to 1e6; below 1e-100 it is 0, since subnormals do not scale with relative precision.
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => (x < 1e-100 ? 0 : x)) },
);
const inputsArb = fc.array(inputValue, { minLength: n * L, maxLength: n * L }).map((xs) => Float64Array.from(xs));
const coefficientsArb = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => Float64Array.from(xs));

/** Codes on the path from a leaf up to the root. */
const ancestors = (leaf: string): string[] => {
  const out: string[] = [];
  for (let c: string | undefined = leaf; c !== undefined; c = FW.indicators.get(c)!.parent) out.push(c);
  return out;
};

describe("scores", () => {
  it("are monotone: raising one input never lowers any index, and leaves other districts alone", () => {
    fc.assert(
      fc.property(
        inputsArb,
        coefficientsArb,
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: L - 1 }),
        fc.double({ min: 1e-6, max: 1000, noNaN: true }),
        (inputs, coefficients, d, j, delta) => {
          const before = score(withInputs(inputs, coefficients));
          const raised = Float64Array.from(inputs);
          raised[d * L + j] += delta;
          const after = score(withInputs(raised, coefficients));
          const up = new Set(ancestors(FW.leaves[j]));
          const wrong: string[] = [];
          for (let k = 0; k < K; k++) {
            const [b, a] = [before.values[d * K + k], after.values[d * K + k]];
            if (a < b || (!up.has(FW.order[k]) && a !== b)) wrong.push(`${FW.order[k]}: ${b} → ${a}`);
          }
          for (let i = 0; i < n; i++)
            if (i !== d) for (let k = 0; k < K; k++) if (after.values[i * K + k] !== before.values[i * K + k]) wrong.push(`district ${i} ${FW.order[k]}`);
          expect(wrong).toEqual([]);
          expect(valueOf(after, d, FW.leaves[j])).toBe(raised[d * L + j]);
          // The composite strictly rises when the raise is not lost in rounding.
          if (delta * FW.leafWeights[j] * coefficients[d] > 1e-9 * Math.abs(valueOf(before, d, "SCI")))
            expect(valueOf(after, d, "SCI")).toBeGreaterThan(valueOf(before, d, "SCI"));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("scale: every input × k gives every index and average × k (relative 1e-12)", () => {
    const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.abs(expected) + Number.MIN_VALUE;
    fc.assert(
      fc.property(inputsArb, coefficientsArb, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (inputs, coefficients, k) => {
        const a = score(withInputs(inputs, coefficients));
        const b = score(
          withInputs(
            inputs.map((x) => x * k),
            coefficients,
          ),
        );
        const wrong: string[] = [];
        for (let t = 0; t < a.values.length; t++) if (!close(b.values[t], k * a.values[t])) wrong.push(`${b.values[t]} vs ${k} × ${a.values[t]}`);
        for (const [scope, avg] of a.averages)
          for (let t = 0; t < K; t++) if (!close(b.averages.get(scope)![t], k * avg[t])) wrong.push(`${scope} ${FW.order[t]}`);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("do not depend on the order of district rows: values, ranks and averages per district", () => {
    const rowsArb = fc.array(fc.array(inputValue, { minLength: L, maxLength: L }), { minLength: n, maxLength: n });
    const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
    fc.assert(
      fc.property(rowsArb, coefficientsArb, order, (values, coefficients, perm) => {
        const table = (ids: number[]) => [head, ...ids.map((i) => [base[i + 1][0], base[i + 1][1], ...values[i], coefficients[i]])];
        const a = score(datasetOf(table([...Array(n).keys()])));
        const b = score(datasetOf(table(perm)));
        expect(b.dataset.districts.map((d) => d.id)).toEqual(perm.map((i) => base[i + 1][0]));
        const wrong: string[] = [];
        for (const [i, d] of a.dataset.districts.entries()) {
          const j = b.dataset.districts.findIndex((x) => x.id === d.id);
          for (const code of FW.order)
            if (
              valueOf(b, j, code) !== valueOf(a, i, code) ||
              rankOf(b, j, code, "city") !== rankOf(a, i, code, "city") ||
              rankOf(b, j, code, "region") !== rankOf(a, i, code, "region")
            )
              wrong.push(`${d.id} ${code}`);
        }
        for (const [scope, avg] of a.averages)
          avg.forEach((x, k) => {
            if (!Object.is(x, b.averages.get(scope)![k])) wrong.push(`${scope} average ${FW.order[k]}: ${x} vs ${b.averages.get(scope)![k]}`);
          });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
