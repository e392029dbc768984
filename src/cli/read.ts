import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import type { Workbook, Worksheet } from "exceljs";
import {
  cellAddress,
  cleanCell,
  cleanCells,
  issue,
  parseAddress,
  parseCell,
  parseCsv,
  printable,
  sniffDelimiter,
  type CellValue,
  type InputTable,
  type Issue,
} from "../core";
import { inputError, usageError } from "./command";
import { decodeLegacy } from "./encoding";
import { checkFileKind } from "./file-kind";
import { longRows } from "./row-width";
import { relativeTargets } from "./xlsx-package";

/** The name of the evaluators' input table (and, failing that, sheet), as in the add-in. */
export const INPUT_NAME = "SCI_Input";

/** Numbers at or beyond this size overflow sums, means and squares: refused at the reader. */

/** Empty rows that may separate parts of one table; a cell further below is not in it. */
const MAX_GAP = 10;

export interface ReadInput {
  table: InputTable;
  /** Problems of the file itself (e.g. its encoding), before validation. */
  issues: Issue[];
}

/** Part of a file to read: a sheet by name (.xlsx), a range such as `A3:AP19` in it. */
export interface Selection {
  sheet?: string;
  range?: string;
  /** Read the table whole (titles too): the core's reading finds its header. */
  whole?: boolean;
}

/** Reads an input table from a .csv or .xlsx file. Missing file or other extension: usage error. */
export async function readInputFile(file: string, shown = file, select: Selection = {}): Promise<ReadInput> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx")
    throw usageError(
      `不支持的文件类型「${printable(path.basename(file))}」，请用 .csv 或 .xlsx`,
      `unsupported file type "${printable(path.basename(file))}": use .csv or .xlsx`,
    );
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw usageError(`找不到输入文件 ${printable(shown)}`, `input file not found: ${printable(shown)}`);
  // What the bytes are decides how the file is read: a workbook saved under a .csv name is one.
  const kind = checkFileKind(file, ext);
  const read = await readAs(kind.ext, file, select);
  if (kind.warning) read.issues.unshift(issue("warning", "file-misnamed", kind.warning.zh, kind.warning.en));
  // A publisher's table read whole has its header somewhere below titles: the reading decides.
  if (kind.ext === ".csv" && select.range === undefined && !select.whole) read.issues.push(...longRows(read.table));
  return read;
}

async function readAs(ext: ".csv" | ".xlsx", file: string, select: Selection): Promise<ReadInput> {
  if (select.sheet !== undefined && ext === ".csv")
    throw usageError(
      `--sheet 只用于 .xlsx 文件，${printable(path.basename(file))} 是 CSV`,
      `--sheet is for .xlsx files; ${printable(path.basename(file))} is a CSV file`,
    );
  const box = select.range === undefined ? undefined : rangeBox(select.range);
  // With --sheet or --range the core reads the evaluator's own layout (titles, orientation);
  // otherwise a title row above the header is skipped here.
  const titles = select.sheet === undefined && select.range === undefined && !select.whole;
  return ext === ".csv" ? readCsv(file, box, titles) : readXlsx(file, select.sheet, box, titles);
}

/** `A3:AP19` (or one cell) as a box; anything else is a usage error. */
function rangeBox(range: string): Box {
  const [a, b = a, more] = range
    .trim()
    .split(":")
    .map((p) => parseAddress(p));
  if (!a || !b || more !== undefined)
    throw usageError(`--range 须是 A3:AP19 这样的区域，而不是「${printable(range)}」`, `--range must be a range such as A3:AP19, not "${printable(range)}"`);
  return { top: Math.min(a.row, b.row) + 1, left: Math.min(a.col, b.col) + 1, bottom: Math.max(a.row, b.row) + 1, right: Math.max(a.col, b.col) + 1 };
}

/** The rows of `box` (1-based, inclusive) out of a CSV's rows, never past its last line. */
function cutRows(rows: readonly CellValue[][], box: Box): CellValue[][] {
  return rows.slice(box.top - 1, box.bottom).map((r) => Array.from({ length: box.right - box.left + 1 }, (_, c) => r[box.left - 1 + c] ?? null));
}

