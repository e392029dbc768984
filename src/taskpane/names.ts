// Names the pane shows: districts and indicators in the UI language.
import { rosterOf, type Framework, type Lang } from "../core";
import { defaultProfile } from "../data";

/** The built-in assessment's district list, for English names and misspelling fixes. */
export const roster = rosterOf(defaultProfile);

export const districtName = (id: string, lang: Lang): string => (lang === "en" ? (roster.find(id)?.en ?? id) : id);

export function indicatorName(fw: Framework, code: string, lang: Lang): string {
  const ind = fw.indicators.get(code);
  return ind ? (lang === "en" ? ind.nameEn : ind.nameZh) : code;
}
