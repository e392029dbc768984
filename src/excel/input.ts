/* global Excel */
import type { InputTable } from "../core";
import { readSources } from "./sources";

export { INPUT_TABLE } from "./sources";

/**
 * Reads the `SCI_Input` table alone, header included: one round trip when the table exists
 * (readSources handles a missing table). Undefined when the workbook has none.
 */
export async function readInput(context: Excel.RequestContext): Promise<InputTable | undefined> {
  const t = (await readSources(context, ["input"], ["input"])).input;
  return t && { sheet: t.sheet, origin: t.origin, rows: t.rows };
}
