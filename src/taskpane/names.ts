// Names the pane shows: districts and indicators in the UI language.
import { rosterOf, type Framework, type Lang, type Roster } from "../core";
import { defaultProfile } from "../data";
import type { Model } from "./types";

/** The model's entity list (its profile's, or one from the workbook), for names and fixes. */
export const rosterFor = (model: Model): Roster => rosterOf(model.profile ?? defaultProfile);

export const districtName = (roster: Roster, id: string, lang: Lang): string => (lang === "en" ? (roster.find(id)?.en ?? id) : id);

export function indicatorName(fw: Framework, code: string, lang: Lang): string {
  const ind = fw.indicators.get(code);
  return ind ? (lang === "en" ? ind.nameEn : ind.nameZh) : code;
}
