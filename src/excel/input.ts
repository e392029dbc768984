/* global Excel */
import type { InputTable } from "../core/validate";

/** The Excel table that holds an evaluator's inputs: one row per district. */
export const INPUT_TABLE = "SCI_Input";

/**
 * Reads the `SCI_Input` table, header included, in one round trip. Undefined when the
 * workbook has no such table (the built-in 2020 data is used then).
 */
export async function readInput(context: Excel.RequestContext): Promise<InputTable | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(INPUT_TABLE);
  table.load("name");
  const sheet = table.worksheet;
  sheet.load("name");
  const range = table.getRange();
  range.load(["values", "rowIndex", "columnIndex"]);
  await context.sync();
  if (table.isNullObject) return undefined;
  return { sheet: sheet.name, origin: { row: range.rowIndex, col: range.columnIndex }, rows: range.values };
}
