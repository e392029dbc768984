// The one way every generated sheet is laid out (ranking, comparison, robustness): a two-line
// title, a source and date line, ruled tables, average rows as totals, names indented, columns
// sized to their text. Plain cells, written alike by the CLI and the add-in.
import type { Text } from "../core";
import type { Block, ChartLayout, LayoutCell, SheetLayout, TableLayout } from "./layout";
import { displayWidth } from "./width";

/** A two-line title with a note said on each line: `…（几何平均）` and `… (geometric mean)`. */
export function withNote([zh, en]: [string, string], note?: Text): [string, string] {
  return note ? [`${zh}（${note.zh}）`, `${en} (${note.en})`] : [zh, en];
}

/**
 * A sheet built row by row: its title (Chinese, then English on its own line), the source and
 * date line, tables with their headers, totals, indented names and number blocks; `finish`
 * pads it to a rectangle and sizes every column to its text. Every generated sheet is one.
 */
export class Grid {
  cells: LayoutCell[][] = [];
  numbers: Block[] = [];
  headerRows: number[] = [];
  tables: TableLayout[] = [];
  charts: ChartLayout[] = [];
  centered: Block[] = [];
  titleLines: number[] = [];
  notes: number[] = [];
  totals: Block[] = [];
  indented: Block[] = [];
  /** Rows of one text across the sheet (a list under a table): they widen no column. */
  spans: number[] = [];
  /** Cells joined into one (a paragraph, a table's prose column): they wrap within their span. */
  merged: Block[] = [];
  /** The title (Chinese, then English on its own line) and the source line under it. */
  heading(lines: string[], source: string[]) {
    for (const l of lines) {
      this.titleLines.push(this.row);
      this.push([l], true);
    }
    for (const l of source) {
      this.notes.push(this.row);
      this.push([l]);
    }
    this.push([]);
  }
  /** A text across the sheet, under or between tables. */
  line(text: string) {
    this.spans.push(this.row);
    this.push([text]);
  }
  get row() {
    return this.cells.length;
  }
  push(row: LayoutCell[], header = false) {
    if (header) this.headerRows.push(this.cells.length);
    this.cells.push(row);
  }
  /** Pads every row to the widest so writers get a rectangle. */
  finish(key: string, name: string, freezeRows: number): SheetLayout {
    const width = Math.max(1, ...this.cells.map((r) => r.length));
    const cells = this.cells.map((r) => [...r.map(shown), ...Array<LayoutCell>(width - r.length).fill(null)]);
    // A column fits its body's text; a header over numbers wraps rather than widen it past 12.
    // Titles (the sheet's, the notes, each table's) span the columns: they widen none.
    const lines = new Set([...this.titleLines, ...this.notes, ...this.spans, ...this.tables.filter((t) => t.titleRows).map((t) => t.row)]);
    // Joined cells wrap within their span: they widen no column either.
    const joined = new Set(this.merged.map((m) => `${m.row}:${m.col}`));
    const headers = new Set(this.headerRows);
    const columnWidths = Array.from({ length: width }, (_, c) => {
      let body = 8;
      let head = 0;
      let numeric = false;
      cells.forEach((r, i) => {
        const v = r[c];
        if (lines.has(i) || joined.has(`${i}:${c}`)) return;
        if (typeof v === "number") numeric = true;
        if (typeof v !== "string") return;
        if (headers.has(i)) head = Math.max(head, textWidth(v));
        else body = Math.max(body, textWidth(v));
      });
      // A bilingual header over short names (行政区 / district) wraps rather than widen them past 12.
      return Math.min(40, Math.max(6, body, Math.min(head, numeric ? 11 : Math.max(body, 12))));
    });
    // Titles span the sheet; they should not widen the first column.
    columnWidths[0] = Math.min(columnWidths[0], 14);
    for (const r of [...this.titleLines, ...this.notes]) if (typeof cells[r]?.[0] === "string") columnWidths[0] = Math.max(columnWidths[0], 6);
    return {
      key,
      name,
      cells,
      numbers: this.numbers,
      headerRows: this.headerRows,
      freezeRows,
      tables: this.tables,
      charts: this.charts,
      columnWidths,
      centered: this.centered,
      titleLines: this.titleLines,
      notes: this.notes,
      totals: this.totals,
      indented: this.indented,
      ...(this.merged.length ? { merged: this.merged } : {}),
    };
  }
}

/**
 * Numbers as written to a sheet: 15 significant digits, as Excel keeps them. 103.245 computed
 * as 103.24499999999999 would otherwise print 103.24 in LibreOffice though SCI ranks it as 103.25.
 */
const shown = (v: LayoutCell): LayoutCell => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(15)) : v);

/** A column fits its text plus a margin. */
const textWidth = (t: string) => displayWidth(t) + 2;
