// Hostile spreadsheet cells, sorted by what validation must make of them. A "bad" value must
// be reported as an error at its cell; a "good" value must be read as a number in [0, 1000].
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export const FIXTURES = join(__dirname, "..", "fixtures", "shanghai-2020");

/** A spec CSV as rows of strings (they hold no quotes, so a plain split is exact). */
export function fixtureRows(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));
}

/** inputs.csv: district, region, the 38 input codes, coefficient. */
export const INPUTS = fixtureRows("inputs.csv");
export const LEAF_COLUMNS = INPUTS[0].map((h, c) => [h, c] as const).filter(([h]) => /^[A-C]\d\.\d$/.test(h));
export const COEFFICIENT_COLUMN = INPUTS[0].indexOf("coefficient");
export const DISTRICT_COLUMN = INPUTS[0].indexOf("district");

const EXCEL_ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#n/a"];

/** Latin-1 bytes of accented text decoded as UTF-8, and the reverse: classic mojibake. */
export const MOJIBAKE = ["Ã©", "æµ¦ä¸œ", "Ã¤Ã¶Ã¼", "\uFFFD\uFFFD", "ÆÖ¶«", "浦东\uFFFD"];

/** Text that a careless writer would turn into a formula. */
export const FORMULA_LIKE = ["=1+1", "=SUM(A1:A9)", "+A1", "-A1", "@SUM(1)", '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", "\t=1"];

/** Values that must each produce an error at their cell. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>("", "   ", null, undefined, "\u3000"), // empty (incl. ideographic space)
  fc.constantFrom(...EXCEL_ERRORS),
  fc.constantFrom<unknown>({ error: "#N/A" }, { error: "#REF!" }), // exceljs error objects
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, "NaN", "Infinity", "-Infinity", "1e400", "-1e400"),
  fc.double({ min: -1e300, max: -Number.MIN_VALUE, noNaN: true }), // negative, huge or tiny
  fc.constantFrom<unknown>("-0.01", "-120.5", -5e-324),
  fc.constantFrom(...FORMULA_LIKE),
  fc.constantFrom(...MOJIBAKE),
  fc.constantFrom<unknown>("12\u00003", "\u0000", "120abc", "1.2.3", "12,34", "１２０元", "一百", "0x10", "1_000"),
  fc.constantFrom<unknown>(true, false),
  fc
    .string({ unit: fc.constantFrom("grapheme", "binary", "grapheme-ascii"), minLength: 1, maxLength: 12 } as never)
    .filter((s) => /[^\s\d.,eE+\-\uFEFF]/.test(s.normalize("NFKC")) && !/^\s*[+-]?(Infinity|NaN)\s*$/.test(s)),
);

/** Values that must be read as the number they show, within the plausible range. */
export const goodValue: fc.Arbitrary<{ cell: unknown; value: number }> = fc.oneof(
  fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => ({ cell: v, value: v })),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => ({ cell: String(v), value: v })),
  fc.integer({ min: 0, max: 999 }).map((v) => ({ cell: ` ${v}.5 `, value: v + 0.5 })),
  fc.integer({ min: 0, max: 999 }).map((v) => ({ cell: `\uFEFF${v}`, value: v })), // BOM before the number
  fc.integer({ min: 10, max: 999 }).map((v) => ({ cell: `${String(v)[0]}\u200b${String(v).slice(1)}`, value: v })), // invisible characters inside
  fc.integer({ min: 0, max: 999 }).map((v) => ({ cell: String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), value: v })), // full-width digits
  fc.constantFrom(
    { cell: "1e-300", value: 1e-300 },
    { cell: 5e-324, value: 5e-324 },
    { cell: "+5", value: 5 },
    { cell: ".5", value: 0.5 },
    { cell: "1,000", value: 1000 },
    { cell: -0, value: 0 },
  ),
);

/** Coefficients outside (0, 1] or not numbers: each an error at its cell. */
export const badCoefficient: fc.Arbitrary<unknown> = fc.oneof(badValue, fc.constantFrom<unknown>(0, "0", 1.0000001, 2, "1.5", 100));

/** Everything a cell could hand over, good or bad, for "never throws" properties. */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  badValue,
  goodValue.map((g) => g.cell),
  fc.double(),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom<unknown>({}, [], { result: 5 }, { result: "#N/A" }, { richText: [{ text: "12" }] }, { richText: "x" }, new Date(0), new Date(NaN), {
    toString: null,
  }),
);

/** Zero-based (row, col) → `C5`, worked out here rather than by the core. */
export function a1(row: number, col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}
