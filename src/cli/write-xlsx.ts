import { writeFile } from "node:fs/promises";
import type { Borders, Buffer as ImageBuffer, Fill, Workbook, Worksheet } from "exceljs";
import { cellAddress } from "../core";
import {
  HEADER_FILL,
  NOTE_COLOR,
  NOTE_POINTS,
  REPORT_FONT,
  RULE_COLOR,
  TOTAL_FILL,
  blockCells,
  layoutOrientation,
  sheetStyle,
  type Block,
  type PageSetup,
  type ReportLayout,
  type SheetLayout,
} from "../report";
import { freshNames } from "../excel/names";
import { writeExclusive } from "./out";
import { quotedSheetNames } from "./xlsx-package";
import { svgToPng } from "./png";

export const NUMBER_FORMAT = "0.00";

/**
 * The report layout as an exceljs workbook. Strings are set as plain string values, which
 * exceljs stores as shared strings: "=1+1" or "@x" stays text and never becomes a formula.
 */
export async function layoutWorkbook(layout: ReportLayout): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs"); // loaded only when needed: it is large
  const wb = new ExcelJS.Workbook();
  wb.creator = "SCI";
  // The theme's body font names the Chinese face and its fallbacks, for text in no cell font.
  (wb as unknown as { _themes?: Record<string, string> })._themes = { theme1: await chineseTheme() };
  const orientation = layoutOrientation(layout);
  // The add-in's sheet-name rules: a label with an apostrophe at an end, []:*?/\ or more than
  // 31 characters still names a sheet Excel accepts, and names equal but for case are made unique.
  const names = freshNames(
    layout.sheets.map((s) => s.name),
    [],
  );
  for (const [i, sheet] of layout.sheets.entries()) {
    const ws = wb.addWorksheet(names[i]);
    writeSheet(ws, sheet, orientation);
    for (const p of sheet.pictures ?? []) {
      // Drawn at twice the size it is shown, so it stays sharp when zoomed. exceljs's tl is
      // zero-based columns and rows; ext is the size shown, in px.
      const { png } = await svgToPng(p.svg, { width: 2 * p.width });
      const id = wb.addImage({ buffer: png as unknown as ImageBuffer, extension: "png" });
      ws.addImage(id, { tl: { col: p.col, row: p.row }, ext: { width: p.width, height: p.height }, editAs: "oneCell" });
    }
  }
  return wb;
}

/** Excel's own theme with the report's Chinese face as the East Asian body and heading font. */
async function chineseTheme(): Promise<string> {
  const { default: theme } = (await import("exceljs/lib/xlsx/xml/theme1.js" as string)) as { default: string };
  const hans = `<a:font script="Hans" typeface="${REPORT_FONT.name}"/>`;
  return theme.replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${REPORT_FONT.name}"/>`).replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, hans);
}

const ROW_POINTS = 15;
const FONT = { name: REPORT_FONT.name, size: REPORT_FONT.size, charset: 134, family: 2 } as const;

function writeSheet(ws: Worksheet, sheet: SheetLayout, orientation?: PageSetup["orientation"]): void {
  // Every row at Excel's 15 points, as the pictures' places were counted (LibreOffice's default
  // row is lower); every cell in the report's font, empty ones too.
  const rows = Math.max(sheet.cells.length, ...(sheet.pictures ?? []).map((p) => p.row + p.rows));
  for (let r = 0; r < rows; r++) ws.getRow(r + 1).height = ROW_POINTS;
  const cols = sheet.cells[0]?.length ?? 0;
  sheet.cells.forEach((row, r) => {
    for (let c = 0; c < cols; c++) ws.getCell(r + 1, c + 1).font = { ...FONT };
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      if (typeof v === "number" && !Number.isFinite(v)) return; // no NaN or Infinity in a report
      ws.getCell(r + 1, c + 1).value = typeof v === "number" ? v : String(v);
    });
  });
  for (const b of sheet.numbers)
    for (let r = b.row; r < b.row + b.rows; r++)
      for (let c = b.col; c < b.col + b.cols; c++) ws.getCell(r + 1, c + 1).numFmt = sheet.numberFormat ?? NUMBER_FORMAT;
  for (const r of sheet.headerRows)
    sheet.cells[r]?.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).font = { ...FONT, bold: true };
    });
  sheet.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const m of sheet.merged ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  if (sheet.freezeRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: sheet.freezeRows }];
  styleSheet(ws, sheet, orientation);
  for (const s of sheet.colorScales ?? [])
    ws.addConditionalFormatting({
      ref: `${cellAddress(s.row, s.col)}:${cellAddress(s.row + s.rows - 1, s.col + s.cols - 1)}`,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [
            { type: "num", value: s.min },
            { type: "num", value: s.mid },
            { type: "num", value: s.max },
          ],
          color: [{ argb: `FF${s.colors.low}` }, { argb: `FF${s.colors.mid}` }, { argb: `FF${s.colors.high}` }],
        },
      ],
    });
}

