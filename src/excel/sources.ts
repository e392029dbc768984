/* global Excel */
// The workbook tables SCI reads: the inputs, an edited framework, raw statistics with their
// normalisation settings, and last year's inputs. All of them in one Excel round trip.

import { SOURCE_KINDS, SOURCE_TABLES, type SourceKind, type Sources, type SourceTable } from "../core";
import { usedPart } from "./used-range";

export { SOURCE_KINDS, SOURCE_TABLES, tableLabel, yearIn, type SourceKind, type Sources, type SourceTable } from "../core";

/** The Excel table that holds an evaluator's inputs: one row per district. */
export const INPUT_TABLE = SOURCE_TABLES.input;

/**
 * What the workbook holds. `adopted`: the evaluator's own table or range linked as the input
 * (see link.ts), as its cells are — the model reads it with the adopt rules.
 */
export type WorkbookSources = Sources & { adopted?: SourceTable };

/** A linked input: a table by its name, or the range a workbook name refers to. */
export interface LinkRef {
  kind: "table" | "range";
  name: string;
}

const kindOf = (name: string): SourceKind | undefined => SOURCE_KINDS.find((k) => SOURCE_TABLES[k].toLowerCase() === name.toLowerCase());

interface Pending {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  corner: Excel.Range;
}

function queue(tables: Excel.TableCollection, kind: SourceKind | string, nullable: boolean): Pending {
  const name = kind in SOURCE_TABLES ? SOURCE_TABLES[kind as SourceKind] : kind;
  const table = nullable ? tables.getItemOrNullObject(name) : tables.getItem(name);
  const sheet = table.worksheet;
  sheet.load("name,id");
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
  const sheetId = typeof p.sheet.id === "string" ? p.sheet.id : undefined;
  return { sheet: p.sheet.name, origin: { row, col }, rows: p.range.values as unknown[][], id, ...(title ? { title } : {}), ...(sheetId ? { sheetId } : {}) };
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
  link?: LinkRef,
): Promise<WorkbookSources> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/id");
  const first = new Map(expect.map((k) => [k, queue(context.workbook.tables, k, true)]));
  // A linked table other than SCI_Input is read like the SCI tables; a linked range through its
  // name, which a null object answers for when the name is gone: both in this same batch.
  const linkedTable = link?.kind === "table" && !kindOf(link.name) ? link.name : undefined;
  const linkedFirst = linkedTable !== undefined ? queue(context.workbook.tables, linkedTable, true) : undefined;
  let named = link?.kind === "range" ? queueNamed(context, link.name) : undefined;
  let refused = false;
  try {
    await context.sync();
  } catch (e) {
    // Only a table gone since the last read is retried here; anything else (cell editing, a
    // busy host, a protected workbook) is the caller's to handle.
    if ((first.size === 0 && !linkedFirst) || (e as { code?: unknown })?.code !== "ItemNotFound") throw e;
    refused = true;
  }
  let listed = tables;
  if (refused) {
    listed = context.workbook.tables;
    listed.load("items/name,items/id");
    named = link?.kind === "range" ? queueNamed(context, link.name) : undefined;
    await context.sync();
  }
  const present = new Map<SourceKind, string>();
  let linkedId: string | undefined;
  for (const t of listed.items) {
    const kind = kindOf(t.name);
    if (kind && only.includes(kind) && !present.has(kind)) present.set(kind, t.id);
    if (linkedTable !== undefined && t.name.toLowerCase() === linkedTable.toLowerCase()) linkedId = t.id;
  }

  const out: WorkbookSources = {};
  const later = new Map<SourceKind, Pending>();
  for (const [kind, id] of present) {
    const p = refused ? undefined : first.get(kind);
    if (p && !p.table.isNullObject) out[kind] = toSource(p, id);
    else later.set(kind, queue(context.workbook.tables, kind, false));
  }
  let linkedLater: Pending | undefined;
  if (linkedId !== undefined) {
    if (!refused && linkedFirst && !linkedFirst.table.isNullObject) out.adopted = toSource(linkedFirst, linkedId);
    else linkedLater = queue(context.workbook.tables, linkedTable!, false);
  }
  if (later.size || linkedLater) {
    await context.sync();
    for (const [kind, p] of later) out[kind] = toSource(p, present.get(kind));
    if (linkedLater) out.adopted = toSource(linkedLater, linkedId);
  }
  if (named && !named.isNullObject) out.adopted = namedSource(named);
  return out;
}

/**
 * A linked range through its name, clipped to its used part: a name over whole columns is read
 * after every edit, and must not read a million empty rows each time (see usedPart).
 */
function queueNamed(context: Excel.RequestContext, name: string): Excel.Range {
  const range = usedPart(context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject());
  range.load(["values", "rowIndex", "columnIndex", "address"]);
  return range;
}

/** A named range as a source: its sheet is the part of its address before `!`. */
function namedSource(range: Excel.Range): SourceTable {
  const address = range.address;
  const bang = address.lastIndexOf("!");
  let sheet = bang < 0 ? "" : address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, origin: { row: range.rowIndex, col: range.columnIndex }, rows: range.values as unknown[][] };
}
