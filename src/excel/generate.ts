/* global Excel */
import { cellAddress } from "../core";
import type { Block, ChartLayout, LayoutCell, PictureLayout, ReportLayout, SheetLayout } from "../report";
import {
  DEFAULT_COLUMN_CHARS,
  HEADER_FILL,
  NOTE_COLOR,
  NOTE_POINTS,
  REPORT_FONT,
  RULE_COLOR,
  TOTAL_FILL,
  layoutOrientation,
  sheetStyle,
  type PageSetup,
} from "../report";
import { type WriteFailure, Syncs, rollback, widthPoints } from "./batch";
import { freshNames } from "./names";
import { supports } from "./requirements";

export interface RankingWritten {
  ok: true;
  /** The sheets written, in layout order; each name was free before the click. */
  sheets: string[];
  /** context.sync calls made: 2 (read the names; write everything and read it back), more for a large layout. */
  syncs: number;
  /** The largest write request's estimated size in bytes (values and formats sent, values read back). */
  largestRequest: number;
  /** Cells whose read-back value differs from the layout, as `sheet!A1`; empty when all agree. */
  mismatches: string[];
  /** What was left out and why, e.g. the map where this Excel cannot insert pictures; empty when nothing. */
  notes: { zh: string; en: string }[];
}

export type RankingResult = RankingWritten | WriteFailure;
/** What writing any layout returns (the ranking sheets are one such layout). */
export type LayoutWritten = RankingWritten;
export type LayoutResult = RankingResult;

/** `0.00` for the layout's number blocks, `@` (text) for every string, General elsewhere. */
export function numberFormats(sheet: SheetLayout): string[][] {
  const inBlock = (r: number, c: number) => sheet.numbers.some((b) => r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols);
  const number = sheet.numberFormat ?? "0.00";
  return sheet.cells.map((row, r) => row.map((v, c) => (typeof v === "string" ? "@" : inBlock(r, c) ? number : "General")));
}

/** What Excel is given for a layout cell: empty for null, and never a non-finite number. */
export const cellValue = (v: LayoutCell): string | number => (v === null || (typeof v === "number" && !Number.isFinite(v)) ? "" : v);

const CHART_ROWS = 18;
const CHART_COLS = 8;

function range(ws: Excel.Worksheet, b: Block): Excel.Range {
  return ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
}

