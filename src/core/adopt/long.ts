// Long format, as statistics offices export (OECD.Stat, SDMX, Eurostat): one row per entity ×
// indicator (× other keys), values in one column. Read into the wide table the rest of the
// reading knows: one row per entity, one column per input indicator.
import { cellAddress } from "../address";
import { parseCell } from "../cell";
import type { Framework } from "../framework";
import { issue, type Issue } from "../issue";
import { findIndicator } from "../lookup";
import { clean, fold } from "./text";

/** The value column's header in the exports users bring. */
export const VALUE_HEADERS = ["value", "obs_value", "obsvalue", "值", "数值", "观测值", "数据"];
/** The member of a key column that is the total (SDMX `_T`, OECD `TOT`, 合计). */
export const TOTAL_MEMBERS = ["tot", "total", "_t", "t", "all", "合计", "总计", "全部", "总体"];
/** Columns that annotate a value rather than key it: never resolved, never a reason to refuse. */
const NOTE_HEADERS = [
  "flag codes",
  "flags",
  "flag",
  "obs_status",
  "note",
  "notes",
  "备注",
  "unit",
  "unit code",
  "powercode",
  "powercode code",
  "reference period",
  "reference period code",
];

export interface LongRead {
  /** The wide grid: header (entity column, then one column per indicator found), one row per entity. */
  grid: unknown[][];
  issues: Issue[];
  /** The export's header row in the grid it came from. */
  header: number;
}

/**
 * Reads `rows` as a long export when it is one: a header row (within the first 5) with a value
 * column, a column whose cells name at least two of the framework's input indicators (by code or
 * name), and an entity column. Key columns that still vary within an entity × indicator pair are
 * resolved to their total member, with a note; where none has one, one error lists the members.
 * Undefined when the grid is not long.
 */
export function fromLong(
  rows: readonly (readonly unknown[])[],
  fw: Framework,
  entityWords: readonly string[],
  where: { sheet?: string; origin: { row: number; col: number } },
): LongRead | undefined {
  for (let h = 0; h < Math.min(5, rows.length); h++) {
    const head = (rows[h] ?? []).map(fold);
    const value = head.findIndex((x) => VALUE_HEADERS.includes(x));
    if (value < 0) continue;
    const body = rows.slice(h + 1);
    const indicatorCol = indicatorColumn(body, head.length, fw, value);
    if (indicatorCol < 0) continue;
    // The entity: a column its header names as one (Country before LOCATION), else the first
    // text column left that varies.
    let entity = head.findIndex((x, c) => c !== indicatorCol && c !== value && entityWords.some((w) => fold(w) === x));
    if (entity < 0) entity = head.findIndex((_, c) => c !== indicatorCol && c !== value && parseCell(body[0]?.[c]).kind === "text");
    if (entity < 0) continue;
    return pivot(rows, h, { value, indicator: indicatorCol, entity }, fw, where);
  }
  return undefined;
}

/** The column whose cells name input indicators most often (at least two distinct). */
function indicatorColumn(body: readonly (readonly unknown[])[], width: number, fw: Framework, value: number): number {
  let best = -1;
  let bestCount = 1;
  const sample = body.slice(0, 5000);
  for (let c = 0; c < width; c++) {
    if (c === value) continue;
    const seen = new Set<string>();
    const texts = new Set(sample.map((r) => clean(r[c])));
    for (const t of texts) {
      if (!t || parseCell(t).kind === "number") continue;
      const f = findIndicator(fw, t, fw.leaves);
      if (f.ok) seen.add(f.value);
    }
    if (seen.size > bestCount) [best, bestCount] = [c, seen.size];
  }
  return best;
}

