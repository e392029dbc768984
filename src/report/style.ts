import type { Block, ReportLayout, SheetLayout } from "./layout";
import { displayWidth } from "./width";

/** How a sheet prints: the same for every layout, so a printed ranking reads like a report table. */
export interface PageSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Scale so the columns fit this many pages across; 0 leaves the height free. */
  fitToWidth: number;
  fitToHeight: number;
  /** Cells printed: the layout's rectangle and its pictures (charts beside it are for the screen). */
  printArea: Block;
  /** Rows repeated at the top of every page: the frozen rows. 0 for none. */
  printTitleRows: number;
  /** In inches, as both Excel's file format and its page-layout API take them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** Centre footer: page numbers (Excel's &P and &N codes). */
  footer: string;
  /** Rows (zero-based) that start a new page, so a table that fits on a page is not split. */
  rowBreaks: number[];
}

/** What a writer applies beyond values and number formats. */
export interface SheetStyle {
  /** Each table's header and body, not its title: thin lines on every cell edge. */
  ruled: Block[];
  /** Each table's header rows: light grey, centred across a group's empty cells. */
  headers: Block[];
  /** Cells centred: rank columns. */
  centered: Block[];
  /** Header rows and body cells whose text is wider than its column: wrapped, and this many points tall. */
  wrapped: (Block & { points: number })[];
  /** The sheet's title: the first row large, the next (its English line) at the body's size, both bold. */
  titles: { row: number; points: number }[];
  /** The source and date line: small, grey. */
  notes: number[];
  /** Average rows: bold, a double rule above, a light fill. */
  totals: Block[];
  /** Entity names: indented one step from the cell border. */
  indented: Block[];
  page: PageSetup;
}

/**
 * The report's font: a Chinese face that also sets Latin text well, named with the faces to try
 * where it is missing (macOS, Linux), so Chinese prints in a Chinese face, not a fallback.
 */
export const REPORT_FONT = { name: "Microsoft YaHei", fallbacks: ["PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimHei"], size: 10 } as const;
export const TITLE_POINTS = 14;
export const NOTE_POINTS = 8;
export const NOTE_COLOR = "595959";
/** RGB of the totals' fill: lighter than the header's grey. */
export const TOTAL_FILL = "F2F2F2";

/**
 * One orientation for a whole workbook: portrait when every sheet's columns fit across a
 * portrait page, else landscape for all.
 */
export function layoutOrientation(layout: Pick<ReportLayout, "sheets">): PageSetup["orientation"] {
  return layout.sheets.every((s) => pageSetup(s).orientation === "portrait") ? "portrait" : "landscape";
}

/** RGB of the header fill: Excel's "white, darker 15%", grey on paper and screen alike. */
export const HEADER_FILL = "D9D9D9";
export const RULE_COLOR = "000000";

/**
 * The presentation of any layout, derived from its tables, header rows and frozen rows, so
 * comparison and robustness sheets look like the ranking sheets without saying so.
 */
export function sheetStyle(sheet: SheetLayout, orientation?: PageSetup["orientation"]): SheetStyle {
  const ruled: Block[] = [];
  const headers: Block[] = [];
  const wrapped: SheetStyle["wrapped"] = [];
  for (const t of sheet.tables) {
    const skip = Math.min(t.titleRows ?? 0, t.rows);
    if (t.rows - skip <= 0 || t.cols <= 0) continue;
    ruled.push({ row: t.row + skip, col: t.col, rows: t.rows - skip, cols: t.cols });
    // The header: the run of header rows right under the title.
    let r = t.row + skip;
    while (r < t.row + t.rows && sheet.headerRows.includes(r)) r++;
    if (r > t.row + skip) headers.push({ row: t.row + skip, col: t.col, rows: r - t.row - skip, cols: t.cols });
    for (let h = t.row + skip; h < r; h++) {
      const lines = headerLines(sheet, h, t.col, t.col + t.cols);
      if (lines > 1) wrapped.push({ row: h, col: t.col, rows: 1, cols: t.cols, points: lines * ROW_POINTS });
    }
    // Body text wider than its column (or its joined cells) wraps within it: never cut at the border, never spilling.
    for (let b = r; b < t.row + t.rows; b++) {
      const cells = sheet.cells[b] ?? [];
      const long: [number, number][] = [];
      for (let c = t.col; c < t.col + t.cols; c++) {
        const v = cells[c];
        const width = spanChars(sheet, b, c);
        if (typeof v === "string" && displayWidth(v) + INDENT_CHARS > width) long.push([c, wrapLines(v, Math.max(1, width - INDENT_CHARS))]);
      }
      // The whole row wraps and aligns to the top, so its cells read side by side.
      const most = Math.max(1, ...long.map(([, n]) => n));
      if (most > 1) wrapped.push({ row: b, col: t.col, rows: 1, cols: t.cols, points: most * ROW_POINTS });
    }
  }
  // A paragraph in joined cells outside a table's body wraps within them too.
  const bodies = new Set(ruled.flatMap((b) => Array.from({ length: b.rows }, (_, k) => b.row + k)));
  for (const m of sheet.merged ?? []) {
    const v = sheet.cells[m.row]?.[m.col];
    if (bodies.has(m.row) || typeof v !== "string") continue;
    const lines = wrapLines(v, Math.max(1, spanChars(sheet, m.row, m.col) - INDENT_CHARS));
    if (lines > 1 || m.rows > 1) wrapped.push({ ...m, rows: 1, points: Math.max(1, lines) * ROW_POINTS });
  }
  const titles = (sheet.titleLines ?? []).map((row, i) => ({ row, points: i === 0 ? TITLE_POINTS : REPORT_FONT.size + 1 }));
  return {
    ruled,
    headers,
    centered: sheet.centered ?? [],
    wrapped,
    titles,
    notes: sheet.notes ?? [],
    totals: sheet.totals ?? [],
    indented: sheet.indented ?? [],
    page: pageSetup(sheet, orientation),
  };
}