function addChart(ws: Excel.Worksheet, chart: ChartLayout, k: number, left: number): void {
  const c = ws.charts.add("BarClustered", range(ws, chart.values), "Columns");
  c.title.text = chart.title;
  c.legend.visible = false;
  const series = c.series.getItemAt(0);
  series.name = chart.title;
  series.setXAxisValues(range(ws, chart.categories));
  // A bar chart draws its first category at the bottom; rank 1 belongs at the top.
  c.axes.categoryAxis.reversePlotOrder = true;
  const top = 2 + k * CHART_ROWS;
  c.setPosition(cellAddress(top, left), cellAddress(top + CHART_ROWS - 2, left + CHART_COLS - 1));
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Thin lines on every edge of every cell of the block. */
function rule(ws: Excel.Worksheet, b: Block): void {
  const borders = range(ws, b).format.borders;
  const lines = [...EDGES, ...(b.rows > 1 ? ["InsideHorizontal" as const] : []), ...(b.cols > 1 ? ["InsideVertical" as const] : [])];
  for (const edge of lines) {
    const line = borders.getItem(edge);
    line.style = "Continuous";
    line.weight = "Thin";
    line.color = `#${RULE_COLOR}`;
  }
}

function queuePage(ws: Excel.Worksheet, p: PageSetup): void {
  // Printing needs ExcelApi 1.9; an older Excel still gets the sheets, printed its own way.
  if (!supports("ExcelApi", "1.9")) return;
  const page = ws.pageLayout;
  page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = p.paper;
  // PageLayoutZoomOptions documents page counts only; "as many pages tall as needed" (the
  // layout's 0, as in xlsx) is the vertical count left out, never an undocumented 0.
  page.zoom = p.fitToHeight > 0 ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { horizontalFitToPages: p.fitToWidth };
  page.setPrintMargins("Inches", p.margins);
  page.centerHorizontally = p.centerHorizontally;
  page.setPrintArea(range(ws, p.printArea));
  if (p.printTitleRows > 0) page.setPrintTitleRows(`$1:$${p.printTitleRows}`);
  for (const r of p.rowBreaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
  // pageLayout.headersFooters is ExcelApi 1.9, like the rest of the page setup: the web has it too.
  page.headersFooters.defaultForAllPages.centerFooter = p.footer;
}

/**
 * The layout's colour scales as Excel's own conditional formats (ExcelApi 1.6), so the shading
 * follows the cells. An older Excel gets the numbers without the shading.
 */
function queueColorScales(ws: Excel.Worksheet, sheet: SheetLayout): void {
  if (!sheet.colorScales?.length || !supports("ExcelApi", "1.6")) return;
  for (const s of sheet.colorScales) {
    const cf = range(ws, s).conditionalFormats.add("ColorScale");
    const at = (value: number, color: string) => ({ type: "Number" as const, formula: String(value), color: `#${color}` });
    cf.colorScale.criteria = { minimum: at(s.min, s.colors.low), midpoint: at(s.mid, s.colors.mid), maximum: at(s.max, s.colors.high) };
  }
}

/** Rules, grey headers, centred ranks and the page setup (see sheetStyle), queued in the same batch. */
function styleSheet(ws: Excel.Worksheet, sheet: SheetLayout, orientation?: PageSetup["orientation"]): void {
  const style = sheetStyle(sheet, orientation);
  // The report's Chinese face on every cell, every row at 15 points (the pictures' rows were
  // counted so), as in the CLI's workbook.
  const rows = Math.max(sheet.cells.length, ...(sheet.pictures ?? []).map((p) => p.row + p.rows));
  const cols = sheet.cells[0]?.length ?? 0;
  if (rows && cols) {
    const all = ws.getRangeByIndexes(0, 0, rows, cols).format;
    all.font.name = REPORT_FONT.name;
    all.font.size = REPORT_FONT.size;
    all.rowHeight = 15;
  }
  // Joined cells: a paragraph or a table's prose column (range.merge is ExcelApi 1.2).
  if (supports("ExcelApi", "1.2")) for (const m of sheet.merged ?? []) range(ws, m).merge(false);
  style.ruled.forEach((b) => rule(ws, b));
  for (const b of style.centered) range(ws, b).format.horizontalAlignment = "Center";
  for (const b of style.headers) {
    const format = range(ws, b).format;
    format.fill.color = `#${HEADER_FILL}`;
    format.horizontalAlignment = "CenterAcrossSelection";
    format.verticalAlignment = "Center";
  }
  const headed = new Set(style.headers.flatMap((b) => Array.from({ length: b.rows }, (_, k) => b.row + k)));
  for (const w of style.wrapped) {
    const format = range(ws, w).format;
    format.wrapText = true;
    format.rowHeight = w.points;
    if (!headed.has(w.row)) format.verticalAlignment = "Top";
  }
  // indentLevel is ExcelApi 1.9; an older Excel leaves the names flush. An indent shows only
  // in a left-aligned cell (General ignores it), as the CLI's workbook says too.
  if (supports("ExcelApi", "1.9"))
    for (const b of style.indented) {
      const format = range(ws, b).format;
      format.horizontalAlignment = "Left";
      format.indentLevel = 1;
    }
  for (const b of style.totals) {
    const format = range(ws, b).format;
    format.font.bold = true;
    format.fill.color = `#${TOTAL_FILL}`;
    const top = format.borders.getItem("EdgeTop");
    top.style = "Double";
    top.color = `#${RULE_COLOR}`;
  }
  for (const t of style.titles) {
    const format = ws.getRangeByIndexes(t.row, 0, 1, 1).format;
    format.font.bold = true;
    format.font.size = t.points;
    format.rowHeight = Math.round(t.points * 1.5);
  }
  for (const r of style.notes) {
    const font = ws.getRangeByIndexes(r, 0, 1, 1).format.font;
    font.size = NOTE_POINTS;
    font.color = `#${NOTE_COLOR}`;
  }
  queuePage(ws, style.page);
}

/**
 * Excel on the web refuses a request over 5 MB; a batch is sent before its estimated size
 * (values and formats written, values read back) passes this, so 3,000 entities still write.
 */
export const REQUEST_BUDGET = 2_000_000;

/** Queued work and its estimated size, sent when the budget is reached. */
class Batch {
  bytes = 0;
  largest = 0;
  constructor(private readonly syncs: Syncs) {}
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET) await this.send();
    this.bytes += bytes;
  }
  async send(): Promise<void> {
    this.largest = Math.max(this.largest, this.bytes);
    this.bytes = 0;
    await this.syncs.sync();
  }
}

/** A chunk of a sheet's rows as written, and the range that reads it back. */
interface Chunk {
  row: number;
  range: Excel.Range;
}

/** Excel's default row height in points, under which the pictures' rows are counted. */
const ROW_POINTS = 15;

/**
 * The layout's pictures drawn as PNG, base64 without the `data:` prefix, by the pane (a canvas
 * in the browser; see src/taskpane/picture-png.ts). A picture missing here was not drawn.
 */
export type PictureImages = ReadonlyMap<PictureLayout, string>;

/**
 * A picture as an image shape over its cells (ShapeCollection.addImage, ExcelApi 1.9: PNG or
 * JPEG as base64), with its title as alternative text. Excel's SVG shapes are a preview API,
 * absent from released Excel, so the map goes as PNG. Shapes go with their sheet, so a
 * rollback that deletes the sheet removes it too.
 */
