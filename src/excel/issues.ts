/* global Excel */
import type { Dataset } from "../core";
import { sortIssues, type Issue, type Text } from "../core";
import type { InputTable } from "../core";
import { reason } from "./batch";
import { buildModel } from "./build";
import { readInput } from "./input";

export interface InputCheck {
  /** Whether the workbook has an SCI_Input table at all. */
  found: boolean;
  /** Errors first, then top to bottom. */
  issues: Issue[];
  dataset?: Dataset;
}

/** Validates an input table the way the model does (the same build, so the same issues). */
export function checkTable(table: InputTable | undefined): InputCheck {
  if (!table) return { found: false, issues: [] };
  const model = buildModel(table, 0);
  return { found: true, issues: sortIssues(model.issues), dataset: model.dataset };
}

/** Reads the SCI_Input table (one round trip) and validates it. */
export async function checkInput(context: Excel.RequestContext): Promise<InputCheck> {
  return checkTable(await readInput(context));
}

export interface CellRef {
  sheet?: string;
  address: string;
}

export type Selected = { ok: true } | { ok: false; message: Text };

/** The cell's range, its sheet activated and the cell selected: queued, not yet sent. */
function showCell(context: Excel.RequestContext, cell: CellRef): Excel.Range {
  const sheets = context.workbook.worksheets;
  const ws = cell.sheet ? sheets.getItem(cell.sheet) : sheets.getActiveWorksheet();
  const range = ws.getRange(cell.address);
  ws.activate();
  range.select();
  return range;
}

/** Sends the queued work; a failure says what could not be done to the cell, and why. */
async function send(context: Excel.RequestContext, cell: CellRef, failed: (where: string, why: string) => { zh: string; en: string }): Promise<Selected> {
  try {
    await context.sync();
    return { ok: true };
  } catch (e) {
    return { ok: false, message: failed(cell.sheet ? `${cell.sheet}!${cell.address}` : cell.address, reason(e)) };
  }
}

/** Shows a cell to the evaluator: activates its sheet and selects it, in one round trip. */
export function selectCell(context: Excel.RequestContext, cell: CellRef): Promise<Selected> {
  showCell(context, cell);
  return send(context, cell, (where, why) => ({
    zh: `无法选中 ${where}：工作表可能已改名或删除（${why}）`,
    en: `Could not select ${where}: the sheet may have been renamed or deleted (${why})`,
  }));
}

/** Activates a sheet (a generated ranking sheet, say) and selects its first cell. */
export function selectSheet(context: Excel.RequestContext, name: string): Promise<Selected> {
  return selectCell(context, { sheet: name, address: "A1" });
}

/**
 * Writes one cell's text (an issue's one-click fix) and selects it, in one round trip. The cell
 * is formatted as text first, so what is written stays text and never becomes a formula.
 */
export function writeCellText(context: Excel.RequestContext, cell: CellRef, text: string): Promise<Selected> {
  const range = showCell(context, cell);
  range.numberFormat = [["@"]];
  range.values = [[text]];
  return send(context, cell, (where, why) => ({
    zh: `无法写入 ${where}：工作表可能已改名、删除或受保护（${why}）`,
    en: `Could not write ${where}: the sheet may have been renamed, deleted or protected (${why})`,
  }));
}
