/* global Excel */
// 使用所选数据: what the evaluator selected — a range, or the table the selection is in — read
// as plain data, with nothing in the workbook changed. A multi-cell selection is read in one
// round trip; a click into a table costs one more (the table's range is known only then).
import { Syncs } from "./batch";

export interface Selected {
  sheet: string;
  /** The range read, without the sheet: `B3:AQ20`. */
  address: string;
  origin: { row: number; col: number };
  values: unknown[][];
  /** The table the selection is in, when it is in one: its whole range is what was read. */
  table?: { name: string; id: string };
  syncs: number;
}

type Loaded = { values: unknown[][]; rowIndex: number; columnIndex: number; address: string };

/** `数据!B3:AQ20` or `'My data'!B3` → the part after the sheet. */
const localAddress = (address: string) => address.slice(address.lastIndexOf("!") + 1);

export async function readSelected(context: Excel.RequestContext): Promise<Selected> {
  const syncs = new Syncs(context);
  const range = context.workbook.getSelectedRange();
  range.load(["values", "rowIndex", "columnIndex", "address"]);
  const sheet = range.worksheet;
  sheet.load("name");
  const tables = range.getTables(false);
  tables.load("items/name,items/id");
  await syncs.sync();
  // A selection in one table (a click into it, or cells of it) means the whole table.
  const table = tables.items.length === 1 ? tables.items[0] : undefined;
  const inside = table !== undefined;
  let read: Loaded = range as unknown as Loaded;
  if (inside) {
    const whole = context.workbook.tables.getItem(table.name).getRange();
    whole.load(["values", "rowIndex", "columnIndex", "address"]);
    await syncs.sync();
    read = whole as unknown as Loaded;
  }
  return {
    sheet: sheet.name,
    address: localAddress(read.address),
    origin: { row: read.rowIndex, col: read.columnIndex },
    values: read.values,
    ...(table ? { table: { name: table.name, id: table.id } } : {}),
    syncs: syncs.count,
  };
}

/** What a link refers to now, read as a selection would be (the pane's view of a saved link). */
export async function readLinked(context: Excel.RequestContext, link: { kind: "table" | "range"; name: string }): Promise<Selected | undefined> {
  const syncs = new Syncs(context);
  const range =
    link.kind === "range"
      ? context.workbook.names.getItemOrNullObject(link.name).getRangeOrNullObject()
      : context.workbook.tables.getItemOrNullObject(link.name).getRange();
  range.load(["values", "rowIndex", "columnIndex", "address"]);
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
