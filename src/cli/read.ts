import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import type { Workbook, Worksheet } from "exceljs";
import { issue, parseAddress, parseCsv, type CellValue, type InputTable, type Issue } from "../core";
import { inputError, usageError } from "./command";

/** The name of the evaluators' input table (and, failing that, sheet), as in the add-in. */
export const INPUT_NAME = "SCI_Input";

export interface ReadInput {
  table: InputTable;
  /** Problems of the file itself (e.g. its encoding), before validation. */
  issues: Issue[];
}

/** Part of a file to read: a sheet by name (.xlsx), a range such as `A3:AP19` in it. */
export interface Selection {
  sheet?: string;
  range?: string;
}

/** Reads an input table from a .csv or .xlsx file. Missing file or other extension: usage error. */
export async function readInputFile(file: string, shown = file, select: Selection = {}): Promise<ReadInput> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx")
    throw usageError(`不支持的文件类型「${path.basename(file)}」，请用 .csv 或 .xlsx`, `unsupported file type "${path.basename(file)}": use .csv or .xlsx`);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw usageError(`找不到输入文件 ${shown}`, `input file not found: ${shown}`);
  if (select.sheet !== undefined && ext === ".csv")
    throw usageError(`--sheet 只用于 .xlsx 文件，${path.basename(file)} 是 CSV`, `--sheet is for .xlsx files; ${path.basename(file)} is a CSV file`);
  const box = select.range === undefined ? undefined : rangeBox(select.range);
  const read = ext === ".csv" ? await readCsv(file) : await readXlsx(file, select.sheet, box);
  return ext === ".csv" && box ? { ...read, table: cutCsv(read.table, box) } : read;
}

/** `A3:AP19` (or one cell) as a box; anything else is a usage error. */
function rangeBox(range: string): Box {
  const [a, b = a, more] = range.trim().split(":").map((p) => parseAddress(p));
  if (!a || !b || more !== undefined) throw usageError(`--range 须是 A3:AP19 这样的区域，而不是「${range}」`, `--range must be a range such as A3:AP19, not "${range}"`);
  return { top: Math.min(a.row, b.row) + 1, left: Math.min(a.col, b.col) + 1, bottom: Math.max(a.row, b.row) + 1, right: Math.max(a.col, b.col) + 1 };
}

function cutCsv(t: InputTable, box: Box): InputTable {
  const rows = t.rows.slice(box.top - 1, box.bottom).map((r) => Array.from({ length: box.right - box.left + 1 }, (_, c) => r[box.left - 1 + c] ?? null));
  return { ...t, origin: { row: box.top - 1, col: box.left - 1 }, rows };
}

async function readCsv(file: string): Promise<ReadInput> {
  const bytes = await readFile(file);
  const name = path.basename(file);
  const issues: Issue[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves "CSV" in GBK; GB18030 is its superset.
    text = new TextDecoder("gb18030").decode(bytes);
    issues.push(
      issue("warning", "csv-encoding", `${name} 不是 UTF-8 编码，已按 GB18030 (GBK) 读取；建议另存为「CSV UTF-8」`, `${name} is not UTF-8; it was read as GB18030 (GBK). Save it as "CSV UTF-8" to be sure`),
    );
  }
  return { table: { sheet: name, rows: parseCsv(text) }, issues };
}

type Sheet = Worksheet;
type Box = { top: number; left: number; bottom: number; right: number }; // 1-based, inclusive

async function readXlsx(file: string, sheetName?: string, range?: Box): Promise<ReadInput> {
  const { default: ExcelJS } = await import("exceljs"); // loaded only when needed: it is large
  const wb = new ExcelJS.Workbook();
  const name = path.basename(file);
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split("\n")[0].slice(0, 160);
    throw inputError(`无法读取 Excel 文件 ${name}（${why}）`, `cannot read the Excel file ${name} (${why})`);
  }
  const found = sheetName === undefined ? findInput(wb) : namedSheet(wb, sheetName, name);
  if (!found) throw inputError(`${name} 中没有工作表`, `${name} has no worksheet`);
  const { sheet } = found;
  const box = range ?? found.box;
  const rows: CellValue[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row = sheet.getRow(r);
    const values: CellValue[] = [];
    for (let c = box.left; c <= box.right; c++) values.push(cellValue(row.getCell(c).value));
    rows.push(values);
  }
  return { table: { sheet: sheet.name, origin: { row: box.top - 1, col: box.left - 1 }, rows }, issues: [] };
}

/** The table named SCI_Input anywhere, else a sheet named SCI_Input, else the first sheet's used range. */
function findInput(wb: Workbook): { sheet: Sheet; box: Box } | undefined {
  const same = (a: string) => a.toLowerCase() === INPUT_NAME.toLowerCase();
  for (const sheet of wb.worksheets) {
    // exceljs keeps loaded tables' models (with the range as `tableRef`) on `worksheet.tables`.
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> }).tables;
    for (const t of Object.values(tables ?? {})) {
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!t.table?.name || !same(t.table.name) || !ref) continue;
      const [a, b = a] = ref.split(":").map(parseAddress);
      if (a && b) return { sheet, box: { top: a.row + 1, left: a.col + 1, bottom: b.row + 1, right: b.col + 1 } };
    }
  }
  const sheet = wb.worksheets.find((s) => same(s.name)) ?? wb.worksheets[0];
  return sheet && { sheet, box: usedRange(sheet) };
}

/** The sheet the user named (as Excel does, ignoring case), or an error listing the sheets. */
function namedSheet(wb: Workbook, wanted: string, file: string): { sheet: Sheet; box: Box } {
  const sheet = wb.worksheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (sheet) return { sheet, box: usedRange(sheet) };
  const names = wb.worksheets.map((s) => s.name);
  throw inputError(`${file} 中没有工作表「${wanted}」；工作表有：${names.join("、")}`, `${file} has no sheet "${wanted}"; its sheets: ${names.join(", ")}`);
}

/** The smallest box holding every non-empty cell, so a table may start anywhere (B3, say). */
function usedRange(sheet: Sheet): Box {
  const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  sheet.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValue(cell.value);
      if (v === null || v === "") return;
      box.top = Math.min(box.top, r);
      box.bottom = Math.max(box.bottom, r);
      box.left = Math.min(box.left, c);
      box.right = Math.max(box.right, c);
    }),
  );
  return box.bottom === 0 ? { top: 1, left: 1, bottom: 0, right: 0 } : box;
}

/**
 * An exceljs cell value as the core reads cells: formula → its cached result, rich text and
 * hyperlinks → their text, errors → `#N/A` etc., dates → `2020-12-31`.
 */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return o.error;
  if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
  if (Array.isArray(o.richText)) return o.richText.map((run: { text?: unknown }) => String(run?.text ?? "")).join("");
  if ("text" in o) return cellValue(o.text);
  try {
    return JSON.stringify(o).slice(0, 100); // unknown kind: text, so validation reports it
  } catch {
    return "[?]";
  }
}
