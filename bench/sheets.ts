// ranking_sheet_syncs: context.sync calls the add-in makes to write every ranking sheet
// (values, formats, headers, frozen rows, widths, the map, charts), counted by the fake workbook.
import { score } from "../src/core";
import { dataset2020, GEOMETRY_SHANGHAI } from "../src/data";
import { writeRanking } from "../src/excel/generate";
import { reportLayout, withMap } from "../src/report";
import { FakeExcel } from "../test/fakes/excel";
import { svgToPng } from "../src/cli/png";

export async function rankingSheetSyncs(): Promise<{ value: number; detail: string }> {
  const scores = score(dataset2020());
  const layout = withMap(reportLayout(scores), scores, GEOMETRY_SHANGHAI);
  // The pane draws each picture as PNG before the write (release Excel takes no SVG); resvg here.
  const images = new Map<NonNullable<(typeof layout.sheets)[number]["pictures"]>[number], string>();
  for (const p of layout.sheets.flatMap((sheet) => sheet.pictures ?? [])) images.set(p, (await svgToPng(p.svg, { width: 2 * p.width })).png.toString("base64"));
  const excel = new FakeExcel();
  const result = await excel.runExcel((context) => writeRanking(context, layout, undefined, images));
  if (!result.ok) throw new Error(`writing the ranking sheets failed: ${result.message}`);
  if (result.mismatches.length) throw new Error(`${result.mismatches.length} cells read back differently`);
  if (result.syncs !== excel.syncs) throw new Error(`writeRanking reports ${result.syncs} syncs, the fake counted ${excel.syncs}`);
  const tables = layout.sheets.reduce((n, s) => n + s.tables.length, 0);
  const charts = layout.sheets.reduce((n, s) => n + s.charts.length, 0);
  const shapes = excel.state.sheets.reduce((n, s) => n + s.shapes.length, 0);
  if (shapes !== 1) throw new Error(`expected the map as one shape, found ${shapes}`);
  return { value: excel.syncs, detail: `${layout.sheets.length} sheets, ${tables} tables, ${charts} charts, 1 map (fake workbook)` };
}

/** The ranking sheets of 3,000 entities: syncs and the largest request, within Excel on the web's 5 MB. */
export async function rankingSheets3000(): Promise<{ value: number; detail: string; largest: number }> {
  const { syntheticCells, wholeJob } = await import("./whole-job");
  const scores = wholeJob(syntheticCells(3000)).scores!;
  const layout = reportLayout(scores);
  const excel = new FakeExcel();
  const result = await excel.runExcel((context) => writeRanking(context, layout));
  if (!result.ok) throw new Error(`writing the 3,000-entity ranking sheets failed: ${result.message}`);
  if (result.mismatches.length) throw new Error(`${result.mismatches.length} cells read back differently`);
  if (result.largestRequest > 5_000_000) throw new Error(`a request of ${result.largestRequest} bytes is over Excel on the web's 5 MB`);
  const cells = layout.sheets.reduce((n, s) => n + s.cells.length * (s.cells[0]?.length ?? 0), 0);
  return {
    value: excel.syncs,
    largest: result.largestRequest,
    detail: `${layout.sheets.length} sheets, ${cells.toLocaleString("en")} cells; largest request ≈ ${Math.round(result.largestRequest / 1024)} KB (fake workbook)`,
  };
}