function addPicture(ws: Excel.Worksheet, sheet: SheetLayout, p: PictureLayout, png: string): void {
  const shape = ws.shapes.addImage(png);
  shape.name = p.key;
  shape.altTextTitle = p.title;
  shape.altTextDescription = p.title;
  shape.lockAspectRatio = true;
  const widths = Array.from({ length: p.col }, (_, c) => widthPoints(sheet.columnWidths[c] ?? DEFAULT_COLUMN_CHARS));
  shape.left = widths.reduce((t, w) => t + w, 0);
  shape.top = p.row * ROW_POINTS;
  shape.width = p.width * 0.75;
  shape.height = p.height * 0.75;
}

/**
 * Queues one sheet: formats first (so text cells are text before any value lands), then values,
 * in chunks of rows that keep each request within the budget; then its map, charts and style.
 */
async function queueSheet(
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  batch: Batch,
  notes: RankingWritten["notes"],
  images: PictureImages | undefined,
  orientation?: PageSetup["orientation"],
): Promise<Chunk[]> {
  const rows = sheet.cells.length;
  const cols = rows ? sheet.cells[0].length : 0;
  if (!rows || !cols) return [];
  const formats = numberFormats(sheet);
  const chunks: Chunk[] = [];
  for (let from = 0; from < rows;) {
    let bytes = 0;
    let to = from;
    // Each cell goes out as its value and its format, and comes back as its value.
    while (to < rows && (to === from || bytes < REQUEST_BUDGET / 2)) {
      bytes += 2 * JSON.stringify(sheet.cells[to]).length + JSON.stringify(formats[to]).length;
      to++;
    }
    await batch.add(bytes);
    const part = ws.getRangeByIndexes(from, 0, to - from, cols);
    part.numberFormat = formats.slice(from, to);
    part.values = sheet.cells.slice(from, to).map((r) => r.map(cellValue));
    part.load("values");
    chunks.push({ row: from, range: part });
    from = to;
  }
  for (const r of sheet.headerRows) ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
  if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  sheet.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w)));
  const pictures = sheet.pictures ?? [];
  if (pictures.length && !supports("ExcelApi", "1.9"))
    notes.push({
      zh: `此版本的 Excel 不支持 ExcelApi 1.9（插入图片），「${sheet.name}」未附地图`,
      en: `this Excel lacks ExcelApi 1.9 (inserting pictures): "${sheet.name}" has no map`,
    });
  else
    for (const p of pictures) {
      const png = images?.get(p);
      if (png === undefined) {
        notes.push({
          zh: `地图未能绘制为图片，「${sheet.name}」未附地图`,
          en: `the map could not be drawn as a picture: "${sheet.name}" has no map`,
        });
        continue;
      }
      await batch.add(png.length);
      addPicture(ws, sheet, p, png);
    }
  // Charts right of the table, and of the map where there is one.
  const right = Math.max(cols, ...pictures.map((p) => p.col + p.cols));
  sheet.charts.forEach((chart, k) => addChart(ws, chart, k, right + 1));
  styleSheet(ws, sheet, orientation);
  queueColorScales(ws, sheet);
  await batch.add(4096 + 200 * (sheet.charts.length + sheet.tables.length + (sheet.colorScales?.length ?? 0)));
  return chunks;
}

/**
 * Writes the sheets of any report layout — the ranking sheets, a year-over-year comparison, a
 * robustness sheet — each under a fresh name, in two round trips however many tables: one
 * reads the sheet names, one writes every sheet (values as whole ranges, formats, bold headers,
 * frozen rows, widths, the map (as drawn in `images`), bar charts, rules, grey headers, the page setup) and reads the values
 * back to confirm them. If the write fails, this click's sheets are deleted again, or the
 * result names the sheets that remain.
 */
export async function writeLayout(
  context: Excel.RequestContext,
  layout: ReportLayout,
  onProgress?: (done: number) => void,
  images?: PictureImages,
): Promise<RankingResult> {
  const syncs = new Syncs(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await syncs.sync();
  onProgress?.(0.2);

  const names = freshNames(
    layout.sheets.map((s) => s.name),
    sheets.items.map((s) => s.name),
  );
  const readBack: Chunk[][] = [];
  const batch = new Batch(syncs);
  const notes: RankingWritten["notes"] = [];
  const orientation = layoutOrientation(layout);
  try {
    const added: Excel.Worksheet[] = [];
    for (const [i, sheet] of layout.sheets.entries()) {
      const ws = sheets.add(names[i]);
      added.push(ws);
      readBack.push(await queueSheet(ws, sheet, batch, notes, images, orientation));
    }
    added[0]?.activate();
    await batch.send();
  } catch (e) {
    return rollback(context, names, syncs, e);
  }
  onProgress?.(1);

  const mismatches: string[] = [];
  layout.sheets.forEach((sheet, i) => {
    const got: unknown[][] = [];
    for (const chunk of readBack[i] ?? []) (chunk.range.values ?? []).forEach((row, k) => (got[chunk.row + k] = row));
    sheet.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (got[r]?.[c] !== cellValue(v)) mismatches.push(`${names[i]}!${cellAddress(r, c)}`);
      }),
    );
  });
  return { ok: true, sheets: names, syncs: syncs.count, mismatches, largestRequest: batch.largest, notes };
}

/** The ranking sheets: the report layout, written like any other. */
export const writeRanking = writeLayout;