/** The text of a CSV file in any encoding Excel's Save As writes, and a warning for a legacy one. */
function decode(bytes: Uint8Array, name: string): { text: string; issues: Issue[] } {
  // "Unicode text" is UTF-16 with a byte-order mark; Excel writes it little-endian.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), issues: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), issues: [] };
  // Valid UTF-8, the common case, decoded by Buffer (a TextDecoder costs more to set up than a
  // 3,000-row file takes to decode). A leading BOM stays; the CSV parser drops it.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), issues: [] };
  // Excel saves "CSV" in the system's legacy encoding: GBK (GB18030 is its superset) on Chinese
  // Windows, Windows-1252 on Western Windows, Mac Roman on older Macs. The plausible one wins.
  const { encoding, text } = decodeLegacy(bytes);
  const shown = { gb18030: "GB18030 (GBK)", "windows-1252": "Windows-1252", macintosh: "Mac Roman" }[encoding];
  return {
    text,
    issues: [
      issue(
        "warning",
        "csv-encoding",
        `${name} 不是 UTF-8 编码，已按 ${shown} 读取；建议另存为「CSV UTF-8」`,
        `${name} is not UTF-8; it was read as ${shown}. Save it as "CSV UTF-8" to be sure`,
      ),
    ],
  };
}

async function readCsv(file: string, box?: Box, titles = true): Promise<ReadInput> {
  const name = printable(path.basename(file));
  // One read (readFileSync: the promise API reads a file in chunks, a round trip each), decoded
  // as UTF-8 by Node itself. A replacement character may mean another encoding: then the bytes.
  const utf8 = readFileSync(file, "utf8");
  const { text, issues } = utf8.includes("\uFFFD") ? decode(readFileSync(file), name) : { text: utf8, issues: [] as Issue[] };
  const all: CellValue[][] = cleanCells(parseCsv(text, sniffDelimiter(text)), text, true);
  if (box) {
    // The range the user named is the table, exactly: no title row looked for.
    const cut = cutRows(all, box);
    return { table: { sheet: name, origin: { row: box.top - 1, col: box.left - 1 }, rows: cut }, issues };
  }
  const start = titles ? headerRow(all) : 0;
  if (start > 0) issues.push(titleWarning(all, start, name, 0));
  return { table: { sheet: name, origin: { row: start, col: 0 }, rows: all.slice(start) }, issues };
}

/**
 * Where the header is: the first row at least half as wide as the widest of the first rows.
 * Rows above it (a title such as `2020 年评估输入`, a unit) are not the table.
 */
function headerRow(rows: readonly (readonly unknown[])[]): number {
  const filled = (r: readonly unknown[]) => r.filter((v) => parseCell(v).kind !== "empty").length;
  const first = rows.slice(0, 20).map(filled);
  const widest = Math.max(0, ...first);
  if (widest < 3) return 0;
  const at = first.findIndex((n) => n >= Math.max(3, widest / 2));
  return at < 0 ? 0 : at;
}

function titleWarning(rows: readonly (readonly unknown[])[], start: number, sheet: string, col0: number): Issue {
  const r = rows.findIndex((row, i) => i < start && row.some((v) => parseCell(v).kind !== "empty"));
  const at = Math.max(0, r);
  const c = Math.max(
    0,
    rows[at].findIndex((v) => parseCell(v).kind !== "empty"),
  );
  const address = cellAddress(at, c + col0);
  const rowNo = start === 1 ? "第 1 行" : `第 1–${start} 行`;
  const rowEn = start === 1 ? "row 1" : `rows 1–${start}`;
  return issue(
    "warning",
    "title-row",
    `${sheet}!${address}：${rowNo}是标题，不是表头，已跳过；表头在第 ${start + 1} 行`,
    `${sheet}!${address}: ${rowEn} hold a title, not the header, and were skipped; the header is row ${start + 1}`,
    {
      cell: { sheet, address, row: at, col: c + col0 },
    },
  );
}

type Sheet = Worksheet;
type Box = { top: number; left: number; bottom: number; right: number }; // 1-based, inclusive

