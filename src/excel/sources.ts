/* global Excel */
// The workbook tables SCI reads: the inputs, an edited framework, raw statistics with their
// normalisation settings, and last year's inputs. All of them in one Excel round trip.
import type { InputTable } from "../core";

/** The Excel table that holds an evaluator's inputs: one row per district. */
export const INPUT_TABLE = "SCI_Input";

/** Table names by role. Excel compares table names ignoring case; so does SCI. */
export const SOURCE_TABLES = {
  input: INPUT_TABLE,
  framework: "SCI_Framework",
  raw: "SCI_Raw",
  settings: "SCI_Settings",
  previous: "SCI_Previous",
} as const;

export type SourceKind = keyof typeof SOURCE_TABLES;
export const SOURCE_KINDS = Object.keys(SOURCE_TABLES) as SourceKind[];

/** A table as read: header and rows, where it sits, and the cell above it (a title). */
export interface SourceTable extends InputTable {
  sheet: string;
  origin: { row: number; col: number };
  rows: unknown[][];
  /** Excel's table id, so edits to other tables can be told apart. */
  id?: string;
  /** The text of A1 when the table does not cover it: a title such as `2019 年输入`. */
  title?: string;
}

export type Sources = { [K in SourceKind]?: SourceTable };

const kindOf = (name: string): SourceKind | undefined => SOURCE_KINDS.find((k) => SOURCE_TABLES[k].toLowerCase() === name.toLowerCase());

interface Pending {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  corner: Excel.Range;
}

function queue(tables: Excel.TableCollection, kind: SourceKind, nullable: boolean): Pending {
  const name = SOURCE_TABLES[kind];
  const table = nullable ? tables.getItemOrNullObject(name) : tables.getItem(name);
  const sheet = table.worksheet;
  sheet.load("name");
  const range = table.getRange();
  range.load(["values", "rowIndex", "columnIndex"]);
  const corner = sheet.getRange("A1");
  corner.load("values");
  return { table, sheet, range, corner };
}

function toSource(p: Pending, id: string | undefined): SourceTable {
  const { rowIndex: row, columnIndex: col } = p.range;
  const a1 = row > 0 || col > 0 ? p.corner.values?.[0]?.[0] : undefined;
  const title = typeof a1 === "string" || typeof a1 === "number" ? String(a1).trim() || undefined : undefined;
  return { sheet: p.sheet.name, origin: { row, col }, rows: p.range.values as unknown[][], id, ...(title ? { title } : {}) };
}

/**
 * Reads every SCI table the workbook has. `expect` names the tables the caller believes exist
 * (the model passes what the last read found): they are read in the same batch as the list of
 * the workbook's tables, so a workbook whose tables did not change is read in one sync.
 * A table found in the list but not expected costs one more sync. An expected table that is
 * gone is handled as readInput does: Excel may answer with a null object, or refuse the whole
 * batch (ItemNotFound); then the tables' names are read again and the ones present are read.
 * `only` limits the read to some kinds (the input check needs SCI_Input alone).
 */
export async function readSources(
  context: Excel.RequestContext,
  expect: readonly SourceKind[] = SOURCE_KINDS,
  only: readonly SourceKind[] = SOURCE_KINDS,
): Promise<Sources> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/id");
  const first = new Map(expect.map((k) => [k, queue(context.workbook.tables, k, true)]));
  let refused = false;
  try {
    await context.sync();
  } catch (e) {
    if (first.size === 0) throw e; // nothing optional was asked for: a real failure
    refused = true;
  }
  let listed = tables;
  if (refused) {
    listed = context.workbook.tables;
    listed.load("items/name,items/id");
    await context.sync();
  }
  const present = new Map<SourceKind, string>();
  for (const t of listed.items) {
    const kind = kindOf(t.name);
    if (kind && only.includes(kind) && !present.has(kind)) present.set(kind, t.id);
  }

  const out: Sources = {};
  const later = new Map<SourceKind, Pending>();
  for (const [kind, id] of present) {
    const p = refused ? undefined : first.get(kind);
    if (p && !p.table.isNullObject) out[kind] = toSource(p, id);
    else later.set(kind, queue(context.workbook.tables, kind, false));
  }
  if (later.size) {
    await context.sync();
    for (const [kind, p] of later) out[kind] = toSource(p, present.get(kind));
  }
  return out;
}

/** A year (1990–2099) in a title or sheet name: `2019 年输入` → `2019`. */
export function yearIn(text: string | undefined): string | undefined {
  return text ? /(?<!\d)(19[89]\d|20\d\d)(?!\d)/.exec(text)?.[1] : undefined;
}

/**
 * What a year's table is called in comparisons: the year in its title cell or sheet name, else
 * the title itself (if short), else `fallback`.
 */
export function tableLabel(t: Pick<SourceTable, "sheet" | "title">, fallback: string): string {
  const year = yearIn(t.title) ?? yearIn(t.sheet);
  if (year) return year;
  if (t.title && t.title.length <= 20) return t.title;
  return fallback;
}
