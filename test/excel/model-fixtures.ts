// Workbook tables for the model's tests, made from the spec CSVs (never from the code under test).
import type { SourceTable } from "../../src/excel/sources";
import type { Failure, Outcome } from "../../src/functions/outcome";
import { both, chineseThenEnglish, framework, inputs, leafCodes, published } from "../functions/fixtures";

export { framework, inputs, leafCodes, published };

/** inputs.csv as SCI_Input's cells: district, region, the input indicators, coefficient. */
export function inputGrid(change: (district: string, code: string, v: number) => number = (_d, _c, v) => v): unknown[][] {
  const header = ["district", "region", ...leafCodes, "coefficient"];
  return [header, ...inputs.map((r) => [r.district, r.region, ...leafCodes.map((c) => change(r.district, c, Number(r[c]))), Number(r.coefficient)])];
}

/** framework.csv as SCI_Framework's cells (code, level, no, parent, name_zh, name_en, weight). */
export function frameworkGrid(): string[][] {
  const cols = ["code", "level", "no", "parent", "name_zh", "name_en", "weight"];
  return [cols, ...framework.map((r) => cols.map((c) => r[c]))];
}

/** A table as readSources returns it. */
export function table(sheet: string, rows: unknown[][], origin = { row: 0, col: 0 }, title?: string): SourceTable {
  return { sheet, origin, rows, ...(title ? { title } : {}) };
}

/** 崇明's row in SCI_Input and SCI_Previous, counted under the header. */
export const CHONGMING = inputs.findIndex((r) => r.district === "崇明") + 1;

export const publishedOf = (district: string) => published.find((r) => r.district === district)!;
export const coefficientOf = (district: string) => Number(inputs.find((r) => r.district === district)!.coefficient);

export function value<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`expected a value, got ${o.code}: ${o.en}`);
  return o.value;
}

export function failure(o: Outcome<unknown>, code: Failure["code"]): string {
  expect(o.ok, JSON.stringify(o)).toBe(false);
  const f = o as Failure;
  expect(f.code).toBe(code);
  expect(chineseThenEnglish(f), both(f)).toBe(true);
  return both(f);
}
