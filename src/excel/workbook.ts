/* global Excel */
// The task pane's only door to Excel: plain data in, plain data out. The pane's components take
// a SciWorkbook as a prop, so they are tested without Office; here it is backed by Excel.run.
// Writing code loads on first use, keeping it out of the pane's first paint.
import type { ReportLayout } from "../core/layout";
import type { RankingResult } from "./generate";
import type { CellRef, Selected } from "./issues";
import type { TemplateKind, TemplateResult } from "./template";

export interface SciWorkbook {
  insertTemplate(kind: TemplateKind): Promise<TemplateResult>;
  selectCell(cell: CellRef): Promise<Selected>;
  selectSheet(name: string): Promise<Selected>;
  writeRanking(layout: ReportLayout, onProgress?: (done: number) => void): Promise<RankingResult>;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function officeWorkbook(run: ExcelRun = (batch) => Excel.run(batch)): SciWorkbook {
  return {
    insertTemplate: async (kind) => {
      const { insertTemplate } = await import("./template");
      return run((context) => insertTemplate(context, kind));
    },
    selectCell: async (cell) => {
      const { selectCell } = await import("./issues");
      return run((context) => selectCell(context, cell));
    },
    selectSheet: async (name) => {
      const { selectSheet } = await import("./issues");
      return run((context) => selectSheet(context, name));
    },
    writeRanking: async (layout, onProgress) => {
      const { writeRanking } = await import("./generate");
      return run((context) => writeRanking(context, layout, onProgress));
    },
  };
}
