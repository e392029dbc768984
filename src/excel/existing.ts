/* global Excel */
import type { Text } from "../core";
import type { Syncs } from "./batch";

/** The workbook's table and sheet names, in one round trip: the guard and fresh names need both. */
export async function loadNames(context: Excel.RequestContext, syncs: Syncs): Promise<{ tables: string[]; sheets: string[] }> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await syncs.sync();
  return { tables: tables.items.map((t) => t.name), sheets: sheets.items.map((s) => s.name) };
}

/** Nothing was inserted because the table is in the workbook already; it is now selected. */
export interface Exists {
  ok: false;
  reason: "exists";
  sheet: string;
  /** Where the table is, in each language. */
  message: Text;
  syncs: number;
}

/** Selects the existing table `name` (activating its sheet) and says where it is, in one round trip. */
export async function selectExisting(context: Excel.RequestContext, syncs: Syncs, name: string): Promise<Exists> {
  const table = context.workbook.tables.getItem(name);
  const ws = table.worksheet;
  ws.load("name");
  ws.activate();
  table.getRange().select();
  await syncs.sync();
  return {
    ok: false,
    reason: "exists",
    sheet: ws.name,
    syncs: syncs.count,
    message: {
      zh: `工作簿中已有 ${name} 表（工作表「${ws.name}」），未再插入，已选中该表`,
      en: `The workbook already has an ${name} table (sheet "${ws.name}"); nothing was inserted and the table is selected`,
    },
  };
}
