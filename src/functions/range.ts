// SCI.EVALUATE, SCI.VALUE and SCI.RANKOF: the same figures as RANKING, DISTRICT and RANK, but
// from a range the formula names instead of SCI_Input. The range is read with the adopt rules
// (header in its first row or column, titles skipped, transposed tables, headers by code,
// number or name), validated and scored once per content: a thousand formulas over one range
// read, validate and score it once. Addresses in messages are inside the range (C5 = row 5,
// column 3 of it).
import { adoptInput, assess, locateAssessment, type Issue, type Profile, type Rounding, type SourceTable } from "../core";
import { defaultProfile } from "../data";
import type { Model } from "../excel/model";
import { SOURCE_TABLES } from "../excel/sources";
import { districtRank, districtValue, rankingTable } from "./figures";
import { fail, ok, type Cell, type Failure, type Outcome } from "./outcome";
import { tableErrors } from "./resolve";

/** Ranges kept scored, most recent first: enough for every range of a workbook's formulas. */
const KEEP = 64;
type Entry = { grid: unknown[][]; rounding: Rounding; choices: SourceTable | undefined; outcome: Outcome<Model> };
const cache = new WeakMap<Profile, Entry[]>();

/**
 * The model of a range's content, assessed as the workbook is (its profile: framework, entity
 * list, coefficient; its rounding). Cached
 * by content: Excel hands each formula its own copy of the values, not the address, so equal
 * cells are the same table. Comparing cells (most recent range first) costs far less than
 * hashing them: a thousand formulas over one range compare it, and read it once.
 */
export function rangeModel(model: Model, values: unknown): Outcome<Model> {
  const broken = profileErrors(model);
  if (broken) return broken;
  const profile = model.profile ?? defaultProfile;
  const choices = model.choicesTable;
  let entries = cache.get(profile);
  if (!entries) cache.set(profile, (entries = []));
  const at = entries.findIndex((e) => e.rounding === model.rounding && e.choices === choices && sameCells(e.grid, values));
  if (at >= 0) {
    const [hit] = entries.splice(at, 1);
    entries.unshift(hit);
    return hit.outcome;
  }
  const grid = Array.isArray(values) ? values.map((r) => (Array.isArray(r) ? [...r] : r)) : [];
  const outcome = build(values, profile, model.rounding, choices);
  if (Array.isArray(values)) entries.unshift({ grid, rounding: model.rounding, choices, outcome });
  if (entries.length > KEEP) entries.pop();
  return outcome;
}

function sameCells(a: unknown[][], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (!Array.isArray(x) || !Array.isArray(y)) {
      if (x !== y) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

/** The workbook tables a range is assessed under: with errors in any, no range gets a figure. */
const PROFILE_TABLES: readonly string[] = [SOURCE_TABLES.framework, SOURCE_TABLES.districts, SOURCE_TABLES.choices];

/**
 * #N/A when the workbook's framework, entity list or choices have errors: a range is never
 * scored with the built-in ones instead.
 */
function profileErrors(model: Model): Failure | undefined {
  const blocking = (model.errorTables ?? []).filter((t) => PROFILE_TABLES.includes(t));
  if (!blocking.length) return undefined;
  const kinds = { [SOURCE_TABLES.framework]: "framework", [SOURCE_TABLES.districts]: "districts", [SOURCE_TABLES.choices]: "choices" } as const;
  const errors = blocking.flatMap((t) => model.issuesOf?.[kinds[t as keyof typeof kinds]] ?? []).filter((i) => i.severity === "error");
  return tableErrors(blocking, errors);
}

function build(values: unknown, profile: Profile, rounding: Rounding, choices: SourceTable | undefined): Outcome<Model> {
  if (!Array.isArray(values) || !values.every(Array.isArray) || values.length < 2)
    return fail(
      "invalidValue",
      "需要一个区域：表头（第一行或第一列）与各行政区的数据",
      "needs a range: a header (first row or column) and the districts' data",
    );
  // Addresses inside the range: no sheet, the range's first cell is A1.
  const adoption = adoptInput({}, { sheet: "", origin: { row: 0, col: 0 }, rows: values }, profile);
  const readErrors = adoption.reading.issues.filter((i) => i.severity === "error");
  if (readErrors.length) return rangeErrors(readErrors);
  const a = locateAssessment(assess({ ...adoption.sources, ...(choices ? { choices } : {}) }, profile, { rounding }), adoption);
  if (!a.scores) return rangeErrors(a.issues.filter((i) => i.severity === "error"));
  return ok({ ...a, version: 0 });
}

/** #VALUE! with the first error (which names its cell in the range) and how many there are. */
function rangeErrors(errors: readonly Issue[]): Failure {
  const first = errors[0];
  const more = errors.length > 1 ? `（另有 ${errors.length - 1} 个错误）` : "";
  const moreEn = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  if (!first) return fail("invalidValue", "区域中的数据无法评分", "the range's data cannot be scored");
  return fail("invalidValue", `区域中：${first.zh}${more}`, `in the range: ${first.en}${moreEn}`);
}

/** SCI.EVALUATE: rank, district, value for every district of the range, best first. */
export function evaluateRange(model: Model, values: unknown, indicator?: unknown, scope?: unknown): Outcome<Cell[][]> {
  const m = rangeModel(model, values);
  return m.ok ? rankingTable(m.value, indicator, scope) : m;
}

/** SCI.VALUE: one district's value of an indicator (default the composite) in the range. */
export function rangeValue(model: Model, values: unknown, district: unknown, indicator?: unknown): Outcome<number> {
  const m = rangeModel(model, values);
  return m.ok ? districtValue(m.value, district, indicator) : m;
}

/** SCI.RANKOF: one district's competition rank in the range, over the city or a region. */
export function rangeRank(model: Model, values: unknown, district: unknown, indicator?: unknown, scope?: unknown): Outcome<number> {
  const m = rangeModel(model, values);
  return m.ok ? districtRank(m.value, district, indicator, scope) : m;
}
