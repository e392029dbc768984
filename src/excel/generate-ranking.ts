/* global Excel */
// The ranking sheets as the pane writes them: like any layout (generate.ts), and recorded in
// the workbook as SCI's under their title (generated.ts), so that generating the same title
// again can replace them — only after the user's click — or keep both sets.
import type { ReportLayout } from "../report";
import { Syncs } from "./batch";
import { cellValue, type PictureImages, writeLayout } from "./generate";
import { type MadeSheet, recordMade, recordedFor, removeMade, stillMade } from "./generated";
import { cutTitleNote } from "./names";
import type { RankingOutcome } from "./workbook";

/** The sheets earlier runs made for this title that are still as they were left (two round trips at most). */
export async function previousSheets(context: Excel.RequestContext, title: string): Promise<string[]> {
  return (await stillMade(context, new Syncs(context), title)).map((m) => m.name);
}

/**
 * Writes the ranking layout. With `replace`, first deletes the previous sheets of the layout's
 * title that are still SCI's; a sheet Excel refuses to delete stays, is named in the result, and
 * the new set then takes the next free names. The sheets written are recorded under the title;
 * a note says when the title was cut to fit the sheet names, or when the record could not be saved.
 */
export async function writeRankingRecorded(
  context: Excel.RequestContext,
  layout: ReportLayout,
  options: { onProgress?: (done: number) => void; images?: PictureImages; replace?: boolean } = {},
): Promise<RankingOutcome> {
  const title = layout.title;
  const removal = options.replace ? await removeMade(context, new Syncs(context), title) : undefined;
  const r = await writeLayout(context, layout, options.onProgress, options.images);
  const removed = removal?.removed ?? [];
  const notRemoved = removal?.notRemoved ?? [];
  if (!r.ok) return { ...r, removed, notRemoved };
  const written: MadeSheet[] = r.sheets.map((name, i) => ({ name, a1: String(cellValue(layout.sheets[i]?.cells[0]?.[0] ?? null)) }));
  const notes = [...r.notes];
  const cut = cutTitleNote(title, r.sheets);
  if (cut) notes.push(cut);
  try {
    await recordMade(title, removal ? removal.kept : recordedFor(title), written);
  } catch (e) {
    notes.push({
      zh: `未能在工作簿中记下本次生成的工作表，再次生成时无法替换它们（${e instanceof Error ? e.message : String(e)}）`,
      en: `The workbook could not record the sheets just written, so generating again cannot replace them (${e instanceof Error ? e.message : String(e)})`,
    });
  }
  return { ...r, notes, removed, notRemoved };
}
