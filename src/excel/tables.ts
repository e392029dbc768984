/* global Excel */
// The tables the pane inserts besides SCI_Input, by kind, through their templates
// (source-templates.ts): what the pane's buttons call, with the result in the pane's terms.
import type { Framework } from "../core";
import { insertChoicesTable, insertDistrictsTable, insertFrameworkTable, insertPreviousTable, insertRawTemplate, type InsertResult } from "./source-templates";
import type { TableKind, TableOptions, TableResult } from "./workbook";

export async function insertTable(context: Excel.RequestContext, kind: TableKind, options: TableOptions = {}): Promise<TableResult> {
  const fw: Framework | undefined = options.framework;
  let r: InsertResult;
  const lang = options.lang ?? "zh";
  if (kind === "framework") r = await insertFrameworkTable(context, undefined, lang);
  else if (kind === "raw") r = await insertRawTemplate(context, fw, lang);
  else if (kind === "districts") r = await insertDistrictsTable(context, undefined, lang);
  else if (kind === "choices") r = await insertChoicesTable(context, lang);
  else r = await insertPreviousTable(context, options.previous ?? "empty", fw, options.label, lang);
  if (r.ok) return { ok: true, sheets: r.sheets, syncs: r.syncs, ...(r.notice ? { notice: r.notice } : {}) };
  if (r.reason === "exists") return { ok: false, reason: "exists", sheet: r.sheet, message: r.message, syncs: r.syncs };
  return r;
}
