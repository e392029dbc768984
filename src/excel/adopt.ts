/* global Excel */
// 使用所选数据: what the evaluator selected — a range, or the table the selection is in — read
// as plain data, with nothing in the workbook changed. A multi-cell selection is read in one
// round trip, clipped to the cells holding values; a click into a table costs one more (the
// table's range is known only then).
import type { Text } from "../core";
import { Syncs } from "./batch";
import { supports } from "./requirements";
import { usedPart } from "./used-range";

export interface Selected {
  sheet: string;
  /** The range selected (or the table's), without the sheet: `B3:AQ20`, `A:AO`. A link refers to it. */
  address: string;
  /** The cells read, without the sheet: the used part of the selection (`A1:AO17` of `A:AO`). */
  read?: string;
  origin: { row: number; col: number };
  values: unknown[][];
  /** The table the selection is in, when it is in one: its whole range is what was read. */
  table?: { name: string; id: string };
  syncs: number;
}

type Loaded = { values: unknown[][]; rowIndex: number; columnIndex: number; address: string };

/** `数据!B3:AQ20` or `'My data'!B3` → the part after the sheet. */
const localAddress = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** A selection SCI cannot read as one table, said in both languages (the pane shows its own). */
export class SelectionRefused extends Error implements Text {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "SelectionRefused";
  }
}

/** What is read of a range: its values and where they sit. */
const READ = ["values", "rowIndex", "columnIndex", "address"];

/** Ctrl+click selections: several areas, which Excel does not give as one range. */
const MULTI_AREA = new SelectionRefused(
  "所选区域由多个不相连的部分组成（按住 Ctrl 选择）：请只选择一个连续的区域，或单击表格中的任一单元格",
  "the selection has several separate areas (made with Ctrl+click): select one block of cells, or click any cell of a table",
);

export async function readSelected(context: Excel.RequestContext): Promise<Selected> {
  const syncs = new Syncs(context);
  const range = context.workbook.getSelectedRange();
  range.load(["rowIndex", "columnIndex", "address"]);
  const used = usedPart(range);
  used.load(READ);
  const sheet = range.worksheet;
  sheet.load("name");
  // Range.getTables is ExcelApi 1.9: an older Excel reads the selection as it is.
  const tables = supports("ExcelApi", "1.9") ? range.getTables(false) : undefined;
  tables?.load("items/name,items/id");
  try {
    await syncs.sync();
  } catch (e) {
    // getSelectedRange refuses a selection of several areas; RangeAreas (ExcelApi 1.9) says so.
    if (!supports("ExcelApi", "1.9")) throw e;
    const areas = context.workbook.getSelectedRanges();
    areas.load("areaCount");
    await syncs.sync();
    if (areas.areaCount > 1) throw MULTI_AREA;
    throw e;
  }
  // A selection in one table (a click into it, or cells of it) means the whole table.
  const table = tables?.items.length === 1 ? tables.items[0] : undefined;
  let read: Loaded;
  let address = range.address;
  if (table) {
    const whole = context.workbook.tables.getItem(table.name).getRange();
    whole.load(READ);
    await syncs.sync();
    read = whole as unknown as Loaded;
    address = read.address;
  } else if (used.isNullObject) {
    // Nothing but empty cells: the selection as it is, without reading its cells.
    read = { values: [], rowIndex: range.rowIndex, columnIndex: range.columnIndex, address: range.address };
  } else read = used as unknown as Loaded;
  return {
    sheet: sheet.name,
    address: localAddress(address),
    read: localAddress(read.address),
    origin: { row: read.rowIndex, col: read.columnIndex },
    values: read.values,
    ...(table ? { table: { name: table.name, id: table.id } } : {}),
    syncs: syncs.count,
  };
}

/** What a link refers to now, read as a selection would be (the pane's view of a saved link). */
export async function readLinked(context: Excel.RequestContext, link: { kind: "table" | "range"; name: string }): Promise<Selected | undefined> {
  const syncs = new Syncs(context);
  // A name may be defined over whole columns: only its used part is read.
  const range =
    link.kind === "range"
      ? usedPart(context.workbook.names.getItemOrNullObject(link.name).getRangeOrNullObject())
      : context.workbook.tables.getItemOrNullObject(link.name).getRange();
  range.load(READ);
  try {
    await syncs.sync();
  } catch {
    return undefined; // the table is gone
  }
  if (range.isNullObject) return undefined;
  const address = range.address;
  const bang = address.lastIndexOf("!");
  let sheet = bang < 0 ? "" : address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return {
    sheet,
    address: localAddress(address),
    origin: { row: range.rowIndex, col: range.columnIndex },
    values: range.values as unknown[][],
    ...(link.kind === "table" ? { table: { name: link.name, id: "" } } : {}),
    syncs: syncs.count,
  };
}
