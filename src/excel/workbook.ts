/* global Excel */
// The task pane's only door to Excel: plain data in, plain data out. The pane's components take
// a SciWorkbook as a prop, so they are tested without Office; here it is backed by Excel.run.
// Writing code loads on first use, keeping it out of the pane's first paint.
import type { Framework, Lang, Text } from "../core";
import type { PictureLayout, ReportLayout } from "../report";
import type { WriteFailure } from "./batch";
import type { LayoutResult, RankingResult } from "./generate";
import type { NotRemoved } from "./generated";
import type { CellRef, Selected } from "./issues";
import type { TemplateKind, TemplateResult } from "./template";

/**
 * Tables the pane inserts besides SCI_Input: last year's inputs (SCI_Previous), raw statistics
 * with their normalisation settings (SCI_Raw + SCI_Settings), the editable framework (SCI_Framework).
 */
export type TableKind = "previous" | "raw" | "framework" | "districts" | "choices";

export interface TableOptions {
  /** The framework whose input indicators the raw-data and last-year templates list (default 2020's). */
  framework?: Framework;
  /** Last year's table: empty, or the published 2020 data to try the comparison with. */
  previous?: "empty" | "2020";
  /** Last year's label (its year), written into the table's title. */
  label?: string;
  /** The language of the new sheets' names (the pane's); default Chinese. */
  lang?: Lang;
}

/** What writing the ranking did: the write's result, and what a replacement removed first. */
export type RankingOutcome = RankingResult & {
  /** Sheets of the previous run removed before writing (Replace only). */
  removed: string[];
  /** Sheets of the previous run that Excel would not remove, with its reason. */
  notRemoved: NotRemoved[];
};

export type TableResult =
  /** `notice`: inserted, but something to know (e.g. SCI_Input takes precedence over raw data). */
  { ok: true; sheets: string[]; syncs: number; notice?: Text } | { ok: false; reason: "exists"; sheet: string; message: Text; syncs: number } | WriteFailure;

export interface SciWorkbook {
  /** The template's sheets are named in `lang` (the pane's): SCI 输入 or SCI Input. */
  insertTemplate(kind: TemplateKind, lang?: Lang): Promise<TemplateResult>;
  insertTable(kind: TableKind, options?: TableOptions): Promise<TableResult>;
  selectCell(cell: CellRef): Promise<Selected>;
  selectSheet(name: string): Promise<Selected>;
  /** Writes one cell's text (an issue's fix), as text, and selects the cell. */
  writeCellText(cell: CellRef, text: string): Promise<Selected>;
  /**
   * The ranking sheets, recorded in the workbook as SCI's under the layout's title. `replace`
   * (only after the user's click): first delete the sheets a previous run of this title made
   * that are still as it left them (see previousSheets); otherwise fresh names, " (2)" and on.
   */
  writeRanking(layout: ReportLayout, onProgress?: (done: number) => void, options?: { replace?: boolean }): Promise<RankingOutcome>;
  /** The sheets earlier runs made for this title that are still as they were left: what Replace would delete. */
  previousSheets(title: string): Promise<string[]>;
  /** Any layout (comparison, robustness): fresh sheet names, text stays text, at most 3 syncs. */
  writeLayout(layout: ReportLayout, onProgress?: (done: number) => void): Promise<LayoutResult>;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The pane's batches wait while the user is editing a cell instead of failing (Excel.RunOptions). */
export const delayedRun: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/** Draws a picture's SVG as PNG: base64 without the `data:` prefix (the pane's canvas). */
export type DrawPicture = (p: PictureLayout) => Promise<string>;

/**
 * The layout's pictures as PNG, drawn before the write's batch (no Excel request waits on a
 * canvas). A picture that cannot be drawn is left out; writeLayout says so.
 */
async function drawPictures(layout: ReportLayout, draw: DrawPicture | undefined): Promise<Map<PictureLayout, string>> {
  const images = new Map<PictureLayout, string>();
  if (!draw) return images;
  for (const p of layout.sheets.flatMap((s) => s.pictures ?? [])) {
    try {
      images.set(p, await draw(p));
    } catch (e) {
      console.error("SCI: a picture could not be drawn", e);
    }
  }
  return images;
}

/** `draw`: how the pane turns a picture into PNG (without it, pictures are left out, with a note). */
export function officeWorkbook(run: ExcelRun = delayedRun, draw?: DrawPicture): SciWorkbook {
  const write = async (layout: ReportLayout, onProgress?: (done: number) => void) => {
    const [{ writeLayout }, images] = await Promise.all([import("./generate"), drawPictures(layout, draw)]);
    return run((context) => writeLayout(context, layout, onProgress, images));
  };
  return {
    insertTemplate: async (kind, lang) => {
      const { insertTemplate } = await import("./template");
      return run((context) => insertTemplate(context, kind, lang));
    },
    insertTable: async (kind, options) => {
      const { insertTable } = await import("./tables");
      return run((context) => insertTable(context, kind, options));
    },
    selectCell: async (cell) => {
      const { selectCell } = await import("./issues");
      return run((context) => selectCell(context, cell));
    },
    selectSheet: async (name) => {
      const { selectSheet } = await import("./issues");
      return run((context) => selectSheet(context, name));
    },
    writeCellText: async (cell, text) => {
      const { writeCellText } = await import("./issues");
      return run((context) => writeCellText(context, cell, text));
    },
    writeRanking: async (layout, onProgress, options) => {
      const [{ writeRankingRecorded }, images] = await Promise.all([import("./generate-ranking"), drawPictures(layout, draw)]);
      return run((context) => writeRankingRecorded(context, layout, { onProgress, images, replace: options?.replace === true }));
    },
    previousSheets: async (title) => {
      const { previousSheets } = await import("./generate-ranking");
      return run((context) => previousSheets(context, title));
    },
    writeLayout: write,
  };
}