function pivot(
  rows: readonly (readonly unknown[])[],
  h: number,
  col: { value: number; indicator: number; entity: number },
  fw: Framework,
  where: { sheet?: string; origin: { row: number; col: number } },
): LongRead {
  const issues: Issue[] = [];
  const head = rows[h].map(clean);
  const at = (r: number, c: number) => {
    const address = cellAddress(where.origin.row + r, where.origin.col + c);
    return {
      address,
      full: where.sheet ? `${where.sheet}!${address}` : address,
      cell: { sheet: where.sheet, address, row: where.origin.row + r, col: where.origin.col + c },
    };
  };
  const codeOf = new Map<string, string | null>();
  const leafOf = (v: unknown): string | null => {
    const t = clean(v);
    if (!codeOf.has(t)) {
      const f = findIndicator(fw, t, fw.leaves);
      codeOf.set(t, f.ok ? f.value : null);
    }
    return codeOf.get(t)!;
  };
  // The rows that carry a value of an input indicator.
  let kept: number[] = [];
  for (let r = h + 1; r < rows.length; r++) if (clean(rows[r]?.[col.entity]) && leafOf(rows[r]?.[col.indicator])) kept.push(r);
  const keyOf = (r: number) => `${clean(rows[r][col.entity])}\u0000${leafOf(rows[r][col.indicator])}`;
  const duplicated = () => {
    const seen = new Set<string>();
    for (const r of kept) {
      const k = keyOf(r);
      if (seen.has(k)) return true;
      seen.add(k);
    }
    return false;
  };
  const keyCols = head
    .map((_, c) => c)
    .filter((c) => c !== col.value && c !== col.indicator && c !== col.entity && !NOTE_HEADERS.includes(fold(head[c]).replace(/\s/g, " ")));
  const resolved: string[] = [];
  for (const c of keyCols) {
    if (!duplicated()) break;
    if (!variesWithin(rows, kept, keyOf, c)) continue;
    const members = new Set(kept.map((r) => clean(rows[r][c])));
    const total = [...members].find((m) => TOTAL_MEMBERS.includes(fold(m)));
    if (total === undefined) continue;
    kept = kept.filter((r) => clean(rows[r][c]) === total);
    resolved.push(`${head[c]} = ${total}`);
  }
  if (duplicated()) {
    const varying = keyCols.filter((c) => variesWithin(rows, kept, keyOf, c));
    const list = varying.map((c) => `${head[c]}：${[...new Set(kept.map((r) => clean(rows[r][c])))].slice(0, 8).join("、")}`).join("；");
    const listEn = varying.map((c) => `${head[c]}: ${[...new Set(kept.map((r) => clean(rows[r][c])))].slice(0, 8).join(", ")}`).join("; ");
    const a = at(h, varying[0] ?? col.value);
    issues.push(
      issue(
        "error",
        "long-format-members",
        `${a.full}：长表中同一对象与指标有多个值，且无法取合计成员；请先筛选为一个成员（${list || "无可区分的列"}）`,
        `${a.full}: the long table has several values per entity and indicator and no total member to take; filter it to one member first (${listEn || "no column tells them apart"})`,
        { cell: a.cell },
      ),
    );
    return { grid: [], issues, header: h };
  }
  // Entities in order of first appearance, indicators in the framework's order.
  const entities: string[] = [];
  const index = new Map<string, number>();
  const values = new Map<string, unknown>();
  for (const r of kept) {
    const e = clean(rows[r][col.entity]);
    if (!index.has(e)) index.set(e, entities.push(e) - 1);
    values.set(keyOf(r), rows[r][col.value]);
  }
  const leaves = fw.leaves.filter((l) => kept.some((r) => leafOf(rows[r][col.indicator]) === l));
  const grid: unknown[][] = [[head[col.entity] || "entity", ...leaves]];
  for (const e of entities) grid.push([e, ...leaves.map((l) => values.get(`${e}\u0000${l}`) ?? null)]);
  const a = at(h, col.value);
  const chose = resolved.length ? `；各列取合计成员：${resolved.join("，")}` : "";
  const choseEn = resolved.length ? `; key columns resolved to their total member: ${resolved.join(", ")}` : "";
  issues.push(
    issue(
      "warning",
      "long-format",
      `${a.full}：按长表读取（${entities.length} 个对象 × ${leaves.length} 项指标，对象列「${head[col.entity]}」，指标列「${head[col.indicator]}」，数值列「${head[col.value]}」）${chose}`,
      `${a.full}: read as a long table (${entities.length} entities × ${leaves.length} indicators; entity column "${head[col.entity]}", indicator column "${head[col.indicator]}", value column "${head[col.value]}")${choseEn}`,
      { cell: a.cell },
    ),
  );
  return { grid, issues, header: h };
}

/** Whether column c holds more than one member within some entity × indicator pair. */
function variesWithin(rows: readonly (readonly unknown[])[], kept: readonly number[], keyOf: (r: number) => string, c: number): boolean {
  const first = new Map<string, string>();
  for (const r of kept) {
    const k = keyOf(r);
    const v = clean(rows[r][c]);
    const f = first.get(k);
    if (f === undefined) first.set(k, v);
    else if (f !== v) return true;
  }
  return false;
}
