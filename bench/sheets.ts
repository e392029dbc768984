// ranking_sheet_syncs: context.sync calls the add-in makes to write every ranking sheet
// (values, formats, headers, frozen rows, widths, charts), counted by the fake workbook.
import { score } from "../src/core";
import { reportLayout } from "../src/report";
import { dataset2020 } from "../src/data";
import { writeRanking } from "../src/excel/generate";
import { FakeExcel } from "../test/fakes/excel";

export async function rankingSheetSyncs(): Promise<{ value: number; detail: string }> {
  const layout = reportLayout(score(dataset2020()));
  const excel = new FakeExcel();
  const result = await excel.runExcel((context) => writeRanking(context, layout));
  if (!result.ok) throw new Error(`writing the ranking sheets failed: ${result.message}`);
  if (result.mismatches.length) throw new Error(`${result.mismatches.length} cells read back differently`);
  if (result.syncs !== excel.syncs) throw new Error(`writeRanking reports ${result.syncs} syncs, the fake counted ${excel.syncs}`);
  const tables = layout.sheets.reduce((n, s) => n + s.tables.length, 0);
  const charts = layout.sheets.reduce((n, s) => n + s.charts.length, 0);
  return { value: excel.syncs, detail: `${layout.sheets.length} sheets, ${tables} tables, ${charts} charts (fake workbook)` };
}