/** Why exceljs could not open a file, in words of our own (its English goes to the English part only). */
function unreadable(name: string, e: unknown): never {
  const why = printable(String((e as Error)?.message ?? e).split("\n")[0]).slice(0, 160);
  const zip = /zip|central directory|end of data|signature/i.test(why);
  throw inputError(
    zip
      ? `无法读取 Excel 文件 ${name}：它不是有效的 .xlsx 文件（无法解压），请在 Excel 中另存为「Excel 工作簿 (*.xlsx)」`
      : `无法读取 Excel 文件 ${name}：文件内容已损坏或不是 Excel 写出的格式，请在 Excel 中打开后另存为 .xlsx`,
    `cannot read the Excel file ${name} (${why})`,
  );
}

async function readXlsx(file: string, sheetWanted?: string, range?: Box, titles = true): Promise<ReadInput> {
  const { default: ExcelJS } = await import("exceljs"); // loaded only when needed: it is large
  const name = printable(path.basename(file));
  const wb = new ExcelJS.Workbook();
  try {
    // openpyxl and pandas write absolute relationship targets (/xl/…), which exceljs misreads.
    await wb.xlsx.load((await relativeTargets(await readFile(file))) as never);
  } catch (e) {
    unreadable(name, e);
  }
  const issues: Issue[] = [];
  const found = sheetWanted === undefined ? findInput(wb, issues) : namedSheet(wb, sheetWanted, name);
  if (!found) throw inputError(`${name} 中没有工作表`, `${name} has no worksheet`);
  const { sheet } = found;
  const box = range ?? found.box;
  const sheetName = printable(sheet.name);
  const cells = sparseCells(sheet, box, sheetName);
  if (range) {
    // The range the user named is the table, exactly, down to its last row that holds something.
    const last = Math.max(range.top - 1, ...cells.keys());
    const rows: CellValue[][] = [];
    for (let r = range.top; r <= Math.min(range.bottom, last); r++) {
      const values: CellValue[] = new Array(range.right - range.left + 1).fill(null);
      for (const [c, v] of cells.get(r) ?? []) values[c - range.left] = v;
      rows.push(values);
    }
    return { table: { sheet: sheetName, origin: { row: range.top - 1, col: range.left - 1 }, rows }, issues };
  }
  const block = tableBlock(cells, box, sheetName, issues);
  if (!block) return { table: { sheet: sheetName, origin: { row: 0, col: 0 }, rows: [] }, issues };
  const width = block.right - block.left + 1;
  const rows: CellValue[][] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const values: CellValue[] = new Array(width).fill(null);
    for (const [c, v] of cells.get(r) ?? []) if (c >= block.left && c <= block.right) values[c - block.left] = v;
    rows.push(values);
  }
  const start = titles ? headerRow(rows) : 0;
  if (start > 0) issues.push(titleWarning(rows, start, sheetName, block.left - 1));
  return { table: { sheet: sheetName, origin: { row: block.top - 1 + start, col: block.left - 1 }, rows: rows.slice(start) }, issues };
}

/**
 * The cells of `box` that hold something, row by row, read the way Excel shows them: a
 * merged-away cell is empty (only a merge's top-left cell holds its value). Never a cell per
 * position of the box: a sheet whose used range reaches row 1048576 costs what it holds.
 * A formula saved without its result (a file no spreadsheet has calculated) is refused.
 */
function sparseCells(sheet: Sheet, box: Box, sheetName: string): Map<number, [number, CellValue][]> {
  const out = new Map<number, [number, CellValue][]>();
  const uncached: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < box.top || r > box.bottom) return;
    const list: [number, CellValue][] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < box.left || c > box.right) return;
      if (cell.isMerged && cell.master !== cell) return;
      const raw = cell.value as unknown;
      if (raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw) && (raw as { result?: unknown }).result === undefined) {
        uncached.push(cellAddress(r - 1, c - 1));
        return;
      }
      const v = cleanCell(cellValue(raw)) as CellValue;
      if (v !== null && v !== "") list.push([c, v]);
    });
    if (list.length) out.set(r, list);
  });
  if (uncached.length)
    throw inputError(
      `${sheetName}!${uncached[0]}${uncached.length > 1 ? ` 等 ${uncached.length} 个单元格` : " "}是没有计算结果的公式（文件未经 Excel 计算保存），未评分；请在 Excel 中打开该文件并保存后再试`,
      `${sheetName}!${uncached[0]}${uncached.length > 1 ? ` and ${uncached.length - 1} more cells` : ""}: formula${uncached.length > 1 ? "s" : ""} saved without a calculated result (no spreadsheet calculated the file); nothing scored. Open it in Excel, save it, and try again`,
    );
  return out;
}

