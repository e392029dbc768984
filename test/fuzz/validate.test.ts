// Validation against hostile tables: it never throws (nor hides a crash as an "internal"
// issue), never lets NaN or Infinity reach a score, and reports every bad cell at its address.
import fc from "fast-check";
import { score, validate, type Issue } from "../../src/core";
import { reportLayout } from "../../src/report";
import { framework2020, shanghaiRoster } from "../../src/data";
import { a1, anyCell, badCoefficient, badValue, COEFFICIENT_COLUMN, DISTRICT_COLUMN, goodValue, INPUTS, LEAF_COLUMNS } from "./hostile";
import { both } from "../core/fixtures";

const options = { framework: framework2020, roster: shanghaiRoster };

/** Every number a caller can reach from a validation result is finite. */
function assertFiniteOutputs(rows: readonly (readonly unknown[])[], opts = options) {
  const result = validate({ sheet: "SCI_Input", rows }, opts);
  expect(Array.isArray(result.issues)).toBe(true);
  expect(result.issues.filter((i) => i.code === "internal")).toEqual([]);
  for (const i of result.issues) expect(typeof both(i)).toBe("string");
  if (!result.dataset) {
    expect(result.issues.some((i) => i.severity === "error")).toBe(true);
    return result;
  }
  expect(result.issues.every((i) => i.severity === "warning")).toBe(true);
  const { inputs, coefficients } = result.dataset;
  expect([...inputs, ...coefficients].every(Number.isFinite)).toBe(true);
  const s = score(result.dataset);
  expect(s.values.every(Number.isFinite)).toBe(true);
  for (const avg of s.averages.values()) expect(avg.every(Number.isFinite)).toBe(true);
  for (const sheet of reportLayout(s, "2020").sheets)
    for (const row of sheet.cells) for (const v of row) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  return result;
}

/** A copy of the 2020 input, header included, every cell a string as a CSV reader gives it. */
const fresh = (): unknown[][] => INPUTS.map((r) => [...r]);

describe("validation of hostile tables", () => {
  it("random tables of any cells: no throw, no internal error, finite outputs", () => {
    const table = fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => void assertFiniteOutputs(rows)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(table, (rows) => void assertFiniteOutputs(rows, { ...options, roster: undefined } as never)),
      { numRuns: 150 },
    );
  });

  it("the 2020 table with random cells replaced by anything: no throw, finite outputs", () => {
    const edits = fc.array(fc.tuple(fc.nat(INPUTS.length - 1), fc.nat(INPUTS[0].length - 1), anyCell), { maxLength: 6 });
    fc.assert(
      fc.property(edits, (es) => {
        const rows = fresh();
        for (const [r, c, v] of es) rows[r][c] = v;
        assertFiniteOutputs(rows);
      }),
      { numRuns: 200 },
    );
  });

  it("not-quite-tables: rows that are not arrays, ragged rows, a header of numbers", () => {
    for (const rows of [
      [],
      [[]],
      [null],
      [undefined, [1]],
      [[1, 2, 3], "x"],
      [INPUTS[0], ...Array(5).fill([])],
      [INPUTS[0].map(() => 0)],
      [INPUTS[0], INPUTS[1].slice(0, 3)],
    ] as unknown[][][])
      assertFiniteOutputs(rows);
    expect(validate({ rows: "nope" } as never, options).issues.length).toBeGreaterThan(0);
    expect(validate(null as never, options).issues.length).toBeGreaterThan(0);
  });
});

/** Where a bad value was put, and what validation must say there. */
interface Planted {
  row: number;
  col: number;
  district: string;
  indicator?: string;
}