/** A cell's width in characters: its column's, or its joined cells' together. */
function spanChars(sheet: SheetLayout, row: number, col: number): number {
  const m = (sheet.merged ?? []).find((b) => b.row === row && b.col === col);
  let w = 0;
  for (let c = col; c < col + (m?.cols ?? 1); c++) w += sheet.columnWidths[c] ?? DEFAULT_COLUMN_CHARS;
  return w;
}

/** Characters a cell's padding and an indent take from its width. */
const INDENT_CHARS = 2;

const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4 = { short: 8.27, long: 11.69 }; // inches
/** Excel's default row is 15 pt; text in CJK fallback fonts can make it taller. */
const ROW_POINTS = 16;

/** A column of `chars` characters in points, as Excel sizes it for its default font. */
export const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/** Excel's default column width in characters (64 px), for columns a layout leaves alone. */
export const DEFAULT_COLUMN_CHARS = 8.43;

/**
 * Portrait when the columns fit across a portrait page, else landscape; scaled to one page
 * wide; the frozen rows repeated on every page; a page break before any table that would
 * otherwise be cut, judged at Excel's default row height.
 */
function pageSetup(sheet: SheetLayout, chosen?: PageSetup["orientation"]): PageSetup {
  const pictures = sheet.pictures ?? [];
  const rows = Math.max(sheet.cells.length, ...pictures.map((p) => p.row + p.rows));
  const cells = sheet.cells.length ? sheet.cells[0].length : 0;
  const cols = Math.max(cells, ...pictures.map((p) => p.col + p.cols));
  // Columns right of the cells (a gap, then the pictures) keep Excel's default width.
  const width = sheet.columnWidths.reduce((t, w) => t + columnPoints(w), 0) + (cols - cells) * columnPoints(DEFAULT_COLUMN_CHARS);
  const across = (inches: number) => (inches - MARGINS.left - MARGINS.right) * 72;
  const orientation = chosen ?? (width <= across(A4.short) ? "portrait" : "landscape");
  const [pageWidth, pageHeight] = orientation === "portrait" ? [A4.short, A4.long] : [A4.long, A4.short];
  const scale = Math.min(1, across(pageWidth) / Math.max(1, width));
  // Two rows kept spare: the title's taller rows and wrapped headers take more than ROW_POINTS.
  const perPage = Math.max(1, Math.floor(((pageHeight - MARGINS.top - MARGINS.bottom) * 72) / (ROW_POINTS * scale)) - 2);
  const printTitleRows = Math.min(sheet.freezeRows, rows);
  return {
    orientation,
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: { row: 0, col: 0, rows: Math.max(1, rows), cols: Math.max(1, cols) },
    printTitleRows,
    margins: MARGINS,
    centerHorizontally: true,
    footer: "&P / &N",
    rowBreaks: keepTablesWhole([...sheet.tables, ...pictures], perPage, printTitleRows),
  };
}

/**
 * Where to break pages so no table that fits on one page is split: a page holds `perPage`
 * rows, the first `titles` of which repeat on every page after the first. Tables taller than a
 * page flow over pages as they fall.
 */
export function keepTablesWhole(tables: readonly Block[], perPage: number, titles: number): number[] {
  const body = Math.max(1, perPage - titles);
  const breaks: number[] = [];
  let start = 0; // first row of the current page
  let room = perPage; // rows the current page holds from `start`
  const next = (at: number) => ((start = at), (room = body));
  for (const t of [...tables].sort((a, b) => a.row - b.row)) {
    const end = t.row + t.rows;
    while (t.row >= start + room) next(start + room);
    if (end <= start + room) continue;
    if (t.rows <= body && t.row > start) {
      breaks.push(t.row);
      next(t.row);
    }
    while (end > start + room) next(start + room);
  }
  return breaks;
}

/** Display width in character units: CJK characters print about twice as wide as Latin ones. */

/**
 * Lines a header row needs: each text wraps within its column and the empty cells after it
 * (a group title centred across them), at spaces or between CJK characters.
 */
function headerLines(sheet: SheetLayout, row: number, from: number, to: number): number {
  const cells = sheet.cells[row];
  let most = 1;
  for (let c = from; c < to; c++) {
    const v = cells[c];
    if (typeof v !== "string") continue;
    let span = sheet.columnWidths[c] ?? 8;
    for (let e = c + 1; e < to && cells[e] === null; e++) span += sheet.columnWidths[e] ?? 8;
    most = Math.max(most, wrapLines(v, Math.max(1, span - 1)));
  }
  return most;
}

/** Greedy word wrap: Latin words stay whole, CJK characters break anywhere. */
export function wrapLines(text: string, width: number): number {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? [];
  let lines = 1;
  let used = 0; // width on the current line
  let gap = 0; // spaces before the next word, dropped at a line break
  for (const t of tokens) {
    const w = displayWidth(t);
    if (/^\s/.test(t)) {
      gap = used > 0 ? w : 0;
      continue;
    }
    if (used > 0 && used + gap + w > width) {
      lines++;
      used = 0;
    } else used += gap;
    gap = 0;
    // A word wider than a line takes lines of its own.
    const whole = used === 0 ? Math.ceil(w / width) - 1 : 0;
    lines += whole;
    used += w - whole * width;
  }
  return lines;
}

/** Every cell of a block, zero-based. */
export function* blockCells(b: Block): Generator<[number, number]> {
  for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) yield [r, c];
}