/**
 * The table within the cells: from the first row holding something down to the last row before
 * a gap of more than MAX_GAP empty rows; cells beyond that gap are reported and ignored.
 */
function tableBlock(cells: Map<number, [number, CellValue][]>, box: Box, sheet: string, issues: Issue[]): Box | undefined {
  const rowsHeld = [...cells.keys()].sort((a, b) => a - b);
  if (rowsHeld.length === 0) return undefined;
  let bottom = rowsHeld[0];
  let i = 1;
  while (i < rowsHeld.length && rowsHeld[i] - bottom <= MAX_GAP + 1) bottom = rowsHeld[i++];
  const outside = rowsHeld.slice(i);
  if (outside.length) {
    const r = outside[0];
    const c = cells.get(r)![0][0];
    const address = cellAddress(r - 1, c - 1);
    const count = outside.reduce((n, row) => n + cells.get(row)!.length, 0);
    issues.push(
      issue(
        "warning",
        "cells-outside-table",
        `${sheet}!${address}${count > 1 ? ` 等 ${count} 个单元格` : ""}在表格下方隔着空行，不属于表格，已忽略`,
        `${sheet}!${address}${count > 1 ? ` and ${count - 1} more cells` : ""}: below the table after empty rows, not part of it; ignored`,
        { cell: { sheet, address, row: r - 1, col: c - 1 } },
      ),
    );
  }
  let left = Infinity;
  let right = 0;
  for (const r of rowsHeld.slice(0, i))
    for (const [c] of cells.get(r)!) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  return { top: rowsHeld[0], bottom, left, right: Math.min(right, box.right) };
}

/** The sheet the user named (as Excel does, ignoring case), or an error listing the sheets. */
function namedSheet(wb: Workbook, wanted: string, file: string): { sheet: Sheet; box: Box } {
  const sheet = wb.worksheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (sheet) return { sheet, box: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
  const names = wb.worksheets.map((s) => printable(s.name));
  throw inputError(
    `${file} 中没有工作表「${printable(wanted)}」；工作表有：${names.join("、")}`,
    `${file} has no sheet "${printable(wanted)}"; its sheets: ${names.join(", ")}`,
  );
}

/** How much a sheet holds: its non-empty cells. */
function filledCells(sheet: Sheet): number {
  let n = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, () => void n++));
  return n;
}

/**
 * The table named SCI_Input anywhere, else a sheet named SCI_Input, else the visible sheet that
 * holds the most (a notes sheet or a hidden sheet before the data is passed over, with a warning).
 */
function findInput(wb: Workbook, issues: Issue[]): { sheet: Sheet; box: Box } | undefined {
  const same = (a: string) => a.toLowerCase() === INPUT_NAME.toLowerCase();
  const whole = (): Box => ({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 });
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
  const named = wb.worksheets.find((s) => same(s.name));
  if (named) return { sheet: named, box: whole() };
  const first = wb.worksheets[0];
  if (!first) return undefined;
  const visible = wb.worksheets.filter((s) => s.state === "visible" || s.state === undefined);
  const candidates = visible.length ? visible : wb.worksheets;
  let best = candidates[0];
  let most = filledCells(best);
  for (const s of candidates.slice(1)) {
    const n = filledCells(s);
    if (n > most) [best, most] = [s, n];
  }
  if (best !== first) {
    const why = first.state !== "visible" && first.state !== undefined ? "已隐藏" : "内容不像数据表";
    const whyEn = first.state !== "visible" && first.state !== undefined ? "is hidden" : "does not look like the data";
    issues.push(
      issue(
        "warning",
        "sheet-chosen",
        `读取了工作表「${printable(best.name)}」：第一个工作表「${printable(first.name)}」${why}；也可将数据所在的表或工作表命名为 ${INPUT_NAME}`,
        `read the sheet "${printable(best.name)}": the first sheet, "${printable(first.name)}", ${whyEn}; naming the data's table or sheet ${INPUT_NAME} makes it certain`,
      ),
    );
  }
  return { sheet: best, box: whole() };
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
