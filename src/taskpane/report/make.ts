// The report draft from the workbook's model: the same document model and Word writer as
// `sci report`, pictures drawn on the pane's canvas. Loaded on first use (the writer is large).
import type { Lang } from "../../core";
import { geometryFor } from "../../report";
import { buildDraft, nameFromFramework, reportTitle } from "../../report/draft";
import { draftDocx } from "../../report/docx";
import type { Model } from "../types";
import { paneDraftPictures } from "./pictures";

export interface MadeDraft {
  bytes: Uint8Array;
  /** The file's name: the report's title. */
  name: string;
  tables: number;
  figures: number;
}

export async function makeReportDraft(model: Model, lang: Lang): Promise<MadeDraft | undefined> {
  const scores = model.scores;
  if (!scores) return undefined;
  // A workbook's own framework or entity list is another assessment: the built-in name does not fit.
  const own = !model.tables?.framework && !model.tables?.districts ? model.profile : undefined;
  const name = own ? own.name : nameFromFramework(scores);
  const geometry = geometryFor(model.profile, scores.dataset.districts);
  const input = { scores, previous: model.previous ? [model.previous] : [], name, lang, maps: geometry !== undefined };
  const draft = buildDraft(input);
  const pictures = await paneDraftPictures(draft, scores, geometry);
  const bytes = await draftDocx(draft, pictures);
  const title = reportTitle(input)
    .replace(/[\\/:*?"<>|]+/g, " ")
    .trim();
  return {
    bytes,
    name: `${title}${lang === "zh" ? "（草稿）" : " (draft)"}.docx`,
    tables: draft.blocks.filter((b) => b.kind === "table").length,
    figures: pictures.size,
  };
}
