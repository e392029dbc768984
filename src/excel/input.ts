/* global Excel */
import type { InputTable } from "../core/validate";

/** The Excel table that holds an evaluator's inputs: one row per district. */
export const INPUT_TABLE = "SCI_Input";

const isInputTable = (name: string) => name.toLowerCase() === INPUT_TABLE.toLowerCase();

/**
 * Reads the `SCI_Input` table, header included: one round trip when the table exists.
 * Undefined when the workbook has no such table (the built-in 2020 data is used then).
 *
 * The table comes from getItemOrNullObject, and its range and sheet are reached through it in
 * the same batch. When the table is missing, Excel may answer with null objects or may reject
 * the whole batch (ItemNotFound) for the calls made through the null table; in the second case
 * one more round trip over the tables' names tells a missing table from a real failure.
 */
export async function readInput(context: Excel.RequestContext): Promise<InputTable | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(INPUT_TABLE);
  const sheet = table.worksheet;
  sheet.load("name");
  const range = table.getRange();
  range.load(["values", "rowIndex", "columnIndex"]);
  try {
    await context.sync();
  } catch (e) {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    if (!tables.items.some((t) => isInputTable(t.name))) return undefined;
    throw e;
  }
  if (table.isNullObject) return undefined;
  return { sheet: sheet.name, origin: { row: range.rowIndex, col: range.columnIndex }, rows: range.values };
}