describe("every bad cell is reported at its address, and no good cell is", () => {
  // A plan: bad values at chosen data cells, good values at others, columns shuffled, blank
  // rows inserted, the table placed anywhere on the sheet. The expected addresses are worked
  // out from the plan, independently of the core.
  const plan = fc.record({
    bad: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 1, max: 16 }), fc.constantFrom(...LEAF_COLUMNS.map(([, c]) => c), COEFFICIENT_COLUMN), badValue, badCoefficient),
      {
        minLength: 1,
        maxLength: 8,
        selector: ([r, c]) => `${r},${c}`,
      },
    ),
    good: fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.constantFrom(...LEAF_COLUMNS.map(([, c]) => c)), goodValue), { maxLength: 8 }),
    order: fc.shuffledSubarray(
      INPUTS[0].map((_, c) => c),
      { minLength: INPUTS[0].length, maxLength: INPUTS[0].length },
    ),
    blanks: fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }),
    origin: fc.record({ row: fc.nat(30), col: fc.nat(30) }),
  });

  it("for cells with hostile values, after shuffling columns and adding blank rows", () => {
    fc.assert(
      fc.property(plan, ({ bad, good, order, blanks, origin }) => {
        const rows = fresh();
        const badAt = new Set(bad.map(([r, c]) => `${r},${c}`));
        for (const [r, c, g] of good) if (!badAt.has(`${r},${c}`)) rows[r][c] = g.cell;
        for (const [r, c, v, coefficient] of bad) rows[r][c] = c === COEFFICIENT_COLUMN ? coefficient : v;

        // Shuffle columns; insert blank rows (after the header) from the bottom up.
        let table = rows.map((row) => order.map((c) => row[c]));
        const sheetRowOf = rows.map((_, r) => r);
        for (const b of [...blanks].sort((x, y) => y - x)) {
          table = [...table.slice(0, b), Array(order.length).fill(b % 2 ? "" : null), ...table.slice(b)];
          for (let r = 0; r < sheetRowOf.length; r++) if (sheetRowOf[r] >= b) sheetRowOf[r]++;
        }
        const planted: Planted[] = bad.map(([r, c]) => ({
          row: origin.row + sheetRowOf[r],
          col: origin.col + order.indexOf(c),
          district: INPUTS[r][DISTRICT_COLUMN],
          indicator: c === COEFFICIENT_COLUMN ? undefined : INPUTS[0][c],
        }));

        const { dataset, issues } = validate({ sheet: "SCI_Input", origin, rows: table }, options);
        expect(dataset).toBeUndefined();
        const errors = issues.filter((i) => i.severity === "error");
        for (const p of planted) {
          const at = errors.filter((i) => i.cell?.address === a1(p.row, p.col));
          expect(at, `no error at ${a1(p.row, p.col)} (${p.district}, ${p.indicator ?? "coefficient"}); issues: ${summary(issues)}`).toHaveLength(1);
          expect(at[0].cell).toMatchObject({ sheet: "SCI_Input", row: p.row, col: p.col });
          expect(at[0].district).toBe(p.district);
          expect(at[0].indicator).toBe(p.indicator);
          expect(both(at[0])).toContain(`SCI_Input!${a1(p.row, p.col)}`);
          expect(both(at[0])).toContain(p.district);
        }
        // Nothing else is an error: good values, blank rows and shuffled columns are fine.
        const plantedAt = new Set(planted.map((p) => a1(p.row, p.col)));
        expect(
          errors.filter((i) => !plantedAt.has(i.cell?.address ?? "")),
          summary(issues),
        ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("good values alone (shuffled, blank rows, BOMs, full-width digits) score exactly as their numbers", () => {
    fc.assert(
      fc.property(plan, ({ good, order }) => {
        const rows = fresh();
        const numeric = fresh().map((r, i) => (i === 0 ? r : r.map((v, c) => (c === DISTRICT_COLUMN || INPUTS[0][c] === "region" ? v : Number(v)))));
        for (const [r, c, g] of good) {
          rows[r][c] = g.cell;
          numeric[r][c] = g.value;
        }
        const shuffled = rows.map((row) => order.map((c) => row[c]));
        const a = validate({ rows: shuffled }, options);
        const b = validate({ rows: numeric }, options);
        expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
        // + 0 turns -0 into 0: a cell of -0 and one of 0 are the same score.
        expect(a.dataset && [...score(a.dataset).values].map((x) => x + 0)).toEqual(b.dataset && [...score(b.dataset).values].map((x) => x + 0));
      }),
      { numRuns: 200 },
    );
  });

  it("duplicated columns: each copy after the first is an error at its header cell", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEAF_COLUMNS.map(([, c]) => c), COEFFICIENT_COLUMN, DISTRICT_COLUMN), fc.nat(INPUTS[0].length), (c, at) => {
        const rows = fresh().map((row) => [...row.slice(0, at), row[c], ...row.slice(at)]);
        const second = at <= c ? c + 1 : at; // the later of the two copies
        const { dataset, issues } = validate({ rows }, options);
        expect(dataset).toBeUndefined();
        const dup = issues.filter((i) => i.code === "duplicate-column");
        expect(dup.map((i) => i.cell?.address)).toEqual([a1(0, second)]);
      }),
      { numRuns: 200 },
    );
  });

  it("unknown and duplicated districts are errors at their name cells", () => {
    const rows = fresh();
    rows[3][DISTRICT_COLUMN] = "=浦东";
    rows.push([...INPUTS[5]]);
    rows[7][DISTRICT_COLUMN] = "æµ¦ä¸œ";
    const { issues } = validate({ rows }, options);
    const at = (code: string) => issues.filter((i) => i.code === code).map((i) => i.cell?.address);
    expect(at("unknown-district").sort()).toEqual([a1(3, DISTRICT_COLUMN), a1(7, DISTRICT_COLUMN)].sort());
    expect(at("duplicate-district")).toEqual([a1(17, DISTRICT_COLUMN)]);
  });
});

const summary = (issues: readonly Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.cell?.address}`).join("; ");
