// Reading an input table's header row: the entity and region columns' words, and an indicator
// named by code, report number, name, path or `名称 (代码)`. Validation and adoption share it.
import { cellText, cleanText } from "./cell";
import type { Framework } from "./framework";
import { findIndicator } from "./lookup";

export const DISTRICT_HEADERS = [
  "district",
  "行政区",
  "区",
  "地区",
  "entity",
  "名称",
  "name",
  "区县",
  "县",
  "街镇",
  "county",
  "country",
  "国家",
  "国家或地区",
  "economy",
  "经济体",
];
export const REGION_HEADERS = ["region", "区域"];
export const normHeader = (v: unknown) => cleanText(cellText(v)).toLowerCase();
export const headerKey = (h: string) => h.normalize("NFKC").trim().toLowerCase();

/** `5G建设应用 (A1.1)`: the code in parentheses at the end of a header. */
export const CODE_IN_PARENS = /[（(]\s*([A-Za-z][A-Za-z0-9]*(?:\.\d+)*)\s*[)）]\s*$/;
/** `A1.1 5G建设应用`: a dotted code leading a header. */
export const LEADING_CODE = /^([A-Za-z]\d*(?:\.\d+)+)\s+\S/;

/** A header may be a code, number, name, path, or "name (code)" as the template writes it. */
export function headerIndicator(fw: Framework, h: string) {
  const inParens = CODE_IN_PARENS.exec(h);
  if (inParens) {
    const byCode = findIndicator(fw, inParens[1], fw.leaves);
    if (byCode.ok) return byCode;
  }
  const leading = LEADING_CODE.exec(h.trim());
  if (leading) {
    const byCode = findIndicator(fw, leading[1], fw.leaves);
    if (byCode.ok) return byCode;
  }
  return findIndicator(fw, h, fw.leaves);
}