const RULE = { style: "thin", color: { argb: `FF${RULE_COLOR}` } } as const;
const RULED: Partial<Borders> = { top: RULE, bottom: RULE, left: RULE, right: RULE };
const SHADED: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL}` } };
const TOTALS: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${TOTAL_FILL}` } };

/** Rules, grey headers, centred ranks and the page setup (see sheetStyle). */
function styleSheet(ws: Worksheet, sheet: SheetLayout, orientation?: PageSetup["orientation"]): void {
  const style = sheetStyle(sheet, orientation);
  const each = (blocks: Block[], f: (cell: ReturnType<Worksheet["getCell"]>) => void) => {
    for (const b of blocks) for (const [r, c] of blockCells(b)) f(ws.getCell(r + 1, c + 1));
  };
  each(style.ruled, (cell) => (cell.border = RULED));
  each(style.centered, (cell) => (cell.alignment = { horizontal: "center" }));
  each(style.headers, (cell) => {
    cell.fill = SHADED;
    cell.alignment = { horizontal: "centerContinuous", vertical: "middle" };
  });
  each(style.wrapped, (cell) => (cell.alignment = { ...cell.alignment, wrapText: true, vertical: cell.alignment?.vertical ?? "top" }));
  for (const w of style.wrapped) ws.getRow(w.row + 1).height = Math.max(ws.getRow(w.row + 1).height ?? 0, w.points);
  // An indent shows only in a left-aligned cell: General alignment ignores it.
  each(style.indented, (cell) => (cell.alignment = { ...cell.alignment, horizontal: "left", indent: 1 }));
  for (const b of style.totals)
    for (const [r, c] of blockCells(b)) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = { ...FONT, bold: true };
      cell.fill = TOTALS;
      // A double rule above the first average row, as above a table's totals.
      if (r === b.row) cell.border = { ...cell.border, top: { style: "double", color: { argb: `FF${RULE_COLOR}` } } };
    }
  for (const t of style.titles) {
    ws.getCell(t.row + 1, 1).font = { ...FONT, bold: true, size: t.points };
    ws.getRow(t.row + 1).height = Math.round(t.points * 1.5);
  }
  for (const r of style.notes) ws.getCell(r + 1, 1).font = { ...FONT, size: NOTE_POINTS, color: { argb: `FF${NOTE_COLOR}` } };
  const p = style.page;
  const a = p.printArea;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: p.orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.centerHorizontally,
    margins: p.margins,
    printArea: `${cellAddress(a.row, a.col)}:${cellAddress(a.row + a.rows - 1, a.col + a.cols - 1)}`,
    ...(p.printTitleRows > 0 ? { printTitlesRow: `1:${p.printTitleRows}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
  // exceljs breaks after a (1-based) row: after row R is before zero-based row R. The span is
  // given (to column 16384) because exceljs's default end column is past Excel's last.
  for (const r of p.rowBreaks) ws.getRow(r).addPageBreak(1, 16384);
}

/**
 * Writes the workbook whole or not at all, and (without `force`) never over a file that another
 * command wrote meanwhile: see writeExclusive.
 */
export async function writeLayoutXlsx(layout: ReportLayout, file: string, force = false): Promise<void> {
  const wb = await layoutWorkbook(layout);
  const bytes = await quotedSheetNames(
    Buffer.from(await wb.xlsx.writeBuffer()),
    wb.worksheets.map((s) => s.name),
  );
  await writeExclusive(file, force, (tmp) => writeFile(tmp, bytes));
}
